"""Store benchmark: the workbench store against SQLite (WAL, synchronous=FULL), one run.

Builds workspaces of synthetic articles (50 claims each) at 1,000 and 100,000
claims (``--big``: also 1,000,000) and, beside each, an SQLite database in WAL mode
with ``synchronous=FULL`` holding the same claims and verdicts (what a user would
pick instead). Every measured change changes the store. Measured, all in this run:

- durable mark in an open session: ``set_status`` of a random claim, returned =
  durable (workbench: one fsynced journal line, and every 200 changes a checkpoint;
  SQLite: UPDATE verdict + INSERT history row, COMMIT), the two engines in turn on
  the same claim so that both see the same fsync latency: wall time (median, p95,
  and the mean, which spreads the checkpoints over the marks) and CPU time;
- closing the session after those marks (workbench: its checkpoint; SQLite: close);
- ``workbench mark PREFIX STATUS`` as a user runs it (a new process: open, resolve
  the claim id prefix, mark, close), against a Python process doing the same with
  sqlite3 (open, look up the claim by prefix, update, insert, commit, close).

Prints medians (and p95 for marks) and the ratios issue 13 asks for:
mark vs SQLite (target <= 3x), mark growth 1k -> largest (flat), CLI mark largest /
1k (target <= 1.5x).

Usage: python bench/store_bench.py [--big] [--sizes 1000,100000] [--marks 400] [--cli-runs 5]
       [--cache DIR]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
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


class SqliteMarks:
    """The same mark in SQLite WAL ``synchronous=FULL``: UPDATE verdict + INSERT history."""

    def __init__(self, path: Path) -> None:
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")

    def mark(self, i: int, aid: str, cid: str) -> None:
        db = self.db
        db.execute("BEGIN")
        (old,) = db.execute(
            "SELECT status FROM verdicts WHERE article_id = ? AND claim_id = ?", (aid, cid)
        ).fetchone()
        new = STATUSES[i % 4] if STATUSES[i % 4] != old else STATUSES[(i + 1) % 4]
        now = time.strftime("%Y-%m-%dT%H:%M:%SZ")
        db.execute(SQLITE_MARK, (new, now, aid, cid))
        db.execute(SQLITE_HISTORY, (aid, cid, old, new, now))
        db.execute("COMMIT")


def timed(fn, *args) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """(wall s, CPU s of this process) of one call."""
    w, c = time.perf_counter(), time.process_time()
    fn(*args)
    return time.perf_counter() - w, time.process_time() - c


def marks(root: Path, db: Path, picks: list) -> dict[str, list[float]]:
    """Both engines open at once, one mark each in turn (the same claim), so both see
    the same fsync latency: wall and CPU of each mark, and of closing each."""
    ws, theirs = open_store(root, "bench"), SqliteMarks(db)
    out: dict[str, list[float]] = {k: [] for k in ("wall", "cpu", "sq_wall", "sq_cpu")}
    for i, (aid, cid) in enumerate(picks):
        old = ws.verdict(aid, cid).status  # not timed: a UI has the verdict on screen
        new = STATUSES[i % 4] if STATUSES[i % 4] != old else STATUSES[(i + 1) % 4]
        w, c = timed(ws.set_status, aid, cid, new)
        out["wall"].append(w)
        out["cpu"].append(c)
        w, c = timed(theirs.mark, i, aid, cid)
        out["sq_wall"].append(w)
        out["sq_cpu"].append(c)
    out["close"] = [timed(ws.close)[0]]
    out["sq_close"] = [timed(theirs.db.close)[0]]
    return out


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


def _child(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """(wall s, CPU s user+sys) of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(argv, check=True, env=env, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def cli_marks(root: Path, db: Path, picks: list, runs: int) -> dict[str, float]:
    """``workbench mark PREFIX STATUS`` against a sqlite3 process, interleaved; the
    first workbench run (which may bring a workspace of an older version up to date)
    is reported apart and left out of the medians."""
    env = dict(os.environ, WORKBENCH_REVIEWER="bench")
    ours: list[tuple[float, float]] = []
    theirs: list[tuple[float, float]] = []
    first = (0.0, 0.0)
    for i, (_aid, cid) in enumerate(picks[: runs + 1]):
        status = STATUSES[i % 4]
        mine = _child(
            [sys.executable, "-m", "workbench.cli", "mark", cid, status, "-w", str(root)], env
        )
        other = _child([sys.executable, "-c", SQLITE_CLI, str(db), cid, status])
        if i == 0:
            first = mine
            continue
        ours.append(mine)
        theirs.append(other)
    med = statistics.median
    return {
        "first": first[0],
        "wall": med(w for w, _ in ours),
        "cpu": med(c for _, c in ours),
        "sq_wall": med(w for w, _ in theirs),
        "sq_cpu": med(c for _, c in theirs),
    }


def p95(values: list[float]) -> float:
    return sorted(values)[int(0.95 * (len(values) - 1))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--big", action="store_true", help="also 1,000,000 claims")
    ap.add_argument("--claims", type=int, default=50, help="claims per article")
    ap.add_argument("--marks", type=int, default=400)
    ap.add_argument("--cli-runs", type=int, default=5)
    ap.add_argument("--sizes", help="comma-separated claim counts (default 1000,100000)")
    ap.add_argument(
        "--cache",
        type=Path,
        help="folder keeping the built workspaces and SQLite files between runs (each run "
        "measures a fresh copy of them)",
    )
    args = ap.parse_args()
    sizes = [1_000, 100_000] + ([1_000_000] if args.big else [])
    if args.sizes:
        sizes = [int(x) for x in args.sizes.split(",")]
    rng = random.Random(7)
    med, mean = statistics.median, statistics.fmean
    ms = 1000
    rows = []
    with tempfile.TemporaryDirectory(prefix="store-bench-") as tmp:
        for size in sizes:
            n = size // args.claims
            t = time.perf_counter()
            items = [make_article(i, args.claims) for i in range(n)]
            root, db = Path(tmp) / f"ws{size}", Path(tmp) / f"db{size}.sqlite"
            if args.cache:
                kept_root = args.cache / f"ws{size}-{args.claims}"
                kept_db = args.cache / f"db{size}-{args.claims}.sqlite"
                if not kept_db.exists():
                    args.cache.mkdir(parents=True, exist_ok=True)
                    shutil.rmtree(kept_root, ignore_errors=True)
                    build(kept_root, items)
                    build_sqlite(kept_db, items)
                shutil.copytree(kept_root, root)
                shutil.copyfile(kept_db, db)
            else:
                build(root, items)
                build_sqlite(db, items)
            built = time.perf_counter() - t
            os.sync()  # the copy's writes are on disk: they do not slow the first fsyncs
            picks = [
                (a.id, rng.choice(cl).id)
                for a, cl in (rng.choice(items) for _ in range(args.marks))
            ]
            m = marks(root, db, picks)
            cli_picks = [(a.id, cl[0].id[:8]) for a, cl in (rng.choice(items) for _ in range(12))]
            c = cli_marks(root, db, cli_picks, args.cli_runs)
            rows.append((size, m, c))
            shutil.rmtree(root, ignore_errors=True)
            print(
                f"{size:>9,} claims (ready in {built:.0f} s), {args.marks} marks interleaved:\n"
                f"  mark wall median {med(m['wall']) * ms:.2f} ms p95 {p95(m['wall']) * ms:.2f}"
                f" mean {mean(m['wall']) * ms:.2f} (checkpoints included) | SQLite WAL FULL"
                f" median {med(m['sq_wall']) * ms:.2f} p95 {p95(m['sq_wall']) * ms:.2f}"
                f" mean {mean(m['sq_wall']) * ms:.2f}\n"
                f"  mark CPU median {med(m['cpu']) * ms:.3f} ms mean {mean(m['cpu']) * ms:.3f}"
                f" | SQLite median {med(m['sq_cpu']) * ms:.3f} mean {mean(m['sq_cpu']) * ms:.3f}\n"
                f"  close {m['close'][0] * ms:.0f} ms | SQLite {m['sq_close'][0] * ms:.1f} ms\n"
                f"  `workbench mark` wall {c['wall']:.3f} s CPU {c['cpu']:.3f} s (first run"
                f" {c['first']:.3f} s) | sqlite3 process wall {c['sq_wall']:.3f} s"
                f" CPU {c['sq_cpu']:.3f} s",
                flush=True,
            )
    first, last = rows[0], rows[-1]
    for size, m, _ in rows:
        print(
            f"RATIO mark / SQLite WAL FULL at {size:,}: median "
            f"{med(m['wall']) / med(m['sq_wall']):.2f}x, mean "
            f"{mean(m['wall']) / mean(m['sq_wall']):.2f}x (target <= 3x)"
        )
    print(
        f"RATIO mark growth {last[0]:,} / {first[0]:,}: median wall "
        f"{med(last[1]['wall']) / med(first[1]['wall']):.2f}, mean wall "
        f"{mean(last[1]['wall']) / mean(first[1]['wall']):.2f}, mean CPU "
        f"{mean(last[1]['cpu']) / mean(first[1]['cpu']):.2f} (flat: target ~1)"
    )
    print(
        f"RATIO `workbench mark` {last[0]:,} / {first[0]:,}: wall "
        f"{last[2]['wall'] / first[2]['wall']:.2f}x, CPU {last[2]['cpu'] / first[2]['cpu']:.2f}x"
        " (target <= 1.5x)"
    )
    print(
        f"RATIO `workbench mark` / sqlite3 process at {last[0]:,}: "
        f"{last[2]['wall'] / last[2]['sq_wall']:.2f}x"
    )


if __name__ == "__main__":
    main()
