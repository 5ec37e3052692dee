"""One home for settings: every setting documented, the README table generated, no stray NEWSGRAPH_* reads.

Modelled on datasette's documentation tests: a setting added without a help line, or without regenerating the
README table, fails here with the command that fixes it.
"""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest

from newsgraph.settings import Settings, SettingsError, get_settings, markdown_table, readme_table

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "newsgraph"


@pytest.mark.parametrize("f", fields(Settings), ids=lambda f: f.name)
def test_every_setting_has_env_and_help(f):
    assert re.fullmatch(r"NEWSGRAPH_[A-Z0-9_]+", f.metadata.get("env") or ""), f"{f.name}: no NEWSGRAPH_* variable"
    help_ = f.metadata.get("help") or ""
    assert len(help_.split()) >= 3, f"{f.name}: no help line (setting(..., help=...))"


def test_env_names_unique():
    names = [f.metadata["env"] for f in fields(Settings)]
    assert len(names) == len(set(names))


def test_readme_table_is_generated_from_settings():
    table = readme_table((ROOT / "README.md").read_text(encoding="utf-8"))
    assert table is not None, "README.md lost its settings table markers"
    assert table == markdown_table(), "README settings table is stale: run `python -m newsgraph.settings --update-readme`"


#: a read of a NEWSGRAPH_* variable (an assignment `os.environ["NEWSGRAPH_X"] = ...` hands a value on and is no read)
_READ = re.compile(r"""(?:environ(?:\.get)?\s*[\[(]|getenv\s*\()\s*["'](NEWSGRAPH_\w+)["'](?!\]\s*=[^=])""")


def test_no_newsgraph_variable_read_outside_settings():
    stray = []
    for path in SRC.rglob("*.py"):
        if path.name == "settings.py" and path.parent == SRC:
            continue
        for m in _READ.finditer(path.read_text(encoding="utf-8")):
            line = path.read_text(encoding="utf-8")[: m.start()].count("\n") + 1
            stray.append(f"{path.relative_to(ROOT)}:{line}: {m.group(1)}")
    assert not stray, "read these through newsgraph.settings.get_settings():\n" + "\n".join(stray)


def test_stray_read_detector_can_fail():
    assert _READ.search('x = os.environ.get("NEWSGRAPH_FOO")')
    assert _READ.search("os.environ['NEWSGRAPH_FOO']")
    assert _READ.search('os.getenv("NEWSGRAPH_FOO", "1")')
    assert _READ.search('if os.environ["NEWSGRAPH_FOO"] == "1":')
    assert not _READ.search('os.environ["NEWSGRAPH_DB"] = path')


def test_environment_overrides_defaults(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSGRAPH_BATCH_SIZE", "4")
    monkeypatch.setenv("NEWSGRAPH_DEBUG", "1")
    monkeypatch.setenv("NEWSGRAPH_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("NEWSGRAPH_PARSE", "full")
    s = get_settings()
    assert (s.batch_size, s.debug, s.cache_dir, s.parse) == (4, True, tmp_path, "full")
    monkeypatch.setenv("NEWSGRAPH_DEBUG", "0")
    monkeypatch.setenv("NEWSGRAPH_BATCH_SIZE", "")  # empty: the default
    assert get_settings().debug is False and get_settings().batch_size == Settings().batch_size


@pytest.mark.parametrize(("var", "value"), [("NEWSGRAPH_BATCH_SIZE", "lots"), ("NEWSGRAPH_PARSE", "partial")])
def test_bad_value_names_the_variable(monkeypatch, var, value):
    monkeypatch.setenv(var, value)
    with pytest.raises(SettingsError, match=var):
        get_settings()
