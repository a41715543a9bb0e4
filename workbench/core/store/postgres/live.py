"""The live signal: LISTEN/NOTIFY as "something changed", with offline detection.

Every committed change sends ``pg_notify('workbench', {"s": session, "a": article,
"q": seq})``. A ``Watch`` holds its own connection in a background thread, listens,
and calls the listener for notifications of other sessions. Notifications are a
signal only: the caller reads what changed with ``changes_since(last_seq)``.
When the connection is lost the watch reports offline (``on_state(False)``),
keeps trying to reconnect, and once back reports online and calls the listener
once, since notifications sent meanwhile are not replayed.
"""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Callable
from typing import Any

import psycopg
from psycopg import sql

from ...errors import StoreError
from .connect import connect

POLL = 0.5
"""Seconds between checks of the stop flag while waiting for notifications."""


class Watch:
    def __init__(
        self,
        url: str,
        channel: str,
        session: str,
        listener: Callable[[], None],
        on_state: Callable[[bool], None] | None = None,
    ) -> None:
        self._url = url
        self._channel = channel
        self._session = session
        self._listener = listener
        self._on_state = on_state
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._conn: psycopg.Connection[Any] | None = None
        self._thread = threading.Thread(target=self._loop, name="workbench-watch", daemon=True)
        self.online = True
        self.error = ""

    def start(self) -> None:
        """Start listening; returns once LISTEN is in place (or the first try failed)."""
        self._thread.start()
        self._ready.wait(15)

    def __call__(self) -> None:
        """Unsubscribe (the same as ``stop``)."""
        self.stop()

    def stop(self) -> None:
        self._stop.set()
        conn = self._conn
        if conn is not None:
            with contextlib.suppress(Exception):
                conn.close()
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(5)

    def _listen(self) -> psycopg.Connection[Any]:
        conn = connect(self._url, autocommit=True)
        conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(self._channel)))
        return conn

    def _state(self, online: bool) -> None:
        if online == self.online:
            return
        self.online = online
        if self._on_state is not None:
            with contextlib.suppress(Exception):
                self._on_state(online)

    def _loop(self) -> None:
        pause = 0.05
        first = True
        while not self._stop.is_set():
            try:
                self._conn = self._listen()
            except StoreError as exc:
                self.error = exc.message
                self._state(False)
                self._ready.set()
                self._stop.wait(pause)  # back-off between reconnect attempts
                pause = min(pause * 2, 1.0)
                continue
            pause = 0.05
            self._ready.set()
            if not self.online or not first:
                self._state(True)
                self._call()  # catch up: what changed while we were away was not signalled
            first = False
            try:
                while not self._stop.is_set():
                    for note in self._conn.notifies(timeout=POLL):
                        if self._foreign(note.payload):
                            self._call()
            except psycopg.OperationalError as exc:
                if self._stop.is_set():
                    break
                self.error = str(exc).strip().splitlines()[0] if str(exc).strip() else "lost"
                self._state(False)
            finally:
                with contextlib.suppress(Exception):
                    self._conn.close()

    def _foreign(self, payload: str) -> bool:
        try:
            data = json.loads(payload)
        except ValueError:
            return True
        return not (isinstance(data, dict) and data.get("s") == self._session)

    def _call(self) -> None:
        with contextlib.suppress(Exception):
            self._listener()
