"""The help overlay: every binding with its current key (keymap overrides included)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from .. import render


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,question_mark", "close", "Close", id="help_close"),
        Binding("j", "scroll(1)", "Down", show=False, id="help_down"),
        Binding("k", "scroll(-1)", "Up", show=False, id="help_up"),
    ]

    def __init__(self, rows: list[tuple[str, str, str]], advance: bool = False) -> None:
        super().__init__()
        self.rows = rows
        self.advance = advance

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="help-dialog"):
            title = "Keys — every change is saved at once"
            if self.advance:
                title += "; marking moves to the next claim"
            yield Static(render.line(title, style="bold"), markup=False)
            yield DataTable(id="help-table", cursor_type="row", show_cursor=False)
            yield Static(render.hint("j / k, ↓ / ↑: scroll   escape / ?: close   "
                                     "ctrl+p: command palette"),
                         markup=False)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("key", key="key")
        table.add_column("action", key="action")
        table.add_column("id", key="id")
        for keys, description, binding_id in self.rows:
            table.add_row(render.cell(keys, 24, "bold"), render.cell(description, 50),
                          render.cell(binding_id, 24, "dim"))
        table.focus()

    def action_scroll(self, step: int) -> None:
        """j / k scroll the list like the arrows."""
        table = self.query_one(DataTable)
        table.scroll_to(y=table.scroll_y + step, animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
