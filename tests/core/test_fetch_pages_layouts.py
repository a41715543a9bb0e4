"""More news layouts, fetched from the local test server: a consent wall, a newsletter
box, comments and a most-read sidebar; a paywall teaser, video embed, author bio and
sponsored links; an old table-layout live page in windows-1252."""

from __future__ import annotations

import pytest
from fetch_test_server import server  # noqa: F401  (fixture)

from workbench.core.net.fetch import fetch_article
from workbench.core.net.pages import page_from_html, unwrap_layout_tables

CASES = {
    "news_drought_consent.html": {
        "title": "Reservoir levels fall to 41% as drought order extended",
        "author": "Priya Raman",
        "date": "2026-08-03",
        "keep": (
            "fallen to 41% of capacity",
            "2.3 million customers",
            "62% of the long-term average",
            "every litre saved now",
            "fined Northvale Water £4.2 million",
            "fixed 11,000 leaks",
            "fined up to £1,000",
        ),
        "drop": (
            "842 partners",
            "I ACCEPT",
            "daily briefing",
            "Sign me up",
            "READ MORE",
            "Most Read",
            "Council tax to rise",
            "gardener_joe",
            "Shareholders took",
            "All rights reserved",
            "Sign in",
        ),
    },
    "news_rail_paywall.html": {
        "title": "City unveils $780 million light-rail expansion",
        "author": "Daniel Ortiz",
        "date": "2026-05-19",
        "keep": (
            "$780 million plan",
            "28,000 riders a day",
            "45 percent of the cost",
            "wildly optimistic",
            "spring of 2027",
        ),
        "drop": (
            "free articles remaining",
            "Video player",
            "Related stories",
            "Bus fares to rise",
            "solar panels",
            "Do Not Sell",
            "Obituaries",
        ),
    },
    "news_storm_table_cp1252.html": {
        "title": "Storm live: 90,000 homes without power",
        "author": "Newsroom staff",
        "date": "2026-01-12",
        "keep": (
            "restored power to 30,000 homes",
            "Gusts of 98 mph",
            "every 30 minutes",
            "60 to 70 mph gusts",
            "214 schools are closed today, according to the county council\u2019s website",
        ),
        "drop": ("Front page", "Latest headlines", "Advertisement", "Ferry cancelled", "|"),
    },
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_layouts_give_the_story_without_boilerplate(server, name: str) -> None:  # noqa: F811
    case = CASES[name]
    article = fetch_article(server.url(f"/pages/{name}"), allow_private=True)
    assert article.title == case["title"]
    assert article.meta["author"] == case["author"]
    assert article.meta["date"] == case["date"]
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0] == case["title"]
    for sentence in case["keep"]:
        assert sentence in article.text, sentence
    for junk in case["drop"]:
        assert junk not in article.text, junk
    # every kept sentence stands in its own paragraph, not glued to table cells
    assert all(len(p) < 400 for p in paragraphs)


def test_layout_table_becomes_blocks_but_data_table_stays() -> None:
    story = " ".join(["The storm closed every road in the valley overnight."] * 12)
    html = (
        "<html><body><table><tr><td><a href='/'>Home</a></td>"
        f"<td><h1>Storm closes roads</h1><p>{story}</p></td></tr></table>"
        "<table><tr><th>Town</th><th>Rain</th></tr><tr><td>Ash</td><td>41 mm</td></tr></table>"
        "</body></html>"
    )
    out = unwrap_layout_tables(html)
    assert out.count("<table") == 1 and "<th>Town</th>" in out
    assert "<h1>Storm closes roads</h1>" in out
    page = page_from_html(html.encode(), "utf-8")
    assert "The storm closed every road" in page.text
    assert "Home" not in page.text.split("\n\n")[1]


@pytest.mark.parametrize("html", ["", "<table", "<?xml version='1.0' encoding='utf-8'?><table>"])
def test_unwrap_never_raises_on_broken_markup(html: str) -> None:
    assert isinstance(unwrap_layout_tables(html), str)
