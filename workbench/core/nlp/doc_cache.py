"""Values spaCy recomputes on every access, read once per parsed unit.

``Doc.text`` joins every token again, ``Doc.ents`` and ``Span.ents`` walk every token of
the doc. A unit can reach 20,000 characters (``prose.MAX_UNIT_CHARS``), so one such
walk per sentence or per claim made a long unit quadratic. The values are kept in the
doc's ``user_data``; nothing in the extractor changes a doc's text or entities after
the parse.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_TEXT = "workbench.doc_text"
_ENTS = "workbench.doc_ents"
UNMARKED = "workbench.unmarked"
"""(``markup.Unmarked``, the unit's text as the article has it) when the parser read
the unit without its markup tags."""


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def literal_slice(doc: Doc, start: int, end: int) -> str:
    """The article's own text for the doc's characters ``start``-``end`` (markup tags
    and all, when the parser read the unit without them)."""
    unmarked = doc.user_data.get(UNMARKED)
    if unmarked is None:
        return doc_text(doc)[start:end]
    where, literal = unmarked
    return literal[where.start(start) : where.end(end)]


def unit_offsets(doc: Doc) -> tuple[Callable[[int], int], Callable[[int], int]]:
    """Functions taking a start and an end offset in the doc to the unit's own text."""
    unmarked = doc.user_data.get(UNMARKED)
    if unmarked is None:
        return _same, _same
    return unmarked[0].start, unmarked[0].end


def _same(offset: int) -> int:
    return offset


def _ents(doc: Doc) -> tuple[tuple[Span, ...], list[int]]:
    cached = doc.user_data.get(_ENTS)
    if cached is None:
        ents = tuple(doc.ents)
        cached = doc.user_data[_ENTS] = (ents, [e.start for e in ents])
    return cached


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, walked once."""
    return _ents(doc)[0]


def span_ents(span: Span) -> list[Span]:
    """``span.ents`` (the entities wholly inside the span, as spaCy gives them: up to
    the first one that starts inside and runs past its end) without walking the doc."""
    ents, starts = _ents(span.doc)
    out: list[Span] = []
    for i in range(bisect_left(starts, span.start), len(ents)):
        ent = ents[i]
        if ent.end > span.end:
            break
        out.append(ent)
    return out


def entity_at(doc: Doc, i: int) -> Span | None:
    """The entity holding token ``i``, if any."""
    ents, starts = _ents(doc)
    k = bisect_left(starts, i + 1) - 1
    if k >= 0 and ents[k].start <= i < ents[k].end:
        return ents[k]
    return None


def span_text(span: Span) -> str:
    """``span.text`` (which joins the span's tokens again), sliced from the doc's text:
    ``span.start_char`` to ``span.end_char`` is exactly the span's text."""
    return doc_text(span.doc)[span.start_char : span.end_char]
