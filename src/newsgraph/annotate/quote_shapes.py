"""The shape of a quoted span: a title, a nickname or a word mentioned rather than words somebody said.

Why apart from quote_evidence.py: these read only the quoted tokens and their neighbours (capitalisation, parts of
speech, punctuation), not the frame; quote_evidence.py scores a quote of such a shape TITLE_SCORE.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from newsgraph.annotate.resolve import doc_text

#: The most words a quoted term inside a noun phrase has ('twice yearly "relief" payments', 'a "buffer" zone').
TERM_MAX_WORDS = 3
#: Dependencies of a premodifier of a noun: a quotation standing there names a kind of thing, not words said.
TERM_MODIFIER_DEPS = ("compound", "amod", "nmod", "nummod", "poss")
#: Parts of speech of a quoted premodifier that names a kind of thing.
TERM_POS = ("NOUN", "PROPN")
#: Parts of speech a title leaves in lower case ("at the End of Summer"): articles, prepositions, conjunctions.
_TITLE_LOWER = ("DET", "ADP", "CCONJ", "PART")


def title_shaped(span: Span | None) -> bool:
    """Two or more words, every one capitalised but articles, prepositions and conjunctions ("1864: Lincoln at the
    Gates of History"), the first capitalised too: the shape of a title or a name, not of a clause somebody said
    (a sentence capitalises its first word and its names, and its verbs and common nouns are lower case). Not a
    cry ("Free Palestine!") nor words all in capitals (a post or a placard)."""
    if span is None:
        return False
    words = [t for t in span if t.is_alpha]
    if len(words) < 2 or not words[0].text[0].isupper() or any(t.text in ("!", "?") for t in span):
        return False  # "Free Palestine!": a cry, not a title
    if all(t.text.isupper() for t in words):
        return False  # a post or a sign in capitals reports words in capitals
    caps = sum(t.text[0].isupper() for t in words)
    return caps >= 2 and all(t.text[0].isupper() or t.pos_ in _TITLE_LOWER for t in words)


def mentioned_term(span: Span | None) -> bool:
    """One or two words with no verb and no punctuation of an utterance, in quotation marks with no frame ('"Other
    civil" cases', '"Chhota" means "small"'): a word mentioned, not said; a reply is punctuated ('"Fine."')."""
    if span is None or not len(span):
        return False
    words = [t for t in span if t.is_alpha]
    return 0 < len(words) <= 2 and len(words) == len(span) and not any(t.pos_ in ("VERB", "AUX") for t in span)


#: Dependencies by which a quotation names what a noun or a verb outside it introduces ('the words "Islamic
#: terrorism"', 'his show, "Politicking."', 'a film called "Heat"').
_NAMING_DEPS = ("appos", "dobj", "oprd", "attr", "npadvmod", "compound", "nmod")


def named_mention(span: Span | None, nouns, verbs) -> bool:
    """A quotation that is the name of what a naming noun outside it introduces: in apposition to (or the object of)
    a noun such as "words", "term", "slogan", "show", "book" ('the words "Islamic terrorism"', 'Mr. King's show,
    "Politicking."'), or the name a participle of naming gives ('a film called "Heat"', 'a report titled "..."'): the
    words are mentioned, not said by anyone in this clause. The noun stands right before the opening mark (a comma
    may come between; a colon introduces speech: 'his words: "..."'), and the parse hangs the quotation on it, or
    the quotation has no verb. `nouns` maps a noun to "term" (a word of language: "his words" with a possessive
    are his speech, "the words" a mention) or "work" (a title: "Mr. King's show"); `verbs` are naming participles."""
    if span is None or not len(span):
        return False
    doc = span.doc
    i = span.start - 1
    while i >= 0 and (doc[i].is_quote or doc[i].text == "," or doc[i].is_space):
        i -= 1
    if i < 0 or span.start - i > 4:
        return False
    intro = doc[i]
    kind = nouns.get(intro.lemma_.lower()) or nouns.get(intro.lower_) if intro.pos_ in ("NOUN", "PROPN") else None
    if kind == "term" and any(c.dep_ == "poss" for c in intro.children):
        return False  # "in his words, ...": the words are his, a quotation of what he said
    verb = intro.tag_ == "VBN" and intro.dep_ in ("acl", "relcl") and intro.lemma_.lower() in verbs
    if not (kind or verb):
        return False
    root = span.root
    if span.start <= intro.head.i < span.end or any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children):
        return False  # 'Obama said the words "lump" the good Muslims with the bad': the quoted word is the predicate
    j = span.end
    while j < len(doc) and (doc[j].is_quote or doc[j].is_space):
        j += 1
    ended = any(t.text in (".", "!", "?") for t in doc[span.end - 1 : j]) or (j < len(doc) and doc[j].is_sent_start)
    if not ended and j < len(doc) and j > span.end and doc[j].pos_ in ("DET", "NOUN", "PROPN", "ADJ", "PRON", "NUM"):
        return False  # 'the words "divide" neighbours ...': a noun phrase right after the marks is the quoted verb's object
    if intro.dep_ in ("nmod", "compound") and intro.head.i >= span.end:
        return False  # the noun read as a modifier of a noun after the quotation: the parse lost the clause, no name
    hung = root.head.i == intro.i and root.dep_ in _NAMING_DEPS
    verbless = not any(t.pos_ in ("VERB", "AUX") for t in span)
    return hung or verbless


def so_called(span: Span | None) -> bool:
    """A quotation right after "so-called" ('taxing so-called "pass through" income', 'the so-called "Marlow flu"'):
    the writer's marker of a term in use, a word mentioned at a distance, not words said in this clause (any
    speaker's cue around it frames the clause, not the term). The marker is the writer's, not the page's topic."""
    if span is None or not len(span):
        return False
    doc = span.doc
    i = span.start - 1
    while i >= 0 and (doc[i].is_quote or doc[i].is_space or doc[i].text in ("\u201c", "\u2018", "``", "''")):
        i -= 1
    if i < 0 or span.start - i > 3:
        return False
    words = doc[max(0, i - 2) : i + 1].text.lower().replace(" ", "")
    return words.endswith("so-called") or words.endswith("socalled")


def nickname(span: Span | None) -> bool:
    """One or two capitalised words quoted between two capitalised words (Richard "Dik" Days, Harold "Hal"
    Rogers): a nickname inside a name, not words anybody said."""
    if span is None or not len(span) or len(span) > 2 or not all(t.is_alpha and t.text[0].isupper() for t in span):
        return False
    doc = span.doc
    before = [t for t in doc[max(0, span.start - 3) : span.start] if not (t.is_punct or t.is_space)]
    after = [t for t in doc[span.end : span.end + 3] if not (t.is_space or t.is_quote)]
    return bool(before and after) and before[-1].is_alpha and before[-1].text[0].isupper() and after[0].is_alpha and after[0].text[0].isupper()


def modifier_term(span: Span | None) -> bool:
    """At most TERM_MAX_WORDS words premodifying a noun outside the quotation marks ('twice yearly "relief"
    payments', 'the "buffer" zone'): a term in scare quotes, the name of a kind of thing, not
    words anybody said, even with a speech verb in the sentence. A quoted predicate or object ('called it a "grave
    error"', 'said it was "overblown"') heads its own phrase and is not one."""
    if span is None or not len(span):
        return False
    words = [t for t in span if t.is_alpha]
    if not words or len(words) > TERM_MAX_WORDS:
        return False
    root, head = span.root, span.root.head
    outside = head.i < span.start or head.i >= span.end
    # a quoted noun naming a kind ("relief" payments); a quoted adjective ('in "serious but stable" condition,
    # according to a hospital spokesperson') is as often somebody's description and stays
    return outside and head.i > root.i and root.dep_ in TERM_MODIFIER_DEPS and root.pos_ in TERM_POS and head.pos_ in ("NOUN", "PROPN")


#: What stands right before a quoted other name of the thing named before it ('bovine spongiform encephalopathy, or
#: "mad cow disease"', 'the disease ("sleeping sickness")', 'a tax known as the "bedroom tax"').
_RENAMING = re.compile(r"(?:,\s*or|\(|\bknown\s+as|\ba\.k\.a\.|\baka)\s*$", re.I)


def renaming_term(span: Span | None) -> bool:
    """At most TERM_MAX_WORDS words with no verb, quoted right after ", or", "(" or "known as": another name of the
    thing just named, the writer's gloss, not words anybody said, even inside a speaker's reported clause (the
    parse often hangs the name on the clause's verb as a conjunct, so the punctuation before it decides)."""
    if span is None or not len(span):
        return False
    words = [t for t in span if t.is_alpha]
    if not words or len(words) > TERM_MAX_WORDS or any(t.pos_ in ("VERB", "AUX") for t in span):
        return False
    text = doc_text(span.doc)
    mark = span.start_char
    while mark > 0 and (text[mark - 1] in "\"'\u201c\u2018" or text[mark - 1].isspace()):
        mark -= 1
    return _RENAMING.search(text[max(0, mark - 20) : mark]) is not None


#: Dependents a speech tag's verb may have after it inside the tag: where, when, to whom, how ("said in Sarajevo",
#: "told reporters on Monday"); an object or a clause after the verb would be content.
TAG_DEPS = ("prep", "advmod", "npadvmod", "punct", "dative", "agent", "prt")
#: Quotation marks, straight and curly, that may stand between the quotation's comma and its tag.
MARKS = "\"'\u201c\u201d\u2018\u2019"
#: Subjects of a quoted clause that speak from inside the quotation ("I said no"), never a writer's tag.
_QUOTED_PERSONS = ("i", "we", "you")


def speech_tag(span: Span | None, is_speech) -> bool:
    """The span is only a reporting clause: a subject, a verb of speech (`is_speech(token)`) and where, when or to
    whom ("NATO spokesman X said in Sarajevo.", "Association President Y said."), no object or clause of content
    after the verb, right after a comma and its mark and ending with a full stop ('"Heavy shootings continue," he
    told ...' is the words, whose own mark follows a sentence end). Straight quotes of a detokenised wire ('... Mahala, "NATO spokesman X said ...') or a lost
    closing mark leave such a tag as the only text between two marks; it is the frame of the quotation before it,
    never a quote. The subject starts the span and is no first or second person (those speak inside a quotation)."""
    if span is None or not len(span):
        return False
    text = doc_text(span.doc)
    before = text[: span.start_char].rstrip()
    before = before[:-1].rstrip() if before[-1:] in MARKS else before
    if not before.endswith(",") or not span.text.rstrip().endswith("."):
        return False  # a tag follows the quotation's comma (its closing mark read as an opening one) and ends a sentence
    words = [t for t in span if not (t.is_punct or t.is_space)]
    verbs = [t for t in words if t.pos_ in ("VERB", "AUX") and is_speech(t)]
    if not words or len(verbs) != 1 or any(t.pos_ in ("VERB", "AUX") and t.i != verbs[0].i and t.dep_ != "aux" for t in words):
        return False
    verb = verbs[0]
    subj = [c for c in verb.children if c.dep_ == "nsubj" and span.start <= c.i < verb.i]
    if not subj or subj[0].left_edge.i > words[0].i or subj[0].lower_ in _QUOTED_PERSONS:
        return False
    if any(t.i != verb.i and verb not in t.ancestors for t in words):
        return False  # a second clause beside the tag's
    after = [c for c in verb.children if c.i > verb.i and c.i < span.end]
    return all(c.dep_ in TAG_DEPS for c in after) and all(span.start <= t.i < span.end for c in after for t in c.subtree if not t.is_space)
