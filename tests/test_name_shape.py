"""A "person" that is a phrase of the page: common words, quoted titles (name_shape.py), a body an apposition names
(entity_evidence, name_gates.gate_kind_names), and what they take from the topic score (confidence.gate)."""

from __future__ import annotations

from newsgraph.annotate.name_shape import (
    common_head,
    common_words,
    lower_inside,
    lower_words,
    possessive_inside,
    quoted_title,
)


def test_a_name_of_the_articles_common_words():
    text = "Where to buy the card: the best deals. Best Buy lists it at $699; Peter White said it sells out fast."
    lower = lower_words(text)
    assert common_words("Best Buy", lower)
    assert not common_words("Peter White", lower)  # "peter" is never written in lower case
    assert not common_words("M.L. Buy", lower)  # initials are no common words
    assert not common_words("Best Buy", lower_words("Best Buy lists the card at $699."))
    assert common_words("Handball", lower_words("Choose whether handballs are fouls."))  # its plural counts


def test_a_possessive_inside_a_name():
    assert possessive_inside("Valentine\u2019s Day") and possessive_inside("Ann Lee's Son")
    assert not possessive_inside("Dan O'Shea") and not possessive_inside("Valentine")
    assert possessive_inside("Dana Okafor/AFP")  # a photo credit


def test_a_name_inside_a_quoted_title():
    text = "Citizens started a \u201cCommittee to Boycott Nixon\u2019s Memoirs,\u201d a callback to CREEP."
    s = text.index("Boycott")
    assert quoted_title(text, s, s + len("Boycott Nixon"))
    text = "He read \u2018Mein Kampf\u2019 in jail."
    s = text.index("Mein")
    assert quoted_title(text, s, s + len("Mein Kampf"))  # all that the marks hold
    text = "\u201cI met Ann Lee in Lisbon,\u201d the envoy said, and Ann Lee agreed."
    s = text.index("Ann Lee")
    assert not quoted_title(text, s, s + 7)  # a quotation of speech: lower-case words
    s = text.rindex("Ann Lee")
    assert not quoted_title(text, s, s + 7)  # after the quotation closed
    text = "\u201cWe will win,\u201d said Ann Lee\u2019s deputy."
    s = text.index("Ann Lee")
    assert not quoted_title(text, s, s + 7)


def test_the_gate_lowers_a_person_of_common_words_or_a_quoted_title():
    from newsgraph.annotate.confidence import gate
    from newsgraph.records import Entity, Mention

    p = Entity("p1", "Best Buy", "person", ["Best Buy"], 0.9, None, [Mention(0, 8, "Best Buy")])
    assert gate("topic", p, 0.8, {"common_words": 1.0}) < gate("topic", p, 0.8, {}) == 0.8
    assert gate("topic", p, 0.8, {"quoted_title": 1.0}) < 0.8
    assert gate("topic", p, 0.8, {"possessive_inside": 1.0}) < 0.8
    assert gate("topic", p, 0.8, {"person_goes_on": 1.0}) < 0.8


def test_a_person_cut_out_of_a_longer_name(selective_nlp):
    """ "the Paul and Mary Okafor Endowed Chair": a person every mention of which runs on into a longer name."""
    from newsgraph.annotate.entity_features import features
    from newsgraph.annotate.extensions import register_extensions
    from newsgraph.records import Entity, Mention

    register_extensions()
    text = "Dana Pelto, the Paul and Mary Okafor Endowed Chair, said Mary Okafor funded it."
    doc = selective_nlp.make_doc(text)

    def person(name: str, starts: list[int]) -> Entity:
        return Entity("p", name, "person", [name], 0.9, None, [Mention(s, s + len(name), name) for s in starts])

    first, second = text.index("Mary Okafor"), text.rindex("Mary Okafor")
    cut = features(doc, person("Mary Okafor", [first]), text, [], [], "", frozenset())
    assert cut["person_goes_on"] == 1.0
    both = features(doc, person("Mary Okafor", [first, second]), text, [], [], "", frozenset())
    assert both["person_goes_on"] == 0.0  # named on its own once: a person of its own


def test_a_cued_person_keeps_its_words(selective_nlp):
    """A title or given name types the name as a person: common words or not, no gate."""
    from newsgraph.annotate.entities import pipeline_names
    from newsgraph.annotate.entity_features import doc_context, features

    text = ("Where to buy the card: the best deals of the week are here, and the price is fair.\n\n"
            "Senator Best Buy said on Monday that the card would sell out before the week was over.")
    doc = selective_nlp(text)
    feats = {e.name: features(doc, e, *doc_context(doc, pipeline_names(selective_nlp))) for e in doc._.ng_entities}
    assert feats["Best Buy"]["common_words"] == 0.0
    doc = selective_nlp(text.replace("Senator Best Buy said", "Best Buy said"))
    ents = {e.name: e for e in doc._.ng_entities}
    if "Best Buy" in ents and ents["Best Buy"].type == "person" and not ents["Best Buy"].roles:
        f = features(doc, ents["Best Buy"], *doc_context(doc, pipeline_names(selective_nlp)))
        assert f["common_words"] == 1.0


def test_a_name_an_apposition_calls_a_body_is_no_person(selective_nlp):
    """ "X, a fish cake store in Y" / "X is a retailer": an organisation, however often the model says PERSON."""
    from newsgraph.annotate.entity_evidence import _KIND_AFTER

    assert _KIND_AFTER.match(", a kamaboko store in Monbetsu").group(1) == "store"
    assert _KIND_AFTER.match(" is a fish cake factory/store").group(1) == "factory"
    assert _KIND_AFTER.match(", a Boston-based retailer.").group(1) == "retailer"
    # the noun ending the phrase is its head: a person the phrase describes, no body
    assert _KIND_AFTER.match(", a company spokesman, said").group(1) == "spokesman"
    assert _KIND_AFTER.match(" is a firm believer in rules").group(1) == "believer"
    text = ("We stopped at Okafor Kenzan, a kamaboko store in the harbour town, on our way north. Okafor Kenzan "
            "sells fish cakes fried to order.")
    doc = selective_nlp(text)
    types = {e.name: e.type for e in doc._.ng_entities}
    assert types.get("Okafor Kenzan") == "organisation"
    text = "We met Okafor Kenzan, a company spokesman, on our way north. Okafor Kenzan sells fish cakes."
    doc = selective_nlp(text)
    assert {e.name: e.type for e in doc._.ng_entities}.get("Okafor Kenzan") != "organisation"


def test_a_lower_case_word_inside_a_name_that_is_no_particle():
    assert lower_inside("T. c. brucella") and lower_inside("Resources and Environment Tran Van")
    assert lower_inside("United Way of Greater Dunmore")
    assert not lower_inside("Otto von Lindau") and not lower_inside("Bill de Souza") and not lower_inside("Ana Ruiz")
    assert not lower_inside("Omar Abed al-Karim") and not lower_inside("Anne d'Arcy")  # a particle joined to the name
    assert not lower_inside("Ivan the Bold")  # an epithet


def test_a_names_last_word_the_article_writes_in_lower_case():
    lower = lower_words("The flu spread fast; the man who caught it recovered.")
    assert common_head("Canine Flu", lower) and common_head("Steel Man", lower)
    assert not common_head("Ann Lee", lower) and not common_head("Flu", lower)  # one word: common_words' case


def test_an_illness_name_is_no_persons():
    from newsgraph.annotate.org_kinds import illness_name

    assert illness_name("Avian Influenza") and illness_name("Canine Flu") and illness_name("Rift Valley Fever")
    assert not illness_name("Ann Lee") and not illness_name("Flu Season Fund")


def test_the_new_name_shapes_hold_the_topic_score_down():
    import pytest

    from newsgraph.annotate.confidence import NAME_SHAPE_WEIGHT, gate
    from newsgraph.records import Entity

    e = Entity(id="p1", name="Canine Flu", type="person")
    for sign in ("lower_inside", "common_head", "illness_name"):
        assert gate("topic", e, 0.6, {sign: 1.0}) == pytest.approx(0.6 * NAME_SHAPE_WEIGHT)


def test_a_name_seated_in_a_place_is_a_company_not_a_person():
    from newsgraph.annotate import annotate_many
    from newsgraph.records import Extracted

    body = ("Green onions were recalled on Monday. The onions came from Irwindale based Ready Pac. London-based analyst "
            "Tom Reed said sales fell. Ready Pac said it was cooperating.")
    art = next(iter(annotate_many([Extracted(input="t", body=body, kind="body")])))
    types = {(e.name, e.type) for e in art.entities}
    assert ("Ready Pac", "person") not in types and ("Tom Reed", "person") in types


def test_a_name_that_comes_after_a_capitalised_word_of_its_run_is_a_tail():
    """"PT Harbour Putra Vell" read as a person "Putra Vell": the word before opens no person's name (name_shape.
    comes_after); a title, a party, a given name, a sentence's first word or the entity's own word do."""
    from newsgraph.annotate.name_shape import comes_after
    from newsgraph.annotate.names import shipped_names

    names = shipped_names()

    def after(text: str, name: str, own: frozenset[str] = frozenset()) -> bool:
        return comes_after(text, text.index(name), names, lower_words(text), own)

    assert after("The cars will be sold by Kia and PT Harbour Putra Vell, a firm.", "Putra Vell")
    assert after("He founded a coal firm, Harbour Compliant Vell, in 2001.", "Compliant Vell")
    assert not after("the former deputy leader of the HLTE Ana Vell", "Ana Vell")  # an acronym: an affiliation
    assert not after("Litchfield Selectman Ana Vell said", "Ana Vell")  # a local title (data/name_before.tsv)
    assert not after("the nominee Ana Vell said", "Ana Vell")  # a lower-case word before
    assert not after("Democrat Vell said", "Vell") and not after("Speaker Vell said", "Vell")  # a party, a title
    assert not after("Apple CEO Vell said", "Vell")  # a title word
    assert not after("It rained. Vell said so.", "Vell") and not after("\u201cVell said so.", "Vell")
    assert not after("an injury to Will Vell, who", "Vell", frozenset({"Will", "Vell"}))  # the entity's own name
    assert not after("But later Vell said", "Vell")  # "later" in lower case: no capitalised word
    assert not after("the Gov. Vell said", "Vell")  # an abbreviation: a title
    assert not after("a press conference by Minister of Education Ana Vell, the", "Ana Vell")  # a title's complement


def test_a_tail_of_a_longer_name_holds_the_topic_score_down():
    import pytest

    from newsgraph.annotate.confidence import FRAGMENT_WEIGHT, gate
    from newsgraph.records import Entity

    e = Entity(id="p1", name="Putra Vell", type="person")
    assert gate("topic", e, 0.6, {"person_comes_after": 1.0}) == pytest.approx(0.6 * FRAGMENT_WEIGHT)
