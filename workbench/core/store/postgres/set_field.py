"""The fast path of a mark: setting status, note or label in ONE statement.

The general write path (``edits._edit``) takes four round trips (BEGIN, the row
lock, the write, COMMIT). Setting a text field needs no Python between the lock
and the write, so here the lock, the conflict rule (the same as ``edits``: the
field's version moved on since this session saw it and the stored value is
neither yours nor the one seen), the update, the history row, the undo step and
the live signal are one statement, committed on its own: one round trip.
"""

from __future__ import annotations

import json
from typing import Any

import psycopg
from psycopg import sql

from ...errors import NotFound
from ...models import Change, Verdict
from ...text import one_line
from ..edits import check_status, clean_label, clean_note
from .edits import EditsMixin
from .reads import verdict_from
from .session import CHANNEL

TEXT_FIELDS = ("status", "note", "label")

_SQL = """
WITH cur AS (
    SELECT * FROM workbench.verdicts
    WHERE article_id = %(aid)s AND claim_id = %(cid)s FOR UPDATE
), ok AS (
    SELECT * FROM cur
    WHERE %(seen_v)s::int IS NULL OR {fv} = %(seen_v)s::int
       OR {f} = %(yours)s::text OR {f} = %(seen_val)s::text
), v AS (
    UPDATE workbench.verdicts AS t
    SET {f} = %(yours)s::text, {fv} = t.{fv} + 1, version = t.version + 1,
        reviewer = %(reviewer)s, updated_at = %(at)s
    FROM ok
    WHERE t.article_id = ok.article_id AND t.claim_id = ok.claim_id
      AND ok.{f} IS DISTINCT FROM %(yours)s::text
    RETURNING t.*, ok.{f} AS old_value
), h AS (
    INSERT INTO workbench.history (article_id, claim_id, field, old, new, reviewer, at, action)
    SELECT article_id, claim_id, %(field)s, to_jsonb(old_value), to_jsonb({f}), reviewer,
           updated_at, 'edit'
    FROM v RETURNING seq
), d AS (
    UPDATE workbench.undo_steps SET state = 'dropped'
    WHERE %(step)s AND reviewer = %(me)s AND state = 'undone' AND EXISTS (SELECT 1 FROM v)
), u AS (
    INSERT INTO workbench.undo_steps (reviewer, rows)
    SELECT %(me)s, array_agg(seq) FROM h HAVING %(step)s AND count(*) > 0
)
SELECT (SELECT row_to_json(cur) FROM cur) AS cur,
       (SELECT count(*) FROM ok) AS ok,
       (SELECT row_to_json(v) FROM v) AS new,
       (SELECT seq FROM h) AS seq,
       (SELECT pg_notify(%(channel)s, %(payload)s) FROM v) AS signal
"""
STATEMENTS = {
    f: sql.SQL(_SQL).format(f=sql.Identifier(f), fv=sql.Identifier(f"{f}_v")) for f in TEXT_FIELDS
}


class SetFieldMixin(EditsMixin):
    def _set_field(self, article_id: str, claim_id: str, field: str, value: str) -> Verdict:
        self._check_writable()
        aid = self._resolve_article(article_id)
        seen = self._seen.get((aid, claim_id), {}).get(field)
        now = self._clock()
        params = {
            "aid": aid,
            "cid": claim_id,
            "seen_v": seen[0] if seen else None,
            "seen_val": seen[1] if seen else None,
            "yours": value,
            "reviewer": one_line(self._reviewer, 80),
            "at": now,
            "field": field,
            "step": self._group_rows is None,
            "me": self._reviewer,
            "channel": CHANNEL,
            "payload": json.dumps({"s": self._session, "a": aid}),
        }

        def run(conn: psycopg.Connection[Any]) -> dict[str, Any]:
            row = conn.execute(STATEMENTS[field], params).fetchone()
            assert row is not None
            return row

        got = self._run(run, single=True)
        if got["cur"] is None:
            raise NotFound(f"no claim {one_line(claim_id, 40)} in article {aid}")
        if not got["ok"]:
            raise self._conflict(got["cur"], field, got["cur"][field], value)
        self._last_changes = []
        if got["new"] is None:
            self._see(got["cur"])
            return verdict_from(got["cur"])
        new = got["new"]
        self._see(new)
        seq = int(got["seq"])
        self._last_changes = [
            Change(seq, aid, claim_id, field, new["old_value"], value, new["reviewer"], now, "edit")
        ]
        if self._group_rows is not None:
            self._group_rows.append(seq)
            self._group_keys.add((aid, claim_id))
        return verdict_from(new)

    def set_status(self, article_id: str, claim_id: str, status: str) -> Verdict:
        return self._set_field(article_id, claim_id, "status", check_status(status))

    def set_note(self, article_id: str, claim_id: str, note: str) -> Verdict:
        return self._set_field(article_id, claim_id, "note", clean_note(note))

    def set_label(self, article_id: str, claim_id: str, label: str) -> Verdict:
        """The reviewer's wording of the claim ("" = back to the extracted label)."""
        return self._set_field(article_id, claim_id, "label", clean_label(label))
