"""A live change that arrives while the review screen is being taken down (the app
closing: its panes go one by one) is ignored, not a crash: the team test saw
``NoMatches: StatusLine`` when a colleague's mark came in as the workbench closed."""

from __future__ import annotations

from workbench.tui.screens.review import ReviewScreen
from workbench.tui.widgets.status_line import StatusLine

from .helpers import make_app


async def test_a_live_change_while_the_panes_go_is_ignored(ws, article_id):
    claims = ws.claims(article_id)
    app = make_app(ws, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        await screen.matching_done.wait()
        await pilot.pause()
        ws.set_status(article_id, claims[0].id, "verified")  # "another process"
        await screen.query_one(StatusLine).remove()  # half taken down
        await pilot.pause()
        assert not screen.alive
        screen.outside_change()  # raised NoMatches before
        await pilot.pause()
        assert screen.session.verdicts[claims[0].id].status == "unreviewed"  # not read


async def test_a_live_change_on_a_whole_screen_is_read(ws, article_id):
    claims = ws.claims(article_id)
    app = make_app(ws, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await screen.matching_done.wait()
        await pilot.pause()
        assert screen.alive
        ws.set_status(article_id, claims[0].id, "verified")
        screen.outside_change()
        await pilot.pause()
        assert screen.session.verdicts[claims[0].id].status == "verified"
