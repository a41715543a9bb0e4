"""Named mentions and the common nouns that point back to them.

"the grid operator Red Electrica", "Italian carmaker Ventura", "Acorn, the tenants'
union", "District Judge Martin Hale", "the Labor Department": each named mention is
noted with the nouns that describe it, so that a later "the operator said", "the
company said", "the union said", "the judge found" or "the department said" credits
the body or person it means. Also the sources behind a document ("according to a
statement from X", "a study by researchers at X found", "the agency's figures") and
the appositive name of a role noun ("the envoy for Cyprus, Anders Lund, said").
Works on the spaCy parse; imported only by ``quotes.py`` (the speaker tracker).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .lexicon import PEOPLE_NOUNS

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

_NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})
_DESCRIBING = frozenset({"compound", "amod", "nmod", "appos"})

COMPANY_NOUNS = frozenset({"company", "firm", "group", "business", "concern"})
"""Nouns that stand for any company, whatever the article first called it."""
_BUSINESS = frozenset(
    """company firm group carmaker automaker steelmaker brewer maker producer operator
    manufacturer retailer lender bank insurer airline carrier miner developer supplier
    chain conglomerate giant startup provider platform app publisher broadcaster
    utility distributor exporter importer shipper builder contractor""".split()
)

BODY_NOUNS = COMPANY_NOUNS | _BUSINESS | frozenset({"organisation", "organization", "charity"})
"""Nouns for a company or organisation: "the carmaker said", "the central bank said"
stand for the last body named as a subject when no mention fits them better (not "the
ministry", "the agency": those are named with their noun, or not named at all)."""

PUBLIC_BODIES = frozenset(
    """court tribunal council ministry parliament assembly government police commission
    agency department office authority university institute union senate congress army
    coalition party""".split()
)
"""Head nouns of bodies that are no business: "the company said" never means the
"Federal Court" or the "Interior Ministry" named before it."""

SOURCE_DOCUMENTS = frozenset(
    """statement report study survey data figures analysis estimate estimates poll research
    document filing letter release records assessment review paper census audit count
    tally findings statistics""".split()
)
"""Documents whose source ("from X", "by X", "X's") is who the claim is credited to."""
_ACCESS_VERBS = frozenset({"see", "obtain", "review", "view", "read", "examine", "leak"})
"""How a document reached a newspaper: its "by" agent is no source of it."""
_SPONSOR_VERBS = frozenset({"commission", "fund", "order", "sponsor", "request"})
"""Who had a document made ("a review commissioned by the government"): no author of it."""
_SOURCE_PREPS = frozenset({"from", "by", "of"})
_STAFF_PREPS = frozenset({"at", "of", "from", "for", "with"})
SPOKES = frozenset({"spokesperson", "spokesman", "spokeswoman", "representative"})

_TITLES = frozenset(
    """col col. colonel gen gen. general lt lt. maj maj. capt capt. sgt sgt. dr dr. mr mr.
    mrs mrs. ms ms. prof prof. sir dame judge justice rev rev. father sheikh""".split()
)


@dataclass(frozen=True)
class Mention:
    pos: int  # offset in the article
    name: str
    words: frozenset[str]  # the name's words and the nouns describing it, lower case


def _noun_words(tok: Token) -> set[str]:
    """A describing noun with its own compounds ("grid operator", "tenants' union")."""
    out = {tok.lemma_.lower(), tok.lower_}
    out.update(c.lower_ for c in tok.children if c.dep_ in ("compound", "amod"))
    return out


def sentence_mentions(sent: Span, base: int = 0) -> list[Mention]:
    """The named people and bodies of a sentence, each with its describing nouns."""
    out: list[Mention] = []
    for ent in sent.ents:
        if ent.label_ not in _NAMED:
            continue
        if ent[-1].text in ("'s", "’s") and ent[-2].text.islower():
            continue  # "A Houston company's lander": a description the tagger took for a name
        root = ent.root
        words = {t.lower_ for t in ent}
        for c in root.children:
            if c.dep_ in _DESCRIBING and c.pos_ == "NOUN" and not c.ent_type_:
                words |= _noun_words(c)
            elif c.dep_ == "compound":
                words.add(c.lower_)  # "District Judge Martin Hale"
        for t in ent:  # "Governor Kathy Hochul": the title hung on the first name
            if t.i != root.i and t.i == ent.start:
                words.update(
                    c.lower_ for c in t.children if c.dep_ == "compound" and c.i < ent.start
                )
        if root.dep_ == "appos" and root.head.pos_ == "NOUN":
            words |= _noun_words(root.head)  # "the grid operator Red Electrica"
        name = ent.text.removeprefix("the ").removeprefix("The ")
        out.append(Mention(base + ent.start_char, name, frozenset(words)))
    for tok in sent:  # a name the tagger missed, described in place ("Unite, the union")
        if tok.pos_ != "PROPN" or tok.ent_type_ or tok.dep_ == "compound":
            continue
        words = set()
        for c in tok.children:
            if c.dep_ in _DESCRIBING and c.pos_ == "NOUN":
                words |= _noun_words(c)
        if tok.dep_ == "appos" and tok.head.pos_ == "NOUN":
            words |= _noun_words(tok.head)
        if words:
            run = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
            name = " ".join(t.text for t in [*run, tok])
            words |= {t.lower_ for t in [*run, tok]}
            out.append(Mention(base + (run[0] if run else tok).idx, name, frozenset(words)))
    return out


_REGULATORS = frozenset(
    "commission authority agency office regulator ombudsman inspectorate".split()
)
_SAME_BODY = {
    "force": frozenset({"police"}),
    "constabulary": frozenset({"police"}),
    "watchdog": _REGULATORS,
    "regulator": _REGULATORS,
}
"""Nouns that stand for a body named with another noun ("the force": a police force,
"the watchdog": a commission or an authority)."""


def described(
    tok: Token, mentions: list[Mention], pos: int, speakers: list[str] | None = None
) -> str | None:
    """The name a definite description ("the company", "the grid operator", "the
    judge", "the health ministry") points back to: the last mention before ``pos``
    described by the same noun (and its modifiers); for "the company" / "the firm",
    the last one described as any kind of business. When several fit ("the manager"
    after both managers), the one who spoke last (``speakers``, latest first) wins."""
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
    bare = tok.tag_ in ("NNS", "NN") and not any(
        c.dep_ in ("det", "poss", "nummod", "amod", "compound", "prep") for c in tok.children
    )  # "police said": only a body named by that very noun ("Leicestershire Police")
    if not definite and not bare:
        return None
    noun = tok.lemma_.lower()
    mods = {c.lower_ for c in tok.children if c.dep_ == "compound" and c.pos_ == "NOUN"}
    nouns = {noun, tok.lower_, noun.replace("iz", "is"), noun.replace("is", "iz")}
    earlier = [m for m in reversed(mentions) if m.pos < pos]
    fitting = [
        m.name for m in earlier if nouns & m.words and mods <= m.words
    ] if definite else [m.name for m in earlier if m.name.split()[-1].lower() in nouns]
    if not fitting and definite and noun in _SAME_BODY:
        # "the force said" after "Leicestershire Police", "the watchdog found" after "a
        # report by the Care Quality Commission": a body named by another noun
        others = _SAME_BODY[noun]
        fitting = [m.name for m in earlier if m.name.split()[-1].lower() in others]
    if not fitting and noun in COMPANY_NOUNS and not mods:
        fitting = [
            m.name
            for m in earlier
            if m.words & _BUSINESS or any(w.endswith("maker") for w in m.words)
        ]

    if not fitting:
        return None
    surnames = {name.split()[-1] for name in fitting}
    for name in speakers or []:
        if name.split()[-1] in surnames:
            return next(f for f in fitting if f.split()[-1] == name.split()[-1])
    return fitting[0]


def document_source(tok: Token) -> Token | None:
    """ "a statement from the Serbian presidency", "a study by researchers at ETH
    Zurich", "the agency's latest figures", "data from Eurofer": the token naming who
    stands behind the document, or None."""
    if tok.pos_ != "NOUN" or not {tok.lemma_.lower(), tok.lower_} & SOURCE_DOCUMENTS:
        return None
    for c in tok.children:  # "A Reuters analysis of shipping data": Reuters
        if c.dep_ == "compound" and c.i < tok.i and c.ent_type_ in _NAMED:
            return c
    for c in tok.children:
        if c.dep_ == "poss" and c.pos_ != "PRON":
            return c
        if c.dep_ in ("prep", "agent") and c.lower_ in _SOURCE_PREPS:
            obj = next((o for o in c.children if o.dep_ == "pobj"), None)
            if c.lower_ == "of" and obj is not None and not (obj.ent_type_ or obj.pos_ == "PROPN"):
                continue  # "an analysis of shipping data": what it is about, not its source
            if obj is not None:
                return obj
        if c.dep_ == "acl" and c.lemma_.lower() not in _ACCESS_VERBS | _SPONSOR_VERBS:
            # "a study published last year by researchers at ...", not "documents seen
            # by Reuters" (the agent read the document; it did not write it)
            agent = next((a for a in c.children if a.dep_ == "agent"), None)
            obj = None if agent is None else next(
                (o for o in agent.children if o.dep_ == "pobj"), None
            )
            if obj is not None:
                return obj
    return None


def staff_body(tok: Token) -> Token | None:
    """ "Forecasters at the German Weather Service", "analysts at Mediobanca", "foreign
    ministers of the G7": the named body a common-noun source belongs to (not for
    someone unnamed, "a nurse at Goma hospital", who speaks for nobody)."""
    spokes = tok.lemma_.lower() in SPOKES  # "a spokeswoman for the regulator" speaks for it
    if not spokes and any(
        c.dep_ == "det" and c.lower_ in ("a", "an", "one", "another") for c in tok.children
    ):
        return None
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in _STAFF_PREPS:
            obj = next((o for o in c.children if o.dep_ == "pobj"), None)
            if obj is not None and (
                spokes or obj.ent_type_ in ("ORG", "GPE", "NORP") or _untagged_name(obj)
            ):
                return obj
    return None


_TAIL_DEPS = frozenset({"amod", "prep", "acl"})
_TAIL_WORDS = 8


def source_tail(tok: Token) -> list[Token]:
    """The words after an unnamed source that say which sources they are: "two people
    *familiar with the matter*", "officials *close to the talks*", "diplomats *in
    Geneva*", "people *briefed on the plan*" (not "documents seen by a newspaper": who
    read a document is no part of its source). Up to a comma, a few words at most."""
    out: list[Token] = []
    for c in tok.rights:
        if c.dep_ not in _TAIL_DEPS or c.lemma_.lower() in _ACCESS_VERBS:
            break
        if c.dep_ == "acl" and any(a.dep_ == "agent" for a in c.children):
            break
        words = list(c.subtree)
        if any(t.is_punct for t in words) or (out and words[0].i != out[-1].i + 1):
            break
        if not out and words[0].i != tok.i + 1:
            break
        out.extend(words)
    if len(out) > _TAIL_WORDS or any(t.pos_ == "PROPN" or t.ent_type_ for t in out):
        return []  # "a shop owner in Doncaster": an unnamed source stays in lower case
    return out


def _untagged_name(tok: Token) -> bool:
    """ "analysts at Barclays": a proper noun the entity tagger left unlabelled."""
    return tok.pos_ == "PROPN" and not tok.ent_type_ and tok.is_title


def name_before(verb: Token, within: int) -> str | None:
    """A person's name set off by commas just before a verb of saying: "The UN envoy for
    Cyprus, Anders Lund, said", "Burundi's army spokesman, Col. Gaspard Niyonzima,
    told". ``within``: the first token the name may start at. Two or more capitalised
    words, not one place ("Goma, Congo, said"), titles dropped."""
    doc = verb.doc
    i = verb.i - 1
    if i < within or doc[i].text != ",":
        return None
    end = i
    i -= 1
    while i >= within and (doc[i].pos_ == "PROPN" or doc[i].text == "."):
        i -= 1
    if i < within or doc[i].text != ",":
        return None
    words = [t for t in doc[i + 1 : end] if t.text != "." and t.lower_ not in _TITLES]
    if len(words) < 2 or not all(t.is_title for t in words):
        return None
    if all(t.ent_type_ in ("GPE", "LOC") for t in words) and words[0].ent_iob_ == "B":
        return None  # "New York", "South Africa"
    return " ".join(t.text for t in words)


def capitalised_name(tok: Token) -> str | None:
    """ "Doctors Without Borders", "Reporters Without Borders": a name the tagger split,
    shown by a capitalised preposition between capitalised words."""
    if not tok.is_title:
        return None
    for c in tok.children:
        if c.dep_ == "prep" and c.is_title and c.i == tok.i + 1:
            obj = next((o for o in c.children if o.dep_ == "pobj" and o.is_title), None)
            if obj is not None:
                return tok.doc[tok.i : obj.i + 1].text
    return None


def someone_unnamed(subj: Token) -> bool:
    """ "A spokeswoman for the ministry", "a senior official", "the minister" (no named
    minister before): a single unnamed person, whom a "he" or "she" that follows stands
    for (not a body or a document: "a report said", "the company said")."""
    if subj.pos_ != "NOUN" or subj.ent_type_ or subj.tag_ != "NN":  # one, not "officials"
        return False
    lemma = subj.lemma_.lower()
    if lemma in BODY_NOUNS or lemma in PUBLIC_BODIES or lemma in SOURCE_DOCUMENTS:
        return False
    if not a_person_noun(subj):
        return False  # "The theatre said": a place or a body, no "she"
    return any(c.dep_ == "det" and c.lower_ in _ONE for c in subj.children)


_ONE = frozenset({"a", "an", "one", "another", "the"})

_PERSON_ENDINGS = ("er", "or", "ist", "ian", "man", "woman", "person", "ee")
_PERSON_WORDS = PEOPLE_NOUNS | SPOKES | frozenset(
    """president resident student agent sergeant assistant accountant consultant surgeon
    sheriff chief head boss deputy aide premier envoy priest pilot poet judge chair
    secretary superintendent governor commissioner ambassador detective inspector
    prosecutor coroner professor lawyer attorney solicitor barrister source insider
    colleague partner spouse""".split()
)


def aged(tok: Token) -> bool:
    """ "Rourke, 54, said", "Mr Hale, 61,": a name with an age set off after it, a person's
    (however the tagger labelled it)."""
    return tok.pos_ == "PROPN" and any(
        c.dep_ == "appos" and c.like_num and c.i == tok.i + 2 for c in tok.children
    )


def a_person_noun(tok: Token) -> bool:
    """Can the common noun stand for one person ("the judge", "a spokeswoman", "the
    headteacher", "the coroner"), not a place or a thing ("the theatre", "the hospital")?
    A noun of people or roles, or one with the ending of a doer ("-er", "-ist", "-ian")."""
    lemma = tok.lemma_.lower()
    if lemma in _PERSON_WORDS:
        return True
    return len(lemma) > 4 and lemma.endswith(_PERSON_ENDINGS) and lemma not in BODY_NOUNS
