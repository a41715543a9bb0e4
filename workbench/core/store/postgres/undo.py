"""Undo and redo per reviewer, on the append-only history.

``undo_steps`` lists, per reviewer, which history rows form one step and its
state: ``done`` steps are the undo stack (highest id on top), ``undone`` steps
the redo stack (lowest id on top), and a new step drops the redo stack. Undo
writes the old values back as new history rows (action ``undo``); it refuses with
``Conflict`` when another reviewer has changed one of those fields since the step
(undo never silently reverts a colleague's work). Steps survive a restart since
they live on the server; two sessions of one reviewer share one stack.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import psycopg

from ...models import Change, Link, Verdict
from .edits import Row, links_of

if TYPE_CHECKING:  # pragma: no cover
    from .engine import PostgresStore


class UndoMixin:
    def _record_step(self: PostgresStore, conn: psycopg.Connection[Any], seqs: list[int]) -> None:
        conn.execute(
            "UPDATE workbench.undo_steps SET state = 'dropped' "
            "WHERE reviewer = %s AND state = 'undone'",
            (self._reviewer,),
        )
        conn.execute(
            "INSERT INTO workbench.undo_steps (reviewer, rows) VALUES (%s, %s)",
            (self._reviewer, list(seqs)),
        )

    def _top_step(self: PostgresStore, state: str) -> dict[str, Any] | None:
        order = "DESC" if state == "done" else "ASC"
        return self._run(
            lambda conn: conn.execute(
                "SELECT id FROM workbench.undo_steps WHERE reviewer = %s AND state = %s "
                f"ORDER BY id {order} LIMIT 1",
                (self._reviewer, state),
            ).fetchone()
        )

    def can_undo(self: PostgresStore) -> bool:
        return self._top_step("done") is not None

    def can_redo(self: PostgresStore) -> bool:
        return self._top_step("undone") is not None

    def undo(self: PostgresStore) -> list[Change]:
        """Revert this reviewer's last step; the changes made ([] if nothing to undo)."""
        return self._replay_step("undo")

    def redo(self: PostgresStore) -> list[Change]:
        return self._replay_step("redo")

    def _replay_step(self: PostgresStore, action: str) -> list[Change]:
        self._check_writable()
        state, order, after = (
            ("done", "DESC", "undone") if action == "undo" else ("undone", "ASC", "done")
        )

        def tx(conn: psycopg.Connection[Any]) -> list[Change]:
            while True:
                step = conn.execute(
                    "SELECT id, rows FROM workbench.undo_steps WHERE reviewer = %s AND state = %s "
                    f"ORDER BY id {order} LIMIT 1 FOR UPDATE",
                    (self._reviewer, state),
                ).fetchone()
                if step is None:
                    return []
                rows = conn.execute(
                    "SELECT * FROM workbench.history WHERE seq = ANY(%s) ORDER BY seq",
                    (list(step["rows"]),),
                ).fetchall()
                live = conn.execute(
                    "SELECT 1 FROM workbench.articles WHERE id = ANY(%s) LIMIT 1",
                    (list({r["article_id"] for r in rows}),),
                ).fetchone()
                if rows and live:
                    break
                conn.execute(  # its article is gone (replaced): skip the step
                    "UPDATE workbench.undo_steps SET state = 'dropped' WHERE id = %s",
                    (step["id"],),
                )
            # per claim and field: the value before the step and the value after it
            plan: dict[tuple[str, str], dict[str, tuple[Any, Any]]] = {}
            for r in rows:
                fields = plan.setdefault((r["article_id"], r["claim_id"]), {})
                first = fields.get(r["field"], (r["old"], None))[0]
                fields[r["field"]] = (first, r["new"])
            out: list[Change] = []
            for (aid, cid), fields in plan.items():
                target = {
                    f: (old if action == "undo" else new, new if action == "undo" else old)
                    for f, (old, new) in fields.items()
                }
                out.extend(self._apply_step(aid, cid, target, action))
            conn.execute(
                "UPDATE workbench.undo_steps SET state = %s WHERE id = %s", (after, step["id"])
            )
            return out

        return self._run(tx, retry=False)

    def _apply_step(
        self: PostgresStore, aid: str, cid: str, target: dict[str, tuple[Any, Any]], action: str
    ) -> list[Change]:
        """Set each field to its target value; Conflict when it is no longer what the step
        left (someone else changed it since)."""
        def mutate(v: Verdict, row: Row) -> list[tuple[str, Any, Any]]:
            changes: list[tuple[str, Any, Any]] = []
            for name, (value, expected) in target.items():
                current = links_of(v) if name == "links" else getattr(v, name, None)
                if name not in ("status", "note", "links", "label"):
                    continue
                if current != expected and current != value:
                    raise self._conflict(row, name, current, value)
                changes.append((name, current, value))
                if name == "links":
                    v.links = [Link.from_dict(d) for d in value or []]
                else:
                    setattr(v, name, value)
            return changes

        self._edit(aid, cid, mutate, action=action, undoable=False, allow_orphan=True, retry=False)
        return list(self._last_changes)
