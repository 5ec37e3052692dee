"""The `newsgraph` command: a small CLI over the stage functions and the embedded store.

Each sub-command lives in its own module and registers itself on `app`.
"""

from __future__ import annotations

import typer

app = typer.Typer(
    name="newsgraph",
    help="Turn raw news (HTML, WARC, scraped text) into article records, store them, and serve them.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from newsgraph import __version__

        typer.echo(f"newsgraph {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """newsgraph: raw news -> article records -> an embedded store -> a web UI and JSON API."""


# Sub-commands register themselves on import.
import newsgraph.cli.export  # noqa: E402,F401
import newsgraph.cli.failures  # noqa: E402,F401
import newsgraph.cli.fetch  # noqa: E402,F401
import newsgraph.cli.follow  # noqa: E402,F401
import newsgraph.cli.gazetteer  # noqa: E402,F401
import newsgraph.cli.ingest  # noqa: E402,F401
import newsgraph.cli.serve  # noqa: E402,F401
import newsgraph.cli.spark  # noqa: E402,F401
from newsgraph.cli import analyze  # noqa: E402,F401


def main() -> None:
    app(prog_name="newsgraph")
