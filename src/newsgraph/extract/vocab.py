"""The generic page-furniture vocabulary (data/boilerplate.json), compiled once per process.

Why a data file: which words mark a teaser panel or a newsletter prompt is knowledge about web pages in general,
not code; keeping it as data lets it grow without touching the line classifier.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Vocab:
    teaser: re.Pattern  # a whole line heading a panel of other stories ("Related", "More from X")
    widget: re.Pattern  # a whole line of page furniture that may sit inside the body ("Advertisement", "Share")
    consent: re.Pattern  # cookie/privacy notice wording
    prompt: re.Pattern  # a line that starts with (or holds) a prompt; matched against lowercased text
    source_names: tuple[re.Pattern, ...]
    modified_labels: tuple[str, ...]
    published_labels: tuple[str, ...]
    credit_label: re.Pattern  # "Source: Agencies"
    byline: re.Pattern  # "By Jane Doe"
    caption_credit: re.Pattern  # "... Photo: Jane Doe/AFP"


@lru_cache(maxsize=1)
def vocab() -> Vocab:
    data = json.loads(resources.files("newsgraph.extract").joinpath("data/boilerplate.json").read_text("utf-8"))
    teaser = re.compile(r"^(?:" + "|".join(data["teaser_headings"]) + r")\s*[:>»›|]?$", re.I)
    widget = re.compile(r"^(?:" + "|".join(data["widgets"]) + r")\s*[:>»›|]?$", re.I)
    # no re.I: the caller lowercases the line (case-insensitive matching of a 69-way alternation costs 2-3x more)
    prompt = re.compile(r"(?:^|\b)(?:" + "|".join(data["prompts"]) + r")")
    labels = "|".join(sorted(data["credit_labels"], key=len, reverse=True))
    by = "|".join(sorted(data["byline_prefixes"], key=len, reverse=True))
    cap = "|".join(sorted(data["caption_credit_labels"], key=len, reverse=True))
    return Vocab(
        teaser=teaser,
        widget=widget,
        consent=re.compile("|".join(data["consent"]), re.I),
        prompt=prompt,
        source_names=tuple(re.compile(p, re.I) for p in data["source_name_patterns"]),
        modified_labels=tuple(data["date_labels_modified"]),
        published_labels=tuple(data["date_labels_published"]),
        credit_label=re.compile(rf"^(?:{labels})\s*:\s*(?P<value>.*)$", re.I),
        byline=re.compile(rf"^(?:{by})\s+(?P<names>[^\d:]{{2,120}})$", re.I),
        caption_credit=re.compile(rf"(?:^|[\s(|])(?:{cap})s?\s*(?:credit)?\s*[:/]\s*(?P<credit>[^()|]{{2,60}}?)\)?\s*$", re.I),
    )
