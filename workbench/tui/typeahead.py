"""Keys typed ahead of the app act in order, one after the other.

Textual's app reads a key and hands it to the focused widget's queue, then reads the
next one at once: a burst ("enter" then "hello" then ctrl+s) was handed whole to the
widget that had focus before "enter" opened the note editor, so the text never reached
the editor and ctrl+s saved an empty note.

`KeyQueue` holds each key until the one before it has run its course: it went through
the widget, its parents and the bindings, and a screen it opened (or closed) has
mounted and focused its field. A `KeySettled` message follows the key along the same path
(the message queues are first in, first out); when it reaches the app, the key is done.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import events
from textual.app import ScreenStackError
from textual.dom import NoScreen
from textual.message import Message

if TYPE_CHECKING:
    from textual.app import App
    from textual.message_pump import MessagePump
    from textual.screen import Screen
    from textual.timer import Timer

STUCK_AFTER = 3.0
"""Seconds after which a key whose Settled message was lost (its widget was removed
before reading it) lets the next key go: never reached when the app keeps up."""


@dataclass
class KeySettled(Message):
    """Follows a key through the widgets that handle it; back at the app, it is done."""

    number: int


class KeyQueue:
    """The app's keys, released one at a time (see the module docstring)."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.held: deque[events.Key] = deque()
        self.number = 0
        self.busy = False
        self.screen: Screen | None = None
        self.timer: Timer | None = None

    async def key(self, event: events.Key, dispatch) -> None:
        """A key read from the terminal: run it now, or hold it behind the busy one."""
        if self.busy:
            self.held.append(event)
            return
        await self._run(event, dispatch)

    async def _run(self, event: events.Key, dispatch) -> None:
        self.busy = True
        self.number += 1
        top = self._top()
        target = (self.app.focused or top) if top is not None else None
        await dispatch(event)
        self._follow(target if event.is_forwarded and target is not None else self._top())

    def _top(self) -> Screen | None:
        try:
            return self.app.screen
        except (NoScreen, ScreenStackError):  # starting or closing: no screen to wait for
            return None

    def _follow(self, pump: MessagePump | None) -> None:
        self.screen = self._top()
        if pump is None:
            pump = self.app
        if self.timer is not None:
            self.timer.stop()
        self.timer = self.app.set_timer(STUCK_AFTER, self._stuck)
        if not pump.post_message(KeySettled(self.number)):
            self._stuck()

    def _stuck(self) -> None:
        self.app.post_message(KeySettled(self.number))

    async def settled(self, message: KeySettled, dispatch) -> None:
        """A key's KeySettled message came back to the app."""
        if message.number != self.number or not self.busy:
            return  # a late one, after the stuck timer let its key go
        if self._top() is not self.screen:
            # the key opened or closed a screen: the next key goes to it once it has
            # mounted and focused its field (its queue runs those first)
            self._follow(self._top())
            return
        if self.timer is not None:
            self.timer.stop()
            self.timer = None
        self.busy = False
        if self.held:
            await self._run(self.held.popleft(), dispatch)
