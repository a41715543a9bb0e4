"""Undo and redo: which history rows form a step, and what replaying them sets.

A step is a list of (article id, history seq) references kept in the undo journal
(``UndoLog``). Undo sets each field back to the ``old`` value of the step's rows
(the oldest row of a field wins), redo to the ``new`` value (the newest wins);
the store applies those values as a new change with action ``undo``/``redo``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from .undo_log import UndoLog

Step = dict[str, Any]
Values = dict[tuple[str, str], list[tuple[str, Any]]]
"""(article id, claim id) -> [(history field, value to set)], in the order to set them."""


def new_step(rows: list[list[Any]]) -> Step:
    return {"op": "do", "g": os.urandom(6).hex(), "rows": rows}


class UndoSteps:
    """The undo and redo stacks, skipping steps on articles that no longer exist."""

    def __init__(self, log: UndoLog, live: Callable[[str], bool]) -> None:
        self.log = log
        self._live = live

    def _top(self, stack: list[Step]) -> Step | None:
        while stack:
            entry = stack[-1]
            added = {p[0] for p in entry.get("articles") or [] if isinstance(p, list) and p}
            added.update(a for a in entry.get("removed") or [] if isinstance(a, str))
            if all(a in added or self._live(a) for a, _ in entry["rows"]):
                return entry
            self.log.drop(entry["g"])
        return None

    def top_undo(self) -> Step | None:
        return self._top(self.log.undo_stack())

    def top_redo(self) -> Step | None:
        return self._top(self.log.redo_stack())

    def record(self, entry: Step) -> None:
        self.log.record(entry)


def values_to_set(
    entry: Step, history_of: Callable[[str], dict[str, dict[str, Any]]], action: str
) -> Values:
    """What undoing (``old`` values) or redoing (``new`` values) ``entry`` sets."""
    by_article: dict[str, list[int]] = {}
    for aid, seq in entry["rows"]:
        by_article.setdefault(aid, []).append(seq)
    ordered: list[dict[str, Any]] = []
    for aid, seqs in by_article.items():
        history = history_of(aid)
        ordered.extend(history[str(s)] for s in seqs if str(s) in history)
    if action == "undo":
        ordered.reverse()
    per_claim: dict[tuple[str, str], dict[tuple[str, Any], tuple[str, Any]]] = {}
    for row in ordered:
        value = row["old"] if action == "undo" else row["new"]
        key = (row["field"], _url_of(row))
        slot = per_claim.setdefault((row["article_id"], row["claim_id"]), {})
        slot.pop(key, None)  # the last assignment wins, in its own position
        slot[key] = (row["field"], value)
    return {k: list(v.values()) for k, v in per_claim.items()}


def _url_of(row: dict[str, Any]) -> Any:
    """What one row of a field changed, beside the field: a link's URL (``link.*``), a
    match's key (``match.dismissed``)."""
    for side in ("old", "new"):
        value = row.get(side)
        if isinstance(value, dict):
            if row["field"].startswith("link."):
                return value.get("url")
            if row["field"] == "match.dismissed":
                return value.get("key")
    return None
