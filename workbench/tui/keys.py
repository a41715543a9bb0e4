"""Every key of the review screen, as Bindings with ids (overridable from the config keymap).

The help overlay and the command palette are both generated from this list, so
they always show every action with its current key.
"""

from __future__ import annotations

from textual.binding import Binding

REVIEW_BINDINGS: list[Binding] = [
    Binding("j,down", "move(1)", "Down", show=False, id="cursor_down", tooltip="Next claim"),
    Binding("k,up", "move(-1)", "Up", show=False, id="cursor_up", tooltip="Previous claim"),
    Binding("g,home", "first", "First", show=False, id="first", tooltip="First claim"),
    Binding("G,end", "last", "Last", show=False, id="last", tooltip="Last claim"),
    Binding("n", "next_unreviewed(1)", "Next", id="next_unreviewed",
            tooltip="Next unreviewed claim"),
    Binding("N", "next_unreviewed(-1)", "Prev todo", show=False, id="prev_unreviewed",
            tooltip="Previous unreviewed claim"),
    Binding("v", "mark('verified')", "Verified", id="mark_verified", tooltip="Mark verified"),
    Binding("d", "mark('disputed')", "Disputed", id="mark_disputed", tooltip="Mark disputed"),
    Binding("f", "mark('false')", "False", id="mark_false", tooltip="Mark false"),
    Binding("i", "mark('inconclusive')", "Inconcl.", id="mark_inconclusive",
            tooltip="Mark inconclusive"),
    Binding("p", "mark('in_progress')", "In progress", show=False, id="mark_in_progress",
            tooltip="Mark in progress"),
    Binding("x", "mark('unreviewed')", "Unmark", show=False, id="mark_unreviewed",
            tooltip="Back to unreviewed"),
    Binding("D", "mark('dismissed')", "Dismiss", id="mark_dismissed",
            tooltip="Dismiss: not a checkable claim (counts as reviewed)"),
    Binding("M", "apply_match", "Apply", id="apply_match",
            tooltip="Apply the earlier check shown first under Checked before (undoable)"),
    Binding("W", "dismiss_match", "Not same", id="dismiss_match",
            tooltip="The first match under Checked before is not the same claim"),
    Binding("r", "reword", "Reword", show=False, id="reword",
            tooltip="Reword the claim (the reviewer's label)"),
    Binding("m", "add_claim", "Add claim", show=False, id="add_claim",
            tooltip="Add a claim the tool missed: select it in the article"),
    Binding("enter", "edit_note", "Note", id="edit_note", tooltip="Edit the claim's note"),
    Binding("l", "add_link", "Link", id="add_link", tooltip="Add an evidence link"),
    Binding("L", "manage_links", "Links", show=False, id="manage_links",
            tooltip="Manage or remove evidence links"),
    Binding("c", "check_links", "Check links", show=False, id="check_links",
            tooltip="Check the claim's links (network)"),
    Binding("ctrl+z", "undo", "Undo", id="undo", tooltip="Undo the last change"),
    Binding("ctrl+y", "redo", "Redo", show=False, id="redo", tooltip="Redo"),
    Binding("ctrl+r", "retry_kept", "Retry saving", show=False, id="retry_kept",
            tooltip="Team workspace: save now the changes kept while the server was "
            "unreachable"),
    Binding("slash", "filter_text", "Filter", id="filter_text",
            tooltip="Filter claims by text, kind, claim type or speaker"),
    Binding("1", "filter_status(0)", "Unreviewed", show=False, id="filter_unreviewed",
            tooltip="Show only unreviewed claims (1-7 combine: 4 then 5 = disputed or false)"),
    Binding("2", "filter_status(1)", "In progress", show=False, id="filter_in_progress",
            tooltip="Show only claims in progress"),
    Binding("3", "filter_status(2)", "Verified", show=False, id="filter_verified",
            tooltip="Show only verified claims"),
    Binding("4", "filter_status(3)", "Disputed", show=False, id="filter_disputed",
            tooltip="Show only disputed claims"),
    Binding("5", "filter_status(4)", "False", show=False, id="filter_false",
            tooltip="Show only false claims"),
    Binding("6", "filter_status(5)", "Inconclusive", show=False, id="filter_inconclusive",
            tooltip="Show only inconclusive claims"),
    Binding("7", "filter_status(6)", "Dismissed", show=False, id="filter_dismissed",
            tooltip="Show only dismissed claims"),
    Binding("0", "clear_filters", "All", show=False, id="filter_clear",
            tooltip="Clear the filters"),
    Binding("s", "cycle_sort", "Sort", show=False, id="cycle_sort",
            tooltip="Sort: article order, worthiness, status"),
    Binding("a", "toggle_article", "Article", show=False, id="toggle_article",
            tooltip="Show or hide the article pane"),
    Binding("tab", "cycle_focus", "Pane", show=False, id="cycle_focus",
            tooltip="Move to the next pane"),
    Binding("e", "export", "Export", show=False, id="export", tooltip="Export a report"),
    Binding("o", "open_picker", "Articles", show=False, id="open_picker",
            tooltip="Open the article picker"),
    Binding("question_mark", "help", "Help", id="help", tooltip="List every key"),
    Binding("q", "quit", "Quit", id="quit", tooltip="Quit (everything is already saved)"),
]

_FOOTER_FIRST = ("next_unreviewed", "mark_verified", "mark_disputed", "mark_false",
                 "mark_inconclusive", "help", "undo", "quit", "apply_match", "dismiss_match",
                 "edit_note", "add_link", "mark_dismissed", "filter_text")
"""The footer's keys in the order it shows them (widgets.footer hides the rest whole; ?
lists every key). At 80 columns the first eight and ⏎ Note fit: undo and quit always show.
M and W come only on a claim with a match, after quit (at 80 columns "M Apply" fits, at 90
W too; the detail pane's Checked before names both keys anyway), and push note and link
out where there is no room: before, at 80 columns, they pushed undo and quit out."""
MATCH_ACTIONS = ("apply_match", "dismiss_match")
"""Shown (footer) and active only on a claim with a match under Checked before."""


BindingList = list[Binding | tuple[str, str] | tuple[str, str, str]]
"""The type of ``Screen.BINDINGS``."""


def footer_order(bindings: list[Binding]) -> BindingList:
    """The same bindings, the ones that matter most first (the footer shows them in this
    order, and at 80 columns it cannot show all of them)."""
    rank = {bid: i for i, bid in enumerate(_FOOTER_FIRST)}

    def place(binding: Binding) -> int:
        return rank.get(binding.id or "", len(rank))

    ranked: list[Binding] = sorted(bindings, key=place)
    ordered: BindingList = []
    ordered.extend(ranked)
    return ordered
