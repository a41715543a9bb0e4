"""Report data: what every export format shows, gathered once as plain dataclasses.

``build_report`` reads a Workspace; ``article_report`` builds the same data from
plain Article/Claim/Verdict/Change objects, so every format module is a pure
function of a ``Report`` and can be tested without a store.

Text here is the stored text (already clean); the format modules escape it for
their own syntax. ``safe_href`` is the only way a URL becomes a link target.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from ..models import FINAL_STATUSES, STATUSES, Article, Change, Claim, Link, Verdict
from ..text import strip_controls
from ..vocabulary import NOT_VERDICT_EDITS, Status, parse_statuses, status_style

__all__ = ["parse_statuses"]  # re-exported: the one parser lives in vocabulary

if TYPE_CHECKING:  # pragma: no cover
    from ..store.interface import Store as Workspace

SCHEMA_VERSION = 1
"""Version of the JSON export format (``json_report``); bumped on incompatible changes."""


@dataclass(frozen=True)
class ExportOptions:
    """Options shared by the formats.

    ``url``: the page where the fact check is published (ClaimReview ``url``; each
    claim gets ``url#claim-<id>``). ``org``: the publishing organization
    (ClaimReview ``author``). ``html_snippets``: ClaimReview as
    ``<script type="application/ld+json">`` blocks instead of a JSON list.
    ``now``: the export time as an ISO 8601 UTC string (default: the current time).
    """

    url: str | None = None
    org: str | None = None
    html_snippets: bool = False
    now: str | None = None


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


STDIN_SOURCE = "-"
"""The stored source of an article read from standard input."""


def source_text(source: Any) -> str:
    """An article's source as a report shows it: "standard input" for ``-`` (a
    reviewer read "Source: -" as "no source")."""
    return "standard input" if source == STDIN_SOURCE else str(source or "")


def safe_href(url: Any) -> str | None:
    """``url`` when it is an absolute http/https URL with a host, else None.

    Nothing else (``javascript:``, ``data:``, relative paths, control characters,
    spaces) is ever emitted as a link target by any format.
    """
    if not isinstance(url, str) or not url or len(url) > 8192:
        return None
    if url != strip_controls(url) or any(ch.isspace() for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


@dataclass(frozen=True)
class LinkRow:
    """An evidence link as reports show it."""

    url: str
    href: str | None
    """The URL when it is safe to link to (http/https), else None: shown as text only."""
    title: str
    stance: str
    added_at: str
    state: str
    """"ok", "dead" (the last check failed) or "unchecked"."""
    status_code: int | None
    error: str
    checked_at: str
    archive_href: str | None
    archive_timestamp: str


@dataclass(frozen=True)
class ClaimRow:
    """One claim with its verdict, in article order (``position`` counts from 1)."""

    position: int
    claim: Claim
    verdict: Verdict
    before: str
    anchor: str
    after: str
    """The sentence split around the anchor (``anchor`` is '' when it cannot be placed)."""
    links: list[LinkRow]
    last_change: Change | None

    @property
    def label(self) -> str:
        """The reviewer's wording when there is one, else the extracted label."""
        return self.verdict.label or self.claim.label or self.claim.anchor


@dataclass(frozen=True)
class OrphanRow:
    """A verdict kept for a claim a re-import removed (``claim`` when its text was kept)."""

    verdict: Verdict
    claim: Claim | None

    @property
    def label(self) -> str:
        if self.verdict.label:
            return self.verdict.label
        if self.claim is not None:
            return self.claim.label or self.claim.anchor
        return f"claim {self.verdict.claim_id}"


@dataclass(frozen=True)
class VerdictRow:
    """One line of the verdict summary at the top of a report."""

    article: Article
    row: ClaimRow


@dataclass(frozen=True)
class Summary:
    total: int
    counts: dict[str, int]
    """Every status in STATUSES order, zeros included."""
    reviewed: int

    @property
    def share(self) -> float:
        return self.reviewed / self.total if self.total else 0.0


@dataclass(frozen=True)
class ArticleReport:
    article: Article
    summary: Summary
    """Over all claims of the article, whatever the filters."""
    claims: list[ClaimRow]
    """The claims the filters kept, in article order."""
    all_claims: list[Claim]
    verdicts: dict[str, Verdict]
    """Every verdict of the article (claim id -> verdict), orphaned ones included."""
    orphaned: list[Verdict]
    history: list[Change]
    reviewers: list[str]
    first_reviewed: str
    last_reviewed: str
    orphans: list[OrphanRow] = field(default_factory=list)
    """The orphaned verdicts with the claim text the store kept."""


@dataclass(frozen=True)
class Report:
    articles: list[ArticleReport]
    generated_at: str
    exported_by: str
    statuses: tuple[str, ...] | None = None
    reviewer: str | None = None
    options: ExportOptions = field(default_factory=ExportOptions)

    @property
    def filtered(self) -> bool:
        return bool(self.statuses or self.reviewer)

    def verdicts(self) -> list[VerdictRow]:
        """The claims of the report that have a verdict (not unreviewed), in order."""
        return [
            VerdictRow(part.article, row)
            for part in self.articles
            for row in part.claims
            if row.verdict.status != Status.UNREVIEWED
        ]


def split_sentence(claim: Claim) -> tuple[str, str, str]:
    """(before, anchor, after) of the claim's sentence; anchor '' if it is not in it."""
    return split_text(claim.sentence, claim.anchor, claim.start, claim.end, claim.sentence_start)


def split_text(
    sentence: str, anchor: str, start: int, end: int, sentence_start: int
) -> tuple[str, str, str]:
    """``split_sentence`` of a claim's fields."""
    sentence = sentence or ""
    start -= sentence_start
    end -= sentence_start
    if anchor and 0 <= start < end <= len(sentence) and sentence[start:end] == anchor:
        return sentence[:start], anchor, sentence[end:]
    found = sentence.find(anchor) if anchor else -1
    if found >= 0:
        return sentence[:found], anchor, sentence[found + len(anchor) :]
    return sentence, "", ""


def link_row(link: Link) -> LinkRow:
    check, archive = link.check, link.archive
    if check is None or check.refused:  # refused: not checked, says nothing about the link
        state = "unchecked"
    elif check.ok:
        state = "ok"
    else:
        state = "dead"
    return LinkRow(
        url=link.url,
        href=safe_href(link.url),
        title=link.title or "",
        stance=link.stance or "context",
        added_at=link.added_at or "",
        state=state,
        status_code=check.status_code if check is not None else None,
        error=(check.error or "") if check is not None else "",
        checked_at=check.checked_at if check is not None else "",
        archive_href=safe_href(archive.url) if archive is not None else None,
        archive_timestamp=archive.timestamp if archive is not None else "",
    )


def shows_work(status: Any, note: Any, links: Any, label: Any) -> bool:
    """Whether a verdict holds a reviewer's work (a status, a note, a link, a wording):
    what makes its reviewer and time count as "Reviewed" in a report. A verdict that was
    changed and then undone holds none (it said "Reviewed ... by ana" over "0 of 4
    claims reviewed"), although a merge still counts it as a change."""
    return status != "unreviewed" or bool(note) or bool(links) or bool(label)


def is_untouched(verdict: Verdict) -> bool:
    """A default verdict nobody ever changed."""
    return (
        verdict.status == "unreviewed"
        and not verdict.note
        and not verdict.links
        and not verdict.updated_at
    )


def article_report(
    article: Article,
    claims: Sequence[Claim],
    verdicts: dict[str, Verdict],
    history: Sequence[Change],
    statuses: Sequence[str] | None = None,
    reviewer: str | None = None,
    include_dismissed: bool = True,
    orphan_claims: dict[str, Claim] | None = None,
) -> ArticleReport:
    """The report data of one article from plain objects (no store needed).

    ``include_dismissed=False`` leaves dismissed claims out of ``claims`` (they stay
    in the summary counts)."""
    last: dict[str, Change] = {}
    for change in history:
        # the last human change: a link check run later is not a reviewer's edit
        if change.claim_id and change.field not in NOT_VERDICT_EDITS:
            last[change.claim_id] = change
    full: dict[str, Verdict] = {}
    for claim in claims:
        full[claim.id] = verdicts.get(claim.id) or Verdict(claim_id=claim.id, article_id=article.id)
    claim_ids = set(full)
    orphaned = [v for cid, v in verdicts.items() if cid not in claim_ids]
    for verdict in orphaned:
        full[verdict.claim_id] = verdict
    counts = dict.fromkeys(STATUSES, 0)
    for claim in claims:
        status = full[claim.id].status
        counts[status if status in counts else "unreviewed"] += 1
    reviewed = sum(counts[s] for s in FINAL_STATUSES)
    rows: list[ClaimRow] = []
    for position, claim in enumerate(claims, 1):
        verdict = full[claim.id]
        if statuses and verdict.status not in statuses:
            continue
        if not include_dismissed and verdict.status == Status.DISMISSED:
            continue
        if reviewer and verdict.reviewer != reviewer:
            continue
        before, anchor, after = split_sentence(claim)
        rows.append(
            ClaimRow(
                position=position,
                claim=claim,
                verdict=verdict,
                before=before,
                anchor=anchor,
                after=after,
                links=[link_row(link) for link in verdict.links],
                last_change=last.get(claim.id),
            )
        )
    touched = [v for v in full.values() if shows_work(v.status, v.note, v.links, v.label)]
    times = sorted(v.updated_at for v in touched if v.updated_at)
    return ArticleReport(
        article=article,
        summary=Summary(total=len(claims), counts=counts, reviewed=reviewed),
        claims=rows,
        all_claims=list(claims),
        verdicts=full,
        orphaned=orphaned,
        history=list(history),
        reviewers=sorted({v.reviewer for v in touched if v.reviewer}),
        first_reviewed=times[0] if times else "",
        last_reviewed=times[-1] if times else "",
        orphans=[OrphanRow(v, (orphan_claims or {}).get(v.claim_id)) for v in orphaned],
    )


class ArticleReports(Sequence[ArticleReport]):
    """The article reports of an export, read from the store one article at a time.

    Each pass (``for part in reports``) reads the articles again, so a report of any
    size holds one article in memory at a time; ``len`` is known up front. Only valid
    while the store is open. ``claims`` counts the claims the last complete pass kept.
    """

    def __init__(
        self,
        ws: Workspace,
        article_ids: Sequence[str],
        statuses: tuple[str, ...] | None,
        reviewer: str | None,
        include_dismissed: bool,
    ) -> None:
        self._ws = ws
        self._ids = list(article_ids)
        self._statuses = statuses
        self._reviewer = reviewer
        self._include_dismissed = include_dismissed
        self.claims = 0

    def __len__(self) -> int:
        return len(self._ids)

    def __getitem__(self, index):  # type: ignore[no-untyped-def]
        if isinstance(index, slice):
            return [self._one(aid) for aid in self._ids[index]]
        return self._one(self._ids[index])

    def __iter__(self) -> Iterator[ArticleReport]:
        claims = 0
        for aid in self._ids:
            part = self._one(aid)
            claims += len(part.claims)
            yield part
        self.claims = claims

    @property
    def ids(self) -> list[str]:
        return list(self._ids)

    @property
    def filters(self) -> tuple[tuple[str, ...] | None, str | None, bool]:
        """(statuses, reviewer, include_dismissed) of this export."""
        return self._statuses, self._reviewer, self._include_dismissed

    def tables(self, article_id: str) -> dict[str, Any] | None:
        """The article's rows as the store holds them, when the store hands them out
        (the folder engine's ``article_tables``; None otherwise). Read only."""
        getter = getattr(self._ws, "article_tables", None)
        return getter(article_id) if getter is not None else None

    def one(self, article_id: str) -> ArticleReport:
        """The report data of one article of this export."""
        return self._one(article_id)

    def _one(self, article_id: str) -> ArticleReport:
        ws = self._ws
        one_read = getattr(ws, "report_parts", None)  # the folder engine: one read
        if one_read is not None:
            article, claims, verdicts, history, orphans = one_read(article_id)
        else:
            article, claims = ws.article(article_id), ws.claims(article_id)
            verdicts, history = ws.verdicts(article_id), ws.history(article_id=article_id)
            orphans = ws.orphans(article_id)
        return article_report(
            article,
            claims,
            verdicts,
            history,
            statuses=self._statuses,
            reviewer=self._reviewer,
            include_dismissed=self._include_dismissed,
            orphan_claims={v.claim_id: c for v, c in orphans if c},
        )


def stream_report(
    ws: Workspace,
    article_ids: Sequence[str] | None,
    statuses: str | Sequence[str] | None = None,
    reviewer: str | None = None,
    options: ExportOptions | None = None,
    include_dismissed: bool = True,
) -> Report:
    """The report of ``article_ids`` (ids, id prefixes or sources; empty: all) whose
    articles are read from the store as a format renders them (``ArticleReports``):
    render it while ``ws`` is open.

    ``reviewer``: only claims whose verdict that reviewer set last (``export --by``)."""
    options = options or ExportOptions()
    wanted = parse_statuses(statuses)
    listed = list(dict.fromkeys(s.id for s in ws.articles()))
    if article_ids:
        known = set(listed)  # an exact id needs no read of its article
        refs = (ref if ref in known else ws.article(ref).id for ref in article_ids)
        ids = list(dict.fromkeys(refs))
    else:
        ids = listed
    return Report(
        articles=ArticleReports(ws, ids, wanted, reviewer or None, include_dismissed),  # type: ignore[arg-type]
        generated_at=options.now or utc_now(),
        exported_by=ws.reviewer,
        statuses=wanted,
        reviewer=reviewer or None,
        options=options,
    )


def build_report(
    ws: Workspace,
    article_ids: Sequence[str] | None,
    statuses: str | Sequence[str] | None = None,
    reviewer: str | None = None,
    options: ExportOptions | None = None,
    include_dismissed: bool = True,
) -> Report:
    """Gather the report of ``article_ids`` (ids, id prefixes or sources; empty: all),
    every article in memory (``stream_report`` reads them as they are rendered).

    ``reviewer``: only claims whose verdict that reviewer set last (``export --by``)."""
    report = stream_report(ws, article_ids, statuses, reviewer, options, include_dismissed)
    return replace(report, articles=list(report.articles))


def status_label(status: str) -> str:
    return status_style(status).label


def clean_block(text: str) -> str:
    """Untrusted multi-line text for display: controls stripped, newlines normalized."""
    return strip_controls(str(text or "").replace("\r\n", "\n").replace("\r", "\n"))
