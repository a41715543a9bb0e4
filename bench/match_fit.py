"""Fit the matcher's acceptance score on development data only (never on a blind set).

    python bench/match_fit.py tests/data/match_dev tests/data/match_train [--loo 600]

Two logistic models, fitted in turn:

1. the **pair score** over the signals of ``engine.FEATURES`` (retrieval, coverage, the
   pair signals of ``signals``): positives are each query's target among its
   candidates, negatives every other candidate and every candidate of the negatives;
2. the **acceptance score** over the pair score's log-odds and its margin over the
   best other candidate that is no near-duplicate (``engine.margins``), on each
   query's five best candidates.

``--loo N`` adds N fact-checks of the collection as queries with themselves left out
(their near-duplicates too): the collection's own same-topic claims are realistic
negatives. Prints the weights to paste into workbench/core/match/engine.py and each
folder's metrics with them. Needs scikit-learn (the ``test`` extra).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import numpy as np  # noqa: E402
from match_eval import build, curve, evaluate  # noqa: E402

from workbench.core.match import engine  # noqa: E402

BLIND = ("match_eval", "eval2")
DEPTH = 30


def _load(folder: Path) -> list[dict]:
    out = []
    for name in ("queries.jsonl", "negatives.jsonl"):
        out += [json.loads(x) for x in (folder / name).read_text().splitlines() if x]
    return out


def _used_lines(folders: list[Path]) -> set[int]:
    used: set = set()
    for folder in folders:
        for q in _load(folder):
            used.add(q.get("target_line"))
            used.update(q.get("also_ok_lines", []), q.get("near_lines", []))
    return used - {None}


def collect(matcher, keys, folders, loo: int, seed: int = 7):
    """Per query: (hits, labels, vectors of the hits)."""
    line_of = {k: i for i, k in enumerate(keys)}
    groups = []
    for folder in folders:
        for q in _load(folder):
            ok = {q.get("target_line"), *q.get("also_ok_lines", [])} - {None}
            hits = matcher.search(q["query"], limit=DEPTH)
            groups.append((hits, [int(line_of[h.key] in ok) for h in hits]))
    if loo:
        used = _used_lines([ROOT / "tests" / "data" / n for n in ("match_eval",)] + folders)
        rng = random.Random(seed)
        lines = [i for i in range(len(keys)) if i not in used]
        for i in rng.sample(lines, loo):
            e = matcher.entries[i]
            own = set(e.terms)
            hits = []
            for h in matcher.search(e.text, limit=DEPTH + 1, exclude=(keys[i],)):
                j = matcher.keys[h.key]
                other = set(matcher.entries[j].terms)
                jac = len(own & other) / (len(own | other) or 1)
                dup = matcher.embedder is not None and (
                    float(matcher.vectors[i] @ matcher.vectors[j]) >= engine.DUPLICATE
                )
                if jac < 0.5 and not dup:
                    hits.append(h)
            groups.append((hits, [0] * len(hits)))
    return groups


def fit(matcher, groups, c: float, lexical: bool = False) -> None:
    from sklearn.linear_model import LogisticRegression

    features = engine.LEX_FEATURES if lexical else engine.FEATURES
    X, y = [], []
    for hits, labels in groups:
        for h, lab in zip(hits, labels, strict=True):
            if not h.conflict:
                X.append([h.signals.get(f, 0.0) for f in features])
                y.append(lab)
    pair = LogisticRegression(C=c, class_weight={0: 1.0, 1: 5.0}, max_iter=5000)
    pair.fit(np.array(X), np.array(y))
    weights = {f: round(float(w), 3) for f, w in zip(features, pair.coef_[0], strict=True)}
    bias = round(float(pair.intercept_[0]), 3)
    if lexical:
        engine.LEX_WEIGHTS, engine.LEX_BIAS = weights, bias
    else:
        engine.WEIGHTS, engine.BIAS = weights, bias
    print(f"pair: {len(y)} pairs, {sum(y)} positive")
    X2, y2 = [], []
    for hits, labels in groups:
        vecs = _vectors(matcher, hits)
        logits = [engine._logit(h.signals, lexical) for h in hits]
        rows = sorted(
            zip(logits, engine.margins(logits, vecs), labels, hits, strict=True),
            key=lambda r: -r[0],
        )[:5]
        for z, m, lab, h in rows:
            if not h.conflict:
                X2.append([z, m])
                y2.append(lab)
    accept = LogisticRegression(C=c, max_iter=5000)
    accept.fit(np.array(X2), np.array(y2))
    acc = {
        "pair": round(float(accept.coef_[0][0]), 3),
        "margin": round(float(accept.coef_[0][1]), 3),
    }
    acc_bias = round(float(accept.intercept_[0]), 3)
    prefix = "LEX_" if lexical else ""
    if lexical:
        engine.LEX_ACCEPT, engine.LEX_ACCEPT_BIAS = acc, acc_bias
    else:
        engine.ACCEPT, engine.ACCEPT_BIAS = acc, acc_bias
    print(f"accept: {len(y2)} pairs, {sum(y2)} positive")
    print(f"{prefix}WEIGHTS = {weights}\n{prefix}BIAS = {bias}")
    print(f"{prefix}ACCEPT = {acc}\n{prefix}ACCEPT_BIAS = {acc_bias}")


def _vectors(matcher, hits):
    if matcher.embedder is None or not hits:
        return None
    return matcher.vectors[[matcher.keys[h.key] for h in hits]]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folders", type=Path, nargs="+")
    parser.add_argument("--loo", type=int, default=0)
    parser.add_argument("--C", type=float, default=1.0)
    parser.add_argument("--lexical-only", action="store_true",
                        help="fit the model used without an embedder")
    parser.add_argument("--check", type=Path, action="append", default=[],
                        help="also report these folders (never fitted on)")
    args = parser.parse_args()
    for folder in args.folders:
        if any(b in str(folder) for b in BLIND):
            raise SystemExit(f"refusing to fit on a held-out set: {folder}")
    matcher, keys = build(args.lexical_only)
    groups = collect(matcher, keys, args.folders, args.loo)
    fit(matcher, groups, args.C, args.lexical_only)
    if args.loo:
        from match_eval import STEPS

        worst = []
        for hits, labels in groups:
            if hits and not any(labels) and all(h.signals.get("rrf") is not None for h in hits):
                engine._score(hits, _vectors(matcher, hits))
                worst.append(max(h.score for h in hits))
        print(f"negatives of the fit, written and left-one-out (n={len(worst)}): "
              "share with a suggestion at")
        print("  ".join(f"{t:.2f}: {sum(w >= t for w in worst) / len(worst):.3f}" for t in STEPS))
    for folder in [*args.folders, *args.check]:
        result = evaluate(folder, matcher, keys)
        print(folder.name, json.dumps(result["overall"]),
              "false", result["false_suggestion_rate"], result["false_by_kind"])
        print(curve(folder, matcher, keys))
    return 0


if __name__ == "__main__":
    sys.exit(main())
