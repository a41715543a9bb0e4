"""The claims list: a DataTable (virtualized), one row per claim, keyed by claim id."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual.binding import Binding
from textual.widgets import DataTable

from workbench.core.models import Claim

from ..render import claim_row, mark_cell

COLUMNS = (("", "mark", 1), ("kind", "kind", 9), ("claim", "label", 0), ("worth", "worth", 5))


class ClaimsTable(DataTable, inherit_bindings=False):
    """Rows are claims; the screen owns the keys that move and mark."""

    BINDINGS = [
        Binding("pageup", "page_up", "Page up", show=False, id="page_up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="page_down"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False, show_cursor=True)

    def on_mount(self) -> None:
        for label, key, width in COLUMNS:
            self.add_column(label, key=key, width=width or None)

    def fill(
        self, claims: Sequence[Claim], statuses: Mapping[str, str], keep: str | None = None
    ) -> None:
        """Replace all rows (in the given order) and put the cursor on ``keep`` if shown."""
        self.clear()
        total = self.size.width or self.app.size.width
        width = max(total - 28, 16)
        for claim in claims:
            self.add_row(
                *claim_row(claim, statuses.get(claim.id, "unreviewed"), width), key=claim.id
            )
        if keep is not None and keep in self.rows:
            self.move_cursor(row=self.get_row_index(keep), animate=False, scroll=True)
        elif self.row_count:
            self.move_cursor(row=0, animate=False)

    def set_status(self, claim_id: str, status: str) -> None:
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
