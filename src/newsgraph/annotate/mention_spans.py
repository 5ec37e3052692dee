"""Which words of a model span are the name: the span cut, joined or split before it becomes a mention.

Split out of entity_mentions.py (its `collect_mentions` calls these per model span, in this order of concern):
- the model's own spans, two halves of one person joined (`joined_persons`), a label before a name cut
  (`after_label`), two coordinated names parted (`coordinated`);
- a landmark's title kept (`eponym_title`), a portfolio before a holder's name cut (`after_portfolio`) or a held
  portfolio dropped (`held_portfolio`), a French institution's lower-case adjectives taken in (`adjectives_after`);
- a person's leading titles cut (`after_titles`) and a span split at list separators (`split_at_separators`).
Each reads tokens or text only and returns what is left; none builds a mention.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsgraph.annotate.common_words import CommonWords
from newsgraph.annotate.names import NamesLexicon
from newsgraph.annotate.person_roles import name_forming, named_in_full

#: Model labels -> mention labels; PER (UD-style models: French, Spanish, German...) is a person too.
MODEL_LABELS = {"PERSON": "person", "PER": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "place",
                "NORP": "norp"}
_SPLIT = re.compile(r"\s*\n\s*|:\s+|\s+-\s+|\s+,\s+|;\s+|\s+\d{1,3}\s+|\s+(?:at|AT|vs?\.?|VS?\.?)\s+|\s+\(\s*")


def coordinated(toks: list) -> list[list]:
    """A model span cut at a conjunction followed by an article ("l’Assemblée et le Sénat", "the Senate and the
    House"): two names coordinated, not one. A conjunction inside a name takes no article after it ("Bosnia and
    Herzegovina", "Trinité-et-Tobago"). Parts left without a word are dropped."""
    out, cur = [], []
    for k, tok in enumerate(toks):
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if tok.pos_ == "CCONJ" and nxt is not None and nxt.pos_ == "DET" and nxt.text[:1].islower():
            out.append(cur)
            cur = []
        elif cur or tok.pos_ != "DET" or not out:  # the article after the conjunction is not part of the name
            cur.append(tok)
    out.append(cur)
    return [p for p in out if p and any(ch.isalpha() for t in p for ch in t.text)]


def after_portfolio(text: str, toks: list, label: str, portfolio) -> tuple[list, str]:
    """A span right after a title and its linking word ("ministre de l'Intérieur", "ministre des Sports Laura
    Flessel": the names lexicon's [portfolios]) opens with the portfolio, a common noun capitalised by convention:
    no name. What follows it, a run of two proper nouns or more, is the holder's name, a person; with no such run
    the span names nothing (no tokens)."""
    lo = max(0, toks[0].idx - 40)
    # the title may lie before the span or open it ("ministre de la Santé Roman Prymula" tagged as one ORG)
    j = next((j for j in range(min(len(toks), 5))
              if portfolio.search(text[lo : toks[j].idx].replace("\u2019", "'"))), None)
    if j is None:
        return toks, label
    for k in range(j + 1, len(toks) - 1):
        if toks[k - 1].pos_ != "PROPN" and all(t.pos_ == "PROPN" for t in toks[k:]):
            return toks[k:], "person"
    return [], label



def eponym_title(doc: Doc, toks: list, titles: frozenset[str]) -> list:
    """A landmark named after a titled person ("Sheikh Lotfollah Mosque", "King Khalid Airport"): the model often
    leaves the title out of the span ("Sheikh [Lotfollah Mosque]"), yet it is part of the place's name, so a
    capitalised title (one or two words) right before a span that ends in a place head joins it."""
    i = toks[0].i
    for n in (2, 1):
        before = doc[max(0, i - n) : i]
        if len(before) == n and all(t.text[:1].isupper() and not t.is_sent_start for t in before) \
                and " ".join(t.lower_ for t in before).rstrip(".") in titles:
            return [*before, *toks]
    return toks


def after_label(toks: list, words: CommonWords | None, names: NamesLexicon) -> list:
    """A person span that opens with a common word of the language and a preposition ("Entree de T. Kadewere",
    "Sortie de M. Cornet" on a match sheet): the word and the preposition label the event, the name follows. A
    given name keeps its particle ("Pierre de Coubertin", "Marielle de Sarnez")."""
    if words is None or len(toks) < 3 or toks[1].pos_ != "ADP" or not toks[1].text[:1].islower():
        return toks
    first = toks[0].text
    if not words.known(first) or names.is_given_name(first) or not any(t.text[:1].isupper() for t in toks[2:]):
        return toks
    return toks[2:]


#: linking words of a bare noun complement inside a French name ("Association des constructeurs européens
#: d'automobiles", "Chambre de commerce")
_BARE_LINKS = ("de", "d'", "d\u2019")


def adjectives_after(toks: list, words: CommonWords) -> list:
    """An organisation span grown over the lower-case adjectives the model cut off on its right, and a bare noun
    complement after them ("Conseil [constitutionnel]", "Association des constructeurs [européens d'automobiles]"):
    in languages that capitalise only a name's first word (the pipelines with a dictionary of common words), an
    institution's name goes on in lower case. The span must end in a common noun of the dictionary, not an acronym
    or a proper noun ("l'ONU seule" stays "ONU", "la Bourse de Tokyo termine" stays whole); a verb form is no
    adjective of the name ("le Conseil réuni")."""
    doc = toks[0].doc
    last = toks[-1]
    if last.pos_ != "NOUN" or last.text.isupper() or not toks[0].text[:1].isupper() or not words.known(last.text):
        return toks
    j = last.i + 1
    while j < len(doc) and doc[j].pos_ == "ADJ" and doc[j].text[:1].islower() and doc[j - 1].whitespace_ \
            and not words.verb_form(doc[j].text):
        j += 1
    if j > last.i + 1 and j + 1 < len(doc) and doc[j].lower_ in _BARE_LINKS and doc[j + 1].pos_ == "NOUN" \
            and doc[j + 1].text[:1].islower():
        j += 2  # "d'automobiles": a bare noun (no article) completes the name; "de la France" does not
    return toks + list(doc[last.i + 1 : j])


#: the model's person labels (English PERSON, French PER)
_PERSON_LABELS = ("PERSON", "PER")


def held_portfolio(text: str, toks: list, names: NamesLexicon, words: CommonWords | None, gaz) -> bool:
    """A span after a person's name and a holder's linking word ("François Bayrou à la Justice, Sylvie Goulard
    aux Armées": the names lexicon's [portfolios] holder_link rows) that opens with a common word of the language
    is the portfolio the person holds, no name. A country or region there stays a place ("Macron aux Etats-Unis")."""
    pattern = names.holder_link_re
    if pattern is None or words is None or not words.known(toks[0].text):
        return False
    lo = max(0, toks[0].idx - 12)
    m = pattern.search(text[lo : toks[0].idx].replace("\u2019", "'"))
    if m is None:
        return False
    name = text[toks[0].idx : toks[-1].idx + len(toks[-1].text)]
    if any(p.kind in ("country", "admin1", "continent") for p in gaz.lookup(name)[:1]):
        return False
    doc = toks[0].doc
    j = toks[0].i - 1
    while j >= 0 and doc[j].idx >= lo + m.start() + (1 if text[lo + m.start()].isspace() else 0):
        j -= 1  # back over the linking words to the word before them
    return j >= 0 and doc[j].ent_type_ in _PERSON_LABELS


def joined_persons(doc: Doc) -> list:
    """The model's spans, with two person spans that only a space parts joined into one ("Sylvie" + "Goulard" ->
    "Sylvie Goulard"): the model cut one name in two, a list of people would hold a comma or "and" between."""
    out: list = []
    for ent in doc.ents:
        prev = out[-1] if out else None
        if prev is not None and MODEL_LABELS.get(prev.label_) == "person" == MODEL_LABELS.get(ent.label_) \
                and ent.start == prev.end and prev[-1].whitespace_ == " " and prev[-1].text[:1].isupper():
            out[-1] = doc[prev.start : ent.end]
            out[-1].label_ = prev.label_
            continue
        out.append(ent)
    return out


def after_titles(text: str, s: int, e: int, titles: frozenset[str]) -> tuple[int, bool]:
    """(start, is a name) of a person span without its leading titles and honorifics ("Tan Sri Muhyiddin Yassin"
    -> "Muhyiddin Yassin"; the title stays before the name as evidence). Titles are cut only when two words or more
    remain ("King Edward" stays whole), or one that the text also gives with a first name (person_roles.named_in_full);
    a span of titles alone ("Datuk Seri") is no name."""
    words = list(re.finditer(r"\S+", text[s:e]))
    i = 0
    while i < len(words):
        for n in (3, 2, 1):
            if i + n <= len(words) and " ".join(w.group() for w in words[i : i + n]).lower() in titles:
                i += n
                break
        else:
            break
    if i == len(words):
        return s, False
    if i and len(words) - i >= 2 and words[i].group()[:1].isupper():  # "King of Athens" is not cut to "of Athens"
        return s + words[i].start(), True
    if i and len(words) - i == 1 and words[i].group()[:1].isupper() and named_in_full(text, words[i].group(), titles) \
            and not name_forming(" ".join(w.group() for w in words[:i])):
        return s + words[i].start(), True  # "Representative Hoffman" beside "Jay Hoffman": the surname joins him
    return s, True


def split_at_separators(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Split a model span at newlines and list separators ("Oval , Surrey", "Lithuania - Danius Gleveckas"), and at a
    colon before a space, which ends a heading or a label run into the name ("Little Help for Farmers: The Grain
    Board": page_furniture.py) and is never inside a person's or a body's name."""
    piece = text[s:e]
    out, pos = [], 0
    for m in _SPLIT.finditer(piece):
        if m.start() > pos:
            out.append((s + pos, s + m.start()))
        pos = m.end()
    if pos < len(piece):
        out.append((s + pos, e))
    return out


__all__ = ["MODEL_LABELS", "adjectives_after", "after_label", "after_portfolio", "after_titles", "coordinated",
           "eponym_title", "held_portfolio", "joined_persons", "split_at_separators"]
