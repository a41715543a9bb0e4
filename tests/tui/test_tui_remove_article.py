"""The picker's remove key: it asks first, takes the article out at once (saved), says
so, and ctrl+z brings it back; an article open under the picker is not gone back to."""

from __future__ import annotations

from workbench.core.articles import make_article
from workbench.tui.screens.confirm import Confirm
from workbench.tui.screens.picker import PickerScreen
from workbench.tui.screens.review import ReviewScreen

from .helpers import SAMPLE, make_app, number_claims


def listed(ws) -> list[str]:
    return [s.id for s in ws.articles()]


def rows(app) -> list[str]:
    table = app.screen.query_one("#articles")
    return [str(r.key.value) for r in table.ordered_rows]


def second(ws) -> str:
    other = make_article("Buses for the city [red]now[/]\n\n" + SAMPLE, "buses.txt")
    ws.add_article(other, number_claims(other))
    return other.id


async def test_remove_asks_then_removes_and_undo_brings_it_back(ws, article_id):
    other = second(ws)
    app = make_app(ws)
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("j", "D")
        assert isinstance(app.screen, Confirm)
        assert "Buses for the city [red]now[/]" in app.screen.question  # shown literally
        await pilot.press("n")  # no: nothing changes
        assert isinstance(app.screen, PickerScreen) and listed(ws) == [article_id, other]
        await pilot.press("delete", "y")
        assert isinstance(app.screen, PickerScreen)
        assert listed(ws) == [article_id] and rows(app) == [article_id]
        assert any("Removed: Buses for the city" in n.message for n in app._notifications)
        await pilot.press("ctrl+z")
        assert listed(ws) == [article_id, other] and rows(app) == [article_id, other]


async def test_removing_the_last_article_shows_the_empty_hint(ws, article_id):
    app = make_app(ws)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("D", "y")
        assert listed(ws) == [] and rows(app) == []
        hint = str(app.screen.query_one("#picker-empty").render())
        assert "No articles yet" in hint


async def test_the_open_article_removed_from_the_picker_is_not_gone_back_to(ws, article_id):
    other = second(ws)
    app = make_app(ws, article_id)
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("o")
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("D", "y")
        assert listed(ws) == [other]
        await pilot.press("escape")  # back would show a removed article: not offered
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("enter")
        assert isinstance(app.screen, ReviewScreen) and app.screen.article.id == other
        assert not any(isinstance(s, PickerScreen) for s in app.screen_stack)
