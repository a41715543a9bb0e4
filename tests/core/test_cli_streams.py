"""Broken arguments and streams (issue 16, items 3, 7, 8, 10, 11, 16): one line on
stderr, a non-zero exit, nothing written, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_helpers import run_cli as run
from store_fixtures import TEXT, claims_for

from workbench.core.articles import make_article
from workbench.core.models import Change, Claim
from workbench.core.store import Workspace

ROOT = Path(__file__).resolve().parents[2]
OSC_TITLE = "\x1b]0;PWNED\x07"
OSC_CLIPBOARD = "\x1b]52;c;ZWNobyBoaQ==\x07"


def cli(*args: str | bytes, stdin=None, stdout=subprocess.PIPE, **kw):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "workbench.cli", *args],
        stdin=stdin,
        stdout=stdout,
        stderr=subprocess.PIPE,
        env=env,
        timeout=120,
        **kw,
    )


@pytest.fixture
def ws(tmp_path) -> tuple[Path, str, str]:
    path = tmp_path / "ws"
    article = make_article(TEXT, "minsk.txt")
    with Workspace.open(path, reviewer="ana") as store:
        store.add_article(article, claims_for(article))
        cid = store.claims(article.id)[0].id
    return path, article.id, cid


def _one_error_line(result: subprocess.CompletedProcess) -> str:
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode != 0, err
    assert "Traceback" not in err and err.count("\n") == 1, err
    assert err.startswith("workbench: error: ")
    return err


@pytest.mark.parametrize("option", ["--note", "--title", "--reviewer", "--link"])
def test_invalid_utf8_in_a_text_option_is_refused_before_anything_is_written(ws, option):
    path, aid, cid = ws
    value = b"caf\xe9 \xff"
    extra: list[str | bytes] = ["--link", "https://example.org/a"] if option == "--title" else []
    if option == "--link":
        value = b"https://example.org/\xff"
    result = cli("mark", cid, "false", option, value, *extra, "-w", str(path))
    err = _one_error_line(result)
    assert "UTF-8" in err
    with Workspace.open(path, readonly=True) as store:
        assert store.verdict(aid, cid).status == "unreviewed"
        assert store.history() == []


@pytest.mark.parametrize("argv", [["extract", "-"], ["add", "-"], ["score", "-"]])
def test_closed_stdin_is_one_line(tmp_path, argv):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "workbench.cli", *argv, "-w", str(tmp_path / "ws")],
        capture_output=True,
        env=env,
        timeout=120,
        preexec_fn=lambda: os.close(0),
    )
    err = _one_error_line(result)
    assert "stdin" in err
    assert not (tmp_path / "ws").exists()


def test_closed_stdout_is_one_line_and_does_nothing(ws):
    path, aid, cid = ws
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "workbench.cli", "mark", cid, "false", "-w", str(path)],
        stderr=subprocess.PIPE,
        env=env,
        timeout=120,
        preexec_fn=lambda: os.close(1),
    )
    _one_error_line(result)
    with Workspace.open(path, readonly=True) as store:
        assert store.verdict(aid, cid).status == "unreviewed"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("command", ["claims", "history", "status"])
def test_a_full_stdout_is_one_line(ws, command):
    path, aid, cid = ws
    with Workspace.open(path, reviewer="ana") as store:  # enough output to fill a buffer
        for i in range(60):
            store.set_note(aid, cid, f"note {i} " + "x" * 200)
    with open("/dev/full", "wb") as full:
        result = cli(command, "-w", str(path), stdout=full)
    err = _one_error_line(result)
    assert "No space left" in err


def test_a_note_that_looks_like_an_option_is_a_note(ws, capsys):
    path, aid, cid = ws
    code, out, err = run(capsys, "mark", cid, "false", "--note", "-2+3", "-w", str(path))
    assert code == 0, err
    with Workspace.open(path, readonly=True) as store:
        assert store.verdict(aid, cid).note == "-2+3"


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "0", "-1", "soon"])
def test_fetch_timeout_must_be_finite_and_positive(tmp_path, value):
    result = cli("fetch", "http://127.0.0.1:9/", "--timeout", value, "-w", str(tmp_path / "w"))
    err = _one_error_line(result)
    assert result.returncode == 2 and "--timeout" in err
    assert not (tmp_path / "w").exists()


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_extract_of_an_endless_device_stops_at_the_cap():
    result = cli("extract", "/dev/zero")
    err = _one_error_line(result)
    assert "50 MB" in err


def test_extract_of_a_huge_pipe_that_is_not_stdin_stops_at_the_cap(tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    writer = subprocess.Popen(
        [sys.executable, "-c", f"import sys\nf = open({str(fifo)!r}, 'wb')\n"
         "try:\n    [f.write(b'a' * (1 << 20)) for _ in range(60)]\nexcept BrokenPipeError:\n"
         "    pass\n"],
        stderr=subprocess.DEVNULL,
    )
    try:
        result = cli("extract", str(fifo))
    finally:
        writer.kill()
        writer.wait()
    err = _one_error_line(result)
    assert "50 MB" in err


def test_escape_sequences_in_imported_kind_and_action_are_never_printed(ws, capsys):
    """Item 3: `kind` and history `action` from an import used to reach the terminal raw."""
    path, aid, cid = ws
    with Workspace.open(path, reviewer="ana") as store:
        claims = store.claims(aid)
        article = store.article(aid)
        hostile = Claim(**{**claims[0].to_dict(), "kind": "quantity" + OSC_TITLE})
        store.add_article(article, [hostile, *claims[1:]])
        store.append_history(
            [Change(0, aid, cid, "status" + OSC_TITLE, "a", "b", "x" + OSC_CLIPBOARD,
                    "2026-12-01T00:00:00Z", "edit" + OSC_CLIPBOARD)]
        )
    for argv in (["claims"], ["history"], ["claims", "--format", "json"],
                 ["history", "--format", "json"]):
        code, out, err = run(capsys, *argv, "-w", str(path))
        assert code == 0, err
        assert "\x1b" not in out and "\x07" not in out, argv
    code, out, _ = run(capsys, "history", "--format", "json", "-w", str(path))
    assert any(row["action"].startswith("edit") for row in json.loads(out))  # kept, escaped


def test_a_file_name_that_is_not_utf8_is_imported_under_a_printable_source(tmp_path):
    name = os.fsdecode(b"bad\xff.txt")
    (tmp_path / name).write_text("Title\n\nThe council hired 300 workers.\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    code = (
        "import sys\nfrom workbench.core.articles import load_article_file\n"
        "print(load_article_file(sys.argv[1]).source.encode('utf-8'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / name)], capture_output=True, env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "\\xef\\xbf\\xbd.txt" in result.stdout.decode()  # U+FFFD in place of the bad byte
