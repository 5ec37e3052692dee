"""What every benchmark task shares: where the gold data is, the result shape, machine facts.

A task is a module in benchmarks/tasks/ with `NAME`, `TITLE` and `run(limit: int | None) -> TaskResult`. It reads
its data from ../shared/eval at run time and raises `Skip` when the data (or an anchor) is absent: a skip is
reported in RESULTS.md, never a failure.
"""

from __future__ import annotations

import os
import platform
import subprocess
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", REPO.parent / "shared"))
EVAL = SHARED / "eval"


class Skip(Exception):
    """The task cannot run here (data or anchor absent); the message says why."""


@dataclass
class Table:
    """One table of results: a row per system (newsgraph first, then the anchors)."""

    title: str
    columns: list[str]
    rows: list[list] = field(default_factory=list)
    note: str = ""

    def to_markdown(self) -> str:
        def fmt(v):
            if isinstance(v, float):
                return f"{v:.3f}" if abs(v) < 100 else f"{v:,.1f}"
            return "" if v is None else str(v)

        out = [f"**{self.title}**", "", "| " + " | ".join(self.columns) + " |", "|" + "---|" * len(self.columns)]
        out += ["| " + " | ".join(fmt(v) for v in row) + " |" for row in self.rows]
        if self.note:
            out += ["", self.note]
        return "\n".join(out)


@dataclass
class TaskResult:
    name: str
    title: str
    tables: list[Table] = field(default_factory=list)
    items: int = 0
    seconds: float = 0.0
    skipped: str | None = None
    notes: list[str] = field(default_factory=list)


def require(path: Path) -> Path:
    if not path.exists():
        raise Skip(f"data absent: {path}")
    return path


def version(pkg: str) -> str | None:
    try:
        return metadata.version(pkg)
    except metadata.PackageNotFoundError:
        return None


def machine() -> dict[str, str]:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        mem = next(ln for ln in Path("/proc/meminfo").read_text().splitlines() if ln.startswith("MemTotal"))
        mem_gb = f"{int(mem.split()[1]) / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration):
        mem_gb = "?"
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True).stdout.strip()
    except OSError:
        commit = "?"
    return {
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "memory": mem_gb,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "commit": commit,
    }
