"""After typing: an organisation's short form ("Red Sox", "Transport Ministry", "FTA") joins the longer name it stands
for, when its own evidence does not type it otherwise and the owner is clear (entity_linking calls it last).
"""

from __future__ import annotations

from newsgraph.annotate.entity_clusters import DEFAULT_THRESHOLDS, Cluster, LinkingThresholds, cluster_ev
from newsgraph.annotate.gazetteer import norm
from newsgraph.annotate.name_text import looks_like_acronym
from newsgraph.annotate.org_short_forms import first_start as _first
from newsgraph.annotate.org_short_forms import tail_owner as _tail_owner
from newsgraph.annotate.org_short_forms import variant_owner


def join_short_forms(clusters: list[Cluster], th: LinkingThresholds = DEFAULT_THRESHOLDS) -> list[Cluster]:
    """A cluster named by the last words of an organisation's longer name joins it ("Red Sox" -> "Boston Red Sox",
    "Pirates" -> "Pittsburgh Pirates" when the team's name is its town's plus a word of its own).

    Linking joins a mention to its owner only when the mention itself reads as an organisation (`_org_owner`);
    a short form the model typed as a person or place ("Pirates" as GPE) or that no cue typed stays a second entity,
    which splits the organisation's mentions and leaves the short form listed as a wrong topic. Here, after typing,
    a cluster joins the organisation when (1) its name is the last words of the organisation's name after a
    capitalised word, (2) its own evidence does not type it firmly otherwise (no person cue, no place use, no strong
    place points), (3) the owner is clear: one organisation ends so, or one has more mentions than every other, and
    (4) the owner is named first (the full name on first reference, the short one after it: "Harbour City Rovers"
    named before "Eastport Harbour City Rovers" is another club, not its short form).
    A one-word short form joins only a sports team's name ("Pirates"; a one-word tail like "House" or "Court" is a
    common head shared by many names).
    A cluster typed as an organisation also joins one whose name it is a prefix, a reordering or an acronym of
    (org_short_forms.variant_owner: "Royal Marsh" -> "Royal Marsh Infirmary", "Transport Ministry" -> "Ministry of
    Transport", "FTA" -> "United States Federal Transit Agency") or its registered name without its legal form
    ("Harbour" -> "Harbour Motor Corp": org_short_forms.legal_prefix_of), named before or after it, under (2) and
    (3)."""
    orgs = [c for c in clusters if c.type == "organisation" and len(c.name.split()) >= 2]
    if not orgs:
        return clusters
    out: list[Cluster] = []
    joined: set[int] = set()
    owners: dict[tuple[str, str], Cluster] = {}
    for c in clusters:
        words = c.name.split()
        free = [o for o in orgs if id(o) not in joined]  # a cluster already joined to another owns nothing
        owner = _tail_owner(words, free) if c.type != "group" else None
        if owner is not None and _first(owner) > _first(c):
            owner = None
        # a prefix, a reordering or an acronym of a longer name, in either order: a cluster typed as an organisation
        # (an acronym the model typed as a person too); a person's full name before its foundation's stays apart
        variant = owner is None and (c.type == "organisation" or c.type == "person" and looks_like_acronym(c.name))
        if variant:
            owner = variant_owner(c, free)
        if owner is None:
            out.append(c)
            continue
        ev = cluster_ev(c)
        firm = ev["person_cue"] or ev["place_use"] or ev["feature"] or ev["country"] or (
            c.type == "place" and ev["place"] >= th.strong_place_points and not ev["team"])
        if firm or not variant and len(words) == 1 and not any(m.ev["team"] for m in owner.mentions) \
                and not ev["team"]:
            out.append(c)
            continue
        joined.add(id(c))
        owner.mentions += c.mentions
        owner.aliases += [a for a in c.aliases if a not in owner.aliases]
        owners[(c.type, norm(c.name))] = owner
    # a second cluster under a joined short form's very name and type (linking kept it apart on its own evidence)
    # is the same short form: it joins the same owner, or it would stay a second item and make the form ambiguous
    # for propagation, losing the mentions the joined cluster had found
    return [c for c in out if not _join_same(c, owners)]


def _join_same(c: Cluster, owners: dict[tuple[str, str], Cluster]) -> bool:
    owner = owners.get((c.type, norm(c.name)))
    if owner is None or owner is c:
        return False
    owner.mentions += c.mentions
    owner.aliases += [a for a in c.aliases if a not in owner.aliases]
    return True
