"""Fuzz and property tests: every hostile input gives exactly one record or one clear error line, never a
traceback, never a lost input, and every record writes as valid UTF-8 JSON.

Inputs are real-shaped pages we wrote (benchmarks/fuzzgen.py) put through byte flips, truncation, wrong charsets,
surrogates, deep nesting, giant tokens, hostile URLs and markup (scaled down here so CI stays fast; the `fuzz`
benchmark runs 10,000 of them at full size), plus arbitrary text from hypothesis and damaged WARC files.
"""

from __future__ import annotations

import io
import json
import os
import random
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.fuzzgen import hostile_input, hostile_warc, html_page
from newsgraph.cli.output import dumps
from newsgraph.errors import InputError
from newsgraph.ingest.warc import iter_warc
from newsgraph.pipeline import analyze_stream
from newsgraph.records import Article, RawDocument


def fast(n: int) -> settings:
    """n examples, no per-example deadline (analysis time varies on a shared machine), the same examples every run."""
    return settings(max_examples=n, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True,
                    database=None)


def check_one(out: list, name: str) -> None:
    """Exactly one result for the input: a record that writes as valid JSON, or one clear error line."""
    assert len(out) == 1, out
    r = out[0]
    assert r.input == name
    if isinstance(r, Article):
        text = dumps(r.to_dict(), False)
        text.encode("utf-8")
        assert json.loads(text)["id"] == r.id
        assert r.url is None or r.url.startswith(("http://", "https://"))
    else:
        assert isinstance(r, InputError)
        assert r.problem and "\n" not in r.problem
        assert not r.problem.startswith("internal error"), r.problem


@fast(40)
@given(seed=st.integers(0, 2**32 - 1))
def test_hostile_pages_give_one_record_or_one_error(seed):
    name, data, kind, _ = hostile_input(random.Random(seed), scale=0.03, costly=1.0)  # cliffs as often as the rest
    check_one(list(analyze_stream([RawDocument(name, data, kind=kind)])), name)


@fast(25)
@given(title=st.text(max_size=80), inject=st.text(max_size=200), at=st.integers(0, 10_000))
def test_arbitrary_text_in_title_and_body(title, inject, at):
    page = html_page(random.Random(at))
    page = page.replace("<h1>", "<h1>" + title, 1)
    at = at % (len(page) + 1)
    data = (page[:at] + inject + page[at:]).encode("utf-8", "surrogatepass")
    check_one(list(analyze_stream([RawDocument("t.html", data)])), "t.html")


@fast(15)
@given(seed=st.integers(0, 2**32 - 1))
def test_damaged_warc_never_raises(seed):
    data = hostile_warc(random.Random(seed))
    for r in analyze_stream(iter_warc("crawl.warc", stream=io.BytesIO(data))):
        assert isinstance(r, Article | InputError)
        if isinstance(r, InputError):
            assert "\n" not in r.problem and not r.problem.startswith("internal error"), r.problem


def test_cli_batch_of_hostile_inputs_loses_nothing(tmp_path: Path):
    """Through the real CLI with two workers: records + error lines + duplicate notes = inputs, no traceback."""
    rng = random.Random(13)
    folder = tmp_path / "in"
    folder.mkdir()
    names = set()
    for _ in range(30):
        name, data, _, _ = hostile_input(rng, scale=0.03)
        (folder / name).write_bytes(data)
        names.add(str(folder / name))
    out = tmp_path / "out.jsonl"
    exe = Path(sys.executable).parent / "newsgraph"
    res = subprocess.run([str(exe), "analyze", str(folder), "--format", "jsonl", "-o", str(out), "--workers", "2"],
                         capture_output=True, text=True, timeout=600, env={**os.environ, "NEWSGRAPH_MP_START": "fork"})
    assert "Traceback" not in res.stderr, res.stderr[-3000:]
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()] if out.exists() else []
    errors = [ln for ln in res.stderr.splitlines() if ln.startswith("newsgraph: error: ")]
    skipped = [ln for ln in res.stderr.splitlines() if "skipped" in ln and ln.startswith("newsgraph: ")]
    seen = {r["input"] for r in records} | {ln.split(": ")[2] for ln in errors}
    assert len(records) + len(errors) + len(skipped) == len(names), res.stderr[-3000:]
    assert seen <= names
    assert not any("internal error" in ln for ln in errors), errors
