"""A colleague changed the same field: the workbench shows both values side by side and
the reviewer keeps one (Pilot, a real server). Keep mine writes a new change over
theirs (in history, undoable); keep theirs writes nothing and shows theirs."""

from __future__ import annotations

import pytest
from team_fixtures import article, open_team
from tui_helpers import Seen, make_app, settle, type_text

from workbench.tui.screens.conflict import ConflictDialog
from workbench.tui.screens.review import ReviewScreen

URL = "https://example.org/report"


def sides(dialog: ConflictDialog) -> tuple[str, str, str]:
    def text(selector: str) -> str:
        return dialog.query_one(selector).content.plain

    return text("#conflict-title"), text("#conflict-theirs-value"), text("#conflict-mine-value")


@pytest.fixture
def desk(team_url):
    a, claims = article()
    with open_team(team_url("ana")) as setup:
        setup.add_article(a, claims)
        setup.add_link(a.id, claims[0].id, URL, title="the report")
    ana, bo = open_team(team_url("ana")), open_team(team_url("bo"))
    bo.verdicts(a.id)
    yield ana, bo, a, claims[0].id
    ana.close()
    bo.close()


async def test_a_note_a_colleague_saved_while_i_wrote_mine_keep_mine(desk):
    ana, bo, a, cid = desk
    seen = Seen()
    app = make_app(ana, a.id)
    async with app.run_test(size=(100, 34), message_hook=seen) as pilot:
        await settle(pilot)
        review = app.screen
        assert review.current_claim().id == cid
        await pilot.press("enter")
        await settle(pilot)
        await type_text(pilot, "mine: the ministry denies it")
        seen.clear("StoreChanged")
        bo.set_note(a.id, cid, "theirs: [bold]see the report[/] \x1b[31m")  # hostile text
        assert await seen.wait("StoreChanged", pilot)  # the screen under the editor follows
        await pilot.press("ctrl+s")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ConflictDialog)
        title, theirs, mine = sides(dialog)
        assert "bo changed the note" in title
        stored = bo.verdict(a.id, cid).note
        assert "\x1b" not in stored and "[bold]" in stored
        assert theirs == stored  # literally: the markup is text, not style
        assert mine == "mine: the ministry denies it"
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert review.session.verdicts[cid].note == "mine: the ministry denies it"
        await pilot.press("ctrl+z")  # keep mine is an undoable change of ana's
        await settle(pilot)
    assert bo.verdict(a.id, cid).note == stored
    notes = [(h.reviewer, h.action, h.new) for h in bo.history(a.id, cid) if h.field == "note"]
    assert notes == [
        ("bo", "edit", stored),
        ("ana", "edit", "mine: the ministry denies it"),
        ("ana", "undo", stored),
    ]


async def test_a_mark_over_a_colleagues_mark_keep_theirs(desk):
    ana, bo, a, cid = desk
    app = make_app(ana, a.id)
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(pilot)
        review = app.screen
        app._unwatch()  # as if the live signal of bo's mark had not arrived yet
        bo.set_status(a.id, cid, "false")
        await pilot.press("v")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ConflictDialog)
        title, theirs, mine = sides(dialog)
        assert "bo changed the status" in title
        assert "false" in theirs and "verified" in mine
        await pilot.press("t")
        await settle(pilot)
        assert app.screen is review
        assert review.session.status_of(cid) == "false"  # the view shows theirs
        assert review.current_claim().id == cid  # a refused mark does not move on
    assert bo.verdict(a.id, cid).status == "false"
    assert [(h.reviewer, h.new) for h in bo.history(a.id, cid) if h.field == "status"] == [
        ("bo", "false")
    ]


@pytest.mark.parametrize("field", ["label", "links"])
async def test_label_and_link_conflicts_keep_mine_then_theirs(desk, field):
    ana, bo, a, cid = desk
    app = make_app(ana, a.id)
    async with app.run_test(size=(120, 34)) as pilot:
        await settle(pilot)
        review = app.screen
        app._unwatch()
        session = review.session
        if field == "label":
            bo.set_label(a.id, cid, "bo's wording")
            review.attempt(session.set_label, cid, "ana's wording", base="")
        else:
            bo.update_link(a.id, cid, URL, stance="refutes")
            review.attempt(session.update_link, cid, URL, "the report", "supports",
                           base=("the report", "context"))
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ConflictDialog)
        _, theirs, mine = sides(dialog)
        if field == "label":
            assert (theirs, mine) == ("bo's wording", "ana's wording")
        else:
            assert "refutes" in theirs and "supports" in mine
        await pilot.press("m")
        await settle(pilot)
        assert app.screen is review
        v = bo.verdict(a.id, cid)
        assert v.label == "ana's wording" if field == "label" else v.links[0].stance == "supports"
        # and the other way: bo changes it again, ana keeps theirs
        bo.verdict(a.id, cid)  # bo saw ana's value (else bo would be told of a conflict)
        if field == "label":
            bo.set_label(a.id, cid, "bo again")
            review.attempt(session.set_label, cid, "ana again", base="ana's wording")
        else:
            bo.update_link(a.id, cid, URL, stance="context")
            review.attempt(session.update_link, cid, URL, "the report", "refutes",
                           base=("the report", "supports"))
        await settle(pilot)
        assert isinstance(app.screen, ConflictDialog)
        await pilot.press("t")
        await settle(pilot)
        v = bo.verdict(a.id, cid)
        assert v.label == "bo again" if field == "label" else v.links[0].stance == "context"
        shown = session.verdicts[cid]
        assert shown.label == "bo again" if field == "label" else shown.links[0].stance == "context"
    wanted = "label" if field == "label" else "link.stance"
    who = [h.reviewer for h in bo.history(a.id, cid) if h.field == wanted]
    assert who == ["bo", "ana", "bo"]
