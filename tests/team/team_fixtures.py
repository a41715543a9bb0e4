"""Helpers for the team tests: articles without spaCy, opening sessions."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))

from store_fixtures import TEXT, Clock, article, claims_for  # noqa: E402

from workbench.core.store.postgres import open_postgres_store  # noqa: E402

__all__ = ["TEXT", "Clock", "article", "claims_for", "open_team"]


def open_team(url: str, **kw):
    return open_postgres_store(url, **kw)


import json  # noqa: E402
import os  # noqa: E402
import subprocess  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
WRITER = Path(__file__).resolve().parent / "writer_proc.py"


def synthetic(i: int, claims: int):
    """A synthetic article with ``claims`` claims (the benchmark's generator)."""
    sys.path.insert(0, str(ROOT / "bench"))
    from store_bench import make_article

    return make_article(i, claims)


def start_writer(spec: dict) -> subprocess.Popen:
    """Start a writer process and wait until its store is open; it makes its changes only
    once ``release``d (so nothing it prints is read ahead into a buffer ``communicate``
    would not see, and several writers start together)."""
    env = dict(
        os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])
    )
    proc = subprocess.Popen(
        [sys.executable, str(WRITER), json.dumps(dict(spec, wait_stdin=True))],
        stdout=subprocess.PIPE,
        stdin=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    first = proc.stdout.readline()
    assert first.strip() == "ready", f"writer did not start: {first!r}"
    return proc


def release(*procs: subprocess.Popen) -> None:
    """Let started writers go."""
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.close()
        proc.stdin = None


def parse_acks(lines: list[str]) -> tuple[list[tuple[str, ...]], int]:
    acks = [tuple(line.split()[1:]) for line in lines if line.startswith("ack ")]
    conflicts = sum(1 for line in lines if line.startswith("conflict "))
    return acks, conflicts
