"""Opposite claims are no match: direction, stance, negation, years and first names."""

from __future__ import annotations

import pytest

from workbench.core.match.agree import name_conflict, name_groups, names, number_conflict, numbers
from workbench.core.match.polarity import polarity, polarity_conflict


def _conflict(a: str, b: str) -> str:
    one = polarity_conflict(polarity(a), polarity(b))
    two = polarity_conflict(polarity(b), polarity(a))
    assert bool(one) == bool(two), (one, two)
    return one


@pytest.mark.parametrize(
    "a, b",
    [
        (
            "Bus fares went up by a third under the new council.",
            "Bus fares went down by a third under the new council.",
        ),
        ("The senator never backed the pipeline.", "The senator backed the pipeline."),
        (
            "Our county voted for the casino expansion.",
            "Our county voted against the casino expansion.",
        ),
        ("The school board banned phones in class.", "The school board allowed phones in class."),
        (
            "Measles cases fell every year since the mandate.",
            "Measles cases rose every year since the mandate.",
        ),
        ("The mayor is not a registered lobbyist.", "The mayor is a registered lobbyist."),
        (
            "Her party won fewer seats in the north than in the south.",
            "Her party won more seats in the north than in the south.",
        ),
        (
            "The port lost 900 jobs and exports halved.",
            "The port lost 900 jobs and exports doubled.",
        ),
        ("Farm workers there are legal residents.", "Farm workers there are illegal residents."),
        (
            "Fines for non-violent offenders have gone up by half.",
            "Fines for non-violent offenders have been reduced by half.",
        ),
        ("The governor did not sign the water bill.", "The governor signed the water bill."),
        ("The governor signed the water bill.", "The governor vetoed the water bill."),
        ("Our town has the most potholes in the state.", "Our town has the fewest potholes."),
        ("Bread got cheaper in the village.", "Bread got costlier in the village."),
        # "more than 40" bounds a number; the direction is in "fell" / "rose"
        ("Sales fell more than 40 percent in May.", "Sales rose over 40 percent in May."),
        (
            "River levels have risen every spring for a decade.",
            "River levels have stayed flat for a decade.",
        ),
        # "not up" after "down"; "voted with" is a vote for; nouns and comparatives of size
        (
            "Under the old board, fees went down, not up.",
            "Under the old board, fees went up, not down.",
        ),
        ("The mayor voted with the unions every time.", "The mayor voted against the unions."),
        ("There has been an expansion of the state payroll.", "The state payroll is shrinking."),
        ("The county has the largest jail in Ohio.", "The county has the smallest jail in Ohio."),
        ("The new levee made the town safer.", "The new levee made the town more dangerous."),
        ("The jury convicted the former mayor.", "The jury acquitted the former mayor."),
        ("The singer is alive and well.", "The singer is dead."),
        ("The levy passed by 200 votes.", "The levy failed by 200 votes."),
        # the two sides of a comparison swapped
        (
            "More clinics are opening than closing in the county.",
            "In the county more clinics are closing than opening.",
        ),
    ],
)
def test_opposite_claims_conflict(a, b):
    assert _conflict(a, b)


@pytest.mark.parametrize(
    "a, b",
    [
        # the same direction in other words, or a negation turning it round
        ("Rents have not fallen since the stadium opened.", "Rents rose after the stadium opened."),
        ("He was dead set against the toll road.", "He opposed the toll road from the start."),
        # a negation that turns no direction word round leaves the directions unread
        ("No ferry company is allowed to sail at night.", "Night sailings are forbidden."),
        (
            "The mayor said no to higher parking fees.",
            "The mayor voted against higher parking fees.",
        ),
        # "kept ... from rising" is "did not rise"
        (
            "The council kept the water rate from rising for six years.",
            "For six years the council did not increase the water rate.",
        ),
        # both negate, in different places
        ("The minister has never been to the island.", "The minister has not visited the island."),
        # phrasal "down" / "up", anti- and pro- as prefixes, "no." before a number
        (
            "Protesters forced the top two managers to step down.",
            "Protesters forced the resignation of the two highest managers.",
        ),
        (
            "Anti-hunting groups say trapping is cruel.",
            "Pro-wildlife groups say trapping is cruel.",
        ),
        (
            "Falls are the No. 1 cause of injury for roofers.",
            "Falls are the leading cause of injury for roofers.",
        ),
        ("The plant made a profit whether or not prices rose.", "The plant made a profit."),
        (
            "The league failed to pass a budget in 2019.",
            "The league did not have a budget in 2019.",
        ),
        # the same comparison in other words
        (
            "More clinics are opening than closing in the county.",
            "In the county, clinics are opening faster than they are closing.",
        ),
    ],
)
def test_agreeing_claims_do_not_conflict(a, b):
    assert not _conflict(a, b)


def test_years_agree_only_when_equal():
    assert number_conflict(numbers("Tuition doubled in 2014."), numbers("Tuition doubled in 2012."))
    assert number_conflict(numbers("the storm of June 2016"), numbers("the storm of June 2019"))
    assert not number_conflict(numbers("in June 2016"), numbers("the June 2016 storm"))
    assert "dates differ" in number_conflict(numbers("on May 3, 2010"), numbers("on May 4, 2010"))
    assert "dates differ" in number_conflict(numbers("in March 2020"), numbers("in May 2020"))
    assert not number_conflict(numbers("on March 3"), numbers("in March 2020"))
    assert "dates differ" in number_conflict(numbers("on Monday night"), numbers("Sunday night"))
    assert "years differ: 2018" in number_conflict(
        numbers("50 in 2006, 9 in 2024"), numbers("50 in 2006, 9 in 2018")
    )


def test_fractions_of_one_kind_must_agree():
    assert "numbers differ" in number_conflict(
        numbers("one-third of tenants"), numbers("two-thirds of tenants")
    )
    assert not number_conflict(numbers("a third of tenants"), numbers("one in three tenants"))
    assert not number_conflict(
        numbers("three-quarters of tenants"), numbers("three quarters of the tenants")
    )
    # "50 in 2018" is a count in a year, "1 in 2,000" a ratio
    assert ("year", 2018.0) in numbers("only 50 in 2018")
    assert ("ratio", 0.0005) in numbers("1 in 2,000 drivers")


def test_a_different_first_name_is_another_person():
    q = "Says Carla Ruiz mocked voters helped by Tom Ruiz."
    c = "Says Maria Ruiz mocked voters helped by Tom Ruiz."
    assert "names differ" in name_conflict(names(q), names(c), (), name_groups(q), name_groups(c))
    # a title before the surname is no first name
    q, c = "Gov. Ann Holt vetoed the bill.", "Governor Holt vetoed the bill."
    assert not name_conflict(names(q), names(c), (), name_groups(q), name_groups(c))
    # a state before a title and a name is no first name either
    q, c = "Says Ohio Rep. Dan Reed took $5,000.", "Says Iowa Rep. Dan Reed took $5,000."
    assert "names differ" in name_conflict(names(q), names(c), (), name_groups(q), name_groups(c))


def test_the_matcher_keeps_an_opposite_claim_below_a_suggestion():
    from workbench.core.match.engine import Doc, Matcher
    from workbench.core.match.semantic import load_embedder
    from workbench.core.match.thresholds import LOWER

    m = Matcher(load_embedder())
    m.add(
        [
            Doc("up", "Ticket prices at the county fair rose every year since 2009."),
            Doc("pier", "The old pier was rebuilt with lottery money in 1986."),
            Doc("owl", "Owls can turn their heads all the way round."),
        ]
    )
    for query, key in [
        ("Since 2009 county fair ticket prices have risen every year.", "up"),
        ("The old pier was rebuilt in 1986 with money from the lottery.", "pier"),
    ]:
        same = m.search(query)[0]
        assert same.key == key and not same.conflict and same.score >= LOWER, (query, same)
    for query, reason in [
        ("Ticket prices at the county fair fell every year since 2009.", "direction"),
        ("Ticket prices at the county fair rose every year since 2011.", "years"),
        ("The old pier was not rebuilt with lottery money in 1986.", "negation"),
        ("The old lighthouse was rebuilt with lottery money in 1986.", "subject"),
    ]:
        hit = m.search(query)[0]
        assert reason in hit.conflict and hit.score < LOWER, (query, hit)


def test_a_claim_in_the_first_person_is_about_its_claimant():
    from workbench.core.match.engine import Doc, Matcher

    m = Matcher(None)
    m.add(
        [
            Doc(
                "lee",
                "Says she paid off her student loans before turning 30.",
                "Dana Lee",
                claimant="Dana Lee",
            ),
            Doc(
                "club",
                "We cut the waiting list for allotments to zero.",
                "Garden Club posts",
                claimant="Garden Club posts",
            ),
            Doc("owl", "Owls can turn their heads all the way round."),
        ]
    )
    other = m.search("Says Rosa Ortiz paid off her student loans before turning 30.")[0]
    assert other.key == "lee" and "names differ" in other.conflict
    same = m.search("Dana Lee says she paid off her student loans before she turned 30.")[0]
    assert same.key == "lee" and not same.conflict
    # a claimant that is no person's name ("... posts") names nobody
    post = m.search("Ann Cole says we cut the waiting list for allotments to zero.")[0]
    assert post.key == "club" and not post.conflict

