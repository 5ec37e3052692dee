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
