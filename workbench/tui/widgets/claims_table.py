"""The claims list: a DataTable (virtualized), one row per claim, keyed by claim id."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual.binding import Binding
from textual.timer import Timer
from textual.widgets import DataTable

from workbench.core.models import Claim

from ..render import claim_row, mark_cell

# (label, key, width); the label column gets what is left of the table's width.
FIXED = (("", "mark", 1), ("kind", "kind", 9))
WORTH = ("worth", "worth", 5)


class ClaimsTable(DataTable, inherit_bindings=False):
    """Rows are claims; the screen owns the keys that move and mark."""

    DEFAULT_CSS = "ClaimsTable { overflow-x: hidden; }"
    BINDINGS = [
        Binding("pageup", "page_up", "Page up", show=False, id="page_up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="page_down"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False, show_cursor=True)
        self._claims: Sequence[Claim] = ()
        self._statuses: dict[str, str] = {}
        self._label_width = 0
        self._resize_timer: Timer | None = None

    def _fit(self) -> int:
        """Cells left for the label: the fixed columns and their padding taken off."""
        width = self.size.width or self.app.size.width
        used = sum(w + 2 for _, _, w in FIXED) + 2 + 2  # label padding, scrollbar
        if any(c.worthiness is not None for c in self._claims):
            used += WORTH[2] + 2
        return max(width - used, 12)

    def fill(
        self, claims: Sequence[Claim], statuses: Mapping[str, str], keep: str | None = None
    ) -> None:
        """Replace all rows (in the given order) and put the cursor on ``keep`` if shown."""
        self._claims, self._statuses = claims, dict(statuses)
        self.clear(columns=True)
        self._label_width = width = self._fit()
        for label, key, w in FIXED:
            self.add_column(label, key=key, width=w)
        self.add_column("claim", key="label", width=width)
        worth = any(c.worthiness is not None for c in claims)
        if worth:
            self.add_column(WORTH[0], key=WORTH[1], width=WORTH[2])
        for claim in claims:
            cells = claim_row(claim, statuses.get(claim.id, "unreviewed"), width)
            self.add_row(*(cells if worth else cells[:3]), key=claim.id)
        if keep is not None and keep in self.rows:
            self.move_cursor(row=self.get_row_index(keep), animate=False, scroll=True)
        elif self.row_count:
            self.move_cursor(row=0, animate=False)

    def on_resize(self) -> None:
        # Refill (to fit the labels) once the size has settled, not on every step.
        if self._resize_timer is not None:
            self._resize_timer.stop()
        self._resize_timer = self.set_timer(0.1, self._refit)

    def _refit(self) -> None:
        self._resize_timer = None
        if self._claims and self._fit() != self._label_width:
            self.fill(self._claims, self._statuses, keep=self.current_key)

    def set_status(self, claim_id: str, status: str) -> None:
        self._statuses[claim_id] = status
        if claim_id in self.rows:
            self.update_cell(claim_id, "mark", mark_cell(status))

    @property
    def current_key(self) -> str | None:
        if not self.row_count:
            return None
        try:
            key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        except Exception:
            return None
        return key.value

    def row_keys(self) -> list[str]:
        return [str(row.key.value) for row in self.ordered_rows]
