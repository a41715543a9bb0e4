"""Claim types and speakers of statements (issue 11, items 1 and 2) where a first cue
got them wrong, on our own sentences, several shapes per cause.

Types: a thing or an event doing something to another ("the floods have hit potato
growers", "would push up rents", "had made the bridge more durable", "..., forcing
hauliers to ..."); what moved an amount or set off a conflict ("fell on the news",
"has fallen as ...", "walked out over pay"); "had nothing to do with"; "as a result
of"; a move to a place in an order is no amount ("fell to fifth"), nor a verb of
change with an object or an infinitive ("declined to say", "dropped its closing
concert"); a superlative of a quality is no measure ("the most famous"), nor a bound
on a number ("in more than three decades"), nor a rank of who acts ("The town's
largest employer ... has agreed"); the worst of a harm is by its toll; "not enough
nurses", "roughly double the number in 2021" and "congestion has eased" are
quantities; a rule laid on someone ("have been told to close", "without a planning
permit", "on condition that"), a decision whose object permits ("approved a plan that
will allow ...") are rules, but a ban that is only talked about is not ("consulted on
a ban"); a present tense with a time ahead, a stated plan and "is expected to become
law" are predictions; what a person never did, and a speaker's family's experience,
are personal experience.

Speakers: a name the tagger took for a body after a noun of a person's role (a "she"
that follows is that person); a description of another noun is no pointer to the last
body named ("The brake supplier said" after "Hartmann's team said"); "his family";
"police" and "the force" after a named police force, "the watchdog" after a named
commission; "the city says" for the place the
article is about; the body a describing noun and a name stand for when the parser made
them two subjects ("The charity Homewatch said"); a denial or an urging with no reported clause
is credited to its subject. All texts go through one ``extract_many`` pass."""

from __future__ import annotations

import pytest
from extract_fixtures import claims_by_key

TEXTS = {
    # a thing or an event doing something to another
    "hit": "The floods have hit potato growers across the region, the farmers' union said.",
    "delay": "Residents said the road closure would delay ambulances on the coast road.",
    "push_up": "Housing minister Lena Ortiz said the new levy would push up rents in Madrid.",
    "made_adj": "Engineers said the new coating had made the bridge far more durable.",
    "forcing": "Heavy snow closed the Brenner pass on Friday, forcing hauliers to take a "
    "long detour through Switzerland.",
    # what moved an amount or set off a conflict
    "on_news": "Shares in the airline Nordair fell sharply on the news.",
    "as_change": "Bus use in Leeds has fallen steadily as more commuters work from home.",
    "over_pay": "The union said dock workers in Antwerp walked out over pay and staffing.",
    "row_over": "The Green Party quit the coalition in a row over pension reform.",
    "nothing_to_do": "Senator Ann Price said her resignation had nothing to do with the row "
    "over the budget.",
    "as_result": "Flights from Madrid were cancelled as a result of the strike by air "
    "traffic controllers.",
    # no amount
    "to_place": "Paolo Moretti crashed on the last lap and fell to fifth.",
    "declined_to": "The minister, Karl Weber, declined to say whether the Linz plant would close.",
    "dropped_obj": "The Harbour Festival has dropped its closing concert after the "
    "headline act pulled out.",
    "most_famous": "The Stelvio climb in northern Italy is one of the most famous in cycling.",
    "bound": "The landslide in Val Bregaglia is the most serious threat to the valley in "
    "more than three decades.",
    "doer": "The town's largest employer, the cement maker Holcon, has agreed to fund a new "
    "library in Brigg.",
    # a measure
    "worst_harm": "Eleven miners died in the collapse at Rudna, the worst disaster in Polish "
    "mining history.",
    # (faults10: with "about 900 households a week" the count the recognizer missed is now a
    # quantity claim of its own and no statement spans the sentence; the comparison alone here)
    "double": "Grace Adeyemi opened the food bank in 2011. It now feeds roughly double the "
    "number of households it fed in 2021, she says.",
    "eased": "Congestion at the port of Ravenna has eased since two new cranes entered "
    "service in May.",
    "enough": "Mayor Lena Hart said the city was not training enough nurses to staff its "
    "clinics.",
    # rules
    "told_to": "Schools in Kent have been told to close their playing fields until the "
    "spring.",
    "permit": "The agency said no quarry in the county would open without a planning permit.",
    "condition": "The regulator cleared the takeover of Bexley Buses on condition that the "
    "buyer sells two of its depots.",
    "decided": "Leeds City Council has approved a plan that will allow cafes to put tables "
    "on pavements in the city centre.",
    "talked": "Bath and North East Somerset Council consulted on a ban on wood burners in 2021.",
    # predictions
    "ahead": "The Ryder Cup moves to Rome in three weeks' time.",
    "plan": "The researchers at Utrecht University said they planned to repeat the survey "
    "every spring until 2030.",
    "expected_law": "The Clean Air Bill, which would ban diesel buses, is expected to "
    "become law next year.",
    # personal experience
    "never": "Arthur Bell, who ran the village shop in Hawes for 40 years, has died aged 91. "
    "He never owned a television.",
    "kin": "Maria Lopez, 64, says her father lost his job at the Cadiz shipyard in 1982.",
    # speakers
    "supplier": "Hartmann's team said the crash had been caused by a loose bolt. The brake "
    "supplier said it would test the part.",
    "his_family": "Peter Doyle, who founded the county's first hospice, has died aged 88. "
    "His family said he died at home on Friday after a long illness.",
    "police": "Avon and Somerset Police said two men had been arrested in Bristol on Monday. "
    "A third man has been released on bail until March 3, the force said. It is the fourth "
    "burglary at the school this year, but police said there was no sign of forced entry.",
    "city": "Going to Lisbon? Prepare to pay more.\n\nLisbon's trams are as crowded as ever. "
    "The city says the new fee will pay for extra trams and street cleaning in the old town.",
    "denies": "Fighting continued near Goma on Monday. Uganda denies arming the militia.",
    "two_subjects": "The charity Homewatch said the number of people sleeping rough in Leeds "
    "had risen sharply since 2022.",
    "watchdog": "Ward closures rose in 2025, according to a report by the Health Services "
    "Commission. The watchdog found that a shortage of nurses was the main cause.",
    "denied_that": "Passengers said trains had been cut to save money. Northline denied "
    "that.",
    "urged": "EU foreign ministers met in Brussels on Monday and urged both sides to return "
    "to talks in Geneva.",
}

TYPES = [
    # (cause, text, part of the statement's anchor, claim type)
    ("effect", "hit", "hit potato growers", "correlation/causation"),
    ("effect", "delay", "delay ambulances", "correlation/causation"),
    ("effect", "push_up", "push up rents", "correlation/causation"),
    ("effect", "made_adj", "more durable", "correlation/causation"),
    ("effect", "forcing", "forcing hauliers", "correlation/causation"),
    ("moved", "on_news", "on the news", "correlation/causation"),
    ("moved", "as_change", "as more commuters", "correlation/causation"),
    ("moved", "over_pay", "walked out over pay", "correlation/causation"),
    ("moved", "row_over", "row over pension", "correlation/causation"),
    ("moved", "nothing_to_do", "nothing to do with", "correlation/causation"),
    ("moved", "as_result", "as a result of", "correlation/causation"),
    ("no amount", "to_place", "fell to fifth", "other"),
    ("no amount", "declined_to", "declined to say", "other"),
    ("no amount", "dropped_obj", "closing concert", "other"),
    ("no amount", "most_famous", "most famous", "other"),
    ("no amount", "bound", "most serious threat", "other"),
    ("no amount", "doer", "agreed to fund", "other"),
    ("measure", "worst_harm", "the worst disaster", "quantity"),
    ("measure", "enough", "enough nurses", "quantity"),
    ("measure", "double", "roughly double the number", "quantity"),
    ("measure", "eased", "has eased", "quantity"),
    ("rule", "told_to", "told to close", "laws/rules"),
    ("rule", "permit", "planning permit", "laws/rules"),
    ("rule", "condition", "on condition that", "laws/rules"),
    ("rule", "decided", "will allow cafes", "laws/rules"),
    ("no rule", "talked", "consulted on a ban", "other"),
    ("prediction", "ahead", "in three weeks' time", "prediction"),
    ("prediction", "plan", "repeat the survey", "prediction"),
    ("prediction", "expected_law", "become law", "prediction"),
    ("experience", "never", "never owned", "personal experience"),
    ("experience", "kin", "lost his job", "personal experience"),
]

SPEAKERS = [
    # (cause, text, part of the statement's anchor, words the speaker holds)
    ("description", "supplier", "test the part", ("brake supplier",)),
    ("his", "his_family", "died at home", ("Doyle", "family")),
    ("police", "police", "released on bail", ("Somerset Police",)),
    ("police", "police", "no sign of forced entry", ("Somerset Police",)),
    ("place", "city", "extra trams", ("Lisbon", "city")),
    ("two subjects", "two_subjects", "sleeping rough", ("charity Homewatch",)),
    ("regulator", "watchdog", "shortage of nurses", ("Health Services Commission",)),
    ("speech act", "denies", "arming the militia", ("Uganda",)),
    ("speech act", "urged", "return to talks", ("EU foreign ministers",)),
]


@pytest.fixture(scope="module")
def extracted():
    return claims_by_key(TEXTS)


def _statement(claims, part):
    found = [c for c in claims if c.kind == "statement" and part in c.anchor]
    assert found, [(c.kind, c.anchor) for c in claims]
    return min(found, key=lambda c: len(c.anchor))  # the clause itself, not one holding it


def test_a_denial_of_a_pronoun_is_no_speech_act(extracted):
    """ "Northline denied that.": what it denies is told elsewhere; the denial is the
    article's own report of an event, credited to nobody."""
    found = [c for c in extracted["denied_that"] if c.kind == "statement" and "denied" in c.anchor]
    assert all(c.speaker is None for c in found), [(c.anchor, c.speaker) for c in found]


@pytest.mark.parametrize(("cause", "key", "part", "ctype"), TYPES, ids=lambda v: str(v)[:24])
def test_the_statement_has_its_claim_type(extracted, cause, key, part, ctype):
    found = _statement(extracted[key], part)
    assert found.claim_type == ctype, (cause, found.claim_type, found.anchor)


@pytest.mark.parametrize(("cause", "key", "part", "words"), SPEAKERS, ids=lambda v: str(v)[:24])
def test_the_statement_is_credited_to_who_the_article_means(extracted, cause, key, part, words):
    got = _statement(extracted[key], part).speaker or ""
    assert all(w in got for w in words), (cause, got)


def test_a_name_after_a_role_noun_is_a_person_even_when_tagged_as_a_body():
    """ "Opposition housing spokesperson Tara Quinlan said ... She said ...": the tagger
    may take the name for an organisation; after a noun of a person's role it is a
    person's, and the "she" that follows stands for her."""
    from spacy.tokens import Span

    from workbench.core.nlp.pipeline import load_pipeline
    from workbench.core.nlp.quotes import SpeakerTracker
    from workbench.core.nlp.speech import reports

    doc = load_pipeline()(
        "Opposition housing spokesperson Tara Quinlan said the council had sold 300 homes. "
        "She said most of them had been bought by landlords."
    )
    start = next(t.i for t in doc if t.text == "Tara")
    doc.ents = [Span(doc, start, start + 2, label="ORG")]
    tracker = SpeakerTracker()
    said = []
    for sent in doc.sents:
        tracker.observe(sent)
        said.append(reports(sent, tracker))
    assert [r.speaker for r in said[1]] == ["Tara Quinlan"]
