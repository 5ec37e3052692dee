"""Import spaCy without its command-line package; imported first by `newsgraph.annotate`, before anything of spaCy.

Why: `import spacy` (3.8) runs `from .cli.info import info`, which imports the whole `spacy.cli` package: every
command (download, train, init config, debug, project) with requests, weasel, httpx, rich, pygments and jinja2,
about 430 modules and 0.3-0.4 s of CPU, a tenth of the cold start of `newsgraph analyze` on one page. Annotating
uses none of it (spaCy's own PR 12962 made this import lazy once; 3.8 imports it again).

How: while spaCy's package runs, `spacy.cli` is an empty package over spaCy's own `cli` folder and
`spacy.cli.info` a module whose `info` imports the real one when called; both are taken out again as soon as
`spacy` is imported, and `spacy.cli` becomes a lazy attribute of the package. So `spacy.info()`, `spacy.cli.download`
and `import spacy.cli` behave as before (they import the real package on first use), and nothing else of spaCy
changes. When spaCy is already imported (a user's program, a test), or its layout is not the one expected, spaCy
is imported as it is.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from pathlib import Path
from typing import Any


def info(*args: Any, **kwargs: Any) -> Any:
    """`spacy.info`: spaCy's own, imported on first call."""
    from spacy.cli.info import info as spacy_info

    return spacy_info(*args, **kwargs)


def _spacy_attribute(name: str) -> Any:
    """`spacy.cli` on first use (PEP 562 module __getattr__): the real package, imported then."""
    if name == "cli":
        return importlib.import_module("spacy.cli")
    raise AttributeError(f"module 'spacy' has no attribute {name!r}")


def import_spacy() -> types.ModuleType:
    """Import spaCy (once per process) without importing `spacy.cli`; returns the `spacy` module."""
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    spec = importlib.util.find_spec("spacy")
    cli_dir = Path(spec.origin).parent / "cli" if spec and spec.origin else None
    if cli_dir is None or not (cli_dir / "info.py").is_file() or "spacy.cli" in sys.modules:
        return importlib.import_module("spacy")
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = [str(cli_dir)]
    cli_info = types.ModuleType("spacy.cli.info")
    cli_info.info = info  # type: ignore[attr-defined]
    stubs = {"spacy.cli": cli, "spacy.cli.info": cli_info}
    sys.modules.update(stubs)
    try:
        spacy = importlib.import_module("spacy")
    finally:
        for name, stub in stubs.items():
            if sys.modules.get(name) is stub:
                del sys.modules[name]
    if "spacy" in sys.modules:
        if vars(spacy).get("cli") is cli:
            delattr(spacy, "cli")
        vars(spacy).setdefault("__getattr__", _spacy_attribute)
    return spacy


import_spacy()
