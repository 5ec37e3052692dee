"""Memory bounds that must not change records: batches bounded by words (annotate/batching.py)."""

from __future__ import annotations

from newsgraph.annotate.batching import pipe_bounded, word_batches


class _Doc(list):
    """Stands in for a Doc: only its length (words) matters to the batching."""


def test_batches_are_cut_by_words_and_by_articles():
    docs = [_Doc([0] * n) for n in (300, 300, 500, 2000, 100, 100, 100)]
    sizes = [[len(d) for d in b] for b in word_batches(docs, max_docs=2, max_tokens=1000)]
    assert sizes == [[300, 300], [500], [2000], [100, 100], [100]]
    # an article longer than the bound goes alone; nothing is lost or reordered
    assert [len(d) for b in word_batches(docs, 16, 400) for d in b] == [len(d) for d in docs]
    assert [[len(d) for d in b] for b in word_batches(docs, 16, 400)][2:4] == [[500], [2000]]


def test_pipe_bounded_sends_each_bounded_batch_to_nlp_pipe_in_order():
    seen = []

    class _Nlp:
        def pipe(self, batch, batch_size):
            seen.append([len(d) for d in batch])
            assert batch_size == len(batch)
            return iter(batch)

    docs = [_Doc([0] * n) for n in (10, 20, 30, 40)]
    out = list(pipe_bounded(_Nlp(), iter(docs), max_docs=16, max_tokens=35))
    assert out == docs and [id(d) for d in out] == [id(d) for d in docs]
    assert seen == [[10, 20], [30], [40]]


def test_records_do_not_depend_on_the_word_bound(monkeypatch, demo_records):
    """Every demo article annotated in a batch of its own gives the records the default batches give."""
    from golden_records import analyze_demo

    import newsgraph.annotate.batching as batching

    calls = []
    real = batching.word_batches

    def spy(docs, max_docs, max_tokens):
        for b in real(docs, max_docs, max_tokens):
            calls.append(len(b))
            yield b

    monkeypatch.setattr(batching, "word_batches", spy)
    monkeypatch.setenv("NEWSGRAPH_BATCH_TOKENS", "1")
    alone = analyze_demo()
    assert calls and set(calls) == {1}  # the bound did cut: one article per batch
    assert alone == demo_records


_LAZY_FRENCH = r"""
import sys
from pathlib import Path
from newsgraph.pipeline import analyze_stream
from newsgraph.records import RawDocument
own = Path(sys.argv[1])
def doc(name):
    return RawDocument(input=name, data=(own / name).read_text("utf-8").encode(), kind="body")
english = [doc("en-harbour.txt")] + [doc(p.name) for p in sorted(own.glob("*.txt")) if p.name[:3] not in ("en-", "fr-")]
langs = [a.language for a in analyze_stream(english)]
print("before", "en" in langs, "fr" in langs, "spacy.lang.fr" in sys.modules, "fr_core_news_sm" in sys.modules)
[french] = analyze_stream([doc("fr-port.txt")])
print("after", french.language, "spacy.lang.fr" in sys.modules, "fr_core_news_sm" in sys.modules)
"""


def test_the_french_pipeline_loads_only_when_a_french_article_arrives():
    """A worker that sees English and other languages never holds the French pipeline (about 180 MB)."""
    import subprocess
    import sys
    from pathlib import Path

    own = Path(__file__).resolve().parent.parent / "benchmarks" / "data" / "language"
    out = subprocess.run([sys.executable, "-c", _LAZY_FRENCH, str(own)], capture_output=True, text=True, check=True)
    lines = out.stdout.split("\n")
    assert "before True False False False" in lines
    assert "after fr True True" in lines


def test_pool_tasks_are_small_and_a_setting(monkeypatch):
    """The pool sends NEWSGRAPH_POOL_TASK articles per task (not a whole nlp.pipe batch): see settings.POOL_TASK."""
    import newsgraph.parallel as parallel
    from newsgraph.settings import BATCH_SIZE, POOL_TASK

    seen = []
    monkeypatch.setattr(parallel, "_pool_map", lambda docs, workers, chunk: seen.append(chunk) or iter(()))
    list(parallel.analyze_parallel([], workers=2))
    monkeypatch.setenv("NEWSGRAPH_POOL_TASK", "3")
    list(parallel.analyze_parallel([], workers=2))
    assert seen == [POOL_TASK, 3] and POOL_TASK < BATCH_SIZE
