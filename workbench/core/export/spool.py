"""Text written now and read back later, for a report whose top (a table of every
verdict) is only complete once every article below it has been written.

The article sections go to a ``Spool`` while the table grows; the table is written
out, then the spool. Each article is read from the store once and memory stays
flat: up to 8 MB in memory, then in an unnamed temporary file (TMPDIR), removed when
closed and never visible as the report. The spool holds UTF-8: ``pieces`` gives the
text back exactly (lone surrogates kept), ``byte_pieces`` the bytes as they are (for
a report written as UTF-8: no decoding and encoding again; a spool made with
``errors="strict"`` refuses, as that encoding would, a lone surrogate).
"""

from __future__ import annotations

import codecs
import tempfile
from collections.abc import Iterator
from types import TracebackType

from ..errors import ExportError

IN_MEMORY = 8 << 20
PIECE = 1 << 16


class Spool:
    def __init__(self, errors: str = "surrogatepass") -> None:
        self._file = tempfile.SpooledTemporaryFile(IN_MEMORY, "w+b")
        self._errors = errors

    def write(self, text: str) -> None:
        data = text.encode("utf-8", self._errors)
        try:
            self._file.write(data)
        except OSError as exc:
            raise _failed(exc) from None

    def byte_pieces(self) -> Iterator[bytes]:
        """What was written, from the start, as UTF-8 in pieces of about 64 kB."""
        try:
            self._file.seek(0)
            while piece := self._file.read(PIECE):
                yield piece
        except OSError as exc:
            raise _failed(exc) from None

    def pieces(self) -> Iterator[str]:
        """What was written, from the start, in pieces of about 64 kB."""
        decoder = codecs.getincrementaldecoder("utf-8")("surrogatepass")
        for piece in self.byte_pieces():
            text = decoder.decode(piece)
            if text:
                yield text
        rest = decoder.decode(b"", final=True)
        if rest:
            yield rest

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
