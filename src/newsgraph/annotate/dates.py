"""`newsgraph_dates`: not built yet; sets an empty list so the record shape is complete."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("newsgraph_dates")
def make_dates(nlp: Language, name: str):
    return _Empty()


class _Empty:
    def __call__(self, doc: Doc) -> Doc:
        doc._.ng_dates = []
        return doc
