"""The matcher's parts: numbers and names agree, frames are cut, BM25 and fusion rank."""

from __future__ import annotations

import pytest

from workbench.core.match.agree import name_conflict, names, number_conflict, numbers
from workbench.core.match.bm25 import BM25
from workbench.core.match.engine import Doc, Matcher
from workbench.core.match.frames import core
from workbench.core.match.semantic import load_embedder
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


def test_frames_are_cut():
    text = "At a rally in Ohio, Sen. Smith told supporters that taxes doubled under the mayor."
    assert core(text) == "Taxes doubled under the mayor."
    assert core("Taxes doubled under the mayor.") is None


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
