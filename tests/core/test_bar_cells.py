"""bar_cells: the one rule for how many cells of a bar each count gets."""

import pytest

from workbench.core.export.markdown import text_bar
from workbench.core.export.report import Summary
from workbench.core.vocabulary import bar_cells


@pytest.mark.parametrize(
    ("counts", "width"),
    [([1, 1, 1, 0], 10), ([1, 1, 1, 37], 20), ([1, 11401], 12), ([5, 0, 2, 9, 1], 7),
     ([3, 3, 3, 3, 3, 3, 3], 20), ([0, 0], 5), ([1, 1, 1], 2)],
)
def test_cells_add_up_and_no_count_is_lost(counts, width):
    cells = bar_cells(counts, width)
    nonzero = sum(1 for n in counts if n)
    assert sum(cells) == (width if nonzero and nonzero <= width else sum(cells))
    assert all(c == 0 for c, n in zip(cells, counts, strict=True) if not n)
    if nonzero <= width:
        assert all(c >= 1 for c, n in zip(cells, counts, strict=True) if n)
        assert sum(cells) == (width if nonzero else 0)


def test_markdown_bar_shows_one_claim_among_forty():
    """1 of 40 claims verified drew an empty verified bar in the Markdown report."""
    lines = text_bar(Summary(total=40, counts={"verified": 1, "unreviewed": 39}, reviewed=1))
    verified = next(line for line in lines if line.startswith("verified"))
    unreviewed = next(line for line in lines if line.startswith("unreviewed"))
    assert "█" in verified and "░" in unreviewed


@pytest.mark.parametrize(
    ("counts", "width", "filled"),
    [([1, 1, 1, 1, 1, 1, 39], 12, 2),  # six statuses of one claim: 6 of 45 is 2 cells, not 6
     ([1, 1, 1, 0, 0, 0, 41], 20, 1),  # 3 of 44: 1.4 cells, not 3
     ([1, 0, 11401], 12, 1),  # one reviewed among thousands still shows
     ([3, 2, 0], 10, 10),  # nothing left: no grey cell
     ([0, 0, 7], 10, 0),
     ([20, 1, 1, 22], 12, 6)],
)
def test_progress_cells_fill_as_far_as_the_review_is(counts, width, filled):
    from workbench.core.vocabulary import progress_cells

    cells = progress_cells(counts, width)
    assert sum(cells) == width
    assert sum(cells[:-1]) == filled
    assert (cells[-1] > 0) == (counts[-1] > 0)
    assert all(c == 0 for c, n in zip(cells, counts, strict=True) if not n)


def test_the_largest_statuses_show_when_the_done_part_is_short():
    from workbench.core.vocabulary import progress_cells

    assert progress_cells([1, 5, 1, 2, 100], 12) == [0, 1, 0, 0, 11]
    assert progress_cells([10, 10, 1, 0], 10) == [5, 4, 1, 0]
