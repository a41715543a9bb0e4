"""Train the factual gate (``gate.py``): does a sentence state anything checkable?

    python -m workbench.core.nlp.worthiness.gate_train [--claimbuster CSV] [--cache DOCS]
        [--news FILE ...] [--seed 0] [--out gate.json]

Needs scikit-learn (the ``train`` extra). The positive class is "states nothing
checkable": ClaimBuster's non-factual sentences (Verdict -1) against its factual ones
(0 and 1: unimportant facts are still facts), and news sentences labelled by hand
(``tests/data/dev_statements/sentences.json`` and ``records.json``: items with ``none``
against items with claims or records;
``tests/data/nonclaim_dev/sentences.jsonl``, ``nonclaim_dev2/sentences.jsonl`` and
``nonclaim_dev2/more.jsonl``, ``nonclaim_dev3/sentences.jsonl``:
``checkable`` false), each news sentence weighted ``news_weight`` times a debate
sentence. A seeded 30% of each ``.jsonl`` file is never trained on (``split_news``): it
is the validation of the gate.

C and the news weight are chosen by validation: whole debates held out (every 5th
debate, by the seed) for the debate sentences, 5 folds of the news training
sentences for news; the score is the mean of the two AUCs. The shipped model is then
fitted on every debate and every news training sentence. Seeded and deterministic.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .features import FEATURE_VERSION, token_features
from .gate import GATE_PATH, gate_features

ROOT = Path(__file__).resolve().parents[4]
DEFAULT_CLAIMBUSTER = Path("../shared/data/claimbuster/crowdsourced.csv")
DEV_STATEMENTS = ROOT / "tests" / "data" / "dev_statements" / "sentences.json"
DEV_RECORDS = ROOT / "tests" / "data" / "dev_statements" / "records.json"
NONCLAIM_DEV = ROOT / "tests" / "data" / "nonclaim_dev" / "sentences.jsonl"
NONCLAIM_DEV2 = ROOT / "tests" / "data" / "nonclaim_dev2" / "sentences.jsonl"
NONCLAIM_DEV2_MORE = ROOT / "tests" / "data" / "nonclaim_dev2" / "more.jsonl"
NONCLAIM_DEV3 = ROOT / "tests" / "data" / "nonclaim_dev3" / "sentences.jsonl"
NONCLAIM_FILES = (NONCLAIM_DEV, NONCLAIM_DEV2, NONCLAIM_DEV2_MORE, NONCLAIM_DEV3)
"""The labelled news sentence files a seeded share of which is held out (``split_news``)."""
HOLD_OUT = 0.3
"""Share of the nonclaim_dev sentences kept for validation (never trained on)."""
C_GRID = (0.1, 0.3)
NEWS_WEIGHTS = (5.0, 20.0, 50.0)
MIN_COUNT = 2


@dataclass
class Examples:
    feats: list[list[str]] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)  # 1 = states nothing checkable
    groups: list[str] = field(default_factory=list)


def read_claimbuster(path: Path) -> tuple[list[str], list[int], list[str]]:
    texts, labels, groups = [], [], []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            text = " ".join((row.get("Text") or "").split())
            if text:
                texts.append(text)
                labels.append(1 if row["Verdict"].strip() == "-1" else 0)
                groups.append(row["File_id"])
    return texts, labels, groups


@dataclass(frozen=True)
class NewsItem:
    text: str
    label: int  # 1 = states nothing checkable
    context: str = ""  # the sentence before it, where it matters (a pronoun speaker)
    reason: str = ""


def read_news(path: Path) -> list[NewsItem]:
    """The labelled sentences of a news sentence file (``.jsonl``: nonclaim_dev;
    ``.json``: dev_statements)."""
    if path.suffix == ".jsonl":
        out = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                it = json.loads(line)
                out.append(NewsItem(it["text"], 0 if it["checkable"] else 1,
                                    it.get("context") or "", it.get("reason", "")))
        return out
    items = json.loads(path.read_text(encoding="utf-8"))["items"]
    return [  # an item with neither (a record file's "no record" quote) says nothing here
        NewsItem(it["text"], 1 if it.get("none") else 0)
        for it in items
        if it.get("none") or it.get("claims") or it.get("records")
    ]


def split_news(items: list[NewsItem], seed: int = 0) -> tuple[list[int], list[int]]:
    """(train, held-out) indices: a seeded ``HOLD_OUT`` share held out."""
    order = list(range(len(items)))
    random.Random(seed).shuffle(order)
    cut = round(len(order) * HOLD_OUT)
    return sorted(order[cut:]), sorted(order[:cut])


def sentence_span(doc: Any) -> Any:
    """The span a news item is scored as: its sentence, or the whole item."""
    sents = list(doc.sents)
    return sents[0] if len(sents) == 1 else doc[:]


def features_of(span: Any) -> list[str]:
    return gate_features(span, token_features(span))


def parse(nlp: Any, texts: list[str], cache: Path | None = None) -> list[Any]:
    from spacy.tokens import DocBin

    if cache is not None and cache.is_file():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if [d.text for d in docs] == texts:
            return docs
    docs = list(nlp.pipe(texts, batch_size=256))
    if cache is not None:
        DocBin(docs=docs).to_disk(cache)
    return docs


class _Binary:
    def __init__(self, feats: list[list[str]]):
        from sklearn.feature_extraction import DictVectorizer

        counts: Counter[str] = Counter(f for fs in feats for f in set(fs))
        self.dv = DictVectorizer().fit([{f: 1.0 for f, n in counts.items() if n >= MIN_COUNT}])

    def __call__(self, feats: list[list[str]]) -> Any:
        import numpy as np

        x = self.dv.transform([dict.fromkeys(f, 1.0) for f in feats]).tocsr()
        x.indices = x.indices.astype(np.int32)
        x.indptr = x.indptr.astype(np.int32)
        return x


def fit(ex: Examples, weights: list[float], c: float, seed: int,
        vec: _Binary | None = None, x: Any = None) -> tuple[_Binary, Any]:
    """A logistic regression (``vec``/``x``: a vectorizer and the matrix already built)."""
    from sklearn.linear_model import LogisticRegression

    vec = vec or _Binary(ex.feats)
    clf = LogisticRegression(C=c, max_iter=3000, solver="liblinear", dual=True,
                             random_state=seed)
    clf.fit(vec(ex.feats) if x is None else x, ex.labels, sample_weight=weights)
    return vec, clf


def _subset(ex: Examples, idx: list[int]) -> Examples:
    return Examples([ex.feats[i] for i in idx], [ex.labels[i] for i in idx],
                    [ex.groups[i] for i in idx])


def _weights(ex: Examples, news_weight: float) -> list[float]:
    return [news_weight if g.startswith("news") else 1.0 for g in ex.groups]


def _auc(y: list[int], p: list[float]) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(y, p)) if len(set(y)) == 2 else float("nan")


def predict(model: tuple[_Binary, Any], feats: list[list[str]]) -> list[float]:
    vec, clf = model
    return [float(p) for p in clf.predict_proba(vec(feats))[:, 1]]


def select(ex: Examples, seed: int) -> dict[str, float]:
    """C and news weight by held-out debates and news folds (mean AUC)."""
    debates = sorted({g for g in ex.groups if not g.startswith("news")})
    held = {d for i, d in enumerate(debates) if i % 5 == seed % 5}
    news = [i for i, g in enumerate(ex.groups) if g.startswith("news")]
    rng = random.Random(seed)
    folds = list(news)
    rng.shuffle(folds)
    fold_of = {i: k % 5 for k, i in enumerate(folds)}
    best: dict[str, float] = {"score": -1.0}
    vec = _Binary(ex.feats)  # one vocabulary for every fold (only counts, no labels)
    x = vec(ex.feats)
    tr = [i for i, g in enumerate(ex.groups) if g not in held and not g.startswith("news")]
    va = [i for i, g in enumerate(ex.groups) if g in held]
    for c in C_GRID:
        for w in NEWS_WEIGHTS:
            news_p: dict[int, float] = {}
            debate_auc = 0.0
            for k in range(5):
                train = tr + [i for i in news if fold_of[i] != k]
                sub = _subset(ex, train)
                model = fit(sub, _weights(sub, w), c, seed, vec, x[train])
                test = [i for i in news if fold_of[i] == k]
                news_p.update(zip(test, _proba(model, x[test]), strict=True))
                if k == 0:
                    debate_auc = _auc([ex.labels[i] for i in va], _proba(model, x[va]))
            news_auc = _auc([ex.labels[i] for i in news], [news_p[i] for i in news])
            score = (news_auc + debate_auc) / 2
            print(f"  C={c} news weight={w}: news AUC {news_auc:.3f}, "
                  f"held-out debates AUC {debate_auc:.3f}", file=sys.stderr)
            if score > best["score"]:
                best = {"c": c, "news_weight": w, "score": score,
                        "news_auc": news_auc, "debate_auc": debate_auc}
    return best


def _proba(model: tuple[_Binary, Any], x: Any) -> list[float]:
    return [float(p) for p in model[1].predict_proba(x)[:, 1]]


def export(model: tuple[_Binary, Any], meta: dict[str, Any], out: Path) -> None:
    vec, clf = model
    names = vec.dv.get_feature_names_out()
    weights = {str(n): round(float(w), 5) for n, w in zip(names, clf.coef_[0], strict=True)
               if abs(w) >= 1e-4}
    data = {"feature_version": FEATURE_VERSION, "bias": round(float(clf.intercept_[0]), 6),
            "meta": meta, "weights": dict(sorted(weights.items()))}
    tmp = out.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=0) + "\n", encoding="utf-8")
    tmp.replace(out)


def main(argv: list[str] | None = None) -> int:
    from ..pipeline import load_pipeline

    ap = argparse.ArgumentParser(prog="python -m workbench.core.nlp.worthiness.gate_train",
                                 description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--claimbuster", type=Path, default=DEFAULT_CLAIMBUSTER)
    ap.add_argument("--cache", type=Path, help="DocBin file caching the debate parse")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, default=GATE_PATH)
    ap.add_argument("--news", type=Path, nargs="*",
                    default=[DEV_STATEMENTS, DEV_RECORDS, *NONCLAIM_FILES],
                    help="labelled news sentence files (.json like dev_statements, .jsonl like "
                    "nonclaim_dev: a seeded 30%% of each .jsonl file is held out)")
    args = ap.parse_args(argv)
    for path in [args.claimbuster, *args.news]:
        if not path.is_file():
            ap.error(f"no data file at {path}")
    nlp = load_pipeline()
    texts, labels, groups = read_claimbuster(args.claimbuster)
    docs = parse(nlp, texts, args.cache)
    ex = Examples([features_of(d[:]) for d in docs], labels, groups)
    news: list[NewsItem] = []
    held: list[NewsItem] = []
    for path in args.news:
        items = read_news(path)
        if path.suffix == ".jsonl":
            train_idx, held_idx = split_news(items, args.seed)
            news += [items[i] for i in train_idx]
            held += [items[i] for i in held_idx]
        else:
            news += items
    news_docs = parse(nlp, [it.text for it in news])
    for doc, it in zip(news_docs, news, strict=True):
        ex.feats.append(features_of(sentence_span(doc)))
        ex.labels.append(it.label)
        ex.groups.append("news")
    chosen = select(ex, args.seed)
    model = fit(ex, _weights(ex, chosen["news_weight"]), chosen["c"], args.seed)
    report: dict[str, Any] = {k: round(v, 4) for k, v in chosen.items()}
    if held:
        p = predict(model, [features_of(sentence_span(d))
                            for d in parse(nlp, [it.text for it in held])])
        report["news_held_out_auc"] = round(_auc([it.label for it in held], p), 4)
    meta = {
        "trained_on": "ClaimBuster crowdsourced.csv (Verdict -1 vs 0/1) + news dev sentences "
        + ", ".join(p.name if p.parent.name == "data" else f"{p.parent.name}/{p.name}"
                    for p in args.news),
        "debate_sentences": len(texts),
        "news_sentences": len(news),
        "news_held_out": len(held),
        "seed": args.seed,
        **report,
    }
    export(model, meta, args.out)
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
