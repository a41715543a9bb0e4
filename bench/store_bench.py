"""Store benchmark: the workbench store against SQLite (WAL, synchronous=FULL), one run.

Builds workspaces of synthetic articles (50 claims each) at 1,000 and 100,000
claims (``--big``: also 1,000,000) and, beside each, an SQLite database in WAL mode
with ``synchronous=FULL`` holding the same claims and verdicts (what a user would
pick instead). Every measured change changes the store. Measured, all in this run:

- durable mark in an open session: ``set_status`` of a random claim, returned =
  durable (workbench: one fsynced journal line; SQLite: UPDATE verdict + INSERT
  history row, COMMIT);
- closing the session after those marks (workbench: its checkpoint; SQLite: close);
- ``workbench mark PREFIX STATUS`` as a user runs it (a new process: open, resolve
  the claim id prefix, mark, close), against a Python process doing the same with
  sqlite3 (open, look up the claim by prefix, update, insert, commit, close).

Prints medians (and p95 for marks) and the ratios issue 13 asks for:
mark vs SQLite (target <= 3x), mark growth 1k -> largest (flat), CLI mark largest /
1k (target <= 1.5x).

Usage: python bench/store_bench.py [--big] [--marks 200] [--cli-runs 5]
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from workbench.core.models import Article, Claim, claim_id, content_hash
from workbench.core.store import open_store

SENTENCE = "In {y} more than {n} people met {k} officials in the capital, the ministry said."
STATUSES = ["verified", "false", "disputed", "inconclusive"]


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


def build(root: Path, items: list) -> None:
    with open_store(root, "bench") as ws:
        for start in range(0, len(items), 200):
            ws.add_articles(items[start : start + 200])


def build_sqlite(path: Path, items: list) -> None:
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.executescript(
        """
        CREATE TABLE claims (id TEXT, article_id TEXT, data TEXT, PRIMARY KEY (article_id, id));
        CREATE INDEX claims_id ON claims (id);
        CREATE TABLE verdicts (article_id TEXT, claim_id TEXT, status TEXT, note TEXT,
            reviewer TEXT, updated_at TEXT, PRIMARY KEY (article_id, claim_id));
        CREATE TABLE history (seq INTEGER PRIMARY KEY, article_id TEXT, claim_id TEXT,
            field TEXT, old TEXT, new TEXT, reviewer TEXT, at TEXT, action TEXT);
        """
    )
    import json

    with db:
        for article, claims in items:
            db.executemany(
                "INSERT INTO claims VALUES (?, ?, ?)",
                [(c.id, article.id, json.dumps(c.to_dict())) for c in claims],
            )
            db.executemany(
                "INSERT INTO verdicts VALUES (?, ?, 'unreviewed', '', '', '')",
                [(article.id, c.id) for c in claims],
            )
    db.close()


SQLITE_MARK = """
UPDATE verdicts SET status = ?, reviewer = 'bench', updated_at = ?
 WHERE article_id = ? AND claim_id = ?
"""
SQLITE_HISTORY = """
INSERT INTO history (article_id, claim_id, field, old, new, reviewer, at, action)
VALUES (?, ?, 'status', ?, ?, 'bench', ?, 'edit')
"""


def sqlite_marks(path: Path, picks: list) -> tuple[list[float], float]:
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    times = []
    for i, (aid, cid) in enumerate(picks):
        t = time.perf_counter()
        db.execute("BEGIN")
        (old,) = db.execute(
            "SELECT status FROM verdicts WHERE article_id = ? AND claim_id = ?", (aid, cid)
        ).fetchone()
        new = STATUSES[i % 4] if STATUSES[i % 4] != old else STATUSES[(i + 1) % 4]
        now = time.strftime("%Y-%m-%dT%H:%M:%SZ")
        db.execute(SQLITE_MARK, (new, now, aid, cid))
        db.execute(SQLITE_HISTORY, (aid, cid, old, new, now))
        db.execute("COMMIT")
        times.append(time.perf_counter() - t)
    t = time.perf_counter()
    db.close()
    return times, time.perf_counter() - t


def store_marks(root: Path, picks: list) -> tuple[list[float], float]:
    times = []
    ws = open_store(root, "bench")
    for i, (aid, cid) in enumerate(picks):
        old = ws.verdict(aid, cid).status
        new = STATUSES[i % 4] if STATUSES[i % 4] != old else STATUSES[(i + 1) % 4]
        t = time.perf_counter()
        ws.set_status(aid, cid, new)
        times.append(time.perf_counter() - t)
    t = time.perf_counter()
    ws.close()
    return times, time.perf_counter() - t


SQLITE_CLI = r"""
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA synchronous=FULL")
prefix = sys.argv[2]
rows = db.execute("SELECT article_id, id FROM claims WHERE id >= ? AND id < ?",
                  (prefix, prefix + "g")).fetchall()
assert len(rows) == 1, rows
aid, cid = rows[0]
db.execute("BEGIN")
(old,) = db.execute("SELECT status FROM verdicts WHERE article_id=? AND claim_id=?",
                    (aid, cid)).fetchone()
db.execute("UPDATE verdicts SET status=?, reviewer='bench' WHERE article_id=? AND claim_id=?",
           (sys.argv[3], aid, cid))
db.execute("INSERT INTO history (article_id, claim_id, field, old, new, reviewer, at, action)"
           " VALUES (?, ?, 'status', ?, ?, 'bench', ?, 'edit')",
           (aid, cid, old, sys.argv[3], time.strftime("%Y-%m-%dT%H:%M:%SZ")))
db.execute("COMMIT")
db.close()
"""


def cli_marks(root: Path, db: Path, picks: list, runs: int) -> tuple[float, float]:
    env = dict(os.environ, WORKBENCH_REVIEWER="bench")
    ours, theirs = [], []
    for i, (_aid, cid) in enumerate(picks[:runs]):
        status = STATUSES[i % 4]
        t = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "workbench.cli", "mark", cid, status, "-w", str(root)],
            check=True,
            env=env,
            stdout=subprocess.DEVNULL,
        )
        ours.append(time.perf_counter() - t)
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", SQLITE_CLI, str(db), cid, status], check=True)
        theirs.append(time.perf_counter() - t)
    return statistics.median(ours), statistics.median(theirs)


def p95(values: list[float]) -> float:
    return sorted(values)[int(0.95 * (len(values) - 1))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--big", action="store_true", help="also 1,000,000 claims")
    ap.add_argument("--claims", type=int, default=50, help="claims per article")
    ap.add_argument("--marks", type=int, default=200)
    ap.add_argument("--cli-runs", type=int, default=5)
    ap.add_argument("--sizes", help="comma-separated claim counts (default 1000,100000)")
    args = ap.parse_args()
    sizes = [1_000, 100_000] + ([1_000_000] if args.big else [])
    if args.sizes:
        sizes = [int(x) for x in args.sizes.split(",")]
    rng = random.Random(7)
    med = statistics.median
    ms = 1000
    rows = []
    with tempfile.TemporaryDirectory(prefix="store-bench-") as tmp:
        for size in sizes:
            n = size // args.claims
            t = time.perf_counter()
            items = [make_article(i, args.claims) for i in range(n)]
            root, db = Path(tmp) / f"ws{size}", Path(tmp) / f"db{size}.sqlite"
            build(root, items)
            build_sqlite(db, items)
            built = time.perf_counter() - t
            picks = [
                (a.id, rng.choice(cl).id)
                for a, cl in (rng.choice(items) for _ in range(args.marks))
            ]
            ours, ours_close = store_marks(root, picks)
            theirs, theirs_close = sqlite_marks(db, picks)
            cli_picks = [(a.id, cl[0].id[:8]) for a, cl in (rng.choice(items) for _ in range(9))]
            cli_ours, cli_theirs = cli_marks(root, db, cli_picks, args.cli_runs)
            rows.append((size, ours, ours_close, theirs, theirs_close, cli_ours, cli_theirs))
            print(
                f"{size:>9,} claims (built in {built:.0f} s): mark median {med(ours) * ms:.2f} ms "
                f"p95 {p95(ours) * ms:.2f} ms, SQLite WAL FULL {med(theirs) * ms:.2f} ms "
                f"p95 {p95(theirs) * ms:.2f} ms; close after {args.marks} marks "
                f"{ours_close * ms:.0f} ms vs {theirs_close * ms:.1f} ms; `workbench mark` "
                f"{cli_ours:.3f} s vs sqlite3 process {cli_theirs:.3f} s",
                flush=True,
            )
    first, last = rows[0], rows[-1]
    for size, ours, _, theirs, _, _, _ in rows:
        print(
            f"RATIO mark / SQLite WAL FULL at {size:,}: {med(ours) / med(theirs):.2f}x "
            "(target <= 3x)"
        )
    print(
        f"RATIO mark growth {last[0]:,} / {first[0]:,}: {med(last[1]) / med(first[1]):.2f} "
        "(flat: target ~1)"
    )
    print(
        f"RATIO `workbench mark` {last[0]:,} / {first[0]:,}: {last[5] / first[5]:.2f}x "
        "(target <= 1.5x)"
    )
    print(f"RATIO `workbench mark` / sqlite3 process at {last[0]:,}: {last[5] / last[6]:.2f}x")


if __name__ == "__main__":
    main()
