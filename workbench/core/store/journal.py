"""The write-ahead journal: one fsynced line per acknowledged change.

Every change (one edit, or a whole group: a ``workbench mark`` with status, note and
link, an import) is appended to ``journal.jsonl`` as ONE line and fsynced once;
that is the moment it is durable and acknowledged. The line holds everything the
change did, so a crash at any moment leaves either the whole change or none of it::

    {"base": 41}                                         first line: the checkpoint
    {"n": 42, "ops": [[AID, "put", {...}], [AID, "write", TABLES]],
     "index": {AID: SUMMARY | null}, "undo": [STEP, ...]}

``ops`` are article-file changes (``ArticleFile.put`` payloads or whole tables),
``index`` article index rows, ``undo`` undo-journal entries. Readers (this process,
a read-only instance, the next ``open`` after a crash) apply the journal on top of
the files. The article files, the index and the undo journal are brought up to
date lazily: at a checkpoint (every ``CHECKPOINT_LINES`` changes, or when the
journal passes ``CHECKPOINT_BYTES``), which writes each touched file atomically
with the journal number it includes, then replaces the journal by a new header.
A file that already includes an entry (its ``n`` is at least the entry's) is not
changed again, so a crash in the middle of a checkpoint is harmless.

The writer appends only to the journal it read (same file identity and length):
a journal replaced or extended by another process (a deleted lock let a second
writer in) is refused instead of overwritten. A failed append (full disk) is cut
back off the file, so what the user is told matches what is on disk.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import StoreError
from .storage import atomic_write, describe_os_error

CHECKPOINT_LINES = 200
CHECKPOINT_BYTES = 8 * 1024 * 1024

FAULT: Callable[[str, Path], None] | None = None
"""Test seam: called as ``FAULT(step, path)`` before "append" and "fsync"."""


def _step(name: str, path: Path) -> None:
    if FAULT is not None:
        FAULT(name, path)


def encode(entry: dict[str, Any]) -> bytes:
    return json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


class Journal:
    """The entries of ``journal.jsonl`` since the last checkpoint."""

    def __init__(self, path: Path, readonly: bool) -> None:
        self.path = path
        self.readonly = readonly
        self.base = 0
        self.entries: list[dict[str, Any]] = []
        self._identity: tuple[int, int, int] | None = None
        self._torn = False
        self.load()

    # -- reading -----------------------------------------------------------------------

    def load(self) -> None:
        try:
            with open(self.path, "rb") as fh:
                st = os.fstat(fh.fileno())
                raw = fh.read()
        except FileNotFoundError:
            self.base, self.entries, self._identity, self._torn = 0, [], None, False
            return
        except OSError as exc:
            raise StoreError(f"cannot read {self.path}: {describe_os_error(exc)}") from exc
        end = raw.rfind(b"\n") + 1  # a torn last line was never acknowledged
        base, entries = 0, []
        for line in raw[:end].split(b"\n"):
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
            except (json.JSONDecodeError, UnicodeDecodeError, RecursionError):
                continue
            if not isinstance(entry, dict):
                continue
            if isinstance(entry.get("base"), int):
                base = entry["base"]
            elif isinstance(entry.get("n"), int) and entry["n"] > base:
                entries.append(entry)
        self.base, self.entries = base, entries
        self._identity = (st.st_dev, st.st_ino, end)
        self._torn = end != len(raw)

    @property
    def last(self) -> int:
        return self.entries[-1]["n"] if self.entries else self.base

    def touched(self) -> list[str]:
        """Article ids with changes since the checkpoint, in first-touch order."""
        seen: dict[str, None] = {}
        for entry in self.entries:
            for op in entry.get("ops") or []:
                if isinstance(op, list) and op and isinstance(op[0], str):
                    seen[op[0]] = None
            for aid in entry.get("index") or {}:
                seen[aid] = None
        return list(seen)

    def ops_for(self, aid: str, after: int) -> list[list[Any]]:
        out: list[list[Any]] = []
        for entry in self.entries:
            if entry["n"] > after:
                out.extend(
                    op for op in entry.get("ops") or [] if isinstance(op, list) and op[:1] == [aid]
                )
        return out

    def index_updates(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for entry in self.entries:
            index = entry.get("index")
            if isinstance(index, dict):
                out.update(index)
        return out

    def undo_records(self, after: int) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for entry in self.entries:
            if entry["n"] > after:
                out.extend(
                    dict(step, n=entry["n"])
                    for step in entry.get("undo") or []
                    if isinstance(step, dict)
                )
        return out

    def due(self) -> bool:
        return len(self.entries) >= CHECKPOINT_LINES or (
            self._identity is not None and self._identity[2] >= CHECKPOINT_BYTES
        )

    # -- writing -----------------------------------------------------------------------

    def append(self, entry: dict[str, Any]) -> None:
        """Append one entry durably (one fsync), or leave the file as it was."""
        if self.readonly:
            raise StoreError(f"{self.path.parent}: the workspace is open read-only")
        data = encode(entry)
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise StoreError(
                f"cannot save to {self.path.parent}: {describe_os_error(exc)}; nothing was saved"
            ) from exc
        try:
            st = os.fstat(fd)
            expected = self._identity
            if expected is None:
                if st.st_size:
                    self._changed()
                start = 0
            else:
                if (st.st_dev, st.st_ino) != expected[:2] or st.st_size < expected[2]:
                    self._changed()
                if st.st_size > expected[2] and not self._torn:
                    self._changed()
                start = expected[2]
            try:
                if st.st_size != start:
                    os.ftruncate(fd, start)  # a torn line nobody acknowledged
                _step("append", self.path)
                os.pwrite(fd, data, start)
                _step("fsync", self.path)
                os.fsync(fd)
            except BaseException as exc:
                with contextlib.suppress(OSError):  # not saved: leave no trace of it
                    os.ftruncate(fd, start)
                    os.fsync(fd)
                if isinstance(exc, OSError):
                    raise StoreError(
                        f"cannot save to {self.path.parent}: {describe_os_error(exc)}; "
                        "nothing was saved"
                    ) from exc
                raise
            self._identity = (st.st_dev, st.st_ino, start + len(data))
            self._torn = False
            self.entries.append(entry)
        finally:
            os.close(fd)

    def _changed(self) -> None:
        raise StoreError(
            f"{self.path.parent} was changed by another workbench while this one held it "
            "(was the lock file deleted?); nothing was saved. Close every workbench on this "
            "workspace and open it again"
        )

    def check(self) -> None:
        """StoreError when the journal file is not the one this process last read."""
        if self._identity is None:
            if self.path.exists() and self.path.stat().st_size:
                self._changed()
            return
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            self._changed()
            return
        if (st.st_dev, st.st_ino) != self._identity[:2] or st.st_size < self._identity[2]:
            self._changed()

    def reset(self, base: int) -> None:
        """After a checkpoint: a new journal holding only its header."""
        atomic_write(self.path, encode({"base": base}), keep_backup=False)
        st = os.stat(self.path)
        self.base, self.entries = base, []
        self._identity = (st.st_dev, st.st_ino, st.st_size)
        self._torn = False
