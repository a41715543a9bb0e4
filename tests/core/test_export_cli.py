"""`workbench export` and `workbench import` as a user runs them."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from cli_helpers import run_cli as run
from export_fixtures import Clock, triage


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> tuple[Path, str]:
    path = tmp_path_factory.mktemp("cli") / "ws"
    return path, triage(path, Clock())




def test_markdown_to_stdout(workspace, capsys):
    path, aid = workspace
    code, out, err = run(capsys, "export", aid[:8], "-w", str(path))
    assert code == 0 and out.startswith("# Verdict report") and not err


def test_single_article_needs_no_id_and_html_goes_to_a_file(
    workspace, capsys, tmp_path, monkeypatch
):
    path, _ = workspace
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "export", "--format", "html", "-w", str(path))
    assert code == 0 and not out
    assert (
        (tmp_path / "verdict-report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    )
    assert "verdict-report.html" in err


def test_csv_to_a_file_with_filters(workspace, capsys, tmp_path):
    path, _ = workspace
    target = tmp_path / "out.csv"
    code, _, _ = run(
        capsys,
        "export",
        "--all",
        "-f",
        "csv",
        "--status",
        "disputed,false",
        "-o",
        str(target),
        "-w",
        str(path),
    )
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert sorted(r["status"] for r in rows) == ["disputed", "false"]
    code, out, _ = run(capsys, "export", "-f", "csv", "--by", "bo", "-w", str(path))
    assert [r["reviewer"] for r in csv.DictReader(io.StringIO(out))] == ["bo"]


def test_global_reviewer_is_who_i_am_not_a_filter(workspace, capsys):
    """Fault 12.5: `--reviewer` used to filter the export down to nothing."""
    path, _ = workspace
    code, out, err = run(capsys, "export", "-f", "csv", "--reviewer", "zoe", "-w", str(path))
    assert code == 0 and len(list(csv.DictReader(io.StringIO(out)))) > 1 and not err


def test_an_export_with_no_claims_warns(workspace, capsys):
    path, _ = workspace
    code, out, err = run(capsys, "export", "-f", "json", "--by", "nobody", "-w", str(path))
    assert code == 0 and json.loads(out)["articles"]
    assert err.startswith("workbench: warning: the report holds no claims") and "nobody" in err


def test_claimreview_needs_a_url_then_works(workspace, capsys):
    path, _ = workspace
    code, out, err = run(capsys, "export", "-f", "claimreview", "-w", str(path))
    assert code == 6 and not out
    assert err.count("\n") == 1 and "--url" in err
    code, out, err = run(
        capsys,
        "export",
        "-f",
        "claimreview",
        "--url",
        "https://fc.example/p",
        "--org",
        "FC",
        "-w",
        str(path),
    )
    assert code == 0 and all(r["author"]["name"] == "FC" for r in json.loads(out))
    code, out, _ = run(
        capsys,
        "export",
        "-f",
        "claimreview",
        "--html",
        "--url",
        "https://fc.example/p",
        "--org",
        "FC",
        "-w",
        str(path),
    )
    assert code == 0 and out.startswith('<script type="application/ld+json">')


def test_claimreview_counts_the_reviews_it_publishes(workspace):
    """The TUI said "Report written (38 claims)" for a file of 4 ClaimReviews: the count
    of a ClaimReview export is the claims it publishes (final verdicts only)."""
    from workbench.core.services.exporting import ExportRequest, export_report
    from workbench.core.store import Workspace

    path, aid = workspace
    request = ExportRequest(fmt="claimreview", articles=(aid,), url="https://fc.example/p",
                            org="FC")
    with Workspace.open(path, readonly=True) as ws:
        result = export_report(ws, request)
        everything = export_report(ws, ExportRequest(fmt="csv", articles=(aid,)))
    assert result.claims == len(json.loads(result.text)) > 0
    assert everything.claims > result.claims and not result.warnings


def test_a_claimreview_export_with_nothing_to_publish_says_why(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("Budget up\n\nThe council spent 5 million dollars in 2024.\n",
                       encoding="utf-8")
    path = tmp_path / "ws"
    code, _, _ = run(capsys, "add", str(article), "-w", str(path))
    assert code == 0
    code, out, err = run(capsys, "export", "-f", "claimreview", "--url", "https://fc.example/p",
                         "--org", "FC", "-w", str(path))
    assert code == 0 and json.loads(out) == []
    assert err.startswith("workbench: warning: the report holds no claims")
    assert "ClaimReview publishes only claims marked" in err


def test_claimreview_without_an_org_is_refused_not_the_os_user(workspace, capsys):
    """Fault 12.9: the author used to be the OS user name."""
    path, _ = workspace
    code, out, err = run(
        capsys, "export", "-f", "claimreview", "--url", "https://fc.example/p", "-w", str(path)
    )
    assert code == 6 and not out and err.count("\n") == 1 and "--org" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["--status", "bogus"],
        ["--all", "abc"],
        ["--html"],
        ["nosuchid"],
        ["-o", "/nonexistent/dir/r.md"],
    ],
)
def test_mistakes_give_one_line_errors(workspace, capsys, argv):
    path, _ = workspace
    code, out, err = run(capsys, "export", *argv, "-w", str(path))
    assert code != 0 and not out
    assert err.startswith("workbench: error: ") and err.count("\n") == 1
    assert not Path("/nonexistent").exists()


def test_write_error_keeps_the_old_file(workspace, capsys, tmp_path, monkeypatch):
    path, _ = workspace
    target = tmp_path / "r.md"
    target.write_text("previous", encoding="utf-8")

    def boom(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("workbench.core.export.os.replace", boom)
    code, _, err = run(capsys, "export", "-o", str(target), "--force", "-w", str(path))
    assert code == 6 and "No space left" in err
    assert target.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["r.md"]


def test_an_existing_file_is_replaced_only_with_force(workspace, capsys, tmp_path):
    path, _ = workspace
    target = tmp_path / "r.csv"
    assert run(capsys, "export", "-f", "csv", "-o", str(target), "-w", str(path))[0] == 0
    target.write_text("mine", encoding="utf-8")
    code, out, err = run(capsys, "export", "-o", str(target), "-w", str(path))
    assert code == 6 and not out and err.count("\n") == 1
    assert err == f"workbench: error: {target} exists; give --force to replace it\n"
    assert target.read_text(encoding="utf-8") == "mine"
    assert [p.name for p in tmp_path.iterdir()] == ["r.csv"]  # no temporary file left
    code, _, err = run(capsys, "export", "-o", str(target), "--force", "-w", str(path))
    assert code == 0, err
    assert target.read_text(encoding="utf-8").startswith("# Verdict report")


def test_a_file_that_appears_while_writing_is_not_replaced(tmp_path):
    """``replace=False`` holds to the end: no check-then-replace race."""
    from workbench.core.errors import ExportError
    from workbench.core.export import write_chunks_atomic

    target = tmp_path / "r.md"

    def chunks():
        yield "# Verdict report\n"
        target.write_text("someone else's", encoding="utf-8")  # appears meanwhile
        yield "more\n"

    with pytest.raises(ExportError, match="exists; it was not replaced"):
        write_chunks_atomic(target, chunks(), replace=False)
    assert target.read_text(encoding="utf-8") == "someone else's"
    assert [p.name for p in tmp_path.iterdir()] == ["r.md"]
    assert write_chunks_atomic(tmp_path / "new.md", ["x"], replace=False).read_text() == "x"


def test_import_round_trip_and_conflict_listing(workspace, capsys, tmp_path):
    path, aid = workspace
    dump = tmp_path / "a.json"
    assert run(capsys, "export", "-f", "json", "-o", str(dump), "-w", str(path))[0] == 0
    other = tmp_path / "other"
    code, out, _ = run(
        capsys, "import", str(dump), "--create", "-w", str(other), "--reviewer", "bo"
    )
    assert code == 0 and "1 new" in out and "0 conflict(s)" in out
    # make a conflicting change on both sides with the store API
    from workbench.core.store import Workspace

    with Workspace.open(other, reviewer="bo", clock=Clock("2026-12-01T10:00:00Z")) as ws:
        cid = ws.claims(aid)[5].id
        ws.set_status(aid, cid, "false")
    theirs = tmp_path / "b.json"
    assert run(capsys, "export", "-f", "json", "-o", str(theirs), "-w", str(other))[0] == 0
    mine = tmp_path / "mine"
    code = run(capsys, "import", str(dump), "--create", "-w", str(mine), "--reviewer", "ana")[0]
    assert code == 0
    with Workspace.open(mine, reviewer="ana", clock=Clock("2026-11-30T10:00:00Z")) as ws:
        ws.set_status(aid, cid, "verified")
    code, out, _ = run(capsys, "import", str(theirs), "-w", str(mine), "--reviewer", "ana")
    assert code == 0 and "1 conflict(s)" in out
    (line,) = [ln for ln in out.splitlines() if ln.startswith("conflict")]
    assert cid in line and "verified (ana" in line and "false (bo" in line and "kept theirs" in line


def test_import_of_a_bad_file_is_one_line(capsys, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    code, out, err = run(capsys, "import", str(bad), "-w", str(tmp_path / "ws"))
    assert code == 2 and err.count("\n") == 1 and "not valid JSON" in err
    assert not (tmp_path / "ws").exists()


def test_import_never_creates_a_workspace_at_a_mistyped_path(workspace, capsys, tmp_path):
    """Fault 12.6."""
    path, _ = workspace
    dump = tmp_path / "a.json"
    assert run(capsys, "export", "-f", "json", "-o", str(dump), "-w", str(path))[0] == 0
    code, out, err = run(capsys, "import", str(dump), "-w", str(tmp_path / "typo"))
    assert code == 4 and not out and "no workspace" in err and err.count("\n") == 1
    # the way to a new workspace from this export (it said `workbench add ARTICLE`)
    assert "--create" in err and "workbench add" not in err
    assert not (tmp_path / "typo").exists()


def test_export_writes_through_a_fifo_and_never_replaces_it(workspace, capsys, tmp_path):
    """Issue 16.7: `-o FIFO` used to replace the FIFO with a regular file."""
    import os
    import stat
    import threading

    path, _ = workspace
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    code, out, err = run(capsys, "export", "-o", str(fifo), "-w", str(path))
    reader.join(timeout=60)
    assert code == 0, err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert got and got[0].startswith(b"# Verdict report")


def test_export_through_a_symlink_keeps_the_link(workspace, capsys, tmp_path):
    path, _ = workspace
    real = tmp_path / "real.md"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    code, _, err = run(capsys, "export", "-o", str(link), "-w", str(path))
    assert code == 6 and "give --force" in err and real.read_text(encoding="utf-8") == "old"
    code, _, err = run(capsys, "export", "-o", str(link), "--force", "-w", str(path))
    assert code == 0, err
    assert link.is_symlink() and real.read_text(encoding="utf-8").startswith("# Verdict report")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_export_to_a_full_device_is_one_line_and_the_device_stays(workspace, capsys):
    import stat

    path, _ = workspace
    code, out, err = run(capsys, "export", "-o", "/dev/full", "-w", str(path))
    assert code == 6 and err.count("\n") == 1 and "No space left" in err
    assert stat.S_ISCHR(Path("/dev/full").stat().st_mode)


def test_orphaned_verdicts_are_listed_not_only_counted(tmp_path, capsys):
    """Issue 12: reports listed only the number of orphaned verdicts."""
    from store_fixtures import TEXT, claims_for

    from workbench.core.articles import make_article
    from workbench.core.store import Workspace

    path = tmp_path / "ws"
    old = make_article(TEXT, "minsk.txt")
    new = make_article(TEXT.replace(" The ministry counted 300 arrests.", ""), "minsk.txt")
    with Workspace.open(path, reviewer="ana") as ws:
        ws.add_article(old, claims_for(old))
        gone = next(c for c in ws.claims(old.id) if c.anchor == "300")
        ws.set_status(old.id, gone.id, "false")
        ws.set_note(old.id, gone.id, "the ministry said 30")
        ws.add_article(new, claims_for(new))
    for fmt in ("md", "html"):
        code, out, err = run(capsys, "export", "-f", fmt, "-o", "-", "-w", str(path))
        assert code == 0, err
        assert "1 verdict(s) kept for claims no longer in the article" in out
        assert gone.id in out and "the ministry said 30" in out


def test_importing_an_export_without_claims_warns(workspace, capsys, tmp_path):
    """Fault 12.5: such an import silently created an empty article."""
    path, _ = workspace
    dump = tmp_path / "empty.json"
    code, _, err = run(capsys, "export", "-f", "json", "--by", "nobody", "-o", str(dump),
                       "-w", str(path))
    assert code == 0 and "no claims" in err
    code, out, err = run(capsys, "import", str(dump), "--create", "-w", str(tmp_path / "new"))
    assert code == 0 and "workbench: warning:" in err and "no claims" in err


@pytest.mark.parametrize("fmt", ["md", "html", "csv"])
def test_an_article_read_from_stdin_has_a_source_a_reader_understands(tmp_path, capsys, fmt):
    """A piped article's report said "Source: -", which reads as "no source" (and the
    CSV's formula guard made it "'-")."""
    from store_fixtures import claims_for

    from workbench.core.articles import make_article
    from workbench.core.store import Workspace

    path = tmp_path / "ws"
    article = make_article("Piped story\n\nThe mayor said 40 people were hurt.\n", "-")
    with Workspace.open(path, reviewer="ana") as store:
        store.add_article(article, claims_for(article))
    code, out, err = run(capsys, "export", "-f", fmt, "-o", "-", "-w", str(path))
    assert code == 0, err
    assert "standard input" in out
    assert "**Source:** -\n" not in out and "<dd>-</dd>" not in out and ",'-," not in out


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_change_undone_is_no_review(tmp_path, capsys, fmt):
    """An article whose only mark was undone said "Reviewed: ... by ana" over "0 of 1
    claims reviewed"; a note kept is still a reviewer's work."""
    from store_fixtures import claims_for

    from workbench.core.articles import make_article
    from workbench.core.store import Workspace

    path = tmp_path / "ws"
    article = make_article("Story\n\nThe mayor said 40 people were hurt.\n", "story.txt")
    with Workspace.open(path, reviewer="ana") as store:
        store.add_article(article, claims_for(article))
        cid = store.claims(article.id)[0].id
        store.set_status(article.id, cid, "false")
        store.undo()
    code, out, err = run(capsys, "export", "-f", fmt, "-o", "-", "-w", str(path))
    assert code == 0, err
    reviewed = next(line for line in out.splitlines() if "Reviewed" in line)
    assert "not yet" in reviewed and "ana" not in reviewed
    with Workspace.open(path, reviewer="bo") as store:
        store.set_note(article.id, cid, "asked the mayor's office")
    code, out, err = run(capsys, "export", "-f", fmt, "-o", "-", "-w", str(path))
    reviewed = next(line for line in out.splitlines() if "Reviewed" in line)
    assert "by bo" in reviewed and "not yet" not in reviewed
