"""Words for matching: lower-cased, numbers in one form, a light stemmer, stop words.

``terms`` is what the lexical index and the coverage measure count. The stemmer is
deliberately small (plural and verb endings): claims are short, and a wrong merge
of two words costs more than a missed one.
"""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[$]?\d[\d,]*(?:\.\d+)?%?|[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)

STOP = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not now of off on once only or
    other our ours ourselves out over own same she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up
    very was we were what when where which while who whom why will with would you your yours
    yourself yourselves says said say saying tells told according claims claimed claim
    s t don didn doesn isn wasn aren weren won wouldn shouldn couldn hasn haven hadn
    ve ll re d m o y its it's that's there's""".split()
)
"""Words no claim is about ("says" included: fact-checks write "Says X ...")."""

_SUFFIXES = (
    ("ies", "y"),
    ("sses", "ss"),
    ("ing", ""),
    ("ed", ""),
    ("es", ""),
    ("s", ""),
)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """``voted`` -> ``vot``, ``votes`` -> ``vot``, ``policies`` -> ``policy``."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith(("ss", "us", "is", "ous")):
        return word
    for suffix, repl in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)] + repl
            if suffix in ("ing", "ed", "es") and base.endswith("e"):
                base = base[:-1]
            if suffix in ("ing", "ed") and len(base) > 3 and base[-1] == base[-2]:
                base = base[:-1]  # stopped -> stop
            return base.rstrip("e") if len(base) > 4 else base
    return word.rstrip("e") if len(word) > 4 else word


def words(text: str) -> list[str]:
    """Raw word tokens (case kept; numbers as written, with $ and %)."""
    return _WORD.findall(text)


def number_token(token: str) -> str:
    return token.lstrip("$").rstrip("%").replace(",", "")


def terms(text: str) -> list[str]:
    """Index terms of ``text``: lower case, stemmed, stop words dropped, numbers plain."""
    out = []
    for tok in _WORD.findall(text):
        if tok[0].isdigit() or tok[0] == "$":
            out.append(number_token(tok))
            continue
        low = tok.lower().replace("’", "'")
        if low.endswith("'s"):
            low = low[:-2]
        if low in STOP or len(low) < 2:
            continue
        out.append(stem(low.replace("'", "")))
    return out
