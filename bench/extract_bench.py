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
from workbench.core.nlp.extract import Extractor  # noqa: E402
from workbench.core.nlp.pipeline import load_pipeline  # noqa: E402


def corpus(copies: int):
    seed = load_article_file(ROOT / "seeds" / "belarus-putin-sochi.txt")
    fixtures = [
        load_article_file(p) for p in sorted((ROOT / "tests" / "data" / "articles").glob("*.txt"))
    ]
    # distinct texts (a numbered dateline) so nothing can be cached between copies
    arts = [make_article(f"{seed.text}\n\nFiled as copy {i}.", f"copy-{i}") for i in range(copies)]
    return arts + fixtures


def _peak_mb() -> float:
    """Peak RSS of this process (VmHWM: unlike ru_maxrss it is not inherited across exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def memory_child(mode: str, copies: int) -> None:
    """Run one mode alone and print its peak RSS (ru_maxrss never goes down)."""
    nlp = load_pipeline()
    if mode == "big":
        seed = load_article_file(ROOT / "seeds" / "belarus-putin-sochi.txt")
        paras = seed.text.split("\n\n")[1:]
        body, i = [], 0
        while sum(len(p) + 2 for p in body) < 5_000_000:
            body.append(paras[i % len(paras)].replace("26 years", f"{i % 90} years"))
            i += 1
        articles = [make_article("Big article\n\n" + "\n\n".join(body), "big")]
    else:
        articles = corpus(copies)
    loaded = _peak_mb()
    t = time.perf_counter()
    if mode == "raw":
        for _doc in nlp.pipe([a.text for a in articles], batch_size=64):
            pass
        n = 0
    else:
        n = sum(len(c) for c in Extractor(nlp=nlp).claims_many(articles))
    print(
        f"{mode}: {time.perf_counter() - t:.1f} s, {n} claims, "
        f"{sum(len(a.text) for a in articles) / 1e6:.1f} MB of text, "
        f"peak RSS {_peak_mb():.0f} MB ({_peak_mb() - loaded:.0f} MB over the loaded pipeline)"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--no-jobs", action="store_true", help="skip the jobs=2 measurement")
    parser.add_argument("--big", action="store_true", help="also extract one 5 MB article")
    parser.add_argument("--memory-child", choices=("raw", "extract", "big"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        memory_child(args.memory_child, args.copies)
        return
    nlp = load_pipeline()
    articles = corpus(args.copies)
    texts = [a.text for a in articles]
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=64))  # warm-up + count
    extractor = Extractor(nlp=nlp)
    from workbench.core.nlp.prose import prose_units

    units = [u.text for a in articles for u in prose_units(a.text)]
    raw_best = ext_best = unit_best = float("inf")
    for _ in range(args.rounds):  # interleaved, best of N: the machine is shared and noisy
        t = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=64):
            pass
        raw_best = min(raw_best, time.perf_counter() - t)
        t = time.perf_counter()
        for _doc in nlp.pipe(units, batch_size=64):
            pass
        unit_best = min(unit_best, time.perf_counter() - t)
        t = time.perf_counter()
        n_claims = sum(len(c) for c in extractor.claims_many(articles))
        ext_best = min(ext_best, time.perf_counter() - t)
    raw_tps, ext_tps = tokens / raw_best, tokens / ext_best
    print(f"corpus: {len(articles)} articles, {tokens} tokens, {n_claims} claims")
    print(f"raw nlp.pipe:      {raw_tps:10.0f} tokens/s  ({raw_best:.2f} s)")
    print(f"full extractor:    {ext_tps:10.0f} tokens/s  ({ext_best:.2f} s)")
    print(f"ratio extractor/raw: {ext_tps / raw_tps:.3f}  (target >= 0.85)")
    print(
        f"raw nlp.pipe over the extractor's own prose units: {unit_best:.2f} s -> claim logic, "
        f"labels, quotes, worthiness and consistency cost {100 * (ext_best / unit_best - 1):+.1f}%"
    )
    import subprocess

    for mode in ("raw", "extract") + (("big",) if args.big else ()):
        out = subprocess.run(
            [sys.executable, __file__, "--memory-child", mode, "--copies", str(args.copies)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        print(f"memory, {out}")
    if not args.no_jobs:
        subset = articles[:200]
        t = time.perf_counter()
        list(Extractor(nlp=nlp).claims_many(subset, n_process=1))
        one = time.perf_counter() - t
        t = time.perf_counter()
        list(Extractor(nlp=nlp).claims_many(subset, n_process=2))
        two = time.perf_counter() - t
        print(
            f"jobs=1: {one:.2f} s, jobs=2: {two:.2f} s on {len(subset)} articles"
            f" -> speed-up {one / two:.2f}x"
        )


if __name__ == "__main__":
    main()
