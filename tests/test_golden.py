"""Golden records of the demo corpus, compared field by field; refresh on purpose with
`.venv/bin/python tests/golden_records.py` (README, "Development")."""

from __future__ import annotations

import pytest
from golden_records import GOLDEN, golden_file, load_golden, record_diff

_WANT = load_golden()


def test_every_demo_input_has_a_golden_record(demo_records):
    assert GOLDEN.is_dir() and _WANT, "no golden records: run .venv/bin/python tests/golden_records.py"
    missing = sorted(set(demo_records) - set(_WANT))
    extra = sorted(set(_WANT) - set(demo_records))
    assert not missing and not extra, f"refresh tests/golden (missing {missing}, without input {extra})"
    for name in demo_records:
        assert golden_file(name).exists()


@pytest.mark.parametrize("name", sorted(_WANT))
def test_record_matches_golden(name, demo_records):
    if name not in demo_records:
        pytest.fail(f"{name}: golden record without a demo input")
    diff = record_diff(_WANT[name], demo_records[name])
    assert not diff, (
        f"{name}: the record changed ({len(diff)} difference(s)); if intended, refresh with "
        "`.venv/bin/python tests/golden_records.py` and say so in the commit message:\n  " + "\n  ".join(diff[:40])
    )


def test_record_diff_is_readable():
    want = {"title": "A", "entities": [{"name": "X", "id": "1"}, {"name": "Y", "id": "2"}], "facts": []}
    got = {"title": "B", "entities": [{"name": "Y", "id": "2"}], "facts": [], "language": "en"}
    assert record_diff(want, got) == [
        'title: "A" -> "B"',
        'entities: - {"name": "X", "id": "1"}',
        'language: added "en"',
    ]
    assert record_diff(want, want) == []
