"""Hostile text in every field cannot become markup, links, scripts or formulas."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from dataclasses import replace
from html.parser import HTMLParser

import pytest
from export_fixtures import (
    HOSTILE,
    NOW,
    article_of,
    hostile_report,
    make_claim,
    plain_report,
)
from markdown_it import MarkdownIt

from workbench.core.export import render
from workbench.core.export.csv_report import COLUMNS, NUMERIC, neutralize
from workbench.core.export.report import ExportOptions, Report, article_report, safe_href
from workbench.core.models import Change, Link, Verdict


class Page(HTMLParser):
    """Collects tags, attributes, script bodies and text of an HTML document."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str | None]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.text: list[str] = []
        self._script: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend((tag, name, value) for name, value in attrs)
        if tag == "script":
            self._script = dict(attrs)
            self.scripts.append((self._script, ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            attrs, body = self.scripts[-1]
            self.scripts[-1] = (attrs, body + data)
        else:
            self.text.append(data)


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


def test_html_report_has_no_active_content_and_shows_hostile_text_literally():
    html = render(hostile_report(), "html")
    page = parse(html)
    assert not {"script", "iframe", "img", "object", "embed", "link", "form", "base", "svg"} & set(
        page.tags
    )
    assert page.tags.count("style") == 1
    assert not [a for a in page.attrs if a[1].startswith("on")]
    assert not [a for a in page.attrs if a[1] in ("src", "srcset", "action", "formaction")]
    hrefs = [value for tag, name, value in page.attrs if name == "href"]
    assert hrefs, "the safe evidence link must still be a link"
    # external links are http(s) only; the verdict table links to claims on the same page
    assert all(h and h.startswith(("https://", "http://", "#claim-")) for h in hrefs)
    assert 'https://ok.example/a?b=1&c="2"' in hrefs
    text = "".join(page.text)
    assert "<script>alert(1)</script>" in text  # shown as text, not dropped
    assert "javascript:alert(1)" in text  # the refused link is shown as plain text
    csp = [
        v for t, n, v in page.attrs if t == "meta" and n == "content" and v and "default-src" in v
    ]
    assert csp and "'none'" in csp[0]


def test_html_frame_escapes_every_value_it_shows():
    """The page frame (title, head, filters, article facts, orphans) is written in
    Python: each value from the workspace or the command line shows as text, in every
    place, whatever it holds."""
    from workbench.core.export.report import Report, article_report
    from workbench.core.models import Verdict

    bad = "<u>x</u>&amp;'\""
    text = "The count was 5,000 people."
    art = article_of(text, f"T {bad}", f"S {bad}")
    claim = make_claim(art, "5,000", "quantity", f"L {bad}")
    verdicts = {
        claim.id: Verdict(claim.id, art.id, "false", "", [], f"R {bad}", "2026-11-27T10:00:00Z"),
        f"o{bad}": Verdict(f"o{bad}", art.id, "disputed", f"N {bad}", [], f"R {bad}",
                           "2026-11-27T10:00:00Z", label=f"O {bad}", orphaned=True),
    }
    part = article_report(art, [claim], verdicts, [], statuses=("false",), reviewer=f"R {bad}")
    report = Report([part], f"G {bad}", f"E {bad}", statuses=("false",), reviewer=f"R {bad}")
    html = render(report, "html")
    page = parse(html)
    assert "u" not in page.tags
    shown = "".join(page.text)
    for field in ("T", "S", "L", "R", "N", "O", "E", "G"):
        assert f"{field} {bad}" in shown, field
    assert f"o{bad}" in shown  # the orphan's claim id
    assert "<u>" not in html
    assert html.count("<title>") == 1 and f"<title>Verdict report: T {bad}" not in html


def _md_tokens(md: str):
    parser = MarkdownIt("gfm-like", {"html": True, "linkify": True})
    tokens = parser.parse(md)
    flat = []
    for token in tokens:
        flat.append(token)
        flat.extend(token.children or [])
    return parser, flat


def test_markdown_text_cannot_break_out_into_links_or_html():
    report = hostile_report()
    md = render(report, "md")
    parser, tokens = _md_tokens(md)
    types = {t.type for t in tokens}
    assert not {"html_inline", "html_block", "image"} & types
    hrefs = [t.attrGet("href") for t in tokens if t.type == "link_open"]
    assert hrefs == ["https://ok.example/a?b=1&c=%222%22"]
    html = parser.render(md)
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    # Emphasis only where the report puts it (labels of fields, the anchor).
    strong = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "strong_open"]
    assert all(not s.startswith("x") for s in strong)


@pytest.mark.parametrize(
    "note",
    [
        "[a](javascript:alert(1))",
        "<https://evil.example>",
        "www.evil.example",
        "https://evil.example",
        "![x](https://evil.example/p.png)",
        "<b onclick=x>hi</b>",
        "`code` *em* _em_ ~~s~~ | a | b |",
    ],
)
def test_markdown_note_stays_text(note):
    def kinds(text: str) -> tuple[Counter, list]:
        report = plain_report()
        report.articles[0].claims[0].verdict.note = text
        _, tokens = _md_tokens(render(report, "md"))
        return Counter(t.type for t in tokens), tokens

    baseline, _ = kinds("plain words")
    counts, tokens = kinds(note)
    sensitive = (
        "html_inline",
        "html_block",
        "image",
        "code_inline",
        "em_open",
        "s_open",
        "strong_open",
        "link_open",
        "table_open",
        "heading_open",
    )
    assert {k: counts[k] for k in sensitive} == {k: baseline[k] for k in sensitive}
    hrefs = {t.attrGet("href") for t in tokens if t.type == "link_open"}
    assert not any("evil" in (h or "") or (h or "").startswith("javascript") for h in hrefs)
    text = "".join(t.content for t in tokens if t.type == "text")
    for word in ("evil", "alert", "hi"):
        if word in note:
            assert word in text


SPACED_MARKERS = [
    "intro", " =1+1", "===", "   - item", "    a code block", "\t+ item", "\u00a0- item",
    "\u3000> quote", " 1) item", "  ---", "\u2003# heading", "\u200b- item", " @SUM(A1)",
    "\uff1d1",
]


def test_markdown_note_lines_with_spaces_before_a_block_marker_stay_text():
    """White space (any kind) before a list, heading, quote or rule marker, or four
    spaces of a code block, makes no block of the note's lines; the HTML keeps them as
    they are, escaped."""
    def kinds(note: str) -> Counter:
        report = plain_report()
        report.articles[0].claims[0].verdict.note = note
        _, tokens = _md_tokens(render(report, "md"))
        return Counter(t.type for t in tokens if t.type != "text")

    plain = kinds("\n".join(f"line {n}" for n in range(len(SPACED_MARKERS))))
    assert kinds("\n".join(SPACED_MARKERS)) == plain
    report = plain_report()
    report.articles[0].claims[0].verdict.note = "\n".join(SPACED_MARKERS)
    shown = "".join(parse(render(report, "html")).text)
    assert all(line.replace("\u200b", "") in shown for line in SPACED_MARKERS)


def _rows(csv_text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(csv_text)))


FORMULAS = [
    '=HYPERLINK("http://evil.example","click")', "@SUM(A1)", "-1+2", "+1", "\t=1", "\r=1", "\n=1",
    # white space before the formula: a spreadsheet's import may trim it
    " =1+1", '   =HYPERLINK("http://evil.example")', "  +1", " -2", " @SUM(A1)", " \t=1",
    "\u00a0=1", "\u2003=1", "\u3000@SUM(A1)", "\u200b=1", "\x1b[0m=1",
    # the full-width forms
    "\uff1d1+1", " \uff0b1",
]


@pytest.mark.parametrize("value", FORMULAS)
def test_csv_formula_cells_are_neutralized(value):
    report = plain_report()
    row = report.articles[0].claims[0]
    row.verdict.note = value
    rows = _rows(render(report, "csv"))
    cell = rows[0]["note"]
    assert cell.startswith("'")
    assert cell[1:].strip() == neutralize(value)[1:].strip()
    assert cell[1:].strip("\t\r\n \u00a0\u2003\u3000") in value


def _report_with_text_everywhere(value: str) -> Report:
    """A report of one article whose every text field (and a claim's anchor and
    sentence in its text) is ``value``: two claims, the same reviewer, kind and status
    each, so the CSV writer's paths for shared cells, claim texts and the rest all see it."""
    text = f"Intro.\n{value}\nMore than 100 people came."
    article = article_of(text, value, value)
    start = text.index(value)
    claims = [
        replace(
            make_claim(article, anchor, "quantity", value),
            anchor=value, start=start, end=start + len(value), sentence=value,
            sentence_start=start, sentence_end=start + len(value), speaker=value,
            claim_type=value, id=f"{value}{n}",
        )
        for n, anchor in enumerate(("Intro", "100"))
    ]
    verdicts = {
        c.id: Verdict(
            c.id, article.id, "false", value, [Link(f"https://ok.example/{n}", value, "refutes")],
            value, value, label=value,
        )
        for n, c in enumerate(claims)
    }
    history = [
        Change(n, article.id, c.id, value, "", "x", value, value) for n, c in enumerate(claims)
    ]
    part = article_report(article, claims, verdicts, history)
    return Report(articles=[part], generated_at=NOW, exported_by=value)


@pytest.mark.parametrize("value", [" =1+1", "\u00a0@SUM(A1)", " \t-2", "\uff1d1", "  +1"])
def test_csv_every_text_cell_with_a_formula_after_spaces_is_neutralized(value):
    rows = _rows(render(_report_with_text_everywhere(value), "csv"))
    assert len(rows) == 2
    for row in rows:
        texts = {k: v for k, v in row.items() if k not in NUMERIC and v}
        assert set(texts) >= set(COLUMNS) - NUMERIC - {"kind", "status"}, set(COLUMNS) - set(texts)
        for name, cell in texts.items():
            if name in ("article_id", "kind", "status", "links"):
                continue
            assert cell.startswith("'"), (name, cell)
            assert cell[1:].lstrip(" \t\u00a0")[:1] in ("=", "+", "-", "@", "\uff1d"), name
        assert " | " not in row["links"] and row["links"].startswith("refutes ")


@pytest.mark.parametrize("value", ["a =b", "x - y", "'=1", "  plain", " 5", "\u00a0note", "\t"])
def test_csv_spaces_before_no_formula_are_kept_as_they_are(value):
    report = plain_report()
    report.articles[0].claims[0].verdict.note = value
    cell = _rows(render(report, "csv"))[0]["note"]
    if value[0] in "\t\r\n":  # a cell that starts with a control is always marked
        assert cell == "'" + value
    else:
        assert cell == value


def test_csv_every_text_cell_is_safe_and_numbers_stay_numbers():
    rows = _rows(render(hostile_report(), "csv"))
    assert rows
    for row in rows:
        assert list(row) == list(COLUMNS)
        for name, cell in row.items():
            if name in NUMERIC:
                assert cell == "" or float(cell) == float(cell.strip())
                assert not cell.startswith("'")
            else:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r", "\n"))
    labels = [r["label"] for r in rows]
    assert '\'=HYPERLINK("http://evil","x")' in labels
    assert any(r["reviewer"] == "'=cmd|' /C calc'!A0" for r in rows)
    assert int(rows[0]["position"]) == 1 and int(rows[0]["start"]) >= 0
    assert float(rows[0]["worthiness"]) == 0.75


def test_neutralize_leaves_ordinary_text_alone():
    assert neutralize("More than 100,000 people") == "More than 100,000 people"
    assert neutralize("a=b") == "a=b"
    assert neutralize("-5 degrees") == "'-5 degrees"
    assert neutralize(" -5 degrees") == "' -5 degrees"
    assert neutralize(" a = b") == " a = b"
    assert neutralize("") == ""


def test_jsonld_snippets_cannot_be_closed_by_text():
    report = hostile_report()
    out = render(report, "claimreview")
    page = parse(out)
    assert page.tags == ["script"] * len(page.scripts)
    assert len(page.scripts) == 2
    for attrs, body in page.scripts:
        assert attrs == {"type": "application/ld+json"}
        assert "</script" not in body.lower() and "<!--" not in body
        data = json.loads(body)
        assert data["@type"] == "ClaimReview"
    sentences = {json.loads(body)["claimReviewed"] for _, body in page.scripts}
    assert any("<script>alert(1)</script>" in s for s in sentences)  # the text survives intact
    assert all(json.loads(b)["author"]["name"].startswith("Org <script>") for _, b in page.scripts)


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "data:text/html,x",
        "//evil.example/x",
        "/relative",
        "https://",
        "https://ok.example/a b",
        "https://ok.example/\x1b[2J",
        "vbscript:x",
        "file:///etc/passwd",
    ],
)
def test_safe_href_refuses_everything_but_http_and_https(url):
    assert safe_href(url) is None


def test_safe_href_accepts_web_urls():
    assert safe_href("https://example.org/a?b=1#c") == "https://example.org/a?b=1#c"
    assert safe_href("HTTP://example.org") == "HTTP://example.org"


def test_hostile_reviewer_and_title_in_every_format_do_not_crash():
    report = hostile_report(ExportOptions(url="https://factcheck.example/x", org=HOSTILE))
    for fmt in ("md", "html", "csv", "json", "claimreview"):
        out = render(report, fmt)
        assert "\x1b" not in out
    assert HOSTILE in json.loads(render(report, "json"))["articles"][0]["article"]["title"]
