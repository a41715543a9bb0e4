"""Adding articles (re-import keeps, moves or orphans verdicts) and whole-verdict
writes for JSON import, merge and sync."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import psycopg
from psycopg.types.json import Jsonb

from ...errors import InputError, NotFound
from ...models import Article, Change, Claim, Link, Verdict
from ...text import one_line
from ..edits import clean_verdict, replace_verdict
from ..reimport import plan_moves
from ..results import ImportResult
from .edits import HISTORY_SQL, EditsMixin, Row
from .reads import FIELDS

_ID_CHARS = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
INSERT_VERDICT = (
    "INSERT INTO workbench.verdicts (article_id, claim_id, status, note, links, label, "
    "reviewer, updated_at, orphaned, claim, version, status_v, note_v, links_v, label_v) "
    "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
)


def check_id(value: str, what: str) -> None:
    if not isinstance(value, str) or not 1 <= len(value) <= 64 or set(value) - _ID_CHARS:
        raise InputError(f"invalid {what} id '{one_line(str(value), 40)}'")


def _verdict_params(aid: str, doc: dict[str, Any]) -> tuple[Any, ...]:
    claim = doc.get("claim")
    return (
        aid,
        doc["claim_id"],
        doc.get("status", "unreviewed"),
        doc.get("note", ""),
        Jsonb(doc.get("links") or []),
        doc.get("label", ""),
        doc.get("reviewer", ""),
        doc.get("updated_at", ""),
        bool(doc.get("orphaned")),
        Jsonb(claim) if isinstance(claim, dict) else None,
        int(doc.get("version", 0)),
        *(int(doc.get(f"{f}_v", 0)) for f in FIELDS),
    )


def _keep_reviewer_claims(
    claims: list[Claim], old_claims: list[dict[str, Any]], article: Article
) -> list[Claim]:
    """Reviewer-made claims stay while their anchor is still at their offsets."""
    ids = {c.id for c in claims}
    kept = []
    for data in old_claims:
        if data.get("origin") != "reviewer" or data.get("id") in ids:
            continue
        start, end = data.get("start", -1), data.get("end", -1)
        if 0 <= start <= end <= len(article.text) and article.text[start:end] == data.get("anchor"):
            kept.append(Claim.from_dict(dict(data, article_id=article.id)))
    if not kept:
        return claims
    return sorted([*claims, *kept], key=lambda c: c.start)


class ImportsMixin(EditsMixin):
    def add_article(self, article: Article, claims: list[Claim]) -> ImportResult:
        return self.add_articles([(article, claims)])[0]

    def add_articles(self, items: list[tuple[Article, list[Claim]]]) -> list[ImportResult]:
        """Store articles with their claims, all in one transaction."""
        self._check_writable()
        for article, _ in items:
            check_id(article.id, "article")

        def tx(conn: psycopg.Connection[Any]) -> list[ImportResult]:
            return [self._store_article(conn, a, c) for a, c in items]

        results = self._run(tx)
        for r in results:
            self._known.add(r.article_id)
            if r.replaced:
                self._known.discard(r.replaced)
        return results

    def _store_article(
        self, conn: psycopg.Connection[Any], article: Article, claims: list[Claim]
    ) -> ImportResult:
        claims = [
            c if c.article_id == article.id else replace(c, article_id=article.id) for c in claims
        ]
        now = self._clock()
        old = conn.execute(
            "SELECT id, added_at FROM workbench.articles WHERE id = %s FOR UPDATE", (article.id,)
        ).fetchone()
        old_id: str | None = None
        if old is None and article.source not in ("", "-"):
            found = conn.execute(
                "SELECT id FROM workbench.articles WHERE source = %s AND NOT removed "
                "ORDER BY ord LIMIT 1 FOR UPDATE",
                (article.source,),
            ).fetchone()
            old_id = found["id"] if found else None
        source_id = article.id if old is not None else old_id
        old_claims: list[dict[str, Any]] = []
        old_verdicts: list[Row] = []
        if source_id:
            old_claims = [
                r["data"]
                for r in conn.execute(
                    "SELECT data FROM workbench.claims WHERE article_id = %s ORDER BY pos",
                    (source_id,),
                ).fetchall()
            ]
            old_verdicts = conn.execute(
                "SELECT * FROM workbench.verdicts WHERE article_id = %s ORDER BY ord FOR UPDATE",
                (source_id,),
            ).fetchall()
        claims = _keep_reviewer_claims(claims, old_claims, article)
        plan = plan_moves(old_claims, old_verdicts, claims, article.id)
        result = ImportResult(
            article.id,
            created=old is None,
            replaced=old_id,
            kept=plan.kept,
            moved=len(plan.moves),
            orphaned=len(plan.orphans),
            claims=len(claims),
        )
        meta = Jsonb(dict(article.meta))
        if old is not None:
            conn.execute(  # a removed article added again is listed again
                "UPDATE workbench.articles SET title = %s, source = %s, text = %s, "
                "fetched_at = %s, meta = %s, removed = false WHERE id = %s",
                (article.title, article.source, article.text, article.fetched_at, meta, article.id),
            )
            conn.execute("DELETE FROM workbench.claims WHERE article_id = %s", (article.id,))
            conn.execute("DELETE FROM workbench.verdicts WHERE article_id = %s", (article.id,))
        else:
            conn.execute(
                "INSERT INTO workbench.articles (id, title, source, text, fetched_at, meta, "
                "added_at) VALUES (%s, %s, %s, %s, %s, %s, %s)",
                (
                    article.id,
                    article.title,
                    article.source,
                    article.text,
                    article.fetched_at,
                    meta,
                    now,
                ),
            )
        if old_id:
            for table in ("assignments", "takes"):
                conn.execute(
                    f"UPDATE workbench.{table} SET article_id = %s WHERE article_id = %s",  # noqa: S608 - fixed names
                    (article.id, old_id),
                )
            conn.execute(
                "UPDATE workbench.history SET article_id = %s WHERE article_id = %s",
                (article.id, old_id),
            )
            conn.execute("DELETE FROM workbench.articles WHERE id = %s", (old_id,))
        with conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO workbench.claims (article_id, id, pos, data) VALUES (%s, %s, %s, %s)",
                [(article.id, c.id, i, Jsonb(c.to_dict())) for i, c in enumerate(claims)],
            )
            taken = {d["claim_id"] for d in plan.verdicts}
            docs = list(plan.verdicts) + [{"claim_id": c.id} for c in claims if c.id not in taken]
            cur.executemany(INSERT_VERDICT, [_verdict_params(article.id, d) for d in docs])
        last = 0
        for old_cid, new_cid in plan.moves:
            last = self._history_row(
                conn, article.id, new_cid, "claim_id", old_cid, new_cid, "import"
            )
        for cid in plan.orphans:
            last = self._history_row(conn, article.id, cid, "orphaned", False, True, "import")
        self._notify(article.id, last)
        return result

    def rename_article(self, article_id: str, title: str) -> None:
        """A new title for an article (claims and verdicts untouched): one history row
        (claim id "", field ``title``), undoable like any change."""
        self._check_writable()
        aid = self._resolve_article(article_id)

        def tx(conn: psycopg.Connection[Any]) -> None:
            seq = self._set_title(conn, aid, one_line(title, 300), "edit")
            if seq is None:
                return
            if self._group_rows is not None:
                self._group_rows.append(seq)
            else:
                self._record_step(conn, [seq])

        self._run(tx)

    def remove_article(self, article_id: str) -> None:
        """Take a listed article out of the workspace, in one transaction: out of the
        list, the claim-id look-ups and ``--all`` exports; its claims, verdicts and
        history stay, so undo lists it again and adding the same text again brings its
        verdicts back. One history row (claim id "", field ``article``, old the title,
        new None), one undo step; the live signal tells the desk."""
        self._check_writable()
        aid = self._resolve_article(article_id)

        def tx(conn: psycopg.Connection[Any]) -> None:
            seq = self._set_removed(conn, aid, True, "edit")
            if seq is None:
                raise NotFound(f"no article {aid} in {self._safe} (removed already?)")
            if self._group_rows is not None:
                self._group_rows.append(seq)
            else:
                self._record_step(conn, [seq])

        self._run(tx)

    def _set_removed(
        self, conn: psycopg.Connection[Any], aid: str, removed: bool, action: str
    ) -> int | None:
        """Take the article out (or list it again) with its history row: the row's seq
        (None: it already was so)."""
        row = conn.execute(
            "SELECT title, removed FROM workbench.articles WHERE id = %s FOR UPDATE", (aid,)
        ).fetchone()
        if row is None or row["removed"] == removed:
            return None
        conn.execute("UPDATE workbench.articles SET removed = %s WHERE id = %s", (removed, aid))
        title = row["title"] or aid
        old, new = (title, None) if removed else (None, title)
        seq = self._history_row(conn, aid, "", "article", old, new, action)
        self._notify(aid, seq)
        return seq

    def _set_title(
        self, conn: psycopg.Connection[Any], aid: str, title: str, action: str
    ) -> int | None:
        """Write the title and its history row; the row's seq (None: no change)."""
        row = conn.execute(
            "SELECT title FROM workbench.articles WHERE id = %s FOR UPDATE", (aid,)
        ).fetchone()
        old = row["title"] if row else ""
        if old == title:
            return None
        conn.execute("UPDATE workbench.articles SET title = %s WHERE id = %s", (title, aid))
        seq = self._history_row(conn, aid, "", "title", old, title, action)
        self._notify(aid, seq)
        return seq

    # -- whole verdicts (import / merge / sync) ---------------------------------------------

    def put_verdict(
        self,
        article_id: str,
        verdict: Verdict,
        action: str = "import",
        record: bool = True,
    ) -> None:
        """Write a whole verdict; ``record=False`` restores it exactly with no history row.
        Inside ``group`` it is part of that undo step (an import undone at once)."""
        status, note, label, links = clean_verdict(verdict)
        check_id(verdict.claim_id, "claim")
        if not record:
            self._restore(article_id, verdict, status, note, links, label)
            return
        replace = replace_verdict(status, note, label, links)

        def mutate(v: Verdict, row: Row) -> list[tuple[str, Any, Any]]:
            return replace(v)

        self._edit(
            article_id,
            verdict.claim_id,
            mutate,
            action=action,
            undoable=self._group_rows is not None,
            reviewer=one_line(verdict.reviewer, 80) or None,
            at=verdict.updated_at or None,
            allow_orphan=True,
        )

    def _restore(
        self,
        article_id: str,
        verdict: Verdict,
        status: str,
        note: str,
        links: list[Link],
        label: str,
    ) -> None:
        self._check_writable()
        aid = self._resolve_article(article_id)

        def tx(conn: psycopg.Connection[Any]) -> None:
            self._lock_row(conn, aid, verdict.claim_id, allow_orphan=True)
            conn.execute(
                "UPDATE workbench.verdicts SET status = %s, note = %s, links = %s, label = %s, "
                "reviewer = %s, updated_at = %s, version = version + 1 "
                "WHERE article_id = %s AND claim_id = %s",
                (
                    status,
                    note,
                    Jsonb([link.to_dict() for link in links]),
                    label,
                    one_line(verdict.reviewer, 80),
                    one_line(verdict.updated_at, 40),
                    aid,
                    verdict.claim_id,
                ),
            )
            self._notify(aid, 0)

        self._run(tx)

    def append_history(self, changes: list[Change]) -> None:
        """Append rows from another workspace's history (new server sequence numbers)."""
        self._check_writable()
        if not changes:
            return
        rows = [(self._resolve_article(c.article_id), c) for c in changes]

        def tx(conn: psycopg.Connection[Any]) -> None:
            with conn.cursor() as cur:
                cur.executemany(
                    HISTORY_SQL.replace(" RETURNING seq", ""),
                    [
                        (
                            aid,
                            c.claim_id,
                            c.field,
                            Jsonb(c.old),
                            Jsonb(c.new),
                            c.reviewer,
                            c.at,
                            c.action,
                        )
                        for aid, c in rows
                    ],
                )
            self._notify(rows[-1][0], 0)

        self._run(tx, retry=False)
