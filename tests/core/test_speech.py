# ruff: noqa: E501 - the article text keeps its paragraphs on one line each
"""Attributed speech: reported clauses, "according to", pronoun speakers, short quotes,
follow-on quote paragraphs. Our own sentences; one extraction per module."""

from __future__ import annotations

import pytest

from workbench.core.articles import make_article
from workbench.core.nlp.extract import extract_claims

ARTICLE = """Port strike enters second week

Dockers' leader Maria Delgado told reporters that the port had lost most of its container traffic. She said the company had refused every offer since March.

According to the harbour authority, no ship has left the terminal since the strike began.

The operator said in a statement ahead of the talks that managers would discuss "working conditions" with the union.

Delgado called the chief executive a "stranger to the docks", accusing him of ignoring safety warnings.

"We have asked for talks three times and heard nothing back," Delgado said.

"Every day the gates stay shut, the town loses trade.

Officials at the company did not respond to a request for comment.
"""


@pytest.fixture(scope="module")
def claims():
    article = make_article(ARTICLE, "port.txt")
    return article, extract_claims(article)


def _statement(claims, part):
    found = [c for c in claims if c.kind == "statement" and part in c.anchor]
    assert found, [(c.kind, c.anchor) for c in claims]
    return found[0]


def test_reported_clause_is_the_claim_with_its_speaker(claims):
    _, cs = claims
    c = _statement(cs, "the port had lost most of its container traffic")
    assert c.speaker == "Maria Delgado"
    assert c.label.startswith("Maria Delgado: ")
    assert "told" not in c.anchor


def test_pronoun_speaker_resolves_to_the_last_named_person(claims):
    _, cs = claims
    c = _statement(cs, "the company had refused every offer")
    assert c.speaker == "Maria Delgado"


def test_according_to(claims):
    _, cs = claims
    c = _statement(cs, "no ship has left the terminal")
    assert c.speaker == "harbour authority" and c.value["negated"]


def test_short_quote_inside_reported_speech_belongs_to_the_statement(claims):
    _, cs = claims
    c = _statement(cs, "managers would discuss")
    assert c.speaker == "operator" and c.value["quote"] == "working conditions"
    assert c.claim_type == "prediction"
    assert not [q for q in cs if q.kind == "quote" and q.anchor == "working conditions"]


def test_short_quote_credited_by_a_naming_verb(claims):
    _, cs = claims
    q = next(c for c in cs if c.kind == "quote" and c.anchor == "stranger to the docks")
    assert q.speaker == "Maria Delgado" and q.value["speaker"] == "Maria Delgado"


def test_follow_on_quote_paragraph_carries_the_speaker(claims):
    _, cs = claims
    q = next(c for c in cs if c.kind == "quote" and c.anchor.startswith("Every day the gates"))
    assert q.speaker == "Maria Delgado"
    # a clause inside a direct quote is the quote's claim, not a statement
    assert not [c for c in cs if c.kind == "statement" and "gates stay shut" in c.anchor]


def test_newsroom_process_is_no_claim(claims):
    article, cs = claims
    start = article.text.index("Officials at the company")
    assert not [c for c in cs if c.start >= start and c.kind != "consistency"]


def test_unattributed_hedge_is_no_claim():
    article = make_article("It could be that the talks collapse next week.\n", "x")
    assert not [c for c in extract_claims(article) if c.kind == "statement"]


COLON_FRAMES = """Council meeting

Mayor Ines Castillo spoke for twenty minutes. The mayor repeated a promise she has made at \
every hustings: "The city will build 400 homes for rent before the end of 2027." Opposition \
councillors have disputed the figure.

"We will not close a single library this year," Castillo said. Her deputy disagreed.
"""


def test_a_colon_frame_credits_its_own_subject_not_the_next_sentence():
    """'X repeated a claim: "..."' is X's quote; the next sentence's subject (who disputed it)
    did not say it. A quote followed by '..., she said' still takes the speaker after it."""
    article = make_article(COLON_FRAMES, "council.txt")
    quotes = {c.anchor[:20]: c.speaker for c in extract_claims(article) if c.kind == "quote"}
    assert quotes["The city will build "] in ("mayor", "Ines Castillo")  # not the councillors
    assert quotes["We will not close a "].endswith("Castillo")


GENDER = """Dock strike ends in Rotterdam

Union leader Marieke de Vries said she expected members to accept the deal on Thursday.

Chief executive Boudewijn Siemons told reporters that the strike alone cost operators about 250 million euros in lost handling fees. He said the port had lost customers to Antwerp.

She said the union had offered to return to work in the third week of the dispute.

Mr Pieter Bakker, who chairs the port council, said the council had approved the deal. Transport minister Robin Dekker said the ministry had not been consulted.

She said the government would review the port's licence.

Fleur Jansen said the deal was fair. Pim Smit said the unions had been split.

She said members had voted for the deal.

Engineer Anouk Visser said she had inspected the cranes. Mr Joost Mulder said the cranes had been repaired.

She said no cargo had been lost.
"""


@pytest.fixture(scope="module")
def gender_claims():
    return extract_claims(make_article(GENDER, "gender.txt"))


@pytest.mark.parametrize(
    ("part", "speaker"),
    [
        ("the port had lost customers", "Boudewijn Siemons"),  # "he": the last one named
        ("the union had offered", "Marieke de Vries"),  # "she" passes a "he" shown by "He said"
        ("members had voted", "Pim Smit"),  # nobody's gender shown: the last one, as before
        ("no cargo had been lost", "Anouk Visser"),  # "she" passes a "Mr"
    ],
)
def test_a_pronoun_speaker_agrees_with_a_gender_the_text_has_shown(gender_claims, part, speaker):
    assert _statement(gender_claims, part).speaker == speaker


def test_a_pronoun_never_reaches_past_an_unshown_name_to_a_title(gender_claims):
    # Dekker's gender is not shown: "she" stays with the last one named, not past it
    assert _statement(gender_claims, "review the port").speaker == "Robin Dekker"


def test_verb_forms_are_the_lemma_the_word_and_the_word_less_an_ending() -> None:
    """``verb_in`` looks up these forms (the lemmatizer slips: "hopes" -> "hop")."""
    from workbench.core.nlp.speech import verb_forms

    assert verb_forms("Hop", "hopes") == ("hop", "hopes", "hope", "hop")
    assert verb_forms("walk", "walked") == ("walk", "walked", "walk", "walke")
    assert verb_forms("sing", "singing") == ("sing", "singing", "sing")
    assert verb_forms("", "go") == ("", "go")
