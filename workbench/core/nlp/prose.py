"""Split clean article text into prose units for the parser, leaving out non-prose lines.

A unit is a run of article prose (a paragraph, or a slice of a very long one) with
its offsets in the clean text. Headlines, bylines, photo credits, app promotions,
"X contributed to this report" and similar lines make no claims.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..text import guess_title

MAX_UNIT_CHARS = 20_000
"""Longest unit handed to spaCy at once (well under nlp.max_length, memory bounded)."""
MAX_SENTENCE_CHARS = 2_000
"""Longest stretch without a sentence end that stays one piece; longer ones are cut at spaces.

Every claim carries its sentence, so a 5 MB line without punctuation must not become
one 20,000-character sentence copied into each of its claims.
"""

_BOILERPLATE_START = re.compile(
    r"""(?ix)
    ^(?:download|get|install|try)\b.{0,60}\bapp\b
  | ^(?:sign\ up|subscribe|follow\ us|like\ us|join\ us|read\ more|read\ also|see\ also|
       click\ here|share\ this|share\ on|editor'?s\ note|copyright|©|\(c\)|all\ rights\ reserved)\b
  | ^(?:related|more\ on|watch|listen|advertisement|newsletter|recommended|most\ read|trending)
       \b\s*(?::|$)
  | ^(?:photo|image|picture|video|graphic|illustration|file\ photo|credit|source)s?\s*(?::|by\b)
  | ^by\ (?-i:[A-Z])[\w.'-]+(?:\ (?-i:[A-Z])[\w.'-]+){0,3}(?:\s*(?:,|and|\|).*)?(?<![.!?])$
  | ^(?:updated|published|posted|last\ updated)\b.{0,40}\d
    """
)
"""Boilerplate read at the start of a line (a promo, a caption, a byline, a time stamp)."""
_BYLINE = re.compile(
    r"(?i)^by\ (?-i:[A-Z])[\w.'-]+(?:\ (?-i:[A-Z])[\w.'-]+){0,3}(?:\s*(?:,|and|\|).*)?(?<![.!?])$"
)
"""A byline ("By Anna Whitlock, Travel Editor"), the line a standfirst stands above."""
_BOILERPLATE_ANYWHERE = re.compile(
    r"""(?ix)
    \b(?:(?:in|to)\ your\ inbox
  | contributed\ (?:to\ )?(?:this\ )?(?:report|reporting|story)|additional\ reporting\ by
  | reporting\ by|writing\ by|editing\ by|edited\ by|compiled\ by
  | getty\ images|ap\ photo|afp\ via\ getty|reuters\ photo|shutterstock|epa-efe)\b
    """
)
"""Boilerplate anywhere in a line (credits). Two patterns, so that only these few
phrases are tried at every position of a line."""
_PROBE_CHARS = 2_000
"""Of a longer line only the first and last 1,000 characters are read for boilerplate."""
# "Name Surname / Agency" at the end of a caption line.
_CREDIT_TAIL = re.compile(
    r"[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3}\s?/\s?[A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,2}\s*$"
)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$|[\"'”’]$")
_SENT_SPLIT = re.compile(r"(?<=[.!?])([\"'”’)]*)\s+(?=[\"'“‘(]?[A-Z0-9])")


# "MADRID, July 18 (AP) — ", "WASHINGTON (Reuters) - ", "LONDON — ", "LONDON, 5 March 2024
# (Reuters) - ", "MOSCOW, Russia (CNN)", "(Reuters) - ", "NEW YORK, Nov. 20, 2025 /PRNewswire/ --"
# at the start of a paragraph.
_CITY = r"[A-Z][A-Z.'-]+(?:[ /][A-Z][A-Z.'-]+){0,3}"
_REGION = r"(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?"
_WHEN = r"(?:,? (?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8}\.?)(?:,? \d{4})?)?"
_AGENCY = r"(?:\([A-Za-z. ]{2,30}\)|/[A-Za-z. ]{2,30}/)"
_DATELINE = re.compile(
    rf"^(?:{_CITY}{_REGION}{_WHEN}(?: ?{_AGENCY})? ?[—–-]{{1,2}} "
    rf"|{_CITY}{_REGION}{_WHEN} ?{_AGENCY}(?: ?[—–-]{{1,2}} ?| ?: ?)?(?=[A-Z“\"‘'])"
    rf"|{_AGENCY} ?[—–-]{{1,2}} )"
)


def dateline_length(line: str) -> int:
    """Length of a news dateline at the start of ``line`` (0 when there is none)."""
    match = _DATELINE.match(line)
    return match.end() if match else 0


@dataclass(frozen=True)
class Unit:
    """A run of prose: ``text == article_text[start:end]``."""

    start: int
    end: int
    text: str


def is_prose_line(line: str) -> bool:
    """True when a line reads like article prose (not a headline, credit or promo)."""
    stripped = line.strip()
    if not stripped:
        return False
    if len(stripped) > _PROBE_CHARS:  # a long line is prose unless its ends say otherwise
        stripped = stripped[: _PROBE_CHARS // 2] + " " + stripped[-_PROBE_CHARS // 2 :]
    if _BOILERPLATE_START.match(stripped) or _BOILERPLATE_ANYWHERE.search(stripped):
        return False
    if len(stripped) < 400 and _CREDIT_TAIL.search(stripped):
        return False
    if not _SENTENCE_END.search(stripped) and len(stripped.split(None, 14)) < 15:
        return False  # headline, subhead, dateline, label
    return len(stripped.split(None, 3)) >= 3


def _standfirst(line: str, following: str | None) -> bool:
    """A standfirst: a line with no sentence end right above the byline ("He led the
    team for almost three decades and never lost his patience" over "By Morag Lindsay"),
    the summary under a headline, which the article's body says again."""
    stripped = line.strip()
    return (
        following is not None
        and len(stripped) < 400
        and not _SENTENCE_END.search(stripped)
        and bool(_BYLINE.match(following.strip()))
    )


def prose_units(text: str, skip_title: bool = True) -> Iterator[Unit]:
    """Yield the prose units of ``text`` in order, with their offsets."""
    pos = 0
    run_start = run_end = -1
    first_line = True
    lines = text.split("\n")
    for n, line in enumerate(lines):
        start, end = pos, pos + len(line)
        pos = end + 1
        # the first line is left out only when it reads as a headline (it becomes the title)
        is_title = first_line and skip_title and bool(guess_title(line))
        if line.strip():
            first_line = False
        if line.strip() and not is_title and is_prose_line(line):
            if _standfirst(line, _next_line(lines, n)):
                if run_start >= 0:
                    yield from _split_long(text, run_start, run_end)
                    run_start = -1
                continue
            if run_start < 0:
                run_start = start + dateline_length(line)
            run_end = end
            continue
        if run_start >= 0:
            yield from _split_long(text, run_start, run_end)
            run_start = -1
    if run_start >= 0:
        yield from _split_long(text, run_start, run_end)


def _next_line(lines: list[str], n: int) -> str | None:
    """The next line with text after line ``n`` (a few blank lines looked past)."""
    for line in lines[n + 1 : n + 4]:
        if line.strip():
            return line
    return None


def _split_long(text: str, start: int, end: int) -> Iterator[Unit]:
    """Slice a run into units of whole sentences of at most ``MAX_UNIT_CHARS``.

    A stretch of more than ``MAX_SENTENCE_CHARS`` without a sentence end is cut at
    spaces (else anywhere), so the work and memory per unit stay bounded whatever
    the input looks like.
    """
    if end - start <= MAX_SENTENCE_CHARS:
        yield Unit(start, end, text[start:end])
        return
    unit_start = unit_end = -1
    for piece_start, piece_end, whole in _pieces(text, start, end):
        if unit_start >= 0 and (not whole or piece_end - unit_start > MAX_UNIT_CHARS):
            yield Unit(unit_start, unit_end, text[unit_start:unit_end])
            unit_start = -1
        if not whole:  # a slice of an over-long sentence is a unit alone: the parser
            yield Unit(piece_start, piece_end, text[piece_start:piece_end])  # cannot join it
            continue
        if unit_start < 0:
            unit_start = piece_start
        unit_end = piece_end
    if unit_start >= 0:
        yield Unit(unit_start, unit_end, text[unit_start:unit_end])


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int, bool]]:
    """(start, end, whole) of the sentences of a run; over-long ones come as slices.

    ``whole`` is False for the slices of a sentence longer than ``MAX_SENTENCE_CHARS``
    (cut at the last space before the limit, else at the limit).
    """
    cuts = [(m.end(1), m.end()) for m in _SENT_SPLIT.finditer(text, start, end)]
    cuts.append((end, end))
    for sentence_end, next_start in cuts:
        whole = sentence_end - start <= MAX_SENTENCE_CHARS
        while sentence_end - start > MAX_SENTENCE_CHARS:
            limit = start + MAX_SENTENCE_CHARS
            cut = text.rfind(" ", start + MAX_SENTENCE_CHARS // 4, limit)
            cut = cut if cut > start else limit
            yield start, cut, False
            start = cut
            while start < sentence_end and text[start].isspace():
                start += 1
        if sentence_end > start:
            yield start, sentence_end, whole
        start = max(start, next_start)
