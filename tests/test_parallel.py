"""The process pool: same records and failures as one process, in input order; a bug in one article is that
article's failure; exact repeats skipped and near-copies clustered (newsgraph.scale.dedup)."""

from __future__ import annotations

import pytest
from test_ingest import article_page

import newsgraph.pipeline as pipeline_mod
from newsgraph.errors import InputError
from newsgraph.parallel import analyze_parallel
from newsgraph.pipeline import analyze_stream
from newsgraph.records import RawDocument
from newsgraph.scale.dedup import Deduplicator


def _docs(n: int) -> list[RawDocument | InputError]:
    docs: list[RawDocument | InputError] = []
    for i in range(n):
        docs.append(RawDocument(input=f"p{i}.html", data=article_page(i, extra=f"<p>Update number {i} was issued "
                                f"by the agency at {i} o'clock, and it is the {i}th of the series.</p>").encode(),
                                url=f"https://news.example/{i}"))
        if i == 3:
            docs.append(InputError("broken.html", "binary data, not a web page or text"))
            docs.append(RawDocument(input="empty.html", data=b""))
    return docs


def _summary(items):
    return [(x.input, x.problem) if isinstance(x, InputError) else x.to_dict() for x in items]


def test_pool_equals_one_process_in_order():
    docs = _docs(7)
    one = _summary(analyze_parallel(docs, workers=1))
    two = _summary(analyze_parallel(iter(docs), workers=2, chunk=2))
    assert one == two
    assert [x[0] if isinstance(x, tuple) else x["input"] for x in two] == [
        "p0.html", "p1.html", "p2.html", "p3.html", "broken.html", "empty.html", "p4.html", "p5.html", "p6.html"]
    assert ("empty.html", "empty input") in two


def test_a_bug_in_one_article_is_reported_not_fatal(monkeypatch):
    real = pipeline_mod.extract_document

    def flaky(raw):
        if raw.input == "p1.html":
            raise ZeroDivisionError("division by zero")
        return real(raw)

    monkeypatch.setattr(pipeline_mod, "extract_document", flaky)
    out = list(analyze_stream(_docs(3)))
    assert [type(x).__name__ for x in out] == ["Article", "InputError", "Article"]
    assert out[1].input == "p1.html" and out[1].problem == "internal error: ZeroDivisionError: division by zero"


def test_a_bug_in_annotation_fails_only_that_article(monkeypatch):
    import newsgraph.annotate as annotate_mod

    real_to_article = annotate_mod.to_article

    def flaky(ex, doc, *rest):
        if ex.input == "p2.html":
            raise KeyError("boom")
        return real_to_article(ex, doc, *rest)

    monkeypatch.setattr(annotate_mod, "to_article", flaky)
    out = list(analyze_stream(_docs(4)))
    bad = [x for x in out if isinstance(x, InputError)]
    assert [(b.input, b.problem) for b in bad] == [
        ("p2.html", "internal error: KeyError: 'boom'"),
        ("broken.html", "binary data, not a web page or text"),
        ("empty.html", "empty input"),
    ]
    assert len(out) == 4 + 2  # 4 pages + the 2 input errors, in order


def test_worker_start_method_can_be_spawn(monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_MP_START", "spawn")
    docs = _docs(2)
    assert _summary(analyze_parallel(docs, workers=2, chunk=1)) == _summary(analyze_parallel(docs, workers=1))


def test_exact_repeat_skipped_and_wire_copies_clustered(caplog):
    story = article_page(0)
    copy_other_site = story.replace("The Daily Example", "Morning Courier").replace(
        "By Staff Reporter (Reuters)", "Reuters")
    docs = [
        RawDocument(input="a.html", data=story.encode(), url="https://a.example/flood"),
        RawDocument(input="a-again.html", data=story.encode(), url="https://a.example/flood"),
        RawDocument(input="b.html", data=copy_other_site.encode(), url="https://b.example/news/flood"),
        RawDocument(input="c.html", data=article_page(1).encode(), url="https://a.example/rail"),
    ]
    with caplog.at_level("WARNING", logger="newsgraph.dedup"):
        out = list(analyze_parallel(docs))
    assert [a.input for a in out] == ["a.html", "b.html", "c.html"]
    assert "a-again.html: skipped, same URL and text as a.html" in caplog.text
    a, b, c = out
    assert a.cluster == a.id and b.cluster == a.id
    assert c.cluster == c.id != a.id


def test_minhash_threshold_separates_different_stories():
    from newsgraph.records import Article

    def art(i, body):
        return Article(id=f"id{i}", input=f"{i}", url=f"u{i}", source={}, title=None, section=None, standfirst=None,
                       authors=[], agency=None, published=None, modified=None, language="en", images=[], body=body)

    base = " ".join(f"word{i}" for i in range(200))
    near = base.replace("word150", "changed").replace("word10 ", "other ")
    far = " ".join(f"term{i}" for i in range(200))
    d = Deduplicator()
    arts = [art(1, base), art(2, near), art(3, far), art(4, "too short to cluster")]
    assert all(d.assign(a) for a in arts)
    assert [a.cluster for a in arts] == ["id1", "id1", "id3", "id4"]
    one = Deduplicator()  # the index (and the datasketch import) waits for a second clusterable article
    first, second = art(5, base), art(6, near)
    assert one.assign(first) and one._lsh is None
    assert one.assign(second) and one._lsh is not None
    assert (first.cluster, second.cluster) == ("id5", "id5")


@pytest.mark.parametrize("workers", [1, 2])
def test_generator_input_is_consumed_lazily(workers):
    seen = []

    def gen():
        for d in _docs(40):
            seen.append(d)
            yield d

    it = analyze_parallel(gen(), workers=workers, chunk=2)
    next(it)
    assert len(seen) < 40  # not materialised up front
    it.close()
