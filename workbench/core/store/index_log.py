"""The index log: the summary rows each checkpoint changed, appended to ``index.jsonl``.

A checkpoint used to rewrite the whole ``index.json`` (30 MB at a million claims)
to change the rows of the few hundred articles it touched. Now it appends one line
holding just those rows and syncs it once; ``index.json`` is the base the lines
apply to, rewritten only when the log has grown to half its size (``compact``)::

    {"n": 400, "rows": {AID: SUMMARY | null}, "progress": {AID: SUMMARY}}

``rows`` are set (or, for null, removed) as they are: articles added, removed or
whose claims or title changed (the journal's index rows). ``progress`` rows are
the recomputed rows of articles whose verdicts changed: applied only to an article
that is listed at that point (an article taken out of the index keeps its file,
and a change to that file must not list it again). ``n`` is the checkpoint the line
belongs to; ``index.json`` says which checkpoint it includes (table ``journal``),
and lines at or below it are skipped (a compaction interrupted before the log was
emptied). The log is derived data like the index: a torn last line (a crash while
appending, the checkpoint not finished) is ignored and cut off by the next append,
and the journal, still holding that checkpoint's changes, puts the rows right.
A damaged line elsewhere makes the index unusable until ``workbench doctor``
rebuilds it.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any

from ..errors import StoreError, WorkspaceCorrupt
from .storage import _step, describe_os_error

Entry = dict[str, Any]

COMPACT_BYTES = 256 * 1024
"""The log is folded into ``index.json`` once it passes this size and half the size
of ``index.json``: a reader then parses at most one and a half times the rows."""


def read_entries(path: Path) -> list[Entry]:
    """Every complete line of the log, in order ([] when there is none).

    WorkspaceCorrupt for a line that is not a log entry (the torn last line of an
    interrupted append is not one of them: it is ignored)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise StoreError(f"cannot read {path}: {describe_os_error(exc)}") from exc
    end = raw.rfind(b"\n") + 1  # after it: a torn append, never part of a checkpoint
    out: list[Entry] = []
    for line in raw[:end].split(b"\n"):
        if not line:
            continue
        try:
            entry = json.loads(line)
        except (ValueError, UnicodeDecodeError, RecursionError):
            entry = None
        if not _valid(entry):
            hint = "run `workbench doctor` to check it and rebuild the index"
            reason = "is damaged (a line is not an index log entry)"
            raise WorkspaceCorrupt(f"{path} {reason}; {hint}", path=path, reason=reason,
                                   hint=hint)
        out.append(entry)
    return out


def _valid(entry: Any) -> bool:
    if not isinstance(entry, dict):
        return False
    n = entry.get("n")
    if not isinstance(n, int) or isinstance(n, bool):
        return False
    rows, progress = entry.get("rows", {}), entry.get("progress", {})
    return (
        isinstance(rows, dict)
        and isinstance(progress, dict)
        and all(r is None or isinstance(r, dict) for r in rows.values())
        and all(isinstance(r, dict) for r in progress.values())
    )


def last_n(path: Path) -> int:
    """The highest checkpoint number of a readable line (0: none); never raises."""
    try:
        raw = path.read_bytes()
    except OSError:
        return 0
    best = 0
    for line in raw.split(b"\n"):
        with contextlib.suppress(ValueError, UnicodeDecodeError, RecursionError):
            entry = json.loads(line)
            if _valid(entry):
                best = max(best, entry["n"])
    return best


def apply(rows: dict[str, Any], entry: Entry) -> None:
    """Change ``rows`` (article id -> summary) as one log line says."""
    for aid, row in entry.get("rows", {}).items():
        if row is None:
            rows.pop(aid, None)
        else:
            rows[aid] = row
    for aid, row in entry.get("progress", {}).items():
        if aid in rows:
            rows[aid] = row


def encode(entry: Entry) -> bytes:
    return json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


def append(path: Path, data: bytes) -> int:
    """Append one encoded line durably (one fsync), after cutting off a torn last
    line; returns the size of the log. StoreError (old content intact) on failure."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise StoreError(f"cannot save {path}: {describe_os_error(exc)}") from exc
    try:
        size = os.fstat(fd).st_size
        end = _valid_end(fd, size)
        _step("write", path)
        view, at = memoryview(data), end
        while view:
            done = os.pwrite(fd, view, at)
            view, at = view[done:], at + done
        if at < size:
            os.ftruncate(fd, at)
        _step("fsync", path)
        os.fsync(fd)
        return at
    except OSError as exc:
        raise StoreError(f"cannot save {path}: {describe_os_error(exc)}") from exc
    finally:
        os.close(fd)


def _valid_end(fd: int, size: int) -> int:
    """The offset just after the last newline of the file (0: none)."""
    block = 64 * 1024
    pos = size
    while pos > 0:
        start = max(0, pos - block)
        chunk = os.pread(fd, pos - start, start)
        i = chunk.rfind(b"\n")
        if i >= 0:
            return start + i + 1
        pos = start
    return 0


def size_of(path: Path) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)
