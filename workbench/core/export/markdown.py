"""The Markdown report (CommonMark/GFM).

Untrusted text is escaped so that it stays text: every Markdown and HTML
metacharacter is backslash-escaped, line-start block markers are neutralized,
and bare ``http://``/``www.`` cannot become autolinks. Links are emitted only by
this module, only for http/https URLs, as ``[title](<url>)``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

from ..models import STATUSES
from ..text import strip_controls
from ..vocabulary import Status, bar_cells
from .article_rows import ArticleRows, Kept, Row, article_rows, label_of, link_rows
from .report import (
    LinkRow,
    Report,
    Summary,
    clean_block,
    safe_href,
    source_text,
    split_text,
    status_label,
)
from .spool import Spool

_SPECIAL = re.compile(r"([\\`*_\[\]<>&|~#])")
_LINE_START = re.compile(r"^([-+=>]|\d{1,9}(?=[.)]))")
_AUTOLINK = re.compile(r"(?i)(://|\bwww\.)")
_SPACE = re.compile(r"\s+")
BAR_WIDTH = 20


_NOTHING_SPECIAL = re.compile(r"[^\\`*_\[\]<>&|~#]*")
"""Text without any character ``_SPECIAL`` escapes (a negated class: the fastest scan)."""


def plain(text: object) -> bool:
    """True when ``md_escape(text)`` is ``text`` itself: printable (the only space
    is single ASCII spaces), nothing to escape, nothing GFM could autolink. A part
    of a plain text is plain too."""
    return (
        type(text) is str
        and text.isprintable()
        and "  " not in text
        and "://" not in text
        and _NOTHING_SPECIAL.fullmatch(text) is not None
        and "www." not in text.lower()
    )


def md_escape(text: str, in_link: bool = False) -> str:
    """Untrusted text as literal Markdown inline text (whitespace collapsed, edges kept).

    Emphasis, code, link, HTML, entity, table and strikethrough characters are
    backslash-escaped; ``://`` and ``www.`` are broken so GFM cannot autolink.
    """
    if plain(text):
        return text  # type: ignore[return-value]
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
    if not line or (line[0] not in "-+=>" and not line[0].isdigit()):
        return line  # no block marker to escape
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
        filled = bar_cells([count, total - count], width)[0]
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


class _Writer:
    """The report's escaping and labels, each short text worked out once per export."""

    def __init__(self) -> None:
        self.texts: dict[object, str] = {}
        """``md_text`` of short texts already seen (read ``texts.get(x) or text(x)``)."""
        self.labels: dict[object, str] = {}
        """``status_label`` of statuses already seen."""
        self.bars: dict[tuple[Any, ...], list[str]] = {}
        """The summary lines of the counts already seen (``_summary_lines``)."""

    def text(self, value: object) -> str:
        """``md_text``, remembered for short texts (kinds, names, times repeat)."""
        if type(value) is str and len(value) <= 64:
            done = self.texts.get(value)
            if done is None:
                done = self.texts[value] = md_text(value)
            return done
        return md_text(value)

    def label(self, status: object) -> str:
        done = self.labels.get(status)
        if done is None:
            done = self.labels[status] = status_label(status)  # type: ignore[arg-type]
        return done


def all_plain(texts: list[object]) -> bool:
    """``plain`` of each of ``texts``, checked on their join (a part of a plain text
    is plain; a false answer only means: check each on its own)."""
    try:
        return plain(" ".join(texts))  # type: ignore[arg-type]
    except TypeError:  # not all text
        return False


def _sentence(claim: Row, known_plain: bool = False) -> str:
    """The claim's sentence with its anchor in bold (the quote line of a claim);
    ``known_plain``: the sentence is known to be plain."""
    sentence = claim["sentence"]
    before, anchor, after = split_text(
        sentence, claim["anchor"], claim["start"], claim["end"], claim["sentence_start"]
    )
    if known_plain or plain(sentence):  # its parts are plain too: nothing to escape
        if anchor:
            return f"{before.lstrip()}**{anchor.strip()}**{after.rstrip()}"
        return before.strip()
    if anchor:
        return f"{md_escape(before).lstrip()}**{md_escape(anchor).strip()}**" + (
            md_escape(after).rstrip()
        )
    return md_text(before)


def _claim(out: list[str], kept: Kept, w: _Writer, known_plain: bool = False) -> None:
    """The claim's lines, as one piece (they are joined by newlines all the same);
    ``known_plain``: its label and sentence are known to be plain."""
    position, claim, verdict, change = kept
    label = verdict["label"] or claim["label"] or claim["anchor"]  # label_of
    cid, status, kind = claim["id"], verdict["status"], claim["kind"]
    block = (
        f"### {position}. {label.strip() if known_plain or plain(label) else md_text(label)}"
        f"\n\n> {_sentence(claim, known_plain)}\n\n"
        f"- **Status:** {w.labels.get(status) or w.label(status)}\n"
        f"- **Kind:** {w.text(kind)} · **Claim id:** "
        f"`{cid if type(cid) is str and cid.isalnum() else md_text(cid)}`"
    )
    claim_type, speaker = claim["claim_type"], claim["speaker"]
    if claim_type or speaker:
        facts = [f"**Claim type:** {w.text(claim_type)}"] if claim_type else []
        facts += [f"**Said by:** {w.text(speaker)}"] if speaker else []
        block += "\n- " + " · ".join(facts)
    note = verdict["note"]
    if note.strip():
        block += "\n- **Note:**\n" + md_block(note, "  ")
    if verdict["links"]:
        block += "\n- **Evidence:**"
        block += "".join("\n  " + _link_line(link) for link in link_rows(verdict))
    if change is not None:
        who = w.text(change["reviewer"]) or "unknown"
        block += f"\n- **Last change:** {w.text(change['field'])} by {who}, {w.text(change['at'])}"
    elif verdict["updated_at"]:
        who = w.text(verdict["reviewer"]) or "unknown"
        block += f"\n- **Last change:** by {who}, {w.text(verdict['updated_at'])}"
    out.append(block + "\n")


def _summary_lines(rows: ArticleRows, bars: dict[tuple[Any, ...], list[str]]) -> list[str]:
    """``text_bar`` of the article's counts (``bars``: the ones already drawn, by counts:
    articles of a size share most)."""
    counts = rows.counts
    key = (rows.total, *(counts.get(status, 0) for status in STATUSES))
    if not all(type(n) is int for n in key):  # counted, so never; else drawn as they are
        return text_bar(Summary(total=rows.total, counts=counts, reviewed=rows.reviewed))
    lines = bars.get(key)
    if lines is None:
        lines = text_bar(Summary(total=rows.total, counts=counts, reviewed=rows.reviewed))
        if len(bars) < 4096:
            bars[key] = lines
    return lines


def _known_plain(rows: ArticleRows) -> bool:
    """The labels and sentences of the claims kept are all plain (checked at once:
    they are in most articles)."""
    texts: list[object] = [v["label"] or c["label"] or c["anchor"] for _, c, v, _ in rows.kept]
    texts += [c["sentence"] for _, c, _, _ in rows.kept]
    return all_plain(texts)


def _article(rows: ArticleRows, filtered: bool, w: _Writer, known_plain: bool) -> list[str]:
    article = rows.article
    title, source, aid = article["title"], article["source"], article["id"]
    out = [f"## {md_text(title) or md_text(source) or md_text(aid)}", ""]
    out.append(f"- **Source:** {md_link(source_text(source), safe_href(source))}")
    out.append(f"- **Article id:** `{md_text(aid)}`")
    if rows.reviewers:
        who = ", ".join(w.text(r) for r in rows.reviewers)
        when = w.text(rows.first_reviewed)
        if rows.last_reviewed != rows.first_reviewed:
            when += f" to {w.text(rows.last_reviewed)}"
        out.append(f"- **Reviewed:** {when} by {who}")
    else:
        out.append("- **Reviewed:** not yet")
    out.append(
        f"- **Progress:** {rows.reviewed} of {rows.total} claims reviewed ({rows.share:.0%})"
    )
    out += ["", "```text", *_summary_lines(rows, w.bars), "```", ""]
    if not rows.kept:
        out += ["*No claims match the filters.*" if filtered else "*No claims.*", ""]
    for kept in rows.kept:
        _claim(out, kept, w, known_plain)
    if rows.orphaned:
        out.append(f"*{len(rows.orphaned)} verdict(s) kept for claims no longer in the article:*")
        out.append("")
        for v, claim in zip(rows.orphaned, rows.orphan_claims, strict=True):
            label = v["label"] or (
                (claim["label"] or claim["anchor"]) if claim is not None
                else f"claim {v['claim_id']}"
            )
            line = f"- **{w.label(v['status'])}** · {md_text(label)}"
            line += f" · `{md_text(v['claim_id'])}`"
            note = v["note"]
            note = md_text(clean_block(note).strip().split("\n")[0]) if note.strip() else ""
            out.append(line + (f" · {note}" if note else ""))
        out.append("")
    return out


def _pieces(report: Report, as_bytes: bool = False) -> Iterator[Any]:
    """The report's lines joined by newlines, in pieces: the head and the verdict
    table as the articles are read, each article's section spooled meanwhile (the
    table comes first, and each article is read once), then the spool. ``as_bytes``:
    the pieces as UTF-8 (the spool's bytes as they are)."""
    for piece in _text_pieces(report, as_bytes):
        yield piece.encode() if as_bytes and type(piece) is str else piece


def _text_pieces(report: Report, as_bytes: bool) -> Iterator[Any]:
    """``_pieces``: text, and the spool's UTF-8 when ``as_bytes``."""
    head = ["# Verdict report", ""]
    head.append(f"Generated {md_text(report.generated_at)} by {md_text(report.exported_by)}.")
    if report.filtered:
        filters = []
        if report.statuses:
            filters.append("status " + ", ".join(status_label(s) for s in report.statuses))
        if report.reviewer:
            filters.append(f"reviewer {md_text(report.reviewer)}")
        head.append(f"Filtered: {'; '.join(filters)}.")
    head.append("")
    if not report.articles:
        yield "\n".join([*head, "*No articles.*", ""])
        return
    many = len(report.articles) > 1
    filtered = report.filtered
    w = _Writer()
    table = [*head, "## Verdicts", ""]
    empty, first = True, True
    unreviewed = Status.UNREVIEWED
    with Spool("strict" if as_bytes else "surrogatepass") as spool:
        for rows in article_rows(report):
            aname = ""
            if many:
                article = rows.article
                aname = md_text(article["title"]) or md_text(article["id"][:8])
            known_plain = _known_plain(rows)
            for position, claim, verdict, _ in rows.kept:
                status = verdict["status"]
                if status == unreviewed:
                    continue
                if empty:
                    table.append("| # | Verdict | Claim |" + (" Article |" if many else ""))
                    table.append("|---:|---|---|" + ("---|" if many else ""))
                    empty = False
                label = label_of(claim, verdict)
                cells = f"| {position} | {w.label(status)} | " + (
                    label.strip() if known_plain or plain(label) else md_text(label)
                )
                table.append(f"{cells} | {aname} |" if many else f"{cells} |")
            spool.write("\n" + "\n".join(_article(rows, filtered, w, known_plain)))
            if len(table) >= 2000:
                yield ("" if first else "\n") + "\n".join(table)
                table, first = [], False
        if empty:
            table.append("*No verdicts yet.*")
        table.append("")
        yield ("" if first else "\n") + "\n".join(table)
        yield from spool.byte_pieces() if as_bytes else spool.pieces()


def iter_markdown(report: Report) -> Iterator[str]:
    """The Markdown report in pieces (one article at a time): the lines joined by
    newlines, trailing blank lines dropped, one final newline."""
    return _trimmed(_pieces(report), "\n")


def iter_markdown_bytes(report: Report) -> Iterator[bytes]:
    """``iter_markdown`` as UTF-8 (the articles' sections not decoded and encoded again)."""
    return _trimmed(_pieces(report, as_bytes=True), b"\n")


def _trimmed(pieces: Iterator[Any], newline: Any) -> Iterator[Any]:
    """``pieces`` (all text or all bytes) without trailing newlines, then one."""
    held = newline[:0]  # trailing newlines not yet written: dropped at the end
    for piece in pieces:
        body = piece.rstrip(newline)
        if body:
            yield held + body
            held = piece[len(body) :]
        else:
            held += piece
    yield newline


def render_markdown(report: Report) -> str:
    return "".join(iter_markdown(report))
