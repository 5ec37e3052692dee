"""The per-document budget: a document past its time fails as "too complex", the batch goes on, in one process
and in a pool (where a worker stuck in code no signal can interrupt is killed and replaced); size caps."""

from __future__ import annotations

import signal
import time

import pytest
from test_ingest import article_page

import newsgraph.pipeline as pipeline
from newsgraph import parallel
from newsgraph.budget import DocumentTimeout, cut_tokens, time_limit
from newsgraph.errors import InputError
from newsgraph.extract import extract
from newsgraph.records import Article, RawDocument


def busy(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_time_limit_interrupts_python_code_and_restores_an_outer_timer():
    with pytest.raises(DocumentTimeout):
        with time_limit(0.2):
            busy(5)
    with pytest.raises(DocumentTimeout):  # the outer limit still fires after an inner one ended
        with time_limit(0.5):
            with time_limit(5):
                busy(0.1)
            busy(5)
    with time_limit(0):  # 0: no limit
        busy(0.05)
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0


def test_cut_tokens_cuts_at_a_paragraph_break():
    body = "one two three.\n\nfour five six seven.\n\neight nine"
    assert cut_tokens(body, 100) == body
    assert cut_tokens(body, 8) == "one two three.\n\nfour five six seven."
    assert len(cut_tokens("w " * 50_000, 20_000).split()) == 20_000


#: The budget in these tests: generous for a normal page on a loaded machine (no timing is asserted, only which
#: document fails), far below what the slow and stuck pages would take.
BUDGET = 10


def warm_up() -> None:
    """Load the model and every lazy resource before any budget runs (forked workers inherit them)."""
    pipeline.analyze_document(RawDocument("warm.html", article_page(0).encode()))


@pytest.fixture
def slow_pages(monkeypatch):
    """Pages named 'slow*' spend 10 minutes in Python code during extraction; others are quick."""
    warm_up()
    real = pipeline.extract_document

    def extract_document(raw):
        if raw.input.startswith("slow"):
            busy(600)
        return real(raw)

    monkeypatch.setattr(pipeline, "extract_document", extract_document)
    monkeypatch.setenv("NEWSGRAPH_DOC_TIMEOUT", str(BUDGET))


def docs(names):
    return [RawDocument(n, article_page(i).encode()) for i, n in enumerate(names)]


def test_a_slow_document_fails_and_the_batch_goes_on(slow_pages):
    out = list(pipeline.analyze_stream(docs(["a.html", "slow.html", "b.html"])))
    assert [o.input for o in out] == ["a.html", "slow.html", "b.html"]
    assert isinstance(out[0], Article) and isinstance(out[2], Article)
    assert isinstance(out[1], InputError)
    assert out[1].problem.startswith(f"too complex to analyse within {BUDGET} s")
    with pytest.raises(InputError, match="too complex"):
        pipeline.analyze_document(docs(["slow2.html"])[0])


def test_pool_worker_stuck_in_native_code_is_replaced(monkeypatch):
    """A worker that ignores the timer signal (as code inside a C extension does) is killed; the rest go on."""
    warm_up()  # forked workers inherit the loaded model and resources: no start-up inside the deadlines below
    real = pipeline.extract_document

    def extract_document(raw):
        if raw.input.startswith("stuck"):
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})  # the timer cannot reach Python code now
            time.sleep(600)
        return real(raw)

    monkeypatch.setattr(pipeline, "extract_document", extract_document)
    monkeypatch.setenv("NEWSGRAPH_DOC_TIMEOUT", str(BUDGET))
    monkeypatch.setenv("NEWSGRAPH_MP_START", "fork")
    monkeypatch.setattr(parallel, "GRACE", 8.0)
    out = list(parallel.analyze_parallel(docs(["a.html", "stuck.html", "b.html", "c.html"]), workers=2, chunk=2,
                                         dedup=False))
    assert [o.input for o in out] == ["a.html", "stuck.html", "b.html", "c.html"]
    assert [type(o).__name__ for o in out] == ["Article", "InputError", "Article", "Article"]
    assert f"too complex to analyse within {BUDGET} s" in out[1].problem


def test_size_caps_refuse_with_the_limit_named(monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_MAX_ELEMENTS", "500")
    page = "<html><body><article>" + "<p>Short line of text here.</p>" * 600 + "</article></body></html>"
    with pytest.raises(InputError, match=r"too complex: 6\d\d HTML elements \(limit 500, NEWSGRAPH_MAX_ELEMENTS\)"):
        extract(RawDocument("many.html", page.encode()))
    monkeypatch.setenv("NEWSGRAPH_MAX_LINES", "100")
    text = "\n".join(f"Line {i} of a long scraped page, with a sentence in it." for i in range(300))
    with pytest.raises(InputError, match="too complex: 300 lines"):
        extract(RawDocument("many.txt", text.encode(), kind="text"))


def test_body_is_cut_to_the_token_cap(monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_MAX_TOKENS", "40")
    ex = pipeline.extract_document(docs(["a.html"])[0])
    assert 0 < len(ex.body.split()) <= 40
