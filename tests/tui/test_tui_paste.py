"""Pasted untrusted text lands whole, in order, with its escape sequences and control
characters removed.

Textual's terminal parser reissued the part of a bracketed paste after an ESC as key
presses, ahead of the paste: pasting ``one \\x1b[31mred\\x1b[0m two`` into the note
editor typed ``^[31mred^[0m two`` and then ``one`` (seen through tmux's bracketed paste).
The parser tests feed the bytes a terminal sends; the app tests post the Paste event."""

from __future__ import annotations

import os
import queue
import signal
import threading

import pytest
from textual import events
from textual.widgets import Input, TextArea

from workbench.tui.paste import PasteParser, PasteSafeDriver
from workbench.tui.screens.note import NoteEditor

from .helpers import make_app, settle

START, END = "\x1b[200~", "\x1b[201~"
HOSTILE = "one \x1b[31mred\x1b[0m two\x07 three\x1b]0;title\x07 four\x1b[2J\x08\x00 five"


def parsed(*chunks: str) -> list[events.Event]:
    """The events of these reads, then of the escape delay passing with nothing more."""
    parser = PasteParser()
    out: list[events.Event] = []
    for chunk in chunks:
        out.extend(parser.feed(chunk))
    parser._held_at = float("-inf")
    out.extend(parser.tick())
    return out


def shown(seen: list[events.Event]) -> list[tuple[str, str | None]]:
    return [(type(e).__name__, getattr(e, "text", None) or getattr(e, "key", None))
            for e in seen]


def test_a_paste_with_escape_sequences_is_one_event_holding_all_of_it():
    assert [(type(e), getattr(e, "text", None)) for e in parsed(START + HOSTILE + END)] == [
        (events.Paste, HOSTILE)
    ]


@pytest.mark.parametrize("cut", range(1, len(START + HOSTILE + END) + 2))
def test_a_paste_split_across_reads_anywhere_is_the_same(cut):
    data = "a" + START + HOSTILE + END + "b"
    assert shown(parsed(data[:cut], data[cut:])) == [
        ("Key", "a"), ("Paste", HOSTILE), ("Key", "b")
    ]


@pytest.mark.parametrize("cut", range(1, 40))
def test_an_end_marker_inside_the_pasted_text_does_not_type_the_rest_as_keys(cut):
    """Pasting "x\x1b[201~vvv" ended the paste at the marker and typed v v v: three claims
    marked verified (tmux's paste-buffer -p passes the marker on)."""
    data = START + "safe" + END + "vvv\x1b[201~ddd" + END + "j"
    assert shown(parsed(data[:cut], data[cut:])) == [("Paste", "safevvvddd"), ("Key", "j")]


def test_a_paste_is_delivered_once_nothing_follows_its_end_and_a_new_paste_ends_it():
    parser = PasteParser()
    assert list(parser.feed(START + "one" + END)) == []  # might not be the end yet
    # a new paste: "one" ended; "k" could still be more of "two"
    assert shown(list(parser.feed(START + "two" + END + "k"))) == [("Paste", "one")]
    parser._held_at = float("-inf")  # the escape delay passed: it was the end
    assert shown(list(parser.tick())) == [("Paste", "two"), ("Key", "k")]
    assert shown(list(parser.feed("j"))) == [("Key", "j")]


def test_keys_around_a_paste_keep_their_order_and_a_lone_escape_is_let_go():
    parser = PasteParser()
    assert [e.key for e in parser.feed("jk")] == ["j", "k"]
    assert list(parser.feed("\x1b")) == []  # could start a paste: held for the next read
    parser._held_at = float("-inf")  # ... or until the escape delay has passed
    assert [e.key for e in parser.tick()] == ["escape"]
    assert list(parser.feed("\x1b[2")) == []
    parser._held_at = float("-inf")
    assert [e.key for e in parser.tick()] != []  # typed keys after all: let go
    assert [e.key for e in parser.feed("q")] == ["q"]


def test_the_terminal_driver_reads_with_the_paste_parser(ws, article_id):
    assert make_app(ws, article_id).get_driver_class() is PasteSafeDriver


class _PipeDriver(PasteSafeDriver):
    """The terminal driver reading a pipe; its events go to a queue, and a Paste ends it."""

    def __init__(self, app, fd: int) -> None:
        super().__init__(app)
        self.fileno = fd
        self.got: queue.Queue = queue.Queue()

    def process_message(self, message) -> None:
        self.got.put(message)
        if isinstance(message, events.Paste):
            self.exit_event.set()


async def test_the_driver_input_thread_delivers_a_hostile_paste_whole(ws, article_id):
    """Textual's own input loop, fed bytes a terminal sends: one Paste, no keys first."""
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGTSTP, signal.SIGCONT)}
    read_fd, write_fd = os.pipe()
    try:
        driver = _PipeDriver(make_app(ws, article_id), read_fd)
        thread = threading.Thread(target=driver.run_input_thread, daemon=True)
        thread.start()
        os.write(write_fd, (START + HOSTILE + END).encode())
        seen = []
        while not seen or not isinstance(seen[-1], events.Paste):
            seen.append(driver.got.get(timeout=120))  # a guard against a hang, not a window
        thread.join(timeout=120)
    finally:
        os.close(write_fd)
        os.close(read_fd)
        for sig, handler in saved.items():
            signal.signal(sig, handler)
    assert [type(e).__name__ for e in seen] == ["Paste"]
    assert seen[0].text == HOSTILE


async def test_a_hostile_paste_lands_in_the_note_literally_and_clean(ws, article_id):
    claim = ws.claims(article_id)[0]
    app = make_app(ws, article_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, NoteEditor)
        app.post_message(events.Paste("[bold]x[/] " + HOSTILE + "\r\nsecond\rthird"))
        await settle(pilot)
        area = app.screen.query_one(TextArea)
        assert area.text == "[bold]x[/] one red two three four five\nsecond\nthird"
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert ws.verdict(article_id, claim.id).note == (
        "[bold]x[/] one red two three four five\nsecond\nthird"
    )


async def test_a_hostile_paste_into_a_one_line_field_is_clean(ws, article_id):
    app = make_app(ws, article_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        field = app.screen.query_one(Input)
        assert field.has_focus
        app.post_message(events.Paste("https://ex.example/\x1b[8m?q=\x07hidden"))
        await settle(pilot)
        assert field.value == "https://ex.example/?q=hidden"
