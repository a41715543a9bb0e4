"""Markup-like tags in article text, hidden from the parser (not from the reader).

Pasted or scraped text can hold BBCode or console markup ("[b]March[/b] 3",
"[link=https://x]100 people[/link]"), HTML tags ("<b>2,000</b> observers") and
Markdown links ("[the report](https://x/2024/05)"). The tags are no words: read as
text they split numbers from their nouns, put URL digits into claims and hide dates.
``unmark`` gives the text without its tags (what the parser reads) and maps its
offsets back, so every claim's offsets are those of the article text; the article
itself (anchors, sentences, quotes) is never changed and is shown literally.

A bracket pair is a tag only when it reads as one: a closing tag ("[/b]", "[/]",
"</b>"), an opening tag with a value ("[link=...]", "[color=red]"), an opening tag
closed later in the same text ("[b]" ... "[/b]", "[bold red]" ... "[/]"), an HTML tag
or the brackets and address of a Markdown link ("[/]" closes only a lower-case tag:
console markup). Editorial brackets ("[sic]", "[He] said", "[1]") stay words.
"""

from __future__ import annotations

import re

_CLOSING = re.compile(r"\[/([A-Za-z][\w-]*)?\]")
_OPENING = re.compile(r"\[([A-Za-z][\w-]*)(?:(=)[^\[\]\n]{0,300}|(?: [^\[\]\n]{1,100}))?\]")
_HTML = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>\n]{0,300})?/?>|<!--.{0,300}?-->")
_MD_LINK = re.compile(r"\[([^\[\]\n]{1,300})\](\((?:https?://|www\.|/)[^\s()]{0,500}\))")
_HINT = re.compile(r"[\[<]")


class Unmarked:
    """A text without its markup tags, and the way back to the text's own offsets."""

    __slots__ = ("text", "_keep", "_length")

    def __init__(self, text: str, keep: list[int], length: int) -> None:
        self.text = text  # what the parser reads
        self._keep = keep  # for each character of ``text``, its offset in the marked text
        self._length = length  # length of the marked text

    def start(self, offset: int) -> int:
        """A start offset in ``text`` -> the same place in the marked text."""
        return self._keep[offset] if offset < len(self._keep) else self._length

    def end(self, offset: int) -> int:
        """An end offset (exclusive) in ``text`` -> the same place in the marked text."""
        return self._keep[offset - 1] + 1 if offset > 0 else 0


def _tag_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    last_close: dict[str, int] = {}  # tag name ("" for "[/]") -> start of its last closing
    for m in _CLOSING.finditer(text):
        spans.append(m.span())
        last_close[(m.group(1) or "").lower()] = m.start()
    for m in _OPENING.finditer(text):
        name = m.group(1)
        closed = last_close.get(name.lower(), -1) > m.end() or (
            name.islower() and last_close.get("", -1) > m.end()  # "[bold red]...[/]"
        )
        if m.group(2) or closed:
            spans.append(m.span())
    spans.extend(m.span() for m in _HTML.finditer(text))
    for m in _MD_LINK.finditer(text):
        spans.append((m.start(), m.start() + 1))  # "[" of the link's words
        spans.append((m.start(2) - 1, m.end()))  # "](address)"
    return sorted(spans)


def unmark(text: str) -> Unmarked | None:
    """``text`` without its markup tags (None when it has none).

    A tag between two words becomes one space ("a<br>b" -> "a b"), else it goes; a
    space left doubled by a tag goes too ("said [b]100" -> "said 100"), so the parser
    sees the words as it would without the markup.
    """
    if not _HINT.search(text):
        return None
    spans = _tag_spans(text)
    if not spans:
        return None
    out: list[str] = []
    keep: list[int] = []
    pos = 0
    for start, end in spans:
        if end <= pos:
            continue
        _copy(text, max(pos, 0), start, out, keep, after_tag=pos > 0)
        if out and out[-1].isalnum() and end < len(text) and text[end].isalnum():
            out.append(" ")  # "a<br>b": the tag parted two words
            keep.append(start)
        pos = max(pos, end)
    _copy(text, pos, len(text), out, keep, after_tag=True)
    return Unmarked("".join(out), keep, len(text))


def _copy(
    text: str, start: int, end: int, out: list[str], keep: list[int], after_tag: bool
) -> None:
    """Copy ``text[start:end]``; a space right after a tag is left out when the text
    copied so far is empty or ends in white space."""
    i = start
    if after_tag:
        while i < end and text[i] == " " and (not out or out[-1] in " \n"):
            i += 1
    out.extend(text[i:end])
    keep.extend(range(i, end))
