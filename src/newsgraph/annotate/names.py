"""The names lexicon of `newsgraph_entities` and the small text rules that clean a named-entity span into a name.

Why a module of its own: the entity linker (entities.py) decides which mentions are one entity and of what type;
this module only knows about words: titles that mark a person and become roles, given names, organisation
suffixes and well-known organisation names, religious and ethnic groups, feature nouns of places and thing cues
(`NamesLexicon`). How a span's text is cleaned into a name and shortened (strip_name, surname_keys, initials) is in
name_text.py, which needs no lexicon. Every list is a
data file under data/; the component holds one `NamesLexicon` (the shipped one unless the user gives a names file
through `initialize`) and saves it with `nlp.to_disk`, so no word list is module-level state.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

from newsgraph.annotate.lexicon import Sections, parse_sections

#: The shipped data files of the names lexicon, by section of the lexicon (one file each, so each list stays
#: readable and reviewable on its own; a saved pipeline holds all of them in one sectioned names.tsv).
SHIPPED_FILES = {
    "titles": "person_titles.txt",
    "given_names": "given_names.txt",
    "groups": "groups.txt",
    "not_names": "not_names.txt",
    "organisations": "organisations.tsv",
    "things": "thing_cues.tsv",
    "places": "place_cues.tsv",
}
#: the kinds of row each `kind<TAB>value` section may hold
_KINDS = {
    "organisations": ("suffix", "prefix", "head", "name", "before", "business_before", "business_after",
                      "team_before", "team_after", "class", "complement_head"),
    "things": ("before", "after", "adjective", "determiner", "class", "work_before", "work_after", "work_kind", "currency"),
    "places": ("after", "before", "head", "lead", "local", "locative", "toward", "article", "area", "class",
               "kind", "direction", "dweller"),
    "portfolios": ("head", "link", "holder_link"),
}


def shipped_sections() -> Sections:
    """The shipped names lexicon (data/*, see SHIPPED_FILES) as {section: [row, ...]}."""
    out: Sections = {}
    for section, name in SHIPPED_FILES.items():
        text = resources.files("newsgraph.annotate").joinpath(f"data/{name}").read_text(encoding="utf-8")
        out[section] = parse_sections(text).get("", [])
    return out


@dataclass(frozen=True)
class OrgLexicon:
    suffixes: frozenset[str]
    prefixes: tuple[str, ...]
    heads: tuple[str, ...]
    names: frozenset[str]
    before: tuple[str, ...] = ()
    business_before: re.Pattern | None = None
    business_after: re.Pattern | None = None
    #: words right before / after a town's name that make it a sports team ("beat X", "X coach")
    team_before: frozenset[str] = frozenset()
    team_after: frozenset[str] = frozenset()
    #: head nouns of an institution's name that take a complement into the name ("Institute [for Research]",
    #: "Council [on Foreign Relations]"); a legal form ends a company's name ("Harbour Motor Corp [of South Korea]")
    complement_heads: frozenset[str] = frozenset()


_ORG_LINKS = frozenset({"of", "on", "for", "against", "to"})


@dataclass(frozen=True, eq=False)
class NamesLexicon:
    """The word lists `newsgraph_entities` types names with, held by the component and passed to its stages.

    Built from a sectioned lexicon (`from_sections`): `[titles]` person titles ("foreign minister", "mr."),
    `[given_names]` given names (several a row), `[groups]` religious and ethnic groups, `[not_names]` capitalised
    words that name nothing on their own, and three `kind<TAB>value` sections: `[organisations]` (suffix, prefix,
    head, name, before, business_before, business_after, team_before, team_after, class), `[things]` (before, after,
    adjective, class, work_before, work_after, work_kind) and `[places]` (after, before, head, local, locative, area, class, dweller) and
    `[portfolios]` (head, link: names.fr.tsv); data/organisations.tsv, thing_cues.tsv and place_cues.tsv say what
    each kind means.
    """

    sections: Sections
    #: person titles, lower case
    titles: frozenset[str]
    #: every word of every title: a run of these before a name is a role ("Russian Prime Minister")
    title_words: frozenset[str]
    #: the head word of each title, which a role phrase must contain ("minister", "leader"): the last word, or the
    #: word before "of" ("secretary of state" -> "secretary", so "the Indian state of ..." is no role)
    title_heads: frozenset[str]
    given_names: frozenset[str]
    groups: frozenset[str]
    #: capitalised words that name nothing on their own, lower case
    not_names: frozenset[str]
    org: OrgLexicon
    #: words that make a name a thing (product, platform, work): right before it, head nouns right after
    thing_before: frozenset[str]
    thing_after: frozenset[str]
    #: adjectives of novelty or price between a determiner and a thing's name ("the new X")
    thing_adjectives: frozenset[str]
    #: feature nouns that mark a name as a place: right after it, right before it, head nouns ending its own name
    place_after: frozenset[str]
    place_before: frozenset[str]
    place_heads: frozenset[str]
    #: capitalised first words that make a whole name a natural feature ("River ...", "Mount ...")
    place_leads: frozenset[str] = frozenset()
    #: nouns of local life right after a town's name ("X residents", "X's mayor"): a use as a settlement, no type
    place_local: frozenset[str] = frozenset()
    #: nouns of the people who live in a place, right after its name ("X residents"): no body has them
    place_dwellers: frozenset[str] = frozenset()
    #: prepositions of place right before a name ("in", "near", "the town of"; "à", "près de"), per language
    place_locative: tuple[str, ...] = ()
    #: words that point at a place without placing a settlement ("to", "between", "via", "based in"): with the
    #: locatives they make the place use that keeps a name a place (`place_use_re`)
    place_toward: tuple[str, ...] = ()
    #: articles that may stand between such a word and a name ("in the X", "vers la X")
    place_articles: tuple[str, ...] = ()
    #: words right before a name that make it a region or a feature, no settlement ("dans la Broye")
    place_area: tuple[str, ...] = ()
    #: titles that take a portfolio after a linking word ("ministre de la Santé"), and those linking words
    portfolio_heads: tuple[str, ...] = ()
    portfolio_links: tuple[str, ...] = ()
    #: linking words between a portfolio's holder and the portfolio, no title between ("X à la Justice, Y aux
    #: Armées": a list of who holds which ministry)
    portfolio_holder_links: tuple[str, ...] = ()
    #: plural nouns of a kind of body, place or thing heading a list of names ("universities, including X and Y")
    org_classes: frozenset[str] = frozenset()
    place_classes: frozenset[str] = frozenset()
    #: nouns that make a name a place when a description of it ends in one ("X, a neighborhood"): place_kinds.py
    place_kinds: frozenset[str] = frozenset()
    #: first words that make "<word> <place>" a district of that place ("North Oakland"): place_kinds.district_of
    place_directions: frozenset[str] = frozenset()
    thing_classes: frozenset[str] = frozenset()
    #: determiners that make the name they open a thing's ("the X", "le X"), per language
    thing_determiners: frozenset[str] = frozenset()
    #: words right before a name that make it a published work ("published in X", "the journal X")
    work_before: tuple[str, ...] = ()
    #: lower-case head nouns right after a name that make it a work's title ("the X character", "the X sequel")
    work_after: frozenset[str] = frozenset()
    #: singular nouns of a kind of work or product heading an apposition or copula ("X, a weekly newsletter")
    work_kinds: frozenset[str] = frozenset()
    #: (stop 37) currency units, lower case without dots: a name ending in one is a currency ("U.S. Dlr"), no entity
    currencies: frozenset[str] = frozenset()

    @classmethod
    def from_sections(cls, data: Sections) -> NamesLexicon:
        """The lexicon of `data` ({section: rows}, as `lexicon.parse_sections` reads a names file)."""
        def lines(section: str) -> list[str]:
            return [" ".join(row) for row in data.get(section, [])]

        kinds = {section: _kinded(data, section) for section in _KINDS}
        titles = frozenset(t.lower() for t in lines("titles"))
        org = kinds["organisations"]
        biz_before, biz_after = org["business_before"], org["business_after"]
        return cls(
            sections=data,
            titles=titles,
            title_words=frozenset(w for t in titles for w in t.split()),
            title_heads=frozenset(t.split(" of ")[0].split()[-1] for t in titles),
            given_names=frozenset(w for ln in lines("given_names") for w in ln.split()),
            groups=frozenset(w for ln in lines("groups") for w in ln.split()),
            not_names=frozenset(ln.lower() for ln in lines("not_names")),
            org=OrgLexicon(
                frozenset(org["suffix"]), tuple(p + " " for p in org["prefix"]),
                tuple(sorted(org["head"], key=len, reverse=True)), frozenset(org["name"]), tuple(org["before"]),
                re.compile(r"\b(?:" + "|".join(biz_before) + r")\s+$", re.I) if biz_before else None,
                re.compile(r"^(?:" + "|".join(biz_after) + ")", re.I) if biz_after else None,
                frozenset(org["team_before"]), frozenset(org["team_after"]), frozenset(org["complement_head"]),
            ),
            thing_before=frozenset(kinds["things"]["before"]),
            thing_after=frozenset(kinds["things"]["after"]),
            thing_adjectives=frozenset(kinds["things"]["adjective"]),
            thing_determiners=frozenset(w.replace("\u2019", "'") for w in kinds["things"]["determiner"]),
            place_after=frozenset(kinds["places"]["after"]),
            place_before=frozenset(kinds["places"]["before"]),
            place_heads=frozenset(kinds["places"]["head"]),
            place_leads=frozenset(kinds["places"]["lead"]),
            place_local=frozenset(kinds["places"]["local"]),
            place_dwellers=frozenset(kinds["places"]["dweller"]),
            place_locative=tuple(kinds["places"]["locative"]),
            place_area=tuple(kinds["places"]["area"]),
            place_toward=tuple(kinds["places"]["toward"]),
            place_articles=tuple(kinds["places"]["article"]),
            portfolio_heads=tuple(kinds["portfolios"]["head"]),
            portfolio_links=tuple(kinds["portfolios"]["link"]),
            portfolio_holder_links=tuple(kinds["portfolios"]["holder_link"]),
            org_classes=frozenset(org["class"]),
            place_classes=frozenset(kinds["places"]["class"]),
            place_kinds=frozenset(kinds["places"]["kind"]),
            place_directions=frozenset(kinds["places"]["direction"]),
            thing_classes=frozenset(kinds["things"]["class"]),
            work_before=tuple(kinds["things"]["work_before"]),
            work_after=frozenset(kinds["things"]["work_after"]),
            work_kinds=frozenset(kinds["things"]["work_kind"]),
            currencies=frozenset(w.lower() for w in kinds["things"]["currency"]),
        )

    @cached_property
    def portfolio_re(self) -> re.Pattern | None:
        """A title and its linking word ending where a name begins ("ministre de l'", "ministre des "): what
        follows is the portfolio, a capitalised common noun ("Intérieur", "Comptes publics"), no name. Searched
        with straight apostrophes."""
        if not self.portfolio_heads or not self.portfolio_links:
            return None
        heads = "|".join(r"\s+".join(re.escape(w) for w in h.replace("\u2019", "'").split())
                         for h in sorted(self.portfolio_heads, key=lambda p: (-len(p), p)))
        links = "|".join(r"\s+".join(re.escape(w) for w in k.replace("\u2019", "'").split())
                         + ("" if k.endswith(("'", "\u2019")) else r"\s+")
                         for k in sorted(self.portfolio_links, key=lambda p: (-len(p), p)))
        return re.compile(rf"(?:^|[^\w'-])(?:{heads})\s+(?:{links})$", re.I)

    @cached_property
    def holder_link_re(self) -> re.Pattern | None:
        """A holder's linking word ending where a name begins ("à la ", "aux "): with a person's name right
        before it, what follows is the portfolio the person holds (entity_mentions). Straight apostrophes."""
        if not self.portfolio_holder_links:
            return None
        links = "|".join(r"\s+".join(re.escape(w) for w in k.replace("\u2019", "'").split())
                         + ("" if k.endswith(("'", "\u2019")) else r"\s+")
                         for k in sorted(self.portfolio_holder_links, key=lambda p: (-len(p), p)))
        return re.compile(rf"(?:^|\s)(?:{links})$")

    @cached_property
    def locative_words(self) -> frozenset[str]:
        """The one-word `locative` phrases ("in", "at"): the prepositions of place a parse link can carry."""
        return frozenset(w for w in self.place_locative if " " not in w)

    @cached_property
    def locative_re(self) -> re.Pattern | None:
        """The `locative` phrases as one pattern that ends where the name begins (`_phrases_re`)."""
        return _phrases_re(self.place_locative)

    @cached_property
    def place_use_re(self) -> re.Pattern | None:
        """A preposition of place or a word pointing at a place (`locative` and `toward` rows), maybe with an
        article, ending where the name begins ("in X", "flew to the X", "près d'X"): the one test of "the text
        treats this name as a place" that entity typing (thing_use) and the entity features read. Searched in text
        whose apostrophes are made straight."""
        return _phrases_re(self.place_locative + self.place_toward, self.place_articles)

    def placed_by(self, before: str) -> bool:
        """The text right before a name (`before`) treats it as a place: a preposition of place or a word pointing
        at one, maybe with an article ("in X", "flew to the X", "près d'X")."""
        pattern = self.place_use_re
        return pattern is not None and pattern.search(before.replace("\u2019", "'")) is not None

    @cached_property
    def area_re(self) -> re.Pattern | None:
        """The `area` phrases as one pattern that ends where the name begins (`_phrases_re`)."""
        return _phrases_re(self.place_area)

    @cached_property
    def org_names_re(self) -> re.Pattern | None:
        """The organisation names (longest first) as one pattern, found anywhere in a text (EntityRuler-like)."""
        names = sorted(self.org.names, key=lambda n: (-len(n), n))  # ties in a fixed order, not set order
        if not names:
            return None
        return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w])")

    @cached_property
    def work_before_re(self) -> re.Pattern | None:
        """`work_before` as one pattern matching the end of the text before a name ("published in the ")."""
        if not self.work_before:
            return None
        cues = sorted(self.work_before, key=lambda c: (-len(c), c))
        return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in cues)
                          + r")\s+(?:[Tt]he\s+)?$")  # lower-case cues ("Study in the ..." opens a name); the
        # article may be the title's own ("published in The Journal of ...")

    def is_given_name(self, word: str) -> bool:
        """`word` is a given name, or a compound of given names joined by hyphens ("Jean-Marie", "Marie-Pierre":
        French compound given names, never a place's name in that shape)."""
        if word in self.given_names:
            return True
        parts = word.split("-")
        return len(parts) >= 2 and all(p in self.given_names for p in parts)

    def org_evidence(self, name: str) -> bool:
        """True when the name's form says organisation: a known name, an organisation suffix or prefix, or an
        organisation head noun followed by its complement ("National Commission on Human Rights", "Council of ...")."""
        lex = self.org
        if name in lex.names:
            return True
        words = name.split()
        if len(words) >= 2 and words[-1] in lex.suffixes:
            return True
        if any(w in lex.suffixes and words[i + 1] in _ORG_LINKS and words[i + 2][:1].isupper()
               for i, w in enumerate(words[:-2])):
            return True
        return any(name.startswith(p) for p in lex.prefixes)


def _phrases_re(phrases: tuple[str, ...], articles: tuple[str, ...] = ()) -> re.Pattern | None:
    """Phrases (lower case) as one pattern that ends where a name begins: a word boundary before the phrase, spaces
    after it (none after an elided "d'"), then maybe one of `articles`; searched in text whose apostrophes are
    made straight (`name_usage.settlement_use`). None without phrases."""
    if not phrases:
        return None

    def alternatives(words: tuple[str, ...]) -> str:
        alts = []
        for phrase in sorted(set(words), key=lambda p: (-len(p), p)):
            phrase = phrase.replace("\u2019", "'")
            body = r"\s+".join(re.escape(w) for w in phrase.split())
            alts.append(body if phrase.endswith("'") else body + r"\s+")
        return "|".join(alts)

    tail = f"(?:{alternatives(articles)})?" if articles else ""
    return re.compile(r"(?:^|[^\w'-])(?:" + alternatives(phrases) + ")" + tail + "$", re.I)


def _kinded(data: Sections, section: str) -> dict[str, list[str]]:
    """kind -> values of a `kind<TAB>value` section, in file order; an unknown kind is an error naming it."""
    out: dict[str, list[str]] = {k: [] for k in _KINDS[section]}
    for row in data.get(section, []):
        kind, value = row[0], "\t".join(row[1:]).strip()
        if kind not in out:
            raise ValueError(f"names lexicon [{section}]: unknown kind {kind!r} (known: {', '.join(out)})")
        out[kind].append(value)
    return out


def language_sections(name: str) -> Sections:
    """The shipped names lexicon with the sections of a language's names file (data/<name>, e.g. names.fr.tsv):
    a section replaces the shipped section of its name (French prepositions of place replace the English ones);
    a section named with a trailing "+" adds its rows to it ("[organisations+]": French organisation words
    beside the shipped ones)."""
    from newsgraph.annotate.lexicon import merge_sections, sections

    data = sections(name)
    out = merge_sections(shipped_sections(), {k: v for k, v in data.items() if not k.endswith("+")})
    return merge_sections(out, {k[:-1]: v for k, v in data.items() if k.endswith("+")}, extend=True)


@lru_cache(maxsize=1)
def shipped_names() -> NamesLexicon:
    """The shipped names lexicon, built once per process (a component without a lexicon of its own uses it)."""
    return NamesLexicon.from_sections(shipped_sections())
