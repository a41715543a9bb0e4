"""The CSV report: one row per claim, stable columns, safe to open in a spreadsheet.

Text cells that start with ``=``, ``+``, ``-``, ``@``, tab, CR or LF get a leading
apostrophe (OWASP CSV injection), so a spreadsheet never evaluates them as a
formula. Numeric columns are written as plain numbers and stay numbers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

from ..text import strip_controls
from .report import ClaimRow, LinkRow, Report

COLUMNS: tuple[str, ...] = (
    "article_id",
    "article_title",
    "article_source",
    "position",
    "claim_id",
    "kind",
    "label",
    "anchor",
    "start",
    "end",
    "sentence",
    "worthiness",
    "status",
    "note",
    "reviewer",
    "updated_at",
    "link_count",
    "dead_links",
    "links",
    "last_change_field",
    "last_change_by",
    "last_change_at",
    "extracted_label",
    "claim_type",
    "speaker",
)
"""The columns, in order. New columns are only ever appended."""

NUMERIC: frozenset[str] = frozenset(
    {"position", "start", "end", "worthiness", "link_count", "dead_links"}
)

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")


def neutralize(value: str) -> str:
    """A text cell that a spreadsheet will not read as a formula."""
    text = strip_controls(value)
    if text.startswith(_TRIGGERS) or value.startswith(_TRIGGERS):
        return "'" + text
    return text


def _number(value: Any) -> int | float | str:
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return round(value, 4)
    return ""


def _link_text(link: LinkRow) -> str:
    text = f"{link.stance} {link.url}"
    if link.title:
        text += f" ({link.title})"
    if link.state == "dead":
        text += f" [dead{f' {link.status_code}' if link.status_code else ''}]"
    if link.archive_href:
        text += f" [archived {link.archive_href}]"
    return text


def row_cells(article_title: str, article_source: str, row: ClaimRow) -> dict[str, Any]:
    claim, verdict, change = row.claim, row.verdict, row.last_change
    return {
        "article_id": claim.article_id or verdict.article_id,
        "article_title": article_title,
        "article_source": article_source,
        "position": row.position,
        "claim_id": claim.id,
        "kind": claim.kind,
        "label": row.label,
        "anchor": claim.anchor,
        "start": claim.start,
        "end": claim.end,
        "sentence": claim.sentence,
        "worthiness": claim.worthiness,
        "status": verdict.status,
        "note": verdict.note,
        "reviewer": verdict.reviewer,
        "updated_at": verdict.updated_at,
        "link_count": len(row.links),
        "dead_links": sum(1 for link in row.links if link.state == "dead"),
        "links": " | ".join(_link_text(link) for link in row.links),
        "last_change_field": change.field if change else "",
        "last_change_by": change.reviewer if change else "",
        "last_change_at": change.at if change else "",
        "extracted_label": claim.label,
        "claim_type": claim.claim_type or "",
        "speaker": claim.speaker or "",
    }


def iter_csv(report: Report) -> Iterator[str]:
    """The CSV report in pieces: the header, then each article's rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    for part in report.articles:
        for row in part.claims:
            cells = row_cells(part.article.title, part.article.source, row)
            writer.writerow(
                _number(cells[name]) if name in NUMERIC else neutralize(str(cells[name] or ""))
                for name in COLUMNS
            )
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def render_csv(report: Report) -> str:
    return "".join(iter_csv(report))
