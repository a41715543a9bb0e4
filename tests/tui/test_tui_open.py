"""The open command and the extraction worker: stored articles, new files, errors, locks."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from workbench.core.errors import ModelError
from workbench.core.store import Workspace
from workbench.tui.app import Pending
from workbench.tui.screens.loading import LoadingScreen
from workbench.tui.screens.review import ReviewScreen

from .helpers import SAMPLE, make_app, number_claims, sample_article

# Runs `workbench ARGS` for each ARGS of a JSON list, one after the other in one fresh
# interpreter (a start-up is most of a run's cost), with App.run replaced by a headless
# Pilot run; prints per run the exit code, the screen shown, read-only, whether spaCy has
# been loaded so far, and that run's stderr.
RUNNER = textwrap.dedent(
    """
    import asyncio, contextlib, io, json, sys
    from workbench.tui.app import WorkbenchApp
    seen = {}
    def fake_run(self, **kw):
        async def go():
            async with self.run_test(size=(80, 24)) as pilot:
                await pilot.pause()
                seen["screen"] = type(self.screen).__name__
                seen["readonly"] = self.ws.readonly
        asyncio.run(go())
    WorkbenchApp.run = fake_run
    import workbench.commands.open as open_cmd
    open_cmd.terminal_problem = lambda: None  # the headless run stands in for a terminal
    from workbench.cli import main
    for argv in json.loads(sys.argv[1]):
        seen.clear()
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            rc = main(argv)
        out = {"rc": rc, **seen, "spacy": "spacy" in sys.modules}
        print(json.dumps({"out": out, "err": err.getvalue()}))
    """
)


def run_clis(*runs: list[str]) -> list[tuple[dict, str]]:
    """(result, stderr) of each run of ``workbench ARGS`` (all in one fresh interpreter)."""
    import json

    proc = subprocess.run([sys.executable, "-c", RUNNER, json.dumps([list(r) for r in runs])],
                          capture_output=True, text=True, timeout=120)
    results = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    assert len(results) == len(runs), (proc.returncode, proc.stdout, proc.stderr)
    return [(r["out"], r["err"]) for r in results]


def run_cli(*args: str) -> tuple[dict, str]:
    [result] = run_clis(list(args))
    return result


@pytest.fixture
def article_file(tmp_path):
    path = tmp_path / "budget.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    return path


def test_stored_article_opens_without_spacy(ws_path, article_file):
    from workbench.core.articles import load_article_file

    article = load_article_file(article_file)
    with Workspace.open(ws_path, reviewer="t") as ws:
        ws.add_article(article, number_claims(article))
    # by path, by id prefix, and by `open ID`
    for out, err in run_clis(
        ["--workspace", str(ws_path), str(article_file)],
        ["--workspace", str(ws_path), article.id[:8]],
        ["open", "--workspace", str(ws_path), article.id],
    ):
        assert out == {"rc": 0, "screen": "ReviewScreen", "readonly": False, "spacy": False}, err


def test_no_argument_opens_the_picker(ws_path):
    out, err = run_cli("--workspace", str(ws_path))
    assert out["screen"] == "PickerScreen" and out["rc"] == 0, err


def test_bad_inputs_give_one_line(ws_path, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n", encoding="utf-8")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    missing, empty_run, binary_run = run_clis(
        ["--workspace", str(ws_path), str(tmp_path / "missing.txt")],
        ["--workspace", str(ws_path), str(empty)],
        ["--workspace", str(ws_path), str(binary)],
    )
    out, err = missing
    assert out["rc"] == 2 and err.strip().count("\n") == 0 and "workbench: error:" in err
    out, err = empty_run
    assert out["rc"] == 2 and "empty" in err and "Traceback" not in err
    out, err = binary_run
    assert out["rc"] == 2 and "binary" in err
    assert not ws_path.exists(), "a failed open must not create a workspace"


def test_a_missing_file_in_a_fresh_folder_creates_nothing(tmp_path):
    ws_path = tmp_path / "fresh"
    out, err = run_cli("--workspace", str(ws_path), str(tmp_path / "missing.txt"))
    assert out["rc"] == 2 and "no such file" in err and err.strip().count("\n") == 0
    assert not ws_path.exists()
    out, err = run_cli("open", "--workspace", str(ws_path), "0123abcd")
    assert out["rc"] == 2 and not ws_path.exists()


async def test_a_file_that_is_not_utf8_opens_with_a_notice(ws, tmp_path, monkeypatch, fake_model):
    import workbench.core.services.importing as importing
    from workbench.core.articles import load_article_file

    monkeypatch.setattr(importing, "extract", lambda articles, **kw: [
        importing.Extracted(a, number_claims(a)) for a in articles])
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\xe9 owners said prices rose 4% in 2024.\n".encode("cp1252"))
    article = load_article_file(path)
    app = make_app(ws, pending=Pending(article=article))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        notes = [n.message for n in app._notifications if "UTF-8" in n.message]
        assert len(notes) == 1 and "Windows-1252" in notes[0] and "latin.txt" in notes[0]
        assert isinstance(app.screen, ReviewScreen)
    assert "Café" in ws.article(article.id).text


def test_second_instance_opens_read_only_or_refuses_import(ws_path, article_file, tmp_path):
    from workbench.core.articles import load_article_file

    article = load_article_file(article_file)
    with Workspace.open(ws_path, reviewer="first") as ws:
        ws.add_article(article, number_claims(article))
        new = tmp_path / "new.txt"
        new.write_text("A different article with 5 numbers in 2024.", encoding="utf-8")
        (out, err), refused = run_clis(
            ["--workspace", str(ws_path), article.id], ["--workspace", str(ws_path), str(new)]
        )
        assert out == {"rc": 0, "screen": "ReviewScreen", "readonly": True, "spacy": False}, err
        out, err = refused
        assert out["rc"] == 4 and "another workbench" in err and "\n" not in err.strip()


async def test_new_article_is_extracted_in_a_worker(ws, monkeypatch, fake_model):
    import workbench.core.services.importing as importing

    calls = []

    def fake_extract(articles, *, model=None, progress=None, cancel=None, **kwargs):
        calls.append(model)
        if progress:
            progress(3, 4)
        return [importing.Extracted(a, number_claims(a)) for a in articles]

    monkeypatch.setattr(importing, "extract", fake_extract)
    article = sample_article()
    app = make_app(ws, pending=Pending(article=article, model="m"))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert calls == ["m"]
        assert fake_model == ["m"]  # the model load is its own step, before the claims
        # the notice keeps the title's capitals (it read "Added … city budget grows again")
        assert any(f"Added {article.id[:8]}" in n.message and "City budget grows again"
                   in n.message for n in app._notifications)
    assert ws.article(article.id).text == article.text
    assert len(ws.claims(article.id)) == len(number_claims(article))


async def test_extraction_failure_is_shown_not_raised(ws, monkeypatch, fake_model):
    import workbench.core.services.importing as importing

    def broken(articles, **kwargs):
        raise ModelError("no spaCy pipeline named 'nope'")

    monkeypatch.setattr(importing, "extract", broken)
    app = make_app(ws, pending=Pending(article=sample_article(), model="nope"))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, LoadingScreen)
        assert "nope" in str(app.screen.query_one("#loading-note").render())
        await pilot.press("q")
    assert ws.articles() == []


async def test_escape_cancels_a_fetch_in_progress(ws, monkeypatch):
    import workbench.core.net.fetch as fetch

    seen = {}

    def slow_fetch(url, *, allow_private=False, cancel=None, **kwargs):
        seen["url"] = url
        assert cancel is not None and cancel.wait(10), "escape should set the cancel event"
        raise fetch.FetchError(f"{url}: cancelled")

    monkeypatch.setattr(fetch, "fetch_article", slow_fetch)
    app = make_app(ws, pending=Pending(url="https://news.example/a"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LoadingScreen)
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, LoadingScreen)
        assert "cancelled" in str(app.screen.query_one("#loading-note").render())
    assert seen["url"] == "https://news.example/a"
    assert ws.articles() == []


def test_without_a_terminal_the_workbench_refuses_in_one_line(ws_path, article_file, capsys):
    from workbench.cli import main

    code = main(["--workspace", str(ws_path), str(article_file)])
    err = capsys.readouterr().err
    assert code == 2 and "not a terminal" in err and "workbench extract" in err
    assert err.count("\n") == 1


async def test_escape_cancels_an_extraction_in_progress(ws, monkeypatch, fake_model):
    """The worker runs the real Extractor loop with a cancel event: escape stops it."""
    import asyncio
    import threading

    import workbench.core.services.importing as importing
    from workbench.core.errors import WorkbenchError

    started = threading.Event()

    def slow_extract(articles, *, model=None, progress=None, cancel=None, **kwargs):
        started.set()
        [article] = articles
        for done in range(1, 1000):
            if cancel is not None and cancel.is_set():
                raise WorkbenchError("cancelled")
            if progress:
                progress(done, 1000)
            cancel.wait(0.01)
        return [importing.Extracted(article, number_claims(article))]

    monkeypatch.setattr(importing, "extract", slow_extract)
    app = make_app(ws, pending=Pending(article=sample_article()))
    async with app.run_test(size=(120, 40)) as pilot:
        assert await asyncio.to_thread(started.wait, 10)
        await pilot.pause()
        assert isinstance(app.screen, LoadingScreen)
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "cancelled" in str(app.screen.query_one("#loading-note").render())
    assert ws.articles() == []


def test_readonly_flag_opens_read_only_even_when_the_workspace_is_free(ws_path, article_file):
    """Issue 16 item 16: the workbench can be asked to open a workspace read-only."""
    from workbench.core.articles import load_article_file

    article = load_article_file(article_file)
    with Workspace.open(ws_path, reviewer="t") as ws:
        ws.add_article(article, number_claims(article))
    new = article_file.with_name("other.txt")
    new.write_text("Another article with 7 numbers from 2021.", encoding="utf-8")
    *flags, refused = run_clis(
        *([flag, "--workspace", str(ws_path), article.id] for flag in ("--readonly", "-r")),
        ["-r", "--workspace", str(ws_path), str(new)],
    )
    for out, err in flags:
        assert out == {"rc": 0, "screen": "ReviewScreen", "readonly": True, "spacy": False}, err
    out, err = refused
    assert out["rc"] == 2 and "--readonly" in err and "\n" not in err.strip()


CRASHER = textwrap.dedent(
    """
    import sys
    from workbench.tui.app import WorkbenchApp
    original_run, original_mount = WorkbenchApp.run, WorkbenchApp.on_mount
    def on_mount(self):
        original_mount(self)
        self.call_after_refresh(lambda: 1 / 0)  # a bug inside the running app
    WorkbenchApp.on_mount = on_mount
    WorkbenchApp.run = lambda self, **kw: original_run(self, headless=True)
    import workbench.commands.open as open_cmd
    open_cmd.terminal_problem = lambda: None
    from workbench.cli import main
    sys.exit(main(sys.argv[1:]))
    """
)


def test_a_crash_inside_the_app_exits_non_zero_with_one_line(ws_path, article_file):
    from workbench.core.articles import load_article_file

    article = load_article_file(article_file)
    with Workspace.open(ws_path, reviewer="t") as ws:
        ws.add_article(article, number_claims(article))
    proc = subprocess.run([sys.executable, "-c", CRASHER, "--workspace", str(ws_path),
                           article.id], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert proc.stderr.strip().count("\n") == 0, proc.stderr
    assert "internal error (ZeroDivisionError" in proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout


def test_a_url_that_cannot_be_opened_leaves_no_new_workspace(tmp_path):
    ws_path = tmp_path / "fresh"
    out, err = run_cli("--workspace", str(ws_path), "http://127.0.0.1:9/story")
    assert out.get("screen") == "LoadingScreen", (out, err)
    assert not ws_path.exists(), "the failed import left an empty workspace behind"


def test_discard_if_unused_removes_only_an_empty_new_workspace(tmp_path):
    from workbench.core.services.workspace import discard_if_unused

    empty = tmp_path / "empty"
    Workspace.open(empty, reviewer="t").close()
    assert discard_if_unused(empty, "t") and not empty.exists()
    used = tmp_path / "used"
    with Workspace.open(used, reviewer="t") as ws:
        article = sample_article()
        ws.add_article(article, number_claims(article))
    assert not discard_if_unused(used, "t") and used.exists()
    foreign = tmp_path / "foreign"
    Workspace.open(foreign, reviewer="t").close()
    (foreign / "notes.txt").write_text("mine", encoding="utf-8")
    assert not discard_if_unused(foreign, "t") and (foreign / "notes.txt").exists()


def test_a_folder_is_named_as_one_and_a_pipe_is_read_as_a_file(ws_path, tmp_path):
    """`workbench open FOLDER` said "no such file"; `workbench <(cat article.txt)` (a pipe
    at /dev/fd/N) too, while `workbench extract` read it."""
    import os
    import threading

    from workbench.core.articles import make_article

    out, err = run_cli("--workspace", str(ws_path), str(tmp_path))
    assert out["rc"] == 2 and "is a folder" in err and "workbench add" in err, err
    assert err.strip().count("\n") == 0 and not ws_path.exists()

    article = make_article(SAMPLE, "budget.txt")
    with Workspace.open(ws_path, reviewer="t") as ws:
        ws.add_article(article, number_claims(article))
    fifo = tmp_path / "article.fifo"
    os.mkfifo(fifo)

    def write() -> None:
        with open(fifo, "w", encoding="utf-8") as pipe:
            pipe.write(SAMPLE)

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    try:
        out, err = run_cli("--workspace", str(ws_path), str(fifo))
    finally:
        if writer.is_alive():  # never opened for reading: let the writer go
            os.close(os.open(fifo, os.O_RDONLY | os.O_NONBLOCK))
    assert out == {"rc": 0, "screen": "ReviewScreen", "readonly": False, "spacy": False}, err
