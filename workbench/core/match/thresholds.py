"""The two thresholds of suggest-then-confirm (scores are 0..1, see ``engine``).

Below ``LOWER`` a candidate is never shown; from ``LOWER`` it is a *suggestion*;
from ``UPPER`` a *strong* match. Neither applies anything: the reviewer does.
The acceptance score is a fitted probability that the candidate is the same claim, so
``LOWER`` is "more likely than not". On the fitting data (tests/data/match_dev and
match_train, 508 left-one-out fact-checks of the collection) it leaves 2-7 % of
never-checked claims with a suggestion; ``bench/match_eval.py DIR --curve`` prints the
trade-off for other thresholds.
"""

LOWER = 0.5
UPPER = 0.85


def strength(score: float, lower: float = LOWER, upper: float = UPPER) -> str | None:
    """``"strong"``, ``"suggestion"`` or None (not shown)."""
    if score >= upper:
        return "strong"
    if score >= lower:
        return "suggestion"
    return None
