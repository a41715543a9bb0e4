"""A workspace whose article holds one claim id twice (extracted before ids were kept
unique: a sentence repeated before a line break) opens: one row for that id, no crash."""

from __future__ import annotations

from dataclasses import replace

from workbench.tui.screens.review import ReviewScreen
from workbench.tui.widgets.claims_table import ClaimsTable

from .helpers import make_app, number_claims, sample_article


async def test_an_article_with_a_claim_id_twice_opens(ws):
    article = sample_article()
    claims = number_claims(article)
    claims[3] = replace(claims[3], id=claims[1].id)
    ws.add_article(article, claims)
    app = make_app(ws, article.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        keys = app.screen.query_one(ClaimsTable).row_keys()
        assert len(keys) == len(set(keys)) == len(claims) - 1
        await pilot.press("j", "v")
        assert ws.verdict(article.id, claims[1].id).status == "verified"
