"""One article under review: the only part of the TUI that talks to the store.

``ReviewSession`` holds what the review screen shows (the article, its claims, their
verdicts, the history read once) and turns the reviewer's keys into store calls.
It imports no Textual: every method returns the new record or raises
WorkbenchError, and the screen tells its widgets what changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from workbench.core.errors import StoreError, WorkbenchError
from workbench.core.models import STATUSES, Change, Claim, Verdict
from workbench.core.services.link_checks import LinkCheckRun
from workbench.core.store.interface import Store


@dataclass
class Undone:
    """What an undo/redo changed in this article."""

    changes: list[Change]
    touched: list[str] = field(default_factory=list)
    """Claim ids of this article whose verdict changed, in order."""
    claims_changed: bool = False
    """A claim was added or removed (the list must be reloaded)."""


class ReviewSession:
    """The article ``article_id`` of ``store``, as the review screen shows it."""

    def __init__(self, store: Store, article_id: str) -> None:
        self.store = store
        self.article = store.article(article_id)
        self.claims: list[Claim] = []
        self.by_id: dict[str, Claim] = {}
        self.verdicts: dict[str, Verdict] = {}
        # The history of every claim, read once: a history query can read the whole
        # article, too slow for every move. A changed claim's history is re-read when
        # it is next shown.
        self._histories: dict[str, list[Change]] | None = None
        self._stale: set[str] = set()
        self._sentences: list[tuple[int, int]] | None = None
        self._conflicts: dict[str, tuple[str, ...]] = {}
        self._counts: dict[str, int] | None = None
        self.reload()

    # ------------------------------------------------------------------ reading
    def reload(self) -> None:
        """Read the article's claims and verdicts again (another process changed them)."""
        self.article = self.store.article(self.article.id)
        self.claims = self.store.claims(self.article.id)
        self.by_id = {c.id: c for c in self.claims}
        self.verdicts = self.store.verdicts(self.article.id)
        self._histories = None
        self._counts = None

    @property
    def readonly(self) -> bool:
        return bool(self.store.readonly)

    @property
    def reviewer(self) -> str:
        return str(self.store.reviewer)

    readonly_reason = "another workbench has this workspace open"
    """Why the store is read-only (the app says "opened with --readonly" when asked)."""

    def refuse_if_readonly(self, what: str) -> None:
        """Raise StoreError before an editor opens, not after the reviewer typed."""
        if self.readonly:
            raise StoreError(
                f"read-only: {self.readonly_reason}, so {what} cannot be saved here"
            )

    def verdict(self, claim_id: str) -> Verdict:
        claim = self.by_id.get(claim_id)
        return self.verdicts.get(claim_id) or Verdict(
            claim_id, claim.article_id if claim else self.article.id
        )

    def status_of(self, claim_id: str) -> str:
        verdict = self.verdicts.get(claim_id)
        return verdict.status if verdict else "unreviewed"

    def counts(self) -> dict[str, int]:
        """Claims per status, kept up to date by every change (a mark at 10,000 claims
        does not count them all again)."""
        if self._counts is None:
            counts = dict.fromkeys(STATUSES, 0)
            for claim in self.claims:
                status = self.status_of(claim.id)
                counts[status] = counts.get(status, 0) + 1
            self._counts = counts
        return dict(self._counts)

    def statuses(self) -> dict[str, str]:
        return {cid: v.status for cid, v in self.verdicts.items()}

    def history_of(self, claim_id: str) -> list[Change]:
        try:
            histories = self._load_histories()
            if claim_id in self._stale:
                histories[claim_id] = self.store.history(self.article.id, claim_id)
                self._stale.discard(claim_id)
                self._conflicts[claim_id] = merge_conflicts(histories[claim_id])
        except WorkbenchError:
            return []
        return histories.get(claim_id, [])

    def _load_histories(self) -> dict[str, list[Change]]:
        if self._histories is None:
            self._histories = {}
            for change in self.store.history(self.article.id):
                self._histories.setdefault(change.claim_id, []).append(change)
            self._stale.clear()
            self._conflicts = {cid: merge_conflicts(rows) for cid, rows in self._histories.items()}
        return self._histories

    def conflicts(self) -> dict[str, tuple[str, ...]]:
        """Claims a merge decided by "later change wins", with the fields it decided:
        flagged until a reviewer confirms (any edit of the claim) or changes them."""
        try:
            self._load_histories()
        except WorkbenchError:
            return {}
        return {cid: f for cid, f in self._conflicts.items() if f}

    def conflict_of(self, claim_id: str, fresh: bool = True) -> tuple[str, ...]:
        """The flagged fields of one claim (``fresh=False``: as last read, without a
        store query: after the reviewer's own edit it is clear anyway)."""
        if fresh:
            self.history_of(claim_id)
        return self._conflicts.get(claim_id, ())

    # ------------------------------------------------------------------ writing
    def _changed(self, verdict: Verdict) -> Verdict:
        if self._counts is not None and verdict.claim_id in self.by_id:
            old = self.status_of(verdict.claim_id)
            self._counts[old] = self._counts.get(old, 0) - 1
            self._counts[verdict.status] = self._counts.get(verdict.status, 0) + 1
        self.verdicts[verdict.claim_id] = verdict
        self._stale.add(verdict.claim_id)
        self._conflicts.pop(verdict.claim_id, None)
        return verdict

    def set_status(self, claim_id: str, status: str) -> Verdict:
        return self._changed(self.store.set_status(self.article.id, claim_id, status))

    def set_note(self, claim_id: str, note: str) -> Verdict:
        return self._changed(self.store.set_note(self.article.id, claim_id, note))

    def add_link(self, claim_id: str, url: str, title: str, stance: str | None) -> Verdict:
        return self._changed(
            self.store.add_link(self.article.id, claim_id, url, title=title, stance=stance)
        )

    def update_link(self, claim_id: str, url: str, title: str, stance: str) -> Verdict:
        """Change a link's stance and title (one history row per changed attribute)."""
        from workbench.core.services.reviewing import edit_link

        edited = edit_link(self.store, self.ref(claim_id), url, stance=stance, title=title)
        return self._changed(edited.verdict)

    def set_label(self, claim_id: str, label: str) -> Verdict:
        """The reviewer's wording ("" goes back to the extracted label)."""
        from workbench.core.services.reviewing import relabel

        return self._changed(relabel(self.store, self.ref(claim_id), label).verdict)

    def ref(self, claim_id: str) -> str:
        """The claim as the services name it (unambiguous across articles)."""
        return f"{self.article.id}:{claim_id}"

    def sentences(self) -> list[tuple[int, int]]:
        """(start, end) of the article's sentences, for the keyboard selection."""
        if self._sentences is None:
            from workbench.core.nlp.consistency import split_sentences

            self._sentences = split_sentences(self.article.text)
        return self._sentences

    def existing_claim(self, start: int, end: int) -> Claim | None:
        return next((c for c in self.claims if (c.start, c.end) == (start, end)), None)

    def add_claim(self, claim: Claim) -> Claim:
        """Store a reviewer's claim (derived in a worker by services.claims); undoable."""
        stored = self.store.add_claim(self.article.id, claim)
        self.reload()
        return stored

    def remove_link(self, claim_id: str, url: str) -> Verdict:
        return self._changed(self.store.remove_link(self.article.id, claim_id, url))

    def save_checks(self, claim_id: str, run: LinkCheckRun) -> Verdict:
        """Store a link-check run (services.link_checks.save_checks: a refused check
        keeps the link's earlier result)."""
        from workbench.core.services.link_checks import save_checks

        save_checks(self.store, run)
        return self._changed(self.store.verdict(self.article.id, claim_id))

    # ------------------------------------------------------------ checked before
    def match_job(self) -> Any:
        """What matching this article needs from the store (read here, on the main
        thread); ``services.run_match_job`` then runs in a worker (core.match)."""
        from workbench.core.match.service import match_job

        return match_job(self.store, self.article.id)

    def apply_match(self, claim_id: str, match: Any) -> Verdict:
        """The earlier verdict as one undoable change of this reviewer."""
        from workbench.core.match.service import apply_match

        return self._changed(apply_match(self.store, self.article.id, claim_id, match))

    def dismiss_match(self, claim_id: str, match: Any) -> None:
        from workbench.core.match.service import dismiss_match

        dismiss_match(self.store, self.article.id, claim_id, match)

    def undo(self, redo: bool = False) -> Undone:
        changes = self.store.redo() if redo else self.store.undo()
        done = Undone(changes)
        for change in changes:
            if change.article_id != self.article.id:
                continue
            if change.field == "claim" or change.claim_id not in self.by_id:
                done.claims_changed = True
            if change.claim_id not in done.touched:
                done.touched.append(change.claim_id)
        if done.claims_changed:
            self.reload()
        else:
            for claim_id in done.touched:
                if claim_id in self.by_id:
                    self._changed(self.store.verdict(self.article.id, claim_id))
        return done


REVIEWER_ACTIONS = ("edit", "undo", "redo")


def merge_conflicts(changes: list[Change]) -> tuple[str, ...]:
    """The fields of one claim whose last change was a merge's "later change wins"
    decision (history action ``merge``) with no reviewer edit since."""
    flagged: list[str] = []
    for change in changes:
        if change.action == "merge":
            if change.field not in flagged:
                flagged.append(change.field)
        elif change.action in REVIEWER_ACTIONS:
            flagged = []
    return tuple(flagged)
