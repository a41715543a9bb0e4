"""Paired CPU measurements on a shared machine: short interleaved pieces, per-pair ratios.

A whole-corpus round of a few seconds per side, one side after the other, sees the
machine's load change between the two halves: the same code gave ratios 0.78-0.93 minutes
apart (bench/RESULTS.md, session 22). Here the corpus is cut into groups of a few
batches; each group is measured on every side back to back, the order rotating from one
group to the next (AB BA AB ... or ABC BCA CAB ...), so both sides of a pair run within
a second of each other under the same load and a drift in load falls on both sides alike.
Each pair gives one ratio; their median is reported with its bootstrap interval and the
quartiles, so a reader can see whether a result is resolved against a target.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass


def groups(sizes: Sequence[int], at_least: int) -> list[range]:
    """Consecutive items (of ``sizes`` units each) grouped until a group holds at least
    ``at_least`` units; a short remainder joins the group before it."""
    out: list[range] = []
    start, held = 0, 0
    for i, size in enumerate(sizes):
        held += size
        if held >= at_least:
            out.append(range(start, i + 1))
            start, held = i + 1, 0
    if start < len(sizes):
        if out:
            out[-1] = range(out[-1].start, len(sizes))
        else:
            out.append(range(start, len(sizes)))
    return out


def interleave(
    sides: dict[str, Callable[[int], object]],
    n_groups: int,
    rounds: int,
    clock: Callable[[], float] = time.process_time,
) -> dict[str, list[list[float]]]:
    """``clock`` time of ``sides[name](group)`` for every round and group:
    ``times[name][round][group]``. The sides of one group run back to back, in an
    order rotated by one at every group."""
    names = list(sides)
    times: dict[str, list[list[float]]] = {name: [] for name in names}
    turn = 0
    for _ in range(rounds):
        for name in names:
            times[name].append([0.0] * n_groups)
        for g in range(n_groups):
            for name in names[turn:] + names[:turn]:
                t = clock()
                sides[name](g)
                times[name][-1][g] = clock() - t
            turn = (turn + 1) % len(names)
    return times


MIN_PAIRS = 5


@dataclass(frozen=True)
class Ratio:
    median: float  # median of the per-pair ratios
    low: float  # bootstrap interval of that median (95%)
    high: float
    q1: float  # quartiles of the per-pair ratios
    q3: float
    total: float  # sum of the numerators over the sum of the denominators
    pairs: int

    def verdict(self, target: float) -> str:
        """'met' / 'missed' when the interval is on one side of ``target`` (and there are
        at least ``MIN_PAIRS`` pairs: the interval of fewer says nothing)."""
        if self.pairs < MIN_PAIRS:
            return "not resolved"
        if self.low >= target:
            return "met"
        if self.high < target:
            return "missed"
        return "not resolved"


def ratio(
    num: Sequence[float], den: Sequence[float], resamples: int = 2000, seed: int = 0
) -> Ratio:
    """Per-pair ratios ``num[i] / den[i]`` summed up (pairs with a zero denominator are
    left out)."""
    pairs = [(n, d) for n, d in zip(num, den, strict=True) if d > 0]
    if not pairs:
        raise ValueError("no pair with a positive denominator")
    values = sorted(n / d for n, d in pairs)
    rng = random.Random(seed)
    medians = sorted(
        statistics.median(rng.choices(values, k=len(values))) for _ in range(resamples)
    )
    q1, _, q3 = statistics.quantiles(values, n=4) if len(values) > 1 else (values[0],) * 3
    return Ratio(
        median=statistics.median(values),
        low=medians[int(0.025 * (resamples - 1))],
        high=medians[int(0.975 * (resamples - 1))],
        q1=q1,
        q3=q3,
        total=sum(n for n, _ in pairs) / sum(d for _, d in pairs),
        pairs=len(values),
    )


def flat(times: list[list[float]]) -> list[float]:
    return [x for row in times for x in row]
