"""Manage a claim's evidence links: list them, edit (stance, title) or remove one."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from workbench.core.models import Verdict

from .. import render
from .confirm import Confirm
from .link import LinkDialog, LinkForm


class LinksDialog(ModalScreen[None]):
    BINDINGS = [
        Binding("e,enter", "edit", "Edit", id="links_edit"),
        Binding("delete,backspace,x", "remove", "Remove", id="links_remove"),
        Binding("escape,q,L", "close", "Close", id="links_close"),
        Binding("j", "move(1)", "Down", show=False, id="links_down"),
        Binding("k", "move(-1)", "Up", show=False, id="links_up"),
    ]

    def __init__(
        self,
        label: str,
        verdict: Verdict,
        remove: Callable[[str], Verdict | None],
        edit: Callable[[LinkForm], Verdict | None] | None = None,
        cursor_blink: bool = True,
    ) -> None:
        super().__init__()
        self.label = label
        self.verdict = verdict
        self.remove_link = remove
        self.edit_link = edit
        self.cursor_blink = cursor_blink

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="links-dialog"):
            yield Static(render.line("Evidence links — " + self.label, 70, "bold"), markup=False)
            yield OptionList(id="links-list", markup=False)
            yield Static(
                render.hint("j / k: move   e / enter: edit stance and title   "
                            "x / delete: remove   escape: close"), markup=False
            )

    def on_mount(self) -> None:
        self.fill()
        self.query_one(OptionList).focus()

    def fill(self) -> None:
        options = self.query_one(OptionList)
        keep = options.highlighted
        options.clear_options()
        if not self.verdict.links:
            options.add_option(Option(render.line("(no links — press l on a claim to add one)"),
                                      disabled=True))
            return
        for link in self.verdict.links:
            prompt = Content("\n").join(render.link_lines([link], 80))
            options.add_option(Option(prompt, id=link.url))
        options.highlighted = min(keep or 0, len(self.verdict.links) - 1)

    def action_move(self, step: int) -> None:
        """j / k move like the arrows, as in the claims list and the picker."""
        options = self.query_one(OptionList)
        if step > 0:
            options.action_cursor_down()
        else:
            options.action_cursor_up()

    def _highlighted_url(self) -> str | None:
        options = self.query_one(OptionList)
        if options.highlighted is None or not self.verdict.links:
            return None
        return options.get_option_at_index(options.highlighted).id

    def action_edit(self) -> None:
        url = self._highlighted_url()
        link = next((x for x in self.verdict.links if x.url == url), None)
        if link is None or self.edit_link is None:
            return
        save = self.edit_link

        def done(form: LinkForm | None) -> None:
            if form is None:
                return
            verdict = save(form)
            if verdict is not None:
                self.verdict = verdict
                self.fill()
                self.notify("Link saved (ctrl+z on the claims list undoes it).", timeout=3)

        self.app.push_screen(
            LinkDialog(self.label, lambda _url: None, editing=link,
                       cursor_blink=self.cursor_blink),
            done,
        )

    def action_remove(self) -> None:
        url = self._highlighted_url()
        if url is None:
            return

        def answer(yes: bool | None) -> None:
            if not yes:
                return
            verdict = self.remove_link(url)
            if verdict is not None:
                self.verdict = verdict
                self.fill()
                self.notify("Link removed (ctrl+z on the claims list undoes it).", timeout=3)

        self.app.push_screen(Confirm(f"Remove {render.message(url, 60)}?"), answer)

    def action_close(self) -> None:
        self.dismiss(None)
