"""Real processes: SIGKILL during a burst of writes, and two processes on one workspace.

Children are forked from the test process (no interpreter start-up), so 60 kills
take a few seconds.
"""

from __future__ import annotations

import contextlib
import os
import random
import select
import signal

import pytest
from store_fixtures import article, open_ws

from workbench.core.errors import WorkspaceLocked
from workbench.core.store import Workspace


def _fork(target) -> tuple[int, int]:
    """Run ``target(write_fd)`` in a forked child; returns (pid, read_fd)."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: never return into pytest
        code = 0
        try:
            os.close(r)
            target(w)
        except BaseException as exc:  # tell the parent why, on the same pipe
            code = 1
            with contextlib.suppress(OSError):
                os.write(w, f"error {type(exc).__name__}: {exc}\n".encode())
        finally:
            os._exit(code)
    os.close(w)
    return pid, r


def _read_all(fd: int) -> bytes:
    chunks = []
    while True:
        chunk = os.read(fd, 65536)
        if not chunk:
            break
        chunks.append(chunk)
    os.close(fd)
    return b"".join(chunks)


def _read_lines_until(fd: int, count: int) -> bytes:
    """Read from ``fd`` until ``count`` whole lines arrived (or the writer died)."""
    buf = b""
    while buf.count(b"\n") < count:
        chunk = os.read(fd, 65536)
        if not chunk:
            break
        buf += chunk
    return buf


@pytest.mark.slow
def test_sigkill_during_writes_never_loses_an_acknowledged_write(tmp_path):
    """The child reports each acknowledged write through a pipe; the parent kills it
    after a random number of acknowledgements (never after a time), while the child
    is in the middle of its next write."""
    a, claims = article()
    path = tmp_path / "ws"
    with open_ws(path) as ws:
        ws.add_article(a, claims)
    acked: dict[str, int] = {}  # claim id -> highest acknowledged write number
    counter = 0
    rng = random.Random(1234)
    kills = 0
    for _round in range(60):
        start = counter

        def writer(w: int, start: int = start, shift: int = _round) -> None:
            ws = Workspace.open(path, reviewer="child")
            os.write(w, b"ready\n")
            i = start
            while True:
                i += 1
                claim = claims[(i + shift) % len(claims)]
                ws.set_note(a.id, claim.id, f"write {i}")
                os.write(w, f"{i} {claim.id}\n".encode())  # acknowledged

        pid, r = _fork(writer)
        wanted = 1 + rng.randrange(4)  # ready + 0..3 acknowledgements, then kill
        seen = _read_lines_until(r, wanted)
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        kills += 1
        for line in (seen + _read_all(r)).decode().split("\n")[:-1]:  # whole lines only
            assert not line.startswith("error"), line
            if line == "ready":
                continue
            num, cid = line.split()
            acked[cid] = max(acked.get(cid, 0), int(num))
            counter = max(counter, int(num))
        counter += 1  # a write may have landed without its ack: skip its number
        # the killed writer's lock does not block us; every file is whole
        with open_ws(path) as ws:
            verdicts = ws.verdicts(a.id)
            for cid, num in acked.items():
                stored = int(verdicts[cid].note.split()[1])
                assert stored >= num, f"acknowledged write {num} on {cid} lost (found {stored})"
            ws.can_undo()
    assert kills == 60 and len(acked) == len(claims)  # writes landed on every claim
    with open_ws(path) as ws:  # the history holds every acknowledged write
        notes = {h.new for h in ws.history(a.id) if h.field == "note"}
        assert all(f"write {num}" in notes for num in acked.values())
        assert ws.articles()[0].claims == len(claims)


def test_second_process_gets_a_clear_message_and_can_read(tmp_path):
    a, claims = article()
    path = tmp_path / "ws"
    with open_ws(path) as ws:
        ws.add_article(a, claims)

    def holder(w: int) -> None:
        ws = Workspace.open(path, reviewer="other")
        ws.set_status(a.id, claims[0].id, "verified")
        os.write(w, b"ready\n")
        while True:  # holds the lock until the parent kills it, however long it takes
            signal.pause()

    pid, r = _fork(holder)
    try:
        assert select.select([r], [], [], 120)[0] and os.read(r, 6) == b"ready\n"
        with pytest.raises(WorkspaceLocked) as err:
            Workspace.open(path)
        assert str(path) in str(err.value) and f"pid {pid}" in str(err.value)
        with Workspace.open(path, readonly=True) as ro:
            assert ro.verdict(a.id, claims[0].id).status == "verified"
            [s] = ro.articles()  # the holder's change is visible in the progress counts
            assert s.counts["verified"] == 1
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(r)
    with open_ws(path) as ws:  # a lock left by a killed process does not block
        assert ws.verdict(a.id, claims[0].id).status == "verified"
        assert ws.articles()[0].counts["verified"] == 1
