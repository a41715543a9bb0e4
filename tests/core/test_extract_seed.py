"""The seed article: the named facts, their labels and values, quotes and speakers."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.core.articles import load_article_file
from workbench.core.nlp.extract import extract_claims
from workbench.core.nlp.statements import CLAIM_TYPES

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
    # scare quotes nobody is credited with are not quotes
    assert not any(q.startswith("working meeting") for q in quotes)
    assert not any("last dictator" in q for q in quotes)
    # a short phrase the sentence credits to someone is: he called Putin his “elder brother”
    assert "Lukashenko" in quotes["elder brother"]
    # a phrase inside reported speech belongs to the statement, not a quote of its own
    assert "key issues" not in quotes
    kremlin = _one(claims, "statement", "leaders would discuss")
    assert kremlin.speaker == "Kremlin" and kremlin.value.get("quote") == "key issues"


def test_follow_on_quote_paragraph_keeps_speaker(seed):
    _, claims = seed
    quote = _one(claims, "quote", "Whatever the official announcements")
    assert "Giles" in quote.speaker and quote.speaker == quote.value["speaker"]


# (anchor part, speaker part or None, label part): statement facts named in issue 11
SEED_STATEMENTS = [
    ("no Russian troops have crossed the border", None, "no Russian troops have crossed"),
    ("the arrest was a mistake", "Lukashenko", "Lukashenko: the arrest was a mistake"),
    ("Lukashenko is increasingly dependent on Moscow", "Bezgan", "dependent on Moscow"),
    ("Nearly all senior personalities", None, "nearly all senior personalities"),
    ("forcefully taken to the Ukraine border", "Kolenikova", "taken to the Ukraine border"),
    ("one of only a few foreign leaders", None, "Putin"),
    ("joint military exercise", "news agency", "joint military exercise"),
]


@pytest.mark.parametrize("anchor,speaker,label", SEED_STATEMENTS)
def test_seed_statements(seed, anchor, speaker, label):
    _, claims = seed
    c = _one(claims, "statement", anchor)
    assert label in c.label
    assert c.claim_type in CLAIM_TYPES
    if speaker:
        assert speaker in (c.speaker or "")
    else:
        assert c.speaker is None


def test_weekday_is_the_time_of_the_meeting(seed):
    _, claims = seed
    assert not [c for c in claims if c.kind == "date" and c.anchor in ("Monday", "Monday’s")]
    met = _one(claims, "statement", "met his last ally")
    assert met.value["when"]["weekday"] == "Monday"
    assert not [c for c in claims if c.kind == "date" and c.anchor == "Sunday"]


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
