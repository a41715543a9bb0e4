"""Values computed once per spaCy ``Doc`` and shared by every module that reads them.

``doc.text`` and ``span.text`` rebuild their string from every token each time they
are read (a Python ``Token`` per token), and the claim finder reads them for every
sentence, quote and claim. The text of a doc is kept in ``doc.user_data`` the first
time it is asked for; a span's text is then a slice of it (``span.start_char`` to
``span.end_char`` is exactly ``span.text``). The docs the extractor reads are never
changed after parsing, so nothing here goes stale.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span

_TEXT = "workbench.memo.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per doc."""
    data = doc.user_data
    text = data.get(_TEXT)
    if text is None:
        text = data[_TEXT] = doc.text
    return text


def span_text(span: Span) -> str:
    """``span.text``, sliced from the doc's text."""
    return doc_text(span.doc)[span.start_char : span.end_char]


_ENTS = "workbench.memo.ents"


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per doc (each read of it makes a new Span per entity)."""
    data = doc.user_data
    found = data.get(_ENTS)
    if found is None:
        ents = doc.ents
        found = data[_ENTS] = (ents, [e.start for e in ents])
    return found[0]


def span_ents(span: Span) -> list[Span]:
    """``span.ents``: the doc's entities that start in the span, in order, up to the
    first that runs past its end (spaCy's own rule), from the entities built once."""
    doc_ents(span.doc)
    ents, starts = span.doc.user_data[_ENTS]
    out = []
    end = span.end
    for k in range(bisect_left(starts, span.start), len(ents)):
        ent = ents[k]
        if ent.end > end:
            break
        out.append(ent)
    return out


def memo(doc: Doc, key: str) -> dict[Any, Any]:
    """A dict kept on ``doc`` under ``key``, for per-token or per-span values."""
    data = doc.user_data
    table = data.get(key)
    if table is None:
        table = data[key] = {}
    return table


_TABLE = "workbench.memo.table"


class Table:
    """Token attributes of a whole doc as plain lists, read once (``doc.to_array``): a
    loop can test its cheap conditions on ``table.pos[i]`` and build a ``Token`` only
    for the few tokens that pass. Each list holds exactly what the ``Token`` attribute
    of the same name gives (``lemma`` is ``lemma_.lower()``)."""

    __slots__ = (
        "dep",
        "ent_type",
        "head",
        "is_currency",
        "is_punct",
        "is_space",
        "is_title",
        "lemma",
        "like_num",
        "lower",
        "pos",
        "tag",
        "text",
    )

    def __init__(self, doc: Doc) -> None:
        import numpy as np
        from spacy import attrs as a
        from spacy.parts_of_speech import NAMES

        n = len(doc)
        names_of = [a.ORTH, a.LOWER, a.TAG, a.DEP, a.LEMMA, a.ENT_TYPE]
        flags = [a.POS, a.LIKE_NUM, a.IS_TITLE, a.IS_PUNCT, a.IS_SPACE, a.IS_CURRENCY]
        columns = doc.to_array([*names_of, *flags, a.HEAD]).reshape(n, 13)
        strings = doc.vocab.strings
        hashes = columns[:, :6]
        string_of = {h: strings[h] for h in set(hashes.ravel().tolist())}
        orth, lower, tag, dep, lemma, ent = (
            list(map(string_of.__getitem__, c)) for c in hashes.T.tolist()
        )
        pos, num, title, punct, space, currency = columns[:, 6:12].T.tolist() if n else [[]] * 6
        self.text, self.lower, self.tag, self.dep, self.ent_type = orth, lower, tag, dep, ent
        lowered = {x: x.lower() for x in set(lemma)}
        self.lemma = list(map(lowered.__getitem__, lemma))
        self.pos = list(map(NAMES.__getitem__, pos))
        self.like_num = list(map(bool, num))
        self.is_title = list(map(bool, title))
        self.is_punct = list(map(bool, punct))
        self.is_space = list(map(bool, space))
        self.is_currency = list(map(bool, currency))
        # HEAD is the offset of the head from the token (stored unsigned): its index
        self.head = (columns[:, 12].view("int64") + np.arange(n, dtype="int64")).tolist()


def table(doc: Doc) -> Table:
    """The doc's ``Table``, built once."""
    data = doc.user_data
    found = data.get(_TABLE)
    if found is None:
        found = data[_TABLE] = Table(doc)
    return found
