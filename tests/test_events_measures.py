"""Acts on things that are no event between actors, read from their arguments (issue 11, stop 26; event_measures.py).

- A ban, suspension or block of animals, goods or their movement and trade, and an order to slaughter animals, is
  disease or food control; a ban on a party or on imports from a country stays. Cutting a number is no sanction.
- The destination of a banned journey ("pilgrimage to X") is not the one restricted.
- A field team's visit to a place meets no one; an official's visit stays.
- Arresting or fighting an illness is figurative, killing animals a cull, lifting a ban on beef no release; an act "delayed" did not happen.
- A one-sided pledge or promise is no AGREE; a promise to a named party is.
- A charity's money asked of no one named is fundraising; asking the council for funds, or a state's or a mayor's
  appeal for money, is a request.
- Bodies named as examples of whom assistance is asked from ("organizations, including X") are the ones asked.
- Doctors investigating cases, and an investigation of an incident, accuse no one.
- A disaster or an illness that is the shared subject of coordinated verbs ("has spread and has now struck",
  "infected 171 people, and killed 93") authors no assault.
Every sentence is invented.
"""

from __future__ import annotations

import pytest
from conftest import annotated_body
from conftest import event_pairs as _pairs
from conftest import events_with_trigger as _events

BODY = "\n\n".join(
    [
        "Any movement of livestock in Ruritania has been banned and the Union has banned exports under emergency measures.",
        "The normally unrestricted travel of horses between Ruritania and Borduria has been suspended.",
        "Borduria banned imports of poultry from Ruritania after the outbreak.",
        "The Ruritanian government banned the opposition party.",
        "For the festival, pilgrimage to Ruritania was banned by Borduria for the same reason.",
        "A UNHCR assessment team visited Goma in northern Borduria over the weekend.",
        "President Ana Ortiz visited Goma on Monday.",
        "The health minister, Lena Ortiz, pledged on Friday to give $10.8 million to help fight the flu.",
        "Ruritanian politicians are promising to take her case up with the Bordurian Attorney-General.",
        "The Red Crescent appealed for donations to help the flood victims.",
        "Mayor Tom Hale asked the council for funds to repair the bridge.",
        ("Borduria's government has requested assistance from international organizations, including the World "
         "Health Organization, in averting an outbreak."),
        "Doctors are currently investigating some Goma residents who may be infected.",
        "The Health and Safety Executive is now investigating the incident.",
        "Police are investigating Dan Hale for fraud.",
        "Since last reported, the flooding in Borduria has spread and has now struck more than four million people.",
        "Globally, the H5N1 strain has infected 171 people, and killed 93 of them, since 2003.",
        "Borduria ordered the slaughter of 300,000 chickens.",
        "The government imposed a ban on poultry imports from Ruritania.",
        "Ruritania imposed sanctions on Borduria.",
        "Borduria has cut its cases of the disease by half.",
        "Ruritania has cut aid to Borduria.",
        ("Nine countries - Ruritania, Borduria, Kenya and Peru - have promised to send ten percent of their vaccine "
         "supply to other countries, should they be in need of it."),
        "Borduria pledged to give $5 million to the flood victims.",
        "Mugabe said the WHO has now arrested cholera in Borduria.",
        "The United States has delayed lifting a ban on older cattle imports from Ruritania.",
        "The FDA has also blocked imports from the food packer to the United States.",
        "Ruritania banned imports from Borduria.",
        "Ruritanian authorities have killed 10,000 chickens to stop the spread of the virus.",
        "The European Union lifted the ban on British beef exports.",
        "Borduria lifted sanctions on Ruritania.",
        "The Ruritanian government appealed for $100 million in aid after the earthquake.",
        "Mayor Dan Ortiz asked for funds to repair the bridge.",
    ]
)


@pytest.fixture(scope="module")
def article(selective_nlp):
    return annotated_body(BODY, selective_nlp)


@pytest.mark.parametrize(
    ("trigger", "sentence"),
    [
        ("banned", "Any movement of livestock"),
        ("suspended", "travel of horses"),
        ("banned", "imports of poultry"),
        ("ordered", "slaughter of 300,000 chickens"),
        ("imposed", "a ban on poultry imports"),
        ("cut", "cut its cases"),
        ("blocked", "imports from the food packer"),
        ("killed", "10,000 chickens"),
        ("lifted", "British beef exports"),
    ],
)
def test_measures_on_animals_and_goods_are_no_event(article, trigger, sentence):
    assert _pairs(article, trigger, sentence) == set()


def test_a_ban_on_a_party_stays(article):
    assert _pairs(article, "banned", "the opposition party") == {("COERCE", "The Ruritanian government", "the opposition party")}


def test_a_journeys_destination_is_no_target(article):
    assert _pairs(article, "banned", "pilgrimage to Ruritania") == {("COERCE", "Borduria", None)}


def test_a_field_teams_visit_is_no_consult(article):
    assert _pairs(article, "visited", "assessment team") == set()
    assert _pairs(article, "visited", "President Ana Ortiz") == {("CONSULT", "Ana Ortiz", "Goma")}


@pytest.mark.parametrize(("trigger", "sentence"), [("pledged", "pledged on Friday"), ("promising", "are promising")])
def test_a_one_sided_promise_is_no_agree(article, trigger, sentence):
    assert not {p for p in _pairs(article, trigger, sentence) if p[0] == "AGREE"}


def test_fundraising_is_no_request_but_asking_a_body_for_funds_is(article):
    assert _pairs(article, "appealed", "for donations") == set()
    assert _pairs(article, "asked", "asked the council") == {("REQUEST", "Tom Hale", "the council")}


def test_bodies_named_as_examples_are_the_ones_asked(article):
    assert _pairs(article, "requested", "requested assistance") == {("REQUEST", "Borduria", "World Health Organization")}


@pytest.mark.parametrize(("sentence"), ["Doctors are currently", "investigating the incident"])
def test_clinical_and_incident_inquiries_accuse_no_one(article, sentence):
    assert _pairs(article, "investigating", sentence) == set()


def test_an_investigation_of_a_person_stays(article):
    assert _pairs(article, "investigating", "Dan Hale") == {("ACCUSE", "Police", "Dan Hale")}


@pytest.mark.parametrize(("trigger", "sentence"), [("struck", "the flooding in Borduria"), ("killed", "H5N1 strain")])
def test_a_disaster_sharing_a_coordinated_subject_assaults_no_one(article, trigger, sentence):
    assert _pairs(article, trigger, sentence) == set()


def test_sanctions_and_cut_aid_stay(article):
    # stop 30: the imposing verb takes the type of the act it imposes (sanctions imposed are SANCTION, CAMEO 163)
    assert ("SANCTION", "Ruritania", "Borduria") in _pairs(article, "imposed", "sanctions on Borduria")
    assert _pairs(article, "cut", "cut aid to Borduria") == {("SANCTION", "Ruritania", "Borduria")}


@pytest.mark.parametrize(("trigger", "sentence"), [("promised", "Nine countries"), ("pledged", "the flood victims")])
def test_a_promise_to_recipients_stays(article, trigger, sentence):
    assert {p[0] for p in _pairs(article, trigger, sentence)} == {"AGREE"}


def test_a_ban_on_imports_from_a_country_stays(article):
    assert _pairs(article, "banned", "imports from Borduria") == {("COERCE", "Ruritania", "Borduria")}


def test_arresting_an_illness_is_figurative(article):
    assert _pairs(article, "arrested", "arrested cholera") == set()


def test_a_delayed_act_did_not_happen(article):
    assert {e.status for e in _events(article, "lifting", "delayed lifting")} <= {"negated"}


def test_lifting_sanctions_stays(article):
    assert ("RETREAT", "Borduria", "Ruritania") in _pairs(article, "lifted", "sanctions on Ruritania")


@pytest.mark.parametrize(
    ("trigger", "sentence", "source"), [("appealed", "$100 million in aid", "The Ruritanian government"), ("asked", "Dan Ortiz asked", "Dan Ortiz")]
)
def test_a_states_or_an_officials_appeal_for_money_stays(article, trigger, sentence, source):
    assert _pairs(article, trigger, sentence) == {("REQUEST", source, None)}
