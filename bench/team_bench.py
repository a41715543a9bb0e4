"""Team workspace benchmark: 8 reviewer processes x 1,000 marks on 10,000 claims.

Starts a throwaway PostgreSQL server (fsync=on, Unix socket), loads 10,000 claims
(200 articles x 50), then in one run measures:

- 8 reviewer processes (one database role each) making 1,000 note changes each:
  most on claims of their own, every 10th on 100 claims all of them share (in the
  same order, so they collide), after
  reading the workspace first, so same-field conflicts really happen. Throughput,
  p50/p99 mark latency (as the client sees it, commit included), conflicts counted
  by the clients and checked against the server: every acknowledged mark must be in
  the history with its value (0 lost) and acks + conflicts = marks attempted;
- mark latency of one session without contention, team server vs the local folder
  workspace with the same 10,000 claims (ratio, same run);
- live-update delay: from one reviewer's mark to another session's listener having
  read the change (``watch`` + ``changes_since``), p50/p99;
- where a mark's time goes: the server's time inside the mark procedure (commit
  included, from ``pg_stat_user_functions``) against the latency the client sees,
  and CPU seconds per mark of the client processes and of the server processes,
  with the load average (the box is shared: CPU queueing shows as the gap);
  ``--scan 2,4`` repeats the writer run with fewer processes on fresh databases.

Targets: p99 mark < 20 ms on the local server, live p99 < 1 s, nothing lost.
Usage: python bench/team_bench.py [--procs 8] [--marks 1000] [--articles 200] [--scan 2,4]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from store_bench import make_article  # noqa: E402

from workbench.core.store import Workspace  # noqa: E402
from workbench.core.store.postgres import cluster as pgc  # noqa: E402
from workbench.core.store.postgres import open_postgres_store  # noqa: E402

WRITER = ROOT / "tests" / "team" / "writer_proc.py"


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def ms(x: float) -> str:
    return f"{x * 1000:.2f} ms"


def load(url: str, items: list) -> None:
    with open_postgres_store(url) as st:
        for start in range(0, len(items), 20):
            st.add_articles(items[start : start + 20])


def server_cpu(cluster) -> float | None:
    """CPU seconds used so far by the server's processes, exited backends included
    (Linux /proc; None where it cannot be read)."""
    try:
        pm = int((cluster.data / "postmaster.pid").read_text().split()[0])
        tick = os.sysconf("SC_CLK_TCK")
        fields = Path(f"/proc/{pm}/stat").read_text().rsplit(")", 1)[1].split()
        total = sum(int(x) for x in fields[11:15])  # its own and its reaped children's
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                f = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(f[1]) == pm:
                total += int(f[11]) + int(f[12])
        return total / tick
    except (OSError, ValueError, IndexError):
        return None


def tracked_database(cluster) -> str:
    """A fresh upgraded database whose sessions count the time spent in procedures."""
    import psycopg
    from psycopg import sql

    db = pgc.new_database(cluster)
    with psycopg.connect(cluster.url(), autocommit=True) as conn:
        conn.execute(
            sql.SQL("ALTER DATABASE {} SET track_functions = 'pl'").format(sql.Identifier(db))
        )
    return db


def procedure_time(cluster, db: str) -> tuple[int, float]:
    """(calls, total seconds) the server spent inside the mark procedures."""
    import psycopg

    with psycopg.connect(cluster.url(db), autocommit=True) as conn:
        row = conn.execute(
            "SELECT coalesce(sum(calls), 0), coalesce(sum(total_time), 0) "
            "FROM pg_stat_user_functions WHERE schemaname = 'workbench' "
            "AND funcname LIKE 'set\\_%%'"
        ).fetchone()
    return (int(row[0]), float(row[1]) / 1000) if row else (0, 0.0)


def run_writers(cluster, db: str, pairs: list, procs: int, marks: int) -> dict:
    rng = random.Random(7)
    shuffled = pairs[:]
    rng.shuffle(shuffled)
    shared, rest = shuffled[:100], shuffled[100:]
    env = dict(
        os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])
    )
    children = []
    for k in range(procs):
        own = rest[k::procs][:marks]
        targets = []
        for i in range(marks):
            targets.append(shared[(i // 10) % len(shared)] if i % 10 == 0 else own[i % len(own)])
        role = pgc.ensure_role(cluster, f"rev{k}")
        spec = {
            "url": cluster.url(db, role),
            "field": "note",
            "n": marks,
            "targets": targets,
            "read_first": True,
            "wait_stdin": True,
            "report_cpu": True,
        }
        child = subprocess.Popen(
            [sys.executable, str(WRITER), json.dumps(spec)],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        children.append(child)
    for child in children:
        assert child.stdout.readline().strip() == "ready"
    cpu0 = server_cpu(cluster)
    t0 = time.perf_counter()
    for child in children:
        child.stdin.write("go\n")
        child.stdin.flush()
    outs = [child.communicate(timeout=1800)[0].splitlines() for child in children]
    wall = time.perf_counter() - t0
    cpu1 = server_cpu(cluster)
    acks, conflicts, client_cpu = [], 0, 0.0
    for k, lines in enumerate(outs):
        for line in lines:
            parts = line.split()
            if parts[0] == "ack":
                acks.append(
                    (f"rev{k}", parts[2], parts[3], parts[5].replace("_", " "), float(parts[6]))
                )
            elif parts[0] == "conflict":
                conflicts += 1
            elif parts[0] == "cpu":
                client_cpu += float(parts[1])
    with open_postgres_store(cluster.url(db)) as st:
        history = st.history()
    rows = {(h.reviewer, h.claim_id, h.new) for h in history if h.field == "note"}
    lost = sum(1 for r, _, cid, value, _ in acks if (r, cid, value) not in rows)
    return {
        "wall": wall,
        "acks": len(acks),
        "conflicts": conflicts,
        "attempted": procs * marks,
        "lost": lost,
        "history_rows": len([h for h in history if h.field == "note"]),
        "latencies": [a[4] for a in acks],
        "client_cpu": client_cpu,
        "server_cpu": None if cpu0 is None or cpu1 is None else cpu1 - cpu0,
        "in_procedure": procedure_time(cluster, db),
    }


def report_writers(w: dict, procs: int, marks: int) -> None:
    lat = w["latencies"]
    print(f"\n{procs} reviewer processes x {marks} marks (note changes):")
    print(
        f"  throughput        {w['acks'] / w['wall']:.0f} marks/s "
        f"({w['acks']} acked in {w['wall']:.1f} s)"
    )
    print(f"  mark latency      p50 {ms(pct(lat, 50))}  p99 {ms(pct(lat, 99))}")
    print(
        f"  conflicts         {w['conflicts']} (acks + conflicts = {w['acks'] + w['conflicts']}"
        f" of {w['attempted']} attempted)"
    )
    print(f"  history rows      {w['history_rows']} (= acks: {w['history_rows'] == w['acks']})")
    print(f"  acknowledged lost {w['lost']}")
    calls, inside = w["in_procedure"]
    mean = statistics.mean(lat)
    if calls:
        print(
            f"  time per mark     mean {ms(mean)} as the client sees it, {ms(inside / calls)} "
            "inside the server's mark procedure (commit included)"
        )
    n = w["attempted"]
    server = w["server_cpu"]
    server_part = f", server processes {ms(server / n)}" if server is not None else ""
    print(
        f"  CPU per mark      client processes {ms(w['client_cpu'] / n)}{server_part}; "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    )


def time_marks(store, pairs: list, n: int) -> list[float]:
    rng = random.Random(3)
    out = []
    for i in range(n):
        aid, cid = rng.choice(pairs)
        t0 = time.perf_counter()
        store.set_note(aid, cid, f"bench note {i}")
        out.append(time.perf_counter() - t0)
    return out


def live_delay(cluster, db: str, pairs: list, samples: int) -> list[float]:
    viewer = open_postgres_store(cluster.url(db, pgc.ensure_role(cluster, "viewer")))
    marker = open_postgres_store(cluster.url(db, pgc.ensure_role(cluster, "marker")))
    signal = threading.Event()
    viewer.watch(signal.set)
    viewer.changes_since(viewer.last_seq)
    delays = []
    try:
        for i in range(samples):
            aid, cid = pairs[i % len(pairs)]
            signal.clear()
            t0 = time.perf_counter()
            marker.set_note(aid, cid, f"live {i}")
            if not signal.wait(30):
                raise SystemExit("no live signal within 30 s")
            seen = viewer.changes_since(viewer.last_seq)
            assert any(c.new == f"live {i}" for c in seen)
            delays.append(time.perf_counter() - t0)
    finally:
        viewer.close()
        marker.close()
    return delays


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--procs", type=int, default=8)
    ap.add_argument("--marks", type=int, default=1000)
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--claims", type=int, default=50)
    ap.add_argument("--single", type=int, default=1000, help="marks for the team/local ratio")
    ap.add_argument("--live", type=int, default=200, help="live-delay samples")
    ap.add_argument("--scan", default="", help="also run the writers with these process counts")
    args = ap.parse_args()
    reason = pgc.missing_reason()
    if reason:
        raise SystemExit(reason)
    items = [make_article(i, args.claims) for i in range(args.articles)]
    pairs = [[a.id, c.id] for a, claims in items for c in claims]
    print(f"workspace: {len(items)} articles, {len(pairs)} claims")
    print(f"load average at start {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    cluster = pgc.shared_cluster()
    db = tracked_database(cluster)
    t = time.perf_counter()
    load(cluster.url(db), items)
    print(f"team load: {time.perf_counter() - t:.1f} s")

    w = run_writers(cluster, db, pairs, args.procs, args.marks)
    lat = w["latencies"]
    report_writers(w, args.procs, args.marks)
    for procs in [int(x) for x in args.scan.split(",") if x.strip()]:
        scan_db = tracked_database(cluster)
        load(cluster.url(scan_db), items)
        report_writers(run_writers(cluster, scan_db, pairs, procs, args.marks), procs, args.marks)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "ws"
        with Workspace.open(folder, reviewer="bench") as ws:
            for start in range(0, len(items), 200):
                ws.add_articles(items[start : start + 200])
        with Workspace.open(folder, reviewer="bench") as ws:
            local = time_marks(ws, pairs, args.single)
    with open_postgres_store(cluster.url(db, pgc.ensure_role(cluster, "solo"))) as st:
        team = time_marks(st, pairs, args.single)
    print(f"\none session, {args.single} marks, no contention:")
    print(f"  local folder      p50 {ms(pct(local, 50))}  p99 {ms(pct(local, 99))}")
    print(f"  team server       p50 {ms(pct(team, 50))}  p99 {ms(pct(team, 99))}")
    print(
        f"  ratio team/local  p50 {pct(team, 50) / pct(local, 50):.2f}  "
        f"mean {statistics.mean(team) / statistics.mean(local):.2f}"
    )

    live = live_delay(cluster, db, pairs, args.live)
    print(f"\nlive update, mark -> other session has read it ({args.live} samples):")
    print(f"  delay             p50 {ms(pct(live, 50))}  p99 {ms(pct(live, 99))}")
    ok = pct(lat, 99) < 0.020 and pct(live, 99) < 1.0 and w["lost"] == 0
    print(f"\ntargets (p99 mark < 20 ms, live p99 < 1 s, 0 lost): {'met' if ok else 'NOT met'}")


if __name__ == "__main__":
    main()
