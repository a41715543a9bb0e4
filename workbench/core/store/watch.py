"""Telling other processes that the workspace changed.

Every committed write bumps a counter in the small ``changes`` file (written in
place, not fsynced: it is a notification, not data). A ``Watcher`` thread reads
that file a few times a second, sleeping in between (an ``Event.wait``, no busy
loop), and calls its listeners when the counter moved and the move was not this
process's own write.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported by the first watcher (a command never starts one)
    import threading

POLL_SECONDS = 0.25


class ChangeCounter:
    """The change counter of one workspace (read by watchers, bumped by the writer)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.own: set[str] = set()
        """Counter values this process wrote (a watcher in this process skips them)."""

    def read(self) -> str:
        try:
            with open(self.path, "rb") as fh:
                return fh.read(64).decode("ascii", "replace").strip()
        except OSError:
            return ""

    def bump(self) -> None:
        """Record one more change (best effort: a failure here loses no data)."""
        with contextlib.suppress(OSError, ValueError):
            head = self.read().split(" ", 1)[0]
            value = f"{(int(head) if head.isdigit() else 0) + 1} {os.getpid()}"
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT, 0o644)
            try:
                data = value.ljust(32).encode("ascii")
                os.pwrite(fd, data, 0)
            finally:
                os.close(fd)
            self.own.add(value.strip())
            if len(self.own) > 1000:
                self.own = {value.strip()}


class Watcher:
    """A background thread calling listeners when another process bumps the counter."""

    def __init__(self, counter: ChangeCounter, on_change: Callable[[], None]) -> None:
        self._counter = counter
        self._on_change = on_change
        self._listeners: list[Callable[[], None]] = []
        import threading

        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._seen = counter.read()
        self._thread: threading.Thread | None = None

    def add(self, listener: Callable[[], None]) -> Callable[[], None]:
        import threading

        with self._lock:
            self._listeners.append(listener)
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="workbench-store-watch", daemon=True
                )
                self._thread.start()

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)
                empty = not self._listeners
            if empty:
                self.stop()

        return unsubscribe

    def stop(self) -> None:
        import threading

        self._stop.set()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=5)
        with self._lock:
            self._thread = None
            self._stop = threading.Event()

    def _run(self) -> None:
        stop = self._stop
        while not stop.wait(POLL_SECONDS):
            value = self._counter.read()
            if value == self._seen:
                continue
            self._seen = value
            if value in self._counter.own:
                continue
            self._on_change()
            with self._lock:
                listeners = list(self._listeners)
            for listener in listeners:
                with contextlib.suppress(Exception):
                    listener()
