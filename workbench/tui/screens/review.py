"""The review screen: claims list, article pane, detail pane, status line, footer.

The screen is the only part of the UI that calls the store: every change is
written at once on the main thread, then the widgets are told what changed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static

from workbench.core.errors import WorkbenchError
from workbench.core.models import STATUSES, Change, Claim, LinkCheck, Verdict
from workbench.core.text import strip_controls

from .. import render
from ..keys import REVIEW_BINDINGS, footer_order
from ..messages import LinksChecked
from ..widgets.article_view import ArticleView
from ..widgets.claims_table import ClaimsTable
from ..widgets.detail import DetailPane
from ..widgets.status_line import StatusLine

SORTS = ("article order", "worthiness", "status")
SORT_SHORT = {"article order": "article", "worthiness": "worthiness", "status": "status"}


def worthiness_key(claim: Claim) -> tuple[int, float]:
    """Most check-worthy first. A consistency claim (a contradiction inside the article)
    has no score but is always worth checking: it comes before every scored claim.
    Other claims without a score come last."""
    if claim.kind == "consistency":
        return (0, 0.0)
    if claim.worthiness is None:
        return (2, 0.0)
    return (1, -claim.worthiness)


class ReviewScreen(Screen):
    """Triage the claims of one article."""

    BINDINGS = footer_order(REVIEW_BINDINGS)
    AUTO_FOCUS = "#claims"

    def __init__(self, ws: Any, article_id: str) -> None:
        super().__init__()
        self.ws = ws
        self.article = ws.article(article_id)
        self.claims: list[Claim] = ws.claims(self.article.id)
        self.by_id: dict[str, Claim] = {c.id: c for c in self.claims}
        self.verdicts: dict[str, Verdict] = ws.verdicts(self.article.id)
        self.text_filter = ""
        self.status_filter: str | None = None
        self.sort_mode = 0
        self.current: str | None = None
        # The history of every claim, read once: the store reads the whole article for
        # each history query (about 50 ms at 10,000 claims), too slow for every move.
        # A claim whose verdict changes is re-read when it is next shown.
        self.histories: dict[str, list[Change]] | None = None
        self.stale_history: set[str] = set()

    # ----------------------------------------------------------------- layout
    def compose(self) -> ComposeResult:
        yield StatusLine(id="status-line")
        with Horizontal(id="body"):
            with Vertical(id="left"):
                yield Input(
                    placeholder="filter claims (enter: keep, escape: clear)", id="filter"
                )
                yield ClaimsTable(id="claims")
                yield Static("", markup=False, id="list-info")
                yield DetailPane(id="detail")
            yield ArticleView(id="article")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#filter", Input).cursor_blink = self.app.cursor_blink  # type: ignore[attr-defined]
        self.query_one(ArticleView).set_article(self.article.text, self.claims, self.statuses())
        self.refresh_status()
        # Fill the list once the layout has given it a width (one fill, not one per resize).
        self.call_after_refresh(self.refill)
        if not self.claims:
            self.query_one(DetailPane).show(
                render.line("No checkable claims were found in this article.")
            )

    def statuses(self) -> dict[str, str]:
        return {cid: v.status for cid, v in self.verdicts.items()}

    def status_of(self, claim_id: str) -> str:
        verdict = self.verdicts.get(claim_id)
        return verdict.status if verdict else "unreviewed"

    # ------------------------------------------------------------ list state
    def visible_claims(self) -> list[Claim]:
        needle = self.text_filter.casefold()
        rows = [
            c
            for c in self.claims
            if (self.status_filter is None or self.status_of(c.id) == self.status_filter)
            and (
                not needle
                or needle in c.label.casefold()
                or needle in c.sentence.casefold()
                or needle in c.kind.casefold()
                or needle in self.verdicts.get(c.id, Verdict(c.id, c.article_id)).note.casefold()
            )
        ]
        mode = SORTS[self.sort_mode]
        if mode == "worthiness":
            rows.sort(key=worthiness_key)
        elif mode == "status":
            order = {s: i for i, s in enumerate(STATUSES)}
            rows.sort(key=lambda c: order.get(self.status_of(c.id), 0))
        return rows

    def refill(self) -> None:
        table = self.query_one(ClaimsTable)
        rows = self.visible_claims()
        table.fill(rows, self.statuses(), keep=self.current)
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
        # Short enough for the 53 cells of the wide layout's list, filters included.
        filtered = bool(self.status_filter or self.text_filter)
        count = f"{shown}/{len(self.claims)}" + ("" if filtered else " claims")
        parts = [count, f"sort: {SORT_SHORT[SORTS[self.sort_mode]]}"]
        if self.status_filter:
            parts.append(f"only {render.STATUS_LABEL[self.status_filter]}")
        if self.text_filter:
            parts.append(f"“{render.message(self.text_filter, 14)}”")
        self.query_one("#list-info", Static).update(render.line(" · ".join(parts), style="dim"))

    def refresh_status(self) -> None:
        counts = {s: 0 for s in STATUSES}
        for claim in self.claims:
            counts[self.status_of(claim.id)] += 1
        self.query_one(StatusLine).show(
            self.article.title or self.article.source,
            counts,
            self.ws.reviewer,
            bool(getattr(self.ws, "readonly", False)),
        )

    def show_claim(self, claim_id: str | None) -> None:
        self.current = claim_id
        claim = self.by_id.get(claim_id or "")
        if claim is None:
            return
        verdict = self.verdicts.get(claim.id) or Verdict(claim.id, claim.article_id)
        history = self.history_of(claim.id)
        detail = self.query_one(DetailPane)
        detail.show(render.claim_detail(claim, verdict, history, detail.size.width or 80))
        detail.scroll_home(animate=False)
        self.query_one(ArticleView).set_current(claim)

    def history_of(self, claim_id: str) -> list[Change]:
        try:
            if self.histories is None:
                self.histories = {}
                for change in self.ws.history(self.article.id):
                    self.histories.setdefault(change.claim_id, []).append(change)
                self.stale_history.clear()
            if claim_id in self.stale_history:
                self.histories[claim_id] = self.ws.history(self.article.id, claim_id)
                self.stale_history.discard(claim_id)
        except WorkbenchError:
            return []
        return self.histories.get(claim_id, [])

    @on(DataTable.RowHighlighted, "#claims")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value != self.current:
            self.show_claim(event.row_key.value)

    # --------------------------------------------------------------- helpers
    def store(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Call the store; a WorkbenchError becomes a notification, not a crash."""
        try:
            return fn(*args, **kwargs)
        except WorkbenchError as exc:
            self.notify(render.message(exc), severity="error", markup=False)
            return None

    def current_claim(self) -> Claim | None:
        key = self.query_one(ClaimsTable).current_key
        return self.by_id.get(key or "")

    def verdict_changed(self, verdict: Verdict, show: bool = True) -> None:
        """Update every widget after a change (``show=False``: the cursor is about to move
        on, so the detail pane need not be redrawn for this claim)."""
        self.verdicts[verdict.claim_id] = verdict
        self.stale_history.add(verdict.claim_id)
        self.query_one(ClaimsTable).set_status(verdict.claim_id, verdict.status)
        self.query_one(ArticleView).set_status(verdict.claim_id, verdict.status)
        self.refresh_status()
        if show and verdict.claim_id == self.current:
            self.show_claim(self.current)

    # --------------------------------------------------------------- actions
    def action_move(self, delta: int) -> None:
        table = self.query_one(ClaimsTable)
        if table.row_count:
            row = min(max(table.cursor_row + delta, 0), table.row_count - 1)
            table.move_cursor(row=row, animate=False)

    def action_first(self) -> None:
        self.query_one(ClaimsTable).move_cursor(row=0, animate=False)

    def action_last(self) -> None:
        table = self.query_one(ClaimsTable)
        table.move_cursor(row=max(table.row_count - 1, 0), animate=False)

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
                table.move_cursor(row=row, animate=False)
                if (step > 0 and row <= here) or (step < 0 and row >= here):
                    self.notify("Wrapped around the list.", timeout=2)
                return
        self.notify("No unreviewed claims left in this list.", timeout=3)

    def action_mark(self, status: str) -> None:
        """Mark the current claim, then (fast triage, as in Prodigy) move to the next row.

        Marking a claim with the status it already has still moves on; a refused change
        (read-only workspace) does not, so the reviewer sees where it failed.
        """
        claim = self.current_claim()
        if claim is None:
            return
        table = self.query_one(ClaimsTable)
        advance = bool(getattr(self.app, "advance_on_mark", True))
        moves_on = advance and table.cursor_row < table.row_count - 1
        if self.status_of(claim.id) != status:
            verdict = self.store(self.ws.set_status, self.article.id, claim.id, status)
            if verdict is None:
                return
            self.verdict_changed(verdict, show=not moves_on)
        if moves_on:
            self.action_move(1)

    def action_edit_note(self) -> None:
        claim = self.current_claim()
        if claim is None:
            return
        from .note import NoteEditor

        note = self.verdicts.get(claim.id, Verdict(claim.id, claim.article_id)).note

        def done(text: str | None) -> None:
            if text is None or text == note:
                return
            verdict = self.store(self.ws.set_note, self.article.id, claim.id, text)
            if verdict is not None:
                self.verdict_changed(verdict)
                self.notify("Note saved.", timeout=2)

        self.app.push_screen(NoteEditor(claim.label or claim.anchor, note), done)

    def action_add_link(self) -> None:
        claim = self.current_claim()
        if claim is None:
            return
        from .link import LinkDialog

        def done(result: dict[str, str] | None) -> None:
            if not result:
                return
            verdict = self.store(
                self.ws.add_link,
                self.article.id,
                claim.id,
                result["url"],
                title=result["title"],
                stance=result["stance"],
            )
            if verdict is not None:
                self.verdict_changed(verdict)
                self.notify("Link added.", timeout=2)

        self.app.push_screen(LinkDialog(claim.label or claim.anchor, validate_url), done)

    def action_manage_links(self) -> None:
        claim = self.current_claim()
        if claim is None:
            return
        from .links import LinksDialog

        def remove(url: str) -> Verdict | None:
            verdict = self.store(self.ws.remove_link, self.article.id, claim.id, url)
            if verdict is not None:
                self.verdict_changed(verdict)
            return verdict

        verdict = self.verdicts.get(claim.id, Verdict(claim.id, claim.article_id))
        self.app.push_screen(LinksDialog(claim.label or claim.anchor, verdict, remove))

    def action_check_links(self) -> None:
        claim = self.current_claim()
        if claim is None:
            return
        verdict = self.verdicts.get(claim.id, Verdict(claim.id, claim.article_id))
        urls = [link.url for link in verdict.links]
        if not urls:
            self.notify("This claim has no links to check.", timeout=3)
            return
        try:
            from workbench.core.net.fetch import check_links  # noqa: F401
        except ImportError:
            self.notify("Link checking is not available in this build.", severity="warning")
            return
        self.notify(f"Checking {len(urls)} link(s)…", timeout=3)
        self.run_worker(
            lambda: self._check_worker(self.article.id, claim.id, urls),
            thread=True,
            group="check-links",
            exit_on_error=False,
        )

    def _check_worker(self, article_id: str, claim_id: str, urls: list[str]) -> None:
        """Runs in a thread: network only; the results go back as a message."""
        from workbench.core.net.fetch import check_links

        try:
            raw = check_links(urls)
        except WorkbenchError as exc:
            self.app.call_from_thread(
                self.notify, render.message(exc), severity="error", markup=False
            )
            return
        results = _normalize_check_results(urls, raw)
        self.post_message(LinksChecked(article_id, claim_id, results))

    @on(LinksChecked)
    def _links_checked(self, message: LinksChecked) -> None:
        verdict = None
        for url, check, archive in message.results:
            verdict = self.store(
                self.ws.set_link_check, message.article_id, message.claim_id, url, check, archive
            )
        if verdict is not None and message.article_id == self.article.id:
            self.verdict_changed(verdict)
        ok = sum(1 for _, check, _ in message.results if check is not None and check.ok)
        self.notify(f"Checked {len(message.results)} link(s): {ok} ok.", timeout=4)

    def action_undo(self) -> None:
        self._apply_history(self.ws.undo, "Undo", "Nothing to undo.")

    def action_redo(self) -> None:
        self._apply_history(self.ws.redo, "Redo", "Nothing to redo.")

    def _apply_history(self, fn: Callable[[], Any], verb: str, nothing: str) -> None:
        changes = self.store(fn)
        if changes is None:
            return
        if not changes:
            self.notify(nothing, timeout=2)
            return
        touched: list[str] = []
        for change in changes:
            if change.article_id == self.article.id and change.claim_id not in touched:
                touched.append(change.claim_id)
        for claim_id in touched:
            verdict = self.store(self.ws.verdict, self.article.id, claim_id)
            if verdict is not None:
                self.verdict_changed(verdict)
        table = self.query_one(ClaimsTable)
        if touched and touched[0] in table.rows:
            table.move_cursor(row=table.get_row_index(touched[0]), animate=False)
        change = changes[0]
        what = render.change_text(change.field, change.old, change.new).plain
        where = "" if change.article_id == self.article.id else " (in another article)"
        self.notify(f"{verb}: {what}{where}", timeout=3, markup=False)

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
        status = STATUSES[index]
        self.status_filter = None if self.status_filter == status else status
        self.refill()

    def action_clear_filters(self) -> None:
        self.status_filter = None
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

    def action_toggle_article(self) -> None:
        self.toggle_class("article-toggled")

    def action_cycle_focus(self) -> None:
        order = [w for w in (self.query_one(ClaimsTable), self.query_one(DetailPane),
                             self.query_one(ArticleView)) if w.display and w.region.width]
        if not order:
            return
        focused = self.focused
        index = next((i for i, w in enumerate(order) if w is focused), -1)
        order[(index + 1) % len(order)].focus()

    def action_help(self) -> None:
        from .help import HelpScreen

        advance = bool(getattr(self.app, "advance_on_mark", True))
        self.app.push_screen(HelpScreen(self.app.help_rows(), advance))  # type: ignore[attr-defined]

    def action_open_picker(self) -> None:
        self.app.action_open_picker()  # type: ignore[attr-defined]

    def action_export(self) -> None:
        self.app.action_export(self.article.id)  # type: ignore[attr-defined]

    def action_quit(self) -> None:
        self.app.exit()


def validate_url(url: str) -> str | None:
    """An error message for a URL that cannot be an evidence link, else None."""
    try:
        from workbench.core.net.links import normalize_url
    except ImportError:  # the store's helpers are not installed yet
        ok = url.startswith(("http://", "https://")) and len(url) > 10 and " " not in url
        return None if ok else "Not an absolute http(s) URL."
    try:
        normalize_url(url)
    except WorkbenchError as exc:
        return render.message(exc, 120)
    return None


def _normalize_check_results(
    urls: list[str], raw: dict[str, LinkCheck]
) -> list[tuple[str, LinkCheck | None, None]]:
    """check_links results as (url, check, archive) rows, in the order of ``urls``."""
    return [(url, raw[url], None) for url in urls if url in raw]
