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
changed again, so a crash in the middle of a checkpoint is harmless. The content
ends at the first zero byte (see ``PREALLOCATE``).

The writer appends only to the journal it read (same file identity, and only zero
bytes where it is about to write): a journal replaced or extended by another
process (a deleted lock let a second writer in) is refused instead of overwritten.
A failed append (full disk) is zeroed out again, so what the user is told matches
what is on disk.
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
PREALLOCATE = 1024 * 1024
"""The journal is kept this much longer than its content, in zero bytes written ahead:
an append then overwrites bytes the file already has, so ``fdatasync`` flushes the
data alone (no size or block-map change to commit), which is what makes one
acknowledged change cost one cheap sync, as SQLite's reused WAL does."""

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
        self._torn_len = 0
        self._size = 0
        self.damage: str | None = None
        """Why a change in the file cannot be read (None: sound)."""
        self._by_article: dict[str, list[tuple[int, list[Any]]]] | None = None
        self.load()

    # -- reading -----------------------------------------------------------------------

    def load(self) -> None:
        try:
            with open(self.path, "rb") as fh:
                st = os.fstat(fh.fileno())
                raw = fh.read()
        except FileNotFoundError:
            self.base, self.entries, self._identity, self._torn = 0, [], None, False
            self._torn_len, self.damage = 0, None
            self._by_article = None
            return
        except OSError as exc:
            raise StoreError(f"cannot read {self.path}: {describe_os_error(exc)}") from exc
        base, entries, end, torn, damage = _scan(raw)
        self.base, self.entries = base, entries
        self._by_article = None
        self._identity = (st.st_dev, st.st_ino, end)
        self._torn = torn > 0
        self._torn_len = torn
        self._size = st.st_size
        self.damage = damage

    def refuse_if_damaged(self) -> None:
        """StoreError when a change read from the journal was damaged: writing (an append
        or a checkpoint) would bury or overwrite it and the acknowledged changes after it."""
        if self.damage:
            raise StoreError(
                f"{self.path} is damaged ({self.damage}); nothing was saved. Run "
                "`workbench doctor --restore` to keep every readable change (the damaged "
                "file is kept aside)"
            )

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
        """The file ops on article ``aid`` of entries after number ``after``."""
        if self._by_article is None:
            self._by_article = {}
            for entry in self.entries:
                self._add_ops(entry)
        return [op for n, op in self._by_article.get(aid, []) if n > after]

    def _add_ops(self, entry: dict[str, Any]) -> None:
        assert self._by_article is not None
        for op in entry.get("ops") or []:
            if isinstance(op, list) and len(op) == 3 and isinstance(op[0], str):
                self._by_article.setdefault(op[0], []).append((entry["n"], op))

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
        """Append one entry durably (one data sync), or leave the file as it was."""
        if self.readonly:
            raise StoreError(f"{self.path.parent}: the workspace is open read-only")
        self.refuse_if_damaged()
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
                if st.st_size and os.pread(fd, 1, 0) not in (b"", b"\0"):
                    self._changed()
                start = 0
            else:
                if (st.st_dev, st.st_ino) != expected[:2]:
                    self._changed()
                start = expected[2]
                ahead = os.pread(fd, 4096, start)
                if ahead.strip(b"\0") and not self._torn:
                    self._changed()  # someone wrote past the end this process knows
            try:
                if expected is not None and self._torn:  # a line nobody acknowledged
                    os.pwrite(fd, b"\0" * self._torn_len, start)
                grow = start + len(data) + 1 > st.st_size
                _step("append", self.path)
                os.pwrite(fd, data, start)
                if grow:  # room for the next appends, in written zero bytes
                    os.pwrite(fd, b"\0" * PREALLOCATE, start + len(data))
                _step("fsync", self.path)
                if grow or not hasattr(os, "fdatasync"):
                    os.fsync(fd)
                else:
                    os.fdatasync(fd)
            except BaseException as exc:
                with contextlib.suppress(OSError):  # not saved: leave no trace of it
                    os.pwrite(fd, b"\0" * len(data), start)
                    os.fdatasync(fd)
                if isinstance(exc, OSError):
                    raise StoreError(
                        f"cannot save to {self.path.parent}: {describe_os_error(exc)}; "
                        "nothing was saved"
                    ) from exc
                raise
            self._identity = (st.st_dev, st.st_ino, start + len(data))
            self._torn, self._torn_len = False, 0
            self.entries.append(entry)
            if self._by_article is not None:
                self._add_ops(entry)
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
        header = encode({"base": base})
        atomic_write(self.path, header + b"\0" * PREALLOCATE, keep_backup=False)
        st = os.stat(self.path)
        self.base, self.entries = base, []
        self._by_article = None
        self._identity = (st.st_dev, st.st_ino, len(header))
        self._torn, self._torn_len, self.damage = False, 0, None


def _scan(raw: bytes) -> tuple[int, list[dict[str, Any]], int, int, str | None]:
    """``(base, entries, end, torn, damage)`` of a journal file's bytes.

    ``end`` is where the next append goes: after the last line that reads as an entry.
    What follows it (``torn`` bytes, up to the zero bytes written ahead) is a line that
    was never acknowledged: an append cut short by a crash is the file's last line,
    and so is an append whose pages reached the disk out of order (its start, a hole
    of zero bytes, its end). A line that cannot be read with a readable entry after it
    is damage instead (a bad block, a stray write, a zero hole), never a torn append:
    its change was acknowledged, and so were the ones after it, which are read on
    (the content used to end at the first zero byte, so one zeroed byte hid, and the
    next append overwrote, every later change) and listed in ``damage``."""
    content = raw.rstrip(b"\0")
    base, entries = 0, []
    end = 0
    bad: list[int] = []  # line numbers of unreadable lines since the last good one
    damaged: list[int] = []
    pos = 0
    number = 0
    while pos < len(content):
        nl = content.find(b"\n", pos)
        if nl < 0:  # the last line has no newline: torn
            break
        line = content[pos:nl]
        number += 1
        pos = nl + 1
        if not line.strip(b" \t\r"):
            if not bad:
                end = pos
            continue
        entry: Any = None
        if b"\0" not in line:
            try:
                entry = json.loads(line)
            except (json.JSONDecodeError, UnicodeDecodeError, RecursionError):
                entry = None
        if not isinstance(entry, dict) or not (
            isinstance(entry.get("base"), int) or isinstance(entry.get("n"), int)
        ):
            if b"\0" in line:  # torn if nothing readable follows
                bad.append(number)
            else:  # a whole line ended by its newline: it was written, then damaged
                damaged.append(number)
            continue
        damaged += bad
        bad = []
        end = pos
        if isinstance(entry.get("base"), int):
            base = entry["base"]
        elif entry["n"] > base:
            entries.append(entry)
    damage = None
    if damaged:
        damaged.sort()
        lines = ", ".join(str(n) for n in damaged[:5]) + (", ..." if len(damaged) > 5 else "")
        later = len(entries)
        damage = (
            f"{len(damaged)} change(s) cannot be read: line(s) {lines} of {number}; "
            f"{later} readable change(s) after the last checkpoint"
        )
    return base, entries, end, len(content) - end, damage


def salvage(path: Path) -> int:
    """Rewrite a damaged journal with every entry that can be read, in order (the
    caller has set the damaged file aside and holds the lock); returns their count."""
    journal = Journal(path, readonly=True)
    body = encode({"base": journal.base}) + b"".join(encode(e) for e in journal.entries)
    atomic_write(path, body + b"\0" * PREALLOCATE, keep_backup=False)
    return len(journal.entries)
