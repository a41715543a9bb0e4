"""The per-claim HTML of the report, built in Python: each claim's section and its
row in the verdict table.

The template (templates/report.html.j2) keeps the page frame; the parts repeated for
every claim cost Jinja's per-expression work (and a ``Markup`` escape per
expression) at 100,000 claims, so they are written here as the exact bytes the
template wrote before: every untrusted value through one ``markupsafe.escape``
(the same call autoescape makes, so the same characters: ``& < > " '``), the
same filters (``html.line`` / ``inline`` / ``when`` / ``host`` / ``field_label``),
joined with ``str.join`` and handed to the template as ``Markup``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup
from markupsafe import escape as _markup_escape

from .article_rows import ArticleRows, Row, label_of, link_rows
from .report import LinkRow, clean_block, split_text

Filter = Callable[[object], str]


def escape(value: object) -> str:
    """``str(markupsafe.escape(value))``: ``& < > " '`` as ``&amp; &lt; &gt; &#34; &#39;``
    (autoescape's characters and entities), without making a ``Markup`` of each
    piece; anything but plain text goes through MarkupSafe itself."""
    if type(value) is not str:
        return str(_markup_escape(value))
    if "&" in value:
        value = value.replace("&", "&amp;")
    return (
        value.replace("<", "&lt;").replace(">", "&gt;").replace('"', "&#34;").replace("'", "&#39;")
    )


class ClaimHtml:
    """The HTML of the claims of each article, with the filters of ``html.py``."""

    def __init__(
        self, line: Filter, inline: Filter, when: Filter, host: Filter, field_label: Filter,
        labels: Callable[[object], str],
    ) -> None:
        self.line, self.inline, self.when = line, inline, when
        self.host, self.field_label, self.labels = host, field_label, labels
        self._status: dict[object, tuple[str, str]] = {}
        self._smalls: dict[tuple[object, object, object], str] = {}

    def _badge(self, status: object) -> tuple[str, str]:
        """(escaped status, escaped label) of a status, worked out once."""
        done = self._status.get(status)
        if done is None:
            done = self._status[status] = (str(escape(status)), str(escape(self.labels(status))))
        return done

    def render(
        self, rows: ArticleRows, unreviewed: str, many: bool
    ) -> tuple[str, str]:
        """(the claims' sections, the verdict table rows of the marked ones)."""
        line, inline, when = self.line, self.inline, self.when
        sections: list[str] = []
        add = sections.append
        table: list[str] = []
        article = rows.article
        cell = ""
        if many:
            cell = f"<td>{escape(line(article['title']) or article['id'])}</td>"
        for position, claim, verdict, change in rows.kept:
            status = verdict["status"]
            s, label_html = self._badge(status)
            cid = escape(claim["id"])
            number = str(position) if type(position) is int else escape(position)
            before, anchor, after = split_text(
                claim["sentence"], claim["anchor"], claim["start"], claim["end"],
                claim["sentence_start"],
            )
            # the filters' output has no NUL (controls stripped): one escape for all four
            if anchor:
                label, before, anchor, after = escape(
                    f"{line(label_of(claim, verdict))}\0{inline(before)}\0{inline(anchor)}\0"
                    f"{inline(after)}"
                ).split("\0")
                quote = f"{before}<mark>{anchor}</mark>{after}"
            else:
                label, quote = escape(
                    f"{line(label_of(claim, verdict))}\0{inline(before)}"
                ).split("\0")
            if status != unreviewed:
                table.append(
                    f'<tr><td>{number}</td><td><span class="badge s-{s}">{label_html}</span>'
                    f'</td><td><a href="#claim-{cid}">{label}</a></td>{cell}</tr>\n'
                )
            add(
                f'<article class="claim s-{s}" id="claim-{cid}">\n'
                f'<h3>{number}. {label} <span class="badge s-{s}">{label_html}</span></h3>\n'
                f"<blockquote>{quote}</blockquote>\n"
                f'<p class="small">{self._small(claim)} · claim <code>{cid}</code></p>\n'
            )
            note = verdict["note"]
            if note.strip():
                add(f'<div class="note">{escape(clean_block(note).strip(chr(10)))}</div>\n')
            if verdict["links"]:
                links = link_rows(verdict)
                if links:
                    add('<ul class="links">\n')
                    for link in links:
                        add(self._link(link))
                    add("</ul>\n")
            if change:
                add(
                    f'<p class="small">Last change: {escape(self.field_label(change["field"]))} '
                    f'by {escape(line(change["reviewer"]) or "unknown")}, '
                    f'{escape(when(change["at"]))}</p>\n'
                )
            elif verdict["updated_at"]:
                who = escape(line(verdict["reviewer"]) or "unknown")
                add(
                    f'<p class="small">Last change: by {who}, '
                    f'{escape(when(verdict["updated_at"]))}</p>\n'
                )
            add("</article>\n")
        return "".join(sections), "".join(table)

    def _small(self, claim: Row) -> str:
        """The escaped kind, type and speaker of a claim (few distinct ones: kept)."""
        key = (claim["kind"], claim["claim_type"], claim["speaker"])
        if not all(x is None or type(x) is str for x in key):  # 1 == True == 1.0: text keys
            return self._small_of(*key)
        done = self._smalls.get(key)
        if done is None:
            if len(self._smalls) >= 4096:
                self._smalls.clear()
            done = self._smalls[key] = self._small_of(*key)
        return done

    def _small_of(self, kind: object, claim_type: object, speaker: object) -> str:
        line = self.line
        small = escape(line(kind))
        if claim_type:
            small = f"{small} · {escape(line(claim_type))}"
        if speaker:
            small = f"{small} · said by {escape(line(speaker))}"
        return small

    def _link(self, link: LinkRow) -> str:
        line = self.line
        parts: list[Any] = ['<li><span class="stance">', escape(line(link.stance)), "</span> "]
        title = line(link.title)
        shown = escape(title or line(link.url))
        if link.href:
            parts += ['<a href="', escape(link.href), '" rel="noopener noreferrer nofollow">',
                      shown, "</a>"]
            if title:
                parts += [' <span class="host">', escape(self.host(link.href)), "</span>"]
        else:
            parts += [shown, ' <span class="small">(not a web link: ', escape(line(link.url)),
                      ")</span>"]
        code = link.status_code
        if link.state == "dead":
            parts.append(' <span class="dead">dead link')
            if code:
                parts += [" (", escape(code), ")"]
            if link.error:
                parts += [": ", escape(line(link.error))]
            parts.append("</span>")
        elif link.state == "ok":
            parts.append(' <span class="ok">checked ok')
            if code:
                parts += [" (", escape(code), ")"]
            parts.append("</span>")
        if link.archive_href:
            parts += [' · <a href="', escape(link.archive_href),
                      '" rel="noopener noreferrer nofollow">archived ',
                      escape(self.when(link.archive_timestamp)), "</a>"]
        parts.append("</li>\n")
        return "".join(parts)


def as_markup(text: str) -> Markup:
    """HTML built here (every untrusted part escaped) for the template to insert."""
    return Markup(text)
