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
    if subject is None or subject.lower_ not in ("he", "she"):
        return False
    if verb_in(head, REPORTING_VERBS | _PUBLIC_ACTS):
        return False
    teller = next((c for c in report.verb.children if c.dep_ == "nsubj"), None)
    if teller is None:
        return False
    if teller.lower_ in ("he", "she"):
        return teller.lower_ == subject.lower_
    return teller.pos_ == "PROPN" or any(c.dep_ == "appos" for c in teller.children)


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
    underestimate overestimate""".split()
)
"""Verbs of a change in amount or rate beyond the head list of ``statements``."""
_MULTIPLIERS = frozenset({"twice", "thrice", "half"})
_RULE_BREAKING = frozenset({"breach", "violate", "contravene", "flout"})


def amount_change(head: Token, tokens: list[Token]) -> bool:
    """ "Immigration has slowed sharply", "the gap has widened since 2019", "riders are
    twice as likely as cyclists to ...", "wait three times as long": an amount or rate."""
    if head.lemma_.lower() in _CHANGE_VERBS:
        return True
    doc = head.doc
    for t in tokens:
        multiplier = t.lower_ in _MULTIPLIERS or (
            t.lower_ == "times" and any(c.dep_ == "nummod" for c in t.children)
        )
        if multiplier and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "as":
            return True
    return False


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
