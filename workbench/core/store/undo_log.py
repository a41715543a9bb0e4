"""The global undo journal: an append-only JSON-lines file, fsynced per entry.

History rows live in each article's file; this journal only records which rows
form one undoable step and in which order steps were done, undone and redone::

    {"op": "do", "g": "<group>", "rows": [["<article id>", 4], ["<article id>", 5]]}
    {"op": "undo", "g": "<group>"}
    {"op": "redo", "g": "<group>"}

Appending one line costs the same whatever the size of the workspace. The file is
read only when undo/redo is first needed. Steps made since the last checkpoint are
still in the write-ahead journal (journal.py): ``pending(after)`` gives them (each
with its journal number ``n``), they are applied on top of the file, and a
checkpoint appends them here with their ``n`` (so a repeated checkpoint after a
crash never applies one twice). A torn last line (a crash mid-append,
never acknowledged) is ignored and cut off before the next append. When the file
grows long it is compacted (atomically) down to the current undo and redo stacks.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import StoreError
from .storage import atomic_write, describe_os_error

MAX_STEPS = 10_000
"""Undo depth kept when the journal is compacted."""
COMPACT_LINES = 50_000


class UndoLog:
    def __init__(
        self,
        path: Path,
        readonly: bool = False,
        pending: Callable[[int], list[dict[str, Any]]] | None = None,
    ) -> None:
        self.path = path
        self.readonly = readonly
        self._pending = pending
        self.max_n = 0
        """The highest journal number of the entries in the file."""
        self._done: list[dict[str, Any]] | None = None
        self._redo: list[dict[str, Any]] = []
        self._lines = 0
        self._clean_end = True

    def _load(self) -> None:
        if self._done is not None:
            return
        done: list[dict[str, Any]] = []
        redo: list[dict[str, Any]] = []
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            raw = b""
        except OSError as exc:
            raise StoreError(f"cannot read {self.path}: {describe_os_error(exc)}") from exc
        self._clean_end = not raw or raw.endswith(b"\n")
        lines = raw.split(b"\n")
        if not self._clean_end:
            lines = lines[:-1]  # torn append: never acknowledged
        count = 0
        for line in lines:
            if not line.strip():
                continue
            count += 1
            try:
                entry = json.loads(line)
            except (json.JSONDecodeError, UnicodeDecodeError):
                continue
            if not isinstance(entry, dict):
                continue
            n = entry.get("n")
            if isinstance(n, int):
                self.max_n = max(self.max_n, n)
            _replay(entry, done, redo)
        for entry in self._pending(self.max_n) if self._pending else []:
            _replay(entry, done, redo)
        self._done, self._redo, self._lines = done, redo, count

    def undo_stack(self) -> list[dict[str, Any]]:
        self._load()
        assert self._done is not None
        return self._done

    def redo_stack(self) -> list[dict[str, Any]]:
        self._load()
        return self._redo

    def record(self, entry: dict[str, Any]) -> None:
        """Append one entry durably, then apply it to the in-memory stacks."""
        if self.readonly:
            raise StoreError(f"{self.path.parent}: the workspace is open read-only")
        self._load()
        assert self._done is not None
        line = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"
        try:
            with open(self.path, "ab") as fh:
                if not self._clean_end:
                    fh.truncate(self._valid_length())
                    self._clean_end = True
                fh.write(line)
                fh.flush()
                os.fsync(fh.fileno())
        except OSError as exc:
            raise StoreError(f"cannot save {self.path}: {describe_os_error(exc)}") from exc
        _replay(entry, self._done, self._redo)
        self._lines += 1
        if self._lines > COMPACT_LINES:
            self.compact()

    def apply(self, entry: dict[str, Any]) -> None:
        """Apply an entry in memory (it is durable in the journal already). Nothing to do
        when the stacks were not read yet: reading them replays the journal, which holds
        the entry (a ``workbench mark`` never reads this file)."""
        if self._done is None:
            return
        _replay(entry, self._done, self._redo)  # O(1): no scan of the stacks per change

    def append_durable(self, entries: list[dict[str, Any]]) -> None:
        """Append entries that are already applied in memory (a checkpoint), one fsync."""
        if not entries:
            return
        self._load()
        data = b"".join(
            json.dumps(e, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"
            for e in entries
        )
        try:
            with open(self.path, "ab") as fh:
                if not self._clean_end:
                    fh.truncate(self._valid_length())
                    self._clean_end = True
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        except OSError as exc:
            raise StoreError(f"cannot save {self.path}: {describe_os_error(exc)}") from exc
        self._lines += len(entries)
        self.max_n = max([self.max_n, *(e.get("n", 0) for e in entries)])
        if self._lines > COMPACT_LINES:
            self.compact()

    def _valid_length(self) -> int:
        raw = self.path.read_bytes()
        return raw.rfind(b"\n") + 1

    def compact(self) -> None:
        """Rewrite the journal as just the current stacks (atomic)."""
        self._load()
        assert self._done is not None
        done = self._done[-MAX_STEPS:]
        out: list[dict[str, Any]] = list(done)
        for entry in reversed(self._redo):
            out.append(entry)
            out.append({"op": "undo", "g": entry["g"]})
        if self.max_n:
            out.append({"op": "mark", "g": "", "n": self.max_n})  # keeps the journal number
        data = b"".join(
            json.dumps(e, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"
            for e in out
        )
        atomic_write(self.path, data, keep_backup=False)
        self._done = done
        self._lines = len(out)
        self._clean_end = True

    def drop(self, group: str) -> None:
        """Forget a step in memory (its article is gone); the file is left as is."""
        self._load()
        assert self._done is not None
        for stack in (self._done, self._redo):
            stack[:] = [e for e in stack if e["g"] != group]


def _replay(
    entry: dict[str, Any],
    done: list[dict[str, Any]],
    redo: list[dict[str, Any]],
) -> None:
    op, group = entry.get("op"), entry.get("g")
    if not isinstance(group, str):
        return
    if op == "do" and isinstance(entry.get("rows"), list):
        done.append(entry)
        redo.clear()
    elif op == "undo" and done and done[-1]["g"] == group:
        redo.append(done.pop())
    elif op == "redo" and redo and redo[-1]["g"] == group:
        done.append(redo.pop())
