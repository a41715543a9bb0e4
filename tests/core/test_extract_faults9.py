"""One fact, one claim for changes and records (issue 11, items 3-4), on our own
sentences: a change's baseline ("up 30% from last year", "than in 2019", "since 2021")
is part of the change claim, not a date claim; a change reads as the change in its
label; the span of time a record holds over ("the first time in a decade") is part of
the record claim. All texts go through one ``extract_many`` pass."""

from __future__ import annotations

import pytest
from extract_fixtures import claims_by_key, of_kind

from workbench.core.nlp.values import format_value

TEXTS = {
    # a change measured against a period: the period is the change's baseline
    "from_year": "Ticket sales rose 12% in 2024 from 2023, the theatre said.",
    "up_from_relative": "The bakery's profits were up 9% from last year.",
    "than_in": "Rail journeys were 14% higher than in 2019.",
    "compared_with": "Car thefts fell 6% compared with a year earlier.",
    "since_year": "Water bills have risen 22% since 2021.",
    "up_on_comma": "The port handled 8 million containers, up 5% on 2022.",
    "rise_on": "Visitor numbers hit 2 million, a 15% rise on 2022.",
    "below_levels": "Emissions were 30% below 2005 levels last year.",
    "than_month": "The chain sold 2 million sandwiches in March, 10% more than in March 2023.",
    "year_before": "Rents were 7% lower than a year before.",
    # not baselines: a start, a day, an earlier level, a span, a state since a date
    "future_from": "Fares will rise 4% from January.",
    "on_weekday": "Shares fell 3% on Monday.",
    "level_from": "Unemployment fell to 4.2%, down from 4.5% in 2023.",
    "span": "Sales fell 10% from 2015 to 2020.",
    "state_since": "The museum has been closed since 2020.",
    "pay_rise_from": "Workers got a 5% pay rise from April.",
    # the label of a change set after a comma
    "spent_up": "The council spent £3m on street lighting, up 20% from last year.",
    "rose_to_up": "Exports rose to $12 billion in 2024, up 8% from 2023.",
    "fewer_than": "The club sold 9,000 season tickets, 4% fewer than it had hoped.",
    # the span of time a record holds over
    "first_time_in": "Unemployment fell below 4% for the first time in a decade.",
    "lowest_level_in": "The lake hit its lowest level in 60 years.",
    "first_profit_in": "The airline posted its first annual profit in five years.",
    "hottest_to_hit": "It was the hottest day to hit the city in 70 years.",
    "served_for": "The minister served for five years.",
    # labels of sentences with several facts
    "rise_appos": "Passenger numbers reached 3 million, a 12% rise on 2023.",
    "double_object": "The league fined the club €30,000 and docked it four points.",
    "conj_on_verb": "The state will spend £600m on schools and £200m on libraries.",
    "bare_subject": "The number of empty shops fell by 8% last year.",
    "rate_average": "Cleaners at the hospital are paid an average of £11 an hour.",
    "age_appos": "Police arrested Tom Reid, a 41-year-old builder, on Friday.",
    # a change counted in points; the time of an earlier level; "year on year"
    "points_on": "Turnout was 61%, down four points on 2019.",
    "level_in": "Inflation fell to 2.8%, down from 3.6% in 2024.",
    "year_on_year": "Burglaries rose 6% year on year.",
    # values: a unit glued to its number, plural currency names
    "glued_unit": "Snowfall in the Alps reached 80cm overnight.",
    "glued_copula": "Rainfall in April was 95mm.",
    "plural_currency": "Sales rose to 9.5 billion zlotys last year.",
    "currency_quantity": "The company was fined 5 million dinars.",
    "metres_high": "The flood wall will be 6m high when it is finished.",
    "millions_counted": "The app reached 6m new users in a month.",
}


@pytest.fixture(scope="module")
def claims():
    return claims_by_key(TEXTS)


def _one(claims, key, kind, anchor=None):
    found = [c for c in of_kind(claims, key, kind) if anchor is None or c.anchor == anchor]
    assert len(found) == 1, [(c.kind, c.anchor, c.label, c.value) for c in claims[key]]
    return found[0]


# ----------------------------------------------------------------- baselines


@pytest.mark.parametrize(
    ("key", "kind", "field", "text"),
    [
        ("from_year", "percent", "from", "2023"),
        ("up_from_relative", "percent", "from", "last year"),
        ("than_in", "percent", "from", "2019"),
        ("compared_with", "percent", "from", "a year earlier"),
        ("since_year", "percent", "since", "2021"),
        ("up_on_comma", "percent", "from", "2022"),
        ("rise_on", "percent", "from", "2022"),
        ("below_levels", "percent", "from", "2005"),
        ("than_month", "percent", "from", "March 2023"),
        ("year_before", "percent", "from", "a year before"),
    ],
)
def test_a_change_holds_its_baseline(claims, key, kind, field, text):
    change = _one(claims, key, kind)
    assert change.value[field]["text"] == text
    dates = [c for c in of_kind(claims, key, "date") if text in c.anchor]
    assert not dates, [(c.anchor, c.label) for c in dates]  # no claim of its own


def test_a_baseline_year_keeps_its_date_value(claims):
    held = _one(claims, "from_year", "percent").value["from"]
    assert (held["year"], held["iso"]) == (2023, "2023")
    assert "time_of" not in held
    held = _one(claims, "than_month", "percent").value["from"]
    assert held["iso"] == "2023-03"
    # the period of the new figure is still a claim ("in 2024": the fact's own time)
    assert [c.anchor for c in of_kind(claims, "from_year", "date")] == ["2024"]


@pytest.mark.parametrize(
    ("key", "kind", "date"),
    [
        ("future_from", "percent", "January"),
        ("level_from", "percent", None),
        ("span", "percent", "2015 to 2020"),
        ("state_since", None, "2020"),
        ("pay_rise_from", "percent", "April"),
    ],
)
def test_a_start_a_span_or_a_state_is_no_baseline(claims, key, kind, date):
    for c in claims[key]:
        if c.kind != "date":
            assert "from" not in c.value and "since" not in c.value, (c.anchor, c.value)
    if date is not None:
        assert [c.anchor for c in of_kind(claims, key, "date")] == [date]


def test_a_weekday_is_the_time_of_a_change_not_its_baseline(claims):
    change = _one(claims, "on_weekday", "percent")
    assert "from" not in change.value
    assert change.value["when"]["text"] == "Monday"


# ----------------------------------------------------------------- labels of changes


@pytest.mark.parametrize(
    ("key", "anchor", "label"),
    [
        ("spent_up", "20%", "council spent £3m, up 20% from last year"),
        ("rose_to_up", "8%", "Exports rose to $12 billion, up 8% from 2023"),
        ("up_on_comma", "5%", "port handled 8 million containers, up 5% on 2022"),
        ("than_month", "10%", "chain sold 2 million sandwiches, 10% more than in March 2023"),
        ("fewer_than", "4%", "club sold 9,000 season tickets, 4% fewer than it had hoped"),
        ("compared_with", "6%", "Car thefts fell 6% compared with a year earlier"),
        ("below_levels", "30%", "Emissions were 30% below 2005 levels"),
        ("year_before", "7%", "Rents were 7% lower than a year before"),
    ],
)
def test_a_change_reads_as_the_change(claims, key, anchor, label):
    assert _one(claims, key, "percent", anchor).label == label


def test_the_amount_that_changed_keeps_its_own_label(claims):
    assert _one(claims, "spent_up", "money").label == "council spent £3m on street lighting"
    assert _one(claims, "rose_to_up", "money").label == "Exports rose to $12 billion in 2024"


# ----------------------------------------------------------------- records over a span


@pytest.mark.parametrize(
    ("key", "kind", "span"),
    [
        ("first_time_in", "ordinal", "a decade"),
        ("lowest_level_in", "statement", "60 years"),
        ("first_profit_in", "ordinal", "five years"),
        ("hottest_to_hit", "statement", "70 years"),
    ],
)
def test_a_record_holds_the_span_it_is_measured_over(claims, key, kind, span):
    record = next(c for c in of_kind(claims, key, kind) if "in" in c.value)
    assert record.value["in"]["text"] == span
    assert span in record.label
    assert not of_kind(claims, key, "duration")  # one fact, one claim


def test_a_record_span_keeps_its_duration_value(claims):
    first = _one(claims, "first_time_in", "ordinal")
    assert (first.value["in"]["number"], first.value["in"]["unit"]) == (1, "decade")
    lowest = next(c for c in of_kind(claims, "lowest_level_in", "statement") if "in" in c.value)
    assert "in: 60 years" in format_value("statement", lowest.value)


def test_a_duration_with_no_record_stays_a_claim(claims):
    assert _one(claims, "served_for", "duration").value["number"] == 5


# ----------------------------------------------------------------- labels of several facts


@pytest.mark.parametrize(
    ("key", "kind", "anchor", "label"),
    [
        ("rise_appos", "percent", "12%", "Passenger numbers reached 3 million, a 12% rise on 2023"),
        ("double_object", "quantity", "four", "league docked it four points"),
        ("conj_on_verb", "money", "£200m", "state will spend £200m on libraries"),
        ("bare_subject", "percent", "8%", "number of empty shops fell by 8%"),
        ("rate_average", "money", "£11", "£11 an hour average"),
    ],
)
def test_each_fact_of_a_sentence_reads_as_its_own(claims, key, kind, anchor, label):
    assert _one(claims, key, kind, anchor).label == label


def test_the_first_facts_keep_their_labels(claims):
    """The first amount of a pair (it ended on a dangling "and" before); guards: a fine,
    an age in an apposition."""
    assert (
        _one(claims, "conj_on_verb", "money", "£600m").label == "state will spend £600m on schools"
    )
    assert _one(claims, "double_object", "money").label.startswith("league fined")
    assert _one(claims, "age_appos", "quantity").label == "41-year-old builder"


# ----------------------------------------------------------------- values


@pytest.mark.parametrize(
    ("key", "anchor", "number", "unit"),
    [("glued_unit", "80cm", 80, "cm"), ("glued_copula", "95mm", 95, "mm")],
)
def test_a_unit_glued_to_its_number_is_read(claims, key, anchor, number, unit):
    found = _one(claims, key, "quantity")
    assert (found.anchor, found.value["number"], found.value["unit"]) == (anchor, number, unit)


@pytest.mark.parametrize(
    ("key", "amount", "currency"),
    [("plural_currency", 9.5e9, "PLN"), ("currency_quantity", 5e6, "DZD")],
)
def test_a_plural_currency_name_is_money(claims, key, amount, currency):
    money = _one(claims, key, "money")
    assert (money.value["amount"], money.value["currency"]) == (amount, currency)
    assert not of_kind(claims, key, "quantity")


def test_a_change_counted_in_points_holds_its_baseline(claims):
    points = _one(claims, "points_on", "quantity")
    assert points.value["from"]["text"] == "2019"
    assert points.label == "Turnout was 61%, down four points on 2019"
    assert not of_kind(claims, "points_on", "date")


def test_an_earlier_level_holds_its_own_time(claims):
    earlier = _one(claims, "level_in", "percent", "3.6%")
    assert earlier.value["when"]["iso"] == "2024"
    assert earlier.label.endswith("down from 3.6% in 2024")
    assert not of_kind(claims, "level_in", "date")


def test_year_on_year_is_held_as_the_baseline_text(claims):
    """ "year on year" is what the change is measured against (the same period a year
    before): held as ``from`` with its text only, no date fields (session 25, faults10)."""
    assert _one(claims, "year_on_year", "percent").value["from"] == {"text": "year on year"}


def test_an_m_before_an_adjective_of_size_is_metres(claims):
    wall = _one(claims, "metres_high", "quantity")
    assert (wall.value["number"], wall.value["unit"]) == (6, "m")
    users = _one(claims, "millions_counted", "quantity")  # guard: "6m new users" counts millions
    assert users.value["number"] == 6_000_000
