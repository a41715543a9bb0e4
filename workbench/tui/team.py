"""The team workspace on screen: the connection in the status line, who works on what.

Plain helpers (no widgets): the app keeps one ``TeamState`` and the screens draw
it with ``connection_segment``; the picker and the claims list draw the presence
markers with ``who_cells`` and ``taken_prefix``. Names come from the server and
are untrusted: always one clean line, never markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.content import Content

from workbench.core.text import one_line

ONLINE = "#3fb950"
OFFLINE = "#f85149"
TAKEN = "bold #d2a8ff"


@dataclass
class TeamState:
    """What the status line says about the team server."""

    server: str
    online: bool = True
    caught_up: int | None = None
    """Set when the connection just came back: how many changes the catch-up read."""
    reason: str = ""
    unsaved: int = 0
    """Changes kept because the server was unreachable (not saved yet)."""

    def words(self, short: bool = False, tiny: bool = False) -> str:
        """The state in words (``short``: without the server; ``tiny``: the fewest
        words, for very narrow screens)."""
        n = self.caught_up
        if not self.online:
            text = "offline…" if tiny else "offline — reconnecting…"
        elif n is not None:
            text = f"back online (+{n})" if tiny else (
                f"back online — caught up {n} change{'' if n == 1 else 's'}")
        else:
            text = "online"
        if not short and not tiny:
            text = f"{one_line(self.server, 40)} {text}"
        if self.unsaved:
            text += f" · {self.unsaved} unsaved"
        return text


def connection_segments(state: TeamState | None) -> list[Content]:
    """The connection part of the status line, longest first (none: a local folder)."""
    if state is None:
        return []
    return [c for c in (connection_segment(state), connection_segment(state, True),
                        connection_segment(state, True, True)) if c is not None]


def connection_segment(state: TeamState | None, short: bool = False,
                       tiny: bool = False) -> Content | None:
    """The status line's connection part: a dot and the words (None: a local folder)."""
    if state is None:
        return None
    color = ONLINE if state.online else OFFLINE
    dot = "●" if state.online else "○"
    style = f"bold {color}" if not state.online or state.caught_up is not None else color
    return Content.assemble((dot + " ", color), (state.words(short, tiny), style))


def taken_prefix(names: str) -> Text:
    """The claims list's "taken by" marker in front of a claim's label."""
    return Text(f"◆{one_line(names, 16)} ", style=TAKEN, end="", no_wrap=True)


def with_taken(label: Text, names: str) -> Text:
    """A label cell with the "taken by" marker in front (``names`` "": unchanged)."""
    if not names:
        return label
    cell = Text(end="", no_wrap=True, overflow="ellipsis")
    cell.append_text(taken_prefix(names))
    cell.append_text(label)
    return cell


def who_cells(assignee: str, on_it: list[str], width: int) -> tuple[Text, Text]:
    """The picker's two team columns: the assignee, and who has the article open now."""
    assigned = Text(one_line(assignee, width) if assignee else "–", end="", no_wrap=True,
                    style="" if assignee else "dim")
    names = one_line(", ".join(on_it), width)
    here = Text(f"◆{names}" if on_it else "", style=TAKEN, end="", no_wrap=True)
    return assigned, here
