"""A drop-in for spaCy's rule `lemmatizer` that gives the same lemmas from a per-process table.

Why: the rule lemmatizer visits every token from Python (a Token object, a property read, a cache lookup, a
property write: about as costly as the parser per token). Its result depends only on (ORTH, POS, MORPH), the
very key of its own cache, so we read those three as arrays, look each distinct key up once (asking the real
lemmatizer on a miss) and write the LEMMA column back with `Doc.from_array`. Same lemmas; the test checks it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.tokens import Doc

_MEMO_MAX = 500_000


@Language.factory(
    "newsgraph_lemma_table",
    default_config={"lemmatizer": "lemmatizer"},  # the (disabled) rule lemmatizer the table stands in for
    requires=["token.pos"],
    assigns=["token.lemma"],
)
def make_lemma_table(nlp: Language, name: str, lemmatizer: str) -> LemmaTable:
    return LemmaTable(nlp.get_pipe(lemmatizer))


class LemmaTable:
    """Set LEMMA where it is unset (the lemmatizer's own rule, overwrite=False) from an (orth, pos, morph) table."""

    def __init__(self, lemmatizer):
        if getattr(lemmatizer, "overwrite", False):
            raise ValueError("the table only stands in for a lemmatizer with overwrite=False")
        self.lemmatizer = lemmatizer
        self.vocab = lemmatizer.vocab
        self._memo: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        arr = doc.to_array([ORTH, POS, MORPH, LEMMA])
        rows = arr.tolist()
        memo = self._memo
        changed = False
        for k, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma:
                continue
            key = (orth, pos, morph)
            value = memo.get(key)
            if value is None:
                value = self.vocab.strings.add(self.lemmatizer.lemmatize(doc[k])[0])
                if len(memo) < _MEMO_MAX:
                    memo[key] = value
            arr[k, 3] = value
            changed = True
        if changed:
            doc.from_array([LEMMA], arr[:, 3:4].copy())
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)
