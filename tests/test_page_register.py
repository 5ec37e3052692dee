"""The register of a whole page (page_register.py): a fan or game wiki's fictional world, a dictionary entry, news;
what it takes from the topics (confidence.gate, REGISTER_WEIGHT) and what it makes of headword lines
(text_blocks.non_prose_blocks). Fixtures are pages written for these tests."""

from __future__ import annotations

from newsgraph.annotate.page_register import read_register, site_genre

#: a game wiki's character page (invented game)
GAME_WIKI = (
    "Marla is a villager who lives in Copperbrook. She is one of the characters the player can befriend.\n\n"
    "Schedule\n\nOn Monday Marla walks Teo to the mill and tends the orchard with Ivo. After the harvest quest she "
    "gives the player a jar of honey.\n\nDialogue\n\n\u201cThe river is high this spring,\u201d Marla says when it "
    "rains. Teo and Ivo join her at the inn on Fridays.\n\nTrivia\n\nMarla was called Dana in early builds of the "
    "game. Her heart events unlock after the second quest.")
#: a report on the same kind of page: a game studio's news, real people with roles
NEWS = (
    "The studio behind the farming game said on Tuesday it would hire 40 staff in Leeds. Dana Okafor, its chief "
    "executive, said sales had doubled since March. The game's characters were drawn by Ivo Pelto, who joined the "
    "company in 2019, Okafor said. Shares in its parent rose 4 percent in London.")
#: a fan encyclopedia's page as a text dump, without its site name: fiction words and note marks
FAN_DUMP = (
    "Warning: spoilers for the whole saga follow.\n\nThe Ember Charm was a spell that lit a flame at the tip of the "
    "caster's staff.[1] It appears in chapter 3 of the first book, where the character Oren Vask casts it.[2] "
    "In-universe it was taught to first-year apprentices at the Tower of Keys.[3] Lira Vask, another character, "
    "used it in the final chapter.[4][5] Its canon origin is unknown.[6]\n\nAppearances\n\nBook one[7]")
DICTIONARY = (
    "grandiloquent\n\nPRONUNCIATION: (gran-DIL-uh-kwuhnt)\n\nMEANING: adjective: Pompous in style or language.\n\n"
    "ETYMOLOGY: From Latin grandis (great) and loqui (to speak). The word was popular with Ann Okafor, a critic.\n\n"
    "Ivo Pelto \u2014 Ivo Pelto (born 1950) is a Finnish lexicographer whose dictionary of rhetoric\u2026 \u2026 "
    "Encyclopedia\n\nTeo Marsh \u2014 poet and critic, born in Leeds in 1931, wrote on grand style")


def test_site_names_say_the_kind_of_work_not_which_site():
    assert site_genre("Copperbrook Wiki") == "wiki"
    assert site_genre("Ember Saga Fandom") == "wiki"
    assert site_genre("Wikipedia") is None  # one word, no genre noun of its own
    assert site_genre("Academic Dictionaries and Encyclopedias") == "reference"
    assert site_genre("The Leeds Courier") is None and site_genre(None) is None


def test_a_game_wiki_page_is_fiction_and_news_about_a_game_is_not():
    assert read_register(GAME_WIKI, "Copperbrook Wiki").kind == "fiction"
    assert read_register(NEWS, "The Leeds Courier").kind is None
    assert read_register(NEWS, None).kind is None
    # a community wiki about software writes of no fictional world: a reference page, not fiction
    tool = "The installer copies the files to the folder you chose. Run the updater once a week to fetch fixes."
    assert read_register(tool, "Toolbox Wiki").kind == "reference"


def test_a_fan_encyclopedia_dump_is_fiction_from_its_body_alone():
    r = read_register(FAN_DUMP, None)
    assert r.kind == "fiction", r.evidence
    assert r.evidence["notes_per_1000"] > 0 and r.evidence["fiction_per_1000"] > 0
    # the same words without note marks (a blog post reviewing the books) are no reference work
    assert read_register(FAN_DUMP.replace("[", "").replace("]", "").replace("1", ""), None).kind is None


def test_a_dictionary_entry_is_a_reference_page():
    assert read_register(DICTIONARY, None).kind == "reference"
    assert read_register("MEANING: the harbour reopened on Monday, officials said.", None).kind is None  # one label


def test_the_characters_of_a_fiction_page_are_no_topics(selective_nlp):
    from newsgraph.annotate.confidence import gate
    from newsgraph.annotate.entities import pipeline_names
    from newsgraph.annotate.entity_features import doc_context, features
    from newsgraph.records import Entity, Mention

    doc = selective_nlp.make_doc(GAME_WIKI)
    doc._.ng_meta = {"source_name": "Copperbrook Wiki"}
    doc = selective_nlp(doc)
    ctx = doc_context(doc, pipeline_names(selective_nlp))
    assert ctx[-1] == "fiction"
    people = [e for e in doc._.ng_entities if e.type == "person"]
    assert people and all(features(doc, e, *ctx)["fiction_page"] == 1.0 for e in people)
    news = selective_nlp(NEWS)
    ctx = doc_context(news, pipeline_names(selective_nlp))
    assert not any(features(news, e, *ctx)["fiction_page"] for e in news._.ng_entities)
    p = Entity("p1", "Marla", "person", ["Marla"], 0.9, None, [Mention(0, 5, "Marla")])
    assert gate("topic", p, 0.8, {"fiction_page": 1.0}) < 0.5 < gate("topic", p, 0.8, {"fiction_page": 0.0})


def test_headword_lines_are_entries_on_a_reference_page_only(selective_nlp):
    from newsgraph.annotate.text_blocks import non_prose_blocks

    doc = selective_nlp(DICTIONARY)
    paras = DICTIONARY.split("\n\n")
    blocks = [DICTIONARY[s:e] for s, e in non_prose_blocks(doc, register="reference")]
    assert paras[-1] in blocks and paras[-2] in blocks  # the headword lines
    assert paras[3] not in blocks  # the entry's own etymology
    news_blocks = [DICTIONARY[s:e] for s, e in non_prose_blocks(doc)]
    assert paras[-2] in news_blocks  # cut off by an ellipsis: an entry teaser on any page
    assert paras[-1] not in news_blocks  # a headword line alone is prose on a news page


def test_the_record_says_which_register_lowered_its_topics(selective_nlp):
    from newsgraph.annotate import annotate
    from newsgraph.records import Extracted

    art = annotate(Extracted(input="wiki.html", body=GAME_WIKI, source_name="Copperbrook Wiki"), selective_nlp)
    reg = art.annotations["register"]
    assert reg["kind"] == "fiction" and reg["site_wiki"] == 1.0
    shown = [n for n, c in zip(art.topics["people"], art.topics_confidence["people"], strict=True) if c >= 0.5]
    assert shown == [], shown  # the characters are no news people
    art = annotate(Extracted(input="news.html", body=NEWS, source_name="The Leeds Courier"), selective_nlp)
    assert "register" not in art.annotations
    assert "Dana Okafor" in art.topics["people"]
