"""Page furniture: lines of an article's body that frame its prose rather than say something in it.

Every news site sets around its sentences lines of another kind: section headings ("Water Rights."), a heading
run into its paragraph ("Little Help for Farmers: The drought is ..."), a letter's signature ("Ann Lee." /
"Eastville, Ohio."), an editorial label ("Update Appended."), the newsroom's closing credit ("Ann Lee and Bo Chen
contributed reporting.", "Ann Lee reported from X, and Bo Chen from Y."), a credit label ("Contributing: Ann Lee",
"(Reporting by Ann Lee; Editing by Bo Chen)") and a contributor's note closing the body ("Ann Lee is a staff writer
for X."). A name that stands only in such lines is no subject of the article (a byline, a signature, a heading's
words), and a heading is nobody who speaks: a pronoun's antecedent lies past it.

They are recognised by their form, which carries over from one site to another:
- `verbless_line`: a short paragraph (at most `HEADING_MAX_WORDS` words) of mostly capitalised words (title case)
  with no finite verb in its tags, whatever its closing mark ("Water Rights.", "Marco Doe.", "Springfield
  Ill."): a heading, a signature or a label. A sentence has a finite verb; these lines have none (text_blocks.label
  keeps the lines with no closing mark; this one reads the tags, so a heading closed by a full stop counts too);
- `run_in_heading`: a paragraph opening with a title-case run of `RUN_IN_MIN_WORDS` to `RUN_IN_MAX_WORDS` words, a
  colon and a capitalised sentence, the run naming no person or place (a transcript's speaker label, "Ann Lee:
  ...", is a speaker, not a heading, and so are one or two words the model leaves untyped, "ANN LEE: ..."; "SAN
  MARCOS, Texas: ..." is a dateline);
- `closing_credit`: a short paragraph among the body's last `CLOSING_LINES` that opens with a run of capitalised
  names followed by a credit phrase of data/credit_cues.tsv [after_names] ("contributed reporting", "reported
  from"), or a contributor's note (the body's last paragraph opening with a name, maybe an apposition in commas,
  "is"/"was" and a writer's or an academic's noun of [bio] within a few words);
- `credit_label`: a short paragraph anywhere opening with a credit label of [opening] ("Contributing:", "(Reporting
  by"), after an optional bracket or dash.
text_blocks.non_prose_blocks adds these ranges to the paragraphs it already finds (credit lines, sign-offs, name
lists, labels); entity_features counts a mention inside one as named outside prose (the entity keeps its type and
mentions, its topic score is lowered: confidence.NON_PROSE_WEIGHT), and pronouns.resolve_pronoun walks past the
headings (`headings`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from newsgraph.annotate.doc_cache import doc_text
from newsgraph.annotate.lexicon import sections

#: a heading, signature or label line has at most this many words ...
HEADING_MAX_WORDS = 6
#: ... of which at least this share are capitalised (function words may stay lower case: "War and Peace.")
CAPITALISED_SHARE = 0.6
#: the tags of a finite verb: a line holding one is a sentence ("Ann Lee said.", "Prices Rise."), not furniture
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
#: a heading run into its paragraph: this many words at least (one or two words before a colon are a label or a
#: transcript's speaker, "Note:", "CHRIS DOE:", which the model may not type as a person) ...
RUN_IN_MIN_WORDS = 3
#: ... and at most this many
RUN_IN_MAX_WORDS = 8
#: model labels that make a run before a colon a speaker's label ("Mayor Ann Lee: ...") or a dateline ("SAN
#: MARCOS, Texas: ..."), no heading
_NOT_HEADING = frozenset({"PERSON", "PER", "GPE", "LOC"})
#: a closing credit or a contributor's note stands among the body's last this many paragraphs ...
CLOSING_LINES = 3
#: ... and, like a credit label, is no longer than this many characters
CREDIT_MAX_CHARS = 300
#: words between "is"/"was" and a contributor's note's noun ("is a senior staff writer", "is an associate professor")
BIO_WORDS = 4
#: characters of an apposition between a contributor's name and the note's "is" at most ("A, a former adviser to B,
#: is a fellow at X")
BIO_APPOS_CHARS = 120

_WORD = re.compile(r"[^\W\d_][\w'\u2019.-]*")
#: a line closed by a question or an exclamation is a sentence, and one closed by a colon introduces what follows (a
#: transcript's speaker on a line of its own, "DANA DOE:")
_NO_HEADING_END = re.compile(r"[?!:]\s*[\"'\u201d\u2019]?\s*$")
_RUN_IN = re.compile(r"^\s*([A-Z][^:.!?\n\"\u201c]{2,90}?):\s+(?=[\"\u201c]?[A-Z])")
#: one name: capitalised words, initials, and the particles a surname keeps ("Ann de la Cruz", "J. R. Doe")
_NAME = r"(?:[A-Z][\w'\u2019.-]*(?:\s+(?:[A-Z][\w'\u2019.-]*|de|del|della|da|dos|van|von|der|den|la|le|al|bin|ibn)){0,5})"
#: separators of a run of names ("A, B and C", "A and B")
_SEP = r"(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)"


@lru_cache(maxsize=1)
def _cues() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The compiled cues of data/credit_cues.tsv: closing credit, credit label, contributor's note."""
    data = sections("credit_cues.tsv")

    def alt(name: str) -> str:
        rows = sorted({r[0].lower() for r in data.get(name, [])}, key=len, reverse=True)
        return "|".join(re.escape(r).replace(r"\ ", r"\s+") for r in rows)

    # a run of names, each maybe after lower-case job words ("Associated Press writer A and staff writer B")
    name = rf"(?:(?:{_NAME}\s+)?(?:(?:{alt('role')})\s+)+)?{_NAME}"
    names = rf"^\W{{0,3}}{name}(?:{_SEP}{name}){{0,8}}\s+(?:also\s+)?"
    after = re.compile(names + rf"(?i:{alt('after_names')})\b")
    opening = re.compile(rf"^\s*[(\[\u2014\u2013*-]?\s*(?i:{alt('opening')})(?:\s*:|\s+[A-Z])")
    # ... maybe after an apposition of the author's earlier posts ("A, former adviser to Vice President B, Jr., is
    # Senior Fellow at X"): commas round it, no relative pronoun (a sentence's "A, who ..., is")
    appos = rf"(?:,(?![^\n]*?\b(?:who|which|whose)\b)[^\n;]{{1,{BIO_APPOS_CHARS}}}?,\s+)?"
    bio = re.compile(names.removesuffix(r"\s+(?:also\s+)?") + appos + rf"\s*(?:is|was)\s+"
                     rf"(?:[\w'\u2019-]+\s+){{0,{BIO_WORDS}}}?(?i:{alt('bio')})s?\b")
    return after, opening, bio


def title_case(phrase: str, max_words: int = HEADING_MAX_WORDS) -> bool:
    """At most `max_words` words, at least `CAPITALISED_SHARE` of them capitalised ("Terms of Use", "War and Peace")."""
    words = _WORD.findall(phrase)
    return bool(words) and len(phrase.split()) <= max_words and \
        sum(w[:1].isupper() for w in words) >= CAPITALISED_SHARE * len(words)


def verbless_line(doc: Doc, start: int, end: int, paragraph: str) -> bool:
    """A short title-case paragraph with no finite verb: a heading, a signature or an editorial label, closed by a
    full stop or by nothing (a question or an exclamation is a sentence; a colon introduces a speaker's words)."""
    if not title_case(paragraph) or _NO_HEADING_END.search(paragraph):
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and not any(t.tag_ in FINITE_TAGS for t in span)


def run_in_heading(doc: Doc, start: int, paragraph: str) -> int | None:
    """The length of a title-case heading (and its colon) that opens the paragraph before a capitalised sentence
    ("Little Help for Farmers: The drought is ..."), or None. A run that holds a person or a place the model
    names is a speaker's label or a dateline, not a heading."""
    m = _RUN_IN.match(paragraph)
    if not m or len(m.group(1).split()) < RUN_IN_MIN_WORDS or not title_case(m.group(1), RUN_IN_MAX_WORDS):
        return None
    s, e = start + m.start(1), start + m.end(1)
    if any(ent.label_ in _NOT_HEADING and ent.start_char < e and s < ent.end_char for ent in doc.ents):
        return None
    return m.end(1) + 1


def closing_credit(paragraph: str, last: bool) -> bool:
    """A closing credit ("A and B contributed reporting.", "A reported from X") among the body's closing lines, or a
    contributor's note ("A is a staff writer for X.") when the paragraph is the body's `last`."""
    if len(paragraph) > CREDIT_MAX_CHARS:
        return False
    after, _, bio = _cues()
    return bool(after.match(paragraph) or (last and bio.match(paragraph)))


def credit_label(doc: Doc, start: int, end: int, paragraph: str) -> bool:
    """A short paragraph opening with a credit label and holding no finite verb: "Contributing: A, B", "(Reporting by
    A; Editing by B)" ("Produced by X, the series follows ..." is a sentence)."""
    if len(paragraph) > CREDIT_MAX_CHARS or not _cues()[1].match(paragraph):
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and not any(t.tag_ in FINITE_TAGS for t in span)


def furniture(doc: Doc, text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of the furniture of the body `text` of `doc`, in order; kind is "heading" (a verbless
    line or a run-in heading) or "credit". The body's first line is its title, no furniture."""
    paragraphs = [m.span() for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    out = []
    for k, (s, e) in enumerate(paragraphs):
        para = text[s:e]
        closing = k >= len(paragraphs) - CLOSING_LINES
        if credit_label(doc, s, e, para) or (closing and closing_credit(para, k == len(paragraphs) - 1)):
            out.append((s, e, "credit"))
        elif k > 0 and verbless_line(doc, s, e, para):
            out.append((s, e, "heading"))
        elif (n := run_in_heading(doc, s, para)) is not None:
            out.append((s, s + n, "heading"))
    return out


def doc_furniture(doc: Doc, text: str | None = None) -> list[tuple[int, int, str]]:
    """`furniture` of `doc`'s body, read once per Doc and text: text_blocks (topics) and `headings` (quotes, once per
    pronoun) both ask, and each reading parses every line's span."""
    text = doc_text(doc) if text is None else text
    cached = doc.user_data.get("ng_furniture")
    if cached is None or cached[0] is not text and cached[0] != text:
        cached = doc.user_data["ng_furniture"] = (text, furniture(doc, text))
    return cached[1]


def headings(doc: Doc) -> list[tuple[int, int]]:
    """The character ranges of the body's headings."""
    return [(s, e) for s, e, kind in doc_furniture(doc) if kind == "heading"]
