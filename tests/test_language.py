"""Language identification: from the body, with the page's declared language as evidence only."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.extract import extract
from newsgraph.extract.language import identify, normalise_code, sample
from newsgraph.records import RawDocument

OWN = Path(__file__).resolve().parent.parent / "benchmarks" / "data" / "language"


@pytest.mark.parametrize("path", sorted(OWN.glob("*.txt")), ids=lambda p: p.name)
def test_our_articles_are_identified(path):
    lang, conf = identify(path.read_text("utf-8"))
    assert lang == path.name.split("-")[0]
    assert 0.9 <= conf <= 1.0


def test_a_wrong_declaration_is_overruled_by_the_body():
    body = (OWN / "de-hafen.txt").read_text("utf-8")
    lang, conf = identify(body, declared="en")
    assert lang == "de" and conf > 0.9


def test_the_declaration_stands_when_the_body_is_too_short():
    assert identify("Kurz.", declared="de-AT") == ("de", 0.0)
    assert identify("42", declared=None) == ("und", 0.0)


def test_the_declaration_raises_the_confidence_of_an_agreeing_body():
    body = "Der Minister sagte am Montag in Berlin, die Regierung plane keine Neuwahlen."
    alone = identify(body)
    agreed = identify(body, declared="de")
    assert alone[0] == agreed[0] == "de"
    assert agreed[1] >= alone[1]


def test_codes_are_normalised():
    assert normalise_code("en-GB") == "en"
    assert normalise_code("de_DE") == "de"
    assert normalise_code("NB") == "no"
    assert normalise_code("x") is None
    assert normalise_code("") is None


def test_the_sample_is_bounded_and_skips_short_lines():
    body = "Berlin, 3. Mai\n\n" + "\n\n".join(["Ein ganz gewöhnlicher Absatz mit etwas mehr als vierzig Zeichen."] * 50)
    s = sample(body, 300)
    assert len(s) <= 300
    assert not s.startswith("Berlin, 3. Mai")


def test_an_html_page_that_declares_english_but_is_german_is_german():
    body = (OWN / "de-haushalt.txt").read_text("utf-8")
    paras = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    html = f'<!doctype html><html lang="en"><head><title>Haushalt</title></head><body><article><h1>Haushalt beschlossen</h1>{paras}</article></body></html>'
    ex = extract(RawDocument(input="haushalt.html", data=html.encode("utf-8")))
    assert ex.declared_language == "en"
    assert ex.language == "de"
    assert ex.language_confidence > 0.9


def test_a_text_dump_gets_its_language_from_the_body():
    body = (OWN / "fr-budget.txt").read_text("utf-8")
    ex = extract(RawDocument(input="budget.txt", data=body.encode("utf-8"), kind="body"))
    assert (ex.language, ex.declared_language) == ("fr", None)
