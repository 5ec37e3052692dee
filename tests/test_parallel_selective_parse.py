"""The selective dependency parse (annotate/parse.py): only trigger sentences parsed, sentences intact."""

from __future__ import annotations

import pytest

from newsgraph.annotate.nlp import load_pipeline
from newsgraph.annotate.triggers import sentence_needs_parse

TEXT = (
    'Officials in Lisbon said on Monday that the bridge would reopen. The weather was mild and grey. '
    '"We are ready," the mayor told reporters. Traffic was light in the afternoon. Police arrested two men.'
)


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(parse="selective")


def test_pipeline_uses_senter_and_selective_parse(nlp):
    assert "newsgraph_parse" in nlp.pipe_names and "senter" in nlp.pipe_names
    assert "parser" not in nlp.pipe_names
    assert nlp.pipe_names.index("newsgraph_parse") > nlp.pipe_names.index("newsgraph_lemma_table")


def test_only_trigger_sentences_are_parsed_and_sents_are_kept(nlp):
    doc = nlp(TEXT)
    sents = list(doc.sents)
    assert len(sents) == 5
    for sent in sents:
        parsed = any(t.dep_ for t in sent)
        assert parsed == sentence_needs_parse(sent), sent.text
        if parsed:
            roots = [t for t in sent if t.dep_ == "ROOT"]
            assert len(roots) == 1 and all(t.head.i in range(sent.start, sent.end) for t in sent)
        else:
            assert all(t.head.i == t.i and t.dep_ == "" for t in sent)
    assert any(not any(t.dep_ for t in s) for s in sents), "expected at least one unparsed sentence"
    list(doc.noun_chunks)  # must not raise on a partly parsed doc


def test_parse_on_chosen_sentences_matches_the_parser_on_that_sentence(nlp):
    doc = nlp(TEXT)
    parser = nlp.get_pipe("parser")
    for sent in doc.sents:
        if not any(t.dep_ for t in sent):
            continue
        alone = parser(nlp.get_pipe("tok2vec")(nlp.make_doc(sent.text)))
        got = [(t.i - sent.start, t.head.i - sent.start, t.dep_) for t in sent]
        want = [(t.i, t.head.i, t.dep_) for t in alone]
        # context from neighbouring sentences can change a label, but the tree must be mostly the same
        same = sum(g == w for g, w in zip(got, want, strict=True))
        assert same / len(got) >= 0.7, (sent.text, got, want)


def test_full_parse_option(nlp):
    full = load_pipeline(parse="full")
    assert "parser" in full.pipe_names and "newsgraph_parse" not in full.pipe_names
    assert all(t.dep_ for t in full(TEXT))
    with pytest.raises(ValueError):
        load_pipeline(parse="sometimes")


def test_attribute_table_equals_spacys_attribute_ruler(nlp):
    """newsgraph_attribute_table must set exactly what the model's attribute_ruler sets (same rules, faster)."""
    import spacy
    from test_ingest import _STORIES

    from newsgraph.annotate.attribute_table import AttributeTable
    from newsgraph.settings import get_settings

    assert "newsgraph_attribute_table" in nlp.pipe_names and "attribute_ruler" not in nlp.pipe_names
    model = spacy.load(get_settings().model, exclude=["parser", "ner", "lemmatizer"])
    ruler = model.get_pipe("attribute_ruler")
    table = AttributeTable(ruler)
    texts = [" ".join(s) for s in _STORIES] + [
        "Y'all ain't gonna believe it, let's go.\n\nC'mon,  she gets it and he got it. Nothin' doing.",
        "The U.S. Senate's vote -- 51 to 49 -- was \"historic\", she said:\tno more.",
    ]
    with model.select_pipes(disable=["attribute_ruler"]):
        bare = list(model.pipe(texts))
    for doc in bare:
        a, b = ruler(doc.copy()), table(doc.copy())
        assert [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in a] == [
            (t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in b]


def test_lemma_table_equals_spacys_lemmatizer(nlp):
    import spacy
    from test_ingest import _STORIES

    from newsgraph.annotate.lemma_table import LemmaTable
    from newsgraph.settings import get_settings

    assert "newsgraph_lemma_table" in nlp.pipe_names and "lemmatizer" not in nlp.pipe_names
    model = spacy.load(get_settings().model, exclude=["parser", "ner"])
    lem = model.get_pipe("lemmatizer")
    table = LemmaTable(lem)
    texts = [" ".join(s) for s in _STORIES] + ["The children were running; geese flew better than the best. Went, gone."]
    with model.select_pipes(disable=["lemmatizer"]):
        bare = list(model.pipe(texts))
    for doc in bare:
        assert [t.lemma_ for t in lem(doc.copy())] == [t.lemma_ for t in table(doc.copy())]
