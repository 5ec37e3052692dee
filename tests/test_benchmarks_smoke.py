"""A smoke run of every benchmark task on a few items, so the scorers cannot rot.

The full run stays out of CI (`python -m benchmarks`). Tasks whose data is absent report a skip; a task that
raises is reported as "ERROR" in results.json, which fails this test.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.shared
def test_every_task_runs_on_a_few_items(tmp_path, shared):
    env = dict(os.environ, NEWSGRAPH_BENCH_SMOKE="1")
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--limit", "3", "--out", str(tmp_path)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=1500,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    results = json.loads((tmp_path / "results.json").read_text())
    errors = {n: t["skipped"] for n, t in results["tasks"].items() if (t.get("skipped") or "").startswith("ERROR")}
    assert not errors, errors
    ran = [n for n, t in results["tasks"].items() if not t.get("skipped")]
    assert "seed" in ran
    for name in ran:
        assert results["tasks"][name]["tables"], f"{name} produced no table"
    assert (tmp_path / "RESULTS.md").read_text().startswith("# newsgraph benchmark results")
