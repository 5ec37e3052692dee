"""The numbers of the text-dump extractor (text.py): how long a line of each kind may be, how far the body run
bridges gaps, and how strong a run must be to join the story across a credit, a date line or a teaser panel.

Word counts are of the line's words (CJK: about two characters a word). A run's score is the characters of its
body lines, raised for an article header just above it and lowered for consent notices and teaser lists (see
text._score). The defaults were set on the development sets' tuning parts (benchmarks: text dumps); pass
`extract_text(text, raw, rules=TextRules(max_gap=3))` to try other values.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.knobs import knob


@dataclass(frozen=True)
class TextRules:
    """Line shapes, run bridging and story joining of the text-dump extractor."""

    # line shapes (text._classify)
    credit_max_words: int = knob(8, "a 'Source:'/'Credit:' labelled line has at most this many words")
    attrib_max_words: int = knob(16, "a dash line with a date under an embedded post ('- Jane Doe April 25, 2024')")
    date_max_words: int = knob(24, "a line holding a date is a date line only up to this many words ...")
    date_share: float = knob(0.4, "... and when the date is at least this share of its characters ...")
    date_short_words: int = knob(8, "... or the line has at most this many words (or a date label and no sentence end)")
    byline_max_words: int = knob(12, "a 'By ...' line without a sentence end has at most this many words")
    photo_credit_max_words: int = knob(10, "an 'Image: X/Agency' credit line has at most this many words")
    caption_credit_max_words: int = knob(5, "a trailing '[Credit]' of at most this many words makes a caption ...")
    caption_min_words: int = knob(3, "... of a line with at least this many words before it")
    heading_max_words: int = knob(6, "a teaser-panel heading or a widget label has at most this many words")
    prompt_max_words: int = knob(25, "a line holding a prompt ('Sign up', 'Subscribe') is a prompt up to this many words")
    notice_max_words: int = knob(60, "... or up to this many when it opens with the prompt (a legal notice)")
    prompt_chars: int = knob(80, "the prompt is looked for among the line's first this many characters")
    wire_max_words: int = knob(4, "a '- Agency' line (closing a story, or under a quote) has at most this many words")
    body_min_words: int = knob(8, "a sentence-shaped line of at least this many words is body")
    prose_min_words: int = knob(30, "a line of running prose this long is body even without a sentence end")
    short_min_words: int = knob(2, "a sentence-shaped line of this many words up to body_min_words is a short sentence")
    caseless_share: float = knob(0.5, "a line is prose when fewer than this share of its words carry case ...")
    lower_share: float = knob(0.4, "... or at least this share of its cased words start in lower case")
    link_line_share: float = knob(0.8, "a line of a dump that marks links (Markdown) with at least this share of its "
                                  "text inside links is a teaser or menu item, never a paragraph")
    repeated_max_words: int = knob(12, "a line repeated on the page with at most this many words is furniture")
    # runs of body lines (text._runs, _score, _teaser_like)
    max_gap: int = knob(2, "lines that are not sentence-shaped bridged inside a body run")
    headline_min_words: int = knob(3, "a teaser card's headline line has at least this many words ...")
    headline_max_words: int = knob(16, "... and at most this many")
    card_min_bodies: int = knob(3, "a run of at least this many body lines ...")
    card_headed_share: float = knob(0.75, "... this share of them under a headline line is a list of teaser cards")
    teaser_max_words: int = knob(35, "a run under a teaser heading whose one-sentence lines are all this short is teasers")
    panel_lookback: int = knob(3, "lines above a run searched for a teaser heading")
    header_lookback: int = knob(10, "lines above a run searched for a date line or byline (the article header)")
    header_boost: float = knob(1.5, "a run under an article header has its score multiplied by this")
    consent_penalty: float = knob(0.8, "a run of consent notices loses this share of its score (times their share)")
    teaser_factor: float = knob(0.5, "a list of teasers keeps this share of its score")
    # joining runs into one story (text._joins, _box_between)
    paragraphs_score: int = knob(600, "a run scoring this holds real paragraphs: the story goes on past a credit or panel")
    substantial_score: int = knob(1000, "text this strong on both sides joins across a long panel or a teaser box")
    long_score: int = knob(2000, "text this strong on both sides joins across a lone date line (an update stamp)")
    join_min_score: int = knob(250, "a run after a plain gap joins the story from this score")
    credit_gap_lines: int = knob(3, "a credit line in a gap longer than this closes the story")
    header_run_bodies: int = knob(3, "a first run of fewer body lines before a date line or byline is header")
    date_gap_lines: int = knob(2, "a date line is bridged only in a gap of at most this many lines")
    panel_gap_lines: int = knob(8, "a gap holding a teaser heading is bridged up to this many lines ...")
    long_panel_gap_lines: int = knob(24, "... or up to this many between two substantial stretches")
    join_gap_lines: int = knob(10, "a plain gap is bridged up to this many lines")
    box_max_bodies: int = knob(2, "a teaser box inside the story holds at most this many body lines ...")
    box_gap_lines: int = knob(14, "... and stands in a gap of at most this many lines")
    # the chosen body (text.extract_text and its helpers)
    tail_card_words: int = knob(60, "a teaser card after the story has a summary of at most this many words ...")
    tail_min_cards: int = knob(2, "... and at least this many cards in a row are cut")
    prompt_box_lines: int = knob(3, "a short line this close to a prompt belongs to a sign-up box")
    crosshead_max_words: int = knob(12, "a crosshead has at most this many words ...")
    crosshead_max_chars: int = knob(90, "... and this many characters ...")
    crosshead_lookahead: int = knob(2, "... and a body line within this many lines after it")
    caption_max_words: int = knob(40, "a short paragraph right above a photo credit line is its caption up to this length")
    header_window: int = knob(14, "lines above the body start searched for title, standfirst and section")
    # the lines around the body (text_header.read_header, read_trailer)
    kicker_max_words: int = knob(4, "a section line (or a kicker repeating a menu item) above the title has at most this many words")
    furniture_max_words: int = knob(6, "a short line between header and body ('4 minute read') is skipped up to this many words")
    standfirst_min_words: int = knob(6, "a sentence between the title and a date line or byline is the standfirst from this many words")
    title_min_words: int = knob(2, "a title has at least this many words ...")
    title_max_words: int = knob(30, "... and at most this many")
    agency_next_max_words: int = knob(5, "a bare 'Source:' label takes the next line as its value up to this many words")
    source_line_max_words: int = knob(8, "a line naming the site ('Copyright X') has at most this many words ...")
    source_name_max_words: int = knob(5, "... and the name in it at most this many")
    author_max_words: int = knob(5, "a name in a byline has at most this many words (longer is a sentence)")
    connector_max_chars: int = knob(3, "an uncased word this short inside a name is a connector ('Jan de Vries', 'Ben bin Ali')")


DEFAULT_RULES = TextRules()
