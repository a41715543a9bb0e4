"""attribute_rules.py: the attribute ruler's matches by table lookup are spaCy's matches,
and the tokens come out of the pipeline as spaCy's own pipeline makes them."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG

from workbench.core.nlp.attribute_rules import RuleMatcher, install, is_installed
from workbench.core.nlp.pipeline import load_pipeline, stock_pipeline

SENTENCES = [
    "The council said 12 people were killed in Riverton on Monday, and 4 percent more fled.",
    "I ai n't going back there, she told reporters, and you can't make me.",
    "We're gon na win this, gotta believe it; let's go!",
    "But he said nothing.  Then, after a pause, the minister left (quietly) at 9:30 a.m.",
    "Shares of Acme Corp. rose 3.5% to $41.20 — their highest close since 2019 — on Friday.",
    "\n\n   \t",
    "Is it true that 'less is more'? Nobody in the lab thinks so...",
    "The U.K.'s inflation rate fell to 2.1 per cent in March, the ONS said.",
]


@pytest.fixture(scope="module")
def pipelines():
    return load_pipeline(), stock_pipeline()


def test_the_pipeline_the_extractor_loads_matches_by_lookup_and_spacys_does_not(pipelines):
    ours, stock = pipelines
    assert is_installed(ours)
    assert not is_installed(stock)
    assert ours.pipe_names == stock.pipe_names


def test_the_matches_are_spacys_on_every_sentence(pipelines):
    _, stock = pipelines
    ruler = stock.get_pipe("attribute_ruler")
    lookup = RuleMatcher(ruler)
    with stock.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        docs = list(stock.pipe(SENTENCES))
    for doc in docs:
        assert lookup(doc) == ruler.match(doc), doc.text
    assert sum(len(lookup(doc)) for doc in docs) > sum(len(doc) for doc in docs)


def test_the_tokens_are_spacys(pipelines):
    ours, stock = pipelines
    attrs = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE]
    for a, b in zip(ours.pipe(SENTENCES), stock.pipe(SENTENCES), strict=True):
        assert a.to_array(attrs).tolist() == b.to_array(attrs).tolist(), a.text
        assert [(t.pos_, str(t.morph), t.lemma_) for t in a] == [
            (t.pos_, str(t.morph), t.lemma_) for t in b
        ]


def _blank_with_rules(*rules: tuple[list, dict]) -> spacy.language.Language:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    for patterns, attrs in rules:
        ruler.add(patterns=patterns, attrs=attrs)
    return nlp


def test_rules_of_other_forms_keep_spacys_matcher():
    nlp = _blank_with_rules(([[{"LOWER": "very", "OP": "+"}]], {"LEMMA": "very"}))
    assert not install(nlp)
    assert not is_installed(nlp)
    assert [t.lemma_ for t in nlp("very very good")] == ["very", "very", ""]


def test_plain_rules_are_installed_and_set_what_spacy_sets():
    rules = (
        ([[{"LOWER": {"IN": ["colour", "color"]}}]], {"LEMMA": "colour"}),
        ([[{"LOWER": {"REGEX": "^re"}}, {"IS_SPACE": False}]], {"NORM": "re-"}),
        ([[{"LOWER": "gon"}, {"LOWER": "na"}], [{"LOWER": "gon"}]], {"LEMMA": "go"}),
    )
    text = "The colour of rebirth, gon na say, reads Color."
    expected = [(t.lemma_, t.norm_) for t in _blank_with_rules(*rules)(text)]
    nlp = _blank_with_rules(*rules)
    assert install(nlp)
    assert [(t.lemma_, t.norm_) for t in nlp(text)] == expected
    assert [t.lemma_ for t in nlp(text)][1] == "colour"
    assert nlp("") is not None


def test_a_rule_added_after_install_still_applies():
    nlp = _blank_with_rules(([[{"LOWER": "colour"}]], {"LEMMA": "colour"}))
    assert install(nlp)
    nlp.get_pipe("attribute_ruler").add(patterns=[[{"LOWER": "hue"}]], attrs={"LEMMA": "hue"})
    assert [t.lemma_ for t in nlp("colour and hue")] == ["colour", "", "hue"]
