"""Checking evidence links and keeping the results: ``check-links`` and the TUI's ``c``.

One rule for what is stored: a check that was *refused* (the link points at a
private or local address and private addresses were not allowed, or its scheme is
refused) says nothing about whether the link works, so it is never stored: the
link keeps its earlier check, good or bad. Every other result replaces the earlier
one. Links the network could not reach at all are left unchecked (not stored).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import NetworkUnreachable
from ..models import ArchiveSnapshot, LinkCheck
from ..store.interface import Store
from ..text import one_line

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class LinkTarget:
    """One evidence link of one claim."""

    article_id: str
    claim_id: str
    url: str


@dataclass
class LinkCheckRun:
    """What a run checked: per URL its record (``None``: not checked, no network) and
    archive snapshot; ``archived``: lookups were asked for and done."""

    targets: list[LinkTarget]
    results: dict[str, LinkCheck] = field(default_factory=dict)
    archives: dict[str, ArchiveSnapshot | None] = field(default_factory=dict)
    archive_errors: dict[str, str] = field(default_factory=dict)
    archive_skipped: bool = False
    archived: bool = False
    saved: int = 0
    """How many link records were stored."""

    @property
    def urls(self) -> list[str]:
        return list(dict.fromkeys(t.url for t in self.targets))

    def state(self, url: str) -> str:
        """``ok``, ``dead``, ``refused`` or ``unchecked``."""
        record = self.results.get(url)
        if record is None:
            return "unchecked"
        if record.refused:
            return "refused"
        return "ok" if record.ok else "dead"

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(("ok", "dead", "refused", "unchecked"), 0)
        for url in self.urls:
            out[self.state(url)] += 1
        return out

    def lines(self) -> list[str]:
        """One line per URL: state, HTTP code, URL, title or error, final URL, snapshot."""
        out = []
        for url in self.urls:
            record = self.results.get(url)
            state = self.state(url)
            if record is None:
                shown = one_line(url, 100)
                out.append(f"---    -  {shown}  not checked: the network is unreachable")
                continue
            word = {"ok": "ok  ", "dead": "DEAD", "refused": "SKIP"}[state]
            detail = record.title if state == "ok" else record.error or ""
            code = str(record.status_code or "-")
            line = f"{word} {code:>3}  {one_line(url, 100)}"
            if detail:
                line += f"  {one_line(detail, 60)}"
            final = record.final_url
            if final and final != url:
                line += f"  -> {one_line(str(final), 80)}"
            if self.archived:
                snap = self.archives.get(url)
                stamp = one_line(snap.timestamp, 10) if snap else ""
                line += f"  [archived {stamp}]" if snap else "  [no snapshot]"
            out.append(line)
        return out

    def summary(self) -> str:
        counts = self.counts()
        n = len(self.urls)
        text = f"checked {n} link{'s' if n != 1 else ''}: {counts['ok']} ok, {counts['dead']} dead"
        if counts["refused"]:
            text += (
                f", {counts['refused']} refused (private address; --allow-private to check "
                "them); their earlier results are kept"
            )
        if counts["unchecked"]:
            text += f", {counts['unchecked']} not checked (network unreachable)"
        if self.archived:
            text += (
                f"; {sum(1 for u in self.urls if self.archives.get(u))} with an archive snapshot"
            )
        return text


def link_targets(
    store: Store, article_ids: Iterable[str] | None = None, claim_id: str | None = None
) -> list[LinkTarget]:
    """Every evidence link of the given articles (all when None), or of one claim."""
    aids = list(article_ids) if article_ids is not None else [s.id for s in store.articles()]
    out: list[LinkTarget] = []
    for ref in aids:
        aid = store.article(ref).id
        for cid, verdict in store.verdicts(aid).items():
            if claim_id is not None and cid != claim_id:
                continue
            out.extend(LinkTarget(aid, cid, link.url) for link in verdict.links)
    return out


def run_checks(
    targets: Sequence[LinkTarget],
    *,
    allow_private: bool = False,
    concurrency: int = 8,
    archive: bool = False,
    save: bool = False,
    progress: Progress | None = None,
    archive_progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> LinkCheckRun:
    """Check the links (and look up snapshots): the network half, no store involved,
    safe in a worker. NetworkUnreachable when not one link could be reached."""
    from ..net.fetch import check_links

    run = LinkCheckRun(list(targets))
    urls = run.urls
    if not urls:
        return run
    run.results = check_links(
        urls,
        concurrency=concurrency,
        allow_private=allow_private,
        progress=progress,
        skip_unreachable=True,
        cancel=cancel,
    )
    if not run.results:
        raise NetworkUnreachable(
            f"cannot check {len(urls)} link(s): the network is unreachable; nothing was changed"
        )
    if archive or save:
        from ..net.archive import lookup_many

        try:
            archives, errors = lookup_many(
                urls, save=save, concurrency=min(concurrency, 4), progress=archive_progress
            )
        except NetworkUnreachable:
            run.archive_skipped = True  # the link checks are kept; only the lookups skipped
        else:
            run.archives = dict(archives)
            run.archive_errors = {u: str(m) for u, m in errors.items()}
            run.archived = True
    return run


def keeps_earlier(record: LinkCheck | None) -> bool:
    """The one rule: a refused (or absent) result never replaces an earlier check
    (the store applies ``models.merge_check`` too, whoever writes)."""
    return record is None or record.refused


def save_checks(store: Store, run: LinkCheckRun) -> int:
    """Store the results of ``run`` (the main-thread half); returns how many links
    got a new record. Links removed meanwhile are skipped."""
    from ..errors import NotFound

    saved = 0
    with store.group():
        for target in run.targets:
            record = run.results.get(target.url)
            check = None if keeps_earlier(record) else record
            snapshot = run.archives.get(target.url)
            if check is None and snapshot is None:
                continue
            try:
                store.set_link_check(
                    target.article_id, target.claim_id, target.url, check=check, archive=snapshot
                )
            except NotFound:
                continue
            saved += 1
    run.saved = saved
    return saved


def check_and_save(
    store: Store,
    targets: Sequence[LinkTarget],
    **options: Any,
) -> LinkCheckRun:
    """``workbench check-links``: run the checks, then store what the rule allows."""
    run = run_checks(targets, **options)
    if run.targets:
        save_checks(store, run)
    return run
