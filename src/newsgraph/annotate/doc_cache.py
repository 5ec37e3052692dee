"""Values of a Doc that spaCy rebuilds on every access, built once per Doc and kept in its `user_data`.

`Doc.text` is not stored: each access joins `text_with_ws` over every token, creating a Python Token object per
token. Components that read the text once per entity, event or number (an actor's phrase, a dateline, a fact's
keyword) paid that per item: on long pages it was the largest single cost of annotation. This module imports
nothing of newsgraph, so any annotator can use it without an import cycle.
"""

from __future__ import annotations

from spacy.tokens import Doc

#: The `user_data` key of the Doc's text.
TEXT_KEY = "ng_text"


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per Doc: spaCy rebuilds the string from the tokens on every access."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text
