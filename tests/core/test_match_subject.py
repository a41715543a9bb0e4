"""The same claim about another subject is no match: one thing swapped, the rest kept."""

from __future__ import annotations

import numpy as np

from workbench.core.match.subject import content_tokens, subject_conflict


def _vectors(groups: list[set[str]]):
    """Word vectors in which the words of a group are one and all else is apart."""

    def vectors(words: list[str]) -> np.ndarray:
        out = np.zeros((len(words), len(groups) + len(words)), dtype=np.float32)
        for i, w in enumerate(words):
            g = next((k for k, group in enumerate(groups) if w in group), None)
            out[i, g if g is not None else len(groups) + i] = 1.0
        return out

    return vectors


def _conflict(query: str, candidate: str, sim=None, excused=(), names=()) -> str:
    return subject_conflict(
        content_tokens(query), content_tokens(candidate), lambda w: 1.0, sim, excused, names
    )


def test_one_swapped_subject_is_another_claim():
    assert "subject differs: stock vs housing" == _conflict(
        "The housing market does better under a Democratic president.",
        "The stock market does better under a Democratic president.",
    )
    # the same swap twice is still one
    assert "supersonic" in _conflict(
        "The city bought supersonic jets and now flies supersonic jets to Denver.",
        "The city bought electric buses and now flies electric buses to Denver.",
    )


def test_two_names_are_two_things_however_alike():
    query = "Medicaid spending in the state rose to a record this year."
    candidate = "Medicare spending in the state rose to a record this year."
    near = _vectors([{"medicaid", "medicare"}])  # vectors that call the two alike
    assert not _conflict(query, candidate, near)
    assert "medicare vs medicaid" in _conflict(
        query, candidate, near, names={"medicaid", "medicare"}
    )


def test_a_reworded_claim_is_not_a_swap():
    # several parts differ: a paraphrase, not one thing swapped
    assert not _conflict(
        "Kids with an involved dad are far likelier to earn a college degree.",
        "Having an active father makes children more likely to graduate from college.",
    )
    # a word said another way (vectors call them near)
    near = _vectors([{"cops", "police"}])
    assert not _conflict(
        "Antifa is attacking our cops in the streets.",
        "Antifa is attacking our police in the streets.",
        near,
    )
    # one form of a word, an acronym, a word that only one text has
    assert not _conflict(
        "Illegal immigrants hold eight million jobs.", "Illegally present immigrants hold jobs."
    )
    assert not _conflict(
        "ICE detained families at the southern border.",
        "Immigration and Customs Enforcement detained families at the southern border.",
    )
    assert not _conflict(
        "The state covered less of the cost of public schools, the teachers union says.",
        "The state covered less of the cost of public schools.",
    )


def test_the_speaker_and_headline_are_not_the_querys_own_words():
    query = "Holt's council vetoed the library funding bill."
    candidate = "The city council vetoed the library funding bill."
    assert _conflict(query, candidate)  # as if Holt were another city
    assert not _conflict(query, candidate, excused={"ann", "holt"})  # the claimant


def test_directions_and_numbers_are_left_to_their_own_checks():
    # "rose" / "fell" is polarity's business, "20" / "30 percent" the numbers'
    assert not _conflict("Tuition rose 20 percent.", "Tuition fell 30 percent.")
    assert content_tokens("Says African-American K-12 H1N1 isn't 392-year-old") == [
        "african",
        "american",
        "k-12",
        "h1n1",
    ]



def test_names_that_only_start_alike_are_two_names():
    from workbench.core.match.agree import name_conflict

    assert name_conflict({"medicaid", "ohio"}, {"medicare", "ohio"})
    assert name_conflict({"austria"}, {"australia"})
    assert not name_conflict({"chevy", "japan"}, {"chevrolet", "japan"})
    assert not name_conflict({"obama"}, {"obamas"})
    assert not name_conflict({"khrushchev", "kennedy"}, {"khruschev", "kennedy"})


def test_the_query_may_leave_out_an_aside_of_the_candidate():
    from workbench.core.match.subject import asides

    query = "The budget office says the average family of four will pay more for power."
    candidate = (
        "The budget office -- supposedly non-partisan -- says the average family of four"
        " will pay more (for gas)."
    )
    assert asides(candidate) == {"supposedly", "non", "partisan", "gas"}
    tokens = content_tokens(query), content_tokens(candidate)
    # "power" for "gas" is a swap once the aside is no addition the query lacks
    assert not subject_conflict(*tokens, lambda w: 1.0, None)
    assert "gas vs power" in subject_conflict(
        *tokens, lambda w: 1.0, None, aside=asides(candidate)
    )


def _named(query: str, candidate: str) -> str:
    from workbench.core.match.agree import name_groups

    return subject_conflict(
        content_tokens(query),
        content_tokens(candidate),
        lambda w: 1.0,
        None,
        groups=(name_groups(query), name_groups(candidate)),
    )


def test_one_name_for_another_that_shares_a_word():
    # the names' words do not line up one for one, the rest of the sentence does
    assert "university vs college technical" in _named(
        "The Ohio Technical College System budget grew to a record this year.",
        "The University of Ohio System budget grew to a record this year.",
    )
    assert "railroad vs aviation" in _named(
        "Says the Federal Aviation Administration fined the airline twice.",
        "Says the Federal Railroad Administration fined the airline twice.",
    )


def test_the_same_name_written_longer_or_shorter_is_no_swap():
    assert not _named("President Barack Obama signed the order.", "Obama signed the order.")
    assert not _named(
        "The New York Times fired its editor last week.", "The Times fired its editor last week."
    )
    # the name swapped, but the sentence reworded around it too
    assert not _named(
        "The Ohio Technical College System budget grew to a record this year.",
        "Never has the University of Ohio System spent as much as it does now.",
    )
