"""What a new fact-checker walking the workbench ran into (session 24, walker7): each
test shows one of them fixed."""

from __future__ import annotations

import io

from workbench.tui.widgets.claims_table import LABEL, TYPE_ROOM, ClaimsTable

from .helpers import make_app, number_claims, sample_article, settle, type_text


def _table(app) -> ClaimsTable:
    return app.screen.query_one(ClaimsTable)


def _cursor_in_view(table: ClaimsTable) -> bool:
    top = table.scroll_offset.y
    row = table.cursor_row + 1  # the header line
    return top < row < top + table.size.height


async def test_a_smaller_terminal_keeps_the_current_claim_in_the_list(ws, article_id):
    """From 120x40 to 80x24 the list lost its bottom rows and the current claim with
    them: the detail pane showed a claim the list did not."""
    app = make_app(ws, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        table = _table(app)
        await pilot.press(*["j"] * 10)
        assert table.cursor_row == 10 and _cursor_in_view(table)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert table.size.height < 12
        assert table.cursor_row == 10
        assert _cursor_in_view(table)


BRIDGE = """Bridge to open late

Transport minister Anna Berg spoke to parliament on Monday.
She said the new bridge would open in 2027, two years late.
Traffic on the old crossing fell 12 percent after the toll began.
A survey found 3 in 10 drivers avoid the crossing.
"""


def _bridge(ws) -> tuple[str, list]:
    """Claims with a claim type and a speaker whose name their sentence does not hold."""
    from dataclasses import replace

    article = sample_article(BRIDGE, "bridge.txt")
    claims = number_claims(article)
    kinds = {"2027": ("prediction", "Anna Berg"), "12": ("correlation/causation", None)}
    claims = [
        replace(
            c,
            claim_type=kinds.get(c.anchor, ("quantity", None))[0],
            speaker=kinds.get(c.anchor, (None, None))[1],
        )
        for c in claims
    ]
    ws.add_article(article, claims)
    return article.id, ws.claims(article.id)


async def test_the_filter_finds_a_claim_type_and_a_speaker(ws):
    """`/prediction` listed nothing (the filter read label, sentence, kind and note
    only), and `/berg` missed what she said in a sentence that says "She"."""
    article_id, claims = _bridge(ws)
    by_anchor = {c.anchor: c.id for c in claims}
    app = make_app(ws, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash")
        await type_text(pilot, "prediction")
        assert _table(app).row_keys() == [by_anchor["2027"]]
        await pilot.press("escape", "slash")
        await type_text(pilot, "berg")
        shown = _table(app).row_keys()
        assert by_anchor["2027"] in shown
        assert by_anchor["12"] not in shown
        await pilot.press("escape", "slash")
        await type_text(pilot, "causation")
        assert _table(app).row_keys() == [by_anchor["12"]]


async def test_an_article_without_claims_says_how_to_add_one(ws):
    """ "No checkable claims were found" and a footer of marks that do nothing: the way
    on (m, select the words, enter) was only in the help."""
    from workbench.tui.widgets.article_view import ArticleView

    article = sample_article("Hello there\n\nWe went for a walk and it was lovely.\n", "walk.txt")
    ws.add_article(article, [])
    app = make_app(ws, article.id)
    async with app.run_test(size=(120, 40)) as pilot:
        shown = str(app.screen.query_one("#detail-body").render())
        assert "No checkable claims" in shown and "Press m" in shown
        await pilot.press("m")
        assert app.screen.query_one(ArticleView).selection is not None


async def test_the_help_says_what_the_list_marks_mean(ws, article_id):
    """The list shows ✗ ? ! – … ↗2 ≈ and a worth column; the help listed keys only, so a
    new reviewer had to guess that ? is inconclusive and ! disputed."""
    from workbench.tui.screens.help import HelpScreen

    app = make_app(ws, article_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        from rich.console import Console

        console = Console(width=78, record=True, file=io.StringIO())
        console.print(app.screen.query_one("#help-legend").content)
        shown = " ".join(console.export_text().split())
        for pair in (
            "· unreviewed",
            "… in progress",
            "✓ verified",
            "! disputed",
            "✗ false",
            "? inconclusive",
            "– dismissed",
            "✎ a note",
            "≈ checked before",
        ):
            assert pair in shown, pair
        assert "worth" in shown


SECOND = """Harbour dredging to start in May

The port authority said dredging of the northern channel will start on 4 May and cost
9 million euros. About 1,200 ships used the channel last year, up from 950 in 2021.
"""


def _fake_extraction(monkeypatch):
    """Claims without spaCy: one per number (the extraction worker's services faked)."""
    import workbench.core.services.importing as importing

    def fake_extract(articles, *, model=None, progress=None, cancel=None, **kwargs):
        return [importing.Extracted(a, number_claims(a)) for a in articles]

    monkeypatch.setattr(importing, "extract", fake_extract)


async def _add(pilot, target: str) -> None:
    from textual.widgets import Input

    await pilot.press("a")
    pilot.app.screen.query_one("#add-article-text", Input).value = target
    await pilot.press("enter")
    await pilot.app.workers.wait_for_complete()
    await settle(pilot)


async def test_a_second_article_is_added_from_the_picker(
    ws, article_id, tmp_path, monkeypatch, fake_model
):
    """The picker could only open what was stored ("Quit (q) and run: workbench
    PATH"): a second article meant leaving the workbench."""
    from workbench.tui.screens.picker import PickerScreen
    from workbench.tui.screens.review import ReviewScreen

    _fake_extraction(monkeypatch)
    path = tmp_path / "harbour.txt"
    path.write_text(SECOND, encoding="utf-8")
    app = make_app(ws, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("o")
        assert isinstance(app.screen, PickerScreen)
        await _add(pilot, str(path))
        assert isinstance(app.screen, ReviewScreen)
        added = app.screen.article
        assert added.id != article_id and added.title == "Harbour dredging to start in May"
        assert len(ws.articles()) == 2
        assert not any(isinstance(s, PickerScreen) for s in app.screen_stack)
        assert _table(app).row_keys() == [c.id for c in ws.claims(added.id)]
        # the same file again opens the stored article: nothing is read twice
        await pilot.press("o")
        await _add(pilot, str(path))
        assert isinstance(app.screen, ReviewScreen) and app.screen.article.id == added.id
        assert len(ws.articles()) == 2


async def test_what_cannot_be_added_is_said_in_the_picker(ws, article_id, tmp_path, monkeypatch):
    """A folder, a missing, empty or binary file and a malformed address: a notice,
    the picker stays, nothing is stored."""
    from workbench.tui.screens.picker import PickerScreen

    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "blob.bin").write_bytes(b"\x00\x01binary\x00" * 20)
    app = make_app(ws)
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, PickerScreen)
        for target, words in (
            (str(tmp_path), "is a folder"),
            (str(tmp_path / "nope.txt"), "no such file"),
            (str(tmp_path / "empty.txt"), "empty"),
            (str(tmp_path / "blob.bin"), "binary"),
            ("https://", "URL"),
        ):
            app.clear_notifications()
            await _add(pilot, target)
            assert isinstance(app.screen, PickerScreen), target
            shown = " ".join(n.message for n in app._notifications)
            assert words in shown, (target, shown)
        assert [a.id for a in ws.articles()] == [article_id]


async def test_an_extraction_that_fails_goes_back_to_the_picker(
    ws, article_id, tmp_path, monkeypatch, fake_model
):
    import workbench.core.services.importing as importing
    from workbench.core.errors import ModelError
    from workbench.tui.screens.picker import PickerScreen

    def broken(articles, **kwargs):
        raise ModelError("no spaCy pipeline named 'nope'")

    monkeypatch.setattr(importing, "extract", broken)
    path = tmp_path / "harbour.txt"
    path.write_text(SECOND, encoding="utf-8")
    app = make_app(ws)
    async with app.run_test(size=(120, 40)) as pilot:
        await _add(pilot, str(path))
        assert isinstance(app.screen, PickerScreen)
        assert any("nope" in n.message for n in app._notifications)
    assert [a.id for a in ws.articles()] == [article_id]


async def test_the_list_shows_the_claim_type_when_it_has_room(ws):
    """The claim type (Full Fact's typology) was in the detail pane only, never in the
    list `workbench claims` prints it in: a prediction looked like any other statement.
    With the article pane hidden (or a wide terminal) the list has a type column."""
    article_id, claims = _bridge(ws)
    app = make_app(ws, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        table = _table(app)
        assert "type" not in [str(c.label) for c in table.columns.values()]  # no room
        await pilot.press("a")
        await settle(pilot)
        assert [str(c.label) for c in table.columns.values()][:3] == ["", "kind", "type"]
        by_anchor = {c.anchor: c.id for c in claims}
        assert str(table.get_cell(by_anchor["2027"], "type")) == "prediction"
        assert str(table.get_cell(by_anchor["12"], "type")) == "causation"
        assert table.columns[LABEL].width >= TYPE_ROOM
        await pilot.press("a")
        await settle(pilot)
        assert "type" not in [str(c.label) for c in table.columns.values()]
        assert table.current_key == claims[0].id


async def test_marking_the_last_claim_says_the_article_is_done(ws):
    """Triage ended in silence: the last mark changed "10/11" to "11/11" in the status
    line and nothing said what comes next (export, another article)."""
    article_id, claims = _bridge(ws)
    app = make_app(ws, article_id)
    said: list[str] = []
    notify = app.notify
    app.notify = lambda message, **kw: (said.append(str(message)), notify(message, **kw))[1]
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*["v"] * (len(claims) - 1))
        assert not any("claims reviewed" in m for m in said)
        await pilot.press("D")  # a dismissal counts as reviewed too
        expected = (
            f"All {len(claims)} claims reviewed: e exports the report, o opens another article."
        )
        assert [m for m in said if "claims reviewed" in m] == [expected]
        await pilot.press("x", "v")  # done again: said again
        assert [m for m in said if "claims reviewed" in m] == [expected, expected]


async def test_a_picker_opened_while_an_added_article_loads_does_not_stay_behind(
    ws, article_id, tmp_path, monkeypatch, fake_model
):
    """o on the loading screen opens a picker over it; once the article is read it opens
    with no picker left under it (escape there went back to a stale list)."""
    import threading

    import workbench.core.services.importing as importing
    from workbench.tui.screens.loading import LoadingScreen
    from workbench.tui.screens.picker import PickerScreen
    from workbench.tui.screens.review import ReviewScreen

    from .helpers import settle

    go = threading.Event()

    def held_extract(articles, **kwargs):
        go.wait(60)  # released by the test once the second picker is up
        return [importing.Extracted(a, number_claims(a)) for a in articles]

    monkeypatch.setattr(importing, "extract", held_extract)
    path = tmp_path / "harbour.txt"
    path.write_text(SECOND, encoding="utf-8")
    app = make_app(ws)
    async with app.run_test(size=(120, 40)) as pilot:
        from textual.widgets import Input

        await pilot.press("a")
        app.screen.query_one("#add-article-text", Input).value = str(path)
        await pilot.press("enter")
        assert isinstance(app.screen, LoadingScreen)
        await pilot.press("o")
        assert isinstance(app.screen, PickerScreen)
        go.set()
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert not any(isinstance(s, PickerScreen | LoadingScreen) for s in app.screen_stack)


async def test_a_link_typed_without_its_scheme_is_offered_with_https(ws, article_id):
    """`en.kremlin.ru/events/president/news/64049` (as a browser's address bar shows it)
    was refused, to be typed again with https:// in front."""
    from textual.widgets import Input

    from workbench.tui.screens.link import LinkDialog

    claim = ws.claims(article_id)[0]
    app = make_app(ws, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("l")
        assert isinstance(app.screen, LinkDialog)
        await type_text(pilot, "en.kremlin.ru/events/president/news/64049")
        await pilot.press("enter")
        assert isinstance(app.screen, LinkDialog)  # not saved before the reviewer sees it
        box = app.screen.query_one("#link-url", Input)
        assert box.value == "https://en.kremlin.ru/events/president/news/64049"
        assert "https:// is put in front" in str(app.screen.query_one("#link-error").render())
        assert ws.verdict(article_id, claim.id).links == []
        await pilot.press("enter")
        assert not isinstance(app.screen, LinkDialog)
        [link] = ws.verdict(article_id, claim.id).links
        assert link.url == "https://en.kremlin.ru/events/president/news/64049"


async def test_what_no_scheme_can_mend_is_still_refused(ws, article_id):
    from textual.widgets import Input

    from workbench.tui.screens.link import LinkDialog

    app = make_app(ws, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("l")
        for typed in ("javascript:alert(1)", "not a link", "localhost/x"):
            box = app.screen.query_one("#link-url", Input)
            box.value = typed
            await pilot.press("enter")
            assert isinstance(app.screen, LinkDialog), typed
            assert box.value == typed
            assert "https:// is put in front" not in str(
                app.screen.query_one("#link-error").render()
            )


async def test_the_export_dialog_says_an_empty_status_list_leaves_out_dismissed_claims(
    ws, article_id, tmp_path, monkeypatch
):
    """ "(empty: all)" said the statuses field, and the report left out the claim
    dismissed a minute before; naming `dismissed` there keeps it."""
    from textual.widgets import Input

    from workbench.tui.screens.review import ReviewScreen

    monkeypatch.chdir(tmp_path)
    claims = ws.claims(article_id)
    ws.set_status(article_id, claims[0].id, "dismissed")
    ws.set_status(article_id, claims[1].id, "false")
    app = make_app(ws, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        statuses = app.screen.query_one("#export-statuses", Input)
        assert "all but dismissed" in statuses.placeholder
        app.screen.query_one("#export-path", Input).value = str(tmp_path / "all.md")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("e")
        app.screen.query_one("#export-statuses", Input).value = "false,dismissed"
        app.screen.query_one("#export-path", Input).value = str(tmp_path / "two.md")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ReviewScreen)
    everything = (tmp_path / "all.md").read_text(encoding="utf-8")
    assert claims[0].id[:12] not in everything and claims[1].id[:12] in everything
    two = (tmp_path / "two.md").read_text(encoding="utf-8")
    assert claims[0].id[:12] in two and claims[1].id[:12] in two
