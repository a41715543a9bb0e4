"""A damaged line in the middle of the journal: later changes are neither hidden nor
overwritten, the writer refuses until `doctor --restore` rewrites the journal."""

from __future__ import annotations

import pytest
from store_fixtures import base_workspace, open_ws, snapshot

from workbench.core.errors import StoreError
from workbench.core.store import Workspace, doctor


@pytest.fixture
def marked(tmp_path):
    path, a, claims = base_workspace(tmp_path / "ws")
    with open_ws(path) as ws:  # three changes in the journal, no checkpoint after them
        ws.set_status(a.id, claims[0].id, "false")
        ws.set_note(a.id, claims[1].id, "second note")
        ws.set_status(a.id, claims[2].id, "disputed")
    return path, a, claims


def _damage(path, byte: bytes) -> None:
    """Replace one byte inside the journal's first change line."""
    journal = path / "journal.jsonl"
    raw = bytearray(journal.read_bytes())
    first = raw.index(b"\n") + 1  # after the checkpoint header
    raw[first + 3] = byte[0]
    journal.write_bytes(bytes(raw))


@pytest.mark.parametrize("byte", [b"\0", b"}"], ids=["zero-byte", "stray-byte"])
def test_changes_after_a_damaged_line_are_read_kept_and_restored(marked, byte):
    path, a, claims = marked
    _damage(path, byte)
    # readers still see the later changes (a zero byte used to end the journal there)
    with Workspace.open(path, readonly=True) as ws:
        assert ws.verdict(a.id, claims[1].id).note == "second note"
        assert ws.verdict(a.id, claims[2].id).status == "disputed"
    # doctor says so (it used to report "all files are sound")
    findings = doctor.check(path)
    assert [f.path.name for f in findings] == ["journal.jsonl"]
    assert "cannot be read" in findings[0].problem
    # the writer refuses rather than append over the later changes
    with pytest.raises(StoreError, match="doctor --restore"):
        open_ws(path)
    before = snapshot(path)
    done = doctor.repair(path)
    assert any("kept as journal.jsonl.corrupt-" in line for line in done)
    assert list(path.glob("journal.jsonl.corrupt-*"))
    assert doctor.check(path) == []
    assert snapshot(path) == before  # every readable change is still there
    with open_ws(path) as ws:  # and the workspace takes changes again
        ws.set_status(a.id, claims[0].id, "verified")
    with Workspace.open(path, readonly=True) as ws:
        assert ws.verdict(a.id, claims[0].id).status == "verified"
        assert ws.verdict(a.id, claims[2].id).status == "disputed"


def test_a_torn_last_line_is_still_no_damage(marked):
    """An append cut short by a crash (its last bytes never written) is not damage."""
    path, a, claims = marked
    journal = path / "journal.jsonl"
    raw = journal.read_bytes()
    end = raw.index(b"\0")
    journal.write_bytes(raw[:end] + b'{"n": 99, "ops": [["x", "put"' + raw[end:])
    assert doctor.check(path) == []
    with open_ws(path) as ws:
        ws.set_status(a.id, claims[0].id, "verified")
    with Workspace.open(path, readonly=True) as ws:
        assert ws.verdict(a.id, claims[0].id).status == "verified"
        assert ws.verdict(a.id, claims[2].id).status == "disputed"


def test_read_commands_warn_about_the_damage(marked, capsys):
    """`workbench status` on a damaged journal printed its table as if all was well."""
    from cli_helpers import run_cli as run

    path, a, claims = marked
    _damage(path, b"}")
    code, out, err = run(capsys, "status", "-w", str(path))
    assert code == 0 and "1 article(s)" in out
    assert err.count("\n") == 1 and "damaged" in err and "doctor --restore" in err
    doctor.repair(path)
    code, out, err = run(capsys, "status", "-w", str(path))
    assert code == 0 and not err
