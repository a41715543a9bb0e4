"""Messages the workbench's screens and workers post (attributes down, messages up)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.message import Message

from workbench.core.models import Article, Claim
from workbench.core.services.link_checks import LinkCheckRun


@dataclass
class ArticleChosen(Message):
    """The picker chose an article to review."""

    article_id: str


@dataclass
class ArticleExtracted(Message):
    """A worker finished reading (or fetching) and extracting a new article.

    The main thread stores it: workers never write to the workspace.
    """

    article: Article
    claims: list[Claim]


@dataclass
class ExtractionProgress(Message):
    """A worker extracting an article has parsed ``done`` of ``total`` paragraphs."""

    done: int
    total: int


@dataclass
class ExtractionFailed(Message):
    """A worker could not fetch or extract an article; ``message`` is one clean line."""

    message: str


@dataclass
class LinksChecked(Message):
    """A worker checked the evidence links of one claim; the main thread stores the results."""

    article_id: str
    claim_id: str
    run: LinkCheckRun | None
    """What was checked (None when the check could not run at all)."""
    error: str = ""
    """One clean line when the check could not run at all."""


@dataclass
class AppAction(Message):
    """A screen asks the app for something app-wide (help, the picker, an export)."""

    action: str
    article_id: str = ""


@dataclass
class ExtractionStep(Message):
    """A worker moved on to the next step of reading an article (e.g. loading spaCy)."""

    text: str


@dataclass
class ClaimDerived(Message):
    """A worker derived a reviewer's claim (kind, value, label); the main thread stores it.
    ``claim`` is None when it failed, ``error`` then says why."""

    article_id: str
    claim: Claim | None
    error: str = ""


@dataclass
class StoreChanged(Message):
    """Another process changed the workspace (posted from the store's watcher thread).
    ``changes``: the history rows read since the last seen (a team workspace; empty
    when only who-works-on-what changed), None when unknown (re-read everything)."""

    changes: tuple[Any, ...] | None = None


@dataclass
class ConnectionChanged(Message):
    """The team server's connection was lost (``online`` False) or is back, with the
    number of colleagues' changes the catch-up read (posted from the watcher thread)."""

    online: bool
    server: str
    caught_up: int = 0
    reason: str = ""


@dataclass
class MatchesFound(Message):
    """A worker matched the article's claims against earlier checks (core.match):
    ``matches`` is {claim id: [Match, ...]}; empty when there is nothing to match."""

    article_id: str
    matches: dict[str, list[Any]]
