"""Shown while a worker reads, fetches or extracts a new article.

Each step has its own line: fetching the page, loading the language model (spaCy,
most of the wait on a first run: an indeterminate bar that moves), finding the
claims (a bar of parsed paragraphs)."""

from __future__ import annotations

import threading

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import Footer, ProgressBar, Static

from .. import render
from ..messages import AppAction


class LoadingScreen(Screen):
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="loading_cancel"),
        Binding("q", "quit", "Quit", id="loading_quit"),
        Binding("o", "picker", "Articles", id="loading_picker"),
    ]

    def __init__(self, what: str, cancel: threading.Event | None = None) -> None:
        super().__init__()
        self.what = what
        self.cancel = cancel

    def compose(self) -> ComposeResult:
        with Middle():
            with Center():
                yield Static(render.line(self.what, 70, "bold"), markup=False, id="loading-what")
            with Center():
                yield ProgressBar(
                    total=None, show_eta=False, show_percentage=False, id="loading-bar"
                )
            with Center():
                yield Static(render.hint("Starting…"), markup=False, id="loading-step")
            with Center():
                yield Static(render.hint("escape: cancel   q: quit"), markup=False,
                             id="loading-note")
        yield Footer()

    def step(self, text: str) -> None:
        """A new step began: say which; its length is not known yet (moving bar)."""
        self.query_one("#loading-step", Static).update(render.line(text, 80, "bold"))
        self.query_one("#loading-bar", ProgressBar).update(total=None, progress=0)

    def progress(self, done: int, total: int) -> None:
        """Show how many paragraphs the worker has parsed."""
        self.query_one("#loading-bar", ProgressBar).update(total=max(total, 1), progress=done)

    def failed(self, message: str) -> None:
        self.query_one("#loading-bar", ProgressBar).display = False
        self.query_one("#loading-note", Static).update(
            render.line("Could not open it: " + message, 200, "bold #f85149")
        )

    def action_cancel(self) -> None:
        """Stop the fetch or the extraction in progress (between paragraphs)."""
        if self.cancel is not None and not self.cancel.is_set():
            self.cancel.set()
            self.query_one("#loading-note", Static).update(render.hint("Cancelling…"))

    def action_quit(self) -> None:
        if self.cancel is not None:
            self.cancel.set()  # the worker stops at the next paragraph, so quitting is quick
        self.app.exit()

    def action_picker(self) -> None:
        self.post_message(AppAction("open_picker"))
