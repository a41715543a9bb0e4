"""Importing articles: read them, extract their claims, store them.

The three steps are separate so that a UI can run the slow one (extraction) in a
worker and the store one on its main thread; ``import_articles`` does all three.
``ImportOutcome.describe`` is the one wording of what an import did, used by
``add``, ``fetch`` and the workbench alike.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..articles import expand_paths, load_article_file
from ..errors import Cancelled, InputError, StoreError, WorkbenchError
from ..models import Article, Claim
from ..store.interface import Store
from ..store.results import ImportResult
from ..text import one_line
from .workspace import where

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Extracted:
    """An article with its claims, ready to store."""

    article: Article
    claims: list[Claim]


@dataclass(frozen=True)
class ReadResult:
    """What ``read_articles`` read, and one line per file it skipped."""

    articles: list[Article]
    skipped: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ImportOutcome:
    """What storing one article did."""

    article: Article
    result: ImportResult
    claims: int

    @property
    def what(self) -> str:
        """``added``, ``re-imported`` or ``unchanged``."""
        if self.result.replaced:
            return "re-imported"
        return "added" if self.result.created else "unchanged"

    def describe(self, title_width: int = 60) -> list[str]:
        """The wording of an import: the first line always; facts about the page
        (author, date, redirect) and the verdicts carried over on later lines."""
        r = self.result
        title = one_line(self.article.title or self.article.source, title_width)
        head = f"{self.what} {r.article_id[:8]}"
        if r.replaced:
            head += f" (changed text, replaces {r.replaced[:8]})"
        elif not r.created:
            head += " (already there)"
        lines = [f"{head}  {title}  ({self.claims} claim{'s' if self.claims != 1 else ''})"]
        meta = self.article.meta
        facts = []
        if meta.get("author"):
            facts.append(f"by {one_line(str(meta['author']), 80)}")
        if meta.get("date"):
            facts.append(f"published {one_line(str(meta['date']), 40)}")
        final = meta.get("final_url")
        if final and final != self.article.source:
            facts.append(f"redirected to {one_line(str(final), 200)}")
        if facts:
            lines.append("  " + "; ".join(facts))
        if r.replaced or not r.created:
            lines.append(f"  verdicts kept {r.kept}, moved {r.moved}, orphaned {r.orphaned}")
        return lines

    def notice(self) -> str:
        """The same in one line (a TUI notification)."""
        return "; ".join(line.strip() for line in self.describe())


def read_articles(paths: Sequence[str], *, strict: bool = True) -> ReadResult:
    """Read, decode and clean article files (folders expanded, ``-`` is stdin).

    A file named on its own that cannot be read raises InputError when ``strict``;
    otherwise (and always for a file found inside a folder) it is skipped with one
    line in ``skipped``. InputError when nothing could be read.
    """
    from pathlib import Path

    expanded = expand_paths(list(paths))
    if expanded.count("-") > 1:
        raise InputError("stdin (-) can be given only once")
    named = {p for p in paths if not Path(p).is_dir()}
    articles: list[Article] = []
    skipped: list[str] = []
    for path in expanded:
        try:
            articles.append(load_article_file(path))
        except InputError as exc:
            if strict and path in named:
                raise
            skipped.append(one_line(exc.message))
    if not articles:
        if skipped and len(skipped) == len(expanded) == 1:
            raise InputError(skipped[0])
        raise InputError("no readable article in " + ", ".join(one_line(p, 80) for p in paths))
    return ReadResult(articles, skipped)


def extract(
    articles: Sequence[Article],
    *,
    model: str | None = None,
    jobs: int = 1,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> list[Extracted]:
    """The claims of each article (loads spaCy on first use). No store involved: safe
    in a worker thread. Raises Cancelled when ``cancel`` is set, ModelError."""
    from ..nlp import extract as extraction

    if jobs < 1:
        raise InputError("--jobs must be at least 1")
    items = list(articles)
    try:
        if cancel is not None and len(items) == 1 and jobs == 1:  # the workbench: stoppable
            results = [
                extraction.extract_claims(items[0], model=model, progress=progress, cancel=cancel)
            ]
        else:
            results = extraction.extract_many(items, model=model, jobs=jobs, progress=progress)
    except WorkbenchError as exc:
        if cancel is not None and cancel.is_set() and not isinstance(exc, Cancelled):
            raise Cancelled() from None
        raise
    return [Extracted(a, c) for a, c in zip(items, results, strict=True)]


def store_extracted(store: Store, items: Sequence[Extracted]) -> list[ImportOutcome]:
    """Store extracted articles (one atomic step each); re-imports keep verdicts."""
    results = store.add_articles([(x.article, x.claims) for x in items])
    return [ImportOutcome(x.article, r, len(x.claims)) for x, r in zip(items, results, strict=True)]


def import_articles(
    store: Store,
    articles: Sequence[Article],
    *,
    model: str | None = None,
    jobs: int = 1,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> list[ImportOutcome]:
    """Extract then store: ``workbench add`` and the workbench opening a new file."""
    if store.readonly:
        raise StoreError(f"the workspace {where(store)} is open read-only; cannot import articles")
    extracted = extract(articles, model=model, jobs=jobs, progress=progress, cancel=cancel)
    return store_extracted(store, extracted)
