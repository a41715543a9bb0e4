"""Each clause of a long sentence its own statement: verbs sharing a subject, relative
clauses set off by commas, trailing participles, side events inside reported speech,
rules named by a law, vague frequencies (helper stmt4, issue 11). Our own sentences,
one article each, all in one ``extract_many`` pass."""

from __future__ import annotations

import pytest

from workbench.core.articles import make_article
from workbench.core.nlp.extract import extract_many

TEXTS = {
    "conj": "The council has closed three libraries and suspended bin collections in the north"
    " of the city.",
    "conj_strong": "Police raided the offices on Monday and seized documents relating to the"
    " contract.",
    "either": "The protesters were either arrested or sent home by the police.",
    "relative": "The insurer, which was founded in Leeds in the 1850s, has cut its dividend.",
    "anonymous": "A senior official, who asked not to be named, said the talks had collapsed.",
    "participle": "Storm Ciarán hit Cornwall on Thursday, killing a lorry driver near Penzance.",
    "comment": "The council approved the plan on Monday, angering residents.",
    "blaming": "The retailer said it would close 30 stores, blaming a slump in sales.",
    "after_reported": "The factory closed after the owners went bankrupt, the union said.",
    "as_reported": "Flights were cancelled as the pilots' union walked out, the airport said.",
    "ruled": "A High Court judge ruled that the ministry had acted unlawfully.",
    "law": "Under the Road Traffic Act, drivers must stop at the scene of an accident, and it is"
    " a criminal offence to leave.",
    "rare": "According to the charity, convictions for the offence remain rare.",
    "leads": "Maria Lopez, who leads the nurses' union, said the hospital had cancelled"
    " operations.",
    "order": "Stop and think before you vote.",
    "allows": "Ministers want to scrap the 1998 clause, which allows councils to close parks"
    " without notice.",
    "expected": "The probe is not expected to survive the winter on Mars.",
    "as_cause": "Coal output in Poland has fallen for most of the decade as power plants switch"
    " to gas.",
    "conditional": "The Unite union said its members would walk out if the firm cut pensions.",
    "unattributed_if": "Members would walk out if the firm cut pensions.",
    "after_clause": "The airport was closed for six hours on Tuesday after a drone was spotted"
    " near the runway.",
}


@pytest.fixture(scope="module")
def found():
    names = list(TEXTS)
    articles = [make_article(TEXTS[n] + "\n", n) for n in names]
    return {
        n: (a, [c for c in cs if c.kind != "consistency"])
        for n, a, cs in zip(names, articles, extract_many(articles), strict=True)
    }


def _on(found, name, words):
    article, claims = found[name]
    start = article.text.index(words)
    end = start + len(words)
    return [c for c in claims if c.kind == "statement" and c.start < end and start < c.end]


def test_a_second_verb_sharing_the_subject_is_its_own_claim(found):
    [second] = _on(found, "conj", "suspended bin collections")
    assert second.anchor.startswith("suspended")
    assert "council" in second.label  # whose act: the shared subject leads the label
    raided = _on(found, "conj_strong", "raided the offices")
    seized = _on(found, "conj_strong", "seized documents")
    assert raided and seized and raided[0] is not seized[0]


def test_either_or_is_one_fact(found):
    assert len(_on(found, "either", "arrested or sent home")) == 1


def test_a_relative_clause_after_a_comma_is_a_fact_about_its_noun(found):
    rel = [c for c in _on(found, "relative", "was founded in Leeds") if "founded" in c.label]
    assert rel and "insurer" in rel[0].label
    assert any("cut its dividend" in c.label for c in _on(found, "relative", "cut its dividend"))


def test_a_source_asking_not_to_be_named_is_no_claim(found):
    assert not _on(found, "anonymous", "asked not to be named")
    [talks] = _on(found, "anonymous", "the talks had collapsed")
    assert talks.speaker and "official" in talks.speaker


def test_a_trailing_participle_states_a_fact_of_its_own(found):
    assert _on(found, "participle", "killing a lorry driver")
    assert not _on(found, "comment", "angering residents")
    [blame] = _on(found, "blaming", "blaming a slump")
    assert blame.speaker == "retailer"  # the speaker's own act
    assert blame.claim_type == "correlation/causation"


def test_a_side_event_in_reported_speech_keeps_the_speaker(found):
    [owners] = _on(found, "after_reported", "the owners went bankrupt")
    assert owners.speaker == "union"
    [union] = _on(found, "as_reported", "union walked out")
    assert union.speaker == "airport"


def test_a_ruling_reports_its_clause(found):
    [ruling] = _on(found, "ruled", "the ministry had acted unlawfully")
    assert ruling.anchor == "the ministry had acted unlawfully"
    assert ruling.speaker and "judge" in ruling.speaker


def test_rules_named_by_a_law_and_an_offence(found):
    must = _on(found, "law", "drivers must stop")
    offence = _on(found, "law", "criminal offence to leave")
    assert must and offence and must[0] is not offence[0]
    assert {must[0].claim_type, offence[0].claim_type} == {"laws/rules"}


def test_a_vague_frequency_is_a_quantity_statement(found):
    [rare] = _on(found, "rare", "remain rare")
    assert rare.claim_type == "quantity"
    assert "vague-quantity" in rare.value.get("tags", [])


def test_leading_a_union_is_no_cause(found):
    rel = _on(found, "leads", "leads the nurses")
    assert rel and all(c.claim_type != "correlation/causation" for c in rel)


def test_an_order_stays_no_claim(found):
    assert not found["order"][1]


def test_a_rule_verb_keeps_its_infinitive_object(found):
    [rule] = _on(found, "allows", "allows councils to close parks")
    assert "close parks" in rule.anchor and rule.claim_type == "laws/rules"


def test_an_agentless_forecast_is_one_prediction(found):
    [st] = _on(found, "expected", "not expected to survive")
    assert st.anchor.startswith("The probe is not expected")
    assert st.claim_type == "prediction" and st.speaker is None


def test_a_following_as_clause_is_part_of_the_claim_it_explains(found):
    [st] = _on(found, "as_cause", "has fallen")
    assert st.anchor.endswith("switch to gas")


def test_a_condition_is_a_claim_only_when_credited(found):
    [plan] = _on(found, "conditional", "would walk out")
    assert plan.speaker and "Unite" in plan.speaker
    assert not _on(found, "unattributed_if", "would walk out")


def test_a_following_clause_of_time_belongs_to_its_claim(found):
    [st] = _on(found, "after_clause", "was closed")
    assert st.anchor.endswith("near the runway")
