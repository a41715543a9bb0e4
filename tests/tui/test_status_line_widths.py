"""The status line of a local workspace at any width: it never overflows, READ-ONLY
always shows, and the title keeps a readable start before the bar and the tallies."""

from __future__ import annotations

import pytest

from workbench.tui.render import status_line

TITLE = "Large-scale protests continue with Putin in Belarus"
SEED_COUNTS = {"unreviewed": 39, "in_progress": 1, "verified": 1, "disputed": 1, "false": 1,
               "inconclusive": 1, "dismissed": 1}
LONG_REVIEWER = "anastasia.kowalczyk-brown"


@pytest.mark.parametrize("width", [18, 28, 38, 48, 58, 78, 98, 118])
@pytest.mark.parametrize("readonly", [False, True])
def test_the_line_fits_and_keeps_read_only(width, readonly):
    line = status_line(TITLE, SEED_COUNTS, LONG_REVIEWER, width, readonly).plain
    assert len(line) <= width
    if readonly:
        assert "READ-ONLY" in line
    assert "5/45" in line  # how far the review is always shows


@pytest.mark.parametrize("width", [48, 58, 78])
def test_the_title_keeps_16_cells_before_the_bar_and_the_tallies(width):
    line = status_line(TITLE, SEED_COUNTS, "ana", width).plain
    assert line.startswith(TITLE[:15])


def test_a_wide_line_has_everything():
    line = status_line(TITLE, SEED_COUNTS, "ana", 158, readonly=True).plain
    assert line.startswith(TITLE + " ")
    for part in ("5/45 reviewed", "✓1", "✗1", "–1", "ana", "READ-ONLY", "█"):
        assert part in line


@pytest.mark.parametrize("size", [(24, 24), (40, 24), (60, 24)])
async def test_a_read_only_workbench_says_so_at_a_narrow_terminal(ws_path, ws, article_id, size):
    from workbench.core.store import Workspace
    from workbench.tui.widgets.status_line import StatusLine

    from .helpers import make_app

    with Workspace.open(ws_path, readonly=True) as ro:
        app = make_app(ro, article_id)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            line = app.screen.query_one(StatusLine)
            assert "READ-ONLY" in line.text
            assert len(line.text) <= line.size.width - 2  # inside its padding, nothing cut
