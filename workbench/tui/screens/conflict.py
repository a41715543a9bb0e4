"""A colleague changed the same field: both values side by side, keep mine or theirs.

Dismisses with "mine" (write mine over theirs: a new change, in history, undoable),
"theirs" (drop mine; the claim shows theirs) or None (escape: the same as theirs,
nothing of mine is written). Every value is shown literally (untrusted text).
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from workbench.core.text import one_line

from .. import render
from ..kept import Disputed

FIELD_NAME = {"status": "status", "note": "note", "label": "wording", "links": "link"}


def value_content(field: str, value: Any) -> Content:
    """One side's value as the reviewer reads it."""
    if field == "status":
        return render.status_text(str(value or "unreviewed"))
    if field == "links":
        if value is None:
            return Content.styled("(no such link: removed)", "dim italic")
        if isinstance(value, tuple | list) and len(value) == 2 and not isinstance(value[0], dict):
            title, stance = value
            return Content.assemble(
                ("stance ", "dim"), render.line(stance or "context", 20, "bold"), "\n",
                ("title ", "dim"), render.line(title or "(none)", 300),
            )
        return render.line(f"{len(value or [])} link(s)")
    text = str(value or "")
    if not text.strip():
        return Content.styled("(empty)" if field == "note" else "(the extracted label)",
                              "dim italic")
    return render.safe(text)


class ConflictDialog(ModalScreen[str | None]):
    BINDINGS = [
        Binding("m", "choose('mine')", "Keep mine", id="conflict_mine"),
        Binding("t", "choose('theirs')", "Keep theirs", id="conflict_theirs"),
        Binding("escape", "choose('theirs')", "Keep theirs", show=False, id="conflict_cancel"),
    ]

    def __init__(self, disputed: Disputed, label: str, me: str) -> None:
        super().__init__()
        self.disputed = disputed
        self.label = label
        self.me = me

    def compose(self) -> ComposeResult:
        d = self.disputed
        name = FIELD_NAME.get(d.field, d.field)
        who = one_line(d.who, 40) or "a colleague"
        with Vertical(classes="dialog", id="conflict-dialog"):
            yield Static(Content.assemble(
                (f"{who} changed the {name} of this claim since you loaded it", "bold"),
            ), markup=False, id="conflict-title")
            yield Static(render.line(self.label, 300, "dim"), markup=False)
            if d.field == "links":
                yield Static(render.line("link " + str(d.kept.args[0]), 300, "dim"),
                             markup=False)
            with Horizontal(id="conflict-sides"):
                with Vertical(classes="conflict-side", id="conflict-theirs"):
                    when = render.message(d.when.replace("T", " ").rstrip("Z"), 30)
                    head = f"Theirs — {who}" + (f", {when}" if when else "")
                    yield Static(render.line(head, 60, "bold"), markup=False)
                    with VerticalScroll(classes="conflict-value"):
                        yield Static(value_content(d.field, d.theirs), markup=False,
                                     id="conflict-theirs-value")
                with Vertical(classes="conflict-side", id="conflict-mine"):
                    yield Static(render.line(f"Mine — {one_line(self.me, 30)} (not saved)",
                                             60, "bold"), markup=False)
                    with VerticalScroll(classes="conflict-value"):
                        yield Static(value_content(d.field, d.yours), markup=False,
                                     id="conflict-mine-value")
            yield Static(render.hint("m: keep mine (over theirs, undoable)   "
                                     "t / escape: keep theirs"), markup=False)

    def action_choose(self, which: str) -> None:
        self.dismiss(which)
