"""`newsgraph follow add|list|remove`: saved searches and followed entities, kept in the store.

Each follow has an Atom feed served by `newsgraph serve` (printed by `add` and `list`), and `watch --notify-cmd`
runs a command for each new match.
"""

from __future__ import annotations

import json
from typing import Annotated
from urllib.parse import quote

import typer

from newsgraph.cli import app
from newsgraph.settings import DEFAULT_DB

follow_app = typer.Typer(help="Saved searches and followed entities (Atom feeds in `newsgraph serve`).",
                         no_args_is_help=True)
app.add_typer(follow_app, name="follow")

_DB = Annotated[str, typer.Option("--db", help="The store file.")]


def feed_paths(kind: str, value: str) -> list[str]:
    """The Atom feed paths of one follow, relative to the server's root."""
    if kind == "search":
        return [f"/feeds/search?q={quote(value, safe='')}"]
    return [f"/feeds/entity/{quote(value, safe='')}", f"/feeds/entity/{quote(value, safe='')}/quotes"]


@follow_app.command("add")
def add(
    query: Annotated[str | None, typer.Argument(help="A search to follow (same syntax as the web search box).")] = None,
    entity: Annotated[str | None, typer.Option("--entity", help="Follow an entity by its id (from /entity/ID or the API).")] = None,
    db: _DB = DEFAULT_DB,
) -> None:
    """Follow a search or an entity."""
    from newsgraph.store import follow
    from newsgraph.store.db import connect
    from newsgraph.store.queries import QueryError

    if (query is None) == (entity is None):
        raise typer.BadParameter("give a search query or --entity ID (one of them)")
    kind, value = ("entity", entity) if entity is not None else ("search", query)
    conn = connect(db)
    try:
        fid, new = follow.add(conn, kind, value or "")
        name = None
        if kind == "entity":
            row = conn.execute("SELECT name FROM entities WHERE id = ?", (value,)).fetchone()
            name = row[0] if row else None
    except (ValueError, QueryError) as exc:
        typer.echo(f"newsgraph: error: {value}: {exc}", err=True)
        raise typer.Exit(code=2) from None
    finally:
        conn.close()
    label = f"{kind} {value!r}" + (f" ({name})" if name else "")
    typer.echo(f"{'following' if new else 'already following'} {label} as #{fid}; feeds: " + ", ".join(feed_paths(kind, value or "")))
    if kind == "entity" and name is None:
        typer.echo(f"note: no entity {value} is stored yet; its feed fills when articles about it arrive", err=True)


@follow_app.command("list")
def list_cmd(
    db: _DB = DEFAULT_DB,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
) -> None:
    """List follows with their feeds."""
    from newsgraph.cli.output import open_store_readonly
    from newsgraph.store import follow

    conn = open_store_readonly(db)
    rows = follow.list_follows(conn)
    conn.close()
    for r in rows:
        r["feeds"] = feed_paths(r["kind"], r["value"])
        if as_json:
            typer.echo(json.dumps(r, ensure_ascii=False))
        else:
            name = f" ({r['name']}, {r['type']})" if r.get("name") else ""
            typer.echo(f"#{r['id']}\t{r['kind']}\t{r['value']}{name}\t{' '.join(r['feeds'])}")
    if not rows and not as_json:
        typer.echo(f"{db}: nothing followed (newsgraph follow add \"query\" | --entity ID)")


@follow_app.command("remove")
def remove(
    key: Annotated[str, typer.Argument(help="The follow's #number, query or entity id.")],
    db: _DB = DEFAULT_DB,
) -> None:
    """Stop following."""
    from newsgraph.store import follow
    from newsgraph.store.db import connect

    conn = connect(db)
    n = follow.remove(conn, key.lstrip("#") if key.lstrip("#").isdigit() else key)
    conn.close()
    if not n:
        typer.echo(f"newsgraph: error: {key}: not followed", err=True)
        raise typer.Exit(code=1)
    typer.echo(f"removed {n} follow(s)")
