"""Search snippets and title highlights computed in bounded time, whatever the query.

Why not FTS5's snippet(): it scores every candidate window against every match instance, so its cost grows with
the square of the matches in one document. A query of 32 common words over a 35,000-word body took 14 s for one
row, inside a single SQLite function call that no progress handler or timeout can interrupt, and a 250-word query
stalled the server for 28 s. Here the work is linear and capped: at most `SCAN_CHARS` of the body are searched,
once, for the query's words (as the index's unicode61 tokenizer sees words: runs of letters and digits, case
diacritics folded) with one compiled pattern of the query's words; the best window is found over at most
`MAX_HITS` matches with two pointers.

Marks are the same as the search API has always used: \\x02 before and \\x03 after each match, "…" where the
snippet cuts the text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

#: Read at most this many characters of a body to find its snippet (a match further on shows the lead instead).
SCAN_CHARS = 30_000
#: Stop collecting matches after this many (enough to choose a window; bounds the work on common words).
MAX_HITS = 100
#: Characters in a snippet (about the 28 tokens FTS5's snippet() was asked for) and before its first match.
WINDOW_CHARS = 180
LEAD_CHARS = 40
OPEN, CLOSE, ELLIPSIS = "\x02", "\x03", "\u2026"

_QUERY_WORD = re.compile(r"[^\W_]+\*?")
_OPERATORS = {"AND", "OR", "NOT", "NEAR"}


def fold(word: str) -> str:
    """Lower case without diacritics (as unicode61 remove_diacritics folds them)."""
    word = word.lower()
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


@dataclass(frozen=True)
class Terms:
    """The words of a query to mark (exact words and `syri*` prefixes) as one compiled pattern."""

    words: frozenset[str]
    prefixes: tuple[str, ...]

    @property
    def pattern(self) -> re.Pattern | None:
        alts = [re.escape(w) for w in sorted(self.words, key=len, reverse=True)]
        alts += [re.escape(p) + r"[^\W_]*" for p in self.prefixes]
        if not alts:
            return None
        return re.compile(r"(?<![^\W_])(?:" + "|".join(alts) + r")(?![^\W_])", re.IGNORECASE)

    def __bool__(self) -> bool:
        return bool(self.words or self.prefixes)


def query_terms(q: str) -> Terms:
    """The words (and `word*` prefixes) of an FTS5 query, without its operators and column names."""
    words, prefixes = set(), []
    for m in _QUERY_WORD.finditer(q):
        w = m.group()
        if w in _OPERATORS or q[m.end() : m.end() + 1] == ":":
            continue
        if w.endswith("*"):
            prefixes.append(fold(w[:-1]))
        else:
            words.add(fold(w))
    return Terms(frozenset(words), tuple(prefixes))


def _hits(text: str, pattern: re.Pattern) -> list[tuple[int, int, str]]:
    """(start, end, folded word) of the first MAX_HITS matches in `text` (one regex scan, in C)."""
    out = []
    for m in pattern.finditer(text):
        out.append((m.start(), m.end(), fold(m.group())))
        if len(out) >= MAX_HITS:
            break
    return out


def _edge(text: str, pos: int, forward: bool) -> int:
    """The nearest word boundary to `pos` (whitespace), looking forward or back at most 30 characters."""
    if forward:
        i = text.find(" ", pos, pos + 30)
        return i if i >= 0 else pos
    i = text.rfind(" ", max(0, pos - 30), pos)
    return i + 1 if i >= 0 else pos


def snippet(body: str, terms: Terms, width: int = WINDOW_CHARS) -> str | None:
    """About `width` characters of `body` holding the most distinct query words, marked; None without a match."""
    pattern = terms.pattern
    if pattern is None:
        return None
    text = body[:SCAN_CHARS]
    hits = _hits(text, pattern)
    if not hits:
        return None
    best, best_score, lo = 0, (-1, -1), 0
    for hi in range(len(hits)):  # two pointers: windows of at most `width` characters ending at hits[hi]
        while hits[hi][1] - hits[lo][0] > width:
            lo += 1
        score = (len({w for _, _, w in hits[lo : hi + 1]}), hi - lo)
        if score > best_score:
            best, best_score = lo, score
    start = _edge(text, max(0, hits[best][0] - LEAD_CHARS), forward=False) if hits[best][0] > LEAD_CHARS else 0
    end = min(len(text), start + width)
    end = _edge(text, end, forward=True) if end < len(text) else end
    out = [ELLIPSIS] if start > 0 else []
    pos = start
    for s, e, _ in hits:
        if s < start or e > end:
            continue
        out.append(text[pos:s])
        out.append(f"{OPEN}{text[s:e]}{CLOSE}")
        pos = e
    out.append(text[pos:end])
    if end < len(body):
        out.append(ELLIPSIS)
    return " ".join("".join(out).split())


def highlight(text: str | None, terms: Terms) -> str | None:
    """`text` (a title) with every query word marked; None when `text` is None."""
    pattern = terms.pattern
    if text is None or pattern is None:
        return text
    return pattern.sub(lambda m: f"{OPEN}{m.group()}{CLOSE}", text[:SCAN_CHARS]) + text[SCAN_CHARS:]
