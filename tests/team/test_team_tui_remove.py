"""An article a colleague takes out of the team workspace (``workbench remove``): it
leaves the other workbenches' pickers live, one that has it open is told (its marks
are still saved), and the colleague's undo brings it back everywhere (Pilot, a real
server; synchronised on the apps' StoreChanged messages)."""

from __future__ import annotations

from team_fixtures import TEXT, article, open_team
from textual.widgets import DataTable
from tui_helpers import Seen, make_app, settle

from workbench.core.services.reviewing import remove_article
from workbench.tui.screens.picker import PickerScreen
from workbench.tui.screens.review import ReviewScreen


def picker_ids(app) -> list[str]:
    table = app.screen.query_one(DataTable)
    return [str(key.value) for key in table.rows]


async def until(seen: Seen, pilot, done) -> bool:
    """Wait on StoreChanged messages until ``done()`` holds (presence signals may come
    first); each round waits for a message, never for time."""
    for _ in range(6):
        await settle(pilot)
        if done():
            return True
        seen.clear("StoreChanged")
        await settle(pilot)
        if done():
            return True
        if not await seen.wait("StoreChanged", pilot):
            return False
    return done()


def notices(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_a_removal_and_its_undo_reach_the_desk_live(team_url):
    a, claims = article()
    b, b_claims = article(TEXT.replace("Minsk", "Gomel"), "gomel.txt")
    with open_team(team_url("ana")) as setup:
        setup.add_article(a, claims)
        setup.add_article(b, b_claims)
    ana, bo, cy = open_team(team_url("ana")), open_team(team_url("bo")), open_team(team_url("cy"))
    bo_seen, cy_seen = Seen(), Seen()
    bo_app, cy_app = make_app(bo, a.id), make_app(cy)  # bo reviews a, cy is in the picker
    try:
        async with bo_app.run_test(size=(120, 30), message_hook=bo_seen) as bo_pilot, \
                cy_app.run_test(size=(120, 30), message_hook=cy_seen) as cy_pilot:
            await settle(bo_pilot)
            await settle(cy_pilot)
            assert isinstance(cy_app.screen, PickerScreen)
            assert picker_ids(cy_app) == [a.id, b.id]
            bo_seen.clear("StoreChanged")
            cy_seen.clear("StoreChanged")

            remove_article(ana, a.id)
            assert await until(cy_seen, cy_pilot, lambda: picker_ids(cy_app) == [b.id])
            said = lambda: any("ana took this article out" in m for m in notices(bo_app))  # noqa: E731
            assert await until(bo_seen, bo_pilot, said)
            assert isinstance(bo_app.screen, ReviewScreen)
            await bo_pilot.press("v")  # still saved, on the article kept in the store
            await settle(bo_pilot)
            assert bo.verdict(a.id, claims[0].id).status == "verified"

            ana.undo()
            assert await until(cy_seen, cy_pilot, lambda: picker_ids(cy_app) == [a.id, b.id])
            back = lambda: any("ana put this article back" in m for m in notices(bo_app))  # noqa: E731
            assert await until(bo_seen, bo_pilot, back)
    finally:
        for store in (ana, bo, cy):
            store.close()
