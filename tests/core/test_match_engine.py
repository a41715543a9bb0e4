"""The matcher's parts: numbers and names agree, frames are cut, BM25 and fusion rank."""

from __future__ import annotations

import pytest

from workbench.core.match.agree import (
    name_conflict,
    name_groups,
    names,
    number_conflict,
    numbers,
)
from workbench.core.match.bm25 import BM25
from workbench.core.match.engine import Doc, Matcher
from workbench.core.match.frames import core
from workbench.core.match.semantic import load_embedder
from workbench.core.match.signals import direction, negated
from workbench.core.match.tokens import terms


@pytest.mark.parametrize(
    "a, b",
    [
        ("$37 million", "37,000,000 dollars"),
        ("63k jobs", "63,000 jobs"),
        ("70 percent of voters", "seven in ten voters"),
        ("for 12 years", "for a dozen years"),
        ("32,000 people", "thirty-two thousand people"),
        ("over the next 30 years", "over the next three decades"),
        ("$3.7m to the lab", "$3,700,000 to the lab"),
        ("96 percent", "ninety-six percent"),
        ("the remaining $4.5+ mill", "more than $4.5 million"),
        ("10 of the 12 who carried out the September 11 attacks", "ten of the dozen 9/11 men"),
        ("about 1-in-300 people", "roughly one in every 300 people"),
        ("grown by a million in the last 10 years", "jumped by 1,000,000 over the past decade"),
        ("half of the inmates", "50 percent of the inmates"),
    ],
)
def test_numbers_in_any_form_agree(a, b):
    assert numbers(a) and not number_conflict(numbers(a), numbers(b))
    assert not number_conflict(numbers(b), numbers(a))


@pytest.mark.parametrize(
    "a, b",
    [
        ("$1.5 billion shortfall", "$15 billion shortfall"),
        ("63k jobs", "36,000 jobs"),
        ("47 percent of people", "74 percent of people"),
        ("14,000 arrests", "140,000 arrests"),
        ("one in 300 people", "one in 30 people"),
        ("for 12 years", "for five years"),
    ],
)
def test_different_numbers_conflict(a, b):
    assert "numbers differ" in number_conflict(numbers(a), numbers(b))


def test_a_number_the_query_does_not_state_is_no_conflict():
    assert not number_conflict(numbers("the bridge cost a lot"), numbers("it cost $5 billion"))


def test_names_must_agree():
    q = names("Gretchen Whitmer released thousands of prisoners.")
    c = names("Tony Evers released thousands of prisoners.")
    assert "names differ" in name_conflict(q, c)
    assert not name_conflict(names("Evers freed prisoners."), c)
    # the claimant of the fact-check is context: naming them is no conflict
    assert not name_conflict(names("Biden said prisoners were freed."), set(), {"biden"})
    assert not name_conflict({"chevy", "japan"}, {"chevrolet", "japan"})


@pytest.mark.parametrize(
    "q, c",
    [
        # an acronym of a name the other writes out
        ("Kaine wants to eliminate ICE.", "Kaine wants to get rid of Immigration and Customs "
         "Enforcement."),
        # a first name left out
        ("A post says President Trump wrote that.", "Says Donald Trump wrote that."),
        # where it was said is context, not the claim's subject
        ("On Facebook, a post says Biden fell asleep.", "Says Joe Biden fell asleep."),
    ],
)
def test_names_written_another_way_agree(q, c):
    assert not name_conflict(names(q), names(c), (), name_groups(q), name_groups(c))


def test_a_shared_first_name_is_no_agreement():
    q, c = "Scott Walker cut taxes.", "Scott Fitzgerald cut taxes."
    assert "names differ" in name_conflict(names(q), names(c), (), name_groups(q), name_groups(c))


def test_direction_and_negation():
    assert direction("Crime rose last year") == 1 and direction("Crime fell last year") == -1
    assert direction("Crime rose, then fell") == 0
    assert negated("He never lobbied for it") and not negated("He lobbied for it")


def test_posts_are_read_as_claims():
    from workbench.core.match.frames import clean

    post = "RT @newsdesk: #Biden says 40% of #COVID19 deaths https://t.co/xyz pic.twitter.com/ab"
    assert clean(post) == "Biden says 40% of COVID19 deaths"
    assert clean("email me@example.org now") == "email me@example.org now"


def test_frames_are_cut():
    text = "At a rally in Ohio, Sen. Smith told supporters that taxes doubled under the mayor."
    assert core(text) == "Taxes doubled under the mayor."
    assert core("Taxes doubled under the mayor.") is None
    # the speaker after the claim, named or not
    for tail in ("Ann Smith said", "a state senator said", "city officials warned"):
        assert core(f"Property taxes doubled under the mayor, {tail}.") == (
            "Property taxes doubled under the mayor"
        )
    # "states" is the country, or a noun, not a reporting verb
    brewer = "A Dutch brewer moved its plant to the United States because of the new duties."
    assert core(brewer) is None
    assert core("Compared with nearby states, Iowa pays its bus drivers far too little.") is None
    assert core("The union states that bus drivers in Iowa are paid far too little.") == (
        "Bus drivers in Iowa are paid far too little."
    )


def test_bm25_prefers_the_rarer_shared_word():
    index = BM25()
    for text in ["the tax went up", "the tax on soup kitchens", "the tax went down", "a tax"]:
        index.add(terms(text))
    scores = index.scores(terms("soup kitchens tax"))
    assert scores.argmax() == 1 and index.best(terms("soup")) > 0


@pytest.fixture(scope="module")
def matcher():
    m = Matcher(load_embedder())
    m.add(
        [
            Doc("a", "Wisconsin's budget shortfall is now as low as $1.5 billion."),
            Doc("b", "Tony Evers released thousands of prisoners early.", "Facebook posts"),
            Doc("c", "The Alamo was rebuilt with federal money in 1936."),
            Doc("d", "Poverty levels are at an all-time high.", "Bernie Sanders"),
        ]
    )
    return m


def test_paraphrase_ranks_first_and_is_suggested(matcher):
    hit = matcher.search("Poverty in America has reached the highest level ever, Sanders said.")[0]
    assert hit.key == "d"
    assert matcher.search("Poverty levels are at an all-time high.")[0].key == "d"


def test_conflicts_keep_a_hit_below_a_suggestion(matcher):
    exact = matcher.search("Wisconsin's budget shortfall is now as low as $1.5 billion.")[0]
    other = matcher.search("Wisconsin's budget shortfall is now as low as $15 billion.")[0]
    assert exact.key == other.key == "a"
    assert not exact.conflict and "numbers differ" in other.conflict
    assert other.score < 0.5 <= exact.score


def test_removed_documents_are_not_found(matcher):
    matcher.remove("c")
    assert all(h.key != "c" for h in matcher.search("The Alamo was rebuilt with federal money."))


def test_lexical_only_when_no_embedder():
    m = Matcher(None)
    m.add([Doc("x", "The loan was worth 1,500 million dollars."), Doc("y", "Wind causes cancer.")])
    assert m.search("a loan worth 1,500 million dollars")[0].key == "x"


def test_the_lexical_score_is_calibrated_too():
    from workbench.core.match.thresholds import LOWER

    m = Matcher(None)
    m.add(
        [
            Doc("ferry", "The island ferry has carried more passengers every summer since 2015."),
            Doc("bees", "Beekeepers in the valley lost half their hives last winter."),
            Doc("mill", "The paper mill closed after the flood of 1998."),
        ]
    )
    same = m.search("Since 2015 the island ferry has carried more passengers every summer.")[0]
    assert same.key == "ferry" and same.score >= LOWER
    other = m.search("The island ferry has carried fewer passengers every summer since 2015.")[0]
    assert other.key == "ferry" and "direction" in other.conflict and other.score < LOWER
    assert all(h.score < LOWER for h in m.search("Valley farmers planted more corn this spring."))
