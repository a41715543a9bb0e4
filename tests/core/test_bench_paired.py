"""bench/paired.py: groups, the rotating interleave and the per-pair ratio summary (no timing:
the clock is a counter)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[2] / "bench" / "paired.py"
_spec = importlib.util.spec_from_file_location("bench_paired", _PATH)
paired = importlib.util.module_from_spec(_spec)
sys.modules["bench_paired"] = paired  # dataclasses look their module up
_spec.loader.exec_module(paired)


def test_groups_hold_at_least_the_units_asked_and_a_short_rest_joins_the_last():
    assert paired.groups([50, 50, 50, 50, 10], 100) == [range(0, 2), range(2, 5)]
    assert paired.groups([200, 5], 100) == [range(0, 2)]
    assert paired.groups([5, 5], 100) == [range(0, 2)]
    assert paired.groups([], 100) == []


def test_interleave_rotates_the_order_of_the_sides_group_by_group():
    order: list[tuple[str, int]] = []
    ticks = iter(range(1000))
    sides = {name: (lambda g, name=name: order.append((name, g))) for name in ("a", "b", "c")}
    times = paired.interleave(sides, n_groups=2, rounds=2, clock=lambda: float(next(ticks)))
    assert [name for name, _ in order] == list("abcbcacababc")
    assert [g for _, g in order] == [0, 0, 0, 1, 1, 1] * 2
    assert {name: [len(r) for r in rows] for name, rows in times.items()} == {
        "a": [2, 2],
        "b": [2, 2],
        "c": [2, 2],
    }
    assert all(t == 1.0 for rows in times.values() for row in rows for t in row)


def test_ratio_is_the_median_of_the_pairs_with_an_interval_around_it():
    raw = [1.0, 1.0, 1.0, 1.0, 10.0]  # one pair caught in a burst of load on one side
    ext = [1.25, 1.25, 1.25, 1.25, 1.25]
    r = paired.ratio(raw, ext)
    assert r.median == pytest.approx(0.8)
    assert r.low <= r.median <= r.high
    assert r.total == pytest.approx(14 / 6.25)  # the sums are pulled by the burst
    assert r.pairs == 5
    assert r.verdict(0.85) == "not resolved"  # the burst widens the interval over 0.85


def test_verdict_says_met_missed_or_not_resolved():
    tight = paired.ratio([0.9] * 8, [1.0] * 8)
    assert (tight.low, tight.high) == pytest.approx((0.9, 0.9))
    assert tight.verdict(0.85) == "met"
    assert tight.verdict(0.95) == "missed"
    spread = paired.ratio([0.7, 0.8, 0.9, 1.0, 0.75, 0.95], [1.0] * 6)
    assert spread.verdict(0.85) == "not resolved"


def test_ratio_leaves_out_empty_pairs_and_refuses_none():
    assert paired.ratio([1.0, 2.0], [0.0, 2.0]).pairs == 1
    with pytest.raises(ValueError):
        paired.ratio([1.0], [0.0])


def test_too_few_pairs_resolve_nothing():
    assert paired.ratio([0.9] * 4, [1.0] * 4).verdict(0.85) == "not resolved"
    assert paired.ratio([0.9] * 5, [1.0] * 5).verdict(0.85) == "met"
