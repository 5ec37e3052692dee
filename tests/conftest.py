"""Shared fixtures: paths to our own fixture articles and to ../shared (tests that need it skip without it)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "spec").exists():
        pytest.skip("../shared is absent")
    return SHARED



def untimed_entities(name: str, text: str) -> dict[str, dict]:
    """The entities of the record of `text` (a body, as input `name`) by name, analysed without the per-document
    time budget: names, not the budget, are under test (a busy machine is slow)."""
    from newsgraph.pipeline import analyze_document
    from newsgraph.records import RawDocument

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("NEWSGRAPH_DOC_TIMEOUT", "0")
        rec = analyze_document(RawDocument(input=name, data=text.encode("utf-8"), kind="body")).to_dict()
    return {e["name"]: e for e in rec["entities"]}


def annotated_body(body: str, nlp, published: str = "2024-06-09"):
    """`body` annotated as one article dated `published` by `nlp`: each event test module annotates one body of its
    own sentences once (a module-scoped fixture) and asks for the events of one trigger at a time."""
    from newsgraph.annotate import annotate
    from newsgraph.records import Extracted

    return annotate(Extracted(input="t", body=body, published=published, kind="body"), nlp)


def annotated_docs(docs: dict[str, str]) -> dict:
    """{name: article} of undated bodies annotated together by the default pipeline: the quote test modules' one
    fixture over their invented documents."""
    from newsgraph.annotate import annotate_many
    from newsgraph.records import Extracted

    out = annotate_many([Extracted(input=k, body=v, kind="body") for k, v in docs.items()])
    return dict(zip(docs, out, strict=True))


def events_with_trigger(article, trigger: str, sentence: str | None = None) -> list:
    """The events of `article` whose trigger is `trigger` and, when `sentence` is given, whose span holds it."""
    return [
        ev for ev in article.events
        if ev.trigger == trigger and (sentence is None or sentence in article.body[ev.start : ev.end])
    ]


def event_pairs(article, trigger: str, sentence: str | None = None) -> set[tuple]:
    """(type, source name, target name) of the events `events_with_trigger` gives: what the event tests compare."""
    return {(e.type, e.source_name, e.target_name) for e in events_with_trigger(article, trigger, sentence)}


@pytest.fixture(scope="session")
def demo_records() -> dict[str, dict]:
    """The record of every demo input, keyed by input name (see golden_records.analyze_demo)."""
    from golden_records import analyze_demo

    return analyze_demo()


#: Every record made by `newsgraph.annotate.to_article` in this test process (tests/test_zz_invariants.py checks
#: them all at the end).
PRODUCED: list[dict] = []


@pytest.fixture(autouse=True, scope="session")
def _collect_records():
    import newsgraph.annotate as annotate

    original = annotate.to_article

    def to_article(ex, doc, *rest):
        article = original(ex, doc, *rest)
        PRODUCED.append(article.to_dict())
        return article

    annotate.to_article = to_article
    yield
    annotate.to_article = original


def pytest_collection_modifyitems(items):
    """The invariant test over every produced record runs last."""
    last = [i for i in items if i.nodeid.startswith("tests/test_zz_invariants.py")]
    items[:] = [i for i in items if i not in last] + last


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> Path:
    """The demo corpus (demo/) ingested once per test session: analysed and stored, read-only for tests."""
    from typer.testing import CliRunner

    from newsgraph.cli import app

    db = tmp_path_factory.mktemp("demo") / "demo.db"
    res = CliRunner().invoke(app, ["ingest", str(REPO / "demo"), "--db", str(db), "--no-progress"])
    assert res.exit_code == 0, res.output
    return db


@pytest.fixture()
def corpus_db(tmp_path: Path) -> Path:
    """A store holding the hand-made articles of test_store.corpus(), fresh for each test (tests may write to it)."""
    from test_store import corpus

    from newsgraph.store import StoreWriter

    path = tmp_path / "corpus.db"
    with StoreWriter(path) as w:
        for a in corpus():
            w.put(a)
    return path


@pytest.fixture()
def corpus_client(corpus_db: Path):
    """The web app (pages and API) over `corpus_db`, driven in process."""
    from fastapi.testclient import TestClient

    from newsgraph.web.app import create_app

    return TestClient(create_app(corpus_db))


@pytest.fixture(scope="session")
def selective_nlp():
    """The default pipeline (selective parse) with paragraph boundaries, loaded once for the annotator tests."""
    from newsgraph.annotate import load_pipeline
    from newsgraph.annotate.triggers import add_paragraph_boundaries

    return add_paragraph_boundaries(load_pipeline(None, "selective"))


@pytest.fixture(scope="session")
def dated_doc(selective_nlp):
    """Run the selective pipeline over `text` as an article published on `published` (the dates' anchor): the date
    and fact tests each needed this, so it is written once."""
    from newsgraph.annotate.extensions import register_extensions

    def run(text: str, published: str):
        register_extensions()
        doc = selective_nlp.make_doc(text)
        doc._.ng_meta = {"published": published}
        for _, pipe in selective_nlp.pipeline:
            doc = pipe(doc)
        return doc

    return run
