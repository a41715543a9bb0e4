"""Give an article a new title (its headline was missed, or it came from stdin)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from workbench.core.text import one_line

from .. import render


class RenameDialog(ModalScreen[str | None]):
    """Dismisses with the new title, or None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="rename_cancel")]

    def __init__(self, title: str) -> None:
        super().__init__()
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog small", id="rename-dialog"):
            yield Static(render.line("Rename the article", style="bold"), markup=False)
            yield Input(self.title_text, placeholder="title", id="rename-text")
            yield Static(render.hint("enter: save   escape: cancel"), markup=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _save(self) -> None:
        text = one_line(self.query_one(Input).value, 300)
        if not text:
            self.notify("The title is empty.", severity="warning")
            return
        self.dismiss(None if text == self.title_text else text)

    def action_cancel(self) -> None:
        self.dismiss(None)
