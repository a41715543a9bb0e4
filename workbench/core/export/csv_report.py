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
from .article_rows import Kept, Row, article_rows, label_of, link_rows
from .report import LinkRow, Report

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


def _cell(value: Any) -> str:
    """``neutralize(str(value or ""))``: printable text (the usual) is checked at once."""
    if not value:
        return ""
    if type(value) is not str:
        value = str(value)
    if value.isprintable():  # no controls to strip; tab, CR and LF are not printable
        return "'" + value if value[0] in _FORMULA else value
    return neutralize(value)


_FORMULA = frozenset("=+-@")


class _Cells:
    """Text cells of the values that repeat (ids, kinds, statuses, names), worked out once."""

    def __init__(self) -> None:
        self._done: dict[str, str] = {}

    def __call__(self, value: Any) -> str:
        if not value:
            return ""
        if type(value) is not str:
            return _cell(value)
        done = self._done.get(value)
        if done is None:
            done = self._done[value] = _cell(value)
        return done


def row_cells(article: Row, kept: Kept, same: _Cells | None = None) -> list[Any]:
    """The cells of one claim's row, in ``COLUMNS`` order, ready to write."""
    same = same or _Cells()
    position, claim, verdict, change = kept
    if verdict["links"]:
        links = link_rows(verdict)
        count, dead = len(links), sum(1 for link in links if link.state == "dead")
        link_text = _cell(" | ".join(_link_text(link) for link in links))
    else:
        count, dead, link_text = 0, 0, ""
    note, reviewer, updated = verdict["note"], verdict["reviewer"], verdict["updated_at"]
    claim_type, speaker = claim["claim_type"], claim["speaker"]
    return [
        same(claim["article_id"] or verdict["article_id"]),
        same(article["title"]),
        same(article["source"]),
        _number(position),
        _cell(claim["id"]),
        same(claim["kind"]),
        _cell(label_of(claim, verdict)),
        _cell(claim["anchor"]),
        _number(claim["start"]),
        _number(claim["end"]),
        _cell(claim["sentence"]),
        _number(claim["worthiness"]),
        same(verdict["status"]),
        _cell(note) if note else "",
        same(reviewer) if reviewer else "",
        _cell(updated) if updated else "",
        count,
        dead,
        link_text,
        same(change["field"]) if change else "",
        same(change["reviewer"]) if change else "",
        _cell(change["at"]) if change else "",
        _cell(claim["label"]),
        same(claim_type) if claim_type else "",
        same(speaker) if speaker else "",
    ]


def iter_csv(report: Report) -> Iterator[str]:
    """The CSV report in pieces: the header, then each article's rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    same = _Cells()
    for rows in article_rows(report):
        article = rows.article
        writer.writerows([row_cells(article, kept, same) for kept in rows.kept])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def render_csv(report: Report) -> str:
    return "".join(iter_csv(report))
