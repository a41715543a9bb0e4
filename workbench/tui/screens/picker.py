"""The article picker: the workspace's articles with their review progress; on a team
workspace also who each article is assigned to and who has it open now, and the
server's connection in the title line."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Static

from workbench.core.services.presence import Board
from workbench.core.store.results import ArticleSummary

from .. import render
from ..messages import ArticleChosen
from ..team import TeamState, connection_segment, who_cells
from ..widgets.footer import FittingFooter


class ArticlesTable(DataTable):
    """The picker's table: enter opens the article under the cursor (RowSelected), shown
    as "⏎ Open" in the footer. A binding of the table, not a priority one of the screen:
    that ran ahead of keys still queued for the table (j then enter opened the article
    under the old cursor)."""

    BINDINGS = [Binding("enter", "select_cursor", "Open", id="picker_open")]


class PickerScreen(Screen):
    BINDINGS = [
        Binding("j", "move(1)", "Down", show=False, id="picker_down"),
        Binding("k", "move(-1)", "Up", show=False, id="picker_up"),
        Binding("a", "add", "Add article", id="picker_add"),
        Binding("r", "rename", "Rename", id="picker_rename"),
        Binding("delete,D", "remove", "Remove", id="picker_remove",
                tooltip="Take the article out of the workspace (asks first; ctrl+z undoes it)"),
        # a rename here was undoable only from the claims list: ctrl+z did nothing here
        Binding("ctrl+z", "history(False)", "Undo", id="picker_undo"),
        Binding("ctrl+y", "history(True)", "Redo", show=False, id="picker_redo"),
        Binding("escape", "back", "Back", id="picker_back"),
        Binding("question_mark", "help", "Help", show=False, id="picker_help",
                tooltip="Help: the picker's keys"),
        Binding("q", "quit", "Quit", id="picker_quit"),
    ]
    AUTO_FOCUS = "#articles"

    def __init__(self, summaries: list[ArticleSummary], can_go_back: bool,
                 board: Board | Any = None, me: str = "", team: TeamState | None = None) -> None:
        super().__init__()
        self.summaries = summaries
        self.can_go_back = can_go_back
        self.board: Board | None = board
        """Who works on what (a team workspace), None on a local folder."""
        self.me = me
        self.team = team

    @dataclass
    class RenameAsked(Message):
        """The reviewer gave an article a new title (the app stores it)."""

        article_id: str
        title: str

    @dataclass
    class AddAsked(Message):
        """The reviewer named an article to add: a file or an http(s) address (the app
        reads it, extracts its claims and opens it)."""

        target: str

    @dataclass
    class RemoveAsked(Message):
        """The reviewer confirmed taking an article out of the workspace (the app does it)."""

        article_id: str

    @dataclass
    class HistoryAsked(Message):
        """Undo (or redo) the workspace's last change (the app does it)."""

        redo: bool

    def action_history(self, redo: bool) -> None:
        self.post_message(self.HistoryAsked(redo))

    def refresh_summaries(self, summaries: list[ArticleSummary], board: Any = None) -> None:
        self.summaries = summaries
        if board is not None:
            self.board = board
        if not self.is_mounted or not self.query("#articles"):
            return  # being taken down (a live signal can arrive while the app closes)
        self.refresh_team()
        self.fill()

    def title_line(self) -> Any:
        title = render.line(f"Articles in this workspace ({len(self.summaries)})", style="bold")
        width = self.size.width or self.app.size.width
        segment = connection_segment(self.team)
        if segment is None:
            return title
        if title.cell_length + 2 + segment.cell_length > width - 2:
            segment = connection_segment(self.team, short=True) or segment
        return Content.assemble(title, "  ", segment)

    def refresh_team(self) -> None:
        """The server's connection changed (the title line says it)."""
        for title in self.query("#picker-title").results(Static):
            title.update(self.title_line())

    def _current(self) -> ArticleSummary | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((s for s in self.summaries if s.id == key), None)

    def action_rename(self) -> None:
        summary = self._current()
        if summary is None:
            return
        from .rename import RenameDialog

        def done(title: str | None) -> None:
            if title:
                self.post_message(self.RenameAsked(summary.id, title))

        self.app.push_screen(RenameDialog(summary.title or ""), done)

    def action_remove(self) -> None:
        summary = self._current()
        if summary is None:
            return
        from .confirm import Confirm

        def done(yes: bool | None) -> None:
            if yes:
                self.post_message(self.RemoveAsked(summary.id))

        title = render.message(summary.title or summary.source or summary.id, 60)
        self.app.push_screen(
            Confirm(f"Remove “{title}” ({summary.reviewed}/{summary.claims} claims reviewed) "
                    "from the workspace? Its verdicts are kept: ctrl+z brings it back."),
            done,
        )

    def action_help(self) -> None:
        """``?`` here too (the README's first hint; it did nothing in the picker)."""
        from .help import HelpScreen

        keys_for = getattr(self.app, "keys_for", None)
        rows = [(keys_for(b) if keys_for else b.key, b.tooltip or b.description, b.id or "")
                for b in [*ArticlesTable.BINDINGS, *self.BINDINGS]
                if isinstance(b, Binding) and b.id not in ("picker_help",)]
        self.app.push_screen(HelpScreen(rows, title="Articles — every change is saved at once",
                                        legend=False))

    def action_add(self) -> None:
        from .line import LineDialog

        def done(target: str | None) -> None:
            if target:
                self.post_message(self.AddAsked(target))

        self.app.push_screen(
            LineDialog("Add an article: its file or its web address", placeholder=
                       "path/to/article.txt or https://…", empty="Name a file or an address.",
                       hint="enter: add it and open it   escape: cancel",
                       name="add-article", exact=True),
            done,
        )

    def compose(self) -> ComposeResult:
        yield Static(self.title_line(), markup=False, id="picker-title")
        yield ArticlesTable(id="articles", cursor_type="row")
        yield Static("", markup=False, id="picker-empty")
        yield FittingFooter()

    def on_mount(self) -> None:
        self.fill()

    def _show_empty(self) -> None:
        """The hint under an empty list (the last article removed shows it too)."""
        text = "" if self.summaries else (
            "No articles yet. Press a to add one: a file or a web address.")
        self.query_one("#picker-empty", Static).update(render.line(text))

    def fill(self) -> None:
        """Columns sized to the screen: title and source share what the fixed columns
        leave; the source is dropped when there is no room for it (80 columns)."""
        table = self.query_one(DataTable)
        keep = table.cursor_row
        table.clear(columns=True)
        width = self.size.width or self.app.size.width
        team = self.board is not None
        # a team workspace: "assigned" and "on it" (who has it open now) instead of
        # "updated" below 120 columns
        with_updated = not team or width >= 120
        with_bar = not team or width >= 80
        who_w = 10 if width < 100 else 14
        fixed = 8 + 8 + (10 + 2) * with_bar + 2 * 3 + 2  # id, reviewed, progress; padding, bar
        fixed += (16 + 2) * with_updated + (2 * who_w + 4) * team
        room = max(width - fixed, 20)
        with_source = room >= 60
        title_w = room - 2 - room // 3 if with_source else room
        widths = {"id": 8, "title": title_w, "reviewed": 8, "progress": 10,
                  "source": room // 3, "updated": 16, "assigned": who_w, "on it": who_w}
        labels = ["id", "title", "reviewed"] + ["progress"] * with_bar
        labels += ["source"] * with_source + ["assigned", "on it"] * team
        labels += ["updated"] * with_updated
        for label in labels:
            table.add_column(label, key=label, width=widths[label])
        for summary in self.summaries:
            title, reviewed, bar, source, updated = render.article_row(summary, title_w,
                                                                       room // 3)
            cells = [render.cell(summary.id[:8], 0, "dim"), title, reviewed]
            cells += [bar] if with_bar else []
            cells += [source] if with_source else []
            if self.board is not None:
                cells += who_cells(self.board.assignee(summary.id),
                                   self.board.on_article(summary.id, exclude=self.me), who_w)
            cells += [updated] if with_updated else []
            table.add_row(*cells, key=summary.id)
        if table.row_count:
            table.move_cursor(row=min(keep, table.row_count - 1), animate=False)
        self._show_empty()

    def on_resize(self) -> None:
        self.refresh_team()
        self.fill()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back" and not self.can_go_back:
            return False  # nothing to go back to: no "esc Back" in the footer
        return True

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
