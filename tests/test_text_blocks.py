"""Paragraphs that are no running prose (reference entries, sign-off lines, name lists: text_blocks.py), and the
page's own publisher (entity_features.publisher): named, but not what the page is about."""

from __future__ import annotations

from newsgraph.annotate.text_blocks import citation, name_list, non_prose_blocks, sign_off


def test_a_reference_entry_needs_two_kinds_of_citation_mark():
    ref = ("12. Okafor JT , Bello A , Smith K , et al . Flood alerts and hospital visits in Lagos. "
           "Crop Sci. 2019;12:101-9. [PMID: 1234567] doi:10.1000/xyz.123")
    assert citation(ref)
    assert not citation("Okafor et al. found that the floods in Lagos emptied the markets for a week.")
    assert not citation("The council met in 2019; 12 members voted against the plan.")


def test_a_sign_off_is_a_short_paragraph_opening_with_a_dash():
    assert sign_off("\u2014Reuters writer Ana Diaz in Lisbon contributed to this report.")
    assert sign_off("\u2014Tomasz, age 9")
    assert not sign_off("The mayor of Lisbon, Ana Diaz, said the bridge would reopen on Monday.")
    assert not sign_off("\u2014" + "a long paragraph that opens with a dash " * 10)


def test_a_signature_closes_a_paragraph(selective_nlp):
    """A quotation of the day or an epigraph signed after a dash: the signature is no prose, the quotation is."""
    text = ("A THOUGHT FOR TODAY: A fixed idea is like an iron rod in a statue. It holds it up. -Wendy Okafor, "
            "critic and historian (1828-1893)\n\nThe vote was close. Okafor-Pelto won by ten votes in the end.")
    doc = selective_nlp(text)
    blocks = [text[s:e] for s, e in non_prose_blocks(doc)]
    # the run-in heading before the colon is furniture too (page_furniture.py, stop 28)
    assert blocks == ["A THOUGHT FOR TODAY:", " -Wendy Okafor, critic and historian (1828-1893)"]


def test_a_name_list_is_mostly_person_names():
    para = "With Wendy Okafor, Dina Halvorsen, Henrik Pelto and Laura Greenbaum."
    spans = [(para.index(n), para.index(n) + len(n)) for n in ("Wendy Okafor", "Dina Halvorsen", "Henrik Pelto",
                                                                   "Laura Greenbaum")]
    assert name_list(para, spans)
    assert not name_list(para, spans[:2])  # two names are a pair, not a list
    prose = ("Wendy Okafor told Dina Halvorsen and Henrik Pelto that the council would not fund the new library "
             "before the next election, whatever the petition said.")
    spans = [(prose.index(n), prose.index(n) + len(n)) for n in ("Wendy Okafor", "Dina Halvorsen", "Henrik Pelto")]
    assert not name_list(prose, spans)


def test_blocks_of_an_article(selective_nlp):
    text = ("The harbour of Valletta reopened on Monday after a week of storms, the port authority said, and the "
            "first ferries left for Gozo in the afternoon.\n\n"
            "\u2014Associated Press writer Ana Diaz in Lisbon contributed to this report.\n\n"
            "3. Okafor JT , Bello A , et al . Storm surges in Valletta. Mar Pol. 2019;12:101-9. doi:10.1000/x.1")
    doc = selective_nlp(text)
    blocks = [text[s:e] for s, e in non_prose_blocks(doc)]
    assert blocks == [text.split("\n\n")[1], text.split("\n\n")[2]]


def test_an_entity_named_only_in_a_sign_off_is_named_outside_prose(selective_nlp):
    from newsgraph.annotate.entities import pipeline_names
    from newsgraph.annotate.entity_features import doc_context, features

    text = ("The harbour of Valletta reopened on Monday after a week of storms, the port authority said, and the "
            "first ferries left for Gozo in the afternoon while the fishing boats stayed in.\n\n"
            "\u2014Associated Press writer Ana Diaz in Lisbon contributed to this report.")
    doc = selective_nlp(text)
    by_name = {e.name: features(doc, e, *doc_context(doc, pipeline_names(selective_nlp))) for e in doc._.ng_entities}
    assert by_name["Valletta"]["no_prose"] == 0.0
    assert by_name["Lisbon"]["no_prose"] == 1.0


def test_a_credit_label_heads_a_name_list():
    """Author-contribution lines: the label before the colon is the list's heading, not prose around the names."""
    para = "Critical revision of the article for important intellectual content: W.K. Okafor, D. Halvorsen, H. Pelto."
    spans = [(para.index(n), para.index(n) + len(n)) for n in ("W.K. Okafor", "D. Halvorsen", "H. Pelto")]
    assert name_list(para, spans)
    assert not name_list(para.replace(":", " by"), spans)  # no label: the words around the names are prose
    prose = "The panel heard three witnesses: Wendy Okafor, Dina Halvorsen and Henrik Pelto, who spoke for hours."
    spans = [(prose.index(n), prose.index(n) + len(n)) for n in ("Wendy Okafor", "Dina Halvorsen", "Henrik Pelto")]
    assert not name_list(prose, spans)


def test_names_with_words_between_them_are_no_list():
    para = "Reagan in 80 and 84, Bush in 88 and 92, Gramm in 96, Romney in 08."
    spans = [(para.index(n), para.index(n) + len(n)) for n in ("Reagan", "Bush", "Gramm", "Romney")]
    assert not name_list(para, spans)
    para = "Editor Wendy Okafor and President Dina Halvorsen. Image: Henrik Pelto"
    spans = [(para.index(n), para.index(n) + len(n)) for n in ("Wendy Okafor", "Dina Halvorsen", "Henrik Pelto")]
    assert not name_list(para, spans)


def test_the_pages_own_publisher_is_no_topic(selective_nlp):
    from newsgraph.annotate.confidence import gate
    from newsgraph.annotate.entity_features import publisher
    from newsgraph.records import Entity, Mention

    doc = selective_nlp.make_doc("When you join The Harbour Times family, you get unlimited access.")
    doc._.ng_meta = {"source_name": None, "source_domain": "www.harbourtimes.com"}
    assert publisher(doc, ["Harbour Times"]) and publisher(doc, ["The Harbour Times"])
    assert not publisher(doc, ["Harbour Council"])
    doc._.ng_meta = {"source_name": "Harbour Daily", "source_domain": None}
    assert publisher(doc, ["Harbour Daily"]) and not publisher(doc, ["Harbour Times"])
    org = Entity("o1", "Harbour Times", "organisation", ["Harbour Times"], 0.5, None, [Mention(0, 13, "Harbour Times")])
    assert gate("topic", org, 0.8, {"publisher": 1.0}) < gate("topic", org, 0.8, {"publisher": 0.0}) == 0.8


def test_link_labels_glued_together_are_no_name():
    from newsgraph.annotate.entity_mentions import _GLUED

    assert _GLUED.search("CrossrefMedlineGoogle")
    assert not any(_GLUED.search(w) for w in ("McDonald", "YouTube", "DeJesús", "iPhone", "MacBook"))


def test_an_entity_named_mostly_in_a_reference_list_is_named_outside_prose(selective_nlp):
    from newsgraph.annotate.entities import pipeline_names
    from newsgraph.annotate.entity_features import doc_context, features

    refs = "\n\n".join(f"{i}. Okafor JT , Bello A , et al . Storm surges {i}. Mar Pol. 2019;12:101-9. doi:10.1000/x.{i}"
                       for i in range(1, 7))
    text = ("The harbour of Valletta reopened on Monday after a week of storms, and the walls had held, as the "
            "studies in Mar Pol had predicted for the port.\n\n" + refs)
    doc = selective_nlp(text)
    by_name = {e.name: (len(e.mentions), features(doc, e, *doc_context(doc, pipeline_names(selective_nlp))))
               for e in doc._.ng_entities}
    n, f = by_name["Mar Pol"]  # once in prose, six times in the references
    assert n == 7 and f["no_prose"] == 1.0


def test_a_credit_introduces_a_name():
    from newsgraph.annotate.text_blocks import credited

    for before in ("It ended there. With reporting by Associated Press writer ", "Exclusive articles by "):
        assert credited(before + "Dana Okafor", len(before))
    for before in ("He was stopped by ", "a book by the historian ", "The letter was written by "):
        assert not credited(before + "Dana Okafor", len(before))


def test_an_entry_teaser_and_a_byline():
    from newsgraph.annotate.text_blocks import credited, entry_teaser

    assert entry_teaser("Ivo Pelto \u2014 Ivo Pelto (born 1950) is a Finnish lexicographer whose\u2026 \u2026 Wikipedia")
    assert entry_teaser("Harbour law \u2014 The law of ports and the ships that use them, from the\u2026")
    assert not entry_teaser("Ivo Pelto \u2014 the lexicographer \u2014 said the dictionary was finished.")  # no cut
    assert not entry_teaser("The mayor said the harbour would reopen, and then\u2026 \u2026 nothing happened for a "
                            "year.")  # prose trailing off, no headword
    text = "---- by Kenneth Ode\nThe harbour reopened. By Monday Ann Lee had left; it was written by Bo Chen."
    assert credited(text, text.index("Kenneth"))
    assert not credited(text, text.index("Ann Lee"))  # "By Monday": a word between
    assert not credited(text, text.index("Bo Chen"))  # inside a sentence, no credit noun


def test_a_credit_line_credits_every_name_in_it(selective_nlp):
    from newsgraph.annotate.text_blocks import credit_line, credited

    line = "Reporting by Ann Okafor in Beirut, Bo Chen in The Hague and Cy Ode in London; Editing by Dan Ellis"
    assert credit_line(line) and credited(line, line.index("Ann Okafor"))  # its capital counts
    assert not credit_line("The reporting by Ann Okafor in Beirut won a prize.")  # a sentence about a credit
    text = "The harbour reopened on Monday after storms, officials said.\n\n" + line
    doc = selective_nlp(text)
    assert [text[s:e] for s, e in non_prose_blocks(doc)] == [line]


def test_contributor_notes_close_an_opinion_piece(selective_nlp):
    from newsgraph.annotate.text_blocks import contributor_note

    note = ("Dana Okafor is an associate professor at the University of Leeds. Henrik Pelto is a senior researcher "
            "with the Harbour Institute.")
    spans = [(note.index(n), note.index(n) + len(n)) for n in ("Dana Okafor", "Henrik Pelto")]
    assert contributor_note(note, spans)
    assert not contributor_note(note, spans[:1])  # one such sentence is prose
    body = ("The city has failed its street traders, and a plan exists. Traders lost stalls when the council cleared "
            "the market in March, and many have not found another place to sell since then. The council says a new "
            "market hall will open next year, but traders say the rents it plans are far above what they earn.\n\n")
    doc = selective_nlp(body + note)
    assert [doc.text[s:e] for s, e in non_prose_blocks(doc)] == [note]
    doc = selective_nlp(note + "\n\n" + body)  # at the opening it is the story's own introduction of its people
    assert note not in [doc.text[s:e] for s, e in non_prose_blocks(doc)]


def test_research_by_a_named_person_opens_prose_about_her():
    from newsgraph.annotate.text_blocks import credited

    text = "Research by Ann Okafor, a materials scientist, estimated the cost. Photos by Bo Chen."
    assert not credited(text, text.index("Ann Okafor"))
    assert credited(text, text.index("Bo Chen"))


def test_a_contact_line_or_a_photo_credit_after_a_name_is_a_credit():
    from newsgraph.annotate.text_blocks import credited

    for text, name in [
        ("Anyone who saw the crash is asked to call police. Dana Okafor may be reached at dokafor@example.com.",
         "Dana Okafor"),
        ("The board meets again in May. Staff writer Lee Varga can be reached by e-mail at lvarga@example.org.",
         "Lee Varga"),
        ("Tom Asher photo\nVolunteers fill sandbags on Main Street.", "Tom Asher"),
        ("Tom Asher photoVolunteers fill sandbags on Main Street.", "Tom Asher"),
    ]:
        s = text.index(name)
        assert credited(text, s, s + len(name)), text
    for text, name in [
        ("Detective Dana Okafor can be reached at 555-0100 by anyone with information.", "Dana Okafor"),
        ("Dana Okafor may be reached at home, her lawyer said.", "Dana Okafor"),
        ("Tom Asher photographed the flood for the museum.", "Tom Asher"),
    ]:
        s = text.index(name)
        assert not credited(text, s, s + len(name)), text
