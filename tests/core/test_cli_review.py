"""The reviewer in control from the command line (issue 12): add, reword and dismiss
claims, edit links, rename articles; claim ids shared by two articles."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from cli_helpers import run_cli as run
from store_fixtures import TEXT, claims_for

from workbench.core.articles import make_article
from workbench.core.store import Workspace


@pytest.fixture
def ws(tmp_path) -> tuple[Path, str, list[str]]:
    path = tmp_path / "ws"
    article = make_article(TEXT, "minsk.txt")
    with Workspace.open(path, reviewer="ana") as store:
        store.add_article(article, claims_for(article))
        ids = [c.id for c in store.claims(article.id)]
    return path, article.id, ids


def _claims(capsys, path) -> list[dict]:
    code, out, err = run(capsys, "claims", "--format", "json", "-w", str(path))
    assert code == 0, err
    return json.loads(out)


def test_claim_add_a_statement_is_stored_in_history_undoable_and_exported(ws, capsys):
    path, aid, ids = ws
    code, out, err = run(
        capsys, "claim", "add", aid[:8], "--anchor", "Lukashenko has ruled", "-w", str(path)
    )
    assert code == 0, err
    assert out.startswith("added ") and "statement" in out
    added = [c for c in _claims(capsys, path) if c["origin"] == "reviewer"]
    assert len(added) == 1 and added[0]["kind"] == "statement"
    assert added[0]["anchor"] == "Lukashenko has ruled"
    assert added[0]["sentence"] == "Lukashenko has ruled for 26 years."
    code, out, _ = run(capsys, "export", "-f", "json", "-w", str(path))
    exported = json.loads(out)["articles"][0]["claims"]
    assert any(c["origin"] == "reviewer" for c in exported)
    code, out, _ = run(capsys, "undo", "-w", str(path))
    assert code == 0 and "claim" in out
    assert not [c for c in _claims(capsys, path) if c["origin"] == "reviewer"]


def test_claim_add_derives_kind_and_value_like_the_extractor(ws, capsys):
    path, aid, _ = ws
    code, out, err = run(
        capsys, "claim", "add", aid, "--anchor", "1,500 million dollars", "-w", str(path)
    )
    assert code == 0, err
    (claim,) = [c for c in _claims(capsys, path) if c["origin"] == "reviewer"]
    assert claim["kind"] == "money" and claim["value"].get("currency") == "USD"


@pytest.mark.parametrize(
    ("anchor", "extra", "words"),
    [("not in the text", [], "not in the article"), ("300", ["--occurrence", "2"], "1 time"),
     ("  ", [], "empty")],
)
def test_claim_add_mistakes_are_one_line(ws, capsys, anchor, extra, words):
    path, aid, _ = ws
    code, out, err = run(capsys, "claim", "add", aid, "--anchor", anchor, *extra, "-w", str(path))
    assert code == 2 and not out and err.count("\n") == 1 and words in err


def test_claim_label_is_the_reviewers_wording_and_the_original_stays(ws, capsys):
    path, aid, ids = ws
    code, out, err = run(
        capsys, "claim", "label", ids[0], "Over 100k marched in Minsk", "-w", str(path)
    )
    assert code == 0, err
    row = next(c for c in _claims(capsys, path) if c["id"] == ids[0])
    assert row["verdict"]["label"] == "Over 100k marched in Minsk"
    assert row["label"] == "100,000"  # the extracted label is kept
    code, out, _ = run(capsys, "claims", "-w", str(path))
    assert "Over 100k marched in Minsk" in out
    code, out, _ = run(capsys, "history", ids[0], "-w", str(path))
    assert "label" in out and "Over 100k" in out


def test_dismissed_counts_as_reviewed_and_is_left_out_of_reports(ws, capsys):
    path, aid, ids = ws
    code, out, err = run(
        capsys, "claim", "dismiss", ids[1], "--reason", "a unit, not a claim", "-w", str(path)
    )
    assert code == 0 and "dismissed" in out, err
    run(capsys, "mark", ids[0], "false", "-w", str(path))
    code, out, _ = run(capsys, "status", "--format", "json", "-w", str(path))
    (summary,) = json.loads(out)
    assert summary["reviewed"] == 2 and summary["counts"]["dismissed"] == 1
    code, out, _ = run(capsys, "export", "-f", "csv", "-w", str(path))
    assert ids[1] not in out and ids[0] in out
    code, out, _ = run(capsys, "export", "-f", "csv", "--include-dismissed", "-w", str(path))
    rows = list(csv.DictReader(io.StringIO(out)))
    assert any(r["status"] == "dismissed" and "a unit" in r["note"] for r in rows)
    code, out, _ = run(capsys, "export", "-f", "json", "-w", str(path))
    assert ids[1] in out  # the full dump keeps it
    code, out, _ = run(
        capsys, "export", "-f", "claimreview", "--url", "https://fc.example/r", "--org", "FC",
        "--include-dismissed", "-w", str(path),
    )
    reviews = json.loads(out)
    assert len(reviews) == 1 and ids[1] not in json.dumps(reviews)


def test_mark_accepts_status_names_in_any_form(ws, capsys):
    path, aid, ids = ws
    for name in ("In-Progress", "in progress", "DISMISSED"):
        code, out, err = run(capsys, "mark", ids[0], name, "-w", str(path))
        assert code == 0, err


def test_link_edit_changes_stance_and_title(ws, capsys):
    path, aid, ids = ws
    url = "https://example.org/evidence"
    run(capsys, "mark", ids[0], "verified", "--link", url, "-w", str(path))
    code, out, err = run(
        capsys, "link", "edit", ids[0], url, "--stance", "refutes", "--title", "Ministry data",
        "-w", str(path),
    )
    assert code == 0, err
    assert "refutes" in out and "Ministry data" in out
    (link,) = next(c for c in _claims(capsys, path) if c["id"] == ids[0])["verdict"]["links"]
    assert link["stance"] == "refutes" and link["title"] == "Ministry data"
    code, out, err = run(capsys, "link", "edit", ids[0], "https://example.org/other",
                         "--stance", "supports", "-w", str(path))
    assert code == 2 and "no link" in err and err.count("\n") == 1


def test_rename_gives_an_article_a_title(ws, capsys):
    path, aid, ids = ws
    run(capsys, "mark", ids[0], "false", "-w", str(path))
    code, out, err = run(capsys, "rename", aid[:8], "Minsk protests, day 3", "-w", str(path))
    assert code == 0, err
    code, out, _ = run(capsys, "status", "-w", str(path))
    assert "Minsk protests, day 3" in out
    row = next(c for c in _claims(capsys, path) if c["id"] == ids[0])
    assert row["verdict"]["status"] == "false"


def test_the_same_claim_in_two_articles_names_the_article_claim_form(tmp_path, capsys):
    """Fault 12.3: identical ids in two articles; the error said 'type more characters'."""
    path = tmp_path / "ws"
    a = make_article(TEXT, "minsk.txt")
    b = make_article(TEXT + "\n\nShared by News Example.", "https://news.example/minsk")
    with Workspace.open(path, reviewer="ana") as store:
        store.add_article(a, claims_for(a))
        store.add_article(b, claims_for(b))
        aids = [s.id for s in store.articles()]
        cid = store.claims(aids[0])[0].id
    assert cid in {c.id for c in claims_for(b)}  # the shared sentence: the same id
    code, out, err = run(capsys, "mark", cid, "false", "-w", str(path))
    assert code == 2 and "ARTICLE:CLAIM" in err and err.count("\n") == 1
    code, out, err = run(capsys, "mark", f"{aids[1][:8]}:{cid}", "false", "-w", str(path))
    assert code == 0, err
    code, out, _ = run(capsys, "history", "-w", str(path))
    assert f"{aids[1][:8]}:{cid}" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["-w", "{ws}", "--reviewer", "zed", "claim", "label", "{cid}", "Worded by zed"],
        ["claim", "-w", "{ws}", "--reviewer", "zed", "label", "{cid}", "Worded by zed"],
        ["claim", "label", "{cid}", "Worded by zed", "-w", "{ws}", "--reviewer", "zed"],
    ],
    ids=["before-command", "before-action", "after-action"],
)
def test_common_options_anywhere_reach_the_action(ws, capsys, monkeypatch, tmp_path, argv):
    """`workbench -w WS --reviewer zed claim label ...` writes to WS as zed (an action's
    parser used to reset the options given before it to their defaults)."""
    path, aid, ids = ws
    monkeypatch.setenv("WORKBENCH_WORKSPACE", str(tmp_path / "elsewhere"))
    filled = [a.replace("{ws}", str(path)).replace("{cid}", ids[0]) for a in argv]
    code, out, err = run(capsys, *filled)
    assert code == 0, err
    code, out, _ = run(capsys, "history", ids[0], "--format", "json", "-w", str(path))
    rows = [r for r in json.loads(out) if r["field"] == "label"]
    assert rows and rows[-1]["reviewer"] == "zed" and rows[-1]["new"] == "Worded by zed"


def test_csv_label_is_the_reviewers_wording_and_keeps_the_extracted_one(ws, capsys):
    path, aid, ids = ws
    run(capsys, "claim", "label", ids[0], "Over 100k marched in Minsk", "-w", str(path))
    code, out, err = run(capsys, "export", "-f", "csv", "-w", str(path))
    assert code == 0, err
    rows = {r["claim_id"]: r for r in csv.DictReader(io.StringIO(out))}
    assert rows[ids[0]]["label"] == "Over 100k marched in Minsk"
    assert rows[ids[0]]["extracted_label"] == "100,000"
    assert "claim_type" in rows[ids[0]] and "speaker" in rows[ids[0]]


def test_history_quotes_a_note_as_written(ws, capsys):
    """`history` printed notes through repr(): `C:\\path` came out as `C:\\\\path` and a
    note with an apostrophe in double quotes, so the line misquoted the reviewer."""
    path, aid, ids = ws
    note = r"it's C:\temp \[x]"
    code, out, err = run(capsys, "mark", ids[0], "false", "--note", note, "-w", str(path))
    assert code == 0, err
    code, out, _ = run(capsys, "history", ids[0], "-w", str(path))
    assert f"note: '' -> '{note}'" in out


def test_the_claims_table_shows_claim_type_and_speaker(tmp_path, capsys):
    """Issue 11.6: `workbench claims` showed neither; a reworded claim lost its speaker."""
    from dataclasses import replace

    path = tmp_path / "ws"
    article = make_article(TEXT, "minsk.txt")
    claims = claims_for(article)
    claims[0] = replace(claims[0], claim_type="prediction", speaker="Kremlin",
                        label="Kremlin: " + claims[0].label)
    claims[1] = replace(claims[1], claim_type="laws/rules", speaker="Ann Lee")
    with Workspace.open(path, reviewer="ana") as store:
        store.add_article(article, claims)
    run(capsys, "claim", "label", claims[0].id, "talks will cover trade", "-w", str(path))
    code, out, err = run(capsys, "claims", "-w", str(path))
    assert code == 0, err
    lines = {line.split()[0]: line for line in out.splitlines()}
    assert "TYPE" in lines["CLAIM"]
    assert " predict " in lines[claims[0].id] and "[said by Kremlin]" in lines[claims[0].id]
    assert " rule " in lines[claims[1].id] and "[said by Ann Lee]" in lines[claims[1].id]
    assert " - " in lines[claims[2].id] and "said by" not in lines[claims[2].id]
