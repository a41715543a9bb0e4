"""Clauses that assert nothing a fact-checker could check, for number, date, ordinal
and event claims.

A number inside "Could measles become endemic again?", "NASA hopes the ice could one
day supply water", "Whether a squad can survive in the second tier is another
question" or "engineers hugged and cheered as the first images appeared" states no
fact: the clause holding it is a question, a hope, an open question, a guess nobody
is credited with, or colour. ``unasserted(root, sent, reports)`` reads the clause
chain from the entity's own clause up to the sentence root and says when the
entity sits in such a clause. Statements make the same judgement in
``statements._rejected``; this module is the part that numbers share.

Works on the spaCy parse; imported only by extraction.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from .speech import Report, verb_in

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

HOPE_VERBS = frozenset({"hope", "wish", "dream", "pray", "long", "yearn"})
"""Verbs whose complement is a wish, not a fact ("hopes the pod will head back")."""
_GUESS_MODALS = frozenset({"could", "might"})
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})

_OFF = frozenset(os.environ.get("NLPSTMT_OFF", "").split(","))


def _clause_heads(tok: Token) -> list[tuple[Token, Token]]:
    """(clause head, its child on the path down to ``tok``) from ``tok``'s own clause
    up to the root; the child is the head itself when ``tok`` is the head."""
    out: list[tuple[Token, Token]] = []
    below, node = tok, tok
    while True:
        if node.pos_ in ("VERB", "AUX") or node.dep_ == "ROOT":
            out.append((node, below))
        if node.head.i == node.i:
            return out
        below, node = node, node.head


def _modal(head: Token) -> str | None:
    for c in head.children:
        if c.dep_ == "aux" and c.lower_ in _GUESS_MODALS:
            return c.lower_
    return None


def _attributed(heads: list[tuple[Token, Token]], reports: list[Report]) -> bool:
    """Is one clause of the chain a reported clause with a named speaker?"""
    ids = {h.i for h, _ in heads}
    return any(r.speaker is not None and not r.opinion and r.head.i in ids for r in reports)


_OPENING = ("“", '"', "‘", "'", "«")


def is_question(sent: Span) -> bool:
    """A sentence that asks: it ends with "?", and a quoted question at its end is the
    sentence's own only when the quote is the whole sentence ('she said: "why should
    I?"' asks nothing of the reader)."""
    text = sent.text.strip()
    bare = text.rstrip("”\"’'»")
    if not bare.endswith("?"):
        return False
    return bare == text or text.startswith(_OPENING)


def unasserted(root: Token, sent: Span, reports: list[Report], kind: str) -> bool:
    """Does the entity whose root is ``root`` sit in a clause that asserts nothing?"""
    if "q" not in _OFF and is_question(sent):
        return True
    heads = _clause_heads(root)
    if not heads:
        return False
    attributed = _attributed(heads, reports)
    for head, below in heads:
        if "whether" not in _OFF and any(
            c.dep_ == "mark" and c.lower_ == "whether" for c in head.children
        ):
            return True  # "Whether a squad can survive in the second tier is ..."
        if (
            "hope" not in _OFF
            and below is not head
            and below.dep_ not in _ARGUMENT_DEPS
            and verb_in(head, HOPE_VERBS)
        ):
            return True  # "Walker hopes the pod will head back", "NASA hopes could ..."
        if "modal" not in _OFF and _modal(head) and not attributed:
            return True  # "the ice could one day supply water": a guess nobody is credited with
        if "hedged" not in _OFF and not attributed and _hedged_state(head):
            return True  # "a breakthrough was unlikely before the election"
    if "colour" not in _OFF and kind in ("ordinal", "event", "date") and colour(sent):
        return True  # "engineers hugged and cheered as the first images appeared"
    return False


_MEASURES = frozenset({"MONEY", "PERCENT", "CARDINAL", "QUANTITY"})


def colour(sent: Span) -> bool:
    """A scene: the root is a verb of gesture or scene, nobody named does it and the
    sentence names and measures nothing ("engineers hugged and cheered as ...")."""
    from .statements import ACTOR_NOUNS, COLOUR_VERBS, NAME_TYPES, subject_of

    root = sent.root
    if root.pos_ != "VERB" or not verb_in(root, COLOUR_VERBS):
        return False
    if any(e.label_ in _MEASURES or e.label_ in NAME_TYPES for e in sent.ents):
        return False
    subj = subject_of(root)
    if subj is None:
        return False
    return not (
        subj.ent_type_ in NAME_TYPES or subj.pos_ == "PROPN" or subj.lemma_.lower() in ACTOR_NOUNS
    )


def _hedged_state(head: Token) -> bool:
    from .statements import _hedged_state as hedged

    return bool(hedged(head))
