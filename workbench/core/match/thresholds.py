"""The two thresholds of suggest-then-confirm (scores are 0..1, see ``engine``).

Below ``LOWER`` a candidate is never shown; from ``LOWER`` it is a *suggestion*;
from ``UPPER`` a *strong* match. Neither applies anything: the reviewer does.
Tuned on tests/data/match_dev (never on the blind set tests/data/match_eval).
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
