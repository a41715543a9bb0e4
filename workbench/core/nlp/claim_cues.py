"""Cues for a statement's claim type that the clause's head verb alone does not give.

Full Fact's typology (see ``statements.claim_type``): a cause stated by a noun or a
passive ("driven by falling vaccination rates", "the main reason for the delays", "no
effect on the figures", "no link between X and Y", "in response to a coup", "made far
more likely by global warming"); a vague proportion ("most of the cases", "nearly
all of the border") as against a vague count on a noun ("several vessels ran aground",
"denied all the charges": the statement is about the event, the count is its own
fact); a speaker's own experience ("she said she had not realised ..."); and a past
event reported by a verb of forecasting ("estimated that most of the harvest had been
damaged"), which is no prediction. Works on the spaCy parse; imported by
``statements.py``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import FRACTIONS, PEOPLE_NOUNS
from .mentions import BODY_NOUNS, PUBLIC_BODIES
from .speech import REPORTING_VERBS, verb_in

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from .speech import Report

_CAUSE_NOUNS = {  # noun -> the prepositions that make it name a cause or its effect
    "reason": ("for", "behind"),
    "cause": ("of", "behind"),
    "effect": ("on",),
    "impact": ("on",),
    "link": ("between", "to", "with"),
    "connection": ("between",),
    "correlation": ("between",),
}
_CAUSED_BY = frozenset({"drive", "prompt", "fuel", "spark", "trigger", "cause", "worsen"})

_COUNT_WORDS = frozenset({"several", "many", "numerous", "countless", "all", "some", "none"})
"""Vague counts: on a noun ("several vessels", "all forces") they count its things."""


def stated_cause(head: Token, tokens: list[Token]) -> bool:
    """A cause the clause states with a noun, a passive agent or "in response to"."""
    agent = any(c.dep_ == "agent" for c in head.children)
    if agent and head.lemma_.lower() in _CAUSED_BY:
        return True  # "The rise has been driven by falling vaccination rates"
    if agent and any(c.dep_ == "oprd" and c.pos_ == "ADJ" for c in head.children):
        return True  # "had been made far more likely by global warming"
    for t in tokens:
        preps = _CAUSE_NOUNS.get(t.lemma_.lower())
        if preps and t.pos_ == "NOUN" and any(
            c.dep_ == "prep" and c.lower_ in preps for c in t.children
        ):
            return True
        if t.lower_ == "response" and t.head.lower_ == "in" and any(
            c.lower_ == "to" for c in t.children
        ):
            return True
        if t.lower_ in ("result", "consequence") and t.head.lower_ == "as" and any(
            c.dep_ == "prep" and c.lower_ == "of" for c in t.children
        ):
            return True  # "as a result of the strike"
        if t.lower_ == "so" and t.i + 1 < len(t.doc) and t.nbor().lower_ == "that":
            return True  # "darkened the ice so that it absorbed more heat"
    return False


def counts_only(tok: Token) -> bool:
    """A vague count on a noun ("several battalions", "all the charges", "none has
    gone on trial"), or the few of a rank ("one of only a few leaders"): no proportion."""
    low = tok.lower_
    if low == "few" and _one_of(tok.head):
        return True
    if low not in _COUNT_WORDS:
        return False
    if tok.i > 0 and tok.doc[tok.i - 1].lower_ in ("nearly", "almost", "virtually"):
        return False  # "Nearly all senior figures have been detained": a share
    if any(c.lower_ == "of" for c in tok.children):
        return low in ("several", "many", "some")  # "all of", "none of": a share
    return low == "none" or tok.dep_ in ("det", "amod", "predet")


def share_subject(head: Token, subject: Token | None, tokens: list[Token]) -> bool:
    """Is the subject a share of a group ("one in five hospices cut services", "nine out
    of 10 members", "a third of the whales", "two-thirds of voters", "40% of staff")? The
    clause says how many of them: a quantity. With no subject parsed ("Around one in
    five hospices cut ...": "around" taken for a preposition of the verb), what comes
    before the verb is read."""
    doc = head.doc
    if subject is not None:
        if subject.lower_ in FRACTIONS or subject.ent_type_ == "PERCENT":
            if any(c.dep_ == "prep" and c.lower_ == "of" for c in subject.children):
                return True
        before = [t for t in subject.subtree if t.i <= subject.i]
    else:
        before = [t for t in tokens if t.i < head.i]
    for t in before:
        if t.lower_ == "in" and 0 < t.i < len(doc) - 1:
            if doc[t.i - 1].like_num and doc[t.i + 1].like_num:
                return True  # "one in five"
        if t.lower_ == "of" and t.i >= 2 and doc[t.i - 1].lower_ == "out":
            if doc[t.i - 2].like_num and t.i + 1 < len(doc) and doc[t.i + 1].like_num:
                return True  # "nine out of 10"
    return False


def _one_of(noun: Token) -> bool:
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lower_ == "one"


_PUBLIC_ACTS = frozenset(
    """propose offer ask request demand agree sign approve reject order call urge submit
    send meet vote appoint announce""".split()
)
"""Acts done in public ("he had proposed a rotating presidency"): checkable as events."""


def own_experience(head: Token, report: Report | None) -> bool:
    """ "She said she had not realised ...", "Reilly said he lost his job": the
    speaker tells of their own beliefs or experience (not of a public act)."""
    if report is None or report.verb is None or not report.speaker:
        return False
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return False
    pronoun = subject.lower_ if subject.lower_ in ("he", "she") else _kin_of(subject)
    if pronoun is None:
        return False
    if verb_in(head, REPORTING_VERBS | _PUBLIC_ACTS) and not (
        subject.lower_ not in ("he", "she") and _told_the_teller(head, pronoun)
    ):
        return False  # but "her daughter had told her to": what befell the teller
    teller = next((c for c in report.verb.children if c.dep_ == "nsubj"), None)
    if teller is None:
        return False
    if teller.lower_ in ("he", "she"):
        return teller.lower_ == pronoun
    return (
        teller.pos_ == "PROPN"
        or any(c.dep_ == "appos" for c in teller.children)
        or _surname(teller, report)
    )


_SPAN_PREPS = frozenset({"for", "since"})


def life_span(head: Token, subject: Token | None) -> bool:
    """A person's own course of life over a span of time: a perfect tense with "for N
    years" or "since 1971" whose subject is a person ("has lived on Mill Street since
    1971", "has kept Pekins for 31 years", "Lars Henriksson has been a conductor on the
    line for 22 years"); "the resort has been abandoned since 1974", "it has not been
    staged since 1994" and "she has been mayor since 2019" are no one's private life."""
    if subject is None or not (
        subject.lower_ in ("he", "she", "i", "we") or subject.ent_type_ == "PERSON"
    ):
        return False
    if head.tag_ != "VBN" or not any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" for c in head.children
    ):
        return False
    if any(c.dep_ == "auxpass" for c in head.children) or verb_in(
        head, REPORTING_VERBS | _PUBLIC_ACTS | _PUBLIC_ROLES
    ):
        return False  # (nor "has managed Hexham since 2021": a public role)
    if any(
        c.dep_ == "attr" and c.lemma_.lower() in _PUBLIC_OFFICES for c in head.children
    ):
        return False  # "She has been mayor since 2019": a public office, no private life
    return any(
        c.dep_ == "prep"
        and c.lower_ in _SPAN_PREPS
        and any(t.ent_type_ == "DATE" for t in c.subtree)
        for c in head.children
    )


_PUBLIC_ROLES = frozenset({"manage", "lead", "coach", "chair", "govern", "captain", "represent"})

_PUBLIC_OFFICES = frozenset(
    """minister mp senator councillor councilor mayor leader president governor chairman
    chairwoman chair chief executive director secretary head premier chancellor""".split()
)

_TELLER_OBJECTS = {"she": "her", "he": "him"}


def _told_the_teller(head: Token, pronoun: str) -> bool:
    """ "She said her daughter had told her to": the teller's kin told the teller (the
    object is the teller's own pronoun), a thing of the teller's own life."""
    return any(
        c.dep_ in ("dobj", "dative") and c.lower_ == _TELLER_OBJECTS[pronoun]
        for c in head.children
    )


def _surname(teller: Token, report: Report) -> bool:
    """A name the tagger took for a common noun ("Perrin said he had heard ..."): the
    speaker credited is the word itself, capitalised, and it names no body or group."""
    low = teller.lower_
    return (
        report.speaker is not None
        and report.speaker.split()[-1] == teller.text
        and teller.is_title
        and teller.tag_ == "NN"
        and low not in PUBLIC_BODIES
        and low not in BODY_NOUNS
        and low not in PEOPLE_NOUNS
    )


_KIN = frozenset(
    """father mother parent parents family husband wife son daughter sons daughters
    brother sister grandfather grandmother grandparents""".split()
)


def _kin_of(subject: Token) -> str | None:
    """ "her father", "his family": the pronoun of whose family it is ("she", "he")."""
    if subject.lemma_.lower() not in _KIN and subject.lower_ not in _KIN:
        return None
    poss = next((c for c in subject.children if c.dep_ == "poss"), None)
    if poss is None or poss.lower_ not in ("his", "her"):
        return None
    return "he" if poss.lower_ == "his" else "she"


def past_event(head: Token) -> bool:
    """The clause tells of the past ("had been damaged", "cost the economy"), with no
    modal or future auxiliary: reported by "estimated" or "warned", still no forecast."""
    auxes = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" for a in auxes):
        return False
    if head.tag_ == "VBD":
        return True
    return head.tag_ == "VBN" and any(a.lower_ in ("had", "has", "have") for a in auxes)


_CHANGE_VERBS = frozenset(
    """slow narrow widen accelerate rebound dip slide tumble swell expand contract
    underestimate overestimate ease worsen deepen""".split()
)
"""Verbs of a change in amount or rate beyond the head list of ``statements``."""
_MULTIPLIERS = frozenset({"twice", "thrice", "half"})
_RULE_BREAKING = frozenset({"breach", "violate", "contravene", "flout"})


def amount_change(head: Token, tokens: list[Token]) -> bool:
    """ "Immigration has slowed sharply", "the gap has widened since 2019", "riders are
    twice as likely as cyclists to ...", "wait three times as long", "roughly double the
    number in 2021": an amount or rate."""
    if head.lemma_.lower() in _CHANGE_VERBS:
        return True
    doc = head.doc
    for t in tokens:
        multiplier = t.lower_ in _MULTIPLIERS or (
            t.lower_ == "times" and any(c.dep_ == "nummod" for c in t.children)
        )
        if multiplier and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "as":
            return True
        if (t.lower_ in _MULTIPLES or t.lower_ in _MULTIPLIERS) and t.i + 1 < len(doc):
            if doc[t.i + 1].lower_ in _OF_AN_AMOUNT:
                return True  # "roughly double the number in 2021", "twice what it was"
    return False


_MULTIPLES = frozenset({"double", "triple", "treble", "quadruple"})
_OF_AN_AMOUNT = frozenset({"the", "that", "its", "their", "what", "his", "her", "this"})


def breaks_rule(head: Token, tokens: list[Token]) -> bool:
    """ "would breach their contracts", "in breach of EU data protection law", "a
    violation of the ceasefire": whether a rule was broken."""
    if head.lemma_.lower() in _RULE_BREAKING:
        return True
    return any(
        t.pos_ == "NOUN"
        and t.lemma_.lower() in ("breach", "violation", "contravention")
        and any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children)
        for t in tokens
    )


_EFFECT_VERBS = frozenset(
    """hit hurt harm damage delay disrupt slow boost worsen weaken strengthen ease
    hamper hinder undermine fuel spur curb dampen prevent discourage deter encourage
    reduce reflect""".split()
)
"""Verbs that say what one thing did to another ("the drought has hit chemical makers",
"the freeze would delay the plans"): an effect, when the doer is no actor."""
_LEVELS = frozenset(
    """record high low peak level mark target milestone limit ceiling floor threshold
    bottom top""".split()
)
"""What "hit" reaches when it means reach ("hit a record", "a two-decade high")."""
_PUSH_VERBS = frozenset({"push", "drive", "force", "send", "bring"})
"""Verbs that move an amount with "up" or "down" ("would push up traffic")."""
_CAUSATIVE_VERBS = frozenset({"force", "prompt", "compel", "cause", "lead", "leave"})
"""Verbs that make someone do something ("forcing shipping companies to halt ...")."""
_NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})


def _an_actor(subj: Token) -> bool:
    """A person, a body or a place doing something ("police hit the crowd", "Russia
    hit Kyiv"): an act, not a cause and its effect."""
    return (
        subj.pos_ in ("PRON", "PROPN")
        or subj.ent_type_ in _NAMED
        or subj.lemma_.lower() in PEOPLE_NOUNS | BODY_NOUNS | PUBLIC_BODIES
    )


def caused_effect(head: Token) -> bool:
    """A thing or an event that does something to something else: "the closures had hit
    elderly patients hardest", "the plan would push up traffic", "the change had made
    the car much more stable", or a clause that tells what the main clause led to
    ("..., forcing shipping companies to halt most cargo traffic")."""
    lemma = head.lemma_.lower()
    deps = {c.dep_: c for c in head.children}
    if lemma in _CAUSATIVE_VERBS and head.tag_ == "VBG" and head.dep_ == "advcl":
        return "dobj" in deps and any(c.dep_ == "xcomp" for c in head.children)
    if lemma == "stem" and any(c.dep_ == "prep" and c.lower_ == "from" for c in head.children):
        return True  # "the losses stem from the closure of two plants"
    subj = deps.get("nsubj")
    if subj is None or _an_actor(subj) or "dobj" not in deps and lemma != "make":
        return False
    if lemma in _EFFECT_VERBS:
        # "hit a record", "hit a two-decade high": reached a level, no effect on anyone
        return lemma != "hit" or deps["dobj"].lemma_.lower() not in _LEVELS
    if lemma in _PUSH_VERBS:
        return any(
            c.dep_ in ("prt", "advmod") and c.lower_ in ("up", "down") for c in head.children
        )
    if lemma == "make":  # "had made the car more stable": made it so
        return any(
            c.dep_ in ("ccomp", "oprd", "acomp") and c.pos_ == "ADJ" for c in head.children
        )
    return False


def to_a_place(head: Token) -> bool:
    """ "fell to third", "climbed to second in the standings": a move to a place in an
    order (an ordinal), not a change in an amount."""
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in ("to", "into"):
            obj = next((o for o in c.children if o.dep_ == "pobj"), None)
            if obj is not None and obj.ent_type_ == "ORDINAL":
                return True
    return False


_MOVING_VERBS = frozenset(
    """rise fall drop climb jump surge slump plunge slide tumble soar rally gain lose
    increase decrease decline grow shrink""".split()
)
"""Verbs of a change in amount, whose "on"/"as" says what moved it."""
_NEWS_NOUNS = frozenset(
    """report news data figures fears fear hopes hope concerns concern worries
    expectations speculation results announcement""".split()
)
_CONFLICT_VERBS = frozenset({"strike", "walk", "protest", "resign", "quit", "clash", "boycott"})
_CONFLICT_NOUNS = frozenset({"dispute", "row", "protest", "strike", "clash", "walkout", "boycott"})
_AS_NOT_CAUSE = frozenset({"soon", "long", "far", "well", "if", "though", "such"})


def _grows_more(head: Token) -> bool:
    """ "are becoming more frequent", "got cheaper": a change in degree."""
    return head.lemma_.lower() in ("become", "get", "grow") and any(
        c.dep_ == "acomp"
        and (c.tag_ == "JJR" or any(a.lower_ in ("more", "less") for a in c.children))
        for c in head.children
    )


def moved_by(head: Token, tokens: list[Token]) -> bool:
    """What moved an amount or set off a conflict: "Stocks rose on the report", "Beer
    volumes have fallen as younger drinkers turn to alcohol-free alternatives", "such
    storms are becoming more frequent as the Mediterranean warms", "rail workers walked
    out over pay", "pulled out in a dispute over asylum policy"."""
    lemma = head.lemma_.lower()
    changing = lemma in _MOVING_VERBS or lemma in _CHANGE_VERBS or _grows_more(head)
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ == "on" and changing:
            obj = next((o for o in c.children if o.dep_ == "pobj"), None)
            if obj is not None and obj.lemma_.lower() in _NEWS_NOUNS:
                return True  # "rose on the report", "fell on fears of a slowdown"
        if c.dep_ == "advcl" and changing and any(
            m.dep_ == "mark" and m.lower_ == "as" for m in c.children
        ):
            first = c.doc[c.left_edge.i - 1] if c.left_edge.i > 0 else None
            if first is None or first.lower_ not in _AS_NOT_CAUSE:
                return True  # "have fallen as younger drinkers turn to ..."
        if c.dep_ == "prep" and c.lower_ == "over" and lemma in _CONFLICT_VERBS:
            return True  # "walked out over pay and safety"
    return any(
        t.lemma_.lower() in _CONFLICT_NOUNS
        and t.pos_ == "NOUN"
        and any(c.dep_ == "prep" and c.lower_ == "over" for c in t.children)
        for t in tokens
    )  # "in a dispute over asylum policy"


_ORDER_VERBS = frozenset({"tell", "order", "instruct", "direct", "require", "oblige"})
_PERMITS = frozenset(
    """permit licence license authorisation authorization approval consent""".split()
)


def imposed_rule(head: Token, tokens: list[Token]) -> bool:
    """A rule laid on someone: "Hospitals have been told to postpone non-urgent
    operations" (an order), "cleared the merger on condition that ...", "no mine would
    reopen without an environmental permit"."""
    if head.lemma_.lower() in _ORDER_VERBS and any(c.dep_ == "auxpass" for c in head.children):
        if any(c.dep_ == "xcomp" for c in head.children):
            return True
    for t in tokens:
        if t.lower_ == "condition" and t.head.lower_ == "on" and t.head.head.i == head.i:
            return True  # "on condition that Nordhaven sells its brewery"
        if t.lemma_.lower() in _PERMITS and t.head.lower_ == "without" and t.dep_ == "pobj":
            return True
    return False


def has_to_do_with(head: Token) -> bool:
    """ "her decision had nothing to do with the party's losses": whether one thing
    caused another."""
    if head.lemma_.lower() != "have":
        return False
    return any(
        c.dep_ == "dobj"
        and c.lower_ in ("nothing", "something", "little", "lot", "much", "everything")
        and any(r.lemma_.lower() == "do" and any(p.lower_ == "with" for p in r.children)
                for r in c.children)
        for c in head.children
    )


_PLAN_VERBS = frozenset({"plan", "intend", "aim"})


def stated_plan(head: Token) -> bool:
    """ "the team planned to repeat the sampling every winter until 2030": a plan on the
    record (a prediction); not "had never intended to make anyone homeless" (what a
    person meant, their experience)."""
    if head.lemma_.lower() not in _PLAN_VERBS or head.tag_ == "VBN":
        return False
    if any(c.dep_ == "neg" for c in head.children):
        return False
    return any(c.dep_ == "xcomp" and c.tag_ == "VB" for c in head.children)
