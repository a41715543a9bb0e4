"""Reword a claim: the reviewer's label (the extracted one stays in history and in the
JSON export as ``extracted_label``). An empty label goes back to the extracted one."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from workbench.core.models import Claim
from workbench.core.text import one_line

from .. import render


class LabelDialog(ModalScreen[str | None]):
    """Dismisses with the new label ("" = back to the extracted label), or None."""

    BINDINGS = [
        # not a priority binding: that would run ahead of keys still queued for the field
        # (text typed just before ctrl+s was lost)
        Binding("ctrl+s", "save", "Save", id="label_save"),
        Binding("escape", "cancel", "Cancel", id="label_cancel"),
    ]

    def __init__(self, claim: Claim, label: str, cursor_blink: bool = True) -> None:
        super().__init__()
        self.claim = claim
        self.label = label
        self.cursor_blink = cursor_blink

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="label-dialog"):
            yield Static(render.line("Reword the claim", style="bold"), markup=False)
            yield Static(render.sentence(self.claim), markup=False, id="label-sentence")
            box = Input(self.label, placeholder="the claim in the desk's words", id="label-text")
            box.cursor_blink = self.cursor_blink
            yield box
            yield Static(render.line("extracted as: " + (self.claim.label or self.claim.anchor),
                                     300, "dim"), markup=False)
            yield Static(render.hint("enter / ctrl+s: save   empty: back to the extracted "
                                     "label   escape: cancel"), markup=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def action_save(self) -> None:
        text = one_line(self.query_one(Input).value, 500)
        self.dismiss(None if text == self.label else text)

    def action_cancel(self) -> None:
        self.dismiss(None)
