"""Who a statement is credited to (issue 11, item 2), on our own sentences in several
shapes per cause: a definite description pointing back to a named body or person ("the
company said", "the judge found"), the source behind a document ("according to a
statement from X", "a study by researchers at X found"), staff of a named body
("forecasters at X said"), a name set off before the verb ("The envoy, Anders Lund,
said"), a report inside another report (the outer speaker is the source) and a fronted
or closing "according to" the parser hung low. All texts go through one
``extract_many`` pass."""

from __future__ import annotations

import pytest
from extract_fixtures import claims_by_key

TEXTS = {
    # a definite description points back to the body or person named before
    "the_company": "Dutch brewer Vandermeer posted a loss in May. The plant in Ghent will "
    "close next year, the company said on Monday.",
    "the_operator": "Trains stopped at noon. The signals failed because of a power cut, the "
    "national rail operator Railnet said. The operator said services had resumed by 6pm.",
    "the_judge": "Circuit Judge Helen Okafor ruled on Tuesday. The judge found that the "
    "landlord had changed the locks without a court order.",
    "the_union": "Unite, the transport workers' union, called the strike. The union said its "
    "members had not been paid since April.",
    "the_department": "The Commerce Department published its figures on Friday. The "
    "department said exports had fallen for a third month.",
    "the_organisation": "The World Health Organization issued new guidance. The organisation "
    "said the vaccine had been approved for children.",
    "the_carmaker": "Toyota recalled thousands of cars in May. The carmaker said a faulty sensor "
    "had caused the problem.",
    "the_central_bank": "The Federal Reserve held rates steady. The central bank said inflation "
    "had eased in the spring.",
    # the source behind a document
    "statement_from": "The two leaders signed a gas deal, according to a statement from the "
    "Croatian presidency.",
    "study_by": "A study by researchers at Leiden University found that the dykes had been "
    "weakened by years of drought.",
    "figures_of": "The Met Office issued a warning. Most of the rain fell in the north, "
    "according to the office's latest figures.",
    "data_from": "Sales of new homes fell sharply in March, data from Eurostat showed on Tuesday.",
    # staff of a named body
    "staff_at": "Forecasters at the Irish Meteorological Service said the storm would reach "
    "the coast by Sunday.",
    "staff_of": "Foreign ministers of the Nordic Council said in a joint statement that the "
    "border had been closed.",
    # a name set off by commas before the verb
    "appos_envoy": "The European Union envoy for Kosovo, Miroslav Lajcak, said on Thursday "
    "that both sides had agreed to meet again.",
    "appos_spokesman": "So far, no troops have crossed the river, the army spokesman, Col. "
    "Pierre Mbeki, told reporters. He said the bridges had been closed.",
    # a report inside a report: the outer speaker is the article's source
    "nested_believed": "Cabot's director, Simon Pryce, told the court the firm had believed "
    "the tenants had left the flats.",
    "nested_showed": "Finance Minister Ana Berg told the BBC that the report showed the tax "
    "cut had worked.",
    "nested_saying": "Judge Martin Hale rejected that account, saying emails showed the firm "
    "had ordered the evictions.",
    # "he" after a surname speaker; a fronted quote's "He" says nothing of its speaker
    "he_after_quote": "Geert Wilders, whose party won the most seats, said his demands had "
    "been ignored.\n\n“He chose his party over the country,” VVD leader Dilan Yesilgoz said."
    "\n\nMarkets barely reacted.\n\nWilders told supporters in a video posted on X that he "
    "would run for prime minister. He has said before that he would not join a government "
    "led by another party.",
    # a verb of saying in two words, or on social media
    "pointed_out": "Mayor Elena Varga pointed out that the northern bridge had been closed to "
    "lorries since March.",
    "made_clear": "Finance Minister Ana Berg made clear that the tax on fuel had been raised "
    "twice this year.",
    "posted": "Coach Tim Reyes posted on Facebook that the club had been sold to a local "
    "businessman.",
    # a name the tagger split (a capitalised preposition inside it)
    "cap_prep": "Reporters Without Borders said the journalists had been detained without "
    "charge.",
    "cap_prep2": "Doctors Without Borders said its clinic in the north had been looted.",
    # "X was quoted as saying"; a titled surname ("Mr Dlamini") is who "he" is, untitled
    "quoted_as": "Deputy Mayor Paul Okoro was quoted as saying that the old bridge had been "
    "closed.",
    "titled_he": "Mr Dlamini said the mine had closed in 2019. The mine never reopened, he said.",
    "titled_she": "Ms Okafor said the school had shut in May. She said the pupils had been "
    "moved to Leeds.",
    # "according to" opening or closing the sentence credits the main clause
    "according_front": "Rentwise, a tenants' group, runs a hotline. According to the group, "
    "complaints reported to councils have risen sharply since 2021, but prosecutions remain rare.",
    "according_end": "Bristol has some of the highest rents in the country, with the average "
    "flat now let for 1,650 pounds a month, according to the Office for National Statistics.",
    # "said in a statement that ...": the clause the parser hung on "statement"
    "in_statement": "The transport ministry said in a statement that it had suspended the "
    "licence of the ferry operator.",
    "in_interview": "Mayor Elena Varga said in an interview that the northern bridge would "
    "reopen in May.",
    # a spokesperson speaks for the body, even "a spokeswoman for the regulator"
    "spokes_for": "A spokeswoman for the water regulator said the company had broken its "
    "licence twice.",
    "spokes_of": "A spokesman for Northern Rail said the line had been closed since Friday.",
    # staff of a body the entity tagger left unlabelled
    "staff_untagged": "Analysts at Barclays expect the central bank to cut rates in June.",
    # "the company" is no court named before it: the company, unnamed
    "company_not_court": "The Federal Court on Monday dismissed a challenge to the mine. The "
    "company said in a filing that output had fallen in the quarter.",
    # who "the manager" is when both managers were named: the one who spoke last
    "the_manager": "Home manager Gary Pruitt praised his players. The visitors' manager, Alan "
    "Voss, said the referee had lost control of the game.\n\nPruitt said no club had made an "
    "offer for his striker.\n\n'He's going nowhere this summer,' the manager said.",
    "the_coach": "Coach Maria Lind said her team had trained all week. The rival coach, Sara "
    "Holm, said the pitch had been frozen.\n\nLind said the match would go ahead.\n\n'We are "
    "ready for anything they throw at us,' the coach said.",
}

QUOTES = [
    # (text, words of the quote, its speaker)
    ("the_manager", "going nowhere", "Gary Pruitt"),
    ("the_coach", "ready for anything", "Maria Lind"),
]

CASES = [
    # (cause, text, part of the statement's anchor, words its speaker holds)
    ("description", "the_company", "close next year", ("Vandermeer",)),
    ("description", "the_operator", "services had resumed", ("Railnet",)),
    ("description", "the_judge", "changed the locks", ("Helen Okafor",)),
    ("description", "the_union", "not been paid", ("Unite",)),
    ("description", "the_department", "exports had fallen", ("Commerce Department",)),
    ("description", "the_organisation", "approved for children", ("World Health Organization",)),
    ("description", "the_carmaker", "faulty sensor", ("Toyota",)),
    ("description", "the_central_bank", "inflation had eased", ("Federal Reserve",)),
    ("document", "statement_from", "signed a gas deal", ("Croatian presidency",)),
    ("document", "study_by", "weakened", ("Leiden University",)),
    ("document", "figures_of", "fell in the north", ("Met Office",)),
    ("document", "data_from", "fell sharply", ("Eurostat",)),
    ("staff", "staff_at", "reach the coast", ("Forecasters", "Irish Meteorological Service")),
    ("staff", "staff_of", "border had been closed", ("Foreign ministers", "Nordic Council")),
    ("appositive", "appos_envoy", "agreed to meet again", ("Miroslav Lajcak",)),
    ("appositive", "appos_spokesman", "no troops have crossed", ("Pierre Mbeki",)),
    ("appositive", "appos_spokesman", "bridges had been closed", ("Pierre Mbeki",)),  # "He said"
    ("nested", "nested_believed", "tenants had left", ("Simon Pryce",)),
    ("nested", "nested_showed", "tax cut had worked", ("Ana Berg",)),
    ("nested", "nested_saying", "ordered the evictions", ("Martin Hale",)),
    ("pronoun", "he_after_quote", "not join a government", ("Geert Wilders",)),
    ("phrasal", "pointed_out", "northern bridge", ("Elena Varga",)),
    ("phrasal", "made_clear", "tax on fuel", ("Ana Berg",)),
    ("phrasal", "posted", "club had been sold", ("Tim Reyes",)),
    ("split name", "cap_prep", "detained", ("Reporters Without Borders",)),
    ("split name", "cap_prep2", "looted", ("Doctors Without Borders",)),
    ("quoted", "quoted_as", "old bridge", ("Paul Okoro",)),
    ("titled", "titled_he", "never reopened", ("Dlamini",)),
    ("titled", "titled_she", "pupils had been", ("Okafor",)),
    ("according", "according_front", "have risen sharply", ("Rentwise",)),
    ("according", "according_end", "highest rents", ("Office for National Statistics",)),
    ("frame", "in_statement", "suspended the licence", ("transport ministry",)),
    ("frame", "in_interview", "would reopen", ("Elena Varga",)),
    ("staff", "staff_untagged", "cut rates", ("Analysts", "Barclays")),
    ("not a business", "company_not_court", "output had fallen", ("company",)),
    ("spokesperson", "spokes_for", "broken its licence", ("water regulator",)),
    ("spokesperson", "spokes_of", "line had been closed", ("Northern Rail",)),
]


@pytest.fixture(scope="module")
def extracted():
    return claims_by_key(TEXTS)


@pytest.mark.parametrize(("cause", "key", "part", "words"), CASES, ids=lambda v: str(v)[:24])
def test_the_statement_is_credited_to_who_the_article_means(extracted, cause, key, part, words):
    found = [c for c in extracted[key] if c.kind == "statement" and part in c.anchor]
    assert found, [(c.kind, c.anchor) for c in extracted[key]]
    got = found[0].speaker or ""
    assert all(w in got for w in words), (cause, got)
    assert not got.startswith(("Mr ", "Ms ", "Dr ")), got  # people without titles


@pytest.mark.parametrize(("key", "part", "speaker"), QUOTES)
def test_a_quote_is_credited_to_who_the_description_means(extracted, key, part, speaker):
    found = [c for c in extracted[key] if c.kind == "quote" and part in c.anchor]
    assert found, [(c.kind, c.anchor) for c in extracted[key]]
    assert speaker in (found[0].speaker or ""), found[0].speaker
