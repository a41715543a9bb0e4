"""Every format written from the store's rows gives the dataclass path's bytes.

``article_rows.from_tables`` reads each article straight from the folder store's
rows; ``from_report`` turns report dataclasses (``build_report``, any other store)
into the same rows. Both feed one writer per format, so the two must agree for
every kind of row a workspace holds (orphans, links with checks and archives,
reviewer claims, undo rows, odd numbers) and every filter. The Markdown fast path
(``plain``) must be exactly what the escaping would leave.
"""

from __future__ import annotations

import re

import pytest
from test_export_json_rows import FILTERS, OPTIONS, _workspace

from workbench.core.export import render, render_bytes, render_chunks
from workbench.core.export.article_rows import from_tables
from workbench.core.export.markdown import all_plain, md_escape, md_line, plain
from workbench.core.export.report import ExportOptions, build_report, stream_report
from workbench.core.store import open_store

SNIPPETS = ExportOptions(url="https://fc.example/p", org="FC", now=OPTIONS.now, html_snippets=True)
REVIEWS = ExportOptions(url="https://fc.example/p", org="FC", now=OPTIONS.now)
CASES = [("md", OPTIONS), ("csv", OPTIONS), ("html", OPTIONS), ("claimreview", REVIEWS),
         ("claimreview", SNIPPETS)]


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    return _workspace(tmp_path_factory.mktemp("rows") / "ws")


@pytest.mark.parametrize("filters", FILTERS)
def test_rows_give_the_dataclass_bytes_in_every_format(workspace, filters):
    with open_store(workspace, "ana", readonly=True) as ws:
        for fmt, options in CASES:
            f = dict(filters)
            include = f.pop("include_dismissed", True)
            report = build_report(ws, None, options=options, include_dismissed=include, **f)
            expected = render(report, fmt)  # the report data as dataclasses
            streamed = stream_report(ws, None, options=options, include_dismissed=include, **f)
            assert "".join(render_chunks(streamed, fmt)) == expected, fmt
            assert render(streamed, fmt) == expected, fmt
        statuses, reviewer, include = streamed.articles.filters
        for aid in streamed.articles.ids:  # the rows path was taken for every article
            assert from_tables(ws.article_tables(aid), aid, statuses, reviewer, include)


@pytest.mark.parametrize("filters", FILTERS[:2])
def test_the_bytes_written_are_the_text_encoded(workspace, filters, monkeypatch):
    """``render_bytes`` (what a file gets: the spooled sections of Markdown and HTML as
    they are) is the text encoded, the spool in memory or in its file."""
    from workbench.core.export import spool

    with open_store(workspace, "ana", readonly=True) as ws:
        for in_memory in (spool.IN_MEMORY, 100):
            monkeypatch.setattr(spool, "IN_MEMORY", in_memory)
            monkeypatch.setattr(spool, "PIECE", 7 if in_memory == 100 else spool.PIECE)
            for fmt, options in [*CASES, ("json", OPTIONS)]:
                f = dict(filters)
                include = f.pop("include_dismissed", True)
                text = render(stream_report(ws, None, options=options,
                                            include_dismissed=include, **f), fmt)
                written = b"".join(render_bytes(stream_report(
                    ws, None, options=options, include_dismissed=include, **f), fmt))
                assert written == text.encode(), fmt


_SPECIAL = re.compile(r"([\\`*_\[\]<>&|~#])")
_AUTOLINK = re.compile(r"(?i)(://|\bwww\.)")
TEXTS = [
    "", " ", "plain words", " edges ", "two  spaces", "tab\there", "line\nbreak", "nbsp\u00a0x",
    "a*b", "under_score", "[x](y)", "<b>", "&amp;", "a|b", "~x~", "#tag", "`code`", "back\\slash",
    "http://x.example", "see WWW.example.org", "wwwx.", "www.", "x://", ":/", "1. item", "- dash",
    "+ plus", "= eq", "> quote", "12) twelve", "\u2028sep", "\x1b[31mred", "é ü 中文", "a\u200bb",
    "ẘww.", "\ud800 lone",
]


@pytest.mark.parametrize("text", TEXTS)
def test_plain_text_is_what_escaping_leaves(text):
    slow = _SPECIAL.sub(r"\\\1", re.sub(r"\s+", " ", text))  # md_escape without its shortcut
    slow = _AUTOLINK.sub(
        lambda m: ":\\/\\/" if m.group(1) == "://" else m.group(1)[:-1] + "\\.", slow
    )
    if plain(text):
        assert slow == text
    if text.isprintable():  # (no controls to strip)
        assert md_escape(text) == slow
        line = slow.strip()
        if not line[:1] or not (line[0] in "-+=>" or line[0].isdigit()):
            assert md_line(text) == line


@pytest.mark.parametrize("text", TEXTS)
def test_texts_are_plain_together_only_when_each_is(text):
    """``all_plain`` (one check of the join) never says plain of a text that is not."""
    assert all_plain([text]) == plain(text)
    for other in TEXTS:
        if all_plain([text, other]):
            assert plain(text) and plain(other), other
    if plain(text.strip()):  # no space at a join's edge: each part plain, the join too
        assert all_plain([text.strip(), "plain words"])
    assert not all_plain([text, None])


CELLS = ["", "plain", "a,b", 'say "hi"', "line\nbreak", "cr\rhere", "crlf\r\n", "tab\tx", "=1+2",
         "+x", "-x", "@x", "\tx", "\nx", "'q", " lead", "é,ü", "\x1b[31m,red", "\u2028,x", ",", '"']


@pytest.mark.parametrize("value", CELLS)
def test_csv_fields_are_what_the_csv_module_writes(value):
    import csv
    import io

    from workbench.core.export.csv_report import _cell, _text, field, neutralize

    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL).writerow([value, "x"])
    assert field(value) + ",x\r\n" == out.getvalue()
    assert _text(value) == field(neutralize(value)) == field(_cell(value))


def test_csv_cells_worked_out_together_are_each_cell():
    """``_texts`` / ``_sames`` (a column at once) give ``_text`` / ``same`` of each value,
    whatever the column holds."""
    from workbench.core.export.csv_report import _Cells, _sames, _text, _texts
    from workbench.core.vocabulary import Status

    printable = [c for c in CELLS if c.isprintable()]
    others = [None, 0, 1, 2.5, True, ["a,b"], {"=": 1}, Status.FALSE]
    for column in (CELLS, printable, [c for c in printable if "," not in c and '"' not in c],
                   CELLS + others, others, []):
        assert _texts(list(column)) == [_text(v) for v in column]
        same = _Cells()
        for v in ("plain", "a,b", "false"):
            same(v)  # some already worked out
        assert _sames(list(column), same) == [_Cells()(v) for v in column]


def test_rows_of_other_types_than_the_model_says_are_written_in_every_format(tmp_path):
    """A claim row whose kind, type or speaker is a list, a mapping or a number (a
    file written by hand or another tool) is still written, as text, in every format."""
    from dataclasses import replace

    from store_fixtures import article, open_ws

    a, claims = article()
    odd = [replace(claims[0], kind=["x", 1], claim_type={"a": [1]}, speaker=3),
           replace(claims[1], kind=True, speaker=["<b>"]), *claims[2:]]
    with open_ws(tmp_path / "ws") as ws:
        ws.add_article(a, odd)
        ws.set_status(a.id, odd[0].id, "false")
    with open_store(tmp_path / "ws", "ana", readonly=True) as ws:
        for fmt, options in [*CASES, ("json", OPTIONS)]:
            text = render(stream_report(ws, None, options=options), fmt)
            assert odd[0].id in text, fmt
        html = render(stream_report(ws, None, options=OPTIONS), "html")
        assert "<b>" not in html


def test_status_bars_kept_by_counts_are_the_ones_drawn():
    """Markdown's text bar and HTML's bar and legend, kept by their counts, are what
    drawing them again gives; counts that are not ints are drawn, never looked up."""
    from types import SimpleNamespace

    from workbench.core.export import html
    from workbench.core.export.html_rows import ClaimHtml
    from workbench.core.export.markdown import _summary_lines, text_bar
    from workbench.core.export.report import Summary
    from workbench.core.models import STATUSES

    claims = ClaimHtml(html.line, html.inline, html.when, html.host, html.field_label,
                       html._Labels())
    bars: dict = {}
    for counts, total in [({"verified": 1, "unreviewed": 3}, 4), ({"verified": 1.0}, 4),
                          ({"verified": 1, "unreviewed": 3}, 4), ({"false": 2}, 2)]:
        full = {str(s): counts.get(str(s), 0) for s in STATUSES}
        rows = SimpleNamespace(counts=full, total=total, reviewed=1)
        assert _summary_lines(rows, bars) == text_bar(Summary(total, full, 1))
        fresh = ClaimHtml(html.line, html.inline, html.when, html.host, html.field_label,
                          html._Labels())
        assert claims.statuses(STATUSES, full, total) == fresh.statuses(STATUSES, full, total)
    assert len(bars) == 2  # the float count was not kept
