"""word_find.bounded_finds must give exactly the matches of the regex it replaces (records stay byte-identical)."""

from __future__ import annotations

import random
import re

from newsgraph.annotate.doc_cache import doc_text
from newsgraph.annotate.word_find import bounded_finds, word_char


def _regex(text: str, forms: list[str]) -> list[tuple[int, int, str]]:
    pat = re.compile(r"(?<![\w-])(" + "|".join(re.escape(f) for f in forms) + r")(?![\w-])")
    return [(m.start(), m.end(), m.group()) for m in pat.finditer(text)]


def test_same_matches_as_the_regex_on_random_texts():
    alpha = ["a", "b", "ab", "A", "-", " ", "_", "é", "1", "²", "\u2019", "x", "ba", "aa", "\n"]
    rnd = random.Random(7)
    for _ in range(20000):
        text = "".join(rnd.choice(alpha) for _ in range(rnd.randint(0, 30)))
        forms = ["".join(rnd.choice(alpha[:12]) for _ in range(rnd.randint(1, 4))) for _ in range(rnd.randint(1, 4))]
        if rnd.random() < 0.5:
            forms.sort(key=lambda f: (-len(f), f))
        assert list(bounded_finds(text, forms)) == _regex(text, forms), (text, forms)


def test_longest_first_and_boundaries():
    text = "Port Vela, Port Velaine and Port Vela-North met Port Vela."
    forms = ["Port Velaine", "Port Vela"]
    assert list(bounded_finds(text, forms)) == _regex(text, forms)
    assert [f for _, _, f in bounded_finds(text, forms)] == ["Port Vela", "Port Velaine", "Port Vela"]


def test_word_char_is_the_regex_class():
    pat = re.compile(r"[\w-]")
    for c in "aZ09_-é²\u0663 .,'\u2019\u00a0\u200b":
        assert word_char(c) == bool(pat.match(c)), c


def test_doc_text_is_the_doc_text():
    import spacy

    doc = spacy.blank("en")("Mayor Ilsa Varn spoke.\n\nThen  she left.")
    assert doc_text(doc) == doc.text
    assert doc_text(doc) is doc_text(doc)  # built once


def test_left_bounded_with_a_tail_equals_the_regex_search():
    from newsgraph.annotate.name_usage import VERSION_AFTER
    from newsgraph.annotate.word_find import left_bounded

    tail = re.compile(VERSION_AFTER.pattern[1:])
    rnd = random.Random(11)
    alpha = ["Zorb", "Zor", "b", " ", "-", "5", ".", "2", " 5.2", "%", "x", "\n", " v1.0"]
    for _ in range(20000):
        text = "".join(rnd.choice(alpha) for _ in range(rnd.randint(0, 12)))
        name = rnd.choice(["Zorb", "Zor", "b Zorb", "Zorb-b"])
        want = re.search(r"(?<![\w-])" + re.escape(name) + VERSION_AFTER.pattern[1:], text) is not None
        assert any(tail.match(text, i + len(name)) for i in left_bounded(text, name)) == want, (text, name)


def test_one_form_equals_the_ungrouped_regex_per_name():
    """person_full_names and person_kind_evidence search one name at a time with `(?<![\\w-])NAME(?![\\w-])`."""
    alpha = ["Ve", "ll", "V", "-", " ", "_", "é", "1", ".", "'", "\u2019", "x", "l", "\n", "Vell"]
    rnd = random.Random(13)
    for _ in range(20000):
        text = "".join(rnd.choice(alpha) for _ in range(rnd.randint(0, 30)))
        form = "".join(rnd.choice(alpha[:12]) for _ in range(rnd.randint(1, 4)))
        want = [(m.start(), m.end()) for m in re.finditer(r"(?<![\w-])" + re.escape(form) + r"(?![\w-])", text)]
        assert [(s, e) for s, e, _ in bounded_finds(text, [form])] == want, (text, form)
