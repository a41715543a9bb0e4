"""Crash-safe TinyDB storage: every write replaces the whole file atomically.

TinyDB's own JSONStorage seeks, writes and truncates the file in place, so a crash
mid-write leaves a broken or silently wrong file. ``AtomicJSONStorage`` instead:

1. serializes the whole database to a temp file in the same folder,
2. flushes and fsyncs it,
3. hard-links the current file to ``<name>.bak`` (the last good copy),
4. ``os.replace``-s the temp file over the real one (atomic on POSIX),
5. fsyncs the folder so the rename itself is durable.

Until step 4 the old file is untouched; after it the new one is complete. A
``batch()`` groups several TinyDB writes (a verdict and its history rows) into one
durable write: they land together or not at all.

The file wraps TinyDB's tables in a small header (format, kind, schema) so that a
foreign or damaged file is recognised and refused instead of being overwritten.
``FAULT`` is a test seam: a callable invoked with the name of each write step.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from ..errors import StoreError, WorkspaceCorrupt

FORMAT = "workbench-store"
SCHEMA = 3
"""Version of the store files. 2: the write-ahead journal (``journal.jsonl``) holds changes
not yet in the article files. 3: the index log (``index.jsonl``) holds index rows not yet
in ``index.json``. A workbench that predates one would ignore it and show (and, writing,
keep) stale data, so it must refuse the workspace: it refuses files of a newer schema, and
a writer stamps an older workspace's marker with this schema when it opens it. Nothing
else changed: a workspace of an older schema is read as it is."""

WRITE_STEPS = ("open", "write", "flush", "fsync", "backup", "replace", "fsync_dir")
FAULT: Callable[[str, Path], None] | None = None
"""Test seam: called as ``FAULT(step, path)`` before each step of a durable write."""


def _step(name: str, path: Path) -> None:
    if FAULT is not None:
        FAULT(name, path)


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (ignored where folders cannot be fsynced)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.EBADF, errno.ENOTSUP):
            raise
    finally:
        os.close(fd)


def describe_os_error(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "no space left on device"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.EROFS:
        return "read-only file system"
    return exc.strerror or str(exc)


def atomic_write(
    path: Path, data: bytes, *, keep_backup: bool = True, sync_dir: bool = True
) -> None:
    """Durably replace ``path`` with ``data`` (old content intact on any failure).

    Raises StoreError for OSErrors (full disk, permissions); other exceptions
    (injected crashes) propagate unchanged. The temp file is always removed.
    """
    _write_batch([(path, data)], keep_backup)
    if sync_dir:  # else the caller fsyncs the folder once for many files
        try:
            fsync_dir(path.parent)
        except OSError as exc:
            raise StoreError(
                f"cannot save {path}: {describe_os_error(exc)}; the previous version is intact"
            ) from exc


def _backup(path: Path) -> None:
    """Hard-link the current ``path`` as ``<name>.bak`` (best effort)."""
    bak = backup_path(path)
    bak_tmp = bak.with_name(f".{bak.name}.{os.getpid()}.tmp")
    try:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(bak_tmp)
        os.link(path, bak_tmp)
        os.replace(bak_tmp, bak)
        with contextlib.suppress(FileNotFoundError):
            # rename() does nothing when both names are links to one file
            # (a write retried after a crash): the temp name must go anyway
            os.unlink(bak_tmp)
    except OSError:  # no hard links here: the backup is a convenience
        with contextlib.suppress(OSError):
            os.unlink(bak_tmp)


MANY_AT_ONCE = 64
"""Files ``atomic_write_many`` holds open (and syncs together) at a time."""


def atomic_write_many(items: list[tuple[Path, bytes]], *, keep_backup: bool = True) -> None:
    """``atomic_write`` of many files (a checkpoint): every temp file written, then all
    synced together, then each put in place. The syncs run at the same time (the
    file system commits them in one go instead of one commit per file: about 3x
    faster for a hundred files). The folders are not synced: the caller syncs each
    once. Each file is either its old or its new version whatever happens; on a
    failure the files not yet replaced keep their old version (StoreError)."""
    for start in range(0, len(items), MANY_AT_ONCE):
        _write_batch(items[start : start + MANY_AT_ONCE], keep_backup)


def _write_batch(items: list[tuple[Path, bytes]], keep_backup: bool) -> None:
    open_fds: list[int] = []
    temps: list[tuple[Path, Path]] = []
    path = items[0][0] if items else Path()
    try:
        for path, data in items:
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            _step("open", path)
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            open_fds.append(fd)
            temps.append((path, tmp))
            _step("write", path)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            _step("flush", path)
        for path, _ in temps:
            _step("fsync", path)
        _sync_all(open_fds)
        while open_fds:
            os.close(open_fds.pop())
        for path, tmp in temps:
            if keep_backup and path.exists():
                _step("backup", path)
                _backup(path)
            _step("replace", path)
            os.replace(tmp, path)
            _step("fsync_dir", path)
    except OSError as exc:
        raise StoreError(
            f"cannot save {path}: {describe_os_error(exc)}; the previous version is intact"
        ) from exc
    finally:
        for fd in open_fds:
            with contextlib.suppress(OSError):
                os.close(fd)
        for _, tmp in temps:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _sync_all(fds: list[int]) -> None:
    if len(fds) < 3:
        for fd in fds:
            os.fsync(fd)
        return
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=min(16, len(fds))) as pool:
        list(pool.map(os.fsync, fds))


def load_document(path: Path, kind: str) -> dict[str, Any] | None:
    """Read and validate a store file; None when it does not exist."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        reason = f"cannot be read: {describe_os_error(exc)}"
        raise StoreError(f"cannot read {path}: {describe_os_error(exc)}", path=path,
                         reason=reason) from exc
    return parse_document(raw, path, kind)


def parse_document(raw: bytes, path: Path, kind: str) -> dict[str, Any]:
    hint = "run `workbench doctor` to check it and restore the last good copy"
    try:
        data = _loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        reason = f"is damaged ({exc})"
        raise WorkspaceCorrupt(f"{path} {reason}; {hint}", path=path, reason=reason,
                               hint=hint) from None
    except (RecursionError, ValueError) as exc:  # deep nesting, integers of 5,000 digits
        reason = "is damaged (nested too deeply)" if isinstance(exc, RecursionError) else (
            f"is damaged ({str(exc)[:80]})"
        )
        raise WorkspaceCorrupt(f"{path} {reason}; {hint}", path=path, reason=reason,
                               hint=hint) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        reason = "is not a workbench file; refusing to use it"
        raise WorkspaceCorrupt(f"{path} {reason} ({hint})", path=path, reason=reason, hint=hint)
    if data.get("kind") != kind or not isinstance(data.get("tables"), dict):
        reason = f"is not a workbench {kind} file"
        raise WorkspaceCorrupt(f"{path} {reason}; {hint}", path=path, reason=reason, hint=hint)
    schema = data.get("schema")
    if not isinstance(schema, int) or schema > SCHEMA:
        reason = f"was written by a newer workbench (schema {schema}); upgrade"
        raise StoreError(f"{path} {reason}", path=path, reason=reason)
    return data


def _loads(raw: bytes) -> Any:
    """``json.loads(raw.decode("utf-8"))``, by orjson when it can (it parses the same
    documents to the same values, half again as fast): what it refuses (NaN, integers
    over 64 bits, lone surrogates, deep nesting, bad bytes) takes the json path, which
    gives what it always gave, errors included. orjson is imported only once this
    process has parsed ``ORJSON_AFTER`` bytes (importing it costs more CPU than a
    command like ``workbench mark`` parses: it loads uuid, platform and more)."""
    global _json_bytes
    fast = _orjson_module() if _json_bytes + len(raw) > ORJSON_AFTER else None
    if fast is not None:
        try:
            return fast.loads(raw)
        except Exception:  # noqa: BLE001 - any refusal: the json path decides
            pass
    else:
        _json_bytes += len(raw)
    return json.loads(raw.decode("utf-8"))


ORJSON_AFTER = 1024 * 1024
_json_bytes = 0
_orjson: Any = None


def _orjson_module() -> Any:
    """orjson, imported on first use (None when it is missing: an optional speed-up,
    the values are the same without it)."""
    global _orjson
    if _orjson is None:
        try:
            import orjson
        except ImportError:  # pragma: no cover - orjson is a declared dependency
            orjson = False  # type: ignore[assignment]
        _orjson = orjson
    return _orjson or None


def encode_document(tables: dict[str, Any], kind: str) -> bytes:
    doc = {"format": FORMAT, "kind": kind, "schema": SCHEMA, "tables": tables}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _stamp(path: Path) -> tuple[int, int, int, int] | None:
    """The identity of a file's current version (inode, size, change time)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


class AtomicJSONStorage(Storage):
    """TinyDB storage with atomic, durable whole-file writes and write batches.

    ``read`` returns freshly parsed objects each time, so TinyDB's in-place
    updates never leak into the cached last-good state when a write fails.
    """

    def __init__(self, path: str | Path, kind: str = "article", readonly: bool = False) -> None:
        self.path = Path(path)
        self.kind = kind
        self.readonly = readonly
        self._good: bytes | None = None  # last durable file content (encoded lazily)
        self._parsed: dict[str, dict[str, Any]] | None = None  # the same, parsed
        self._exists = False
        self.sync_dir = True
        """False: the caller fsyncs the folder once after writing many files."""
        self._seen: tuple[int, int, int, int] | None = None  # the file as last read/written
        self._loaded = False
        self._pending: dict[str, dict[str, Any]] | None = None
        self._depth = 0

    def _load(self) -> None:
        if not self._loaded:
            self._seen = _stamp(self.path)
            data = load_document(self.path, self.kind)
            self._good = None
            self._parsed = None if data is None else data["tables"]
            self._exists = data is not None
            self._loaded = True

    @property
    def seen(self) -> tuple[int, int, int, int] | None:
        """(device, inode, size, mtime) of the file as last read or written."""
        return self._seen

    def reload(self) -> None:
        self._loaded = False
        self._pending = None
        self._load()

    def _bytes(self) -> bytes | None:
        if self._good is None and self._parsed is not None:
            self._good = encode_document(self._parsed, self.kind)
        return self._good

    def read(self) -> dict[str, dict[str, Any]] | None:
        self._load()
        if self._pending is not None:
            # Inside a batch TinyDB may mutate this object freely: it is thrown
            # away if the batch fails, and serialized once when it commits.
            return self._pending
        raw = self._bytes()
        if raw is None:
            return None
        tables: dict[str, dict[str, Any]] = json.loads(raw)["tables"]
        return tables

    def peek(self) -> dict[str, dict[str, Any]] | None:
        """The current tables for reading only (callers must not mutate them).

        Parsed once per durable state, unlike ``read`` (TinyDB mutates what
        ``read`` returns, so it always gets a fresh copy): reading a verdict or
        the history of a 10,000-claim article does not re-parse the file.
        """
        self._load()
        if self._pending is not None:
            return self._pending
        if self._parsed is None and self._good is not None:
            self._parsed = json.loads(self._good)["tables"]
        return self._parsed

    def write_tables(self, data: dict[str, dict[str, Any]]) -> None:
        """``write`` of tables the caller hands over (never changes them again): they
        stay the parsed state, so the next ``peek`` does not parse what was just
        written."""
        self.write(data)
        if not self._depth:
            self._parsed = data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        if self.readonly:
            raise StoreError(f"{self.path.parent}: the workspace is open read-only")
        if self._depth:
            self._pending = data
            return
        self._commit(encode_document(data, self.kind))

    def _check_unchanged(self) -> None:
        if _stamp(self.path) != self._seen:
            # Never replace a file that changed since this process read it: another
            # process wrote it (a deleted lock file let a second writer in).
            self._loaded = False
            raise StoreError(
                f"{self.path} was changed by another workbench since it was read; nothing "
                "was saved. Close every workbench on this workspace and open it again"
            )

    def _commit(self, raw: bytes) -> None:
        self._check_unchanged()
        try:
            atomic_write(self.path, raw, sync_dir=self.sync_dir)
        except BaseException:
            # Whatever happened, the cache must match the disk again.
            self._loaded = False
            self._pending = None
            with contextlib.suppress(Exception):
                self._load()
            raise
        self._good = raw
        self._parsed = None
        self._loaded = True
        self._seen = _stamp(self.path)

    @staticmethod
    def write_many(pairs: list[tuple[AtomicJSONStorage, dict[str, dict[str, Any]]]]) -> None:
        """``write_tables`` of many files in one ``atomic_write_many`` (a checkpoint;
        the folders are not synced: the caller syncs them once)."""
        raws = []
        for storage, tables in pairs:
            if storage.readonly:
                raise StoreError(f"{storage.path.parent}: the workspace is open read-only")
            storage._check_unchanged()
            raws.append(encode_document(tables, storage.kind))
        try:
            atomic_write_many([(st.path, raw) for (st, _), raw in zip(pairs, raws, strict=True)])
        except BaseException:
            for storage, _ in pairs:  # whatever happened, the caches must match the disk
                storage._loaded = False
                storage._pending = None
                with contextlib.suppress(Exception):
                    storage._load()
            raise
        for (storage, tables), raw in zip(pairs, raws, strict=True):
            storage._good, storage._parsed = raw, tables
            storage._loaded = True
            storage._seen = _stamp(storage.path)

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Group writes: one durable write at the end, nothing on an exception."""
        self._load()
        self._depth += 1
        try:
            yield
        except BaseException:
            self._depth -= 1
            if not self._depth:
                self._pending = None
            raise
        self._depth -= 1
        if not self._depth and self._pending is not None:
            data, self._pending = self._pending, None
            self._commit(encode_document(data, self.kind))

    def close(self) -> None:
        pass
