"""The CSV report: one row per claim, stable columns, safe to open in a spreadsheet.

Text cells that start with ``=``, ``+``, ``-``, ``@`` (or their full-width forms), tab,
CR or LF, also after leading white space (``" =1+1"``: a spreadsheet may trim it, as
LibreOffice's import and Google Sheets do), get a leading apostrophe (OWASP CSV
injection), so a spreadsheet never evaluates them as a formula. Numeric columns are
written as plain numbers and stay numbers.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..text import strip_controls
from .article_rows import Kept, Row, article_rows, link_rows
from .report import LinkRow, Report, source_text

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

_FORMULA = frozenset("=+-@\uff1d\uff0b\uff0d\uff20")
"""What a formula starts with: ``= + - @`` and the full-width forms a spreadsheet
may take for them."""


def _risky(text: str) -> bool:
    """Whether a spreadsheet may read the (non-empty) cell ``text`` as a formula: it
    starts with a formula character, or white space (any: tab, CR, LF, no-break and
    other Unicode spaces) before one, or a tab, CR or LF."""
    first = text[0]
    if first in _FORMULA:
        return True
    if not first.isspace():
        return False
    return first in "\t\r\n" or text.lstrip()[:1] in _FORMULA


def neutralize(value: str) -> str:
    """A text cell that a spreadsheet will not read as a formula."""
    text = strip_controls(value)
    if (text and _risky(text)) or (value and _risky(value)):
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
        return "'" + value if _risky(value) else value
    return neutralize(value)


def field(text: str) -> str:
    """A text cell as ``csv.writer`` writes it here (QUOTE_MINIMAL, ``\\r\\n`` lines):
    in double quotes, doubled inside, when it holds a comma, a quote, CR or LF."""
    if "," in text or '"' in text or "\n" in text or "\r" in text:
        return '"' + text.replace('"', '""') + '"'
    return text


def _text(value: Any) -> str:
    """``field(_cell(value))``, printable text checked at once."""
    if type(value) is str and value.isprintable():  # holds no CR or LF
        if value and _risky(value):
            value = "'" + value
        if "," in value or '"' in value:
            return '"' + value.replace('"', '""') + '"'
        return value
    return field(_cell(value))


class _Cells:
    """Text cells of the values that repeat (ids, kinds, statuses, names), worked out once."""

    def __init__(self) -> None:
        self._done: dict[str, str] = {}

    def __call__(self, value: Any) -> str:
        if not value:
            return ""
        if not isinstance(value, str):  # a status (StrEnum) is its text
            return _text(value)
        done = self._done.get(value)
        if done is None:
            done = self._done[value] = _text(value)
        return done


def _link_cells(verdict: Row) -> str:
    """The link_count, dead_links and links cells of a verdict with links."""
    links = link_rows(verdict)
    dead = sum(1 for link in links if link.state == "dead")
    return f"{len(links)},{dead},{_text(' | '.join(_link_text(link) for link in links))}"


_FIRST = _FORMULA | {" "}
"""The first characters of a printable cell that ``_risky`` may find risky: a formula
character or a space (the one printable white space; the others are unprintable)."""


def _texts(values: list[Any]) -> list[str]:
    """``_text`` of each of ``values``: printable text (the usual) checked at once."""
    try:
        joined = "".join(values)
    except TypeError:  # not all text
        return [_text(v) for v in values]
    if not joined.isprintable():
        return [_text(v) for v in values]
    # a cell that may be risky starts with a formula character or white space
    first = _FIRST
    if "," not in joined and '"' not in joined:
        return [_text(v) if v[:1] in first else v for v in values]
    return [
        _text(v) if v[:1] in first
        else '"' + v.replace('"', '""') + '"' if "," in v or '"' in v
        else v
        for v in values
    ]


def _sames(values: list[Any], same: _Cells) -> list[str]:
    """``same`` of each of ``values`` (the cells it worked out already looked up here)."""
    get = same._done.get
    try:  # only text is kept: a value of another type finds nothing, and goes to ``same``
        return [
            "" if not v else done if (done := get(v)) is not None else same(v) for v in values
        ]
    except TypeError:  # unhashable (a list, a mapping)
        return [same(v) for v in values]


def _article_lines(article: str, kept: list[Kept], same: _Cells) -> str:
    """One line per claim kept (the columns of COLUMNS), the text cells of each column
    worked out together."""
    claims = [k[1] for k in kept]
    verdicts = [k[2] for k in kept]
    n = len(kept)
    texts = _texts(
        [c["id"] for c in claims]
        + [  # label_of
            v["label"] or c["label"] or c["anchor"]
            for c, v in zip(claims, verdicts, strict=False)
        ]
        + [c["anchor"] for c in claims]
        + [c["sentence"] for c in claims]
        + [c["label"] for c in claims]
    )
    ids, labels, anchors = texts[:n], texts[n : 2 * n], texts[2 * n : 3 * n]
    sentences, extracted = texts[3 * n : 4 * n], texts[4 * n :]
    sames = _sames(
        [c["article_id"] or v["article_id"] for c, v in zip(claims, verdicts, strict=False)]
        + [c["kind"] for c in claims]
        + [v["status"] for v in verdicts]
        + [v["reviewer"] for v in verdicts]
        + [c["claim_type"] for c in claims]
        + [c["speaker"] for c in claims],
        same,
    )
    out = []
    for i, (position, claim, verdict, change) in enumerate(kept):
        links = _link_cells(verdict) if verdict["links"] else "0,0,"
        note, updated = verdict["note"], verdict["updated_at"]
        start, end, worth = claim["start"], claim["end"], claim["worthiness"]
        last = (
            f"{same(change['field'])},{same(change['reviewer'])},{_text(change['at'])}"
            if change
            else ",,"
        )
        out.append(
            f"{sames[i]},{article},{position},{ids[i]},{sames[n + i]},{labels[i]},"
            f"{anchors[i]},{start if type(start) is int else _number(start)},"
            f"{end if type(end) is int else _number(end)},{sentences[i]},"
            f"{round(worth, 4) if type(worth) is float else _number(worth)},"
            f"{sames[2 * n + i]},{_text(note) if note else ''},{sames[3 * n + i]},"
            f"{_text(updated) if updated else ''},{links},{last},{extracted[i]},"
            f"{sames[4 * n + i]},{sames[5 * n + i]}\r\n"
        )
    return "".join(out)


def iter_csv(report: Report) -> Iterator[str]:
    """The CSV report in pieces: the header, then each article's rows. Each line is
    what ``csv.writer(quoting=QUOTE_MINIMAL, lineterminator="\\r\\n")`` writes of the
    cells (``field``), a number as ``str`` of it."""
    yield ",".join(field(name) for name in COLUMNS) + "\r\n"
    same = _Cells()
    for rows in article_rows(report):
        article = f"{same(rows.article['title'])},{same(source_text(rows.article['source']))}"
        yield _article_lines(article, rows.kept, same)


def render_csv(report: Report) -> str:
    return "".join(iter_csv(report))
