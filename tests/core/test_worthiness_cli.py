"""``workbench score``: one sentence per line in, ``score<TAB>sentence`` out."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from workbench.cli import main
from workbench.core.nlp.worthiness import MODEL_PATH
from workbench.core.nlp.worthiness.features import FEATURE_VERSION
from workbench.core.nlp.worthiness.scorer import MODEL_ENV

LINES = [
    "Unemployment fell to 3.5 percent last year, the lowest rate since 1969.",
    "",
    "Thank you very much, it is good to be here tonight.",
]


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def _rows(out: str) -> list[list[str]]:
    return [line.split("\t") for line in out.splitlines()]


@pytest.mark.skipif(not MODEL_PATH.is_file(), reason="no shipped model file")
def test_score_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "s.txt"
    path.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    assert main(["score", str(path)]) == 0
    rows = _rows(capsys.readouterr().out)
    assert [r[1] for r in rows] == [LINES[0], LINES[2]]
    scores = [float(r[0]) for r in rows]
    assert all(len(r[0]) == 5 and 0 <= s <= 1 for r, s in zip(rows, scores, strict=True))
    assert scores[0] > scores[1]


def test_score_with_a_tiny_model_from_stdin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    model = tmp_path / "m.json"
    model.write_text(json.dumps({"feature_version": FEATURE_VERSION, "bias": -1.0,
                                 "weights": {"ent:PERCENT": 3.0}}), encoding="utf-8")
    monkeypatch.setenv(MODEL_ENV, str(model))
    _stdin(monkeypatch, b"Inflation hit 9 percent.\nHello \x1b[31mthere\tfriend\n\n")
    assert main(["score", "-"]) == 0
    rows = _rows(capsys.readouterr().out)
    assert rows == [["0.881", "Inflation hit 9 percent."], ["0.269", "Hello there friend"]]


def test_missing_model_prints_unknown(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv(MODEL_ENV, str(tmp_path / "deleted.json"))
    _stdin(monkeypatch, "\n".join(LINES).encode())
    assert main(["score"]) == 0
    captured = capsys.readouterr()
    assert _rows(captured.out) == [["unknown", LINES[0]], ["unknown", LINES[2]]]
    assert len(captured.err.strip().splitlines()) == 1
    assert "unknown" in captured.err


@pytest.mark.parametrize(
    ("name", "content"),
    [("missing.txt", None), ("binary.bin", b"\x00\x01\x02abc"), ("folder", "dir")],
)
def test_bad_input_is_one_error_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                     name: str, content: bytes | str | None) -> None:
    path = tmp_path / name
    if content == "dir":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    assert main(["score", str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("workbench: error:")
