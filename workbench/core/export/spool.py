"""Text written now and read back later, for a report whose top (a table of every
verdict) is only complete once every article below it has been written.

The article sections go to a ``Spool`` while the table grows; the table is written
out, then the spool. Each article is read from the store once and memory stays
flat: up to 8 MB in memory, then in an unnamed temporary file (TMPDIR), removed when
closed and never visible as the report. Text round-trips exactly (no newline
translation; lone surrogates kept).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from types import TracebackType

from ..errors import ExportError

IN_MEMORY = 8 << 20
PIECE = 1 << 16


class Spool:
    def __init__(self) -> None:
        self._file = tempfile.SpooledTemporaryFile(
            IN_MEMORY, "w+", encoding="utf-8", errors="surrogatepass", newline=""
        )

    def write(self, text: str) -> None:
        try:
            self._file.write(text)
        except OSError as exc:
            raise _failed(exc) from None

    def pieces(self) -> Iterator[str]:
        """What was written, from the start, in pieces of about 64 kB."""
        try:
            self._file.seek(0)
            while piece := self._file.read(PIECE):
                yield piece
        except OSError as exc:
            raise _failed(exc) from None

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> Spool:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def _failed(exc: OSError) -> ExportError:
    return ExportError(f"cannot hold the report in a temporary file ({exc.strerror or exc})")
