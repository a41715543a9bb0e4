"""`workbench extract`: formats, claims.json freshness, and every bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_helpers import run_cli as run

from workbench.cli import main

ROOT = Path(__file__).resolve().parents[2]
SEED = "seeds/belarus-putin-sochi.txt"


def test_claims_json_is_fresh(capsys, monkeypatch):
    """claims.json is exactly what `workbench extract SEED --format json` writes.

    Regenerate with: workbench extract seeds/belarus-putin-sochi.txt --format json > claims.json
    It holds what a user gets: the sentence encoder's worthiness scores (the suite's
    conftest turns the encoder off elsewhere).
    """
    monkeypatch.delenv("WORKBENCH_STRONG")
    monkeypatch.chdir(ROOT)
    code, out, err = run(capsys, "extract", SEED, "--format", "json")
    assert code == 0, err
    assert (ROOT / "claims.json").read_text(encoding="utf-8") == out


def test_json_format_fields(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    code, out, _ = run(capsys, "extract", SEED, "-f", "json")
    doc = json.loads(out)
    assert set(doc) == {"article", "claims"}
    assert set(doc["article"]) == {"id", "title", "source", "text"}
    fields = {
        "id",
        "kind",
        "anchor",
        "start",
        "end",
        "sentence",
        "sentence_start",
        "sentence_end",
        "label",
        "value",
        "entities",
        "worthiness",
        "claim_type",
        "speaker",
    }
    assert doc["claims"] and all(set(c) == fields for c in doc["claims"])
    statements = [c for c in doc["claims"] if c["kind"] == "statement"]
    assert statements and all(c["claim_type"] for c in statements)
    assert any(c["speaker"] for c in statements) and any(c["speaker"] is None for c in statements)


def test_many_inputs_give_a_list_and_jsonl_lines(capsys, tmp_path):
    a = tmp_path / "a.txt"
    a.write_text("T\n\nThe firm hired 300 workers in 2021.\n")
    b = tmp_path / "b.txt"
    b.write_text("T\n\nPrices rose 4% in May.\n")
    code, out, _ = run(capsys, "extract", str(a), str(b), "-f", "json")
    assert code == 0 and isinstance(json.loads(out), list) and len(json.loads(out)) == 2
    code, out, _ = run(capsys, "extract", str(tmp_path), "-f", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and rows and all("article_id" in r and "label" in r for r in rows)
    code, out, _ = run(capsys, "extract", str(a))
    assert code == 0 and "300" in out


def test_stdin(capsys, monkeypatch):
    import io
    import sys

    monkeypatch.setattr(
        sys, "stdin", io.TextIOWrapper(io.BytesIO(b"T\n\nThe firm hired 300 workers in 2021.\n"))
    )
    code, out, _ = run(capsys, "extract", "-", "-f", "json")
    assert code == 0 and json.loads(out)["article"]["source"] == "-"


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda p: None, "no such file"),
        (lambda p: p.mkdir(), "holds no article files"),
        (lambda p: p.write_text(""), "empty"),
        (lambda p: p.write_text("   \n\t \n"), "empty"),
        (lambda p: p.write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00binary"), "binary"),
        (lambda p: p.write_bytes(bytes(range(256)) * 4), "binary"),
    ],
    ids=["missing", "empty-folder", "empty", "whitespace", "nul-bytes", "all-bytes"],
)
def test_bad_input_one_line_exit_2(capsys, tmp_path, setup, message):
    path = tmp_path / "input"
    setup(path)
    code, out, err = run(capsys, "extract", str(path), "-f", "json")
    assert code == 2
    assert out == ""
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_undecodable_bytes(capsys, tmp_path):
    path = tmp_path / "x.txt"
    path.write_bytes(
        b"T\n\nThe firm paid \x81\x8d\x8f\x90\x9d 300 workers.\n"
    )  # not UTF-8, not cp1252
    code, out, err = run(capsys, "extract", str(path))
    # either a detected encoding (claims printed) or a clear refusal (nothing printed)
    assert code in (0, 2) and (code == 0) == bool(out)
    assert "Traceback" not in err and (code == 0 or err.count("\n") == 1)


def test_unknown_model(capsys):
    code, out, err = run(capsys, "extract", SEED, "--model", "no_such_pipeline_abc")
    assert code == 3 and out == ""
    assert "no spaCy pipeline named 'no_such_pipeline_abc'" in err and "pip install" in err


def test_bad_option_is_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["extract", SEED, "--format", "xml"])
    assert exc.value.code == 2


def test_a_bad_file_inside_a_folder_is_skipped_with_a_warning(capsys, tmp_path):
    (tmp_path / "good.txt").write_text("T\n\nThe firm hired 300 workers in 2021.\n")
    (tmp_path / "empty.txt").write_text("")
    code, out, err = run(capsys, "extract", str(tmp_path), "-f", "jsonl")
    assert code == 0 and out.strip()
    assert "skipped" in err and "empty.txt" in err
    code, out, err = run(capsys, "extract", str(tmp_path / "empty.txt"), "-f", "jsonl")
    assert code == 2 and out == ""


def test_progress_lines_on_stderr_when_asked_and_not_a_terminal(capsys, monkeypatch):
    """Issue 16.14/16.16: long non-interactive runs showed no progress at all."""
    monkeypatch.chdir(ROOT)
    code, out, err = run(capsys, "extract", SEED, "--progress", "-f", "jsonl")
    assert code == 0 and out
    lines = [line for line in err.splitlines() if line.startswith("extracting paragraphs: ")]
    assert lines[0].startswith("extracting paragraphs: 0%") and lines[-1].endswith(")")
    assert "100%" in lines[-1] and len(lines) <= 11 and "\r" not in err
    code, out, err = run(capsys, "extract", SEED, "-f", "jsonl")
    assert "extracting" not in err  # without --progress a pipe gets nothing


def test_the_readme_extract_sample_is_what_extract_prints(capsys, monkeypatch):
    """The README's `workbench extract` sample had drifted from the real output.

    Regenerate it with: COLUMNS=120 workbench extract seeds/belarus-putin-sochi.txt | head -12
    (the sample is that output's first lines, followed by `...`)."""
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("COLUMNS", "120")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("$ workbench extract seeds/belarus-putin-sochi.txt\n", 1)[1]
    sample = block.split("\n...\n", 1)[0].splitlines()
    code, out, err = run(capsys, "extract", SEED)
    assert code == 0, err
    real = [line.rstrip() for line in out.splitlines()]
    assert len(sample) >= 5 and sample == real[: len(sample)]


def test_a_folder_leaves_out_hidden_folders_and_workspaces(tmp_path):
    """`workbench add .` in a project imported .git/HEAD, .git/description and the
    workspace's own journal (extension-less files) as articles."""
    from workbench.core.articles import expand_paths

    (tmp_path / "a.txt").write_text("T\n\nThe firm hired 300 workers.\n")
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "b").write_text("T\n\nThe firm hired 30 workers.\n")
    for hidden in (".git", ".workbench", "sub/.cache"):
        (tmp_path / hidden).mkdir(parents=True)
        (tmp_path / hidden / "HEAD").write_text("ref: refs/heads/main\n")
    (tmp_path / "ws").mkdir()
    (tmp_path / "ws" / "workbench.json").write_text("{}")
    (tmp_path / "ws" / "lock").write_text("x")
    assert expand_paths([str(tmp_path)]) == [str(tmp_path / "a.txt"), str(tmp_path / "notes" / "b")]
    assert expand_paths([str(tmp_path / "ws" / "lock")]) == [str(tmp_path / "ws" / "lock")]


def test_the_table_heading_counts_one_claim_in_the_singular():
    from workbench.commands.extract import format_table
    from workbench.core.articles import make_article
    from workbench.core.models import Claim

    article = make_article("T\n\nThe firm hired 300 workers.", "a.txt")
    claim = Claim("c1", article.id, "quantity", "300", 17, 20, "The firm hired 300 workers.",
                  3, 30, "300 workers")
    assert format_table(article, [claim], 120).splitlines()[0].endswith(", 1 claim)")
    assert format_table(article, [claim, claim], 120).splitlines()[0].endswith(", 2 claims)")
