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



def analyze_demo(nlp=None) -> dict[str, dict]:
    """The record of every input of the demo corpus, keyed by its input name relative to the repository
    ("demo/html/x.html", "demo/warc/y.warc.gz#0"), as `newsgraph analyze demo/` makes them (without the batch's
    near-duplicate `cluster`). With `nlp`, that pipeline annotates instead of the default one."""
    import os

    from newsgraph.annotate import annotate_many
    from newsgraph.ingest import iter_documents
    from newsgraph.pipeline import analyze_stream, extract_document

    cwd = os.getcwd()
    os.chdir(REPO)
    try:
        docs = list(iter_documents(["demo"], "auto", None))
        assert not [d for d in docs if isinstance(d, Exception)], docs
        if nlp is None:
            items = list(analyze_stream(docs))
        else:
            items = list(annotate_many([extract_document(d) for d in docs], nlp))
    finally:
        os.chdir(cwd)
    assert not [x for x in items if isinstance(x, Exception)], items
    return {x.input: x.to_dict() for x in items}


@pytest.fixture(scope="session")
def demo_records() -> dict[str, dict]:
    return analyze_demo()
