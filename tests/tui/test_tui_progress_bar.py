"""The header's and the picker's progress bars show every status that has claims."""

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
    assert len(plain) == 20 and plain.count("█") == 3
    plain, _ = _cells({"verified": 1, "unreviewed": 11401}, 12)
    assert plain.count("█") == 1 and len(plain) == 12


def test_one_unreviewed_claim_left_keeps_a_grey_cell():
    plain, _ = _cells({"verified": 11401, "unreviewed": 1}, 12)
    assert plain.endswith("░") and plain.count("░") == 1 and len(plain) == 12


def test_shares_stay_proportional():
    plain, _ = _cells({"verified": 10, "unreviewed": 10}, 20)
    assert plain == "█" * 10 + "░" * 10
