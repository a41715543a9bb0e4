"""Errors raised by workbench.core.

Every error a user can cause is a ``WorkbenchError``; the CLI prints its message as
one line on stderr and exits non-zero, the TUI shows it as a notification.

    WorkbenchError
    ├── InputError          bad path, empty/binary/undecodable file, bad argument value
    │   └── LinkError       an evidence link that is not an absolute http(s) URL
    ├── ModelError          no usable spaCy pipeline
    ├── StoreError          the workspace cannot be read or written
    │   ├── WorkspaceLocked     another process holds the workspace
    │   ├── WorkspaceCorrupt    the file at the workspace path is not a workspace
    │   ├── NotFound            no article/claim matches an id (or a prefix is ambiguous)
    │   │   └── NoWorkspace     no workspace at the path
    │   └── Conflict            another reviewer changed the same field meanwhile
    ├── FetchError          a URL could not be fetched
    │   ├── UnsafeURL           scheme, host or redirect refused by the safety rules
    │   └── NetworkUnreachable  no network at all
    ├── ExportError         a report could not be written
    └── Cancelled           the user stopped a long run (escape in the TUI, ctrl+c)

Errors carry structured fields besides the message, so that no code ever parses a
message to learn what went wrong::

    raise FetchError(f"cannot fetch {url}: connection refused",
                     url=url, reason="connection refused")
    raise UnsafeURL(..., url=url, reason="resolves to a private address",
                    hint="--allow-private", private=True)
    raise WorkspaceCorrupt(f"{path} is damaged; run `workbench doctor`",
                           path=path, reason="is damaged", hint="run `workbench doctor`")

``reason`` is the cause without its subject (what a table cell or a doctor finding
shows), ``hint`` what the user can do, ``url``/``path`` the subject. Every field is
optional; ``reason`` falls back to the message.
"""

from __future__ import annotations

import os
from typing import Any


class WorkbenchError(Exception):
    """Base of every error a user can cause. ``exit_code`` is used by the CLI."""

    exit_code = 1

    def __init__(
        self,
        message: str,
        *,
        reason: str | None = None,
        hint: str | None = None,
        url: str | None = None,
        path: str | os.PathLike[str] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self._reason = reason
        self.hint = hint
        """What the user can do about it ("--allow-private", "run `workbench doctor`")."""
        self.url = url
        """The URL the error is about, if any."""
        self.path = os.fspath(path) if path is not None else None
        """The file or folder the error is about, if any."""

    @property
    def reason(self) -> str:
        """The cause without its subject ("connection refused"); else the message."""
        return self._reason if self._reason else self.message

    def __str__(self) -> str:
        return self.message


class InputError(WorkbenchError):
    """A user mistake in the input: usage errors exit with status 2."""

    exit_code = 2


class LinkError(InputError):
    """An evidence link that is not an absolute http/https URL."""


class ModelError(WorkbenchError):
    """No spaCy pipeline could be loaded."""

    exit_code = 3


class StoreError(WorkbenchError):
    """The workspace cannot be read or written."""

    exit_code = 4


class WorkspaceLocked(StoreError):
    """Another process holds the workspace lock."""


class WorkspaceCorrupt(StoreError):
    """The file at the workspace path is not a valid workspace."""


class NotFound(StoreError):
    """No article or claim matches an id, or a prefix is ambiguous: what the user typed
    names nothing, an input error (exit status 2)."""

    exit_code = 2


class NoWorkspace(NotFound):
    """There is no workspace at the path: a workspace problem (exit status 4)."""

    exit_code = 4


class Offline(StoreError):
    """The team server cannot be reached (a server restart, a network cut): the change
    was not saved, and can be made again once the connection is back."""


class Conflict(StoreError):
    """Another reviewer changed the same field of a claim since this session saw it.

    ``field`` (status, note, links, label), ``theirs`` (the value now stored),
    ``yours`` (the value this change wanted), ``reviewer`` (who made theirs). Nothing
    was written; the store now counts ``theirs`` as seen, so repeating the change
    keeps yours, and doing nothing keeps theirs.
    """

    def __init__(
        self,
        message: str,
        field: str,
        theirs: object,
        yours: object,
        reviewer: str = "",
        article_id: str = "",
        claim_id: str = "",
    ) -> None:
        super().__init__(message)
        self.field = field
        self.theirs = theirs
        self.yours = yours
        self.reviewer = reviewer
        self.article_id = article_id
        self.claim_id = claim_id


class FetchError(WorkbenchError):
    """A URL could not be fetched; ``status`` is the HTTP status when the server answered."""

    exit_code = 5

    def __init__(self, message: str, *, status: int | None = None, **fields: Any) -> None:
        super().__init__(message, **fields)
        self.status = status


class UnsafeURL(FetchError):
    """The URL, a redirect or the address it resolves to is refused.

    ``private`` is True when the only objection is a non-global address (loopback,
    private, link-local, ...): ``--allow-private`` would allow it.
    """

    def __init__(
        self,
        message: str,
        *,
        private: bool = False,
        reason: str | None = None,
        hint: str | None = None,
        url: str | None = None,
    ) -> None:
        super().__init__(message, reason=reason, hint=hint, url=url)
        self.private = private


class NetworkUnreachable(FetchError):
    """There is no network."""


class ExportError(WorkbenchError):
    """A report could not be written."""

    exit_code = 6


class Cancelled(WorkbenchError):
    """The user stopped a long run (a fetch, an extraction, a link check)."""

    exit_code = 130

    def __init__(self, message: str = "cancelled", *, url: str | None = None) -> None:
        super().__init__(message, url=url)
