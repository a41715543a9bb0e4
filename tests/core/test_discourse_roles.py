"""Sentences that state no fact by their role in the article (issue 11, non-claims):
a source that did not answer the paper, the paper asking for a response, what the paper
does not yet know, a guess credited to nobody ("It is feared ...", "is likely to"), a
sentence pointing at what follows ("Here is what ..."), the article speaking of itself,
and a rank denied ("is not the first to ..."). Next to each, the same shapes stating a
fact keep their claim.

Our own sentences, written for these tests (not from any dev or evaluation set)."""

from __future__ import annotations

import pytest

from workbench.core.articles import make_article
from workbench.core.nlp.extract import extract_many

NO_CLAIM = [
    "The embassy did not reply to emails on Tuesday.",
    "A lawyer for the family did not return calls.",
    "The airline did not provide further information.",
    "The Post has asked the council for a response.",
    "It is not yet known what started the fire at the depot.",
    "The cause of the outage was not immediately known on Tuesday.",
    "Here's what the ruling means for 3 million renters.",
    "This story was first published on 3 June.",
    "This piece was corrected on 12 May.",
    "The ruling is not the first of its kind.",
    "The Tribune was unable to confirm the account.",
    "We're expecting the verdict at around 3pm.",
    "No timeline was given for the works.",
    "Officials offered no explanation on Tuesday.",
    "Turnout is likely to be below 40%.",
    "It is feared that 40 people were on board.",
    "It is thought the fire started in the kitchen at about 2am.",
    "Calls to the firm's office in Porto went unanswered on Monday.",
    "There was no immediate response from Ankara.",
    "There was no word from the family by 9pm.",
    "Officials did not elaborate.",
    "Police did not release further details about the 4 a.m. crash.",
]
KEEPS_A_CLAIM = [
    "The embassy did not reply to 14 requests for visas.",
    "The regulator said the firm had not replied to its warning letter.",
    "The company did not respond to the court's summons and was fined.",
    "The airline did not provide refunds to 3,000 passengers.",
    "The ministry asked the EU for 200 million euros in aid.",
    "Here, 400 workers lost their jobs in 2019.",
    "Here is what we know: 12 people died in the blast on Sunday.",
    "Kenya is not the first country to ban plastic bags.",
    "She was the first woman to chair the committee.",
    "The cause of the fire was not known until the inquest in 2021, the coroner said.",
    '"We will reopen on Monday," the manager said.',
    "The firm gave staff no notice of the 300 job cuts.",
    "The council gave the contractor a deadline of 30 June.",
    "Police believe the fire started at about 2am.",
    "There was no response to 40 complaints from residents.",
    "Three letters to the ministry went unanswered.",
    "Police did not release details of the 300 arrests.",
]
WITHHELD = {  # a frame that tells nothing: no answer credited to the one who withheld it
    "The ministry did not say how the scheme would be paid for.": "the scheme would be paid",
    "The minister has yet to explain why the contract was changed.": "the contract was changed",
}


@pytest.fixture(scope="module")
def claims_of():
    texts = [*NO_CLAIM, *KEEPS_A_CLAIM, *WITHHELD]
    articles = [make_article(t + "\n", "roles-test") for t in texts]
    return {
        t: [c for c in claims if c.kind != "consistency"]
        for t, claims in zip(texts, extract_many(articles), strict=True)
    }


@pytest.mark.parametrize("text", NO_CLAIM)
def test_a_sentence_that_states_nothing_by_its_role_makes_no_claim(text, claims_of) -> None:
    assert [(c.kind, c.anchor) for c in claims_of[text]] == []


@pytest.mark.parametrize("text", KEEPS_A_CLAIM)
def test_the_same_shape_stating_a_fact_keeps_a_claim(text, claims_of) -> None:
    assert claims_of[text]


@pytest.mark.parametrize("text", list(WITHHELD))
def test_a_withheld_manner_or_reason_is_no_claim_of_the_speaker(text, claims_of) -> None:
    assert not [c.anchor for c in claims_of[text] if c.anchor.startswith(WITHHELD[text])]
