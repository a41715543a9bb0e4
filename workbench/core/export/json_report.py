"""The JSON report: the full machine-readable dump, with a schema version.

Everything ``workbench import`` needs to restore or merge the work: each article
(text included), its claims in article order with their verdicts, verdicts of
claims no longer in the article, and the article's whole history.
"""

from __future__ import annotations

import json
from typing import Any

from .report import SCHEMA_VERSION, ArticleReport, Report

SCHEMA = "workbench-report"


def _article(part: ArticleReport) -> dict[str, Any]:
    summary = part.summary
    return {
        "article": part.article.to_dict(),
        "summary": {
            "total": summary.total,
            "reviewed": summary.reviewed,
            "share_reviewed": round(summary.share, 4),
            "counts": dict(summary.counts),
            "reviewers": list(part.reviewers),
            "first_reviewed": part.first_reviewed or None,
            "last_reviewed": part.last_reviewed or None,
        },
        "claims": [
            {
                **row.claim.to_dict(),
                "position": row.position,
                "verdict": row.verdict.to_dict(),
                "last_change": row.last_change.to_dict() if row.last_change else None,
            }
            for row in part.claims
        ],
        "orphaned_verdicts": [verdict.to_dict() for verdict in part.orphaned],
        "history": [change.to_dict() for change in part.history],
    }


def report_dict(report: Report) -> dict[str, Any]:
    from ... import __version__

    return {
        "schema": SCHEMA,
        "schema_version": SCHEMA_VERSION,
        "generator": f"workbench {__version__}",
        "generated_at": report.generated_at,
        "exported_by": report.exported_by,
        "filters": {
            "statuses": list(report.statuses) if report.statuses else None,
            "reviewer": report.reviewer,
        },
        "complete": not report.filtered,
        "articles": [_article(part) for part in report.articles],
    }


def render_json(report: Report) -> str:
    return json.dumps(report_dict(report), ensure_ascii=False, indent=2) + "\n"
