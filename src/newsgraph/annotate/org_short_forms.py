"""Which longer organisation name of the article a shorter one is a form of (entity_linking.join_short_forms).

A news article names a body in full once and then shortens it: it drops the first words ("Red Sox" for "Boston Red
Sox"), the last words ("Royal Marsh" for "Royal Marsh Infirmary", "Centers for Disease Monitoring" for "Centers for
Disease Monitoring and Prevention"), turns the head's complement into a modifier ("Transport Ministry" for "Ministry
of Transport") or writes its initials ("FTA" for "Federal Transit Agency", also under a longer name that puts a
country before them) or clips its first word ("Fed" for "Federal Reserve"). Each form listed apart is a second topic for one body, which readers count as a wrong item.
These matchers read only the two names' words; whether the shorter cluster may join (its own evidence, which owner)
is entity_linking's decision.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Protocol

from newsgraph.annotate.name_text import initials, looks_like_acronym
from newsgraph.annotate.org_kinds import lexicon as org_lexicon

#: Words that open an "of"/"for" complement, which ends an organisation's head ("Ministry of Health").
COMPLEMENT_WORDS = ("of", "for")
#: Words a longer name may go on with after a prefix it shares with a shorter name ("Centers for Disease Monitoring
#: and Prevention"): a coordination that completes the name, not a second name.
CONTINUATION_WORDS = ("and", "&")


class Named(Protocol):
    name: str
    mentions: list


def tail_of(words: list[str], owner: list[str]) -> bool:
    """`words` are the last words of the owner's name after a capitalised word ("Red Sox" of "Boston Red Sox") or,
    two words or more, after a coordination ("Children's Hospital" of "Women and Children's Hospital"), or,
    two words or more, the last words of its head before an "of"/"for" complement ("Wilson Center" of "Woodrow Wilson
    Center for International Scholars": the name without its complement, cut as its own last words are), or that
    whole head ("Peterson Institute" of "Peterson Institute for International Economics")."""
    n = len(owner) - len(words)
    if len(words) == 1 and words[0].lower() in org_lexicon().get("building_head", frozenset()):
        return False  # "House" is no short form of "White House": a chamber named bare is its legislature (stop 31)
    if n > 0 and owner[n:] == words and (owner[n - 1][:1].isupper() or len(words) >= 2 and n >= 2 and (
            owner[n - 1] in CONTINUATION_WORDS and not _body_word(owner[n - 2]))):
        return True  # "Children's Hospital" of "Women and Children's Hospital", not of "City Council and ..."
    cut = next((i for i, w in enumerate(owner) if i > 0 and w in COMPLEMENT_WORDS), None)
    if cut is None or len(words) < 2:
        return False
    n = cut - len(words)
    # ... or the whole head ("Peterson Institute" of "Peterson Institute for International Economics", stop 31)
    return n >= 0 and owner[n:cut] == words and (n == 0 or owner[n - 1][:1].isupper())


def _body_word(word: str) -> bool:
    """A body's head word ("Council", "Board"): a name ending in one before "and" is a whole body of its own, and
    "City Council and School Board" two bodies, not one with a coordinated name."""
    kinds = org_lexicon()
    return word.lower().strip(".,") in kinds.get("not_person", frozenset()) | kinds.get("institution", frozenset())


def _places_body(words: str) -> bool:
    """The words before a body's head name its country or state, or are its demonym ("United States", "Swedish"):
    not words of the name itself ("City University of New York" is no "New York University")."""
    from newsgraph.annotate.gazetteer import get_gazetteer

    gaz = get_gazetteer()
    return gaz.demonym(words) is not None or any(p.kind in ("country", "admin1") for p in gaz.lookup(words)[:1])


def prefix_of(words: list[str], owner: list[str]) -> bool:
    """`words` are the first words of the owner's name, cut before a capitalised word or a coordination ("Royal Marsh"
    of "Royal Marsh Infirmary", "Centers for Disease Monitoring" of "... and Prevention"). Two words or more; one word
    only when the owner adds one word that makes it a body or a business ("Halvorsen" of "Halvorsen Hospital"), since a
    one-word name is often a place or a parent body the longer name belongs to ("Harvard" of "Harvard Medical School").
    A name that already ends in a body's head word is whole: "Halvorsen Kennel Association" is the organiser of the
    "Halvorsen Kennel Association Dog Show", not its short form."""
    n = len(words)
    if len(owner) <= n or owner[:n] != words or words[-1] in COMPLEMENT_WORDS:
        return False
    if n >= 2 and _body_word(words[-1]):
        return False  # a whole body's name before what it holds or runs ("X Kennel Association Dog Show")
    nxt = owner[n]
    if not (nxt[:1].isupper() or nxt in CONTINUATION_WORDS):
        return False
    if n >= 2:
        return True
    return len(owner) == 2 and _body_word(nxt)


def possessive_of(words: list[str], owner: list[str]) -> bool:
    """(stop 37) `words` are the owner's first word without its possessive ending ("Dunmore" of "Dunmore's of Bristol",
    "Kestrel" of "Kestrel's Stores Ltd"): a name that is a possessive, cut at its "'s" where the text
    writes "Dunmore's chairman"."""
    return (len(words) == 1 and len(owner) >= 2 and owner[0][:-2] == words[0]
            and owner[0][-2:] in ("'s", "\u2019s"))


def reordered_of(words: list[str], owner: list[str]) -> bool:
    """`words` are the owner's head with its "of" complement put before it ("Transport Ministry" of "Ministry of
    Transport", also of "Ministry of Transport of the Republic of X" and of "Swedish Ministry of Transport"):
    modifier words then the head, two words or more."""
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return False
    head, mods = words[-1], words[:-1]
    # the head may follow a country, a state or a demonym that places the body ("United States Department of
    # Agriculture" for "Agriculture Department"), as acronym_of reads the head after leading words
    at = next((i for i in range(len(owner) - 1) if owner[i : i + 2] == [head, "of"]), None)
    if at is None or at > 0 and not _places_body(" ".join(owner[:at])):
        return False
    rest = owner[at + 2 :]
    if rest[:1] == ["the"]:
        rest = rest[1:]
    n = len(mods)
    return rest[:n] == mods and (len(rest) == n or rest[n] in COMPLEMENT_WORDS or rest[n] in CONTINUATION_WORDS)


def acronym_of(name: str, owner: str) -> bool:
    """`name` is an acronym of the owner's name: its initials ("FTA" of "Federal Transit Agency"), or the initials of
    the owner's head after leading words ("FTA" of "United States Federal Transit Agency": a country or a city put
    before the body's own name). Only the head before an "of"/"for" complement counts for the latter, so "UN" is no
    acronym of "Food and Agriculture Organization of the United Nations"."""
    if not looks_like_acronym(name):
        return False
    flat = name.replace(".", "").upper()
    if initials(owner).upper() == flat:
        return True
    words = owner.split()
    while len(words) > 2 and _legal_form(words[-1]):
        words = words[:-1]  # (stop 37) "NAGD" of "National Association of Grain Dealers Inc", "HM" of "Halvor
        if initials(" ".join(words)).upper() == flat:  # Mining Company Plc": a legal form is no word of the name
            return True
    words = owner.split()
    cut = next((i for i, w in enumerate(words) if i > 0 and w in COMPLEMENT_WORDS), len(words))
    head = initials(" ".join(words[:cut])).upper()
    return len(flat) >= 3 and len(head) > len(flat) and head.endswith(flat)


#: the fewest letters a clipped first word keeps ("Fed" of "Federal Reserve"), and the fewest it must drop: a word
#: one letter short is a spelling variant or a plural, not a clipping
CLIP_MIN_KEPT = 3
CLIP_MIN_DROPPED = 2


def clipped_of(name: str, owner: str) -> bool:
    """`name` is one word clipped from the first word of the owner's longer name ("Fed" of "Federal Reserve",
    "Inter" of "Internazionale Milan"): the usual short form of a body whose full name the article also gives.
    Only a capitalised word in lower case after its first letter (an acronym is `acronym_of`'s)."""
    words = owner.split()
    if " " in name or len(words) < 2 or not name.isalpha() or not name[:1].isupper() or not name[1:].islower():
        return False
    first = words[0]  # a word, not a possessive or a hyphenated compound ("Bloomberg's days")
    return first.isalpha() and len(name) >= CLIP_MIN_KEPT and len(first) - len(name) >= CLIP_MIN_DROPPED and first.startswith(name)


#: the most capitalised words a company's short form may drop before its legal form ("Harbour" of "Harbour Motor
#: Corp", of "Harbour Heavy Industries Ltd"): the descriptive words of a registered name, which news leaves out
LEGAL_DROP_MAX = 2


def legal_prefix_of(words: list[str], owner: list[str]) -> bool:
    """`words` are the owner's name without its company legal form at its end ("Inc", "SpA", "SA": org_kinds.tsv
    `legal_form`) and at most LEGAL_DROP_MAX capitalised words before it ("Harbour" of "Harbour SpA", of "Harbour
    International Inc"): a wire or a paper names a company in full once, with its legal form, and then by its first
    word. A body without a legal form ("Harvard" of "Harvard Medical School") is prefix_of's."""
    n = len(words)
    if owner and _legal_form(owner[-1]) and len(owner) > n + 1 and owner[0] != words[0] and _INITIALS.fullmatch(owner[0]):
        owner = owner[1:]  # (stop 37) "Hallam" of "J.R. Hallam Group Inc", "Marsh" of "H.J. Marsh Co": initials first
    if not words or len(owner) <= n or owner[:n] != words:
        return False
    if not _legal_form(owner[-1]):
        return False
    rest = owner[n:-1]
    return len(rest) <= LEGAL_DROP_MAX and all(w[:1].isupper() for w in rest)


#: a word of initials before a company's name ("E.F.", "H.J.", "J.P.")
_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")


def _legal_form(word: str) -> bool:
    """A company's legal form (org_kinds.tsv `legal_form`: "Inc", "Corp", "SpA"), as the last word of its name."""
    return word.lower().replace(".", "").strip(",") in org_lexicon().get("legal_form", frozenset())


def legal_form(word: str) -> bool:
    """Public name of `_legal_form`, read by the events' joined firm names (event_firm_names.py)."""
    return _legal_form(word)


def company_word(word: str) -> bool:
    """A last word that makes a name a company's: a legal form or an org_kinds.tsv `company_head` ("Corp",
    "Laboratories", "Bancorp"). Read by `_opens_or_partners` and by the events' commerce test (event_commerce.py)."""
    return _legal_form(word) or word.lower().replace(".", "").strip(",") in org_lexicon().get("company_head", frozenset())


def company_short_form(name: str, orgs: list[Named]) -> bool:
    """`name` (one word) is the short form of a company of the article by its legal form (legal_prefix_of), or (stop
    37) the first word of a longer organisation name or one partner of an "X and Y" firm: a person under that name is
    the company the model typed a person ("Harbour" beside "Harbour Motor Corp", "Harbour Laboratories"). Read as
    a sign against the person (entity_features "company_named"), not joined: the person's mentions, labelled persons
    by the model, would lower the company's own confidence."""
    words = name.split()
    return len(words) == 1 and any(legal_prefix_of(words, o.name.split()) or _opens_or_partners(words[0], o.name.split())
                                   for o in orgs)


def _opens_or_partners(word: str, owner: list[str]) -> bool:
    """(stop 37) `word` opens a longer company name (its last word a legal form or an org_kinds.tsv `company_head`:
    "Kestrel" of "Kestrel Laboratories", of "Kestrel Savings Bank") or is one partner of a firm named "X and Y"
    ("Hallam" of "Dunmore and Hallam"): the company's short name, which the model often labels a person when no cue
    says so. A foundation or a campaign named after a person ("X Foundation") leaves the person alone."""
    if len(owner) < 2:
        return False
    partners = owner[1] in CONTINUATION_WORDS  # "Dunmore and Hallam"
    if not (company_word(owner[-1]) or partners):
        return False  # a company's name ("X Laboratories", "X Bancorp Inc"), not a foundation named after a person
    if owner[0] == word and all(w[:1].isupper() or w in CONTINUATION_WORDS for w in owner[1:]):
        return True
    return len(owner) == 3 and partners and word in (owner[0], owner[2])


def variant_owner(c: Named, orgs: list[Named]) -> Named | None:
    """The organisation whose name `c`'s name is a prefix, a reordering, an acronym or a clipping of (the most named
    of several; None on a tie)."""
    words = c.name.split()
    known = c.name in known_bodies()  # "United Nations" before "United Nations Interim Mission": the parent body
    owners = [o for o in orgs if o is not c and (
        not known and prefix_of(words, o.name.split()) or reordered_of(words, o.name.split())
        or acronym_of(c.name, o.name) or clipped_of(c.name, o.name) or possessive_of(words, o.name.split())
        or legal_prefix_of(words, o.name.split()))]
    return most_named(owners)


@lru_cache(maxsize=1)
def known_bodies() -> frozenset[str]:
    """The organisations the alias table names (data/aliases.tsv, both forms): whole names of their own, which a
    longer name that starts with one belongs to ("United Nations ... Mission") rather than shortens."""
    from newsgraph.annotate.gazetteer import aliases

    return frozenset(n for alias, (canonical, kind) in aliases().items() if kind == "organisation"
                     for n in (alias, canonical))


def tail_owner(words: list[str], orgs: list[Named]) -> Named | None:
    """The organisation whose longer name ends in `words` after a capitalised word (the most named of several)."""
    return most_named([o for o in orgs if tail_of(words, o.name.split())])


def most_named(owners: list[Named]) -> Named | None:
    """The one owner, or the one named more often than every other; None when none or a tie."""
    if len(owners) > 1:
        owners = sorted(owners, key=lambda o: -len(o.mentions))
        if len(owners[0].mentions) == len(owners[1].mentions):
            return None
    return owners[0] if owners else None


def first_start(c: Named) -> int:
    return min((m.start for m in c.mentions), default=0)
