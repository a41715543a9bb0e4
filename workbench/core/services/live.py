"""Following a workspace while it is open: what changed elsewhere, and the connection.

``follow(store, on_event)`` subscribes to the store's watcher and turns what it
reports into events, called from the watcher's thread (a UI hands them to its own
thread as messages):

- ``Changed(changes)``: another session changed something. On a team workspace
  ``changes`` are the history rows read since the last seen sequence (empty when
  only an assignment or a "taken by" marker changed); on a local folder it is
  None ("something, re-read it").
- ``Connection(online=False, ...)``: the connection to the team server is lost
  (a server restart, a network cut); the watcher keeps reconnecting.
- ``Connection(online=True, caught_up=N)``: it is back, and the N changes
  colleagues made meanwhile were read (notifications are not replayed, so the
  catch-up reads the history from the last sequence seen); a ``Changed`` with
  those rows follows.

A local folder workspace never reports a connection.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..errors import WorkbenchError
from ..models import Change
from ..store.interface import Store
from ..text import one_line


@dataclass(frozen=True)
class Changed:
    changes: tuple[Change, ...] | None
    """History rows read since the last seen (team), None when unknown (folder)."""

    def touches(self, article_id: str) -> bool:
        """Whether the article may have changed (always, when the rows are unknown)."""
        if self.changes is None:
            return True
        return any(c.article_id == article_id for c in self.changes)


@dataclass(frozen=True)
class Connection:
    online: bool
    server: str
    """The team server as ``database@host`` (never a password)."""
    caught_up: int = 0
    """Back online: how many changes of colleagues the catch-up read."""
    reason: str = ""
    """Offline: why, in one line (from the driver; never a password)."""


Event = Changed | Connection


def is_team(store: Any) -> bool:
    """A team (server) workspace: it reports its connection and who works on what."""
    return hasattr(store, "changes_since") and hasattr(store, "who")


def server_name(store: Any) -> str:
    """``database@host`` of a team workspace ("" for a local folder)."""
    if not is_team(store):
        return ""
    from ..store.postgres.connect import describe

    where = describe(str(store.location))
    host = where["host"]
    if host.startswith("the local socket"):
        host = "local socket"
    return one_line(f"{where['dbname']}@{host}", 80)


def follow(store: Store, on_event: Callable[[Event], None]) -> Callable[[], None]:
    """Call ``on_event`` (from a background thread) as described in the module docs;
    returns the function that stops following."""
    if not is_team(store):
        return store.watch(lambda: on_event(Changed(None)))
    return _TeamFollower(store, on_event).start()


class _TeamFollower:
    def __init__(self, store: Any, on_event: Callable[[Event], None]) -> None:
        self._store = store
        self._on_event = on_event
        self._server = server_name(store)
        self._lock = threading.Lock()
        self._back = False
        self._watch: Any = None

    def start(self) -> Callable[[], None]:
        self._watch = self._store.watch(self._changed, on_state=self._state)
        return self._watch  # type: ignore[no-any-return]

    def _state(self, online: bool) -> None:
        if online:
            with self._lock:
                self._back = True  # said with the catch-up, which the watch runs next
            return
        reason = getattr(self._watch, "error", "") if self._watch is not None else ""
        self._on_event(Connection(False, self._server, reason=one_line(str(reason), 160)))

    def _changed(self) -> None:
        with self._lock:
            back, self._back = self._back, False
            try:
                changes = tuple(self._store.changes_since(self._store.last_seq))
            except WorkbenchError:
                changes = None  # the read failed: the next signal reads from the same seq
        if back:
            me = self._store.reviewer
            theirs = sum(1 for c in changes or () if c.reviewer != me)
            self._on_event(Connection(True, self._server, caught_up=theirs))
        self._on_event(Changed(changes))
