"""A paper that asks speaks for the author the article names with it (stop 41, helper e25; event_addressees.py).

"X said in its annual review ... The report urged Y to ...": the call is X's (the judging conventions' D3: a public
appeal in a paper is its author's). A paper with no author named stays without a source. Sentences invented.
"""

from __future__ import annotations

from conftest import annotated_body


def _requests(nlp, body):
    art = annotated_body(body, nlp, published="2024-05-10")
    return {(e.source_name, e.target_name) for e in art.events if e.type == "REQUEST"}


def test_the_report_urged_is_its_authors_call(selective_nlp):
    body = ("Peru faces a hard adjustment, the Organisation for Economic Cooperation and Development said in its latest "
            "annual review of the Peruvian economy.\n\nIt said debt was rising.\n\nThe report urged Peru to broaden its export base.")
    assert ("Organisation for Economic Cooperation and Development", "Peru") in _requests(selective_nlp, body)


def test_a_study_by_a_body_speaks_for_it(selective_nlp):
    assert ("World Bank", "Chile") in _requests(selective_nlp, "A study by the World Bank found rising debt in Chile.\n\nThe study urged Chile to cut spending.")


def test_a_paper_with_no_author_named_has_no_source(selective_nlp):
    assert _requests(selective_nlp, "The report urged Bolivia to cut spending.") == {(None, "Bolivia")}


def test_a_named_body_that_urges_keeps_its_call(selective_nlp):
    assert ("Chile", "Peru") in _requests(selective_nlp, "The report was published on Monday.\n\nChile urged Peru to lower its tariffs.")
