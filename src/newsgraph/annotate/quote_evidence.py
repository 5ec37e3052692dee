"""`newsgraph_quote_evidence`: how sure we are that a quote is reported speech, and that its speaker is right.

Runs after `newsgraph_quotes`. Why a component of its own: finding quotes and weighing the evidence for each are two
concerns. A direct quote framed by a speech verb is strong evidence and keeps its strength; an indirect one rests on
its cue and its speaker, and fails often on pages nobody tuned on ("a shelter ... boasting a food court", "Polls
show that ...", "Download ... I want you to identify"). The evidence is typed:

- the cue (data/quote_evidence.tsv): a verb of speech ("said", "told") or of stated cognition ("believes",
  "concluded") reports speech; a verb of stance, intent or offer ("wants", "offers", "endorsed", "boasting") does
  not; "according to" reports a source;
- the cue's clause: a cue with no subject in a call to action ("Sign up and tell us ...") reports nobody;
- the speaker: a person, an organisation, a country or a named group can speak; a common noun for people
  ("residents", "a spokesman") can; a document ("the brochure", "a note"), data ("polls") or a thing cannot
  (quote_speaker_class.py: which class a speaker is, and its raw score).
Raw scores are the named weights below, calibrated by annotate/calibration.py ("quote", "speaker" maps fitted on
the tuning part of PolNeAR); a quote's confidence then goes through the quotes' transfer model (quote_transfer.py,
fitted on the blind draws of news nobody had tuned on; `confidence.transfer` of this component turns it off).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from newsgraph.annotate import calibration as cal
from newsgraph.annotate.extensions import register_extensions
from newsgraph.annotate.lexicon import mapping, words
from newsgraph.annotate.quote_cue_classes import cue_class_in
from newsgraph.annotate.quote_cue_syntax import (
    asked_of,
    bare_object_sense,
    clause_inside,
    cue_token,
    described_object,
    hearsay,
    hypothetical,
    imperative,
    negated,
    object_of_frame,
    quoted_words,
    topic_only,
    under_cue,
    wished,
)
from newsgraph.annotate.quote_embedding import relative_content
from newsgraph.annotate.quote_shapes import (
    mentioned_term,
    modifier_term,
    named_mention,
    nickname,
    renaming_term,
    so_called,
    title_shaped,
)
from newsgraph.annotate.quote_speaker_class import FIRST_PERSON, SPEAKER_SCORES, TIME_ENTS, SpeakerClassing
from newsgraph.annotate.quote_transfer import QuoteConfidence
from newsgraph.annotate.quote_transfer import apply as transfer_quotes
from newsgraph.annotate.resolve import doc_text
from newsgraph.annotate.speaker_nouns import known_verbs, people_nouns
from newsgraph.knobs import config_of, from_config
from newsgraph.records import Quote

_DATA = "quote_evidence.tsv"
#: Raw quote scores by kind and cue class.
QUOTE_SCORES = {
    "direct_framed": 0.92,  # "...," she said
    "direct_label": 0.85,  # NAME: words (transcripts)
    "direct_unframed": 0.7,  # a quotation that inherits the previous speaker
    "partial": 0.75,  # called it a "grave error"
    "indirect_speech": 0.72,  # X said (that) ...
    "indirect_according": 0.7,  # ..., according to X
    "indirect_cognition": 0.55,  # X believes / concluded ...
    "indirect_other": 0.25,  # a cue of stance, intent or offer: no speech
}
#: Speakers we cannot vouch for are hidden by policy (the brief: an unsure speaker is hidden, not wrong): a guess
#: by proximity, a pronoun whose antecedent is no subject, an unresolved pronoun, something that cannot speak. Their
#: speaker_confidence is capped here, below the display threshold, so the shown record keeps the quote without its
#: speaker. A common noun that names no person, group or organisation ("China's latest targets", "your body fat
#: percentage") is one of them: the brief's speakers are people and organisations. Why policy and not the fitted map: PolNeAR's gold source of "he said" is the pronoun itself and its
#: source of "the report said" is the report, so PolNeAR counts these right and cannot tell how often they are.
UNSURE_SPEAKERS = ("nearest", "pronoun_weak", "unresolved", "non_speaker", "document", "common", "pronoun_contested", "shared_surname")
UNSURE_SPEAKER_CAP = 0.25
#: Speakers that make an indirect or partial quote no reported speech (its confidence capped at NON_SPEAKER_CAP):
#: nobody we can name, a thing, the writer; a common noun that is no person, group, organisation or document
#: ("laboratory tests confirmed that ...", "the trial, called X"): the brief's speakers are people and
#: organisations, and a finding of a thing is no reported speech. A pronoun with a weak antecedent keeps its quote (on PolNeAR and on the
#: audit pages most such reports are real) and only hides its speaker.
SPEECHLESS = ("unresolved", "non_speaker")
#: Whether an indirect quote whose cue is a verb of cognition ("believes", "realized", "found") is shown as a quote.
COGNITION_IS_SPEECH = False
#: Whether a negated speech verb's clause is shown as a quote ("would not say whether ...", "has not claimed
#: responsibility"). Policy, like COGNITION_IS_SPEECH: PolNeAR counts some as attributions (check F1 0.612 -> 0.610
#: without them), a reader of our quotes would read words nobody said.
NEGATED_IS_SPEECH = False
#: Whether the clause of a cue in a supposition the writer sets up ("Say Mexico demanded that ...", "Let's say you
#: think ..."; quote_cue_syntax.hypothetical) is shown as a quote. Policy, like NEGATED_IS_SPEECH: PolNeAR counts
#: such clauses as attributions (check: 2 of its matches; stop 32 NOTES), a reader of our quotes would read words
#: nobody said (stop 30's held-out audit judged them no quote).
HYPOTHETICAL_IS_SPEECH = False
#: Whether "asked X about Y" shows "X about Y" as a quote (quote_cue_syntax.topic_only's addressee): the one asked
#: and the question's topic, no words. Policy: PolNeAR counts the topic as the content (one check match, one tune).
ASKED_TOPIC_IS_SPEECH = False
#: An indirect quote is only as sure as the speaker it reports: its score is capped at the speaker's plus this.
INDIRECT_SPEAKER_MARGIN = 0.25
#: Whether a bare direct object that is a person, people or a body is shown as what the cue's subject said ("trying
#: to question several of those protected individuals", stop 33's held-out audit: no quote): the one addressed or
#: spoken of. Policy, like ASKED_TOPIC_IS_SPEECH.
PERSON_OBJECT_IS_SPEECH = False
#: Object pronouns of people ("questioned them").
OBJECT_PRONOUNS = ("him", "her", "them", "us", "me", "you")
#: Reported content that is a noun phrase, not a clause ("called on restraint", "boasting a food court").
OBJECT_CONTENT_SCORE = 0.5
#: Entity labels of content that is only an amount ("pledged 10 million dollars in aid"): an act, no words reported.
AMOUNT_ENTS = ("MONEY", "QUANTITY", "PERCENT")  # not CARDINAL: "called half of the voters ..." names people
#: The highest confidence of an indirect quote whose speaker cannot speak (kept, never shown by default).
NON_SPEAKER_CAP = 0.2
#: The score of a quotation shaped as the title of a work ("The River at the End of Summer"; `title_shaped`): news
#: sets titles in quotation marks to name a book, a film or a campaign, not to report words, even after a cue
#: ("wrote", "answers a question about his book, ...").
TITLE_SCORE = 0.25
#: Whether a partial quote whose cue does not govern it is shown as somebody's words ('She left the post on
#: medical leave for a "stress injury" ... what she calls ...', 'neighbours thought it "overblown"' with "saying" in
#: another clause): the quotation marks are the writer's, or the words are someone else's than the cue's subject.
PARTIAL_OUTSIDE_CUE_IS_SPEECH = False
#: A cue in a call to action (no subject, bare verb, first in its clause) reports nobody.
IMPERATIVE_CUE_SCORE = 0.1
#: Whether a participle's or infinitive's object ("citing statistics", "explaining what X is") is shown as a quote.
#: Policy, like COGNITION_IS_SPEECH: PolNeAR counts such phrases as attributions, a reader of our quotes does not.
FRAME_OBJECT_IS_SPEECH = False
#: Whether the object of a cue with an "as" predicate ('described the fee increases as "a sensible way to pay"',
#: 'dismissed the report as a smear') is shown as the content: it is the thing spoken about; the words said are the
#: "as" phrase (a partial quote of its own when quoted).
DESCRIBED_OBJECT_IS_SPEECH = False
#: The most words of a scare quote: a partial quotation with no verb of its own and no speaker or no cue of speech
#: for it ('wash away their sins with the "holy" water', "Television reports showed" the only frame): the writer's
#: marks on a word, no one's statement. Scored SCARE_QUOTE_SCORE (below the display threshold), a confidence feature, not a drop.
SCARE_MAX_WORDS = 3
SCARE_QUOTE_SCORE = 0.25
#: Reported content of a speech verb inside a relative clause or a free relative whose gap lies in the content ("the
#: outbreak, which officials said had spread to ...", "what the senators said was gerrymandering"; quote_embedding.py):
#: real more often than not, but the claim holds a word the reader must resolve: below a main clause's score.
EMBEDDED_CONTENT_SCORE = 0.55
#: Whether the noun-phrase object of a cue of [stance] ("denied a string of rumours that ...", "rejected the proposal
#: to ...") is shown as the speaker's words. Policy, like DESCRIBED_OBJECT_IS_SPEECH: the object is the claim or the
#: proposal stood on; a denial's words are its opposite (stop 29's held-out audit judged such a span no quote).
STANCE_OBJECT_IS_SPEECH = False
#: Infinitives of state after a [hearsay] cue ("said to be", "believed to have fled"): a description, no speaker.
HEARSAY_INFINITIVES = ("be", "have")


class QuoteEvidence(SpeakerClassing):
    """Set `confidence` and `speaker_confidence` on every quote of `doc._.ng_quotes`."""

    def __init__(self, confidence: QuoteConfidence | None = None) -> None:
        self.confidence = confidence or QuoteConfidence()  # the quotes' transfer model on or off (quote_transfer.py)
        cls = mapping(_DATA, "cue")
        self.cue_class = {k: v for k, v in cls.items()}
        self.people = people_nouns()
        self.non_speakers = words(_DATA, "non_speaker")
        self.documents = words(_DATA, "document")
        self.pronouns = set(mapping("cues.tsv", "pronoun"))
        self.clause_sense = words(_DATA, "clause_sense")
        self.hearsay = words(_DATA, "hearsay")
        self.stance = words(_DATA, "stance")
        self.evidential = words(_DATA, "evidential")
        self.hypothetical = words(_DATA, "hypothetical")
        self.wish_frames = words(_DATA, "wish_frame")
        self.verbs: frozenset[str] = frozenset()  # the pipeline's known verbs (make_quote_evidence)
        self.naming_nouns = mapping(_DATA, "naming_noun")
        self.naming_verbs = words(_DATA, "naming_verb")

    def __call__(self, doc: Doc) -> Doc:
        register_extensions()
        quotes: list[Quote] = doc._.ng_quotes or []
        if not quotes:
            return doc
        ents = {e.id: e for e in doc._.ng_entities or []}
        for q in quotes:
            spk_class = self.speaker_class(doc, q, ents)
            spk = SPEAKER_SCORES[spk_class] if spk_class else None
            raw = self.quote_score(doc, q)
            if q.kind == "partial" and self._scare_quote(doc, q, spk_class):
                raw = min(raw, SCARE_QUOTE_SCORE)
            if q.kind == "indirect":
                raw = min(raw, (spk if spk is not None else 0.0) + INDIRECT_SPEAKER_MARGIN)
            q.confidence = cal.calibrate("quote", raw)
            q.speaker_confidence = cal.calibrate("speaker", spk) if spk is not None else None
            if spk_class in UNSURE_SPEAKERS:
                q.speaker_confidence = min(q.speaker_confidence, UNSURE_SPEAKER_CAP)
            if q.kind == "indirect" and COGNITION_IS_SPEECH is False and self._cognition(doc, q):
                # policy: "she realized ...", "The Intercept found ...", "it's good to know ...": a stated belief or
                # finding is no reported speech (PolNeAR counts it as attribution; a reader of our quotes does not)
                q.confidence = min(q.confidence, NON_SPEAKER_CAP)
            if q.kind == "indirect" and spk_class == "common" and self._evidential(doc, q):
                # "the mutation predicted when ...", "fresh polling suggests ...": a verb of inference whose subject
                # is a thing, not a source of words; with a person or a body as subject it reports a statement
                q.confidence = min(q.confidence, NON_SPEAKER_CAP)
            if q.kind in ("indirect", "partial") and (spk is None or spk_class in SPEECHLESS):
                # policy (the brief): reported speech needs a speaker that can speak and that we can name;
                # "the brochure says", "polls show", an unresolved "which said", "it's good to know", a scare
                # quote given to "others" stay in the record below the display threshold (a direct quote keeps
                # its quotation marks as evidence and only hides its speaker)
                q.confidence = min(q.confidence, NON_SPEAKER_CAP)
        # the last step: the model fitted on the blind draws, from the fields the record shows (quote_transfer.py)
        transfer_quotes(quotes, {e.id: e.type for e in ents.values()}, doc_text(doc), self.confidence.transfer)
        return doc

    def _scare_quote(self, doc: Doc, q: Quote, spk_class: str) -> bool:
        """A short partial quotation with no verb of its own, and no speaker or no cue of speech for it ("Television
        reports showed ... the "holy" water"): quotation marks on a word inside the writer's clause (a scare quote),
        not somebody's words."""
        inner = doc.char_span(q.start, q.end, alignment_mode="expand")
        if not 0 < quoted_words(inner) <= SCARE_MAX_WORDS or clause_inside(inner):
            return False
        tok = cue_token(doc, q)
        cls = self.cue_class_of(q.cue, tok.lemma_.lower() if tok is not None else None)
        # a speech cue of a speaker we only cannot vouch for keeps it ('His aides called him "a genius"')
        # a verb of belief or finding keeps its quoted term ('the IRS had found ... under the rubric of "security"',
        # 'led the institute to conclude it was "likely"': the finder's word), a verb of display does not
        return not spk_class or cls not in ("speech", "according", "cognition")

    def _evidential(self, doc: Doc, q: Quote) -> bool:
        """The cue is a verb of inference and the speaker phrase is headed by a common noun (a thing: "the
        mutation", "fresh polling"; "No 10 confirmed" is a name, kept)."""
        span = doc.char_span(q.speaker_start, q.speaker_end, alignment_mode="expand") if q.speaker_start is not None else None
        if span is None or not len(span) or span.root.pos_ != "NOUN":
            return False
        tok = cue_token(doc, q)
        forms = {(q.cue or "").split()[0].lower(), tok.lemma_.lower() if tok is not None else ""}
        return any(f in self.evidential for f in forms)

    def _cognition(self, doc: Doc, q: Quote) -> bool:
        cue_tok = cue_token(doc, q)
        return self.cue_class_of(q.cue, cue_tok.lemma_.lower() if cue_tok is not None else None) == "cognition"

    def cue_class_of(self, cue: str | None, lemma: str | None = None) -> str:
        return cue_class_in(self.cue_class, cue, lemma)

    def quote_score(self, doc: Doc, q: Quote) -> float:
        if q.kind in ("direct", "partial") and q.cue != ":":
            inner = doc.char_span(q.start, q.end, alignment_mode="expand")
            if title_shaped(inner) or nickname(inner) or (q.kind == "direct" and not q.cue and mentioned_term(inner)):
                return TITLE_SCORE
            if q.kind == "partial" and so_called(inner):
                return TITLE_SCORE  # 'taxing so-called "pass through" income': the writer's term, mentioned
            if named_mention(inner, self.naming_nouns, self.naming_verbs):
                return TITLE_SCORE  # 'the words "Islamic terrorism"', 'his show, "Politicking."': a name, mentioned
            if q.kind == "partial" and (modifier_term(inner) or renaming_term(inner)):
                return TITLE_SCORE
            if q.kind == "partial" and not PARTIAL_OUTSIDE_CUE_IS_SPEECH and not under_cue(inner, q.cue):
                return TITLE_SCORE
            if q.kind == "partial" and self._other_sense_partial(doc, q):
                return TITLE_SCORE  # 'declared a "flu emergency"': a term inside the object of an act, not words
        if q.kind in ("direct", "indirect") and q.cue and (cue_tok := cue_token(doc, q)) is not None and wished(cue_tok, self.wish_frames):
            return IMPERATIVE_CUE_SCORE  # "I hope America says, '...'": a wished-for utterance, nobody said it
        if q.kind == "direct":
            if q.cue == ":":
                return QUOTE_SCORES["direct_label"]
            return QUOTE_SCORES["direct_framed"] if q.cue and q.speaker_start is not None else QUOTE_SCORES["direct_unframed"]
        if q.kind == "partial":
            return QUOTE_SCORES["partial"]
        cue_tok = cue_token(doc, q)
        cls = self.cue_class_of(q.cue, cue_tok.lemma_.lower() if cue_tok is not None else None)
        if cls == "according":
            return QUOTE_SCORES["indirect_according"]
        if cue_tok is not None and (imperative(cue_tok) or asked_of(cue_tok) or (not HYPOTHETICAL_IS_SPEECH and hypothetical(cue_tok, self.hypothetical))):
            return IMPERATIVE_CUE_SCORE
        if cue_tok is not None and (self._listed_act(cue_tok) or (not NEGATED_IS_SPEECH and negated(cue_tok))):
            return QUOTE_SCORES["indirect_other"]
        if cue_tok is not None and self._other_sense(cue_tok):
            return QUOTE_SCORES["indirect_other"]
        score = QUOTE_SCORES.get(f"indirect_{cls}", QUOTE_SCORES["indirect_other"])
        if cue_tok is not None and relative_content(cue_tok):
            score = min(score, EMBEDDED_CONTENT_SCORE)
        content = doc.char_span(q.start, q.end, alignment_mode="expand")
        if content is not None and len(content) and cue_tok is not None and topic_only(cue_tok, content, addressee=not ASKED_TOPIC_IS_SPEECH):
            return QUOTE_SCORES["indirect_other"]  # "is asking about the cost": a topic, no words
        if not FRAME_OBJECT_IS_SPEECH and content is not None and len(content) and cue_tok is not None and object_of_frame(cue_tok, content):
            return QUOTE_SCORES["indirect_other"]
        if not DESCRIBED_OBJECT_IS_SPEECH and content is not None and len(content) and cue_tok is not None and described_object(cue_tok, content):
            return QUOTE_SCORES["indirect_other"]
        if STANCE_OBJECT_IS_SPEECH is False and content is not None and len(content) and cue_tok is not None and self._stance_object(cue_tok, content):
            return QUOTE_SCORES["indirect_other"]  # "denied a string of rumours that ...": the claim denied, no words
        if not PERSON_OBJECT_IS_SPEECH and content is not None and len(content) and cue_tok is not None and self._person_object(cue_tok, content):
            return QUOTE_SCORES["indirect_other"]  # "trying to question several of those individuals": the one asked
        if content is not None and len(content) and self._frames_a_quotation(doc, content):
            return QUOTE_SCORES["indirect_other"]
        if content is not None and not any(t.pos_ in ("VERB", "AUX") for t in content):
            if content.root.ent_type_ in AMOUNT_ENTS:
                return QUOTE_SCORES["indirect_other"]  # "pledged 10 million dollars in aid": an amount given, no words
            score = min(score, OBJECT_CONTENT_SCORE)  # "questioned the order's legality": no clause is reported
            if cue_tok is not None and cue_tok.dep_ == "acl":
                # a participle describing a noun, with a noun phrase after it ("a shelter ... boasting a food
                # court"): a description, not a report
                score = QUOTE_SCORES["indirect_other"]
        return score

    def _person_object(self, cue, content: Span) -> bool:
        """The content is the cue's bare direct object and that object is a person, people or a body ("question
        several of those protected individuals", "praised the workers"): the one spoken to or of, not what was said;
        a predicate on the object ("called half of the voters deplorable", "urged X to ...") is a claim, kept."""
        root = content.root
        if root.dep_ not in ("dobj", "obj") or root.head.i != cue.i:
            return False
        # a relative clause describes the person ("Tim X, the diplomat who heads the mission"): no predicate of
        # the content's own
        rel = {t.i for c in (root, *(a for a in root.children if a.dep_ == "appos")) for r in c.children if r.dep_ == "relcl" for t in r.subtree}
        if any((t.tag_ in ("VB", "VBD", "VBP", "VBZ", "MD") or t.dep_ == "mark") and t.i not in rel for t in content):
            return False  # "demanding that OSCE prohibit ...": a clause with its own predicate, whatever the parse's root
        if any(not (t.is_punct or t.is_space) and t.i > root.right_edge.i for t in content):
            return False  # "asked X about Y": a topic beside the person (ASKED_TOPIC_IS_SPEECH's policy decides)
        if any(c.dep_ in ("oprd", "xcomp", "ccomp", "acomp", "attr") or c.lower_ == "as" for c in (*cue.children, *root.children) if c.i > root.i):
            return False
        if root.pos_ in ("DET", "NUM", "PRON", "ADJ") and root.lower_ not in OBJECT_PRONOUNS:
            # "several of those individuals", "many of them": the people the quantifier picks
            part = [g for c in root.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
            if not part:
                return False
            root = part[0]
        if root.lower_ in OBJECT_PRONOUNS:
            return True
        if root.ent_type_ in ("PERSON", "ORG", "NORP"):
            return True
        return root.pos_ == "NOUN" and (root.lemma_.lower() in self.people or root.lower_ in self.people)

    def _other_sense(self, tok) -> bool:
        """The cue's arguments give it a sense without speech: naming, convening or a recall ('a strain called X',
        'called a meeting', 'recalled the eggs'), or hearsay ('one said to be a former officer')."""
        lemma = tok.lemma_.lower()
        if lemma in self.clause_sense and bare_object_sense(tok):
            return True
        return lemma in self.hearsay and hearsay(tok, HEARSAY_INFINITIVES)

    def _stance_object(self, cue, content: Span) -> bool:
        """A cue of [stance] whose content is its noun-phrase object ("denied a string of rumours that he was ill",
        "rejected the proposal to close ..."): a verb inside the phrase belongs to a clause on the noun, not to
        the content; what the speaker said is a stance on that thing (a denial says its opposite)."""
        if cue.lemma_.lower() not in self.stance and cue.lower_ not in self.stance:
            return False
        root = content.root
        if root.dep_ == "ccomp" and root.head.i == cue.i and not any(c.dep_ == "mark" for c in root.children):
            # "denied Farrakhan's application to receive the award ... Gaddafi had pledged to ...": with no "that",
            # the parse may read a noun with an infinitive of its own (an application, a request, a bid to do
            # something) as the subject of a clause whose verb belongs to a reduced relative further on; such a
            # noun is the thing refused, the object of the stance, not the subject of reported words
            subj = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < root.i]
            if subj and subj[0].pos_ == "NOUN" and any(
                a.dep_ == "acl" and a.tag_ == "VB" and any(g.lower_ == "to" and g.dep_ == "aux" for g in a.children)
                for a in subj[0].children
            ):
                return True
        if any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") and t.i != root.i and root not in t.ancestors for t in content):
            return False  # "confirmed the death of a boy was due to bird flu": a predicate of its own, a clause
        preds = [c for c in (*cue.children, *root.children) if c.i > root.i and (c.lower_ == "as" or c.dep_ in ("oprd", "xcomp"))]
        if preds:
            return False  # "dismissed any unrest as the work of foreigners": a predicate on the object is a claim
        return root.dep_ in ("dobj", "obj") and root.head.i == cue.i and root.pos_ in ("NOUN", "PROPN", "PRON", "NUM")

    def _other_sense_partial(self, doc: Doc, q: Quote) -> bool:
        """A partial quote inside the one bare object of a cue of [clause_sense] ('declared a "flu emergency"',
        'called a "snap" vote'): the cue proclaims or convenes; the quoted words are a term, nobody's words."""
        tok = cue_token(doc, q)
        return tok is not None and tok.lemma_.lower() in self.clause_sense and bare_object_sense(tok)

    def _listed_act(self, tok) -> bool:
        """A gerund with no subject coordinated with a gerund that reports no speech ("charges of ... assaulting or
        threatening to assault a garda"): one act in a list of acts, such as charges, not a report of words."""
        if tok.tag_ != "VBG" or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            return False
        mates = [c for c in tok.children if c.dep_ == "conj" and c.tag_ == "VBG"]
        if tok.dep_ == "conj" and tok.head.tag_ == "VBG":
            mates.append(tok.head)
        return any(self.cue_class_of(m.text, m.lemma_.lower()) != "speech" for m in mates)

    def _frames_a_quotation(self, doc: Doc, content: Span) -> bool:
        """ "She said he then announced: "..."", "X said Y told her: "..."": the reported clause is itself the frame
        of the quotation after it (a speech verb ending the content, a colon or a quotation mark next), so the
        words reported are in that quotation, a quote of its own; the frame alone reports nothing."""
        last = [t for t in content if not (t.is_punct or t.is_space)]
        nxt = doc_text(doc)[content.end_char : content.end_char + 3].lstrip()
        if not last or not nxt or nxt[0] not in ':"\u201c\u2018\'':
            return False
        head = content.root
        return self.cue_class_of(head.text, head.lemma_.lower()) == "speech" and not any(c.dep_ in ("ccomp", "xcomp") for c in head.children if c.i < content.end)


def speaker_capped_by_policy(q: Quote) -> bool:
    """The speaker's confidence was capped because we cannot vouch for it (see UNSURE_SPEAKERS)."""
    return q.speaker_confidence is not None and q.speaker_confidence <= UNSURE_SPEAKER_CAP


def capped_by_policy(q: Quote) -> bool:
    """The quote's confidence was capped because its speaker cannot speak (see NON_SPEAKER_CAP)."""
    return q.kind in ("indirect", "partial") and q.confidence is not None and q.confidence <= NON_SPEAKER_CAP


@Language.factory("newsgraph_quote_evidence", requires=["doc._.ng_quotes"], assigns=["doc._.ng_quotes"],
                  default_config={"confidence": config_of(QuoteConfidence)})
def make_quote_evidence(nlp: Language, name: str, confidence: dict) -> QuoteEvidence:
    out = QuoteEvidence(from_config(QuoteConfidence, confidence))
    out.verbs = known_verbs(nlp)
    return out


__all__ = ["FIRST_PERSON", "QUOTE_SCORES", "SPEAKER_SCORES", "TIME_ENTS", "QuoteEvidence"]
