"""A one-line question: a new title, the file or address of an article to add."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from workbench.core.text import one_line, strip_controls

from .. import render


class LineDialog(ModalScreen[str | None]):
    """Dismisses with the text typed (one line, trimmed), or None: escape, or the text it
    started with unchanged."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="line_cancel")]

    def __init__(
        self,
        heading: str,
        text: str = "",
        *,
        placeholder: str = "",
        empty: str = "Nothing typed.",
        hint: str = "enter: save   escape: cancel",
        name: str = "line",
        exact: bool = False,
    ) -> None:
        super().__init__()
        self.heading = heading
        self.start_text = text
        self.placeholder = placeholder
        self.empty = empty
        self.hint = hint
        self.key = name
        """The ids: ``NAME-dialog`` and ``NAME-text``."""
        self.exact = exact
        """Keep the text as typed (a path or an address: no space folded, no length cut);
        else one clean line of at most 300 characters."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog small", id=f"{self.key}-dialog"):
            yield Static(render.line(self.heading, style="bold"), markup=False)
            yield Input(self.start_text, placeholder=self.placeholder, id=f"{self.key}-text")
            yield Static(render.hint(self.hint), markup=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _save(self) -> None:
        value = self.query_one(Input).value
        text = strip_controls(value).strip() if self.exact else one_line(value, 300)
        if not text:
            self.notify(self.empty, severity="warning")
            return
        self.dismiss(None if text == self.start_text else text)

    def action_cancel(self) -> None:
        self.dismiss(None)
