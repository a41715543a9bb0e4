"""Store benchmark: a durable verdict change and open+list at 1,000 vs 100,000 claims.

Builds two workspaces with synthetic articles (50 claims each: 20 and 2,000
articles) and, on the 100k data, plain TinyDB with its JSONStorage holding the
same claims and verdicts in one file. Prints medians and the ratios the issue
asks for, all measured in this one run:

- change speed-up: plain TinyDB change at 100k / our durable change at 100k (>= 20)
- change growth:   our change at 100k / our change at 1k (<= 2)
- open growth:     open + list one article's claims at 100k / at 1k (<= 2)

Usage: python bench/store_bench.py [--articles 2000] [--claims 50] [--changes 60]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from pathlib import Path

from tinydb import Query, TinyDB
from tinydb.storages import JSONStorage

from workbench.core.models import Article, Claim, claim_id, content_hash
from workbench.core.store import Workspace

SENTENCE = "In {y} more than {n} people met {k} officials in the capital, the ministry said."


def make_article(i: int, claims: int) -> tuple[Article, list[Claim]]:
    sentences = [SENTENCE.format(y=1990 + j % 30, n=1000 + i * 7 + j, k=j) for j in range(claims)]
    text = f"Synthetic article {i}\n\n" + " ".join(sentences)
    aid = content_hash(text)
    out, pos = [], text.index("In ")
    for s in sentences:
        start = text.index(s, pos)
        anchor = s.split(" people")[0].split("more than ")[1] + " people"
        a_start = text.index(anchor, start)
        out.append(
            Claim(
                id=claim_id("quantity", anchor, s),
                article_id=aid,
                kind="quantity",
                anchor=anchor,
                start=a_start,
                end=a_start + len(anchor),
                sentence=s,
                sentence_start=start,
                sentence_end=start + len(s),
                label=f"more than {anchor}",
                value={"number": 1000 + i, "unit": "people", "qualifier": "more-than"},
                entities=[{"text": "the ministry", "label": "ORG", "start": 0, "end": 12}],
                worthiness=0.5,
            )
        )
        pos = start + len(s)
    article = Article(
        id=aid, title=f"Synthetic article {i}", source=f"synthetic/{i}.txt", text=text
    )
    return article, out


def build(root: Path, articles: int, claims: int) -> list[tuple[Article, list[Claim]]]:
    items = [make_article(i, claims) for i in range(articles)]
    with Workspace.open(root, reviewer="bench") as ws:
        for start in range(0, len(items), 200):
            ws.add_articles(items[start : start + 200])
    return items


def time_changes(root: Path, items: list, n: int, rng: random.Random) -> list[float]:
    times = []
    statuses = ["verified", "false", "disputed", "inconclusive"]
    with Workspace.open(root, reviewer="bench") as ws:
        for i in range(n):
            article, claims = rng.choice(items)
            claim = rng.choice(claims)
            t = time.perf_counter()
            ws.set_status(article.id, claim.id, statuses[i % 4])
            times.append(time.perf_counter() - t)
    return times


def time_open_list(root: Path, items: list, n: int, rng: random.Random) -> list[float]:
    times = []
    for _ in range(n):
        article, _claims = rng.choice(items)
        t = time.perf_counter()
        with Workspace.open(root, reviewer="bench") as ws:
            claims = ws.claims(article.id)
            verdicts = ws.verdicts(article.id)
        times.append(time.perf_counter() - t)
        assert len(claims) == len(_claims) and len(verdicts) >= len(claims)
    return times


def plain_tinydb(path: Path, items: list, n: int, rng: random.Random) -> list[float]:
    claims = {}
    verdicts = {}
    k = 0
    for article, cl in items:
        for c in cl:
            k += 1
            claims[str(k)] = c.to_dict()
            verdicts[str(k)] = {"article_id": article.id, "claim_id": c.id, "status": "unreviewed"}
    path.write_text(json.dumps({"claims": claims, "verdicts": verdicts}))
    db = TinyDB(path, storage=JSONStorage)
    q = Query()
    times = []
    for i in range(n):
        article, cl = rng.choice(items)
        c = rng.choice(cl)
        t = time.perf_counter()
        db.table("verdicts").update(
            {"status": "verified" if i % 2 else "false"},
            (q.article_id == article.id) & (q.claim_id == c.id),
        )
        times.append(time.perf_counter() - t)
    db.close()
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--claims", type=int, default=50)
    ap.add_argument("--changes", type=int, default=60)
    ap.add_argument("--baseline-changes", type=int, default=5)
    args = ap.parse_args()
    rng = random.Random(7)
    med = statistics.median
    with tempfile.TemporaryDirectory(prefix="store-bench-") as tmp:
        small_n, big_n = 1000 // args.claims, args.articles
        t = time.perf_counter()
        small = build(Path(tmp) / "small", small_n, args.claims)
        big = build(Path(tmp) / "big", big_n, args.claims)
        print(
            f"built {small_n * args.claims} and {big_n * args.claims} claims in "
            f"{time.perf_counter() - t:.1f} s"
        )
        ch_small = med(time_changes(Path(tmp) / "small", small, args.changes, rng))
        ch_big = med(time_changes(Path(tmp) / "big", big, args.changes, rng))
        op_small = med(time_open_list(Path(tmp) / "small", small, 30, rng))
        op_big = med(time_open_list(Path(tmp) / "big", big, 30, rng))
        plain = med(plain_tinydb(Path(tmp) / "plain.json", big, args.baseline_changes, rng))
    ms = 1000
    print(
        f"durable change, median: 1k claims {ch_small * ms:.2f} ms, "
        f"{big_n * args.claims // 1000}k claims {ch_big * ms:.2f} ms"
    )
    print(
        f"plain TinyDB JSONStorage change (no fsync), {big_n * args.claims // 1000}k: "
        f"{plain * ms:.1f} ms"
    )
    print(
        f"open + list one article, median: 1k {op_small * ms:.2f} ms, "
        f"{big_n * args.claims // 1000}k {op_big * ms:.2f} ms"
    )
    print(f"RATIO change speed-up vs plain TinyDB: {plain / ch_big:.1f}x (target >= 20)")
    print(f"RATIO change growth 100k/1k: {ch_big / ch_small:.2f} (target <= 2)")
    print(f"RATIO open+list growth 100k/1k: {op_big / op_small:.2f} (target <= 2)")


if __name__ == "__main__":
    main()
