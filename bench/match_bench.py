"""Claim-matching benchmark: index 100,000 fact-checks, match an article's claims.

The 19,250 PolitiFact fact-checks are replicated with variations (numbers scaled,
a variant tag, a distinct URL) up to N records (100,000). Measured in one run:

- parse:   reading and validating the JSON Lines file of N records
- index:   building the matcher (sentence vectors + BM25 + numbers) over N records
- restart: building it again from the saved vector cache (what a restart costs)
- memory:  what building the index added to the process (resident set size)
- match:   each sentence of seeds/belarus-putin-sochi.txt and 50 dev queries as a
           claim, median and 95th percentile per claim

Targets (issue 15): index under 60 s on 2 cores, median under 50 ms per claim.
Wall time and CPU time are both printed: on a shared machine wall time includes
waiting for a core.

Usage: python bench/match_bench.py [--n 100000]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from workbench.core.match.engine import Matcher  # noqa: E402
from workbench.core.match.index import MatchIndex, fc_doc  # noqa: E402
from workbench.core.match.readers import read_factchecks  # noqa: E402
from workbench.core.match.semantic import load_embedder  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "politifact" / "factchecks.jsonl"
if not DATA.exists():
    DATA = Path("/work/shared/data/politifact/factchecks.jsonl")


def _vary(claim: str, k: int) -> str:
    if k == 0:
        return claim
    scaled = re.sub(r"\d+", lambda m: str(int(m.group()) * (k + 1)), claim, count=1)
    if scaled == claim:
        scaled = f"{claim} (as repeated in version {k})"
    return scaled


def write_collection(path: Path, n: int) -> None:
    rows = [json.loads(x) for x in DATA.read_text(encoding="utf-8").splitlines() if x]
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            k, row = divmod(i, len(rows))
            r = rows[row]
            fh.write(
                json.dumps(
                    {
                        "claim": _vary(r["claim"], k),
                        "rating": r["rating"],
                        "speaker": r["speaker"],
                        "stated": r["stated"],
                        "title": r["title"],
                        "url": r["url"] + (f"?v={k}" if k else ""),
                    }
                )
                + "\n"
            )


def _rss() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


def timed(fn):  # type: ignore[no-untyped-def]
    w, c = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - w, time.process_time() - c


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=100_000)
    args = parser.parse_args()
    embedder, load_w, _ = timed(load_embedder)
    print(f"embedder {embedder.name if embedder else None}: loaded in {load_w:.2f} s")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "collection.jsonl"
        write_collection(src, args.n)
        records, parse_w, parse_c = timed(lambda: read_factchecks(src))
        print(f"parse {len(records):,} records: {parse_w:.1f} s wall, {parse_c:.1f} s CPU")
        docs = [fc_doc(r) for r in records]
        rss0 = _rss()
        matcher = Matcher(embedder)
        _, index_w, index_c = timed(lambda: matcher.add(docs))
        current = _rss() - rss0
        per100k = current / len(records) * 100_000 / 2**20
        print(f"index {len(matcher):,} records: {index_w:.1f} s wall, {index_c:.1f} s CPU; "
              f"memory {current / 2**20:.0f} MiB ({per100k:.0f} MiB per 100k)")

        folder = Path(tmp) / "ws" / "factchecks"
        folder.mkdir(parents=True)
        idx = MatchIndex(folder)
        idx.matcher = matcher
        _, save_w, _ = timed(idx._save_vectors)
        cache = (folder / "vectors.npy").stat().st_size / 2**20
        cached, load_vec_w, _ = timed(idx._load_vectors)
        import numpy as np

        again = Matcher(embedder)
        have = [d for d in docs if d.key in cached]
        _, restart_w, restart_c = timed(
            lambda: again.add(have, np.stack([cached[d.key] for d in have]))
        )
        print(f"vector cache: {cache:.0f} MiB, saved in {save_w:.1f} s; restart from it: "
              f"load {load_vec_w:.1f} s + index {restart_w:.1f} s wall ({restart_c:.1f} s CPU)")

        seed = (ROOT / "seeds" / "belarus-putin-sochi.txt").read_text(encoding="utf-8")
        claims = [s.strip() for s in re.split(r"(?<=[.!?])\s+", seed) if len(s.split()) >= 6]
        dev = ROOT / "tests" / "data" / "match_dev" / "queries.jsonl"
        claims += [json.loads(x)["query"] for x in dev.read_text().splitlines()[:50]]
        matcher.search(claims[0])  # warm up
        wall, cpu = [], []
        for c in claims:
            _, w, cp = timed(lambda c=c: matcher.search(c))
            wall.append(w * 1000)
            cpu.append(cp * 1000)
        wall.sort()
        cpu.sort()
        print(f"match {len(claims)} claims against {len(matcher):,}: median "
              f"{statistics.median(wall):.1f} ms wall ({statistics.median(cpu):.1f} ms CPU), "
              f"p95 {wall[int(0.95 * len(wall)) - 1]:.1f} ms wall")
        ok_index = index_w < 60
        ok_match = statistics.median(wall) < 50
        print(f"targets: index < 60 s {'OK' if ok_index else 'MISSED'}; "
              f"median match < 50 ms {'OK' if ok_match else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
