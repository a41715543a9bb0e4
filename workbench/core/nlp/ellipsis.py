"""Clauses that leave what they state to another sentence, or only play it down.

* **An elliptical predicate** (``elliptical``): "Car makers have not.", "Ministers will
  not.", "He is not.", "Others did.": an auxiliary (or "have"/"do"/"be" standing for one)
  at the head of the sentence with nothing after it but a negation or an adverb. The
  verb phrase it stands for is in the sentence before; on its own the clause asserts
  nothing a reader could check, so it makes no claim. An auxiliary with its verb left
  out inside a sentence that holds that verb ("Rail firms have cut fares, but car makers
  have not") is not touched: the sentence states its fact.
* **Pronouns for every argument** (``pronouns_only``): "Friends said it shaped everything
  he did afterwards", "He said that changed everything": a subject that points back
  ("it", "this", "that") and an object that is "everything", "nothing", "anything" or
  "something", with no noun, name or number anywhere in the clause. What it is about is
  in another sentence, and "everything" pins nothing down. "It shaped the 2019 budget"
  and "That cost them everything they had saved since 2010" are left.
* **An understatement** (``understated``): "Neither city has exactly emptied.", "The plan
  has not exactly worked.": a negated clause softened by "exactly" is the writer's
  litotes, a judgement rather than an event that did not happen.

Works on the spaCy parse; ``statements._rejected`` asks all three. Imported only by
extraction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

_STAND_INS = frozenset({"have", "do", "be"})
"""Lemmas that stand for a verb phrase left out ("have not", "did", "is not")."""
_LEFT_OVER = frozenset({"nsubj", "neg", "advmod", "punct", "cc", "aux", "intj", "mark"})
"""What an elliptical clause may still hold: its subject, "not", "yet", "either"."""
_NEGATIVE_SUBJECTS = frozenset({"neither", "no", "nobody", "none", "nothing", "nor"})


def elliptical(head: Token) -> bool:
    """Is ``head`` the root of a sentence whose predicate was left out ("Car makers have
    not.", "Ministers will not.")? A modal or a stand-in verb with a subject and nothing
    else but a negation or an adverb."""
    if head.dep_ != "ROOT":
        return False
    stand_in = head.tag_ == "MD" or head.lemma_.lower() in _STAND_INS
    if not stand_in:
        return False
    children = list(head.children)
    if not any(c.dep_ == "nsubj" for c in children):
        return False
    return all(c.dep_ in _LEFT_OVER for c in children)


def _negated(head: Token) -> bool:
    if any(c.dep_ == "neg" for c in head.children):
        return True
    for c in head.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            if c.lower_ in _NEGATIVE_SUBJECTS:
                return True
            if any(d.dep_ == "det" and d.lower_ in _NEGATIVE_SUBJECTS for d in c.children):
                return True
    return False


def understated(head: Token) -> bool:
    """Is the clause a negation softened by "exactly" ("Neither city has exactly
    emptied", "It was not exactly a surprise")?"""
    return any(c.dep_ == "advmod" and c.lower_ == "exactly" for c in head.children) and (
        _negated(head)
    )


_POINTING = frozenset({"it", "this", "that"})
_UNIVERSAL = frozenset({"everything", "nothing", "anything", "something"})
_NAMES_OR_COUNTS = frozenset(
    {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "EVENT", "LAW", "PRODUCT", "DATE", "TIME",
     "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}
)


def pronouns_only(head: Token) -> bool:
    """Is every argument of the clause a pronoun, its subject one that points back and
    its object "everything"/"nothing" ("it shaped everything he did afterwards")?"""
    subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
    obj = [c for c in head.children if c.dep_ == "dobj"]
    if subj is None or subj.lower_ not in _POINTING or len(obj) != 1:
        return False
    if obj[0].lower_ not in _UNIVERSAL:
        return False
    return not any(
        t.pos_ in ("NOUN", "PROPN", "NUM") or t.ent_type_ in _NAMES_OR_COUNTS
        for t in head.subtree
    )
