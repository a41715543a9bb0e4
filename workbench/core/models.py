"""The data model: Article, Claim, Link, Verdict, Change.

Plain dataclasses with ``to_dict``/``from_dict`` so that they round-trip through
JSON (the extract format, the store, the exports). Offsets always refer to
``Article.text``, the cleaned text.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from .vocabulary import FINAL_STATUSES as _FINAL
from .vocabulary import Action, Origin, Stance, Status

STATUSES: tuple[str, ...] = tuple(Status)
"""Verdict statuses, in the order the UI lists them (``vocabulary.Status``)."""

FINAL_STATUSES: tuple[str, ...] = _FINAL
"""Statuses that count as reviewed (dismissed too: progress can reach 100%)."""

STANCES: tuple[str, ...] = tuple(Stance)
"""Stance of an evidence link towards its claim (``vocabulary.Stance``)."""

CLAIM_KINDS: tuple[str, ...] = (
    "quantity",
    "money",
    "percent",
    "date",
    "duration",
    "ordinal",
    "quote",
    "event",
    "statement",
    "consistency",
)
"""What a claim is about (``Claim.kind``); a reviewer's claim with no number or date
in its anchor is a ``statement``."""


def content_hash(text: str, length: int = 16) -> str:
    """Hex SHA-256 prefix of ``text`` (the article id is the hash of its clean text)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


def _from_dict(cls: type, data: dict[str, Any]) -> Any:
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})


@dataclass(frozen=True)
class Article:
    """An article: ``id`` is the content hash of ``text`` (the clean text)."""

    id: str
    title: str
    source: str
    text: str
    fetched_at: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    """Extra facts about the article: author, published date, encoding, ..."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        return _from_dict(cls, data)


@dataclass(frozen=True)
class Claim:
    """One checkable fact, anchored in its article's clean text.

    ``id`` is stable: it depends only on the kind, the anchor, the sentence and
    the occurrence of that triple in the article, so the same text gives the same
    ids and an edit in one paragraph leaves the ids of other paragraphs unchanged.
    Ids are unique within an article.
    """

    id: str
    article_id: str
    kind: str
    anchor: str
    start: int
    end: int
    sentence: str
    sentence_start: int
    sentence_end: int
    label: str
    value: dict[str, Any] = field(default_factory=dict)
    entities: list[dict[str, Any]] = field(default_factory=list)
    worthiness: float | None = None
    claim_type: str | None = None
    """Full Fact's typology: quantity, correlation/causation, laws/rules, prediction,
    personal experience, other (None when not classified)."""
    speaker: str | None = None
    """Who the article credits with the claim (quotes, attributed statements), else None."""
    origin: str = Origin.EXTRACTED
    """``Origin.EXTRACTED`` (found by the extractor) or ``Origin.REVIEWER`` (added by
    hand: kept across re-extraction and re-import)."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Claim:
        return _from_dict(cls, data)


def claim_id(kind: str, anchor: str, sentence: str, occurrence: int = 0) -> str:
    """The stable id of a claim (12 hex digits)."""
    key = "\x1f".join((kind, anchor, " ".join(sentence.split()), str(occurrence)))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


@dataclass
class Link:
    """An evidence link attached to a claim's verdict."""

    url: str
    title: str = ""
    stance: str = Stance.CONTEXT
    """``vocabulary.Stance``: supports, refutes or context."""
    added_at: str = ""
    check: dict[str, Any] | None = None
    """Last check: {"status_code", "final_url", "title", "checked_at", "ok", "error"}."""
    archive: dict[str, Any] | None = None
    """Closest Internet Archive snapshot: {"url", "timestamp", "checked_at"}."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Link:
        return _from_dict(cls, data)


@dataclass
class Verdict:
    """The reviewer's verdict on one claim."""

    claim_id: str
    article_id: str
    status: str = Status.UNREVIEWED
    """``vocabulary.Status``."""
    note: str = ""
    """The reviewer's note (several lines); for a dismissed claim, why."""
    links: list[Link] = field(default_factory=list)
    reviewer: str = ""
    updated_at: str = ""
    label: str = ""
    """The reviewer's wording of the claim ("" = the extracted ``Claim.label``; the
    JSON export keeps the extracted one as ``extracted_label``)."""
    orphaned: bool = False
    """True when a re-import removed the claim: the verdict is kept, never dropped."""

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["links"] = [link.to_dict() for link in self.links]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Verdict:
        verdict: Verdict = _from_dict(cls, data)
        verdict.links = [
            link if isinstance(link, Link) else Link.from_dict(link) for link in verdict.links
        ]
        return verdict


@dataclass(frozen=True)
class Change:
    """One row of the append-only history: who changed what, when, from what to what."""

    seq: int
    article_id: str
    claim_id: str
    field: str
    """``vocabulary.Field``: status, note, links, link_check, label, claim, claim_id,
    orphaned, title."""
    old: Any
    new: Any
    reviewer: str
    at: str
    action: str = Action.EDIT
    """``vocabulary.Action``: edit, undo, redo, import (a JSON import, or a re-import
    that moved or orphaned the verdict), merge or check (a link check)."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Change:
        return _from_dict(cls, data)
