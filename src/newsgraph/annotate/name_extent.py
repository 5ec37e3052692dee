"""Where an organisation's name ends: a complement the small model cut off on the right, read from syntax and
capitalisation.

The small NER model often stops an institution's name at its first preposition or at its second one: "[the
National Institute for Research] in the Amazon", "[the Council] on Foreign Relations", "[the Office] for National
Statistics". The cut-off part is a prepositional complement whose object is a capitalised run, and an analyst
sees the fragment as a wrong name. `complement_after` grows such a span over the complement when:
- the preposition is a name link ("of", "for", "on") and the span ends in an institution's head noun (the names
  lexicon's complement heads: "Institute", "Council", "Office"; not a company's legal form: "Harbour Motor Corp of
  South Korea" is the company and where it is from), or already holds such a head with its complement
  ("Institute for Research" + "of ..."): an institution's head takes its complement into its name;
- the preposition is a locative ("in", "at") only after a head that already has its complement ("Institute for
  Research" + "in the Amazon"), and only with a definite object that the gazetteer does not read as a country or
  a region: "the Ministry of Health in Kenya" and "the Institute for Research in Manaus" name an institution and
  where it stands, "a professor at the Institute of Technology in Linguistics" its department, "the Office of
  Fair Trading in the Netherlands" a country; "in the Amazon" (a region or a feature, no country) is the name's.
The object is a run of capitalised words (inner "and", "of", "&" allowed) that the model tags as no person, date or
number, inside one sentence, ending before a lower-case word or punctuation.
"""

from __future__ import annotations

from newsgraph.annotate.names import NamesLexicon

#: prepositions that link an organisation head to its complement ("Institute of ...", "Council on ...")
NAME_LINKS = frozenset({"of", "for", "on"})
#: prepositions that may open a complement of a name that already holds one ("... for Research in the Amazon")
LOCATIVE_LINKS = frozenset({"in", "at"})
#: words of the complement's capitalised run at most
MAX_COMPLEMENT_WORDS = 5
#: model labels that end a complement: a person, a date or a number is no part of an institution's name
_NOT_IN_NAME = frozenset({"PERSON", "PER", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
_INNER = frozenset({"and", "of", "&", "for", "the"})
_COUNTRY_KINDS = frozenset({"country", "admin1"})


def _has_complement(toks: list, heads: frozenset[str]) -> bool:
    """The span holds an institution's head followed by a name link and a capitalised word ("Institute for Research")."""
    return any(t.text in heads and toks[k + 1].lower_ in NAME_LINKS and toks[k + 2].text[:1].isupper()
               for k, t in enumerate(toks[:-2]))


def _object(doc, k: int) -> int:
    """The end (token index, exclusive) of the capitalised run starting at token k, or k when there is none."""
    j = k
    while j < len(doc) and j - k < MAX_COMPLEMENT_WORDS:
        tok = doc[j]
        if tok.is_space or (j > k and tok.is_sent_start) or tok.ent_type_ in _NOT_IN_NAME:
            break
        if tok.text[:1].isupper() and (tok.is_alpha or "." in tok.text):
            j += 1
        elif tok.lower_ in _INNER and j > k and j + 1 < len(doc) and doc[j + 1].text[:1].isupper() \
                and not doc[j + 1].is_sent_start:
            j += 1
        else:
            break
    while j > k and doc[j - 1].lower_ in _INNER:
        j -= 1
    if j < len(doc) and doc[j].text[:1].isupper() and not doc[j].is_sent_start:
        return k  # the run goes on past what may be read: no clear end
    return j


def complement_after(toks: list, names: NamesLexicon, gaz) -> list:
    """The organisation span `toks` grown over the complements the model cut off on its right (module docstring);
    `toks` itself when none follows."""
    doc = toks[0].doc
    heads = names.org.complement_heads
    while True:
        j = toks[-1].i + 1
        if j + 1 >= len(doc) or not toks[-1].text[:1].isupper():
            return toks
        link = doc[j].lower_
        complemented = _has_complement(toks, heads)
        if not (link in NAME_LINKS and (toks[-1].text in heads or complemented)
                or link in LOCATIVE_LINKS and complemented):
            return toks
        k = j + 1
        definite = doc[k].lower_ == "the"
        k += definite
        end = _object(doc, k)
        if end == k:
            return toks
        if link in LOCATIVE_LINKS and (not definite or _a_country(doc[k:end].text, gaz)):
            return toks
        toks = toks + list(doc[j:end])


def _a_country(name: str, gaz) -> bool:
    """The gazetteer reads `name` as a country or a region ("the Netherlands", "the Punjab")."""
    return any(p.kind in _COUNTRY_KINDS for p in gaz.lookup(name))
