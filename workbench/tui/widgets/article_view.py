"""The article pane: the article text with every claim's anchor in its status colour.

A line-API widget: the text is wrapped once per width into (start, end) offset
ranges, and only the visible lines are rendered, so an article with 10,000
claims scrolls and re-marks as fast as a short one.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from workbench.core.models import Claim

from ..render import (
    ANCHOR_STYLE,
    CARET_STYLE,
    CURRENT_SENTENCE_STYLE,
    CURRENT_STYLE,
    SELECTION_STYLE,
    neutralize,
)
from .selection import Selection

_WORD = re.compile(r"\S+\s*|\s+")


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of ``text`` to ``width`` cells, as (start, end) offsets.

    Newlines end a line; the newline itself belongs to no line.
    """
    width = max(width, 4)
    lines: list[tuple[int, int]] = []
    pos = 0
    for para in text.split("\n"):
        if not para:
            lines.append((pos, pos))
            pos += 1
            continue
        line_start = pos
        used = 0
        for match in _WORD.finditer(para):
            word = match.group()
            start = pos + match.start()
            w = len(word) if word.isascii() else cell_len(word)
            stripped = len(word.rstrip()) if word.isascii() else cell_len(word.rstrip())
            if used and used + stripped > width:
                lines.append((line_start, start))
                line_start, used = start, 0
            while stripped > width:  # a word longer than the line: hard split
                cut = start + width
                lines.append((line_start, cut))
                line_start = start = cut
                word = word[width:]
                w = stripped = len(word.rstrip())
            used += w
        lines.append((line_start, pos + len(para)))
        pos += len(para) + 1
    return lines


def also_marked(claim: Claim | None, length: int) -> list[tuple[int, int]]:
    """Other spans to mark with a claim: every variant of a consistency claim (each
    spelling of a name, each disagreeing number), so the reviewer sees all of them."""
    if claim is None or claim.kind != "consistency":
        return []
    spans: list[tuple[int, int]] = []
    variants = claim.value.get("variants") if isinstance(claim.value, dict) else None
    for item in variants if isinstance(variants, list) else []:
        offsets = item.get("offsets") if isinstance(item, dict) else None
        for pair in offsets if isinstance(offsets, list) else []:
            try:
                s, e = int(pair[0]), int(pair[1])
            except (TypeError, ValueError, IndexError):
                continue
            if 0 <= s < e <= length and (s, e) != (claim.start, claim.end):
                spans.append((s, e))
    return sorted(set(spans))[:500]


class ArticleView(ScrollView, can_focus=True):
    """Shows one article; ``set_current`` scrolls to a claim and marks it.

    ``start_selection`` turns it into a keyboard selection (to add a claim the tool
    missed): it posts ``SpanChosen`` or ``SelectionCancelled``."""

    DEFAULT_CSS = """
    ArticleView { background: $surface; padding: 0 1; }
    """
    BINDINGS = [
        Binding("right,w", "sel_move('word', 1, False)", "Word →", show=False,
                id="sel_word_next"),
        Binding("left,b", "sel_move('word', -1, False)", "Word ←", show=False,
                id="sel_word_prev"),
        Binding("shift+right,W", "sel_move('word', 1, True)", "Extend →", show=False,
                id="sel_extend_next"),
        Binding("shift+left,B", "sel_move('word', -1, True)", "Extend ←", show=False,
                id="sel_extend_prev"),
        Binding("down,right_parenthesis", "sel_move('sentence', 1, False)", "Sentence →",
                show=False, id="sel_sentence_next"),
        Binding("up,left_parenthesis", "sel_move('sentence', -1, False)", "Sentence ←",
                show=False, id="sel_sentence_prev"),
        Binding("shift+down", "sel_move('sentence', 1, True)", "Extend ↓", show=False,
                id="sel_extend_down"),
        Binding("shift+up", "sel_move('sentence', -1, True)", "Extend ↑", show=False,
                id="sel_extend_up"),
        # shown in the footer while selecting (at 80 columns the detail pane's key help is
        # hidden behind the article: the footer said only "? Help q Quit")
        Binding("enter", "sel_confirm", "Add claim", id="sel_confirm"),
        Binding("escape", "sel_cancel", "Cancel", id="sel_cancel"),
        Binding("s", "sel_sentence", "Sentence", id="sel_sentence"),
        Binding("left_square_bracket", "sel_trim('start')", "Trim start", id="sel_trim_start"),
        Binding("right_square_bracket", "sel_trim('end')", "Trim end", id="sel_trim_end"),
    ]

    @dataclass
    class SpanChosen(Message):
        """The reviewer confirmed a selection: the text ``start:end``."""

        start: int
        end: int

    class SelectionCancelled(Message):
        """The reviewer left the selection without adding a claim."""

    class SelectionMoved(Message):
        """The selection changed (the screen shows what is selected)."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._text = ""
        self._claims: list[Claim] = []
        self._starts: list[int] = []
        self._max_len = 0
        self._status: dict[str, str] = {}
        self._current: Claim | None = None
        self._also: list[tuple[int, int]] = []
        self._lines: list[tuple[int, int]] = []
        self._line_starts: list[int] = []
        self._wrap_width = 0
        self.selection: Selection | None = None

    # -------------------------------------------------------------- selection
    def start_selection(
        self, sentences: Sequence[tuple[int, int]], start: int, end: int
    ) -> None:
        """Select ``start:end`` (e.g. the current claim's sentence), caret at the end."""
        self.selection = Selection(self._text, sentences, anchor=start, caret=end)
        self.focus()
        self._show_caret()

    def stop_selection(self) -> None:
        self.selection = None
        self.refresh()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action.startswith("sel_"):
            return self.selection is not None  # only while selecting: else keys pass on
        return True

    def action_sel_move(self, unit: str, step: int, extend: bool) -> None:
        if self.selection is not None:
            self.selection.move(unit, step, extend)
            self._show_caret()

    def action_sel_sentence(self) -> None:
        if self.selection is not None:
            self.selection.select_sentence()
            self._show_caret()

    def action_sel_trim(self, side: str) -> None:
        if self.selection is not None:
            self.selection.trim(side)
            self._show_caret()

    def action_sel_confirm(self) -> None:
        if self.selection is not None:
            start, end = self.selection.span
            self.post_message(self.SpanChosen(start, end))

    def action_sel_cancel(self) -> None:
        if self.selection is not None:
            self.stop_selection()
            self.post_message(self.SelectionCancelled())

    def _show_caret(self) -> None:
        if self.selection is None:
            return
        if self._lines:
            y = self.line_of(self.selection.caret)
            height = max(self.scrollable_content_region.height, 1)
            if not (self.scroll_y <= y < self.scroll_y + height):
                self.scroll_to(y=max(y - height // 3, 0), animate=False)
        self.refresh()
        self.post_message(self.SelectionMoved())

    def set_article(
        self, text: str, claims: Sequence[Claim], statuses: Mapping[str, str]
    ) -> None:
        self._text = neutralize(text)
        self._claims = sorted(claims, key=lambda c: (c.start, c.end))
        self._starts = [c.start for c in self._claims]
        self._max_len = max((c.end - c.start for c in self._claims), default=0)
        self._status = dict(statuses)
        self._wrap_width = 0
        self._rewrap()
        self.refresh()

    def set_status(self, claim_id: str, status: str) -> None:
        self._status[claim_id] = status
        self.refresh()

    def set_statuses(self, statuses: Mapping[str, str]) -> None:
        self._status.update(statuses)
        self.refresh()

    def set_current(self, claim: Claim | None, scroll: bool = True) -> None:
        self._current = claim
        self._also = also_marked(claim, len(self._text))
        if claim is not None and scroll and self._lines:
            y = self.line_of(claim.start)
            height = max(self.scrollable_content_region.height, 1)
            if not (self.scroll_y + 1 <= y < self.scroll_y + height - 1):
                self.scroll_to(y=max(y - height // 3, 0), animate=False)
        self.refresh()

    def line_of(self, offset: int) -> int:
        return max(bisect_right(self._line_starts, offset) - 1, 0)

    @property
    def line_count(self) -> int:
        return len(self._lines)

    def _rewrap(self) -> None:
        width = max(self.scrollable_content_region.width, 20)
        if width == self._wrap_width and self._lines:
            return
        self._wrap_width = width
        self._lines = wrap_offsets(self._text, width) if self._text else []
        self._line_starts = [s for s, _ in self._lines]
        self.virtual_size = Size(width, len(self._lines))

    def on_resize(self) -> None:
        self._rewrap()
        if self._current is not None:
            self.set_current(self._current)

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if index >= len(self._lines):
            return Strip.blank(width, base)
        start, end = self._lines[index]
        strip = Strip(self._segments(start, end, base))
        return strip.crop_extend(scroll_x, scroll_x + width, base)

    def _segments(self, start: int, end: int, base: RichStyle) -> list[Segment]:
        text = self._text
        # Styles per character range, later ranges painted over earlier ones.
        marks: list[tuple[int, int, RichStyle]] = []
        current = self._current
        if current is not None and current.sentence_start < end and current.sentence_end > start:
            marks.append((current.sentence_start, current.sentence_end, CURRENT_SENTENCE_STYLE))
        lo = bisect_left(self._starts, start - self._max_len)
        hi = bisect_left(self._starts, end)
        for claim in self._claims[lo:hi]:
            if claim.end > start:
                status = self._status.get(claim.id, "unreviewed")
                style = ANCHOR_STYLE.get(status, ANCHOR_STYLE["unreviewed"])
                marks.append((claim.start, claim.end, style))
        if current is not None:
            status = self._status.get(current.id, "unreviewed")
            style = CURRENT_STYLE.get(status, base)
            for s, e in [(current.start, current.end), *self._also]:
                if s < end and e > start:
                    marks.append((s, e, style))
        if self.selection is not None:
            s, e = sorted((self.selection.anchor, self.selection.caret))
            if s < end and e > start:
                marks.append((s, e, SELECTION_STYLE))
            caret = self.selection.caret
            if start <= caret < end:
                marks.append((caret, caret + 1, CARET_STYLE))
            elif caret == end and end > start:  # at a line's end: show it on the last cell
                marks.append((end - 1, end, CARET_STYLE))
        if not marks:
            return [Segment(text[start:end].replace("\t", " "), base)]
        cuts = {start, end}
        for s, e, _ in marks:
            cuts.add(min(max(s, start), end))
            cuts.add(min(max(e, start), end))
        points = sorted(cuts)
        segments = []
        for a, b in zip(points, points[1:], strict=False):
            if a >= b:
                continue
            style = base
            for s, e, mark in marks:
                if s <= a and e >= b:
                    style = style + mark
            segments.append(Segment(text[a:b].replace("\t", " "), style))
        return segments
