"""The status line of a team workspace at any width: the connection state always shows,
the line never overflows; a local folder's line is unchanged (no server part)."""

from __future__ import annotations

import pytest

from workbench.tui.render import status_line
from workbench.tui.team import TeamState, connection_segments

COUNTS = {"unreviewed": 10, "verified": 3, "false": 2, "disputed": 1}
TITLE = "A rather long article title about the council budget and its schools"


@pytest.mark.parametrize("width", [58, 78, 98, 118, 158])
@pytest.mark.parametrize(
    ("state", "words"),
    [
        (TeamState("factdesk@db.example"), "online"),
        (TeamState("factdesk@db.example", online=False), "offline"),
        (TeamState("factdesk@db.example", caught_up=12), "back online"),
        (TeamState("factdesk@db.example", online=False, unsaved=2), "2 unsaved"),
    ],
)
def test_the_connection_always_shows_and_the_line_fits(state, words, width):
    line = status_line(TITLE, COUNTS, "ana", width, extra=connection_segments(state)).plain
    assert words in line and len(line) <= width
    assert line.startswith(TITLE[:8])  # the title keeps a readable start
    if width >= 118:  # room for the whole: the server and the full words
        assert "factdesk@db.example" in line
        if not state.online:
            assert "offline — reconnecting…" in line
        if state.caught_up is not None:
            assert "back online — caught up 12 changes" in line


def test_a_local_folder_line_has_no_connection_part():
    plain = status_line(TITLE, COUNTS, "ana", 118).plain
    assert plain == status_line(TITLE, COUNTS, "ana", 118, extra=connection_segments(None)).plain
    assert "online" not in plain
