"""The dialogs' radio buttons and check box: their state shows without colour, and the
arrow keys choose.

Textual drew the same ● in every radio button and the same X in the check box, on and
off told apart by colour alone (a monochrome terminal showed every format chosen and
"every article" ticked); and → only moved a highlight, so → onto html then ctrl+s
exported Markdown."""

from __future__ import annotations

from textual.widgets import Input

from workbench.tui.screens.export import ExportDialog
from workbench.tui.screens.link import LinkDialog
from workbench.tui.screens.review import ReviewScreen

from .helpers import make_app


def _shown(widget) -> str:
    return str(widget.render())


async def test_only_the_chosen_radio_button_and_a_ticked_box_hold_a_mark(ws, article_id):
    app = make_app(ws, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        assert isinstance(app.screen, ExportDialog)
        dialog = app.screen
        assert "●" in _shown(dialog.query_one("#fmt-md"))
        for fmt in ("html", "csv", "json", "claimreview"):
            assert "●" not in _shown(dialog.query_one(f"#fmt-{fmt}")), fmt
        box = dialog.query_one("#export-all")
        assert "X" not in _shown(box)
        box.value = True
        await pilot.pause()
        assert "X" in _shown(box)


async def test_an_arrow_chooses_the_format_and_ctrl_s_exports_it(ws, article_id, tmp_path,
                                                                 monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = make_app(ws, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e", "right")
        dialog = app.screen
        assert dialog.fmt() == "html"
        assert "●" in _shown(dialog.query_one("#fmt-html"))
        assert "●" not in _shown(dialog.query_one("#fmt-md"))
        path = dialog.query_one("#export-path", Input).value
        assert path.endswith(".html")
        await pilot.press("right", "left")
        assert dialog.fmt() == "html"
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ReviewScreen)
    assert (tmp_path / path).read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


async def test_enter_in_the_format_row_exports(ws, article_id, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = make_app(ws, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e", "right", "right")
        path = app.screen.query_one("#export-path", Input).value
        await pilot.press("enter")
        assert isinstance(app.screen, ReviewScreen)
    assert path.endswith(".csv") and (tmp_path / path).read_text(encoding="utf-8").startswith(
        "article_id,")


async def test_an_arrow_chooses_the_stance_and_enter_saves_the_link(ws, article_id):
    claim = ws.claims(article_id)[0]
    app = make_app(ws, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("l")
        assert isinstance(app.screen, LinkDialog)
        app.screen.query_one("#link-url", Input).value = "https://stats.example.org/a"
        await pilot.press("tab", "left")  # context -> refutes
        assert app.screen.stance() == "refutes"
        assert "●" not in _shown(app.screen.query_one("#stance-context"))
        await pilot.press("enter")
        assert isinstance(app.screen, ReviewScreen)
    assert [(link.url, link.stance) for link in ws.verdict(article_id, claim.id).links] == [
        ("https://stats.example.org/a", "refutes")]


async def test_editing_a_link_the_arrows_start_from_its_stance(ws, article_id):
    claim = ws.claims(article_id)[0]
    ws.add_link(article_id, claim.id, "https://a.example/1", stance="supports")
    app = make_app(ws, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("L", "e")
        assert isinstance(app.screen, LinkDialog)
        assert app.screen.stance() == "supports"
        await pilot.press("right")  # supports -> refutes (not the option after the first)
        assert app.screen.stance() == "refutes"
        await pilot.press("ctrl+s")
    assert ws.verdict(article_id, claim.id).links[0].stance == "refutes"
