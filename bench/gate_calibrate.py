"""Choose the factual gate's veto threshold (``worthiness/gate.py: VETO``).

Extracts each dev set once with the veto off, keeps every sentence's gate score, then
replays the veto at each threshold (a claim of a sentence scoring >= the threshold is
dropped; quotes too with ``--quotes``) and prints, per set, recall by overlap (overall
and per target group), precision and the non-claim rate; for the news sentence files
(dev_statements, nonclaim_dev) the share of non-claim sentences with no claim and of
checkable ones with a claim, on nonclaim_dev's training and held-out parts apart.

    python bench/gate_calibrate.py [--sets eval eval2 eval3] [--thresholds 0.6 0.7 ...]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from extract_eval import GROUPS, evaluate, print_report  # noqa: E402

from workbench.core.articles import load_article_file  # noqa: E402
from workbench.core.articles import make_article  # noqa: E402
from workbench.core.nlp import extract  # noqa: E402
from workbench.core.nlp.worthiness import gate as gate_mod  # noqa: E402
from workbench.core.nlp.worthiness.gate_train import (  # noqa: E402
    DEV_STATEMENTS,
    NONCLAIM_DEV,
    read_news,
    split_news,
)

PROBS: dict[str, float] = {}


def _recording(self: Any) -> bool:
    gate = gate_mod.load_gate()
    if gate is not None:
        feats = gate_mod.gate_features(self.sent, self.features())
        PROBS[self.sent.text] = gate.score_features(feats)
    return False


def _kept(claims: list[Any], threshold: float, quotes: bool) -> list[Any]:
    out = []
    for c in claims:
        if c.kind == "consistency" or (c.kind == "quote" and not quotes):
            out.append(c)
        elif PROBS.get(c.sentence, 0.0) < threshold:
            out.append(c)
    return out


def _set_rows(data: Path, thresholds: list[float], quotes: bool) -> list[str]:
    paths = sorted(data.glob("*.txt"))
    articles = [load_article_file(p) for p in paths]
    anns = [json.loads(p.with_suffix(".json").read_text(encoding="utf-8")) for p in paths]
    all_claims = extract.extract_many(articles)
    rows = []
    for thr in thresholds:
        results = [
            evaluate(p.stem, a, ann, _kept(cl, thr, quotes))
            for p, a, ann, cl in zip(paths, articles, anns, all_claims, strict=True)
        ]
        with contextlib.redirect_stdout(io.StringIO()):
            t = print_report(results, True)
        groups = " ".join(
            f"{g[:5]} {100 * t['by_group'][g][2] / t['by_group'][g][0]:5.1f}"
            for g in GROUPS
            if g in t["by_group"]
        )
        nc = (
            f" non-claim {100 * t['non_claims_clean'] / t['non_claims']:5.1f}"
            if t["non_claims"]
            else ""
        )
        rows.append(
            f"  {data.name:6} veto>={thr:4.2f} recall {100 * t['found_overlap'] / t['facts']:5.1f}"
            f" prec {100 * t['matched_annotated_kinds'] / t['claims_annotated_kinds']:5.1f}"
            f"{nc}  {groups}"
        )
    return rows


def _news_rows(name: str, items: list[tuple[str, int]], idx: list[int], thresholds: list[float],
               quotes: bool) -> list[str]:
    arts = [make_article(items[i][0] + "\n", "dev") for i in idx]
    all_claims = extract.extract_many(arts)
    rows = []
    for thr in thresholds:
        clean = fired = nn = nc = 0
        for i, cl in zip(idx, all_claims, strict=True):
            kept = [c for c in _kept(cl, thr, quotes) if c.kind != "consistency"]
            if items[i][1]:
                nn += 1
                clean += not kept
            else:
                nc += 1
                fired += bool(kept)
        rows.append(
            f"  {name:16} veto>={thr:4.2f} non-claims with no claim {clean}/{nn}"
            f" ({100 * clean / max(nn, 1):5.1f}%), checkable with a claim {fired}/{nc}"
            f" ({100 * fired / max(nc, 1):5.1f}%)"
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", nargs="*", default=["eval", "eval2", "eval3"])
    ap.add_argument("--thresholds", nargs="*", type=float,
                    default=[1.01, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6])
    ap.add_argument("--quotes", action="store_true", help="veto quote claims too")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    extract._Sentence.vetoed = _recording  # type: ignore[method-assign]
    rows: list[str] = []
    for s in args.sets:
        rows += _set_rows(ROOT / "tests" / "data" / s, args.thresholds, args.quotes)
    dev = read_news(DEV_STATEMENTS)
    rows += _news_rows("dev_statements", dev, list(range(len(dev))), args.thresholds, args.quotes)
    if NONCLAIM_DEV.is_file():
        nc = read_news(NONCLAIM_DEV)
        train, held = split_news(nc, args.seed)
        rows += _news_rows("nonclaim_dev/train", nc, train, args.thresholds, args.quotes)
        rows += _news_rows("nonclaim_dev/held", nc, held, args.thresholds, args.quotes)
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
