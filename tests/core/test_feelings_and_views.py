"""Feelings told of people and views graded by a superlative make no claim, whatever
path could fire on them (issue 11): a state of mind of a person or a group of people
("the nurses were devastated", "he was numb", "nobody is panicking, he insisted"), an effect on
whoever watches graded by "most" ("the most touching story"), a place in a view ("were
second best"). Their look-alikes keep a claim: the same participles of events ("the
town was devastated by the floods", "they were evicted"), a fact of time or cause told
beside a feeling ("devastated after losing 3-0 on Saturday"), superlatives of a count or
with a record ("the most watched", "since 1987"), places in a table.

Our own sentences, written for these tests (not from any dev or evaluation set)."""

from __future__ import annotations

import pytest

from workbench.core.articles import make_article
from workbench.core.nlp.extract import extract_many

FEELINGS = [
    "The nurses were devastated, their union said.",
    "The volunteers were thrilled with the first donations.",  # the ordinal too
    "Her father said he was numb.",
    "The fans were confused by the new ticket rules.",
    "Nobody at the bank is panicking, its chairman insisted.",
]
EVENTS_OF_PEOPLE = [
    "The town was devastated by the floods in 2007.",
    "Tenants said they were evicted by the landlord in May.",
    "Her father said he was arrested twice in 2019.",
    "The fans were fined £200 each by the club.",
    "Investors panicked and sold £3bn of bonds, the broker said.",
]
FACTS_BESIDE_FEELINGS = {  # a time or cause told beside a feeling states its own fact
    "The players were devastated after losing 3-0 to Rovers on Saturday.": "3-0",
    "They were exhausted after 20 hours at sea.": "20 hours",
}
VIEWS = [
    "The film is the most touching story on release in Britain this month.",
    "His documentary is the most gripping series on television in Spain.",
    "The concert was the most uplifting night in Leeds this year.",
    "The hosts were second best all night.",
    "Rovers were second best in every department.",
]
RANKS = [
    "It was the most watched concert in Leeds this year.",
    "The visitors finished second in the league.",
    "It is the fastest-growing city in Europe.",
    "It was the most damaging storm since 1987.",
]


@pytest.fixture(scope="module")
def claims_of():
    texts = [*FEELINGS, *EVENTS_OF_PEOPLE, *FACTS_BESIDE_FEELINGS, *VIEWS, *RANKS]
    articles = [make_article(t + "\n", "feelings-test") for t in texts]
    return {
        t: [c for c in claims if c.kind != "consistency"]
        for t, claims in zip(texts, extract_many(articles), strict=True)
    }


@pytest.mark.parametrize("text", FEELINGS)
def test_a_state_of_mind_of_people_is_no_claim(text: str, claims_of) -> None:
    assert claims_of[text] == []


@pytest.mark.parametrize("text", EVENTS_OF_PEOPLE)
def test_the_same_participles_of_events_keep_a_claim(text: str, claims_of) -> None:
    assert claims_of[text]


@pytest.mark.parametrize(("text", "anchor"), list(FACTS_BESIDE_FEELINGS.items()))
def test_a_fact_told_beside_a_feeling_keeps_its_claim(text: str, anchor: str, claims_of) -> None:
    assert any(c.anchor == anchor for c in claims_of[text]), claims_of[text]


@pytest.mark.parametrize("text", VIEWS)
def test_a_view_graded_by_a_superlative_is_no_claim(text: str, claims_of) -> None:
    assert claims_of[text] == []


@pytest.mark.parametrize("text", RANKS)
def test_a_rank_of_a_count_a_table_or_a_record_stays(text: str, claims_of) -> None:
    assert claims_of[text]
