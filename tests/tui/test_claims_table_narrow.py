"""The claims list on a narrow terminal: the worth column goes before the label drops
below 12 cells (it was cut off at the right edge, "wo" / "0"), and comes back on a
wider terminal; the cursor stays on its claim."""

from __future__ import annotations

from workbench.tui.widgets.claims_table import LABEL, LABEL_LEAST, ClaimsTable

from .helpers import make_app


def columns(table: ClaimsTable) -> list[str]:
    return [str(key.value) for key in table.columns]


def fits(table: ClaimsTable) -> bool:
    width = sum(c.get_render_width(table) for c in table.columns.values())
    return width <= table.size.width


async def test_the_worth_column_gives_way_on_a_narrow_terminal(ws, article_id):
    app = make_app(ws, article_id)
    async with app.run_test(size=(40, 24)) as pilot:
        table = app.screen.query_one(ClaimsTable)
        await pilot.press("j", "j")
        kept = table.current_key
        assert "worth" not in columns(table) and fits(table)
        assert table.columns[LABEL].width >= LABEL_LEAST
        await pilot.resize_terminal(70, 24)
        await pilot.pause()
        assert "worth" in columns(table) and fits(table)
        assert table.current_key == kept
        await pilot.resize_terminal(40, 24)
        await pilot.pause()
        assert "worth" not in columns(table) and table.current_key == kept
