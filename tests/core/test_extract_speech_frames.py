"""Who said it (issue 11, item 2), second round, on our own sentences: reporting frames
whose subject heard the report rather than made it ("the court heard", "the jury was
told", "documents seen by a newspaper show"), unnamed sources counted by a number ("two
people familiar with the matter": the count is no claim, the whole phrase is the
source), a pronoun after an unnamed speaker, and bodies the entity tagger missed or
split ("the state broadcaster RTVE", "the company" after such a body, "the figures"
after figures from a named body). All texts go through one ``extract_many`` pass."""

from __future__ import annotations

import pytest
from extract_fixtures import claims_by_key

TEXTS = {
    # frames: the hearer is not the source, and the frame alone is no claim
    "court_heard": "The court heard that Petra Lang had taken the money from the charity.",
    "tribunal_heard": "The tribunal heard the airline had dismissed the pilot without a hearing.",
    "jury_told": "The jury was told that the driver had been drinking before the crash.",
    "seen_by": "Documents seen by The Guardian show that the ministry paid the firm twice.",
    "obtained_by": "Emails obtained by the newspaper show the mayor had approved the permit.",
    # a number of unnamed sources is no claim; the whole phrase is the source
    "two_people": "Two people familiar with the matter said the deal was close.",
    "three_officials": "Three officials close to the talks said the ceasefire would hold.",
    "one_of": "The bank will close its office in Lyon, one of the people said.",
    # a pronoun after an unnamed speaker is that speaker, not the last name
    "she_spokes": "Health Minister Anna Kovacs resigned on Friday. A spokeswoman for the "
    "ministry said the contract had been cancelled. She told reporters that no money had "
    "been paid to the firm.",
    "he_official": "Mayor Tom Reyes left office in May. A senior official said the budget "
    "had been cut. He added that the libraries would close in June.",
    # a verb of saying inside a relative clause reports only what follows it
    "rel_whose": "The mine was closed in March by Harmony Gold, whose chief executive "
    "Peter Steenkamp said the shaft was unsafe.",
    "rel_that": "The bridge reopened after repairs that engineer Paul Grant said had cost "
    "more than planned.",
    "he_prosecutor": "Judge Ann Cole opened the hearing on Monday. The prosecutor said the "
    "firm had lied to its investors. \u201cIt hid the losses for years,\u201d he added.",
    # a verb of saying set off inside the clause it reports
    "paren_pronoun": "Dr Helen Moss runs the clinic. The new wing, she says, has been "
    "delayed by a shortage of nurses.",
    "paren_name": "Alan Reid chairs the port authority. The deal would, Reid said, bring "
    "more ships to the harbour.",
    # a titled surname is the person named before, not a new one
    "titled_later": "Dr Helen Moss says the vaccine is safe. Ms Moss believes the outbreak "
    "has peaked in the north.",
    "two_companies": "Finance Minister Rui Costa spoke first. Costa said on Twitter that the "
    "contract had been signed. The two companies said in a joint statement that the merger "
    "had been approved.",
    # a quote paragraph with no credit, after a reported clause: the same speaker
    "follow_on": "Factory owner Tom Hardy said the plant would close in June.\n\n"
    "\u201cWe tried everything to keep it open, but the orders just dried up.\u201d",
    # bodies the tagger missed or split
    "appos_body": "Ratings fell sharply, the state broadcaster RTVE said on Monday.",
    "company_after": "Thames Vale Water said a burst main had flooded the road. The company "
    "said it had repaired the pipe by midnight.",
    "place_body": "North East Water said a burst main had flooded the road. The company said "
    "its engineers had repaired the pipe by midnight.",
    "appos_untagged": "Night trains to Vienna will be cut next year, the national operator "
    "SNCB said.",
    "split_name": "According to the Spanish Society of Family Medicine, waiting times at "
    "health centres have doubled since December.",
    "it_after_office": "The prime minister's office said in a statement that the talks had "
    "ended. It added that a new round would be held in Oslo.",
    "appos_org": "Demir's party, the Republican People's Party, said it would challenge the "
    "result in court.",
    "who_told": "Union leader Maria Lopez, who told reporters the pickets had been attacked, "
    "called for calm.",
    "figures_after": "Crime fell in the city last year, according to figures published by "
    "the Home Office. Burglaries fell the most of any offence, the figures showed.",
}

CASES = [
    # (key, a part of the statement's anchor, words its speaker must hold, or None: no speaker)
    ("court_heard", "had taken the money", None),
    ("tribunal_heard", "had dismissed the pilot", None),
    ("jury_told", "had been drinking", None),
    ("two_people", "the deal was close", ("familiar with the matter",)),
    ("three_officials", "the ceasefire would hold", ("close to the talks",)),
    ("she_spokes", "no money had been paid", ("ministry",)),
    ("he_official", "libraries would close", ("official",)),
    ("rel_whose", "the shaft was unsafe", ("Peter Steenkamp",)),
    ("rel_that", "had cost more", ("Paul Grant",)),
    ("paren_pronoun", "shortage of nurses", ("Helen Moss",)),
    ("paren_name", "more ships", ("Alan Reid",)),
    ("titled_later", "outbreak has peaked", ("Helen Moss",)),
    ("appos_body", "Ratings fell", ("RTVE",)),
    ("company_after", "repaired the pipe", ("Thames Vale Water",)),
    ("figures_after", "Burglaries fell", ("Home Office",)),
    ("place_body", "repaired the pipe", ("North East Water",)),
    ("who_told", "pickets had been attacked", ("Maria Lopez",)),
    ("it_after_office", "new round would be held", ("prime minister's office",)),
    ("appos_org", "challenge the result", ("Republican People's Party",)),
    ("appos_untagged", "Night trains to Vienna", ("SNCB",)),
    ("split_name", "health centres have doubled", ("Spanish Society of Family Medicine",)),
]


@pytest.fixture(scope="module")
def extracted():
    return claims_by_key(TEXTS)


@pytest.mark.parametrize(("key", "part", "words"), CASES, ids=lambda v: str(v)[:24])
def test_the_reported_clause_is_credited_to_its_source(extracted, key, part, words):
    found = [c for c in extracted[key] if c.kind == "statement" and part in c.anchor]
    found.sort(key=lambda c: len(c.anchor))  # the reported clause, not a sentence holding it
    assert found, [(c.kind, c.anchor, c.speaker) for c in extracted[key]]
    got = found[0].speaker
    if words is None:
        assert got is None, got
    else:
        assert got is not None and all(w in got for w in words), got


def test_a_follow_on_quote_paragraph_carries_the_reported_speaker(extracted):
    quotes = [c for c in extracted["follow_on"] if c.kind == "quote"]
    assert quotes and quotes[0].speaker == "Tom Hardy", [(c.anchor, c.speaker) for c in quotes]


def test_a_quote_after_an_unnamed_speaker_is_that_speakers(extracted):
    quotes = [c for c in extracted["he_prosecutor"] if c.kind == "quote"]
    assert quotes and quotes[0].speaker == "prosecutor", [(c.anchor, c.speaker) for c in quotes]


@pytest.mark.parametrize(
    ("key", "part", "who"),
    [
        ("rel_whose", "closed", "Steenkamp"),
        ("rel_that", "reopened", "Grant"),
        ("two_companies", "merger had been approved", "Costa"),
    ],
)
def test_not_credited_to_someone_else(extracted, key, part, who):
    """A main clause is not credited through a relative clause; "the two companies" is
    not the last body named (nor a surname the tagger took for a body)."""
    wrong = [c for c in extracted[key] if part in c.anchor and who in (c.speaker or "")]
    assert not wrong, [(c.kind, c.anchor, c.speaker) for c in wrong]


@pytest.mark.parametrize(
    ("key", "part", "reader"),
    [("seen_by", "paid the firm", "Guardian"), ("obtained_by", "approved the permit", "newspaper")],
)
def test_who_read_a_document_is_not_its_source(extracted, key, part, reader):
    found = [c for c in extracted[key] if c.kind == "statement" and part in c.anchor]
    assert found, [(c.kind, c.anchor, c.speaker) for c in extracted[key]]
    assert reader not in (found[0].speaker or ""), found[0].speaker


@pytest.mark.parametrize("key", ["court_heard", "tribunal_heard", "jury_told"])
def test_a_frame_alone_makes_no_claim(extracted, key):
    frames = [c for c in extracted[key] if c.anchor.split()[-1] in ("heard", "told")]
    assert not frames, [(c.kind, c.anchor) for c in frames]


@pytest.mark.parametrize("key", ["two_people", "three_officials", "one_of"])
def test_the_number_of_unnamed_sources_is_no_claim(extracted, key):
    counts = [c for c in extracted[key] if c.kind == "quantity"]
    assert not counts, [(c.anchor, c.label) for c in counts]
