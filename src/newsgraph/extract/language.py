"""Which language the article body is written in, from the body itself (py3langid), the page's claim as evidence.

Why from the body: pages often declare the wrong language (a template's `<html lang="en">` on a German story, a
CMS default, a syndicated article), and text dumps declare nothing. The classifier (py3langid: a naive Bayes
model over byte n-grams, 140 languages, shipped inside the package, nothing downloaded) reads a sample of the
body; a declared language (`<html lang>`, `Content-Language`, JSON-LD `inLanguage`) multiplies the odds of that
language by `DECLARED_ODDS`, so it settles close calls (short bodies, near languages such as da/no) and never
outvotes a body the classifier is sure of.

Cost: the classifier reads at most `language_sample_chars` characters (whole paragraphs from the top of the
body), so the work per article is bounded whatever the article's length.
"""

from __future__ import annotations

from functools import lru_cache

from newsgraph.settings import get_settings

#: A declared language's prior odds against the rest: the page's claim counts, but as one piece of evidence.
#: At 9 a declared language wins whenever the body gives it at least 10% (9 * 0.1 / (9 * 0.1 + 0.9) = 0.5).
DECLARED_ODDS = 9.0
#: Paragraphs shorter than this (datelines, crossheads, captions) are skipped when the sample is drawn.
MIN_PARAGRAPH_CHARS = 40
#: Fewer letters than this in the whole body: too little to identify; the declared language (or "und") stands.
MIN_LETTERS = 20
#: What we answer when nothing can be said (ISO 639-2 "undetermined").
UNDETERMINED = "und"
#: Declared codes that name the same language as one of the classifier's labels (old or individual codes).
_ALIASES = {"nb": "no", "iw": "he", "in": "id", "ji": "yi", "jw": "jv", "fil": "tl"}
#: Classifier labels that are no language at all.
_NOT_LANGUAGES = {"zxx"}


@lru_cache(maxsize=1)
def _identifier():
    """The py3langid model, loaded once per process (a pool worker or Spark executor loads its own), memory-mapped
    from the copy unpacked once into the cache folder (langid_model.py: the same arrays, without the LZMA cost)."""
    from newsgraph.extract.langid_model import load_identifier

    return load_identifier(get_settings().cache_dir)


def normalise_code(code: str | None) -> str | None:
    """'en-GB', 'de_DE', 'NB' -> 'en', 'de', 'no': the primary subtag, lower case, old codes mapped."""
    if not code:
        return None
    primary = code.strip().replace("_", "-").split("-")[0].lower()
    if not primary.isalpha() or not 2 <= len(primary) <= 3:
        return None
    return _ALIASES.get(primary, primary)


def sample(body: str, limit: int) -> str:
    """Whole paragraphs from the top of the body up to `limit` characters (short ones skipped), or its start."""
    parts: list[str] = []
    size = 0
    for para in body.split("\n"):
        para = para.strip()
        if len(para) < MIN_PARAGRAPH_CHARS:
            continue
        parts.append(para[: limit - size])
        size += len(parts[-1]) + 1
        if size >= limit:
            break
    return "\n".join(parts) if parts else body[:limit]


def identify(body: str, declared: str | None = None, sample_chars: int | None = None) -> tuple[str, float]:
    """(language code, confidence in [0, 1]) for an article body; `declared` is the page's own claim, if any.

    The confidence is the classifier's posterior probability of the chosen language after the declared
    language's odds are applied; with too little text it is 0.0 and the declared language (or "und") stands.
    """
    declared = normalise_code(declared)
    limit = sample_chars or get_settings().language_sample_chars
    text = sample(body, limit)
    if sum(ch.isalpha() for ch in text) < MIN_LETTERS:
        return declared or UNDETERMINED, 0.0
    ranked = [(lang, p) for lang, p in _identifier().rank(text) if lang not in _NOT_LANGUAGES]
    if not ranked:
        return declared or UNDETERMINED, 0.0
    scores = dict(ranked)
    best, p_best = ranked[0]
    if declared and declared != best and declared in scores:
        p_dec = scores[declared]
        odds_dec = DECLARED_ODDS * p_dec
        post_dec = odds_dec / (odds_dec + (1.0 - p_dec))
        if post_dec > 0.5:
            return declared, round(post_dec, 4)
        return best, round(p_best / (odds_dec + (1.0 - p_dec)), 4)
    if declared == best:
        odds = DECLARED_ODDS * p_best
        return best, round(odds / (odds + (1.0 - p_best)), 4)
    return best, round(p_best, 4)
