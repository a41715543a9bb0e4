"""Reading the team workspace: articles, claims, verdicts, history, claim-id lookup.

Every verdict read also records the field versions this session has seen, which is
what the conflict check of an edit compares against (see ``edits``).
"""

from __future__ import annotations

import re
from typing import Any

import psycopg

from ...errors import NotFound
from ...models import FINAL_STATUSES, STATUSES, Article, Change, Claim, Link, Verdict
from ...text import one_line
from ..results import ArticleSummary
from .session import Session

FIELDS = ("status", "note", "links", "label")
VERDICT_SQL = (
    "SELECT v.*, c.pos IS NULL AS gone FROM workbench.verdicts v "
    "LEFT JOIN workbench.claims c ON c.article_id = v.article_id AND c.id = v.claim_id "
)


def change_from(row: dict[str, Any]) -> Change:
    return Change(
        seq=int(row["seq"]),
        article_id=row["article_id"],
        claim_id=row["claim_id"],
        field=row["field"],
        old=row["old"],
        new=row["new"],
        reviewer=row["reviewer"],
        at=row["at"],
        action=row["action"],
    )


def verdict_from(row: dict[str, Any]) -> Verdict:
    return Verdict(
        claim_id=row["claim_id"],
        article_id=row["article_id"],
        status=row["status"],
        note=row["note"],
        links=[Link.from_dict(d) for d in row["links"] or []],
        reviewer=row["reviewer"],
        updated_at=row["updated_at"],
        label=row["label"],
        orphaned=bool(row.get("gone", row.get("orphaned"))),
    )


def _like_prefix(text: str) -> str:
    return re.sub(r"([\\%_])", r"\\\1", text) + "%"


class ReadsMixin(Session):
    def _see(self, row: dict[str, Any]) -> None:
        key = (row["article_id"], row["claim_id"])
        self._seen[key] = {f: (int(row[f"{f}_v"]), row[f]) for f in FIELDS}

    def articles(self) -> list[ArticleSummary]:
        """Every article with its review progress, in the order they were added."""

        def read(conn: psycopg.Connection[Any]) -> tuple[list[Any], list[Any]]:
            rows = conn.execute(
                "SELECT a.id, a.title, a.source, a.fetched_at, a.added_at, "
                "count(v.claim_id) FILTER (WHERE NOT v.orphaned) AS claims, "
                "count(v.claim_id) FILTER (WHERE v.orphaned) AS orphaned, "
                "coalesce(max(v.updated_at), '') AS updated "
                "FROM workbench.articles a LEFT JOIN workbench.verdicts v ON v.article_id = a.id "
                "WHERE NOT a.removed GROUP BY a.id ORDER BY a.added_at, a.id"
            ).fetchall()
            counts = conn.execute(
                "SELECT article_id, status, count(*) AS n FROM workbench.verdicts "
                "WHERE NOT orphaned GROUP BY article_id, status"
            ).fetchall()
            return rows, counts

        rows, counts = self._read(read)
        by_article: dict[str, dict[str, int]] = {}
        for c in counts:
            by_article.setdefault(c["article_id"], dict.fromkeys(STATUSES, 0))[c["status"]] = c["n"]
        out = []
        for r in rows:
            tally = by_article.get(r["id"], dict.fromkeys(STATUSES, 0))
            self._known.add(r["id"])
            out.append(
                ArticleSummary(
                    id=r["id"],
                    title=r["title"],
                    source=r["source"],
                    fetched_at=r["fetched_at"],
                    added_at=r["added_at"],
                    claims=int(r["claims"]),
                    counts=tally,
                    reviewed=sum(tally.get(s, 0) for s in FINAL_STATUSES),
                    updated_at=max(r["added_at"], r["updated"]),
                    orphaned=int(r["orphaned"]),
                )
            )
        return out

    def _resolve_article(self, ref: str) -> str:
        ref = str(ref).strip()
        if ref in self._known:
            return ref

        def find(conn: psycopg.Connection[Any]) -> list[str]:
            exact = conn.execute("SELECT id FROM workbench.articles WHERE id = %s", (ref,))
            found = [r["id"] for r in exact.fetchall()]
            if found or not ref:
                return found
            # a removed article is found by its full id only, as the folder's is
            rows = conn.execute(
                "SELECT id FROM workbench.articles WHERE id LIKE %s AND NOT removed "
                "ORDER BY id LIMIT 9",
                (_like_prefix(ref),),
            ).fetchall()
            if not rows:
                rows = conn.execute(
                    "SELECT id FROM workbench.articles WHERE source = %s AND NOT removed "
                    "ORDER BY id LIMIT 9",
                    (ref,),
                ).fetchall()
            return [r["id"] for r in rows]

        matches = self._read(find)
        if len(matches) == 1:
            if matches[0] == ref:
                self._known.add(ref)
            return matches[0]
        if not matches:
            raise NotFound(f"no article matches '{one_line(ref, 80)}' in {self._safe}")
        raise NotFound(
            f"article '{one_line(ref, 80)}' is ambiguous: {', '.join(m[:12] for m in matches[:8])}"
        )

    def article(self, ref: str) -> Article:
        aid = self._resolve_article(ref)
        row = self._read(
            lambda conn: conn.execute(
                "SELECT id, title, source, text, fetched_at, meta FROM workbench.articles "
                "WHERE id = %s",
                (aid,),
            ).fetchone()
        )
        if row is None:
            self._known.discard(aid)
            raise NotFound(f"no article {aid} in {self._safe}")
        return Article(
            id=row["id"],
            title=row["title"],
            source=row["source"],
            text=row["text"],
            fetched_at=row["fetched_at"],
            meta=dict(row["meta"] or {}),
        )

    def claims(self, article_id: str) -> list[Claim]:
        aid = self._resolve_article(article_id)
        rows = self._read(
            lambda conn: conn.execute(
                "SELECT data FROM workbench.claims WHERE article_id = %s ORDER BY pos", (aid,)
            ).fetchall()
        )
        return [Claim.from_dict(dict(r["data"], article_id=aid)) for r in rows]

    def verdicts(self, article_id: str) -> dict[str, Verdict]:
        """Claim id -> Verdict for every claim, in article order, then the orphans."""
        aid = self._resolve_article(article_id)
        rows = self._read(
            lambda conn: conn.execute(
                VERDICT_SQL + "WHERE v.article_id = %s ORDER BY c.pos NULLS LAST, v.ord", (aid,)
            ).fetchall()
        )
        out: dict[str, Verdict] = {}
        for row in rows:
            self._see(row)
            out[row["claim_id"]] = verdict_from(row)
        return out

    def verdict(self, article_id: str, claim_id: str) -> Verdict:
        aid = self._resolve_article(article_id)
        row = self._read(
            lambda conn: conn.execute(
                VERDICT_SQL + "WHERE v.article_id = %s AND v.claim_id = %s", (aid, claim_id)
            ).fetchone()
        )
        if row is None:
            raise NotFound(f"no claim {one_line(claim_id, 40)} in article {aid}")
        self._see(row)
        return verdict_from(row)

    def orphans(self, article_id: str) -> list[tuple[Verdict, Claim | None]]:
        """Verdicts kept for claims a re-import removed, with their old claim, oldest first."""
        aid = self._resolve_article(article_id)
        rows = self._read(
            lambda conn: conn.execute(
                VERDICT_SQL + "WHERE v.article_id = %s AND c.pos IS NULL ORDER BY v.ord", (aid,)
            ).fetchall()
        )
        out: list[tuple[Verdict, Claim | None]] = []
        for row in rows:
            claim = None
            if isinstance(row["claim"], dict):
                try:
                    claim = Claim.from_dict(dict(row["claim"], article_id=aid))
                except (TypeError, ValueError, KeyError):
                    claim = None
            out.append((verdict_from(row), claim))
        return out

    def resolve_claim(self, ref: str) -> tuple[str, str]:
        """(article id, claim id) for a unique claim-id prefix across the workspace."""
        text = one_line(ref, 80).lower()
        scope: str | None = None
        if ":" in text:
            art_ref, _, text = text.partition(":")
            scope = self._resolve_article(art_ref)
        if not re.fullmatch(r"[0-9a-f]{1,40}", text):
            raise NotFound(f"'{text}' is not a claim id (claim ids are hex digits, e.g. 3fa2c1)")

        def find(conn: psycopg.Connection[Any]) -> list[dict[str, Any]]:
            listed = (
                "SELECT v.article_id, v.claim_id FROM workbench.verdicts v "
                "JOIN workbench.articles a ON a.id = v.article_id AND NOT a.removed "
            )
            if scope:
                return conn.execute(
                    listed + "WHERE v.article_id = %s AND v.claim_id LIKE %s "
                    "ORDER BY v.claim_id LIMIT 9",
                    (scope, text + "%"),
                ).fetchall()
            return conn.execute(
                listed + "WHERE v.claim_id LIKE %s ORDER BY v.claim_id, v.article_id LIMIT 9",
                (text + "%",),
            ).fetchall()

        found = [(r["article_id"], r["claim_id"]) for r in self._read(find)]
        if not found:
            raise NotFound(f"no claim id starts with '{text}'")
        if len(found) > 1:
            shown = ", ".join(f"{cid} (article {aid[:8]})" for aid, cid in found[:8])
            more = " and more" if len(found) > 8 else ""
            raise NotFound(f"claim id '{text}' is ambiguous: {shown}{more}; type more characters")
        return found[0]

    def history(
        self,
        article_id: str | None = None,
        claim_id: str | None = None,
        limit: int | None = None,
    ) -> list[Change]:
        """History rows, oldest first (server sequence order)."""
        if limit is not None and limit <= 0:
            return []
        aid = self._resolve_article(article_id) if article_id else None
        where: list[str] = []
        params: list[Any] = []
        if aid:
            where.append("article_id = %s")
            params.append(aid)
        if claim_id is not None:
            where.append("claim_id = %s")
            params.append(claim_id)
        query = "SELECT * FROM workbench.history"
        if where:
            query += " WHERE " + " AND ".join(where)
        if limit is not None:
            query = f"SELECT * FROM ({query} ORDER BY seq DESC LIMIT %s) AS h"
            params.append(int(limit))
        query += " ORDER BY seq"
        rows = self._read(lambda conn: conn.execute(query, params).fetchall())
        return [change_from(r) for r in rows]
