"""A statement's claim type (Full Fact's typology, issue 11 item 1) where the head verb
alone does not tell it, on our own sentences in several shapes per cause: a cause stated
by a noun, a passive agent or "in response to"; a change in amount or a multiplier
("has slowed", "twice as likely as"); a rule broken ("in breach of"); a vague count on
a noun ("several vessels") is no quantity claim while a vague share ("most of the harvest") is; a
speaker telling of their own beliefs or experience; a past event reported by a verb of
forecasting is no prediction. All texts go through one ``extract_many`` pass."""

from __future__ import annotations

import pytest
from extract_fixtures import claims_by_key

TEXTS = {
    # a cause stated by a noun, a passive agent or "in response to"
    "driven_by": "The rise in cases has been driven by falling vaccination rates.",
    "reason_for": "Officials said a shortage of drivers was the main reason for the delays.",
    "effect_on": "The strike had no effect on deliveries to the hospital, the firm said.",
    "link_between": "There is no link between the MMR vaccine and autism, doctors say.",
    "in_response": "Turkey invaded in response to a coup by officers seeking union with Greece.",
    "made_likely": "Researchers found that the drought had been made more likely by warming.",
    # a vague count on a noun is the event's; a vague share is a quantity claim
    "several_det": "Several ferries ran aground near the harbour on Tuesday.",
    "all_det": "Her lawyer said her client denied all the charges against him.",
    "several_obj": "Rebels had moved several battalions to the border, the army said.",
    "most_of": "Farmers said most of the apple harvest had been lost to frost.",
    "nearly_all": "Nearly all of the job gains were in health care, the agency said.",
    "nearly_all_det": "Nearly all senior members of the council have been detained or forced "
    "to leave the country.",
    # a change in amount or rate, a multiplier comparison
    "slowed": "Hiring in the construction sector has slowed sharply since the spring.",
    "widened": "The gap between rich and poor regions has widened since 2019.",
    "twice_as": "The charity said night-shift workers were twice as likely as other staff to "
    "suffer an injury at work.",
    "twice_as_found": "Researchers found that women in the survey were twice as likely as men "
    "to use the new clinics.",
    # whether a rule was broken
    "in_breach": "The regulator said the bank had kept customer files in breach of data "
    "protection law.",
    "would_breach": "Ministers said landlords who refused the inspection would breach their "
    "licences.",
    # the speaker's own beliefs or experience
    "she_realised": "Anna Moss, whose son fell ill, said she had not realised he was sick.",
    "he_lost": "Tom Reid, one of the tenants, said he lost his job after the eviction.",
    "she_trained": "Ruth Kimani told reporters that she had trained in Kenya all winter.",
    # a past event reported by a verb of forecasting
    "estimated_past": "Growers estimated that most of the grape crop had been damaged.",
    "warned_past": "The union warned that staff had been sent home without pay.",
}

CASES = [
    # (cause, text, part of the statement's anchor, claim type)
    ("cause", "driven_by", "driven by", "correlation/causation"),
    ("cause", "reason_for", "main reason", "correlation/causation"),
    ("cause", "effect_on", "no effect", "correlation/causation"),
    ("cause", "link_between", "no link", "correlation/causation"),
    ("cause", "in_response", "in response", "correlation/causation"),
    ("cause", "made_likely", "more likely", "correlation/causation"),
    ("count", "several_det", "ran aground", "other"),
    ("count", "all_det", "denied all", "other"),
    ("count", "several_obj", "several battalions", "other"),
    ("share", "most_of", "most of the apple harvest", "quantity"),
    ("share", "nearly_all", "job gains", "quantity"),
    ("share", "nearly_all_det", "detained", "quantity"),
    ("amount", "slowed", "slowed sharply", "quantity"),
    ("amount", "widened", "widened", "quantity"),
    ("amount", "twice_as", "twice as likely", "quantity"),
    ("amount", "twice_as_found", "twice as likely as men", "quantity"),
    ("rule", "in_breach", "in breach of", "laws/rules"),
    ("rule", "would_breach", "would breach", "laws/rules"),
    ("own", "she_realised", "not realised", "personal experience"),
    ("own", "he_lost", "lost his job", "personal experience"),
    ("own", "she_trained", "trained in Kenya", "personal experience"),
    ("past", "estimated_past", "grape crop", "quantity"),
    ("past", "warned_past", "sent home", "other"),
]


@pytest.fixture(scope="module")
def typed():
    return claims_by_key(TEXTS)


@pytest.mark.parametrize(("cause", "key", "part", "ctype"), CASES, ids=lambda v: str(v)[:24])
def test_the_statement_has_its_claim_type(typed, cause, key, part, ctype):
    found = [c for c in typed[key] if c.kind == "statement" and part in c.anchor]
    assert found, [(c.kind, c.anchor) for c in typed[key]]
    assert found[0].claim_type == ctype, (cause, found[0].claim_type, found[0].anchor)
