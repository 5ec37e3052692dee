"""`newsgraph fetch` and `newsgraph watch`: feeds, sitemaps and URLs -> pages fetched politely -> the store.

Pages go through the same stage functions as `ingest` (`analyze_parallel`), into the same store, with failures
in the same failures table. `watch` repeats the fetch on a schedule; Ctrl+C or SIGTERM stops it between two
requests. `--notify-cmd` runs a command for each new article, quote or search match of what is followed.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Annotated

import typer

from newsgraph.cli import app
from newsgraph.cli.output import report_error
from newsgraph.errors import InputError
from newsgraph.settings import DEFAULT_DB

_DB_HELP = "The store file (created if absent)."
_WARC_HELP = "Write every HTTP request and response to a WARC.gz file in this folder (one file per run)."
_NOTIFY_HELP = ("Run this shell command for each new match of a follow (see `newsgraph follow`); the match is "
                "JSON on its stdin and in NEWSGRAPH_* environment variables.")


@dataclass
class RoundResult:
    new: int = 0
    unchanged: int = 0
    seen: int = 0
    failed: int = 0
    requests: int = 0
    not_modified: int = 0
    notified: int = 0
    stopped: bool = False
    warc: str | None = None


def read_targets(urls: list[str], url_file: str | None) -> list[str]:
    """URLs from the command line and from a file (one per line; blank lines and # comments skipped; - is stdin)."""
    out = list(urls)
    if url_file:
        text = sys.stdin.read() if url_file == "-" else Path(url_file).read_text(encoding="utf-8")
        out += [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    return out


def run_fetch(targets: list[str], db: str, *, warc_dir: str | None = None, workers: int = 1,
              progress: bool = True, stop: Callable[[], bool] = lambda: False,
              notify_cmd: str | None = None) -> RoundResult:
    """One fetch run over `targets`; returns its counts. Failures are stored and reported, never raised."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    from newsgraph.ingest.fetch.client import Fetcher
    from newsgraph.ingest.fetch.crawl import Crawl
    from newsgraph.ingest.fetch.warcout import WarcArchive
    from newsgraph.parallel import analyze_parallel
    from newsgraph.settings import default_user_agent, get_settings
    from newsgraph.store import fetchlog, follow
    from newsgraph.store.writer import StoreWriter

    console = Console(stderr=True)
    settings = get_settings()
    res = RoundResult()
    bad = [t for t in targets if not re.match(r"https?://[^/\s]+", t)]
    targets = [t for t in targets if t not in bad]
    archive = WarcArchive(warc_dir, settings.user_agent or default_user_agent()) if warc_dir else None
    res.warc = str(archive.path) if archive else None
    fetcher = Fetcher(settings, archive, stop=stop)
    with StoreWriter(db) as store, Progress(
        SpinnerColumn(), TextColumn("[bold]fetch[/]"), BarColumn(bar_width=None), MofNCompleteColumn(),
        TextColumn("{task.fields[new]} new"), TextColumn("[red]{task.fields[failed]} failed[/]"),
        TimeElapsedColumn(), console=console, disable=not progress, transient=False,
    ) as bar:
        conn = store.conn
        fetchlog.ensure_tables(conn)
        follow.ensure_tables(conn)
        crawl = Crawl(fetcher, conn)

        def fail(exc: InputError) -> None:
            res.failed += 1
            store.add_failure(exc.input, exc.problem, exc.kind)
            if progress:
                bar.console.print(f"error {exc.input}: {exc.problem}", style="red", markup=False, highlight=False)
            else:
                report_error(exc)

        for t in bad:
            fail(InputError(t, "not an http(s) URL"))
        task = bar.add_task("fetch", total=None, new=0, failed=res.failed)
        direct = crawl.discover(targets)
        bar.update(task, total=len(direct) + crawl.pending())
        try:
            for item in analyze_parallel(chain(direct, crawl.documents()), workers=workers):
                page = crawl.fetched.pop(item.input, None)
                if isinstance(item, InputError):
                    fail(item)
                    if page is not None:  # fetched but not an article (no text): do not fetch it every round
                        fetchlog.mark(conn, page.urls, "gone", reason=item.problem, at=page.fetched_at)
                else:
                    outcome = store.put(item)
                    if page is not None:
                        fetchlog.mark(conn, [*page.urls, item.url or ""], "stored", item.id, at=page.fetched_at)
                    if outcome == "unchanged":
                        res.unchanged += 1
                    else:
                        res.new += 1
                        if notify_cmd:
                            res.notified += notify(conn, item.id, notify_cmd, console)
                bar.update(task, advance=1, new=res.new, failed=res.failed)
        finally:
            fetcher.close()
            if archive:
                archive.close()
    res.seen = crawl.counts.seen + res.unchanged
    res.requests = len(fetcher.requests)
    res.not_modified = crawl.counts.not_modified
    res.stopped = crawl.stopped or stop()
    return res


def notify(conn, article_id: str, cmd: str, console) -> int:
    """Run `cmd` once per follow this new article matches; returns how many ran. A failing command is reported."""
    from newsgraph.store import follow

    ran = 0
    art = conn.execute("SELECT id, title, url FROM articles WHERE id = ?", (article_id,)).fetchone()
    for m in follow.matches(conn, article_id):
        f = m["follow"]
        payload = {"follow": {"id": f["id"], "kind": f["kind"], "value": f["value"], "name": f["name"]},
                   "match": m["match"], "quote": m["text"],
                   "article": {"id": art[0], "title": art[1], "url": art[2]}}
        env = {**os.environ, "NEWSGRAPH_FOLLOW": f["value"], "NEWSGRAPH_FOLLOW_KIND": f["kind"],
               "NEWSGRAPH_MATCH": m["match"], "NEWSGRAPH_QUOTE": m["text"] or "", "NEWSGRAPH_ARTICLE_ID": art[0],
               "NEWSGRAPH_ARTICLE_TITLE": art[1] or "", "NEWSGRAPH_ARTICLE_URL": art[2] or ""}
        try:
            done = subprocess.run(cmd, shell=True, input=json.dumps(payload), text=True, env=env, timeout=60,
                                  check=False)
            if done.returncode:
                console.print(f"notify-cmd exited {done.returncode} for {art[0]}", style="yellow", highlight=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            console.print(f"notify-cmd failed for {art[0]}: {exc}", style="yellow", highlight=False)
        ran += 1
    return ran


def summary(db: str, r: RoundResult) -> str:
    return (f"{db}: {r.new} new, {r.seen} seen (already stored), {r.failed} failed; {r.requests} requests, "
            f"{r.not_modified} sources not modified" + (f"; WARC {r.warc}" if r.warc else "")
            + ("; stopped" if r.stopped else ""))


@app.command()
def fetch(
    urls: Annotated[list[str] | None, typer.Argument(help="Feed (RSS/Atom), sitemap (index, news, .gz), robots.txt or article URLs.")] = None,
    input_file: Annotated[str | None, typer.Option("-i", "--input", help="A file of URLs, one per line (# comments; - for stdin).")] = None,
    db: Annotated[str, typer.Option("--db", help=_DB_HELP)] = DEFAULT_DB,
    warc: Annotated[str | None, typer.Option("--warc", help=_WARC_HELP)] = None,
    workers: Annotated[int, typer.Option(help="Worker processes for analysis (1 = in this process).")] = 1,
    notify_cmd: Annotated[str | None, typer.Option("--notify-cmd", help=_NOTIFY_HELP)] = None,
    progress: Annotated[bool, typer.Option(help="Show a progress bar on stderr.")] = True,
) -> None:
    """Fetch feeds, sitemaps and pages politely (robots.txt; NEWSGRAPH_FETCH_DELAY, 1 s, between requests to a
    host), analyse and store the articles; pages already stored are not fetched again."""
    from rich.console import Console

    targets = read_targets(urls or [], input_file)
    if not targets:
        raise typer.BadParameter("give at least one URL, or -i FILE", param_hint="URLS")
    r = run_fetch(targets, db, warc_dir=warc, workers=workers, progress=progress, notify_cmd=notify_cmd)
    Console(stderr=True).print(summary(db, r), highlight=False, soft_wrap=True)
    if r.failed:
        Console(stderr=True).print(f"See them with: newsgraph failures --db {db}", highlight=False)
        raise typer.Exit(code=1)


def parse_interval(text: str) -> float:
    """'15m', '30s', '2h', '1d' or plain seconds -> seconds."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", text.lower())
    if not m:
        raise typer.BadParameter(f"{text!r}: use a number with s, m, h or d (15m, 1h)", param_hint="--every")
    return float(m.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[m.group(2)]


@app.command()
def watch(
    feeds: Annotated[Path, typer.Option("--feeds", help="A file of feed, sitemap or page URLs, one per line (re-read each round).")],
    every: Annotated[str, typer.Option("--every", help="Time between rounds: 15m, 1h, 30s.")] = "15m",
    db: Annotated[str, typer.Option("--db", help=_DB_HELP)] = DEFAULT_DB,
    warc: Annotated[str | None, typer.Option("--warc", help=_WARC_HELP)] = None,
    notify_cmd: Annotated[str | None, typer.Option("--notify-cmd", help=_NOTIFY_HELP)] = None,
    workers: Annotated[int, typer.Option(help="Worker processes for analysis (1 = in this process).")] = 1,
    rounds: Annotated[int, typer.Option(help="Stop after this many rounds (0 = until stopped).")] = 0,
) -> None:
    """Fetch the sources in FILE every interval until stopped (Ctrl+C or SIGTERM stop between two requests);
    one log line per round."""
    interval = parse_interval(every)
    stop = {"now": False}

    def on_signal(signum, _frame):  # first signal: stop after the current request; second: the default action
        stop["now"] = True
        signal.signal(signum, signal.SIG_DFL)

    old = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    n = 0
    try:
        while not stop["now"]:
            n += 1
            t0 = time.monotonic()
            try:
                targets = read_targets([], str(feeds))
                r = run_fetch(targets, db, warc_dir=warc, workers=workers, progress=False,
                              stop=lambda: stop["now"], notify_cmd=notify_cmd)
                line = (f"round {n}: {r.new} new, {r.seen} seen, {r.failed} failed "
                        f"({r.requests} requests, {time.monotonic() - t0:.1f} s)" + (", stopped" if r.stopped else ""))
            except Exception as exc:  # a broken round (unreadable feeds file, locked store) must not end watch
                line = f"round {n}: failed: {type(exc).__name__}: {exc}"
            print(f"{time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())} {line}", file=sys.stderr, flush=True)
            if rounds and n >= rounds:
                break
            end = time.monotonic() + interval
            while not stop["now"] and time.monotonic() < end:
                time.sleep(min(0.5, max(0.0, end - time.monotonic())))
    finally:
        for s, h in old.items():
            signal.signal(s, h)
