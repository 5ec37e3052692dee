"""Stages 3 and 4 of `newsgraph_entities`: mentions -> clusters under one canonical name and one type.

A short form joins the one full name it can stand for ("Hamdan" -> "Khalid al-Hamdan"); two full names with the
same surname leave the surname unmerged, unless the subject and the nearest name agree (person_short_forms.py). Acronyms join the expansion the article gives or a common alias
(data/aliases.tsv: "UN"). A cluster's type comes from all its mentions' evidence; its names found elsewhere in the
article untagged become mentions too; a place opening an organisation's name is a place mention too (those two,
stage 4, are in entity_propagation.py).
"""

from __future__ import annotations

from collections import Counter, defaultdict

from spacy.tokens import Doc

from newsgraph.annotate.doc_cache import doc_text
from newsgraph.annotate.entity_clusters import DEFAULT_THRESHOLDS, Cluster, LinkingThresholds, cluster_ev
from newsgraph.annotate.entity_mentions import NameMention
from newsgraph.annotate.entity_salience import _in_words
from newsgraph.annotate.extensions import headline
from newsgraph.annotate.gazetteer import aliases as common_aliases
from newsgraph.annotate.gazetteer import norm
from newsgraph.annotate.name_text import initials, looks_like_acronym, surname_keys, without_suffix
from newsgraph.annotate.names import NamesLexicon
from newsgraph.annotate.org_kinds import lexicon as org_lexicon
from newsgraph.annotate.org_short_forms import tail_of as _tail_of
from newsgraph.annotate.person_short_forms import (
    gender_owners,
    given_name_owner,
    namesake_genders,
    surname_owner,
)
from newsgraph.annotate.short_form_joins import join_short_forms


def _family(m: NameMention, th: LinkingThresholds) -> str:
    ev = m.ev
    if m.fixed_type:
        return m.fixed_type
    if ev["organisation"] >= th.org_points:
        return "organisation"
    if ev["person"] >= th.person_points and ev["person"] >= ev["place"]:
        return "person"
    best = max(("person", "organisation", "place"), key=lambda k: ev[k])
    return best if ev[best] > 0 else "place"


def narrower_alias(alias: str, canonical: str, mentions: list[NameMention]) -> bool:
    """A short form whose canonical name adds a scope word the short form lacks ("Red Cross" for the "International
    Committee of the Red Cross"; org_kinds.tsv `scope`) may name a national society or its local chapter: it joins
    the international body only when the article names that body itself (its full name or its acronym)."""
    scope = org_lexicon().get("scope", frozenset())
    own = {w.lower() for w in alias.split()}
    if looks_like_acronym(alias) or not any(w.lower() in scope and w.lower() not in own for w in canonical.split()):
        return False
    given = {m.text for m in mentions}
    return canonical not in given and not any(looks_like_acronym(g) and initials(canonical).upper() == g.replace(
        ".", "").upper() for g in given)


def link_mentions(doc: Doc, mentions: list[NameMention], names: NamesLexicon,
                  th: LinkingThresholds = DEFAULT_THRESHOLDS) -> list[Cluster]:
    aliases = common_aliases()
    head = headline(doc) if doc is not None else ""
    text = doc_text(doc) if doc is not None else ""
    # full personal names and the short forms they license
    full_people: dict[str, set[str]] = defaultdict(set)
    countries = {m.text for m in mentions if m.ev["country"]}  # names the gazetteer reads as a country
    first_keys: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if _family(m, th) == "person" and len(m.text.split()) >= 2:
            for k in surname_keys(m.text):
                full_people[k].add(m.text)
            first = m.text.split()[0]
            if len(m.text.split()) == 2 and first not in names.given_names and not first.endswith(".") \
                    and first not in countries:
                first_keys[first].add(m.text)  # family name first ("Wang Donghai" -> "Wang")
    family_first = set()
    for k, v in first_keys.items():
        if k not in full_people:
            full_people[k] = v
            family_first.add(k)
    # a full name without its middle names ("Ada Lovelace" for "Ada King Lovelace") is a short form of it, and is
    # not a second owner of the surname
    # ... and so is one of its given names with the surname ("Otto Jespersen" for "Jens Otto Harry Jespersen")
    # ... and so is the name without its generational suffix ("Harry F. Byrd" for "Harry F. Byrd Sr."), and the
    # quoted nickname with the surname ("Bobby Scott" for 'Robert C. "Bobby" Scott')
    first_last: dict[str, set[str]] = defaultdict(set)
    full_at: dict[str, list[int]] = defaultdict(list)  # where each full personal name is written
    for m in mentions:
        words = without_suffix(m.text).split()
        if _family(m, th) == "person" and len(words) >= 2:
            full_at[m.text].append(m.start)
        if _family(m, th) == "person" and len(words) >= 3 and (words[0] in names.given_names or (
                words[0].isalpha() and words[0][:1].isupper() and len(words[0]) > 1 and words[-1][:1].isupper())):
            first_last[f"{words[0]} {words[-1]}"].add(m.text)
            for w in words[1:-1]:
                w = w.strip("\"\u201c\u201d")
                if w.isalpha() and w[:1].isupper() and len(w) > 1:
                    first_last[f"{w} {words[-1]}"].add(m.text)
            if without_suffix(m.text) != m.text:
                first_last[without_suffix(m.text)].add(m.text)
    for k, v in first_last.items():
        if len(v) == 1:
            full_people = {s: {min(v) if o == k else o for o in owners} for s, owners in full_people.items()}
            full_people.setdefault(k, v)
            if k in full_at:
                full_at[min(v)] += full_at[k]
    full_names = {o for owners in full_people.values() for o in owners if len(o.split()) >= 2}
    # acronym expansions given in the text
    expansions: dict[str, str] = {}
    for m in mentions:
        for k in m.ev:
            if k.startswith("alias:"):
                expansions[k[6:].replace(".", "")] = m.text
            elif k.startswith("expands:"):
                expansions[m.text.replace(".", "")] = k[8:]
    # organisation full names by initials (for acronyms with no explicit expansion)
    org_initials: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if _family(m, th) == "organisation" and len(m.text.split()) >= 2:
            org_initials[initials(m.text).upper()].add(m.text)
    org_full = sorted({m.text for m in mentions if _family(m, th) == "organisation" and len(m.text.split()) >= 2})
    # people written only by the surname: an honorific of the other gender than every full name of it ("Mr. Obama"
    # beside the one full name "Michelle Obama", person_short_forms.namesake_genders)
    bare_at: dict[str, list[int]] = defaultdict(list)
    for m in mentions:
        if m.text in full_people and len(m.text.split()) == 1:
            bare_at[m.text].append(m.start)
    others = {k: g for k, at in bare_at.items() if (g := namesake_genders(full_people[k], at, full_at, text))}
    clusters: dict[tuple[str, str], Cluster] = {}
    order: list[Cluster] = []

    def add(key_type: str, name: str, m: NameMention) -> None:
        key = (key_type, norm(name))
        c = clusters.get(key)
        if c is None:
            c = clusters[key] = Cluster(name=name, type=key_type)
            order.append(c)
        c.mentions.append(m)
        if m.text not in c.aliases:
            c.aliases.append(m.text)

    for m in mentions:
        fam = _family(m, th)
        name = m.text
        flat = name.replace(".", "")
        if fam in ("group",):
            add("group", name, m)
            continue
        # a short form of one full personal name (a country's name that its own evidence reads as a place stays the
        # country: "Israel's decision" beside "Israel Katz"); a first word stands for a two-word name only when it
        # reads as a person itself: "York" beside "York Minster" (a place and the building named after it) is not a
        # family name put first
        if len(name.split()) <= 2 and name in full_people and name not in {x for x in full_people[name]} \
                and not (name in countries and fam == "place" and not m.ev["person_cue"]) \
                and (name not in family_first or fam == "person"):
            owners = full_people[name]
            if len(name.split()) == 1:  # a bare surname joins no full name of the other gender (Mr. vs Michelle)
                owners = gender_owners(owners, m.start, others.get(name, set()), full_at, text, bare_at[name])
                if not owners and (fam != "organisation" or m.ev["organisation"] < th.org_points):
                    add("person", name, m)  # its own person, the surname's
                    continue
            if len(owners) > 1:  # the full name the headline gives owns the surname ("Moreau" in an article
                # headed "Jeanne Moreau" that also names her father), else a full personal name (a given name
                # first) owns it over a capitalised phrase that ends in it ("Boycott Smith" beside "Anna Smith");
                # between several such names each mention is the subject's or the one named last before it
                # (person_short_forms.py)
                headed = {o for o in owners if _in_words(o, head)}
                named = {o for o in owners if o.split()[0] in names.given_names}
                owners = headed if len(headed) == 1 else named if len(named) == 1 else named or owners
                near = surname_owner(owners, m.start, full_at, text) if len(owners) > 1 else None
                owners = {near} if near is not None else owners
            if len(owners) == 1 and fam != "organisation" or len(owners) == 1 and m.ev["organisation"] < th.org_points:
                add("person", min(owners), m)
                continue
            if len(owners) > 1:
                add("person", name, m)  # ambiguous: stays a separate short-form entity
                continue
        if fam == "person" and " " not in name and name not in full_people:
            owner = given_name_owner(name, full_names, names.given_names)
            if owner is not None:  # "Hillary" beside the page's one "Hillary Clinton"
                add("person", owner, m)
                continue
        if looks_like_acronym(name) and flat in expansions:
            target = expansions[flat]
            add(_family_of_name(mentions, target, th) or "organisation", target, m)
            continue
        if name in aliases and not narrower_alias(name, aliases[name][0], mentions):
            canonical, kind = aliases[name]
            add("place" if kind == "country" else kind, canonical, m)
            continue
        if looks_like_acronym(name) and len(org_initials.get(flat.upper(), ())) == 1 and fam != "place":
            add("organisation", min(org_initials[flat.upper()]), m)
            continue
        if fam == "organisation" and name in {x for v in expansions.values() for x in [v]}:
            add("organisation", name, m)
            continue
        owner = _org_owner(name, org_full) if fam == "organisation" else None
        if owner is not None:
            add(_family_of_name(mentions, owner, th) or "organisation", owner, m)
            continue
        add(fam, name, m)
    # document consistency of type: evidence of all mentions of a cluster
    for c in order:
        ev: Counter = Counter()
        for m in c.mentions:
            ev.update({k: v for k, v in m.ev.items() if not k.startswith(("alias:", "expands:"))})
        if c.type == "group":
            continue
        if c.type == "person" and not ev["person_cue"] and len(c.name.split()) == 1 and (
            ev["feature"] or ev["place"] >= th.lone_place_points and ev["place"] > ev["person"]
        ):
            c.type = "place"  # the model's label alone against a gazetteer region or a feature noun ("... river")
            continue
        if c.type == "person" and (len(c.name.split()) >= 2 or ev["person"] >= 1):
            continue
        if c.type == "organisation" and ev["organisation"] >= th.org_points:
            continue
        if ev["team"] and ev["country"] == 0 and ev["team"] >= ev["place_use"]:
            c.type = "organisation"  # a town's name used as its team's more often than as a settlement ("in X")
            continue
        if ev["person"] >= th.person_points and ev["person"] >= ev["place"]:
            c.type = "person"
        elif ev["organisation"] > max(ev["person"], ev["place"]):
            c.type = "organisation"
        elif ev["place"] >= max(ev["person"], ev["organisation"]) and ev["place"] > 0:
            c.type = "place"
        elif ev["person"] > 0:
            c.type = "person"
    # one name, one type: a mention typed by a strong cue ("the company ...") carries the same name's mentions
    # that only the model typed otherwise
    by_name: dict[str, list[Cluster]] = defaultdict(list)
    for c in order:
        if c.type != "group":
            by_name[norm(c.name)].append(c)
    for same in by_name.values():
        if len(same) < 2:
            continue
        evs = [cluster_ev(c) for c in same]
        strong = [c for c, e in zip(same, evs, strict=True) if _strong(c.type, e, th)]
        if {c.type for c in strong} == {"person", "place"} and not any(
            _used_as_place(e) for c, e in zip(same, evs, strict=True) if c.type == "place"
        ):  # "Mrs. Lincoln" against a city of that name the text never uses as a place: the person's cue wins
            strong = [c for c in strong if c.type == "person"]
        if len({c.type for c in strong}) != 1:
            continue
        for c in same:
            c.type = strong[0].type
    # an acronym the article defines is a name of the entity, so its untagged uses are found too
    for c in order:
        for m in c.mentions:
            for k in m.ev:
                if k.startswith("alias:") and k[6:] not in c.aliases:
                    c.aliases.append(k[6:])
    order = join_short_forms(order, th)
    # a person's canonical name is the full form the headline gives ("Otto Jespersen", not the "Jens Otto Harry
    # Jespersen" of the first sentence): the name the article, and its readers, know the person by
    for c in order:
        if c.type == "person" and head and not _in_words(c.name, head):
            headed = [a for a in c.aliases if len(a.split()) >= 2 and _in_words(a, head)]
            if len(headed) == 1:
                c.name = headed[0]
    # merge clusters that ended with the same (type, name)
    merged: dict[tuple[str, str], Cluster] = {}
    out = []
    for c in order:
        key = (c.type, norm(c.name))
        if key in merged:
            merged[key].mentions += c.mentions
            merged[key].aliases += [a for a in c.aliases if a not in merged[key].aliases]
            continue
        merged[key] = c
        out.append(c)
    return out


def _org_owner(name: str, full: list[str]) -> str | None:
    """The one longer organisation name of the article that `name` is a short form of: its last words ("Red Sox"
    for "Boston Red Sox", "Economic Court" for "Kyiv Economic Court") or its head before an "of" complement
    ("Society" for "Society of Friends"). None when no name or several could be meant."""
    words = name.split()
    # the last words after a capitalised word (_tail_of): "United Nations" is not a short form of "Food and
    # Agriculture Organization of the United Nations", where it is the complement
    owners = [o for o in full if _tail_of(words, o.split()) or o.startswith(name + " of ")]
    return owners[0] if len(owners) == 1 else None


def _strong(type_: str, ev: Counter, th: LinkingThresholds) -> bool:
    """Evidence beyond the model's own label for this type."""
    if type_ == "organisation":
        return ev["organisation"] >= th.org_points
    if type_ == "person":
        return ev["person_cue"] > 0
    return ev["place"] >= th.strong_place_points or ev["feature"] > 0


def _used_as_place(ev: Counter) -> bool:
    """Place evidence beyond the gazetteer's readings and the model's label: a use as a settlement ("in X"), a
    feature noun, an admin head noun, a country reading."""
    return bool(ev["place_use"] or ev["feature"] or ev["admin_head"] or ev["country"])


def _family_of_name(mentions: list[NameMention], name: str, th: LinkingThresholds) -> str | None:
    for m in mentions:
        if m.text == name:
            return _family(m, th)
    return None
