"""The note editor: a multi-line TextArea in a modal. ctrl+s saves, escape cancels."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from workbench.core.text import strip_controls

from .. import render
from .confirm import Confirm


class NoteEditor(ModalScreen[str | None]):
    """Dismisses with the new note, or None when cancelled."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="note_save", priority=True),
        Binding("escape", "cancel", "Cancel", id="note_cancel"),
    ]

    def __init__(self, label: str, note: str) -> None:
        super().__init__()
        self.label = label
        self.original = strip_controls(note)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="note-dialog"):
            yield Static(render.line("Note — " + self.label, 70, "bold"), markup=False)
            area = TextArea(self.original, id="note-text", soft_wrap=True)
            area.cursor_blink = self.app.cursor_blink  # type: ignore[attr-defined]
            yield area
            yield Static(
                render.hint("ctrl+s: save   escape: cancel"), markup=False
            )

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    @property
    def text(self) -> str:
        return strip_controls(self.query_one(TextArea).text).strip("\n")

    def action_save(self) -> None:
        self.dismiss(self.text)

    def action_cancel(self) -> None:
        if self.text == self.original.strip("\n"):
            self.dismiss(None)
            return

        def answer(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(Confirm("Discard your changes to this note?"), answer)
