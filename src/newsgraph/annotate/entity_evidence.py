"""Stage 2 of `newsgraph_entities`: typed evidence per mention.

Titles before the name and appositions after it ("Anna Berg, Swedish foreign minister,") mark persons and are kept
as roles; given names and speech verbs mark persons; suffixes, known names and head nouns mark organisations; the
gazetteer marks places; a place name followed by a score is a sports team (an organisation) unless it is a country;
acronyms given beside a name ("National Citizens Alliance (NCA)") are recorded for linking.
A name that only the model calls a person, or that is a small place only in the gazetteer, loses that reading
when the text uses it as a thing (`thing_use`: an acronym among lower-case prose, a verb form, the object of "via",
"download", a modifier of "app", "account"; data/thing_cues.tsv), and is dropped when nothing else types it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from newsgraph.annotate.config import knob
from newsgraph.annotate.entity_mentions import NameMention
from newsgraph.annotate.gazetteer import get_gazetteer
from newsgraph.annotate.geo_names import local_fallback
from newsgraph.annotate.name_usage import determined, list_head, note_usage
from newsgraph.annotate.names import NamesLexicon, initials, looks_like_acronym

_SPEECH = {"said", "says", "told", "added", "say", "tells", "explained", "noted", "stated", "insisted", "warned"}
_TEAM_BEFORE = re.compile(r"\b([a-z]+)\.?\s+$", re.I)
_TEAM_AFTER = re.compile(r"^\s+([a-z]+)\b")
#: a courtesy title right before a name, capitalised, on its own ("Mr Smith", "Mrs. Lincoln")
_COURTESY_BEFORE = re.compile(r"(?<![\w.])(?:Mr|Mrs|Ms|Mx|Dr|Miss)\.?\s$")
_AGE_AFTER = re.compile(r"^\s*,\s*\d{1,3}\s*,")
_SCORE_AFTER = re.compile(r"^\s+\d{1,3}(?:[-:]\d{1,3})?(?![\d:-])")
_ACRONYM_AFTER = re.compile(r"^\s*[(\[]\s*([A-Z][A-Za-z.&-]{1,9})\s*[)\]]")
_EXPANSION_AFTER = re.compile(r"^\s*[(\[]\s*([A-Z][\w'.-]*(?:\s+(?:of|for|and|the|de|[A-Z][\w'.-]*))+)\s*[)\]]")


@dataclass(frozen=True)
class EvidenceWeights:
    """Points each kind of evidence gives a mention's type (how many points make which type is the `linking`
    config, entity_linking.LinkingThresholds)."""

    model_label: int = knob(1, "the NER model's own label (PERSON, ORG, GPE/LOC/FAC)")
    lexicon_org: int = knob(5, "a name of the organisation lexicon (data/organisations)")
    gazetteer_place: int = knob(3, "a country or dateline name the model missed, found in the gazetteer")
    org_suffix: int = knob(3, "an organisation suffix or known organisation word in the name ('Ltd', 'Ministry')")
    given_name: int = knob(2, "a name of two words or more opening with a given name")
    title_before: int = knob(3, "a title right before the name ('Prime Minister ...', 'Mr ...')")
    apposition: int = knob(2, "a role in apposition after the name ('..., Swedish foreign minister,')")
    age_after: int = knob(2, "an age after the name ('..., 19, of ...')")
    person_pronoun: int = knob(2, "'said he/she' after the name")
    possessive_after: int = knob(2, "a verb then 'his'/'her' after the name ('X made his debut'), or '(born ...'")
    it_pronoun: int = knob(2, "'said it' after a name that is no place: an organisation")
    speech_verb: int = knob(1, "a speech verb right after the name")
    org_head_after: int = knob(3, "an organisation head noun after the name ('... news agency')")
    org_word_before: int = knob(3, "an organisation word before the name ('the shipping company ...')")
    feature_head: int = knob(3, "a natural-feature head noun ending the name ('... River', '... Dam')")
    place_cue: int = knob(3, "a feature or settlement noun beside the name ('the ... river', 'the town of ...')")
    business_context: int = knob(3, "business context around a name that is no country ('fined ...', \"...'s shares\")")
    list_class: int = knob(3, "a list's class noun that is a kind of body ('universities, including ...')")
    country: int = knob(3, "the gazetteer's first reading is a country")
    region: int = knob(2, "... a state, province or continent")
    big_place: float = knob(1.5, "... a place of at least `big_place_population` people")
    big_place_population: int = knob(100_000, "population from which a place reading counts as big")
    small_place: float = knob(0.5, "... a smaller place")


@dataclass(frozen=True)
class EvidenceWindows:
    """How much text around a mention the evidence reads (characters, unless a field says words): each cue is
    looked for right next to the name, so a window only needs to hold the cue and the spaces before it."""

    after: int = knob(40, "characters after a name read for an age, a pronoun with a speech verb, an organisation head")
    before: int = knob(60, "characters before a name read for an organisation word or a place cue (also in headlines)")
    business: int = knob(60, "characters after a name read for business context ('..., which is based in')")
    score_after: int = knob(12, "characters after a town's name read for a match score (a sports team)")
    team_before: int = knob(12, "characters before a town's name read for 'beat', 'against', 'v' (a sports team)")
    team_after: int = knob(14, "characters after a town's name read for 'beat', 'drew', 'coach' (a sports team)")
    acronym_after: int = knob(14, "characters after a name read for its acronym in brackets ('... (NCA)')")
    expansion_after: int = knob(80, "characters after an acronym read for its expansion in brackets")
    cue_after: int = knob(30, "characters after a name read for a feature noun ('the ... river')")
    coordination_after: int = knob(80, "characters after a name read for a coordinated plural cue ('... and ... rivers')")
    role_words: int = knob(6, "words at most in a title run before a name ('Russian Deputy Prime Minister')")
    apposition: int = knob(90, "characters after a name read for a role in apposition ('..., Swedish foreign minister,')")
    apposition_words: int = knob(9, "words at most in an apposition role ...")
    apposition_head_within: int = knob(5, "... whose title head is among its first this many words")
    acronym_context: int = knob(60, "characters either side of an all-caps name read for lower-case prose ...")
    acronym_prose_words: int = knob(3, "... which needs this many lower-case words to make the name an acronym in prose")
    thing_before: int = knob(20, "characters before a name read for a tool or medium word ('via', 'download')")
    thing_after: int = knob(20, "characters after a name read for a thing noun ('app', 'account')")
    which_after: int = knob(12, "characters after a name read for ', which' (a relative pronoun for things)")
    locative: int = knob(30, "characters before a town's name read for a preposition of place ('in', 'near')")
    place_after: int = knob(30, "characters after a town's name read for ', State' or '-based'")


DEFAULT_EVIDENCE = EvidenceWeights()
DEFAULT_WINDOWS = EvidenceWindows()


def add_evidence(doc: Doc, text: str, m: NameMention, gaz, names: NamesLexicon,
                 w: EvidenceWeights = DEFAULT_EVIDENCE, win: EvidenceWindows = DEFAULT_WINDOWS) -> None:
    ev = m.ev
    if m.label == "person":
        ev["person"] += w.model_label
    elif m.label == "organisation":
        ev["organisation"] += w.model_label
    elif m.label == "place":
        ev["place"] += w.model_label
    elif m.label == "lexicon-org":
        ev["organisation"] += w.lexicon_org
    elif m.label == "gaz-place":
        ev["place"] += w.gazetteer_place
    words = m.text.split()
    lex = names.org
    if names.org_evidence(m.text):
        ev["organisation"] += w.org_suffix
    if words and words[0] in names.given_names and len(words) >= 2 and "&" not in words and "and" not in words:
        ev["person"] += w.given_name
        ev["person_cue"] += 1
    # prefix title ("Greek Prime Minister Nikos Andreou", "Mr Smith")
    role = _prefix_role(text, m.start, names, win)
    if role:
        ev["person"] += w.title_before
        ev["person_cue"] += 1
        m.roles.append(role)
    elif _COURTESY_BEFORE.search(text[max(0, m.start - 6) : m.start]):  # "Mrs. Lincoln": a person, no role
        ev["person"] += w.title_before
        ev["person_cue"] += 1
    role = _apposition_role(text, m.end, names, win)
    if role:
        ev["person"] += w.apposition
        ev["person_cue"] += 1
        m.roles.append(role)
    after = text[m.end : m.end + win.after]
    if _AGE_AFTER.match(after):  # "Henry, 19, of Orchard Street"
        ev["person"] += w.age_after
        ev["person_cue"] += 1
    nxt = after.split()[:1]
    pronoun = _PRONOUN_AFTER.match(after)
    if pronoun and pronoun.group(1).lower() in ("he", "she", "his", "her"):
        ev["person"] += w.person_pronoun
        ev["person_cue"] += 1
    elif pronoun and not gaz.lookup(m.text):  # "... said it would": a body, not a person (places say "it" too)
        ev["organisation"] += w.it_pronoun
    elif nxt and nxt[0].strip(",.") in _SPEECH:
        ev["person"] += w.speech_verb
    if _BORN_AFTER.match(after) or _possessive_after(doc, m):
        ev["person"] += w.possessive_after
        ev["person_cue"] += 1
    low_after = after.lstrip().lower()
    for head in lex.heads:
        if low_after.startswith(head) and not low_after[len(head) : len(head) + 1].isalpha():
            ev["organisation"] += w.org_head_after
            break
    before = text[max(0, m.start - win.before) : m.start]
    prev = [re.split("['\u2019]", w)[-1] for w in before.split()[-1:]] if before.endswith(" ") else []
    if prev and prev[0] in lex.before:  # "the shipping company ...", "l'agence ..." (the elided article read off)
        ev["organisation"] += w.org_word_before
    if len(words) >= 2 and words[-1].lower() in names.place_heads and not names.org_evidence(m.text):
        ev["place"] += w.feature_head  # "Grand Ruritanian Renaissance Dam", "Red River": a feature named by its own head
        ev["feature"] += 1
    elif _place_cue(text, m, before, names, win):
        ev["place"] += w.place_cue
        ev["feature"] += 1
    places = gaz.lookup(m.text)
    top = places[0] if places else None
    weak_place = top is None or top.kind not in ("country", "continent")
    if weak_place and (
        (lex.business_before is not None and lex.business_before.search(before))
        or (lex.business_after is not None and lex.business_after.match(text[m.end : m.end + win.business]))
    ):  # "fined ...", "...'s shares", "..., which is based in": a company, not a small town of that name
        ev["organisation"] += w.business_context
    if places:
        top = places[0]
        if top.kind == "country":
            ev["place"] += w.country
            ev["country"] += 1
        elif top.kind in ("admin1", "continent"):
            ev["place"] += w.region
        elif top.population >= w.big_place_population:
            ev["place"] += w.big_place
        else:
            ev["place"] += w.small_place
        if (top.kind in ("city", "admin2") or (top.kind == "admin1" and m.label == "row")) and (
            m.label == "row" or _team_use(text, m, names, win)
        ):
            ev["team"] += 1
    elif m.label == "row":
        ev["drop"] += 1  # an unknown name heading a table row: left to the model's own spans
    elif len(words) >= 2 and local_fallback(gaz, m.text) and _team_use(text, m, names, win):
        ev["team"] += 1  # "Manchester City midfielder": a town's name and a word of its own that the index lacks
    if names.work_before_re is not None and names.work_before_re.search(before):
        ev["work_use"] += 1  # "published in the X": read per name by name_usage.gate_works
    head = list_head(text, m.start, m.end)
    if head in names.org_classes:  # "universities, including X": a body, whatever the gazetteer holds for X
        ev["organisation"] += w.list_class
    elif head in names.place_classes:
        ev["place_use"] += 1
    _untype_things(doc, text, m, places, before, names, w, win)
    note_usage(doc, text, m, gaz, names)
    # acronym given beside the name: "National Citizens Alliance (NCA)" / "NCA [National Citizens Alliance]"
    am = _ACRONYM_AFTER.match(text[m.end : m.end + win.acronym_after])
    if am and initials(m.text).upper() == am.group(1).replace(".", "").upper():
        m.canonical = m.text
        ev["alias:" + am.group(1)] += 1
    em = _EXPANSION_AFTER.match(text[m.end : m.end + win.expansion_after])
    if em and looks_like_acronym(m.text) and initials(em.group(1)).upper() == m.text.replace(".", "").upper():
        ev["expands:" + em.group(1)] += 1


_BORN_AFTER = re.compile(r"^\s*\((?:born|b\.)\s")
#: parts of speech between a subject and the possessive of its own object ("X has since made his", "X hit his")
_VERB_RUN = {"VERB", "AUX", "ADV", "PART"}


def _possessive_after(doc: Doc | None, m: NameMention, window: int = 3) -> bool:
    """The name is the subject of a verb whose object it owns as 'his' or 'her' ("Holt made his debut"): a person.
    Only verbs (and adverbs) may lie between the name and the possessive, so "told her" (an object) and "X and
    his" (a second subject) do not count."""
    if doc is None:
        return False
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return False
    seen_verb = False
    for tok in doc[span.end : span.end + window + 1]:
        if tok.tag_ == "PRP$" and tok.lower_ in ("his", "her"):
            return seen_verb
        if tok.pos_ not in _VERB_RUN:
            return False
        seen_verb = seen_verb or tok.pos_ in ("VERB", "AUX")
    return False


def _team_use(text: str, m: NameMention, names: NamesLexicon, win: EvidenceWindows) -> bool:
    """A town's name used as a sports team's: a match score after it, a match word before it ("beat X", "against
    X") or a match or squad word after it ("X drew", "X coach", "X midfielder"): data/organisations.tsv."""
    if _SCORE_AFTER.match(text[m.end : m.end + win.score_after]):
        return True
    bm = _TEAM_BEFORE.search(text[max(0, m.start - win.team_before) : m.start])
    if bm and bm.group(1).lower() in names.org.team_before:
        return True
    am = _TEAM_AFTER.match(text[m.end : m.end + win.team_after])
    return bool(am and am.group(1).lower() in names.org.team_after)


_PRONOUN_AFTER = re.compile(r"^\s+(?:said|says|added|announced|confirmed|denied|told \w+)\s+(?:that\s+)?(he|she|his|her|it|its)\b")
_COORD_AFTER = re.compile(r"^\s*(?:,|and|or|,\s*and)\s+(?:[A-Z][\w'\u2019-]*\s+){1,2}([a-z]+)\b")
_NEXT_WORD = re.compile(r"^\s+([a-z]+)\b")
_PREV_WORD = re.compile(r"\b([a-z]+)\s+(?:of\s+)?(?:the\s+)?$")


def _place_cue(text: str, m: NameMention, before: str, names: NamesLexicon,
               win: EvidenceWindows = DEFAULT_WINDOWS) -> bool:
    """A feature or settlement noun beside the name: "the ... river", "the ... and ... rivers", "the Indian state of
    ...", "the border town of ...", "the ... neighbourhood" (lower-case nouns only: "Islamic State" is no cue)."""
    after_words, before_words = names.place_after, names.place_before
    nm = _NEXT_WORD.match(text[m.end : m.end + win.cue_after])
    if nm and nm.group(1) in after_words:
        return True
    cm = _COORD_AFTER.match(text[m.end : m.end + win.coordination_after])
    if cm and cm.group(1) in after_words and cm.group(1).endswith("s"):
        return True
    pm = _PREV_WORD.search(before)
    return bool(pm and pm.group(1) in before_words)


def headline_place_cue(headline: str, name: str, names: NamesLexicon,
                       win: EvidenceWindows = DEFAULT_WINDOWS) -> bool:
    """`_place_cue` for the name where the headline or standfirst writes it."""
    for hm in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", headline):
        probe = NameMention(hm.start(), hm.end(), name, "headline")
        if _place_cue(headline, probe, headline[max(0, hm.start() - win.before) : hm.start()], names, win):
            return True
    return False


_WORD = re.compile(r"[\w.'\u2019-]+$")


def _prefix_role(text: str, start: int, names: NamesLexicon, win: EvidenceWindows) -> str | None:
    """The run of title words (and demonyms/country names) right before a name, if it holds a title word."""
    words = names.title_words
    pos = start
    parts: list[tuple[int, str]] = []
    while pos > 0 and len(parts) < win.role_words:
        seg = text[max(0, pos - 40) : pos]
        m = _WORD.search(seg.rstrip(" "))
        if not m or not seg.endswith(" "):
            break
        w = m.group()
        w_start = pos - (len(seg) - len(seg.rstrip(" "))) - len(w)
        lw = w.lower()
        if lw in words or (w[:1].isupper() and parts and _demonymish(w)) or lw in ("u.s.", "us", "un", "u.n."):
            parts.append((w_start, w))
            pos = w_start
            continue
        break
    if not parts:
        return None
    # a place name of several words opening the role ("New Mexico Governor")
    while parts:
        seg = text[max(0, parts[-1][0] - 30) : parts[-1][0]]
        m = _WORD.search(seg.rstrip(" "))
        if not m or not m.group()[:1].isupper() or not seg.endswith(" "):
            break
        joined = m.group() + " " + parts[-1][1]
        if not get_gazetteer().lookup(joined):
            break
        parts[-1] = (parts[-1][0] - len(seg) + m.start(), joined)
    parts.reverse()
    while parts and parts[-1][1].lower() in ("of", "the", "and"):
        parts.pop()
    # drop leading words that are not part of a title ("the")
    while parts and parts[0][1].lower() in ("the", "of"):
        parts.pop(0)
    phrase_words = [p[1] for p in parts]
    if not any(w.lower() in names.title_heads or w.lower() in names.titles for w in phrase_words):
        return None
    if len(phrase_words) == 1 and phrase_words[0].lower().rstrip(".") in ("mr", "mrs", "ms", "dr", "miss"):
        return None  # a courtesy title marks a person but is no role
    return " ".join(phrase_words)


def _demonymish(w: str) -> bool:
    """A demonym, a country or place name, or a word shaped like a demonym ("Ruritanian")."""
    if re.fullmatch(r"[A-Z][a-z]+(?:an|ian|ese|ish|ic|i)", w):
        return True
    try:
        return get_gazetteer().demonym(w) is not None or bool(get_gazetteer().lookup(w))
    except Exception:  # pragma: no cover - gazetteer missing
        return False


_APPOS = re.compile(r"^,\s+((?:the\s+|a\s+)?[^,.;:\"()\u201c\u201d]{3,70}?)\s*(?=,|\.(?:\s|$)|;)")


def _apposition_role(text: str, end: int, names: NamesLexicon, win: EvidenceWindows) -> str | None:
    """ "Anna Berg, Swedish foreign minister," -> "Russian foreign minister" (the phrase must have a title
    word among its first words and no verb-like lower-case word before it)."""
    m = _APPOS.match(text[end : end + win.apposition])
    if not m:
        return None
    phrase = m.group(1).strip()
    words = phrase.split()
    if not words or len(words) > win.apposition_words:
        return None
    heads = names.title_heads
    low = [w.lower() for w in words]
    if low[0] in ("the", "a"):
        words, low = words[1:], low[1:]
    head_at = next((i for i, w in enumerate(low[: win.apposition_head_within]) if w in heads), None)
    if head_at is None:
        return None
    if any(w in ("said", "says", "who", "which", "was", "is", "has", "had", "and") for w in low[: head_at + 1]):
        return None
    caps = 0
    for w in words[head_at + 1 :]:  # another person's name inside the phrase: not an apposition of this one
        caps = caps + 1 if w[:1].isupper() and w.lower() not in names.title_words else 0
        if caps >= 2 and not get_gazetteer().lookup(" ".join(words[words.index(w) - 1 : words.index(w) + 1])):
            return None
    return " ".join(words)



_PREV_TOKEN = re.compile(r"([A-Za-z]+)\W{0,2}\s+$")
_NEXT_TOKEN = re.compile(r"^\s+([a-z]+)\b")


def _common_word(doc: Doc, m: NameMention) -> bool:
    """A one-word name the tagger reads as a verb form or gerund ("Sharing is caring!"), not as a name."""
    if " " in m.text.strip():
        return False
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    tok = span[0]
    if tok.pos_ == "PROPN":
        return False
    # a verb form or a gerund ("Sharing": NN ending in -ing); other nouns are left alone, since the tagger often
    # calls rare surnames NN
    return tok.tag_.startswith("VB") or (tok.tag_ == "NN" and tok.lower_.endswith("ing") and len(tok) > 5)


def _lower_around(text: str, m: NameMention, win: EvidenceWindows) -> bool:
    """Lower-case words around the name: its capitals set it apart (an acronym), rather than an all-caps headline
    or dateline ("LEICESTER 1 CHELSEA 0") written in capitals throughout."""
    around = text[max(0, m.start - win.acronym_context) : m.start] + " " + text[m.end : m.end + win.acronym_context]
    return len(re.findall(r"\b[a-z]{3,}\b", around)) >= win.acronym_prose_words


def thing_use(doc: Doc, text: str, m: NameMention, before: str, names: NamesLexicon,
              win: EvidenceWindows = DEFAULT_WINDOWS) -> str | None:
    """How the text uses a name as a thing rather than a person or a place, or None: an all-caps acronym, a verb
    form (tagger), the object of a tool/medium preposition or verb ("via X", "download X"), or a modifier of a thing
    noun ("X app"). Kinds of use, not names. (A capitalised menu line was tried and left out: on GUM it mostly
    caught people named in headings.)"""
    line_start = not text[text.rfind("\n", 0, m.start) + 1 : m.start].strip()  # datelines, headings: "LONDON 1996-08-30"
    if looks_like_acronym(m.text) and m.text.replace(".", "").isupper() and _lower_around(text, m, win) and not line_start:
        return "acronym"
    if _common_word(doc, m):
        return "common-word"
    before_words, after_words = names.thing_before, names.thing_after
    pm = _PREV_TOKEN.search(before[-win.thing_before :])
    if pm and pm.group(1).lower() in before_words:
        return "object-of-" + pm.group(1).lower()
    nm = _NEXT_TOKEN.match(text[m.end : m.end + win.thing_after])
    if nm and nm.group(1) in after_words:
        return "thing-head"
    if any(c.isdigit() for c in m.text):
        return "digits"  # "RTX 3080", "ggplot2": a model number or a version, never in a person's name
    if _WHICH_AFTER.match(text[m.end : m.end + win.which_after]):
        return "which"  # "X, which combines ...": a relative pronoun for things and bodies, not people
    if determined(doc, m.start, m.end, names.thing_adjectives):
        return "determiner"
    if list_head(text, m.start, m.end) in names.thing_classes:
        return "list"  # "apps such as X and Y", "X and other films": a member of a list of things  # "the Louvre", "the new X", "some X": people's names take no determiner
    return None


_WHICH_AFTER = re.compile(r"^\s*,?\s+which\b")


def _untype_things(doc: Doc, text: str, m: NameMention, places: list, before: str, names: NamesLexicon,
                   w: EvidenceWeights, win: EvidenceWindows) -> None:
    """A name only the model calls a person, which the text uses as a thing, loses the model's person point; a
    name that is a place only in the gazetteer (a town or district reading, no place cue, no preposition of place)
    and is an acronym or the modifier of a thing noun loses its place points ("IPO", "UN"). With no other evidence
    left the mention is dropped: it is neither a person, an organisation nor a place we can show."""
    ev = m.ev
    use = thing_use(doc, text, m, before, names, win)
    if m.label == "person" and not ev["person_cue"] and ev["person"] <= w.model_label + w.speech_verb and use:
        ev["person"] = 0
        ev["thing"] += 1
    if use:
        ev["thing_use"] += 1  # read per name by name_usage.gate_thing_names
    top = places[0] if places else None
    if (
        top is not None
        and top.kind not in ("country", "admin1", "continent")
        and not ev["feature"]
        and not ev["country"]
        and "." not in m.text  # "D.C.", "L.A." spell a place out
        and not _LOCATIVE.search(before[-win.locative :])
        and not _PLACE_AFTER.match(text[m.end : m.end + win.place_after])
        and use in ("acronym", "thing-head")
    ):
        ev["place"] = 0
        ev["thing"] += 1
    if ev["thing"] and ev["organisation"] <= 0 and ev["person"] <= 0 and ev["place"] <= 0:
        ev["drop"] += 1


#: words before a name that treat it as a place, and ", State" / "-based" after it (as entity_features reads them)
_LOCATIVE = re.compile(r"\b(?:in|at|from|near|to|into|across|outside|inside|throughout|around|towards?|"
                       r"between|based in)\s+(?:the\s+)?$", re.I)
_PLACE_AFTER = re.compile(r"^(?:,\s+[A-Z][a-z]+|-based\b)")



#: mentions of an entity that act as a person ('X made his debut', 'X (born ...') that make it a person when
#: nothing beyond the model's own label types it otherwise
PERSON_USES = 2


def people_by_usage(doc: Doc, text: str, clusters: list, org_points: float) -> list:
    """Retype as a person an organisation or place entity whose names, wherever the text uses them (untagged
    repeats included, which got no evidence of their own), act as a person `PERSON_USES` times or more ("Holt made his debut", "Holt hit his
    first home run"), when its only other typing is the model's label: no organisation suffix, lexicon or head noun
    (`org_points` beyond the model's labels), no feature noun, no gazetteer country. Returns the clusters, a
    retyped surname merged into the one full name that ends in it."""
    retyped = []
    for c in clusters:
        if c.type not in ("organisation", "place"):
            continue
        ev: dict = {}
        model = 0
        for m in c.mentions:
            for k, v in m.ev.items():
                ev[k] = ev.get(k, 0) + v
            model += m.label in ("organisation", "place")
        if ev.get("organisation", 0) - model >= org_points or ev.get("feature") or ev.get("country") or ev.get("team"):
            continue
        uses = 0
        for name in dict.fromkeys([c.name, *c.aliases]):
            if len(name) < 3 or not name[:1].isupper():
                continue
            for hit in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text):
                at = NameMention(hit.start(), hit.end(), name, "propagated")
                uses += bool(_BORN_AFTER.match(text[hit.end() : hit.end() + 12]) or _possessive_after(doc, at))
        if uses >= PERSON_USES:
            c.type = "person"
            retyped.append(c)
    if not retyped:
        return clusters
    # a surname joins the one full name of a person that ends in it ("Holt" -> "Brock Holt") when either was retyped
    # here (linking ran before, when the full name was no person)
    full: dict[str, list] = {}
    for c in clusters:
        if c.type == "person" and len(c.name.split()) >= 2:
            full.setdefault(c.name.split()[-1], []).append(c)
    out = []
    for c in clusters:
        owners = full.get(c.name, []) if c.type == "person" and " " not in c.name else []
        if len(owners) == 1 and (c in retyped or owners[0] in retyped):
            owners[0].mentions += c.mentions
            owners[0].aliases += [a for a in c.aliases if a not in owners[0].aliases]
            continue
        out.append(c)
    return out
