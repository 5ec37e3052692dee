"""Who spoke, and how sure we are: frameless quotes, pronoun antecedents, entities that only modify the speaker.

Our own articles. The rule under test (the brief): an unsure speaker is hidden (its speaker_confidence below the
display threshold, so the shown record keeps the quote and nulls its speaker) rather than shown wrong.
"""

from __future__ import annotations

import pytest

from newsgraph.annotate import annotate, annotate_many
from newsgraph.confidence import filter_record
from newsgraph.records import Extracted

THRESHOLD = 0.5

FLOOD = "\n\n".join(
    [
        "Maria Lopez, the mayor of Riverton, met residents at the town hall on Monday.",
        '"We lost three bridges in one night," Lopez said.',
        '"Nobody expected the river to rise that fast."',
        "The council met later that day. Is the budget big enough to rebuild?",
        '"We will find the money somewhere."',
    ]
)
DAM = "\n\n".join(
    [
        "The two governments have argued over the river for a decade.",
        "Portugal on Tuesday summoned Spain's ambassador to protest over what it called "
        '"a reckless decision on the dam".',
    ]
)
COACH = "\n\n".join(
    [
        "Tom Baker has coached the club for ten years and rarely gives interviews.",
        "The look he gives me when I ask about the new owner is the one he gave me years ago, when I asked "
        "whether he had read Peter Grant's memoir.",
        '"How would I find the time to read a book by Peter Grant?" he said.',
    ]
)
MERGER = "\n\n".join(
    [
        "Northwind Airlines and Eastline agreed to merge last week after two years of talks.",
        'A Northwind executive claimed the merger was "a done deal" before the regulator had ruled.',
        "Mayor Ana Costa's own remarks suggest the town is preparing for a long fight over the airport.",
    ]
)

REVIEW = "\n\n".join(
    [
        "The Riverton Airer from Homewell costs 90 dollars and dries a full load in five hours.",
        "I know we are talking about a clothes rack here, but I think it is the best one I have used.",
    ]
)
BRIEFING = "\n\n".join(
    [
        "The army held a briefing in the capital on Wednesday.",
        "Another officer, Colonel Nadia Petrova, said the strikes had hit only military sites.",
        '"We showed restraint in our response," she said.',
    ]
)


@pytest.fixture(scope="module")
def articles():
    docs = {"flood": FLOOD, "dam": DAM, "coach": COACH, "merger": MERGER, "review": REVIEW, "briefing": BRIEFING}
    out = annotate_many([Extracted(input=k, body=v, kind="body") for k, v in docs.items()])
    return dict(zip(docs, out, strict=True))


def quote(article, contains: str, kind: str | None = None):
    hits = [q for q in article.quotes if contains in q.text and (kind is None or q.kind == kind)]
    assert hits, f"no quote with {contains!r}: {[(q.kind, q.text) for q in article.quotes]}"
    return hits[0]


def test_frameless_quote_right_after_a_framed_one_keeps_its_speaker(articles):
    q = quote(articles["flood"], "Nobody expected")
    assert q.speaker_name == "Maria Lopez"
    assert q.speaker_confidence is not None and q.speaker_confidence >= THRESHOLD


def test_frameless_quote_after_narration_hides_its_guessed_speaker(articles):
    art = articles["flood"]
    q = quote(art, "find the money")
    assert q.confidence >= THRESHOLD  # the quote itself is shown
    assert q.speaker_confidence is None or q.speaker_confidence < THRESHOLD
    shown = filter_record(art.to_dict(), THRESHOLD)
    row = next(r for r in shown["quotes"] if "find the money" in r["text"])
    assert row["speaker_name"] is None and row["speaker"] is None


def test_pronoun_in_a_relative_clause_goes_to_the_subject_not_a_possessive(articles):
    q = quote(articles["dam"], "reckless decision", "partial")
    assert q.speaker_name == "Portugal"
    assert q.speaker_confidence >= THRESHOLD


def test_pronoun_chain_skips_a_name_spoken_about(articles):
    q = quote(articles["coach"], "How would I find the time")
    assert q.speaker_name == "Tom Baker"


def test_entity_that_only_modifies_the_speaker_is_not_the_speaker(articles):
    q = quote(articles["merger"], "a done deal", "partial")
    assert "executive" in (q.speaker_name or "").lower()
    ids = {e.id: e.name for e in articles["merger"].entities}
    assert ids.get(q.speaker) != "Northwind Airlines"


def test_remarks_that_suggest_are_no_reported_speech(articles):
    hits = [q for q in articles["merger"].quotes if "preparing for a long fight" in q.text]
    assert all(q.confidence < THRESHOLD for q in hits)


def test_the_writers_own_words_are_no_reported_speech(articles):
    hits = [q for q in articles["review"].quotes if "best one" in q.text or "clothes rack" in q.text]
    assert all(q.confidence < THRESHOLD for q in hits)
    assert all(q.speaker_confidence is None or q.speaker_confidence < THRESHOLD for q in hits)


def test_pronoun_goes_to_a_name_in_apposition_to_the_subject(articles):
    q = quote(articles["briefing"], "We showed restraint")
    assert q.speaker_name == "Nadia Petrova"
    assert q.speaker_confidence >= THRESHOLD


def test_relative_pronoun_speaker_is_the_noun_its_clause_modifies():
    body = "\n\n".join(
        [
            "The singer Lena Holt moved to Oslo in 2019 and later said she had a miserable first year there.",
            "She has been criticised by a music critic who disputed her claim that she had a miserable year.",
        ]
    )
    art = next(iter(annotate_many([Extracted(input="rel", body=body, kind="body")])))
    hits = [q for q in art.quotes if q.cue and q.cue.startswith("disputed")]
    assert hits
    assert all(q.speaker_name and "critic" in q.speaker_name for q in hits)


def test_a_publication_keeps_its_quote_and_hides_its_speaker():
    body = "\n\n".join(
        [
            "The Riverton plant closed in March after two fires.",
            "According to reports, the owners had ignored three safety warnings before the first fire.",
        ]
    )
    art = next(iter(annotate_many([Extracted(input="pub", body=body, kind="body")])))
    hits = [q for q in art.quotes if "ignored three safety warnings" in q.text]
    assert hits
    assert all(q.confidence >= THRESHOLD for q in hits)
    assert all(q.speaker_confidence is not None and q.speaker_confidence < THRESHOLD for q in hits)


def test_pronoun_framing_the_next_quote_is_the_previous_quotes_speaker():
    # the previous quote's speaker is named as an object ("quoted X as saying"), and the last subject that is a
    # person is someone else: '"B," he added.' right after it still continues the speaker of "A"
    body = "\n\n".join(
        [
            "Union leader Tom Baker met the finance minister, Peter Hansen, on Monday to talk about the budget.",
            '"I told Baker that the government has already set aside money for the new schools," local radio '
            "quoted Hansen as saying after the meeting in the capital on Monday.",
            '"We will build them before winter," he added.',
        ]
    )
    art = next(iter(annotate_many([Extracted(input="added", body=body, kind="body")])))
    q = quote(art, "before winter")
    assert q.speaker_name == "Peter Hansen"
    assert q.speaker_confidence is not None and q.speaker_confidence >= THRESHOLD


def test_a_pronoun_speaker_agrees_in_gender_with_its_antecedent(selective_nlp):
    body = (
        "Maria Lopez, the harbour director, met Tomas Berg on Monday. Mr. Berg signed the lease.\n\n"
        '"We will not close the port," she said.\n\n"The lease is fair," he added.'
    )
    speakers = {q.text.rstrip(","): q.speaker_name for q in annotate(Extracted(input="t", body=body, kind="body"), selective_nlp).quotes}
    # the nearest subject is Mr. Berg, a man by his honorific: "she" goes back to Maria Lopez (a woman's given name)
    assert speakers["We will not close the port"] == "Maria Lopez"
    assert speakers["The lease is fair"] == "Tomas Berg"


def test_gender_evidence_comes_from_honorifics_roles_and_given_names(selective_nlp):
    from newsgraph.annotate.__init__ import make_doc
    from newsgraph.annotate.gender import entity_gender

    body = "Spokeswoman Kim Park met Ms. Robin Hale, Mr. Robin Ames and Peter Lund. Sam Ode stayed home."
    doc = selective_nlp(make_doc(selective_nlp, Extracted(input="t", body=body, published="2024-05-10", kind="body")))
    got = {e.name: entity_gender(doc, e) for e in doc._.ng_entities if e.type == "person"}
    assert got.get("Robin Hale") == "f" and got.get("Robin Ames") == "m"  # the honorific decides an ambiguous name
    assert got.get("Kim Park") == "f"  # a gendered role noun before the name
    assert got.get("Peter Lund") == "m"  # the given name alone
    assert got.get("Sam Ode", None) is None  # a name used for both genders is no evidence
