"""A keyboard selection over an article's text: a caret that moves by word or
sentence, an anchor that stays while the selection is extended, trims by a word.

Pure text logic (no Textual), so it is tested without an app. Offsets refer to the
article's clean text, as claims do.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

_WORD = re.compile(r"\w[\w’'.,%$€£-]*\w|\w|[^\w\s]")


@dataclass
class Selection:
    text: str
    sentences: Sequence[tuple[int, int]]
    """(start, end) of every sentence, in order."""
    anchor: int = 0
    caret: int = 0

    def __post_init__(self) -> None:
        self._words = [(m.start(), m.end()) for m in _WORD.finditer(self.text)]
        self._word_starts = [s for s, _ in self._words]
        self._word_ends = [e for _, e in self._words]

    # ----------------------------------------------------------------- reading
    @property
    def span(self) -> tuple[int, int]:
        """The selected text's (start, end), blanks at either end left out."""
        start, end = sorted((self.anchor, self.caret))
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return start, end

    @property
    def selected(self) -> str:
        start, end = self.span
        return self.text[start:end]

    def sentence_at(self, offset: int) -> tuple[int, int]:
        starts = [s for s, _ in self.sentences]
        i = max(bisect_right(starts, offset) - 1, 0)
        if not self.sentences:
            return 0, len(self.text)
        return self.sentences[i]

    # ------------------------------------------------------------------ moving
    def _next_word(self, offset: int) -> int:
        """The end of the word at or after ``offset``."""
        i = bisect_right(self._word_ends, offset)
        return self._word_ends[i] if i < len(self._words) else len(self.text)

    def _prev_word(self, offset: int) -> int:
        """The start of the word before ``offset``."""
        i = bisect_left(self._word_starts, offset) - 1
        return self._word_starts[i] if i >= 0 else 0

    def _next_sentence(self, offset: int) -> int:
        for _start, end in self.sentences:
            if end > offset:
                return end
        return len(self.text)

    def _prev_sentence(self, offset: int) -> int:
        for start, _ in reversed(self.sentences):
            if start < offset:
                return start
        return 0

    def move(self, unit: str, step: int, extend: bool) -> None:
        """Move the caret a word or a sentence forward (step 1) or back (-1);
        without ``extend`` the anchor follows (nothing stays selected)."""
        if unit == "word":
            self.caret = self._next_word(self.caret) if step > 0 else self._prev_word(self.caret)
        else:
            self.caret = (self._next_sentence(self.caret) if step > 0
                          else self._prev_sentence(self.caret))
        if not extend:
            self.anchor = self.caret

    def select_sentence(self) -> None:
        """Select the whole sentence the caret is in."""
        start, end = self.sentence_at(self.caret)
        self.anchor, self.caret = start, end

    def trim(self, side: str) -> None:
        """Take one word off the start (``side`` "start") or the end of the selection."""
        start, end = self.span
        if side == "start":
            new = self._next_word(start)
            while new < end and self.text[new].isspace():
                new += 1
            start = min(new, end)
        else:
            end = max(self._prev_word(end), start)
        self.anchor, self.caret = start, end
