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

from .helpers import make_app, type_text


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
        await type_text(pilot, "https://council.example/minutes")
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
        assert "council.example/minutes (stance: context → supports)" in detail
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
        await pilot.press("enter")
        await type_text(pilot, "new")
        await pilot.press("ctrl+s")  # a note on the first claim: marked at once
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
    import workbench.core.services.importing as importing
    from workbench.core.errors import WorkbenchError

    def stop(*args, **kwargs):
        raise WorkbenchError("stopped here")

    monkeypatch.setattr(importing, "extract", stop)
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


async def test_dismiss_counts_as_reviewed_and_progress_reaches_all(ws, article_id):
    claims = ws.claims(article_id)
    for claim in claims[1:]:
        ws.set_status(article_id, claim.id, "verified")
    app = make_app(ws, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("D")
        assert ws.verdict(article_id, claims[0].id).status == "dismissed"
        status = str(app.screen.query_one("#status-line").render())
        assert f"{len(claims)}/{len(claims)} reviewed" in status
        await pilot.press("7")
        assert table(app).row_keys() == [claims[0].id]
        await pilot.press("ctrl+z")
        assert ws.verdict(article_id, claims[0].id).status == "unreviewed"
        rows = {r[2]: r[0] for r in app.help_rows()}
        assert rows["mark_dismissed"] == "D" and rows["add_claim"] == "m"


async def test_reword_a_claim_and_go_back(ws, article_id):
    claim = ws.claims(article_id)[0]
    app = make_app(ws, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r")
        box = app.screen.query_one("#label-text", Input)
        box.value = "Council budget: $120m, up 8%"
        await pilot.press("enter")
        assert ws.verdict(article_id, claim.id).label == "Council budget: $120m, up 8%"
        assert "Council budget" in str(table(app).get_cell(claim.id, "label"))
        detail = str(app.screen.query_one("#detail-body").render())
        assert "extracted as:" in detail
        await pilot.press("ctrl+z")
        assert ws.verdict(article_id, claim.id).label == ""
        assert "Council budget" not in str(table(app).get_cell(claim.id, "label"))


async def test_add_a_claim_by_keyboard_selection(ws, article_id):
    """Issue 12: mark a span in the article pane, confirm; kind/value derived; undoable."""
    before = {c.id for c in ws.claims(article_id)}
    app = make_app(ws, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("m")  # starts as the current claim's sentence
        view = app.screen.query_one("#article")
        assert view.selection is not None and view.selection.selected.startswith("The council")
        await pilot.press("v")  # a review key does nothing while selecting
        assert ws.verdict(article_id, ws.claims(article_id)[0].id).status == "unreviewed"
        for _ in range(3):
            await pilot.press("left_square_bracket")
        assert view.selection.selected.startswith("a budget")
        while not view.selection.selected.endswith("dollars"):
            await pilot.press("right_square_bracket")
        assert view.selection.selected == "a budget of 120 million dollars"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        added = [c for c in ws.claims(article_id) if c.id not in before]
        assert len(added) == 1
        claim = added[0]
        assert claim.anchor == "a budget of 120 million dollars" and claim.origin == "reviewer"
        assert claim.kind in ("money", "quantity", "statement")
        assert table(app).current_key == claim.id
        await pilot.press("ctrl+z")
        assert {c.id for c in ws.claims(article_id)} == before
        assert claim.id not in table(app).rows


async def test_rename_an_article_from_the_picker(ws, article_id):
    app = make_app(ws)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r")
        box = app.screen.query_one("#rename-text", Input)
        box.value = "City budget, 2024"
        await pilot.press("enter")
        await pilot.pause()
        assert ws.article(article_id).title == "City budget, 2024"
        assert "City budget, 2024" in str(app.screen.query_one("#articles").get_row_at(0)[1])


async def test_read_only_instance_follows_the_writer_and_can_take_over(ws_path, ws, article_id):
    """Fault 4: the second instance shows the writer's changes, and offers to write
    once the writer has quit."""
    from workbench.tui.screens.confirm import Confirm

    claims = ws.claims(article_id)

    async def until(pilot, condition) -> bool:
        for _ in range(600):  # the store's watcher polls; wait for the change, not a clock
            if condition():
                return True
            await pilot.pause(0.05)
        return condition()

    with Workspace.open(ws_path, readonly=True) as ro:
        app = make_app(ro, article_id)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            ws.set_status(article_id, claims[0].id, "false")
            assert await until(pilot, lambda: str(table(app).get_cell(claims[0].id, "mark"))
                               == "✗")
            ws.close()  # the writer quits: the lock is free
            assert await until(pilot, lambda: isinstance(app.screen, Confirm))
            await pilot.press("y")
            assert not ro.readonly
            await pilot.press("v")
            assert ro.verdict(article_id, claims[0].id).status == "verified"
            assert "READ-ONLY" not in str(app.screen.query_one("#status-line").render())


async def test_check_links_keeps_an_earlier_good_check_when_refused(ws, article_id):
    """Issue 16 item 15: `c` used to overwrite a good check with "refused" for a link on
    a private address; the one rule of services.link_checks keeps the earlier result."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            body = b"<html><head><title>Minutes</title></head><body>ok</body></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_HEAD = do_GET  # noqa: N815

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{httpd.server_address[1]}/minutes"
    claim = ws.claims(article_id)[0]
    ws.add_link(article_id, claim.id, url)
    good = {"ok": True, "status_code": 200, "checked_at": "2026-11-01T00:00:00Z"}
    ws.set_link_check(article_id, claim.id, url, good)
    try:
        app = make_app(ws, article_id)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("c")
            await app.workers.wait_for_complete()
            await pilot.pause()
            kept = ws.verdict(article_id, claim.id).links[0].check
            assert kept.ok and kept.checked_at == good["checked_at"]  # the earlier result
            assert any("refused" in n.message for n in app._notifications)
        app = make_app(ws, article_id, allow_private=True)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("c")
            await app.workers.wait_for_complete()
            await pilot.pause()
            check = ws.verdict(article_id, claim.id).links[0].check
            assert check.ok and check.checked_at != good["checked_at"]
    finally:
        httpd.shutdown()


async def test_merge_conflicts_are_flagged_until_a_reviewer_changes_the_claim(ws, article_id):
    """A claim whose field a merge decided by "later change wins" is flagged (list and
    detail) until a reviewer edits it."""
    from workbench.core.models import Change

    claims = ws.claims(article_id)
    ws.set_status(article_id, claims[1].id, "verified")
    ws.append_history([Change(seq=0, article_id=article_id, claim_id=claims[1].id,
                              field="status", old="false", new="verified", reviewer="tester",
                              at="2026-11-27T11:00:00Z", action="merge")])
    app = make_app(ws, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert str(table(app).get_cell(claims[1].id, "extras")) == "≠"
        assert str(table(app).get_cell(claims[0].id, "extras")) == ""
        await pilot.press("j")
        assert "Merge conflict on status" in str(app.screen.query_one("#detail-body").render())
        await pilot.press("f")  # the reviewer decides: the flag goes
        assert str(table(app).get_cell(claims[1].id, "extras")) == ""
        await pilot.press("k")
        assert "Merge conflict" not in str(app.screen.query_one("#detail-body").render())


async def test_readonly_on_request_says_so(ws_path, ws, article_id):
    with Workspace.open(ws_path, readonly=True) as ro:
        app = make_app(ro, article_id, readonly_requested=True)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("enter")
            assert isinstance(app.screen, ReviewScreen)
            refusals = [n.message for n in app._notifications if "cannot be saved" in n.message]
            assert refusals and all("--readonly" in m and "another" not in m for m in refusals)
