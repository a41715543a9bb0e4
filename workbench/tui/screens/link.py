"""Add an evidence link: URL, stance, optional title. Bad URLs are refused inline."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, RadioButton, RadioSet, Static

from workbench.core.models import STANCES
from workbench.core.text import one_line

from .. import render


class LinkDialog(ModalScreen[dict[str, str] | None]):
    """Dismisses with {"url", "stance", "title"} or None."""

    BINDINGS = [
        Binding("ctrl+s", "submit", "Add", id="link_submit", priority=True),
        Binding("escape", "cancel", "Cancel", id="link_cancel"),
    ]

    def __init__(self, label: str, validate: Callable[[str], str | None]) -> None:
        super().__init__()
        self.label = label
        self.check_url = validate

    def compose(self) -> ComposeResult:
        blink = self.app.cursor_blink  # type: ignore[attr-defined]
        with Vertical(classes="dialog", id="link-dialog"):
            yield Static(render.line("Evidence link — " + self.label, 70, "bold"), markup=False)
            url = Input(placeholder="https://…", id="link-url")
            url.cursor_blink = blink
            yield url
            yield Static("", markup=False, id="link-error")
            with RadioSet(id="link-stance"):
                for stance in STANCES:
                    yield RadioButton(stance, value=stance == "context", id=f"stance-{stance}")
            title = Input(placeholder="title (optional)", id="link-title")
            title.cursor_blink = blink
            yield title
            yield Static(
                render.hint("enter / ctrl+s: add   tab: next field   escape: cancel"),
                markup=False,
            )

    def on_mount(self) -> None:
        self.query_one("#link-url", Input).focus()

    def stance(self) -> str:
        pressed = self.query_one(RadioSet).pressed_button
        if pressed is None or pressed.id is None:
            return "context"
        return pressed.id.removeprefix("stance-")

    @on(Input.Changed, "#link-url")
    def _url_changed(self) -> None:
        # An error about the previous URL would be stale once the URL changes.
        self.query_one("#link-error", Static).update("")

    @on(Input.Submitted)
    def action_submit(self) -> None:
        url = one_line(self.query_one("#link-url", Input).value)
        error = self.check_url(url) if url else "Type the URL of the evidence."
        box = self.query_one("#link-error", Static)
        if error:
            box.update(render.line(error, style="bold #f85149"))
            self.query_one("#link-url", Input).focus()
            return
        box.update("")
        title = one_line(self.query_one("#link-title", Input).value, 300)
        self.dismiss({"url": url, "stance": self.stance(), "title": title})

    def action_cancel(self) -> None:
        self.dismiss(None)
