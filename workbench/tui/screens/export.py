"""Export a verdict report: format, scope, optional status filter, path."""

from __future__ import annotations

import re

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, RadioButton, RadioSet, Static

from workbench.core.errors import WorkbenchError
from workbench.core.export import FORMATS, SUFFIXES, ExportOptions, write_report
from workbench.core.models import STATUSES
from workbench.core.store.interface import Store
from workbench.core.text import one_line

from .. import render


def default_name(title: str, fmt: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", one_line(title).lower()).strip("-")[:40] or "report"
    return f"{slug}-report{SUFFIXES.get(fmt, '.txt')}"


class ExportDialog(ModalScreen[None]):
    BINDINGS = [
        Binding("ctrl+s", "export", "Export", id="export_submit", priority=True),
        Binding("escape", "cancel", "Cancel", id="export_cancel"),
    ]

    def __init__(
        self,
        ws: Store,
        article_id: str,
        options: ExportOptions | None = None,
        cursor_blink: bool = True,
    ) -> None:
        super().__init__()
        self.ws = ws
        self.cursor_blink = cursor_blink
        self.options = options  # ExportOptions (ClaimReview url/org from the config)
        self.article_id = article_id
        try:
            self.title_text = ws.article(article_id).title or "report"
        except WorkbenchError:
            self.title_text = "report"

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="export-dialog"):
            yield Static(render.line("Export a report", style="bold"), markup=False)
            with RadioSet(id="export-format"):
                for fmt in FORMATS:
                    yield RadioButton(fmt, value=fmt == "md", id=f"fmt-{fmt}")
            yield Checkbox("every article in the workspace (not just this one)", id="export-all")
            statuses = Input(placeholder="statuses to keep, e.g. false,disputed (empty: all)",
                             id="export-statuses")
            statuses.cursor_blink = self.cursor_blink
            yield statuses
            path = Input(default_name(self.title_text, "md"), id="export-path")
            path.cursor_blink = self.cursor_blink
            yield path
            yield Static("", markup=False, id="export-error")
            yield Static(
                render.hint(
                    "ctrl+s: export (enter in a text field too)   tab: next field   escape: cancel"
                ),
                markup=False,
            )

    def on_mount(self) -> None:
        self.query_one(RadioSet).focus()

    def fmt(self) -> str:
        pressed = self.query_one(RadioSet).pressed_button
        return (pressed.id or "fmt-md").removeprefix("fmt-") if pressed else "md"

    @on(RadioSet.Changed)
    def _format_changed(self) -> None:
        box = self.query_one("#export-path", Input)
        stem = box.value.rsplit(".", 1)[0] if "." in box.value else box.value
        box.value = stem + SUFFIXES.get(self.fmt(), "")

    @on(Input.Submitted)
    def action_export(self) -> None:
        error = self.query_one("#export-error", Static)
        path = one_line(self.query_one("#export-path", Input).value)
        raw = self.query_one("#export-statuses", Input).value
        statuses = [s.strip().replace(" ", "_") for s in raw.split(",") if s.strip()]
        bad = [s for s in statuses if s not in STATUSES]
        if bad:
            error.update(render.line(f"Unknown status: {', '.join(bad)} "
                                     f"(use {', '.join(STATUSES)})", 200, "bold #f85149"))
            return
        if not path:
            error.update(render.line("Type the path of the report.", style="bold #f85149"))
            return
        every = self.query_one("#export-all", Checkbox).value
        try:
            written = write_report(self.ws, self.fmt(), [] if every else [self.article_id], path,
                                   statuses=statuses or None, options=self.options)
        except WorkbenchError as exc:
            error.update(render.line(render.message(exc), 200, "bold #f85149"))
            return
        self.notify(f"Report written: {render.message(written, 120)}", markup=False, timeout=6)
        self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
