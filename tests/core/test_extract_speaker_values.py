"""Speaker and value faults a new user met (session 21), each on our own sentences in
several shapes: numbers in reported speech carry its speaker (the attribution after
the claim, "told", a pronoun speaker); money written "£4.5bn"; units and predicates
the lemmatizer got wrong; temperatures; hurricane categories. One ``extract_many`` pass."""

from __future__ import annotations

import pytest
from extract_fixtures import claims_by_key

TEXTS = {
    # numbers inside reported speech are the speaker's
    "told_after": "At least 14 people have died, Governor Ron DeSantis told reporters.",
    "said_after_apposed": "About 300 homes were destroyed, the mayor, Jane Castor, said.",
    "told_before": "Donald Trump told supporters that inflation had reached 42 percent.",
    "told_org": "Prices rose 4 percent last year, Angela Merkel told the Bundestag.",
    "pronoun": "Maria Kovacs spoke at the rally on Sunday. She also said that wages had "
    "fallen by 7 percent since the strike began.",
    "pronoun_told": "Rishi Sunak visited the plant. He told workers that 2,000 jobs would "
    "be created by 2026.",
    "unreported": "At least 9 people have died in the floods.",
    # amounts the recognizer leaves out altogether
    "gbp_extra": "The chancellor announced a new scheme, saying the government would borrow "
    "an extra £4.5bn this year to pay for it.",
    "usd_split": "The firm will spend $3bn on two new plants in Ohio.",
    "eur_m": "The club paid €2.1m for the young striker in January.",
    "bare_scaled": "The council raised 4.5bn from the new levy last year.",
    # units and predicates the lemmatizer got wrong
    "doses": "Everyone over 65 must receive two doses of the vaccine this winter.",
    "doses_given": "Nurses gave 40,000 doses at the stadium on Monday.",
    "uses": "The new drone has three uses, the army said.",
    "homes": "More than 600,000 homes and businesses were without electricity on Sunday.",
    "residents": "About 4.5m residents were without running water after the storm.",
    "rise": "The spending plan is a 6% rise on last year.",
    # temperatures
    "temp_which": "The storm was fuelled by warmer ocean temperatures, which have risen by "
    "about 1C since 1900.",
    "temp_decimal": "Global temperatures have risen by 1.5C since pre-industrial times.",
    "temp_sign": "The treaty aims to keep warming below 2°C this century.",
    "temp_f": "Temperatures fell to 30F overnight in Denver.",
    "temp_words": "It was 40 degrees Celsius in Delhi on Monday.",
    # a step on a scale
    "cat_storm": "Hurricane Milton came ashore near Tampa as a Category 3 storm on Wednesday.",
    "cat_grew": "The storm strengthened to a Category 5 hurricane over warm water.",
    "cat_word": "Forecasters said it could reach category four by Friday.",
    "gbp_words": "Ministers set aside an additional £12 million for rural bus routes.",
}


@pytest.fixture(scope="module")
def claims():
    return claims_by_key(TEXTS)


def _value(claims, key, anchor):
    found = [c for c in claims[key] if c.anchor == anchor and c.kind != "statement"]
    assert found, [(c.kind, c.anchor) for c in claims[key]]
    return found[0]


@pytest.mark.parametrize(
    ("key", "anchor", "speaker"),
    [
        ("told_after", "At least 14", "Ron DeSantis"),
        ("said_after_apposed", "About 300", "Jane Castor"),
        ("told_before", "42 percent", "Donald Trump"),
        ("told_org", "4 percent", "Angela Merkel"),
        ("pronoun", "7 percent", "Maria Kovacs"),
        ("pronoun_told", "2,000", "Rishi Sunak"),
    ],
)
def test_a_number_in_reported_speech_is_its_speakers(claims, key, anchor, speaker):
    assert _value(claims, key, anchor).speaker == speaker


def test_a_number_nobody_reports_has_no_speaker(claims):
    assert _value(claims, "unreported", "At least 9").speaker is None


@pytest.mark.parametrize(
    ("key", "anchor", "kind", "amount", "currency"),
    [
        ("gbp_extra", "£4.5bn", "money", 4.5e9, "GBP"),
        ("usd_split", "$3bn", "money", 3e9, "USD"),
        ("eur_m", "€2.1m", "money", 2.1e6, "EUR"),
        ("gbp_words", "an additional £12 million", "money", 12e6, "GBP"),
        ("bare_scaled", "4.5bn", "quantity", 4.5e9, None),
    ],
)
def test_a_scaled_amount_is_found(claims, key, anchor, kind, amount, currency):
    found = _value(claims, key, anchor)
    assert found.kind == kind
    if kind == "money":
        assert found.value["amount"] == pytest.approx(amount)
        assert found.value["currency"] == currency
    else:
        assert found.value["number"] == pytest.approx(amount)


def test_a_missed_amount_in_reported_speech_is_its_speakers(claims):
    assert _value(claims, "gbp_extra", "£4.5bn").speaker == "chancellor"


@pytest.mark.parametrize(
    ("key", "anchor", "unit"),
    [("doses", "two", "dose"), ("doses_given", "40,000", "dose"), ("uses", "three", "use"),
     ("homes", "More than 600,000", "home"), ("residents", "About 4.5m", "resident")],
)
def test_the_unit_is_the_counted_nouns_base(claims, key, anchor, unit):
    assert _value(claims, key, anchor).value["unit"] == unit


@pytest.mark.parametrize(
    ("key", "anchor", "predicate"),
    [("homes", "More than 600,000", None), ("residents", "About 4.5m", None),
     ("doses", "two", "receive"), ("doses_given", "40,000", "give"), ("rise", "6%", "rise")],
)
def test_the_counted_noun_is_no_predicate(claims, key, anchor, predicate):
    assert _value(claims, key, anchor).value.get("predicate") == predicate


@pytest.mark.parametrize(
    ("key", "anchor", "number", "unit", "qualifier"),
    [
        ("temp_which", "about 1C", 1, "degrees Celsius", "about"),
        ("temp_decimal", "1.5C", 1.5, "degrees Celsius", "exact"),
        ("temp_sign", "below 2°C", 2, "degrees Celsius", "less-than"),
        ("temp_f", "30F", 30, "degrees Fahrenheit", "exact"),
        ("temp_words", "40 degrees Celsius", 40, "degrees Celsius", "exact"),
    ],
)
def test_a_temperature_is_a_quantity(claims, key, anchor, number, unit, qualifier):
    found = _value(claims, key, anchor)
    assert found.kind == "quantity"
    assert (found.value["number"], found.value["unit"]) == (number, unit)
    assert found.value["qualifier"] == qualifier


@pytest.mark.parametrize(
    ("key", "anchor", "number"),
    [("cat_storm", "Category 3", 3), ("cat_grew", "Category 5", 5), ("cat_word", "four", 4)],
)
def test_a_hurricane_category_is_a_claim(claims, key, anchor, number):
    found = _value(claims, key, anchor)
    assert found.kind == "quantity"
    assert (found.value["number"], found.value["unit"]) == (number, "category")


def test_a_category_the_tagger_calls_a_people_is_still_a_step():
    from spacy.tokens import Span

    from workbench.core.nlp.entities import repair_entities
    from workbench.core.nlp.kinds import classify
    from workbench.core.nlp.pipeline import load_pipeline

    doc = load_pipeline()("The hurricane came ashore near Tampa as a Category 3 storm.")
    i = next(t.i for t in doc if t.text == "Category")
    doc.ents = [Span(doc, i, i + 3, label="NORP")]  # "Category 3 storm" as a people
    (ent,) = repair_entities(next(iter(doc.sents)))
    assert ent.text == "Category 3"
    kind, value = classify(ent)
    assert (kind, value["number"], value["unit"]) == ("quantity", 3, "category")
