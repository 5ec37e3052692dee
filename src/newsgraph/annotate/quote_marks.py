"""Quotation marks and sentence bounds in raw text, for `newsgraph_quotes` (no parse needed).

Quotation-mark spans (curly, straight or typewriter '' marks, nesting respected; a quote left open at a paragraph
end continues when the next paragraph opens with a mark, the news convention for multi-paragraph quotes), whether a
span is direct, and where sentences and paragraphs start and end around a position.
"""

from __future__ import annotations

import re

from newsgraph.annotate.lexicon import words

CUES = "cues.tsv"
OPEN_MARKS = "\u201c\u00ab"
CLOSE_MARKS = "\u201d\u00bb"


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation including its marks, multi-paragraph quotes joined.

    A curly opening mark closes only with a curly closing mark (nested pairs counted), a straight mark only with a
    straight one, so quotes inside quotes stay inside; a straight mark shaped as a closing one opens nothing
    (`closing_shape`). A quote still open at a paragraph end continues when the
    next paragraph opens with a mark of the same family; otherwise it ends with its paragraph.
    """
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    family = ""
    prev_end = 0
    depth = 0
    for m in re.finditer(r"[^\n]+", text):
        p0, p1 = m.span()
        i = p0
        while i < p1 and text[i].isspace():
            i += 1
        if open_at is not None:
            same = text[i : i + 1] == '"' if family == "straight" else text[i : i + 1] in OPEN_MARKS
            if same:
                i += 1
            else:
                spans.append((open_at, _rstrip_end(text, prev_end)))
                open_at, depth = None, 0
        while i < p1:
            ch = text[i]
            if open_at is None:
                if ch in OPEN_MARKS:
                    open_at, family, depth = i, "curly", 0
                elif ch == '"' and not closing_shape(text, i):
                    open_at, family, depth = i, "straight", 0
            elif family == "curly":
                if ch in OPEN_MARKS:
                    depth += 1
                elif ch in CLOSE_MARKS or (ch == '"' and not depth and _mixed_close(text, i, p1, CLOSE_MARKS)):
                    if depth:
                        depth -= 1
                    else:
                        spans.append((open_at, i + 1))
                        open_at = None
            elif ch in OPEN_MARKS:
                depth += 1  # a curly pair inside a straight quotation
            elif ch in CLOSE_MARKS and depth:
                depth -= 1
            elif ch == '"' and (cut := lost_close(text, max(open_at, p0), i)) is not None:
                # '"A. Narration ... the cases "were ..."': the quotation lost its closing mark; it ends with its
                # first sentence and this mark opens the next one
                spans.append((open_at, cut))
                open_at, depth = i, 0
            elif ch == '"' or (ch in CLOSE_MARKS and _mixed_close(text, i, p1, '"')):
                spans.append((open_at, i + 1))
                open_at, depth = None, 0
            i += 1
        prev_end = p1
    if open_at is not None:
        spans.append((open_at, _rstrip_end(text, len(text))))
    return [(s, e) for s, e in spans if e - s > 2]


def closing_shape(text: str, i: int) -> bool:
    """The straight mark at i stands where only a closing mark stands: right after a word or punctuation and before
    a blank ('... our title." Indeed, ...'). It opens no quotation: where a page lost one closing mark, the marks
    after it would otherwise pair out of step, each span holding the narration between two quotations."""
    if i == 0 or i + 1 >= len(text):
        return False
    return not text[i - 1].isspace() and text[i - 1] not in "([{/\u2014\u2013-" and text[i + 1].isspace()


def opening_shape(text: str, i: int) -> bool:
    """The straight mark at i stands where only an opening mark stands: after a blank and before a word."""
    return 0 < i < len(text) - 1 and text[i - 1].isspace() and (text[i + 1].isalnum() or text[i + 1] == "[")


#: A sentence end inside a quotation: a full stop, question or exclamation mark, then a blank and a capital.
_INNER_END = re.compile(r"[.?!](?=[ \t\u00a0]+[A-Z])")


def lost_close(text: str, open_at: int, i: int) -> int | None:
    """Where a straight quotation opened at `open_at` ends when the straight mark at i cannot close it: the mark
    stands where only an opening mark stands (after a word and a blank, before a word) and the quotation has run over a
    sentence end, so its closing mark was lost ('"I can tell you one thing. Initial concerns were raised ... told
    parents that the cases "were in an acceptable range"'). A quotation never runs into the narration after it:
    it ends with its first sentence (the end offset), and the mark at i opens the next quotation. None: the mark
    closes the quotation as usual. `open_at` is the paragraph start for a quotation carried over from the
    paragraph before (its sentences there are left alone)."""
    if not opening_shape(text, i) or not text[i - 2 : i - 1].isalnum():
        return None  # after a sentence end ('... involved. "Uhing stressed'), a mark that lost its blank closes
    for j in range(open_at + 1, i):
        if text[j] in CLOSE_MARKS and _mixed_close(text, j, i, '"'):
            return j + 1  # '"... catastrophe. We are afraid it will get worse.” Army ...': a curly mark closed it
    for m in _INNER_END.finditer(text, open_at + 1, i):
        if is_sentence_end(text, m.start()):
            return m.end()
    return None


def _mixed_close(text: str, i: int, p1: int, own: str) -> bool:
    """A mark of the other family at i closes a quotation ('\u201cA," she said'; 'take "more hours\u201d'): it stands
    where a closing mark stands (after a word or punctuation, before a blank, punctuation or the paragraph end) and
    no closing mark of the quotation's own family follows in the paragraph."""
    before = text[i - 1 : i]
    after = text[i + 1 : i + 2]
    if not before or before.isspace() or (after and not (after.isspace() or after in ".,;:!?)\u2014-")):
        return False
    return not any(c in own for c in text[i + 1 : p1])


def normalise_marks(text: str) -> str:
    """Typewriter quotation marks ('' and ``) as a straight double mark plus a blank; same length, same offsets."""
    return text.replace("''", '" ').replace("``", '" ')


def _rstrip_end(text: str, pos: int) -> int:
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return pos


def inner_span(text: str, s: int, e: int) -> tuple[int, int]:
    """The span without the quotation marks and surrounding blanks."""
    while s < e and (text[s] in OPEN_MARKS or text[s] in '"' or text[s].isspace()):
        s += 1
    while e > s and (text[e - 1] in CLOSE_MARKS or text[e - 1] in '"' or text[e - 1].isspace()):
        e -= 1
    return s, e


def is_direct(text: str, s: int, e: int) -> bool:
    i0, _ = inner_span(text, s, e)
    first = text[i0 : i0 + 1]
    if not (first.isupper() or first in "[.\u2026" or first.isdigit()):
        return False
    before = text[max(0, s - 3) : s].rstrip()
    if before == "" or before[-1:] in ":,.?!\n\u2014-" or text[max(0, s - 1) : s] == "\n":
        return True
    # '"... wore him down." "Everybody ..."': a quotation right after one that ended its sentence opens a sentence
    return len(before) >= 2 and before[-1] in CLOSE_MARKS + '"' and before[-2] in ".?!"


def paragraph_at(text: str, pos: int) -> tuple[int, int]:
    """The paragraph (line) around `pos`: a parse run across a blank line must not lend a subject."""
    end = text.find("\n", pos)
    return text.rfind("\n", 0, pos) + 1, len(text) if end < 0 else end


def span_at(spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    return next((s, e) for s, e in spans if s <= pos < e)


def in_spans(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(s <= pos < e for s, e in spans)


def near_previous(text: str, prev_end: int, start: int, max_chars: int = 600, max_breaks: int = 1) -> bool:
    """The previous quote ended at most one paragraph before this one starts."""
    return text.count("\n\n", prev_end, start) <= max_breaks and start - prev_end < max_chars


#: A sentence end: a full stop, question or exclamation mark before a blank, or before closing quotation marks
#: that a blank and a capital follow ('... full of organic matter." And one blogger ...': the next sentence is no
#: part of the frame of the quotation after it; '"... area." said X' goes on).
SENT_END = re.compile(r"[.?!](?=\s)|[.?!][\"\u201d\u2019']+(?=\s+[\"\u201c\u2018]?[A-Z])")


def is_sentence_end(text: str, i: int) -> bool:
    """A full stop at i ends a sentence unless it closes an initial ("R.") or an abbreviation ("Mr.", "U.S.")."""
    if text[i] != ".":
        return True
    j = i
    while j > 0 and not text[j - 1].isspace() and text[j - 1] not in "\"\u201c(":
        j -= 1
    word = text[j:i].lower()
    if len(word) == 1 and word.isalpha():
        return False
    return word not in words(CUES, "abbreviation")


def sentence_start(text: str, lo: int, pos: int) -> int:
    """Start of the sentence holding `pos` (a sentence end before it), not before `lo`."""
    best = lo
    for m in SENT_END.finditer(text, lo, pos):
        if is_sentence_end(text, m.start()):
            best = m.end()
    return best


def sentence_end(text: str, pos: int, hi: int, spans: list[tuple[int, int]]) -> int:
    """End of the sentence holding `pos`, not after `hi`: a sentence end outside quotation marks, or one that ends a
    quotation and its sentence together ('... a "letter which contained a powder." The building was ...')."""
    for m in SENT_END.finditer(text, pos, hi):
        closes = text[m.end() - 1] in CLOSE_MARKS + "\"'\u2019" and any(b == m.end() for _, b in spans)
        if (closes or not in_spans(spans, m.start())) and is_sentence_end(text, m.start()):
            return m.end()
    return hi
