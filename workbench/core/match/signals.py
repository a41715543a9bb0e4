"""Pair signals beyond retrieval: does the candidate state the same fact as the query?

Two claims on one topic (same people, same program) often state different facts:
"Whitmer defunded the State Police" is not "Whitmer wants to release half the
prisoners". Besides the hard conflicts of ``agree``, the acceptance score reads:

- ``num_hit`` / ``num_miss``: the query's numbers the candidate states too / does not;
- ``name_miss``: the candidate's names the query leaves out (first names and
  acronyms excused), and ``qname_miss`` the reverse;
- ``negation``: one of the two is negated ("never", "not", "no") and the other is not;
- ``direction``: one says up (rose, more, highest) where the other says down;
- ``soft``: how much of the candidate's wording the query repeats or paraphrases
  (each candidate word's best cosine with a query word, weighted by rarity).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import numpy as np

from .agree import VENUES, Number, agrees
from .tokens import STOP, stem, words

_NEGATION = re.compile(
    r"\b(?:not|no|never|none|nobody|nothing|neither|nor|without|cannot|"
    r"\w+n['’]t)\b",
    re.IGNORECASE,
)
_UP = frozenset(
    """rise rises rose risen rising increase increased increases increasing grew grow grows
    growing growth higher highest more most up gain gained gains record doubled tripled
    soar soared jump jumped surge surged boost boosted raise raised raises expand expanded
    best strongest largest biggest top""".split()
)
_DOWN = frozenset(
    """fall falls fell fallen falling decrease decreased decreases decreasing decline declined
    declines drop dropped drops lower lowest less fewer least down cut cuts reduce reduced
    reduces shrink shrank shrunk lose lost loses plunge plunged slash slashed worst weakest
    smallest bottom""".split()
)
_HARD = ("amount", "percent", "year", "ratio", "years", "months", "weeks", "days", "hours")


def negated(text: str) -> bool:
    return bool(_NEGATION.search(text))


def direction(text: str) -> int:
    """+1 when the text only says up, -1 when only down, 0 when neither or both."""
    words = set(re.findall(r"[a-z]+", text.lower()))
    up, down = bool(words & _UP), bool(words & _DOWN)
    return int(up) - int(down)


def number_signals(query: set[Number], candidate: set[Number]) -> tuple[float, float]:
    """(share of the query's hard numbers the candidate states, share it does not state)."""
    mine = [(k, v) for k, v in query if k in _HARD]
    if not mine:
        return 0.0, 0.0
    hit = sum(
        1
        for k, v in mine
        if any(k == k2 and agrees(k, v, v2) for k2, v2 in candidate)
    )
    return hit / len(mine), 1.0 - hit / len(mine)


def name_misses(
    query: set[str], candidate: set[str], context: Iterable[str], linked: set[str]
) -> tuple[float, float]:
    """(share of the candidate's names the query leaves out, share of the query's names
    that neither the candidate nor its context has); ``linked`` are names excused by
    ``agree.name_conflict``'s rules (first names, acronyms)."""
    context = set(context)
    theirs = candidate - linked
    miss = len(theirs - query) / len(theirs) if theirs else 0.0
    ours = query - VENUES - linked
    qmiss = len(ours - candidate - context) / len(ours) if ours else 0.0
    return miss, qmiss


def content_words(text: str) -> list[str]:
    """Lower-cased words a claim is about (no stop words, no numbers), once each."""
    out = []
    for w in words(text):
        low = w.lower().replace("’", "'")
        if low.endswith("'s"):
            low = low[:-2]
        if low.isalpha() and len(low) > 1 and low not in STOP:
            out.append(low)
    return list(dict.fromkeys(out))


def soft_coverage(
    dwords: list[str],
    dvectors: np.ndarray,
    qwords: list[str],
    qvectors: np.ndarray,
    idf: Callable[[str], float],
) -> float:
    """Rarity-weighted mean over the candidate's words of their best cosine with a query
    word (a repeat of the same stem counts 1); the vectors are the words' rows."""
    if not dwords or not qwords:
        return 0.0
    best = np.clip((dvectors @ qvectors.T).max(axis=1), 0.0, 1.0)
    qstems = {stem(w) for w in qwords}
    weights = np.array([idf(stem(w)) for w in dwords], dtype=np.float32)
    best = np.where([stem(w) in qstems for w in dwords], 1.0, best)
    total = float(weights.sum())
    return float((weights * best).sum() / total) if total else 0.0
