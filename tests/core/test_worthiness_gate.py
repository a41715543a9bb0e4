"""The factual gate (worthiness/gate.py): a learned veto on sentences that state nothing
checkable, and the reported feelings and fears that make no statement (statements.py).

Our own sentences, written for these tests (not from any dev or evaluation set)."""

from __future__ import annotations

import json

import pytest

from workbench.core.articles import make_article
from workbench.core.nlp.extract import extract_many
from workbench.core.nlp.pipeline import load_pipeline
from workbench.core.nlp.worthiness.features import FEATURE_VERSION, token_features
from workbench.core.nlp.worthiness.gate import (
    GATE_PATH,
    VETO,
    gate_features,
    indefinite_speaker,
    load_gate,
)

NOTHING_TO_CHECK = [
    "I honestly think this was the most thrilling evening of my life.",
    "You have to admire the sheer nerve of it.",
    "We could all do with a little more patience.",
    "Honestly, who could blame them?",
    "What a night it was for the old town.",
]
CHECKABLE = [
    "The ministry confirmed that 14 soldiers were killed in the attack.",
    "The regulator fined the bank for misleading customers.",
    "The coach said the club had sold its training ground to a developer.",
    "The council voted to close two libraries in March.",
]


FEELINGS_AND_VIEWS = [
    "The founder said she was certain the firm would be worth $2 billion within five years.",
    "The minister said the delays had left him deeply disappointed.",
    "In his view, the hospital has never been better run.",
]
FACTS_NEAR_THEM = [
    "The striker missed the 2019 final with a knee injury.",
    "Police said the man had been arrested in 2019.",
]


UNNAMED_VOICES = [  # a passer-by's feeling or praise, credited to nobody a desk can ask
    "\u201cIt was the greatest night I have ever had,\u201d said one spectator by the barrier.",
    "\u201cWe are heartbroken, absolutely heartbroken,\u201d a shop owner in Doncaster said.",
]
NAMED_VOICES = [  # the same kind of words from a named person stay a quote (eval rule 9)
    "\u201cIt was the greatest night I have ever had,\u201d said Tomasz Wierzbicki.",
    "\u201cIt was a wonderful, wonderful day,\u201d said a spokesman for Unilever.",
]
NAMED_FACTS = [  # a named person stating a fact keeps the quote, credited in the sentence
    "\u201cThe plant will close in June and 300 jobs will go,\u201d said a spokesman for Unilever.",
    "\u201cWe have not paid a ransom,\u201d said Mayor Joan Ferris.",
]
FOLLOW_ON = (  # a quote sentence with no credit of its own is never judged alone
    "\u201cWe won the league in 2019,\u201d said Tomasz Wierzbicki. \u201cIt was the greatest"
    " night I have ever had.\u201d"
)
UNNAMED_FACTS = [  # someone unnamed who states a fact keeps the numbers of it
    "\u201cOur gas bill rose by \u00a3340 in October,\u201d said one pensioner.",
]
IDIOMS = {  # the number of an idiom counts nothing; the same words with a count do
    "The board approved the sale at the eleventh hour.": (),
    "The striker was suspended for six matches.": ("six",),
}
NUMBER_IDIOM_SENTENCES = [
    "The grid operator's plan was at sixes and sevens by the spring.",
    "For the hundredth time, the ferry sailed without the promised ramp.",
]


@pytest.fixture(scope="module")
def claims_of():
    texts = NOTHING_TO_CHECK + CHECKABLE + UNNAMED_VOICES + NAMED_VOICES + UNNAMED_FACTS + [
        *NAMED_FACTS,
        FOLLOW_ON,
        *IDIOMS,
        *NUMBER_IDIOM_SENTENCES,
        "The coach said he was delighted with the way his side played.",
        "Residents fear that the river will burst its banks again this winter.",
        "The mayor said she hoped the bridge would reopen by May.",
        "The mayor said the bridge had reopened on Monday.",
        *FEELINGS_AND_VIEWS,
        *FACTS_NEAR_THEM,
    ]
    articles = [make_article(t + "\n", "gate-test") for t in texts]
    return {
        t: [c for c in claims if c.kind != "consistency"]
        for t, claims in zip(texts, extract_many(articles), strict=True)
    }


def _gate_score(text: str) -> float:
    gate = load_gate()
    assert gate is not None
    span = load_pipeline()(text)[:]
    return gate.score_features(gate_features(span, token_features(span)))


def test_shipped_gate_matches_the_features_and_says_how_it_was_made() -> None:
    data = json.loads(GATE_PATH.read_text(encoding="utf-8"))
    assert data["feature_version"] == FEATURE_VERSION  # else the veto is silently off
    assert load_gate() is not None
    meta = data["meta"]
    assert meta["news_held_out"] > 100 and meta["news_held_out_auc"] > 0.85
    assert any(w.startswith("g:") for w in data["weights"])  # the form features are used


@pytest.mark.parametrize("text", NOTHING_TO_CHECK)
def test_gate_is_sure_these_state_nothing(text: str) -> None:
    assert _gate_score(text) >= VETO


@pytest.mark.parametrize("text", CHECKABLE)
def test_gate_lets_facts_through(text: str, claims_of) -> None:
    assert _gate_score(text) < 0.5
    assert claims_of[text], "a checkable sentence lost its claims"


@pytest.mark.parametrize("text", NOTHING_TO_CHECK)
def test_no_claim_on_sentences_that_state_nothing(text: str, claims_of) -> None:
    assert claims_of[text] == []


def test_reported_feelings_hopes_and_fears_are_no_statements(claims_of) -> None:
    for text in (
        "The coach said he was delighted with the way his side played.",
        "Residents fear that the river will burst its banks again this winter.",
        "The mayor said she hoped the bridge would reopen by May.",
    ):
        assert not [c for c in claims_of[text] if c.kind == "statement"], text
    reopened = claims_of["The mayor said the bridge had reopened on Monday."]
    assert any(c.kind == "statement" for c in reopened)  # a reported fact stays a claim


@pytest.mark.parametrize("text", FEELINGS_AND_VIEWS)
def test_a_feeling_or_a_view_makes_no_claim_even_with_numbers(text: str, claims_of) -> None:
    assert claims_of[text] == []  # the numbers in it are part of the feeling or the view


@pytest.mark.parametrize("text", FACTS_NEAR_THEM)
def test_facts_next_to_feeling_words_stay(text: str, claims_of) -> None:
    kinds = {c.kind for c in claims_of[text]}
    assert {"statement", "date"} <= kinds or "statement" in kinds and "2019" in " ".join(
        str(c.value) for c in claims_of[text]
    )


@pytest.mark.parametrize("text", UNNAMED_VOICES)
def test_a_feeling_quoted_from_someone_unnamed_makes_no_claim(text: str, claims_of) -> None:
    assert claims_of[text] == []


@pytest.mark.parametrize("text", NAMED_VOICES)
def test_a_named_speaker_keeps_the_quote(text: str, claims_of) -> None:
    # NAMED_QUOTE_VETO is off: a desk checks who said what, and the annotators of every
    # held-out set count a named quote as a claim (session 21: the veto cost 5-14 points
    # of quote recall there and cleaned no non-claim sentence)
    assert [c.kind for c in claims_of[text]] == ["quote"]


@pytest.mark.parametrize("text", NAMED_FACTS)
def test_a_named_speaker_stating_a_fact_keeps_the_quote(text: str, claims_of) -> None:
    assert "quote" in [c.kind for c in claims_of[text]]


def test_a_follow_on_quote_sentence_is_not_judged_alone(claims_of) -> None:
    quotes = [c.anchor for c in claims_of[FOLLOW_ON] if c.kind == "quote"]
    assert quotes == ["We won the league in 2019", "It was the greatest night I have ever had."]


@pytest.mark.parametrize("text", UNNAMED_FACTS)
def test_an_unnamed_speaker_stating_a_fact_keeps_its_numbers(text: str, claims_of) -> None:
    kinds = {c.kind for c in claims_of[text]}
    assert {"money", "date"} <= kinds


@pytest.mark.parametrize("text", list(IDIOMS))
def test_a_number_inside_an_idiom_is_no_claim(text: str, claims_of) -> None:
    numbers = [c.anchor for c in claims_of[text]
               if c.kind in ("quantity", "ordinal", "duration")]
    assert all(any(w in a for a in numbers) for w in IDIOMS[text])
    if not IDIOMS[text]:
        assert numbers == [] and any(c.kind == "statement" for c in claims_of[text])


@pytest.mark.parametrize("text", NUMBER_IDIOM_SENTENCES)
def test_the_gate_reads_a_number_idiom(text: str) -> None:
    span = load_pipeline()(text)[:]
    assert "g:idiom:number" in gate_features(span, token_features(span))


@pytest.mark.parametrize(("text", "unnamed"), [
    ("A shop owner in Doncaster said the road was shut.", True),
    ("One fan said the road was shut.", True),
    ("A spokesman for Unilever said the road was shut.", False),
    ("The mayor said the road was shut.", False),
])
def test_an_unnamed_speaker_is_someone_indefinite_speaking_for_nobody(text, unnamed) -> None:
    doc = load_pipeline()(text)
    subj = next(t for t in doc if t.dep_ == "nsubj" and t.head.lemma_ == "say")
    assert indefinite_speaker(subj) is unnamed


def test_the_grouped_idiom_regex_finds_what_the_flat_one_finds() -> None:
    """``idiom_alternatives`` groups the phrases by first letter for speed: the same
    spans as the plain longest-first alternation, in any case, at word edges only."""
    import re

    from workbench.core.nlp.worthiness.gate import NUMBER_IDIOMS, idiom_alternatives

    flat = "|".join(re.escape(p) for p in sorted(NUMBER_IDIOMS, key=len, reverse=True))
    edges = r"(?<![\w-])(?:{})(?![\w-])"
    plain = re.compile(edges.format(flat), re.IGNORECASE)
    grouped = re.compile(edges.format(idiom_alternatives(NUMBER_IDIOMS)), re.IGNORECASE)
    texts = [f"At {p}, then {p.upper()}; x{p} and {p}-y." for p in NUMBER_IDIOMS] + [
        "A hundred times a million and one: One in a million, one-in-a-million.",
        "He was KNOCKED FOR SIX at the 11th hour, 24/7, catch-22s and Catch-22.",
        "Nothing here counts: square ones, nine yards-long, at first sightseeing.",
    ]
    for text in texts:
        assert [m.span() for m in grouped.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ], text
    assert idiom_alternatives(["ab", "ac", "b"]) == "a(?:b|c)|b(?:)"
