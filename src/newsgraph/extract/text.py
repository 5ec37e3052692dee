"""`text` kind: a page scraped to plain text with its boilerplate still in (one line per block, as scrapers write).

The dump is first brought to one logical line per block whatever wrote it (text_markup.py: hard-wrapped paragraphs
rejoined, Markdown, bullets and link numbers undone, with what they said kept as line flags). Each line is then
judged by its own shape and by its position, never by one site's wording:

1. shape: word count, sentence shape (capital start, closing punctuation), a trailing "[Credit]" (a caption),
   a date, a "Source:"/"By" label, a panel heading or prompt from the generic vocabulary (data/boilerplate.json),
   a lone number (share counts) or a bracketed token (nav widgets);
2. position: the body is the heaviest run of sentence-shaped lines, where short gaps (crossheads, stray widgets)
   are bridged but a date line, a byline, a credit line or a panel heading ends the run; teaser lists after the
   body are left out because a panel heading or a long gap separates them from it;
3. the header is read backwards from the body start: what stands between the title and the body (a date line,
   a byline, a caption) tells the standfirst apart from the first paragraph; the short line above the title is
   the section/kicker.

Everything outside the body that carries metadata (captions with credits, date lines, "Source:" lines,
"Featured on X"-like panel lines naming the site) goes into the metadata fields, never into the body.
Every length, window and score threshold is a named value of `TextRules` (text_rules.py), passed down.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsgraph.errors import InputError
from newsgraph.extract.dates import find_date
from newsgraph.extract.text_header import read_header, read_trailer
from newsgraph.extract.text_markup import CJK, dump_lines
from newsgraph.extract.text_rules import DEFAULT_RULES, TextRules
from newsgraph.extract.vocab import vocab
from newsgraph.records import Extracted, Image, RawDocument

#: sentence end: . ! ? … optionally followed by closing quotes/brackets
_SENT_END = re.compile(r"[.!?\u2026\u3002\uff01\uff1f\u0964][\"'\u201d\u2019)\]\u300d\u300f]*$|[.!?]\s*[\"'\u201d\u2019]$|:$")
_STARTS_OK = re.compile(r"^[\"'\u201c\u2018(\[\u300c]?[A-Z0-9\u00c0-\u024f\u0370-\u04ff\u0590-\u06ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]|^[\"'\u201c\u2018\u2014\u2013\u00ab\u201e-]")
_CAPTION_BRACKET = re.compile(r"^(?P<caption>.{12,}?)\s*[\[(](?P<credit>[A-Z][^\[\]()]{1,50})[\])]\s*$")
_BRACKET_ONLY = re.compile(r"^[\[{<(].{0,40}[\]}>)]$")
_NUMERIC = re.compile(r"^[\d\s.,:/+\-%kKmM|·•]+$")
_WIRE_DASH = re.compile(r"^[-\u2013\u2014]\s*(?P<agency>[A-Z][\w.&' ]{1,30})$")
WIRE_LEAD = re.compile(r"^[A-Z][A-Za-z .,'\-]{1,40}\((?P<agency>[A-Z][A-Za-z&. ]{1,20})\)\s*[-\u2013\u2014]")
_WORD = re.compile(r"\w+", re.U)
#: every date pattern of dates.find_date holds a year: a line without one skips the costlier search
_YEAR = re.compile(r"(?:19|20)\d{2}")
_SPACES = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+")


def clean_line(text: str) -> str:
    """One line with every kind of space (no-break, thin, zero-width) made one plain space, trimmed."""
    return _SPACES.sub(" ", text).strip()


@dataclass
class Line:
    idx: int
    text: str
    words: int
    kind: str = "other"  # body | short | caption | date | byline | credit | panel | widget | prompt | nav | other
    data: dict = field(default_factory=dict)


#: line kinds that are page furniture wherever they stand
FURNITURE = ("prompt", "widget", "panel")


def classify_line(text: str, rules: TextRules = DEFAULT_RULES) -> Line:
    """The shape class of one line of text on its own (no position): used by the html extractor too."""
    return _classify(0, clean_line(text), rules)


def _classify(idx: int, text: str, rules: TextRules) -> Line:
    v = vocab()
    words = max(len(_WORD.findall(text)), len(CJK.findall(text)) // 2)  # CJK: about two characters a word
    line = Line(idx, text, words)
    low = text.lower().strip(" :|>»›")
    if not _WORD.search(text) or _NUMERIC.match(text) or _BRACKET_ONLY.match(text):
        line.kind = "nav"
        return line
    m = v.credit_label.match(text)
    if m and words <= rules.credit_max_words:
        line.kind, line.data["value"] = "credit", m.group("value").strip()
        return line
    if text[:1] in "-\u2013\u2014" and words <= rules.attrib_max_words and find_date(text):
        line.kind = "attrib"  # "— Jane Doe (@jdoe) April 25, 2024" under an embedded post
        line.data["value"] = None
        return line
    if words <= rules.date_max_words:
        found = find_date(text) if _YEAR.search(text) else None
        labelled = found and any(lab in text[: found[1].start()].lower() for lab in v.modified_labels + v.published_labels)
        if found and (len(found[1].group(0)) >= len(text) * rules.date_share or words <= rules.date_short_words or (labelled and not _SENT_END.search(text))):
            line.kind = "date"
            line.data["iso"] = found[0]
            label = text[: found[1].start()].lower()
            line.data["modified"] = any(lab in label for lab in v.modified_labels)
            return line
    m = v.byline.match(text)
    if m and words <= rules.byline_max_words and not _SENT_END.search(text):
        line.kind, line.data["names"] = "byline", m.group("names")
        return line
    m = v.caption_credit.match(text)
    if m and words <= rules.photo_credit_max_words and not _SENT_END.search(text):
        # "Image: Jane Doe/Agency" on its own line: the credit of the caption line above it (kind "other", so
        # runs are bridged and split as before; extract_text pairs it with that line)
        line.data["photo_credit"] = m.group("credit").strip()
        return line
    cap = _CAPTION_BRACKET.match(text)
    if (cap and len(cap.group("credit").split()) <= rules.caption_credit_max_words
            and len(cap.group("caption").split()) >= rules.caption_min_words):
        line.kind = "caption"
        line.data = {"caption": cap.group("caption").strip(), "credit": cap.group("credit").strip()}
        return line
    if words <= rules.heading_max_words and v.teaser.match(low):
        line.kind = "panel"
        return line
    if words <= rules.heading_max_words and v.widget.match(low):
        line.kind = "widget"
        return line
    m = v.prompt.search(text[: rules.prompt_chars].lower())
    if m and (words <= rules.prompt_max_words or (m.start() == 0 and words <= rules.notice_max_words)):  # a long line opening with one: a legal notice
        line.kind = "prompt"
        return line
    if _WIRE_DASH.match(text) and words <= rules.wire_max_words and _name_like(_WIRE_DASH.match(text).group("agency"), rules):
        # "— Reuters" closing a story, or "— Jane Doe" under a quote or an embedded post: kept out of the body,
        # bridged inside it, taken as the agency only when it closes the story (see _read_trailer)
        line.kind, line.data["value"] = "attrib", _WIRE_DASH.match(text).group("agency").strip()
        return line
    sentence = bool(_SENT_END.search(text)) and bool(_STARTS_OK.match(text))
    if (sentence and words >= rules.body_min_words) or (words >= rules.prose_min_words and _prose(text, rules)):
        line.kind = "body"
    elif sentence and words >= rules.short_min_words:
        line.kind = "short"  # a short sentence: body inside a run ("We will," he added.), else furniture
    else:
        line.kind = "other"
    return line


def _prose(text: str, rules: TextRules) -> bool:
    """Running text rather than a menu flattened into one line: many words start in lower case."""
    cased = [w for w in text.split() if w[:1].isupper() or w[:1].islower()]  # scripts without case: prose
    return (len(cased) < rules.caseless_share * len(text.split())
            or sum(1 for w in cased if w[:1].islower()) >= rules.lower_share * len(cased))


def _name_like(text: str, rules: TextRules) -> bool:
    """Every word capitalised, short connectors aside ("Dali Mpofu", "Agence France-Presse", "Jan de Vries")."""
    return all(w[:1].isupper() or (len(w) <= rules.connector_max_chars and w.isalpha()) for w in text.split())


@dataclass
class Run:
    lines: list[Line]

    #: set by _score: weight times position and wording factors
    score: float = 0.0
    #: a teaser heading stands within the three lines above the run
    after_panel: bool = False

    @property
    def weight(self) -> int:
        return sum(len(ln.text) for ln in self.lines if ln.kind == "body")

    @property
    def bodies(self) -> list[Line]:
        return [ln for ln in self.lines if ln.kind == "body"]


_STOP = {"date", "byline", "credit", "panel"}


def _runs(lines: list[Line], rules: TextRules) -> list[Run]:
    """Maximal runs of body lines; short/caption/other lines bridge up to `max_gap`, stop kinds always split."""
    runs: list[Run] = []
    cur: list[Line] = []
    gap: list[Line] = []
    for ln in lines:
        if ln.kind == "body":
            if cur:
                cur.extend(gap)
            cur.append(ln)
            gap = []
            continue
        if not cur:
            continue
        free = ("short", "caption", "widget", "attrib", "nav", "prompt")  # bridged without counting toward the gap
        bridgeable = ln.kind in free or (ln.kind == "other" and len(
            [g for g in gap if g.kind not in free]) < rules.max_gap)
        if ln.kind in _STOP or not bridgeable:
            runs.append(Run(cur))
            cur, gap = [], []
            continue
        gap.append(ln)
    if cur:
        runs.append(Run(cur))
    return runs


def _headline_like(ln: Line, rules: TextRules) -> bool:
    return (ln.kind in ("other", "short") and rules.headline_min_words <= ln.words <= rules.headline_max_words
            and not ln.text.endswith("."))


def _teaser_like(run: Run, rules: TextRules) -> bool:
    """A list of one-sentence teasers under a panel heading: every line one sentence, none long, and a teaser
    heading ("Featured", "Most read") just above. One-sentence paragraphs alone are ordinary news style."""
    bodies = run.bodies
    if len(bodies) < 2:
        return False
    pos = {id(ln): k for k, ln in enumerate(run.lines)}
    headed = sum(1 for ln in bodies if pos[id(ln)] > 0 and _headline_like(run.lines[pos[id(ln)] - 1], rules))
    if len(bodies) >= rules.card_min_bodies and headed >= rules.card_headed_share * len(bodies):
        return True  # headline + one-line summary cards
    if not run.after_panel:
        return False
    multi = sum(1 for ln in bodies if len(re.findall(r"[.!?][\"'\u201d\u2019]?\s+[A-Z\"\u201c]", ln.text)) >= 1)
    return multi == 0 and max(ln.words for ln in bodies) <= rules.teaser_max_words


def _score(runs: list[Run], lines: list[Line], rules: TextRules) -> None:
    """Run weight, raised when a date line or byline sits just above (the article header), lowered for
    cookie/privacy notices (long prose that is never the article)."""
    consent = vocab().consent
    for r in runs:
        first = r.lines[0].idx
        r.after_panel = any(ln.kind == "panel" for ln in lines[max(0, first - rules.panel_lookback) : first])
        bodies = r.bodies
        share = sum(1 for ln in bodies if consent.search(ln.text)) / max(len(bodies), 1)
        first = r.lines[0].idx
        header = any(ln.kind in ("date", "byline") for ln in lines[max(0, first - rules.header_lookback) : first])
        r.score = (r.weight * (rules.header_boost if header else 1.0) * (1.0 - rules.consent_penalty * share)
                   * (rules.teaser_factor if _teaser_like(r, rules) else 1.0))


def _joins(prev: list[Run], gap: list[Line], nxt: Run, rules: TextRules) -> bool:
    """Whether run `nxt` continues the story of the runs `prev` across `gap`.

    A credit line ends the story; a standfirst-sized run before a date line or byline is header, not text;
    a teaser box inside the story ("Read more" + a few links, "Most read" + a list) is bridged when real
    paragraphs follow it, a long one only when both sides are substantial."""
    if _teaser_like(nxt, rules):
        return False
    if any(ln.kind == "credit" for ln in gap) and (nxt.score < rules.paragraphs_score or len(gap) > rules.credit_gap_lines):
        return False  # "Source: X" closes the story, unless it credits a chart with the story going on
    if len(prev) == 1 and len(prev[0].bodies) < rules.header_run_bodies and any(ln.kind in ("date", "byline") for ln in gap):
        return False
    before = sum(r.score for r in prev)
    if any(ln.kind == "date" for ln in gap):
        # a date line between texts: a comment thread or a dated teaser list, unless it stands alone in a short
        # gap between two long stretches of text (a print-issue line or an update stamp inside the story)
        return (len([ln for ln in gap if ln.kind not in ("nav", "widget", "prompt")]) <= rules.date_gap_lines
                and before >= rules.long_score and nxt.score >= rules.long_score and not _teaser_like(nxt, rules))
    gap = [ln for ln in gap if ln.kind not in ("prompt", "widget", "nav")]  # ad slots, sign-up boxes: no distance
    if any(ln.kind == "panel" for ln in gap):
        return ((len(gap) <= rules.panel_gap_lines and nxt.score >= rules.paragraphs_score)
                or (len(gap) <= rules.long_panel_gap_lines and nxt.score >= rules.substantial_score
                    and before >= rules.substantial_score))
    return len(gap) <= rules.join_gap_lines and nxt.score >= rules.join_min_score


def _box_between(prev: list[Run], gap: list[Line], weak: Run, nxt: Run, rules: TextRules) -> bool:
    """A teaser heading, a weak run (its teasers) and then a strong run: the story goes on after a box."""
    inner = [ln for ln in gap if ln.kind not in ("prompt", "widget", "nav")]
    return (
        weak.score < rules.paragraphs_score
        and len(weak.bodies) <= rules.box_max_bodies
        and any(ln.kind == "panel" for ln in inner)
        and not any(ln.kind in ("credit", "date") for ln in inner)
        and len(inner) <= rules.box_gap_lines
        and nxt.score >= rules.substantial_score
        and sum(r.score for r in prev) >= rules.substantial_score
        and not _teaser_like(nxt, rules)
    )


def _choose(runs: list[Run], lines: list[Line], rules: TextRules) -> list[Line]:
    """Runs joined into stories (see _joins); the story with the highest total score wins."""
    if not runs:
        return []
    _score(runs, lines, rules)
    groups: list[list[Run]] = [[runs[0]]]
    k = 1
    while k < len(runs):
        r, prev = runs[k], groups[-1]
        gap = lines[prev[-1].lines[-1].idx + 1 : r.lines[0].idx]
        if _joins(prev, gap, r, rules):
            prev.append(r)
        elif k + 1 < len(runs) and _box_between(
                prev, lines[prev[-1].lines[-1].idx + 1 : runs[k + 1].lines[0].idx], r, runs[k + 1], rules):
            prev.append(runs[k + 1])  # a teaser box with a one-line teaser inside the story: skipped
            k += 1
        else:
            groups.append([r])
        k += 1
    best = max(groups, key=lambda g: sum(r.score for r in g))
    return [ln for r in best for ln in r.lines]


def _trim_teaser_tail(chosen: list[Line], rules: TextRules) -> list[Line]:
    """Cut a tail of teaser cards (headline line + one summary paragraph, twice or more) that runs on
    from the last paragraph of the story without a heading between."""
    core = [k for k, ln in enumerate(chosen) if ln.kind not in ("nav", "widget", "prompt")]
    pairs, j = 0, len(core) - 1
    while (j >= 1 and chosen[core[j]].kind == "body" and _headline_like(chosen[core[j - 1]], rules)
           and chosen[core[j]].words <= rules.tail_card_words):
        pairs += 1
        j -= 2
    if pairs >= rules.tail_min_cards and j >= 0:
        return chosen[: core[j] + 1]
    return chosen


def _near_prompt(lines: list[Line], k: int, rules: TextRules) -> bool:
    """A line next to a prompt (skipping other short lines): part of a sign-up or subscription box."""
    for step in (-1, 1):
        j = k + step
        while 0 <= j < len(lines) and lines[j].kind in ("short", "other", "nav"):
            j += step
        if 0 <= j < len(lines) and lines[j].kind == "prompt" and abs(j - k) <= rules.prompt_box_lines:
            return True
    return False


def _is_crosshead(ln: Line, rules: TextRules) -> bool:
    return (
        ln.kind == "other"
        and 1 <= ln.words <= rules.crosshead_max_words
        and len(ln.text) <= rules.crosshead_max_chars
        and not ln.text.endswith((",", ";", "-"))
        and bool(_STARTS_OK.match(ln.text))
    )


def classify_lines(text: str, rules: TextRules = DEFAULT_RULES) -> list[Line]:
    """Every non-blank line classified by shape, then lines repeated on the page marked as furniture."""
    all_lines = []
    for i, dl in enumerate(dump_lines(text)):  # rejoined when hard-wrapped, Markdown undone (text_markup.py)
        t = clean_line(dl.text)
        if t:
            ln = _classify(i, t, rules)
            ln.data.update(dl.flags)
            if dl.flags.get("heading") and ln.kind in ("body", "short"):
                ln.kind = "other"  # a Markdown heading is a title or crosshead, never a paragraph
            elif dl.flags.get("links", 0.0) >= rules.link_line_share and ln.kind in ("body", "short"):
                ln.kind = "other"  # a line that is all link text is a teaser or a menu item, not a paragraph
            all_lines.append(ln)
    seen: dict[str, int] = {}
    first: set[str] = set()
    for ln in all_lines:
        seen[ln.text] = seen.get(ln.text, 0) + 1
    for n, ln in enumerate(all_lines):
        ln.idx = n  # position among non-blank lines
        if seen[ln.text] > 1 and ln.kind in ("other", "short", "body"):
            # a line repeated on the page is furniture ("Article content", "Share"), but a long sentence seen
            # twice may be a pull quote: its first occurrence stays
            if ln.words <= rules.repeated_max_words or ln.text in first:
                ln.data["was"], ln.kind = ln.kind, "widget"
            first.add(ln.text)
    return all_lines


def extract_text(text: str, raw: RawDocument, rules: TextRules = DEFAULT_RULES) -> Extracted:
    """The body and metadata of a text dump (see the module docstring); `rules` holds every threshold."""
    all_lines = classify_lines(text, rules)
    if not all_lines:
        raise InputError(raw.input, "no text lines")
    chosen = _trim_teaser_tail(_choose(_runs(all_lines, rules), all_lines, rules), rules)
    if not chosen:
        raise InputError(raw.input, "no article text found (no run of sentence-shaped lines)")
    ex = Extracted(input=raw.input, body="", url=raw.url, kind="text")

    paragraphs: list[str] = []
    crossheads: list[str] = []
    for k, ln in enumerate(chosen):
        if ln.kind == "short" and _near_prompt(chosen, k, rules):
            continue  # "Thanks for signing up!" inside a newsletter box
        if ln.kind in ("body", "short"):
            paragraphs.append(ln.text)
        elif ln.kind == "caption":
            ex.images.append(Image(caption=ln.data["caption"], credit=ln.data["credit"]))
        elif ln.data.get("photo_credit"):
            prev = chosen[k - 1] if k else None
            if prev is not None and prev.kind in ("body", "short") and prev.words <= rules.caption_max_words and paragraphs and paragraphs[-1] == prev.text:
                ex.images.append(Image(caption=paragraphs.pop(), credit=ln.data["photo_credit"]))  # its caption
        elif (_is_crosshead(ln, rules) and paragraphs
              and any(x.kind == "body" for x in chosen[k + 1 : k + 1 + rules.crosshead_lookahead])):
            paragraphs.append(ln.text)
            crossheads.append(ln.text)
    ex.body = "\n\n".join(paragraphs)
    ex.crossheads = crossheads
    start, end = chosen[0].idx, chosen[-1].idx
    read_header(all_lines[max(0, start - rules.header_window) : start], ex, rules)
    read_trailer(all_lines, start, end, ex, rules)
    wire = WIRE_LEAD.match(paragraphs[0]) if paragraphs else None
    if wire and not ex.agency:
        ex.agency = wire.group("agency").strip()
    return ex
