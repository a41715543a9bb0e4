"""Values computed once per spaCy ``Doc`` and shared by every module that reads them.

``doc.text`` and ``span.text`` rebuild their string from every token each time they
are read (a Python ``Token`` per token), and the claim finder reads them for every
sentence, quote and claim. The text of a doc is kept in ``doc.user_data`` the first
time it is asked for; a span's text is then a slice of it (``span.start_char`` to
``span.end_char`` is exactly ``span.text``). The docs the extractor reads are never
changed after parsing, so nothing here goes stale.
"""

from __future__ import annotations

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


def memo(doc: Doc, key: str) -> dict[Any, Any]:
    """A dict kept on ``doc`` under ``key``, for per-token or per-span values."""
    data = doc.user_data
    table = data.get(key)
    if table is None:
        table = data[key] = {}
    return table
