"""Superlative, record, rank and comparison claims on our own sentences
(tests/data/dev_statements/records.json; the finder is core/nlp/records.py).

Every sentence is one article; all go through one ``extract_many`` pass.
"""

from __future__ import annotations

import pytest
from dev_sentences import dev_items, extract_items

ITEMS = dev_items("records.json")


@pytest.fixture(scope="module")
def dev():
    return extract_items(ITEMS)


def _record_claims(claims):
    return [
        c for c in claims if c.kind == "ordinal" or "superlative" in (c.value or {}).get("tags", [])
    ]


def _overlapping(article, claims, anchor):
    start = article.text.index(anchor)
    end = start + len(anchor)
    return [c for c in claims if c.start < end and start < c.end]


def _show(claims):
    return [(c.kind, c.anchor, c.value.get("tags")) for c in claims if c.kind != "consistency"]


@pytest.mark.parametrize("item", [i for i in ITEMS if "records" in i], ids=lambda i: i["text"][:48])
def test_record_is_a_claim(dev, item):
    article, claims = dev[item["text"]]
    for fact in item["records"]:
        over = _overlapping(article, _record_claims(claims), fact["anchor"])
        assert over, f"no record claim on {fact['anchor']!r}: {_show(claims)}"
        if "type" in fact:
            statements = [c for c in over if c.kind == "statement"]
            assert not statements or any(c.claim_type == fact["type"] for c in statements), [
                (c.claim_type, c.anchor) for c in statements
            ]


@pytest.mark.parametrize(
    "item", [i for i in ITEMS if i.get("no_record")], ids=lambda i: i["text"][:48]
)
def test_no_record_claim(dev, item):
    _, claims = dev[item["text"]]
    records = [c for c in _record_claims(claims) if c.kind != "ordinal"]
    assert not records, _show(records)
    if item.get("none"):
        assert not [c for c in claims if c.kind != "consistency"], _show(claims)


def test_one_fact_one_claim(dev):
    """A record phrase is one claim: never two claims tagged superlative on it."""
    for item in ITEMS:
        article, claims = dev[item["text"]]
        for fact in item.get("records", []):
            over = _overlapping(article, _record_claims(claims), fact["anchor"])
            statements = [c for c in over if c.kind == "statement"]
            assert len(statements) <= 1, _show(statements)


def _claims_of(dev, text):
    article, claims = dev[text]
    return [c for c in claims if c.kind != "consistency"]


def test_side_record_is_its_own_claim(dev):
    """An apposition holds a fact of its own: its own claim, labelled as a statement;
    the host clause is about something else and is not tagged."""
    claims = _claims_of(
        dev,
        "Rotterdam, Europe's busiest port, handled fewer containers in March than a year earlier.",
    )
    record = [c for c in claims if "superlative" in c.value.get("tags", [])]
    assert [c.anchor for c in record] == ["Europe's busiest port"]
    assert record[0].label == "Rotterdam is Europe's busiest port"
    assert record[0].claim_type == "quantity"


def test_number_or_ordinal_holding_the_record_is_tagged_not_doubled(dev):
    claims = _claims_of(
        dev, "The senator is one of only three Republicans to vote against the bill."
    )
    assert [(c.kind, c.anchor) for c in claims] == [("quantity", "only three")]
    assert "superlative" in claims[0].value["tags"]
    claims = _claims_of(dev, "In 2019 she became the first woman to lead the party.")
    ordinal = [c for c in claims if c.kind == "ordinal"]
    assert ordinal and "superlative" in ordinal[0].value["tags"]
    assert not [c for c in claims if c.kind == "statement"]


def test_record_in_a_number_clause_gets_a_statement_with_the_clause(dev):
    """ "set a world record in the 10,000 metres": the number is not the record."""
    claims = _claims_of(dev, "Kenya's Chebet set a world record in the 10,000 metres in Eugene.")
    statements = [c for c in claims if c.kind == "statement"]
    assert len(statements) == 1
    assert statements[0].anchor.startswith("Kenya's Chebet set a world record")
    assert any(c.kind == "quantity" for c in claims)
