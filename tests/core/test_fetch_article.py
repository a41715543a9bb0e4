"""Opening articles by URL: boilerplate left out, metadata kept, errors one line."""

from __future__ import annotations

import pytest
from fetch_test_server import server  # noqa: F401  (fixture)

from workbench.core.errors import FetchError, UnsafeURL
from workbench.core.models import content_hash
from workbench.core.net.fetch import fetch_article
from workbench.core.net.pages import clean_byline, page_from_html

BOILERPLATE = (
    "cookies",
    "Accept all",
    "Subscribe for",
    "Most read",
    "All rights reserved",
    "Privacy policy",
    "More from Climate",
    "Read more",
    "Storm damage bill",
    "Comments (212)",
    "boondoggle",
    "newsletter",
    "Share on",
    "BREAKING",
)


def test_news_page_body_without_boilerplate(server) -> None:  # noqa: F811
    article = fetch_article(server.url("/news"), allow_private=True)
    assert article.title == "Harbor city approves $2.4 billion flood wall after record storm season"
    assert article.source == server.url("/news")
    assert article.meta["author"] == "Maria Okafor"
    assert article.meta["date"] == "2026-03-14"
    assert article.meta["final_url"] == server.url("/news")
    assert article.meta["publisher"] == "The Coastal Ledger"  # ClaimReview's appearance
    assert article.fetched_at and article.fetched_at.endswith("Z")
    assert article.id == content_hash(article.text)
    text = article.text
    for sentence in (
        "The Portmere city council voted 9 to 2",
        "flooded 14 times",
        "This wall protects 40,000 homes",
        "about 35 percent over budget",
        "roughly 12,000 people live",
        "11 flood gates",
    ):
        assert sentence in text
    for junk in BOILERPLATE:
        assert junk not in text, junk
    paragraphs = text.split("\n\n")
    assert paragraphs[0] == article.title  # headline first, paragraphs separated by blank lines
    assert len(paragraphs) == 8


def test_second_layout_without_article_tag(server) -> None:  # noqa: F811
    article = fetch_article(server.url("/news-wire"), allow_private=True)
    assert article.title == "Grain exports fall 18% as drought hits river barges"
    assert "fell 18% in the third quarter" in article.text
    assert "lowest level on record on Aug. 22" in article.text
    for junk in (
        "Log in",
        "cookie policy",
        "Commodities",
        "Sponsored",
        "More stories",
        "Reproduction prohibited",
    ):
        assert junk not in article.text, junk


def test_charset_from_header(server) -> None:  # noqa: F811
    article = fetch_article(server.url("/latin1"), allow_private=True)
    assert article.title == "Café owners protest new terrace fees"
    assert "£1.2 million" in article.text and "Renée Dubois" in article.text
    assert "date" not in article.meta  # no date guessed from the copyright line


def test_plain_text_article(server) -> None:  # noqa: F811
    article = fetch_article(server.url("/plain"), allow_private=True)
    assert article.title == "Council backs ferry subsidy"
    assert "$3 million" in article.text


def test_redirect_keeps_requested_source_and_final_url(server) -> None:  # noqa: F811
    article = fetch_article(server.url("/redirect/good"), allow_private=True)
    assert article.source == server.url("/redirect/good")
    assert article.meta["final_url"] == server.url("/news")


def test_same_page_twice_gives_the_same_id(server) -> None:  # noqa: F811
    a = fetch_article(server.url("/news"), allow_private=True)
    b = fetch_article(server.url("/news-gzip"), allow_private=True)
    assert a.id == b.id and a.text == b.text


@pytest.mark.parametrize(
    ("path", "match"),
    [
        ("/missing", "HTTP 404"),
        ("/error", "HTTP 500"),
        ("/pdf", "application/pdf"),
        ("/json", "application/json"),
        ("/redirect/loop-a", "redirect loop"),
    ],
)
def test_errors_are_one_line_naming_the_url(server, path: str, match: str) -> None:  # noqa: F811
    with pytest.raises(FetchError, match=match) as info:
        fetch_article(server.url(path), allow_private=True)
    message = str(info.value)
    assert "\n" not in message and server.url(path) in message


def test_private_refused_by_default(server) -> None:  # noqa: F811
    with pytest.raises(UnsafeURL):
        fetch_article(server.url("/news"))


def test_page_text_is_cleaned_of_escapes_and_markup() -> None:
    html = (
        "<html><head><title>Bad \x1b[2J title</title></head>"
        "<body><article><h1>Bad \x1b[2J title</h1>"
        + "".join(
            f"<p>Paragraph {i} says [bold]32 people[/bold] came "
            "\x1b]8;;http://evil\x07here\x1b]8;;\x07 "
            "and more words follow to make the paragraph long enough to count as body text.</p>"
            for i in range(5)
        )
        + "</article></body></html>"
    )
    page = page_from_html(html.encode(), "utf-8", "http://x.example/")
    assert "\x1b" not in page.text and "\x1b" not in page.title
    assert "[bold]32 people[/bold]" in page.text  # kept as literal text, never interpreted


def test_empty_page_is_an_error() -> None:
    from workbench.core.errors import InputError

    with pytest.raises(InputError, match="no article text"):
        page_from_html(b"<html><body><nav><a href='/'>Home</a></nav></body></html>", None)


def test_pruning_never_eats_the_story() -> None:
    """A story wrapped in a class that looks like a promo keeps its text."""
    paragraphs = [
        f"<p>Paragraph {i}: the port handled {i + 1},000 containers in week {i}, officials said, "
        "citing figures from the harbour authority published on Tuesday.</p>"
        for i in range(8)
    ]
    html = (
        "<html><head><title>Port traffic</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><div class='lead'>{''.join(paragraphs[:2])}</div>"
        f"<div class='subscriber-content'>{''.join(paragraphs[2:])}</div>"
        "<div class='newsletter-box'><p>Sign up for our morning briefing today.</p></div>"
        "</article></body></html>"
    )
    page = page_from_html(html.encode(), "utf-8", "http://x.example/")
    for i in range(8):
        assert f"Paragraph {i}:" in page.text
    assert "morning briefing" not in page.text


HOSTILE_RESIDUE = (
    "\x1b",
    "\x07",
    "\x9b",
    "]0;",
    "]52;",
    "PWNED",
    "ZXZpbA",
    "[31m",
    "[2J",
    "\u202e",
)


def test_hostile_page_leaves_no_escape_sequence(server) -> None:  # noqa: F811
    """Escapes written as references (&#27;]0;X&#7;) used to leave "]0;X" in title and text."""
    article = fetch_article(server.url("/pages/hostile_escapes.html"), allow_private=True)
    fields = {"title": article.title, "text": article.text, **article.meta}
    for name, value in fields.items():
        for residue in HOSTILE_RESIDUE:
            assert residue not in value, (name, residue, value[:200])
    assert article.title == "Council votes budget"
    assert "approved a budget of $3 million on Tuesday after a long debate" in article.text
    assert "author" not in article.meta  # "Admin" is not a name


@pytest.mark.parametrize(
    ("byline", "kept"),
    [
        ("Username", ""),
        ("Admin", ""),
        ("Staff", ""),
        ("staff writer", ""),
        ("By Jane Doe; Admin", "Jane Doe"),
        ("jdoe42", ""),
        ("news@example.org", ""),
        ("{{author}}", ""),
        ("Reuters", "Reuters"),
        ("By María José García", "María José García"),
        ("\x1b]0;x\x07Ana Silva", "Ana Silva"),
    ],
)
def test_bylines_that_are_not_names_are_dropped(byline: str, kept: str) -> None:
    assert clean_byline(byline) == kept


def test_credentials_are_not_stored_with_the_article(server) -> None:  # noqa: F811
    url = f"http://reader:s3cret@127.0.0.1:{server.port}/redirect/good"
    article = fetch_article(url, allow_private=True)
    assert article.source == server.url("/redirect/good")
    assert article.meta["final_url"] == server.url("/news")
    assert "s3cret" not in repr(article) and "reader" not in repr(article)


def test_credentials_are_not_shown_in_errors(server) -> None:  # noqa: F811
    url = f"http://reader:s3cret@127.0.0.1:{server.port}/missing"
    with pytest.raises(FetchError) as info:
        fetch_article(url, allow_private=True)
    assert "s3cret" not in info.value.message and "HTTP 404" in info.value.message
    assert info.value.url == server.url("/missing")  # the fields are published too
    assert info.value.status == 404 and info.value.reason.startswith("HTTP 404")


def test_credentials_are_not_in_a_refusal(server) -> None:  # noqa: F811
    url = f"http://reader:s3cret@127.0.0.1:{server.port}/news"
    with pytest.raises(UnsafeURL) as info:
        fetch_article(url)
    assert "s3cret" not in info.value.message and "s3cret" not in str(info.value.url)
