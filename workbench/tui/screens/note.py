"""The note editor: a multi-line TextArea in a modal. ctrl+s saves, escape cancels.

The claim's sentence stays visible above the text while the reviewer writes."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from workbench.core.models import Claim
from workbench.core.text import strip_controls

from .. import render
from .confirm import Confirm


class NoteEditor(ModalScreen[str | None]):
    """Dismisses with the new note, or None when cancelled."""

    BINDINGS = [
        # not a priority binding: that would run ahead of keys still queued for the field
        # (text typed just before ctrl+s was lost)
        Binding("ctrl+s", "save", "Save", id="note_save"),
        Binding("escape", "cancel", "Cancel", id="note_cancel"),
    ]

    def __init__(
        self, label: str, note: str, claim: Claim | None = None, cursor_blink: bool = True
    ) -> None:
        super().__init__()
        self.label = label
        self.claim = claim
        self.original = strip_controls(note)
        self.cursor_blink = cursor_blink

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="note-dialog"):
            yield Static(render.line("Note — " + self.label, 70, "bold"), markup=False)
            if self.claim is not None:
                yield Static(render.sentence(self.claim), markup=False, id="note-sentence")
            area = TextArea(self.original, id="note-text", soft_wrap=True)
            area.cursor_blink = self.cursor_blink
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
