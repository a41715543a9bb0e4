"""The seed article: the named facts, their labels and values, quotes and speakers."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.core.articles import load_article_file
from workbench.core.nlp.extract import extract_claims

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "belarus-putin-sochi.txt"


@pytest.fixture(scope="module")
def seed():
    article = load_article_file(SEED)
    return article, extract_claims(article)


def _one(claims, kind, anchor_part):
    found = [c for c in claims if c.kind == kind and anchor_part in c.anchor]
    assert found, f"no {kind} claim with {anchor_part!r}: {[(c.kind, c.anchor) for c in claims]}"
    return found[0]


def test_protesters(seed):
    _, claims = seed
    c = _one(claims, "quantity", "100,000")
    assert c.value["number"] == 100000
    assert c.value["qualifier"] == "more-than"
    assert "100,000" in c.label and ("people" in c.label or "protest" in c.label)


def test_years_in_power(seed):
    _, claims = seed
    c = _one(claims, "duration", "26 years")
    assert c.value["number"] == 26 and c.value["unit"] == "year"
    assert "26 years" in c.label and "power" in c.label


def test_treaty_year(seed):
    _, claims = seed
    c = _one(claims, "date", "1994")
    assert c.value["year"] == 1994
    assert "1994" in c.label and "agreement" in c.label


def test_loan(seed):
    _, claims = seed
    c = _one(claims, "money", "1.5 billion")
    assert c.value["amount"] == 1.5e9 and c.value["currency"] == "USD"
    assert c.label == "$1.5 billion loan"


def test_election_date_and_first_meeting(seed):
    _, claims = seed
    date = _one(claims, "date", "August 9")
    assert (date.value["month"], date.value["day"]) == (8, 9)
    assert "election" in date.label
    first = _one(claims, "ordinal", "first")
    assert first.value["number"] == 1 and "meeting" in first.label


def test_quotes_are_attributed(seed):
    _, claims = seed
    quotes = {c.value["quote"]: c.value["speaker"] for c in claims if c.kind == "quote"}
    ally = next(q for q in quotes if q.startswith("We see Belarus as our closest ally"))
    assert "Putin" in quotes[ally]
    friends = next(q for q in quotes if q.startswith("Friends are the ones"))
    assert "Lukashenko" in quotes[friends]
    # scare quotes are not direct quotes; a short phrase inside reported speech is
    # ("The Kremlin said ... leaders would discuss “key issues”")
    assert not any(q.startswith("working meeting") for q in quotes)
    assert not any("last dictator" in q for q in quotes)
    assert not any(q == "elder brother" for q in quotes)  # "called Putin his “elder brother”"
    assert quotes.get("key issues") == "Kremlin"


def test_non_prose_lines_make_no_claims(seed):
    article, claims = seed
    for line in (
        "Download the NBC News app",
        "Reuters contributed to this report",
        "Andrei Stasiewicz / AP",
    ):
        start = article.text.index(line)
        end = article.text.index("\n", start) if "\n" in article.text[start:] else len(article.text)
        assert not [c for c in claims if c.kind != "consistency" and start <= c.start < end], line
    title_end = article.text.index("\n")
    assert not [c for c in claims if c.start < title_end and c.kind != "consistency"]


def test_offsets_slice_clean_text(seed):
    article, claims = seed
    for c in claims:
        assert article.text[c.start : c.end] == c.anchor
        assert article.text[c.sentence_start : c.sentence_end] == c.sentence
        assert c.sentence_start <= c.start <= c.end <= c.sentence_end
        assert c.article_id == article.id
        for e in c.entities:
            assert article.text[e["start"] : e["end"]] == e["text"]


def test_ids_stable_and_unique(seed):
    article, claims = seed
    again = extract_claims(article)
    assert [c.id for c in claims] == [c.id for c in again]
    assert len({c.id for c in claims}) == len(claims)


def test_editing_one_paragraph_keeps_other_ids(seed):
    article, claims = seed
    from workbench.core.articles import make_article

    edited_text = article.text.replace(
        "promising a loan of $ 1.5 billion", "promising a loan of $ 2 billion"
    )
    edited = make_article(edited_text, article.source)
    new = extract_claims(edited)
    changed_para_start = article.text.rfind("\n", 0, article.text.index("promising a loan"))
    changed_para_end = article.text.index("\n", article.text.index("promising a loan"))
    outside_old = {
        c.id
        for c in claims
        if not changed_para_start <= c.start <= changed_para_end and c.kind != "consistency"
    }
    assert outside_old <= {c.id for c in new}
    assert any(c.kind == "money" and c.value["amount"] == 2e9 for c in new)
