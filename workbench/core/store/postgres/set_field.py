"""The fast path of a mark: setting status, note or label in ONE round trip.

The general write path (``edits._edit``) takes four round trips (BEGIN, the row
lock, the write, COMMIT). Setting a text field needs no Python between the lock
and the write, so a mark is one call of the server-side procedure
``workbench.set_<field>`` (``procedures``, installed by migration 3): the lock,
the conflict rule, the update, the history row and the undo step in one
statement, then COMMIT, then the live signal. Inside ``group()`` the procedure
neither commits nor signals; the group does both.
"""

from __future__ import annotations

from typing import Any

import psycopg

from ...errors import NotFound
from ...models import Change, Verdict
from ...text import one_line
from ..edits import check_status, clean_label, clean_note
from .edits import EditsMixin
from .procedures import TEXT_FIELDS
from .reads import verdict_from
from .session import CHANNEL

STATEMENTS = {
    f: f"CALL workbench.set_{f}(%(aid)s::text, %(cid)s::text, %(seen_v)s::integer, "
    "%(seen_val)s::text, %(yours)s::text, %(reviewer)s::text, %(at)s::text, "
    "%(step)s::boolean, %(me)s::text, %(channel)s::text, %(session)s::text, "
    "%(commit)s::boolean, NULL, NULL, NULL, NULL)"
    for f in TEXT_FIELDS
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
            "step": self._group_rows is None,
            "me": self._reviewer,
            "channel": CHANNEL,
            "session": self._session,
            "commit": self._group_rows is None and self._depth == 0,
        }

        def run(conn: psycopg.Connection[Any]) -> dict[str, Any]:
            row = conn.execute(STATEMENTS[field], params).fetchone()  # type: ignore[arg-type]
            assert row is not None
            return row

        got = self._run(run, single=True)
        cur, new = got["o_cur"], got["o_new"]
        if cur is None:
            raise NotFound(f"no claim {one_line(claim_id, 40)} in article {aid}")
        if not got["o_ok"]:
            raise self._conflict(cur, field, cur[field], value)
        self._last_changes = []
        if new is None:
            self._see(cur)
            return verdict_from(cur)
        self._see(new)
        seq = int(got["o_seq"])
        if not params["commit"]:
            self._notify(aid, seq)  # sent once the surrounding transaction committed
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
