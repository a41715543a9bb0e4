"""The JSON export's article records built straight from a folder store's rows.

``exchange._article`` builds an article's record from the report dataclasses
(Article, Claim, Verdict and Change objects, made by ``report.article_report``);
for a workspace of 100,000 claims that round trip (rows -> objects -> dicts) is
most of the export's time. A folder store hands out each article's rows as stored
(``Workspace.article_tables``), and those rows already are the records' dicts:
``article_record`` builds the same record from them, field for field in the same
order with the same defaults, and says None for anything it does not expect (a
row missing a field the model requires, a claim id twice, links that are not a
list of objects), so the caller takes the dataclass path for that article and the
output is the same bytes either way. Links (rare) still go through ``Link``, whose
reading rules (check and archive records) are not repeated here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import MISSING, fields
from typing import Any

from ..models import FINAL_STATUSES, STATUSES, Article, Change, Claim, Link, Verdict
from ..vocabulary import Field, Status

Row = dict[str, Any]


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


_ARTICLE = _layout(Article)
_CLAIM = _layout(Claim)
_VERDICT = _layout(Verdict)
_CHANGE = _layout(Change)
_STATUS_KEYS = tuple(str(s) for s in STATUSES)
"""The statuses as plain text (orjson takes only plain text as keys)."""


def _as(layout: tuple[tuple[str, ...], dict[str, Any], frozenset[str]], row: Any) -> Row | None:
    """``Model.from_dict(row)`` as its record dict (``_record``): every field in order,
    defaults filled in, other keys left out; None when ``row`` is not a dict or lacks a
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


def _ordered(table: Any) -> list[Any] | None:
    if not isinstance(table, dict):
        return None
    try:
        return [table[k] for k in sorted(table, key=int)]
    except (TypeError, ValueError):
        return None


def _verdict(doc: Any, orphaned: bool | None) -> Row | None:
    """``_verdict_record(Verdict.from_dict(doc))`` (``orphaned`` forced when given)."""
    if not isinstance(doc, dict):
        return None
    rec = _as(_VERDICT, doc)
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


def _default_verdict(cid: str, aid: str) -> Row:
    """``Verdict(cid, aid).to_dict()`` (the record of a claim nobody marked)."""
    return {**_DEFAULT_VERDICT, "claim_id": cid, "article_id": aid, "links": []}


def _untouched(v: Row) -> bool:
    return v["status"] == "unreviewed" and not v["note"] and not v["links"] and not v["updated_at"]


def article_record(
    tables: dict[str, Any],
    aid: str,
    statuses: Sequence[str] | None,
    reviewer: str | None,
    include_dismissed: bool,
) -> tuple[Row, int] | None:
    """(the article's JSON record, the number of claims the filters kept), or None
    when the rows hold something the dataclass path must handle."""
    arts = tables.get("article")
    if not isinstance(arts, dict):
        return None
    art_row = next(iter(arts.values()), {}) if arts else {}
    if not isinstance(art_row, dict):
        return None
    article = _as(_ARTICLE, art_row)
    claim_rows = _ordered(tables.get("claims", {}))
    history_rows = _ordered(tables.get("history", {}))
    verdict_table = tables.get("verdicts", {})
    if article is None or claim_rows is None or history_rows is None:
        return None
    if not isinstance(verdict_table, dict):
        return None
    claims: list[Row] = []
    for row in claim_rows:
        if not isinstance(row, dict):
            return None
        rec = _as(_CLAIM, row)
        if rec is None or not isinstance(rec["id"], str):
            return None
        claims.append(rec)
    ids = [c["id"] for c in claims]
    if len(set(ids)) != len(ids):
        return None
    history: list[Row] = []
    last: dict[str, Row] = {}
    for row in history_rows:
        rec = _as(_CHANGE, row)
        if rec is None:
            return None
        history.append(rec)
        if rec["claim_id"] and rec["field"] != Field.LINK_CHECK:
            last[rec["claim_id"]] = rec
    stored: dict[Any, Any] = {}
    for doc in verdict_table.values():
        if not isinstance(doc, dict) or "claim_id" not in doc:
            return None
        stored[doc["claim_id"]] = doc
    verdicts: list[Row] = []
    for cid in ids:
        doc = stored.pop(cid, None)
        v = _verdict(doc, None) if doc else _default_verdict(cid, aid)
        if v is None:
            return None
        verdicts.append(v)
    orphaned: list[Row] = []
    for doc in stored.values():
        v = _verdict(doc, True)
        if v is None:
            return None
        orphaned.append(v)
    counts = dict.fromkeys(_STATUS_KEYS, 0)
    for v in verdicts:
        status = v["status"]
        counts[status if status in counts else "unreviewed"] += 1
    reviewed = sum(counts[s] for s in FINAL_STATUSES)
    out_claims: list[Row] = []
    for position, (claim, v) in enumerate(zip(claims, verdicts, strict=True), 1):
        status = v["status"]
        if statuses and status not in statuses:
            continue
        if not include_dismissed and status == Status.DISMISSED:
            continue
        if reviewer and v["reviewer"] != reviewer:
            continue
        out_claims.append(
            {**claim, "position": position, "verdict": v, "last_change": last.get(claim["id"])}
        )
    touched = [v for v in (*verdicts, *orphaned) if not _untouched(v)]
    times = sorted(v["updated_at"] for v in touched if v["updated_at"])
    total = len(claims)
    record = {
        "article": article,
        "summary": {
            "total": total,
            "reviewed": reviewed,
            "share_reviewed": round(reviewed / total if total else 0.0, 4),
            "counts": counts,
            "reviewers": sorted({v["reviewer"] for v in touched if v["reviewer"]}),
            "first_reviewed": times[0] if times else None,
            "last_reviewed": times[-1] if times else None,
        },
        "claims": out_claims,
        "orphaned_verdicts": orphaned,
        "history": history,
    }
    return record, len(out_claims)
