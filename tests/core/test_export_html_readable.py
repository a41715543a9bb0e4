"""The HTML report reads like a report: times for people, field names in words, and the
host beside a titled link (readers see where it goes; print shows the full URL)."""

from __future__ import annotations

import pytest

from workbench.core.export.html import field_label, host, render_html, when


@pytest.mark.parametrize(
    ("stamp", "shown"),
    [
        ("2026-11-27T09:05:13Z", "27 Nov 2026, 09:05 UTC"),
        ("2026-03-01T23:30:00+02:00", "1 Mar 2026, 21:30 UTC"),
        ("20200915000000", "15 Sep 2020, 00:00 UTC"),
        ("yesterday", "yesterday"),
        ("", ""),
        ("2026-11-27T09:05\x1b[31m", "27 Nov 2026, 09:05 UTC"),  # escape stripped first
    ],
)
def test_when(stamp: str, shown: str) -> None:
    assert when(stamp) == shown


def test_field_label() -> None:
    assert field_label("link_check") == "link check"
    assert field_label("links") == "evidence links"
    assert field_label("status") == "status"
    assert field_label("some_new_field") == "some new field"


@pytest.mark.parametrize(
    ("href", "name"),
    [
        ("https://www.reuters.com/world/x", "reuters.com"),
        ("http://127.0.0.1:8766/ok", "127.0.0.1"),
        ("https://[::1/", ""),
        (None, ""),
    ],
)
def test_host(href, name) -> None:
    assert host(href) == name


def test_report_uses_them(tmp_path) -> None:
    from export_fixtures import Clock, triage

    from workbench.core.export import ExportOptions, build_report
    from workbench.core.store import Workspace

    triage(tmp_path / "ws", Clock())
    with Workspace.open(tmp_path / "ws", readonly=True) as ws:
        report = build_report(ws, [], options=ExportOptions(now="2026-11-27T12:00:00Z"))
    html = render_html(report)
    assert "Generated 27 Nov 2026, 12:00 UTC" in html
    assert "link_check" not in html and "Last change: " in html
    assert "Last change: link check" not in html  # a later link check is not the last edit
    assert 'Wire report</a> <span class="host">wire.example</span>' in html
    assert "archived 15 Sep 2020, 00:00 UTC" in html
    assert "T09:00" not in html  # no raw ISO times left for readers


def test_each_claim_fact_is_named(tmp_path) -> None:
    """A quantity claim read "quantity · quantity · claim 583ef220cb4f": a kind, then a
    claim type of the same name, with no word for either. Each is named, as in Markdown."""
    import re

    from export_fixtures import Clock, triage

    from workbench.core.export import ExportOptions, build_report
    from workbench.core.store import Workspace

    triage(tmp_path / "ws", Clock())
    with Workspace.open(tmp_path / "ws", readonly=True) as ws:
        report = build_report(ws, [], options=ExportOptions(now="2026-11-27T12:00:00Z"))
    html = render_html(report)
    facts = re.findall(r'<p class="small">(kind: .*?)</p>', html)
    assert facts and len(facts) == html.count('<article class="claim')
    assert any(f.startswith("kind: quantity · claim type: quantity · claim id: <code>")
               for f in facts)
    assert any(f.startswith("kind: ordinal · claim id: <code>") for f in facts)  # no type
    assert any(re.match(r"kind: quote · said by: [^<]+ · claim id: <code>", f) for f in facts)
    assert "quantity · quantity" not in html
