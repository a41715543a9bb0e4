"""Check-worthiness scoring speed, on top of the spaCy parse extraction already does.

    python bench/worthiness_bench.py [--data ../shared/data/claimbuster/crowdsourced.csv] [-n 2000]

Parses N sentences once (the baseline: what extraction pays anyway), then scores the
parsed sentences with the shipped model. Prints both rates in sentences/s and their
ratio (how many times faster scoring is than parsing), plus the model load time.
Without the data file it uses the sentences of the seed article, repeated.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def sentences(data: Path, n: int) -> list[str]:
    if data.is_file():
        with data.open(encoding="utf-8", newline="") as fh:
            rows = [r["Text"] for r in csv.DictReader(fh) if r.get("Text")]
        step = max(1, len(rows) // n)
        return rows[::step][:n]
    from workbench.core.nlp.consistency import split_sentences

    text = (ROOT / "seeds" / "belarus-putin-sochi.txt").read_text(encoding="utf-8")
    seed = [text[s:e] for s, e in split_sentences(text)]
    return (seed * (n // len(seed) + 1))[:n]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path,
                    default=ROOT.parent / "shared/data/claimbuster/crowdsourced.csv")
    ap.add_argument("-n", type=int, default=2000)
    args = ap.parse_args()

    t0 = time.perf_counter()
    from workbench.core.nlp.worthiness import load_scorer

    scorer = load_scorer()
    load_s = time.perf_counter() - t0
    if scorer is None:
        print("no worthiness model file; nothing to measure")
        return 1
    from workbench.core.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    texts = sentences(args.data, args.n)
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=256))
    parse_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    scores = scorer.score_spans(docs)
    score_s = time.perf_counter() - t0
    assert len(scores) == len(texts)
    parse_rate, score_rate = len(texts) / parse_s, len(texts) / score_s
    print(f"model load: {load_s * 1000:.0f} ms ({len(scorer.weights)} weights)")
    print(f"sentences: {len(texts)}")
    print(f"spaCy parse (baseline): {parse_rate:,.0f} sentences/s")
    print(f"worthiness scoring:     {score_rate:,.0f} sentences/s")
    print(f"ratio scoring/parse:    {score_rate / parse_rate:.1f}x "
          f"(scoring adds {100 * score_s / parse_s:.1f}% to the parse time)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
