"""Fit the matcher's score (a logistic model over its signals) on the DEV set only.

    python bench/match_fit.py tests/data/match_dev

Positives: each dev query's target among its candidates; negatives: every other
candidate of those queries and every candidate of the dev negatives. Prints the
weights to paste into workbench/core/match/engine.py, then the dev metrics with
them. Needs scikit-learn (the ``test`` extra). Never run it on tests/data/match_eval.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import numpy as np  # noqa: E402
from match_eval import build, evaluate  # noqa: E402

from workbench.core.match import engine  # noqa: E402

FEATURES = list(engine.WEIGHTS)


def main() -> int:
    folder = Path(sys.argv[1])
    if "match_eval" in str(folder):
        raise SystemExit("refusing to fit on the blind evaluation set")
    matcher, keys = build()
    line_of = {k: i for i, k in enumerate(keys)}
    X, y = [], []
    queries = [json.loads(x) for x in (folder / "queries.jsonl").read_text().splitlines() if x]
    negatives = [json.loads(x) for x in (folder / "negatives.jsonl").read_text().splitlines() if x]
    for q in queries + negatives:
        ok = {q.get("target_line"), *q.get("also_ok_lines", [])} - {None}
        for h in matcher.search(q["query"], limit=30):
            if h.conflict:
                continue
            X.append([h.signals[f] for f in FEATURES])
            y.append(1 if line_of[h.key] in ok else 0)
    from sklearn.linear_model import LogisticRegression

    X_arr, y_arr = np.array(X), np.array(y)
    model = LogisticRegression(C=float(sys.argv[2]) if len(sys.argv) > 2 else 1.0,
                               class_weight={0: 1.0, 1: 5.0}, max_iter=2000)
    model.fit(X_arr, y_arr)
    weights = {f: round(float(w), 3) for f, w in zip(FEATURES, model.coef_[0], strict=True)}
    bias = round(float(model.intercept_[0]), 3)
    print(f"{len(y)} pairs, {sum(y)} positive")
    print(f"WEIGHTS = {weights}\nBIAS = {bias}")
    engine.WEIGHTS.update(weights)
    engine.BIAS = bias
    print(json.dumps(evaluate(folder, matcher, keys), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
