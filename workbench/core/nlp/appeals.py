"""An appeal to the reader: "Anyone with information can contact the force on 101,
quoting incident 0098 of 30 November", "Anybody who saw the crash should call police on
0800 555 111". The clause asks the reader (anyone, anybody, whoever) to get in touch;
its numbers and dates are a phone number and a reference, not facts, and the clause
asserts nothing. "Police contacted 40 witnesses" or "Anyone over 65 can claim the
£300 payment" (no verb of getting in touch) are not this shape.

``appeal`` reads one clause; ``in_appeal`` walks from an entity up to the sentence's
root. Works on the spaCy parse; imported only by extraction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .speech import verb_in

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

CONTACT_VERBS = frozenset({"contact", "call", "ring", "phone", "email", "text", "message"})
"""Verbs of getting in touch."""
READERS = frozenset({"anyone", "anybody", "whoever"})
"""Subjects that stand for any reader."""


_ASKED = frozenset({"can", "could", "should", "may", "must"})


def _asked(verb: Token) -> bool:
    """ "could contact", "should call", "is asked to contact", "are urged to ring"."""
    if any(c.dep_ == "aux" and c.lower_ in _ASKED for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in (
        "ask", "urge", "encourage", "invite", "appeal", "request"
    )


def _reader(subj: Token, asked: bool) -> bool:
    if subj.lower_ in READERS:
        return True
    # "those with information should ...", "witnesses who saw the crash are urged to ..."
    return asked and subj.lower_ in ("those", "people", "witnesses") and any(
        c.dep_ in ("prep", "relcl", "acl") for c in subj.children
    )


def appeal(head: Token) -> bool:
    """Is ``head`` (or the verb it is coordinated with) a verb of getting in touch whose
    subject is any reader ("anyone with information could contact the force")?"""
    verb = head
    if verb.dep_ == "advcl" and verb.tag_ == "VBG":
        verb = verb.head  # "..., quoting incident 0098": the appeal's own manner
    while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ == "advcl" and verb.tag_ == "VBG":
        verb = verb.head  # "..., quoting ... or call Crimestoppers": the same appeal
    if not verb_in(verb, CONTACT_VERBS):
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None and verb.dep_ == "xcomp":
        subj = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and _reader(subj, _asked(verb))


def in_appeal(root: Token) -> bool:
    """Does the entity whose root is ``root`` sit in an appeal, up to the sentence root?"""
    node = root
    while True:
        if node.pos_ in ("VERB", "AUX") and appeal(node):
            return True
        if node.head.i == node.i:
            return False
        node = node.head


def may_appeal(sent: Span) -> bool:
    """A cheap first look: a reader as a word of the sentence."""
    return any(t.lower_ in READERS or t.lower_ == "witnesses" for t in sent)
