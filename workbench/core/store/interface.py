"""The store interface: what every engine (the local folder, PostgreSQL) implements.

Callers (the services, the CLI commands, the TUI) type against ``Store`` and never
against an engine class. An engine is opened by location with ``open_store`` (see
``workbench.core.store``): a path selects the local folder (TinyDB), a
``postgresql://`` URL the team server.

An engine other than the folder lives in its own subpackage and provides
``open_<engine>_store(location, reviewer, readonly=False, wait=0.0, create=True,
clock=None) -> Store`` (``clock``: a function returning UTC ``...Z`` timestamps, for
tests; passed only when given). ``open_store`` imports it lazily.

Rules every engine keeps (the contract tests in ``tests/store_contract/`` check them):

- Every method that changes something is durable when it returns (an acknowledged
  change survives kill -9) and atomic (a failure leaves nothing half-written).
- Every change of a verdict field appends one history row per field (append-only);
  ``undo``/``redo`` replay those rows, survive a restart and are per reviewer.
- ``group()`` makes every change inside the block one undo step and one atomic write.
- The reviewer is passed in when the store is opened; the store never reads config.
- Untrusted text is stored as given after cleaning (control characters removed); the
  store never interprets it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from ..models import Article, Change, Claim, Verdict
from .results import ArticleSummary, ImportResult


@runtime_checkable
class Store(Protocol):
    """One workspace: articles, claims, verdicts, history, undo."""

    # -- identity ---------------------------------------------------------------
    @property
    def location(self) -> str:
        """Where the store lives, for messages (a path, or a URL without password)."""
        ...

    @property
    def path(self) -> Path | None:
        """The local folder (folder engine); None for an engine without one (a server)."""
        ...

    @property
    def readonly(self) -> bool: ...

    @property
    def reviewer(self) -> str: ...

    def close(self) -> None: ...

    def __enter__(self) -> Store: ...

    def __exit__(self, *exc: object) -> None: ...

    # -- articles and claims ----------------------------------------------------
    def add_article(self, article: Article, claims: list[Claim]) -> ImportResult: ...

    def add_articles(self, items: list[tuple[Article, list[Claim]]]) -> list[ImportResult]: ...

    def articles(self) -> list[ArticleSummary]: ...

    def article(self, ref: str) -> Article: ...

    def claims(self, article_id: str) -> list[Claim]: ...

    def verdicts(self, article_id: str) -> dict[str, Verdict]: ...

    def verdict(self, article_id: str, claim_id: str) -> Verdict: ...

    def orphans(self, article_id: str) -> list[tuple[Verdict, Claim | None]]: ...

    def resolve_claim(self, ref: str) -> tuple[str, str]: ...

    # -- edits (each one history row per changed field) ---------------------------
    def set_status(self, article_id: str, claim_id: str, status: str) -> Verdict: ...

    def set_note(self, article_id: str, claim_id: str, note: str) -> Verdict: ...

    def set_label(self, article_id: str, claim_id: str, label: str) -> Verdict:
        """The reviewer's wording (``Verdict.label``; "" = the extracted label).
        History field ``label``; undoable."""
        ...

    def add_link(
        self,
        article_id: str,
        claim_id: str,
        url: str,
        title: str = "",
        stance: str | None = None,
    ) -> Verdict: ...

    def update_link(
        self,
        article_id: str,
        claim_id: str,
        url: str,
        title: str | None = None,
        stance: str | None = None,
    ) -> Verdict:
        """Change an existing link's title and/or stance (None leaves it; NotFound when
        the claim has no such link). One history row per changed attribute: field
        ``link.title`` / ``link.stance``, old and new ``{"url": URL, "value": V}``.
        ``add_link`` of a URL already attached writes the same rows. Undoable."""
        ...

    def remove_link(self, article_id: str, claim_id: str, url: str) -> Verdict: ...

    def set_link_check(
        self,
        article_id: str,
        claim_id: str,
        url: str,
        check: Any = None,
        archive: Any = None,
    ) -> Verdict: ...

    def add_claim(self, article_id: str, claim: Claim) -> Claim:
        """Add a reviewer-made claim; returns it as stored (``origin`` "reviewer").

        InputError when its id is taken or its anchor is not at ``start:end`` of the
        article text. History: one row, field ``claim``, old None, new the claim dict.
        Undoable (undo removes it again). A re-import of the article keeps it while
        ``text[start:end] == anchor`` in the new text, and orphans it otherwise."""
        ...

    def put_verdict(
        self, article_id: str, verdict: Verdict, action: str = "import", record: bool = True
    ) -> None: ...

    def append_history(self, changes: list[Change]) -> None: ...

    def group(self) -> contextlib.AbstractContextManager[None]: ...

    # -- undo / redo / history --------------------------------------------------
    def can_undo(self) -> bool: ...

    def can_redo(self) -> bool: ...

    def undo(self) -> list[Change]: ...

    def redo(self) -> list[Change]: ...

    def history(
        self, article_id: str | None = None, claim_id: str | None = None, limit: int | None = None
    ) -> list[Change]: ...

    # -- other processes --------------------------------------------------------
    def watch(self, listener: Callable[[], None]) -> Callable[[], None]:
        """Call ``listener()`` from a background thread each time another process (or
        another open instance) changed the store; reads after that see the change.
        Returns the function that unsubscribes; ``close`` stops every watcher."""
        ...

    def is_locked_by_other(self) -> bool:
        """True when this instance is read-only and another process is the writer."""
        ...

    def try_become_writer(self) -> bool:
        """A read-only instance takes the writer's lock if it is free: True when this
        instance now writes (``readonly`` becomes False), False when it stays read-only."""
        ...


Listener = Callable[[], None]
"""Called (from any thread) when another process changed the store."""


def iter_claims(store: Store, article_id: str) -> Iterator[tuple[Claim, Verdict]]:
    """Each claim of an article with its verdict, in article order."""
    verdicts = store.verdicts(article_id)
    for claim in store.claims(article_id):
        yield claim, verdicts[claim.id]
