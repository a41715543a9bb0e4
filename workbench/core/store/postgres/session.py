"""The session core every part of the team engine builds on: the connection, one
transaction per change, reconnecting after a lost connection, the live signal.

Live signals (NOTIFY) are queued during a change and sent after it committed, in a
transaction of their own: PostgreSQL serialises the commits of every transaction
that NOTIFYs on one cluster-wide lock held through the commit's disk flush, so a
NOTIFY inside each change made concurrent writers take turns at the disk. A
signal-only transaction writes no WAL, waits for no flush and holds that lock for
a moment. Sending is best effort: the change is committed either way; a lost signal
is covered by the next one (listeners read everything after their last sequence).
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
import uuid
from collections.abc import Callable
from typing import Any, TypeVar

import psycopg
from psycopg import pq
from psycopg.rows import dict_row

from ...errors import Offline, StoreError
from ...models import Change
from ...text import one_line
from .connect import connect, safe_url

T = TypeVar("T")
CHANNEL = "workbench"
RECONNECT_FOR = 5.0
"""Seconds a session keeps trying to get its connection back before it says it is offline
(short: the workbench must not hang; a restarted server is back well within it)."""


class Session:
    """The state of one session and the way it talks to the server."""

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
        self._watches: list[Any] = []
        self._last_seq = 0
        self._online = True
        self._last_changes: list[Change] = []
        self._signals: dict[str, str] = {}
        self._depth = 0

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
            outer = self._depth == 0  # a change run inside another's transaction: no signal yet
            for attempt in (0, 1):
                if outer:
                    self._signals = {}
                self._depth += 1
                try:
                    if single:
                        result = self._guarded(fn)
                    else:
                        with self._conn.transaction():
                            result = self._guarded(fn)
                except psycopg.OperationalError as exc:
                    if not self._lost():
                        raise StoreError(_db_error(exc, self._safe)) from None
                    self._reconnect()
                    if not retry or attempt:
                        raise StoreError(
                            f"the connection to {self._safe} was lost during the change and is "
                            "back; check the history and repeat the change if it is missing"
                        ) from None
                else:
                    if outer:
                        self._send_signals()
                    return result
                finally:
                    self._depth -= 1
            raise AssertionError("unreachable")  # pragma: no cover

    def _read(self, fn: Callable[[psycopg.Connection[Any]], T]) -> T:
        """Run reading statements, each its own snapshot (no BEGIN/COMMIT round trips)."""
        return self._run(fn, single=True)

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
                    raise Offline(
                        f"offline: {exc.message}; your last change was not saved"
                    ) from None
            time.sleep(pause)  # back-off between attempts, not a synchronisation
            pause = min(pause * 2, 1.0)

    def _notify(self, article_id: str, seq: int) -> None:
        """Queue the live signal for ``article_id``: sent once the change has committed."""
        self._signals[article_id] = json.dumps({"s": self._session, "a": article_id, "q": seq})

    def _send_signals(self) -> None:
        """Send the queued signals (one per article) after the commit; see the module docs."""
        if not self._signals:
            return
        payloads, self._signals = list(self._signals.values()), {}
        with contextlib.suppress(psycopg.Error):
            self._conn.execute(
                "SELECT pg_notify(%s, p) FROM unnest(%s::text[]) AS p", (CHANNEL, payloads)
            )

    def _record_step(self, conn: psycopg.Connection[Any], seqs: list[int]) -> None:
        """One undo step of this reviewer (a new step drops the redo stack)."""
        conn.execute(
            "UPDATE workbench.undo_steps SET state = 'dropped' "
            "WHERE reviewer = %s AND state = 'undone'",
            (self._reviewer,),
        )
        conn.execute(
            "INSERT INTO workbench.undo_steps (reviewer, rows) VALUES (%s, %s)",
            (self._reviewer, list(seqs)),
        )


def _session_conn(url: str) -> psycopg.Connection[Any]:
    conn = connect(url, autocommit=True)
    conn.row_factory = dict_row  # type: ignore[assignment]
    return conn


def _db_error(exc: BaseException, where: str) -> str:
    lines = [line for line in str(exc).strip().splitlines() if line.strip()]
    return f"the team server {where} failed: {one_line(lines[0] if lines else 'unknown', 160)}"
