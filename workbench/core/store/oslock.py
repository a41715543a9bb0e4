"""An exclusive OS lock on a file, which the kernel drops when its holder dies.

On POSIX this is ``flock(2)`` on the lock file, what filelock's ``UnixFileLock`` does, so
processes that lock with filelock and with this module exclude each other. It exists
because importing filelock 4 costs more CPU than starting Python and importing TinyDB
together (it loads logging, socket, secrets and decimal), and every ``workbench mark``
takes the lock. Elsewhere (Windows) filelock itself is used.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX
    fcntl = None  # type: ignore[assignment]

POLL = 0.05
"""Seconds between attempts while waiting for a lock someone else holds."""


class LockTimeout(Exception):
    """The lock is held by another process (after waiting as long as asked)."""


class OsLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None
        self._fallback = None

    def acquire(self, wait: float = 0.0) -> None:
        """Take the lock, waiting up to ``wait`` seconds; LockTimeout when it stays taken,
        OSError when the file cannot be opened."""
        if fcntl is None:  # pragma: no cover - not POSIX
            self._acquire_filelock(wait)
            return
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        fd = os.open(self.path, flags, 0o644)
        deadline = time.monotonic() + max(0.0, wait)
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise LockTimeout(str(self.path)) from None
                time.sleep(POLL)
                continue
            except OSError:
                os.close(fd)
                raise
            self._fd = fd
            return

    def release(self) -> None:
        if self._fallback is not None:  # pragma: no cover - not POSIX
            self._fallback.release()
            self._fallback = None
        if self._fd is not None:
            fd, self._fd = self._fd, None
            try:
                fcntl.flock(fd, fcntl.LOCK_UN)
            finally:
                os.close(fd)

    def _acquire_filelock(self, wait: float) -> None:  # pragma: no cover - not POSIX
        from filelock import FileLock, Timeout

        lock = FileLock(str(self.path), timeout=max(0.0, wait))
        try:
            lock.acquire()
        except Timeout:
            raise LockTimeout(str(self.path)) from None
        self._fallback = lock


def host_name() -> str:
    """This machine's name, without importing socket where ``os.uname`` exists."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket  # pragma: no cover - not POSIX

    return socket.gethostname()  # pragma: no cover
