"""Paragraphs of an article body that are not running prose about its subject.

An article is about what its prose discusses. Pages also carry paragraphs whose names are not what the page is
about, recognisable by their form rather than by their words:
- reference-list entries ("22. Miller RA, Chen H, et al. Effect of ... Toronto. BMJ. 2014;349:g5293. [PMID: ...]
  doi:..."): two or more distinct citation marks (a DOI, a PubMed id, "et al", a "year;volume" or
  "volume(issue):pages" locator, an ISBN);
- sign-off lines ("—Associated Press writer ... in Paris contributed to this report", "—Anna, age 8"): a short
  paragraph that opens with a dash;
- signatures closing a paragraph ("... It impales and sustains. -Hippolyte Taine, critic (1828-1893)": a quotation
  of the day, an epigraph, a reader's joke signed "—Anna, age 8"): a dash after a sentence's end, then a
  capitalised word, and no more than `SIGNATURE_MAX_CHARS` to the paragraph's end, with no sentence end in them;
- name lists (contributors, author contributions, credits): a paragraph holding a run of at least `NAME_LIST_MIN`
  person names with only separators between them, which make up most of its words (after a credit label, if the
  paragraph opens with one: "Analysis and interpretation of the data: Ann Lee, Bo Chen, Cy Ode.");
- rights and credit lines ("Copyright © 2019 by Ann Lee. Reprinted by permission of X Books, New York. All rights
  reserved.", "Used with permission of X"): a short paragraph holding a copyright mark or a permission formula, the
  fixed legal forms of a credit, whose names are its rights holders and publishers;
- teaser cards (related videos and stories: "Met Office forecast for May 5 - Fog Met Office forecast for May 5 -
  Fog Wales Online"): a paragraph that opens with a title of `TEASER_WORDS` words or more repeated in full right
  after it, as a card's link text and its title come when a page is flattened; prose does not repeat itself so;
- contributor notes closing an article ("Ann Lee is an associate professor at X. Bo Chen is a researcher with Y."):
  a paragraph in the body's last `BIO_TAIL` share holding `BIO_MIN` person names or more each followed by "is a/an",
  the authors' notes of an opinion piece;
- credit lines ("Reporting by Ann Lee in Beirut and Bo Chen in London; Editing by Cy Ode"): a short paragraph
  opening with a credit noun and "by";
- entry teasers (a dictionary's or an encyclopedia's related entries: "Ann Lee — Ann Lee (born 1950) is a
  Canadian poet whose ... … Wikipedia"): a paragraph that opens with a headword and a dash and ends cut off by an
  ellipsis, maybe followed by its source's label. The page shows another entry's opening words, not its own text;
- labels (headings, buttons, link labels: "Video & Further Resources", "Register"): a line of at most
  page_furniture.HEADING_MAX_WORDS words without a sentence's closing punctuation, its words capitalised (title
  case: page_furniture.title_case), other than the body's first line (its title). A name an article is about is named in its sentences too; one named only in
  labels is a section, a button or a link.
`credited` tells a name that a credit introduces inside running text ("With reporting by Associated Press writer X",
"Exclusive articles by X"), a byline opening a paragraph ("By X", "-- by X"), a contact line closing a local story
("X may be reached at x@paper.com") or a photo credit glued to its caption ("X photo"): a name in a credit, not a
name the prose discusses. (A credit label, "Photo: X", was
tried too and dropped: GUM's interviews credit their photos to people the interview is about.)
Headings closed by a full stop, run-in headings, signatures, editorial labels, closing credits and contributor's
notes are page_furniture.py's. `non_prose_blocks` returns the character ranges of all such paragraphs;
entity_features.py counts a mention inside one
as named outside prose, which lowers the entity's topic score (annotate/confidence.py, NON_PROSE_WEIGHT). The
entity itself stays: the names are real, the page is just not about them.
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc

from newsgraph.annotate.doc_cache import doc_text
from newsgraph.annotate.page_furniture import doc_furniture, title_case

#: marks of a bibliographic reference; a paragraph with `CITATION_MARKS` distinct kinds of them is a reference entry
_CITATION_MARKS = {
    "doi": re.compile(r"\bdoi(?::|\.org/)\s*10\.", re.I),
    "pmid": re.compile(r"\bPMID:?\s*\d", re.I),
    "et_al": re.compile(r"\bet al\b"),
    "year_volume": re.compile(r"\b(?:1[89]|20)\d{2}\s*;\s*\d+"),
    "volume_pages": re.compile(r"\b\d+\s*(?:\(\d+\))?\s*:\s*[a-z]?\d+\s*[-\u2013]\s*[a-z]?\d+\b"),
    "isbn": re.compile(r"\bISBN(?:-1[03])?:?\s*[\d-]{9}", re.I),
}
#: distinct citation marks that make a paragraph a reference entry (one alone occurs in prose: "Smith et al. found")
CITATION_MARKS = 2
#: a sign-off line: a paragraph opening with a dash, no longer than this many characters
SIGN_OFF_MAX_CHARS = 250
_SIGN_OFF = re.compile(r"^\s*(?:\u2014|\u2013|--)\s*[A-Z]")
#: a signature after a sentence: its longest run to the paragraph's end
SIGNATURE_MAX_CHARS = 120
_SIGNATURE = re.compile(r"(?<=[.!?\u201d\u2019\"])\s+(?:\u2014|\u2013|--?)\s?(?=[A-Z])[^.!?]{2,"
                        + str(SIGNATURE_MAX_CHARS) + "}$")
#: person names a paragraph needs to be a name list ...
NAME_LIST_MIN = 3
#: ... and the share of its words that lie inside those names
NAME_LIST_SHARE = 0.5
#: a rights or credit line is no longer than this many characters ...
RIGHTS_MAX_CHARS = 300
#: ... and holds a copyright mark ("©", "(c) 2019", "Copyright 2019") or a permission formula ("reprinted by
#: permission of", "used with permission", "all rights reserved"); the word "copyright" alone is prose
_RIGHTS = re.compile(r"\u00a9|\(c\)\s*(?:1[89]|20)\d{2}|\bcopyright\s+(?:\(c\)\s*)?(?:1[89]|20)\d{2}|"
                     r"\brights\s+reserved\b|\b(?:reprinted|reproduced|used|excerpted|adapted|published)\s+"
                     r"(?:[a-z]+\s+){0,2}(?:by|with)\s+(?:the\s+)?(?:kind\s+)?permission\b", re.I)
#: opening words a teaser card repeats (its title, then its title again); case kept: "We shall fight ... we shall
#: fight" is prose
TEASER_WORDS = 5
#: an entry teaser: a headword of at most `HEADWORD_WORDS` words and a dash opening the paragraph ...
HEADWORD_WORDS = 8
_HEADWORD = re.compile(r"^\s*[^\W\d_][^\u2014\u2013\n]{0,80}?\s[\u2014\u2013]\s")
#: ... and an ellipsis closing it, maybe followed by its source's label of at most four words ("… … Wikipedia")
_CUT_OFF = re.compile(r"(?:\u2026|\.\.\.)\s*(?:[A-Z][\w'.-]*(?:\s+[\w'.-]+){0,3})?\s*$")
_SENTENCE_END = re.compile(r"[.!?:;,\u201d\"')\u2019]\s*$")
_PARAGRAPH = re.compile(r"[^\n]+")
_SEPARATOR = re.compile(r"\s*(?:[,;]\s*(?:and\s+|&\s+)?|\s(?:and|&)\s+)")
_WORD = re.compile(r"[^\W\d_][\w'\u2019.-]*")
#: a credit label opening a paragraph: words up to a colon, no sentence end among them, at most this many characters
#: ("Conception and design:", "Photos:", "Critical revision of the article for important intellectual content:")
LABEL_MAX_CHARS = 90
_LABEL = re.compile(r"^\s*[^\W\d_][^:.!?\n]{0,LABEL_MAX}:\s".replace("LABEL_MAX", str(LABEL_MAX_CHARS)))


#: a credit right before a name: "<credit noun> by" with at most `CREDIT_WORDS` words between it and the name ("With
#: reporting by Associated Press writer X")
CREDIT_WORDS = 4
#: credit nouns that also open a credit line, where they are capitalised ("Reporting by", "Photos by")
_CREDIT_NOUN = r"(?:reporting|writing|editing|photos?|photographs?|photography|illustrations?|graphics)"
_CREDIT_BEFORE = re.compile(
    r"(?:\b(?:(?i:" + _CREDIT_NOUN + r")|articles|columns|research)\s+by)"  # "Research by X" opens prose about X
    r"\s+(?:[\w.'\u2019&-]+\s+){0,CREDIT_WORDS}$".replace("CREDIT_WORDS", str(CREDIT_WORDS)))
#: contributor notes: person names each followed by "is a/an" that make a paragraph one ...
BIO_MIN = 2
#: ... when it lies in this last share of the body
BIO_TAIL = 0.34
_BIO_AFTER = re.compile(r"^\s+(?:is|was)\s+(?:a|an)\s", re.I)
#: a credit line: a short paragraph opening with a credit ("Reporting by A in Beirut and B in London; Editing by C"),
#: every name of which is a credit, however many words stand between them
CREDIT_LINE_MAX_CHARS = 300
_CREDIT_LINE = re.compile(r"^\s*(?:additional\s+)?" + _CREDIT_NOUN + r"\s+by\b", re.I)


#: a byline opening a paragraph right before a name ("By X", "-- by X"); no words between (prose opens with "By then X")
_BYLINE_BEFORE = re.compile(r"(?:^|\n)[^\w\n]{0,6}[Bb]y\s+$")


#: a contact line after a name: how to reach the writer, with an e-mail address or the word e-mail within
#: `CONTACT_CHARS` characters ("X may be reached at xy@paper.com or at 555-0100", "Staff writer X can be reached by
#: e-mail at ..."): the reporter who closes a local story, no subject. A phone number alone is left out (the police
#: officer a story asks witnesses to call is named so).
CONTACT_CHARS = 60
_CONTACT_AFTER = re.compile(r"^\s+(?:can|may|could)\s+(?:also\s+)?be\s+(?:reached|contacted|e-?mailed)\b"
                            rf".{{0,{CONTACT_CHARS}}}?(?:@|\be-?mail\b)",
                            re.I | re.S)
#: a photo credit glued after a name: "X photo" at a line's end or run into the caption's next word ("X photoJim")
_PHOTO_AFTER = re.compile(r"^\s*(?:/\s*)?(?:staff\s+)?photo(?:graph)?s?(?=\s*\n|\s*$|[A-Z])")


def credited(text: str, start: int, end: int | None = None) -> bool:
    """A credit introduces the name starting at `start` ("reporting by ... X", "articles by X", a byline "By X"), or
    follows the name ending at `end` (a contact line "X may be reached at x@y.com", a photo credit "X photo")."""
    before = text[max(0, start - 90) : start]
    if _CREDIT_BEFORE.search(before) or _BYLINE_BEFORE.search(before):
        return True
    after = text[end : end + CONTACT_CHARS + 40] if end is not None else ""
    return bool(after and (_CONTACT_AFTER.match(after) or _PHOTO_AFTER.match(after)))


def contributor_note(paragraph: str, names: list[tuple[int, int]]) -> bool:
    """`BIO_MIN` person names or more (paragraph-relative spans) each followed by "is a/an": "Ann Lee is an associate
    professor at X. Bo Chen is a researcher with Y." (the caller asks for the body's closing share)."""
    return sum(bool(_BIO_AFTER.match(paragraph[e : e + 12])) for _, e in names) >= BIO_MIN


def credit_line(paragraph: str) -> bool:
    """A short paragraph opening with a credit: "Reporting by A in Beirut and B in London; Editing by C"."""
    return len(paragraph) <= CREDIT_LINE_MAX_CHARS and bool(_CREDIT_LINE.match(paragraph))


def citation(paragraph: str) -> bool:
    """The paragraph reads as a bibliographic reference (two or more distinct citation marks)."""
    return sum(bool(p.search(paragraph)) for p in _CITATION_MARKS.values()) >= CITATION_MARKS


def sign_off(paragraph: str) -> bool:
    """A short paragraph opening with a dash: a credit, contributor or signature line."""
    return len(paragraph) <= SIGN_OFF_MAX_CHARS and bool(_SIGN_OFF.match(paragraph))


def name_list(paragraph: str, names: list[tuple[int, int]]) -> bool:
    """A run of `NAME_LIST_MIN` person names or more (paragraph-relative spans) with only separators between them
    (commas, semicolons, "and"), and most of the paragraph's words inside names: "Design: Ann Lee, Bo Chen, Cy
    Ode." Names with words between them ("Ann Lee in 2008, Bo Chen in 2012") or a pair are prose."""
    run = best = 1 if names else 0
    for (_, a), (b, _) in zip(names, names[1:], strict=False):
        run = run + 1 if _SEPARATOR.fullmatch(paragraph[a:b]) else 1
        best = max(best, run)
    if best < NAME_LIST_MIN:
        return False
    label = _LABEL.match(paragraph)
    # a label heads the list only when the names close the paragraph ("Witnesses: A, B and C, who spoke" is prose)
    closes = not paragraph[names[-1][1] :].strip(" .;,")
    skip = label.end() if label and closes and label.end() <= names[0][0] else 0
    words = [(m.start(), m.end()) for m in _WORD.finditer(paragraph, skip)]
    if not words:
        return False
    inside = sum(any(s <= a and b <= e for s, e in names) for a, b in words)
    return inside / len(words) >= NAME_LIST_SHARE


def rights_line(paragraph: str) -> bool:
    """A short paragraph with a copyright mark or a permission formula: a rights or credit line."""
    return len(paragraph) <= RIGHTS_MAX_CHARS and bool(_RIGHTS.search(paragraph))


def teaser(paragraph: str) -> bool:
    """The paragraph opens with a title (`TEASER_WORDS` words or more) that comes again in full, in the same case,
    right after it: a card's link text and its title. Prose that repeats its opening words goes on differently
    ("I am happy to note X ... I am happy to note Y")."""
    words = list(re.finditer(r"\S+", paragraph))
    if len(words) < 2 * TEASER_WORDS:
        return False
    opening = paragraph[: words[TEASER_WORDS - 1].end()]
    again = paragraph.find(opening, len(opening))
    if again < 0:
        return False
    title = paragraph[:again].rstrip()
    return paragraph.startswith(title, again)


def headword(paragraph: str) -> bool:
    """A headword of at most `HEADWORD_WORDS` words and a dash open the paragraph: "Ann Lee — poet, born ..."."""
    head = _HEADWORD.match(paragraph)
    return bool(head and len(paragraph[: head.end()].split()) <= HEADWORD_WORDS + 1)


def entry_teaser(paragraph: str) -> bool:
    """A headword and a dash open the paragraph and an ellipsis cuts it off (a source label may follow): another
    entry's opening words shown as a link ("Ann Lee — Ann Lee (born 1950) is a poet whose… … Wikipedia")."""
    return headword(paragraph) and bool(_CUT_OFF.search(paragraph))


def label(paragraph: str) -> bool:
    """A short title-case line without a sentence's closing punctuation: a heading, a button or a link label."""
    return title_case(paragraph) and not _SENTENCE_END.search(paragraph)


def non_prose_blocks(doc: Doc, text: str | None = None, register: str | None = None) -> list[tuple[int, int]]:
    """Character ranges (start, end) of the paragraphs (lines) of `doc` that are reference entries, sign-off lines,
    name lists, rights lines, teaser cards, contributor notes, credit lines, entry teasers or labels, in order. On a
    page whose register (page_register.py) is "reference", every headword line ("Ann Lee — poet, born ...") is an
    entry too."""
    text = doc_text(doc) if text is None else text
    people = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("PERSON", "PER")]
    # headings, signatures, editorial labels and closing credits read from the body's layout and tags
    furnished = {s: (s, e) for s, e, _ in doc_furniture(doc, text)}
    out = []
    k = 0
    for m in _PARAGRAPH.finditer(text):
        s, e = m.span()
        para = m.group()
        while k < len(people) and people[k][1] <= s:
            k += 1
        mine = []
        j = k
        while j < len(people) and people[j][0] < e:
            mine.append((people[j][0] - s, min(people[j][1], e) - s))
            j += 1
        closing = s >= (1 - BIO_TAIL) * len(text)
        if (citation(para) or sign_off(para) or name_list(para, mine) or rights_line(para) or teaser(para)
                or credit_line(para) or (closing and contributor_note(para, mine)) or entry_teaser(para)
                or (register == "reference" and headword(para))
                or (s > 0 and label(para))):  # a first line is the text's title
            out.append((s, e))
            continue
        if s in furnished:
            out.append(furnished[s])
            if furnished[s][1] == e:
                continue  # a run-in heading opens a paragraph that may still close with a signature
        sig = _SIGNATURE.search(para)
        if sig:
            out.append((s + sig.start(), e))
    return out


def inside(blocks: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """The span lies inside one of `blocks` (`starts`: the blocks' start offsets, for bisection)."""
    i = bisect.bisect_right(starts, start) - 1
    return i >= 0 and blocks[i][0] <= start and end <= blocks[i][1]
