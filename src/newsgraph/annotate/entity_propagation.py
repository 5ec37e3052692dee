"""Stage 4 of `newsgraph_entities`: more mentions for the clusters linking made.

Split out of entity_linking.py, which decides what the clusters are: here they are only given more mentions. A
cluster's names found again in the body where no mention stands ("propagate": the model tags a name once and
misses it later) become mentions of it, unless two clusters share the form; a place that opens an organisation's
name ("Alexandria Police Department"), or a town that closes it as its seat ("University of California, Irvine"),
becomes a mention of that place ("nested_places").
"""

from __future__ import annotations

from newsgraph.annotate.entity_clusters import DEFAULT_THRESHOLDS, Cluster, LinkingThresholds
from newsgraph.annotate.entity_mentions import NameMention
from newsgraph.annotate.gazetteer import norm
from newsgraph.annotate.mention_growth import in_region, seat_split
from newsgraph.annotate.name_text import surname_keys, without_suffix
from newsgraph.annotate.names import NamesLexicon
from newsgraph.annotate.word_find import bounded_finds


def propagate(text: str, clusters: list[Cluster], mentions: list[NameMention]) -> None:
    forms: dict[str, Cluster] = {}
    ambiguous: set[str] = set()
    for c in clusters:
        cand = [c.name, *c.aliases]
        if c.type == "person" and len(c.name.split()) >= 2 and without_suffix(c.name) == c.name:
            # a name with a generational suffix ("X Jr.") is left as before stop 31: linking joins the surname the
            # model tagged; an untagged one found here would only lower the item's confidence (its share of
            # propagated mentions), a right item of s22 fell below display so
            cand += surname_keys(c.name)
        for f in dict.fromkeys(cand):  # in order, once each: nothing here may depend on set order (PYTHONHASHSEED)
            if len(f) < 3 or not f[0].isupper():
                continue
            for g in (f, f.upper()):
                if g in forms and forms[g] is not c:
                    ambiguous.add(g)
                forms[g] = c
    for g in sorted(ambiguous):
        forms.pop(g, None)
    if not forms:
        return
    taken = sorted((m.start, m.end) for c in clusters for m in c.mentions)
    starts = [a for a, _ in taken]
    import bisect

    # the matches of (?<![\w-])(form|...)(?![\w-]), longest form first, without compiling that pattern per page
    for s, e, form in bounded_finds(text, sorted(forms, key=_longest_first)):
        i = bisect.bisect_right(starts, e)
        if any(a < e and s < b for a, b in taken[max(0, i - 3) : i + 1]):
            continue
        # the possessive stays outside the mention, as in `strip_name`
        c = forms[form]
        c.mentions.append(NameMention(s, e, form, "propagated"))
        bisect.insort(taken, (s, e))
        bisect.insort(starts, s)  # kept in step with `taken` (rebuilding it per match was quadratic)


def _longest_first(form: str) -> tuple[int, str]:
    """Regex alternatives longest first (a longer name wins over its prefix), ties in a fixed order."""
    return -len(form), form


def nested_places(text: str, clusters: list[Cluster], gaz, names: NamesLexicon,
                  th: LinkingThresholds = DEFAULT_THRESHOLDS) -> None:
    """A place that opens an organisation's name is a place mention too ("Alexandria Police Department",
    "Henderson County Commissioners Court", "Geneva Motor Show"): the organisation is located there.
    Only clear readings count: a country, a state or province, a county named with its admin word, or a town of
    `nested_city_population` people or more; demonyms and group names never; never in a sports team's name
    ("Leeds United": entity_evidence reads the team's use)."""
    by_key = {(c.type, norm(c.name)): c for c in clusters}
    for c in list(clusters):
        if c.type != "organisation" or any(m.ev["team"] for m in c.mentions):
            continue  # a sports team takes its town's name as its own: an article on the club is not on the town
        for m in list(c.mentions):
            words = m.text.split()
            if len(words) < 2:
                continue
            split = seat_split(m.text)  # "University of California, Irvine", "University of Texas at Austin"
            if split and in_region(gaz, split[1], split[0].split()[-1]):
                _add_nested(clusters, by_key, split[1], m.start + len(m.text) - len(split[1]), campus=True)
            for n in (3, 2, 1):
                if n >= len(words):
                    continue
                prefix = " ".join(words[:n])
                if words[n][:1].islower():
                    continue  # "Centro de Estudios ...": a head noun with its complement, not a place opening a name
                if prefix in names.groups or gaz.demonym(prefix) is not None or prefix.lower() in names.title_words:
                    continue
                if len(words) == 2 and names.is_given_name(prefix) and not names.org_evidence(m.text):
                    continue  # "lycée Paul Bert": a given name and a surname, the person the body is named after
                places = gaz.lookup(prefix)
                if not places:
                    continue
                ok = any(
                    p.kind in ("country", "admin1", "continent")
                    or (p.kind == "admin2" and words[n - 1].lower() in ("county", "parish", "borough"))
                    or (p.kind == "city" and p.population >= th.nested_city_population and norm(p.name) == norm(prefix))
                    for p in places
                )
                if not ok:
                    continue
                _add_nested(clusters, by_key, prefix, m.start)
                break


def _add_nested(clusters: list[Cluster], by_key: dict, name: str, start: int, campus: bool = False) -> None:
    """A place mention of `name` at `start`, inside an organisation's name, joined to that place's cluster;
    `campus`: the town closes the name as its seat ("University of California, Irvine", evidence key "campus")."""
    key = ("place", norm(name))
    target = by_key.get(key)
    if target is None:
        target = by_key[key] = Cluster(name=name, type="place")
        clusters.append(target)
    mention = NameMention(start, start + len(name), name, "nested")
    if campus:
        mention.ev["campus"] += 1
    target.mentions.append(mention)
    if name not in target.aliases:
        target.aliases.append(name)
