"""The HTML report: one self-contained file (inline CSS, no scripts, no external requests).

Rendered with Jinja2 and autoescape forced on for every template (``autoescape=True``,
not ``select_autoescape``, which would skip ``.html.j2``). Link targets come only
from ``report.safe_href`` (http/https), and a Content-Security-Policy meta tag
forbids scripts and any external load in the browser.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined, Template

from ..models import STATUSES
from ..text import one_line, strip_controls
from ..vocabulary import STATUS_STYLE, Status
from .report import ArticleReport, Report, VerdictRow, clean_block, safe_href, status_label

TEMPLATE = "report.html.j2"
_SPACE = re.compile(r"\s+")

STATUS_COLOURS: dict[str, str] = {status: style.paper for status, style in STATUS_STYLE.items()}
"""The colours of the statuses on the page (``vocabulary.STATUS_STYLE``)."""


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The Jinja2 environment: autoescape on for every template name."""
    env = Environment(
        loader=PackageLoader("workbench.core.export", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["line"] = one_line
    env.filters["inline"] = inline
    env.filters["when"] = when
    env.filters["field_label"] = field_label
    env.filters["host"] = host
    env.filters["status_label"] = status_label
    return env


_FIELD_LABELS = {"links": "evidence links", "link_check": "link check", "claim_id": "claim moved"}


def when(stamp: object) -> str:
    """An ISO UTC time for people: '27 Nov 2026, 21:19 UTC' (unparsable text as it is)."""
    text = one_line(str(stamp or ""), 40)
    try:
        if re.fullmatch(r"\d{14}", text):  # the Wayback Machine's YYYYMMDDhhmmss
            moment = datetime.strptime(text, "%Y%m%d%H%M%S").replace(tzinfo=UTC)
        else:
            moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return text
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return f"{moment.day} {moment:%b %Y, %H:%M} UTC"


def field_label(name: object) -> str:
    """A history field name in words."""
    text = one_line(str(name or ""), 40)
    return _FIELD_LABELS.get(text, text.replace("_", " "))


def host(href: object) -> str:
    """The host of a link (shown next to a link title, so readers see where it goes)."""
    try:
        name = urlsplit(str(href or "")).hostname or ""
    except ValueError:
        return ""
    return one_line(name.removeprefix("www."), 80)


def inline(text: object) -> str:
    """Untrusted text on one line, whitespace collapsed but kept at the edges."""
    return _SPACE.sub(" ", strip_controls(str(text or "")))


def template() -> Template:
    return environment().get_template(TEMPLATE)


def _bar(counts: dict[str, int], total: int) -> list[dict[str, Any]]:
    segments = []
    for status in STATUSES:
        count = counts.get(status, 0)
        if count:
            segments.append(
                {
                    "status": status,
                    "label": status_label(status),
                    "count": count,
                    "percent": f"{100 * count / total:.2f}" if total else "0",
                }
            )
    return segments


def _entry(part: ArticleReport) -> dict[str, Any]:
    return {
        "part": part,
        "source_href": safe_href(part.article.source),
        "bar": _bar(part.summary.counts, part.summary.total),
        "share": f"{part.summary.share:.0%}",
        "claims": [
            {
                "row": row,
                "note_lines": clean_block(row.verdict.note).strip("\n").split("\n"),
            }
            for row in part.claims
        ],
    }


class _Articles(Sequence[dict[str, Any]]):
    """The template's articles, built as it reaches each one (one in memory at a time)."""

    def __init__(self, parts: Sequence[ArticleReport]) -> None:
        self._parts = parts

    def __len__(self) -> int:
        return len(self._parts)

    def __getitem__(self, index):  # type: ignore[no-untyped-def]
        if isinstance(index, slice):
            return [_entry(part) for part in self._parts[index]]
        return _entry(self._parts[index])

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for part in self._parts:
            yield _entry(part)


class _Verdicts:
    """The claims with a verdict, in report order, read as the table is written."""

    def __init__(self, parts: Sequence[ArticleReport]) -> None:
        self._parts = parts

    def __iter__(self) -> Iterator[VerdictRow]:
        for part in self._parts:
            for row in part.claims:
                if row.verdict.status != Status.UNREVIEWED:
                    yield VerdictRow(part.article, row)

    def __bool__(self) -> bool:
        return next(iter(self), None) is not None


def _context(report: Report) -> dict[str, Any]:
    return {
        "report": report,
        "articles": _Articles(report.articles),
        "verdicts": _Verdicts(report.articles),
        "statuses": STATUSES,
        "colours": STATUS_COLOURS,
        "status_label": status_label,
    }


def iter_html(report: Report) -> Iterator[str]:
    """The HTML report in pieces of about 64 kB, rendered as the articles are read."""
    batch: list[str] = []
    size = 0
    for piece in template().generate(**_context(report)):
        batch.append(piece)
        size += len(piece)
        if size >= 65536:
            yield "".join(batch)
            batch, size = [], 0
    yield "".join(batch)


def render_html(report: Report) -> str:
    return template().render(**_context(report))
