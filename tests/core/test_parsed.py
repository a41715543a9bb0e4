"""``parsed.py``: a doc read once into plain tokens gives exactly spaCy's values."""

from __future__ import annotations

import itertools

import pytest

from workbench.core.articles import make_article
from workbench.core.nlp import extract as extract_module
from workbench.core.nlp.extract import Extractor
from workbench.core.nlp.parsed import Parsed, Part, Tok, parsed
from workbench.core.nlp.pipeline import load_pipeline

TEXTS = [
    "So far, no Russian troops have crossed the border, the ministry said on Monday.",
    "“We will not back down,” she told reporters in Minsk. Prices rose 4.5% to $12.5m "
    "in 2019 — the highest since ’91 — while nearly all of the 1,200 staff, who were "
    "detained, left.",
    "Is it true?  Yes!\n\nA third of voters back the plan, according to the poll of "
    "2,000 adults by Ipsos.",
    "",
]

ATTRS = (
    "text lower_ lemma_ pos_ tag_ dep_ ent_type_ idx whitespace_ like_num is_punct "
    "is_space is_currency is_title is_alpha ent_iob_ is_sent_start"
).split()


@pytest.fixture(scope="module")
def docs():
    nlp = load_pipeline()
    return [nlp(t) for t in TEXTS]


def _ids(tokens):
    return [t.i for t in tokens]


def test_tokens_match_spacy(docs):
    for doc in docs:
        fast = parsed(doc)
        assert isinstance(fast, Parsed) and parsed(fast) is fast
        assert len(fast) == len(doc) and fast.text == doc.text
        for tok, real in zip(fast, doc, strict=True):
            assert isinstance(tok, Tok)
            for name in ATTRS:
                assert getattr(tok, name) == getattr(real, name), (name, real.text)
            assert tok.doc is fast and tok.i == real.i and len(tok) == len(real)
            assert tok.head.i == real.head.i
            assert _ids(tok.children) == _ids(real.children)
            assert _ids(tok.lefts) == _ids(real.lefts)
            assert _ids(tok.rights) == _ids(real.rights)
            assert _ids(tok.subtree) == _ids(real.subtree)
            assert _ids(tok.ancestors) == _ids(real.ancestors)
            assert tok.left_edge.i == real.left_edge.i
            assert tok.right_edge.i == real.right_edge.i
            assert (tok.sent.start, tok.sent.end) == (real.sent.start, real.sent.end)
            assert tok.n_lefts == real.n_lefts and tok.n_rights == real.n_rights
        assert parsed(doc, doc.text).text == doc.text
        assert parsed(doc, doc.text + "x").text == doc.text  # not the doc's text: not taken
        # one object per token: equality is spaCy's (same doc, same token)
        if len(fast) > 1:
            assert fast[0] == fast[0] and fast[0] != fast[1] and fast[0] < fast[1]
            assert fast[1].nbor(-1) is fast[0]
            with pytest.raises(IndexError):
                fast[len(fast) - 1].nbor()


def _same_span(part, span):
    if span is None:
        return part is None
    return (
        isinstance(part, Part)
        and (part.start, part.end, part.start_char, part.end_char, part.text, len(part))
        == (span.start, span.end, span.start_char, span.end_char, span.text, len(span))
        and [t.i for t in part] == [t.i for t in span]
    )


def test_spans_match_spacy(docs):
    for doc in docs:
        fast = parsed(doc)
        assert [(s.start, s.end) for s in fast.sents] == [(s.start, s.end) for s in doc.sents]
        assert [(e.start, e.end, e.label_, e.text) for e in fast.ents] == [
            (e.start, e.end, e.label_, e.text) for e in doc.ents
        ]
        n = len(doc)
        for a, b in itertools.product(range(-2, n + 2, 3), range(-2, n + 3, 2)):
            assert _same_span(fast[a:b], doc[a:b])
            if 0 <= a < b <= n:
                assert fast[a:b].root.i == doc[a:b].root.i
                assert _same_span(fast[a:b][1:], doc[a:b][1:])
                assert fast[a:b][-1] is fast[b - 1]
        size = len(doc.text)
        for s, e in itertools.product(range(0, size + 1, 4), range(0, size + 2, 5)):
            if s >= e:
                continue
            for mode in ("strict", "expand", "contract"):
                assert _same_span(
                    fast.char_span(s, e, alignment_mode=mode),
                    doc.char_span(s, e, alignment_mode=mode),
                )
        if n:
            with pytest.raises(IndexError):
                fast[0:1][1]


def test_extraction_is_the_same_on_spacy_docs(monkeypatch):
    """The extractor reads the plain tokens; on spaCy's own objects it finds the same."""
    articles = [make_article(t, f"a{i}") for i, t in enumerate(TEXTS) if t]
    extractor = Extractor(nlp=load_pipeline())
    fast = [[c.to_dict() for c in claims] for claims in extractor.claims_many(articles)]
    monkeypatch.setattr(extract_module, "parsed", lambda doc, text=None: doc)
    slow = [[c.to_dict() for c in claims] for claims in extractor.claims_many(articles)]
    assert fast == slow and any(fast)


def test_release_breaks_the_links(docs):
    fast = parsed(docs[0])
    tok = fast[0]
    fast.release()
    assert len(fast) == 0 and tok.head is None and tok.doc is None


def test_values_first_met_are_learned_from_spacy(docs, monkeypatch):
    """With empty tables every value goes through ``_learn`` (a string id or a word met
    for the first time); a word known with a new lemma or tag only fills what is missing;
    a left edge asked twice is the same token."""
    from workbench.core.nlp import parsed as parsed_module

    monkeypatch.setattr(parsed_module, "_TABLES", {})
    doc = docs[1]
    first = Parsed(doc)
    strings, lexemes = parsed_module._tables(doc.vocab)
    for table, value in ((strings[0], doc[0].lemma_), (strings[2], doc[0].tag_)):
        del table[next(k for k, v in table.items() if v == value)]  # known word, new lemma
    second = Parsed(doc)
    for fast in (first, second):
        for tok, real in zip(fast, doc, strict=True):
            for name in ATTRS:
                assert getattr(tok, name) == getattr(real, name), (name, real.text)
            assert tok.left_edge is tok.left_edge and tok.left_edge.i == real.left_edge.i
    assert len(lexemes) == len({t.orth for t in doc})
