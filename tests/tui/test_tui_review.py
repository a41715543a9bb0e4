"""Pilot tests of the review screen: every binding, against a real workspace on disk."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from workbench.core.store import Workspace
from workbench.tui.screens.review import ReviewScreen
from workbench.tui.widgets.article_view import ArticleView
from workbench.tui.widgets.claims_table import ClaimsTable

from .helpers import make_app, stable_clock, type_text


def table(app) -> ClaimsTable:
    return app.screen.query_one(ClaimsTable)


def current(app) -> str | None:
    return table(app).current_key


def detail_text(app) -> str:
    return str(app.screen.query_one("#detail-body").render())


async def test_moves_and_detail_follow(ws, article_id):
    app = make_app(ws, article_id)
    claims = ws.claims(article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, ReviewScreen)
        assert current(app) == claims[0].id
        await pilot.press("j", "j")
        assert current(app) == claims[2].id
        assert claims[2].label in detail_text(app)
        assert app.screen.query_one(ArticleView)._current.id == claims[2].id
        await pilot.press("k")
        assert current(app) == claims[1].id
        await pilot.press("down", "up", "up")
        assert current(app) == claims[0].id
        await pilot.press("G")
        assert current(app) == claims[-1].id
        await pilot.press("g")
        assert current(app) == claims[0].id
        await pilot.press("end")
        assert current(app) == claims[-1].id
        await pilot.press("home")
        assert current(app) == claims[0].id


@pytest.mark.parametrize(
    ("key", "status"),
    [("v", "verified"), ("d", "disputed"), ("f", "false"), ("i", "inconclusive"),
     ("p", "in_progress")],
)
async def test_mark_each_status_is_saved_at_once(ws, article_id, key, status):
    app = make_app(ws, article_id)
    claims = ws.claims(article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", key)
        assert ws.verdict(article_id, claims[1].id).status == status
        assert str(table(app).get_cell(claims[1].id, "mark")) != "·"
        assert "1/" in str(app.screen.query_one("#status-line").render()) or status == "in_progress"
        assert current(app) == claims[2].id  # marking moved on to the next claim
        await pilot.press("k", "x")
        assert ws.verdict(article_id, claims[1].id).status == "unreviewed"
        assert current(app) == claims[2].id


async def test_marking_advances_stays_on_last_and_can_be_turned_off(ws, article_id):
    claims = ws.claims(article_id)
    app = make_app(ws, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("v", "d", "f", "i", "p", "x")
        assert current(app) == claims[6].id
        statuses = [ws.verdict(article_id, c.id).status for c in claims[:6]]
        assert statuses == ["verified", "disputed", "false", "inconclusive", "in_progress",
                            "unreviewed"]
        await pilot.press("G", "v", "v")  # the last claim: marking keeps the cursor there
        assert current(app) == claims[-1].id
        assert ws.verdict(article_id, claims[-1].id).status == "verified"
        await pilot.press("g", "v")  # already verified: still moves on
        assert current(app) == claims[1].id
    app = make_app(ws, article_id, advance_on_mark=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("g", "j", "f")  # g: it opened at the first unreviewed claim
        assert current(app) == claims[1].id
        assert ws.verdict(article_id, claims[1].id).status == "false"


async def test_marking_follows_the_sorted_list(ws, article_id):
    claims = ws.claims(article_id)
    app = make_app(ws, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s")
        keys = table(app).row_keys()
        assert keys != [c.id for c in claims]
        assert current(app) == claims[0].id  # the sort kept the cursor on its claim
        await pilot.press("g", "j")
        here = 1
        await pilot.press("v")
        assert ws.verdict(article_id, keys[here]).status == "verified"
        after = keys[here + 1]
        assert current(app) == after  # the next row of the sorted list, not of the article
        article = app.screen.query_one(ArticleView)
        assert article._current is not None and article._current.id == after
        assert app.screen.by_id[after].label in detail_text(app)


async def test_next_and_previous_unreviewed(ws, article_id):
    claims = ws.claims(article_id)
    ws.set_status(article_id, claims[1].id, "verified")
    ws.set_status(article_id, claims[2].id, "false")
    app = make_app(ws, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        assert current(app) == claims[3].id
        await pilot.press("N")
        assert current(app) == claims[0].id
        await pilot.press("N")  # wraps to the end
        assert current(app) == claims[-1].id


async def test_undo_redo(ws, article_id):
    app = make_app(ws, article_id)
    claims = ws.claims(article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("v", "f")  # claim 0 verified, claim 1 false (marking moves on)
        await pilot.press("ctrl+z")
        assert ws.verdict(article_id, claims[1].id).status == "unreviewed"
        assert current(app) == claims[1].id
        await pilot.press("ctrl+z")
        assert ws.verdict(article_id, claims[0].id).status == "unreviewed"
        assert str(table(app).get_cell(claims[0].id, "mark")) == "·"
        await pilot.press("ctrl+y")
        assert ws.verdict(article_id, claims[0].id).status == "verified"
        await pilot.press("ctrl+y", "ctrl+y")  # one too many: a notice, no crash
        assert ws.verdict(article_id, claims[1].id).status == "false"


async def test_status_filters_and_clear(ws, article_id):
    claims = ws.claims(article_id)
    ws.set_status(article_id, claims[0].id, "verified")
    ws.set_status(article_id, claims[3].id, "verified")
    ws.set_status(article_id, claims[4].id, "false")
    app = make_app(ws, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")
        assert table(app).row_keys() == [claims[0].id, claims[3].id]
        await pilot.press("5")  # combined: verified or false
        assert table(app).row_keys() == [claims[0].id, claims[3].id, claims[4].id]
        assert "only verified or false" in str(app.screen.query_one("#list-info").render())
        await pilot.press("3")  # toggled off again: false only
        assert table(app).row_keys() == [claims[4].id]
        await pilot.press("5", "4")
        assert table(app).row_keys() == []
        await pilot.press("0")
        assert len(table(app).row_keys()) == len(claims)
        await pilot.press("1")
        assert len(table(app).row_keys()) == len(claims) - 3
        await pilot.press("1")  # the same key again toggles the filter off
        assert len(table(app).row_keys()) == len(claims)


async def test_text_filter(ws, article_id):
    claims = ws.claims(article_id)
    app = make_app(ws, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash")
        box = app.screen.query_one("#filter", Input)
        assert box.has_focus
        await type_text(pilot, "teachers")
        expected = [c.id for c in claims if "teachers" in c.sentence]
        assert expected and table(app).row_keys() == expected
        await pilot.press("enter")
        assert table(app).has_focus
        await pilot.press("v")  # keys work again on the list
        assert ws.verdict(article_id, expected[0]).status == "verified"
        await pilot.press("slash", "escape")
        assert len(table(app).row_keys()) == len(claims)
        assert not box.display


async def test_cycle_sort(ws, article_id):
    claims = ws.claims(article_id)
    ws.set_status(article_id, claims[2].id, "false")
    app = make_app(ws, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        assert table(app).row_keys() == [c.id for c in claims]
        await pilot.press("s")
        by_worth = sorted(claims, key=lambda c: -(c.worthiness or 0))
        assert table(app).row_keys() == [c.id for c in by_worth]
        await pilot.press("s")
        keys = table(app).row_keys()
        assert keys[-1] == claims[2].id  # false sorts after unreviewed
        await pilot.press("s")
        assert table(app).row_keys() == [c.id for c in claims]


async def test_toggle_article_and_cycle_focus(ws, article_id):
    app = make_app(ws, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        article = app.screen.query_one(ArticleView)
        assert article.display
        await pilot.press("tab")
        assert app.screen.focused.id == "detail"
        await pilot.press("tab")
        assert app.screen.focused is article
        await pilot.press("tab")
        assert table(app).has_focus
        await pilot.press("a")
        await pilot.pause()
        assert not article.display
    app = make_app(ws, article_id)
    async with app.run_test(size=(80, 24)) as pilot:
        article = app.screen.query_one(ArticleView)
        assert not article.display  # narrow: the article is hidden until asked for
        await pilot.press("a")
        await pilot.pause()
        assert article.display
        assert not app.screen.query_one("#detail").display


async def test_quit_and_reopen_shows_everything(ws_path, ws, article_id):
    claims = ws.claims(article_id)
    app = make_app(ws, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("v", "d")  # claims 0 and 1; the cursor is now on claim 2
        await pilot.press("enter")
        await type_text(pilot, "two")
        await pilot.press("enter")
        await type_text(pilot, "lines")
        await pilot.press("ctrl+s", "l")
        await type_text(pilot, "https://example.org/src")
        await pilot.press("enter")
        await pilot.press("q")
    assert app.return_code in (0, None)
    ws.close()
    with Workspace.open(ws_path, reviewer="tester", clock=stable_clock()) as again:
        app = make_app(again, article_id)
        async with app.run_test(size=(120, 40)) as pilot:
            marks = [str(table(app).get_cell(c.id, "mark")) for c in claims[:3]]
            assert marks == ["✓", "!", "·"]
            assert "2/" in str(app.screen.query_one("#status-line").render())
            await app.screen.matching_done.wait()  # set once the list is first filled
            assert current(app) == claims[2].id  # back at the first unreviewed claim
            await pilot.press("g", "j")
            text = detail_text(app)
            assert "disputed" in text and "History" in text
            await pilot.press("j")
            text = detail_text(app)
            assert "two\nlines" in text
            assert "https://example.org/src" in text
            assert "link added: https://example.org/src" in text  # history, in words


async def test_keymap_override(ws, article_id):
    claims = ws.claims(article_id)
    app = make_app(ws, article_id, keymap={"mark_verified": "y", "cursor_down": "ctrl+n"})
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+n", "y")
        assert ws.verdict(article_id, claims[1].id).status == "verified"
        await pilot.press("v")  # no longer bound
        assert ws.verdict(article_id, claims[1].id).status == "verified"
        rows = dict((r[2], r[0]) for r in app.help_rows())
        assert rows["mark_verified"] == "y"


async def test_readonly_workspace_refuses_changes_without_crashing(ws_path, ws, article_id):
    with Workspace.open(ws_path, readonly=True) as ro:
        app = make_app(ro, article_id)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("v")
            await pilot.pause()
            assert "READ-ONLY" in str(app.screen.query_one("#status-line").render())
            assert ro.verdict(article_id, ws.claims(article_id)[0].id).status == "unreviewed"
            assert any("read-only" in n.message for n in app._notifications)



async def test_undo_of_an_added_claim_stays_where_it_was(ws, article_id):
    """Undoing a claim the reviewer added used to put the cursor on the first claim:
    it stays on the row next to the removed one (and redo goes back to it)."""
    from dataclasses import replace

    from workbench.core.models import claim_id

    claims = ws.claims(article_id)
    base = claims[4]
    start = base.start + len(base.anchor) + 1
    anchor = base.sentence[start - base.sentence_start:].split(" ")[0]
    extra = replace(base, id=claim_id("statement", anchor, base.sentence, 0), kind="statement",
                    anchor=anchor, start=start, end=start + len(anchor), label=anchor,
                    origin="reviewer")
    added = ws.add_claim(article_id, extra)
    order = [c.id for c in ws.claims(article_id)]
    after = order[order.index(added.id) + 1]
    app = make_app(ws, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*["j"] * order.index(added.id))
        assert current(app) == added.id
        await pilot.press("ctrl+z")
        assert added.id not in {c.id for c in ws.claims(article_id)}
        assert current(app) == after
        await pilot.press("ctrl+y")
        assert current(app) == added.id


@pytest.mark.parametrize("width", [80, 90, 100, 120])
async def test_the_footer_shows_whole_keys_most_important_first(ws, article_id, width):
    """At 90 columns the footer cut "^z Undo" in half and hid help and quit past the
    edge: it shows the keys that fit whole, in order of importance."""
    from workbench.tui.keys import _FOOTER_FIRST, MATCH_ACTIONS, REVIEW_BINDINGS
    from workbench.tui.widgets.footer import FittingFooter, key_width

    # no claim of this workspace has an earlier check: M and W are not offered
    order = [k for k in _FOOTER_FIRST if k not in MATCH_ACTIONS]

    descriptions = {b.description: b.id for b in REVIEW_BINDINGS if b.show}
    app = make_app(ws, article_id)
    async with app.run_test(size=(width, 30)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(FittingFooter)
        keys = [k for k in footer.query("FooterKey") if not k.has_class("-command-palette")]
        shown = [descriptions[k.description] for k in keys if k.display]
        assert shown == order[: len(shown)]  # a prefix, in priority order
        assert sum(key_width(k) for k in keys if k.display) <= width
        assert {"next_unreviewed", "mark_verified", "mark_false", "help", "undo",
                "quit"} <= set(shown)  # at 80 columns quit was past the edge
        hidden = [k for k in keys if not k.display]
        if hidden:  # the next key would not have fitted whole
            assert sum(key_width(k) for k in keys if k.display) + key_width(hidden[0]) > width
        if width >= 120:
            assert shown == order


async def test_a_rename_from_the_picker_is_undone_with_ctrl_z(ws, article_id):
    """Renaming an article left no history row: ctrl+z could not take it back."""
    from workbench.tui.screens.picker import PickerScreen

    old = ws.article(article_id).title
    app = make_app(ws)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r")
        app.screen.query_one("#rename-text", Input).value = "A clearer title"
        await pilot.press("enter")
        await pilot.pause()
        assert ws.article(article_id).title == "A clearer title"
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert "A clearer title" in str(app.screen.query_one("#status-line").render())
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert ws.article(article_id).title == old
        assert old in str(app.screen.query_one("#status-line").render())
        notes = [n.message for n in app._notifications if n.message.startswith("Undo")]
        assert notes and "title" in notes[-1]


async def test_at_80_columns_selecting_a_claim_shows_its_keys_in_the_footer(ws, article_id):
    """At 80 columns the article covers the detail pane's selection help while a missed
    claim is selected: the footer said only "? Help q Quit" (no way to add or cancel)."""
    from workbench.tui.widgets.footer import FittingFooter

    def shown() -> list[str]:
        footer = app.screen.query_one(FittingFooter)
        return [str(k.description) for k in footer.query("FooterKey") if k.display]

    app = make_app(ws, article_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m")
        await pilot.pause()
        assert {"Add claim", "Cancel", "Trim start", "Trim end"} <= set(shown())
        await pilot.press("escape")
        await pilot.pause()
        assert "Add claim" not in shown() and "Undo" in shown()


async def test_a_selection_started_at_80_columns_stays_in_view_when_widened(ws, article_id):
    """Selecting a missed claim at 80 columns shows the article in place of the detail;
    widening the terminal past 100 columns then hid the article, and the selection."""
    from workbench.tui.widgets.article_view import ArticleView

    app = make_app(ws, article_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m")
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        assert view.selection is not None and view.region.width > 0
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert view.selection is not None and view.region.width > 0
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert view.region.width > 0


async def test_at_80_columns_the_detail_comes_back_after_adding_a_claim(ws, article_id,
                                                                       monkeypatch):
    """m shows the article in the detail's place at 80 columns; once the claim was added
    (or the selection cancelled) the article stayed, hiding the new claim's detail."""
    import workbench.core.services.claims as claims_service
    from workbench.tui.widgets.article_view import ArticleView
    from workbench.tui.widgets.detail import DetailPane

    monkeypatch.setattr(claims_service, "_classify",
                        lambda sentence, start, end, model: ("statement", {}, "", []))
    before = {c.id for c in ws.claims(article_id)}
    app = make_app(ws, article_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        detail, view = screen.query_one(DetailPane), screen.query_one(ArticleView)
        assert detail.region.width > 0 and view.region.width == 0
        await pilot.press("m")
        await pilot.pause()
        assert view.region.width > 0 and detail.region.width == 0
        await pilot.press("escape")
        await pilot.pause()
        assert detail.region.width > 0 and view.region.width == 0
        await pilot.press("m", "right_square_bracket", "enter")
        await app.workers.wait_for_complete()
        for _ in range(20):
            await pilot.pause()
            if {c.id for c in ws.claims(article_id)} - before:
                break
        added = [c for c in ws.claims(article_id) if c.id not in before]
        assert len(added) == 1 and screen.current_claim().id == added[0].id
        assert detail.region.width > 0 and view.region.width == 0


async def test_at_80_columns_the_selection_is_said_in_words(ws, article_id):
    """At 80 columns the article takes the detail's place while a missed claim is
    selected, and the selection was shown by colour alone: the line under the list says
    what is selected, both ends in words (the trims act on them)."""
    from textual.widgets import Static

    from workbench.tui.widgets.article_view import ArticleView

    app = make_app(ws, article_id)
    async with app.run_test(size=(80, 24)) as pilot:
        info = app.screen.query_one("#list-info", Static)
        assert "claims · sort" in str(info.render())
        await pilot.press("m")
        await pilot.pause()
        selected = app.screen.query_one(ArticleView).selection.selected
        shown = str(info.render())
        assert shown.startswith(f"selected ({len(selected.split())} words): «")
        assert selected.split()[0] in shown and selected.split()[-1] in shown
        await pilot.press("right_square_bracket")
        await pilot.pause()
        trimmed = app.screen.query_one(ArticleView).selection.selected
        assert trimmed != selected and trimmed.split()[-1] in str(info.render())
        await pilot.press("escape")
        await pilot.pause()
        assert "claims · sort" in str(info.render())
