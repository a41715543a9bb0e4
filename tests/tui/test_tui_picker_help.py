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
