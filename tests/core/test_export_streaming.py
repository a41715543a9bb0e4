"""Exports are written in pieces, article by article, and the pieces are the same bytes."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from export_fixtures import hostile_report, plain_report

from workbench.core.export import FORMATS, ExportOptions, render, render_chunks
from workbench.core.export.exchange import report_dict
from workbench.core.export.report import status_label

OPTIONS = ExportOptions(url="https://fc.example/p", org="FC", now="2026-11-27T12:00:00Z")


def _two_articles(**kw):
    first, second = plain_report(OPTIONS), hostile_report(OPTIONS)
    return replace(first, articles=[*first.articles, *second.articles], **kw)


def test_json_stream_is_the_indented_dump():
    for report in (_two_articles(), replace(plain_report(OPTIONS), articles=[])):
        expected = json.dumps(report_dict(report), ensure_ascii=False, indent=2) + "\n"
        assert "".join(render_chunks(report, "json")) == expected


@pytest.mark.parametrize("fmt", ["json", "md", "csv"])
def test_one_piece_per_article(fmt):
    pieces = [p for p in render_chunks(_two_articles(), fmt) if p]
    assert len(pieces) >= 2


@pytest.mark.parametrize("fmt", FORMATS)
def test_pieces_join_to_the_rendered_text(fmt):
    report = _two_articles()
    assert "".join(render_chunks(report, fmt)) == render(report, fmt)


def test_claimreview_snippets_stream_the_same_bytes():
    report = _two_articles()
    report = replace(report, options=replace(OPTIONS, html_snippets=True))
    assert "".join(render_chunks(report, "claimreview")) == render(report, "claimreview")


def test_html_with_a_status_filter_names_it():
    """The filter line used to crash the template (map() of a function, not a filter name)."""
    html = render(_two_articles(statuses=("false", "verified")), "html")
    labels = ", ".join(status_label(s) for s in ("false", "verified"))
    assert f"Filtered: status {labels}." in html
