"""PostgresStore: the team workspace on a PostgreSQL server (see the package docs).

``session`` holds the connection, transactions and reconnecting; reading, editing,
undo and presence build on it in their own modules (each class extends the one it
needs); this module opens a session and adds identity, ``group`` and ``watch``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg

from ...errors import StoreError
from ...models import Change
from ...text import one_line
from . import schema
from .connect import safe_url
from .imports import ImportsMixin
from .live import Watch
from .presence import PresenceMixin
from .reads import change_from
from .session import CHANNEL, _session_conn
from .set_field import SetFieldMixin
from .undo import UndoMixin


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class PostgresStore(UndoMixin, SetFieldMixin, ImportsMixin, PresenceMixin):
    """One session on a team workspace. Open it with ``open_postgres_store``."""

    # -- opening -----------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        url: str,
        reviewer: str | None = None,
        readonly: bool = False,
        clock: Callable[[], str] | None = None,
    ) -> PostgresStore:
        conn = _session_conn(url)
        try:
            schema.check(conn, safe_url(url))
            row = conn.execute(
                "SELECT coalesce((SELECT name FROM workbench.reviewers WHERE db_user = "
                "current_user), current_user) AS name, "
                "has_table_privilege('workbench.verdicts', 'UPDATE') AS can_write, "
                "current_user AS db_user, "
                "coalesce((SELECT max(seq) FROM workbench.history), 0) AS last_seq"
            ).fetchone()
        except BaseException:
            conn.close()
            raise
        assert row is not None
        name = one_line(str(row["name"]), 80) or "reviewer"
        reason = ""
        if not row["can_write"]:
            reason = (
                f"database user {one_line(row['db_user'], 60)!r} has a read-only role on "
                f"{safe_url(url)}: you can browse but not mark (ask the admin for write access)"
            )
        store = cls(url, conn, name, readonly or not row["can_write"], reason, clock or utc_now)
        store._last_seq = int(row["last_seq"])
        return store

    # -- identity ----------------------------------------------------------------------

    @property
    def location(self) -> str:
        return self._safe

    @property
    def path(self) -> Path | None:
        """None: the team workspace is on a server, not in a folder."""
        return None

    @property
    def readonly(self) -> bool:
        return self._readonly

    @property
    def reviewer(self) -> str:
        return self._reviewer

    @property
    def online(self) -> bool:
        """False while the connection to the server is lost (the watcher says so too)."""
        return self._online and all(w.online for w in self._watches)

    @property
    def last_seq(self) -> int:
        """The highest history sequence this session has seen (for ``changes_since``)."""
        return self._last_seq

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        for watch in self._watches:
            watch.stop()
        self._watches.clear()
        with contextlib.suppress(Exception):
            self._conn.close()

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def group(self) -> Iterator[None]:
        """Every change inside the block: one transaction (all or nothing), one undo step."""
        if self._group_rows is not None:
            yield
            return
        self._check_writable()
        with self._lock:
            self._group_rows = []
            self._group_keys = set()
            self._signals = {}
            try:
                with self._conn.transaction():
                    yield
                    if self._group_rows:
                        self._record_step(self._conn, self._group_rows)
                self._send_signals()  # after the commit, as for a single change
            except psycopg.OperationalError as exc:
                self._signals = {}
                for key in self._group_keys:
                    self._seen.pop(key, None)
                if self._lost():
                    self._reconnect()
                raise StoreError(
                    f"the connection to {self._safe} was lost; the changes were not saved "
                    f"({one_line(str(exc), 80)})"
                ) from None
            except BaseException:
                self._signals = {}
                for key in self._group_keys:
                    self._seen.pop(key, None)
                raise
            finally:
                self._group_rows = None
                self._group_keys = set()

    # -- live --------------------------------------------------------------------------

    def watch(
        self,
        listener: Callable[[], None],
        on_state: Callable[[bool], None] | None = None,
    ) -> Watch:
        """Call ``listener()`` (from a background thread) whenever another session changed
        the workspace, and once after a lost connection is back (notifications are not
        replayed: catch up with ``changes_since(last_seq)``). ``on_state(online)`` is
        called when the connection is lost and when it is back. The result, called (or
        its ``stop()``), unsubscribes; ``close`` stops every watch."""
        watch = Watch(self._url, CHANNEL, self._session, listener, on_state)
        self._watches.append(watch)
        watch.start()
        return watch

    def changes_since(self, seq: int) -> list[Change]:
        """Every history row after ``seq``, in order (catch-up after a notification or
        after being offline); moves ``last_seq`` on."""

        def read(conn: psycopg.Connection[Any]) -> list[Change]:
            rows = conn.execute(
                "SELECT * FROM workbench.history WHERE seq > %s ORDER BY seq", (int(seq),)
            ).fetchall()
            return [change_from(r) for r in rows]

        changes = self._read(read)
        if changes:
            self._last_seq = max(self._last_seq, changes[-1].seq)
        return changes
