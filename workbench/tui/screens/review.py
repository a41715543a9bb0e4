"""The review screen: claims list, article pane, detail pane, status line, footer.

The screen reaches the store only through its ``ReviewSession`` (on the main thread):
every change is written at once, then the widgets are told what changed.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any, TypeVar

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import DataTable, Input, Static

from workbench.core.errors import WorkbenchError
from workbench.core.models import FINAL_STATUSES, STATUSES, Article, Claim, Verdict
from workbench.core.services.link_checks import LinkTarget
from workbench.core.store.interface import Store
from workbench.core.text import strip_controls

from .. import render
from ..keys import MATCH_ACTIONS, REVIEW_BINDINGS, footer_order
from ..messages import AppAction, ClaimDerived, LinksChecked, MatchesFound
from ..session import ReviewSession
from ..widgets.article_view import ArticleView
from ..widgets.claims_table import ClaimsTable
from ..widgets.detail import DetailPane
from ..widgets.footer import FittingFooter
from ..widgets.status_line import StatusLine
from .review_team import TeamReview

NARROW_BELOW = 100
"""Columns: below, the screens are -narrow (``WorkbenchApp.HORIZONTAL_BREAKPOINTS``)."""

T = TypeVar("T")
SORTS = ("article order", "worthiness", "status")
SORT_SHORT = {"article order": "article", "worthiness": "worthiness", "status": "status"}


def worthiness_key(claim: Claim) -> tuple[int, float]:
    """Most check-worthy first: every scored claim, highest score first. Claims without
    a score come after all of them (a score is the only ranking the sort has; an unscored
    claim is not known to be worth more than a scored one): consistency claims (a
    contradiction inside the article) first among those, then the other unscored ones."""
    if claim.worthiness is not None:
        return (0, -claim.worthiness)
    return (1, 0.0) if claim.kind == "consistency" else (2, 0.0)


class ReviewScreen(TeamReview):
    """Triage the claims of one article (the store is reached through ``session``)."""

    BINDINGS = [
        *footer_order(REVIEW_BINDINGS),
    ]
    AUTO_FOCUS = "#claims"

    def __init__(self, store: Store, article_id: str, *, cursor_blink: bool = True,
                 advance_on_mark: bool = True, model: str | None = None,
                 allow_private: bool = False) -> None:
        super().__init__()
        self.model = model
        """The spaCy pipeline that derives a hand-made claim's kind and value."""
        self.allow_private = allow_private
        """Link checks may reach private addresses (``workbench --allow-private``)."""
        self.session = ReviewSession(store, article_id)
        self.cursor_blink = cursor_blink
        self.advance_on_mark = advance_on_mark
        self.text_filter = ""
        self.status_filter: set[str] = set()
        """Statuses shown (empty: all); 4 then 5 shows disputed or false claims."""
        self.sort_mode = 0
        self.current: str | None = None
        self.resumed: str | None = None
        """The claim the list opened at, its first unreviewed one (None: at the top)."""
        self.resumed_row = 0
        self.matches: dict[str, list[Any]] = {}
        """Earlier checks per claim id (core.match), filled by a worker after mount."""
        self._match_keys = False
        """Whether the footer shows M and W (the current claim has a match)."""
        self._toggled_before = False
        """Whether the article pane was toggled when m started a selection (restored after)."""
        self.matching_done = asyncio.Event()
        """Set once the first matching has finished (or there was nothing to match)."""

    @property
    def article(self) -> Article:
        return self.session.article

    @property
    def claims(self) -> list[Claim]:
        return self.session.claims

    @property
    def by_id(self) -> dict[str, Claim]:
        return self.session.by_id

    @property
    def verdicts(self) -> dict[str, Verdict]:
        return self.session.verdicts

    # ----------------------------------------------------------------- layout
    def compose(self) -> ComposeResult:
        yield StatusLine(id="status-line")
        with Horizontal(id="body"):
            with Vertical(id="left"):
                yield Input(
                    placeholder="filter: words, kind, claim type or speaker "
                    "(enter: keep, escape: clear)", id="filter"
                )
                yield ClaimsTable(id="claims")
                yield Static("", markup=False, id="list-info")
                yield DetailPane(id="detail")
            yield ArticleView(id="article")
        yield FittingFooter()

    def on_mount(self) -> None:
        self.query_one("#filter", Input).cursor_blink = self.cursor_blink
        self.query_one(ArticleView).set_article(self.article.text, self.claims, self.statuses())
        self.refresh_status()
        # Fill the list once the layout has given it a width (one fill, not one per resize).
        self.call_after_refresh(self._first_fill)
        self.start_presence()
        if not self.claims:
            self.query_one(DetailPane).show(
                render.line("No checkable claims were found in this article. Press m to "
                            "add one by hand: select its words in the article, then enter.")
            )

    def _first_fill(self) -> None:
        # Coming back to a half-done article: start at its first unreviewed claim (the
        # list's line says so; g goes to the top). An article with none, or whose first
        # claim is unreviewed, starts at the top as before.
        self.current = self._resume_at()
        self.refill()
        # Matching reads the store and loads its index: only once the filled list has been
        # painted, so that the first frame does not wait for it.
        self.call_after_refresh(self.find_matches)

    def _resume_at(self) -> str | None:
        """The first unreviewed claim in list order when claims before it are marked
        (``resumed`` says which, for the list's line); None: start at the top."""
        rows = self.visible_claims()
        first = next((i for i, c in enumerate(rows) if self.status_of(c.id) == "unreviewed"),
                     None)
        if not first:  # none unreviewed (or the first one is): the top
            self.resumed = None
            return None
        self.resumed = rows[first].id
        self.resumed_row = first + 1
        return rows[first].id

    def statuses(self) -> dict[str, str]:
        return self.session.statuses()

    def status_of(self, claim_id: str) -> str:
        return self.session.status_of(claim_id)

    # ------------------------------------------------------------ list state
    def visible_claims(self) -> list[Claim]:
        needle = self.text_filter.casefold()
        rows = [
            c
            for c in self.claims
            if (not self.status_filter or self.status_of(c.id) in self.status_filter)
            and (not needle or needle in self._haystack(c))
        ]
        mode = SORTS[self.sort_mode]
        if mode == "worthiness":
            rows.sort(key=worthiness_key)
        elif mode == "status":
            order = {s: i for i, s in enumerate(STATUSES)}
            rows.sort(key=lambda c: order.get(self.status_of(c.id), 0))
        return rows

    def _haystack(self, claim: Claim) -> str:
        verdict = self.verdicts.get(claim.id)
        # what the list and the detail pane show of it: its type and who said it too
        parts = [claim.label, claim.sentence, claim.kind, claim.claim_type or "",
                 claim.speaker or ""]
        if verdict is not None:
            parts += [verdict.note, verdict.label]
        return "\n".join(parts).casefold()

    def refill(self) -> None:
        table = self.query_one(ClaimsTable)
        rows = self.visible_claims()
        table.fill(rows, self.statuses(), self.verdicts, keep=self.current,
                   conflicts=self.session.conflicts(), matched=set(self.matches))
        self.refresh_list_info(len(rows))
        if not rows:
            self.current = None
            self.query_one(ArticleView).set_current(None)
            if self.claims:
                self.query_one(DetailPane).show(
                    render.line("No claim matches the filter (press 0 to clear it).")
                )
        else:
            self.show_claim(table.current_key)

    def refresh_list_info(self, shown: int | None = None) -> None:
        if shown is None:
            shown = self.query_one(ClaimsTable).row_count
        filtered = bool(self.status_filter or self.text_filter)
        count = f"{shown}/{len(self.claims)}" + ("" if filtered else " claims")
        parts = [count, f"sort: {SORT_SHORT[SORTS[self.sort_mode]]}"]
        if self.status_filter:
            chosen = [s for s in STATUSES if s in self.status_filter]
            parts.append("only " + " or ".join(render.STATUS_LABEL.get(s, s) for s in chosen))
        if self.text_filter:
            parts.append(f"“{render.message(self.text_filter, 14)}”")
        if filtered or self.sort_mode:  # "#N" counted the list as it opened
            self.resumed = None
        if self.resumed is not None and self.resumed == self.current:
            parts.append(f"from #{self.resumed_row}, the first unreviewed (g: top)")
        self.query_one("#list-info", Static).update(render.line(" · ".join(parts), style="dim"))

    def on_unmount(self) -> None:
        self.stop_presence()

    def refresh_status(self) -> None:
        self.query_one(StatusLine).show(
            self.article.title or self.article.source,
            self.session.counts(),
            self.session.reviewer,
            self.session.readonly,
            self.team,
        )

    def show_claim(self, claim_id: str | None) -> None:
        """Show a claim in the detail and article panes (called in the same handler as
        the cursor move, so the list, the detail and the article change in one frame)."""
        moved_off = self.resumed is not None and claim_id != self.resumed
        self.current = claim_id
        if moved_off:  # the note under the list was about where it started
            self.resumed = None
            self.refresh_list_info()
        claim = self.by_id.get(claim_id or "")
        if claim is None:
            return
        verdict = self.session.verdict(claim.id)
        history = self.session.history_of(claim.id)
        detail = self.query_one(DetailPane)
        content = render.claim_detail(claim, verdict, history, detail.size.width or 80,
                                      self.session.conflict_of(claim.id),
                                      self.matches.get(claim.id, ()))
        kept = self.kept_notice(claim.id)
        detail.show(content if kept is None else Content("\n").join([kept, content]))
        detail.scroll_home(animate=False)
        self.query_one(ArticleView).set_current(claim)
        self._match_keys_changed()

    @on(ClaimsTable.Relayout)
    def _relayout(self) -> None:
        self.refill()

    @on(DataTable.RowHighlighted, "#claims")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        # Moves by key already showed their claim; this follows the mouse and page keys.
        # A highlight the cursor has left already (a fill puts it on row 0, then on the
        # claim kept) is stale: following it would show another claim for a moment and
        # end where the list starts at the first unreviewed claim.
        key = event.row_key.value
        if key != self.current and key == self.query_one(ClaimsTable).current_key:
            self.show_claim(key)

    # --------------------------------------------------------------- helpers
    def attempt(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        """Call the session; a WorkbenchError becomes a notification, not a crash (a
        change kept while the team server is unreachable, or a conflict with a
        colleague's change: see ``TeamReview.save_failed``)."""
        try:
            return fn(*args, **kwargs)
        except WorkbenchError as exc:
            if not self.save_failed(exc):
                self.notify(render.message(exc), severity="error", markup=False)
            return None

    def writable(self, what: str) -> bool:
        """False (and say why) when nothing can be saved here: checked before an
        editor opens, so nobody types a note that is then thrown away."""
        try:
            self.session.refuse_if_readonly(what)
        except WorkbenchError as exc:
            self.notify(render.message(exc), severity="warning", markup=False, timeout=6)
            return False
        return True

    def current_claim(self) -> Claim | None:
        key = self.query_one(ClaimsTable).current_key
        return self.by_id.get(key or "")

    def verdict_changed(self, verdict: Verdict, show: bool = True, fresh: bool = False) -> None:
        """Update every widget after a change (``show=False``: the cursor is about to move
        on, so the detail pane need not be redrawn for this claim; ``fresh``: re-read the
        claim's history for its merge-conflict flag, after an undo)."""
        conflict = self.session.conflict_of(verdict.claim_id, fresh=fresh)
        self.query_one(ClaimsTable).set_verdict(verdict, self.by_id.get(verdict.claim_id),
                                                bool(conflict))
        self.query_one(ArticleView).set_status(verdict.claim_id, verdict.status)
        self.refresh_status()
        if show and verdict.claim_id == self.current:
            self.show_claim(self.current)

    # ----------------------------------------------------------------- moves
    def _move_to(self, row: int) -> None:
        table = self.query_one(ClaimsTable)
        if not table.row_count:
            return
        table.move_cursor(row=min(max(row, 0), table.row_count - 1), animate=False)
        key = table.current_key
        if key != self.current:
            self.show_claim(key)

    def action_move(self, delta: int) -> None:
        self._move_to(self.query_one(ClaimsTable).cursor_row + delta)

    def action_first(self) -> None:
        self._move_to(0)

    def action_last(self) -> None:
        self._move_to(self.query_one(ClaimsTable).row_count - 1)

    def action_next_unreviewed(self, step: int) -> None:
        table = self.query_one(ClaimsTable)
        keys = table.row_keys()
        if not keys:
            return
        n = len(keys)
        here = table.cursor_row
        for i in range(1, n + 1):
            row = (here + step * i) % n
            if self.status_of(keys[row]) == "unreviewed":
                self._move_to(row)
                if (step > 0 and row <= here) or (step < 0 and row >= here):
                    self.notify("Wrapped around the list.", timeout=2)
                return
        self.notify("No unreviewed claims left in this list.", timeout=3)

    # ----------------------------------------------------------------- marks
    def action_mark(self, status: str) -> None:
        """Mark the current claim, then (fast triage, as in Prodigy) move to the next row.

        Marking a claim with the status it already has still moves on; a refused change
        (read-only workspace) does not, so the reviewer sees where it failed.
        """
        claim = self.current_claim()
        if claim is None:
            return
        table = self.query_one(ClaimsTable)
        moves_on = self.advance_on_mark and table.cursor_row < table.row_count - 1
        if self.status_of(claim.id) != status:
            if not self.writable("the mark"):
                return
            done_before = self.all_reviewed()
            verdict = self.attempt(self.session.set_status, claim.id, status)
            if verdict is None:
                return
            self.verdict_changed(verdict, show=not moves_on)
            if not done_before and self.all_reviewed():
                self.notify(f"All {len(self.claims)} claims reviewed: e exports the report, "
                            "o opens another article.", timeout=8)
        if moves_on:
            self.action_move(1)

    def all_reviewed(self) -> bool:
        """Every claim of the article has a final status (dismissed counts)."""
        counts = self.session.counts()
        total = sum(counts.values())
        return total > 0 and sum(counts.get(s, 0) for s in FINAL_STATUSES) == total

    # --------------------------------------------------------------- editors
    def action_edit_note(self) -> None:
        claim = self.current_claim()
        if claim is None or not self.writable("a note"):
            return
        from .note import NoteEditor

        note = self.session.verdict(claim.id).note
        kept = self.session.kept_value(claim.id, "note")  # typed while offline, not saved

        def done(text: str | None) -> None:
            self.working_on(claim.id, done=True)
            if text is None or (text == note and kept is None):
                return
            verdict = self.attempt(self.session.set_note, claim.id, text, base=note)
            if verdict is not None:
                self.verdict_changed(verdict)
                self.notify("Note saved.", timeout=2)

        self.working_on(claim.id)
        self.app.push_screen(NoteEditor(self._label(claim), note if kept is None else kept,
                                        claim, cursor_blink=self.cursor_blink), done)

    def _label(self, claim: Claim) -> str:
        return render.claim_label(claim, self.verdicts.get(claim.id))

    def action_add_link(self) -> None:
        claim = self.current_claim()
        if claim is None or not self.writable("a link"):
            return
        from .link import LinkDialog, LinkForm

        def done(form: LinkForm | None) -> None:
            self.working_on(claim.id, done=True)
            if form is None:
                return
            verdict = self.attempt(self.session.add_link, claim.id, form.url, form.title,
                                   form.stance)
            if verdict is not None:
                self.verdict_changed(verdict)
                self.notify("Link saved.", timeout=2)

        links = self.session.verdict(claim.id).links
        self.working_on(claim.id)
        self.app.push_screen(LinkDialog(self._label(claim), validate_url, links,
                                        cursor_blink=self.cursor_blink), done)

    def action_manage_links(self) -> None:
        claim = self.current_claim()
        if claim is None:
            return
        from .link import LinkForm
        from .links import LinksDialog

        def remove(url: str) -> Verdict | None:
            if not self.writable("removing a link"):
                return None
            verdict = self.attempt(self.session.remove_link, claim.id, url)
            if verdict is not None:
                self.verdict_changed(verdict)
            return verdict

        def edit(form: LinkForm) -> Verdict | None:
            if not self.writable("a link"):
                return None
            verdict = self.attempt(self.session.update_link, claim.id, form.url, form.title,
                                   form.stance, base=bases.get(form.url))
            if verdict is not None:
                self.verdict_changed(verdict)
            return verdict

        shown = self.session.verdict(claim.id)
        bases = {link.url: (link.title, link.stance) for link in shown.links}
        self.working_on(claim.id)
        self.app.push_screen(
            LinksDialog(self._label(claim), shown, remove, edit,
                        cursor_blink=self.cursor_blink),
            lambda _: self.working_on(claim.id, done=True),
        )

    def action_reword(self) -> None:
        claim = self.current_claim()
        if claim is None or not self.writable("a new wording"):
            return
        from .label import LabelDialog

        base = self.session.verdict(claim.id).label

        def done(text: str | None) -> None:
            self.working_on(claim.id, done=True)
            if text is None:
                return
            verdict = self.attempt(self.session.set_label, claim.id, text, base=base)
            if verdict is not None:
                self.verdict_changed(verdict)
                self.notify("Claim reworded (ctrl+z undoes it)." if text else
                            "Back to the extracted label.", timeout=3)

        label = self.session.verdict(claim.id).label or claim.label or claim.anchor
        self.working_on(claim.id)
        self.app.push_screen(LabelDialog(claim, label, cursor_blink=self.cursor_blink), done)

    # ------------------------------------------------------- adding a claim
    def action_add_claim(self) -> None:
        """Select the claim's text in the article pane by keyboard (it starts as the
        current claim's sentence: trim it with [ and ], or move and extend)."""
        if not self.writable("a new claim"):
            return
        view = self.query_one(ArticleView)
        self._toggled_before = self.has_class("article-toggled")
        if self.has_class("-narrow"):
            self.add_class("article-toggled")
        else:
            self.remove_class("article-toggled")
        claim = self.current_claim()
        if claim is not None:
            start, end = claim.sentence_start, claim.sentence_end
        else:
            start = end = 0
        view.start_selection(self.session.sentences(), start, end)
        if claim is None and view.selection is not None:
            view.selection.select_sentence()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # While a claim is being selected only the selection's keys (and help/quit) act.
        if self.is_mounted and self.query_one(ArticleView).selection is not None:
            return action in ("help", "quit", "cycle_focus")
        if action in MATCH_ACTIONS:
            return self.current in self.matches
        return True

    def on_key(self, event: events.Key) -> None:
        """M or W on a claim with no earlier check says so. Their bindings are off there
        (out of the footer and the palette), so the key used to do nothing at all."""
        if self.current in self.matches or self.query_one(ArticleView).selection is not None:
            return
        bound = self._bindings.key_to_bindings.get(event.key, [])
        if any(b.action in MATCH_ACTIONS for b in bound):
            event.stop()
            self.notify("No earlier check of this claim was found.", markup=False)

    def _match_keys_changed(self) -> None:
        """Show M and W in the footer only where the current claim has a match."""
        shown = self.current in self.matches
        if shown != self._match_keys:
            self._match_keys = shown
            self.refresh_bindings()

    @on(ArticleView.SelectionMoved)
    def _selection_moved(self) -> None:
        selection = self.query_one(ArticleView).selection
        if selection is None:
            return
        self.query_one(DetailPane).show(render.selection_help(selection.selected))
        if self.has_class("-narrow"):  # the detail pane, which says it in words, is hidden
            info = self.query_one("#list-info", Static)
            info.update(render.selection_line(selection.selected, info.size.width or 78))

    def _selection_over(self) -> None:
        """The panes as they were before m: at 80 columns the article had taken the
        detail's place for the selection and kept it, hiding the claim just added."""
        self.set_class(self._toggled_before, "article-toggled")
        self.refresh_list_info()

    @on(ArticleView.SelectionCancelled)
    def _selection_cancelled(self) -> None:
        self._selection_over()
        self.query_one(ClaimsTable).focus()
        self.show_claim(self.current)

    @on(ArticleView.SpanChosen)
    def _span_chosen(self, message: ArticleView.SpanChosen) -> None:
        view = self.query_one(ArticleView)
        if message.end <= message.start:
            self.notify("Nothing is selected: move with ←/→, extend with shift.", timeout=4)
            return
        same = self.session.existing_claim(message.start, message.end)
        if same is not None:
            self.notify("That text is already a claim.", timeout=4)
            view.stop_selection()
            self._selection_over()
            self._focus_claim(same.id)
            return
        view.stop_selection()
        self._selection_over()
        self.query_one(ClaimsTable).focus()
        self.notify("Reading the new claim (the language model loads the first time)…",
                    timeout=4)
        article, model = self.article, self.model
        self.run_worker(lambda: self._derive_worker(article, message.start, message.end, model),
                        thread=True, group="add-claim", exit_on_error=False)

    def _derive_worker(self, article: Article, start: int, end: int, model: str | None) -> None:
        """Runs in a thread: kind, value and label as the extractor derives them."""
        from workbench.core.services.claims import Span, derive_claim

        try:
            claim = derive_claim(article, Span(start, end), model)
        except WorkbenchError as exc:
            self.post_message(ClaimDerived(article.id, None, render.message(exc)))
            return
        except Exception as exc:  # a bug, not a user error: a notice, not a crash
            self.post_message(ClaimDerived(article.id, None,
                                           render.message(f"{type(exc).__name__}: {exc}")))
            return
        self.post_message(ClaimDerived(article.id, claim))

    @on(ClaimDerived)
    def _claim_derived(self, message: ClaimDerived) -> None:
        if message.claim is None:
            self.notify(f"Could not add the claim: {message.error}", severity="error",
                        markup=False)
            return
        if message.article_id != self.article.id:
            return
        stored = self.attempt(self.session.add_claim, message.claim)
        if stored is None:
            return
        self.text_filter, self.status_filter = "", set()
        self.reload_claims(keep=stored.id)
        self._focus_claim(stored.id)
        self.notify(f"Added a {stored.kind} claim: {render.message(stored.label, 60)} "
                    "(ctrl+z undoes it).", timeout=5, markup=False)

    def _focus_claim(self, claim_id: str) -> None:
        table = self.query_one(ClaimsTable)
        table.focus()
        if claim_id in table.rows:
            self._move_to(table.get_row_index(claim_id))

    # ------------------------------------------------------------ link checks
    def action_check_links(self) -> None:
        """Check the claim's links in a worker (services.link_checks: the one rule, a
        refused check never replaces an earlier result), store them on the main thread."""
        claim = self.current_claim()
        if claim is None:
            return
        urls = [link.url for link in self.session.verdict(claim.id).links]
        if not urls:
            self.notify("This claim has no links to check.", timeout=3)
            return
        if not self.writable("a link check"):
            return
        from workbench.core.services.link_checks import LinkTarget

        self.notify(f"Checking {len(urls)} link(s)…", timeout=3)
        targets = [LinkTarget(self.article.id, claim.id, url) for url in urls]
        allow_private = self.allow_private
        self.run_worker(lambda: self._check_worker(targets, allow_private), thread=True,
                        group="check-links", exit_on_error=False)

    def _check_worker(self, targets: list[LinkTarget], allow_private: bool) -> None:
        """Runs in a thread: network only; the results go back as a message."""
        from workbench.core.services.link_checks import run_checks

        first = targets[0]
        try:
            run = run_checks(targets, allow_private=allow_private)
        except WorkbenchError as exc:
            self.post_message(LinksChecked(first.article_id, first.claim_id, None,
                                           render.message(exc)))
            return
        except Exception as exc:  # a bug, not a user error: a notice, not a crash
            self.post_message(LinksChecked(first.article_id, first.claim_id, None,
                                           render.message(f"{type(exc).__name__}: {exc}")))
            return
        self.post_message(LinksChecked(first.article_id, first.claim_id, run))

    @on(LinksChecked)
    def _links_checked(self, message: LinksChecked) -> None:
        if message.run is None:
            self.notify(message.error, severity="error", markup=False)
            return
        if message.article_id != self.article.id:
            return
        verdict = self.attempt(self.session.save_checks, message.claim_id, message.run)
        if verdict is not None:
            self.verdict_changed(verdict)
        self.notify(render.first_upper(render.message(message.run.summary())) + ".", timeout=6,
                    markup=False)

    # ------------------------------------------------------------ undo / redo
    def action_undo(self) -> None:
        self._apply_history(False, "Undo", "Nothing to undo.")

    def action_redo(self) -> None:
        self._apply_history(True, "Redo", "Nothing to redo.")

    def _apply_history(self, redo: bool, verb: str, nothing: str) -> None:
        if not self.writable(verb.lower()):
            return
        shown = self.query_one(ClaimsTable).row_keys()
        done = self.attempt(self.session.undo, redo)
        if done is None:
            return
        if not done.changes:
            self.notify(nothing, timeout=2)
            return
        if done.claims_changed:
            self.reload_claims(keep=self._kept_after(done.touched, shown))
        else:
            for claim_id in done.touched:
                verdict = self.verdicts.get(claim_id)
                if verdict is not None:
                    self.verdict_changed(verdict, fresh=True)
            table = self.query_one(ClaimsTable)
            if done.touched and done.touched[0] in table.rows:
                self._move_to(table.get_row_index(done.touched[0]))
        if any(c.field == "match.dismissed" and c.article_id == self.article.id
               for c in done.changes):
            self.find_matches()  # a dismissal undone or redone: match again
        change = done.changes[0]
        what = render.change_text(change.field, change.old, change.new).plain
        where = "" if change.article_id == self.article.id else " (in another article)"
        self.notify(f"{verb}: {what}{where}", timeout=3, markup=False)

    def _kept_after(self, touched: list[str], shown: list[str]) -> str | None:
        """The claim to stay on after an undo that added or removed claims: the first
        one it changed that still exists, else the row next to a removed one."""
        for claim_id in touched:
            if claim_id in self.by_id:
                return claim_id
        for claim_id in touched:
            if claim_id in shown:
                at = shown.index(claim_id)
                for key in shown[at + 1:] + shown[:at][::-1]:
                    if key in self.by_id:
                        return key
        return self.current

    def reload_claims(self, keep: str | None = None) -> None:
        """The claims themselves changed (a claim added, undone, another process):
        every pane is filled again from the session."""
        if keep is not None:
            self.current = keep
        self.query_one(ArticleView).set_article(self.article.text, self.claims, self.statuses())
        self.refresh_status()
        self.refill()

    def outside_change(self) -> None:
        """Another process changed the workspace (or this one became the writer):
        read the article again and show it, the cursor kept on its claim."""
        if not self.alive or self.query_one(ArticleView).selection is not None:
            return  # not while the reviewer is selecting; the next change refreshes
        if self.attempt(self.session.reload) is None and not self.claims:
            return
        self.reload_claims(keep=self.current)
        self.refresh_presence()

    # --------------------------------------------------------------- filters
    def action_filter_text(self) -> None:
        box = self.query_one("#filter", Input)
        box.add_class("shown")
        box.focus()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.text_filter = strip_controls(event.value).strip()
        self.refill()

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        box = self.query_one("#filter", Input)
        if not box.value:
            box.remove_class("shown")
        self.query_one(ClaimsTable).focus()

    def key_escape(self) -> None:
        box = self.query_one("#filter", Input)
        if box.has_focus:
            box.value = ""
            box.remove_class("shown")
            self.query_one(ClaimsTable).focus()

    def action_filter_status(self, index: int) -> None:
        """Toggle one status in the filter: 4 then 5 shows disputed or false claims."""
        if index >= len(STATUSES):
            return
        self.status_filter ^= {STATUSES[index]}
        self.refill()

    def action_clear_filters(self) -> None:
        self.status_filter = set()
        self.text_filter = ""
        box = self.query_one("#filter", Input)
        with box.prevent(Input.Changed):
            box.value = ""
        box.remove_class("shown")
        self.refill()

    def action_cycle_sort(self) -> None:
        self.sort_mode = (self.sort_mode + 1) % len(SORTS)
        self.refill()
        self.notify(f"Sorted by {SORTS[self.sort_mode]}.", timeout=2)

    # ---------------------------------------------------------------- layout
    def action_toggle_article(self) -> None:
        self.toggle_class("article-toggled")

    def on_resize(self, event: events.Resize) -> None:
        """A missed claim being selected stays in view across the 100-column breakpoint:
        "article-toggled" shows the article below it and hides it above (selecting at 80
        columns, then widening the terminal, hid the selection)."""
        if self.query(ArticleView) and self.query_one(ArticleView).selection is not None:
            self.set_class(event.size.width < NARROW_BELOW, "article-toggled")

    def action_cycle_focus(self) -> None:
        order = [w for w in (self.query_one(ClaimsTable), self.query_one(DetailPane),
                             self.query_one(ArticleView)) if w.display and w.region.width]
        if not order:
            return
        focused = self.focused
        index = next((i for i, w in enumerate(order) if w is focused), -1)
        order[(index + 1) % len(order)].focus()

    # ------------------------------------------------------ app-wide actions
    def action_help(self) -> None:
        self.post_message(AppAction("help"))

    def action_open_picker(self) -> None:
        self.post_message(AppAction("open_picker"))

    def action_export(self) -> None:
        self.post_message(AppAction("export", self.article.id))

    # ------------------------------------------------------------ checked before
    def find_matches(self) -> None:
        """Match the claims against earlier checks: the store is read here, the matching
        runs in a worker; nothing is applied (the reviewer presses M)."""
        self.matching_done.clear()
        try:
            job = self.session.match_job()
        except WorkbenchError:
            self.matching_done.set()
            return  # e.g. a team workspace: matching is not supported there yet
        from workbench.core.match.collection import FILE

        if not job.reviewed and not (job.folder / FILE).exists():
            self.matching_done.set()
            return  # nothing to match against
        self.run_worker(lambda: self._match_worker(job), thread=True, group="matches",
                        exit_on_error=False)

    def _match_worker(self, job: Any) -> None:
        from workbench.core.match.service import run_match_job

        try:
            found = run_match_job(job)
        except WorkbenchError:
            found = {}
        self.post_message(MatchesFound(job.article_id, found))

    @on(MatchesFound)
    def _matches_found(self, message: MatchesFound) -> None:
        if message.article_id != self.article.id:
            return
        self.matching_done.set()
        self.matches = message.matches
        self.query_one(ClaimsTable).set_matched(set(self.matches), self.verdicts)
        if self.current in self.matches:
            self.show_claim(self.current)
        self._match_keys_changed()

    def _first_match(self) -> tuple[Claim, Any] | None:
        claim = self.current_claim()
        if claim is None:
            return None
        found = self.matches.get(claim.id)
        if not found:
            self.notify("No earlier check of this claim was found.", markup=False)
            return None
        return claim, found[0]

    def action_apply_match(self) -> None:
        picked = self._first_match()
        if picked is None or not self.writable("the match"):
            return
        claim, match = picked
        verdict = self.attempt(self.session.apply_match, claim.id, match)
        if verdict is None:
            return
        self.verdict_changed(verdict)
        who = render.message(match.publisher or "an earlier check", 60)
        self.notify(f"Applied the check by {who} (ctrl+z undoes it).", markup=False)

    def action_dismiss_match(self) -> None:
        picked = self._first_match()
        if picked is None or not self.writable("the dismissal"):
            return
        claim, match = picked
        try:
            self.session.dismiss_match(claim.id, match)
        except WorkbenchError as exc:
            self.notify(render.message(exc), severity="error", markup=False)
            return
        rest = [m for m in self.matches.get(claim.id, []) if m.key != match.key]
        if rest:
            self.matches[claim.id] = rest
        else:
            self.matches.pop(claim.id, None)
        self.query_one(ClaimsTable).set_matched(set(self.matches), self.verdicts)
        self.show_claim(claim.id)
        # W said nothing: the check left the detail pane with no word of what happened
        who = render.message(match.publisher or "the earlier check", 60)
        self.notify(f"Not the same claim: the check by {who} is no longer suggested for it"
                    f"{' (the next match is shown)' if rest else ''}; ctrl+z undoes it.",
                    markup=False, timeout=4)

    def action_quit(self) -> None:
        self.app.exit()


def validate_url(url: str) -> str | None:
    """An error message for a URL that cannot be an evidence link, else None."""
    from workbench.core.net.links import normalize_url

    try:
        normalize_url(url)
    except WorkbenchError as exc:
        return render.message(exc, 120)
    return None
