"""The same claim about another subject: one thing swapped, every other word kept.

"Medicaid spending rose 20%" is not "Medicare spending rose 20%", nor "the housing
market does better under Democrats" the fact-check about the stock market. Two such
texts share nearly every word, so every retrieval signal calls them a match; the one
difference is the claim.

``subject_conflict(query, candidate, ...)`` aligns the two texts' content words (in
order, stemmed, as ``difflib`` does) and reads the parts that differ:

- a part where **both** texts have words the other lacks is a *swap*, unless one of
  its words is near one of the other's (word vectors: a paraphrase, "cops" /
  "police") — two proper names are never near (Medicare / Medicaid);
- a part only one text has is an *addition* ("supposedly non-partisan").

It is a conflict when there is exactly one swap, nothing else differs but a light
addition ("yet"), and at least 40% of the candidate's weight (idf) is in the parts that
agree: then the rest of the sentence is the same and the swap is what it is about.
Words of the candidate's claimant and headline never count as the query's own (a news
sentence names its speaker), nor does a reporting frame ("At a rally, X said that").
A name swapped for another that shares a word with it ("the Wisconsin Technical College
System" / "the University of Wisconsin System") is read the same way, each name's own words
taken as one (``entity_swap``). Reworded claims differ in several places or in none that
both texts fill, so they are left alone; only a paraphrase that changes exactly one word
to a synonym the vectors do not know ("pushed for" / "advocated for") is caught with them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from difflib import SequenceMatcher

import numpy as np

from .polarity import direction_word
from .tokens import STOP, stem

_TOKEN = re.compile(r"[^\W_](?:[\w&]|['’-](?=\w))*")
_SAYS = re.compile(r"^\W*says\s+(?:that\s+)?", re.IGNORECASE)
_NUMBER_WORDS = frozenset(
    """percent percentage percentages per cent hundred hundreds thousand thousands million
    millions billion billions trillion trillions dozen dozens zero one two three four five
    six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen
    eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety half third
    quarter times roughly approximately around nearly almost some every each total past last
    next recent recently currently now nowadays today yet still already even just only also
    ever really actually year years month months week weeks day days
    decade decades""".split()
)
"""Numbers and dates are ``agree``'s business: their words (and hedges: "roughly",
"the past decade", "not one single ... yet") are no subject."""

SIMILAR = 0.5
"""Word cosine from which two differing words are one said another way."""
AGREE = 0.4
"""Share of the candidate's weight (idf) that must be in parts both texts share."""
LIGHT = 0.04
"""An addition lighter than this share of its text's weight does not count."""


def content_tokens(text: str) -> list[str]:
    """Lower-cased content words in order (no stop words, numbers or direction words;
    "H1N1" and "K-12" kept whole), without a leading "Says"."""
    out = []
    for m in _TOKEN.finditer(_SAYS.sub("", text)):
        word = m.group()
        if "-" in word and not any(c.isdigit() for c in word):
            out += content_tokens(word.replace("-", " "))  # "African-American"
            continue
        low = word.lower().replace("’", "'")
        if low.endswith("'s"):
            low = low[:-2]
        if low.endswith("n't"):
            continue  # a negation: ``polarity``'s business
        low = low.replace("'", "")
        if len(low) < 2 or low in STOP or low in _NUMBER_WORDS or direction_word(low):
            continue  # directions ("rose", "opposed") are ``polarity``'s
        if not low[0].isalpha():
            continue  # a number, or one with its unit ("392-year-old")
        out.append(low)
    return out


_ASIDE = re.compile(
    r"\(([^()]{1,80})\)|\[([^\[\]]{1,80})\]|\s(?:--|—|–)\s?(.{1,60}?)\s?(?:--|—|–)\s"
)


def asides(text: str) -> set[str]:
    """Content words of a text's asides: in brackets, or between dashes."""
    out: set[str] = set()
    for m in _ASIDE.finditer(text):
        out.update(content_tokens(next(g for g in m.groups() if g)))
    return out


def _related(a: str, b: str, names: set[str] | frozenset[str] = frozenset()) -> bool:
    """One word in two forms: stems equal, one the other with an ending, or (not for
    names: Medicare is not Medicaid) most of the shorter one shared ("appointees",
    "appointments")."""
    if stem(a) == stem(b):
        return True
    if min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a)):
        return True
    if a in names or b in names:
        return False
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n >= 5 and n >= 0.7 * min(len(a), len(b))


def subject_conflict(
    query: list[str],
    candidate: list[str],
    weight: Callable[[str], float],
    vectors: Callable[[list[str]], np.ndarray] | None,
    excused: Iterable[str] = (),
    names: Iterable[str] = (),
    aside: Iterable[str] = (),
    groups: tuple[Iterable[tuple[str, ...]], Iterable[tuple[str, ...]]] = ((), ()),
) -> str:
    """Why ``candidate`` is the query's claim about another subject ('' when it is not):
    one swapped part (``_one_swap``), or one name for another that shares a word with it
    (``entity_swap``; ``groups`` are the two texts' ``agree.name_groups``).

    ``query`` and ``candidate`` are ``content_tokens``; ``weight(word)`` its rarity
    (idf); ``vectors(words)`` their unit word vectors, a row each (None: no word is
    near another);
    ``excused`` stems of words the query may add freely (the candidate's claimant and
    headline); ``names`` proper names (lower case) of either text; ``aside`` the
    candidate's words in brackets or between dashes ("(in California)", "--
    supposedly non-partisan --"), which the query may leave out."""
    found = _one_swap(query, candidate, weight, vectors, excused, names, aside)
    units = None if found else entity_swap(query, candidate, *groups)
    if not units:
        return found
    tq, tc, meaning = units

    def unit_weight(word: str) -> float:
        return sum(map(weight, meaning[word])) if word in meaning else weight(word)

    if _one_swap(tq, tc, unit_weight, vectors, excused, {*names, *meaning}, aside):
        return f"subject differs: {' '.join(meaning['§c'])} vs {' '.join(meaning['§q'])}"
    return ""


def _one_swap(
    query: list[str],
    candidate: list[str],
    weight: Callable[[str], float],
    vectors: Callable[[list[str]], np.ndarray] | None,
    excused: Iterable[str],
    names: Iterable[str],
    aside: Iterable[str],
) -> str:
    if not query or not candidate:
        return ""
    excused = set(excused)
    names = set(names)
    aside = set(aside)
    qstems = [stem(w) for w in query]
    dstems = [stem(w) for w in candidate]
    qset, dset = set(qstems), set(dstems)
    total_d = sum(weight(w) for w in candidate) or 1.0
    total_q = sum(weight(w) for w in query) or 1.0
    agreed = 0.0
    swaps: list[tuple[list[str], list[str]]] = []
    matcher = SequenceMatcher(None, qstems, dstems, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            agreed += sum(weight(w) for w in candidate[j1:j2])
            continue
        ours = [
            w
            for w, s in zip(query[i1:i2], qstems[i1:i2], strict=True)
            if s not in excused and s not in dset and not _related_any(w, candidate, names)
        ]
        theirs = [
            w
            for w, s in zip(candidate[j1:j2], dstems[j1:j2], strict=True)
            if s not in qset and not _related_any(w, query, names)
        ]
        agreed += sum(weight(w) for w in candidate[j1:j2] if w not in theirs)  # moved words
        if ours and theirs:
            if (ours, theirs) not in swaps:  # the same swap twice is one
                swaps.append((ours, theirs))
        elif ours and sum(weight(w) for w in ours) > LIGHT * total_q:
            return ""  # the query says more
        elif theirs and sum(weight(w) for w in theirs if w not in aside) > LIGHT * total_d:
            return ""  # the candidate says more (an aside of its own it may)
    if len(swaps) != 1 or agreed < AGREE * total_d:
        return ""
    ours, theirs = swaps[0]
    if _acronym(ours, theirs) or _verbal(ours + theirs) or _near(ours, theirs, vectors, names):
        return ""  # said another way: a paraphrase
    return f"subject differs: {' '.join(theirs[:3])} vs {' '.join(ours[:3])}"


def _related_any(word: str, others: list[str], names: set[str]) -> bool:
    return any(_related(word, o, names) for o in others)


def _near(
    ours: list[str],
    theirs: list[str],
    vectors: Callable[[list[str]], np.ndarray] | None,
    names: set[str],
) -> bool:
    """Some word of one side is near some word of the other (two names never are)."""
    if vectors is None:
        return False
    both = vectors([*ours, *theirs])
    cos = both[: len(ours)] @ both[len(ours) :].T
    for i, a in enumerate(ours):
        for j, b in enumerate(theirs):
            if not (a in names and b in names) and cos[i, j] >= SIMILAR:
                return True
    return False


def _verbal(words: list[str]) -> bool:
    """Every word a participle ("pushed" / "advocated", "scheming" / "plotting"): the
    action said another way, not another thing."""
    return all(len(w) > 4 and w.endswith(("ed", "ing")) for w in words)


def _acronym(ours: list[str], theirs: list[str]) -> bool:
    """One side is the other's initials (ICE / Immigration and Customs Enforcement)."""
    for one, other in ((ours, theirs), (theirs, ours)):
        if len(other) >= 2 and "".join(w[0] for w in other) in one:
            return True
    return False


def entity_swap(
    query: list[str],
    candidate: list[str],
    query_groups: Iterable[tuple[str, ...]],
    candidate_groups: Iterable[tuple[str, ...]],
) -> tuple[list[str], list[str], dict[str, list[str]]] | None:
    """The two texts with one name each read as a unit, when the names share a word and
    each has words the other lacks ("the Wisconsin Technical College System" / "the
    University of Wisconsin System", "Drug Enforcement Administration" / "Immigration and
    Customs Enforcement"): each name's own words become one placeholder, followed by the
    words both share, so that the rest of the sentence can be aligned around the swap.
    Returns the two token lists and what each placeholder stands for (None: no such pair;
    a name whose words are all in the other's is the same name, "Obama" / "Barack Obama")."""
    for gq in query_groups:
        a = {w for w in gq if w not in STOP and w not in _GROUP_LIGHT}
        for gc in candidate_groups:
            b = {w for w in gc if w not in STOP and w not in _GROUP_LIGHT}
            shared, ours, theirs = a & b, a - b, b - a
            if not shared or not ours or not theirs or len(a) < 2 or len(b) < 2:
                continue
            if _acronym(sorted(ours), sorted(theirs)):
                continue
            q = _as_unit(query, a, ours, shared, "§q")
            c = _as_unit(candidate, b, theirs, shared, "§c")
            if q and c:
                return q, c, {"§q": sorted(ours), "§c": sorted(theirs)}
    return None


_GROUP_LIGHT = frozenset("says u.s mr mrs ms dr".split())


def _as_unit(
    tokens: list[str], group: set[str], own: set[str], shared: set[str], mark: str
) -> list[str] | None:
    """``tokens`` with the name's words replaced, where the first of them stood, by
    ``mark`` and the shared words in a fixed order (None: the name is not in them)."""
    at = [i for i, w in enumerate(tokens) if w in group]
    if not at or not any(tokens[i] in own for i in at):
        return None
    out = [w for i, w in enumerate(tokens) if i not in set(at)]
    return [*out[: at[0]], mark, *sorted(shared), *out[at[0] :]]
