"""``workbench sync``: a local folder workspace <-> the team server.

Both directions use the field-level merge that ``workbench import`` has
(``core.export.merge.merge_export``), fed with an export built straight from a
store: push (local -> team), pull (team -> local), then push again so the merge
rows the pull recorded reach the team too. Conflicts are listed and kept in
history on both sides; a second sync finds nothing to do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...export.merge import Export, ImportedArticle, MergeResult, merge_export
from ...export.report import utc_now


@dataclass
class SyncResult:
    pushed: MergeResult
    pulled: MergeResult
    settled: MergeResult
    conflicts: list[Any] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(
            r.articles_added or r.verdicts_imported or r.history_added
            for r in (self.pushed, self.pulled, self.settled)
        )

    def summary(self) -> str:
        def part(r: MergeResult) -> str:
            return (
                f"{len(r.articles_added)} article(s) added, {r.verdicts_imported} verdict(s) "
                f"taken, {r.history_added} history row(s)"
            )

        return (
            f"pushed: {part(self.pushed)}; pulled: {part(self.pulled)}; "
            f"{len(self.conflicts)} conflict(s)"
        )


def store_export(store: Any, name: str) -> Export:
    """Everything in ``store`` as a validated-shape Export (what ``import`` merges)."""
    articles = []
    for summary in store.articles():
        article = store.article(summary.id)
        verdicts = dict(store.verdicts(summary.id))
        articles.append(
            ImportedArticle(
                article=article,
                claims=store.claims(summary.id),
                verdicts=verdicts,
                history=store.history(article_id=summary.id),
            )
        )
    return Export(
        name=name,
        articles=articles,
        exported_by=store.reviewer,
        generated_at=utc_now(),
        complete=True,
    )


def _where(store: Any) -> str:
    return str(getattr(store, "location", None) or store.path or "the workspace")


def sync(local: Any, team: Any, now: str | None = None) -> SyncResult:
    """Push ``local``'s work to ``team``, pull the team's, push the merge rows back."""
    pushed = merge_export(team, store_export(local, _where(local)), now=now)
    pulled = merge_export(local, store_export(team, _where(team)), now=now)
    settled = merge_export(team, store_export(local, _where(local)), now=now)
    conflicts = [*pushed.conflicts, *pulled.conflicts, *settled.conflicts]
    return SyncResult(pushed, pulled, settled, conflicts)
