"""A count in a rumour or in a clause of what will or may happen counts no one yet (annotate/fact_mode.py): kept
below the display threshold; a count in a past clause under a future one stays. Fixture sentences written here."""

from __future__ import annotations

import pytest

SHOWN = 0.5


def _facts(run, text: str) -> list[tuple[str, int, float]]:
    return [(f.kind, f.value, f.confidence) for f in run(text, "2024-06-18")._.ng_facts]


def test_a_rumoured_killing_is_not_shown(dated_doc):
    got = _facts(dated_doc, "A chain message warns that a biker gang is supposedly going to stage a ritual involving "
                            "the killing of four students at the fairground.")
    assert got and all(c < SHOWN for _, _, c in got)


@pytest.mark.parametrize("text", [
    "The blast, which killed four workers, will be investigated by the state.",
    "Police said four workers were killed in the blast at the quarry.",
    "Police are looking into whether a gunman accused of killing four workers at a quarry may have targeted the "
    "site because his brother worked there, police said Monday.",
])
def test_a_count_that_happened_stays_shown(dated_doc, text):
    got = _facts(dated_doc, text)
    assert [(k, v) for k, v, c in got if c >= SHOWN] == [("killed", 4)]
