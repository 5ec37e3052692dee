"""Page furniture (page_furniture.py): headings, signatures, editorial labels and closing credits are no prose, a
person named only there is no topic, a heading is no pronoun's antecedent; and an organisation named only as the
place where something happened (org_places.py). Fixtures are articles written here, with invented names."""

from __future__ import annotations

from newsgraph.annotate import annotate
from newsgraph.annotate.names import shipped_names
from newsgraph.annotate.org_places import venue_used
from newsgraph.annotate.page_furniture import closing_credit, furniture, run_in_heading, verbless_line
from newsgraph.records import Extracted

SHOWN = 0.5


def _topics(body: str, kind: str) -> dict[str, float]:
    rec = annotate(Extracted(input="t", body=body))
    return dict(zip(rec.topics[kind], rec.topics_confidence[kind], strict=True))


def _kinds(nlp, text: str) -> list[tuple[str, str]]:
    return [(kind, text[s:e]) for s, e, kind in furniture(nlp(text), text)]


def test_verbless_title_case_lines_are_headings_whatever_their_closing_mark(selective_nlp):
    for line in ("Water Rights.", "Dana Okafor.", "Eastvale, Ohio.", "Update Appended.", "Rising Costs"):
        text = "Opening words of the story.\n" + line + "\nMore prose follows here."
        doc = selective_nlp(text)
        s = text.index(line)
        assert verbless_line(doc, s, s + len(line), line), line
    for line in ("Dana Okafor resigned.", "Prices Rise Again.", "What Now?", "the council met on Monday.",
                 "DANA OKAFOR:"):
        text = "Opening words of the story.\n" + line + "\nMore prose follows here."
        doc = selective_nlp(text)
        s = text.index(line)
        assert not verbless_line(doc, s, s + len(line), line), line


def test_a_heading_run_into_its_paragraph_ends_at_its_colon(selective_nlp):
    para = "Little Help for Farmers: The drought is the sort of crisis the agency was made for."
    assert para[: run_in_heading(selective_nlp(para), 0, para)] == "Little Help for Farmers:"
    speaker = "Mayor Dana Okafor: We will rebuild the bridge before the winter."
    assert run_in_heading(selective_nlp(speaker), 0, speaker) is None  # a transcript's speaker label
    for label in ("Note: The bridge stays shut.", "DANA OKAFOR: We will rebuild it.",
                  "NEW YORK, New York: The bridge stays shut."):
        assert run_in_heading(selective_nlp(label), 0, label) is None  # a label, a transcript's speaker


def test_closing_credits_and_a_contributors_note():
    assert closing_credit("Wendy Pelto and Henrik Saari contributed reporting.", last=False)
    assert closing_credit("Dana Okafor reported from Eastvale, and Ivo Brandt from Lorton, Ohio.", last=False)
    assert closing_credit("Eastvale Courier writer Ana Diaz and staff writer Bo Chen contributed to this report.",
                          last=False)
    assert closing_credit("Dana Okafor is a senior staff writer for the Eastvale Courier.", last=True)
    assert not closing_credit("Dana Okafor is a senior staff writer for the Eastvale Courier.", last=False)
    assert not closing_credit("Dana Okafor said the bridge would reopen in May.", last=True)
    assert not closing_credit("Dana Okafor is a mother of three who lost her job.", last=True)


def test_a_credit_label_opens_a_verbless_paragraph(selective_nlp):
    for para, credit in (("(Credit: Ana Diaz / Eastvale Courier)", True), ("Contributing: Ana Diaz, Bo Chen", True),
                         ("Credit Eastvale Group AG shares fell.", False),
                         ("Produced by Ana Diaz, the series follows three nurses.", False)):
        text = "Opening words of the story.\n" + para
        assert (("credit", para) in _kinds(selective_nlp, text)) is credit, para


def test_the_furniture_of_a_letters_page(selective_nlp):
    text = ("Letters to the editor.\nThe mayor is wrong about the bridge. It must be rebuilt before winter.\n"
            "Dana Okafor.\nEastvale, Ohio.\nThe council should listen to its voters for once.\nIvo Brandt.\n"
            "Lorton.\n(Reporting by Wendy Pelto; Editing by Henrik Saari.)")
    kinds = _kinds(selective_nlp, text)
    assert ("heading", "Dana Okafor.") in kinds and ("heading", "Eastvale, Ohio.") in kinds
    assert ("heading", "Ivo Brandt.") in kinds
    assert ("credit", "(Reporting by Wendy Pelto; Editing by Henrik Saari.)") in kinds
    assert not any("mayor is wrong" in t for _, t in kinds)


def test_a_person_named_only_in_a_closing_credit_or_a_signature_is_no_topic():
    body = ("Mayor Ruth Kallistrat said on Monday that the Eastvale bridge would reopen in May, after a year of "
            "repairs. Kallistrat said the council had found the money in the reserve fund.\n"
            "Residents have complained about the detour for months, and shop owners say they lost trade.\n"
            "\"We are glad it is nearly over,\" said Tomas Virelli, who runs a bakery near the bridge.\n"
            "Wendy Pelto and Henrik Saari contributed reporting.")
    people = _topics(body, "people")
    assert people.get("Ruth Kallistrat", 0) >= SHOWN and people.get("Tomas Virelli", 0) >= SHOWN
    assert people.get("Wendy Pelto", 0) < SHOWN and people.get("Henrik Saari", 0) < SHOWN


def test_a_pronoun_resolves_past_a_heading():
    """The section heading (which the model types as a person) is passed over: "he" is the secretary general."""
    body = ("Mr. Okafor, the secretary general, leaves office at the end of the year. Mr. Okafor has pushed for a "
            "woman to succeed him.\nGender Parity.\nIt was under Mr. Okafor's watch that the assembly created a new "
            "agency. He said he backed the idea of a woman's succeeding him.")
    rec = annotate(Extracted(input="t", body=body))
    assert [q.speaker_name for q in rec.quotes] == ["Okafor"]


def test_an_organisation_named_only_as_a_venue_is_hidden(selective_nlp):
    body = ("Governor Ruth Kallistrat spoke on Tuesday at the Varnholm House, the old mansion on the hill, and "
            "promised new roads. She told an invited crowd at Eastvale's Lindqvist League club that taxes would "
            "not rise. The Eastvale Transit Authority said it would start the work next spring.")
    orgs = _topics(body, "organisations")
    assert orgs.get("Varnholm House", 0) < SHOWN and orgs.get("Lindqvist League", 0) < SHOWN
    assert orgs.get("Eastvale Transit Authority", 0) >= SHOWN
    names = shipped_names()
    acting = "Officials at the Varnholm House blamed the cost. The Varnholm House said it would close its doors."
    spans = [(i, i + len("Varnholm House")) for i in (acting.index("Varnholm"), acting.rindex("Varnholm"))]
    assert not venue_used(selective_nlp(acting), names, "Varnholm House", acting, spans)  # a subject acts
    placed = "Officials gathered at the Varnholm House. A dinner followed inside the Varnholm House."
    spans = [(i, i + len("Varnholm House")) for i in (placed.index("Varnholm"), placed.rindex("Varnholm"))]
    assert venue_used(selective_nlp(placed), names, "Varnholm House", placed, spans)
    goal = "She is the first serious contender for the Varnholm House in decades."
    s = goal.index("Varnholm")
    assert venue_used(selective_nlp(goal), names, "Varnholm House", goal, [(s, s + 14)])  # a prize, no body
    hall = "The award was given at the Varnholm Foundation."
    s = hall.index("Varnholm")
    assert not venue_used(selective_nlp(hall), names, "Varnholm Foundation", hall, [(s, s + 19)])  # a body's name
