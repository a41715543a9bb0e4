"""The HTML report: one self-contained file (inline CSS, no scripts, no external requests).

Rendered with Jinja2 and autoescape forced on for every template (``autoescape=True``,
not ``select_autoescape``, which would skip ``.html.j2``). Link targets come only
from ``report.safe_href`` (http/https), and a Content-Security-Policy meta tag
forbids scripts and any external load in the browser.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, Template

from ..models import STATUSES
from ..text import one_line, strip_controls
from .report import Report, clean_block, safe_href, status_label

TEMPLATE = "report.html.j2"
_SPACE = re.compile(r"\s+")

STATUS_COLOURS: dict[str, str] = {
    "unreviewed": "#9aa0a6",
    "in_progress": "#4a7fd4",
    "verified": "#2e8b57",
    "disputed": "#d98a00",
    "false": "#c0392b",
    "inconclusive": "#7b5ea7",
}


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
    return env


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


def render_html(report: Report) -> str:
    articles = []
    for part in report.articles:
        articles.append(
            {
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
        )
    return template().render(
        report=report,
        articles=articles,
        statuses=STATUSES,
        colours=STATUS_COLOURS,
        status_label=status_label,
    )
