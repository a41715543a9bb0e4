"""Manage a claim's evidence links: list them, remove the highlighted one."""

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


class LinksDialog(ModalScreen[None]):
    BINDINGS = [
        Binding("delete,backspace,x", "remove", "Remove", id="links_remove"),
        Binding("escape,q,L", "close", "Close", id="links_close"),
    ]

    def __init__(
        self, label: str, verdict: Verdict, remove: Callable[[str], Verdict | None]
    ) -> None:
        super().__init__()
        self.label = label
        self.verdict = verdict
        self.remove_link = remove

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="links-dialog"):
            yield Static(render.line("Evidence links — " + self.label, 70, "bold"), markup=False)
            yield OptionList(id="links-list", markup=False)
            yield Static(
                render.hint("x / delete: remove   escape: close"), markup=False
            )

    def on_mount(self) -> None:
        self.fill()
        self.query_one(OptionList).focus()

    def fill(self) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        if not self.verdict.links:
            options.add_option(Option(render.line("(no links — press l on a claim to add one)"),
                                      disabled=True))
            return
        for link in self.verdict.links:
            prompt = Content("\n").join(render.link_lines([link], 80))
            options.add_option(Option(prompt, id=link.url))
        options.highlighted = 0

    def action_remove(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is None or not self.verdict.links:
            return
        url = options.get_option_at_index(options.highlighted).id
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
