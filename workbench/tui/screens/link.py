"""Add or edit an evidence link: URL, stance, optional title. Bad URLs are refused inline.

A URL the claim already has is that link, edited: its stance and title are filled in
from it (typing the same URL again never silently resets its stance to "context")."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, RadioButton, RadioSet, Static

from workbench.core.models import STANCES, Link
from workbench.core.text import one_line

from .. import render
from ..widgets.toggles import Choice, MarkedRadioButton


@dataclass(frozen=True)
class LinkForm:
    """What the dialog was filled in with."""

    url: str
    stance: str
    title: str


def _same_url(a: str, b: str) -> bool:
    from workbench.core.net.links import normalize_url

    try:
        return normalize_url(a) == normalize_url(b)
    except Exception:  # not a URL yet (still being typed)
        return a.strip() == b.strip()


class LinkDialog(ModalScreen[LinkForm | None]):
    """Dismisses with a LinkForm or None."""

    BINDINGS = [
        # not a priority binding: that would run ahead of keys still queued for the field
        # (text typed just before ctrl+s was lost)
        Binding("ctrl+s", "submit", "Save", id="link_submit"),
        # enter in the stance row saves too (a text field's enter is its own)
        Binding("enter", "submit", "Save", show=False, id="link_submit_enter"),
        Binding("escape", "cancel", "Cancel", id="link_cancel"),
    ]

    def __init__(
        self,
        label: str,
        validate: Callable[[str], str | None],
        links: Sequence[Link] = (),
        *,
        editing: Link | None = None,
        cursor_blink: bool = True,
    ) -> None:
        super().__init__()
        self.label = label
        self.check_url = validate
        self.links = list(links)
        self.editing = editing
        self.cursor_blink = cursor_blink
        self._matched: Link | None = None
        self._proposed = ""
        """The URL typed without its scheme, with https:// put in front for the reviewer to
        check (a second enter saves it)."""

    def compose(self) -> ComposeResult:
        start = self.editing
        head = "Edit evidence link — " if start else "Evidence link — "
        with Vertical(classes="dialog", id="link-dialog"):
            yield Static(render.line(head + self.label, 70, "bold"), markup=False)
            url = Input(start.url if start else "", placeholder="https://…", id="link-url",
                        disabled=start is not None)
            url.cursor_blink = self.cursor_blink
            yield url
            yield Static("", markup=False, id="link-error")
            stance = start.stance if start else "context"
            with Choice(id="link-stance"):
                for name in STANCES:
                    yield MarkedRadioButton(name, value=name == stance, id=f"stance-{name}")
            title = Input(start.title if start else "", placeholder="title (optional)",
                          id="link-title")
            title.cursor_blink = self.cursor_blink
            yield title
            yield Static(
                render.hint(
                    "enter / ctrl+s: save   tab: next field   ←/→: stance   escape: cancel"),
                markup=False,
            )

    def on_mount(self) -> None:
        if self.editing is not None:
            self.query_one(RadioSet).focus()
        else:
            self.query_one("#link-url", Input).focus()

    def stance(self) -> str:
        pressed = self.query_one(RadioSet).pressed_button
        if pressed is None or pressed.id is None:
            return "context"
        return pressed.id.removeprefix("stance-")

    def _set_stance(self, stance: str) -> None:
        for button in self.query(RadioButton):
            if button.id == f"stance-{stance}":
                button.value = True

    @on(Input.Changed, "#link-url")
    def _url_changed(self, event: Input.Changed) -> None:
        # An error about the previous URL would be stale once the URL changes.
        box = self.query_one("#link-error", Static)
        if event.value != self._proposed:
            box.update("")
        if self.editing is not None:
            return
        url = one_line(event.value)
        match = next((link for link in self.links if url and _same_url(link.url, url)), None)
        if match is self._matched:
            return
        self._matched = match
        if match is not None:
            self._set_stance(match.stance)
            self.query_one("#link-title", Input).value = match.title
            box.update(render.line("This claim already has this link: saving edits its "
                                   "stance and title.", style="dim"))

    @on(Input.Submitted)
    def action_submit(self) -> None:
        url = one_line(self.query_one("#link-url", Input).value)
        error = self.check_url(url) if url else "Type the URL of the evidence."
        box = self.query_one("#link-error", Static)
        if error and self._propose_scheme(url):
            box.update(render.line("It had no http:// or https://: https:// is put in front. "
                                   "Check it; enter saves it.", style="bold #d4a72c"))
            self.query_one("#link-url", Input).focus()
            return
        if error:
            box.update(render.line(error, style="bold #f85149"))
            self.query_one("#link-url", Input).focus()
            return
        box.update("")
        title = one_line(self.query_one("#link-title", Input).value, 300)
        self.dismiss(LinkForm(url=url, stance=self.stance(), title=title))

    def _propose_scheme(self, url: str) -> bool:
        """A web address typed as a browser shows it (``en.kremlin.ru/events/1``): put
        https:// in front when that makes a link the rules accept, for the reviewer to
        confirm. Nothing is saved that the rules refuse, nor without a second enter."""
        host = url.split("/", 1)[0]
        if self.editing is not None or "://" in url or ":" in host or "." not in host:
            return False
        proposed = "https://" + url
        if self.check_url(proposed):
            return False
        self._proposed = proposed
        self.query_one("#link-url", Input).value = proposed
        return True

    def action_cancel(self) -> None:
        self.dismiss(None)
