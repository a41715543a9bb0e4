"""Direct quotes that state nothing checkable make no claim (issue 11, non-claims):
quoted reaction of named speakers (a feeling, a wish, a thought with no content, a
question, a plea, a saying in the generic "you"), and vox-pop of members of the public
with no name (what they say of themselves and what the credit tells of them). Quotes
that assert a fact or argue a position keep their claim, whoever says them: a promise, a
state of affairs, an inability argued, a view of someone else's act, a feeling with a
stated cause, a count, a loaded question; a vox-pop quote about the world outside.

Our own sentences, written for these tests (not from any dev or evaluation set)."""

from __future__ import annotations

import pytest

from workbench.core.articles import make_article
from workbench.core.nlp.extract import extract_many

REACTIONS = [  # named speakers: the quote goes, nothing else is claimed
    '"I honestly don\'t know what to think," the coach said after the match.',
    '"I can\'t picture the village without the bakery," said Ines Duarte.',
    '"We are heartbroken," said Tom Reyes, the club\'s chairman.',
    '"I\'m still a bit shaken, to be honest," Clara Holm said.',
    '"Please stay away from the riverbank," said Raj Patel.',
    '"Why would anyone do this?" asked Mary Ode.',
    '"We\'d love a bigger hall some day," said Dana Whit, the choir\'s director.',
    '"It aches. It still aches," said Leo Park.',
    '"You learn something every day," said Marta Ruiz.',
    '"We did it!" said Ben Ode.',
    '"We believe someone knows where the money went," said Kate Moss.',
    '"We are gutted, just gutted," said Pete Lowe.',
    '"I love the sea and I always will," said Sara Finn.',
    '"It feels like a fairy tale," said Nia Cole.',
    '"It was the happiest day of my career," said Omar Haddad.',
    '"I couldn\'t be prouder of these players," said Anna Berg.',
    '"We apologise for the delay," said Ana Lima.',
    '"Our thoughts are with the crew and their families," said Ana Lima.',
    '"Thank you to every volunteer who turned up," said Ana Lima.',
]
VOX_POP = [  # members of the public with no name
    '"I just sat in the car and shook," said one driver.',
    '"It\'s the best bit of the week," said a shopper outside the market. "It always has been."',
    '"Honestly, it was lovely," said one passenger, who had waited for three hours at the gate.',
    '"Who will look after the dog?" one pensioner asked, her hands trembling.',
    '"I work nights. I sleep days. Who will feed the cat?" one nurse asked, her voice shaking.',
    '"It is lovely," said a tourist from Lisbon, who had paid for three nights in a hostel.',
]
ASSERTIONS = [  # the quote stays a claim
    '"We will not raise council tax this year," said the finance chief, Ana Lima.',
    '"The reserve fund is empty," said Ana Lima.',
    '"We cannot match their wages," said Pat Doyle, the head teacher.',
    '"She never once missed a shift," said Joe Hart.',
    '"I think the council has misled residents," said Sam Okoro.',
    '"We were shocked by how many trees had come down overnight," said Lena Berg.',
    '"I\'m proud of the 300 volunteers who cleared the beach," said Lena Berg.',
    '"Why did the council sell the land for £1?" asked Mary Ode.',
    '"You misled the House about the contract," Mary Ode told the minister.',
    '"We knew the roof was unsafe," said Joe Hart.',
    '"I know for a fact that the tender was never advertised," said Joe Hart.',
    '"Why did the mayor approve the loan?" asked Joe Hart.',
    '"We did nothing wrong," said Joe Hart.',
    '"We have done it before," said Joe Hart.',
    '"You have to renew the permit before you sail," said Joe Hart.',
    '"You cannot run a port without cranes," said Joe Hart.',
    '"We thanked the crews at a ceremony in the harbour," said Ana Lima.',
    '"We are confident the bridge will reopen in spring," said Anna Berg.',
    '"I will never forget the night the dam burst," said Anna Berg.',
]
VOX_POP_FACTS = [  # a member of the public telling of the world outside
    '"The bridge was shut for two weeks in May," said one resident.',
    '"I have lived in Hull for 50 years," said one pensioner.',
    '"The police never came," a neighbour said.',
    '"We had no warning at all," said one shopkeeper.',
    '"Nobody from the council has been in touch," said one resident.',
]


@pytest.fixture(scope="module")
def claims_of():
    texts = [*REACTIONS, *VOX_POP, *ASSERTIONS, *VOX_POP_FACTS]
    articles = [make_article(t + "\n", "quote-claims-test") for t in texts]
    return {
        t: [c for c in claims if c.kind != "consistency"]
        for t, claims in zip(texts, extract_many(articles), strict=True)
    }


@pytest.mark.parametrize("text", REACTIONS)
def test_a_quoted_reaction_makes_no_claim(claims_of, text):
    assert [(c.kind, c.label) for c in claims_of[text]] == []


@pytest.mark.parametrize("text", VOX_POP)
def test_vox_pop_and_its_credit_make_no_claim(claims_of, text):
    assert [(c.kind, c.label) for c in claims_of[text]] == []


@pytest.mark.parametrize("text", ASSERTIONS)
def test_a_quote_that_asserts_stays_a_claim(claims_of, text):
    assert [c for c in claims_of[text] if c.kind == "quote"], claims_of[text]


@pytest.mark.parametrize("text", VOX_POP_FACTS)
def test_a_vox_pop_fact_stays_a_claim(claims_of, text):
    assert [c for c in claims_of[text] if c.kind == "quote"], claims_of[text]
