"""What the CLI says about its input: an empty sentence list is refused like an empty
article, a text that is not UTF-8 is read with a one-line notice naming the encoding,
and "nothing to undo" is a notice on stderr, not output."""

from __future__ import annotations

import io
import sys

import pytest
from cli_helpers import run_cli as run

LATIN1 = "Caf\xe9 owners said prices rose 4% in May.\n".encode("cp1252")


@pytest.mark.parametrize("content", [b"", b"  \n\t\n\n"], ids=["empty", "blank"])
def test_score_refuses_an_empty_file_like_extract(capsys, tmp_path, content):
    path = tmp_path / "s.txt"
    path.write_bytes(content)
    code, out, err = run(capsys, "score", str(path))
    assert (code, out) == (2, "")
    assert err.startswith("workbench: error:") and "empty" in err and err.count("\n") == 1


def test_score_refuses_empty_stdin(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\n\n")))
    code, out, err = run(capsys, "score", "-")
    assert (code, out) == (2, "") and "stdin" in err and "empty" in err


@pytest.mark.parametrize("command", ["extract", "score", "add"])
def test_a_latin1_file_is_read_with_a_one_line_notice(capsys, tmp_path, command):
    path = tmp_path / "latin.txt"
    path.write_bytes(LATIN1)
    code, out, err = run(capsys, command, str(path), "-w", str(tmp_path / "ws"))
    assert code == 0, err
    assert "Café" in out or command == "add"
    notes = [line for line in err.splitlines() if "UTF-8" in line]
    assert len(notes) == 1 and "latin.txt" in notes[0] and "Windows-1252" in notes[0]
    assert notes[0].startswith("workbench: note:")


def test_utf8_input_gets_no_notice(capsys, tmp_path):
    path = tmp_path / "utf8.txt"
    path.write_text("Café owners said prices rose 4% in May.\n", encoding="utf-8")
    code, out, err = run(capsys, "extract", str(path))
    assert code == 0 and "UTF-8" not in err


def test_nothing_to_undo_or_redo_goes_to_stderr(capsys, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("T\n\nThe firm hired 300 workers in 2021.\n", encoding="utf-8")
    ws = str(tmp_path / "ws")
    assert run(capsys, "add", str(path), "-w", ws)[0] == 0
    for command in ("undo", "redo"):
        code, out, err = run(capsys, command, "-w", ws)
        assert (code, out) == (1, "")
        assert f"nothing to {command}" in err and err.count("\n") == 1
