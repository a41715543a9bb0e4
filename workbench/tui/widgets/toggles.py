"""Radio buttons and check boxes whose state shows without colour.

Textual draws the same ``●`` in every radio button (and the same ``X`` in every check
box) and tells on from off by its colour alone: on a monochrome terminal, over some SSH
links or to a colour-blind reviewer every stance, every export format looked chosen and
"every article" looked ticked. Here an unchosen button is empty (``▐ ▌``), a chosen one
holds its mark (``▐●▌``, ``▐X▌``).

`Choice` is a radio set that chooses as it moves: ←/→ (↑/↓) pick the next option, as
radio groups do in browsers. Textual's only moved a highlight there and waited for
space or enter, so a reviewer who pressed → onto "html" and then ctrl+s exported
Markdown. Enter is left to the dialog (it saves, as the dialogs' hints say).
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.events import Mount
from textual.widgets import Checkbox, RadioButton, RadioSet


class MarkedRadioButton(RadioButton):
    """A radio button that is empty when off."""

    @property  # type: ignore[override]
    def BUTTON_INNER(self) -> str:  # noqa: N802 (Textual's name)
        return "●" if self.value else " "


class MarkedCheckbox(Checkbox):
    """A check box that is empty when off."""

    @property  # type: ignore[override]
    def BUTTON_INNER(self) -> str:  # noqa: N802 (Textual's name)
        return "X" if self.value else " "


class Choice(RadioSet, inherit_bindings=False):
    """A radio set whose arrow keys choose (see the module docstring)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,right", "choose(1)", "Next option", show=False),
        Binding("up,left", "choose(-1)", "Previous option", show=False),
        Binding("space", "toggle_button", "Choose", show=False),
    ]

    def action_choose(self, step: int) -> None:
        """Move the highlight to the next (1) or previous (-1) option and choose it."""
        if step > 0:
            self.action_next_button()
        else:
            self.action_previous_button()
        self.action_toggle_button()

    def _on_mount(self, _: Mount) -> None:
        # After RadioSet's own (which puts the highlight on the first option, so the
        # first → chose the second option whichever was chosen): start on the chosen one.
        self.call_next(self._highlight_chosen)

    def _highlight_chosen(self) -> None:
        if self.pressed_button is not None:
            self._selected = self.pressed_index
