"""Where a clause lies and which clause a coordinated verb belongs to: the quote and event annotators both ask.

Kept out of resolve.py (which finds who a token stands for) because these answer where, not who.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.annotate.doc_cache import doc_text


def clause_bounds(tok: Token) -> tuple[int, int]:
    """The char span of the token's sentence clipped to its paragraph (a parse may run across blank lines)."""
    text = doc_text(tok.doc)
    sent = tok.sent
    p0 = text.rfind("\n", 0, tok.idx) + 1
    p1 = text.find("\n", tok.idx)
    p1 = len(text) if p1 < 0 else p1
    return max(sent.start_char, p0), min(sent.end_char, p1)


def coordinated_with_report(verb: Token, comp: Token, report: Token) -> bool:
    """ "X said the dam would supply power and accused Y": the parse hangs `verb` ("accused") on the reported clause
    `comp` ("supply"), but its tense is that of `report` ("said") and not of `comp`, so it goes with `report`.
    A bare past participle counts as past ("accused" is often tagged VBN there) unless `comp` has a perfect or
    passive auxiliary it could share."""
    if verb.dep_ != "conj" or verb.head.i != comp.i or verb.pos_ != "VERB" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    tag = verb.tag_
    if tag == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        if not any(c.dep_ in ("aux", "auxpass") and c.lemma_.lower() in ("have", "be") for c in comp.children):
            tag = "VBD"
    return tag == report.tag_ and tag != comp.tag_
