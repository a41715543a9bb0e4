"""Values of number claims, third round (session 26), on our own sentences (none from a
dev or evaluation set): an "N-M" that a contest verb or a result noun reads is one
score whichever number is larger, and a score taken for a date is a score; a length of
time in a hyphenated modifier that names a kind of thing (a time unit, a plural, a
superlative's span, a security's term) is no duration, while an event's length is;
an ordinal hyphenated into a word of its own ranks nothing. All texts go through one
``extract_many`` pass."""

from __future__ import annotations

import pytest
from extract_fixtures import claims_by_key, of_kind, one_of

TEXTS = {
    # scores: one tally, read from the contest word
    "lost_low_first": "Athletic lost 0-2 at home to Burnley on Sunday.",
    "trailed": "The visitors trailed 7-21 at the break.",
    "beat_date": "Ireland beat France 24-17 in Dublin.",
    "vote_date": "The amendment was rejected 61-39 by the senate.",
    "result_noun": "The 1-4 defeat left the club bottom of the league.",
    "score_be": "The score was 0-3 after an hour.",
    "range_no_contest": "The shop expects 2-4 deliveries a week.",
    # lengths of time in modifiers
    "week_kind": "The council will pilot a four-day week for its staff.",
    "week_kind_compound": "Pupils at the school now follow a four-day school week.",
    "plural_kind": "Doctors there work 12-hour shifts.",
    "superlative_span": "Shares fell 7%, their steepest one-day fall in a decade.",
    "security": "The yield on the 30-year bond rose to 4.9%.",
    "event_length": "Bus drivers staged a 48-hour strike last week.",
    "contract_length": "The coach has signed a three-year contract.",
    "worked_for": "Firefighters worked for three days to put out the blaze.",
    # ordinals in words of their own
    "first_time": "Grants for first-time buyers will rise to £5,000.",
    "second_hand": "Prices of second-hand cars fell 4% in May.",
    "third_party": "The insurer covers third-party claims only.",
    "rank_tier": "The club returned to second-tier football after a decade.",
    # ranges: a "range" the parser took for a noun, a range of lengths of time
    "range_noun": "Estimates of the flood damage range from £40m to £75m.",
    "range_root": "Rents vary between €900 and €1,400 a month.",
    "duration_range": "Repairs to the viaduct took two to three years.",
    "duration_range_digits": "Delivery takes 6-8 weeks, the retailer said.",
    # shares the recognizer left out, a ratio's counted noun
    "tenth_untagged": "A tenth of the council's budget goes on interest.",
    "fifth_untagged": "Nearly a fifth of the wells ran dry.",
    "ratio_noun": "One in four drivers admitted speeding.",
    "quarter_date": "Output grew in the first quarter of the year.",
    # claim types
    "share_no_subject": "Around one in four pharmacies closed early last winter, the survey found.",
    "count_subject": "Several landlords raised rents this year, the agency said.",
    "heard_surname": "Okafor said he had learned of the closure from a neighbour.",
    "told_the_teller": "Mensah said her son had told her to leave.",
    "public_act": "Okafor said he had asked the council to reopen the road.",
    "life_span": "Ann Cole has kept bees on the allotment for 30 years.",
    "life_span_job": "Piet Vos has been a ferryman on the river since 1988.",
    "public_office": "Ann Cole has been mayor of the town since 2019.",
    "public_role": "Ray Dunn has managed the club since 2021.",
    "no_ones_life": "The pier has been closed since 2018.",
}


@pytest.fixture(scope="module")
def claims():
    return claims_by_key(TEXTS)


# ----------------------------------------------------------------- scores


@pytest.mark.parametrize(
    ("key", "anchor", "first", "other"),
    [
        ("lost_low_first", "0-2", 0, 2),
        ("trailed", "7-21", 7, 21),
        ("beat_date", "24-17", 24, 17),
        ("vote_date", "61-39", 61, 39),
        ("result_noun", "1-4", 1, 4),
        ("score_be", "0-3", 0, 3),
    ],
)
def test_a_contest_score_is_one_tally_whichever_number_is_larger(
    claims, key, anchor, first, other
):
    score = one_of(claims, key, "quantity", anchor)
    assert score.anchor == anchor
    assert score.value["qualifier"] == "tally"
    assert (score.value["number"], score.value["other"]) == (first, other)
    assert "upper" not in score.value
    assert "unit" not in score.value
    assert not of_kind(claims, key, "date")


def test_a_pair_no_contest_reads_is_no_score(claims):
    pairs = of_kind(claims, "range_no_contest", "quantity")
    assert pairs
    assert not [c for c in pairs if c.value.get("qualifier") == "tally"]


# ----------------------------------------------------------------- lengths in modifiers


@pytest.mark.parametrize(
    "key", ["week_kind", "week_kind_compound", "plural_kind", "superlative_span", "security"]
)
def test_a_length_that_names_a_kind_of_thing_is_no_duration(claims, key):
    assert not of_kind(claims, key, "duration"), [(c.kind, c.anchor) for c in claims[key]]


def test_the_record_keeps_its_span_and_the_amounts_stay(claims):
    assert one_of(claims, "superlative_span", "percent").value["number"] == 7
    assert one_of(claims, "security", "percent").value["number"] == 4.9


@pytest.mark.parametrize(
    ("key", "anchor", "number", "unit"),
    [
        ("event_length", "48-hour", 48, "hour"),
        ("contract_length", "three-year", 3, "year"),
        ("worked_for", "three days", 3, "day"),
    ],
)
def test_an_events_length_is_a_duration(claims, key, anchor, number, unit):
    length = one_of(claims, key, "duration", anchor)
    assert (length.value["number"], length.value["unit"]) == (number, unit)


# ----------------------------------------------------------------- ordinals in words


@pytest.mark.parametrize("key", ["first_time", "second_hand", "third_party"])
def test_an_ordinal_in_a_word_of_its_own_ranks_nothing(claims, key):
    assert not of_kind(claims, key, "ordinal"), [(c.kind, c.anchor) for c in claims[key]]
    assert not [c for c in claims[key] if "superlative" in c.value.get("tags", [])]


def test_a_rank_in_a_hyphenated_modifier_stays(claims):
    assert one_of(claims, "rank_tier", "ordinal").value["number"] == 2


def test_the_amounts_beside_a_word_of_its_own_stay(claims):
    assert one_of(claims, "first_time", "money").value["amount"] == 5000
    assert one_of(claims, "second_hand", "percent").value["number"] == 4


# ----------------------------------------------------------------- ranges


@pytest.mark.parametrize(
    ("key", "anchor", "subject"),
    [
        ("range_noun", "£40m", "flood damage"),
        ("range_noun", "£75m", "flood damage"),
        ("range_root", "€900", "Rents"),
        ("range_root", "€1,400", "Rents"),
    ],
)
def test_both_ends_of_a_range_read_with_what_ranges(claims, key, anchor, subject):
    end = one_of(claims, key, "money", anchor)
    assert subject in end.label
    assert end.value["predicate"] in ("range", "vary")


@pytest.mark.parametrize(
    ("key", "low", "high", "unit"),
    [("duration_range", 2, 3, "year"), ("duration_range_digits", 6, 8, "week")],
)
def test_a_range_of_lengths_of_time_keeps_both_ends(claims, key, low, high, unit):
    length = one_of(claims, key, "duration")
    assert (length.value["number"], length.value["upper"], length.value["unit"]) == (
        low,
        high,
        unit,
    )


# ----------------------------------------------------------------- claim types


def _statement(claims, key):
    return one_of(claims, key, "statement")


def test_a_share_of_a_group_as_subject_makes_a_quantity(claims):
    assert _statement(claims, "share_no_subject").claim_type == "quantity"


def test_a_vague_count_as_subject_stays_other(claims):
    assert _statement(claims, "count_subject").claim_type == "other"


@pytest.mark.parametrize("key", ["heard_surname", "told_the_teller"])
def test_what_befell_the_teller_is_personal_experience(claims, key):
    assert _statement(claims, key).claim_type == "personal experience"


def test_a_public_act_of_the_teller_stays_other(claims):
    assert _statement(claims, "public_act").claim_type == "other"


# ----------------------------------------------------------------- shares


@pytest.mark.parametrize(
    ("key", "number", "of"),
    [
        ("tenth_untagged", 10, "budget"),
        ("fifth_untagged", 20, "well"),
        ("ratio_noun", 25, "driver"),
    ],
)
def test_a_share_reads_with_what_it_is_a_share_of(claims, key, number, of):
    share = one_of(claims, key, "percent")
    assert share.value["number"] == number
    assert share.value["of"] == of


def test_a_quarter_of_the_year_is_no_share(claims):
    assert not of_kind(claims, "quarter_date", "percent")


@pytest.mark.parametrize("key", ["life_span", "life_span_job"])
def test_a_persons_course_of_life_over_years_is_personal_experience(claims, key):
    assert _statement(claims, key).claim_type == "personal experience"


@pytest.mark.parametrize("key", ["public_office", "public_role", "no_ones_life"])
def test_an_office_a_role_or_a_things_span_is_no_personal_experience(claims, key):
    assert _statement(claims, key).claim_type != "personal experience"
