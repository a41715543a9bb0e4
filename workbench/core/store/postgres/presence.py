"""Who works on what: article assignments and "taken by" markers that expire.

``assign(article, name)`` records who should review an article (``name=""`` clears
it). ``take(article, claim)`` marks that this reviewer is on a claim (or, with no
claim, the whole article) for ``minutes``; the marker disappears by itself when it
expires (server time), so a crashed client leaves nothing stale. ``who()`` lists
live markers and assignments. Each change sends the live signal.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import psycopg

from ...errors import InputError
from ...text import one_line
from .reads import ReadsMixin

TAKE_MINUTES = 15.0


@dataclass(frozen=True)
class Presence:
    """One live "taken by" marker; ``claim_id`` "" = the whole article."""

    article_id: str
    claim_id: str
    reviewer: str
    expires_at: str


@dataclass(frozen=True)
class Assignment:
    article_id: str
    assignee: str
    assigned_by: str
    at: str


_REMOVED = "SELECT id FROM workbench.articles WHERE removed"
"""Articles taken out of the workspace: their assignment and markers stay for an undo
but are not shown (``who``, the picker)."""


class PresenceMixin(ReadsMixin):
    def assign(self, article_ref: str, assignee: str) -> Assignment | None:
        """Assign an article to a reviewer ("" removes the assignment)."""
        self._check_writable()
        aid = self._resolve_article(article_ref)
        name = one_line(str(assignee), 80)
        now = self._clock()

        def tx(conn: psycopg.Connection[Any]) -> None:
            if name:
                conn.execute(
                    "INSERT INTO workbench.assignments (article_id, assignee, assigned_by, at) "
                    "VALUES (%s, %s, %s, %s) ON CONFLICT (article_id) DO UPDATE SET "
                    "assignee = EXCLUDED.assignee, assigned_by = EXCLUDED.assigned_by, "
                    "at = EXCLUDED.at",
                    (aid, name, self._reviewer, now),
                )
            else:
                conn.execute("DELETE FROM workbench.assignments WHERE article_id = %s", (aid,))
            self._notify(aid, 0)

        self._run(tx)
        return Assignment(aid, name, self._reviewer, now) if name else None

    def assignments(self) -> dict[str, Assignment]:
        rows = self._read(
            lambda conn: conn.execute(
                "SELECT * FROM workbench.assignments WHERE article_id NOT IN "
                f"({_REMOVED}) ORDER BY article_id"
            ).fetchall()
        )
        return {
            r["article_id"]: Assignment(r["article_id"], r["assignee"], r["assigned_by"], r["at"])
            for r in rows
        }

    def take(
        self,
        article_id: str,
        claim_id: str | None = None,
        minutes: float = TAKE_MINUTES,
    ) -> Presence:
        """Mark this reviewer as on ``claim_id`` (or the article) for ``minutes``."""
        self._check_writable()
        if not 0 < float(minutes) <= 24 * 60:
            raise InputError("a marker lasts between a moment and 24 hours (minutes 0 < m <= 1440)")
        aid = self._resolve_article(article_id)
        cid = claim_id or ""

        def tx(conn: psycopg.Connection[Any]) -> dict[str, Any]:
            conn.execute("DELETE FROM workbench.takes WHERE expires_at <= now()")
            row = conn.execute(
                "INSERT INTO workbench.takes (article_id, claim_id, reviewer, expires_at) "
                "VALUES (%s, %s, %s, now() + make_interval(secs => %s)) "
                "ON CONFLICT (article_id, claim_id, reviewer) DO UPDATE SET "
                "expires_at = EXCLUDED.expires_at "
                "RETURNING to_char(expires_at AT TIME ZONE 'UTC', "
                '\'YYYY-MM-DD"T"HH24:MI:SS"Z"\') AS until',
                (aid, cid, self._reviewer, float(minutes) * 60),
            ).fetchone()
            self._notify(aid, 0)
            return row  # type: ignore[return-value]

        row = self._run(tx)
        return Presence(aid, cid, self._reviewer, row["until"])

    def release(self, article_id: str, claim_id: str | None = None) -> None:
        """Drop this reviewer's marker on the claim (or the article)."""
        self._check_writable()
        aid = self._resolve_article(article_id)

        def tx(conn: psycopg.Connection[Any]) -> None:
            conn.execute(
                "DELETE FROM workbench.takes WHERE article_id = %s AND claim_id = %s "
                "AND reviewer = %s",
                (aid, claim_id or "", self._reviewer),
            )
            self._notify(aid, 0)

        self._run(tx)

    def who(self, article_id: str | None = None) -> list[Presence]:
        """Live "taken by" markers (expired ones never show), by article and claim."""
        aid = self._resolve_article(article_id) if article_id else None
        query = (
            "SELECT article_id, claim_id, reviewer, to_char(expires_at AT TIME ZONE 'UTC', "
            '\'YYYY-MM-DD"T"HH24:MI:SS"Z"\') AS until FROM workbench.takes '
            f"WHERE expires_at > now() AND article_id NOT IN ({_REMOVED})"
        )
        params: list[Any] = []
        if aid:
            query += " AND article_id = %s"
            params.append(aid)
        query += " ORDER BY article_id, claim_id, reviewer"
        rows = self._read(lambda conn: conn.execute(query, params).fetchall())  # type: ignore[arg-type]
        return [Presence(r["article_id"], r["claim_id"], r["reviewer"], r["until"]) for r in rows]
