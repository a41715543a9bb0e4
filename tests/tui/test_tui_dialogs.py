"""Pilot tests of the dialogs: note editor, links, help, palette, picker, export."""

from __future__ import annotations

import pytest
from textual.widgets import Input, OptionList, TextArea

from workbench.tui.screens.confirm import Confirm
from workbench.tui.screens.help import HelpScreen
from workbench.tui.screens.link import LinkDialog
from workbench.tui.screens.links import LinksDialog
from workbench.tui.screens.note import NoteEditor
from workbench.tui.screens.picker import PickerScreen
from workbench.tui.screens.review import ReviewScreen

from .helpers import make_app, number_claims, sample_article, type_text


async def test_note_edit_save(ws, article_id):
    claim = ws.claims(article_id)[0]
    app = make_app(ws, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, NoteEditor)
        await type_text(pilot, "Checked")
        await pilot.press("enter")
        await type_text(pilot, "budget")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ReviewScreen)
        assert ws.verdict(article_id, claim.id).note == "Checked\nbudget"
        assert "budget" in str(app.screen.query_one("#detail-body").render())


async def test_note_cancel_unchanged_closes_and_changed_asks(ws, article_id):
    claim = ws.claims(article_id)[0]
    ws.set_note(article_id, claim.id, "old note")
    app = make_app(ws, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        assert app.screen.query_one(TextArea).text == "old note"
        await pilot.press("escape")  # nothing changed: closes at once
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("enter")
        await type_text(pilot, "!!")
        await pilot.press("escape")
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")  # keep editing
        assert isinstance(app.screen, NoteEditor)
        await pilot.press("escape", "y")  # discard
        assert isinstance(app.screen, ReviewScreen)
        assert ws.verdict(article_id, claim.id).note == "old note"


async def test_add_link_and_refuse_bad_urls(ws, article_id):
    claim = ws.claims(article_id)[0]
    app = make_app(ws, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("l")
        assert isinstance(app.screen, LinkDialog)
        await type_text(pilot, "javascript:alert(1)")
        await pilot.press("enter")
        assert isinstance(app.screen, LinkDialog)  # refused inline
        assert str(app.screen.query_one("#link-error").render()).strip()
        url = app.screen.query_one("#link-url", Input)
        url.value = "ftp://example.org/x"
        await pilot.press("enter")
        assert isinstance(app.screen, LinkDialog)
        url.value = "https://stats.example.org/budget"
        await pilot.press("tab")  # to the stance radio set
        await pilot.press("right")  # context -> supports (the arrow chooses; it wraps)
        app.screen.query_one("#link-title", Input).value = "Budget [bold]table[/]"
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ReviewScreen)
        links = ws.verdict(article_id, claim.id).links
        assert [link.url for link in links] == ["https://stats.example.org/budget"]
        assert links[0].title == "Budget [bold]table[/]"
        assert links[0].stance == "supports"
        assert "Budget [bold]table[/]" in str(app.screen.query_one("#detail-body").render())


async def test_link_dialog_stance_choice(ws, article_id):
    claim = ws.claims(article_id)[0]
    app = make_app(ws, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("l")
        app.screen.query_one("#link-url", Input).value = "https://example.org/a"
        app.screen.query_one("#stance-refutes").value = True
        await pilot.press("enter")
        assert ws.verdict(article_id, claim.id).links[0].stance == "refutes"
        await pilot.press("l")
        await pilot.press("escape")
        assert isinstance(app.screen, ReviewScreen)
        assert len(ws.verdict(article_id, claim.id).links) == 1


async def test_manage_links_remove_and_undo(ws, article_id):
    claim = ws.claims(article_id)[0]
    ws.add_link(article_id, claim.id, "https://a.example/1", title="one")
    ws.add_link(article_id, claim.id, "https://b.example/2", title="two", stance="supports")
    app = make_app(ws, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("L")
        assert isinstance(app.screen, LinksDialog)
        assert app.screen.query_one(OptionList).option_count == 2
        await pilot.press("down", "x")
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        assert app.screen.query_one(OptionList).option_count == 1
        assert [link.url for link in ws.verdict(article_id, claim.id).links] == [
            "https://a.example/1"
        ]
        await pilot.press("escape")
        await pilot.press("ctrl+z")
        assert len(ws.verdict(article_id, claim.id).links) == 2


async def test_j_and_k_move_in_the_links_list(ws, article_id):
    claim = ws.claims(article_id)[0]
    for n in range(3):
        ws.add_link(article_id, claim.id, f"https://a.example/{n}", title=f"link {n}")
    app = make_app(ws, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("L")
        options = app.screen.query_one(OptionList)
        assert options.highlighted == 0
        await pilot.press("j", "j")
        assert options.highlighted == 2
        await pilot.press("k")
        assert options.highlighted == 1
        await pilot.press("x", "y")  # the link j/k chose is the one removed
        urls = [link.url for link in ws.verdict(article_id, claim.id).links]
        assert urls == ["https://a.example/0", "https://a.example/2"]


async def test_help_lists_every_binding(ws, article_id):
    app = make_app(ws, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        ids = {row[2] for row in app.screen.rows}
        from workbench.tui.keys import REVIEW_BINDINGS

        assert {b.id for b in REVIEW_BINDINGS} <= ids
        await pilot.press("escape")
        assert isinstance(app.screen, ReviewScreen)


async def test_g_and_G_go_to_the_top_and_end_of_the_help(ws, article_id):
    """g / G move to the first / last claim in the list, and did nothing in the help."""
    from textual.containers import VerticalScroll

    app = make_app(ws, article_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        view = app.screen.query_one("#help-table", VerticalScroll)
        assert view.max_scroll_y > 0 and view.scroll_y == 0
        await pilot.press("G")
        await pilot.pause()
        assert view.scroll_y == view.max_scroll_y
        await pilot.press("g")
        await pilot.pause()
        assert view.scroll_y == 0
        assert isinstance(app.screen, HelpScreen)


@pytest.mark.parametrize("width", [80, 110])
async def test_help_shows_every_description_and_id_whole(ws, article_id, width):
    """The help cut its descriptions ("Dismiss: not a checkable claim (counts as
    reviewe…") and, at 80 columns, the binding ids a keymap needs ("cursor_d"): the
    action column wraps to the dialog instead."""
    from textual.containers import VerticalScroll
    from textual.widgets import Static

    from workbench.tui.screens.help import keys_table

    app = make_app(ws, article_id)
    async with app.run_test(size=(width, 30)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        view = app.screen.query_one("#help-table", VerticalScroll)
        keys = app.screen.query_one("#help-keys", Static)
        assert view.max_scroll_x == 0 and keys.size.width <= width
        lines = app.console.render_lines(keys_table(app.screen.rows),
                                         app.console.options.update_width(keys.size.width))
        shown = "\n".join("".join(segment.text for segment in line) for line in lines)
        words = set(shown.split())
        assert "…" not in shown
        for _keys, description, binding_id in app.screen.rows:
            assert binding_id in words
            assert set(description.split()) <= words, description


async def test_palette_runs_an_action(ws, article_id):
    claim = ws.claims(article_id)[0]
    app = make_app(ws, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "Mark false")
        from textual.command import CommandList

        hits = app.screen.query_one(CommandList)
        for _ in range(1000):  # the palette searches in a worker: wait for its hit, no clock
            if hits.option_count and "Mark false" in str(hits.get_option_at_index(0).prompt):
                break
            await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert ws.verdict(article_id, claim.id).status == "false"


async def test_palette_lists_every_action(ws, article_id):
    app = make_app(ws, article_id)
    async with app.run_test(size=(120, 40)):
        titles = {c.title for c in app.get_system_commands(app.screen)}
        for wanted in ("Mark verified", "Edit the claim's note", "Undo the last change",
                       "Open the article picker", "Export a report"):
            assert wanted in titles


async def test_picker_lists_and_opens_articles(ws, article_id):
    other = sample_article("Second piece\n\nIt cost 5 dollars and 7 cents in 1999.", "two.txt")
    ws.add_article(other, number_claims(other))
    app = make_app(ws, None)
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("j", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        first_opened = app.screen.article.id
        await pilot.press("o")
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("escape")  # back to the article
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("o", "k", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert app.screen.article.id != first_opened
        assert {first_opened, app.screen.article.id} == {article_id, other.id}
        assert len(app.screen_stack) == 2


async def test_empty_picker_says_what_to_do(ws):
    app = make_app(ws, None)
    async with app.run_test(size=(80, 24)) as pilot:
        # the way on without leaving the workbench (it said "Quit (q) and run: workbench PATH")
        assert "Press a to add one" in str(app.screen.query_one("#picker-empty").render())
        await pilot.press("q")
    assert not app.is_running


async def test_export_dialog_writes_report(ws, article_id, tmp_path):
    ws.set_status(article_id, ws.claims(article_id)[0].id, "false")
    app = make_app(ws, article_id)
    target = tmp_path / "out" / "report.md"
    target.parent.mkdir()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        app.screen.query_one("#export-path", Input).value = str(target)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ReviewScreen)
    assert target.is_file() and "City budget" in target.read_text()


async def test_export_proposes_a_full_path_and_the_toast_shows_it(ws, article_id, tmp_path,
                                                                   monkeypatch):
    """The report went to a bare file name in whatever folder the workbench started in,
    and the toast said only that name: the dialog proposes the full path (the current
    folder), the toast names it in full, an earlier report is never replaced."""
    monkeypatch.chdir(tmp_path)
    earlier = tmp_path / "city-budget-grows-again-report.md"
    earlier.write_text("an earlier report", encoding="utf-8")
    ws.set_status(article_id, ws.claims(article_id)[0].id, "false")
    app = make_app(ws, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        box = app.screen.query_one("#export-path", Input)
        proposed = tmp_path / "city-budget-grows-again-report-2.md"
        assert box.value == str(proposed)
        app.screen.query_one("#fmt-html").value = True
        await pilot.pause()
        assert box.value == str(tmp_path / "city-budget-grows-again-report.html")  # no such file
        app.screen.query_one("#fmt-md").value = True
        await pilot.pause()
        assert box.value == str(proposed)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ReviewScreen)
        toasts = [n.message for n in app._notifications if "Report written" in n.message]
        assert toasts and str(proposed) in toasts[-1]
    assert earlier.read_text(encoding="utf-8") == "an earlier report"
    assert "City budget" in proposed.read_text(encoding="utf-8")


async def test_export_asks_before_replacing_a_file(ws, article_id, tmp_path):
    target = tmp_path / "report.md"
    target.write_text("keep me", encoding="utf-8")
    app = make_app(ws, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        app.screen.query_one("#export-path", Input).value = str(target)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, Confirm) and "report.md" in app.screen.question
        await pilot.press("n")
        assert "Not replaced" in str(app.screen.query_one("#export-error").render())
        assert target.read_text(encoding="utf-8") == "keep me"
        await pilot.press("ctrl+s", "y")
        assert isinstance(app.screen, ReviewScreen)
    assert "City budget" in target.read_text(encoding="utf-8")


async def test_export_dialog_refuses_bad_status(ws, article_id, tmp_path):
    app = make_app(ws, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        app.screen.query_one("#export-statuses", Input).value = "bogus"
        app.screen.query_one("#export-path", Input).value = str(tmp_path / "r.md")
        await pilot.press("ctrl+s")
        assert "Unknown status" in str(app.screen.query_one("#export-error").render())
        await pilot.press("escape")
    assert not (tmp_path / "r.md").exists()


async def test_export_dialog_has_the_claimreview_fields(ws, article_id, tmp_path):
    """Issue 12 fault 9: the dialog used to say "pass --url" with no field to type it in."""
    ws.set_status(article_id, ws.claims(article_id)[0].id, "false")
    app = make_app(ws, article_id)
    target = tmp_path / "review.json"
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        app.screen.query_one("#fmt-claimreview").value = True
        await pilot.pause()  # the format's suffix goes on the path first
        app.screen.query_one("#export-path", Input).value = str(target)
        await pilot.press("ctrl+s")
        assert "URL of the page" in str(app.screen.query_one("#export-error").render())
        app.screen.query_one("#export-url", Input).value = "https://desk.example/checks/budget"
        app.screen.query_one("#export-org", Input).value = "Example Fact Desk"
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ReviewScreen)
    text = target.read_text()
    assert "Example Fact Desk" in text and "https://desk.example/checks/budget" in text


def test_the_proposed_report_name_keeps_whole_words():
    from workbench.tui.screens.export import default_name

    assert default_name("Wisconsin governor's race: candidates trade claims on schools",
                        "md") == "wisconsin-governors-race-candidates-report.md"
    assert default_name("Café prices rose 12% in München", "csv") == (
        "cafe-prices-rose-12-in-munchen-report.csv")
    assert default_name("Новости дня", "html") == "report.html"
    assert default_name("City budget grows again", "html") == "city-budget-grows-again-report.html"


async def test_export_dialog_asks_for_the_claimreview_fields_in_its_own_words(
    ws, article_id, tmp_path
):
    """The dialog said "give --url URL" (the command's option) and, when the file
    existed, first asked to replace it only to fail after the yes."""
    ws.set_status(article_id, ws.claims(article_id)[0].id, "false")
    app = make_app(ws, article_id)
    target = tmp_path / "review.json"
    target.write_text("keep me", encoding="utf-8")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        app.screen.query_one("#fmt-claimreview").value = True
        await pilot.pause()
        app.screen.query_one("#export-path", Input).value = str(target)
        await pilot.press("ctrl+s")
        said = str(app.screen.query_one("#export-error").render())
        assert not isinstance(app.screen, Confirm)
        assert "page URL" in said and "--url" not in said
        assert app.screen.focused is app.screen.query_one("#export-url", Input)
        app.screen.query_one("#export-url", Input).value = "https://desk.example/checks/budget"
        await pilot.press("ctrl+s")
        said = str(app.screen.query_one("#export-error").render())
        assert "fill in org" in said and "--org" not in said
        assert app.screen.focused is app.screen.query_one("#export-org", Input)
    assert target.read_text(encoding="utf-8") == "keep me"


async def test_a_rename_in_the_picker_is_undone_and_redone_there(ws, article_id):
    """ctrl+z did nothing in the picker: a rename there was undoable only from the claims
    list (the toast said so)."""
    app = make_app(ws, None)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, PickerScreen)
        before = ws.article(article_id).title
        await pilot.press("r", "ctrl+u")
        await type_text(pilot, "Budget [b]grows[/b]")
        await pilot.press("enter")
        await pilot.pause()
        assert ws.article(article_id).title == "Budget [b]grows[/b]"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert ws.article(article_id).title == before
        assert before[:20] in str(app.screen.query_one("#articles").get_row_at(0)[1])
        said = [n.message for n in app._notifications if n.message.startswith("Undo:")]
        assert said and "Budget [b]grows[/b]" in said[-1]
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert ws.article(article_id).title == "Budget [b]grows[/b]"
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert any(n.message == "Nothing to redo." for n in app._notifications)


async def test_the_next_export_proposes_the_folder_and_claimreview_fields_used_last(
    ws, article_id, tmp_path, monkeypatch
):
    """Exporting md, then html, then ClaimReview to one folder: the dialog proposed the
    current folder each time and the page URL and org had to be typed again. It proposes
    the folder the last report went to (this session) and keeps what was typed."""
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "reports"
    out.mkdir()
    ws.set_status(article_id, ws.claims(article_id)[0].id, "false")
    app = make_app(ws, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        app.screen.query_one("#fmt-claimreview").value = True
        await pilot.pause()
        app.screen.query_one("#export-path", Input).value = str(out / "review.json")
        app.screen.query_one("#export-url", Input).value = "https://desk.example/checks/budget"
        app.screen.query_one("#export-org", Input).value = "Example Fact Desk"
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("e")
        box = app.screen.query_one("#export-path", Input)
        assert box.value == str(out / "city-budget-grows-again-report.md")
        app.screen.query_one("#fmt-html").value = True
        await pilot.pause()
        assert box.value == str(out / "city-budget-grows-again-report.html")
        assert app.screen.query_one("#export-url", Input).value == (
            "https://desk.example/checks/budget")
        assert app.screen.query_one("#export-org", Input).value == "Example Fact Desk"
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ReviewScreen)
    assert (out / "city-budget-grows-again-report.html").is_file()
    assert not list(tmp_path.glob("*.html"))
