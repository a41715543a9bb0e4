"""The workbench on a team server that goes away: the status line says so at once, a
note written during the outage is kept and saved once the server is back, and the
catch-up says how many of the colleagues' changes it read (Pilot, a real server)."""

from __future__ import annotations

import asyncio
import contextlib

import psycopg
from team_fixtures import article, open_team
from tui_helpers import Seen, make_app, settle, type_text

from workbench.core.store.postgres import cluster as pgc
from workbench.tui.kept import UNREACHABLE
from workbench.tui.widgets.status_line import StatusLine


def notices(app) -> list[str]:
    return [n.message for n in app._notifications]


async def test_status_line_offline_then_back_across_a_server_restart_keeps_the_note(
    pg, team_url, team_db
):
    a, claims = article()
    with open_team(team_url("ana")) as setup:
        setup.add_article(a, claims)
    ana = open_team(team_url("ana"))
    seen = Seen()
    app = make_app(ana, a.id)
    note = "checked with the ministry"
    stopped = False
    try:
        async with app.run_test(size=(120, 30), message_hook=seen) as pilot:
            await settle(pilot)
            review = app.screen
            line = review.query_one(StatusLine)
            assert f"{team_db}@local socket online" in line.text
            claim = review.current_claim()

            await asyncio.to_thread(pg.stop_server)
            stopped = True
            assert await seen.wait("offline", pilot), "the app was not told the server is gone"
            assert "offline — reconnecting…" in line.text

            await pilot.press("enter")  # the note editor
            await settle(pilot)
            await type_text(pilot, note)
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert app.screen is review  # the editor closed, nothing crashed
            assert UNREACHABLE in notices(app)
            assert review.session.kept_value(claim.id, "note") == note
            assert "1 unsaved" in line.text
            assert review.session.verdicts[claim.id].note == ""  # nothing shown as saved
            detail = review.query_one("#detail-body").content.plain
            assert detail.startswith("Not saved yet (team server unreachable): the note")
            await pilot.press("ctrl+z")  # undo is not kept: it says so at once
            await settle(pilot)
            assert "not done: team server unreachable — undo once it is back online" in (
                notices(app)
            )

            await pilot.press("enter")  # the kept text is what the editor shows again
            await settle(pilot)
            assert app.screen.text == note
            await pilot.press("escape")
            await settle(pilot)

            seen.clear("online")
            await asyncio.to_thread(pg.start_server)
            stopped = False
            assert await seen.wait("online", pilot), "the app was not told the server is back"
            assert "back online — caught up 0 changes" in line.text
            assert "unsaved" not in line.text and not review.session.kept
            assert "Not saved yet" not in review.query_one("#detail-body").content.plain
            assert review.session.verdicts[claim.id].note == note
    finally:
        if stopped:
            with contextlib.suppress(Exception):
                pg.start_server()
        ana.close()
    with open_team(team_url("bo")) as bo:
        assert bo.verdict(a.id, claim.id).note == note
        [row] = bo.history(a.id, claim.id)
        assert (row.field, row.new, row.reviewer) == ("note", note, "ana")


async def test_a_cut_connection_catches_up_the_colleagues_changes(pg, team_url):
    a, claims = article()
    with open_team(team_url("ana")) as setup:
        setup.add_article(a, claims)
    ana, bo = open_team(team_url("ana")), open_team(team_url("bo"))
    seen = Seen()
    app = make_app(ana, a.id)
    try:
        async with app.run_test(size=(80, 24), message_hook=seen) as pilot:
            await settle(pilot)
            review = app.screen
            line = review.query_one(StatusLine)
            assert "online" in line.text
            first = review.current_claim()
            with psycopg.connect(pg.url(pgc.SHARED_DB), autocommit=True) as admin:
                admin.execute("ALTER ROLE ana NOLOGIN")  # the cut lasts until LOGIN again
                try:
                    admin.execute(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        "WHERE usename = 'ana' AND pid <> pg_backend_pid()"
                    )
                    assert await seen.wait("offline", pilot)
                    assert "offline — reconnecting…" in line.text  # at 80 columns too
                    bo.set_status(a.id, claims[1].id, "false")
                    bo.set_note(a.id, claims[2].id, "bo was here")
                    await pilot.press("v")  # a mark during the cut: kept
                    await settle(pilot)
                    assert review.session.status_of(first.id) == "unreviewed"
                    assert "1 unsaved" in line.text
                    assert len(line.text) <= 78
                finally:
                    seen.clear("online", "StoreChanged")
                    admin.execute("ALTER ROLE ana LOGIN")
            assert await seen.wait("online", pilot)
            assert "back online — caught up 2 changes" in line.text
            assert await seen.wait("StoreChanged", pilot)
            assert review.session.status_of(claims[1].id) == "false"  # caught up on screen
            assert review.session.verdicts[claims[2].id].note == "bo was here"
            assert review.session.status_of(first.id) == "verified"  # the kept mark saved
    finally:
        ana.close()
    assert bo.verdict(a.id, first.id).status == "verified"
    bo.close()
