"""A drop-in for spaCy's `attribute_ruler` that gives the same token attributes with a table lookup.

Why: in en_core_web_sm the attribute ruler (tag -> POS/morph map plus lemma exceptions) costs about as much as
the dependency parser, because every token matches at least one rule and each match builds a Span and sets the
attributes from Python. Nearly all of its rules test one token's TAG and/or LOWER, so their combined effect
depends only on the (tag, lower) pair: computed once per distinct pair and written back with `Doc.from_array`.
The few other rules (two-token patterns, IS_SPACE, DEP) still go through a Matcher holding only them. Rules are
applied in the ruler's own order (later rules win), so the result equals the ruler's; the test checks it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy
from spacy.attrs import DEP, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

_WRITABLE = (LEMMA, POS, TAG, MORPH)
_MEMO_MAX = 200_000
#: attribute -> column in the rows written back (DEP is set per token, column 4).
_COLUMN = {LEMMA: 0, POS: 1, TAG: 2, MORPH: 3, DEP: 4}


def _values(spec) -> frozenset[str] | None:
    """A token-pattern value as a set of accepted strings (None when it is not a plain value or IN list)."""
    if isinstance(spec, str):
        return frozenset([spec])
    if isinstance(spec, dict) and set(spec) == {"IN"}:
        return frozenset(spec["IN"])
    return None


@Language.factory(
    "newsgraph_attribute_table",
    default_config={"ruler": "attribute_ruler"},  # the (disabled) attribute ruler whose rules the table applies
    requires=["token.tag"],
    assigns=["token.pos", "token.lemma", "token.morph"],
)
def make_attribute_table(nlp: Language, name: str, ruler: str) -> AttributeTable:
    return AttributeTable(nlp.get_pipe(ruler))


def _simple(pattern: list[dict]) -> tuple | None:
    """(tags, lowers, is_space) for a one-token rule on TAG / LOWER / IS_SPACE only; None for anything else."""
    if len(pattern) != 1 or not pattern[0] or not set(pattern[0]) <= {"TAG", "LOWER", "IS_SPACE"}:
        return None
    tok = pattern[0]
    tags = _values(tok["TAG"]) if "TAG" in tok else None
    lowers = _values(tok["LOWER"]) if "LOWER" in tok else None
    space = tok.get("IS_SPACE")
    if ("TAG" in tok and tags is None) or ("LOWER" in tok and lowers is None) or space not in (None, True, False):
        return None
    return tags, lowers, space


class AttributeTable:
    """Apply an AttributeRuler's rules: single-token TAG/LOWER rules by table, the rest by a small Matcher."""

    def __init__(self, ruler: AttributeRuler):
        self.ruler = ruler
        self.vocab = ruler.vocab
        self.attrs = list(ruler.attrs)
        self.indices = list(ruler.indices)
        self.by_tag: dict[str, list[tuple[int, frozenset[str] | None]]] = {}
        self.by_lower: dict[str, list[int]] = {}
        self.matcher = Matcher(self.vocab)  # multi-token and other rules, without DEP
        self.dep_matcher = Matcher(self.vocab)  # rules testing DEP: only run on a doc that has a parse
        #: first-token LOWER values of the matcher's rules (None: some rule can start anywhere)
        self.starts: set[str] | None = set()
        self._memo: dict[tuple[int, int], tuple[tuple[int, int], ...]] = {}
        self.start_res: list[re.Pattern] = []
        self.by_space: list[tuple[int, frozenset[str] | None, frozenset[str] | None, bool]] = []
        unknown = {a for attrs in self.attrs for a in attrs} - {LEMMA, POS, TAG, MORPH, DEP}
        if unknown:
            raise ValueError(f"attribute ruler sets attributes the table does not handle: {sorted(unknown)}")
        for i, p in enumerate(ruler.patterns):
            patterns = p["patterns"]
            simple = [_simple(pat) for pat in patterns]
            if any(x is None for x in simple):
                self._add_matched(i, patterns)
                continue
            for tags, lowers, space in simple:  # alternatives: each a one-token rule with the same id
                if space is not None:
                    self.by_space.append((i, tags, lowers, space))
                elif tags is not None:
                    for t in tags:
                        self.by_tag.setdefault(t, []).append((i, lowers))
                else:
                    for w in lowers or ():
                        self.by_lower.setdefault(w, []).append(i)

    def _add_matched(self, i: int, patterns: list) -> None:
        if any("DEP" in t for pat in patterns for t in pat):
            self.dep_matcher.add(str(i), patterns)
            return
        self.matcher.add(str(i), patterns)
        for pat in patterns:
            spec = pat[0].get("LOWER") if pat else None
            first = _values(spec) if spec is not None else None
            if first is not None and self.starts is not None:
                self.starts |= first
            elif isinstance(spec, dict) and set(spec) == {"REGEX"}:
                self.start_res.append(re.compile(spec["REGEX"]))
            else:
                self.starts = None  # a rule that can start on any token: always run the matcher

    def _may_match(self, lowers: set[str]) -> bool:
        if self.starts is None:
            return True
        return bool(lowers & self.starts) or any(r.search(w) for r in self.start_res for w in lowers)

    def _rules(self, tag: str, lower: str) -> list[int]:
        hit = [i for i, lowers in self.by_tag.get(tag, ()) if lowers is None or lower in lowers]
        hit += self.by_lower.get(lower, [])
        if self.by_space:
            is_space = lower.isspace()
            hit += [i for i, tags, lowers, space in self.by_space
                    if space == is_space and (tags is None or tag in tags) and (lowers is None or lower in lowers)]
        hit.sort()
        return hit

    def _merge(self, rules: list[int]) -> tuple[tuple[int, int], ...]:
        """(column, value) writes of these rules applied in order; column 4 = DEP (set per token)."""
        out: dict[int, int] = {}
        for i in rules:
            for attr, value in self.attrs[i].items():
                out[_COLUMN[attr]] = value
        return tuple(out.items())

    def _writes(self, tag: int, lower: int) -> tuple[tuple[int, int], ...]:
        key = (tag, lower)
        hit = self._memo.get(key)
        if hit is None:
            strings = self.vocab.strings
            hit = self._merge(self._rules(strings[tag] if tag else "", strings[lower]))
            if len(self._memo) < _MEMO_MAX:
                self._memo[key] = hit
        return hit

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        extra: dict[int, list[int]] = {}
        keys = doc.to_array([TAG, LOWER]).tolist()
        matches = []
        strings = self.vocab.strings
        if len(self.matcher) and self._may_match({strings[lw] for lw in {k[1] for k in keys}}):
            matches += self.matcher(doc, allow_missing=True)
        if len(self.dep_matcher) and doc.has_annotation("DEP"):
            matches += self.dep_matcher(doc, allow_missing=True)
        for match_id, start, end in matches:
            i = int(self.vocab.strings[match_id])
            idx = self.indices[i]
            tok = (start + idx) if idx >= 0 else (end + idx)
            if start <= tok < end:
                extra.setdefault(tok, []).append(i)
        rows = doc.to_array(list(_WRITABLE)).tolist()  # LEMMA, POS, TAG, MORPH
        deps: dict[int, int] = {}
        memo = self._memo
        for k, row in enumerate(rows):
            if k in extra:
                tag, lower = keys[k]
                writes = self._merge(sorted(self._rules(strings[tag] if tag else "", strings[lower]) + extra[k]))
            else:
                writes = memo.get((keys[k][0], keys[k][1])) or self._writes(keys[k][0], keys[k][1])
            for col, value in writes:
                if col == 4:
                    deps[k] = value
                else:
                    row[col] = value
        doc.from_array(list(_WRITABLE), numpy.asarray(rows, dtype="uint64"))
        for k, value in deps.items():
            doc[k].dep = value
        return doc

    def to_disk(self, path, *, exclude=()) -> None:
        """Nothing of its own to save: the table is rebuilt from the ruler, which the pipeline saves."""
        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path, *, exclude=()) -> AttributeTable:
        """Rebuild the table from the ruler's rules: `spacy.load` creates this component before it loads the
        ruler's patterns (the ruler comes first in the pipeline, so they are loaded by now)."""
        self.__init__(self.ruler)
        return self

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)
