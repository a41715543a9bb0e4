"""Value and structure faults a new user met (issue 11, item 4), each on our own
sentences in several shapes: zero counts, markup tags in the text, multi-sentence
quotes, prepositional phrases of a percentage's fact, date ranges, ordinals naming
a period of time. All texts go through one ``extract_many`` pass."""

from __future__ import annotations

import pytest

from workbench.core.articles import make_article
from workbench.core.nlp.extract import extract_many

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
}


@pytest.fixture(scope="module")
def claims():
    keys = list(TEXTS)
    articles = [make_article("Headline\n\n" + TEXTS[k] + "\n", k) for k in keys]
    out = {}
    for k, article, found in zip(keys, articles, extract_many(articles), strict=True):
        for c in found:  # every offset slices the article text as it is
            assert article.text[c.start : c.end] == c.anchor
            assert article.text[c.sentence_start : c.sentence_end] == c.sentence
            for e in c.entities:
                assert article.text[e["start"] : e["end"]] == e["text"]
        out[k] = [c for c in found if c.kind != "consistency"]
    return out


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
