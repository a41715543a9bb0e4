"""Pilot tests for what acceptance testing in a real terminal found: consistency claims
(sort, table, detail), the confirm dialog's text, link history in words, the picker at
80 columns, the list info line with filters."""

from __future__ import annotations

from dataclasses import replace

from textual.widgets import DataTable, Static

from workbench.core.models import Claim, claim_id
from workbench.tui.render import change_text
from workbench.tui.screens.confirm import Confirm
from workbench.tui.screens.link import LinkDialog
from workbench.tui.screens.picker import PickerScreen
from workbench.tui.widgets.article_view import ArticleView
from workbench.tui.widgets.claims_table import ClaimsTable

from .helpers import make_app, number_claims, sample_article, settle, type_text


def consistency_claim(article, start: int, end: int, kind_type: str = "name-variants") -> Claim:
    """A hand-made consistency claim over text[start:end], with two variants."""
    text = article.text
    anchor = text[start:end]
    other = text.index("mayor")
    s_start = text.rfind("\n", 0, start) + 1
    s_end = text.find("\n", end)
    sentence = text[s_start:s_end]
    variants = [
        {"text": anchor, "count": 3, "offsets": [[start, end]]},
        {"text": anchor + "x", "count": 1, "offsets": [[other, other + 5]], "qualifier": "about",
         "sentence": "Another [bold]sentence[/]."},
    ]
    return Claim(
        id=claim_id("consistency", anchor, sentence, 0), article_id=article.id,
        kind="consistency", anchor=anchor, start=start, end=end, sentence=sentence,
        sentence_start=s_start, sentence_end=s_end,
        label=f"spelled 2 ways: {anchor} / {anchor}x",
        value={"type": kind_type, "canonical": anchor, "variants": variants},
        worthiness=None,
    )


def with_consistency(ws):
    article = sample_article()
    claims = number_claims(article)
    start = article.text.index("council")
    odd = consistency_claim(article, start, start + len("council"))
    unscored = replace(claims[-1], worthiness=None)
    ws.add_article(article, [*claims[:-1], unscored, odd])
    return article.id, claims, odd, unscored


async def test_worthiness_sort_puts_scored_first_then_consistency_then_unscored(ws):
    article_id, claims, odd, unscored = with_consistency(ws)
    app = make_app(ws, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s")
        keys = app.screen.query_one(ClaimsTable).row_keys()
        # unscored claims never rank above scored ones; the consistency claim leads them
        assert keys[-2:] == [odd.id, unscored.id]
        scores = [app.screen.by_id[k].worthiness for k in keys[:-2]]
        assert None not in scores and scores == sorted(scores, reverse=True)
        # the consistency claim shows no made-up score, and a readable kind
        table = app.screen.query_one(ClaimsTable)
        assert str(table.get_cell(odd.id, "worth")) == ""
        assert str(table.get_cell(odd.id, "kind")) == "consist."


async def test_consistency_detail_lists_variants_readably(ws):
    article_id, _, odd, _ = with_consistency(ws)
    app = make_app(ws, article_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s", "G", "k")  # the consistency claim is now next to last
        text = str(app.screen.query_one("#detail-body").render())
        assert "Variants" in text
        assert f"{odd.anchor}  ×3" in text
        assert f"{odd.anchor}x  ×1  about" in text
        assert "“Another [bold]sentence[/].”" in text  # literal, not markup
        assert "offsets" not in text and "{'text'" not in text  # no Python reprs
        # the article pane marks every variant, not only the claim's own anchor
        view = app.screen.query_one(ArticleView)
        other = view._text.index("mayor")
        assert view._also == [(other, other + 5)]
        await pilot.press("a")  # at 80 columns the article pane is toggled in
        await pilot.pause()
        line = view.line_of(other) - view.scroll_offset.y
        segments = list(view.render_line(line))
        marked = [seg for seg in segments if seg.text == "mayor"]
        assert marked and marked[0].style.bgcolor is not None


async def test_confirm_dialog_shows_its_question(ws, article_id):
    app = make_app(ws, article_id)
    for size in ((120, 40), (80, 24)):
        async with app.run_test(size=size) as pilot:
            await pilot.press("enter")
            await type_text(pilot, "draft")
            await pilot.press("escape")
            assert isinstance(app.screen, Confirm)
            question = app.screen.query(Static).first()
            assert question.region.width >= 30  # not collapsed to an empty box
            assert "Discard" in str(question.render())
            await pilot.press("y")
        app = make_app(ws, article_id)


async def test_link_history_and_undo_notice_in_words(ws, article_id):
    claim = ws.claims(article_id)[0]
    app = make_app(ws, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("l")
        await type_text(pilot, "https://example.org/a")
        await pilot.press("enter")
        await settle(pilot)  # the dialog's callback saves and redraws after the key
        text = str(app.screen.query_one("#detail-body").render())
        assert "link added: https://example.org/a" in text
        assert "[{'url'" not in text
        await pilot.press("ctrl+z")
        await settle(pilot)
        notices = [str(n.message) for n in app._notifications]
        # the notice names what the undo did, not the change it took back
        assert any(n.startswith("Undo: link removed: https://example.org/a") for n in notices)
    assert ws.verdict(article_id, claim.id).links == []


def test_change_text_words():
    a = {"url": "https://a.example/", "stance": "context"}
    b = {"url": "https://b.example/", "stance": "refutes"}
    assert change_text("links", [a], [a, b]).plain == "link added: https://b.example/"
    assert change_text("links", [a, b], [b]).plain == "link removed: https://a.example/"
    checked = {**a, "check": {"ok": True}}
    assert change_text("links", [a], [checked]).plain == (
        "link updated: https://a.example/ (check updated)")
    # fault 1: the history says which field of the link changed
    supports = {**a, "stance": "supports", "title": "Minutes"}
    assert change_text("links", [a], [supports]).plain == (
        "link updated: https://a.example/ (stance: context → supports; title: ∅ → Minutes)")
    assert change_text("status", "unreviewed", "in_progress").plain == (
        "status: unreviewed → in progress")


async def test_link_error_clears_when_the_url_changes(ws, article_id):
    app = make_app(ws, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("l")
        await type_text(pilot, "/relative")
        await pilot.press("enter")
        assert isinstance(app.screen, LinkDialog)
        error = app.screen.query_one("#link-error", Static)
        assert "absolute" in str(error.render()) or str(error.render()).strip()
        await pilot.press("backspace")
        assert not str(error.render()).strip()


async def test_picker_fits_80_columns_and_shows_ids(ws, article_id):
    app = make_app(ws, None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        table = app.screen.query_one(DataTable)
        keys = [c.key.value for c in table.ordered_columns]
        assert keys[0] == "id" and "source" not in keys  # no room for it at 80
        assert sum(c.get_render_width(table) for c in table.ordered_columns) <= 80
        assert str(table.get_cell(article_id, "id")) == article_id[:8]
        for column in table.ordered_columns:  # no header cut short ("reviewe")
            assert column.get_render_width(table) - 2 >= len(str(column.label))
        updated = str(table.get_cell(article_id, "updated"))
        assert len(updated) == 16 and "…" not in updated
        assert app.screen.check_action("back", ()) is False  # nothing to go back to
    app = make_app(ws, None)
    async with app.run_test(size=(120, 40)):
        table = app.screen.query_one(DataTable)
        keys = [c.key.value for c in table.ordered_columns]
        assert "source" in keys
        assert sum(c.get_render_width(table) for c in table.ordered_columns) <= 120


async def test_list_info_with_filters_fits_the_wide_list(ws, article_id):
    app = make_app(ws, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("1", "slash")
        await type_text(pilot, "council")
        await pilot.press("enter")
        info = app.screen.query_one("#list-info", Static)
        text = str(info.render()).strip()
        assert "only unreviewed" in text and "council" in text
        assert len(text) <= info.region.width


async def test_moving_reads_no_history_and_a_change_rereads_one_claim(ws, article_id, monkeypatch):
    calls: list[tuple] = []
    real = ws.history

    def spy(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(ws, "history", spy)
    claims = ws.claims(article_id)
    app = make_app(ws, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "j", "j", "k", "G", "g")
        assert len(calls) == 1 and calls[0] == (article_id,)  # the whole article, once
        await pilot.press("v")  # claim 0 changed; the cursor moved on to claim 1
        assert len(calls) == 1
        await pilot.press("k")  # back on claim 0: its history is read again, alone
        assert calls[-1] == (article_id, claims[0].id)
        text = str(app.screen.query_one("#detail-body").render())
        assert "status: unreviewed → verified" in text
