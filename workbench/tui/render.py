"""The one place where untrusted text becomes something the terminal shows.

Article text, claim labels, notes, link titles and URLs, error messages: all of
it goes through ``strip_controls`` / ``one_line`` and is wrapped in ``Content`` or
``rich.text.Text`` objects built from plain strings. Nothing here ever parses a
string as markup, so ``[bold]``, ``[@click=...]`` or ``[link=...]`` in an article
is shown literally and creates no style, link or action.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from rich.style import Style as RichStyle
from rich.text import Text
from textual.content import Content

from workbench.core.export.report import source_text
from workbench.core.models import FINAL_STATUSES, STATUSES, Change, Claim, Link, Verdict
from workbench.core.nlp.values import format_value, value_facts
from workbench.core.text import one_line, strip_controls
from workbench.core.vocabulary import dismissal_words, progress_cells

Part = str | tuple[str, str] | Content
"""One piece of a line for ``Content.assemble``."""

STATUS_COLOR: dict[str, str] = {
    "unreviewed": "#8b949e",
    "in_progress": "#d4a72c",
    "verified": "#3fb950",
    "disputed": "#e0823d",
    "false": "#f85149",
    "inconclusive": "#a371f7",
    "dismissed": "#6e7681",
}
STATUS_MARK: dict[str, str] = {
    "unreviewed": "·",
    "in_progress": "…",
    "verified": "✓",
    "disputed": "!",
    "false": "✗",
    "inconclusive": "?",
    "dismissed": "–",
}
STATUS_LABEL: dict[str, str] = {
    "unreviewed": "unreviewed",
    "in_progress": "in progress",
    "verified": "verified",
    "disputed": "disputed",
    "false": "false",
    "inconclusive": "inconclusive",
    "dismissed": "dismissed",
}
# Kinds longer than the claims table's kind column, shortened so they stay readable.
KIND_SHORT = {"consistency": "consist."}
# Claim types (Full Fact's) in the claims table's type column.
TYPE_SHORT = {"personal experience": "personal", "correlation/causation": "causation",
              "laws/rules": "rules"}
STANCE_COLOR = {"supports": "#3fb950", "refutes": "#f85149", "context": "#8b949e"}

# Rich styles for the article pane (line API): the anchor of each claim gets its
# status colour, the current claim is reversed.
ANCHOR_STYLE: dict[str, RichStyle] = {
    status: RichStyle(color=color, underline=True) for status, color in STATUS_COLOR.items()
}
CURRENT_STYLE: dict[str, RichStyle] = {
    status: RichStyle(color="#000000", bgcolor=color, bold=True)
    for status, color in STATUS_COLOR.items()
}
CURRENT_SENTENCE_STYLE = RichStyle(bgcolor="#2d333b")
SELECTION_STYLE = RichStyle(color="#ffffff", bgcolor="#1f6feb", bold=True)
CARET_STYLE = RichStyle(color="#000000", bgcolor="#f0f6fc", bold=True)


def safe(text: Any) -> Content:
    """Untrusted multi-line text as Content (controls and escapes removed)."""
    return Content(strip_controls(str(text or "")))


def line(text: Any, limit: int = 0, style: str = "") -> Content:
    """Untrusted text as one clean line of Content, optionally styled."""
    return Content.styled(one_line(str(text or ""), limit), style) if style else Content(
        one_line(str(text or ""), limit)
    )


def hint(text: str) -> Content:
    """One of the app's own key hints (trusted text, spacing kept), dimmed."""
    return Content.styled(text, "dim")


def cell(text: Any, limit: int = 0, style: str | RichStyle = "") -> Text:
    """Untrusted text as a DataTable cell (a plain rich Text, never markup)."""
    return Text(one_line(str(text or ""), limit), style=style, no_wrap=True, end="")


def message(text: Any, limit: int = 300) -> str:
    """An error or notice for ``App.notify(..., markup=False)``: one clean line."""
    return one_line(str(text), limit)


def clean_paste(text: str) -> str:
    """Pasted text as the fields receive it: line ends as ``\n`` (terminals paste a
    newline as ``\r``), escape sequences and control characters removed."""
    return strip_controls(text.replace("\r\n", "\n").replace("\r", "\n"))


def first_upper(text: str) -> str:
    """A notice that starts a sentence: its first letter upper case, the rest as it was
    (``str.capitalize`` lowered the rest: "added … münchen", URLs, names)."""
    return text[:1].upper() + text[1:]


def status_text(status: str) -> Content:
    color = STATUS_COLOR.get(status, "")
    text = f"{STATUS_MARK.get(status, '?')} {STATUS_LABEL.get(status, status)}"
    return Content.styled(text, color)


def mark_cell(status: str) -> Text:
    return Text(STATUS_MARK.get(status, "?"), style=f"bold {STATUS_COLOR.get(status, '')}", end="")


def worthiness_cell(value: float | None) -> Text:
    if value is None:
        return Text("", end="")
    style = "bold" if value >= 0.5 else "dim"
    return Text(f"{value:.2f}", style=style, end="", justify="right")


def claim_label(claim: Claim, verdict: Verdict | None = None) -> str:
    """What the claim is called: the reviewer's wording when there is one."""
    if verdict is not None and verdict.label:
        return verdict.label
    return claim.label or claim.anchor


def extras_cell(verdict: Verdict | None, conflict: bool = False, matched: bool = False) -> Text:
    """The claims list's markers (as the CLI's ``[note]`` ``[1 link]``): ≈ when an
    earlier check of the claim was found (first: always visible), ≠ while a merge
    conflict awaits a look, ✎ when the claim has a note, ↗N for N evidence links."""
    text = Text(end="", no_wrap=True)
    if matched:
        text.append("≈", style="bold cyan")
    if conflict:
        text.append("≠", style="bold #d4a72c")
    if verdict is None:
        return text
    if verdict.note.strip():
        text.append("✎", style="bold")
    if verdict.links:
        text.append(f"↗{len(verdict.links)}" if len(verdict.links) < 10 else "↗9+", style="bold")
    return text


def claim_row(
    claim: Claim,
    status: str,
    verdict: Verdict | None = None,
    conflict: bool = False,
    matched: bool = False,
) -> tuple[Text, Text, Text, Text, Text]:
    """Cells of one claims-table row: status mark, kind, label, markers, worthiness.

    The label is whole: the table cuts it (with "…") to whatever width its column has,
    so a resize changes a column width, not every row."""
    label = cell(claim_label(claim, verdict), 300)
    label.overflow = "ellipsis"
    return (
        mark_cell(status),
        cell(KIND_SHORT.get(claim.kind, claim.kind), 12, "dim"),
        label,
        extras_cell(verdict, conflict, matched),
        worthiness_cell(claim.worthiness),
    )


def type_cell(claim: Claim) -> Text:
    """The claims table's type column: the claim type, "other" dim, none "-"."""
    kind = claim.claim_type or "-"
    return cell(TYPE_SHORT.get(kind, kind), 12, "dim" if kind in ("other", "-") else "")


def progress_bar(counts: Mapping[str, int], width: int = 20) -> Content:
    """A small bar: one coloured block per share of each status; the coloured part is
    as long as the share of claims no longer unreviewed (``progress_cells``)."""
    total = sum(counts.values())
    if total <= 0 or width <= 0:
        return Content.styled("░" * max(width, 0), STATUS_COLOR["unreviewed"])
    order = [*FINAL_STATUSES, "in_progress", "unreviewed"]
    cells = progress_cells([counts.get(status, 0) for status in order], width)
    parts = [
        ("░" * n if status == "unreviewed" else "█" * n, STATUS_COLOR[status])
        for status, n in zip(order, cells, strict=True)
        if n
    ]
    return Content.assemble(*parts)


def status_line(
    title: str,
    counts: Mapping[str, int],
    reviewer: str,
    width: int,
    readonly: bool = False,
    extra: Sequence[Content] = (),
) -> Content:
    """Header line: title, reviewed N of M, bar, per-status counts, reviewer; ``extra``
    (e.g. a team server's connection, longest form first) goes last. Before the title is
    cut below 16 cells the bar goes, then the tallies, then the longer forms of
    ``extra``, then the word "reviewed", then the reviewer's name; READ-ONLY, N/M and
    the shortest ``extra`` always stay, and the line never runs past ``width``."""
    total = sum(counts.values())
    reviewed = sum(counts.get(s, 0) for s in FINAL_STATUSES)
    tallies: list[str | tuple[str, str]] = []
    for status in STATUSES[1:]:
        n = counts.get(status, 0)
        if n:
            tallies += [(f" {STATUS_MARK[status]}{n}", STATUS_COLOR[status])]
    bar = progress_bar(counts, 12 if width < 100 else 20)
    who: list[Part] = [("  " + one_line(reviewer, 20), "italic")]
    ro: list[Part] = [("  READ-ONLY", "bold #f85149")] if readonly else []
    head: list[Part] = [(f" {reviewed}/{total} reviewed ", "bold")]
    bare: list[Part] = [(f" {reviewed}/{total} reviewed", "bold")]
    short: list[Part] = [(f" {reviewed}/{total}", "bold")]
    ends = [["  ", e] for e in extra] or [[]]
    tries: list[list[Part]] = []
    for i, end in enumerate(ends):
        tries += [[*head, bar, *tallies, *who, *ro, *end], [*bare, *tallies, *who, *ro, *end]]
        if i:
            tries.append([*bare, *who, *ro, *end])
    tries += [[*bare, *who, *ro, *ends[-1]], [*short, *who, *ro, *ends[-1]],
              [*short, *ro, *ends[-1]]]
    rights = [Content.assemble(*parts) for parts in tries]
    for least in (16, 8):
        right = next((r for r in rights if width - r.cell_length - 1 >= least), None)
        if right is not None:
            break
    else:
        right = rights[-1]
    room = width - right.cell_length - 1
    if room < 2:  # not even one letter and "…": the title gives way
        return right if right.cell_length <= width else right[:max(width, 0)]
    return Content.assemble((one_line(title or "(untitled)", room), "bold"), " ", right)


def _value_text(kind: str, value: Mapping[str, Any], shown: str = "") -> str:
    """The value's fields ``shown`` (the readable value) leaves out, as a reviewer
    reads them (``core.nlp.values.value_facts``: ``negated``, ``number: 24``)."""
    return " · ".join(one_line(f, 90) for f in value_facts(kind, dict(value), shown))


def variant_lines(value: Mapping[str, Any], limit: int = 12) -> list[Content]:
    """A consistency claim's variants, one per line: the text, how often, and (for a
    number mismatch) the value and the sentence it is in."""
    variants = value.get("variants")
    if not isinstance(variants, list | tuple):
        return []
    out: list[Content] = []
    for item in variants[:limit]:
        if not isinstance(item, Mapping):
            out.append(Content("  " + one_line(str(item), 80)))
            continue
        count = item.get("count")
        if not isinstance(count, int):
            offsets = item.get("offsets")
            count = len(offsets) if isinstance(offsets, list | tuple) else None
        parts: list[str | tuple[str, str]] = [
            ("  " + one_line(str(item.get("text", "")), 60), "bold")
        ]
        if isinstance(count, int):
            parts.append((f"  ×{count}", "dim"))
        qualifier = item.get("qualifier")
        if qualifier and qualifier != "exact":
            parts.append(("  " + one_line(str(qualifier), 20), "dim"))
        out.append(Content.assemble(*parts))
        if item.get("sentence"):
            out.append(Content.styled("    “" + one_line(str(item["sentence"]), 100) + "”", "dim"))
    if len(variants) > limit:
        out.append(Content.styled(f"  … and {len(variants) - limit} more", "dim"))
    return out


def sentence(claim: Claim) -> Content:
    """The claim's sentence on one line, its anchor reversed."""
    sentence = strip_controls(claim.sentence)
    start = claim.start - claim.sentence_start
    end = claim.end - claim.sentence_start
    content = Content(" ".join(sentence.split("\n")))
    if 0 <= start < end <= len(sentence):
        content = content.stylize("bold reverse", start, end)
    return content


def link_lines(links: Sequence[Link], width: int = 100) -> list[Content]:
    """One or two lines per evidence link: stance, URL, title, last check."""
    out: list[Content] = []
    for link in links:
        stance = link.stance if link.stance in STANCE_COLOR else "context"
        head = Content.assemble(
            (f"  {stance:<8} ", STANCE_COLOR[stance]), (one_line(link.url, width), "underline")
        )
        out.append(head)
        extra: list[str | tuple[str, str]] = []
        if link.title:
            extra.append(f"    “{one_line(link.title, width)}”")
        if link.check is not None:
            check = link.check
            result = f"HTTP {check.status_code}" if check.status_code else ""
            error = one_line(check.error or "", 60)
            when = one_line(check.checked_at, 25)
            if check.refused:  # refused before any request: says nothing about the link
                extra.append(("    not checked: " + " ".join(p for p in (error, when) if p), "dim"))
            else:
                label = "ok" if check.ok else "failed"
                detail = " ".join(p for p in (label, result, error, when) if p)
                extra.append(("    checked: " + detail, "#3fb950" if check.ok else "#f85149"))
        if link.archive is not None and link.archive.url:
            extra.append(("    archive: " + one_line(link.archive.url, width), "dim"))
        for part in extra:
            out.append(Content.assemble(part))
    return out


def history_lines(changes: Iterable[Change], limit: int = 8) -> list[Content]:
    rows = list(changes)[-limit:]
    out = []
    for change in rows:
        when = one_line(change.at.replace("T", " ").rstrip("Z"), 19)
        action = "" if change.action == "edit" else f" ({one_line(change.action, 10)})"
        out.append(
            Content.assemble(
                (f"  {when} ", "dim"),
                (one_line(change.reviewer, 16), "italic"),
                f"{action} ",
                change_text(change.field, change.old, change.new),
            )
        )
    return out


def _link_urls(value: Any) -> dict[str, Any] | None:
    if not isinstance(value, list | tuple):
        return None
    urls: dict[str, Any] = {}
    for item in value:
        if isinstance(item, Mapping):
            urls[str(item.get("url", ""))] = item
        else:
            urls[str(item)] = item
    return urls


def _link_fields(before: Any, after: Any) -> list[str]:
    """What changed in one link: ``stance: context → supports``, ``title: …``."""
    if not isinstance(before, Mapping) or not isinstance(after, Mapping):
        return []
    out = []
    for key in ("stance", "title", "check", "archive"):
        old, new = before.get(key), after.get(key)
        if old == new:
            continue
        if key in ("check", "archive"):
            out.append(f"{key} updated")
        else:
            out.append(f"{key}: {one_line(str(old or '∅'), 30)} → {one_line(str(new or '∅'), 30)}")
    return out


def change_text(field: str, old: Any, new: Any) -> Content:
    """One change in words: ``status: unreviewed → verified``, ``link added: URL``,
    ``link updated: URL (stance: context → supports)``."""
    if field == "links":
        before, after = _link_urls(old), _link_urls(new)
        if before is not None and after is not None:
            added = [u for u in after if u not in before]
            removed = [u for u in before if u not in after]
            changed = [u for u in after if u in before and after[u] != before[u]]
            parts: list[str | tuple[str, str]] = []
            for label, urls in (("link added", added), ("link removed", removed),
                                ("link updated", changed)):
                if urls:
                    if parts:
                        parts.append("; ")
                    shown = ", ".join(one_line(u, 60) for u in urls[:3])
                    more = f" (+{len(urls) - 3})" if len(urls) > 3 else ""
                    parts += [f"{label}: ", (shown + more, "underline")]
                    if label == "link updated" and len(urls) == 1:
                        what = _link_fields(before[urls[0]], after[urls[0]])
                        if what:
                            parts.append(" (" + "; ".join(what) + ")")
            return Content.assemble(*parts) if parts else Content("links: unchanged")
    if field.startswith("link.") and isinstance(new, Mapping) and isinstance(old, Mapping):
        key = field.split(".", 1)[1]  # one attribute of one link (store edits.py)
        what = _link_fields({key: old.get("value")}, {key: new.get("value")})
        shown = one_line(str(new.get("url", "")), 60)
        return Content.assemble("link updated: ", (shown, "underline"), f" ({'; '.join(what)})")
    if field == "match.dismissed":
        return Content(dismissal_words(old, new))
    if field == "article" and (old is None or new is None):
        verb = "article out of the workspace: " if new is None else "article back: "
        return Content.assemble(verb, _short(old if new is None else new))
    if field == "claim":
        if new and not old:
            return Content.assemble("claim added: ", _short(_claim_name(new)))
        if old and not new:
            return Content.assemble("claim removed: ", _short(_claim_name(old)))
    return Content.assemble(f"{one_line(field, 12)}: ", _short(old), " → ", _short(new))


def _claim_name(value: Any) -> Any:
    if isinstance(value, Mapping):
        return value.get("label") or value.get("anchor")
    return value


def _short(value: Any) -> Content:
    if value in (None, ""):
        return Content.styled("∅", "dim")
    if isinstance(value, dict):
        value = value.get("url") or value
    if isinstance(value, str) and value in STATUS_COLOR:
        return Content.styled(STATUS_LABEL[value], STATUS_COLOR[value])
    return Content(one_line(str(value), 40))


def claim_detail(
    claim: Claim,
    verdict: Verdict,
    history: Sequence[Change],
    width: int = 80,
    conflict: Sequence[str] = (),
    matches: Sequence[Any] = (),
) -> Content:
    """The detail pane: everything about one claim, all untrusted text made safe.

    What the reviewer acts on comes first (the claim, its sentence, the note, the
    links), so at 120x40 they are visible without scrolling; the extractor's facts
    (value, entities, worthiness) and the history follow."""
    # Nothing is cut to the pane's width: the pane wraps long lines, so a label or a URL
    # stays readable at 80 columns. ``width`` only bounds the link lines' URLs.
    w = max(width - 4, 200)
    head: list[str | tuple[str, str] | Content] = [
        status_text(verdict.status), ("  " + one_line(claim.kind), "dim")
    ]
    if claim.origin == "reviewer":
        head.append(("  added by a reviewer", "dim"))
    lines: list[Content] = [
        Content.assemble(*head),
        Content.styled(one_line(claim_label(claim, verdict), 300), "bold"),
    ]
    if conflict:
        fields = ", ".join(one_line(f, 20) for f in conflict)
        lines.append(Content.styled(
            f"≠ Merge conflict on {fields}: the later change won. Check it: the flag "
            "stays until a reviewer changes this claim.", "bold #d4a72c"))
    if verdict.label and verdict.label != claim.label and claim.label:
        lines.append(Content.styled("  extracted as: " + one_line(claim.label, 300), "dim"))
    lines += [sentence(claim), Content("")]
    if verdict.note.strip():
        lines.append(Content.styled("Note", "bold"))
        lines.extend(Content(strip_controls(x)) for x in verdict.note.split("\n"))
    else:
        lines.append(Content.assemble(("Note ", "bold"),
                                      ("(none — press enter to write one)", "dim")))
    if verdict.links:
        lines.append(Content.styled(f"Evidence links ({len(verdict.links)})", "bold"))
        lines.extend(link_lines(verdict.links, w))
    else:
        lines.append(Content.assemble(("Evidence links ", "bold"),
                                      ("(none — press l to add one)", "dim")))
    if matches:
        lines.append(Content(""))
        lines.extend(match_lines(matches))
    lines.append(Content(""))
    if _value_text(claim.kind, claim.value):
        human = one_line(format_value(claim.kind, dict(claim.value)), 300)
        rest = _value_text(claim.kind, claim.value, human)  # what `human` leaves out
        if not human:  # nothing readable of its own: the facts are the value
            human, rest = rest, ""
        lines.append(Content.assemble(("Value  ", "dim"), Content.styled(human, "bold"),
                                      ("  " + rest if rest else "", "dim")))
    variants = variant_lines(claim.value)
    if variants:
        lines.append(Content.styled("Variants (each one marked in the article)", "dim"))
        lines.extend(variants)
    if claim.entities:
        ents = ", ".join(
            f"{one_line(str(e.get('text', '')), 40)} ({one_line(str(e.get('label', '')), 12)})"
            for e in claim.entities[:12]
        )
        lines.append(Content.assemble(("Entities  ", "dim"), Content(ents)))
    if claim.claim_type or claim.speaker:
        facts = [("Type  ", "dim"), one_line(claim.claim_type or "-", 40)]
        if claim.speaker:
            facts += [("  Said by  ", "dim"), one_line(claim.speaker, 120)]
        lines.append(Content.assemble(*facts))
    if claim.worthiness is not None:
        lines.append(Content.assemble(("Worthiness  ", "dim"), f"{claim.worthiness:.2f}"))
    if history:
        lines.append(Content(""))
        lines.append(Content.styled("History", "bold"))
        lines.extend(history_lines(history))
    if verdict.orphaned:
        lines.append(Content.styled("This verdict's claim is gone from the article.", "bold"))
    return Content("\n").join(lines)


def match_lines(matches: Sequence[Any], shown: int = 3) -> list[Content]:
    """The detail pane's "Checked before" section: the best earlier checks of the claim
    (core.match.service.Match), all untrusted text made safe."""
    lines = [Content.assemble(("Checked before ", "bold"),
                              ("(M: apply the first, W: not the same claim)", "dim"))]
    for m in matches[:shown]:
        rating = one_line(m.rating, 30) or "-"
        if m.status and m.status != m.rating:
            rating += f" → {m.status}"
        who = one_line(m.publisher, 40) or ("this desk" if m.source == "workspace" else "-")
        when = f", {one_line(m.date, 10)}" if m.date else ""
        tag = "strong" if m.strength == "strong" else "suggestion"
        lines.append(Content.assemble(
            (f"  {m.score:.2f} {tag}  ", "dim"), (rating, "bold"), (f"  {who}{when}", "dim")))
        lines.append(Content("    " + one_line(m.claim, 300)))
        where = m.url or (f"claim {m.article_id[:8]}:{m.claim_id}" if m.article_id else "")
        if where:
            lines.append(Content.styled("    " + one_line(where, 300), "dim"))
    return lines


def article_row(summary: Any, title_width: int = 50, source_width: int = 40) -> tuple[Text, ...]:
    """Cells of one picker row from an ArticleSummary."""
    counts = dict(getattr(summary, "counts", {}) or {})
    total = int(getattr(summary, "claims", 0) or 0)
    reviewed = int(getattr(summary, "reviewed", 0) or 0)
    bar = progress_bar(counts, 10)
    when = getattr(summary, "updated_at", "") or getattr(summary, "added_at", "") or ""
    bar_text = Text(end="")
    for span_text, style in _content_parts(bar):
        bar_text.append(span_text, style=style)
    return (
        cell(summary.title or "(untitled)", title_width, "bold"),
        Text(f"{reviewed}/{total}", end="", justify="right"),
        bar_text,
        cell(source_text(summary.source), source_width, "dim"),  # not "-" for stdin
        cell(when.replace("T", " ").rstrip("Z")[:16], 0, "dim"),  # to the minute
    )


def _content_parts(content: Content) -> list[tuple[str, str]]:
    plain = content.plain
    return [(plain[s.start : s.end], str(s.style)) for s in content.spans]


_SAME_LENGTH = {i: " " for i in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]}
_SAME_LENGTH.update({i: " " for i in (0x200B, 0x200E, 0x200F, 0x2060, 0xFEFF)})
_SAME_LENGTH.update({i: " " for i in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]})


def neutralize(text: str) -> str:
    """Replace control and bidi characters by spaces, keeping every offset.

    Stored article text is already clean; this is the belt to that pair of braces,
    for text whose offsets must not move (claim anchors refer to them).
    """
    return text.translate(_SAME_LENGTH)


SELECTION_KEYS = (
    "←/→ word   shift+←/→ extend   ↑/↓ sentence   shift+↑/↓ extend   s whole sentence\n"
    "[ trim start   ] trim end   enter add the claim   escape cancel"
)


def selection_line(selected: str, width: int) -> Content:
    """What is selected, in words, on one line of ``width`` cells: both ends shown (the
    trims act on them), the middle cut. At 80 columns the article takes the detail's
    place while a claim is selected, and the selection was shown by colour alone."""
    text = one_line(selected, 0)
    words = len(text.split())
    head = f"selected ({words} word{'s' if words != 1 else ''}): "
    room = max(width - len(head) - 2, 8)
    if len(text) > room:
        half = (room - 3) // 2
        start, end = text[:half], text[-half:]
        start = start.rsplit(" ", 1)[0] if " " in start[1:] else start  # whole words
        end = end.split(" ", 1)[1] if " " in end[:-1] else end
        text = f"{start.rstrip()} … {end.lstrip()}"
    return Content.assemble(Content.styled(head, "dim"),
                            Content.styled(f"«{text}»", "bold") if selected else
                            Content.styled("nothing yet", "dim"))


def selection_help(selected: str) -> Content:
    """The detail pane while a claim is being selected: what is selected, and the keys."""
    shown = one_line(selected, 400)
    return Content("\n").join([
        Content.styled("Add a claim the tool missed", "bold"),
        Content(""),
        Content.styled(shown, "bold reverse") if shown else Content.styled("(nothing yet)",
                                                                            "dim"),
        Content(""),
        Content.styled("Its kind and value are derived as the extractor's are (a number, a "
                       "date, an amount…), else it is a statement.", "dim"),
        Content(""),
        hint(SELECTION_KEYS),
    ])
