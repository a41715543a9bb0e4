"""The Markdown report (CommonMark/GFM).

Untrusted text is escaped so that it stays text: every Markdown and HTML
metacharacter is backslash-escaped, line-start block markers are neutralized,
and bare ``http://``/``www.`` cannot become autolinks. Links are emitted only by
this module, only for http/https URLs, as ``[title](<url>)``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import quote

from ..models import STATUSES
from ..text import strip_controls
from ..vocabulary import Status
from .report import (
    ArticleReport,
    ClaimRow,
    LinkRow,
    Report,
    Summary,
    clean_block,
    safe_href,
    status_label,
)

_SPECIAL = re.compile(r"([\\`*_\[\]<>&|~#])")
_LINE_START = re.compile(r"^([-+=>]|\d{1,9}(?=[.)]))")
_AUTOLINK = re.compile(r"(?i)(://|\bwww\.)")
_SPACE = re.compile(r"\s+")
BAR_WIDTH = 20


def md_escape(text: str, in_link: bool = False) -> str:
    """Untrusted text as literal Markdown inline text (whitespace collapsed, edges kept).

    Emphasis, code, link, HTML, entity, table and strikethrough characters are
    backslash-escaped; ``://`` and ``www.`` are broken so GFM cannot autolink.
    """
    text = _SPACE.sub(" ", strip_controls(str(text or "")))
    text = _SPECIAL.sub(r"\\\1", text)
    if in_link:  # inside a link's text, where GFM does not autolink
        return text
    return _AUTOLINK.sub(
        lambda m: ":\\/\\/" if m.group(1) == "://" else m.group(1)[:-1] + "\\.", text
    )


def md_text(text: str) -> str:
    """Untrusted text as one trimmed line of literal Markdown inline text."""
    return md_escape(text).strip()


def md_line(text: str) -> str:
    """One trimmed line; a leading block marker (list, heading underline, quote) escaped."""
    line = md_escape(text).strip()
    if line[:1].isdigit():
        return _LINE_START.sub(lambda m: m.group(1) + "\\", line, count=1)
    return _LINE_START.sub(r"\\\1", line, count=1)


def md_block(text: str, indent: str) -> str:
    """Multi-line untrusted text, each line escaped and indented under a list item."""
    lines = [md_line(raw) for raw in clean_block(text).split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    # Hard line breaks keep the note's lines; an empty line ends the paragraph.
    return "\n".join(f"{indent}{line}  " if line else "" for line in lines).rstrip()


def md_url(href: str) -> str:
    """A safe (http/https) URL as a Markdown link destination in angle brackets."""
    return "<" + quote(href, safe="/:?#[]@!$&'*+,;=%~-._") + ">"


def md_link(text: str, href: str | None) -> str:
    if not href:
        return md_text(text)
    label = md_escape(text, in_link=True).strip() or md_escape(href, in_link=True)
    return f"[{label}]({md_url(href)})"


def text_bar(summary: Summary, width: int = BAR_WIDTH) -> list[str]:
    """The summary as a small text bar chart, one line per status."""
    total = summary.total or 1
    name_width = max(len(status_label(s)) for s in STATUSES)
    lines = []
    for status in STATUSES:
        count = summary.counts.get(status, 0)
        filled = round(width * count / total)
        bar = "█" * filled + "░" * (width - filled)
        lines.append(f"{status_label(status):<{name_width}}  {bar}  {count}")
    return lines


def _link_line(link: LinkRow) -> str:
    parts = [f"- *{link.stance}*: {md_link(link.title or link.url, link.href)}"]
    if link.state == "dead":
        code = f" {link.status_code}" if link.status_code else ""
        reason = f": {md_text(link.error)}" if link.error else ""
        parts.append(f"**dead link**{code}{reason}")
    elif link.state == "ok":
        parts.append(f"checked ok{f' {link.status_code}' if link.status_code else ''}")
    if link.archive_href:
        stamp = md_text(link.archive_timestamp) or "snapshot"
        parts.append(f"archived: [{stamp}]({md_url(link.archive_href)})")
    return " · ".join(p for p in parts if p)


def _claim(row: ClaimRow) -> list[str]:
    claim, verdict = row.claim, row.verdict
    out = [f"### {row.position}. {md_text(row.label)}", ""]
    if row.anchor:
        before = md_escape(row.before).lstrip()
        anchor = md_escape(row.anchor).strip()
        sentence = f"{before}**{anchor}**{md_escape(row.after).rstrip()}"
    else:
        sentence = md_text(row.before)
    out.append(f"> {sentence}")
    out.append("")
    out.append(f"- **Status:** {status_label(verdict.status)}")
    out.append(f"- **Kind:** {md_text(claim.kind)} · **Claim id:** `{md_text(claim.id)}`")
    if claim.claim_type or claim.speaker:
        facts = [f"**Claim type:** {md_text(claim.claim_type)}"] if claim.claim_type else []
        facts += [f"**Said by:** {md_text(claim.speaker)}"] if claim.speaker else []
        out.append("- " + " · ".join(facts))
    if verdict.note.strip():
        out.append("- **Note:**")
        out.append(md_block(verdict.note, "  "))
    if row.links:
        out.append("- **Evidence:**")
        out.extend("  " + _link_line(link) for link in row.links)
    change = row.last_change
    if change is not None:
        who = md_text(change.reviewer) or "unknown"
        out.append(f"- **Last change:** {md_text(change.field)} by {who}, {md_text(change.at)}")
    elif verdict.updated_at:
        who = md_text(verdict.reviewer) or "unknown"
        out.append(f"- **Last change:** by {who}, {md_text(verdict.updated_at)}")
    out.append("")
    return out


def _article(part: ArticleReport, report: Report) -> list[str]:
    article = part.article
    summary = part.summary
    out = [f"## {md_text(article.title) or md_text(article.source) or md_text(article.id)}", ""]
    source_href = safe_href(article.source)
    out.append(f"- **Source:** {md_link(article.source, source_href)}")
    out.append(f"- **Article id:** `{md_text(article.id)}`")
    if part.reviewers:
        who = ", ".join(md_text(r) for r in part.reviewers)
        when = md_text(part.first_reviewed)
        if part.last_reviewed != part.first_reviewed:
            when += f" to {md_text(part.last_reviewed)}"
        out.append(f"- **Reviewed:** {when} by {who}")
    else:
        out.append("- **Reviewed:** not yet")
    out.append(
        f"- **Progress:** {summary.reviewed} of {summary.total} claims reviewed "
        f"({summary.share:.0%})"
    )
    out += ["", "```text", *text_bar(summary), "```", ""]
    if not part.claims:
        out += ["*No claims match the filters.*" if report.filtered else "*No claims.*", ""]
    for row in part.claims:
        out.extend(_claim(row))
    if part.orphans:
        out.append(f"*{len(part.orphans)} verdict(s) kept for claims no longer in the article:*")
        out.append("")
        for orphan in part.orphans:
            v = orphan.verdict
            line = f"- **{status_label(v.status)}** · {md_text(orphan.label)}"
            line += f" · `{md_text(v.claim_id)}`"
            note = md_text(clean_block(v.note).strip().split("\n")[0]) if v.note.strip() else ""
            out.append(line + (f" · {note}" if note else ""))
        out.append("")
    return out


def _verdict_table(report: Report) -> Iterator[str]:
    """The verdicts at a glance: one row per claim with a verdict, in report order
    (line by line: the articles are read as the table is written)."""
    yield "## Verdicts"
    yield ""
    many = len(report.articles) > 1
    empty = True
    for part in report.articles:
        for row in part.claims:
            if row.verdict.status == Status.UNREVIEWED:
                continue
            if empty:
                yield "| # | Verdict | Claim |" + (" Article |" if many else "")
                yield "|---:|---|---|" + ("---|" if many else "")
                empty = False
            cells = [str(row.position), status_label(row.verdict.status), md_text(row.label)]
            if many:
                cells.append(md_text(part.article.title) or md_text(part.article.id[:8]))
            yield "| " + " | ".join(cells) + " |"
    if empty:
        yield "*No verdicts yet.*"
    yield ""


def _groups(report: Report) -> Iterator[list[str]]:
    """The report's lines in groups (the head, the verdict table in slices, each article)."""
    out = ["# Verdict report", ""]
    out.append(f"Generated {md_text(report.generated_at)} by {md_text(report.exported_by)}.")
    if report.filtered:
        filters = []
        if report.statuses:
            filters.append("status " + ", ".join(status_label(s) for s in report.statuses))
        if report.reviewer:
            filters.append(f"reviewer {md_text(report.reviewer)}")
        out.append(f"Filtered: {'; '.join(filters)}.")
    out.append("")
    if not report.articles:
        out += ["*No articles.*", ""]
        yield out
    else:
        for line in _verdict_table(report):
            out.append(line)
            if len(out) >= 2000:
                yield out
                out = []
        if out:
            yield out
    for part in report.articles:
        yield _article(part, report)


def iter_markdown(report: Report) -> Iterator[str]:
    """The Markdown report in pieces (one article at a time): the lines joined by
    newlines, trailing blank lines dropped, one final newline."""
    held = ""  # trailing newlines not yet written: dropped at the end
    first = True
    for group in _groups(report):
        piece = ("" if first else "\n") + "\n".join(group)
        first = False
        body = piece.rstrip("\n")
        if body:
            yield held + body
            held = piece[len(body) :]
        else:
            held += piece
    yield "\n"


def render_markdown(report: Report) -> str:
    return "".join(iter_markdown(report))
