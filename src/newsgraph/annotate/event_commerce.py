"""Acts whose actor is a company and whose type a firm only ever has in business: commerce, no PLOVER event.

Why (stop 38, from the judged events of every held-out draw, s21..s42): PLOVER codes interactions of political
actors; the conventions read "commerce ... wrong types whatever the verb". On wire copy a firm "granted a licence",
"provided research funds", "suspended staff", "severed its ties with" a partner, "withdrew from the market", "is
negotiating with" a supplier or "launched a takeover bid": every judged event of these types whose source was a
company named with its legal form was wrong (22 of 22), and so was every one with a company as the target of aid,
talks, cooperation or a retreat (8 of 8), while accusations (lawsuits), agreements, refusals, requests to a regulator
and coercion of a firm by an authority were right as often as not and stay. What the act is comes from who does it:
a company, by its registered name (data/org_kinds.tsv `legal_form`, `company_head`: "Harbour Motor Corp", "X
Bancorp"), never from the page's words. Which types count for which role is data (data/plover.tsv [commerce]).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from newsgraph.annotate.doc_entities import find_entity
from newsgraph.annotate.lexicon import words
from newsgraph.annotate.org_short_forms import company_word
from newsgraph.records import Event

LEXICON = "plover.tsv"


def company_name(name: str | None) -> bool:
    """A company's registered name: two words or more, the last a legal form or a company's head noun ("Harbour
    Motor Corp", "Kestrel Laboratories"; org_short_forms.company_word); a short form ("Harbour") is left alone (it
    may name a person or a place)."""
    words = (name or "").replace(",", " ").split()
    return len(words) >= 2 and company_word(words[-1])


def commerce(ev: Event, roles: dict[str, frozenset[str]]) -> bool:
    """The event's type is one a company has only in business in the role a company holds in it (`roles`: type ->
    {"source", "target"}, data/plover.tsv [commerce])."""
    held = roles.get(ev.type, frozenset())
    return ("source" in held and company_name(ev.source_name)) or ("target" in held and company_name(ev.target_name))


#: (stop 39) Arguments of a verb that carry what is asked for, offered or ordered: its object, its complement clause,
#: the object of its "for" ("asked the board for permission to make a bid")
_CONTENT_DEPS = ("dobj", "obj", "xcomp", "ccomp", "advcl")
#: The arguments of a request or an offer that name its parties (asker, addressee)
#: Nouns of a deal's kind that name it also as a modifier ("a takeover offer", "a tender offer")
_DEAL_KINDS = ("takeover", "tender", "merger", "acquisition")
_PARTY_PREPS = ("to", "from", "by", "with", "of")
_PARTY_DEPS = ("nsubj", "nsubjpass", "dobj", "obj", "dative", "pobj", "conj", "appos", "compound", "poss")


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    return {"transaction": words(LEXICON, "transaction"),
            "deal_verbs": words(LEXICON, "deal_verb"), "asking": words(LEXICON, "deal_asking"),
            "official": words("event_actors.tsv", "official") | words(LEXICON, "public_party"),
            "deferral": words(LEXICON, "deferral"), "delivered": words(LEXICON, "delivered"),
            "debt_term": words(LEXICON, "debt_term")}


def official_words() -> frozenset[str]:
    """Words of a state's organs and public parties (event_actors.tsv [official], plover.tsv [public_party])."""
    return _words()["official"]


def _content(tok: Token) -> list[Token]:
    """What a verb of asking, seeking, offering or ordering asks for, offers or orders: its object, its complement
    clause (with everything under them), and the object of its "for"."""
    out = [c for c in tok.children if c.dep_ in _CONTENT_DEPS]
    out += [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "for" for o in c.children if o.dep_ == "pobj"]
    return [t for c in out for t in c.subtree]


def _state_party(tok: Token, asker: bool = True) -> bool:
    """A party of the act is a state or its organ: a country, a nationality or a government's noun ("asked Japan",
    "the ministry sought", "officials urged"): its asks and offers are political even about trade. With `asker`
    False only the one asked counts ("asked Israel to suspend shipments")."""
    official = _words()["official"]
    roles = ("nsubj", "nsubjpass", "dobj", "obj", "dative", "agent") if asker else ("dobj", "obj", "dative", "agent")
    parties = [c for c in tok.children if c.dep_ in roles
               or (c.dep_ == "prep" and c.lower_ in _PARTY_PREPS)]
    for p in parties:
        for t in p.subtree:
            if t.dep_ in _PARTY_DEPS or t is p:
                if t.ent_type_ in ("GPE", "NORP") or (t.pos_ in ("NOUN", "PROPN") and (t.lemma_.lower() in official or t.lower_ in official)):
                    return True
    return False


def deal_making(tok: Token, type_: str) -> bool:
    """(stop 39) A request, a search or an offer whose content is a transaction, between no state's parties: the
    deal-making of the market (the conventions: commerce, bids, procurement and "seeks to" an aim are no REQUEST; an
    offer of goods, prices or shares to buyers is no AGREE). The content is read from the verb's own arguments: a
    word of a deal (data/plover.tsv [transaction]: a bid, buyers, shares, a stake, a credit facility) or a
    verb of buying or selling ([deal_verb]) anywhere in what is asked for or offered ("asked the board for permission
    to make a bid", "asked its adviser to seek other purchasers", "is seeking a credit facility", "offered to buy the
    shares"). Why from the arguments and not from who acts: the bidder, the board and the adviser are often no
    registered name ("its board", "the group"), and the same verbs between states are politics ("urged Japan to buy
    more chips", "asked Japan for a loan"), kept by `_state_party`. Loans and credits are not words of a deal here:
    between states they are aid."""
    lex = _words()
    if type_ not in ("REQUEST", "AGREE") or tok.lemma_.lower() not in lex["asking"]:
        return False
    return any(_deal_word(t, lex) for t in _content(tok)) and not _state_party(tok)


def contract_terms(tok: Token, type_: str) -> bool:
    """(stop 40) A request whose content is a change to the terms of a contract already made: a delay, a deferral or
    a rescheduling (data/plover.tsv [deferral]) of goods' deliveries ([delivered]: "sought a postponement
    of its copper deliveries", whoever sells or buys: the terms of an exchange, asked of no state) or of a debt ([debt_term]: "asked its lenders
    to defer repayment") asked by a firm (`_company_asker`) of no state's party. The conventions (R1, V5): a firm seeking
    debt relief from its lenders is finance, no REQUEST; a state's ask of its creditors in debt talks stays one
    (H48-B), kept by `_state_party` as the deal-making rule keeps a state's ask for a loan."""
    lex = _words()
    if type_ != "REQUEST" or tok.lemma_.lower() not in lex["asking"]:
        return False
    content = _content(tok)

    def has(section: str) -> bool:
        return any(t.lemma_.lower() in lex[section] or t.lower_ in lex[section] for t in content if t.pos_ in ("NOUN", "VERB"))

    if not has("deferral"):
        return False
    if has("delivered"):
        return not _state_party(tok, asker=False)  # "asked Israel to suspend arms shipments" is a state's request
    return has("debt_term") and _company_asker(tok) and not _state_party(tok)


def _company_asker(tok: Token) -> bool:
    """The one who asks is a firm: an entity with a company's registered name ("X Lines Ltd", `company_name`) or a
    firm's noun ("the company", "the group"). A debtor of no such kind may be a state misspelt or unknown to the
    gazetteer, whose ask of its creditors stays a request."""
    for s in (c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")):
        ent = find_entity(s.doc, s.idx, s.idx + len(s.text))
        if (ent is not None and company_name(ent.name)) or (s.pos_ == "NOUN" and company_word(s.text)):
            return True
    return False


def _deal_word(t: Token, lex: dict[str, frozenset[str]]) -> bool:
    """A word of a deal: a common noun of [transaction] that is no part of a name ("the Bond Market Committee") and
    no modifier of another noun unless it names the deal's kind ("a takeover offer"), no attempt ("in a bid to
    save X"), "share" only as a price's unit
    ("per share": "its share of the proceeds" is a portion), or a verb of [deal_verb]."""
    if t.pos_ == "VERB":
        return t.lemma_.lower() in lex["deal_verbs"]
    if t.pos_ != "NOUN" or not (t.lemma_.lower() in lex["transaction"] or t.lower_ in lex["transaction"]):
        return False
    if t.dep_ == "compound" and t.lower_ not in _DEAL_KINDS:
        return False  # "bid pricing obtained by another town": a modifier of another thing sought
    if any(c.dep_ in ("acl", "xcomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in t.children):
        return False  # "in a bid to save the toddler": an attempt, no offer
    return t.lower_ != "share" or (t.dep_ == "pobj" and t.head.lower_ == "per")


def goods_ordered(tok: Token, act_noun, actor_word) -> bool:
    """(stop 39) An order of goods, no request: "order" with an object that is a thing (no actor, no act of the
    lexicon) counted or bought from a supplier ("ordered 20 jets", "ordered a new vessel from a yard"), and no
    complement clause ("ordered the troops to withdraw" is an order to someone; "ordered an inquiry" orders an act).
    The conventions: ordering goods and procurement are no REQUEST."""
    if tok.lemma_.lower() != "order" or any(c.dep_ in ("xcomp", "ccomp", "oprd", "dative") for c in tok.children):
        return False
    for o in (c for c in tok.children if c.dep_ in ("dobj", "obj")):
        if o.pos_ == "NUM" or (o.pos_ == "NOUN" and not act_noun(o) and not actor_word(o.doc, o)):
            counted = o.pos_ == "NUM" or any(c.dep_ == "nummod" for c in o.children)
            supplier = any(c.dep_ == "prep" and c.lower_ == "from" for c in list(o.children) + list(tok.children))
            if counted or supplier:
                return True
    return False
