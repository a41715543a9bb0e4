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
    # the digits written, not three significant ones ("£114.1 billion" was "114 billion")
    assert format_number(114.1e9) == "114.1 billion"
    assert format_number(1234.5e6) == "1.2345 billion"
    assert format_number(87.45e6) == "87.45 million"
    assert format_number(2e6) == "2 million"


def test_a_range_and_a_tally_show_both_numbers():
    from workbench.core.nlp.values import format_value

    assert format_value("percent", parse_percent("3-5%")) == "3–5%"
    assert format_value("percent", parse_percent("4.25%–4.50%")) == "4.25–4.5%"
    assert parse_percent("4.25%–4.50%")["text"] == "4.25%–4.50%"
    assert format_value("quantity", parse_quantity("69-30")) == "69–30"
    assert format_value("percent", parse_percent("38%")) == "38%"


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


@pytest.mark.parametrize(
    "text", ["the third week", "a fifth day", "the sixth month", "its tenth year", "the third-week"]
)
def test_an_ordinal_before_a_time_unit_is_a_position_not_a_fraction(text):
    assert parse_duration(text) is None


@pytest.mark.parametrize(
    ("text", "number", "unit"),
    [("a quarter hour", 0.25, "hour"), ("half a day", 0.5, "day"), ("three weeks", 3, "week")],
)
def test_amounts_of_time_with_fraction_words_stay(text, number, unit):
    value = parse_duration(text)
    assert (value["number"], value["unit"]) == (number, unit)


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


# --- value errors fixed in general (issue 11 item 4), on sentences of our own ----------------


@pytest.mark.parametrize(
    ("text", "year", "decade"),
    [("’91", 1991, False), ("'05", 2005, False), ("the ’90s", 1990, True), ("in ’29", 2029, False)],
)
def test_elided_years_are_years(text: str, year: int, decade: bool) -> None:
    from workbench.core.nlp.quantities import is_specific_date

    value = parse_date(text)
    assert value["year"] == year
    assert bool(value.get("decade")) is decade
    assert is_specific_date(text)


def test_fraction_words_need_a_count_unless_plain() -> None:
    from workbench.core.nlp.quantities import parse_number

    assert parse_number("a fifth")[0] == pytest.approx(0.2)
    assert parse_number("two-thirds")[0] == pytest.approx(2 / 3)
    assert parse_number("a third")[0] == pytest.approx(1 / 3)
    assert parse_number("fifth") == (None, None)  # a rank, not a share


@pytest.mark.parametrize(
    ("text", "number"),
    [("an extra 5", 5), ("an additional 2", 2), ("a 12", 12), ("an eleven", 11),
     ("a twenty", 20), ("a single", 1), ("a hundred", 100), ("a 1.5 million", 1_500_000)],
)
def test_an_article_before_a_number_is_not_one_more(text: str, number: float) -> None:
    from workbench.core.nlp.quantities import parse_number

    assert parse_number(text)[0] == pytest.approx(number)


def test_an_extra_share_keeps_its_value() -> None:
    claims = _claims("Drivers will pay an extra 7% on diesel.")
    (claim,) = [c for c in claims if c.kind == "percent"]
    assert claim.value["number"] == 7


def _claims(text: str) -> list:
    from workbench.core.articles import make_article
    from workbench.core.nlp.extract import extract_claims

    return extract_claims(make_article("Test article\n\n" + text, "t.txt"))


def _numbers(text: str) -> list[tuple[str, str, dict]]:
    claims = _claims(text)
    found = [
        (c.kind, c.anchor, c.value)
        for c in claims
        if c.kind in ("quantity", "percent", "money", "date", "duration")
    ]
    # a date that only times an event is held by that event's claim (value["when"])
    found += [("date", c.value["when"]["text"], c.value["when"])
              for c in claims if "when" in c.value]
    return found


@pytest.mark.parametrize(
    "sentence",
    [
        "Tourists from across the country flock to Ninety Mile Beach every summer.",
        "The family drove the length of Route 66 in a borrowed van.",
        "Apollo 11 carried three astronauts to the Moon.",
        "Leaders of the G7 met in a seaside resort to discuss trade.",
        "Hikers walked along the Seven Sisters cliffs for the whole afternoon.",
    ],
)
def test_numbers_inside_proper_names_make_no_claim(sentence: str) -> None:
    kinds = _numbers(sentence)
    assert not [k for k in kinds if k[1] in ("Ninety", "Ninety Mile Beach", "66", "11", "7",
                                             "Seven")], kinds
    assert not [k for k in kinds if k[0] == "percent"], kinds


def test_counts_next_to_names_still_count() -> None:
    found = {a: (k, v.get("number")) for k, a, v in _numbers(
        "The airline grounded its Boeing 737 jets after 346 people died.")}
    assert found["346"] == ("quantity", 346)
    assert "737" not in found
    found = {a: (k, v.get("number")) for k, a, v in _numbers("Ninety people died in the floods.")}
    assert found["Ninety"] == ("quantity", 90)  # capitalised because it starts the sentence


@pytest.mark.parametrize(
    ("sentence", "anchor", "year"),
    [
        ("The band first played the stadium in ’91 and sold it out.", "’91", 1991),
        ("She was elected with the class of ’08 alongside 40 other members.", "’08", 2008),
    ],
)
def test_elided_years_in_text_are_dates_not_counts(sentence: str, anchor: str, year: int) -> None:
    found = _numbers(sentence)
    assert (anchor, year) in [(a, v.get("year")) for k, a, v in found if k == "date"], found
    assert not [f for f in found if f[0] == "quantity" and f[2].get("number") in (91, 8)], found


@pytest.mark.parametrize(
    "sentence",
    [
        "Both governments still say they back a two-state solution for the region.",
        "The health minister unveiled a three-point plan to cut waiting lists.",
        "The bonus was a one-off, the company said in its statement.",
        "Voters rejected the two-party system at the ballot box.",
    ],
)
def test_numbers_in_compound_modifiers_are_not_quantities(sentence: str) -> None:
    assert not [f for f in _numbers(sentence) if f[0] == "quantity"], _numbers(sentence)


def test_measures_in_compound_modifiers_keep_their_unit() -> None:
    found = {a: v for k, a, v in _numbers(
        "She ran a 10-mile race on the coast. Polls give the party a 12-point lead.")}
    assert [v.get("unit") for a, v in found.items() if a.startswith("10")] == ["mile"]
    assert [v.get("unit") for a, v in found.items() if a.startswith("12")] == ["point"]


@pytest.mark.parametrize(
    ("sentence", "anchor", "number", "of", "qualifier"),
    [
        ("A third of voters back the plan.", "A third", 33.33, "voter", "exact"),
        ("Nearly a quarter of the budget goes to schools.", "Nearly a quarter", 25.0, "budget",
         "nearly"),
        ("Two thirds of the members voted against the merger.", "Two thirds", 66.67, "member",
         "exact"),
        ("Half of the respondents said they would vote again.", "Half", 50.0, "respondent",
         "exact"),
    ],
)
def test_fractions_with_articles_are_shares(
    sentence: str, anchor: str, number: float, of: str, qualifier: str
) -> None:
    shares = [(a, v) for k, a, v in _numbers(sentence) if k == "percent"]
    assert len(shares) == 1, _numbers(sentence)
    got_anchor, value = shares[0]
    assert got_anchor == anchor
    assert value["number"] == number and value["unit"] == "percent"
    assert value.get("of") == of and value["qualifier"] == qualifier


def test_time_words_with_ordinals_are_not_shares() -> None:
    found = _numbers("Growth slowed in the first quarter of 2024. The deal was signed on the "
                     "third of June.")
    assert not [f for f in found if f[0] == "percent"], found


def test_several_facts_in_one_sentence_keep_their_own_values() -> None:
    found = {a: (k, v) for k, a, v in _numbers(
        "The city spent $4.2m on 12 new buses, up 30% from last year.")}
    assert found["$4.2m"][0] == "money"
    assert found["$4.2m"][1]["amount"] == 4_200_000 and found["$4.2m"][1]["currency"] == "USD"
    assert found["12"][0] == "quantity" and found["12"][1]["number"] == 12
    assert found["12"][1]["unit"] == "bus"
    assert found["30%"][0] == "percent" and found["30%"][1]["number"] == 30
    assert found["30%"][1]["predicate"] == "up"  # the change, not the spending


@pytest.mark.parametrize(
    ("sentence", "anchor", "time_of"),
    [
        ("The mayor met the union leaders on Monday to end the strike.", "Monday", True),
        ("On Thursday, the board approved the merger.", "Thursday", True),
        ("The election on August 9 was neither free nor fair.", "August 9", False),
        ("The final vote is on Tuesday.", "Tuesday", False),
    ],
)
def test_a_date_that_only_times_an_event_is_marked(sentence: str, anchor: str, time_of: bool):
    dates = {a: v for k, a, v in _numbers(sentence) if k == "date"}
    assert anchor in dates, dates
    assert bool(dates[anchor].get("time_of")) is time_of
