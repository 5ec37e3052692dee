"""Server-side rendering helpers: the article body with linked mentions, search snippets, the chart and the map.

Every piece of article text passes through `escape` before any markup is added around it; markup is only ever
built here from escaped text plus fixed tags, so hostile titles, bodies, quotes or names stay text.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from urllib.parse import quote, urlsplit

from markupsafe import Markup, escape

from newsgraph.store.queries import SNIPPET_CLOSE, SNIPPET_OPEN
from newsgraph.web.worldmap import HEIGHT, WIDTH, project

_PARA = re.compile(r"\n\s*\n")


def safe_url(url: str | None) -> str | None:
    """The URL if it is http(s), else None: never a javascript: or data: link from article content."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def marked(text: str | None) -> Markup:
    """FTS5 snippet/highlight output (markers \\x02 ... \\x03) -> escaped HTML with <mark>."""
    if not text:
        return Markup("")
    out = str(escape(text))
    out = out.replace(SNIPPET_OPEN, "<mark>").replace(SNIPPET_CLOSE, "</mark>")
    # An unbalanced marker (snippet cut inside a match) must not leave an open tag.
    if out.count("<mark>") != out.count("</mark>"):
        out = out.replace("<mark>", "").replace("</mark>", "")
    return Markup(out)


def body_html(body: str, entities: list[dict[str, Any]]) -> Markup:
    """The body as <p> paragraphs, each entity mention wrapped in a link to its topic page.

    Mentions come from the record's offsets; overlapping or out-of-range spans are dropped (first one wins).
    """
    spans = []
    n = len(body)
    for e in entities:
        for m in e.get("mentions") or []:
            s, t = m.get("start"), m.get("end")
            if isinstance(s, int) and isinstance(t, int) and 0 <= s < t <= n:
                spans.append((s, t, e))
    spans.sort(key=lambda x: (x[0], -x[1]))
    kept = []
    last = -1
    for s, t, e in spans:
        if s >= last:
            kept.append((s, t, e))
            last = t
    paras: list[str] = []
    pos = 0
    bounds = [(m.start(), m.end()) for m in _PARA.finditer(body)] + [(n, n)]
    i = 0
    for ps, pe in bounds:
        chunks = []
        cur = pos
        while i < len(kept) and kept[i][0] < ps:
            s, t, e = kept[i]
            if t > ps:  # a mention across a paragraph break: leave it as text
                i += 1
                continue
            chunks.append(str(escape(body[cur:s])))
            etype = re.sub(r"[^a-z]", "", str(e.get("type") or "other").lower()) or "other"
            chunks.append(
                f'<a class="mention t-{etype}" href="/entity/{quote(str(e["id"]), safe="")}" '
                f'title="{escape(e.get("name") or "")} ({escape(etype)})">{escape(body[s:t])}</a>'
            )
            cur = t
            i += 1
        chunks.append(str(escape(body[cur:ps])))
        text = "".join(chunks).strip()
        if text:
            paras.append(f"<p>{text}</p>")
        pos = pe
    return Markup("\n".join(paras))


def thresholds_note(per_kind: dict[str, float]) -> str:
    """What an article page shows: "Items with confidence 0.50 or more", or each kind's threshold when they differ
    ("Items with confidence at least: entities 0.50, events 0.70, ...")."""
    per_kind = _topic_types_folded(per_kind)
    values = set(per_kind.values())
    if len(values) == 1:
        return f"Items with confidence {values.pop():.2f} or more"
    return "Items with confidence at least: " + ", ".join(f"{k} {v:.2f}" for k, v in per_kind.items())


def _topic_types_folded(per_kind: dict[str, float]) -> dict[str, float]:
    """`per_kind` without the topic types' entries ("topics:<type>") that equal the topics' own, and without the
    topics' own when every type has a cut of its own: the note names only the cuts in force."""
    types = {k: v for k, v in per_kind.items() if k.startswith("topics:")}
    out = {k: v for k, v in per_kind.items() if not (k in types and v == per_kind.get("topics"))}
    if types and all(k in out for k in types):
        out.pop("topics", None)
    return out


def excerpt(body: str, start: int | None, end: int | None, limit: int = 320) -> str:
    if not isinstance(start, int) or not isinstance(end, int) or not (0 <= start < end <= len(body)):
        return ""
    text = body[start:end]
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def timeline_svg(points: list[dict[str, Any]], width: int = 640, height: int = 260) -> Markup:
    """A bar chart of mentions per day (per month when the span is long), drawn as inline SVG."""
    if not points:
        return Markup('<p class="muted">No dated articles mention this topic.</p>')
    # Only the first and last days are parsed; points are bucketed by their ISO text (YYYY-MM or YYYY-MM-DD).
    first, last = dt.date.fromisoformat(points[0]["day"]), dt.date.fromisoformat(points[-1]["day"])
    monthly = (last - first).days > 92
    buckets: dict[str, list[int]] = {}
    if monthly:
        y, m = first.year, first.month
        while (y, m) <= (last.year, last.month):
            buckets[f"{y:04d}-{m:02d}"] = [0, 0]
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    else:
        d = first
        while d <= last:
            buckets[d.isoformat()] = [0, 0]
            d += dt.timedelta(days=1)
    width_key = 7 if monthly else 10
    for p in points:
        b = buckets[p["day"][:width_key]]
        b[0] += p["mentions"] or 0
        b[1] += p["articles"]
    left, bottom, top = 40, 26, 12
    plot_w, plot_h = width - left - 8, height - bottom - top
    peak = max(b[0] for b in buckets.values()) or 1
    n = len(buckets)
    bw = plot_w / n
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="Mentions over time">',
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 8}" y2="{top + plot_h}" stroke="#9aa7b4"/>',
        f'<text x="{left - 6}" y="{top + 8}" text-anchor="end" class="ax">{peak}</text>',
        f'<text x="{left - 6}" y="{top + plot_h}" text-anchor="end" class="ax">0</text>',
    ]
    for k, (label, (men, arts)) in enumerate(buckets.items()):
        h = men / peak * plot_h
        x = left + k * bw
        parts.append(
            f'<rect x="{x + bw * 0.12:.1f}" y="{top + plot_h - h:.1f}" width="{max(bw * 0.76, 1):.1f}" '
            f'height="{h:.1f}" fill="#2f6db5"><title>{escape(label)}: {men} mention(s) in {arts} article(s)</title></rect>'
        )
    labels = list(buckets)
    for k in sorted({0, n // 2, n - 1}):
        x = left + (k + 0.5) * bw
        parts.append(f'<text x="{x:.1f}" y="{height - 6}" text-anchor="middle" class="ax">{escape(labels[k])}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def map_svg(places: list[dict[str, Any]]) -> Markup:
    """Markers on the offline world map (static/world.svg); each links to its place's topic page."""
    if not places:
        return Markup('<p class="muted">No places with coordinates appear with this topic.</p>')
    peak = max((p.get("n") or 1) for p in places)
    vx, vy, vw, vh = _view(places)
    scale = vw / WIDTH
    parts = [
        f'<svg class="map" viewBox="{vx:.1f} {vy:.1f} {vw:.1f} {vh:.1f}" role="img" aria-label="Places on a map">',
        f'<image href="/static/world.svg" x="0" y="0" width="{WIDTH}" height="{HEIGHT}"/>',
    ]
    for p in sorted(places, key=lambda p: -(p.get("n") or 1)):
        x, y = project(float(p["lat"]), float(p["lon"]))
        r = (3 + 6 * ((p.get("n") or 1) / peak) ** 0.5) * max(scale, 0.3)
        cls = "self" if p.get("self") else "place"
        parts.append(
            f'<a href="/entity/{quote(str(p["id"]), safe="")}"><circle class="{cls}" cx="{x}" cy="{y}" r="{r:.2f}" stroke-width="{max(scale, 0.3):.2f}">'
            f'<title>{escape(p["name"])} ({p.get("n") or 0})</title></circle></a>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def _view(places: list[dict[str, Any]]) -> tuple[float, float, float, float]:
    """A 2:1 viewBox around the markers (at least a quarter of the world wide), kept inside the map."""
    pts = [project(float(p["lat"]), float(p["lon"])) for p in places]
    xs, ys = [x for x, _ in pts], [y for _, y in pts]
    w = max(max(xs) - min(xs), 2 * (max(ys) - min(ys))) * 1.3 + 40
    w = min(max(w, WIDTH / 4), WIDTH)
    h = w / 2
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    x = min(max(cx - w / 2, 0), WIDTH - w)
    y = min(max(cy - h / 2, 0), HEIGHT - h)
    return x, y, w, h
