"""The header line: article title, reviewed N of M, a small status bar, reviewer, and on
a team workspace the server's connection (online, offline — reconnecting…, back)."""

from __future__ import annotations

from collections.abc import Mapping

from textual.widgets import Static

from ..render import status_line
from ..team import TeamState, connection_segments


class StatusLine(Static):
    DEFAULT_CSS = """
    StatusLine { height: 1; background: $panel; color: $foreground; padding: 0 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", markup=False, id=id)
        self._state: tuple[str, dict[str, int], str, bool] = ("", {}, "", False)
        self.team: TeamState | None = None
        self._shown = ""

    def show(self, title: str, counts: Mapping[str, int], reviewer: str, readonly: bool,
             team: TeamState | None = None) -> None:
        self._state = (title, dict(counts), reviewer, readonly)
        self.team = team
        self._paint()

    def on_resize(self) -> None:
        self._paint()

    @property
    def text(self) -> str:
        """What the line says now (plain), e.g. for tests."""
        return self._shown

    def _paint(self) -> None:
        title, counts, reviewer, readonly = self._state
        width = max(self.size.width - 2, 1) if self.size.width else 118
        extra = connection_segments(self.team)
        content = status_line(title, counts, reviewer, width, readonly, extra)
        self._shown = content.plain
        self.update(content)
