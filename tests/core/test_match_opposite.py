"""Opposite claims, round five: inflections, words tied to the same thing, a negation
in an otherwise identical sentence, negating prefixes, "X, not Y"."""

from __future__ import annotations

import pytest

from workbench.core.match.polarity import direction_word, polarity, polarity_conflict


def _conflict(a: str, b: str) -> str:
    one = polarity_conflict(polarity(a), polarity(b))
    two = polarity_conflict(polarity(b), polarity(a))
    assert bool(one) == bool(two), (one, two)
    return one


@pytest.mark.parametrize(
    "a, b",
    [
        # two directions, both turned: counting them says nothing, their places do
        (
            "Under the old mayor, bus fares were cut and ridership grew.",
            "Under the old mayor, bus fares were raised and ridership fell.",
        ),
        (
            "The council voted to defund the museum.",
            "The council voted against defunding the museum.",
        ),
        ("The senator voted yes on the dairy bill.", "The senator voted no on the dairy bill."),
        ("All of the mayors mentioned housing.", "None of the mayors mentioned housing."),
        # an inflection read by its stem
        ("Clinics are opening across the valley.", "Clinics are closing across the valley."),
        ("The green party is gaining ground.", "The green party is losing ground."),
        ("The governor signs the ferry bill.", "The governor vetoes the ferry bill."),
        ("Exports show a steady increase since 1990.", "Exports show a steady reduction."),
        ("The most-trusted paper is its oldest.", "Its least-trusted paper is its oldest."),
        # "no longer" is "not"
        ("The night ferry no longer stops at Dover.", "The night ferry stops at Dover."),
        (
            "Half the new hires are women. They are no longer leaving after a year.",
            "Half the new hires aren't women. They are leaving after a year.",
        ),
        # the same sentence but for a negation (a word it negates said elsewhere too)
        (
            "Half of our trade gap is with nations that are not trade partners.",
            "Half of our trade gap is with nations that are our trade partners.",
        ),
        # a negating prefix
        ("The river filters were proven effective.", "The new filters were proven ineffective."),
        ("Nurses in the county are woefully underpaid.", "Nurses in the county are overpaid."),
        # "X, not Y" turned round
        (
            "It is the mayor, not the council, who sets the port budget.",
            "It is the council, not the mayor, who sets the port budget.",
        ),
    ],
)
def test_opposite_claims_conflict(a, b):
    assert _conflict(a, b)


@pytest.mark.parametrize(
    "a, b",
    [
        # "voted to repeal X" is no vote for X: a vote to is read only against its twin
        ("The senator voted to repeal the farm bill.", "The senator voted against the farm bill."),
        # the same two movements, told in another order or with other subjects
        ("Rents rose while wages fell in the city.", "In the city wages fell while rents rose."),
        (
            "Ohio raised taxes by $800 million and shed 400,000 jobs.",
            "Taxes were raised by $800 million and Ohio lost 400,000 jobs.",
        ),
        # a prefix the other text says as "not"
        (
            "The clinic counts an unborn child as a patient.",
            "The clinic counts a child that has not been born as a patient.",
        ),
        # both say "not", the same contrast said in another order
        (
            "The mayor sets the port budget, not the council.",
            "It is the mayor, not the council, who sets the port budget.",
        ),
        # a negation in a sentence that says much else besides
        (
            "The league did not file its accounts, a spokesman for the players said on Friday.",
            "The league's accounts were filed late in 2019 after an audit.",
        ),
        # nouns that only look like directions
        ("Workers there get no paid sick days.", "Workers there get no paid vacation days."),
    ],
)
def test_agreeing_claims_do_not_conflict(a, b):
    assert not _conflict(a, b)


def test_direction_words_in_any_inflection():
    assert direction_word("gaining") and direction_word("signs") and direction_word("closing")
    assert not direction_word("sick") and not direction_word("end") and not direction_word("sign")


@pytest.mark.parametrize(
    "a, b",
    [
        ("The mayor denied taking the money.", "The mayor admitted taking the money."),
        ("The board declined to renew the lease.", "The board renewed the lease."),
        ("The league cancelled the winter season.", "The league started the winter season."),
        ("The new toll is fair to drivers.", "The new toll is unfair to drivers."),
    ],
)
def test_more_opposites(a, b):
    assert _conflict(a, b)


def test_short_words_inside_others_are_no_prefix_negation():
    assert not _conflict("The port imports grain.", "The port handles grain.")
    assert not _conflict("Farmers discover a new pest.", "Farmers cover a new pest.")
