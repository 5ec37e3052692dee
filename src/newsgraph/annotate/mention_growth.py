"""Growing a candidate mention past the model's cut, and joining it with the mention after it.

Split out of entity_mentions.py: the small model often stops a name early, inside a compound ("Île-de-[France]",
"[Boulogne]-sur-Mer"), before the rest of an "of" complement ("Bureau of Engraving" + "and Printing"), at a
particle of a place's name ("São José" + " dos Campos"), or at the person an institution is named after ("Ada
Byron" + "Foundation"); and "University of California, Irvine" arrives as two mentions that name one seat of an
organisation. Each rule here reads the text, the parse or the gazetteer and returns the longer bounds; where the
evidence is missing it returns the span unchanged, so `collect_mentions` can apply them all in turn.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from newsgraph.annotate.names import NamesLexicon

if TYPE_CHECKING:
    from newsgraph.annotate.entity_mentions import NameMention

#: a hyphenated run glued before a name: a capitalised word, then a lower-case linking word ("Île-de-", "Aix-en-",
#: "Stratford-upon-"); not a prefix ("anti-", "pro-")
_COMPOUND_BEFORE = re.compile(r"(?<![\w-])[^\W\d_][\w'\u2019]*(?:-[\w'\u2019]+)*-[^\W\d_A-Z]+-$")
#: a capitalised word of three letters or more glued by an apostrophe before a name: one word ("Info'Com-CGT"),
#: not an elided word ("l'", "d'", "L'", "Lorsqu'"); an elided article may precede it ("d'Info'Com-CGT")
_APOSTROPHE_BEFORE = re.compile(r"(?<![^\s('\u2019\"\u201c\u00ab])[A-Z]\w{2,}(?<![qQ][uU])['\u2019]$")
#: a capitalised word glued by a hyphen to a one- or two-letter linking particle, one space before a name: the
#: Persian ezafe ("Naqsh-e Jahan Square", "Bagh-e Fin", "Masjed-ye Jameh"), which the model cuts at the hyphen
_EZAFE_BEFORE = re.compile(r"(?<![\w-])[A-Z][^\W\d_]+-(?:e|ye|i) $")
#: a hyphenated run glued after a name that holds a lower-case linking word ("-sur-Mer", "-upon-Avon")
_COMPOUND_AFTER = re.compile(r"^-(?:[\w'\u2019]+-)*?[^\W\d_A-Z]+-[\w'\u2019]+(?:-[\w'\u2019]+)*")


def compound(text: str, s: int, e: int) -> tuple[int, int]:
    """A model span cut out of a compound name takes the whole compound: the model often stops at a hyphen or an
    apostrophe inside one word ("Île-de-[France]", "Info'[Com-CGT]", "[Boulogne]-sur-Mer") or before a linking
    particle ("Naqsh-e [Jahan Square]"); a hyphen joining two
    names ("Russia-Ukraine") or a prefix ("anti-Trump") holds no lower-case linking word and is left alone."""
    before = text[max(0, s - 40) : s]
    m = _COMPOUND_BEFORE.search(before)
    if m and not m.group()[0].isupper():
        m = None
    m = m or _APOSTROPHE_BEFORE.search(before) or _EZAFE_BEFORE.search(before)
    if m:
        s -= len(before) - m.start()
    m = _COMPOUND_AFTER.match(text[e : e + 40])
    if m:
        e += m.end()
    return s, e


def complement_goes_on(toks: list) -> list:
    """An organisation span that the model cut inside its "of" complement at a conjunction: "Bureau of Engraving"
    + "and Printing", "Department of Fisheries" + "and Oceans". The span must end in a capitalised "of" complement,
    and the words after "and" / "&" must be capitalised, tagged by the model as no entity of their own, and end
    the name (a lower-case word or punctuation follows), so "the Ministry of Health and Oxfam staff" stays apart
    only when the model tags "Oxfam" itself."""
    doc = toks[0].doc
    words = [t.lower_ for t in toks]
    if "of" not in words[1:-1] or not toks[-1].text[:1].isupper():
        return toks
    j = toks[-1].i + 1
    if j >= len(doc) or doc[j].lower_ not in ("and", "&"):
        return toks
    k = j + 1
    while k < len(doc) and doc[k].text[:1].isupper() and doc[k].pos_ in ("PROPN", "NOUN"):
        if doc[k].ent_type_:
            return toks  # a name of its own: two names coordinated
        k += 1
    if k == j + 1 or k - j > 4 or (k < len(doc) and doc[k].text[:1].isupper()):
        return toks
    return toks + list(doc[j:k])


#: capitalised words after a person's name that may complete an institution named after the person
NAMED_AFTER_MAX_WORDS = 4


def named_after(toks: list, names: NamesLexicon) -> list:
    """A person span followed by capitalised words that end in an organisation suffix ("Robert Wood" + "Johnson
    Medical School", "Ada Byron" + "Foundation"): the person is part of an institution's name, which is the
    mention (an organisation). The span itself when no such name follows."""
    return _capitalised_tail(toks, NAMED_AFTER_MAX_WORDS,
                             lambda whole: bool(names.org_evidence(" ".join(t.text for t in whole))))


def _capitalised_tail(toks: list, max_words: int, fits: Callable[[list], bool], stop_at_tagged: bool = False) -> list:
    """`toks` grown over the longest run of up to `max_words` capitalised words after it, in its sentence, that
    `fits` (a predicate on the whole grown span); `toks` itself when none does. `stop_at_tagged`: a word the model
    tagged as a name of its own ends the run. Shared by `named_after` and `place_named_after`."""
    doc = toks[0].doc
    k = toks[-1].i + 1
    best = toks
    while k < len(doc) and k - toks[-1].i <= max_words and doc[k].text[:1].isupper() \
            and doc[k].is_alpha and not doc[k].is_sent_start and not (stop_at_tagged and doc[k].ent_type_):
        whole = toks + list(doc[toks[-1].i + 1 : k + 1])
        if fits(whole):
            best = whole
        k += 1
    return best


#: capitalised words after a person's or a town's name that may complete a landmark or feature named after it
PLACE_TAIL_MAX_WORDS = 3


def place_named_after(toks: list, place_heads: frozenset[str]) -> list:
    """A person or town span followed by capitalised words that end in a place's head noun ("Jack London" +
    "Square", "Lotfollah" + "Mosque", "Chatham" + "Islands"): the model tagged the eponym or the town, yet the
    name is the landmark's, which the article is about; the longer span is the mention (a place). The span itself
    when no such name follows in the same sentence, or when the words after it are a name the model tagged on its
    own ("US" + "Delta Force": a unit, whose first word is a place's head noun)."""
    return _capitalised_tail(toks, PLACE_TAIL_MAX_WORDS, lambda whole: whole[-1].lower_ in place_heads,
                             stop_at_tagged=True)


#: a lower-case particle and capitalised words that may continue a place's name ("São José dos Campos", "Rio de
#: Janeiro", "Ciudad del Este"), which the small model often cuts at the particle
_PARTICLE_TAIL = re.compile(r"^ (?:dos|das|do|da|de|del|de la|di|du|des|sur|upon|on|en|am|im|an der) [A-Z][\w'\u2019-]*"
                            r"(?: [A-Z][\w'\u2019-]*)?")


def grow_place(text: str, s: int, e: int, gaz) -> int:
    """The end of the name at text[s:e], grown over a particle and capitalised words when the gazetteer holds the
    longer name as a place ("São José" + " dos Campos"); `e` otherwise."""
    tm = _PARTICLE_TAIL.match(text[e : e + 40])
    if not tm:
        return e
    tail = tm.group()
    for cut in (len(tail), tail.rfind(" ")):
        if cut > 0 and gaz.lookup(text[s:e] + tail[:cut]):
            return e + cut
    return e


#: what stands between an organisation's name ending in a region and a town of that region when the town names the
#: seat: "University of California, Irvine", "University of Texas at Austin", "University of Wisconsin–Madison"
SEAT_SEPARATOR = re.compile(r"(?:, | at |[\u2013\u2014-]| [\u2013\u2014-] )")


def seat_split(name: str) -> tuple[str, str] | None:
    """(organisation, seat) of a name that closes on a seat after `SEAT_SEPARATOR` (the last one), or None."""
    cuts = list(SEAT_SEPARATOR.finditer(name))
    if not cuts:
        return None
    head, seat = name[: cuts[-1].start()], name[cuts[-1].end() :]
    return (head, seat) if " " in head and seat[:1].isupper() else None


def join_campuses(text: str, mentions: list[NameMention], gaz) -> list[NameMention]:
    """ "University of California, Irvine": a town right after an organisation's name and a comma, "at" or a dash,
    where that name ends in the region the town lies in, names a seat of the organisation and belongs to its name;
    the two mentions become one organisation mention."""
    out: list[NameMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (prev is not None and prev.label in ("organisation", "lexicon-org")
                and SEAT_SEPARATOR.fullmatch(text[prev.end : m.start])
                and " " in prev.text and in_region(gaz, m.text, prev.text.split()[-1])):
            prev.end, prev.text, prev.label = m.end, text[prev.start : m.end], "organisation"
            continue
        out.append(m)
    return out


def in_region(gaz, town: str, region: str) -> bool:
    """Whether a town called `town` lies in a state or province called `region`."""
    regions = {(p.country_code, p.admin1) for p in gaz.lookup(region) if p.kind == "admin1"}
    return bool(regions) and any(p.kind == "city" and (p.country_code, p.admin1) in regions for p in gaz.lookup(town))


#: the word right after a mention, one space between
_NEXT_WORD = re.compile(r" ([^\W\d_][\w'\u2019-]*)")


def join_branches(text: str, mentions: list[NameMention], gaz, words=None) -> list[NameMention]:
    """ "STX France", "Business France", "Airbus Canada": an organisation's name and a country's name one space
    apart, nothing between, is one name, the body's national branch or agency; the model often cuts it in two or
    leaves the country out, and the country alone is no place the text is about. With the language's dictionary
    (`words`: common_words.py), a town right before a capitalised common word is a name that opens with the town
    ("Paris Match", "Nice Matin": a magazine, a newspaper), an organisation."""
    out: list[NameMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (prev is not None and prev.label in ("organisation", "lexicon-org") and text[prev.end : m.start] == " "
                and m.label in ("place", "gaz-place", "organisation") and _country(gaz, m.text)
                and not gaz.lookup(prev.text)):
            prev.end, prev.text, prev.label = m.end, text[prev.start : m.end], "organisation"
            continue
        out.append(m)
    starts = {m.start for m in out}
    for m in out:
        nxt = _NEXT_WORD.match(text, m.end)
        if nxt is None or nxt.start(1) in starts or not nxt.group(1)[:1].isupper():
            continue
        if m.label in ("organisation", "lexicon-org") and _country(gaz, nxt.group(1)) and not gaz.lookup(m.text):
            m.end, m.text = nxt.end(1), text[m.start : nxt.end(1)]
        elif m.label == "place" and words is not None and not nxt.group(1).isupper() and words.known(nxt.group(1)) \
                and not gaz.lookup(nxt.group(1)):
            m.end, m.text, m.label = nxt.end(1), text[m.start : nxt.end(1)], "organisation"
    return out


def _country(gaz, name: str) -> bool:
    return any(p.kind == "country" for p in gaz.lookup(name)[:1])


#: a person's name with a quoted nickname between its given names and its surname: 'Robert C. "Bobby" Scott',
#: 'Marcia "Cia" Price' (one to three words before, a one- or two-word nickname in straight or curly double quotes,
#: one surname word, perhaps a generational suffix; no capitalised word after it: a title-case headline's 'Obama
#: "Hopeful" About Deal' is no name)
_NICKNAMED = re.compile(r"(?:[A-Z][\w.'\u2019-]*\s){1,3}[\"\u201c][A-Z][\w.'\u2019-]*(?:\s[A-Z][\w.'\u2019-]*)?"
                        r"[\"\u201d]\s[A-Z][\w'\u2019-]+(?:,?\s(?:Jr|Sr)\.?)?(?![\w'\u2019-]|\s+[A-Z])")


def join_nicknames(text: str, mentions: list[NameMention]) -> list[NameMention]:
    """ 'Rep. Robert C. "Bobby" Scott', 'Del. Marcia "Cia" Price': the model cuts the name at the nickname's
    quotation marks ('Robert C. "Bobby' and 'Scott', or 'Marcia' and nothing), and the pieces become a fragment
    item and a surname item. A person mention that opens given names, a quoted nickname and a surname grows over
    them; the mentions inside the grown span are part of it."""
    out: list[NameMention] = []
    grown_to = -1
    for m in mentions:
        if m.start < grown_to:
            continue  # inside the nicknamed name before it
        if m.label == "person":
            whole = _NICKNAMED.match(text, m.start)
            if whole is not None and whole.end() > m.end and "\n" not in whole.group():
                m.end, m.text = whole.end(), whole.group()
                grown_to = m.end
        out.append(m)
    return out
