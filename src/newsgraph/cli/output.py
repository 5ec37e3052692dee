"""Writing records and reporting failures, shared by the commands."""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from newsgraph.cleantext import safe_text
from newsgraph.errors import InputError


def report_error(exc: InputError) -> None:
    """One clear line on stderr naming the input and the problem (no traceback)."""
    print(safe_text(f"newsgraph: error: {exc.input}: {exc.problem}"), file=sys.stderr, flush=True)


def report_skipped(skipped: list[InputError]) -> None:
    """One line for the files of folder walks that are not pages (feeds, sitemaps, images...): never silent, never
    one error per file of a crawl's assets."""
    if not skipped:
        return
    what = Counter(e.problem.removeprefix("not an article: ").split(";")[0].split(" (")[0] for e in skipped)
    kinds = ", ".join(f"{n} {w}" for w, n in what.most_common())
    print(safe_text(f"newsgraph: skipped {len(skipped)} file(s) that are not pages ({kinds}); "
                    f"name a file to see why, e.g. {skipped[0].input}"), file=sys.stderr, flush=True)


@contextmanager
def output_stream(path: str | None, newline: str | None = None):
    """stdout, or a file written to `path.part` and renamed into place only when complete.

    `newline=""` writes line ends as given (the csv module's CRLF), on stdout too."""
    if not path or path == "-":
        out = sys.stdout
        if newline is not None and hasattr(out, "reconfigure"):
            out.reconfigure(newline=newline)
        yield out
        out.flush()
        return
    target = Path(path)
    tmp = target.with_name(target.name + ".part")
    fh: IO[str] = tmp.open("w", encoding="utf-8", newline=newline)
    try:
        yield fh
    except BaseException:
        fh.close()
        tmp.unlink(missing_ok=True)
        raise
    fh.close()
    os.replace(tmp, target)


def dumps(record: dict, pretty: bool) -> str:
    """JSON text that is always valid UTF-8 (a lone surrogate anywhere in the record becomes U+FFFD)."""
    return safe_text(json.dumps(record, ensure_ascii=False, indent=2 if pretty else None))


def open_store_readonly(db: str):
    """The store opened read-only, or one clear error line and exit code 2 (no traceback)."""
    import typer

    from newsgraph.store.db import StoreError, connect_readonly

    try:
        return connect_readonly(db)
    except StoreError as exc:
        typer.echo(f"newsgraph: error: {exc}", err=True)
        raise typer.Exit(code=2) from None
