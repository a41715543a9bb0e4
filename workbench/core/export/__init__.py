"""Verdict reports: Markdown, HTML, CSV, JSON and ClaimReview JSON-LD; import and merge.

    from workbench.core.export import FORMATS, ExportOptions, render_report, write_report

    text = render_report(ws, "md", [article_id])
    path = write_report(ws, "html", [], "report.html", statuses=["false", "disputed"])

``article_ids``: article ids, unique id prefixes or sources; empty means every
article of the workspace. ``statuses``: keep only claims with these statuses
(a list or ``"disputed,false"``). ``reviewer``: keep only claims whose verdict
that reviewer set last. Dismissed claims are left out of every format but JSON
unless ``include_dismissed``. Each format lives in its own module and is a pure function
of the report data gathered by ``report.build_report``, which it reads as plain rows
(``article_rows``: straight from the store's rows where the store hands them out).
An export to a file never replaces an existing one unless asked (``replace``).
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ExportError, InputError
from ..text import one_line

if TYPE_CHECKING:  # pragma: no cover
    from ..store.interface import Store as Workspace
    from .report import ExportOptions, Report, build_report

_LAZY = ("ExportOptions", "Report", "build_report")


def __getattr__(name: str) -> object:
    """The report data types, imported when first used (``FORMATS`` stays cheap: the
    CLI reads it to build its parser)."""
    if name in _LAZY:
        from . import report

        return getattr(report, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "FORMATS",
    "SUFFIXES",
    "ExportError",
    "ExportOptions",
    "Report",
    "build_report",
    "render",
    "render_bytes",
    "render_chunks",
    "render_report",
    "write_chunks_atomic",
    "write_report",
    "write_text_atomic",
]

FORMATS: tuple[str, ...] = ("md", "html", "csv", "json", "claimreview")
"""Export formats, in the order the CLI and the TUI list them."""

SUFFIXES: dict[str, str] = {
    "md": ".md",
    "html": ".html",
    "csv": ".csv",
    "json": ".json",
    "claimreview": ".jsonld",
}
"""The usual file suffix of each format (ClaimReview with html_snippets: .html)."""


def _renderer(fmt: str) -> Callable[[Report], str]:
    if fmt == "md":
        from .markdown import render_markdown

        return render_markdown
    if fmt == "html":
        from .html import render_html

        return render_html
    if fmt == "csv":
        from .csv_report import render_csv

        return render_csv
    if fmt == "json":
        from .json_report import render_json

        return render_json
    if fmt == "claimreview":
        from .claimreview import render_claimreview

        return render_claimreview
    raise InputError(
        f"unknown export format {one_line(fmt, 40)!r}; choose from {', '.join(FORMATS)}"
    )


def _streamer(fmt: str) -> Callable[[Report], Iterable[str]]:
    """The format's writer in pieces (article by article) where it has one."""
    if fmt == "json":
        from .json_report import iter_json

        return iter_json
    if fmt == "csv":
        from .csv_report import iter_csv

        return iter_csv
    if fmt == "md":
        from .markdown import iter_markdown

        return iter_markdown
    if fmt == "html":
        from .html import iter_html

        return iter_html
    if fmt == "claimreview":
        from .claimreview import iter_claimreview

        return iter_claimreview
    renderer = _renderer(fmt)
    return lambda report: (renderer(report),)


def render_bytes(report: Report, fmt: str) -> Iterable[bytes]:
    """``render_chunks`` as UTF-8 pieces (JSON is written as bytes, and the spooled
    sections of Markdown and HTML: no text round trip)."""
    if fmt == "json":
        from .json_report import iter_json_bytes

        return iter_json_bytes(report)
    if fmt == "md":
        from .markdown import iter_markdown_bytes

        return iter_markdown_bytes(report)
    if fmt == "html":
        from .html import iter_html_bytes

        return iter_html_bytes(report)
    return (chunk.encode("utf-8") for chunk in _streamer(fmt)(report))


def render(report: Report, fmt: str) -> str:
    """Render already gathered report data in ``fmt``."""
    return _renderer(fmt)(report)


def render_chunks(report: Report, fmt: str) -> Iterable[str]:
    """Render ``report`` in ``fmt`` as pieces of text (joined: ``render``); with a
    ``stream_report`` report, one article is in memory at a time."""
    return _streamer(fmt)(report)


def render_report(
    ws: Workspace,
    fmt: str,
    article_ids: Sequence[str] | None,
    statuses: str | Sequence[str] | None = None,
    reviewer: str | None = None,
    options: ExportOptions | None = None,
    include_dismissed: bool | None = None,
) -> str:
    """The report of ``article_ids`` in format ``fmt`` as a string.

    Dismissed claims are left out unless ``include_dismissed`` (default: only JSON,
    the full dump, holds them)."""
    from .report import stream_report

    renderer = _renderer(fmt)
    include = fmt == "json" if include_dismissed is None else include_dismissed
    return renderer(stream_report(ws, article_ids, statuses, reviewer, options, include))


def write_report(
    ws: Workspace,
    fmt: str,
    article_ids: Sequence[str] | None,
    path: str | os.PathLike[str],
    statuses: str | Sequence[str] | None = None,
    reviewer: str | None = None,
    options: ExportOptions | None = None,
    include_dismissed: bool | None = None,
) -> Path:
    """Render and write the report atomically; returns the path written.

    The text goes to a temporary file next to ``path`` that replaces it only when
    complete: on any error ``path`` is left as it was and ExportError says why.
    """
    from .report import stream_report

    include = fmt == "json" if include_dismissed is None else include_dismissed
    report = stream_report(ws, article_ids, statuses, reviewer, options, include)
    return write_chunks_atomic(path, render_bytes(report, fmt))


_STD_STREAMS = {"/dev/stdout": 1, "/dev/stderr": 2}


def write_text_atomic(path: str | os.PathLike[str], text: str) -> Path:
    """Write ``text`` as UTF-8 to ``path`` (``write_chunks_atomic`` of one piece)."""
    return write_chunks_atomic(path, (text,))


def write_chunks_atomic(
    path: str | os.PathLike[str], chunks: Iterable[str | bytes], replace: bool = True
) -> Path:
    """Write the pieces of text ``chunks`` as UTF-8 (or pieces already encoded) to
    ``path``, one at a time.

    A regular file (or a new one) is written atomically: a temporary file next to it,
    fsynced, replaces it only when complete. What is not a regular file is never
    replaced: a FIFO, a device or ``/dev/stdout`` is written through; a symlink to a
    regular file has its target replaced (the link stays). With ``replace=False`` an
    existing regular file is never replaced, not even one that appeared while the
    report was written (ExportError; the temporary file is removed).
    """
    target = Path(os.path.expanduser(os.fspath(path)))
    data = (chunk if isinstance(chunk, bytes) else chunk.encode("utf-8") for chunk in chunks)
    fd = _stream_fd(target)
    if fd is not None:
        _write_through(target, data, fd)
        return target
    try:
        info = target.stat()  # follows symlinks
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise ExportError(f"{target}: cannot write the report ({exc.strerror or exc})") from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise ExportError(f"{target}: is a folder; give a file name")
    if info is not None and not stat.S_ISREG(info.st_mode):
        _write_through(target, data, None)  # a FIFO or a device: never replaced
        return target
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    if info is not None and not replace:
        raise _exists(target)
    _replace_atomically(target, data, replace)
    return target


def _exists(target: Path) -> ExportError:
    return ExportError(f"{target}: the file exists; it was not replaced")


def _stream_fd(target: Path) -> int | None:
    """The descriptor behind /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N."""
    name = os.path.normpath(os.fspath(target))
    if name in _STD_STREAMS:
        return _STD_STREAMS[name]
    for prefix in ("/dev/fd/", "/proc/self/fd/"):
        if name.startswith(prefix) and name[len(prefix) :].isdigit():
            return int(name[len(prefix) :])
    return None


def _write_through(target: Path, data: Iterable[bytes], fd: int | None) -> None:
    own = fd is None
    try:
        if fd is None:
            fd = os.open(target, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
        else:
            import sys

            for stream in (sys.stdout, sys.stderr):
                try:
                    if stream is not None and stream.fileno() == fd:
                        stream.flush()
                except (OSError, ValueError):
                    pass
        for piece in data:
            view = memoryview(piece)
            while view:
                written = os.write(fd, view)
                view = view[written:]
    except OSError as exc:
        raise ExportError(f"{target}: cannot write the report ({exc.strerror or exc})") from None
    finally:
        if own and fd is not None:
            os.close(fd)


def _replace_atomically(target: Path, data: Iterable[bytes], replace: bool = True) -> None:
    parent = target.parent
    if not parent.is_dir():
        raise ExportError(f"{target}: the folder {parent} does not exist")
    tmp_name = ""
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent)
        with os.fdopen(fd, "wb") as handle:
            for piece in data:
                handle.write(piece)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            try:
                os.chmod(tmp_name, target.stat().st_mode & 0o777)
            except OSError:
                pass
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp_name, 0o666 & ~umask)
        if replace:
            os.replace(tmp_name, target)
            tmp_name = ""
        else:
            _link_new(tmp_name, target)  # the temporary name is removed below
    except OSError as exc:
        raise ExportError(f"{target}: cannot write the report ({exc.strerror or exc})") from None
    finally:
        if tmp_name:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass


def _link_new(tmp_name: str, target: Path) -> None:
    """Give the complete file ``tmp_name`` the name ``target`` only if nothing has it
    (a hard link fails on an existing name: no check-then-replace race)."""
    try:
        os.link(tmp_name, target)
    except FileExistsError:
        raise _exists(target) from None
    except OSError:  # a file system without hard links: the next best thing
        if os.path.lexists(target):
            raise _exists(target) from None
        os.replace(tmp_name, target)
