"""Who works on what, as the workbench shows it (team workspaces; empty on a folder).

``board(store)`` reads the article assignments (``workbench assign``) and the live
"taken by" markers (``workbench take``, or a workbench that has the article or a
claim open); markers expire on the server, so a crashed workbench leaves nothing
behind. ``take``/``release`` mark this reviewer on an article or a claim; they
never raise: on a folder workspace, a read-only role or a lost connection nothing
is marked and they return False (presence is a courtesy, not a change of work).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..errors import WorkbenchError
from ..text import one_line
from .live import is_team

OPEN_MINUTES = 15.0
"""How long a workbench's marker lasts without being renewed."""


@dataclass(frozen=True)
class Board:
    assignees: dict[str, str] = field(default_factory=dict)
    """Article id -> the reviewer it is assigned to."""
    takers: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    """(article id, claim id or "" for the whole article) -> reviewers on it now."""

    def assignee(self, article_id: str) -> str:
        return self.assignees.get(article_id, "")

    def on_article(self, article_id: str, exclude: str = "") -> list[str]:
        """Who has the article (or one of its claims) open or taken now."""
        names: list[str] = []
        for (aid, _), who in sorted(self.takers.items()):
            if aid == article_id:
                names += [n for n in who if n != exclude and n not in names]
        return names

    def on_claim(self, article_id: str, claim_id: str, exclude: str = "") -> list[str]:
        """Who has taken this claim now (``exclude``: this reviewer)."""
        return [n for n in self.takers.get((article_id, claim_id), ()) if n != exclude]

    def claims_taken(self, article_id: str, exclude: str = "") -> dict[str, str]:
        """Claim id -> the other reviewers on it (names joined), for one article."""
        out: dict[str, str] = {}
        for (aid, cid), who in self.takers.items():
            names = [n for n in who if n != exclude]
            if aid == article_id and cid and names:
                out[cid] = ", ".join(names)
        return out


def board(store: Any, article_id: str | None = None) -> Board:
    """Assignments and live markers (of one article, or all); empty on a folder or
    when the server cannot be read."""
    if not is_team(store):
        return Board()
    try:
        assigned = store.assignments()
        marks = store.who(article_id)
    except WorkbenchError:
        return Board()
    takers: dict[tuple[str, str], list[str]] = {}
    for mark in marks:
        names = takers.setdefault((mark.article_id, mark.claim_id), [])
        name = one_line(mark.reviewer, 40)
        if name not in names:
            names.append(name)
    return Board(
        {aid: one_line(a.assignee, 40) for aid, a in assigned.items()},
        {key: tuple(names) for key, names in takers.items()},
    )


def take(store: Any, article_id: str, claim_id: str | None = None,
         minutes: float = OPEN_MINUTES) -> bool:
    """Mark this reviewer as on the article (or claim); False when it cannot be marked."""
    if not is_team(store) or store.readonly:
        return False
    try:
        store.take(article_id, claim_id, minutes=minutes)
    except WorkbenchError:
        return False
    return True


def release(store: Any, article_id: str, claim_id: str | None = None) -> bool:
    """Drop this reviewer's marker on the article (or claim); False when it cannot."""
    if not is_team(store) or store.readonly:
        return False
    try:
        store.release(article_id, claim_id)
    except WorkbenchError:
        return False
    return True
