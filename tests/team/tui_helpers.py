"""Helpers for the team TUI tests: apps on a team store, waiting on their messages.

Synchronisation is on messages only: a ``Seen`` hook sets a threading.Event per
message class name as the app dispatches it; the test waits for that event in a
thread (a failure guard of 30 s, not a speed bound), then lets the app's loop run
the handler (``settle``).
"""

from __future__ import annotations

import asyncio
import threading
from collections import defaultdict

from tui.helpers import type_text  # noqa: F401 (typing into an open field, settled once)

from workbench.tui.app import WorkbenchApp

GUARD = 30.0
"""Seconds before a wait counts as a failure (never reached when things work)."""


def make_app(store, article_id: str | None = None) -> WorkbenchApp:
    return WorkbenchApp(store, article_id=article_id, cursor_blink=False, animate=False)


class Seen:
    """A message hook: ``seen.event("StoreChanged")`` is set when one is dispatched
    (a ConnectionChanged also sets "offline" or "online"); ``seen.last[name]`` is the
    last one of that name."""

    def __init__(self) -> None:
        self._events: dict[str, threading.Event] = defaultdict(threading.Event)
        self.last: dict[str, object] = {}

    def __call__(self, message: object) -> None:
        names = [type(message).__name__]
        if names[0] == "ConnectionChanged":
            names.append("online" if message.online else "offline")  # type: ignore[attr-defined]
        for name in names:
            self.last[name] = message
            self._events[name].set()

    def clear(self, *names: str) -> None:
        for name in names:
            self._events[name].clear()

    async def wait(self, name: str, pilot) -> bool:
        """Wait until a message of that name was dispatched, then let it be handled."""
        ok = await asyncio.to_thread(self._events[name].wait, GUARD)
        await settle(pilot)
        return ok


async def settle(pilot, rounds: int = 3) -> None:
    """Let the app's loop handle what was dispatched (and what that posted)."""
    for _ in range(rounds):
        await pilot.pause()
