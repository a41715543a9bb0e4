"""Small result types returned by the store."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ImportResult:
    """What ``Workspace.add_article`` did.

    ``kept``: verdicts whose claim still exists (same id); ``moved``: verdicts moved
    to a claim with the same anchor and a near-identical sentence; ``orphaned``:
    verdicts whose claim is gone (kept, marked orphaned, never dropped).
    """

    article_id: str
    created: bool
    replaced: str | None = None
    kept: int = 0
    moved: int = 0
    orphaned: int = 0
    claims: int = 0


@dataclass
class ArticleSummary:
    """One row of the article list, with review progress."""

    id: str
    title: str
    source: str
    fetched_at: str | None
    added_at: str
    claims: int
    counts: dict[str, int] = field(default_factory=dict)
    reviewed: int = 0
    updated_at: str = ""
    orphaned: int = 0
    """Verdicts kept for claims a re-import removed (not in ``claims`` or ``counts``)."""
