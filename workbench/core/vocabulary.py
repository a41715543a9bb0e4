"""The words workbench stores: statuses, stances, origins, history fields and actions.

Every value is a ``StrEnum`` member, so it *is* the string that is written to the
store and the exports (``Status.VERIFIED == "verified"``); code compares with the
members, never with loose strings. ``parse_status`` / ``parse_statuses`` are the one
way user text (command line, config, TUI fields) becomes a status, and
``STATUS_STYLE`` is the one table of labels, colours and symbols the TUI, Markdown
and HTML show.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from .errors import InputError
from .text import one_line


class Status(StrEnum):
    """A verdict's status, in the order the UI lists them (keys 1-7 filter by them)."""

    UNREVIEWED = "unreviewed"
    IN_PROGRESS = "in_progress"
    VERIFIED = "verified"
    DISPUTED = "disputed"
    FALSE = "false"
    INCONCLUSIVE = "inconclusive"
    DISMISSED = "dismissed"
    """Not a checkable claim (noise): final, counts as reviewed; the note says why.
    Reports leave dismissed claims out unless asked; ClaimReview never exports them."""

    @property
    def final(self) -> bool:
        """Counts as reviewed."""
        return self in FINAL_STATUSES

    @property
    def label(self) -> str:
        return STATUS_STYLE[self].label


FINAL_STATUSES: tuple[Status, ...] = (
    Status.VERIFIED,
    Status.DISPUTED,
    Status.FALSE,
    Status.INCONCLUSIVE,
    Status.DISMISSED,
)
"""Statuses that count as reviewed (progress can reach 100%)."""

VERDICT_STATUSES: tuple[Status, ...] = FINAL_STATUSES[:4]
"""Final statuses that are a verdict on the claim (what ClaimReview publishes)."""


class Stance(StrEnum):
    """Stance of an evidence link towards its claim."""

    SUPPORTS = "supports"
    REFUTES = "refutes"
    CONTEXT = "context"


class Origin(StrEnum):
    """Where a claim comes from."""

    EXTRACTED = "extracted"
    """Found by the extractor."""
    REVIEWER = "reviewer"
    """Added by hand (``workbench claim add``, the TUI's selection): kept across
    re-extraction and re-import."""


class Field(StrEnum):
    """The ``field`` of a history row (``Change.field``)."""

    STATUS = "status"
    NOTE = "note"
    LINKS = "links"
    """The whole list of evidence links (old and new lists in the row)."""
    LINK_TITLE = "link.title"
    """One link's title changed (old and new ``{"url", "value"}``)."""
    LINK_STANCE = "link.stance"
    """One link's stance changed (old and new ``{"url", "value"}``)."""
    LINK_CHECK = "link_check"
    """A link check or archive lookup (not a reviewer's edit; not undoable)."""
    LABEL = "label"
    """The reviewer's wording of the claim (``Verdict.label``)."""
    CLAIM = "claim"
    """A claim a reviewer added (old None) or removed (new None)."""
    CLAIM_ID = "claim_id"
    """A re-import moved the verdict to a claim with a new id."""
    ORPHANED = "orphaned"
    """A re-import removed the verdict's claim (the verdict is kept)."""
    ARTICLE = "article"
    """The article itself (claim id ""): taken out of the workspace (old its title, new
    None: ``workbench remove``) or listed again (old None, new its title: an undo)."""
    MATCH_DISMISSED = "match.dismissed"
    """An earlier check a reviewer said is not the same claim (``W``): old and new are
    ``{"key": MATCH KEY, "dismissed": BOOL}``. Undoable; not a verdict edit."""


def dismissal_words(old: object, new: object) -> str:
    """A ``match.dismissed`` history row in words (its match keys mean nothing to a reader)."""
    if isinstance(new, dict) and not new.get("dismissed"):
        return "earlier check suggested again"
    return "earlier check dismissed (not the same claim)"


NOT_VERDICT_EDITS: frozenset[str] = frozenset({Field.LINK_CHECK, Field.MATCH_DISMISSED})
"""History fields that are no reviewer's edit of the verdict: a report's "last change"
of a claim skips them."""


class Action(StrEnum):
    """The ``action`` of a history row (``Change.action``): what made the change."""

    EDIT = "edit"
    """A reviewer's change (undoable)."""
    UNDO = "undo"
    REDO = "redo"
    IMPORT = "import"
    """``workbench import`` of a JSON export (a claim not yet in the workspace), or a
    re-import of changed text that moved or orphaned a verdict."""
    MERGE = "merge"
    """``workbench import`` merging a colleague's change into a shared claim."""
    CHECK = "check"
    """``check-links`` (or the TUI's ``c``) stored a link check / archive lookup."""
    REIMPORT = "reimport"
    """A re-import of changed text moved or orphaned a verdict."""


@dataclass(frozen=True)
class StatusStyle:
    """How a status is shown: ``label`` (words), ``symbol`` (one cell), ``color``
    (hex, on the terminal's dark background), ``paper`` (hex, on the white page of
    the HTML report) and ``short`` (a narrow table column)."""

    label: str
    symbol: str
    color: str
    paper: str
    short: str


STATUS_STYLE: dict[Status, StatusStyle] = {
    Status.UNREVIEWED: StatusStyle("unreviewed", "·", "#8b949e", "#9aa0a6", "unrev"),
    Status.IN_PROGRESS: StatusStyle("in progress", "…", "#d4a72c", "#4a7fd4", "prog"),
    Status.VERIFIED: StatusStyle("verified", "✓", "#3fb950", "#2e8b57", "ver"),
    Status.DISPUTED: StatusStyle("disputed", "!", "#e0823d", "#d98a00", "disp"),
    Status.FALSE: StatusStyle("false", "✗", "#f85149", "#c0392b", "false"),
    Status.INCONCLUSIVE: StatusStyle("inconclusive", "?", "#a371f7", "#7b5ea7", "inc"),
    Status.DISMISSED: StatusStyle("dismissed", "–", "#6e7681", "#5f6368", "dism"),
}
"""Label, symbol and colour of every status: the TUI, Markdown and HTML use this."""

STANCE_COLOR: dict[Stance, str] = {
    Stance.SUPPORTS: "#3fb950",
    Stance.REFUTES: "#f85149",
    Stance.CONTEXT: "#8b949e",
}


def status_style(status: str) -> StatusStyle:
    """The style of ``status``; an unknown value (a damaged import) looks unreviewed."""
    try:
        return STATUS_STYLE[Status(status)]
    except ValueError:
        base = STATUS_STYLE[Status.UNREVIEWED]
        return StatusStyle(one_line(status, 20) or "unknown", "?", base.color, base.paper, "?")


def _key(text: str) -> str:
    return "_".join(str(text).strip().lower().replace("-", " ").replace("_", " ").split())


def parse_status(text: str | Status) -> Status:
    """User text -> a Status: any case, ``in-progress``/``in progress``/``in_progress``.

    Raises InputError naming the accepted values.
    """
    if isinstance(text, Status):
        return text
    try:
        return Status(_key(str(text)))
    except ValueError:
        raise InputError(
            f"unknown status '{one_line(str(text), 40)}'; use one of: "
            f"{', '.join(s.value for s in Status)}"
        ) from None


def parse_statuses(value: str | Iterable[str] | None) -> tuple[Status, ...] | None:
    """``"disputed,false"`` or a list of statuses -> a tuple (no duplicates), or None
    for nothing. Raises InputError (as ``parse_status``) naming every unknown one."""
    if value is None:
        return None
    items = value.split(",") if isinstance(value, str) else [str(v) for v in value]
    out: list[Status] = []
    unknown: list[str] = []
    for item in items:
        if not item.strip():
            continue
        try:
            status = parse_status(item)
        except InputError:
            unknown.append(item.strip())
            continue
        if status not in out:
            out.append(status)
    if unknown:
        raise InputError(
            f"unknown status '{one_line(', '.join(unknown), 80)}'; use one of: "
            f"{', '.join(s.value for s in Status)}"
        )
    return tuple(out) or None


def parse_stance(text: str | Stance) -> Stance:
    """User text -> a Stance (any case); InputError naming the accepted values."""
    if isinstance(text, Stance):
        return text
    try:
        return Stance(str(text).strip().lower())
    except ValueError:
        raise InputError(
            f"unknown stance '{one_line(str(text), 40)}'; use one of: "
            f"{', '.join(s.value for s in Stance)}"
        ) from None


def bar_cells(counts: Sequence[int], width: int) -> list[int]:
    """Cells of a ``width``-cell bar per count, adding up to ``width`` (0 when all are 0).

    Every non-zero count gets at least one cell and a zero count none, so a bar shows
    one reviewed claim among thousands and never a grey cell when none is left; the
    rest go by largest remainder (rounding each share on its own lost or invented
    cells: three statuses of one claim each filled 9 cells of 10)."""
    total = sum(max(n, 0) for n in counts)
    if total <= 0 or width <= 0:
        return [0] * len(counts)
    exact = [width * max(n, 0) / total for n in counts]
    cells = [max(int(e), 1) if n > 0 else 0 for e, n in zip(exact, counts, strict=True)]
    while sum(cells) > width:  # more non-zero counts than cells need: shrink the largest
        i = max(range(len(cells)), key=lambda k: (cells[k], -k))
        if cells[i] <= 1:
            break
        cells[i] -= 1
    order = sorted(range(len(cells)), key=lambda k: (cells[k] - exact[k], k))
    for i in order:
        if sum(cells) >= width:
            break
        if counts[i] > 0:
            cells[i] += 1
    return cells


def progress_cells(counts: Sequence[int], width: int) -> list[int]:
    """Cells of a stacked progress bar whose last count is what is left (unreviewed).

    The part done gets its share of the width (at least one cell while anything is
    done, at most ``width - 1`` while anything is left: ``bar_cells`` of the two), then
    is split among the other counts by largest remainder, one cell each while it has
    room and the largest counts first when it has not. So a bar never looks further
    along than it is (``bar_cells`` of every count gave each status a cell: six
    statuses of one claim each filled 6 of 12 cells for 6 of 45 claims)."""
    *done, left = counts
    total_done = sum(max(n, 0) for n in done)
    done_cells, left_cells = bar_cells([total_done, left], width)
    if done_cells <= 0:
        return [0] * len(done) + [left_cells]
    nonzero = [i for i, n in enumerate(done) if n > 0]
    if len(nonzero) > done_cells:  # too many statuses for the room: the largest show
        chosen = sorted(nonzero, key=lambda i: (-done[i], i))[:done_cells]
        inner = [1 if i in chosen else 0 for i in range(len(done))]
    else:
        inner = bar_cells(done, done_cells)
    return [*inner, left_cells]

