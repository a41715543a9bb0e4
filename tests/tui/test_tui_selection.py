"""The keyboard selection behind "add a claim the tool missed" (pure text logic)."""

from __future__ import annotations

from workbench.core.nlp.consistency import split_sentences
from workbench.tui.widgets.selection import Selection

TEXT = "The council approved 120 million dollars. Critics said only 40 clinics were built."


def make(start: int, end: int) -> Selection:
    return Selection(TEXT, split_sentences(TEXT), anchor=start, caret=end)


def test_sentence_then_trim_both_ends():
    sel = make(0, 0)
    sel.select_sentence()
    assert sel.selected == "The council approved 120 million dollars."
    sel.trim("start")
    sel.trim("start")
    assert sel.selected == "approved 120 million dollars."
    sel.trim("end")  # the full stop
    sel.trim("end")
    assert sel.selected == "approved 120 million"


def test_caret_moves_by_word_and_extends():
    at = TEXT.index("120")
    sel = make(at, at)
    sel.move("word", 1, extend=True)
    assert sel.selected == "120"
    sel.move("word", 1, extend=True)
    assert sel.selected == "120 million"
    sel.move("word", 1, extend=False)  # a plain move drops the selection
    assert sel.selected == ""
    sel.move("word", -1, extend=False)
    sel.move("word", -1, extend=True)
    assert sel.selected == "million"


def test_caret_moves_by_sentence():
    sel = make(0, 0)
    sel.move("sentence", 1, extend=False)
    sel.move("sentence", 1, extend=True)
    assert sel.selected.startswith("Critics said") and sel.selected.endswith("built.")
    sel.move("sentence", -1, extend=False)
    assert sel.caret == TEXT.index("Critics")
