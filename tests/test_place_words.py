"""The words that say "this name is a place" and "this adjective is a nationality" live in one place each and come
from data: the names lexicon's locative/toward/article rows (names.place_use_re, read by entity typing and the
entity features) and demonyms.py (the gazetteer's demonym table and data/demonym_endings.tsv)."""

from __future__ import annotations

from newsgraph.annotate.demonyms import country_of, demonym_shaped, region_of
from newsgraph.annotate.gazetteer import get_gazetteer
from newsgraph.annotate.lexicon import parse_sections
from newsgraph.annotate.names import NamesLexicon, shipped_names, shipped_sections


def test_place_use_reads_locatives_pointers_and_articles_from_the_lexicon():
    names = shipped_names()
    for before in ("talks in ", "flew to the ", "a town of ", "based in ", "the capital, ", "trains via "):
        assert names.placed_by("Officials said " + before), before
    for before in ("according to Smith and ", "said ", "the new ", "in Smith's "):
        assert not names.placed_by(before), before


def test_place_use_is_per_language_data():
    fr = parse_sections("[places]\nlocative\tà\nlocative\tprès d'\narticle\tla\n")
    names = NamesLexicon.from_sections({**shipped_sections(), **fr})
    assert names.placed_by("ils vivent à ") and names.placed_by("ils vivent à la ") and names.placed_by("près d’")
    assert not names.placed_by("talks in "), "the French lexicon replaces the English prepositions"


def test_demonyms_name_their_country_or_region_or_only_look_like_one():
    gaz = get_gazetteer()
    assert country_of("Syrians", gaz).country_code == "SY"
    assert country_of("Dagestani", gaz) is None
    assert region_of(gaz, "Dagestani")[0].kind == "admin1"
    assert demonym_shaped("Ruritanian") and demonym_shaped("Kurdish") and not demonym_shaped("Iraqis")
    assert not demonym_shaped("Paris") and not demonym_shaped("Ab")
