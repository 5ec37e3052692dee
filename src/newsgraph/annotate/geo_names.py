"""Readings of a place name that the gazetteer holds only under a shorter name, shared by the entity evidence and
the geocoder.

"Hamilton Township" or "Hamilton Village" is often missing from the index while the town of Hamilton is in it: the
town stands in for it. The same shortening turns a sports club's name into its town ("Manchester City",
"Leicester City"), so a reading found this way is weaker than one found under the name as written: the geocoder
puts it on the map only when the text uses the name as a place (name_usage.placed), and the entity evidence reads
a team's use of it ("Manchester City midfielder").
"""

from __future__ import annotations

from newsgraph.annotate.gazetteer import Gazetteer, Place

#: settlement words a name may end in that the index leaves out of the town's own name
LOCAL_WORDS = ("township", "village", "borough", "town", "city")


def local_fallback(gaz: Gazetteer, name: str) -> tuple[Place, ...]:
    """The towns named `name` without its last word, when that word is a settlement word and the index lacks the
    name as written ("Hamilton Township" -> Hamilton); () otherwise."""
    words = name.split()
    if len(words) < 2 or words[-1].lower() not in LOCAL_WORDS or gaz.lookup(name):
        return ()
    return tuple(p for p in gaz.lookup(" ".join(words[:-1])) if p.kind == "city")
