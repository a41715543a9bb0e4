"""The HTML report: one self-contained file (inline CSS, no scripts, no external requests).

Rendered with Jinja2 and autoescape forced on for every template (``autoescape=True``,
not ``select_autoescape``, which would skip ``.html.j2``). Link targets come only
from ``report.safe_href`` (http/https), and a Content-Security-Policy meta tag
forbids scripts and any external load in the browser.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined, Template

from ..models import STATUSES
from ..text import one_line, strip_controls
from ..vocabulary import STATUS_STYLE, Status
from .article_rows import ArticleRows, article_rows
from .html_rows import ClaimHtml, as_markup
from .report import Report, safe_href, source_text, status_label
from .spool import Spool

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
    env.filters["line"] = line
    env.filters["inline"] = inline
    env.filters["when"] = when
    env.filters["field_label"] = field_label
    env.filters["host"] = host
    env.filters["status_label"] = status_label
    return env


_FIELD_LABELS = {"links": "evidence links", "link_check": "link check", "claim_id": "claim moved"}


def when(stamp: object) -> str:
    """An ISO UTC time for people: '27 Nov 2026, 21:19 UTC' (unparsable text as it is)."""
    if type(stamp) is str:
        return _when(stamp)
    return _when(str(stamp or ""))


@lru_cache(maxsize=4096)
def _when(stamp: str) -> str:
    text = one_line(stamp, 40)
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
    if type(text) is str and text.isprintable() and "  " not in text:
        return text  # printable: its only spaces are single ASCII ones, nothing to strip
    return _SPACE.sub(" ", strip_controls(str(text or "")))


def line(text: object) -> str:
    """``one_line(text)``: untrusted text as a single clean line."""
    if (
        type(text) is str
        and text.isprintable()
        and "  " not in text
        and text[:1] != " "
        and text[-1:] != " "
    ):
        return text  # printable, single spaces, none at the edges: already one line
    return one_line(text)  # type: ignore[arg-type]


def template() -> Template:
    return environment().get_template(TEMPLATE)


class _Labels:
    """``status_label`` of each status, worked out once per report."""

    def __init__(self) -> None:
        self._done: dict[object, str] = {}

    def __call__(self, status: object) -> str:
        done = self._done.get(status)
        if done is None:
            done = self._done[status] = status_label(status)  # type: ignore[arg-type]
        return done


def _orphans(rows: ArticleRows) -> list[dict[str, Any]]:
    out = []
    for v, claim in zip(rows.orphaned, rows.orphan_claims, strict=True):
        label = v["label"] or (
            (claim["label"] or claim["anchor"]) if claim is not None else f"claim {v['claim_id']}"
        )
        out.append({"status": v["status"], "label": label, "claim_id": v["claim_id"],
                    "note": v["note"]})
    return out


def _item(rows: ArticleRows, claims_html: str, statuses_html: str) -> dict[str, Any]:
    """What the template shows of one article."""
    return {
        "article": rows.article,
        "source_href": safe_href(rows.article["source"]),
        "source": source_text(rows.article["source"]),
        "statuses_html": as_markup(statuses_html),
        "share": f"{rows.share:.0%}",
        "reviewers": rows.reviewers,
        "first_reviewed": rows.first_reviewed,
        "last_reviewed": rows.last_reviewed,
        "reviewed": rows.reviewed,
        "total": rows.total,
        "counts": rows.counts,
        "claims": rows.kept,
        "claims_html": as_markup(claims_html),
        "orphans": _orphans(rows),
    }


def iter_html(report: Report) -> Iterator[str]:
    """The HTML report in pieces, the articles read once: the head, the verdict table
    as the articles are read (each article's section spooled meanwhile), the
    sections, the foot (the template's macros, in that order)."""
    page = template().module
    count = len(report.articles)
    many = count > 1
    labels = _Labels()
    claims = ClaimHtml(line, inline, when, host, field_label, labels)
    unreviewed = Status.UNREVIEWED
    if not count:
        yield page.head(report, 0, None, STATUSES, STATUS_COLOURS)
        yield page.foot()
        return
    found = False
    with Spool() as spool:
        for n, rows in enumerate(article_rows(report)):
            if not n:
                yield page.head(report, count, rows.article, STATUSES, STATUS_COLOURS)
            sections, table = claims.render(rows, unreviewed, many)
            if table:
                if not found:
                    yield page.table_start(many)
                    found = True
                yield table
            bar = claims.statuses(STATUSES, rows.counts, rows.total)
            spool.write(page.article(_item(rows, sections, bar), report.filtered, STATUSES, labels))
        yield page.table_end(found)
        yield from spool.pieces()
    yield page.foot()


def render_html(report: Report) -> str:
    return "".join(iter_html(report))
