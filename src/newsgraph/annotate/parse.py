"""`newsgraph_parse`: the dependency parse, run only on the sentences that can use it.

Why: the parser is the costliest model in en_core_web_sm, and only quote and event sentences read dependencies
(`triggers.sentence_needs_parse` says which: a quotation mark or a trigger word of a component of the pipeline). The pipeline runs
the cheap `senter` for sentence boundaries with the parser disabled; this component then parses copies of the
chosen sentences (`Span.as_doc`, which carries the tok2vec tensor, so the parse equals the full parser's on that
sentence) in one batch, and writes HEAD/DEP back into the article's Doc. Tokens of unparsed sentences keep
dep "" and head = themselves; sentence boundaries stay the senter's, so `doc.sents` is unchanged and
`doc.noun_chunks` works (on the parsed sentences).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from spacy.attrs import DEP, HEAD, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from newsgraph.annotate.triggers import pipeline_triggers, sentence_needs_parse


@Language.factory(
    "newsgraph_parse",
    default_config={
        "parser": "parser",  # the (disabled) parser component that parses the chosen sentences
        "all_sentences": False,  # parse every sentence (the full parse, through this component)
        "batch_size": 64,  # articles per batch of sentences sent to the parser
    },
    requires=["token.lemma", "token.tag", "token.is_sent_start"],
    assigns=["token.dep", "token.head"],
)
def make_parse(nlp: Language, name: str, parser: str, all_sentences: bool, batch_size: int) -> SelectiveParser:
    if all_sentences:
        return SelectiveParser(nlp.get_pipe(parser), None, batch_size)
    return SelectiveParser(nlp.get_pipe(parser), sentence_needs_parse, batch_size, nlp=nlp)


class SelectiveParser:
    """Parse the sentences `select` accepts (all when it is None) with a (disabled) parser component.

    With `nlp`, `select` is called with the trigger words of the components of that pipeline (read per batch, so
    components added after this one count).
    """

    def __init__(self, parser: Callable, select: Callable[..., bool] | None, batch_size: int = 64,
                 nlp: Language | None = None):
        self.parser = parser
        self.select = select
        self.batch_size = batch_size
        self.nlp = nlp

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int | None = None) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size or self.batch_size):
            self._parse_batch(batch)
            yield from batch

    def _parse_batch(self, docs: list[Doc]) -> None:
        chosen: list[tuple[Doc, Span]] = []
        select = self.select
        if select is not None and self.nlp is not None:
            triggers = pipeline_triggers(self.nlp)
            select = lambda sent: self.select(sent, triggers)  # noqa: E731
        for doc in docs:
            if len(doc) == 0 or doc.has_annotation("DEP", require_complete=True):
                continue  # empty, or a full parser already ran
            for sent in doc.sents:
                if select is None or select(sent):
                    chosen.append((doc, sent))
        if not chosen:
            return
        # Copy only what the parser reads: the words (+ the tok2vec tensor, always copied) and the sentence start
        # flags, which keep the parse inside the senter's sentence (one root each). A full as_doc copy costs 5x.
        subs = [sent.as_doc(array_head=(SPACY, SENT_START)) for _, sent in chosen]
        parsed = list(self.parser.pipe(subs, batch_size=256))
        by_doc: dict[int, list[tuple[Span, Doc]]] = {}
        for (doc, sent), sub in zip(chosen, parsed, strict=True):
            by_doc.setdefault(id(doc), []).append((sent, sub))
        for doc in docs:
            parts = by_doc.get(id(doc))
            if not parts:
                continue
            starts = doc.to_array([SENT_START])
            arr = doc.to_array([HEAD, DEP])
            arr[:] = 0  # head offset 0 = itself, dep 0 = ""
            for sent, sub in parts:
                arr[sent.start : sent.end] = sub.to_array([HEAD, DEP])
            doc.from_array([HEAD, DEP], arr)
            # Setting heads re-derives sentence starts from the (partial) tree; put the senter's back.
            doc.from_array([SENT_START], starts)
