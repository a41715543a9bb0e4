"""The data model: Article, Claim, Link (with its LinkCheck and ArchiveSnapshot), Verdict, Change.

Plain dataclasses with ``to_dict``/``from_dict`` so that they round-trip through
JSON (the extract format, the store, the exports). Offsets always refer to
``Article.text``, the cleaned text.
"""

from __future__ import annotations

import functools
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
    import hashlib  # here: a command that only reads the store never hashes

    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


@functools.cache
def _names(cls: type) -> frozenset[str]:
    return frozenset(f.name for f in fields(cls))


def _from_dict(cls: type, data: dict[str, Any]) -> Any:
    names = _names(cls)
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


def id_sentence(sentence: str) -> str:
    """The sentence as a claim id reads it: white space folded, so the same sentence at
    a paragraph's end and before a line break ("...buses.\n") is one sentence. Count
    occurrences by this (not the raw text), or two claims get one id."""
    return " ".join(sentence.split())


def claim_id(kind: str, anchor: str, sentence: str, occurrence: int = 0) -> str:
    """The stable id of a claim (12 hex digits)."""
    key = "\x1f".join((kind, anchor, id_sentence(sentence), str(occurrence)))
    import hashlib

    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def _text(value: Any, default: Any = "") -> Any:
    return value if isinstance(value, str) else default


def _stored(record: Any, names: tuple[str, ...]) -> dict[str, Any]:
    """A record as stored: the keys it was read with (``stored_keys``), else ``names``."""
    return {name: getattr(record, name) for name in record.stored_keys or names}


_CHECK_KEYS = ("ok", "status_code", "final_url", "title", "checked_at", "error")


@dataclass(frozen=True)
class LinkCheck:
    """The last check of an evidence link (``Link.check``)."""

    ok: bool = False
    """True when the server answered below 400."""
    status_code: int | None = None
    final_url: str | None = None
    """Where the link led after redirects."""
    title: str = ""
    checked_at: str = ""
    error: str | None = None
    """Why the link is dead (one line), None when it works."""
    refused: bool = False
    """Refused before any request (an unsafe scheme or address): says nothing about the link."""
    private: bool = False
    """Refused for its address (this machine, a private network): ``allow_private`` checks it."""
    stored_keys: tuple[str, ...] = field(default=(), compare=False, repr=False)
    """The keys of the stored form it was read from, written back the same; () = all keys."""

    def to_dict(self) -> dict[str, Any]:
        flags = tuple(name for name in ("refused", "private") if getattr(self, name))
        return _stored(self, _CHECK_KEYS + flags)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | LinkCheck) -> LinkCheck:
        """Read the stored form (any subset of the keys; values of a wrong type are dropped)."""
        if isinstance(data, LinkCheck):
            return data
        code = data.get("status_code")
        names = {f.name for f in fields(cls)} - {"stored_keys"}
        return cls(
            ok=data.get("ok") is True,
            status_code=code if isinstance(code, int) and not isinstance(code, bool) else None,
            final_url=_text(data.get("final_url"), None),
            title=_text(data.get("title")),
            checked_at=_text(data.get("checked_at")),
            error=_text(data.get("error"), None),
            refused=data.get("refused") is True,
            private=data.get("private") is True,
            stored_keys=tuple(key for key in data if key in names),
        )


def merge_check(old: LinkCheck | None, new: LinkCheck) -> LinkCheck:
    """The check to keep when ``new`` arrives for a link last checked ``old``.

    The one rule for every writer (CLI, TUI, store): a check refused before any
    request (a private address without ``allow_private``, an unsafe redirect)
    says nothing about the link, so it never replaces an earlier real result.
    """
    if new.refused and old is not None and not old.refused:
        return old
    return new


@dataclass(frozen=True)
class ArchiveSnapshot:
    """The closest Internet Archive snapshot of an evidence link (``Link.archive``)."""

    url: str
    timestamp: str = ""
    """When the snapshot was taken, ISO 8601 UTC."""
    checked_at: str = ""
    stored_keys: tuple[str, ...] = field(default=(), compare=False, repr=False)
    """The keys of the stored form it was read from, written back the same; () = all keys."""

    def to_dict(self) -> dict[str, Any]:
        return _stored(self, ("url", "timestamp", "checked_at"))

    @classmethod
    def from_dict(cls, data: dict[str, Any] | ArchiveSnapshot) -> ArchiveSnapshot:
        if isinstance(data, ArchiveSnapshot):
            return data
        return cls(
            url=_text(data.get("url")),
            timestamp=_text(data.get("timestamp")),
            checked_at=_text(data.get("checked_at")),
            stored_keys=tuple(key for key in data if key in ("url", "timestamp", "checked_at")),
        )


@dataclass
class Link:
    """An evidence link attached to a claim's verdict.

    ``check`` and ``archive`` may be given in their stored (dict) form; they are
    read into the typed records (anything else is dropped).
    """

    url: str
    title: str = ""
    stance: str = Stance.CONTEXT
    """``vocabulary.Stance``: supports, refutes or context."""
    added_at: str = ""
    check: LinkCheck | None = None
    """The last check of the link, None when never checked."""
    archive: ArchiveSnapshot | None = None
    """The closest Internet Archive snapshot, None when none was looked up or found."""

    def __post_init__(self) -> None:
        check: Any = self.check
        archive: Any = self.archive
        self.check = (
            LinkCheck.from_dict(check) if check and isinstance(check, dict | LinkCheck) else None
        )
        self.archive = (
            ArchiveSnapshot.from_dict(archive)
            if archive and isinstance(archive, dict | ArchiveSnapshot)
            else None
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "title": self.title,
            "stance": self.stance,
            "added_at": self.added_at,
            "check": self.check.to_dict() if self.check is not None else None,
            "archive": self.archive.to_dict() if self.archive is not None else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Link:
        return _from_dict(cls, data)

    def apply_check(
        self,
        check: LinkCheck | dict[str, Any] | None,
        archive: ArchiveSnapshot | dict[str, Any] | None = None,
    ) -> None:
        """Take a new check and/or snapshot (None leaves it), the check by :func:`merge_check`."""
        if check is not None:
            self.check = merge_check(self.check, LinkCheck.from_dict(check))
        if archive is not None:
            self.archive = ArchiveSnapshot.from_dict(archive)

    def check_row(self) -> dict[str, Any]:
        """The link's check and snapshot as a history value: ``{"url", "check", "archive"}``."""
        data = self.to_dict()
        return {"url": self.url, "check": data["check"], "archive": data["archive"]}


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
    """``vocabulary.Field``: status, note, links, link.title, link.stance, link_check,
    label, claim, claim_id or orphaned."""
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
