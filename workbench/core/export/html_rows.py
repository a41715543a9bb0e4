"""The per-claim HTML of the report, built in Python: each claim's section and its
row in the verdict table (``html.py`` writes the page frame around them).

These parts repeat for every claim (100,000 in a big export), so they are f-strings
over values escaped in bulk: every untrusted value through ``escape`` (MarkupSafe's
characters and entities: ``& < > " '``, what Jinja's autoescape wrote when the page
was a template), after the filters of ``html.py`` (``line`` / ``inline`` / ``when`` /
``host`` / ``field_label``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from markupsafe import escape as _markup_escape

from .article_rows import ArticleRows, Row, link_rows
from .report import LinkRow, clean_block, split_text

Filter = Callable[[object], str]


def escape(value: object) -> str:
    """``str(markupsafe.escape(value))``: ``& < > " '`` as ``&amp; &lt; &gt; &#34; &#39;``
    (autoescape's characters and entities), without making a ``Markup`` of each
    piece; anything but plain text goes through MarkupSafe itself."""
    if type(value) is not str:
        if type(value) is int:  # digits and a sign: nothing to escape (counts, positions)
            return str(value)
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
        self._bars: dict[tuple[object, ...], str] = {}

    def _badge(self, status: object) -> tuple[str, str]:
        """(escaped status, escaped label) of a status; kept for text (a status is a
        ``Status`` or plain text: equal ones read the same), worked out for anything else."""
        done = self._status.get(status) if isinstance(status, str) else None
        if done is None:
            done = (escape(status), escape(self.labels(status)))
            if isinstance(status, str):
                self._status[status] = done
        return done

    def render(
        self, rows: ArticleRows, unreviewed: str, many: bool
    ) -> tuple[str, str]:
        """(the claims' sections, the verdict table rows of the marked ones).

        The untrusted text of every claim of the article (its id, label and quote
        parts, after the filters) is escaped in one call: joined on NUL, which no
        filter's output holds, and split again (an article where an id holds a NUL
        escapes each claim's text on its own)."""
        line, inline = self.line, self.inline
        texts: list[str] = []
        claims: list[tuple[Any, ...]] = []
        for position, claim, verdict, change in rows.kept:
            sentence = claim["sentence"]
            before, anchor, after = split_text(
                sentence, claim["anchor"], claim["start"], claim["end"], claim["sentence_start"]
            )
            if not (type(sentence) is str and sentence.isprintable() and "  " not in sentence):
                before, anchor, after = inline(before), inline(anchor), inline(after)
            # else each part of the sentence is as printable: ``inline`` keeps it as it is
            label = verdict["label"] or claim["label"] or claim["anchor"]  # label_of
            texts += (claim["id"], line(label), before, anchor, after)
            claims.append((position, claim, verdict, change, anchor))
        escaped = escape("\0".join(texts)).split("\0") if texts else []
        if len(escaped) != len(texts):  # an id holds a NUL: each text on its own
            escaped = [escape(text) for text in texts]
        return self._write(rows, claims, escaped, unreviewed, many)

    def _write(
        self, rows: ArticleRows, claims: list[tuple[Any, ...]], escaped: list[str],
        unreviewed: str, many: bool,
    ) -> tuple[str, str]:
        line, when = self.line, self.when
        sections: list[str] = []
        add = sections.append
        table: list[str] = []
        article = rows.article
        cell = ""
        if many:
            cell = f"<td>{escape(line(article['title']) or article['id'])}</td>"
        badges, smalls = self._status, self._smalls
        fives = zip(*[iter(escaped)] * 5, strict=False)  # each claim's five escaped texts, in turn
        for (position, claim, verdict, change, anchor), texts in zip(claims, fives, strict=False):
            status = verdict["status"]
            badge = badges.get(status) if isinstance(status, str) else None
            s, label_html = badge or self._badge(status)
            cid, label, before, anchor_html, after = texts
            number = str(position) if type(position) is int else escape(position)
            quote = f"{before}<mark>{anchor_html}</mark>{after}" if anchor else before
            if status != unreviewed:
                table.append(
                    f'<tr><td>{number}</td><td><span class="badge s-{s}">{label_html}</span>'
                    f'</td><td><a href="#claim-{cid}">{label}</a></td>{cell}</tr>\n'
                )
            try:  # only text keys are kept: a key of other values finds none (1 == True)
                small = smalls[claim["kind"], claim["claim_type"], claim["speaker"]]
            except (KeyError, TypeError):  # not yet, or unhashable
                small = self._small(claim)
            note = verdict["note"]
            head = (
                f'<article class="claim s-{s}" id="claim-{cid}">\n'
                f'<h3>{number}. {label} <span class="badge s-{s}">{label_html}</span></h3>\n'
                f"<blockquote>{quote}</blockquote>\n"
                f'<p class="small">{small} · claim id: <code>{cid}</code></p>\n'
            )
            if not (note or verdict["links"] or change or verdict["updated_at"]):
                add(f"{head}</article>\n")  # nothing more to say of most claims
                continue
            add(head)
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

    def statuses(self, statuses: Sequence[object], counts: dict[str, int], total: int) -> str:
        """An article's bar (a segment per status it has) and legend (every status); the
        ones already written are kept by their counts (articles of a size share most)."""
        numbers = (total, *(counts.get(status) for status in statuses))  # type: ignore[call-overload]
        if not all(type(n) is int for n in numbers):  # counted, so never; else as they are
            return self._statuses(statuses, counts, total)
        key = (tuple(statuses), numbers)
        done = self._bars.get(key)
        if done is None:
            done = self._statuses(statuses, counts, total)
            if len(self._bars) < 4096:
                self._bars[key] = done
        return done

    def _statuses(self, statuses: Sequence[object], counts: dict[str, int], total: int) -> str:
        badges = [(status, *self._badge(status)) for status in statuses]
        out = ['<div class="bar" role="img" aria-label="claims per status">\n']
        for status, s, label in badges:
            count = counts.get(status, 0)
            if count:
                percent = f"{100 * count / total:.2f}" if total else "0"
                out.append(
                    f'<span class="s-{s}" style="width: {percent}%" title="{label}: '
                    f'{escape(count)}"></span>\n'
                )
        out.append('</div>\n<ul class="legend">\n')
        for status, s, label in badges:
            out.append(
                f'<li><i class="s-{s}"></i>{label} <strong>{escape(counts[status])}</strong></li>\n'
            )
        out.append("</ul>\n")
        return "".join(out)

    def _small(self, claim: Row) -> str:
        """The escaped kind, type and speaker of a claim (few distinct ones: kept)."""
        key = kind, claim_type, speaker = claim["kind"], claim["claim_type"], claim["speaker"]
        if not (  # 1 == True == 1.0: only text (or None) as keys
            type(kind) is str
            and (claim_type is None or type(claim_type) is str)
            and (speaker is None or type(speaker) is str)
        ):
            return self._small_of(*key)
        done = self._smalls.get(key)
        if done is None:
            if len(self._smalls) >= 4096:
                self._smalls.clear()
            done = self._smalls[key] = self._small_of(*key)
        return done

    def _small_of(self, kind: object, claim_type: object, speaker: object) -> str:
        """Each fact named, as the Markdown report names them: the bare "quantity ·
        quantity" (a kind, then a claim type of the same name) read as a stutter."""
        line = self.line
        small = f"kind: {escape(line(kind))}"
        if claim_type:
            small = f"{small} · claim type: {escape(line(claim_type))}"
        if speaker:
            small = f"{small} · said by: {escape(line(speaker))}"
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
