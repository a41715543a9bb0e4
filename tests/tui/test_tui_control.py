"""The reviewer in control (issue 12): link edits keep what they do not change, the
read-only instance refuses before anyone types, markers and combined filters."""

from __future__ import annotations

from textual.widgets import Input, OptionList
from textual.widgets.data_table import ColumnKey

from workbench.core.store import Workspace
from workbench.tui.screens.link import LinkDialog
from workbench.tui.screens.links import LinksDialog
from workbench.tui.screens.loading import LoadingScreen
from workbench.tui.screens.review import ReviewScreen
from workbench.tui.widgets.claims_table import ClaimsTable

from .helpers import make_app


def table(app) -> ClaimsTable:
    return app.screen.query_one(ClaimsTable)


def label_width(app) -> int:
    return table(app).columns[ColumnKey("label")].width


async def test_readding_a_link_keeps_its_stance_and_history_says_what_changed(ws, article_id):
    """Fault 1: typing an existing URL again used to reset its stance to context."""
    claim = ws.claims(article_id)[0]
    ws.add_link(article_id, claim.id, "https://council.example/minutes", title="Minutes",
                stance="refutes")
    app = make_app(ws, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("l")
        assert isinstance(app.screen, LinkDialog)
        await pilot.press(*"https://council.example/minutes")
        await pilot.pause()
        assert app.screen.stance() == "refutes"  # filled in from the existing link
        assert app.screen.query_one("#link-title", Input).value == "Minutes"
        assert "already has this link" in str(app.screen.query_one("#link-error").render())
        await pilot.press("enter")
        assert isinstance(app.screen, ReviewScreen)
    [link] = ws.verdict(article_id, claim.id).links
    assert (link.stance, link.title) == ("refutes", "Minutes")


async def test_links_dialog_edits_stance_and_title(ws, article_id):
    claim = ws.claims(article_id)[0]
    ws.add_link(article_id, claim.id, "https://council.example/minutes", title="Minutes")
    app = make_app(ws, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("L")
        assert isinstance(app.screen, LinksDialog)
        await pilot.press("e")
        assert isinstance(app.screen, LinkDialog)
        assert app.screen.query_one("#link-url", Input).disabled  # the URL is the link
        app.screen.query_one("#stance-supports").value = True
        app.screen.query_one("#link-title", Input).value = "Council minutes, March"
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, LinksDialog)
        assert "supports" in str(app.screen.query_one(OptionList).get_option_at_index(0).prompt)
        await pilot.press("escape")
        detail = str(app.screen.query_one("#detail-body").render())
        assert "stance: context → supports" in detail  # the history says which field
        await pilot.press("ctrl+z")
        assert ws.verdict(article_id, claim.id).links[0].stance == "context"
    [link] = ws.verdict(article_id, claim.id).links
    assert link.title == "Minutes"
    changes = [c.field for c in ws.history(article_id, claim.id) if c.field.startswith("link")]
    # added; stance and title edited (one row each, store update_link); both undone
    assert changes == ["links", "link.title", "link.stance", "link.stance", "link.title"]


async def test_readonly_refuses_when_the_editor_opens(ws_path, ws, article_id):
    """Fault 4: the second instance used to let the reviewer type a whole note first."""
    with Workspace.open(ws_path, readonly=True) as ro:
        app = make_app(ro, article_id)
        async with app.run_test(size=(120, 40)) as pilot:
            for key in ("enter", "l"):
                await pilot.press(key)
                assert isinstance(app.screen, ReviewScreen), key
            assert sum("read-only" in n.message for n in app._notifications) >= 2


async def test_note_and_link_markers_in_the_list(ws, article_id):
    claims = ws.claims(article_id)
    ws.set_note(article_id, claims[1].id, "Minutes say otherwise.")
    ws.add_link(article_id, claims[2].id, "https://a.example/")
    ws.add_link(article_id, claims[2].id, "https://b.example/")
    app = make_app(ws, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        cell = lambda cid: str(table(app).get_cell(cid, "extras"))  # noqa: E731
        assert cell(claims[0].id) == ""
        assert cell(claims[1].id) == "✎"
        assert cell(claims[2].id) == "↗2"
        await pilot.press("enter", *"new", "ctrl+s")  # a note on the first claim: marked at once
        assert cell(claims[0].id) == "✎"


async def test_label_column_takes_the_free_width_and_follows_resizes(ws, article_id):
    app = make_app(ws, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        at_120 = label_width(app)
        assert at_120 >= 40  # was 28
        await pilot.press("a")  # hide the article pane: the list takes the whole width
        await pilot.pause()
        assert label_width(app) > at_120 + 30
        await pilot.press("a")
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert label_width(app) < at_120


async def test_the_model_load_is_its_own_step(ws, monkeypatch):
    """Fault 11: the spaCy load used to look like a claims bar stuck at 0."""
    import asyncio
    import threading

    import workbench.core.nlp.pipeline as pipeline
    from workbench.tui.app import Pending

    from .helpers import sample_article

    loading, release = threading.Event(), threading.Event()

    def slow_load(name=None):
        loading.set()
        release.wait(10)

    monkeypatch.setattr(pipeline, "load_pipeline", slow_load)
    import workbench.core.nlp.extract as extract
    from workbench.core.errors import WorkbenchError

    def stop(*args, **kwargs):
        raise WorkbenchError("stopped here")

    monkeypatch.setattr(extract, "extract_claims", stop)
    app = make_app(ws, pending=Pending(article=sample_article()))
    async with app.run_test(size=(120, 40)) as pilot:
        assert await asyncio.to_thread(loading.wait, 10)
        await pilot.pause()
        assert isinstance(app.screen, LoadingScreen)
        assert "Loading the language model" in str(
            app.screen.query_one("#loading-step").render())
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "stopped here" in str(app.screen.query_one("#loading-note").render())
