"""The speaker's transfer map measured by benchmarks/speaker_transfer.py (stop 34 q11; not landed): each level of the
code's speaker confidence -> its shrunk rate of speaker right given a real quote, fitted on the other stops. Invented
rows only."""

from __future__ import annotations

from benchmarks import quote_transfer as qt
from benchmarks import speaker_transfer as st


def row(stop: str, i: int, sconf: float, speaker: bool, real: bool = True, cls: str | None = None) -> qt.QRow:
    f = {"x": 1.0, **({f"speaker_{cls}": 1.0} if cls else {})}
    return qt.QRow(stop, f"{stop}unseen-before", f"{stop}-{i}-{sconf}", f"{stop}p{i}", 0.8, sconf, real, speaker,
                   True, f)


def test_each_level_gets_its_rate_shrunk_toward_the_pooled_rate_and_is_not_made_monotone() -> None:
    rs = [row("s30", i, 0.913, i < 6) for i in range(10)] + [row("s30", 10 + i, 0.884, True) for i in range(10)]
    rs += [row("s30", 30, 0.25, False), row("s30", 31, 0.973, False, real=False)]  # a policy cap; a quote not real
    xs, ys, ns, pooled = st.fit(rs, pseudo=10)
    assert xs == [0.884, 0.913] and ns == [10, 10] and pooled == 0.8
    assert ys == [round((10 + 8) / 20, 4), round((6 + 8) / 20, 4)]  # 0.9 and 0.7: the lower level is surer
    assert st.fit(rs, pseudo=0)[1] == [1.0, 0.6]
    assert st.fit(rs, pseudo=10, monotone=True)[1] == [0.8, 0.8]  # pool-adjacent-violators pools the two
    assert st._pav([0.9, 0.7, 0.95], [1, 1, 2]) == [0.8, 0.8, 0.95]


def test_loso_maps_a_stop_with_the_other_stops_rates_and_keeps_a_capped_speaker() -> None:
    rs = [row(s, i, 0.913, i % 2 == 0) for s in ("s30", "s32") for i in range(10)]
    rs += [row("s33", i, 0.913, True) for i in range(10)] + [row("s33", 20, 0.25, False)]
    st.loso(rs, pseudo=0)
    assert {r.p_spk for r in rs if r.stop == "s33" and r.sconf > 0.5} == {0.5}  # s30 and s32: half right
    assert {r.p_spk for r in rs if r.stop == "s30"} == {round(15 / 20, 3)}  # s32 and s33
    assert next(r.p_spk for r in rs if r.sconf == 0.25) == 0.25


def test_the_map_over_speaker_classes_and_the_auc() -> None:
    rs = [row("s30", i, 0.913, i < 2, cls="pronoun") for i in range(4)]
    rs += [row("s30", 10 + i, 0.973, True) for i in range(4)]
    xs, ys, _, _ = st.fit(rs, pseudo=0, unit="class")
    assert dict(zip(xs, ys, strict=True)) == {"pronoun": 0.5, "person": 1.0}
    for r in rs:
        r.p_spk = 0.5 if r.sconf < 0.95 else 1.0
    assert st.auc(rs) == st.auc(rs, new=False) == (4 * 2 + 0.5 * 2 * 2) / (6 * 2)
