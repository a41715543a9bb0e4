"""Golden files of every format, from the seed triaged with fixed verdicts and stable times.

When extraction (or a format) changes on purpose, regenerate the golden files with

    UPDATE_GOLDEN=1 /work/venv/bin/pytest tests/core/test_export_golden.py

and review the diff of tests/data/golden/. The structural checks below do not
depend on the golden bytes and keep running either way.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from export_fixtures import SEED_SOURCE, Clock, seed_claims, triage
from test_export_security import parse

from workbench.core.export import FORMATS, ExportOptions, render_report, write_report
from workbench.core.export.csv_report import COLUMNS
from workbench.core.models import FINAL_STATUSES, STATUSES
from workbench.core.store import Workspace

GOLDEN = Path(__file__).resolve().parents[1] / "data" / "golden"
NOW = "2026-11-27T12:00:00Z"
OPTIONS = ExportOptions(url="https://factcheck.example/belarus", org="Example Fact Check", now=NOW)
CASES = {
    "seed.md": ("md", OPTIONS),
    "seed.html": ("html", OPTIONS),
    "seed.csv": ("csv", OPTIONS),
    "seed.json": ("json", OPTIONS),
    "seed.claimreview.json": ("claimreview", OPTIONS),
    "seed.claimreview.html": (
        "claimreview",
        ExportOptions(url=OPTIONS.url, org=OPTIONS.org, now=NOW, html_snippets=True),
    ),
}


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> tuple[Path, str]:
    path = tmp_path_factory.mktemp("golden") / "ws"
    return path, triage(path, Clock())


def _render(seeded, fmt: str, options: ExportOptions, **kw) -> str:
    path, aid = seeded
    with Workspace.open(path, reviewer="ana", readonly=True) as ws:
        return render_report(ws, fmt, [aid], options=options, **kw)


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden(seeded, name):
    fmt, options = CASES[name]
    text = _render(seeded, fmt, options)
    golden = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(text.encode("utf-8"))
    assert golden.exists(), f"missing {golden}; run UPDATE_GOLDEN=1 pytest {__file__}"
    assert text == golden.read_bytes().decode("utf-8"), (
        f"{name} differs from the golden file; if the change is intended, run "
        "UPDATE_GOLDEN=1 pytest tests/core/test_export_golden.py"
    )


def test_rendering_is_deterministic(seeded):
    for fmt in FORMATS:
        assert _render(seeded, fmt, OPTIONS) == _render(seeded, fmt, OPTIONS)


def _expected(seeded):
    path, aid = seeded
    with Workspace.open(path, reviewer="ana", readonly=True) as ws:
        return ws.article(aid), ws.claims(aid), ws.verdicts(aid)


def test_markdown_structure(seeded):
    article, claims, verdicts = _expected(seeded)
    md = _render(seeded, "md", OPTIONS)
    assert md.startswith("# Verdict report\n")
    assert f"## {article.title}" in md
    for status in STATUSES:
        assert any(
            line.startswith(status.replace("_", " ")) and "█" in line or "░" in line
            for line in md.splitlines()
        )
    reviewed = sum(1 for c in claims if verdicts[c.id].status in FINAL_STATUSES)
    assert f"{reviewed} of {len(claims)} claims reviewed" in md
    headings = [line for line in md.splitlines() if line.startswith("### ")]
    assert len(headings) == len(claims)
    positions = [md.index(f"`{c.id}`") for c in claims]
    assert positions == sorted(positions), "claims in article order"
    assert "**dead link** 404" in md and "archived:" in md
    assert "by ana, bo" in md


def test_html_structure(seeded):
    article, claims, verdicts = _expected(seeded)
    html = _render(seeded, "html", OPTIONS)
    page = parse(html)
    assert page.tags.count("article") == len(claims)
    ids = [v for t, n, v in page.attrs if t == "article" and n == "id"]
    assert ids == [f"claim-{c.id}" for c in claims]
    classes = [v for t, n, v in page.attrs if t == "article" and n == "class"]
    assert classes == [f"claim s-{verdicts[c.id].status}" for c in claims]
    marks = page.tags.count("mark")
    assert marks == len(claims)
    hrefs = [v for t, n, v in page.attrs if n == "href"]
    assert SEED_SOURCE in hrefs and "https://gone.example/old-page" in hrefs
    assert all(h.startswith(("https://", "#claim-")) for h in hrefs)
    reviewed = [c for c in claims if verdicts[c.id].status != "unreviewed"]
    assert [h for h in hrefs if h.startswith("#")] == [f"#claim-{c.id}" for c in reviewed]
    assert "script" not in page.tags and "src" not in {n for _, n, _ in page.attrs}
    text = " ".join(page.text)
    assert article.title in text and "dead link (404)" in text
    bars = [v for t, n, v in page.attrs if t == "span" and n == "style" and v.startswith("width")]
    total = sum(float(v.split()[1].rstrip("%")) for v in bars)
    assert abs(total - 100) < 0.1


def test_csv_structure(seeded):
    article, claims, verdicts = _expected(seeded)
    rows = list(csv.reader(io.StringIO(_render(seeded, "csv", OPTIONS))))
    assert tuple(rows[0]) == COLUMNS
    body = [dict(zip(COLUMNS, r, strict=True)) for r in rows[1:]]
    assert [r["claim_id"] for r in body] == [c.id for c in claims]
    assert [r["status"] for r in body] == [verdicts[c.id].status for c in claims]
    assert [int(r["position"]) for r in body] == list(range(1, len(claims) + 1))
    assert all(int(r["start"]) < int(r["end"]) for r in body)


def test_json_structure(seeded):
    article, claims, verdicts = _expected(seeded)
    data = json.loads(_render(seeded, "json", OPTIONS))
    assert data["schema"] == "workbench-report" and data["schema_version"] == 1
    (entry,) = data["articles"]
    assert entry["article"]["text"] == article.text
    assert [c["id"] for c in entry["claims"]] == [c.id for c in claims]
    assert {c["id"]: c["verdict"]["status"] for c in entry["claims"]} == {
        c.id: verdicts[c.id].status for c in claims
    }
    assert entry["summary"]["counts"]["disputed"] == 1
    assert len(entry["history"]) > 0


def test_status_and_reviewer_filters(seeded):
    md = _render(seeded, "md", OPTIONS, statuses="disputed,false")
    assert md.count("### ") == 2 and "Filtered: status disputed, false" in md
    rows = list(csv.DictReader(io.StringIO(_render(seeded, "csv", OPTIONS, reviewer="bo"))))
    assert [r["reviewer"] for r in rows] == ["bo"]
    none = _render(seeded, "md", OPTIONS, statuses=["verified"], reviewer="bo")
    assert "No claims match the filters" in none


def test_write_report_writes_atomically(seeded, tmp_path):
    path, aid = seeded
    target = tmp_path / "report.html"
    target.write_text("old", encoding="utf-8")
    with Workspace.open(path, reviewer="ana", readonly=True) as ws:
        written = write_report(ws, "html", [aid], target, options=OPTIONS)
    assert written == target
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_seed_fixture_matches_extraction():
    """The fixture is the real extractor's output (so goldens follow extraction)."""
    article, claims = seed_claims()
    assert claims and all(c.article_id == article.id for c in claims)
