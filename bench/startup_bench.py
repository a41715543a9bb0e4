"""Start-up benchmark: commands that parse no text, against ``python -c "import tinydb"``.

Builds a small workspace (5 articles of 20 synthetic claims, through the store API,
no spaCy), then runs each command as a new process several times, interleaved, and
takes each process's CPU time (user + system, from ``RUSAGE_CHILDREN``: the machine
is shared, wall time is noise). Prints each command's median and its ratio to the
anchor measured in the same run: ``python -c "import tinydb"`` (``python -c pass`` +
the TinyDB import). Target (issue 13): each ratio <= 3x, and none of these commands
imports spaCy, Textual or trafilatura.

Usage: python bench/startup_bench.py [--runs 9]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from store_bench import build, make_article  # noqa: E402

HEAVY = ("spacy", "textual", "trafilatura", "rich", "httpx", "rapidfuzz", "jinja2")


def cpu_of(argv: list[str], cwd: Path, env: dict[str, str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def heavy_imports(cli: list[str], cwd: Path, env: dict[str, str]) -> list[str]:
    """The heavy top-level packages the command imports (python -X importtime)."""
    proc = subprocess.run([sys.executable, "-X", "importtime", *cli], cwd=cwd, env=env,
                          capture_output=True, text=True, check=False)
    found = set()
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:"):
            continue
        name = line.rsplit("|", 1)[-1].strip().split(".")[0]
        if name in HEAVY:
            found.add(name)
    return sorted(found)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--no-bytecode", action="store_true",
                    help="compile every module on every run (PYTHONDONTWRITEBYTECODE)")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="startup-bench-"))
    build(tmp / ".workbench", [make_article(i, 20) for i in range(5)])
    from workbench.core.store import open_store

    with open_store(tmp / ".workbench", "bench") as ws:
        claim = ws.claims(ws.articles()[0].id)[0].id
    # as installed: bytecode cached (pip compiles on install). This shell may set
    # PYTHONDONTWRITEBYTECODE, which would make every run compile every module again.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(WORKBENCH_REVIEWER="bench", PYTHONPYCACHEPREFIX=str(tmp / "pycache"))
    if args.no_bytecode:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env.pop("PYTHONPYCACHEPREFIX")
    py = sys.executable
    anchors = {
        "python -c pass": [py, "-c", "pass"],
        "python -c 'import tinydb'": [py, "-c", "import tinydb"],
    }
    statuses = ["verified", "false"]
    commands = {
        "workbench --version": ["-m", "workbench.cli", "--version"],
        "workbench status": ["-m", "workbench.cli", "status"],
        "workbench claims": ["-m", "workbench.cli", "claims"],
        "workbench mark": ["-m", "workbench.cli", "mark", claim[:10], "STATUS"],
    }
    for cli in commands.values():  # warm the bytecode cache
        cpu_of([py, *[a if a != "STATUS" else "verified" for a in cli]], tmp, env)
    times: dict[str, list[float]] = {name: [] for name in [*anchors, *commands]}
    for run in range(args.runs):
        for name, argv in anchors.items():
            times[name].append(cpu_of(argv, tmp, env))
        for name, cli in commands.items():
            cli = [statuses[run % 2] if part == "STATUS" else part for part in cli]
            times[name].append(cpu_of([py, *cli], tmp, env))
    med = {name: statistics.median(values) for name, values in times.items()}
    anchor = med["python -c 'import tinydb'"]
    print(f"median CPU (user+sys) over {args.runs} interleaved runs, one run of this script")
    for name in times:
        line = f"{name:28s} {med[name] * 1000:7.1f} ms   {med[name] / anchor:5.2f}x tinydb anchor"
        if name in commands:
            cli = [a if a != "STATUS" else "false" for a in commands[name]]
            heavy = heavy_imports(cli, tmp, env)
            line += f"   heavy imports: {', '.join(heavy) or 'none'}"
        print(line)


if __name__ == "__main__":
    main()
