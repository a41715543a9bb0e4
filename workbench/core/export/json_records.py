"""The JSON export's article records built straight from a folder store's rows.

``exchange._article`` builds an article's record from the report dataclasses
(Article, Claim, Verdict and Change objects, made by ``report.article_report``);
for a workspace of 100,000 claims that round trip (rows -> objects -> dicts) is
most of the export's time. ``article_rows.from_tables`` reads each article's rows
as the store holds them, which already are the records' dicts: ``article_record``
builds the same record from them, field for field in the same order with the same
defaults, and says None for anything they do not expect, so the caller takes the
dataclass path for that article and the output is the same bytes either way.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .article_rows import ArticleRows, Row, from_tables


def record(rows: ArticleRows) -> Row:
    """The JSON record of an article's rows (``exchange._article`` of its report)."""
    total = rows.total
    return {
        "article": rows.article,
        "summary": {
            "total": total,
            "reviewed": rows.reviewed,
            "share_reviewed": round(rows.share, 4),
            "counts": rows.counts,
            "reviewers": rows.reviewers,
            "first_reviewed": rows.first_reviewed or None,
            "last_reviewed": rows.last_reviewed or None,
        },
        "claims": [
            {**claim, "position": position, "verdict": v, "last_change": last}
            for position, claim, v, last in rows.kept
        ],
        "orphaned_verdicts": rows.orphaned,
        "history": rows.history,
    }


def article_record(
    tables: dict[str, Any],
    aid: str,
    statuses: Sequence[str] | None,
    reviewer: str | None,
    include_dismissed: bool,
) -> tuple[Row, int] | None:
    """(the article's JSON record, the number of claims the filters kept), or None
    when the rows hold something the dataclass path must handle."""
    rows = from_tables(tables, aid, statuses, reviewer, include_dismissed)
    if rows is None:
        return None
    return record(rows), len(rows.kept)
