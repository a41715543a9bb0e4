"""A bracketed paste arrives whole, in order, as one Paste event.

Textual's terminal parser (8.2) reads a paste character by character, and an ESC
inside the pasted text starts an escape sequence it then reissues as *keys*: pasting
``one \\x1b[31mred`` into the note editor typed ``^[31mred`` at once (as key presses,
which on the review screen would also run bindings) and added ``one`` after it, when
the paste ended. ``PasteParser`` cuts every bracketed paste out of the input before
Textual's parser sees it: everything between the start and end markers is the
paste's text, literally (escape sequences and control characters are removed later,
by ``render.clean_paste``, where the app receives it). ``PasteSafeDriver`` is the
Linux/macOS driver with that parser.
"""

from __future__ import annotations

from collections.abc import Iterable
from time import monotonic

from textual import constants, events
from textual._xterm_parser import BRACKETED_PASTE_END, BRACKETED_PASTE_START, XTermParser
from textual.drivers import linux_driver
from textual.drivers.linux_driver import LinuxDriver
from textual.message import Message


def _partial(data: str, marker: str) -> int:
    """How many characters at the end of ``data`` could start ``marker``."""
    for size in range(min(len(marker) - 1, len(data)), 0, -1):
        if marker.startswith(data[-size:]):
            return size
    return 0


class PasteParser(XTermParser):
    """XTermParser, with bracketed pastes taken out whole (see the module docstring).

    An end marker inside the pasted text (``\x1b[201~``: untrusted text can hold it, and
    tmux, among others, passes it on) would end the paste there and type the rest as
    keys, running the review screen's bindings. So an end marker closes the paste only
    once what follows it is known not to be more of the same paste: when a new paste
    starts before any other end marker, or when no other end marker came within the
    escape delay (a terminal writes a paste at once); keys typed right after a paste wait
    that long."""

    def __init__(self, debug: bool = False) -> None:
        super().__init__(debug)
        self._pasted: list[str] | None = None
        self._ended = False
        """An end marker was read; the paste waits to see whether another one follows."""
        self._held = ""
        self._held_at = 0.0

    def feed(self, data: str) -> Iterable[Message]:
        if not data:  # end of input: whatever was held goes first
            yield from self._close()
            held, self._held = self._held, ""
            if held and self._pasted is None:
                yield from super().feed(held)
            yield from super().feed("")
            return
        yield from self._scan(self._held + data)

    def _scan(self, data: str) -> Iterable[Message]:
        self._held = ""
        while data:
            if self._pasted is not None and self._ended:
                more = data.find(BRACKETED_PASTE_END)
                new = data.find(BRACKETED_PASTE_START)
                if more >= 0 and (new < 0 or more < new):
                    self._ended = False  # that end marker was part of the pasted text
                elif new >= 0:
                    yield from self._close()
                    continue
                else:
                    # more of the paste, or keys typed after it: the next read or the
                    # escape delay (counted from the end marker) tells
                    self._held = data
                    return
            if self._pasted is None:
                at = data.find(BRACKETED_PASTE_START)
                if at < 0:
                    # a read ending in what could start a paste (ESC, ESC [, ...)
                    # waits for the next read, or for the escape delay (tick)
                    hold = _partial(data, BRACKETED_PASTE_START)
                    self._hold(data[len(data) - hold:])
                    if len(data) > hold:  # (an empty feed would mean the end of input)
                        yield from super().feed(data[: len(data) - hold])
                    return
                if at:
                    yield from super().feed(data[:at])
                self._pasted = []
                data = data[at + len(BRACKETED_PASTE_START):]
            else:
                at = data.find(BRACKETED_PASTE_END)
                if at < 0:
                    hold = _partial(data, BRACKETED_PASTE_END)
                    self._pasted.append(data[: len(data) - hold])
                    self._hold(data[len(data) - hold:])
                    return
                self._pasted.append(data[:at])
                self._ended = True
                self._hold("")
                data = data[at + len(BRACKETED_PASTE_END):]

    def _close(self) -> Iterable[Message]:
        """Deliver the paste whose end marker was read."""
        if self._pasted is not None and self._ended:
            text, self._pasted, self._ended = "".join(self._pasted), None, False
            yield events.Paste(text)

    def _hold(self, tail: str) -> None:
        self._held = tail
        self._held_at = monotonic()

    def tick(self) -> Iterable[Message]:
        if monotonic() - self._held_at >= constants.ESCAPE_DELAY:
            if self._ended:  # nothing followed the end marker: the paste is complete
                yield from self._close()
                held, self._held = self._held, ""
                yield from self._scan(held)
            # a held tail of the start marker that no paste followed was typed keys (a
            # lone escape, alt+[): Textual's parser gets it with its escape delay spent
            elif self._held and self._pasted is None:
                held, self._held = self._held, ""
                yield from super().feed(held)
                if self._timeout_time is not None:
                    self._timeout_time = 0.0
        yield from super().tick()


class PasteSafeDriver(LinuxDriver):
    """LinuxDriver reading its input with ``PasteParser``."""

    def run_input_thread(self) -> None:
        # LinuxDriver's input thread builds its parser from the ``XTermParser`` name of
        # its own module: that name is pointed at PasteParser (a subclass, the same for
        # every key) before Textual's own loop runs, rather than copying that loop here.
        linux_driver.XTermParser = PasteParser
        super().run_input_thread()
