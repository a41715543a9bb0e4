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
    │   └── NotFound            no article/claim matches an id (or a prefix is ambiguous)
    ├── FetchError          a URL could not be fetched
    │   ├── UnsafeURL           scheme, host or redirect refused by the safety rules
    │   └── NetworkUnreachable  no network at all
    ├── ExportError         a report could not be written
    └── Cancelled           the user stopped the work (Escape, Ctrl-C, a cancel event)

``message`` is the whole line the user reads. Code never parses it: the parts
are fields. ``url`` is the URL the error is about (the one the user gave),
``hint`` the advice that the message ends with, if any; a ``FetchError`` also
has ``reason`` (the message without "cannot fetch URL: " and without the hint)
and ``status`` (the HTTP status, when the server answered); an ``UnsafeURL``
has ``private`` (refused for its address: ``allow_private`` would fetch it).
"""

from __future__ import annotations

from typing import Any


class WorkbenchError(Exception):
    """Base of every error a user can cause. ``exit_code`` is used by the CLI."""

    exit_code = 1

    def __init__(self, message: str, *, url: str | None = None, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.url = url
        self.hint = hint

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
    """No article or claim matches an id, or a prefix is ambiguous."""


class FetchError(WorkbenchError):
    """A URL could not be fetched."""

    exit_code = 5

    def __init__(
        self,
        message: str,
        *,
        url: str | None = None,
        hint: str | None = None,
        reason: str | None = None,
        status: int | None = None,
    ) -> None:
        super().__init__(message, url=url, hint=hint)
        self.reason = message if reason is None else reason
        self.status = status


class UnsafeURL(FetchError):
    """The URL, a redirect or the address it resolves to is refused."""

    def __init__(self, message: str, *, private: bool = False, **fields: Any) -> None:
        super().__init__(message, **fields)
        self.private = private


class NetworkUnreachable(FetchError):
    """There is no network."""


class ExportError(WorkbenchError):
    """A report could not be written."""

    exit_code = 6


class Cancelled(WorkbenchError):
    """The user stopped the work before it finished; nothing was changed."""

    exit_code = 130
