"""Sentences that state nothing checkable (issue 11, non-claims), session 25 gate12:
a quote that only qualifies or echoes what was just said ("For now.", "We always
have."), an order after a feeling in one quote, the body's reaction of the speaker
("I'm still shaking"), a thought of "you" with no content ("You can't imagine what it's
like"), ash and steam in the air of a scene, and a withheld question
that asks of nothing named ("It did not say whether more would follow"). The look-alikes
keep their claims: a fragment with a date or an amount, a stand-in verb with an object,
a hand shaken, a count of what the ash fell on, a question of someone's act.

Our own sentences, written for these tests (not from any dev or evaluation set)."""

from __future__ import annotations

import pytest

from workbench.core.articles import make_article
from workbench.core.nlp.extract import extract_many

NO_CLAIM = [
    '"We love this town," said Ana Lima. "We always have."',
    '"I\'m relieved," said Tom Reyes. "For now."',
    '"We\'re so pleased," said Tom Reyes. "For a while, anyway."',
    '"I\'m so nervous. Ask me again after the final," said Ruth Kane.',
    '"I can\'t believe it. I\'m still trembling," said Ivo Marsh.',
    '"You can\'t imagine what it was like, not knowing," said Ivo Marsh.',
    "Ash fell on the fishing boats like dirty rain.",
    "Steam rose from the horses as they came off the gallops.",
    "The ministry did not say whether more would follow.",
]
KEEPS = {  # sentence -> words a claim must hold
    '"We love this town," said Ana Lima. "We have the money to prove it."': "money",
    '"Since when?" asked the reporter. "Since 2019," said Joe Hart.': "2019",
    '"I shook the minister\'s hand," said Joe Hart.': "shook",
    '"You knew the roof was unsafe," Joe Hart told the minister.': "roof",
    '"You know the council sold the land for £1," said Joe Hart.': "council",
    "Ash fell on 40 houses in the village on Tuesday.": "40",
    "Steam rose by 12% on the exchange.": "12%",
    "He did not say whether the minister would resign.": "minister",
    "The bank has not said whether it will appeal.": "appeal",
    "The ministry did not say whether more than 200 staff would follow.": "200",
}


@pytest.fixture(scope="module")
def claims_of() -> dict[str, list]:
    texts = NO_CLAIM + list(KEEPS)
    articles = [make_article(t + "\n", "t") for t in texts]
    return {
        t: [c for c in claims if c.kind != "consistency"]
        for t, claims in zip(texts, extract_many(articles), strict=True)
    }


@pytest.mark.parametrize("text", NO_CLAIM)
def test_no_claim(text, claims_of) -> None:
    assert [(c.kind, c.anchor) for c in claims_of[text]] == []


@pytest.mark.parametrize("text", list(KEEPS))
def test_the_fact_stays(text, claims_of) -> None:
    words = KEEPS[text]
    assert [c.anchor for c in claims_of[text] if words in c.anchor or words in c.label]
