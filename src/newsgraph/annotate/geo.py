"""`newsgraph_geo`: place entities -> country / city / place with GeoNames coordinates (first version).

This first version only types places by pycountry: a place whose name is a country becomes a country.
"""

from __future__ import annotations

from functools import lru_cache

import pycountry
from spacy.language import Language
from spacy.tokens import Doc


@lru_cache(maxsize=8192)
def _country(name: str):
    try:
        return pycountry.countries.lookup(name)
    except LookupError:
        return None


@Language.factory("newsgraph_geo")
def make_geo(nlp: Language, name: str):
    return Geocoder()


class Geocoder:
    def __call__(self, doc: Doc) -> Doc:
        for e in doc._.ng_entities or []:
            if e.type != "place":
                continue
            c = _country(e.name)
            if c is not None:
                e.type = "country"
        return doc
