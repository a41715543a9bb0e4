"""The workbench app: screens, the extraction worker, theme, keymap, palette.

The app owns the open store; screens call it on the main thread (the review
screen through its ReviewSession). Workers (spaCy extraction, network fetches)
only return results as messages.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

from textual import events, on
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.driver import Driver
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer

from workbench.core.errors import WorkbenchError
from workbench.core.models import Article, Change
from workbench.core.store.interface import Store

from . import render
from .keys import REVIEW_BINDINGS
from .messages import (
    AppAction,
    ArticleChosen,
    ArticleExtracted,
    ConnectionChanged,
    ExtractionFailed,
    ExtractionProgress,
    ExtractionStep,
    StoreChanged,
)
from .screens.loading import LoadingScreen
from .screens.picker import PickerScreen
from .screens.review import NARROW_BELOW, ReviewScreen
from .team import TeamState
from .typeahead import KeyQueue, KeySettled

if TYPE_CHECKING:
    from workbench.core.export import ExportOptions

    from .screens.export import ExportMemory


@dataclass
class Pending:
    """What to open once a worker has read it: an Article to extract, or a URL to fetch."""

    article: Article | None = None
    url: str | None = None
    allow_private: bool = False
    model: str | None = None
    cancel: threading.Event = field(default_factory=threading.Event)
    """Set by escape on the loading screen: a fetch in progress stops."""

    @property
    def what(self) -> str:
        if self.article is not None:
            return f"Reading {self.article.title or self.article.source}"
        return f"Fetching {self.url}"


class WorkbenchApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "workbench"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW_BELOW, "-wide")]
    BINDINGS = [Binding("ctrl+c", "quit", "Quit", show=False, id="app_quit", priority=True)]

    def __init__(
        self,
        ws: Store,
        *,
        article_id: str | None = None,
        pending: Pending | None = None,
        theme: str | None = None,
        keymap: dict[str, str] | None = None,
        cursor_blink: bool = True,
        animate: bool = True,
        export_options: ExportOptions | None = None,
        advance_on_mark: bool = True,
        model: str | None = None,
        readonly_requested: bool = False,
        allow_private: bool = False,
    ) -> None:
        super().__init__()
        self.model = model
        """The spaCy pipeline for a hand-made claim (a new article has its own in Pending)."""
        self.allow_private = allow_private
        """``--allow-private``: fetches and link checks may reach private addresses."""
        self.readonly_requested = readonly_requested
        """Opened with --readonly: never offer to become the writer."""
        self._offered_writer = False
        self._unwatch: Callable[[], None] | None = None
        from workbench.core.services import live

        self.team = TeamState(live.server_name(ws)) if live.is_team(ws) else None
        """A team workspace: the server and its connection (None: a local folder)."""
        self._back_timer: Timer | None = None
        self.advance_on_mark = advance_on_mark
        """After v/d/f/i/p/x, move to the next claim (fast triage)."""
        self.ws = ws
        self.start_article = article_id
        self.pending = pending
        self.keymap_overrides = dict(keymap or {})
        self.cursor_blink = cursor_blink
        self.export_options = export_options
        self.export_memory: ExportMemory | None = None
        """The folder and ClaimReview fields of this session's last report (proposed again)."""
        if not animate:
            self.animation_level = "none"
        self._theme_name = theme
        self._keys = KeyQueue(self)
        """Keys typed ahead run one after the other (a dialog a key opens gets the rest)."""

    # ---------------------------------------------------------------- crashes
    crash: str | None = None
    """One line about an unexpected error that stopped the app (the command prints it
    and exits non-zero); None after a normal exit."""

    def _handle_exception(self, error: Exception) -> None:
        self.crash = render.message(f"{type(error).__name__}: {error}", 200)
        super()._handle_exception(error)

    def _print_error_renderables(self) -> None:
        # A traceback of locals would dump article text and notes into the terminal:
        # the command prints one line instead (WORKBENCH_DEBUG=1 keeps the traceback).
        if self.crash and not os.environ.get("WORKBENCH_DEBUG"):
            self._exit_renderables.clear()
            return
        super()._print_error_renderables()

    # ------------------------------------------------------------------ keys
    def get_driver_class(self) -> type[Driver]:
        driver = super().get_driver_class()
        if driver.__module__ == "textual.drivers.linux_driver":  # pastes whole, in order
            from .paste import PasteSafeDriver

            return PasteSafeDriver
        return driver

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Paste) and not event.is_forwarded:
            event.text = render.clean_paste(event.text)  # untrusted, whatever the field
        if isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded:
            await self._keys.key(event, super().on_event)
        else:
            await super().on_event(event)

    async def on_key_settled(self, message: KeySettled) -> None:
        message.stop()
        await self._keys.settled(message, super().on_event)

    # ------------------------------------------------------------- start-up
    def on_mount(self) -> None:
        if self._theme_name:
            if self._theme_name in self.available_themes:
                self.theme = self._theme_name
            else:
                self.notify(
                    f"Unknown theme “{render.message(self._theme_name, 40)}”.",
                    severity="warning",
                    markup=False,
                )
        self._apply_keymap()
        if self.pending is not None:
            self.start_import(self.pending)
        elif self.start_article:
            self.push_screen(self._review(self.start_article))
        else:
            self.push_screen(self._picker(self.ws.articles(), can_go_back=False))
        if self.ws.readonly:
            self.notify(
                "Opened read-only (--readonly)." if self.readonly_requested else
                "Another workbench has this workspace open: read-only here. Its changes "
                "show up here as it makes them.",
                severity="warning",
                timeout=8,
            )
            if not self.readonly_requested:
                self.set_interval(1.0, self._check_writer)
        self._watch()

    def start_import(self, pending: Pending) -> None:
        """Read (or fetch) a new article and find its claims in a worker, the loading
        screen showing each step; the article opens once stored."""
        self.pending = pending
        self.push_screen(LoadingScreen(pending.what, pending.cancel))
        self._encoding_notice(pending.article)
        self.run_worker(
            partial(self._read_worker, pending),
            thread=True,
            name="extract",
            exit_on_error=False,
        )

    def _encoding_notice(self, article: Article | None) -> None:
        """A file that was not UTF-8 is read anyway: say which encoding was assumed."""
        from workbench.core.text import encoding_note

        if article is None:
            return
        line = encoding_note(article.source, (article.meta or {}).get("encoding"))
        if line:
            self.notify(render.message(line, 200), severity="warning", timeout=10,
                        markup=False)

    # ------------------------------------------------- the other workbench
    def _watch(self) -> None:
        """Refresh when another process changes the workspace (the store's watcher
        thread posts a message; the screens re-read on the main thread); on a team
        workspace also follow the server's connection (services.live)."""
        from workbench.core.services import live

        try:
            self._unwatch = live.follow(self.ws, self._followed)
        except WorkbenchError:
            self._unwatch = None

    def _followed(self, event: object) -> None:
        """The store's watcher thread: only a message crosses to the main thread."""
        from workbench.core.services.live import Connection

        if isinstance(event, Connection):
            self.post_message(ConnectionChanged(event.online, event.server, event.caught_up,
                                                event.reason))
        else:
            self.post_message(StoreChanged(getattr(event, "changes", None)))

    async def action_quit(self) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, ReviewScreen):
                screen.stop_presence()
        if self._unwatch is not None:
            self._unwatch()
        self.exit()

    @on(StoreChanged)
    def _store_changed(self, message: StoreChanged) -> None:
        # The screens under a dialog follow too (a note being written is compared with
        # what a colleague saved meanwhile when it is saved).
        for screen in reversed(self.screen_stack):
            if isinstance(screen, ReviewScreen):
                changes = message.changes
                if changes is None or any(c.article_id == screen.article.id for c in changes):
                    self._tell_removed(screen.article.id, changes or ())
                    screen.outside_change()
                else:
                    screen.refresh_presence()  # only who works on what changed
                break
            if isinstance(screen, PickerScreen):
                self._refresh_picker(screen)
                break

    def _tell_removed(self, article_id: str, changes: Iterable[Change]) -> None:
        """A colleague took the open article out of the workspace (or put it back): say
        so, since the claims stay on screen (what is marked here is still saved)."""
        for c in changes:
            if (c.article_id, c.claim_id, c.field) != (article_id, "", "article"):
                continue
            if c.reviewer == self.ws.reviewer and c.action == "edit":
                continue  # this reviewer's own removal (the picker said so)
            who = render.message(c.reviewer or "a colleague", 40)
            if c.new is None:
                self.notify(f"{who} took this article out of the workspace (marks here are "
                            "still saved; their undo brings it back).", severity="warning",
                            timeout=10, markup=False)
            else:
                self.notify(f"{who} put this article back in the workspace.", timeout=6,
                            markup=False)

    def _refresh_picker(self, screen: PickerScreen) -> None:
        try:
            screen.refresh_summaries(self.ws.articles(), self._board())
        except WorkbenchError:
            pass

    def _board(self) -> object:
        if self.team is None:
            return None
        from workbench.core.services.presence import board

        return board(self.ws)

    def _picker(self, summaries: list, can_go_back: bool) -> PickerScreen:  # type: ignore[type-arg]
        return PickerScreen(summaries, can_go_back=can_go_back, board=self._board(),
                            me=self.ws.reviewer, team=self.team)

    @on(ConnectionChanged)
    def _connection_changed(self, message: ConnectionChanged) -> None:
        """Lost: "offline — reconnecting…" at once; back: "back online — caught up N
        changes" for a while, then "online"; the screens save what they kept."""
        if self.team is None:
            return
        self.team.online = message.online
        self.team.reason = message.reason
        self.team.caught_up = message.caught_up if message.online else None
        if self._back_timer is not None:
            self._back_timer.stop()
            self._back_timer = None
        if message.online:
            self._back_timer = self.set_timer(10, self._settled)
        self._show_connection()
        for screen in self.screen_stack:
            if isinstance(screen, ReviewScreen):
                screen.connection_changed(message.online)

    def _settled(self) -> None:
        if self.team is not None and self.team.online:
            self.team.caught_up = None
            self._show_connection()

    def _show_connection(self) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, ReviewScreen) and screen.alive:
                screen.refresh_status()
            elif isinstance(screen, PickerScreen):
                screen.refresh_team()

    def _check_writer(self) -> None:
        """Read-only because another workbench wrote: offer to write once it quits."""
        if self._offered_writer or not self.ws.readonly:
            return
        try:
            if self.ws.is_locked_by_other():
                return
        except WorkbenchError:
            return
        self._offered_writer = True
        from .screens.confirm import Confirm

        def answer(yes: bool | None) -> None:
            if not yes:
                self.notify("Staying read-only.", timeout=3)
                return
            self.become_writer()

        self.push_screen(
            Confirm("The other workbench has closed this workspace. Make changes here "
                    "(become the writer)?"),
            answer,
        )

    def become_writer(self) -> bool:
        try:
            ok = self.ws.try_become_writer()
        except WorkbenchError as exc:
            self.notify(render.message(exc), severity="error", markup=False)
            return False
        if not ok:
            self.notify("Another workbench took the workspace first: still read-only.",
                        severity="warning")
            self._offered_writer = False
            return False
        self.notify("You are the writer now: every change is saved.", timeout=4)
        for screen in self.screen_stack:
            if isinstance(screen, ReviewScreen):
                screen.outside_change()
        return True

    def _apply_keymap(self) -> None:
        known = {b.id for b in REVIEW_BINDINGS if b.id}
        unknown = sorted(k for k in self.keymap_overrides if k not in known)
        if unknown:
            self.notify(
                "keymap: unknown binding id(s): " + render.message(", ".join(unknown)),
                severity="warning",
                markup=False,
            )
        self.set_keymap(self.keymap_overrides)

    # ------------------------------------------------------- reading worker
    def _read_worker(self, pending: Pending) -> None:
        """Runs in a thread: fetch (URL) and extract through the services; never
        touches the store or widgets (the main thread stores the result)."""
        from workbench.core.errors import Cancelled
        from workbench.core.services import fetching, importing

        def step(message: Message) -> None:
            self.post_message(message)

        try:
            article = pending.article
            if article is None:
                step(ExtractionStep(f"Fetching {render.message(pending.url, 60)}…"))
                options = fetching.FetchOptions(allow_private=pending.allow_private)
                article = fetching.fetch_page(pending.url or "", options, pending.cancel)
            if pending.cancel.is_set():
                raise Cancelled()
            from workbench.core.nlp.pipeline import load_pipeline

            step(ExtractionStep("Loading the language model (spaCy)…"))
            load_pipeline(pending.model)
            if pending.cancel.is_set():
                raise Cancelled()
            step(ExtractionStep("Finding the checkable claims…"))
            [extracted] = importing.extract(
                [article],
                model=pending.model,
                progress=lambda done, total: step(ExtractionProgress(done, total)),
                cancel=pending.cancel,
            )
        except WorkbenchError as exc:
            self.post_message(ExtractionFailed(render.message(exc)))
            return
        except Exception as exc:  # a bug, not a user error: still no traceback on screen
            self.post_message(ExtractionFailed(render.message(f"{type(exc).__name__}: {exc}")))
            return
        self.post_message(ArticleExtracted(extracted.article, extracted.claims))

    @on(ExtractionStep)
    def _extraction_step(self, message: ExtractionStep) -> None:
        if isinstance(self.screen, LoadingScreen):
            self.screen.step(message.text)

    @on(ArticleExtracted)
    async def _extracted(self, message: ArticleExtracted) -> None:
        from workbench.core.services.importing import Extracted, store_extracted

        try:
            [outcome] = store_extracted(self.ws, [Extracted(message.article, message.claims)])
        except WorkbenchError as exc:
            self._failed(render.message(exc))
            return
        self.notify(render.first_upper(render.message(outcome.notice())), timeout=6, markup=False)
        await self.open_article(outcome.result.article_id)

    @on(ExtractionProgress)
    def _extraction_progress(self, message: ExtractionProgress) -> None:
        if isinstance(self.screen, LoadingScreen):
            self.screen.progress(message.done, message.total)

    @on(ExtractionFailed)
    def _extraction_failed(self, message: ExtractionFailed) -> None:
        self._failed(message.message)

    def _failed(self, message: str) -> None:
        if self._loading_over_picker():
            self.pop_screen()  # added from the picker: back there, the error in a notice
        elif isinstance(self.screen, LoadingScreen):
            self.screen.failed(message)
        self.notify(message, severity="error", markup=False, timeout=10)

    def _loading_over_picker(self) -> bool:
        stack = self.screen_stack
        return (len(stack) > 1 and isinstance(stack[-1], LoadingScreen)
                and isinstance(stack[-2], PickerScreen))

    # --------------------------------------------------------------- screens
    async def open_article(self, article_id: str) -> None:
        try:
            screen = self._review(article_id)
        except WorkbenchError as exc:
            self.notify(render.message(exc), severity="error", markup=False)
            return
        # the pickers on top go, and an import started from one (o during its loading
        # screen opens another picker over it)
        while isinstance(self.screen, PickerScreen) or self._loading_over_picker():
            await self.pop_screen()
        if isinstance(self.screen, ReviewScreen | LoadingScreen):
            await self.switch_screen(screen)
        else:
            await self.push_screen(screen)

    def _review(self, article_id: str) -> ReviewScreen:
        screen = ReviewScreen(self.ws, article_id, cursor_blink=self.cursor_blink,
                              advance_on_mark=self.advance_on_mark, model=self.model,
                              allow_private=self.allow_private)
        if self.readonly_requested:
            screen.session.readonly_reason = "the workspace was opened with --readonly"
        return screen

    @on(AppAction)
    def _app_action(self, message: AppAction) -> None:
        if message.action == "help":
            from .screens.help import HelpScreen

            self.push_screen(HelpScreen(self.help_rows(), self.advance_on_mark))
        elif message.action == "open_picker":
            self.action_open_picker()
        elif message.action == "export":
            self.action_export(message.article_id)

    @on(PickerScreen.RenameAsked)
    def _rename(self, message: PickerScreen.RenameAsked) -> None:
        from workbench.core.services.reviewing import rename

        try:
            article = rename(self.ws, message.article_id, message.title)
            summaries = self.ws.articles()
        except WorkbenchError as exc:
            self.notify(render.message(exc), severity="error", markup=False)
            return
        self.notify(f"Renamed: {render.message(article.title, 80)} (ctrl+z undoes it)",
                    timeout=3, markup=False)
        self._articles_changed(summaries, {article.id})

    def _articles_changed(self, summaries: list,  # type: ignore[type-arg]
                           article_ids: set[str]) -> None:
        """The picker shows the new summaries; an open article that changed is read again."""
        for screen in self.screen_stack:
            if isinstance(screen, PickerScreen):
                screen.refresh_summaries(summaries, self._board())
            elif isinstance(screen, ReviewScreen) and screen.article.id in article_ids:
                screen.outside_change()

    @on(PickerScreen.AddAsked)
    async def _add_asked(self, message: PickerScreen.AddAsked) -> None:
        """A file or an address typed in the picker: one stored already opens; a new one
        is read and its claims found as `workbench PATH` does (services.opening)."""
        from workbench.core.services.opening import read_target, stored_id

        if self.ws.readonly:
            self.notify("Read-only here: a new article cannot be imported.",
                        severity="warning", markup=False)
            return
        if message.target == "-":
            self.notify("Standard input is the keyboard here: name a file or an address.",
                        severity="warning", markup=False)
            return
        try:
            found = read_target(os.path.expanduser(message.target))
        except WorkbenchError as exc:
            self.notify(render.message(exc), severity="error", markup=False, timeout=8)
            return
        ref = found.ref or (found.article.id if found.article is not None else found.url)
        existing = stored_id(self.ws, ref or "")
        if existing is not None:
            await self.open_article(existing)
        elif found.ref is not None:
            self.notify(f"{render.message(found.ref, 80)}: no such file, and no stored "
                        "article has that id or source.", severity="error", markup=False,
                        timeout=8)
        else:
            self.start_import(Pending(article=found.article, url=found.url,
                                      allow_private=self.allow_private, model=self.model))

    @on(PickerScreen.RemoveAsked)
    def _remove_asked(self, message: PickerScreen.RemoveAsked) -> None:
        """Take the article out (confirmed in the picker); one open under the picker
        cannot be gone back to (escape no longer returns to it)."""
        from workbench.core.services.reviewing import remove_article

        if self.ws.readonly:
            self.notify("Read-only here: an article cannot be removed.", severity="warning",
                        markup=False)
            return
        try:
            gone = remove_article(self.ws, message.article_id)
            summaries = self.ws.articles()
        except WorkbenchError as exc:
            self.notify(render.message(exc), severity="error", markup=False)
            return
        if isinstance(self.screen, PickerScreen) and any(
            isinstance(s, ReviewScreen) and s.article.id == gone.id for s in self.screen_stack
        ):
            self.screen.can_go_back = False
            self.screen.refresh_bindings()
        self.notify(f"Removed: {render.message(gone.title or gone.id, 80)} (ctrl+z brings "
                    "it back)", timeout=4, markup=False)
        self._articles_changed(summaries, set())

    @on(PickerScreen.HistoryAsked)
    def _picker_history(self, message: PickerScreen.HistoryAsked) -> None:
        from workbench.core.services.reviewing import redo, undo

        verb = "Redo" if message.redo else "Undo"
        if self.ws.readonly:
            self.notify(f"Read-only here: cannot {verb.lower()}.", severity="warning",
                        markup=False)
            return
        try:
            changes = (redo if message.redo else undo)(self.ws)
            summaries = self.ws.articles()
        except WorkbenchError as exc:
            self.notify(render.message(exc), severity="error", markup=False)
            return
        if not changes:
            self.notify(f"Nothing to {verb.lower()}.", timeout=2, markup=False)
            return
        change = changes[0]
        what = render.change_text(change.field, change.old, change.new).plain
        self.notify(f"{verb}: {what}", timeout=3, markup=False)
        self._articles_changed(summaries, {c.article_id for c in changes})

    @on(ArticleChosen)
    async def _chosen(self, message: ArticleChosen) -> None:
        await self.open_article(message.article_id)

    def action_open_picker(self) -> None:
        if isinstance(self.screen, PickerScreen):
            return
        try:
            summaries = self.ws.articles()
        except WorkbenchError as exc:
            self.notify(render.message(exc), severity="error", markup=False)
            return
        self.push_screen(self._picker(summaries, can_go_back=True))

    def action_export(self, article_id: str) -> None:
        from .screens.export import ExportDialog, ExportMemory

        if self.export_memory is None:
            self.export_memory = ExportMemory()
        self.push_screen(
            ExportDialog(self.ws, article_id, self.export_options, cursor_blink=self.cursor_blink,
                         memory=self.export_memory)
        )

    # ------------------------------------------------------- help & palette
    def keys_for(self, binding: Binding) -> str:
        keys = self.keymap_overrides.get(binding.id or "", binding.key)
        shown = []
        for key in keys.split(","):
            key = key.strip()
            if key:
                shown.append(self.get_key_display(Binding(key, "")))
        return " / ".join(shown)

    def help_rows(self) -> list[tuple[str, str, str]]:
        rows = [(self.keys_for(b), b.tooltip or b.description, b.id or "") for b in REVIEW_BINDINGS]
        from .widgets.article_view import ArticleView

        for b in ArticleView.BINDINGS:
            if isinstance(b, Binding) and b.id and b.id.startswith("sel_"):
                keys = " / ".join(self.get_key_display(Binding(k.strip(), ""))
                                  for k in b.key.split(","))
                rows.append((keys, f"Adding a claim (m): {b.description}", b.id))
        rows.append(("^p", "Command palette: every action by name", "command_palette"))
        return rows

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        if isinstance(screen, ReviewScreen):
            for binding in REVIEW_BINDINGS:
                if binding.id in ("cursor_down", "cursor_up", "cycle_focus"):
                    continue
                if screen.check_action(binding.action.split("(", 1)[0], ()) is False:
                    continue  # e.g. "Apply the earlier check" on a claim with no match
                yield SystemCommand(
                    binding.tooltip or binding.description,
                    f"key: {self.keys_for(binding)}",
                    partial(screen.run_action, binding.action),
                )
        yield from super().get_system_commands(screen)
