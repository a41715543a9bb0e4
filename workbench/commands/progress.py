"""Progress on stderr: a one-line bar on a terminal; with ``force`` (``--progress``)
and stderr not a terminal, one plain line per 10% (for logs of long runs)."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class ProgressBar:
    """``bar(done, total)`` redraws the line at most 10 times a second."""

    def __init__(
        self, label: str, stream: TextIO | None = None, min_total: int = 2, force: bool = False
    ) -> None:
        self.label = label
        self.stream = stream or sys.stderr
        try:
            tty = self.stream.isatty()
        except (ValueError, OSError):  # a closed stream
            tty = False
        self.enabled = tty
        self.lines = force and not tty
        """Plain lines (``label: 40% (4/10)``) instead of a redrawn bar."""
        self.min_total = min_total
        self._last = 0.0
        self._drawn = False
        self._tenth = -1

    def __call__(self, done: int, total: int) -> None:
        if self.lines and total > 0:
            tenth = min(10, done * 10 // total)
            if tenth > self._tenth:
                self._tenth = tenth
                self.stream.write(f"{self.label}: {tenth * 10}% ({done}/{total})\n")
                self.stream.flush()
            return
        if not self.enabled or total < self.min_total:
            return
        now = time.monotonic()
        if done < total and now - self._last < 0.1:
            return
        self._last = now
        width = 30
        filled = int(width * done / max(total, 1))
        self.stream.write(f"\r{self.label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        if self._drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._drawn = False
