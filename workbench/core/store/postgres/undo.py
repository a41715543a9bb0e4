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

from typing import Any

import psycopg

from ...models import Change, Claim, Link, Verdict
from ..edits import links_of
from .claims_edit import ClaimsEditMixin
from .edits import Row
from .reads import change_from


class UndoMixin(ClaimsEditMixin):
    def _top_step(self, state: str) -> dict[str, Any] | None:
        order = "DESC" if state == "done" else "ASC"
        return self._read(
            lambda conn: conn.execute(
                "SELECT id FROM workbench.undo_steps WHERE reviewer = %s AND state = %s "
                f"ORDER BY id {order} LIMIT 1",
                (self._reviewer, state),
            ).fetchone()
        )

    def can_undo(self) -> bool:
        return self._top_step("done") is not None

    def can_redo(self) -> bool:
        return self._top_step("undone") is not None

    def undo(self) -> list[Change]:
        """Revert this reviewer's last step; the changes made ([] if nothing to undo)."""
        return self._replay_step("undo")

    def redo(self) -> list[Change]:
        return self._replay_step("redo")

    def _replay_step(self, action: str) -> list[Change]:
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
                # a removed article's steps are skipped, as a replaced one's, but for
                # the removal itself (its row: claim id "", field "article")
                outs = list({r["article_id"] for r in rows
                             if not r["claim_id"] and r["field"] == "article"})
                live = conn.execute(
                    "SELECT 1 FROM workbench.articles WHERE id = ANY(%s) "
                    "AND (NOT removed OR id = ANY(%s)) LIMIT 1",
                    (list({r["article_id"] for r in rows}), outs),
                ).fetchone()
                if rows and live:
                    break
                conn.execute(  # its article is gone (replaced, removed): skip the step
                    "UPDATE workbench.undo_steps SET state = 'dropped' WHERE id = %s",
                    (step["id"],),
                )
            # per claim and field (and URL, for link attributes): before and after the step
            plan: dict[tuple[str, str], dict[Any, tuple[Any, Any]]] = {}
            for r in rows:
                key: Any = r["field"]
                if key.startswith("link.") and isinstance(r["new"], dict):
                    key = (key, r["new"].get("url"))
                fields = plan.setdefault((r["article_id"], r["claim_id"]), {})
                first = fields.get(key, (r["old"], None))[0]
                fields[key] = (first, r["new"])
            out: list[Change] = []
            for (aid, cid), fields in plan.items():
                target = {
                    f: (old if action == "undo" else new, new if action == "undo" else old)
                    for f, (old, new) in fields.items()
                }
                if "claim" in target:
                    out.extend(self._replay_claim(conn, aid, cid, target.pop("claim"), action))
                if not cid and "title" in target:  # the article's own row: its title
                    out.extend(self._replay_title(conn, aid, target.pop("title"), action))
                if not cid and "article" in target:  # taken out of the workspace, or back
                    out.extend(self._replay_removal(conn, aid, target.pop("article"), action))
                if target:
                    out.extend(self._apply_step(aid, cid, target, action))
            conn.execute(
                "UPDATE workbench.undo_steps SET state = %s WHERE id = %s", (after, step["id"])
            )
            return out

        return self._run(tx, retry=False)

    def _replay_title(
        self, conn: psycopg.Connection[Any], aid: str, values: tuple[Any, Any], action: str
    ) -> list[Change]:
        """Undo puts the article's old title back, redo the new one."""
        seq = self._set_title(conn, aid, str(values[0] or ""), action)  # type: ignore[attr-defined]
        if seq is None:
            return []
        row = conn.execute("SELECT * FROM workbench.history WHERE seq = %s", (seq,)).fetchone()
        if row is None:
            return []
        return [Change(seq, aid, "", "title", row["old"], row["new"], row["reviewer"], row["at"],
                       action)]

    def _replay_removal(
        self, conn: psycopg.Connection[Any], aid: str, values: tuple[Any, Any], action: str
    ) -> list[Change]:
        """Undo of a removal lists the article again (value its title), redo takes it out
        (value None); nothing when it already is so (added again meanwhile)."""
        seq = self._set_removed(conn, aid, values[0] is None, action)  # type: ignore[attr-defined]
        if seq is None:
            return []
        row = conn.execute("SELECT * FROM workbench.history WHERE seq = %s", (seq,)).fetchone()
        return [change_from(row)] if row is not None else []

    def _replay_claim(
        self,
        conn: psycopg.Connection[Any],
        aid: str,
        cid: str,
        values: tuple[Any, Any],
        action: str,
    ) -> list[Change]:
        """Undo removes a reviewer-made claim again, redo puts it back."""
        value = values[0]
        if value is None:
            self._remove_claim(conn, aid, cid)
        else:
            self._insert_claim(conn, aid, Claim.from_dict(dict(value, article_id=aid)))
        now = self._clock()
        seq = self._history_row(conn, aid, cid, "claim", values[1], value, action, at=now)
        self._notify(aid, seq)
        return [Change(seq, aid, cid, "claim", values[1], value, self._reviewer, now, action)]

    def _apply_step(
        self, aid: str, cid: str, target: dict[Any, tuple[Any, Any]], action: str
    ) -> list[Change]:
        """Set each field to its target value; Conflict when it is no longer what the step
        left (someone else changed it since). Link checks made meanwhile are kept."""

        def mutate(v: Verdict, row: Row) -> list[tuple[str, Any, Any]]:
            changes: list[tuple[str, Any, Any]] = []
            for name, (value, expected) in target.items():
                if isinstance(name, tuple):
                    changes.extend(self._link_attr(v, row, name, value, expected))
                    continue
                if name not in ("status", "note", "links", "label"):
                    continue
                current = links_of(v) if name == "links" else getattr(v, name, None)
                if name == "links":
                    same = _link_keys(current) in (_link_keys(expected), _link_keys(value))
                else:
                    same = current in (expected, value)
                if not same:
                    raise self._conflict(row, name, current, value)
                if name == "links":
                    checks = {d["url"]: (d.get("check"), d.get("archive")) for d in current or []}
                    merged = []
                    for d in value or []:
                        check, archive = checks.get(d["url"], (d.get("check"), d.get("archive")))
                        merged.append(dict(d, check=check, archive=archive))
                    changes.append((name, current, merged))
                    v.links = [Link.from_dict(d) for d in merged]
                else:
                    changes.append((name, current, value))
                    setattr(v, name, value)
            return changes

        self._edit(aid, cid, mutate, action=action, undoable=False, allow_orphan=True, retry=False)
        return list(self._last_changes)

    def _link_attr(
        self, v: Verdict, row: Row, name: tuple[str, str], value: Any, expected: Any
    ) -> list[tuple[str, Any, Any]]:
        field, url = name
        attr = field.split(".", 1)[1]
        link = next((x for x in v.links if x.url == url), None)
        current = getattr(link, attr) if link is not None else None
        want = value.get("value") if isinstance(value, dict) else None
        if link is None or current not in (want, expected.get("value") if expected else None):
            raise self._conflict(row, "links", current, want)
        setattr(link, attr, want)
        return [(field, {"url": url, "value": current}, {"url": url, "value": want})]


def _link_keys(links: Any) -> list[tuple[Any, ...]]:
    return [(d.get("url"), d.get("title"), d.get("stance")) for d in links or []]
