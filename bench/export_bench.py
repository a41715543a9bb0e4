"""Export benchmark: ``workbench export --all`` of a 100k-claim workspace against an
SQLite dump of the same rows, measured in the same run.

Builds (through the store API, no spaCy) a workspace of synthetic articles of 50
claims each (``--claims`` in all, default 100,000), gives a share of the claims a
verdict with a note and a link (real store changes, so verdicts and history are
exported too), and copies exactly what the store then holds (articles with their
text, claims, verdicts, history) into an SQLite database. Then, each in a new child
process measured alone (wall time, CPU user+sys and peak RSS from
``getrusage(RUSAGE_CHILDREN)`` of a wrapper process):

- ``workbench export --all --format FMT -o FILE`` for each format asked (default json);
- the anchor: ``sqlite3`` ``iterdump()`` of the database written to a file.

Prints the ratios issue 13 asks for: export / SQLite dump CPU (target <= 1.5x; best
of the rounds, median, and the median of each round's ratio to the same round's
anchor) and the export's peak RSS (target < 300 MB).

Usage: python bench/export_bench.py [--claims 100000] [--formats json,md,csv]
       [--root DIR (reused when it exists)] [--rounds 1] [--before CHECKOUT]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from store_bench import build, make_article  # noqa: E402

PER_ARTICLE = 50
STATUSES = ["verified", "false", "disputed", "inconclusive", "in_progress"]

WRAP = """
import json, resource, subprocess, sys, time
t = time.perf_counter()
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
wall = time.perf_counter() - t
r = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps([wall, r.ru_utime + r.ru_stime, r.ru_maxrss / 1024]))
"""

DUMP = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in db.iterdump():
        out.write(line + "\\n")
"""


def measure(argv: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float, float]:
    """(wall s, CPU s, peak RSS MB) of ``argv`` run alone in a child of a wrapper."""
    out = subprocess.run([sys.executable, "-c", WRAP, *argv], env=env, check=True, cwd=cwd,
                         capture_output=True, text=True).stdout
    wall, cpu, rss = json.loads(out.strip().splitlines()[-1])
    return wall, cpu, rss


def build_workspace(root: Path, claims: int, marked: float) -> None:
    from workbench.core.store import open_store

    articles = max(1, claims // PER_ARTICLE)
    build(root, [make_article(i, PER_ARTICLE) for i in range(articles)])
    rng = random.Random(13)
    with open_store(root, "bench") as ws:
        summaries = ws.articles()
        for s in summaries:
            picks = [c.id for c in ws.claims(s.id) if rng.random() < marked]
            for n, cid in enumerate(picks):
                ws.set_status(s.id, cid, STATUSES[n % len(STATUSES)])
                if n % 2 == 0:
                    ws.set_note(s.id, cid, f"Checked against the ministry release {n}.\nOK.")


def build_sqlite(root: Path, path: Path) -> int:
    """The same rows the workspace holds, in SQLite; returns the claim count."""
    from workbench.core.store import open_store

    db = sqlite3.connect(path)
    db.executescript(
        """
        CREATE TABLE articles (id TEXT PRIMARY KEY, title TEXT, source TEXT, text TEXT,
            fetched_at TEXT, meta TEXT);
        CREATE TABLE claims (id TEXT, article_id TEXT, kind TEXT, anchor TEXT, start INT,
            "end" INT, sentence TEXT, sentence_start INT, sentence_end INT, label TEXT,
            value TEXT, entities TEXT, worthiness REAL, PRIMARY KEY (article_id, id));
        CREATE TABLE verdicts (article_id TEXT, claim_id TEXT, status TEXT, note TEXT,
            label TEXT, links TEXT, reviewer TEXT, updated_at TEXT,
            PRIMARY KEY (article_id, claim_id));
        CREATE TABLE history (seq INTEGER, article_id TEXT, claim_id TEXT, field TEXT,
            old TEXT, new TEXT, reviewer TEXT, at TEXT, action TEXT);
        """
    )
    total = 0
    with open_store(root, "bench") as ws, db:
        for s in ws.articles():
            a = ws.article(s.id)
            db.execute("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?)",
                       (a.id, a.title, a.source, a.text, a.fetched_at, json.dumps(a.meta)))
            claims = ws.claims(a.id)
            total += len(claims)
            db.executemany(
                "INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(c.id, a.id, c.kind, c.anchor, c.start, c.end, c.sentence, c.sentence_start,
                  c.sentence_end, c.label, json.dumps(c.value), json.dumps(c.entities),
                  c.worthiness) for c in claims],
            )
            verdicts = ws.verdicts(a.id)
            db.executemany(
                "INSERT INTO verdicts VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(a.id, v.claim_id, v.status, v.note, v.label,
                  json.dumps([link.to_dict() for link in v.links]), v.reviewer, v.updated_at)
                 for v in verdicts.values()],
            )
            db.executemany(
                "INSERT INTO history VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(h.seq, a.id, h.claim_id, h.field, json.dumps(h.old), json.dumps(h.new),
                  h.reviewer, h.at, h.action) for h in ws.history(article_id=a.id)],
            )
    db.close()
    return total


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--formats", default="json")
    ap.add_argument("--marked", type=float, default=0.1, help="share of claims with a verdict")
    ap.add_argument("--root", type=Path, help="workspace folder (reused when it exists)")
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--before", type=Path,
                    help="a checkout of other code: each format is also run with it (PYTHONPATH) "
                    "in every round, named 'FMT before', for a before/after in one run")
    args = ap.parse_args()
    base = args.root or Path(tempfile.mkdtemp(prefix="export-bench-"))
    root, db = base / "ws", base / "same.sqlite"
    if not root.exists():
        build_workspace(root, args.claims, args.marked)
    if not db.exists():
        build_sqlite(root, db)
    con = sqlite3.connect(db)
    claims = con.execute("SELECT count(*) FROM claims").fetchone()[0]
    reviewed = con.execute(
        "SELECT count(*) FROM verdicts WHERE status != 'unreviewed'"
    ).fetchone()[0]
    history = con.execute("SELECT count(*) FROM history").fetchone()[0]
    con.close()
    env = {**os.environ, "WORKBENCH_REVIEWER": "bench"}
    out = base / "out"
    out.mkdir(exist_ok=True)
    formats = [f for f in args.formats.split(",") if f]
    seen: dict[str, list[tuple[float, float, float]]] = {}
    sizes: dict[str, int] = {}
    for _ in range(args.rounds):  # interleaved: the anchor and each format in every round
        runs = {"sqlite dump": [sys.executable, "-c", DUMP, str(db), str(out / "dump.sql")]}
        for fmt in formats:
            extra = ["--url", "https://fc.example/p", "--org", "FC"] if fmt == "claimreview" else []
            runs[fmt] = [sys.executable, "-m", "workbench.cli", "-w", str(root), "export",
                         "--all", "--format", fmt, "-o", str(out / f"report.{fmt}"), "--force",
                         *extra]
        for name, argv in runs.items():
            # not the checkout: PYTHONPATH says which code runs
            seen.setdefault(name, []).append(measure(argv, env, base))
            if args.before and name in formats:
                other = {**env, "PYTHONPATH": str(args.before.resolve())}
                seen.setdefault(f"{name} before", []).append(measure(argv, other, base))
        sizes = {p.name: p.stat().st_size for p in out.iterdir()}
    anchor = seen["sqlite dump"]
    print(f"{claims:,} claims ({reviewed:,} with a verdict, {history:,} history rows); "
          f"{args.rounds} interleaved round(s); load {os.getloadavg()[0]:.1f}")
    print(f"{'':18s} {'wall':>8s} {'CPU best':>9s} {'CPU med':>8s} {'peak RSS':>9s} "
          f"{'CPU x best':>10s} {'CPU x med':>9s} {'paired x med':>12s}")
    a_best, a_med = min(m[1] for m in anchor), statistics.median(m[1] for m in anchor)
    for name, runs_of in seen.items():
        cpu = [m[1] for m in runs_of]
        best, med = min(cpu), statistics.median(cpu)
        # each round's export over the same round's anchor
        paired = statistics.median(c / a[1] for c, a in zip(cpu, anchor, strict=True))
        wall = statistics.median(m[0] for m in runs_of)
        rss = max(m[2] for m in runs_of)
        print(f"{name:18s} {wall:7.2f}s {best:8.2f}s {med:7.2f}s {rss:7.0f}MB "
              f"{best / a_best:9.2f}x {med / a_med:8.2f}x {paired:11.2f}x")
    for name, size in sorted(sizes.items()):
        print(f"  {name}: {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
