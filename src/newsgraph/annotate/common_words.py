"""The common words of a language, read from its spaCy model's rule lemmatizer: what tells a word capitalised
for its place (a sentence start, a heading, a label in capitals) from a name.

Why the lemmatizer: a rule lemmatizer ships, inside the model package, an index of the language's nouns, verbs,
adjectives and adverbs (`lemma_index`, the words it may return as lemmas) and a table of inflected forms
(`lemma_lookup`: "faisons" -> "faire"). That is a dictionary of the language's common words of some 100,000
entries, offline and of the same version as the tagger, with no word list of ours to keep. A name is rarely in it
("Macron", "Lyon"); when it is ("Pierre", "Martin", "Orange"), the readers of this module still need the word to
stand where only its position capitalises it, and never capitalised elsewhere in the article (entity_mentions.py).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

#: the parts of speech of the lemma index, and the one whose forms are verbs
_INDEX_POS = ("noun", "verb", "adj", "adv")


def fold(word: str) -> str:
    """Lower case without accents: text set in capitals often drops them ("ENTRAINEUR" for "entraîneur")."""
    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))


@dataclass(eq=False)
class CommonWords:
    """Membership tests over a rule lemmatizer's tables (held by reference; the folded index is built once)."""

    lookup: object = field(repr=False)  # spacy.lookups.Table: inflected form -> [lemma]
    index: dict[str, frozenset[str]] = field(repr=False)  # part of speech -> lemmas
    #: part of speech -> irregular forms ("faisons" of "faire", which the index does not list)
    irregular: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)
    _folded: frozenset[str] = field(default=frozenset(), repr=False)

    def __post_init__(self) -> None:
        self._lemmas = frozenset().union(*self.index.values(), *self.irregular.values())
        self._folded = frozenset(fold(w) for w in self._lemmas)

    @classmethod
    def of(cls, lemmatizer) -> CommonWords | None:
        """The common words of `lemmatizer` (spaCy's rule Lemmatizer), None when it holds no lemma index."""
        lookups = getattr(lemmatizer, "lookups", None)
        if lookups is None or not lookups.has_table("lemma_index"):
            return None
        index = lookups.get_table("lemma_index")
        lookup = lookups.get_table("lemma_lookup") if lookups.has_table("lemma_lookup") else {}
        exc = lookups.get_table("lemma_exc") if lookups.has_table("lemma_exc") else {}
        # the irregular forms and their lemmas ("faisons" -> "faire"; "faire" and "prendre" are in no index)
        irregular = {pos: frozenset(exc.get(pos, {})).union(*(exc.get(pos, {}).values())) for pos in _INDEX_POS}
        return cls(lookup, {pos: frozenset(index.get(pos, ())) for pos in _INDEX_POS}, irregular)

    def lemma(self, word: str) -> str:
        low = word.lower()
        found = self.lookup.get(low) if self.lookup else None
        return (found[0] if isinstance(found, list) else found) or low

    def known(self, word: str) -> bool:
        """`word` (any case) is a common word of the language: a lemma of the index, a form of one, or (accents
        dropped, as in capitals) one of the index's lemmas."""
        low = word.lower()
        return low in self._lemmas or bool(self.lookup and low in self.lookup) or fold(low) in self._folded

    def verb_form(self, word: str) -> bool:
        """`word` is a form of a verb of the index and of no noun or adjective ("Faisons", "Télécharger", not
        "Marche"): a verb opening a sentence or a button, never a name."""
        low = word.lower()
        lemma = self.lemma(word)
        verb = low in self.irregular.get("verb", ()) or lemma in self.index.get("verb", ()) \
            or lemma in self.irregular.get("verb", ())
        return verb and not any(low in self.index.get(pos, ()) or low in self.irregular.get(pos, ())
                                for pos in ("noun", "adj"))


def of_pipeline(nlp, name: str) -> CommonWords | None:
    """The common words of `nlp`'s component `name` (its rule lemmatizer, enabled or not); None when `name` is
    empty or the pipeline has no such component."""
    if not name:
        return None
    try:
        pipe = nlp.get_pipe(name)
    except KeyError:
        return None
    return CommonWords.of(pipe)
