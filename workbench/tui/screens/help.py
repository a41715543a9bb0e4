"""The help overlay: every binding with its current key (keymap overrides included).

The keys are one table whose action column wraps to the width of the dialog, so every
description and binding id (the name a ``[keymap]`` entry needs) is shown whole at 80
columns as at 120 (a fixed-width table cut them: "Dismiss: not a checkable claim (counts
as reviewe…", "cursor_d")."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from .. import render


def keys_table(rows: list[tuple[str, str, str]]) -> Table:
    """Key, action (wrapped), binding id: plain Text cells, never markup."""
    table = Table(box=None, expand=True, pad_edge=False, padding=(0, 1), show_edge=False,
                  header_style="bold")
    table.add_column("key", no_wrap=True, style="bold")
    table.add_column("action", ratio=1, overflow="fold")
    table.add_column("id", no_wrap=True, style="dim")
    for keys, description, binding_id in rows:
        table.add_row(render.cell(keys), Text(render.message(description, 0)),
                      render.cell(binding_id))
    return table


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,question_mark", "close", "Close", id="help_close"),
        Binding("j", "scroll(1)", "Down", show=False, id="help_down"),
        Binding("k", "scroll(-1)", "Up", show=False, id="help_up"),
        # g / G as in the claims list (they did nothing here: the list's last keys were
        # out of reach but by holding j)
        Binding("g", "edge(0)", "Top", show=False, id="help_top"),
        Binding("G", "edge(1)", "End", show=False, id="help_end"),
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
            with VerticalScroll(id="help-table"):
                yield Static(keys_table(self.rows), id="help-keys")
            yield Static(render.hint("j / k, ↓ / ↑: scroll   g / G: top / end   "
                                     "escape / ?: close   ctrl+p: command palette"),
                         markup=False)

    def on_mount(self) -> None:
        self.query_one("#help-table", VerticalScroll).focus()

    def action_scroll(self, step: int) -> None:
        """j / k scroll the list like the arrows."""
        view = self.query_one("#help-table", VerticalScroll)
        view.scroll_to(y=view.scroll_y + step, animate=False)

    def action_edge(self, end: int) -> None:
        view = self.query_one("#help-table", VerticalScroll)
        if end:
            view.scroll_end(animate=False)
        else:
            view.scroll_home(animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
