"""The shipped lexicons are read once per process and shared read-only (lexicon.py)."""

import pytest

from newsgraph.annotate.lexicon import mapping, parse_sections, words


def test_mapping_is_built_once_and_read_only():
    first = mapping("dates.tsv", "weekday")
    assert first is mapping("dates.tsv", "weekday")  # cached: date code asks per token
    assert first["monday"] == "0"
    with pytest.raises(TypeError):
        first["someday"] = "9"  # every caller shares it, so nobody may change it


def test_words_are_cached_frozensets():
    assert words("dates.tsv", "weekday") is words("dates.tsv", "weekday")
    assert "friday" in words("dates.tsv", "weekday")


def test_parse_sections_skips_comments_and_splits_fields():
    data = parse_sections("# note\n[a]\nx\t1\n\n[b]\ny\n")
    assert data == {"a": [("x", "1")], "b": [("y",)]}
