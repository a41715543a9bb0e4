"""The footer: the keys that fit, most important first, never one cut in half.

Textual's Footer draws every shown binding in a row and cuts the row at the edge of
the terminal (at 90 columns "^z Undo" read "^z Un"). This one is compact and hides,
from the right, the keys that do not fit whole; the screen orders its bindings by
importance (``keys.footer_order``) and the ``?`` help lists every key.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer


def key_width(key: Widget) -> int:
    """Columns one key takes in the compact footer: "k label" and a margin of one."""
    shown = str(getattr(key, "key_display", ""))
    label = str(getattr(key, "description", ""))
    return cell_len(shown) + (1 + cell_len(label) if label else 0) + 1


class Fitter:
    """Decides, key by key in footer order, which keys fit whole in ``width`` columns:
    the leading ones that fit, then the command palette key if there is room left."""

    def __init__(self, width: int) -> None:
        self.width = width
        self.used = 0
        self.full = False

    def place(self, key: Widget) -> None:
        size = key_width(key)
        if key.has_class("-command-palette"):
            key.display = self.used + size + 1 <= self.width  # +1: its left border
            return
        self.full = self.full or self.used + size > self.width
        key.display = not self.full
        if not self.full:
            self.used += size


def is_key(node: Widget) -> bool:
    return type(node).__name__ == "FooterKey"  # Textual's footer key widget


class FittingFooter(Footer):
    def __init__(self) -> None:
        super().__init__(compact=True)

    def compose(self) -> ComposeResult:
        fitter = Fitter(self.size.width or self.screen.size.width or self.app.size.width)
        for node in super().compose():
            if is_key(node):
                fitter.place(node)
            yield node

    def on_resize(self, event: events.Resize) -> None:
        fitter = Fitter(event.size.width)
        for key in self.query("FooterKey"):
            fitter.place(key)
