"""What a sentence tells of an unnamed voice: '"Honestly, it's fine," said a visitor from
Melbourne, who had just paid for two nights in a ryokan', '"I just stood there and
cried," said one woman who has taken her grandchildren to the toddler group for years'.
The relative clause or participle on the indefinite speaker of a verb of saying ("a
visitor", "one woman": ``gate.indefinite_speaker``) describes someone a desk cannot
identify, so nothing in it can be checked: its numbers, dates and statement go with the
unnamed quote (which the factual gate folds). A named speaker's description ("said
Maria Lopez, who has run the pantry since 2006") is left.

Works on the spaCy parse; ``statements._rejected`` and the number drafts of
``extract`` ask ``about_unnamed_voice``. Imported only by extraction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .speech import REPORTING_VERBS, verb_in
from .worthiness.gate import indefinite_speaker

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

_ASIDES = frozenset({"relcl", "acl"})


def _unnamed_speaker(noun: Token) -> Token | None:
    """The indefinite subject of a verb of saying that ``noun`` is, or lies inside."""
    node = noun
    while True:
        if node.dep_ in ("nsubj", "nsubjpass") and verb_in(node.head, REPORTING_VERBS):
            return node if indefinite_speaker(node) else None
        if node.head.i == node.i or node.pos_ in ("VERB", "AUX"):
            return None
        node = node.head


def about_unnamed_voice(tok: Token) -> bool:
    """Does ``tok`` sit in a relative clause or participle describing the unnamed
    speaker of a verb of saying ("said a visitor, who had just paid for two nights")?"""
    node = tok
    while node.head.i != node.i:
        if node.dep_ in _ASIDES and node.pos_ in ("VERB", "AUX"):
            return _unnamed_speaker(node.head) is not None
        node = node.head
    return False
