"""Market acts typed as political ones (stop 41): procurement, trade, finance and a sale's terms, read from the act's
object and its prepositional arguments (what kind of thing is sought, supplied, refused or ordered).

Why (the most frequent wrong shown class of the blind draws s69..s100, the conventions R1, R39-C): a buyer's order to
its contractor under a contract, a state "seeking" a grade of wheat at its tender, "rejected offers at its tender",
firms seeking a line of credit from banks, oil "supplied" by tankers, a seller's demand for bank guarantees and a firm
invited to install a trial are purchases, sales and their terms, no REQUEST, REJECT or AID. What the act is comes from
the kind of thing its arguments are (data/plover.tsv [goods_traded], [finance_sought], [offer_noun], [tender_noun],
[payment_instrument], [contract_noun], [supply_verb]), never from who the parties are named. A state's request for aid
or for a loan from another state, a debtor state's ask of its creditors (H48-B) and goods given to people in need
([need_word]) stay: the controls in tests/test_events_procurement.py.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from newsgraph.annotate.doc_entities import find_entity
from newsgraph.annotate.event_commerce import _content, company_name, official_words
from newsgraph.annotate.lexicon import words
from newsgraph.annotate.org_short_forms import company_word

LEXICON = "plover.tsv"
_SECTIONS = ("goods_traded", "need_word", "finance_sought", "offer_noun", "tender_noun", "payment_instrument",
             "payment_modifier", "supply_verb", "supplying", "contract_noun", "deal_asking", "refusal", "information",
             "permission", "grade_spec")
#: Verbs of asking and demanding whose content may be a sale's terms ("demanded that the buyer get bank guarantees")
_DEMANDING = ("ask", "seek", "request", "demand", "insist", "require")
_ORDERING = ("order", "direct", "instruct", "ask")
_REFUSING = ("reject", "refuse", "decline", "receive", "accept", "turn")


@lru_cache(maxsize=1)
def _lex() -> dict[str, frozenset[str]]:
    return {name: words(LEXICON, name) for name in _SECTIONS}


def _is(t: Token, section: str) -> bool:
    lex = _lex()[section]
    return t.lower_ in lex or t.lemma_.lower() in lex


def _needy(tok: Token) -> bool:
    """A word of aid or need anywhere in the act's sentence: goods for people in need are aid, no trade."""
    return any(_is(t, "need_word") for t in tok.sent)


def market_act(tok: Token, type_: str) -> bool:
    """The verb `tok` typed `type_` is a market act by the kind of thing its arguments are (the module's doc)."""
    if type_ == "REQUEST":
        return (_finance_sought(tok) or _goods_sought(tok) or _payment_terms(tok) or _contract_order(tok)
                or _supplier_invited(tok))
    if type_ == "REJECT" or any(c.dep_ == "neg" for c in tok.children):
        return _offers_refused(tok)  # a negated "would not receive shipments" becomes a REJECT only later
    if type_ == "AID":
        return _goods_supplied(tok)
    return False


def _finance_sought(tok: Token) -> bool:
    """Credit, loans or financing sought or asked for ([finance_sought] as a head noun, no modifier: "credit
    guarantees" are a sale's terms) between no state's parties: "sought a line of credit from a group of banks"."""
    if tok.lemma_.lower() not in _lex()["deal_asking"]:
        return False
    content = _content(tok)
    found = any(t.pos_ == "NOUN" and _is(t, "finance_sought") for t in _sought(tok))
    official = official_words()
    lender = any(t.dep_ in ("nsubj", "nsubjpass") and any(s.ent_type_ in ("GPE", "NORP") or s.lemma_.lower() in official
                                                            for s in t.subtree) for t in content)
    # "asked that the Treasury Department provide a line of credit": a state named as the lender keeps the request
    return found and not lender and not _state_head(tok) and not _needy(tok)


def _state_head(tok: Token) -> bool:
    """A party of the act is a state by its head noun (the subject, the object, the dative, the "to"/"from"/"by"
    party and their conjuncts and "of" nouns): "a group of North American and Japanese banks" is banks, whose
    nationality is no party, where event_commerce's `_state_party` reads every modifier."""
    official = official_words()
    heads = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "obj", "dative", "agent")]
    heads += [o for c in tok.children if c.dep_ == "prep" and c.lower_ in ("to", "from", "by") for o in c.children]
    heads += [o for h in list(heads) for c in h.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children]
    heads += [c for h in list(heads) for c in h.children if c.dep_ == "conj"]
    return any(h.ent_type_ in ("GPE", "NORP") or h.lemma_.lower() in official for h in heads)


def _goods_sought(tok: Token) -> bool:
    """A commodity, its grade or its measure sought or invited as offers ([goods_traded], [offer_noun]), with no state
    asked and no aid: a buyer's tender ("is seeking no. 2 wheat", "invited offers of white sugar"). The goods' origin
    ("U.S. wheat") is no one asked, so only the addressee's slots are read (`_state_asked`)."""
    if tok.lemma_.lower() not in _lex()["deal_asking"] or _needy(tok):
        return False
    own = {c.i for c in tok.children if c.dep_ in ("dobj", "obj")}
    # offers only as the verb's own object ("invited offers"): "asked its shareholders to reject the bid" stays
    goods = any(t.pos_ in ("NOUN", "PROPN") and (_is(t, "goods_traded") or (t.i in own and _is(t, "offer_noun")))
                for t in _sought(tok))
    goods = goods or any(_is(t, "grade_spec") for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"
                         for t in c.subtree)  # "seeking no. 2 soft red winter, with 12 pct protein minimum"
    # "requested licences to export maize": a permit asked of a regulator stays a request ([permission])
    permit = any(_is(c, "permission") for c in tok.children if c.dep_ in ("dobj", "obj"))
    return goods and not permit and not _state_asked(tok)


def _sought(tok: Token) -> list[Token]:
    """The heads of what is sought: the verb's object, its "for" object and its complement's object, their conjuncts,
    each with the noun of its "of"/"in" ("a line of credit", "20,000 tonnes of wheat", "2 bln dlrs in loans"). Only these: a thing
    deeper in the content is another act's ("sought curbs on wheat imports" seeks a curb, a policy)."""
    heads = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    heads += [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "for" for o in c.children if o.dep_ == "pobj"]
    heads += [o for c in tok.children if c.dep_ in ("xcomp", "ccomp") for o in c.children if o.dep_ in ("dobj", "obj")]
    heads += [c for h in list(heads) for c in h.children if c.dep_ == "conj"]
    return heads + [o for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in ("of", "in")
                    for o in c.children if o.dep_ == "pobj"]


def _state_asked(tok: Token) -> bool:
    """One asked is a state: the verb's dative, a "to"/"from" party, or an object that is itself a country or an
    official body (not goods it modifies)."""
    official = official_words()
    slots = [c for c in tok.children if c.dep_ == "dative"]
    slots += [o for c in tok.children if c.dep_ == "prep" and c.lower_ in ("to", "from") for o in c.children]
    slots += [c for c in tok.children if c.dep_ in ("dobj", "obj") and (c.ent_type_ in ("GPE", "NORP") or c.lower_ in official)
              and not any(_is(t, "goods_traded") for t in c.subtree)]  # "seeking U.S. ... wheat": the goods' origin
    return any(t.ent_type_ in ("GPE", "NORP") or t.lemma_.lower() in official for s in slots for t in s.subtree)


def _payment_terms(tok: Token) -> bool:
    """A payment instrument demanded ([payment_instrument] with a [payment_modifier]: "credit guarantees", "bank
    guarantees", "a letter of credit"): the terms a seller puts to its buyer, no request."""
    if tok.lemma_.lower() not in _DEMANDING:
        return False
    return any(_instrument(t) for t in _content(tok))


def _instrument(t: Token) -> bool:
    if t.pos_ != "NOUN" or not _is(t, "payment_instrument"):
        return False
    mods = [c for c in t.children if c.dep_ in ("compound", "amod")]
    mods += [o for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children]
    return any(_is(m, "payment_modifier") for m in mods)


def _contract_order(tok: Token) -> bool:
    """An order given "in"/"under" a contract ([contract_noun]) anywhere in the verb's clause, the orderer's own
    words aside: a buyer's instruction to its contractor, procurement."""
    if tok.lemma_.lower() not in _ORDERING:
        return False
    skip = {t.i for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    return any(t.i not in skip and _is(t, "contract_noun") and t.dep_ == "pobj" and t.head.lower_ in ("in", "under")
               for t in tok.subtree)


def _supplier_invited(tok: Token) -> bool:
    """A firm ("the company", "X Corp") invited or asked to install, supply, deliver or tender ([supply_verb]) things
    that are no information: a buyer's procurement."""
    if tok.lemma_.lower() not in ("invite", "ask"):
        return False
    firms = [c for c in tok.children if c.dep_ in ("dobj", "obj") and _firm(c)]
    acts = [c for c in tok.children if c.dep_ == "xcomp" and _is(c, "supply_verb")]
    return bool(firms and acts) and not any(_is(o, "information") for a in acts for o in a.children if o.dep_ == "dobj")


def _firm(t: Token) -> bool:
    ent = find_entity(t.doc, t.idx, t.idx + len(t.text))
    return (ent is not None and company_name(ent.name)) or (t.pos_ == "NOUN" and (company_word(t.text) or t.lower_ in ("company", "firm", "supplier", "contractor")))


def _offers_refused(tok: Token) -> bool:
    """Sale offers refused at a buyer's own tender ([offer_noun] refused, a [tender_noun] in the verb's clause:
    "rejected offers at its tender", "countries holding buying tenders rejected offers"), or goods' deliveries or a
    payment instrument not received or refused ("would not receive March shipments", "refused a letter of credit"):
    the terms of an exchange. "rejected the firm's offer to supply wheat" with no tender stays a refusal, and so does
    "reject the tender offer" (a takeover bid: "tender" only as a modifier)."""
    if tok.lemma_.lower() not in _REFUSING:
        return False
    content = _content(tok)
    if any(_is(t, "offer_noun") and t.pos_ == "NOUN" for t in content) and any(_is(t, "tender_noun") and t.pos_ == "NOUN" and t.dep_ != "compound" for t in tok.subtree):
        return True
    delivered = words(LEXICON, "delivered")
    return any(t.pos_ == "NOUN" and t.dep_ in ("dobj", "obj") and (t.lower_ in delivered or _instrument(t)) for t in content)


def _goods_supplied(tok: Token) -> bool:
    """Goods supplied or provided ([supplying] with a [goods_traded] word in the object or the "with" object: "supplied
    X with 30 pct of its crude imports", "supplied 97 pct of its requirements") and no word of need: trade, no AID."""
    if tok.lemma_.lower() not in _lex()["supplying"] or _needy(tok):
        return False
    given = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    given += [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for o in c.children if o.dep_ == "pobj"]
    return any(_is(t, "goods_traded") for g in given for t in g.subtree if t.pos_ in ("NOUN", "PROPN"))
