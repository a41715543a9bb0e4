"""Sentences that state nothing checkable by their shape in the copy (issue 11,
non-claims): an elliptical predicate standing for the sentence before, an understatement
("not exactly"), pronouns for every argument ("it changed everything"), a gesture, an
act watched going on, clothes, what the senses give ("the only noise was ..."), the
weather of a scene, a silence with no topic, a manner set beside a quote, counts that
only picture a scene ("three deep", "with two wheels on the kerb"), an appeal to readers
with its phone number, a withheld question that asks nothing, and what is told of an
unnamed voice. Next to each, the same shapes stating a fact keep their claim.

Our own sentences, written for these tests (not from any dev or evaluation set)."""

from __future__ import annotations

import pytest

from workbench.core.articles import make_article
from workbench.core.nlp.extract import extract_many

NO_CLAIM = [
    "Bus drivers have not.",
    "The unions will not.",
    "The new rules have not exactly helped.",
    "Neither side has exactly backed down.",
    "Councillor Jane Fox allowed herself a grin as the result was read.",
    "The coach gave a weary shrug on the touchline.",
    "A few of them were drinking coffee.",
    "Most of us were reading newspapers.",
    "A woman pushing a pram paused by the gate and said nothing.",
    "The fans stood three deep along the barriers in the High Street.",
    "A taxi sat with two wheels on the kerb outside the station.",
    "Anyone with information should call Kent Police on 101, quoting crime reference 4512.",
    "Anyone who saw the crash can call Essex Police on 101 and quote log 1187 of 2 March.",
    "The spokesman did not say what that would involve.",
    "She did not say what it would look like.",
    "Monday mornings at the Guildhall market have a charm all of their own.",
    "Colleagues said it changed everything for him.",
    "The new mayor wore a green scarf and walking boots.",
    "The only noise in the courtroom was the hum of the air conditioning.",
    "A fine drizzle fell on the Guildhall as the councillors filed in.",
]
NO_CLAIM_AT = {  # sentence -> words no claim may hold
    '"Nobody told us anything," one man said, his hands trembling.': "trembling",
    '"It was lovely," said a pensioner from Leeds, who had booked three nights at the '
    "hotel.": "three nights",
    '"We lost everything," said one farmer who has worked the land near Tralee for 30 '
    "years.": "30",
}
KEEPS = {  # sentence -> words a claim must hold
    "Rail firms have cut fares by 5%, but bus operators have not.": "5%",
    "The council has not paid the £2m fine.": "£2m",
    "Police were questioning a 34-year-old man on Tuesday.": "34-year-old",
    "The minister said nothing about the £40m cut in her speech on Monday.": "£40m",
    "Snow lay two metres deep on the pass.": "two metres",
    "Police contacted 40 witnesses on 3 May.": "40",
    "The bill would make it an offence to park with two wheels on the pavement.": "two",
    '"It was chaos," said Maria Lopez, who has run the shelter since 2006.': "2006",
    "He did not say what the change would mean for 3,000 families.": "3,000",
    "The painting, which had not been seen since 1994, was sold at auction.": "1994",
    "The company has not exactly denied that it paid the £5m bribe.": "£5m",
    "Friends said the crash in 1998 changed everything.": "1998",
    "He wore an ankle tag for 18 months after his release.": "18 months",
    "The air in Lahore was the most polluted in the world on Tuesday.": "most polluted",
    "Witnesses said the gunman wore a red jacket.": "red jacket",
    "Fog closed Gatwick for six hours on Tuesday.": "six hours",
    "More snow fell in Aberdeen on Monday than in the whole of last winter.": "Aberdeen",
}


@pytest.fixture(scope="module")
def claims_of() -> dict[str, list]:
    texts = NO_CLAIM + list(NO_CLAIM_AT) + list(KEEPS)
    articles = [make_article(t + "\n", "t") for t in texts]
    return dict(zip(texts, extract_many(articles), strict=True))


@pytest.mark.parametrize("text", NO_CLAIM)
def test_no_claim(text, claims_of) -> None:
    assert [(c.kind, c.anchor) for c in claims_of[text]] == []


@pytest.mark.parametrize("text", list(NO_CLAIM_AT))
def test_nothing_told_of_the_scene_or_an_unnamed_voice(text, claims_of) -> None:
    words = NO_CLAIM_AT[text]
    assert not [c.anchor for c in claims_of[text] if words in c.anchor]


@pytest.mark.parametrize("text", list(KEEPS))
def test_the_fact_stays(text, claims_of) -> None:
    words = KEEPS[text]
    assert [c.anchor for c in claims_of[text] if words in c.anchor]
