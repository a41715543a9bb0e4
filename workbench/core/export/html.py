"""The HTML report: one self-contained file (inline CSS, no scripts, no external requests).

Written in Python as pieces of text (the page frame here, each claim's section and
table row in ``html_rows``): every value that comes from the workspace goes through
``html_rows.escape`` (MarkupSafe's characters and entities, what Jinja's autoescape
wrote before; anything but text through MarkupSafe itself) after the filters below.
Link targets come only from ``report.safe_href`` (http/https), and a
Content-Security-Policy meta tag forbids scripts and any external load in the browser.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from ..models import STATUSES
from ..text import one_line, strip_controls
from ..vocabulary import STATUS_STYLE, Status
from .article_rows import ArticleRows, article_rows
from .html_rows import ClaimHtml, escape
from .report import Report, safe_href, source_text, status_label
from .spool import Spool

_SPACE = re.compile(r"\s+")

STATUS_COLOURS: dict[str, str] = {status: style.paper for status, style in STATUS_STYLE.items()}
"""The colours of the statuses on the page (``vocabulary.STATUS_STYLE``)."""


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
    if type(name) is str:
        return _field_label(name)
    return _field_label(str(name or ""))


@lru_cache(maxsize=256)
def _field_label(name: str) -> str:
    text = one_line(name, 40)
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


_CSS_HEAD = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="workbench">
"""  # noqa: E501

_CSS_TOP = """<style>
:root { --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #fff; --soft: #f6f8fa; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); margin: 0 auto; max-width: 52rem; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
h3 { font-size: 1.05rem; margin: 0 0 .5rem; }
.meta { color: var(--muted); margin: 0 0 1rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0 0 1rem; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.bar { display: flex; height: 1.1rem; border-radius: .3rem; overflow: hidden; background: var(--soft); border: 1px solid var(--line); }
.bar span { display: block; height: 100%; }
.legend { list-style: none; padding: 0; margin: .4rem 0 1rem; display: flex; flex-wrap: wrap; gap: .3rem 1rem; font-size: .9rem; }
.legend i { display: inline-block; width: .8rem; height: .8rem; border-radius: .15rem; margin-right: .3rem; vertical-align: -.05rem; }
article.claim { border: 1px solid var(--line); border-left: .35rem solid var(--muted); border-radius: .4rem; padding: .75rem 1rem; margin: 0 0 1rem; break-inside: avoid; page-break-inside: avoid; }
"""  # noqa: E501

_CSS_STATUS = """article.claim.s-{s}, .bar .s-{s}, .legend .s-{s} {{ border-left-color: {c}; background-color: {c}; }}
article.claim.s-{s} {{ background-color: transparent; }}
.badge.s-{s} {{ background: {c}; }}
"""  # noqa: E501

_CSS_BOTTOM = """.badge { color: #fff; border-radius: 1rem; padding: 0 .6rem; font-size: .85rem; white-space: nowrap; }
blockquote { margin: .25rem 0 .5rem; padding: .25rem .75rem; background: var(--soft); border-radius: .3rem; }
mark { background: #fff3b0; color: inherit; padding: 0 .1rem; border-radius: .15rem; }
.note { white-space: pre-wrap; overflow-wrap: anywhere; margin: .25rem 0; }
.links { margin: .25rem 0; padding-left: 1.2rem; }
.links li { overflow-wrap: anywhere; }
.stance { font-variant: small-caps; color: var(--muted); }
.dead { color: #c0392b; font-weight: 600; }
.ok { color: #2e8b57; }
.small { color: var(--muted); font-size: .85rem; }
.host { color: var(--muted); font-size: .85rem; }
.host::before { content: "("; } .host::after { content: ")"; }
code { font-size: .85em; }
.verdicts table { border-collapse: collapse; width: 100%; }
.verdicts th, .verdicts td { text-align: left; padding: .2rem .5rem; border-bottom: 1px solid #e0e0e0; vertical-align: top; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  a { color: inherit; }
  a[href]::after { content: " (" attr(href) ")"; font-size: .8em; color: var(--muted); overflow-wrap: anywhere; }
  .host { display: none; }
  .bar, .badge, .legend i { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
</style>
</head>
<body>
<header>
<h1>Verdict report</h1>
"""  # noqa: E501


def _head(report: Report, count: int, first: dict[str, Any] | None) -> str:
    """The page up to the verdict table (or the word that there are no articles)."""
    out = [_CSS_HEAD, "<title>Verdict report"]
    if count == 1:
        assert first is not None
        out += [": ", escape(line(first["title"]) or line(first["source"]))]
    out += ["</title>\n", _CSS_TOP]
    for status in STATUSES:
        out.append(_CSS_STATUS.format(s=escape(status), c=escape(STATUS_COLOURS[status])))
    out += [
        _CSS_BOTTOM,
        f'<p class="meta">Generated {escape(when(report.generated_at))} by '
        f"{escape(line(report.exported_by))}.\n",
    ]
    if report.filtered:
        out.append("Filtered:")
        if report.statuses:
            labels = ", ".join(escape(status_label(s)) for s in report.statuses)
            out.append(f" status {labels}")
        if report.statuses and report.reviewer:
            out.append(";")
        if report.reviewer:
            out.append(f" reviewer {escape(line(report.reviewer))}")
        out.append(".\n")
    out.append("</p>\n</header>\n<main>\n")
    if count:
        out.append('<section class="verdicts">\n<h2>Verdicts</h2>\n')
    else:
        out.append("<p><em>No articles.</em></p>\n")
    return "".join(out)


def _table_start(many: bool) -> str:
    article = "<th>Article</th>" if many else ""
    return (
        "<table>\n<thead><tr><th>#</th><th>Verdict</th><th>Claim</th>"
        f"{article}</tr></thead>\n<tbody>\n"
    )


def _table_end(found: bool) -> str:
    if found:
        return "</tbody>\n</table>\n</section>\n"
    return "<p><em>No verdicts yet.</em></p>\n</section>\n"


_FOOT = "</main>\n</body>\n</html>\n"


def _article(
    rows: ArticleRows, claims_html: str, statuses_html: str, filtered: bool, labels: _Labels
) -> str:
    """One article's section: its facts, bar and legend, claims and orphans."""
    part = rows.article
    aid = escape(part["id"])
    source = escape(line(source_text(part["source"])))
    href = safe_href(part["source"])
    if href:
        source = f'<a href="{escape(href)}" rel="noopener noreferrer nofollow">{source}</a>'
    if rows.reviewers:
        first, last = when(rows.first_reviewed), when(rows.last_reviewed)
        reviewed = escape(first) + (f" to {escape(last)}" if last != first else "")
        reviewed += " by " + ", ".join(escape(line(r)) for r in rows.reviewers)
    else:
        reviewed = "not yet"
    out = [
        f'<section class="article" id="article-{aid}">\n'
        f"<h2>{escape(line(part['title']) or line(part['source']) or part['id'])}</h2>\n"
        '<dl class="facts">\n'
        f"<dt>Source</dt><dd>{source}</dd>\n"
        f"<dt>Article id</dt><dd><code>{aid}</code></dd>\n"
        f"<dt>Reviewed</dt><dd>{reviewed}</dd>\n"
        f"<dt>Progress</dt><dd>{escape(rows.reviewed)} of {escape(rows.total)} claims reviewed "
        f"({escape(f'{rows.share:.0%}')})</dd>\n"
        "</dl>\n",
        statuses_html,
    ]
    if not rows.kept:
        out.append(
            "<p><em>No claims match the filters.</em></p>\n" if filtered
            else "<p><em>No claims.</em></p>\n"
        )
    out.append(claims_html)
    orphans = _orphans(rows)
    if orphans:
        out.append(
            f"<h3>{len(orphans)} verdict(s) kept for claims no longer in the article</h3>\n"
            '<ul class="orphans">\n'
        )
        for orphan in orphans:
            note = f" · {escape(line(orphan['note']))}" if orphan["note"].strip() else ""
            out.append(
                f'<li><span class="badge s-{escape(orphan["status"])}">'
                f'{escape(labels(orphan["status"]))}</span> {escape(line(orphan["label"]))} '
                f"<code>{escape(orphan['claim_id'])}</code>{note}</li>\n"
            )
        out.append("</ul>\n")
    out.append("</section>\n")
    return "".join(out)


def iter_html(report: Report) -> Iterator[str]:
    """The HTML report in pieces, the articles read once: the head, the verdict table
    as the articles are read (each article's section spooled meanwhile), the
    sections, the foot."""
    return _pieces(report, False)


def iter_html_bytes(report: Report) -> Iterator[bytes]:
    """``iter_html`` as UTF-8 (the articles' sections not decoded and encoded again)."""
    for piece in _pieces(report, True):
        yield piece.encode() if type(piece) is str else piece


def _pieces(report: Report, as_bytes: bool) -> Iterator[Any]:
    """``iter_html``'s pieces; the spool's as UTF-8 when ``as_bytes``."""
    count = len(report.articles)
    many = count > 1
    labels = _Labels()
    claims = ClaimHtml(line, inline, when, host, field_label, labels)
    unreviewed = Status.UNREVIEWED
    if not count:
        yield _head(report, 0, None)
        yield _FOOT
        return
    found = False
    filtered = report.filtered
    with Spool("strict" if as_bytes else "surrogatepass") as spool:
        for n, rows in enumerate(article_rows(report)):
            if not n:
                yield _head(report, count, rows.article)
            sections, table = claims.render(rows, unreviewed, many)
            if table:
                if not found:
                    yield _table_start(many)
                    found = True
                yield table
            bar = claims.statuses(STATUSES, rows.counts, rows.total)
            spool.write(_article(rows, sections, bar, filtered, labels))
        yield _table_end(found)
        yield from spool.byte_pieces() if as_bytes else spool.pieces()
    yield _FOOT


def render_html(report: Report) -> str:
    return "".join(iter_html(report))
