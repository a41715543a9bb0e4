"""Opening a half-done article puts the cursor on its first unreviewed claim (as `n`
would find it), and the line under the list says so until the cursor moves; an
article with nothing marked yet, or with every claim marked, opens at the top.
Synchronised on the screen's ``matching_done`` event (set after the first fill)."""

from __future__ import annotations

from workbench.tui.screens.review import ReviewScreen
from workbench.tui.widgets.claims_table import ClaimsTable

from .helpers import make_app


def info(app) -> str:
    return str(app.screen.query_one("#list-info").render())


async def opened(app, pilot) -> ReviewScreen:
    screen = app.screen
    assert isinstance(screen, ReviewScreen)
    await screen.matching_done.wait()
    await pilot.pause()
    return screen


async def test_a_half_done_article_opens_at_its_first_unreviewed_claim(ws, article_id):
    claims = ws.claims(article_id)
    assert len(claims) >= 4
    ws.set_status(article_id, claims[0].id, "verified")
    ws.set_status(article_id, claims[1].id, "dismissed")
    ws.set_status(article_id, claims[3].id, "false")  # after the gap: not skipped to
    app = make_app(ws, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await opened(app, pilot)
        assert screen.query_one(ClaimsTable).current_key == claims[2].id
        assert screen.current == claims[2].id
        assert "from #3, the first unreviewed (g: top)" in info(app)
        await pilot.press("g")
        assert screen.query_one(ClaimsTable).current_key == claims[0].id
        assert "first unreviewed" not in info(app)  # it said where the list started


async def test_an_article_with_nothing_marked_or_all_marked_opens_at_the_top(ws, article_id):
    claims = ws.claims(article_id)
    for marked in (False, True):
        if marked:
            for claim in claims:
                ws.set_status(article_id, claim.id, "verified")
        app = make_app(ws, article_id)
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await opened(app, pilot)
            assert screen.query_one(ClaimsTable).current_key == claims[0].id
            assert "first unreviewed" not in info(app)


async def test_the_note_goes_once_a_filter_or_a_sort_renumbers_the_list(ws, article_id):
    claims = ws.claims(article_id)
    ws.set_status(article_id, claims[0].id, "verified")
    for keys in (["s"], ["1"]):  # sort by worthiness; only unreviewed claims
        app = make_app(ws, article_id)
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await opened(app, pilot)
            assert "from #2, the first unreviewed" in info(app)
            await pilot.press(*keys)
            assert screen.current == claims[1].id  # the cursor stays on its claim
            assert "first unreviewed" not in info(app)
