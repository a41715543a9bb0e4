"""``?`` in the article picker lists the picker's keys (it did nothing there, though the
README's first hint is "press ? for the keys" and `workbench` alone opens the picker)."""

from __future__ import annotations

from workbench.tui.screens.help import HelpScreen
from workbench.tui.screens.picker import PickerScreen

from .helpers import make_app


async def test_question_mark_in_the_picker_lists_its_keys(ws, article_id):
    app = make_app(ws)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        ids = [row[2] for row in app.screen.rows]
        assert {"picker_open", "picker_add", "picker_rename", "picker_remove"} <= set(ids)
        assert not app.screen.query("#help-legend")  # no claims list here
        await pilot.press("escape")
        assert isinstance(app.screen, PickerScreen)


async def test_the_picker_says_standard_input_not_a_dash(ws, article_id):
    """An article read with `workbench -` was listed with the source "-", which a new
    reviewer read as "no source"; the reports already say "standard input"."""
    from textual.widgets import DataTable

    from .helpers import number_claims, sample_article

    piped = sample_article("Piped copy: 12 schools open in 2027.\n", source="-")
    ws.add_article(piped, number_claims(piped))
    app = make_app(ws)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        table = app.screen.query_one(DataTable)
        cells = [cell.plain for cell in table.get_row(piped.id)]
        assert "standard input" in cells and "-" not in cells
        assert "city-budget.txt" in [c.plain for c in table.get_row(article_id)]
