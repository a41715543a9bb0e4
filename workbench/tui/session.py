"""One article under review: the only part of the TUI that talks to the store.

``ReviewSession`` holds what the review screen shows (the article, its claims, their
verdicts, the history read once) and turns the reviewer's keys into store calls.
It imports no Textual: every method returns the new record or raises
WorkbenchError, and the screen tells its widgets what changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NoReturn

from workbench.core.errors import Conflict, Offline, StoreError, WorkbenchError
from workbench.core.models import STATUSES, Change, Claim, Verdict
from workbench.core.services import presence
from workbench.core.services.link_checks import LinkCheckRun
from workbench.core.services.presence import Board
from workbench.core.store.interface import Store

from .kept import UNREACHABLE, Disputed, Kept


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
        self.online = True
        """False while the team server is unreachable (the app follows the connection):
        changes are kept, not tried (a try would wait for the reconnect)."""
        self.kept: dict[tuple[str, str, str], Kept] = {}
        """Changes not saved because the server was unreachable, oldest first."""
        self.disputed: Disputed | None = None
        """The last change refused by a conflict, until the reviewer decides."""
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

    # Every edit of a verdict field goes through ``save``: on a team workspace a change
    # made while the server is unreachable is kept (and saved by ``save_kept`` once it
    # is back), and a colleague's change of the same field since the reviewer loaded
    # it is a Conflict, kept in ``disputed`` until the reviewer keeps one value.
    # ``base``: the value the reviewer's editor started from.

    def set_status(self, claim_id: str, status: str) -> Verdict:
        return self.save(Kept(claim_id, "status", (status,)))

    def set_note(self, claim_id: str, note: str, base: str | None = None) -> Verdict:
        return self.save(Kept(claim_id, "note", (note,), base))

    def add_link(self, claim_id: str, url: str, title: str, stance: str | None) -> Verdict:
        return self.save(Kept(claim_id, "link", (url, title, stance)))

    def update_link(self, claim_id: str, url: str, title: str, stance: str,
                    base: tuple[str, str] | None = None) -> Verdict:
        """Change a link's stance and title (one history row per changed attribute)."""
        return self.save(Kept(claim_id, "link", (url, title, stance), base, edit=True))

    def set_label(self, claim_id: str, label: str, base: str | None = None) -> Verdict:
        """The reviewer's wording ("" goes back to the extracted label)."""
        return self.save(Kept(claim_id, "label", (label,), base))

    def remove_link(self, claim_id: str, url: str) -> Verdict:
        return self.save(Kept(claim_id, "unlink", (url,)))

    def save(self, kept: Kept, check: bool = True) -> Verdict:
        """Write one change (``check=False``: the reviewer chose to keep theirs over a
        colleague's value). Offline: kept, and Offline says so; Conflict: ``disputed``."""
        if not self.online:
            self.keep(kept)
            raise Offline(UNREACHABLE)
        if check and kept.base is not None:
            now = kept.value_in(self.verdict(kept.claim_id))
            if now not in (kept.base, kept.yours):
                self._dispute(kept, now, "")
        try:
            verdict = self._write(kept)
        except Offline:
            self.keep(kept)
            raise Offline(UNREACHABLE) from None
        except Conflict as exc:
            self._dispute(kept, exc.theirs, exc.reviewer, exc)
        self.kept.pop(kept.key, None)
        return self._changed(verdict)

    def keep(self, kept: Kept) -> None:
        self.kept.pop(kept.key, None)
        self.kept[kept.key] = kept

    def kept_value(self, claim_id: str, field: str) -> Any:
        """The value of a change kept for this claim's field (e.g. the unsaved note)."""
        kept = self.kept.get((claim_id, field, ""))
        return None if kept is None else kept.yours

    def save_kept(self) -> tuple[int, list[WorkbenchError]]:
        """Save the kept changes, oldest first: (saved, errors); a Conflict stops (the
        reviewer decides it first), an unreachable server keeps the rest."""
        saved, errors = 0, list[WorkbenchError]()
        for key in list(self.kept):
            kept = self.kept.get(key)
            if kept is None:
                continue
            try:
                self.save(kept)
            except Offline as exc:
                errors.append(exc)
                break
            except Conflict as exc:
                self.kept.pop(key, None)
                errors.append(exc)
                break
            except WorkbenchError as exc:  # e.g. the claim is gone: say so, drop it
                self.kept.pop(key, None)
                errors.append(exc)
                continue
            saved += 1
        return saved, errors

    def keep_mine(self) -> Verdict:
        """Write the disputed change over the colleague's value (a new change, in
        history, undoable)."""
        disputed, self.disputed = self.disputed, None
        if disputed is None:
            raise StoreError("there is no conflict to decide")
        return self.save(disputed.kept, check=False)

    def keep_theirs(self) -> Verdict:
        """Drop the disputed change; the claim shows the value now stored."""
        disputed, self.disputed = self.disputed, None
        if disputed is None:
            raise StoreError("there is no conflict to decide")
        self.kept.pop(disputed.kept.key, None)
        return self._changed(self.store.verdict(self.article.id, disputed.kept.claim_id))

    def _dispute(self, kept: Kept, theirs: Any, who: str,
                 exc: Conflict | None = None) -> NoReturn:
        self._stale.add(kept.claim_id)
        self.disputed = Disputed.of(kept, theirs, who, self.history_of(kept.claim_id))
        if exc is not None:
            raise exc
        raise Conflict(
            f"{who or 'a colleague'} changed the {self.disputed.field} of this claim while you "
            "edited it; nothing was saved yet",
            field=self.disputed.field, theirs=theirs, yours=kept.yours,
            reviewer=self.disputed.who, article_id=self.article.id, claim_id=kept.claim_id,
        )

    def _write(self, kept: Kept) -> Verdict:
        aid, cid, args = self.article.id, kept.claim_id, kept.args
        if kept.field == "status":
            return self.store.set_status(aid, cid, args[0])
        if kept.field == "note":
            return self.store.set_note(aid, cid, args[0])
        if kept.field == "label":
            from workbench.core.services.reviewing import relabel

            return relabel(self.store, self.ref(cid), args[0]).verdict
        if kept.field == "unlink":
            return self.store.remove_link(aid, cid, args[0])
        url, title, stance = args
        if kept.edit:
            # the store directly: reviewing.edit_link reads the verdict first, which
            # would count a colleague's change as seen and hide the conflict
            return self.store.update_link(aid, cid, url, title=title, stance=stance)
        return self.store.add_link(aid, cid, url, title=title, stance=stance)

    # --------------------------------------------------------- who is on what
    def board(self) -> Board:
        """Assignments and who is on which claim (team workspaces; empty otherwise)."""
        return presence.board(self.store, self.article.id)

    def take(self, claim_id: str | None = None) -> bool:
        """Colleagues see this reviewer on the article (or claim); False if not marked."""
        return presence.take(self.store, self.article.id, claim_id)

    def release(self, claim_id: str | None = None) -> bool:
        return presence.release(self.store, self.article.id, claim_id)

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
        self.need_online("add the claim")
        stored = self.store.add_claim(self.article.id, claim)
        self.reload()
        return stored

    def save_checks(self, claim_id: str, run: LinkCheckRun) -> Verdict:
        """Store a link-check run (services.link_checks.save_checks: a refused check
        keeps the link's earlier result)."""
        from workbench.core.services.link_checks import save_checks

        self.need_online("check the links")
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

        self.need_online("apply the match")
        return self._changed(apply_match(self.store, self.article.id, claim_id, match))

    def dismiss_match(self, claim_id: str, match: Any) -> None:
        from workbench.core.match.service import dismiss_match

        dismiss_match(self.store, self.article.id, claim_id, match)
        self._stale.add(claim_id)  # a history row: the detail pane's History shows it

    def need_online(self, what: str) -> None:
        """Offline: say so at once (a try would wait for the reconnect; only the
        edits of a verdict field are kept for later)."""
        if not self.online:
            raise Offline(f"not done: team server unreachable — {what} once it is back online")

    def undo(self, redo: bool = False) -> Undone:
        self.need_online("redo" if redo else "undo")
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
