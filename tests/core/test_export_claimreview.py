"""ClaimReview against Google's fact-check structured-data rules, field by field."""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest
from export_fixtures import plain_report

from workbench.core.errors import ExportError
from workbench.core.export import render
from workbench.core.export.report import ExportOptions
from workbench.core.models import FINAL_STATUSES

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def check_claim_review(review: dict, page_url: str) -> None:
    """Every required field, the recommended ones we promise, and the rating bounds."""
    assert review["@context"] == "https://schema.org"
    assert review["@type"] == "ClaimReview"
    # required: claimReviewed, reviewRating, url
    assert isinstance(review["claimReviewed"], str) and review["claimReviewed"].strip()
    url = urlsplit(review["url"])
    assert url.scheme == "https" and url.netloc == urlsplit(page_url).netloc
    assert url.fragment.startswith("claim-")
    rating = review["reviewRating"]
    assert rating["@type"] == "Rating"
    assert isinstance(rating["alternateName"], str) and rating["alternateName"]
    assert rating["alternateName"].lower() not in review["claimReviewed"].lower().split()
    if "ratingValue" in rating:
        worst, best, value = rating["worstRating"], rating["bestRating"], rating["ratingValue"]
        assert all(isinstance(v, int) for v in (worst, best, value))
        assert worst >= 1 and best > worst and worst <= value <= best
        assert (worst, best) == (1, 5)
    else:
        assert not {"bestRating", "worstRating"} & set(rating)
    # recommended: author, datePublished, itemReviewed
    assert review["author"]["@type"] in ("Organization", "Person") and review["author"]["name"]
    assert DATE.match(review["datePublished"])
    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    appearance = item["appearance"]  # Google: where the claim appears (a CreativeWork)
    assert appearance["@type"] == "CreativeWork" and ("url" in appearance or
                                                      appearance.get("headline"))
    if "url" in appearance:
        assert appearance["url"].startswith(("https://", "http://"))
    for who in ("author", "publisher"):
        if who in appearance:
            assert appearance[who]["@type"] in ("Organization", "Person")
            assert appearance[who]["name"]
    if "author" in item:
        assert item["author"]["@type"] in ("Organization", "Person") and item["author"]["name"]


def test_every_final_verdict_gives_a_valid_claim_review():
    report = plain_report()
    reviews = json.loads(render(report, "claimreview"))
    part = report.articles[0]
    finals = [row for row in part.claims if row.verdict.status in FINAL_STATUSES]
    assert len(reviews) == len(finals) == 2
    for review, row in zip(reviews, finals, strict=True):
        check_claim_review(review, report.options.url)
        assert review["url"].endswith(f"#claim-{row.claim.id}")
    assert reviews[0]["itemReviewed"]["appearance"]["url"] == part.article.source
    assert reviews[0]["itemReviewed"]["author"]["name"] == "Jane Reporter"
    assert reviews[0]["itemReviewed"]["datePublished"] == "2020-09-14"
    assert reviews[0]["author"] == {
        "@type": "Organization",
        "name": "Example Checks",
        "url": "https://factcheck.example/",
    }


@pytest.mark.parametrize(
    ("status", "name", "value"),
    [
        ("false", "False", 1),
        ("disputed", "Disputed", 3),
        ("verified", "True", 5),
        ("inconclusive", "Inconclusive", None),
    ],
)
def test_rating_scale(status, name, value):
    report = plain_report()
    for row in report.articles[0].claims:
        row.verdict.status = status
    reviews = json.loads(render(report, "claimreview"))
    assert len(reviews) == 3
    for review in reviews:
        check_claim_review(review, report.options.url)
        assert review["reviewRating"]["alternateName"] == name
        assert review["reviewRating"].get("ratingValue") == value


@pytest.mark.parametrize("status", ["unreviewed", "in_progress"])
def test_open_verdicts_are_not_published(status):
    report = plain_report()
    for row in report.articles[0].claims:
        row.verdict.status = status
    assert json.loads(render(report, "claimreview")) == []


def test_claim_reviewed_is_the_claim_not_the_rating():
    report = plain_report()
    reviews = json.loads(render(report, "claimreview"))
    rows = [r for r in report.articles[0].claims if r.verdict.status in FINAL_STATUSES]
    for review, row in zip(reviews, rows, strict=True):
        assert review["claimReviewed"] in (row.claim.label, row.claim.sentence, row.verdict.label)
    # A short label ("$1.5B loan") is not a statement: the sentence is used instead.
    assert reviews[0]["claimReviewed"] == "more than 100,000 people"
    assert reviews[1]["claimReviewed"] == "The loan is worth $1.5 billion."


def test_without_an_org_claimreview_is_refused_not_authored_by_the_os_user():
    """Fault 12.9: the author used to be the reviewer's OS user name."""
    report = plain_report(ExportOptions(url="https://factcheck.example/p"))
    with pytest.raises(ExportError) as info:
        render(report, "claimreview")
    assert "--org" in str(info.value) and "\n" not in str(info.value)


def test_claim_reviewed_is_never_a_cut_label():
    """Fault 12.9: `claimReviewed` was the display label ending in '…'."""
    report = plain_report()
    row = report.articles[0].claims[0]
    object.__setattr__(row.claim, "label", "Vladimir Putin: “We see Belarus as our closest…”")
    review = json.loads(render(report, "claimreview"))[0]
    assert "…" not in review["claimReviewed"] and review["claimReviewed"] == row.claim.sentence


def test_claim_reviewed_is_the_reviewers_wording_when_given():
    report = plain_report()
    report.articles[0].claims[0].verdict.label = "Over 100,000 people protested in Minsk"
    review = json.loads(render(report, "claimreview"))[0]
    assert review["claimReviewed"] == "Over 100,000 people protested in Minsk"


@pytest.mark.parametrize("bad", ["Username", "admin", "By Staff", "user123", "https://x.example"])
def test_a_byline_that_is_not_a_name_is_dropped(bad):
    report = plain_report()
    part = report.articles[0]
    part.article.meta["author"] = bad
    for review in json.loads(render(report, "claimreview")):
        item = review["itemReviewed"]
        assert "author" not in item.get("appearance", {})
        assert item.get("author", {}).get("name") != bad


def test_dismissed_claims_are_never_published():
    report = plain_report()
    for row in report.articles[0].claims:
        row.verdict.status = "dismissed"
    assert json.loads(render(report, "claimreview")) == []


def test_consistency_claims_are_never_published(monkeypatch):
    """A verdict on "name spelled 3 ways: Lukashenko / Lucasenko / Lukasenko" went out as a
    ClaimReview of a claim the article never made."""
    import export_fixtures

    made = export_fixtures.make_claim
    monkeypatch.setattr(
        export_fixtures, "make_claim",
        lambda a, anchor, kind, *rest, **kw: made(
            a, anchor, "consistency" if kind == "money" else kind, *rest, **kw),
    )
    report = export_fixtures.plain_report()
    kinds = {row.claim.kind: row.verdict.status for row in report.articles[0].claims}
    assert kinds["consistency"] == "false" and kinds["quantity"] == "verified"
    reviews = json.loads(render(report, "claimreview"))
    assert [r["claimReviewed"] for r in reviews] == ["more than 100,000 people"]


@pytest.mark.parametrize("url", [None, "", "javascript:alert(1)", "factcheck.example/page"])
def test_a_page_url_is_required(url):
    report = plain_report(ExportOptions(url=url, org="X"))
    with pytest.raises(ExportError) as info:
        render(report, "claimreview")
    assert "\n" not in str(info.value)


def test_a_local_file_appears_inline_without_its_path():
    """A local path is never published as a URL: the article is described inline."""
    report = plain_report()
    part = report.articles[0]
    object.__setattr__(part.article, "source", "seeds/article.txt")
    for review in json.loads(render(report, "claimreview")):
        appearance = review["itemReviewed"]["appearance"]
        assert "url" not in appearance and "seeds/article.txt" not in json.dumps(review)
        assert appearance["headline"] == "Protests continue"
        assert appearance["author"] == {"@type": "Person", "name": "Jane Reporter"}
        check_claim_review(review, report.options.url)


def test_appearance_is_the_article_as_a_creative_work():
    """itemReviewed.appearance: the article's URL (where the fetch landed) with the
    headline, author, publisher and date the article has (Google fact-check markup)."""
    report = plain_report()
    meta = report.articles[0].article.meta
    meta.update(final_url="https://www.news.example/belarus/1", publisher="Example News")
    for review in json.loads(render(report, "claimreview")):
        check_claim_review(review, report.options.url)
        assert review["itemReviewed"]["appearance"] == {
            "@type": "CreativeWork",
            "url": "https://www.news.example/belarus/1",
            "headline": "Protests continue",
            "author": {"@type": "Person", "name": "Jane Reporter"},
            "publisher": {"@type": "Organization", "name": "Example News"},
            "datePublished": "2020-09-14",
        }


def test_an_unsafe_final_url_is_not_published():
    report = plain_report()
    report.articles[0].article.meta["final_url"] = "javascript:alert(1)"
    review = json.loads(render(report, "claimreview"))[0]
    assert review["itemReviewed"]["appearance"]["url"] == report.articles[0].article.source


@pytest.mark.parametrize("bad", ["Staff reporter", "Web desk", "News desk"])
def test_a_desk_byline_is_not_an_author(bad):
    report = plain_report()
    report.articles[0].article.meta["author"] = bad
    for review in json.loads(render(report, "claimreview")):
        assert "author" not in review["itemReviewed"]
        assert "author" not in review["itemReviewed"]["appearance"]


def _with_speaker(monkeypatch, speaker: str, entities: list[dict]):
    """plain_report() with every claim credited to ``speaker``."""
    from dataclasses import replace

    import export_fixtures

    made = export_fixtures.make_claim
    monkeypatch.setattr(
        export_fixtures, "make_claim",
        lambda *a, **kw: replace(made(*a, **kw), speaker=speaker, entities=entities),
    )
    return export_fixtures.plain_report()


@pytest.mark.parametrize("role", ["minister", "officials", "the spokesman"])
def test_a_speaker_without_a_name_is_no_person(monkeypatch, role):
    """"The minister said ..." published a Person named "minister" (and a claim with
    no author must not fall back to the reporter's byline: the reporter did not say it)."""
    report = _with_speaker(monkeypatch, role, [])
    for review in json.loads(render(report, "claimreview")):
        check_claim_review(review, report.options.url)
        assert "author" not in review["itemReviewed"]


def test_a_speaker_tagged_as_an_organization_is_one(monkeypatch):
    report = _with_speaker(
        monkeypatch, "Kremlin", [{"text": "Kremlin", "label": "ORG", "start": 0, "end": 7}]
    )
    for review in json.loads(render(report, "claimreview")):
        check_claim_review(review, report.options.url)
        assert review["itemReviewed"]["author"] == {"@type": "Organization", "name": "Kremlin"}


def test_a_named_speaker_is_a_person(monkeypatch):
    report = _with_speaker(monkeypatch, "Alexander Lukashenko", [])
    review = json.loads(render(report, "claimreview"))[0]
    assert review["itemReviewed"]["author"] == {"@type": "Person", "name": "Alexander Lukashenko"}
