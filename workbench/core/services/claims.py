"""A claim the reviewer adds by hand (``workbench claim add``, the TUI's selection).

The reviewer names the text (the anchor, and which occurrence of it); the claim's
sentence, kind, value and label are derived as the extractor derives them: the
sentence is parsed and the first checkable entity inside the anchor gives the kind
and value (a number, a date, an amount, ...); an anchor with none is a
``statement``. The claim's origin is ``reviewer``: the store keeps it across
re-extraction and re-import, the change is in history and undoable.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..errors import InputError
from ..models import Article, Claim, claim_id
from ..store.interface import Store
from ..text import one_line
from ..vocabulary import Origin


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def find_anchor(article: Article, anchor: str, occurrence: int = 1) -> Span:
    """Offsets of the ``occurrence``-th (1-based) exact ``anchor`` in the article text."""
    text = one_line(anchor)
    if not text:
        raise InputError("--anchor is empty: give the exact text of the claim")
    if occurrence < 1:
        raise InputError("--occurrence counts from 1")
    body = article.text
    at, seen = -1, 0
    while seen < occurrence:
        at = body.find(text, at + 1)
        if at < 0:
            if seen == 0:
                raise InputError(
                    f"'{one_line(text, 60)}' is not in the article's text (give the exact "
                    "words, as `workbench claims` or the article shows them)"
                )
            raise InputError(
                f"'{one_line(text, 60)}' occurs {seen} time(s) in the article; "
                f"--occurrence {occurrence} is too many"
            )
        seen += 1
    return Span(at, at + len(text))


def sentence_bounds(text: str, span: Span) -> tuple[int, int]:
    """The sentence holding ``span`` (extended to cover all of it)."""
    from ..nlp.consistency import split_sentences

    start, end = span.start, span.end
    bounds = split_sentences(text)
    s = max((b for b, e in bounds if b <= start), default=0)
    e = min((e for b, e in bounds if e >= end), default=len(text))
    return s, max(e, end)


def derive_claim(article: Article, span: Span, model: str | None = None) -> Claim:
    """A reviewer's claim at ``span``: kind, value and label as the extractor gives them."""
    text = article.text
    s_start, s_end = sentence_bounds(text, span)
    sentence = text[s_start:s_end]
    anchor = text[span.start : span.end]
    kind, value, label, entities = _classify(
        sentence, span.start - s_start, span.end - s_start, model
    )
    return Claim(
        id=claim_id(kind, anchor, sentence, 0),
        article_id=article.id,
        kind=kind,
        anchor=anchor,
        start=span.start,
        end=span.end,
        sentence=sentence,
        sentence_start=s_start,
        sentence_end=s_end,
        label=label or one_line(anchor, 120),
        value=value,
        entities=entities,
        worthiness=None,
        origin=Origin.REVIEWER,
    )


def _classify(
    sentence: str, start: int, end: int, model: str | None
) -> tuple[str, dict[str, Any], str, list[dict[str, Any]]]:
    from ..nlp.entities import repair_entities
    from ..nlp.kinds import classify
    from ..nlp.labels import label_for
    from ..nlp.pipeline import load_pipeline

    doc = load_pipeline(model)(sentence)
    entities = [
        {"text": e.text, "label": e.label_, "start": e.start_char, "end": e.end_char}
        for e in doc.ents
    ]
    for sent in doc.sents:
        for ent in repair_entities(sent):
            if ent.start_char < start or ent.end_char > end:
                continue
            found = classify(ent)
            if found is None:
                continue
            kind, value = found
            whole = ent.start_char == start and ent.end_char == end
            return kind, value, label_for(ent, kind) if whole else "", entities
    return "statement", {}, "", entities


def add_claim(
    store: Store, article_ref: str, anchor: str, *, occurrence: int = 1, model: str | None = None
) -> Claim:
    """``workbench claim add ARTICLE --anchor TEXT [--occurrence N]``."""
    article = store.article(article_ref)
    span = find_anchor(article, anchor, occurrence)
    for claim in store.claims(article.id):
        if claim.start == span.start and claim.end == span.end:
            raise InputError(
                f"the article already has that claim: {claim.id} ({one_line(claim.label, 60)})"
            )
    claim = derive_claim(article, span, model)
    return store.add_claim(article.id, claim)
