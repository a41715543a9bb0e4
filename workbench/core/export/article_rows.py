"""Each article of an export as plain rows: what every format reads of it.

``report.article_report`` builds an article's report data as dataclasses (Article,
Claim, Verdict, Change, ClaimRow, LinkRow); for a workspace of 100,000 claims that
round trip (stored rows -> objects) costs more than writing the report. A folder
store hands out each article's rows as stored (``Workspace.article_tables``), and
``from_tables`` reads the same facts straight from them: the model's fields in
order with the model's defaults, the same verdict per claim, the same filters,
counts, reviewers and last changes as ``article_report``. It says None for
anything it does not expect (a row missing a field the model requires, a claim id
twice, links that are not a list of objects): the caller then takes the dataclass
path for that article and ``from_report`` turns its ``ArticleReport`` into the same
rows, so every format has one writer and gives the same bytes either way.

Rows are read only: they may be the store's own dicts.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import MISSING, fields
from typing import TYPE_CHECKING, Any

from ..models import FINAL_STATUSES, STATUSES, Article, Change, Claim, Link, Verdict
from ..vocabulary import NOT_VERDICT_EDITS, Status
from .report import LinkRow, link_row, shows_work

if TYPE_CHECKING:  # pragma: no cover
    from .report import ArticleReport, Report

Row = dict[str, Any]
Kept = tuple[int, Row, Row, "Row | None"]
"""A claim the filters kept: (position from 1, claim row, verdict row, its last
change row or None)."""


def _layout(cls: type) -> tuple[tuple[str, ...], dict[str, Any], frozenset[str]]:
    """(field names in order, defaults, names without a default) of a model class."""
    names, defaults, required = [], {}, set()
    for f in fields(cls):
        names.append(f.name)
        if f.default is not MISSING:
            defaults[f.name] = f.default
        elif f.default_factory is not MISSING:
            defaults[f.name] = f.default_factory
        else:
            required.add(f.name)
    return tuple(names), defaults, frozenset(required)


ARTICLE = _layout(Article)
CLAIM = _layout(Claim)
VERDICT = _layout(Verdict)
CHANGE = _layout(Change)
STATUS_KEYS = tuple(str(s) for s in STATUSES)
"""The statuses as plain text (orjson takes only plain text as keys)."""


def as_record(
    layout: tuple[tuple[str, ...], dict[str, Any], frozenset[str]], row: Any
) -> Row | None:
    """``Model.from_dict(row)`` as its record dict: every field in order, defaults
    filled in, other keys left out; None when ``row`` is not a dict or lacks a
    required field."""
    names, defaults, required = layout
    if not isinstance(row, dict):
        return None
    if tuple(row) == names:
        return row  # stored as written: already the record (read only)
    if not required.issubset(row):
        return None
    out: Row = {}
    for name in names:
        if name in row:
            out[name] = row[name]
        else:
            default = defaults[name]
            out[name] = default() if callable(default) else default
    return out


def ordered(table: Any) -> list[Any] | None:
    """The rows of a table in document order; None when it is not a table."""
    if not isinstance(table, dict):
        return None
    try:
        return [table[k] for k in sorted(table, key=int)]
    except (TypeError, ValueError):
        return None


def verdict_row(doc: Any, orphaned: bool | None) -> Row | None:
    """``Verdict.from_dict(doc).to_dict()`` (``orphaned`` forced when given)."""
    if not isinstance(doc, dict):
        return None
    rec = as_record(VERDICT, doc)
    if rec is None:
        return None
    rec = dict(rec)
    links = rec["links"]
    if links:
        if not isinstance(links, list) or not all(isinstance(x, dict) for x in links):
            return None
        rec["links"] = [Link.from_dict(x).to_dict() for x in links]
    else:
        rec["links"] = []
    if orphaned is not None:
        rec["orphaned"] = orphaned
    return rec


_DEFAULT_VERDICT = Verdict("", "").to_dict()


def default_verdict(cid: str, aid: str) -> Row:
    """``Verdict(cid, aid).to_dict()`` (the verdict of a claim nobody marked)."""
    return {**_DEFAULT_VERDICT, "claim_id": cid, "article_id": aid, "links": []}


def link_rows(verdict: Row) -> list[LinkRow]:
    """The verdict's evidence links as reports show them."""
    return [link_row(x if isinstance(x, Link) else Link.from_dict(x)) for x in verdict["links"]]


def label_of(claim: Row, verdict: Row) -> str:
    """``ClaimRow.label``: the reviewer's wording, else the extracted label, else the anchor."""
    return verdict["label"] or claim["label"] or claim["anchor"]


class ArticleRows:
    """One article of an export as rows (the facts of ``report.ArticleReport``)."""

    __slots__ = (
        "article", "claims", "verdicts", "kept", "orphaned", "orphan_claims", "history",
        "counts", "reviewed", "reviewers", "first_reviewed", "last_reviewed",
    )

    def __init__(self, **values: Any) -> None:
        for name in self.__slots__:
            setattr(self, name, values[name])

    article: Row
    claims: list[Row]
    """Every claim of the article, in article order."""
    verdicts: list[Row]
    """The verdict of each of ``claims`` (a default one where nobody marked it)."""
    kept: list[Kept]
    """The claims the filters kept."""
    orphaned: list[Row]
    """Verdicts kept for claims a re-import removed (``orphaned`` set)."""
    orphan_claims: list[Row | None]
    """The claim each of ``orphaned`` was made on, as the store kept it (or None)."""
    history: list[Row]
    counts: dict[str, int]
    """Every status in STATUSES order (as plain text), zeros included."""
    reviewed: int
    reviewers: list[str]
    first_reviewed: str
    last_reviewed: str

    @property
    def total(self) -> int:
        return len(self.claims)

    @property
    def share(self) -> float:
        return self.reviewed / self.total if self.total else 0.0


def from_tables(
    tables: dict[str, Any],
    aid: str,
    statuses: Sequence[str] | None,
    reviewer: str | None,
    include_dismissed: bool,
) -> ArticleRows | None:
    """The article's rows from the store's tables, or None when they hold something
    the dataclass path must handle."""
    arts = tables.get("article")
    if not isinstance(arts, dict):
        return None
    art_row = next(iter(arts.values()), {}) if arts else {}
    if not isinstance(art_row, dict):
        return None
    article = as_record(ARTICLE, art_row)
    claim_rows = ordered(tables.get("claims", {}))
    history_rows = ordered(tables.get("history", {}))
    verdict_table = tables.get("verdicts", {})
    if article is None or claim_rows is None or history_rows is None:
        return None
    if not isinstance(verdict_table, dict):
        return None
    claims: list[Row] = []
    ids: list[Any] = []
    names = CLAIM[0]
    for row in claim_rows:
        # a row stored as written is its record (``as_record``'s first case, inline)
        rec = row if type(row) is dict and tuple(row) == names else as_record(CLAIM, row)
        if rec is None:
            return None
        cid = rec["id"]
        if not isinstance(cid, str):
            return None
        claims.append(rec)
        ids.append(cid)
    if len(set(ids)) != len(ids):
        return None
    history: list[Row] = []
    last: dict[str, Row] = {}
    names = CHANGE[0]
    skip = NOT_VERDICT_EDITS
    for row in history_rows:
        rec = row if type(row) is dict and tuple(row) == names else as_record(CHANGE, row)
        if rec is None:
            return None
        history.append(rec)
        # the last human change: a link check run later is not a reviewer's edit
        if rec["claim_id"] and rec["field"] not in skip:
            last[rec["claim_id"]] = rec
    stored: dict[Any, Any] = {}
    for doc in verdict_table.values():
        if not isinstance(doc, dict) or "claim_id" not in doc or doc["claim_id"] in stored:
            return None  # a claim id twice: which verdict counts is the models' rule
        stored[doc["claim_id"]] = doc
    verdicts: list[Row] = []
    marked: list[Row] = []  # the stored verdicts of live claims (the others are defaults)
    add = verdicts.append
    pop = stored.pop
    default = {**_DEFAULT_VERDICT, "article_id": aid}  # the same keys, in the same order
    for cid in ids:
        doc = pop(cid, None)
        if doc:
            v = verdict_row(doc, None)
            if v is None:
                return None
            marked.append(v)
            add(v)
        else:  # ``default_verdict(cid, aid)``, inline
            v = default.copy()
            v["claim_id"] = cid
            v["links"] = []
            add(v)
    orphaned: list[Row] = []
    orphan_claims: list[Row | None] = []
    for doc in stored.values():
        v = verdict_row(doc, True)
        if v is None:
            return None
        orphaned.append(v)
        kept_claim = doc.get("claim")
        orphan_claims.append(
            as_record(CLAIM, dict(kept_claim, article_id=aid))
            if isinstance(kept_claim, dict)
            else None
        )
    counts = dict.fromkeys(STATUS_KEYS, 0)
    counts["unreviewed"] = len(verdicts) - len(marked)
    for v in marked:
        status = v["status"]
        counts[status if status in counts else "unreviewed"] += 1
    dismissed = Status.DISMISSED
    if statuses or reviewer:
        kept: list[Kept] = []
        for position, (claim, v) in enumerate(zip(claims, verdicts, strict=True), 1):
            status = v["status"]
            if statuses and status not in statuses:
                continue
            if not include_dismissed and status == dismissed:
                continue
            if reviewer and v["reviewer"] != reviewer:
                continue
            kept.append((position, claim, v, last.get(claim["id"])))
    else:
        get = last.get
        kept = [
            (position, claim, v, get(claim["id"]))
            for position, (claim, v) in enumerate(zip(claims, verdicts, strict=True), 1)
            if include_dismissed or v["status"] != dismissed
        ]
    # only a verdict holding work says who reviewed and when (not one undone since)
    touched = [
        v for v in (*marked, *orphaned)
        if shows_work(v["status"], v["note"], v["links"], v["label"])
    ]
    times = sorted(v["updated_at"] for v in touched if v["updated_at"])
    return ArticleRows(
        article=article,
        claims=claims,
        verdicts=verdicts,
        kept=kept,
        orphaned=orphaned,
        orphan_claims=orphan_claims,
        history=history,
        counts=counts,
        reviewed=sum(counts[s] for s in FINAL_STATUSES),
        reviewers=sorted({v["reviewer"] for v in touched if v["reviewer"]}),
        first_reviewed=times[0] if times else "",
        last_reviewed=times[-1] if times else "",
    )


def _plain(obj: Any, names: tuple[str, ...]) -> Row:
    return {name: getattr(obj, name) for name in names}


def _verdict_plain(verdict: Verdict) -> Row:
    row = _plain(verdict, VERDICT[0])
    row["links"] = list(verdict.links)  # Link objects: ``link_rows`` takes both
    return row


def from_report(part: ArticleReport) -> ArticleRows:
    """The rows of report data gathered as dataclasses (the same facts)."""
    claim_names, change_names = CLAIM[0], CHANGE[0]
    kept: list[Kept] = [
        (
            row.position,
            _plain(row.claim, claim_names),
            _verdict_plain(row.verdict),
            _plain(row.last_change, change_names) if row.last_change is not None else None,
        )
        for row in part.claims
    ]
    summary = part.summary
    rows = ArticleRows(
        article=_plain(part.article, ARTICLE[0]),
        claims=[_plain(c, claim_names) for c in part.all_claims],
        verdicts=[_verdict_plain(part.verdicts[c.id]) for c in part.all_claims],
        kept=kept,
        orphaned=[_verdict_plain(o.verdict) for o in part.orphans],
        orphan_claims=[_plain(o.claim, claim_names) if o.claim else None for o in part.orphans],
        history=[_plain(c, change_names) for c in part.history],
        counts={str(k): n for k, n in summary.counts.items()},
        reviewed=summary.reviewed,
        reviewers=list(part.reviewers),
        first_reviewed=part.first_reviewed,
        last_reviewed=part.last_reviewed,
    )
    return rows


def each_article(report: Report) -> Iterator[ArticleRows | ArticleReport]:
    """Each article of ``report``: its rows where the store hands them out, else its
    report data as dataclasses (``ArticleReport``); counts the claims kept
    (``ArticleReports.claims``)."""
    from .report import ArticleReports

    parts = report.articles
    if not isinstance(parts, ArticleReports):
        yield from parts
        return
    statuses, reviewer, include_dismissed = parts.filters
    kept = 0
    for aid in parts.ids:
        tables = parts.tables(aid)
        rows = None
        if tables is not None:
            rows = from_tables(tables, aid, statuses, reviewer, include_dismissed)
        if rows is None:
            part = parts.one(aid)
            kept += len(part.claims)
            yield part
        else:
            kept += len(rows.kept)
            yield rows
    parts.claims = kept


def article_rows(report: Report) -> Iterator[ArticleRows]:
    """Each article of ``report`` as rows (``each_article``, report data turned into rows)."""
    for item in each_article(report):
        yield item if isinstance(item, ArticleRows) else from_report(item)
