"""Statement claims on our own news-like sentences (tests/data/dev_statements).

Every dev sentence is one article; all go through one ``extract_many`` pass
(spaCy loads once per process, the claims once per module).
"""

from __future__ import annotations

import pytest
from dev_sentences import dev_items, extract_items
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.articles import make_article
from workbench.core.models import CLAIM_KINDS
from workbench.core.nlp.extract import extract_claims
from workbench.core.nlp.statements import CLAIM_TYPES

ITEMS = dev_items("sentences.json")


@pytest.fixture(scope="module")
def dev():
    return extract_items(ITEMS)


def _overlapping(article, claims, anchor):
    start = article.text.index(anchor)
    end = start + len(anchor)
    return [c for c in claims if c.start < end and start < c.end and c.kind != "consistency"]


@pytest.mark.parametrize(
    "item", [i for i in ITEMS if not i.get("none")], ids=lambda i: i["text"][:40]
)
def test_dev_facts_are_found(dev, item):
    article, claims = dev[item["text"]]
    for fact in item["claims"]:
        over = _overlapping(article, claims, fact["anchor"])
        assert over, f"nothing on {fact['anchor']!r}: {[(c.kind, c.anchor) for c in claims]}"
        kind = fact.get("kind")
        if kind:
            assert any(c.kind == kind for c in over), [(c.kind, c.anchor) for c in over]
        statements = [c for c in over if c.kind == "statement"]
        if "speaker" in fact:
            assert any(fact["speaker"].lower() in (c.speaker or "").lower() for c in over)
        if "type" in fact:
            assert any(c.claim_type == fact["type"] for c in statements), [
                (c.claim_type, c.anchor) for c in statements
            ]
        for word in fact.get("label", []):
            assert any(word in c.label for c in over)
        if "when" in fact:
            assert any(fact["when"] in c.value.get("when", {}).get("text", "") for c in over)
        if fact.get("tag"):
            tagged = [c for c in over if fact["tag"] in c.value.get("tags", [])]
            assert tagged or any(c.kind in ("ordinal", "quantity", "percent") for c in over)


@pytest.mark.parametrize("item", [i for i in ITEMS if i.get("none")], ids=lambda i: i["text"][:40])
def test_non_claims_make_no_claim(dev, item):
    _, claims = dev[item["text"]]
    assert not [c for c in claims if c.kind != "consistency"], [(c.kind, c.anchor) for c in claims]


def test_statements_carry_type_anchor_and_label(dev):
    for article, claims in dev.values():
        for c in claims:
            assert c.kind in CLAIM_KINDS
            assert article.text[c.start : c.end] == c.anchor
            if c.kind == "statement":
                assert c.claim_type in CLAIM_TYPES
                assert c.label and len(c.label.split()) <= 40
                assert c.sentence_start <= c.start < c.end <= c.sentence_end


def test_anchor_is_the_clause_not_the_sentence(dev):
    article, claims = next(v for k, v in dev.items() if k.startswith("Maria Delgado, the union"))
    st_ = next(c for c in claims if c.kind == "statement")
    assert st_.anchor == "the strike would continue"
    assert (
        st_.speaker == "Maria Delgado" and st_.label == "Maria Delgado: the strike would continue"
    )


def test_negation_is_kept_in_label_and_value(dev):
    _, claims = dev["So far, no Russian troops have crossed the border."]
    (c,) = claims
    assert c.label == "no Russian troops have crossed the border"
    assert c.value["negated"] is True and "negated" in c.value["tags"]


def test_time_of_event_is_not_its_own_claim(dev):
    _, claims = dev["The minister resigned on Tuesday after the report was published."]
    assert [c.kind for c in claims] == ["statement"]
    assert claims[0].value["when"]["weekday"] == "Tuesday"


def test_date_that_is_the_fact_stays_a_claim():
    article = make_article("The presidential election on August 9 was won by Lukashenko.\n", "x")
    claims = extract_claims(article)
    assert any(c.kind == "date" and c.anchor == "August 9" for c in claims)


def test_several_facts_in_one_sentence_get_their_own_labels():
    article = make_article("The city spent $4.2m on 12 new buses, up 30% from last year.\n", "x")
    claims = extract_claims(article)
    money = next(c for c in claims if c.kind == "money")
    assert "30%" not in money.label and "4.2m" in money.label
    assert not [c for c in claims if c.kind == "statement"]  # the numbers are the facts


@pytest.mark.parametrize(
    "text, fact",
    [
        ("Chief executive Anna Moretti told reporters that the strike alone cost operators "
         "about 250 million euros in lost fees.", "250 million euros"),
        ("He also repeated a social media claim that there is a 4,250% increase in deaths "
         "from the vaccine.", "4,250%"),
        ("The minister told parliament that the programme had cost 3 billion pounds.",
         "3 billion pounds"),
    ],
)
def test_a_bare_saying_frame_is_no_claim_of_its_own(text, fact):
    """'X told reporters that <numbers>': the numbers are the claims; the frame left on its
    own ("X told reporters") states nothing to check."""
    article = make_article(text + "\n", "x")
    claims = extract_claims(article)
    assert any(fact in c.anchor for c in claims if c.kind != "statement"), claims
    frames = [c for c in claims if c.kind == "statement" and "that" not in c.label
              and any(w in c.label for w in ("told", "repeated"))]
    assert not frames, [c.label for c in frames]


def test_a_saying_frame_with_a_reported_statement_keeps_it():
    article = make_article("The mayor told reporters that the bridge would reopen.\n", "x")
    claims = extract_claims(article)
    assert any(c.kind == "statement" and "bridge would reopen" in c.label for c in claims)


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.sampled_from([i["text"] for i in ITEMS] + ["\n\n", "  ", "“", "”", " said ", "?"]),
        min_size=1,
        max_size=6,
    )
)
def test_offsets_stay_exact_on_any_mix(parts):
    article = make_article("Headline\n\n" + "".join(parts) + " The court rejected it.", "x")
    for c in extract_claims(article):
        assert article.text[c.start : c.end] == c.anchor
        assert article.text[c.sentence_start : c.sentence_end] == c.sentence
