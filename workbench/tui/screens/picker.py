"""The article picker: the workspace's articles with their review progress."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from .. import render
from ..messages import ArticleChosen


class PickerScreen(Screen):
    BINDINGS = [
        Binding("enter", "choose", "Open", id="picker_open"),
        Binding("j", "move(1)", "Down", show=False, id="picker_down"),
        Binding("k", "move(-1)", "Up", show=False, id="picker_up"),
        Binding("escape", "back", "Back", id="picker_back"),
        Binding("q", "quit", "Quit", id="picker_quit"),
    ]
    AUTO_FOCUS = "#articles"

    def __init__(self, summaries: list[Any], can_go_back: bool) -> None:
        super().__init__()
        self.summaries = summaries
        self.can_go_back = can_go_back

    def compose(self) -> ComposeResult:
        yield Static(render.line(f"Articles in this workspace ({len(self.summaries)})",
                                 style="bold"), markup=False, id="picker-title")
        yield DataTable(id="articles", cursor_type="row")
        yield Static("", markup=False, id="picker-empty")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label in ("title", "reviewed", "progress", "source", "updated"):
            table.add_column(label, key=label)
        for summary in self.summaries:
            table.add_row(*render.article_row(summary), key=summary.id)
        if not self.summaries:
            self.query_one("#picker-empty", Static).update(render.line(
                "No articles yet. Quit (q) and run: workbench PATH-TO-ARTICLE.txt"))

    def action_move(self, delta: int) -> None:
        table = self.query_one(DataTable)
        table.move_cursor(row=table.cursor_row + delta, animate=False)

    @on(DataTable.RowSelected)
    def action_choose(self) -> None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        if key:
            self.post_message(ArticleChosen(key))

    def action_back(self) -> None:
        if self.can_go_back:
            self.dismiss()

    def action_quit(self) -> None:
        self.app.exit()
