"""Reported judgements, anecdote ordinals and round counts of colour (issue 11): a clause
that only praises or blames makes no statement whoever is credited with it ("Reyes said
the plan was a disgrace"), while the same frames with a fact keep theirs; the ordinal of
a time in someone's own story is no rank when the recognizer takes the whole phrase
("That first summer"); "a hundred" in a scene the gate doubts is no count.

Our own sentences, written for these tests (not from any dev or evaluation set)."""

from __future__ import annotations

import pytest

from workbench.core.articles import make_article
from workbench.core.nlp.extract import extract_many
from workbench.core.nlp.pipeline import load_pipeline
from workbench.core.nlp.statements import judgement
from workbench.core.nlp.worthiness.gate import minor

JUDGEMENTS = [
    "Alderman Pia Kowalczyk said the new parking scheme was a farce.",
    "The opposition described the spending review as a missed opportunity.",
    "The bishop said the council's response had been shameful.",
    "The coach said his players had defended badly all afternoon.",
    "The tenants' association said the landlord had let them down.",
    "Professor Amy Liang said the proposal was reckless.",
]
FACTS_IN_THE_SAME_FRAMES = [
    "Alderman Pia Kowalczyk said the new parking scheme had been scrapped in June.",
    "The opposition said the spending review cut school budgets by 4%.",
    "The bishop said the council had closed the shelter without notice.",
    "The tenants' association said the landlord had raised rents twice this year.",
    "Lukashenko has said that the arrest was a mistake.",  # an admission stays a claim
]


@pytest.fixture(scope="module")
def claims_of():
    texts = [*JUDGEMENTS, *FACTS_IN_THE_SAME_FRAMES, OWN_STORY, ROUND_COLOUR, ROUND_COUNT,
             WHEN_FIRST, FIRST_RECORD]
    articles = [make_article(t + "\n", "judgement-test") for t in texts]
    return {
        t: [c for c in claims if c.kind != "consistency"]
        for t, claims in zip(texts, extract_many(articles), strict=True)
    }


OWN_STORY = "Those first weeks at the mill were the loneliest of her life."
ROUND_COLOUR = "A hundred paper lanterns bobbed on the canal."
ROUND_COUNT = "A hundred and twelve workers were laid off at the mill in March."
WHEN_FIRST = "The first time he climbed onto the roof of the mill, he was petrified."
FIRST_RECORD = "It was the first time the mill had closed since 1948."


@pytest.mark.parametrize("text", JUDGEMENTS)
def test_a_reported_judgement_makes_no_statement(text: str, claims_of) -> None:
    assert not [c for c in claims_of[text] if c.kind == "statement"], text


@pytest.mark.parametrize("text", FACTS_IN_THE_SAME_FRAMES)
def test_a_reported_fact_in_the_same_frame_stays(text: str, claims_of) -> None:
    kinds = {c.kind for c in claims_of[text]}
    assert kinds & {"statement", "percent"}, text  # "by 4%": the number claim is the fact


def test_the_judgement_reading_is_from_the_parse() -> None:
    doc = load_pipeline()("The mayor said the plan was a disgrace and the road was closed.")
    heads = [t for t in doc if t.lemma_ == "be"]
    assert [judgement(h) for h in heads] == [True, False]


def test_an_own_time_ordinal_the_recognizer_took_whole_is_no_rank(claims_of) -> None:
    assert not [c for c in claims_of[OWN_STORY] if c.kind == "ordinal"]


def test_a_round_count_with_an_article_is_a_minor_claim(claims_of) -> None:
    assert minor("quantity", "a hundred") and minor("quantity", "A dozen")
    assert minor("quantity", "dozen")  # "a [dozen] interns": the article left outside
    assert not minor("quantity", "a hundred and twelve") and not minor("quantity", "100")
    assert not minor("money", "a million")
    assert any(c.kind == "quantity" for c in claims_of[ROUND_COUNT])


def test_the_first_time_as_a_when_is_no_record_but_as_a_complement_it_is(claims_of) -> None:
    def records(text: str) -> list[str]:
        return [c.anchor for c in claims_of[text] if c.kind == "statement"
                and "superlative" in ((c.value or {}).get("tags") or [])]

    assert not records(WHEN_FIRST) and not [c for c in claims_of[WHEN_FIRST]
                                            if c.kind == "statement"]
    assert any(c.kind in ("statement", "ordinal") for c in claims_of[FIRST_RECORD])
