"""Export a verdict report: format, scope, optional status filter, path; for ClaimReview
the publishing page's URL and organization. Built and written by services.exporting."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, RadioSet, Static

from workbench.core.errors import WorkbenchError
from workbench.core.export import FORMATS, SUFFIXES, ExportOptions
from workbench.core.store.interface import Store
from workbench.core.text import one_line

from .. import render
from ..widgets.toggles import Choice, MarkedCheckbox, MarkedRadioButton


def default_name(title: str, fmt: str) -> str:
    """The report's file name from the article's title: ASCII words (accents dropped, an
    apostrophe joins its word) up to 40 characters, never cut inside a word ("Café ... in
    München" made "caf-...-m-nchen", "governor's race: candidates trade" made
    "governor-s-race-candidates-tra")."""
    plain = unicodedata.normalize("NFKD", one_line(title)).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", re.sub(r"'", "", plain.lower()))
    if not words:
        return f"report{SUFFIXES.get(fmt, '.txt')}"
    slug = words[0][:40]
    for word in words[1:]:
        if len(slug) + 1 + len(word) > 40:
            break
        slug += "-" + word
    return f"{slug}-report{SUFFIXES.get(fmt, '.txt')}"


def proposed_path(title: str, fmt: str, folder: str | None = None) -> str:
    """The report's proposed full path: in ``folder`` (default: the current folder),
    named for the article, never an existing file's name (``-2``, ``-3``, ... added)."""
    from workbench.core.services.exporting import report_path, unused_path

    return str(unused_path(report_path(default_name(title, fmt), base=folder)))


@dataclass
class ExportMemory:
    """What this session's last report used, proposed by the next export dialog: the
    folder it went to and the ClaimReview page URL and organization typed (a desk
    exporting md, then html, then ClaimReview typed them again each time)."""

    folder: str | None = None
    url: str = ""
    org: str = ""


class ExportDialog(ModalScreen[None]):
    BINDINGS = [
        # not a priority binding: that would run ahead of keys still queued for the field
        # (text typed just before ctrl+s was lost)
        Binding("ctrl+s", "export", "Export", id="export_submit"),
        # enter in the format row exports too (a text field's enter is its own)
        Binding("enter", "export", "Export", show=False, id="export_submit_enter"),
        Binding("escape", "cancel", "Cancel", id="export_cancel"),
    ]

    def __init__(
        self,
        ws: Store,
        article_id: str,
        options: ExportOptions | None = None,
        cursor_blink: bool = True,
        memory: ExportMemory | None = None,
    ) -> None:
        super().__init__()
        self.ws = ws
        self.memory = memory if memory is not None else ExportMemory()
        self.cursor_blink = cursor_blink
        self.options = options  # ExportOptions (ClaimReview url/org from the config)
        self.article_id = article_id
        try:
            self.title_text = ws.article(article_id).title or "report"
        except WorkbenchError:
            self.title_text = "report"
        self.proposed = proposed_path(self.title_text, "md", self._folder())
        """The path the dialog proposed (a format change proposes a new one while the
        reviewer has not typed another)."""
        self.replace_ok: str | None = None
        """The existing file the reviewer agreed to replace."""

    def _folder(self) -> str | None:
        """The folder the last report went to, while it is still there."""
        import os

        folder = self.memory.folder
        return folder if folder and os.path.isdir(folder) else None

    def compose(self) -> ComposeResult:
        options = self.options
        url = (options.url if options else None) or self.memory.url
        org = (options.org if options else None) or self.memory.org
        with Vertical(classes="dialog", id="export-dialog"):
            yield Static(render.line("Export a report", style="bold"), markup=False)
            with Horizontal(classes="export-row"):
                yield Static("format", classes="export-label", markup=False)
                with Choice(id="export-format", compact=True):
                    for fmt in FORMATS:
                        yield MarkedRadioButton(fmt, value=fmt == "md", id=f"fmt-{fmt}",
                                                compact=True)
            with Horizontal(classes="export-row"):
                yield Static("", classes="export-label", markup=False)
                yield MarkedCheckbox("every article in the workspace (not just this one)",
                                     id="export-all", compact=True)
            yield from self._field("statuses", Input(
                placeholder="only these, e.g. false,disputed (empty: all but dismissed)",
                id="export-statuses", compact=True))
            yield from self._field("save as", Input(self.proposed, id="export-path",
                                                    compact=True))
            yield from self._field("page URL", Input(
                url or "", id="export-url", compact=True,
                placeholder="ClaimReview: URL of the page that publishes the check"))
            yield from self._field("org", Input(
                org or "", id="export-org", compact=True,
                placeholder="ClaimReview: the publishing organization"))
            yield Static("", markup=False, id="export-error")
            yield Static(
                render.hint(
                    "ctrl+s / enter: export   ←/→: format   space: tick the box   tab: next "
                    "field   escape: cancel   save as: the full path; an existing file is "
                    "replaced only if you say so"
                ),
                markup=False,
            )

    def _field(self, label: str, box: Input) -> ComposeResult:
        box.cursor_blink = self.cursor_blink
        with Horizontal(classes="export-row"):
            yield Static(label, classes="export-label", markup=False)
            yield box

    def on_mount(self) -> None:
        self.query_one(RadioSet).focus()

    def fmt(self) -> str:
        pressed = self.query_one(RadioSet).pressed_button
        return (pressed.id or "fmt-md").removeprefix("fmt-") if pressed else "md"

    @on(RadioSet.Changed)
    def _format_changed(self) -> None:
        from pathlib import PurePath

        box = self.query_one("#export-path", Input)
        if box.value == self.proposed:
            self.proposed = box.value = proposed_path(self.title_text, self.fmt(), self._folder())
            return
        typed = PurePath(box.value)
        box.value = str(typed.with_suffix(SUFFIXES.get(self.fmt(), ""))) if typed.name \
            else box.value

    @on(Input.Submitted)
    def action_export(self) -> None:
        error = self.query_one("#export-error", Static)
        path = one_line(self.query_one("#export-path", Input).value)
        statuses = one_line(self.query_one("#export-statuses", Input).value) or None
        if not path:
            error.update(render.line("Type the path of the report.", style="bold #f85149"))
            return
        from workbench.core.services.exporting import (
            ExportRequest,
            export_report,
            report_path,
            would_replace,
            write_output,
        )

        missing = self._claimreview_missing()
        if missing is not None:
            text, field = missing
            error.update(render.line(text, 200, "bold #f85149"))
            self.query_one(field, Input).focus()
            return
        target = report_path(path)
        if would_replace(target) and self.replace_ok != str(target):
            self._ask_replace(str(target))
            return

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
            written = write_output(target, result.text, replace=self.replace_ok == str(target))
        except WorkbenchError as exc:
            text = render.message(exc)
            error.update(render.line(text[:1].upper() + text[1:], 200, "bold #f85149"))
            return
        if target.parent.is_dir() and target.is_file():  # not a FIFO or a device
            self.memory.folder = str(target.parent)
        self.memory.url = request.url or self.memory.url
        self.memory.org = request.org or self.memory.org
        note = f"Report written: {render.message(written, 400)} ({result.claims} claims)"
        for warning in result.warnings:
            note += f"; {render.message(warning, 120)}"
        self.notify(note, markup=False, timeout=6,
                    severity="warning" if result.warnings else "information")
        self.dismiss(None)

    def _claimreview_missing(self) -> tuple[str, str] | None:
        """What ClaimReview still needs, in this dialog's words, and the field to fill
        in (the service's words name the command's --url and --org)."""
        if self.fmt() != "claimreview":
            return None
        if not one_line(self.query_one("#export-url", Input).value):
            return ("ClaimReview needs the URL of the page that publishes the fact check: "
                    "fill in page URL (or set url in the config file).", "#export-url")
        if not one_line(self.query_one("#export-org", Input).value):
            return ("ClaimReview needs the publishing organization (its author): fill in "
                    "org (or set org in the config file).", "#export-org")
        return None

    def _ask_replace(self, target: str) -> None:
        from .confirm import Confirm

        def answer(yes: bool | None) -> None:
            if yes:
                self.replace_ok = target
                self.action_export()
                return
            self.query_one("#export-error", Static).update(render.line(
                "Not replaced: type another file name.", style="bold #f85149"))
            self.query_one("#export-path", Input).focus()

        self.app.push_screen(Confirm(f"{render.message(target, 200)} exists. Replace it?"),
                             answer)

    def action_cancel(self) -> None:
        self.dismiss(None)
