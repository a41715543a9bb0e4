"""The review screen on a team workspace: the connection, kept changes, conflicts, and
who is on which claim. ``ReviewScreen`` extends it (it uses the screen's session and
widgets); on a local folder workspace none of it shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.content import Content
from textual.screen import Screen

from workbench.core.errors import Conflict, Offline, WorkbenchError
from workbench.core.models import Verdict

from .. import render
from ..team import TeamState
from ..widgets.article_view import ArticleView
from ..widgets.claims_table import ClaimsTable
from ..widgets.status_line import StatusLine

if TYPE_CHECKING:
    from ..session import ReviewSession


class TeamReview(Screen[None]):
    """Team parts of the review screen."""

    session: ReviewSession
    _presence_timer: Any = None
    _release_later: set[str]

    if TYPE_CHECKING:  # the review screen's own, used here

        def refresh_status(self) -> None: ...

        def verdict_changed(self, verdict: Verdict, show: bool = True,
                            fresh: bool = False) -> None: ...

        def outside_change(self) -> None: ...

        current: str | None

        def show_claim(self, claim_id: str | None) -> None: ...

    # -------------------------------------------------------------- state
    @property
    def alive(self) -> bool:
        """Mounted with all its panes (not half mounted or being taken down: a live
        signal can arrive while the app opens or closes, between two panes)."""
        return (self.is_mounted and self.is_attached and bool(self.query(ClaimsTable))
                and bool(self.query(ArticleView)) and bool(self.query(StatusLine)))

    @property
    def team(self) -> TeamState | None:
        state = getattr(self.app, "team", None)
        if state is not None:
            state.unsaved = len(self.session.kept)
        return state

    def start_presence(self) -> None:
        """Mark this reviewer as on the article (renewed while it stays open)."""
        self._release_later = set()
        if self.team is None:
            return
        self._take()
        self.refresh_presence()
        self._presence_timer = self.set_interval(5 * 60, self._take, name="presence")

    def _take(self) -> None:
        if self.session.online:
            self.session.take()

    def stop_presence(self) -> None:
        if self._presence_timer is not None:
            self._presence_timer.stop()
        if self.team is not None and self.session.online:
            self.session.release()

    def refresh_presence(self) -> None:
        """Show who else is on which claim of this article (after a live signal)."""
        if self.team is None or not self.alive:
            return
        taken = self.session.board().claims_taken(self.session.article.id,
                                                   exclude=self.session.reviewer)
        table = self.query_one(ClaimsTable)
        table.set_taken(taken, self.session.verdicts)

    def working_on(self, claim_id: str | None, done: bool = False) -> None:
        """An editor for the claim opened (or closed): colleagues see who is on it."""
        if self.team is None or claim_id is None:
            return
        if not self.session.online:
            if done:  # released once the server is back (else it shows until it expires)
                self._release_later.add(claim_id)
            return
        self._release_later.discard(claim_id)
        if done:
            self.session.release(claim_id)
        else:
            self.session.take(claim_id)

    def kept_notice(self, claim_id: str) -> Content | None:
        """The detail pane's line about this claim's changes that are not saved yet."""
        kept = [k.what for k in self.session.kept.values() if k.claim_id == claim_id]
        if not kept:
            return None
        return Content.styled(
            f"Not saved yet (team server unreachable): {', '.join(kept)} — kept, saved once "
            "it is back (ctrl+r: try now)", "bold #d29922")

    def connection_changed(self, online: bool) -> None:
        """The app heard from the server's watcher: say so; once back, save what was kept."""
        self.session.online = online
        if not self.alive:
            return
        self.refresh_status()
        if not online:
            return
        self._take()
        for claim_id in sorted(self._release_later):
            self.session.release(claim_id)
        self._release_later.clear()
        if self.session.kept:
            self.save_kept()

    # ---------------------------------------------------------- failures
    def save_failed(self, exc: WorkbenchError) -> bool:
        """Offline (kept) or Conflict (the dialog): handled here; False for the others."""
        if isinstance(exc, Offline):
            # Tried and unreachable: no more tries (each waits for the reconnect) until
            # the watcher says the server is back, or the reviewer asks (ctrl+r).
            self.session.online = False
            state = self.team
            if state is not None:
                state.online = False
            self.refresh_status()
            self.show_claim(self.current)  # its "not saved yet" line
            self.notify(render.message(exc), severity="warning", markup=False, timeout=8)
            return True
        if isinstance(exc, Conflict) and self.session.disputed is not None:
            self.ask_conflict()
            return True
        return False

    def ask_conflict(self) -> None:
        from .conflict import ConflictDialog

        disputed = self.session.disputed
        if disputed is None:
            return
        claim = self.session.by_id.get(disputed.kept.claim_id)
        label = render.claim_label(claim, self.session.verdicts.get(claim.id)) if claim else ""

        def decided(which: str | None) -> None:
            try:
                if which == "mine":
                    verdict = self.session.keep_mine()
                    said = (f"Kept yours: {disputed.kept.what} is saved over theirs "
                            "(ctrl+z undoes it).")
                else:
                    verdict = self.session.keep_theirs()
                    said = f"Kept theirs: {disputed.kept.what} of yours was not saved."
            except WorkbenchError as exc:
                if not self.save_failed(exc):
                    self.notify(render.message(exc), severity="error", markup=False)
                return
            self.after_decision(verdict)
            self.notify(said, timeout=5, markup=False)

        self.app.push_screen(
            ConflictDialog(disputed, label, self.session.reviewer), decided)

    def after_decision(self, verdict: Verdict) -> None:
        self.verdict_changed(verdict, fresh=True)

    def save_kept(self) -> None:
        """Save the changes kept while the server was unreachable (and say how it went)."""
        saved, errors = self.session.save_kept()
        self.outside_change()
        if saved:
            self.notify(f"Saved {saved} change(s) kept while the team server was unreachable.",
                        timeout=5)
        for exc in errors:
            if not self.save_failed(exc):
                self.notify(render.message(exc), severity="error", markup=False)

    def action_retry_kept(self) -> None:
        if not self.session.kept:
            self.notify("Nothing is waiting to be saved.", timeout=3)
            return
        self.session.online = True  # the reviewer says try: a try tells us either way
        self.save_kept()
