"""When an "organisation" is a concept the page capitalises: the page itself writes it as a common noun.

Pages capitalise terms they define or stress ("your own CA (Certificate Authority)", "Bioelectrical Impedance
Spectroscopy"), and the small model types such a capitalised run or its acronym as an organisation. A proper name
keeps its capitals wherever the page writes it; a concept does not. Two signs, read from the page alone:
- `lower_phrase`: the page writes the whole name (two words or more) in lower case at least as often as capitalised
  ("to be a certificate authority"): the name's words are a common noun phrase of the page;
- `lower_expansion`: the page spells an acronym out in lower-case words right before it in brackets
  ("bioelectrical impedance spectroscopy (BIS)", "an initial public offering (IPO)"): the acronym abbreviates a
  common noun, where an organisation's expansion is capitalised ("the World Health Organization (WHO)").
entity_features.py turns them into the feature "concept" of an organisation and confidence.py lowers its topic
score (CONCEPT_WEIGHT).
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsgraph.annotate.name_text import looks_like_acronym

_WORDS = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")
#: small words an expansion may hold without a letter of the acronym ("return on investment (ROI)")
_SMALL = frozenset("of and on in for to the a an".split())


def lower_phrase(name: str, text: str) -> bool:
    """`name` has two words or more, all of letters, and `text` writes it in lower case (word-bounded) at least as
    often as capitalised: a page that mostly capitalises a phrase ("his first Major League home run" three times,
    "major league rosters" once) treats it as a name."""
    words = name.split()
    if len(words) < 2 or any(not _WORDS.fullmatch(w) for w in words):
        return False
    found = [m.group() for m in _phrase_re(tuple(words)).finditer(text)]
    lower = sum(f.islower() for f in found)
    return lower > 0 and 2 * lower >= len(found)


@lru_cache(maxsize=4096)
def _phrase_re(words: tuple[str, ...]) -> re.Pattern[str]:
    """The words as a word-bounded phrase, any case, any spacing: compiled once per name, not once per call (the
    `re` module's own cache of 512 patterns is churned by every page's names)."""
    phrase = r"\s+".join(re.escape(w) for w in words)
    return re.compile(rf"(?<![\w-]){phrase}(?![\w-])", re.I)


def lower_expansion(acronym: str, text: str) -> bool:
    """`text` spells `acronym` (two to six capital letters) out in lower-case words right before it in brackets."""
    if not looks_like_acronym(acronym):
        return False
    flat = acronym.replace(".", "")
    want = flat.lower()
    for m in re.finditer(rf"\(\s*{re.escape(acronym)}\s*[),;]", text):
        before = _WORDS.findall(text[max(0, m.start() - 120) : m.start()])
        k = len(before)
        while k > 0 and before[k - 1].islower() and len(before) - k < len(flat) + 3:
            k -= 1
        tail = before[k:]
        for j in range(len(tail)):
            words = tail[j:]
            if "".join(w[0] for w in words) == want or \
                    (words[0] not in _SMALL and "".join(w[0] for w in words if w not in _SMALL) == want):
                return True
    return False
