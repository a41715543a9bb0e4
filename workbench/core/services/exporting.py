"""Exporting verdict reports (``workbench export``, the TUI's export dialog)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from ..errors import ExportError, InputError
from ..store.interface import Store
from ..text import one_line
from ..vocabulary import Status, parse_statuses
from .workspace import where


@dataclass(frozen=True)
class ExportRequest:
    """What to export. ``articles``: ids, id prefixes or sources (empty: the only
    article, or every one with ``every``). ``by``: only claims whose verdict that
    reviewer set last. Dismissed claims are left out of md/html/csv unless
    ``include_dismissed`` (or ``statuses`` names them); JSON always holds them
    (it is the full dump ``import`` reads); ClaimReview never does."""

    fmt: str = "md"
    articles: Sequence[str] = ()
    every: bool = False
    statuses: str | Sequence[str] | None = None
    by: str | None = None
    include_dismissed: bool = False
    url: str | None = None
    org: str | None = None
    html_snippets: bool = False
    now: str | None = None


@dataclass(frozen=True)
class ExportResult:
    text: str
    fmt: str
    articles: int
    claims: int
    """Claims in the report (after the filters)."""
    warnings: list[str] = field(default_factory=list)
    path: str = ""
    """Where ``stream_export`` wrote the report ('' for stdout)."""


def article_refs(store: Store, articles: Sequence[str], every: bool) -> list[str]:
    """The articles an export (or check) is about: those named, every one with
    ``every``, or the only article of a one-article workspace."""
    if every and articles:
        raise InputError("give article ids or --all, not both")
    summaries = store.articles()
    if articles:
        return list(articles)
    if not summaries:
        raise InputError(f"the workspace {where(store)} has no articles yet")
    if every or len(summaries) == 1:
        return [s.id for s in summaries]
    raise InputError(
        f"the workspace has {len(summaries)} articles: name one or more ARTICLE_IDs, or use --all"
    )


def _report(store: Store, request: ExportRequest):  # type: ignore[no-untyped-def]
    """The checked request's report, its articles read from the store as it is rendered."""
    from ..export import FORMATS
    from ..export.report import ExportOptions, stream_report

    if request.fmt not in FORMATS:
        raise InputError(f"unknown export format {request.fmt!r}; choose from {', '.join(FORMATS)}")
    if request.html_snippets and request.fmt != "claimreview":
        raise InputError("--html only applies to --format claimreview")
    if request.fmt == "claimreview":
        if not request.url:
            raise ExportError(
                "ClaimReview needs the URL of the page that publishes the fact check: "
                "give --url URL (or set url in the config file)"
            )
        if not request.org:
            raise ExportError(
                "ClaimReview needs the publishing organization (its author): give --org NAME "
                "(or set org in the config file)"
            )
    statuses = parse_statuses(request.statuses)
    include = (
        request.include_dismissed
        or request.fmt == "json"
        or (statuses is not None and Status.DISMISSED in statuses)
    )
    refs = article_refs(store, request.articles, request.every)
    options = ExportOptions(
        url=request.url, org=request.org, html_snippets=request.html_snippets, now=request.now
    )
    return stream_report(
        store, refs, statuses, request.by or None, options, include_dismissed=include
    )


def _warnings(request: ExportRequest, claims: int) -> list[str]:
    if claims:
        return []
    why = []
    if request.by:
        why.append(f"no verdict was last set by {request.by!r}")
    statuses = parse_statuses(request.statuses)
    if statuses:
        why.append("no claim has status " + ", ".join(statuses))
    if request.fmt == "claimreview":
        why.append("ClaimReview publishes only claims marked verified, disputed, false or "
                   "inconclusive")
    reason = f" ({'; '.join(why)})" if why else ""
    return [f"the report holds no claims{reason}"]


def export_report(store: Store, request: ExportRequest) -> ExportResult:
    """Gather and render the report; refuses what the format cannot say."""
    from ..export import render

    report = _report(store, request)
    text = render(report, request.fmt)
    claims = report.articles.claims
    return ExportResult(
        text, request.fmt, len(report.articles), claims, _warnings(request, claims)
    )


def stream_export(
    store: Store,
    request: ExportRequest,
    path: str | os.PathLike[str] | None,
    stdout: TextIO,
    replace: bool = False,
) -> ExportResult:
    """Render the report straight to ``path`` (as ``write_output`` writes) or, with no
    path, to ``stdout``, one article at a time: a workspace of any size is exported
    holding one article in memory. ``text`` of the result is ''; the store must be
    open until this returns. A file is replaced only when complete, and an existing
    one only with ``replace`` (else ExportError before anything is rendered)."""
    from ..export import render_bytes, render_chunks, write_chunks_atomic

    if path is not None and not replace and would_replace(report_path(path)):
        raise ExportError(
            f"{one_line(os.fspath(path), 200)} exists; give --force to replace it"
        )
    report = _report(store, request)
    written = ""
    if path is None:
        for chunk in render_chunks(report, request.fmt):
            stdout.write(chunk)
        stdout.flush()
    else:
        chunks = render_bytes(report, request.fmt)
        written = str(write_chunks_atomic(path, chunks, replace=replace))
    claims = report.articles.claims
    return ExportResult(
        "", request.fmt, len(report.articles), claims, _warnings(request, claims), written
    )


def write_output(path: str | os.PathLike[str], text: str, replace: bool = True) -> Path:
    """Write a report to ``path``: a regular file (or a new one) atomically; a FIFO,
    a device or ``/dev/stdout`` is written through, never replaced; a symlink to a
    regular file replaces its target, keeping the link. An existing regular file is
    replaced only with ``replace`` (ask first: ``would_replace``)."""
    from ..export import write_chunks_atomic

    return write_chunks_atomic(path, (text,), replace=replace)


def report_path(path: str | os.PathLike[str], base: str | os.PathLike[str] | None = None) -> Path:
    """Where a report typed as ``path`` goes, as an absolute path: ``~`` expanded, a
    relative path taken from ``base`` (default: the current folder)."""
    target = Path(os.path.expanduser(os.fspath(path)))
    if not target.is_absolute():
        target = Path(base if base is not None else os.getcwd()) / target
    return Path(os.path.normpath(target))


def unused_path(path: Path) -> Path:
    """``path``, or the first of ``name-2.ext``, ``name-3.ext``, ... that does not exist
    (a proposed report name never replaces an earlier report)."""
    if not os.path.lexists(path):
        return path
    n = 2
    while os.path.lexists(path.with_name(f"{path.stem}-{n}{path.suffix}")):
        n += 1
    return path.with_name(f"{path.stem}-{n}{path.suffix}")


def would_replace(path: Path) -> bool:
    """True when writing ``path`` would replace an existing regular file (a FIFO, a
    device or a missing file is not replaced)."""
    import stat

    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False
