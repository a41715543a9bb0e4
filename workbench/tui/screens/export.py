"""Export a verdict report: format, scope, optional status filter, path; for ClaimReview
the publishing page's URL and organization. Built and written by services.exporting."""

from __future__ import annotations

import re

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, RadioButton, RadioSet, Static

from workbench.core.errors import WorkbenchError
from workbench.core.export import FORMATS, SUFFIXES, ExportOptions
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
            options = self.options
            url = Input(options.url or "" if options else "", id="export-url",
                        placeholder="ClaimReview: URL of the page that publishes the check")
            org = Input(options.org or "" if options else "", id="export-org",
                        placeholder="ClaimReview: the publishing organization")
            for box in (url, org):
                box.cursor_blink = self.cursor_blink
                yield box
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
        statuses = one_line(self.query_one("#export-statuses", Input).value) or None
        if not path:
            error.update(render.line("Type the path of the report.", style="bold #f85149"))
            return
        from workbench.core.services.exporting import ExportRequest, export_report, write_output

        every = self.query_one("#export-all", Checkbox).value
        request = ExportRequest(
            fmt=self.fmt(),
            articles=() if every else (self.article_id,),
            every=every,
            statuses=statuses,
            url=one_line(self.query_one("#export-url", Input).value) or None,
            org=one_line(self.query_one("#export-org", Input).value) or None,
        )
        try:
            result = export_report(self.ws, request)
            written = write_output(path, result.text)
        except WorkbenchError as exc:
            text = render.message(exc)
            error.update(render.line(text[:1].upper() + text[1:], 200, "bold #f85149"))
            return
        note = f"Report written: {render.message(written, 120)} ({result.claims} claims)"
        for warning in result.warnings:
            note += f"; {render.message(warning, 120)}"
        self.notify(note, markup=False, timeout=6,
                    severity="warning" if result.warnings else "information")
        self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
