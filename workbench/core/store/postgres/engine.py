"""PostgresStore: the team workspace on a PostgreSQL server (see the package docs).

This module holds the connection, transactions, reconnecting and the live
signal; reading, editing, undo and presence live in their own mixin modules.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import psycopg
from psycopg import pq
from psycopg.rows import dict_row

from ...errors import StoreError
from ...models import Change
from ...text import one_line
from . import schema
from .claims_edit import ClaimsEditMixin
from .set_field import SetFieldMixin
from .connect import connect, safe_url
from .edits import CHANNEL, EditsMixin
from .imports import ImportsMixin
from .live import Watch
from .presence import PresenceMixin
from .reads import ReadsMixin, change_from
from .undo import UndoMixin

T = TypeVar("T")
RECONNECT_FOR = 30.0
"""Seconds a session keeps trying to get its connection back before giving up."""


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class PostgresStore(
    ReadsMixin,
    SetFieldMixin,
    EditsMixin,
    ClaimsEditMixin,
    ImportsMixin,
    UndoMixin,
    PresenceMixin,
):
    """One session on a team workspace. Open it with ``open_postgres_store``."""

    def __init__(
        self,
        url: str,
        conn: psycopg.Connection[Any],
        reviewer: str,
        readonly: bool,
        readonly_reason: str,
        clock: Callable[[], str],
    ) -> None:
        self._url = url
        self._safe = safe_url(url)
        self._conn = conn
        self._reviewer = reviewer
        self._readonly = readonly
        self._readonly_reason = readonly_reason
        self._clock = clock
        self._session = uuid.uuid4().hex[:16]
        self._closed = False
        self._lock = threading.RLock()
        self._seen: dict[tuple[str, str], dict[str, tuple[int, Any]]] = {}
        self._group_rows: list[int] | None = None
        self._group_keys: set[tuple[str, str]] = set()
        self._known: set[str] = set()
        self._watches: list[Watch] = []
        self._last_seq = 0
        self._online = True
        self._last_changes: list[Change] = []

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
    def path(self) -> Path:
        raise StoreError(f"the team workspace {self._safe} is on a server, not in a folder")

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

    # -- transactions ------------------------------------------------------------------

    def _check_writable(self) -> None:
        if self._closed:
            raise StoreError(f"the team workspace {self._safe} is closed")
        if self._readonly:
            raise StoreError(
                self._readonly_reason
                or f"the team workspace {self._safe} is open read-only; changes are not allowed"
            )

    def _run(
        self, fn: Callable[[psycopg.Connection[Any]], T], retry: bool = True, single: bool = False
    ) -> T:
        """Run ``fn`` in one transaction (or inside the open ``group``); ``single``: ``fn``
        runs one statement, which is its own transaction (one round trip less each way).

        A lost connection is re-opened; ``fn`` is run again when ``retry`` (every
        change that sets a value is idempotent: run twice, the second finds it
        done), else the caller is told to check and repeat.
        """
        if self._closed:
            raise StoreError(f"the team workspace {self._safe} is closed")
        with self._lock:
            if self._group_rows is not None:
                return self._guarded(fn)
            for attempt in (0, 1):
                try:
                    if single:
                        return self._guarded(fn)
                    with self._conn.transaction():
                        return self._guarded(fn)
                except psycopg.OperationalError as exc:
                    if not self._lost():
                        raise StoreError(_db_error(exc, self._safe)) from None
                    self._reconnect()
                    if not retry or attempt:
                        raise StoreError(
                            f"the connection to {self._safe} was lost during the change and is "
                            "back; check the history and repeat the change if it is missing"
                        ) from None
            raise AssertionError("unreachable")  # pragma: no cover

    def _guarded(self, fn: Callable[[psycopg.Connection[Any]], T]) -> T:
        try:
            return fn(self._conn)
        except psycopg.errors.InsufficientPrivilege:
            raise StoreError(
                self._readonly_reason
                or f"your database role may not change the team workspace {self._safe}; "
                "you can browse but not mark (ask the admin for write access)"
            ) from None
        except psycopg.errors.QueryCanceled:
            raise StoreError(f"the team server {self._safe} cancelled the request") from None

    def _lost(self) -> bool:
        return self._conn.closed or self._conn.info.status == pq.ConnStatus.BAD

    def _reconnect(self) -> None:
        """Get the connection back (a restarted server takes a moment): StoreError if not."""
        self._online = False
        with contextlib.suppress(Exception):
            self._conn.close()
        deadline = time.monotonic() + RECONNECT_FOR
        pause = 0.05
        while True:
            try:
                self._conn = _session_conn(self._url)
                self._online = True
                return
            except StoreError as exc:
                if time.monotonic() > deadline:
                    raise StoreError(
                        f"offline: {exc.message}; your last change was not saved"
                    ) from None
            time.sleep(pause)  # back-off between attempts, not a synchronisation
            pause = min(pause * 2, 1.0)

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
            try:
                with self._conn.transaction():
                    yield
                    if self._group_rows:
                        self._record_step(self._conn, self._group_rows)
            except psycopg.OperationalError as exc:
                for key in self._group_keys:
                    self._seen.pop(key, None)
                if self._lost():
                    self._reconnect()
                raise StoreError(
                    f"the connection to {self._safe} was lost; the changes were not saved "
                    f"({one_line(str(exc), 80)})"
                ) from None
            except BaseException:
                for key in self._group_keys:
                    self._seen.pop(key, None)
                raise
            finally:
                self._group_rows = None
                self._group_keys = set()

    def _notify(self, conn: psycopg.Connection[Any], article_id: str, seq: int) -> None:
        payload = json.dumps({"s": self._session, "a": article_id, "q": seq})
        conn.execute("SELECT pg_notify(%s, %s)", (CHANNEL, payload))

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

        changes = self._run(read)
        if changes:
            self._last_seq = max(self._last_seq, changes[-1].seq)
        return changes


def _session_conn(url: str) -> psycopg.Connection[Any]:
    conn = connect(url, autocommit=True)
    conn.row_factory = dict_row  # type: ignore[assignment]
    return conn


def _db_error(exc: BaseException, where: str) -> str:
    lines = [line for line in str(exc).strip().splitlines() if line.strip()]
    return f"the team server {where} failed: {one_line(lines[0] if lines else 'unknown', 160)}"
