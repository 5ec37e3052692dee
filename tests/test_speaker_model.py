"""The speaker model measured by benchmarks/speaker_model.py (stop 35 q12; not landed unless its NOTES say so):
features of an invented record, the display target, the rule's cut. Invented rows only."""

from __future__ import annotations

import math

from benchmarks import quote_transfer as qt
from benchmarks import speaker_model as sm

BODY = "Ann Lee spoke today. \"We will win,\" she said after the vote. Lee is the mayor."
ENTITIES = [{"id": "e1", "type": "person", "mentions": [{"start": 0, "end": 7}, {"start": 63, "end": 66}]}]


def test_features_read_how_the_speaker_was_reached_its_mentions_and_the_distance() -> None:
    start = BODY.index("We")
    item = {"text": "We will win,", "start": start, "end": start + 12, "kind": "direct", "speaker": "e1",
            "speaker_name": "Ann Lee", "speaker_start": BODY.index("she"), "speaker_end": BODY.index("she") + 3,
            "cue": "said", "speaker_confidence": 0.913}
    f = sm.features(item, ENTITIES, BODY)
    assert f["speaker_pronoun"] == 1.0 and f["speaker_entity"] == 1.0
    assert f["speaker_on_mention"] == 0.0  # reached through "she", not a mention of the name
    assert f["log_mentions"] == math.log1p(2)
    assert f["speaker_after"] == 1.0 and f["log_gap_words"] == math.log1p(1)  # the closing mark counts as a token (as frozen)
    assert f["same_sentence"] == 1.0 and f["cue_none"] == 0.0 and f["log_words"] == math.log1p(3)
    named = {**item, "speaker_start": 0, "speaker_end": 7}
    g = sm.features(named, ENTITIES, BODY)
    assert g["speaker_on_mention"] == 1.0 and g["speaker_after"] == 0.0 and g["log_gap_words"] == math.log1p(3)
    assert g["same_sentence"] == 0.0


def row(stop: str, i: int, sconf: float, real: bool, speaker: bool, p: float) -> qt.QRow:
    r = qt.QRow(stop, f"{stop}unseen-before", f"{stop}-{i}", f"{stop}p{i // 2}", 0.8, sconf, real, speaker, True)
    r.p_real, r.p_spk = 0.8, p
    return r


def test_the_target_counts_a_speaker_on_words_never_said_wrong_and_the_rule_takes_the_lowest_cut() -> None:
    rs = [row("s30", i, 0.973, True, True, 0.95) for i in range(9)]
    rs += [row("s30", 9, 0.973, False, True, 0.7), row("s30", 10, 0.913, True, False, 0.6)]
    assert [sm.target(r) for r in rs[-2:]] == [False, False]
    assert sm.rule_cut(rs) == 0.61  # hides the wrong speaker at 0.6: 9/10 right where shown
    d = qt.display(rs, True, sm.QUOTE_CUT, 0.71, True)
    assert d["speaker_precision"] == 1.0 and d["speaker_recall"] == 1.0
    assert qt.display(rs, True, sm.QUOTE_CUT, sm.LANDED_SPEAKER_CUT, False)["speaker_precision"] == 0.9
