"""What a new fact-checker walking the workbench ran into (session 24, walker7): each
test shows one of them fixed."""

from __future__ import annotations

import io

from workbench.tui.widgets.claims_table import ClaimsTable

from .helpers import make_app, number_claims, sample_article, type_text


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
