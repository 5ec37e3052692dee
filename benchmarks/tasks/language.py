"""Task: language identification from the body alone, the page's declared language hidden.

Gold: each fundus page's language, labelled once by its publisher below (a publisher writes in one language; the
country folder is the default and the exceptions are listed), and the articles we wrote in
benchmarks/data/language/ (file name `LANG-*.txt`). Three readings of every fundus page:
- gold body: the expected body paragraphs as plain text (the cleanest "body alone");
- text dump: the page rendered to plain text (benchmarks/render_text.py: no markup, no <head>, so no declared
  language), run through newsgraph's `--kind text` extractor, then identified;
- HTML, lang hidden: the page with `lang=`, Content-Language, og:locale and JSON-LD inLanguage removed, run
  through the whole extract stage.
Scored: accuracy (the macrolanguage Norwegian counts nb/nn/no as one), by tuning and check part of the fixed
split (benchmarks/splits.py, by publisher), and the cost per English article of the identifier alone.
"""

from __future__ import annotations

import re
import statistics
import time
from pathlib import Path

from benchmarks.common import EVAL, REPO, Skip, Table, TaskResult
from benchmarks.render_text import render_text
from benchmarks.splits import CHECK, TUNE, part
from benchmarks.tasks.extraction import gold_body, load_fundus, read_html

NAME = "language"
TITLE = "Language identification from the body alone"

#: Language of each country folder's publishers, unless the publisher is listed in PUBLISHER.
COUNTRY = {
    "at": "de", "au": "en", "be": "nl", "ca": "en", "ch": "de", "cn": "zh", "cz": "cs", "de": "de", "dk": "da",
    "es": "es", "fr": "fr", "gl": "da", "id": "id", "il": "de", "ind": "en", "isl": "is", "it": "it", "jp": "ja",
    "kr": "ko", "lb": "ar", "li": "de", "ls": "en", "lt": "lt", "lu": "de", "mx": "en", "my": "en", "na": "en",
    "no": "no", "pl": "pl", "pt": "en", "py": "de", "ru": "ru", "se": "sv", "tr": "tr", "tw": "en", "tz": "en",
    "ua": "ru", "uk": "en", "us": "en", "vn": "vi", "za": "en",
}
#: Publishers whose language differs from their country folder's default (read off each page once, by hand).
PUBLISHER = {
    "PoliticoEu": "en", "MallorcaMagazin": "de", "MallorcaZeitung": "de", "Tageszeitung": "de", "Bhaskar": "hi",
    "TheJapanNews": "en", "HabariLeo": "sw", "Dizindaba": "xh", "IsolezweLesiXhosa": "xh", "EyethuNews": "zu",
    "Ilanga": "zu", "Isolezwe": "zu",
}
#: Labels that name one macrolanguage.
SAME = {"nb": "no", "nn": "no"}
OWN = REPO / "benchmarks" / "data" / "language"
_DECLARED = [
    re.compile(r"""\s(?:xml:)?lang\s*=\s*(["'][^"']*["']|[^\s>]+)""", re.I),
    re.compile(r"""<meta[^>]+(?:http-equiv\s*=\s*["']?content-language|property\s*=\s*["']og:locale)[^>]*>""", re.I),
    re.compile(r""""inLanguage"\s*:\s*("[^"]*"|\{[^}]*\})"""),
]


def label(item: dict) -> str:
    return PUBLISHER.get(item["publisher"], COUNTRY[item["country"]])


def hide_declared(html: str) -> str:
    """The page with every declaration of its language removed."""
    for rx in _DECLARED:
        html = rx.sub(" ", html)
    return html


def same(pred: str, gold: str) -> bool:
    return SAME.get(pred, pred) == SAME.get(gold, gold)


def own_articles() -> list[tuple[str, str, str]]:
    """(name, language, text) of the articles we wrote."""
    return [(p.name, p.name.split("-")[0], p.read_text("utf-8")) for p in sorted(OWN.glob("*.txt"))]


def _text_dump_body(html: str, name: str) -> str:
    from newsgraph.errors import InputError
    from newsgraph.extract.text import extract_text
    from newsgraph.records import RawDocument

    try:
        return extract_text(render_text(html), RawDocument(input=name, data=b"", kind="text")).body
    except InputError:
        return ""


def _html_language(html: str, name: str) -> str:
    from newsgraph.errors import InputError
    from newsgraph.extract import extract
    from newsgraph.records import RawDocument

    try:
        return extract(RawDocument(input=name, data=hide_declared(html).encode("utf-8"), kind="html")).language
    except InputError:
        return "(no body)"


def run(limit: int | None) -> TaskResult:
    from newsgraph.extract.language import identify

    fundus = load_fundus(limit)
    own = own_articles()
    if not fundus and not own:
        raise Skip(f"data absent: {EVAL / 'fundus-parser-testdata'}")
    res = TaskResult(NAME, TITLE, items=len(fundus) + len(own))
    identify("warm up the model " * 5)
    readings = ("gold body", "text dump", "HTML, lang hidden")
    hits = {r: {TUNE: [], CHECK: []} for r in readings}
    wrong: dict[str, list[str]] = {r: [] for r in readings}
    english_costs: list[float] = []
    for it in fundus:
        gold = label(it)
        html = read_html(it["_path"], it["html"])
        key = part(it["publisher"])
        body = gold_body(it["expected"])
        dump_body = _text_dump_body(html, it["html"])
        t0 = time.perf_counter()
        pred_gold = identify(body)[0]
        if gold == "en":
            english_costs.append(time.perf_counter() - t0)
        preds = {"gold body": pred_gold, "text dump": identify(dump_body)[0] if dump_body else "(no body)",
                 "HTML, lang hidden": _html_language(html, it["html"])}
        for r, pred in preds.items():
            ok = same(pred, gold)
            hits[r][key].append(ok)
            if not ok:
                wrong[r].append(f"{it['country']}/{it['publisher']} {gold}->{pred}")
    rows = []
    for r in readings:
        t, c = hits[r][TUNE], hits[r][CHECK]
        rows.append([r, len(t) + len(c), _acc(t + c), _acc(t), _acc(c), len(wrong[r])])
    own_hits = []
    own_wrong = []
    for name, gold, text in own:
        pred = identify(text)[0]
        own_hits.append(same(pred, gold))
        if not own_hits[-1]:
            own_wrong.append(f"{name} {gold}->{pred}")
    if own:
        rows.append([f"our articles ({len({g for _, g, _ in own})} languages)", len(own), _acc(own_hits), None, None,
                     len(own_wrong)])
    res.tables.append(Table(
        "Accuracy (goal >= 0.98 on fundus and on our articles)",
        ["reading", "pages", "accuracy", "tune part", "check part", "wrong"],
        rows,
        note="Fundus gold is one label per publisher (benchmarks/tasks/language.py); nb/nn/no count as one.",
    ))
    if english_costs:
        res.tables.append(Table(
            "Cost of the identifier per English article (gold body, sample of the top paragraphs)",
            ["articles", "median ms", "mean ms", "max ms"],
            [[len(english_costs), 1000 * statistics.median(english_costs), 1000 * statistics.mean(english_costs),
              1000 * max(english_costs)]],
        ))
    for r in readings:
        if wrong[r]:
            res.notes.append(f"Wrong ({r}): " + "; ".join(wrong[r]))
    if own_wrong:
        res.notes.append("Wrong (our articles): " + "; ".join(own_wrong))
    return res


def _acc(hits: list[bool]) -> float | None:
    return sum(hits) / len(hits) if hits else None


if __name__ == "__main__":  # python -m benchmarks.tasks.language
    out = run(None)
    for t in out.tables:
        print(t.to_markdown(), "\n")
    print("\n".join(out.notes))
    print(Path(__file__).name)
