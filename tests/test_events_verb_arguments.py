"""Event error classes read from a verb's arguments and its clause (issue 11, stop 21).

- An act or an instrument (event_actors.tsv [instrument]) as the subject or agent, with no author named, is no actor
  ("killed by an airstrike", "a tank had fired", "a car struck a truck"); a national modifier still names the author
  ("Israeli tanks"); other common nouns stay actors ("a jury").
- A participle describing its noun is no event ("alleged secret police stations").
- A condition made by inversion is no event ("had she not met X").
- A journey is a visit only when made to meet (data/plover.tsv [journey]): "travelled to X for talks" is, "for
  medical treatment" is not.
- A hostile verb or noun on an idea, a text or a policy is criticism ([verbal_sense], [verbal_object]): "attacked
  the plan" is ACCUSE, "attacked the convoy" ASSAULT.
- "attacks on X by Y": the act's "by" hung on its object still names the author.
- "agreed with X in January that ...": a date is no act agreed to.
- A name with a possessive pronoun is a thing's ("released its Winter Outlook").
- "X told reporters that Y had blocked ... and accused Z": X accuses.
- A refusal to say is no REJECT ([refusal]: "declined to comment"); "refused to sign the treaty" is one. Firing a
  person is a dismissal ([other_sense] fire person), firing at soldiers an ASSAULT.
- The parties of an act named inside the object are that act's ("welcomed the failure of the negotiations between X
  and Y" welcomes neither X nor Y).
- A negated perfect measured from a time is no REJECT ("have not met since May 2008"); "did not help" is one.
- A hostile act in a clause that times the reported one is no allegation ([background]: "residents said the aircraft
  fell after X launched strikes"); "officials said X's forces shelled villages" is.
"""

from __future__ import annotations

import pytest
from conftest import annotated_body
from conftest import events_with_trigger as _events

BODY = "\n\n".join(
    [
        "Rebel commander Ali Basri was killed by an airstrike in Goma on Tuesday.",
        "Israeli tanks fired at the Moldovan convoy near the border on Monday.",
        "A car struck a parked truck on the Lindell road on Friday.",
        "A man accused of driving the vehicle that killed Ben Okafor in a hit-and-run appeared in court.",
        "A jury in Lindell convicted Governor Ben Okafor of fraud on Friday.",
        ("The Lindell committee sent a letter on Wednesday to the Moldovan police demanding answers about the threat of"
         ' Chad\'s "transnational repression" and alleged secret Chadian police stations operating inside Moldova.'),
        "Senator Ana Ruiz said she could not have won the seat had she not met Governor Ben Okafor.",
        "Senator Petra Novak met Governor Ben Okafor in Lindell on Friday.",
        "Governor Ben Okafor travelled to Moldova for medical treatment in March.",
        "President Omar Haidari travelled to Chad for talks with Prime Minister Idriss Kamal.",
        "Senator Ana Ruiz attacked the plan of Governor Ben Okafor on Monday.",
        "Rebels attacked a Moldovan army convoy near Goma on Monday.",
        "Gunmen in Goma attacked a bus carrying Moldovan soldiers on Tuesday.",
        "The report follows a series of attacks on the village by the Lindell Defence Force.",
        "The court agreed with Moldova in January that the claim was plausible.",
        "Last October, this same NOAA released its U.S. Winter Outlook.",
        "Mykola Petrenko told reporters that Andriy Hurko had blocked his reforms, and accused Hurko of corruption.",
        "Mayor Lena Ortiz declined to comment on the Lindell audit. Governor Ben Okafor refused to sign the Moldovan treaty.",
        "Judge Petra Novak fired Ana Ruiz at the Lindell court on Tuesday. Chadian troops fired at Moldovan soldiers.",
        "Chadian officials welcomed the failure of the negotiations between Moldova and the Lindell Front.",
        "The Lindell Front and Moldova have not met since May 2008. Chad did not help Moldova after the floods.",
        "Residents said the aircraft fell shortly after Chad launched missile strikes on Moldova on Wednesday.",
        "Officials in Lindell said Chadian forces shelled villages in Moldova on Sunday.",
    ]
)


@pytest.fixture(scope="module")
def article(selective_nlp):
    return annotated_body(BODY, selective_nlp)



def test_an_act_or_thing_with_no_author_is_no_source(article):
    killed = _events(article, "killed")
    assert killed and all(ev.source_name is None for ev in killed)
    assert any(ev.target_name == "Ali Basri" for ev in killed)
    fired = _events(article, "fired", "Israeli tanks")
    assert fired and all(ev.source_name == "Israel" for ev in fired)  # a national modifier names the author
    assert not _events(article, "struck")  # a car struck a truck: an accident, no actor on either side
    assert not _events(article, "killed", "hit-and-run")  # "the vehicle that killed X": the relative stands for it
    assert _events(article, "attacked", "a bus carrying")  # a vehicle attacked is still an attack
    convicted = _events(article, "convicted")  # a common noun that is no act or instrument stays an actor
    assert convicted and all(ev.source_name for ev in convicted)


def test_a_participle_describing_its_noun_is_no_event(article):
    assert not _events(article, "alleged")


def test_a_condition_by_inversion_is_no_event(article):
    assert not _events(article, "met", "could not have won")
    assert any(ev.type == "CONSULT" for ev in _events(article, "met", "Petra Novak"))


def test_a_journey_is_a_visit_only_when_made_to_meet(article):
    assert not _events(article, "travelled", "medical treatment")
    visits = _events(article, "travelled", "for talks")
    assert visits and all(ev.type == "CONSULT" and ev.source_name == "Omar Haidari" for ev in visits)


def test_attacks_on_ideas_are_criticism(article):
    words = _events(article, "attacked", "the plan")
    assert words and all(ev.type == "ACCUSE" for ev in words)
    assert any(ev.target_name == "Ben Okafor" for ev in words)
    force = _events(article, "attacked", "convoy")
    assert force and all(ev.type == "ASSAULT" for ev in force)


def test_a_by_phrase_hung_on_the_object_names_the_author(article):
    attacks = _events(article, "attacks")
    assert attacks and all(ev.source_name == "Lindell Defence Force" for ev in attacks)
    assert all(ev.target_name != "Lindell Defence Force" for ev in attacks)


def test_a_date_is_no_act_agreed_to(article):
    assert not _events(article, "agreed")


def test_a_name_with_a_possessive_pronoun_is_a_thing_released(article):
    assert not _events(article, "released")


def test_a_verb_coordinated_with_a_told_clause_takes_the_teller(article):
    accused = _events(article, "accused")
    assert accused and all(ev.source_name == "Mykola Petrenko" for ev in accused)


def test_a_timing_clause_under_a_speech_verb_is_no_allegation(article):
    alleged = [ev for ev in article.events if ev.type == "ACCUSE" and ev.mode == "allege"]
    assert not [ev for ev in alleged if "aircraft fell" in article.body[ev.start : ev.end]]
    assert [ev for ev in alleged if "shelled villages" in article.body[ev.start : ev.end]]


def test_a_title_alone_is_no_name(selective_nlp):
    """An actor phrase whose only proper nouns are titles ("the General") is a person the text did not name: its
    kind is "people" like "the officials", not "named" like "Kenyan police" (the actor models read the kind)."""
    from newsgraph.annotate.event_features import actor, people_nouns

    doc = selective_nlp("Mykola Petrenko told reporters that Andriy Hurko had blocked his reforms, and accused the General of"
                        " enabling corruption. Petrenko also met Kenyan police on Monday.")
    ents = {e.id: e for e in doc._.ng_entities}
    kinds = {ev.target_name: actor(doc, ev, ev.target, ev.target_name, ents, people_nouns()).kind for ev in doc._.ng_events if ev.target_name}
    assert kinds.get("the General") == "people"
    assert kinds.get("Kenyan police") == "named"


def test_a_refusal_to_comment_and_a_dismissal_are_no_acts(article):
    assert not _events(article, "declined")
    assert any(ev.type == "REJECT" for ev in _events(article, "refused"))
    assert not _events(article, "fired", "Ana Ruiz")
    assert any(ev.type == "ASSAULT" for ev in _events(article, "fired", "Chadian troops"))


def test_the_parties_of_a_nested_act_are_no_targets(article):
    welcomed = _events(article, "welcomed")
    assert all(ev.target_name not in ("Moldova", "Lindell Front") for ev in welcomed)


def test_a_time_without_the_act_is_no_rejection(article):
    assert not _events(article, "met", "since May 2008")
    assert any(ev.type == "REJECT" for ev in _events(article, "help", "did not help"))
