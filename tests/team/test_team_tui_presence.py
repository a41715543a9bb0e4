"""Who works on what, in two workbenches at once (Pilot, a real server): the picker
shows each article's assignee and who has it open; the claims list marks the claim a
colleague is on with their name; both follow the live signal."""

from __future__ import annotations

from team_fixtures import TEXT, article, open_team
from textual.widgets import DataTable
from tui_helpers import Seen, make_app, settle

from workbench.tui.screens.picker import PickerScreen
from workbench.tui.screens.review import ReviewScreen
from workbench.tui.widgets.claims_table import ClaimsTable


def picker_row(app, article_id: str) -> list[str]:
    table = app.screen.query_one(DataTable)
    return [cell.plain for cell in table.get_row(article_id)]


def label_cell(screen: ReviewScreen, claim_id: str) -> str:
    table = screen.query_one(ClaimsTable)
    return table.get_cell(claim_id, "label").plain


async def test_picker_and_claims_list_show_assignees_and_who_is_on_what(team_url):
    a, claims = article()
    b, b_claims = article(TEXT.replace("Minsk", "Gomel"), "gomel.txt")
    with open_team(team_url("ana")) as setup:
        setup.add_article(a, claims)
        setup.add_article(b, b_claims)
        setup.assign(a.id, "cy")
    ana, bo = open_team(team_url("ana")), open_team(team_url("bo"))
    seen = Seen()
    bo_app, ana_app = make_app(bo, a.id), make_app(ana)  # bo reviews a, ana picks
    try:
        async with bo_app.run_test(size=(120, 30)) as bo_pilot, ana_app.run_test(
            size=(120, 30), message_hook=seen
        ) as ana_pilot:
            await settle(bo_pilot)
            await settle(ana_pilot)
            assert isinstance(ana_app.screen, PickerScreen)
            row = picker_row(ana_app, a.id)
            assert "cy" in row and "◆bo" in row  # assigned to cy, bo has it open
            assert "◆bo" not in picker_row(ana_app, b.id)

            seen.clear("StoreChanged")
            bo.assign(b.id, "dee")  # `workbench assign` by a colleague: live
            assert await seen.wait("StoreChanged", ana_pilot)
            assert "dee" in picker_row(ana_app, b.id)

            await ana_pilot.press("enter")  # ana opens a too
            await settle(ana_pilot)
            review = ana_app.screen
            assert isinstance(review, ReviewScreen)
            target = claims[0].id
            assert not label_cell(review, target).startswith("◆")

            seen.clear("StoreChanged")
            await bo_pilot.press("enter")  # bo writes a note on the first claim: takes it
            await settle(bo_pilot)
            assert await seen.wait("StoreChanged", ana_pilot)
            assert label_cell(review, target).startswith("◆bo ")
            assert not label_cell(review, claims[1].id).startswith("◆")

            seen.clear("StoreChanged")
            await bo_pilot.press("escape")  # done with it: the marker goes
            await settle(bo_pilot)
            assert await seen.wait("StoreChanged", ana_pilot)
            assert not label_cell(review, target).startswith("◆")
    finally:
        ana.close()
        bo.close()
