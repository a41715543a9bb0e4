"""Live between two workbenches: a colleague's mark appears in the other TUI (Pilot)."""

from __future__ import annotations

import asyncio
import threading

import pytest
from team_fixtures import article, open_team

from workbench.tui.app import WorkbenchApp

pytestmark = pytest.mark.skipif(
    not hasattr(WorkbenchApp, "_watch"), reason="this TUI does not follow store.watch() yet"
)


def _app(store, article_id):
    return WorkbenchApp(store, article_id=article_id, cursor_blink=False, animate=False)


async def test_a_colleagues_mark_appears_in_the_other_workbench(team_url):
    a, claims = article()
    with open_team(team_url("ana")) as setup:
        setup.add_article(a, claims)
    ana, bo = open_team(team_url("ana")), open_team(team_url("bo"))
    told = threading.Event()

    def hook(message):
        if type(message).__name__ == "StoreChanged":
            told.set()

    app_a, app_b = _app(ana, a.id), _app(bo, a.id)
    try:
        async with app_a.run_test() as pilot_a, app_b.run_test(message_hook=hook) as pilot_b:
            await pilot_a.pause()
            await pilot_b.pause()
            claim = app_a.screen.current_claim()
            assert claim is not None
            assert app_b.screen.session.verdicts[claim.id].status == "unreviewed"
            await pilot_a.press("v")
            await pilot_a.pause()
            assert ana.verdict(a.id, claim.id).status == "verified"
            assert await asyncio.to_thread(told.wait, 10), "no live update within 10 s"
            await pilot_b.pause()
            assert app_b.screen.session.verdicts[claim.id].status == "verified"
            assert app_b.screen.session.verdicts[claim.id].reviewer == "ana"
    finally:
        ana.close()
        bo.close()
