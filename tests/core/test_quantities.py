"""Normalized values of numbers, money, percents, durations and dates."""

from __future__ import annotations

import pytest

from workbench.core.nlp.quantities import (
    format_number,
    parse_date,
    parse_duration,
    parse_money,
    parse_percent,
    parse_quantity,
)


@pytest.mark.parametrize(
    ("text", "number", "qualifier"),
    [
        ("more than 100,000", 100000, "more-than"),
        ("nearly 40,000", 40000, "nearly"),
        ("about 11 million", 11_000_000, "about"),
        ("twenty-five thousand", 25000, "exact"),
        ("one and a half million", 1_500_000, "exact"),
        ("3.2m", 3_200_000, "exact"),
        ("a dozen", 12, "exact"),
        ("fewer than 300", 300, "less-than"),
        ("Hundreds", 100, "at-least"),
    ],
)
def test_quantities(text, number, qualifier):
    value = parse_quantity(text)
    assert value["number"] == number and value["qualifier"] == qualifier


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("$ 1.5 billion", 1.5e9, "USD"),
        ("€20m", 2e7, "EUR"),
        ("£4.5bn", 4.5e9, "GBP"),
        ("about 3 billion dollars", 3e9, "USD"),
        ("50 cents", 0.5, "USD"),
        ("60 billion euros", 6e10, "EUR"),
    ],
)
def test_money(text, amount, currency):
    value = parse_money(text)
    assert value["amount"] == pytest.approx(amount) and value["currency"] == currency


def test_percent_and_points():
    assert parse_percent("nearly 5.2%")["number"] == 5.2
    assert parse_percent("3 percentage points")["unit"] == "percentage-point"


def test_durations():
    assert parse_duration("the past 26 years") == {
        "number": 26,
        "unit": "year",
        "qualifier": "exact",
        "text": "the past 26 years",
    }
    assert parse_duration("less than 24 hours")["qualifier"] == "less-than"
    assert parse_duration("2 hours and 35 seconds")["seconds"] == 7235
    assert parse_duration("two and a half years")["number"] == 2.5
    assert parse_duration("several years") is None


def test_dates():
    assert parse_date("August 9")["iso"] == "--08-09"
    assert parse_date("1994")["iso"] == "1994"
    assert parse_date("9 August 2020")["iso"] == "2020-08-09"
    assert parse_date("Sept. 3, 2021")["iso"] == "2021-09-03"
    assert parse_date("the 1990s")["iso"] == "1990s"
    assert parse_date("Monday")["weekday"] == "Monday"


def test_format_number():
    assert format_number(1.5e9) == "1.5 billion"
    assert format_number(100000) == "100,000"


def test_pairs_and_ratios():
    from workbench.core.nlp.quantities import parse_pair, parse_ratio

    assert parse_quantity("69-30") == {
        "number": 69,
        "other": 30,
        "qualifier": "tally",
        "text": "69-30",
    }
    assert parse_pair("3-5%") == {"number": 3, "upper": 5, "qualifier": "range", "text": "3-5%"}
    assert parse_percent("3-5%")["upper"] == 5
    assert parse_ratio("one in five")["number"] == 20
    assert parse_ratio("nine out of ten")["ratio"] == [9, 10]
    assert parse_ratio("many in town") is None


def test_format_value_never_raises_on_odd_values():
    from workbench.core.nlp.values import format_value

    for kind in (
        "quantity",
        "money",
        "percent",
        "duration",
        "date",
        "ordinal",
        "quote",
        "event",
        "consistency",
        "x",
    ):
        for value in (
            {},
            {"number": "12"},
            {"amount": [1]},
            {"number": None, "unit": 5},
            {"variants": "ab"},
        ):
            assert isinstance(format_value(kind, value), str)


def test_ordinal_second_is_not_a_duration():
    assert parse_duration("a second week") is None
    assert parse_duration("35 seconds")["unit"] == "second"


def test_datelines():
    from workbench.core.nlp.prose import dateline_length

    for line in (
        "MADRID, July 18 (AP) — Temperatures rose.",
        "WASHINGTON (Reuters) - The Senate voted.",
        "LONDON — Prices fell.",
        "NEW YORK, N.Y. — Stocks rose.",
    ):
        assert line[dateline_length(line) :][0].isupper() and dateline_length(line) > 0
    assert dateline_length("The UN said 5 people - all men - died.") == 0


def test_numbers_currencies_and_scales_from_wider_news():
    assert parse_percent("0.3 percentage points to 6.8%")["number"] == 0.3  # never 7.1
    assert parse_money("₹1.5 lakh crore")["amount"] == 1.5e12
    assert parse_money("25,000 crore rupees")["amount"] == 2.5e11
    assert parse_money("2,800 CFA francs")["currency"] == "XOF"
    assert parse_money("40 Swiss francs")["currency"] == "CHF"
    assert parse_money("1.3 billion rupiah")["currency"] == "IDR"
    assert parse_money("88.45 rupees per dollar")["currency"] == "INR"
    assert parse_quantity("2 and 4 million")["number"] == 2e6
    assert parse_quantity("2 and 4 million")["upper"] == 4e6
    from workbench.core.nlp.quantities import is_specific_date

    assert is_specific_date("Nov. 15") and is_specific_date("Oct 1")
    assert not is_specific_date("last week")
