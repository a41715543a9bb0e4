"""The header's and the picker's progress bars: as far along as the review is (at least
one cell once anything is reviewed, a grey cell while anything is left)."""

from workbench.tui.render import progress_bar


def _cells(counts, width):
    bar = progress_bar(counts, width)
    return bar.plain, [(bar.plain[s.start:s.end], str(s.style)) for s in bar.spans]


def test_a_fully_reviewed_article_has_no_grey_cell():
    """3 statuses of 1 claim each used to fill 9 of 10 cells and leave one "unreviewed"."""
    plain, _ = _cells({"verified": 1, "false": 1, "disputed": 1, "unreviewed": 0}, 10)
    assert len(plain) == 10 and "░" not in plain


def test_one_reviewed_claim_among_many_shows():
    """3 of 40 reviewed (one verified, false, dismissed each) used to draw an empty bar."""
    counts = {"verified": 1, "false": 1, "dismissed": 1, "unreviewed": 37}
    plain, spans = _cells(counts, 20)
    assert len(plain) == 20 and plain.count("█") == 2  # 1.5 cells; each status had one: 3
    plain, _ = _cells({"verified": 1, "unreviewed": 11401}, 12)
    assert plain.count("█") == 1 and len(plain) == 12


def test_one_unreviewed_claim_left_keeps_a_grey_cell():
    plain, _ = _cells({"verified": 11401, "unreviewed": 1}, 12)
    assert plain.endswith("░") and plain.count("░") == 1 and len(plain) == 12


def test_shares_stay_proportional():
    plain, _ = _cells({"verified": 10, "unreviewed": 10}, 20)
    assert plain == "█" * 10 + "░" * 10


def test_a_narrow_bar_is_not_further_along_than_the_review():
    """The seed with one claim in each of six statuses (6 of 45) filled 6 of 12 cells:
    half the bar for an eighth of the review."""
    counts = {"unreviewed": 39, "in_progress": 1, "verified": 1, "disputed": 1, "false": 1,
              "inconclusive": 1, "dismissed": 1}
    plain, _ = _cells(counts, 12)
    assert plain.count("█") == 2 and plain.count("░") == 10
