"""Shapes of sentences whose numbers or frames are no claim of their own (issue 11):
a fraction that is half of a hyphenated word, a number naming a part, the count of a
list the paper itself gives, the ordinal of a time in someone's own story, and a
reporting frame whose complement is a question left open.

Our own sentences, written for these tests (not from any dev or evaluation set)."""

from __future__ import annotations

import pytest

from workbench.core.articles import make_article
from workbench.core.nlp.extract import extract_many

NO_NUMBER = {  # the sentence may keep a statement, but this number is no claim
    "The half-finished stadium was covered in scaffolding.": "half",
    "A half-hearted cheer went up from the back of the hall.": "half",
    "The full interview appears in part three on Saturday.": "three",
    "Turn to page 31 for the results.": "31",
}
KEEP_NUMBER = {  # the same words counting something stay claims
    "Half of the 40 new flats were sold within a week.": "Half",
    "A half-million visitors came to the fair last year.": "half-million",
    "The council has approved three parts of the plan.": "three",
}
TEASERS = [
    "Here are six things to look out for in Thursday's election.",
    "Coming up on Friday: eight walks for a rainy weekend.",
    "Seven ways to keep your garden alive in a drought.",
]
NOT_TEASERS = {  # a count of a list someone else made, or of real things
    "Here are the 3,000 homes the council has built since 2015.": "3,000",
    "The audit lists 14 ways the ministry lost money.": "14",
}
OWN_TIME = "That first summer, he remembers, felt endless."
RANK = "She was the first woman to win the race, in 2016."
OPEN_FRAMES = {  # the label carries the question; no answer credited to the speaker
    "The airline did not say when the flights would resume.": "when the flights would resume",
    "Garner has not yet said whether he will stand again.": "whether he will stand again",
}


@pytest.fixture(scope="module")
def claims_of():
    texts = [*NO_NUMBER, *KEEP_NUMBER, *TEASERS, *NOT_TEASERS, OWN_TIME, RANK, *OPEN_FRAMES]
    articles = [make_article(t + "\n", "shapes-test") for t in texts]
    return {
        t: [c for c in claims if c.kind != "consistency"]
        for t, claims in zip(texts, extract_many(articles), strict=True)
    }


NUMBER_KINDS = ("quantity", "percent", "money", "ordinal", "duration")


def _numbers(claims) -> list[str]:
    return [c.anchor for c in claims if c.kind in NUMBER_KINDS]


@pytest.mark.parametrize("text", list(NO_NUMBER))
def test_a_word_part_or_a_part_name_is_no_number_claim(text: str, claims_of) -> None:
    assert not any(NO_NUMBER[text] in a for a in _numbers(claims_of[text]))


@pytest.mark.parametrize("text", list(KEEP_NUMBER))
def test_the_same_words_counting_something_stay(text: str, claims_of) -> None:
    assert any(KEEP_NUMBER[text] in a for a in _numbers(claims_of[text]))


@pytest.mark.parametrize("text", TEASERS)
def test_the_count_of_the_papers_own_list_is_no_claim(text: str, claims_of) -> None:
    assert claims_of[text] == []


@pytest.mark.parametrize("text", list(NOT_TEASERS))
def test_a_count_of_real_things_stays(text: str, claims_of) -> None:
    assert any(NOT_TEASERS[text] in a for a in _numbers(claims_of[text]))


def test_the_ordinal_of_a_time_in_ones_own_story_is_no_rank(claims_of) -> None:
    assert [c for c in claims_of[OWN_TIME] if c.kind == "ordinal"] == []
    assert [c.anchor for c in claims_of[RANK] if c.kind == "ordinal"] == ["first"]


@pytest.mark.parametrize("text", list(OPEN_FRAMES))
def test_a_frame_with_an_open_question_carries_it_and_credits_no_answer(
    text: str, claims_of
) -> None:
    statements = [c for c in claims_of[text] if c.kind == "statement"]
    assert len(statements) == 1
    assert OPEN_FRAMES[text] in statements[0].label
    assert statements[0].speaker is None
