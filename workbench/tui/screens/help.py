"""The help overlay: every binding with its current key (keymap overrides included).

The keys are one table whose action column wraps to the width of the dialog, so every
description and binding id (the name a ``[keymap]`` entry needs) is shown whole at 80
columns as at 120 (a fixed-width table cut them: "Dismiss: not a checkable claim (counts
as reviewe…", "cursor_d")."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from workbench.core.models import STATUSES

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


def _grid(cells: list[Text], columns: int) -> Table:
    grid = Table.grid(expand=True, padding=(0, 2))
    for _ in range(columns):
        grid.add_column(ratio=1, overflow="fold")
    for i in range(0, len(cells), columns):
        grid.add_row(*cells[i:i + columns])
    return grid


def _item(mark: str, meaning: str, color: str = "") -> Text:
    text = Text(mark, style=f"bold {color}".strip(), end="")
    text.append(f" {meaning}")
    return text


def legend(width: int = 120) -> Group:
    """What the claims list's marks mean (a new reviewer meets ✗, ?, ↗2 and ≈ before
    any key): each status's mark in its colour, then the markers and the worth column;
    grids whose cells wrap on their own, so a mark never ends a line and its meaning
    starts the next. ``width``: the terminal's (fewer columns below 80)."""
    statuses = [_item(render.STATUS_MARK[s], render.STATUS_LABEL[s], render.STATUS_COLOR[s])
                for s in STATUSES]
    markers = [_item("✎", "a note"), _item("↗2", "two evidence links"),
               _item("≈", "checked before (M applies it)"), _item("≠", "a merge conflict"),
               _item("◆ana", "a colleague is on it"),
               _item("worth", "check-worthiness 0–1 (s sorts)")]
    wide = width >= 80
    return Group(_grid(statuses, 4 if wide else 2), _grid(markers, 2 if wide else 1),
                 Text(""))


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

    def __init__(self, rows: list[tuple[str, str, str]], advance: bool = False,
                 title: str = "Keys — every change is saved at once",
                 legend: bool = True) -> None:
        super().__init__()
        self.rows = rows
        self.advance = advance
        self.title_text = title
        self.with_legend = legend
        """The claims list's marks (the review screen's help; the picker has none)."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="help-dialog"):
            title = self.title_text
            if self.advance:
                title += "; marking moves to the next claim"
            yield Static(render.line(title, style="bold"), markup=False)
            with VerticalScroll(id="help-table"):
                if self.with_legend:
                    yield Static(render.line("The claims list", style="bold"), markup=False)
                    yield Static(legend(self.app.size.width), id="help-legend")
                yield Static(render.line("Keys", style="bold"), markup=False)
                yield Static(keys_table(self.rows), id="help-keys")
            yield Static(render.hint("j / k, ↓ / ↑: scroll   g / G: top / end   "
                                     "escape / ?: close   ctrl+p: command palette"),
                         markup=False)

    def on_mount(self) -> None:
        self.query_one("#help-table", VerticalScroll).focus()

    def on_resize(self) -> None:
        for shown in self.query("#help-legend").results(Static):
            shown.update(legend(self.app.size.width))

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
