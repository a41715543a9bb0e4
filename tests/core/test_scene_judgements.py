"""Sentences that picture a scene or pass a judgement make no claim, whatever path could
fire on them (issue 11): "never" with a comparative of a quality ("never been
friendlier"), a general truth told of nobody in particular ("No one is
bigger than the club"), a superlative of an adjective that measures nothing ("the most
tedious film of the summer"), a clock time that is only the time of a scene ("By 10pm
the square was empty", "Just after seven, the cafe was quiet"), a verb of change used
for becoming ("the hall fell silent"). Their look-alikes keep a claim: superlatives of
a measure or with a field a record settles, clock times of events and schedules, a
bare hour that is a count.

Our own sentences, written for these tests (not from any dev or evaluation set)."""

from __future__ import annotations

import pytest

from workbench.core.articles import make_article
from workbench.core.nlp.extract import extract_many

JUDGEMENTS = [
    "The sequel was the most tedious film of the summer.",
    "His reply was the least persuasive of the debate.",
    "It was the clumsiest tackle of the night.",
    "The new terminal is the airport's most elegant building.",
    "It was his most candid interview yet.",
]
QUALITIES_COMPARED = [  # "never" + a comparative of a quality: a view, not a record
    "Relations with Paris have never been friendlier.",
    "The dressing room at Ibrox has never been happier.",
]
MEASURES_COMPARED = [
    "Unemployment has never been lower.",
    "The economy has never grown so fast.",
]
RANKS = [
    "It was the most watched final in the channel's history.",
    "Lagos is Africa's most populous city.",
    "Norway is the most peaceful country in Europe.",
    "It was the deadliest flood since 1953.",
    "It was the most competitive race in the league.",
    "It is the most dangerous road in the country.",
    "The leak was the most serious incident at the plant in a decade.",
]
SCENES = [
    "Just after seven, the cafe was quiet.",
    "Shortly after six, the office was deserted.",
    "At ten o'clock, the hall fell silent.",
    "By 9pm on Friday, the square in Krakow was packed.",
    "The fog was still there at nine.",
    "The picket line was still there at 10.",
]
EVENTS = [
    "The lifeboat launched just after seven.",
    "Police were called to the pub at 11.40pm.",
    "The airport remained closed at 6pm.",
    "Police were searching the woods at 4am.",
    "The polls close at 10pm.",
    "The minister fell ill at the summit.",
]
TRUISMS = [  # a general truth of nobody in particular: nothing specific to check
    "There are no passengers in this squad.",
    "No one is bigger than the club.",
    "There are no friendlies at this level.",
    "There is no room for sentiment in business.",
]
FACTS_OF_A_KIND = [  # the same shapes with a source, a clause of fact, a measure or a rule
    "There are no survivors, the coastguard said.",
    "There is no evidence that the drug causes harm.",
    "Teachers are paid less than nurses in most regions.",
    "Cyclists are banned from the bridge.",
]
COUNTS = {  # a bare number after "at" or "by" that is an amount, not an hour
    "The death toll stood at nine.": "nine",
    "The index was at 9 on Friday.": "9",
    "Interest rates were held at 5, the bank said.": "5",
}
HOURS = {  # a bare hour is a time of day, never a count of something
    "The lifeboat launched just after seven.": "seven",
    "The ferry left shortly before 11.": "11",
}


@pytest.fixture(scope="module")
def claims_of():
    texts = [*JUDGEMENTS, *QUALITIES_COMPARED, *MEASURES_COMPARED, *RANKS, *SCENES, *EVENTS,
             *TRUISMS, *FACTS_OF_A_KIND, *COUNTS, *HOURS]
    texts = list(dict.fromkeys(texts))
    articles = [make_article(t + "\n", "scene-test") for t in texts]
    return {
        t: [c for c in claims if c.kind != "consistency"]
        for t, claims in zip(texts, extract_many(articles), strict=True)
    }


@pytest.mark.parametrize("text", JUDGEMENTS)
def test_a_superlative_that_measures_nothing_is_no_claim(text: str, claims_of) -> None:
    assert claims_of[text] == []


@pytest.mark.parametrize("text", QUALITIES_COMPARED)
def test_never_with_a_comparative_of_a_quality_is_no_record(text: str, claims_of) -> None:
    assert not any("superlative" in (c.value.get("tags") or []) for c in claims_of[text])


@pytest.mark.parametrize("text", MEASURES_COMPARED)
def test_never_with_a_comparative_of_a_measure_stays_a_record(text: str, claims_of) -> None:
    assert any("superlative" in (c.value.get("tags") or []) for c in claims_of[text])


@pytest.mark.parametrize("text", RANKS)
def test_a_superlative_of_a_measure_or_a_field_stays_a_rank(text: str, claims_of) -> None:
    assert any(c.kind == "statement" and "superlative" in (c.value.get("tags") or [])
               for c in claims_of[text]), claims_of[text]


@pytest.mark.parametrize("text", SCENES)
def test_a_clock_time_of_a_scene_is_no_claim(text: str, claims_of) -> None:
    assert claims_of[text] == []


@pytest.mark.parametrize("text", EVENTS)
def test_the_time_of_an_event_or_a_condition_keeps_a_claim(text: str, claims_of) -> None:
    assert claims_of[text]


@pytest.mark.parametrize("text", TRUISMS)
def test_a_general_truth_of_nobody_in_particular_is_no_claim(text: str, claims_of) -> None:
    assert claims_of[text] == []


@pytest.mark.parametrize("text", FACTS_OF_A_KIND)
def test_the_same_shapes_with_something_to_check_keep_a_claim(text: str, claims_of) -> None:
    assert any(c.kind == "statement" for c in claims_of[text]), claims_of[text]


@pytest.mark.parametrize(("text", "number"), list(COUNTS.items()))
def test_a_bare_number_that_is_a_level_stays_a_count(text: str, number: str, claims_of) -> None:
    assert any(c.kind == "quantity" and c.anchor == number for c in claims_of[text])


@pytest.mark.parametrize(("text", "hour"), list(HOURS.items()))
def test_a_bare_hour_is_a_time_not_a_count(text: str, hour: str, claims_of) -> None:
    claims = claims_of[text]
    assert not any(c.kind == "quantity" and c.anchor == hour for c in claims)
    assert any(c.kind == "date" and c.anchor == hour for c in claims), claims


@pytest.mark.parametrize(
    ("line", "prose"),
    [
        ("By lunchtime, the council had closed three roads.", True),
        ("By contrast, inflation rose 3% in May.", True),
        ("By Friday, the army had taken the airport.", True),
        ("By Jane Doe, Political Editor", False),
        ("By JANE DOE | Reuters", False),
    ],
)
def test_a_line_that_opens_with_a_time_phrase_is_prose_not_a_byline(line, prose) -> None:
    from workbench.core.nlp.prose import is_prose_line

    assert is_prose_line(line) is prose
