"""`newsgraph_quotes`: not built yet; sets an empty list so the record shape is complete."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("newsgraph_quotes")
def make_quotes(nlp: Language, name: str):
    return _Empty()


class _Empty:
    def __call__(self, doc: Doc) -> Doc:
        doc._.ng_quotes = []
        return doc
