"""Field-level changes with a version per field, and the conflict rule.

Each change locks its verdict row (``SELECT ... FOR UPDATE``), applies itself to
the value now stored, bumps the versions of the fields it changed, appends one
history row per field and records the undo step, all in one transaction:
acknowledged means committed; the live signal follows the commit (see ``session``).

The conflict rule: a session remembers, per claim, the version and value of each
field when it last read or wrote them. Changing a field whose version moved on
since then (another reviewer changed it) raises ``Conflict`` (field, theirs,
yours) and writes nothing, unless the stored value already is yours or is back to
the one this session saw. Different fields never conflict. Links are changed link
by link: adding or editing one URL conflicts only when another reviewer changed
that same URL's title or stance. A session that has not read a claim yet makes a
blind change (no base to compare with). After a conflict the stored value counts
as seen, so repeating the change deliberately keeps yours.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import psycopg
from psycopg.types.json import Jsonb

from ...errors import Conflict, NotFound
from ...models import ArchiveSnapshot, Change, Link, LinkCheck, Verdict
from ...net.links import normalize_url
from ...text import one_line
from ..edits import check_stance, links_of, norm_or_raw
from .reads import FIELDS, ReadsMixin, verdict_from

Row = dict[str, Any]
Mutation = Callable[[Verdict, Row], list[tuple[str, Any, Any]]]

UPDATE_SQL = (
    "UPDATE workbench.verdicts SET status = %(status)s, note = %(note)s, links = %(links)s, "
    "label = %(label)s, reviewer = %(reviewer)s, updated_at = %(at)s, version = version + 1, "
    "status_v = status_v + %(d_status)s, note_v = note_v + %(d_note)s, "
    "links_v = links_v + %(d_links)s, label_v = label_v + %(d_label)s "
    "WHERE article_id = %(aid)s AND claim_id = %(cid)s RETURNING *"
)
WRITE_SQL = (
    # one round trip: the verdict row, its history rows, the undo step (the live signal
    # is sent after the commit, see session)
    "WITH v AS (" + UPDATE_SQL + "), "
    "h AS (INSERT INTO workbench.history "
    "(article_id, claim_id, field, old, new, reviewer, at, action) "
    "SELECT %(aid)s, %(cid)s, t.f, t.o, t.n, %(reviewer)s, %(at)s, %(action)s "
    "FROM unnest(%(fields)s::text[], %(olds)s::jsonb[], %(news)s::jsonb[]) "
    "WITH ORDINALITY AS t(f, o, n, i) ORDER BY t.i RETURNING seq), "
    "d AS (UPDATE workbench.undo_steps SET state = 'dropped' "
    "WHERE %(step)s AND reviewer = %(me)s AND state = 'undone'), "
    "u AS (INSERT INTO workbench.undo_steps (reviewer, rows) "
    "SELECT %(me)s, array_agg(seq ORDER BY seq) FROM h HAVING %(step)s) "
    "SELECT (SELECT row_to_json(v) FROM v) AS verdict, "
    "ARRAY(SELECT seq FROM h ORDER BY seq) AS seqs"
)
HISTORY_SQL = (
    "INSERT INTO workbench.history (article_id, claim_id, field, old, new, reviewer, at, action) "
    "VALUES (%s, %s, %s, %s, %s, %s, %s, %s) RETURNING seq"
)


def _entry(links: list[dict[str, Any]], url: str) -> tuple[str, str] | None:
    for link in links or []:
        if link.get("url") == url:
            return (link.get("title", ""), link.get("stance", "context"))
    return None


def describe_value(field: str, value: Any) -> str:
    if field == "links":
        if isinstance(value, tuple):
            return f"title {value[0]!r}, stance {value[1]}" if value else "no such link"
        return f"{len(value or [])} link(s)"
    if value is None:
        return "removed"
    return repr(one_line(str(value), 60))


class EditsMixin(ReadsMixin):
    # -- the conflict rule ---------------------------------------------------------------

    def _conflict(self, row: Row, field: str, theirs: Any, yours: Any) -> Conflict:
        self._see(row)  # theirs is now seen: repeating the change keeps yours
        who = one_line(row["reviewer"], 60) or "another reviewer"
        return Conflict(
            f"{who} changed the {field} of claim {row['claim_id']} meanwhile: theirs "
            f"{describe_value(field, theirs)}, yours {describe_value(field, yours)}; nothing "
            "was saved (repeat the change to keep yours)",
            field=field,
            theirs=theirs,
            yours=yours,
            reviewer=row["reviewer"],
            article_id=row["article_id"],
            claim_id=row["claim_id"],
        )

    def _guard(self, row: Row, field: str, yours: Any) -> None:
        seen = self._seen.get((row["article_id"], row["claim_id"]), {}).get(field)
        if seen is None or seen[0] == row[f"{field}_v"]:
            return
        if row[field] in (yours, seen[1]):
            return
        raise self._conflict(row, field, row[field], yours)

    def _guard_link(self, row: Row, url: str, yours: Any) -> None:
        seen = self._seen.get((row["article_id"], row["claim_id"]), {}).get("links")
        if seen is None or seen[0] == row["links_v"]:
            return
        before, now = _entry(seen[1], url), _entry(row["links"], url)
        if before != now and now != yours:
            raise self._conflict(row, "links", now, yours)

    def _history_row(
        self,
        conn: psycopg.Connection[Any],
        aid: str,
        cid: str,
        field: str,
        old: Any,
        new: Any,
        action: str,
        reviewer: str | None = None,
        at: str | None = None,
    ) -> int:
        row = conn.execute(
            HISTORY_SQL,
            (
                aid,
                cid,
                field,
                Jsonb(old),
                Jsonb(new),
                reviewer or self._reviewer,
                at or self._clock(),
                action,
            ),
        ).fetchone()
        assert row is not None
        return int(row["seq"])

    # -- the one write path ----------------------------------------------------------------

    def _edit(
        self,
        article_id: str,
        claim_id: str,
        mutate: Mutation,
        action: str = "edit",
        undoable: bool = True,
        reviewer: str | None = None,
        at: str | None = None,
        allow_orphan: bool = False,
        retry: bool = True,
    ) -> Verdict:
        self._check_writable()
        aid = self._resolve_article(article_id)

        def tx(conn: psycopg.Connection[Any]) -> Verdict:
            row = self._lock_row(conn, aid, claim_id, allow_orphan)
            verdict = verdict_from(row)
            changes = [(f, o, n) for f, o, n in mutate(verdict, row) if o != n]
            self._last_changes = []
            if not changes:
                self._see(row)
                return verdict
            now = at or self._clock()
            verdict.reviewer = one_line(reviewer or self._reviewer, 80)
            verdict.updated_at = now
            changed = {"links" if f.startswith("link.") else f for f, _, _ in changes}
            params = {
                "status": verdict.status,
                "note": verdict.note,
                "links": Jsonb(links_of(verdict)),
                "label": verdict.label,
                "reviewer": verdict.reviewer,
                "at": now,
                "aid": aid,
                "cid": claim_id,
                **{f"d_{f}": int(f in changed) for f in FIELDS},
            }
            step = undoable and self._group_rows is None
            params.update(
                fields=[f for f, _, _ in changes],
                olds=[Jsonb(o) for _, o, _ in changes],
                news=[Jsonb(n) for _, _, n in changes],
                action=action,
                step=step,
                me=self._reviewer,
            )
            got = conn.execute(WRITE_SQL, params).fetchone()
            assert got is not None and got["verdict"] is not None
            new_row, seqs = got["verdict"], list(got["seqs"])
            self._notify(aid, seqs[-1])
            self._last_changes = [
                Change(seq, aid, claim_id, f, o, n, verdict.reviewer, now, action)
                for seq, (f, o, n) in zip(seqs, changes, strict=True)
            ]
            if undoable and self._group_rows is not None:
                self._group_rows.extend(seqs)
            self._see(new_row)
            if self._group_rows is not None:
                self._group_keys.add((aid, claim_id))
            return verdict

        return self._run(tx, retry=retry)

    def _lock_row(
        self,
        conn: psycopg.Connection[Any],
        aid: str,
        claim_id: str,
        allow_orphan: bool,
    ) -> Row:
        query = (
            "SELECT * FROM workbench.verdicts WHERE article_id = %s AND claim_id = %s FOR UPDATE"
        )
        row = conn.execute(query, (aid, claim_id)).fetchone()
        if row is None and allow_orphan:
            conn.execute(
                "INSERT INTO workbench.verdicts (article_id, claim_id, orphaned) "
                "VALUES (%s, %s, true) ON CONFLICT DO NOTHING",
                (aid, claim_id),
            )
            row = conn.execute(query, (aid, claim_id)).fetchone()
        if row is None:
            raise NotFound(f"no claim {one_line(claim_id, 40)} in article {aid}")
        return row

    # -- the edits ------------------------------------------------------------------------

    def add_link(
        self,
        article_id: str,
        claim_id: str,
        url: str,
        title: str = "",
        stance: str | None = None,
    ) -> Verdict:
        """Attach an evidence link; the same URL again updates its title/stance when given."""
        norm = normalize_url(url)
        given = check_stance(stance) if stance is not None else None
        clean_title = one_line(title, limit=300)
        now = self._clock()

        def mutate(v: Verdict, row: Row) -> list[tuple[str, Any, Any]]:
            from .claims_edit import link_rows

            old = links_of(v)
            for link in v.links:
                if link.url == norm:  # the same URL again: say which attribute changed
                    rows = link_rows(v, norm, clean_title or None, given)
                    if rows:
                        self._guard_link(row, norm, (link.title, link.stance))
                    return rows
            v.links.append(
                Link(url=norm, title=clean_title, stance=given or "context", added_at=now)
            )
            return [("links", old, links_of(v))]

        return self._edit(article_id, claim_id, mutate)

    def remove_link(self, article_id: str, claim_id: str, url: str) -> Verdict:
        norm = norm_or_raw(url)

        def mutate(v: Verdict, row: Row) -> list[tuple[str, Any, Any]]:
            old = links_of(v)
            keep = [link for link in v.links if link.url not in (norm, url)]
            if len(keep) == len(v.links):
                raise NotFound(f"claim {claim_id} has no link {one_line(url, 80)}")
            target = next(link.url for link in v.links if link.url in (norm, url))
            self._guard_link(row, target, None)
            v.links = keep
            return [("links", old, links_of(v))]

        return self._edit(article_id, claim_id, mutate)

    def set_link_check(
        self,
        article_id: str,
        claim_id: str,
        url: str,
        check: LinkCheck | dict[str, Any] | None = None,
        archive: ArchiveSnapshot | dict[str, Any] | None = None,
    ) -> Verdict:
        """Store a link check / archive lookup (in history, not undoable, never a conflict);
        the check kept is ``merge_check(old, check)`` (``Link.apply_check``)."""
        norm = norm_or_raw(url)

        def mutate(v: Verdict, row: Row) -> list[tuple[str, Any, Any]]:
            for link in v.links:
                if link.url in (norm, url):
                    old = link.check_row()
                    link.apply_check(check, archive)
                    return [("link_check", old, link.check_row())]
            raise NotFound(f"claim {claim_id} has no link {one_line(url, 80)}")

        return self._edit(article_id, claim_id, mutate, action="check", undoable=False)
