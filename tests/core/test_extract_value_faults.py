"""Value and structure faults a new user met (issue 11, item 4), each on our own
sentences in several shapes: zero counts, markup tags in the text, multi-sentence
quotes, prepositional phrases of a percentage's fact, date ranges, ordinals naming
a period of time. All texts go through one ``extract_many`` pass."""

from __future__ import annotations

import pytest
from extract_fixtures import claims_by_key

TEXTS = {
    # zero counts: the parser takes a bare "0" after "said" for punctuation
    "zero_said": "The council said 0 people attended the public hearing on the new bridge.",
    "zero_adj": "Officials said 0 new cases were recorded in the city on Friday.",
    "zero_word": "Police said zero people were hurt in the crash on the motorway.",
    "zero_object": "The team has won 0 of its 12 games this season, the club said.",
    # markup tags: the words inside are found, the text is shown literally
    "bb_link": "Organisers said [link=https://x.example/2020/05]100 people[/link] marched "
    "through the centre of the capital.",
    "bb_date": "The vote is set for [b]March[/b] 3 and the commission expects [i]2,000[/i] "
    "observers to attend the count.",
    "html": 'Police said <b>350</b> people were detained, according to <a href="https://news.'
    'example/2021/7">a report</a> published on Sunday.',
    "console": "The city spent [bold red]$4.2m[/] on 12 new buses, the mayor said.",
    "markdown": "According to [the audit](https://x.example/2024/05/01), 3 hospitals in the "
    "region closed their emergency wards last year.",
    "editorial": "“[The] government has failed 40,000 families [sic],” the mayor said.",
    "editorial_and_tag": "“[He] did not pay the 300 workers,” Anna Berg said of [bold]the firm[/].",
    # a changed amount's label keeps the phrases of its fact
    "pct_from": "Exports to Germany shrank 4.2% from the Netherlands last year, the statistics "
    "office said.",
    "pct_in": "Imports of steel rose 12% in the first quarter, customs data showed.",
    "pct_among": "Support for the party rose 5% among young voters, a poll found.",
    "pct_to": "Sales of electric cars fell 3% to 40,000 in March.",
    "pct_after": "Shipments of grain jumped 30% after the deal.",
    # a span of time is one claim
    "range_from": "Unemployment in the region fell from 2015 to 2020 as new factories opened.",
    "range_between": "The fraud ran between 2011 and 2019, prosecutors said.",
    "range_led": "He led the institute from 1981 to 1994 and retired in 1995.",
    "range_days": "The festival runs from March 3 to March 10 in the old town.",
    "range_dash": "Prices rose by a third in the years 2015-2020, the report found.",
    "range_weekdays": "The talks lasted from Monday to Friday and ended with a $5 billion deal.",
    "two_years": "Sales rose in 2015 and 2020 but fell in 2018.",
    # an ordinal naming the period of the statement is its time, not a rank
    "period_week": "In the third week of the strike, the union said 4,000 workers had stopped "
    "work at the port.",
    "period_day": "On the second day of the summit, the leaders signed a trade agreement worth "
    "$2 billion.",
    "period_year": "Officials estimate that enrollees will save $685 million in the first year.",
    "period_weekend": "The film fell 58% in its second weekend.",
    "period_stated": "The strike is now in its third week, with no talks planned.",
    "period_streak": "Manufacturing employment fell for a third straight month.",
    "period_rank": "She became the first woman to lead the party.",
    # "who" after a town the tagger took for an organisation
    "who_org_town": "Police questioned students from Brest, who were accused of leaking exam "
    "papers.",
    "who_place": "Police detained journalists in Mogilev, who had filmed the protest.",
    # multi-sentence quotes: one unit for attribution
    "quote_after": "“Friends are the ones who help you in hard times. I say that honestly,” "
    "Lukashenko said.",
    "quote_number_first": "“We lost 300 jobs at the plant this year. I say that honestly,” "
    "Lukashenko said in a televised address.",
    "quote_number_last": "“Friends help you in hard times. Russia lent us $1.5 billion,” "
    "Lukashenko said on state television.",
    "quote_inverted": "“The strike has cost us 2 million euros. Nobody will stop us. We go on,” "
    "said union leader Maria Kovacs.",
    "quote_before": "The finance minister, Anna Berg, said: “We collected 4% less tax in May. "
    "The gap will close by the autumn.”",
    "quote_middle": "Officials were cautious on Monday. “The deficit reached £2 billion. It "
    "could grow,” the finance minister told reporters.",
}


@pytest.fixture(scope="module")
def claims():
    return claims_by_key(TEXTS)


def _of(claims, key, kind):
    return [c for c in claims[key] if c.kind == kind]


@pytest.mark.parametrize(
    ("key", "unit", "verb"),
    [("zero_said", "people", "attended"), ("zero_adj", "case", "recorded"),
     ("zero_word", "people", "hurt")],
)
def test_a_zero_count_is_the_count_of_its_noun(claims, key, unit, verb):
    (zero,) = [c for c in _of(claims, key, "quantity") if c.value["number"] == 0]
    assert zero.value["unit"].startswith(unit.rstrip("s")), zero.value
    assert zero.label.startswith(zero.anchor) and verb in zero.label, zero.label
    assert "said" not in zero.label
    for st in _of(claims, key, "statement"):  # no statement leaves the count out
        assert not st.label.startswith(("people", "new cases")), st.label


def test_a_zero_object_keeps_its_noun(claims):
    zero = [c for c in _of(claims, "zero_object", "quantity") if c.value["number"] == 0]
    assert [c.value["unit"] for c in zero] == ["game"]


@pytest.mark.parametrize(
    ("key", "kind", "anchor", "value"),
    [
        ("bb_link", "quantity", "100", {"number": 100, "unit": "people"}),
        ("bb_date", "date", "March[/b] 3", {"month": 3, "day": 3}),
        ("bb_date", "quantity", "2,000", {"number": 2000, "unit": "observer"}),
        ("html", "quantity", "350", {"number": 350, "unit": "people"}),
        ("console", "money", "$4.2m", {"amount": 4_200_000, "currency": "USD"}),
        ("console", "quantity", "12", {"number": 12, "unit": "bus"}),
        ("markdown", "quantity", "3", {"number": 3}),
    ],
)
def test_numbers_inside_markup_tags_are_found(claims, key, kind, anchor, value):
    found = [c for c in _of(claims, key, kind) if c.anchor == anchor]
    assert found, [(c.kind, c.anchor) for c in claims[key]]
    assert {k: found[0].value.get(k) for k in value} == value


@pytest.mark.parametrize("key", ["bb_link", "bb_date", "html", "console", "markdown"])
def test_no_claim_comes_from_a_tag(claims, key):
    for c in claims[key]:
        assert "[" not in c.label and "<" not in c.label and "http" not in c.label, c.label
        assert c.kind != "date" or c.value.get("year") not in (2020, 2021, 2024), c.value


def test_editorial_brackets_stay_words(claims):
    (quote,) = _of(claims, "editorial", "quote")
    assert quote.value["quote"] == "[The] government has failed 40,000 families [sic]"
    assert quote.speaker == "mayor"
    assert [c.value["number"] for c in _of(claims, "editorial", "quantity")] == [40_000]
    (quote,) = _of(claims, "editorial_and_tag", "quote")
    assert quote.value["quote"] == "[He] did not pay the 300 workers"


QUOTES = {
    "quote_after": ("Lukashenko", None),
    "quote_number_first": ("Lukashenko", "300"),
    "quote_number_last": ("Lukashenko", "$1.5 billion"),
    "quote_inverted": ("Maria Kovacs", "2 million euros"),
    "quote_before": ("Anna Berg", "4%"),
    "quote_middle": ("finance minister", "£2 billion"),
}


@pytest.mark.parametrize("key", list(QUOTES))
def test_a_multi_sentence_quote_is_one_unit_credited_to_its_speaker(claims, key):
    speaker, number = QUOTES[key]
    (quote,) = _of(claims, key, "quote")
    assert quote.speaker == speaker
    assert ". " in quote.value["quote"], quote.value  # both sentences, one quote
    assert quote.sentence.rstrip(".”").endswith(("said", "television", "reporters", "autumn")) \
        or speaker in quote.sentence
    if number is None:
        return
    (found,) = [c for c in claims[key] if c.anchor == number]
    assert found.speaker == speaker  # the quote's number is the speaker's
    assert found.sentence == quote.sentence  # and its sentence is the quote's whole unit
    assert quote.start <= found.start < found.end <= quote.end


def test_a_number_outside_quotes_and_reported_speech_has_no_speaker(claims):
    for key in ("pct_to", "range_led", "period_weekend"):
        assert all(c.speaker is None for c in claims[key] if c.kind != "statement")


def test_a_number_in_reported_speech_outside_quotes_is_its_speakers(claims):
    assert [c.speaker for c in claims["bb_link"] if c.anchor == "100"] == ["Organisers"]
    assert [c.speaker for c in claims["html"] if c.anchor == "350"] == ["Police"]


@pytest.mark.parametrize(
    ("key", "label"),
    [
        ("pct_from", "Exports to Germany shrank 4.2% from the Netherlands"),
        ("pct_in", "Imports of steel rose 12% in the first quarter"),
        ("pct_among", "Support for the party rose 5% among young voters"),
        ("pct_to", "Sales of electric cars fell 3% to 40,000"),
        ("pct_after", "Shipments of grain jumped 30% after the deal"),
    ],
)
def test_a_changed_amount_keeps_the_phrases_of_its_fact(claims, key, label):
    (pct,) = _of(claims, key, "percent")
    assert pct.label.startswith(label), pct.label
    assert "said" not in pct.label and "found" not in pct.label and "showed" not in pct.label


@pytest.mark.parametrize(
    ("key", "start", "end"),
    [
        ("range_from", {"year": 2015}, {"year": 2020}),
        ("range_between", {"year": 2011}, {"year": 2019}),
        ("range_led", {"year": 1981}, {"year": 1994}),
        ("range_days", {"month": 3, "day": 3}, {"month": 3, "day": 10}),
        ("range_dash", {"year": 2015}, {"year": 2020}),
    ],
)
def test_a_span_of_time_is_one_claim_whose_value_is_the_span(claims, key, start, end):
    (span,) = [c for c in _of(claims, key, "date") if "from" in c.value]
    assert {k: span.value["from"].get(k) for k in start} == start
    assert {k: span.value["to"].get(k) for k in end} == end
    for other in _of(claims, key, "date"):  # no second claim for either end
        assert other is span or not (span.start <= other.start < span.end), other.anchor
    assert str(end.get("year", end.get("day"))) in span.anchor


def test_a_range_value_reads_as_a_span():
    from workbench.core.nlp.quantities import parse_date_range
    from workbench.core.nlp.values import format_value

    assert parse_date_range("2015 to 2020")["iso"] == "2015/2020"
    assert parse_date_range("2019-20")["to"]["year"] == 2020
    assert parse_date_range("March 3-10")["to"] == {"month": 3, "day": 10, "iso": "--03-10"}
    assert parse_date_range("3-10 March")["from"]["day"] == 3
    assert parse_date_range("2024-05-01") is None and parse_date_range("mid-2020") is None
    assert format_value("date", parse_date_range("from 1981 to 1994")) == "1981 – 1994"


def test_a_weekday_span_is_the_time_of_the_statement(claims):
    assert not _of(claims, "range_weekdays", "date")
    whens = [c.value["when"] for c in claims["range_weekdays"] if "when" in c.value]
    assert [w["from"]["weekday"] for w in whens] == ["Monday"]


def test_two_years_joined_by_and_are_two_dates(claims):
    # a year may be a date claim or the time of its clause's statement ("fell in 2018":
    # value["when"], one fact one claim); either way one year each, never one range
    years = {c.value.get("year") for c in _of(claims, "two_years", "date")}
    whens = [c.value["when"] for c in _of(claims, "two_years", "statement") if "when" in c.value]
    years |= {w.get("year") for w in whens}
    assert 2020 in years and 2018 in years
    assert not [c for c in _of(claims, "two_years", "date") if "from" in c.value]
    assert not [w for w in whens if "from" in w]


@pytest.mark.parametrize(
    ("key", "host", "number"),
    [("period_week", "quantity", 3), ("period_day", "money", 2), ("period_year", "money", 1),
     ("period_weekend", "percent", 2)],
)
def test_an_ordinal_naming_the_period_is_the_time_of_the_statement(claims, key, host, number):
    assert not _of(claims, key, "ordinal"), [c.anchor for c in _of(claims, key, "ordinal")]
    (found,) = _of(claims, key, host)
    assert found.value["when"]["number"] == number and found.value["when"]["period"]


@pytest.mark.parametrize(
    ("key", "number"), [("period_stated", 3), ("period_streak", 3), ("period_rank", 1)]
)
def test_an_ordinal_that_is_the_fact_stays_a_rank(claims, key, number):
    ranks = _of(claims, key, "ordinal")
    assert [c.value["number"] for c in ranks] == [number]
    assert not _of(claims, key, "duration")  # "a third straight month" is no third of a month


@pytest.mark.parametrize(
    ("key", "start"),
    [("who_org_town", "students were accused"), ("who_place", "journalists had filmed")],
)
def test_who_is_the_people_not_the_town_whatever_its_entity_type(claims, key, start):
    labels = [c.label for c in _of(claims, key, "statement")]
    assert any(label.startswith(start) for label in labels), labels
