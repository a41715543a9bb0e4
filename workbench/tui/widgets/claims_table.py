"""The claims list: a DataTable (virtualized), one row per claim, keyed by claim id."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey, RowKey

from workbench.core.models import Claim, Verdict

from ..render import claim_row, extras_cell, mark_cell, type_cell
from ..team import with_taken

# (header, key, width); the label column gets what is left of the table's width.
FIXED = (("", "mark", 1), ("kind", "kind", 9), ("", "extras", 5))
WORTH = ("worth", "worth", 5)
TYPE = ("type", "type", 10)
LABEL = ColumnKey("label")
TYPE_ROOM = 40
"""The type column is shown when the label keeps at least this many cells beside it (the
article pane hidden, or a wide terminal); the detail pane always shows the type."""
LABEL_LEAST = 12
"""The label keeps at least this many cells: on a narrower table the worth column goes
(the detail pane shows the worthiness) instead of being cut off at the right edge."""


class ClaimsTable(DataTable, inherit_bindings=False):
    """Rows are claims; the screen owns the keys that move and mark."""

    DEFAULT_CSS = "ClaimsTable { overflow-x: hidden; }"
    BINDINGS = [
        Binding("pageup", "page_up", "Page up", show=False, id="page_up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="page_down"),
    ]

    @dataclass
    class Relayout(Message):
        """The table's width now calls for the type column or no longer has room for it:
        the screen fills the table again."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False, show_cursor=True)
        self._claims: Sequence[Claim] = ()
        self._scored = False
        """Some claim has a worthiness (the worth column can be shown)."""
        self._worth = False
        """The worth column is shown."""
        self._types = False
        """Some claim has a claim type (the type column can be shown)."""
        self._with_type = False
        """The type column is shown."""
        self._shown: dict[str, tuple[str, tuple[bool, int, bool, bool], str]] = {}
        """What each row shows now: (status, (note, links, conflict, matched), label)."""
        self._matched: set[str] = set()
        self._taken: dict[str, str] = {}
        """Claim id -> the colleagues on it now (team workspaces: the ◆name marker)."""

    def _fit(self, with_type: bool | None = None, with_worth: bool | None = None,
             least: int = LABEL_LEAST) -> int:
        """Cells left for the label: the fixed columns and their padding taken off."""
        width = self.size.width or self.app.size.width
        used = sum(w + 2 for _, _, w in FIXED) + 2 + 2  # label padding, scrollbar
        if self._worth if with_worth is None else with_worth:
            used += WORTH[2] + 2
        if self._with_type if with_type is None else with_type:
            used += TYPE[2] + 2
        return max(width - used, least)

    def _type_fits(self) -> bool:
        return self._types and self._fit(with_type=True) >= TYPE_ROOM

    def _worth_fits(self) -> bool:
        return self._scored and self._fit(False, True, least=0) >= LABEL_LEAST

    def fill(
        self,
        claims: Sequence[Claim],
        statuses: Mapping[str, str],
        verdicts: Mapping[str, Verdict] | None = None,
        keep: str | None = None,
        conflicts: Mapping[str, object] | None = None,
        matched: set[str] | None = None,
    ) -> None:
        """Replace all rows (in the given order) and put the cursor on ``keep`` if shown;
        ``matched``: claims with an earlier check (the ≈ marker)."""
        verdicts = verdicts or {}
        conflicts = conflicts or {}
        self._matched = set(matched or ())
        self._claims = claims
        self._scored = any(c.worthiness is not None for c in claims)
        self._worth = self._worth_fits()
        self._types = any(c.claim_type for c in claims)
        self._with_type = self._type_fits()
        self.clear(columns=True)
        self.add_column(FIXED[0][0], key=FIXED[0][1], width=FIXED[0][2])
        self.add_column(FIXED[1][0], key=FIXED[1][1], width=FIXED[1][2])
        if self._with_type:
            self.add_column(TYPE[0], key=TYPE[1], width=TYPE[2])
        self.add_column("claim", key="label", width=self._fit())
        self.add_column(FIXED[2][0], key=FIXED[2][1], width=FIXED[2][2])
        if self._worth:
            self.add_column(WORTH[0], key=WORTH[1], width=WORTH[2])
        self._shown = {}
        for claim in claims:
            if claim.id in self._shown:
                continue  # an id twice (stored before extraction kept ids unique): one row
            verdict = verdicts.get(claim.id)
            status = statuses.get(claim.id, "unreviewed")
            conflict = bool(conflicts.get(claim.id))
            is_matched = claim.id in self._matched
            cells = claim_row(claim, status, verdict, conflict, is_matched)
            if claim.id in self._taken:
                cells = (*cells[:2], with_taken(cells[2], self._taken[claim.id]), *cells[3:])
            row = [*cells[:2], type_cell(claim), *cells[2:]] if self._with_type else list(cells)
            self.add_row(*(row if self._worth else row[:-1]), key=claim.id)
            if verdict is None:
                self._shown[claim.id] = (status, (False, 0, conflict, is_matched), "")
            else:
                self._shown[claim.id] = (
                    status,
                    (bool(verdict.note.strip()), len(verdict.links), conflict, is_matched),
                    verdict.label,
                )
        if keep is not None and keep in self.rows:
            self.move_cursor(row=self.get_row_index(keep), animate=False, scroll=True)
        elif self.row_count:
            self.move_cursor(row=0, animate=False)

    def on_resize(self) -> None:
        """Give the label column the free width at once: only the column's width
        changes (the cells hold whole labels, cut with "…" when drawn). A shorter list
        scrolls to keep the current claim in it (the detail pane shows that claim)."""
        if self.row_count:
            self.call_after_refresh(self._keep_cursor_in_view)
        if (self._types and self._type_fits() != self._with_type) or (
            self._scored and self._worth_fits() != self._worth
        ):
            self.post_message(self.Relayout())
            return
        column = self.columns.get(LABEL)
        if column is None:
            return
        width = self._fit()
        if column.width != width:
            column.width = width
            # DataTable has no public "resize a column": this is what add_column sets.
            self._require_update_dimensions = True
            self._clear_caches()
            self.refresh()

    def _keep_cursor_in_view(self) -> None:
        if self.row_count:
            self.move_cursor(row=self.cursor_row, animate=False, scroll=True)

    def set_verdict(
        self, verdict: Verdict, claim: Claim | None = None, conflict: bool = False
    ) -> None:
        """Show a claim's new status, markers and (reworded) label: only the cells that
        changed (each update makes DataTable recompute its row offsets, 10,000 rows)."""
        key = verdict.claim_id
        if key not in self.rows:
            return
        shown = self._shown.get(key)
        status = verdict.status
        matched = key in self._matched
        extras = (bool(verdict.note.strip()), len(verdict.links), conflict, matched)
        label = verdict.label
        if shown is None or shown[0] != status:
            self._set_cell(key, "mark", mark_cell(status))
        if shown is None or shown[1] != extras:
            self._set_cell(key, "extras", extras_cell(verdict, conflict, matched))
        if claim is not None and (shown is None or shown[2] != label):
            self._set_label(key, claim, verdict)
        self._shown[key] = (status, extras, label)

    def _set_label(self, key: str, claim: Claim, verdict: Verdict | None) -> None:
        label = claim_row(claim, "unreviewed", verdict)[2]
        self._set_cell(key, "label", with_taken(label, self._taken.get(key, "")))

    def set_taken(self, taken: Mapping[str, str],
                  verdicts: Mapping[str, Verdict] | None = None) -> None:
        """Show the ◆name marker on the claims colleagues are on now (and take it off
        the others): only the rows whose marker changed are redrawn."""
        old, self._taken = self._taken, dict(taken)
        by_id = {c.id: c for c in self._claims}
        for key in set(old) | set(self._taken):
            if old.get(key) != self._taken.get(key) and key in self.rows and key in by_id:
                self._set_label(key, by_id[key], (verdicts or {}).get(key))

    def _set_cell(self, row_key: str, column_key: str, value: Text) -> None:
        """``update_cell`` without its cost at 10,000 rows: update_cell bumps the
        table's update count, which makes DataTable rebuild its row order and the
        y-offsets of every row (O(rows)) on the next frame. A cell's new value has the
        same width and height, so only the caches of rendered cells and lines (the
        visible rows) are dropped and the one row is repainted."""
        self._data[RowKey(row_key)][ColumnKey(column_key)] = value
        for cache in (self._row_render_cache, self._cell_render_cache,
                      self._row_renderable_cache, self._line_cache):
            cache.clear()
        self.refresh_row(self.get_row_index(row_key))

    def set_matched(self, matched: set[str], verdicts: Mapping[str, Verdict]) -> None:
        """Show the ≈ marker on these claims (and take it off the others)."""
        changed = self._matched ^ set(matched)
        self._matched = set(matched)
        for key in changed:
            if key in self.rows:
                verdict = verdicts.get(key) or Verdict(key, "")
                shown = self._shown.get(key)
                conflict = bool(shown and shown[1][2])
                self.set_verdict(verdict, None, conflict)

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
