"""The pool's lanes (parallel.py): a language the workers have not loaded goes to one lane process, records unchanged.

Run in a fresh interpreter: the test process may hold the French pipeline already, and forked workers would
inherit it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

OWN = Path(__file__).resolve().parent.parent / "benchmarks" / "data" / "language"

_RUN = r"""
import json, os, sys
from pathlib import Path
import newsgraph.parallel as parallel
from newsgraph.errors import InputError
from newsgraph.records import RawDocument

own, out, share = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
os.environ["NEWSGRAPH_POOL_LANE_SHARE"] = share
parallel.LANE_MIN = 2
parallel.IN_FLIGHT = 1  # 2 tasks in flight: a promotion reaches the tasks sent after it

def doc(name):
    return RawDocument(input=name, data=(own / name).read_text("utf-8").encode(), kind="body")

def spy(real, kind):
    def wrapped(items):
        res = real(items)
        with open(out / f"{kind}-{os.getpid()}", "a") as f:
            f.write(json.dumps([len(items), "fr_core_news_sm" in sys.modules,
                                sum(type(x).__name__ == "Deferred" for x in res)]) + "\n")
        return res
    wrapped.__name__ = wrapped.__qualname__ = real.__name__
    wrapped.__module__ = parallel.__name__
    return wrapped

parallel._work = spy(parallel._work, "worker")
parallel._work_deferred = spy(parallel._work_deferred, "lane")
english = [doc(p.name) for p in sorted(own.glob("en-*.txt"))]
french = [doc(p.name) for p in sorted(own.glob("fr-*.txt"))]
docs = english + french * 3 + english
def summary(items):
    return [(x.input, x.problem) if isinstance(x, InputError) else x.to_dict() for x in items]
two = summary(parallel.analyze_parallel(docs, workers=2, chunk=2, dedup=False))
one = summary(parallel.analyze_parallel(docs, workers=1, dedup=False))
print(json.dumps({"same": one == two, "n": len(two), "french": sum(d.input.startswith("fr-") for d in docs),
                  "languages": [x["language"] for x in two if isinstance(x, dict)]}))
"""


def _run(tmp_path: Path, share: str) -> tuple[dict, dict[str, list]]:
    out = subprocess.run([sys.executable, "-c", _RUN, str(OWN), str(tmp_path), share], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-3000:]
    logs = {p.name: [json.loads(x) for x in p.read_text().splitlines()] for p in tmp_path.iterdir()}
    return json.loads(out.stdout.strip().splitlines()[-1]), logs


def test_a_rare_language_is_loaded_by_one_lane_not_by_the_workers(tmp_path):
    res, logs = _run(tmp_path, "1")  # "1 in 1 at most": never common, always the lane
    assert res["same"]  # the same records, in the same order, as one process
    assert res["languages"].count("fr") == res["french"] >= 2
    workers = [v for k, v in logs.items() if k.startswith("worker-")]
    lanes = [v for k, v in logs.items() if k.startswith("lane-")]
    assert workers and not any(fr for log in workers for _, fr, _ in log)  # no worker loaded French
    assert sum(d for log in workers for _, _, d in log) == res["french"]  # every French document was deferred
    assert len(lanes) == 1 and sum(n for n, _, _ in lanes[0]) == res["french"] and lanes[0][-1][1]


def test_a_common_language_is_promoted_to_every_worker(tmp_path):
    res, logs = _run(tmp_path, "8")  # French, 9 of 15 documents, is more than 1 in 8: promoted
    assert res["same"]
    workers = [v for k, v in logs.items() if k.startswith("worker-")]
    deferred = sum(d for log in workers for _, _, d in log)
    assert 2 <= deferred < res["french"]  # the first ones were deferred, then workers annotated French themselves
    assert any(fr for log in workers for _, fr, _ in log)


def _die_on_port(items):
    import os

    from newsgraph.pipeline import annotate_deferred

    if any(d.ex.input == "fr-port.txt" for d in items):
        os._exit(3)  # a crash in native code, as the lane process sees it
    return annotate_deferred(items)


def test_a_lane_that_dies_fails_only_the_document_it_held(monkeypatch):
    import newsgraph.parallel as parallel
    from newsgraph.errors import InputError
    from newsgraph.records import RawDocument

    def doc(name):
        return RawDocument(input=name, data=(OWN / name).read_text("utf-8").encode(), kind="body")

    monkeypatch.setenv("NEWSGRAPH_POOL_LANE_SHARE", "1")  # every French document goes to the lane
    real = parallel._work_deferred
    monkeypatch.setattr(parallel, "annotate_deferred", _die_on_port)
    assert parallel._work_deferred is real
    docs = [doc("en-harbour.txt"), doc("fr-port.txt"), doc("fr-budget.txt"), doc("en-budget.txt")]
    out = list(parallel.analyze_parallel(docs, workers=2, chunk=1, dedup=False))
    assert [x.input for x in out] == [d.input for d in docs]
    assert isinstance(out[1], InputError) and out[1].problem == "internal error: worker process died while analysing it"
    monkeypatch.undo()
    one = list(parallel.analyze_parallel([docs[0], docs[2], docs[3]], workers=1, dedup=False))
    assert [x.to_dict() for x in (out[0], out[2], out[3])] == [x.to_dict() for x in one]


def _stuck_on_port(items):
    import signal
    import time

    from newsgraph.pipeline import annotate_deferred

    if any(d.ex.input == "fr-port.txt" for d in items):
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})  # as code inside a C extension: no timer
        time.sleep(600)
    return annotate_deferred(items)


def test_a_lane_stuck_past_the_budget_is_killed_and_its_document_fails(monkeypatch):
    import newsgraph.parallel as parallel
    from newsgraph.records import RawDocument

    def doc(name):
        return RawDocument(input=name, data=(OWN / name).read_text("utf-8").encode(), kind="body")

    monkeypatch.setenv("NEWSGRAPH_POOL_LANE_SHARE", "1")
    monkeypatch.setenv("NEWSGRAPH_DOC_TIMEOUT", "5")
    monkeypatch.setenv("NEWSGRAPH_MP_START", "fork")
    monkeypatch.setattr(parallel, "GRACE", 20.0)  # the lane's start and French load fit; 600 s of sleep does not
    monkeypatch.setattr(parallel, "annotate_deferred", _stuck_on_port)
    docs = [doc("en-harbour.txt"), doc("fr-port.txt"), doc("fr-budget.txt"), doc("en-budget.txt")]
    out = list(parallel.analyze_parallel(docs, workers=2, chunk=1, dedup=False))
    assert [x.input for x in out] == [d.input for d in docs]
    assert [type(x).__name__ for x in out] == ["Article", "InputError", "Article", "Article"]
    assert out[1].problem.startswith("too complex to analyse within 5 s")
    assert out[2].language == "fr"
