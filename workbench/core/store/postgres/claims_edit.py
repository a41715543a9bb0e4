"""Reviewer-made claims (``add_claim``) and link attribute edits (``update_link``)."""

from __future__ import annotations

from typing import Any

import psycopg
from psycopg.types.json import Jsonb

from ...errors import InputError, NotFound
from ...models import Claim, Verdict
from ...net.links import normalize_url
from ...text import one_line
from ..edits import check_stance
from .edits import EditsMixin, Row
from .imports import check_id


def link_rows(
    v: Verdict, url: str, title: str | None, stance: str | None
) -> list[tuple[str, Any, Any]]:
    """Set a link's title/stance on ``v``: ``link.title`` / ``link.stance`` rows."""
    for link in v.links:
        if link.url == url:
            out: list[tuple[str, Any, Any]] = []
            if title is not None and title != link.title:
                out.append(
                    ("link.title", {"url": url, "value": link.title}, {"url": url, "value": title})
                )
                link.title = title
            if stance is not None and stance != link.stance:
                out.append(
                    (
                        "link.stance",
                        {"url": url, "value": link.stance},
                        {"url": url, "value": stance},
                    )
                )
                link.stance = stance
            return out
    raise NotFound(f"claim {v.claim_id} has no link {one_line(url, 80)}")


class ClaimsEditMixin(EditsMixin):
    def update_link(
        self,
        article_id: str,
        claim_id: str,
        url: str,
        title: str | None = None,
        stance: str | None = None,
    ) -> Verdict:
        """Change an existing link's title and/or stance (None leaves it)."""
        norm = normalize_url(url)
        given = check_stance(stance) if stance is not None else None
        clean = one_line(title, limit=300) if title is not None else None

        def mutate(v: Verdict, row: Row) -> list[tuple[str, Any, Any]]:
            rows = link_rows(v, norm, clean, given)
            link = next(x for x in v.links if x.url == norm)
            if rows:
                self._guard_link(row, norm, (link.title, link.stance))
            return rows

        return self._edit(article_id, claim_id, mutate)

    def add_claim(self, article_id: str, claim: Claim) -> Claim:
        """Add a reviewer-made claim at its place in the text (undoable)."""
        self._check_writable()
        aid = self._resolve_article(article_id)
        check_id(claim.id, "claim")
        text = self.article(aid).text
        if (
            not (0 <= claim.start <= claim.end <= len(text))
            or text[claim.start : claim.end] != claim.anchor
        ):
            raise InputError(
                f"claim {one_line(claim.id, 20)}: its anchor is not at {claim.start}:{claim.end} "
                "of the article text"
            )
        from dataclasses import replace

        stored = replace(claim, article_id=aid, origin="reviewer")
        now = self._clock()

        def tx(conn: psycopg.Connection[Any]) -> None:
            conn.execute("SELECT 1 FROM workbench.articles WHERE id = %s FOR UPDATE", (aid,))
            taken = conn.execute(
                "SELECT 1 FROM workbench.verdicts WHERE article_id = %s AND claim_id = %s",
                (aid, stored.id),
            ).fetchone()
            if taken:
                raise InputError(f"claim id {stored.id} is already taken in article {aid}")
            self._insert_claim(conn, aid, stored)
            seq = self._history_row(
                conn, aid, stored.id, "claim", None, stored.to_dict(), "edit", at=now
            )
            self._last_changes = []
            if self._group_rows is not None:
                self._group_rows.append(seq)
            else:
                self._record_step(conn, [seq])
            self._notify(aid, seq)

        self._run(tx)
        return stored

    def _insert_claim(self, conn: psycopg.Connection[Any], aid: str, claim: Claim) -> None:
        rows = conn.execute(
            "SELECT pos, (data->>'start')::int AS start FROM workbench.claims "
            "WHERE article_id = %s ORDER BY pos",
            (aid,),
        ).fetchall()
        pos = next((r["pos"] for r in rows if r["start"] > claim.start), len(rows))
        conn.execute(
            "UPDATE workbench.claims SET pos = pos + 1 WHERE article_id = %s AND pos >= %s",
            (aid, pos),
        )
        conn.execute(
            "INSERT INTO workbench.claims (article_id, id, pos, data) VALUES (%s, %s, %s, %s)",
            (aid, claim.id, pos, Jsonb(claim.to_dict())),
        )
        conn.execute(
            "INSERT INTO workbench.verdicts (article_id, claim_id) VALUES (%s, %s) "
            "ON CONFLICT (article_id, claim_id) DO UPDATE SET orphaned = false, claim = NULL",
            (aid, claim.id),
        )

    def _remove_claim(self, conn: psycopg.Connection[Any], aid: str, cid: str) -> None:
        conn.execute("DELETE FROM workbench.claims WHERE article_id = %s AND id = %s", (aid, cid))
        conn.execute(
            "DELETE FROM workbench.verdicts WHERE article_id = %s AND claim_id = %s", (aid, cid)
        )

    # -- one writer at a time is a folder rule; a server has no lock --------------------------

    def is_locked_by_other(self) -> bool:
        return False

    def try_become_writer(self) -> bool:
        """A read-only session becomes a writer when its role may write."""
        if self._readonly and not self._readonly_reason:
            self._readonly = False
        return not self._readonly
