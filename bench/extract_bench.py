"""Extraction throughput against raw spaCy, in one run.

Corpus: N copies of the seed article plus the test fixtures (default N=200).
Prints tokens/s of raw ``nlp.pipe`` (same pipeline, same texts) and of the full
extractor (prose units, claims, labels, values, quotes, worthiness, consistency),
their ratio (target >= 0.85), peak RSS, and the speed-up of jobs=2 over jobs=1.

    python bench/extract_bench.py [--copies 200] [--rounds 2]
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workbench.core.articles import load_article_file, make_article  # noqa: E402
from workbench.core.extract import Extractor  # noqa: E402
from workbench.core.nlp import load_pipeline  # noqa: E402


def corpus(copies: int):
    seed = load_article_file(ROOT / "seeds" / "belarus-putin-sochi.txt")
    fixtures = [load_article_file(p) for p in sorted((ROOT / "tests" / "data" / "articles").glob("*.txt"))]
    # distinct texts (a numbered dateline) so nothing can be cached between copies
    arts = [make_article(f"{seed.text}\n\nFiled as copy {i}.", f"copy-{i}") for i in range(copies)]
    return arts + fixtures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--no-jobs", action="store_true", help="skip the jobs=2 measurement")
    args = parser.parse_args()
    nlp = load_pipeline()
    articles = corpus(args.copies)
    texts = [a.text for a in articles]
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=64))  # warm-up + count
    extractor = Extractor(nlp=nlp)
    raw_best = ext_best = float("inf")
    for _ in range(args.rounds):  # interleaved, best of N: the machine is shared and noisy
        t = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=64):
            pass
        raw_best = min(raw_best, time.perf_counter() - t)
        t = time.perf_counter()
        n_claims = sum(len(c) for c in extractor.claims_many(articles))
        ext_best = min(ext_best, time.perf_counter() - t)
    raw_tps, ext_tps = tokens / raw_best, tokens / ext_best
    print(f"corpus: {len(articles)} articles, {tokens} tokens, {n_claims} claims")
    print(f"raw nlp.pipe:      {raw_tps:10.0f} tokens/s  ({raw_best:.2f} s)")
    print(f"full extractor:    {ext_tps:10.0f} tokens/s  ({ext_best:.2f} s)")
    print(f"ratio extractor/raw: {ext_tps / raw_tps:.3f}  (target >= 0.85)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {peak:.0f} MB")
    if not args.no_jobs:
        subset = articles[:200]
        t = time.perf_counter()
        list(Extractor(nlp=nlp).claims_many(subset, n_process=1))
        one = time.perf_counter() - t
        t = time.perf_counter()
        list(Extractor(nlp=nlp).claims_many(subset, n_process=2))
        two = time.perf_counter() - t
        print(f"jobs=1: {one:.2f} s, jobs=2: {two:.2f} s on {len(subset)} articles -> speed-up {one / two:.2f}x")


if __name__ == "__main__":
    main()
