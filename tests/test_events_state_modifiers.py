"""A state named only as a possessor or modifier of a private body is not the actor (stop 41, helper e25).

"X's largest labour federation criticised ...", "X-ian industry agreed ...", "a U.S. Firm's offer": the place's
name (or its demonym) locates the body, a trade or a sector that acts; the state's own organs ("X's government",
"X-ian officials", "X's foreign minister") still stand for the state. Data: event_actors.tsv [private]; code:
event_heads.group_of_its_own / common_head, event_roles._subjects. Sentences invented for the tests.
"""

from __future__ import annotations

import pytest
from conftest import annotated_body

BODY = "\n\n".join(
    [
        "Chile's largest labour federation criticised the state rail company for threatening to fire the strikers.",
        "Swedish industry urged the government to cut the energy tax.",
        "Several causes have been blamed for the weakness of U.S. Industry.",
        "Chile's government criticised Peru for the border raid.",
        "Chile's foreign minister criticised Peru for the raid.",
        "Chilean officials criticised Peru for the raid.",
        "Chile criticised Peru for the raid.",
        "Swedish troops attacked a Peruvian border post on Monday.",
        "U.S. Manufacturers and officials have charged that the French government subsidises the plane maker.",
    ]
)


@pytest.fixture(scope="module")
def article(selective_nlp):
    return annotated_body(BODY, selective_nlp, published="2024-05-10")


def _events(article, needle):
    s = article.body.index(needle)
    return [e for e in article.events if e.start <= s < e.end]


def test_a_place_that_possesses_a_labour_federation_is_not_its_source(article):
    evs = _events(article, "Chile's largest labour")
    assert evs and all(e.source_name != "Chile" for e in evs)
    assert any("federation" in (e.source_name or "") for e in evs)


def test_a_demonym_on_industry_is_not_its_country(article):
    # (an agreement in opinion, "industry agreed with the government on ...", is no event at all since e24)
    evs = _events(article, "Swedish industry")
    assert evs and all(e.source_name != "Sweden" for e in evs)


def test_a_sector_in_headline_capitals_is_not_the_state(article):
    assert all(e.target_name != "United States" for e in _events(article, "Several causes"))


@pytest.mark.parametrize("needle", ["Chile's government", "Chile's foreign minister", "Chilean officials", "Chile criticised"])
def test_the_states_own_organs_stay_the_state(article, needle):
    evs = _events(article, needle)
    assert any((e.source_name or "").startswith("Chile") for e in evs)
    assert any(e.target_name == "Peru" for e in evs)


def test_a_states_troops_keep_their_attack(article):
    evs = _events(article, "Swedish troops")
    assert any(e.type == "ASSAULT" for e in evs)


def test_officials_coordinated_with_a_private_body_keep_the_state(article):
    sources = {e.source_name for e in _events(article, "U.S. Manufacturers and officials")}
    assert "United States" in sources
    assert "U.S. Manufacturers" in sources
