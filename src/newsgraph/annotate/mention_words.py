"""Words of a model span that are no name: function words at its edges, common words capitalised for their place.

Split out of entity_mentions.py, whose `collect_mentions` trims a model span by `not_name_word` and drops it when
it is a common word opening a sentence, heading or quotation (`common_word`), a label in capitals
(`label_in_capitals`: a match sheet's "ARBITRE", a button's "PARTAGEZ") or an institution under a definite article
(`institution`). Read from the tagger and, where the language has one, its dictionary of common words.
"""

from __future__ import annotations

import re

from newsgraph.annotate.common_words import CommonWords

#: word classes the tagger gives words at a span's edge that belong to no name
_NOT_NAME_POS = {"ADV", "ADP", "PRON", "CCONJ", "SCONJ", "PART", "INTJ", "AUX", "VERB"}
#: Parts of speech of a word that is capitalised for its place, not because it is a name.
_COMMON_POS = {"NOUN", "ADJ"}
#: Tokens before a word that put it at the start of a sentence, heading or quotation.
_OPENERS = {"«", "“", '"', "(", ":", "—", "–", "-", "‹", "„"}
#: open word classes the tagger gives a name it does not know ("Emmanuel Macron" read as PROPN + ADV)
_MISREAD_POS = {"ADV", "VERB", "INTJ"}


#: (stop 37) Bracket tokens that no name begins or ends with: wire copy marks company names ("<Halvor Mining
#: Ltd> said"), and the model takes the closing mark into the span.
_MARKUP = frozenset("<>[]{}")
#: (stop 37) A number with a small unit glued on ("250p", a share price in pence; "12m", "3bn"): a measure at a span's
#: edge, never a name's word (a name with a number keeps a capital: "3M", "7-Eleven" are not matched; "Channel 4"
#: keeps its bare number).
_MEASURE = re.compile(r"(?!\d+(?:st|nd|rd|th)$)\d+(?:[.,]\d+)*[a-z]{1,3}")  # an ordinal ("20th Century Fox") stays


def not_name_word(tok, words: CommonWords | None) -> bool:
    """A word at a span's edge that belongs to no name: a function word or verb by the tagger, or an elided word.
    With the language's dictionary, a capitalised word the tagger calls an adverb, verb or interjection but the
    dictionary does not hold is a name the tagger misread, and stays ("Emmanuel Macron": "Macron" read as ADV)."""
    if _elided(tok) or tok.text in _MARKUP or _MEASURE.fullmatch(tok.text):
        return True
    if tok.pos_ not in _NOT_NAME_POS:
        return False
    return not (words is not None and tok.pos_ in _MISREAD_POS and tok.text[:1].isupper()
                and not words.known(tok.text))


def _elided(tok) -> bool:
    """An elided function word (French "n’", "l’", "d’", "qu’"): a token of at most three characters ending in an
    apostrophe. It is never the first or last word of a name; the models often take it into the span."""
    return len(tok.text) <= 3 and tok.text[-1:] in ("'", "’")


def common_word(toks: list, label: str, words: CommonWords | None = None, gaz=None,
                 given: frozenset[str] = frozenset()) -> bool:
    """A one-word model span that is a common word, not a name, capitalised only because it opens a sentence,
    heading or quotation ("Incroyable opportunité", "Conditions d’éligibilité", "« Travailler trop peu »"). A
    common word is one the parse tags noun or adjective (not proper noun), read by the model as a person or place;
    with the language's dictionary (`words`), also one the tagger calls a proper noun but the dictionary holds and
    that is no given name and no place of the gazetteer, and a verb form whatever the model read ("Faisons",
    "Rappelons" as organisations)."""
    if len(toks) != 1:
        return False
    tok = toks[0]
    if tok.pos_ in _COMMON_POS and label in ("person", "place"):
        pass
    elif words is None:
        return False  # a demonym is an adjective ("Kenyan"); a one-word organisation is often a brand ("Ryanair")
    elif words.verb_form(tok.text) and tok.text[:1].isupper() and not tok.text.isupper():
        pass
    elif not (label in ("person", "place") and words.known(tok.text) and tok.text not in given
              and not (gaz is not None and gaz.lookup(tok.text))):
        return False
    # capitalised inside a sentence elsewhere in the article, it is a name after all ("Bird said ... Bird")
    return _opens(tok) and not _written_inside(tok)


#: the shortest word in capitals read as a common word: shorter ones are acronyms more often than words ("AG")
LABEL_MIN_LETTERS = 4


def label_in_capitals(toks: list, words: CommonWords | None, gaz) -> bool:
    """A one-word span in capitals that is a common word of the language ("ARBITRE : C. Turpin", "PARTAGEZ",
    "STADE"), or one glued to the initial of the next name ("ENTRAINEURC. Pélissier"): a label of a heading, a
    match sheet or a button, not a name. Acronyms are no words of the dictionary ("CGT", "OTAN"); a place of the
    gazetteer in capitals stays (a dateline's "PARIS")."""
    if words is None or len(toks) != 1:
        return False
    tok = toks[0]
    word = tok.text
    if len(word) < LABEL_MIN_LETTERS or not word.isalpha() or not word.isupper() \
            or any(p.kind in ("country", "admin1") for p in gaz.lookup(word)):
        return False  # a town's name is often a word too ("STADE"); a dateline's town comes back as one below
    if not (words.known(word) or (len(word) > LABEL_MIN_LETTERS and words.known(word[:-1]))):
        return False
    # a label opens its line; an acronym that happens to spell a word ("CNRS", "AERES") is written inside prose too
    return _opens(tok) and not _written_inside(tok)


def institution(toks: list, label: str) -> bool:
    """A "person" that takes a definite article ("le président de la République", "a demandé à la
    Confédération"): one capitalised common noun after a lower-case article names an institution, not a person."""
    if label != "person" or len(toks) != 1 or toks[0].pos_ not in _COMMON_POS or toks[0].i == 0:
        return False
    prev = toks[0].doc[toks[0].i - 1]
    return prev.pos_ == "DET" and prev.text[:1].islower()


def _written_inside(tok) -> bool:
    """The token's word, as written, stands elsewhere in the article where it opens nothing (inside a sentence)."""
    return any(t.text == tok.text and not _opens(t) for t in tok.doc if t.i != tok.i)


def _opens(tok) -> bool:
    """The token opens a sentence, a heading or a quotation."""
    if tok.i == 0 or tok.is_sent_start:
        return True
    prev = tok.doc[tok.i - 1]
    return prev.text in _OPENERS or "\n" in prev.text


#: a roman numeral of at least two letters ("II", "XIV", "VIII"): never a word of English prose
_ROMAN = frozenset({"II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
                    "XVI", "XVII", "XVIII", "XIX", "XX"})


def regnal_number(toks: list, titles: frozenset[str] | set[str] = frozenset()) -> list:
    """`toks` with the regnal number right after a person's name taken in ("Queen Elizabeth I born", "Pedro I
    of Portugal"): the model leaves a lone "I" out as the pronoun, and the name without it is a fragment that no
    longer picks out the monarch (and is joined to any other Elizabeth). A lone "I" counts when a title opens the name
    or stands before it (`titles`, lower case: "Queen", "Tsar", "Shah") or when "of" follows it ("Pedro I of");
    else it is the pronoun ("Mary I think", in speech "Overtures I called it") or an initial ("Lin I, Wang X" in a
    reference list). A longer numeral the model left out is taken whatever follows."""
    if not toks:
        return toks
    doc, last = toks[-1].doc, toks[-1]
    if last.i + 1 >= len(doc) or not last.whitespace_ or not last.text[:1].isupper():
        return toks
    nxt = doc[last.i + 1]
    if nxt.text in _ROMAN:
        return [*toks, nxt]
    if nxt.text != "I" or not nxt.whitespace_ and nxt.i + 1 < len(doc) and doc[nxt.i + 1].text[:1] in ("'", "\u2019"):
        return toks
    titled = any(t.lower_ in titles for t in toks[:-1]) or toks[0].i > 0 and doc[toks[0].i - 1].lower_ in titles
    after = doc[nxt.i + 1] if nxt.i + 1 < len(doc) else None
    if titled or after is not None and after.lower_ == "of":
        return [*toks, nxt]
    return toks
