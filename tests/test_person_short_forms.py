"""One person per item (stop 31, t6): a surname two full names share goes to the article's subject or the one named
last before it, never to a name the other person's full mentions do not support; a nickname in quotation marks, a
dropped generational suffix, a lone given name and a team's label before names leave no fragment item. Invented
articles only."""

from __future__ import annotations

from collections import Counter

from newsgraph.annotate import annotate
from newsgraph.annotate.entity_linking import link_mentions
from newsgraph.annotate.entity_mentions import NameMention
from newsgraph.annotate.mention_growth import join_nicknames
from newsgraph.annotate.names import shipped_names
from newsgraph.annotate.person_roles import fused_word_start
from newsgraph.annotate.person_short_forms import given_name_owner, nearest_owner, surname_owner
from newsgraph.records import Extracted


def _people(body: str) -> dict:
    art = annotate(Extracted(input="t", body=body))
    return {e.name: e for e in art.entities if e.type == "person"}


def _mentions(text: str, names: list[str], **ev: int) -> list[NameMention]:
    out: list[NameMention] = []
    for name in names:
        s = text.index(name, out[-1].end if out else 0)
        out.append(NameMention(s, s + len(name), name, "person", Counter(ev or {"person": 2})))
    return out


def test_a_shared_surname_goes_to_the_subject_not_to_the_other_named_once():
    text = ('Rep. Robert K. "Danny" Whitlow opened his garden to voters on Sunday. Whitlow said the district '
            "needed a new bridge. Danny Whitlow has served for twenty years, and Whitlow is popular. "
            "Danny Whitlow thanked the crowd. Only one other member shares his name: Sen. Ted Whitlow of the north. "
            "Whitlow added that he would run again.")
    ms = _mentions(text, ['Robert K. "Danny" Whitlow', "Whitlow", "Danny Whitlow", "Whitlow", "Danny Whitlow",
                          "Ted Whitlow", "Whitlow"])
    got = {c.name: [m.text for m in c.mentions] for c in link_mentions(None, ms, shipped_names())}
    # the last "Whitlow" follows the senator's name: the subject and the nearest disagree, so it stays apart
    assert got == {'Robert K. "Danny" Whitlow': ['Robert K. "Danny" Whitlow', "Whitlow", "Danny Whitlow", "Whitlow",
                                                 "Danny Whitlow"], "Ted Whitlow": ["Ted Whitlow"],
                   "Whitlow": ["Whitlow"]}


def test_a_nickname_in_quotation_marks_is_inside_the_name():
    text = 'Rep. Robert K. "Danny" Whitlow spoke, and Del. Marta "Tia" Lorne (D-Eastport) shouted.'
    a = text.index("Robert")
    cut = [NameMention(a, a + len('Robert K. "Danny'), 'Robert K. "Danny', "person"),
           NameMention(text.index("Whitlow"), text.index("Whitlow") + 7, "Whitlow", "person"),
           NameMention(text.index("Marta"), text.index("Marta") + 5, "Marta", "person")]
    assert [m.text for m in join_nicknames(text, cut)] == ['Robert K. "Danny" Whitlow', 'Marta "Tia" Lorne']
    headline = 'Mayor "Hopeful" About Deal'
    assert join_nicknames(headline, [NameMention(0, 5, "Mayor", "person")])[0].text == "Mayor"


def test_nearest_owner_is_the_one_named_last_before_else_the_first_after():
    at = {"Ada Penrose": [10, 500], "Tom Penrose": [300]}
    assert nearest_owner(set(at), 320, at) == "Tom Penrose"
    assert nearest_owner(set(at), 600, at) == "Ada Penrose"
    assert nearest_owner(set(at), 5, at) == "Ada Penrose"
    assert surname_owner(set(at), 600, at) == "Ada Penrose"  # the subject (2 against 1) and the nearest
    assert surname_owner(set(at), 320, at) is None  # the subject, but the other was named nearest: apart
    lede = {"Ada Penrose": [300, 500], "Tom Penrose": [10]}
    assert surname_owner(set(lede), 600, lede) is None  # named more, but the lede named the other first: apart
    at["Tom Penrose"].append(900)
    assert surname_owner(set(at), 600, at) is None  # 2 against 2: no subject
    text = " " * 290 + "Mr. Penrose" + " " * 400
    assert surname_owner({"Mary Penrose", "Bill Penrose"}, 294, {"Mary Penrose": [400], "Bill Penrose": [0]},
                         text) == "Bill Penrose"  # "Mr." leaves out the woman


def test_an_honorific_keeps_a_shared_surname_with_the_person_of_its_gender():
    body = ("Hillary Quenby spoke about the harbour plan on Monday. "
            "Her husband, former mayor Bill Quenby, stood beside her. "
            "Mrs. Quenby said the plan would cost little. Mrs. Quenby will present it to the council next week.")
    people = _people(body)
    assert "Quenby" in people["Hillary Quenby"].aliases
    assert "Quenby" not in people["Bill Quenby"].aliases


def test_a_given_name_alone_joins_the_one_full_name_that_opens_with_it():
    assert given_name_owner("Hillary", {"Hillary Quenby", "Tom Brand"}, frozenset({"Hillary", "Tom"})) \
        == "Hillary Quenby"
    assert given_name_owner("Tom", {"Tom Brand", "Tom Ash"}, frozenset({"Tom"})) is None
    body = ('Mayor Hillary Quenby spoke on Monday. "We want Hillary back," the crowd chanted. '
            "Hillary Quenby waved. Critics said Hillary had no plan.")
    people = _people(body)
    assert "Hillary" not in people and "Hillary" in people["Hillary Quenby"].aliases


def test_a_generational_suffix_dropped_is_the_same_man():
    body = ("The senator was Walter P. Grange Sr., who ran the state for decades. "
            "Grange's strategy was to resist every reform. Historians still argue about Grange.")
    people = _people(body)
    assert "Grange" not in people and "Walter P. Grange" not in people, people
    assert "Grange" in people["Walter P. Grange Sr."].aliases


def test_a_label_put_before_several_given_names_is_no_part_of_the_names():
    names = shipped_names()
    text = ("Royal Drew Hanlon won 4-2 over #4 rated Falcon Tyler Marsk at 103, and Falcon Brian Ostrow pinned "
            "Kevin Dale at 112.")
    s = text.index("Falcon Tyler")
    assert text[fused_word_start(text, s, s + len("Falcon Tyler Marsk"), names):].startswith("Tyler Marsk")
    once = "Royal Drew Hanlon won 4-2 over #4 rated Falcon Tyler Marsk at 103."
    s = once.index("Falcon Tyler")
    assert fused_word_start(once, s, s + len("Falcon Tyler Marsk"), names) == s  # one name: no label shown


def test_a_legislators_party_and_home_tag_is_no_organisation():
    body = ("Del. Marta Lorne (D-Eastport Harbor) said on Monday that the bridge would be built. "
            "Lorne, a Democrat, has led the fight for years.")
    art = annotate(Extracted(input="t", body=body))
    assert not any(e.name.startswith("D-") for e in art.entities), [e.name for e in art.entities]


def test_a_bare_surname_joins_no_full_name_of_the_other_gender():
    # the one full name is the wife's; "Mr. Varga" and the bare "Varga" are the husband, never named in full
    body = ("Mr. Varga told supporters on Saturday that the vote mattered to him. \"It is about the town,\" "
            "Mr. Varga said. His wife, Maria Varga, spoke after him. Varga has led the council since 2010, "
            "and Mr. Varga will campaign again next week.")
    people = _people(body)
    assert "Maria Varga" in people and "Varga" in people, sorted(people)
    assert {m.text for m in people["Maria Varga"].mentions} == {"Maria Varga"}, people["Maria Varga"].mentions
    assert len(people["Varga"].mentions) == 4, people["Varga"].mentions
    # with no namesake of the other gender the surname is the one full name's, honorific or not
    body = ("Maria Varga told supporters on Saturday that the vote mattered. \"It is about the town,\" "
            "Mrs. Varga said. Varga has led the council since 2010.")
    people = _people(body)
    assert "Varga" not in people and len(people["Maria Varga"].mentions) == 3, sorted(people)


def test_the_subject_keeps_its_bare_surname_beside_one_namesake_written_with_an_honorific():
    body = ("Maria Varga opened the harbour office on Monday. Varga said the town needed it. Maria Varga thanked "
            "the builders, and Varga promised more. Maria Varga will speak again on Friday. "
            "Her husband, Mr. Varga, was not there.")
    people = _people(body)
    assert len(people["Maria Varga"].mentions) == 5, people["Maria Varga"].mentions
    assert [m.text for m in people["Varga"].mentions] == ["Varga"], people["Varga"].mentions
