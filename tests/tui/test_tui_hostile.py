"""Hostile text (markup, escape sequences) in articles, notes and link titles shows literally."""

from __future__ import annotations

import re
from pathlib import Path

from rich.segment import Segment
from textual.content import Content

from workbench.core.articles import load_article_file
from workbench.tui import render
from workbench.tui.screens.review import ReviewScreen
from workbench.tui.widgets.article_view import ArticleView

from .helpers import make_app, number_claims

HOSTILE = Path(__file__).parent.parent / "data" / "tui" / "hostile.txt"
MARKUP = '[bold red]NEWS[/] [link="https://evil.example"]here[/link] [@click=app.quit]dismiss[/]'


def _article_lines(view: ArticleView) -> tuple[str, list[Segment]]:
    segments: list[Segment] = []
    for y in range(view.line_count):
        start, end = view._lines[y]
        segments.extend(view._segments(start, end, view.rich_style))
    return "".join(s.text for s in segments), segments


def _markup_cells(view: ArticleView) -> list[tuple[int, int]]:
    """Widget offsets of every [tag] in the shown article and of the cell just after it."""
    text = view._text
    gutter = view.content_offset
    cells: list[tuple[int, int]] = []
    for y in range(view.line_count):
        start, end = view._lines[y]
        for tag in re.finditer(r"\[[^\]\n]*\]", text[start:end]):
            for column in (tag.start(), tag.end()):
                if column < end - start:
                    cells.append((gutter.x + column, gutter.y + y))
    return cells


def _no_links_or_actions(content: Content) -> None:
    for span in content.spans:
        style = str(span.style)
        assert "link" not in style and "@click" not in style, style


async def test_hostile_article_shows_literally(ws):
    article = load_article_file(HOSTILE)
    claims = number_claims(article)
    assert claims
    ws.add_article(article, claims)
    app = make_app(ws, article.id)
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.screen.query_one(ArticleView)
        text, segments = _article_lines(view)
        for literal in ('[link="https://evil.example"]here[/link]', "[@click=app.quit]dismiss[/]",
                        "[/ and [0] and a [b and", "[bold]Bold[/bold]", "[on red]red[/on red]"):
            assert literal in text
        assert "\x1b" not in text and "\x07" not in text and "pwned" not in text
        for segment in segments:
            assert segment.style is None or (segment.style.link is None
                                             and not segment.style.meta)
        status = app.screen.query_one("#status-line").render()
        assert "Hostile [bold red]NEWS[/] headline" in str(status)
        _no_links_or_actions(status)
        for _ in claims:
            detail = app.screen.query_one("#detail-body").render()
            _no_links_or_actions(detail)
            await pilot.press("j")
        # clicking the article pane where markup would have made links or actions (each
        # tag, and the first cell after it) triggers no [@click] action
        targets = _markup_cells(view)
        assert len(targets) >= 10, targets
        for offset in targets:
            await pilot.click(ArticleView, offset=offset)
        assert app.is_running and isinstance(app.screen, ReviewScreen)


async def test_hostile_note_and_link_title(ws, article_id):
    claim = ws.claims(article_id)[0]
    note = f"{MARKUP}\n[/ [0] a [b \x1b[2J\x1b]0;pwned\x07end"
    ws.set_note(article_id, claim.id, note)
    ws.add_link(article_id, claim.id, "https://example.org/x?q=[b]", title=MARKUP + "\x1b[31m")
    app = make_app(ws, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        detail = app.screen.query_one("#detail-body").render()
        plain = str(detail)
        assert MARKUP in plain
        assert "[/ [0] a [b" in plain and "\x1b" not in plain and "pwned" not in plain
        _no_links_or_actions(detail)
        await pilot.press("L")
        await pilot.press("escape")
        await pilot.press("enter")  # the note editor gets the text without escapes
        from textual.widgets import TextArea

        assert "\x1b" not in app.screen.query_one(TextArea).text
        await pilot.press("escape")
        assert app.is_running


def test_render_helpers_never_parse_markup():
    assert render.line(MARKUP).plain == MARKUP
    assert render.cell(MARKUP + "\x1b[2J").plain == MARKUP
    assert render.safe("a\x1b]0;x\x07b\nc").plain == "ab\nc"
    assert render.message("bad\x1b[31m [b]thing") == "bad [b]thing"
    assert render.neutralize("a\x1bb\u202ec") == "a b c"
