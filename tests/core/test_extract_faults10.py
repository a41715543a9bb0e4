"""Values and labels of number claims, second round (issue 11, item 4), on our own
sentences (none from a dev or evaluation set): a change "year on year" holds its
baseline and reads with it; a share says what it is a share of, a pronoun read as its
noun; a share set after a comma reads as its own fact; a scale glued to the full stop
and a count the recognizer missed are read; "the past decade" is a duration; a second
amount of a verb, a range's upper end, a rate per head and an amount of a subject's
"of" read with their own words; a capital letter glued to a number names a company.
All texts go through one ``extract_many`` pass."""

from __future__ import annotations

import pytest
from extract_fixtures import claims_by_key, of_kind, one_of

TEXTS = {
    # "year on year", "month-on-month": the change's baseline, in value and label
    "yoy_to": "Orders at the carmaker climbed 14% year on year to 2.1 million.",
    "yoy_said": "Rents in the capital have jumped 9% year on year, the agency said.",
    "yoy_comma": "The port handled 4 million containers in May, up 3% year on year.",
    "mom": "Food prices fell 0.6% month-on-month in July.",
    # shares: what they are of
    "share_dobj": "Nurses make up 12% of the hospital's workforce.",
    "share_fronted": "Of the 900 candidates, 45% were men.",
    "share_them": "The firm hired 250 graduates last year, a fifth of them from abroad.",
    "share_whom": "The village has 600 residents, half of whom are retired.",
    "share_whom_root": (
        "About 2,000 refugees reached the island by boat in June, 30% of whom were children."
    ),
    "share_noun_rest": "The charity fed 3,000 people at Christmas, 20% of them pensioners.",
    # values the recognizer or the tokenizer cut short
    "scale_stop": "The new bridge opened at a cost of £85m.",
    "untagged_count": "Over the past two years, the society has trained 800 volunteers.",
    "past_decade": "Bus ridership has halved over the past decade.",
    "previous_month": "Retail sales dipped 0.3% from the previous month.",
    # labels of a second amount of one verb, of a range's upper end, of rates
    "second_on_pobj": "The fund puts €30m into hospitals and €12m into schools.",
    "second_npadvmod": "The club will spend $1.5bn on players and $200m on coaches.",
    "list_of_three": "The city has set aside £9m for parks, £4m for libraries and £2m for pools.",
    "range_upper": "The coastguard said between 20 and 25 boats joined the search.",
    "a_year_compound": "Fishing is a $3bn-a-year business in the province.",
    "per_pupil": "The region spends £900 per pupil on books.",
    "per_person_per_day": "Each camper is given 20 litres of water per person per day.",
    "of_subject": "A loan of $2m will pay for a new clinic.",
    "of_object": "The operator bought a fleet of 40 electric trams.",
    "pcomp_object": "About 60% of the country's power comes from hydropower.",
    "lost_since": "The currency has lost a quarter of its value since March.",
    # a capital letter glued to a number: a company; a count when a noun follows
    "company_3m": "Shares in 3M rose 2% after the results.",
    "count_3m": "The game has 3M players.",
    # ages, multiples, a share restating an amount, a ratio as subject
    "age_now": "The median age of a new homeowner is now 36.",
    "aged": "The driver, aged 19, was arrested at the scene.",
    "age_of": "The novelist died in Lisbon at the age of 91.",
    "times": "Rents in the city are nine times average wages.",
    "or_share": "The bank will cut 3,000 jobs, or 6% of its staff.",
    "ratio_subject": "One in five pupils is overweight, up from one in eight in 2005.",
    # measures, pence, "by X to Y", an earlier level after a comma
    "measure_of": "The tanker was carrying 3,000 tonnes of diesel.",
    "trailing_adverb": "Rain totals hit 60mm overnight in the valley.",
    "pence": "A loaf of bread now costs 140p a loaf in the shop, up from 95p.",
    "pence_rise": "Diesel prices rose 3.5p a litre in a week.",
    "by_to": "Average rents rose by €150 to €1,650 a month.",
    "level_after_comma": "The airline reported a net profit of $2.4bn, up from $1.9bn.",
    "scale_stop_change": "The chain made a loss of £12m, down from £30m.",
    "scale_stop_other": "The club signed the 21-year-old for £35m.",
    # qualifiers the parser hung on the verb; a ratio's counted noun
    "well_over": "Well over half of members voted for the merger.",
    "well_over_count": "Well over 5,000 runners finished the race.",
    "fewer_than_ratio": "Fewer than one in 10 complaints were upheld.",
    # the date of a dated event is the fact; a difference in time is a duration
    "event_date": "The referendum will be held on 8 October, a year later than promised.",
    "met_on": "The minister met the union leaders on 8 October.",
    "left_without": "The blizzard left 45,000 households without heating.",
    # scores, a figure in an apposition after a comma, "worth"
    "score": "Town won 4-1 away on Tuesday night.",
    "score_after_name": "Celtic beat Hearts 2-0 to stay top.",
    "model_name": "An Airbus A320-200 landed safely.",
    "majority": "The Greens won 38 seats, a majority of 12.",
    "worth_appos": "The bank sold its insurance arm to Allianz, a deal worth €3bn.",
    "worth_dobj": "The club signed a kit deal worth £25m.",
}


@pytest.fixture(scope="module")
def claims():
    return claims_by_key(TEXTS)


# ----------------------------------------------------------------- year on year


@pytest.mark.parametrize(
    ("key", "label", "held"),
    [
        ("yoy_to", "Orders climbed 14% year on year", "year on year"),
        ("yoy_said", "Rents in the capital have jumped 9% year on year", "year on year"),
        ("yoy_comma", "up 3% year on year", "year on year"),
        ("mom", "Food prices fell 0.6% month-on-month", "month-on-month"),
    ],
)
def test_a_change_year_on_year_reads_and_holds_its_baseline(claims, key, label, held):
    change = one_of(claims, key, "percent")
    assert label in change.label
    assert change.value["from"]["text"] == held


def test_the_new_level_after_year_on_year_keeps_its_own_claim(claims):
    level = one_of(claims, "yoy_to", "quantity")
    assert level.value["number"] == 2_100_000
    assert "Orders" in level.label


# ----------------------------------------------------------------- shares


@pytest.mark.parametrize(
    ("key", "anchor", "of"),
    [
        ("share_dobj", "12%", "workforce"),
        ("share_fronted", "45%", "candidate"),
        ("share_them", "a fifth", "graduate"),
        ("share_whom", "half", "resident"),
        ("share_whom_root", "30%", "refugee"),
        ("share_noun_rest", "20%", "people"),
    ],
)
def test_a_share_says_what_it_is_a_share_of(claims, key, anchor, of):
    share = one_of(claims, key, "percent", anchor)
    assert share.value["of"] == of


@pytest.mark.parametrize(
    ("key", "anchor", "label"),
    [
        ("share_them", "a fifth", "a fifth of graduates from abroad"),
        ("share_noun_rest", "20%", "20% of people were pensioners"),
    ],
)
def test_a_share_after_a_comma_reads_as_its_own_fact(claims, key, anchor, label):
    assert one_of(claims, key, "percent", anchor).label == label


# ----------------------------------------------------------------- values


def test_a_scale_glued_to_the_full_stop_is_read(claims):
    cost = one_of(claims, "scale_stop", "money")
    assert (cost.value["amount"], cost.value["currency"]) == (85_000_000, "GBP")


def test_a_count_the_recognizer_missed_is_a_claim(claims):
    trained = one_of(claims, "untagged_count", "quantity")
    assert (trained.value["number"], trained.value["unit"]) == (800, "volunteer")
    assert "society has trained 800 volunteers" in trained.label


def test_the_past_decade_is_a_duration(claims):
    span = one_of(claims, "past_decade", "duration")
    assert (span.value["number"], span.value["unit"]) == (1, "decade")


def test_the_previous_month_stays_a_baseline(claims):
    """Guard: "the previous month" is a point in time, no span."""
    assert not of_kind(claims, "previous_month", "duration")
    assert one_of(claims, "previous_month", "percent").value["from"]["text"] == "the previous month"


def test_a_change_verb_holds_since(claims):
    share = one_of(claims, "lost_since", "percent")
    assert share.value["since"]["text"] == "March"
    assert not of_kind(claims, "lost_since", "date")


def test_a_capital_letter_glued_to_a_number_names_a_company(claims):
    assert [c.kind for c in claims["company_3m"] if c.kind in ("quantity", "money")] == []
    assert one_of(claims, "count_3m", "quantity").value["number"] == 3_000_000  # guard


# ----------------------------------------------------------------- labels


@pytest.mark.parametrize(
    ("key", "anchor", "has", "has_not"),
    [
        ("second_on_pobj", "€30m", "into hospitals", "schools"),
        ("second_on_pobj", "€12m", "€12m into schools", "hospitals"),
        ("second_npadvmod", "$200m", "$200m on coaches", "players"),
        ("list_of_three", "£4m", "£4m for libraries", "parks"),
        ("list_of_three", "£2m", "£2m for pools", "parks"),
        ("range_upper", "25", "boats", "said between 25"),
        ("per_pupil", "£900", "£900 per pupil", None),
        ("per_person_per_day", "20", "per person per day", None),
        ("of_subject", "$2m", "clinic", None),
        ("of_object", "40", "operator bought a fleet of 40 electric trams", None),
        ("pcomp_object", "60%", "from hydropower", None),
    ],
)
def test_labels_read_each_amount_with_its_own_words(claims, key, anchor, has, has_not):
    label = one_of(claims, key, _kind(claims, key, anchor), anchor).label
    assert has in label
    if has_not:
        assert has_not not in label


def _kind(claims, key, anchor):
    return next(c.kind for c in claims[key] if anchor in c.anchor and c.kind != "statement")


def test_a_rate_written_into_a_compound_is_a_rate(claims):
    money = one_of(claims, "a_year_compound", "money")
    assert (money.value["amount"], money.value["per"]) == (3_000_000_000, "year")
    assert "per" in one_of(claims, "per_person_per_day", "quantity").value


# ----------------------------------------------------------------- ages, multiples, restated shares


@pytest.mark.parametrize(("key", "age"), [("aged", 19), ("age_of", 91)])
def test_an_age_is_a_quantity_in_years_of_age(claims, key, age):
    (found,) = [c for c in of_kind(claims, key, "quantity") if c.value["number"] == age]
    assert found.value["unit"] == "years of age"
    assert not [c for c in of_kind(claims, key, "date") if str(age) in c.anchor]


def test_a_bare_number_the_tagger_took_for_a_date_is_a_count(claims):
    """ "is now 36": no date is written with one to three digits alone."""
    found = one_of(claims, "age_now", "quantity")
    assert (found.value["number"], found.label) == (36, "median age is 36")
    assert not of_kind(claims, "age_now", "date")


@pytest.mark.parametrize(
    ("key", "anchor", "label"),
    [
        ("times", "nine", "Rents are nine times average wages"),
        ("or_share", "6%", "bank will cut 6% of its staff"),
        ("ratio_subject", "one in eight", "One in five pupils is up from one in eight in 2005"),
    ],
)
def test_multiples_restated_shares_and_ratio_subjects_read_whole(claims, key, anchor, label):
    assert one_of(claims, key, _kind(claims, key, anchor), anchor).label == label


# ----------------------------------------------------------------- measures, pence, "by X to Y"


def test_a_measure_is_the_unit_not_what_it_measures(claims):
    found = one_of(claims, "measure_of", "quantity")
    assert (found.value["number"], found.value["unit"]) == (3000, "tonne")


def test_a_time_adverb_is_no_part_of_a_measure(claims):
    found = one_of(claims, "trailing_adverb", "quantity")
    assert (found.anchor, found.value["number"]) == ("60mm", 60)


@pytest.mark.parametrize(
    ("key", "anchor", "amount", "label"),
    [
        ("pence", "140p", 1.40, "costs 140p"),
        ("pence", "95p", 0.95, "95p"),
        ("pence_rise", "3.5p", 0.035, "Diesel prices rose 3.5p a litre"),
    ],
)
def test_pence_written_on_the_number_are_money(claims, key, anchor, amount, label):
    found = one_of(claims, key, "money", anchor)
    assert (found.value["currency"], found.value["amount"]) == ("GBP", pytest.approx(amount))
    assert label in found.label


def test_a_change_by_an_amount_to_a_level_reads_as_two_facts(claims):
    level = one_of(claims, "by_to", "money", "€1,650")
    assert level.label.startswith("Average rents rose to €1,650")
    assert "by" not in level.label


@pytest.mark.parametrize(
    ("key", "anchor", "label"),
    [
        ("level_after_comma", "$1.9bn", "airline reported a net profit, up from $1.9bn"),
        ("scale_stop_change", "£30m", "chain made a loss, down from £30m"),
    ],
)
def test_an_earlier_level_after_a_comma_reads_with_what_changed(claims, key, anchor, label):
    found = one_of(claims, key, "money", anchor)
    assert (found.label, found.anchor) == (label, anchor)


def test_the_stop_after_a_scale_is_in_no_label(claims):
    for c in claims["scale_stop_other"]:
        assert not c.label.endswith("."), c.label


@pytest.mark.parametrize(
    ("key", "anchor", "label", "qualifier"),
    [
        ("well_over", "Well over half", "Well over half of members voted for the merger",
         "more-than"),
        ("well_over_count", "Well over 5,000", "Well over 5,000 runners finished the race",
         "more-than"),
        ("fewer_than_ratio", "Fewer than one in 10",
         "Fewer than one in 10 complaints were upheld", "less-than"),
    ],
)
def test_a_qualified_amount_reads_with_what_it_counts(claims, key, anchor, label, qualifier):
    found = one_of(claims, key, _kind(claims, key, anchor), anchor)
    assert (found.label, found.value["qualifier"]) == (label, qualifier)


def test_the_date_of_an_event_subject_is_the_fact(claims):
    date = one_of(claims, "event_date", "date")
    assert date.anchor == "8 October" and not date.value.get("time_of")
    met = [c for c in claims["met_on"] if c.kind == "date" or "when" in c.value]
    assert met and all(c.value.get("time_of") or "when" in c.value for c in met)  # guard


def test_a_time_earlier_or_later_than_planned_is_a_duration(claims):
    found = one_of(claims, "event_date", "duration")
    assert (found.value["number"], found.value["unit"]) == (1, "year")
    assert found.label.endswith("later than promised")


def test_a_counted_object_reads_with_what_befell_it(claims):
    found = one_of(claims, "left_without", "quantity")
    assert found.label == "blizzard left 45,000 households without heating"


@pytest.mark.parametrize(
    ("key", "anchor", "label"),
    [("score", "4-1", "Town won 4-1"), ("score_after_name", "2-0", "Celtic beat Hearts 2-0")],
)
def test_a_score_is_one_tally(claims, key, anchor, label):
    found = one_of(claims, key, "quantity", anchor)
    assert found.anchor == anchor
    assert (found.value["number"], found.value["qualifier"]) == (int(anchor[0]), "tally")
    assert found.label.startswith(label)
    assert "unit" not in found.value


def test_a_model_name_with_a_hyphen_is_no_score(claims):
    assert not [c for c in of_kind(claims, "model_name", "quantity") if "-" in c.anchor]


@pytest.mark.parametrize(
    ("key", "anchor", "label"),
    [
        ("majority", "12", "Greens won 38 seats, a majority of 12"),
        ("worth_appos", "€3bn", "bank sold its insurance arm, a deal worth €3bn"),
        ("worth_dobj", "£25m", "club signed a kit deal worth £25m"),
    ],
)
def test_a_figure_reads_with_the_noun_it_is_the_figure_of(claims, key, anchor, label):
    assert one_of(claims, key, _kind(claims, key, anchor), anchor).label == label
