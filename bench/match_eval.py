"""Claim-matching evaluation: MRR, recall@1/5, false-suggestion rate.

    python bench/match_eval.py tests/data/match_dev      # the dev set (tune on this)
    python bench/match_eval.py tests/data/match_eval     # a check set (tuned on before)
    python bench/match_eval.py DIR --curve               # plus the threshold trade-off
    python bench/match_eval.py DIR DIR ...               # several sets, one index

Imports all of ../shared/data/politifact/factchecks.jsonl into a matcher and runs
each query of DIR/queries.jsonl and DIR/negatives.jsonl against it (metrics as in
tests/data/match_eval/README.md). ``--show-misses`` lists what went wrong (use it on
the dev set only). ``--json`` prints the numbers as one JSON object.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from workbench.core.match import thresholds  # noqa: E402
from workbench.core.match.collection_index import factcheck_docs  # noqa: E402
from workbench.core.match.engine import Matcher  # noqa: E402
from workbench.core.match.readers import read_factchecks  # noqa: E402
from workbench.core.match.semantic import load_embedder  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "politifact" / "factchecks.jsonl"
if not DATA.exists():
    DATA = Path("/work/shared/data/politifact/factchecks.jsonl")


def build(lexical_only: bool = False) -> tuple[Matcher, list[str]]:
    records = read_factchecks(DATA)
    matcher = Matcher(None if lexical_only else load_embedder())
    matcher.add(factcheck_docs(records))
    return matcher, ["fc:" + r.key for r in records]


def evaluate(folder: Path, matcher: Matcher, keys: list[str], show: bool = False) -> dict:
    line_of = {k: i for i, k in enumerate(keys)}
    queries = [json.loads(x) for x in (folder / "queries.jsonl").read_text().splitlines() if x]
    negatives = [json.loads(x) for x in (folder / "negatives.jsonl").read_text().splitlines() if x]
    per_style: dict[str, list[tuple[float, bool, bool, bool]]] = defaultdict(list)
    times = []
    for q in queries:
        ok = {q["target_line"], *q.get("also_ok_lines", [])}
        t0 = time.perf_counter()
        hits = matcher.search(q["query"], limit=10)
        times.append(time.perf_counter() - t0)
        rank = next((h.rank for h in hits if line_of[h.key] in ok), None)
        shown5 = any(
            line_of[h.key] in ok and h.rank <= 5 and h.score >= thresholds.LOWER for h in hits
        )
        rr = 1 / rank if rank else 0.0
        per_style[q["style"]].append((rr, rank == 1, bool(rank and rank <= 5), shown5))
        if show and rank != 1:
            print(f"MISS rank={rank} [{q['style']}] {q['query']}")
            print(f"   target: {matcher.entries[q['target_line']].text}")
            for h in hits[:3]:
                text = matcher.entries[matcher.keys[h.key]].text[:110]
                print(f"   {h.rank}. {h.score:.3f} s={h.semantic:.2f} l={h.lexical:.2f} "
                      f"c={h.coverage:.2f} {h.conflict} | {text}")
    per_kind: dict[str, list[bool]] = defaultdict(list)
    for neg in negatives:
        hits = matcher.search(neg["query"], limit=10)
        shown = [h for h in hits if h.score >= thresholds.LOWER]
        per_kind[neg["kind"]].append(bool(shown))
        if show and shown:
            h = shown[0]
            print(f"FALSE [{neg['kind']}] {neg['query']}")
            print(f"   {h.score:.3f} s={h.semantic:.2f} l={h.lexical:.2f} c={h.coverage:.2f} "
                  f"| {matcher.entries[matcher.keys[h.key]].text[:110]}")
    if show:
        for q in queries:
            hits = matcher.search(q["query"], limit=10)
            ok = {q["target_line"], *q.get("also_ok_lines", [])}
            h = next((h for h in hits if line_of[h.key] in ok), None)
            if h and h.score < thresholds.LOWER:
                print(f"LOW {h.score:.3f} s={h.semantic:.2f} l={h.lexical:.2f} c={h.coverage:.2f} "
                      f"{h.conflict} | {q['query'][:100]}")

    def agg(rows: list[tuple[float, bool, bool, bool]]) -> dict[str, float]:
        n = len(rows) or 1
        return {
            "n": len(rows),
            "mrr": round(sum(r[0] for r in rows) / n, 3),
            "recall@1": round(sum(r[1] for r in rows) / n, 3),
            "recall@5": round(sum(r[2] for r in rows) / n, 3),
            "recall@5_shown": round(sum(r[3] for r in rows) / n, 3),
        }

    every = [r for rows in per_style.values() for r in rows]
    negs = [v for vals in per_kind.values() for v in vals]
    times.sort()
    return {
        "overall": agg(every),
        "by_style": {s: agg(rows) for s, rows in sorted(per_style.items())},
        "false_suggestion_rate": round(sum(negs) / (len(negs) or 1), 3),
        "false_by_kind": {
            k: f"{sum(v)}/{len(v)}" for k, v in sorted(per_kind.items())
        },
        "median_query_ms": round(1000 * times[len(times) // 2], 2) if times else None,
        "thresholds": {"lower": thresholds.LOWER, "upper": thresholds.UPPER},
    }


STEPS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8, 0.85, 0.9)


def curve(folder: Path, matcher: Matcher, keys: list[str]) -> str:
    """The threshold trade-off: for each lower threshold, the share of negatives with a
    suggestion and the share of queries whose target is suggested at rank 1 / within 5."""
    line_of = {k: i for i, k in enumerate(keys)}
    queries = [json.loads(x) for x in (folder / "queries.jsonl").read_text().splitlines() if x]
    negatives = [json.loads(x) for x in (folder / "negatives.jsonl").read_text().splitlines() if x]
    found = []
    for q in queries:
        ok = {q["target_line"], *q.get("also_ok_lines", [])}
        hits = matcher.search(q["query"], limit=10)
        h = next((h for h in hits if line_of[h.key] in ok and h.rank <= 5), None)
        found.append((h.score, h.rank) if h else (-1.0, 99))
    worst = [max((h.score for h in matcher.search(n["query"], limit=10)), default=0.0)
             for n in negatives]
    rows = ["lower  false-sugg  r@1-shown  r@5-shown"]
    for t in STEPS:
        fs = sum(s >= t for s in worst) / (len(worst) or 1)
        r1 = sum(s >= t and r == 1 for s, r in found) / (len(found) or 1)
        r5 = sum(s >= t for s, _ in found) / (len(found) or 1)
        rows.append(f"{t:5.2f}  {fs:10.3f}  {r1:9.3f}  {r5:9.3f}")
    return "\n".join(rows)


def report(folder: Path, matcher: Matcher, keys: list[str], args: argparse.Namespace) -> None:
    result = evaluate(folder, matcher, keys, args.show_misses)
    if args.json:
        print(json.dumps(result))
        return
    o = result["overall"]
    print(f"{folder}: {o['n']} queries, MRR {o['mrr']:.3f}, recall@1 {o['recall@1']:.3f}, "
          f"recall@5 {o['recall@5']:.3f} (shown above the lower threshold: "
          f"{o['recall@5_shown']:.3f})")
    for style, a in result["by_style"].items():
        print(f"  {style:8} n={a['n']:3}  MRR {a['mrr']:.3f}  r@1 {a['recall@1']:.3f}  "
              f"r@5 {a['recall@5']:.3f}  r@5 shown {a['recall@5_shown']:.3f}")
    print(f"false-suggestion rate {result['false_suggestion_rate']:.3f}: "
          + ", ".join(f"{k} {v}" for k, v in result["false_by_kind"].items()))
    print(f"median query {result['median_query_ms']} ms; thresholds {result['thresholds']}")
    if args.curve:
        print(curve(folder, matcher, keys))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folders", type=Path, nargs="+", metavar="folder")
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--lexical-only", action="store_true")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--curve", action="store_true", help="print the threshold trade-off")
    args = parser.parse_args()
    matcher, keys = build(args.lexical_only)
    for folder in args.folders:
        report(folder, matcher, keys, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
