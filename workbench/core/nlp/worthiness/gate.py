"""The factual gate: does a sentence assert anything a fact-checker could check?

A logistic model over the same parse features as check-worthiness
(``features.token_features``) plus a few of the sentence's form (question,
exclamation, order, the modal, person and complement of its main verb) and the
word classes of the claim finder's lexicons it holds (actions, feelings, colour
verbs, verbs of saying, rules, causes: ``class_features``). It is
trained offline (``gate_train.py``, scikit-learn) on the ClaimBuster sentences
(factual = Verdict 0 or 1, non-factual = -1) and on news sentences written for
this purpose, and shipped as ``gate.json`` (the same format as ``model.json``,
so ``Scorer`` reads it). Extraction scores a sentence once, from the feature list
it already builds for worthiness, and drops the sentence's claims when the gate
is confident the sentence states nothing checkable (``VETO``), its weak statements
and lone dates or ranks when it only doubts it (``WEAK_VETO``, ``ALONE_VETO``).

Pure Python at run time: no scikit-learn, no numpy.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from ...errors import ModelError
from .scorer import Scorer

GATE_PATH = Path(__file__).with_name("gate.json")

VETO = 0.85
"""Probability of "states nothing checkable" at which a sentence's claims are dropped.
The three thresholds were chosen with ``bench/gate_calibrate.py``: the most clean
non-claims on nonclaim_dev while recall on eval/eval2/eval3 falls by under a point."""

WEAK_VETO = 0.5
"""Probability at which a statement with nothing but a name or an actor to check
(``statements.Statement.weak``) is dropped: a doubt is enough for those."""
ALONE_VETO = 0.7
"""Probability at which a date, duration, ordinal or event that is the sentence's only
claim is dropped ("On Monday morning, the queue ...": the time or rank of a scene)."""
MINOR_KINDS = frozenset({"date", "duration", "ordinal", "event"})

_MODALS = frozenset({"could", "might", "may", "should", "would", "must", "can", "ca", "will"})
_OPENING = ("“", '"', "‘", "«")
_CLOSING = frozenset({"”", '"', "’", "'", "»", ")"})
_HEDGES = frozenset(
    """perhaps maybe possibly probably presumably seemingly apparently arguably
    supposedly hopefully surely""".split()
)
_PERSON = {"i": "1", "we": "1p", "you": "2", "it": "it", "this": "it", "that": "it"}


def form_features(sent: Any) -> list[str]:
    """Features of the sentence's form, read from its root and its last token."""
    feats: list[str] = []
    doc = sent.doc
    end = sent.end - 1
    while end > sent.start and (doc[end].is_space or doc[end].text in _CLOSING):
        end -= 1
    last = doc[end].text if end >= sent.start else ""
    if last.endswith("?"):
        feats.append("g:question")
    elif last.endswith("!"):
        feats.append("g:exclaim")
    root = sent.root
    subj = None
    for c in root.children:
        dep = c.dep_
        if dep in ("nsubj", "nsubjpass", "expl", "csubj"):
            subj = c
        elif dep == "aux" and c.lower_ in _MODALS:
            feats.append(f"g:modal:{c.lower_}")
        elif dep in ("acomp", "attr"):
            feats.append(f"g:comp:{c.dep_}:{c.tag_}")
        elif dep == "advmod" and c.lower_ in _HEDGES:
            feats.append("g:hedge")
        elif dep == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
                                    for m in c.children):
            feats.append("g:condition")
    if subj is None:
        feats.append("g:nosubj" if root.tag_ != "VB" else "g:order")
    else:
        feats.append(f"g:subj:{_PERSON.get(subj.lower_, subj.ent_type_ or subj.pos_)}")
    if doc[sent.start].text in _OPENING:
        feats.append("g:opens-quote")
    return feats


def _lexicons() -> dict[str, tuple[str, ...]]:
    """lemma -> the word classes of the claim finder's lexicons (``statements``, ``speech``)
    it belongs to, so that a verb or adjective never seen in training still reads as its
    class. Built once."""
    global _LEXICONS
    if _LEXICONS is None:
        from .. import statements as st
        from ..speech import REPORTING_VERBS

        classes = {
            "action": st.ACTION_VERBS | st.STRONG_ACTIONS,
            "colour": st.COLOUR_VERBS,
            "feel": st.FEELING_VERBS | st.OPINION_VERBS,
            "feel-adj": st.FEELING_ADJECTIVES,
            "state-adj": st.STATE_ADJECTIVES,
            "hedge-adj": st.HEDGE_ADJECTIVES,
            "quantity": st.QUANTITY_VERBS,
            "say": REPORTING_VERBS,
            "rule": st.RULE_VERBS | st.RULE_NOUNS | st.RULE_ADJECTIVES,
            "cause": st.CAUSAL_WORDS,
            "actor": st.ACTOR_NOUNS,
            "reaction": st.REACTION_VERBS,
        }
        table: dict[str, list[str]] = {}
        for name, words in classes.items():
            for w in words:
                table.setdefault(w, []).append(name)
        _LEXICONS = {w: tuple(names) for w, names in table.items()}
    return _LEXICONS


_LEXICONS: dict[str, tuple[str, ...]] | None = None
_CLASS_POS = frozenset({"VERB", "AUX", "ADJ", "NOUN"})
_ROLES = frozenset({"ROOT", "acomp", "nsubj"})


def class_features(sent: Any) -> list[str]:
    """One feature per (word class, role: root, acomp, nsubj or in) met in the sentence."""
    lex = _lexicons()
    feats: set[str] = set()
    for tok in sent:
        names = lex.get(tok.lemma_.lower())
        if names is None or tok.pos_ not in _CLASS_POS:
            continue
        dep = tok.dep_
        role = ("root" if dep == "ROOT" else dep) if dep in _ROLES else "in"
        for name in names:
            feats.add(f"g:cls:{name}:{role}")
    return sorted(feats)


def gate_features(sent: Any, features: list[str]) -> list[str]:
    """The gate's features: the worthiness features of the sentence plus its form and the
    word classes it holds."""
    return features + form_features(sent) + class_features(sent)


@lru_cache(maxsize=2)
def load_gate(path: Path = GATE_PATH) -> Scorer | None:
    """The gate model, or None when its file is missing or unreadable (no veto then)."""
    if not path.is_file():
        return None
    try:
        return Scorer.from_file(path)
    except ModelError:  # an unreadable gate only turns the veto off
        return None
