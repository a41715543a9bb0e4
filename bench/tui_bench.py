"""TUI speed: first paint, moves and marks, the seed against a 10,000-claim article, each
paired in the same run with a minimal Textual app (a DataTable and a detail pane).

    python bench/tui_bench.py [--presses 200] [--claims 10000] [--paints 3]

Setup: both articles are stored in a fresh workspace (the seed's claims are extracted in
a child process, so the measuring process never imports spaCy); the same claims go into
an SQLite file (WAL, synchronous=FULL) for the minimal app.

- **First paint** is measured from process start, as a user waits: the parent notes the
  monotonic clock, starts ``workbench --workspace WS ARTICLE`` (the real command, App.run
  made headless), and the child prints the clock when the review screen has been painted
  with its list filled. The minimal app is started the same way (its own imports, opening
  SQLite, filling the table). Median of ``--paints`` runs.
- **Moves and marks** are driven with Pilot at 120x40, reported apart (median and p95).
  A key's latency is from the press until the app is idle again with a frame painted.
  Every measured mark changes the store (the key is chosen so that the status differs;
  the run checks that the history grew by exactly one row per mark). A mark also moves
  on to the next claim (as the workbench does by default); the minimal app's mark writes
  the same change to SQLite (one UPDATE, committed) and moves on too.
- **Frames out of step**: every frame the workbench paints is checked: the list's cursor,
  the detail pane and the article pane must show the same claim (a move updates all
  three in one frame). The count of frames where they differ is printed.

Targets (issue 13): a mark at 10k within 1.5x of the seed and within 2x of the minimal app;
moves within 2x of the minimal app; no frame out of step.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "belarus-putin-sochi.txt"

EXTRACT_SEED = """
import sys
from workbench.core.articles import load_article_file
from workbench.core.nlp.extract import extract_claims
from workbench.core.store import Workspace
article = load_article_file(sys.argv[2])
with Workspace.open(sys.argv[1], reviewer="bench") as ws:
    print(ws.add_article(article, extract_claims(article)).article_id)
"""

# The real command, headless; prints the monotonic clock once the review screen is painted.
WORKBENCH_PAINT = """
import sys, time
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.review import ReviewScreen
original_run, original_refill = WorkbenchApp.run, ReviewScreen.refill
def refill(self):
    original_refill(self)
    def painted():
        print(time.monotonic(), flush=True)
        self.app.exit()
    self.call_after_refresh(painted)
ReviewScreen.refill = refill
WorkbenchApp.run = lambda self, **kw: original_run(self, headless=True, size=(120, 40))
import workbench.commands.open as open_cmd
open_cmd.terminal_problem = lambda: None
from workbench.cli import main
sys.exit(main(sys.argv[1:]))
"""


def synthetic(n_claims: int):
    """An article with ``n_claims`` number claims (4 per sentence, 4 sentences a paragraph)."""
    from workbench.core.articles import make_article
    from workbench.core.models import Claim, claim_id

    sentences = []
    for i in range(n_claims // 4 + 1):
        a, b, c, d = (i * 7 + k * 13 for k in range(4))
        sentences.append(
            f"Report {i} said {a} people met {b} officials in {c} towns over {d} days."
        )
    paragraphs = [" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)]
    article = make_article("Synthetic long article\n\n" + "\n\n".join(paragraphs), "synthetic.txt")
    text = article.text
    claims: list[Claim] = []
    pos = text.index("Report 0")
    for sentence in re.finditer(r"Report \d+ [^.]*\.", text[pos:]):
        s_start = pos + sentence.start()
        s_text = sentence.group()
        for k, num in enumerate(re.finditer(r"\d+", s_text)):
            if k == 0:
                continue  # the report number
            start = s_start + num.start()
            claims.append(Claim(
                id=claim_id("quantity", num.group(), s_text, len(claims)),
                article_id=article.id, kind="quantity", anchor=num.group(), start=start,
                end=start + len(num.group()), sentence=s_text, sentence_start=s_start,
                sentence_end=s_start + len(s_text), label=f"{num.group()} in report",
                value={"number": int(num.group())}, worthiness=(len(claims) % 100) / 100,
            ))
    return article, claims[:n_claims]


# ------------------------------------------------------------------ minimal app
def write_sqlite(path: Path, name: str, claims) -> None:
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute(
        "CREATE TABLE IF NOT EXISTS claims (article TEXT, id TEXT, pos INTEGER, kind TEXT, "
        "label TEXT, sentence TEXT, worth REAL, status TEXT, PRIMARY KEY (article, id))"
    )
    db.executemany(
        "INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, 'unreviewed')",
        [(name, c.id, i, c.kind, c.label, c.sentence, c.worthiness)
         for i, c in enumerate(claims)],
    )
    db.commit()
    db.close()


def minimal_app(db_path: Path, name: str, on_painted=None):
    """A DataTable of the claims and a detail pane, in the usual Textual idiom: the
    detail follows RowHighlighted; a mark updates a cell and commits to SQLite."""
    from rich.text import Text
    from textual.app import App, ComposeResult
    from textual.binding import Binding
    from textual.containers import Horizontal
    from textual.widgets import DataTable, Static

    class Minimal(App[None]):
        BINDINGS = [Binding("j", "move(1)"), Binding("g", "first"),
                    Binding("v", "mark('verified')"), Binding("f", "mark('false')")]
        CSS = "#detail { width: 1fr; } DataTable { width: 3fr; }"

        def compose(self) -> ComposeResult:
            with Horizontal():
                yield DataTable(id="table", cursor_type="row")
                yield Static("", id="detail", markup=False)

        def on_mount(self) -> None:
            self.db = sqlite3.connect(db_path)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=FULL")
            rows = self.db.execute(
                "SELECT id, kind, label, sentence, worth, status FROM claims WHERE article=? "
                "ORDER BY pos", (name,)).fetchall()
            self.rows = {r[0]: r for r in rows}
            self.status = {r[0]: r[5] for r in rows}
            table = self.query_one(DataTable)
            table.add_column("", key="mark", width=1)
            table.add_column("kind", key="kind", width=8)
            table.add_column("claim", key="label", width=40)
            table.add_column("worth", key="worth", width=5)
            for r in rows:
                worth = "" if r[4] is None else f"{r[4]:.2f}"
                table.add_row("·", r[1], Text(r[2]), worth, key=r[0])
            if on_painted is not None:
                self.call_after_refresh(on_painted, self)

        def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
            row = self.rows[event.row_key.value]
            self.query_one("#detail", Static).update(f"{row[2]}\n\n{row[3]}")

        @property
        def current_key(self) -> str:
            table = self.query_one(DataTable)
            return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

        def action_move(self, delta: int) -> None:
            table = self.query_one(DataTable)
            table.move_cursor(row=table.cursor_row + delta, animate=False)

        def action_first(self) -> None:
            self.query_one(DataTable).move_cursor(row=0, animate=False)

        def action_mark(self, status: str) -> None:
            key = self.current_key
            self.db.execute("UPDATE claims SET status=? WHERE article=? AND id=?",
                            (status, name, key))
            self.db.commit()
            self.status[key] = status
            self.query_one(DataTable).update_cell(key, "mark", "✓" if status == "verified"
                                                  else "✗")
            self.action_move(1)

    return Minimal()


def minimal_paint_child(db_path: str, name: str) -> None:
    def painted(app) -> None:
        print(time.monotonic(), flush=True)
        app.exit()

    minimal_app(Path(db_path), name, painted).run(headless=True, size=(120, 40))


# ------------------------------------------------------------------ measuring
def first_paint(cmd: list[str], runs: int) -> float:
    """Median seconds from starting ``cmd`` to the time it prints (its first paint)."""
    times = []
    for _ in range(runs):
        t0 = time.monotonic()
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
        lines = out.stdout.strip().splitlines()
        if out.returncode != 0 or not lines:
            raise SystemExit(f"first paint run failed: {out.stderr.strip()[-400:]}")
        times.append(float(lines[-1]) - t0)
    return statistics.median(times)


def _summary(times: list[float]) -> tuple[float, float]:
    times = sorted(times)
    return statistics.median(times), times[max(int(len(times) * 0.95) - 1, 0)]


async def measure_workbench(ws, article_id: str, presses: int) -> dict[str, object]:
    from workbench.tui.app import WorkbenchApp
    from workbench.tui.screens.review import ReviewScreen
    from workbench.tui.widgets.article_view import ArticleView
    from workbench.tui.widgets.claims_table import ClaimsTable

    app = WorkbenchApp(ws, article_id=article_id, cursor_blink=False, animate=False)
    frames = {"painted": 0, "out_of_step": 0}
    original_display = app._display

    def display(screen, renderable) -> None:  # every frame: do the three panes agree?
        if renderable is not None and isinstance(screen, ReviewScreen) and screen.is_mounted:
            table = screen.query_one(ClaimsTable)
            shown = screen.query_one(ArticleView)._current
            if table.row_count:
                frames["painted"] += 1
                key = table.current_key
                if key != screen.current or shown is None or shown.id != key:
                    frames["out_of_step"] += 1
        original_display(screen, renderable)

    app._display = display  # type: ignore[method-assign]
    history_before = len(ws.history(article_id))
    moves: list[float] = []
    marks: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        table = screen.query_one(ClaimsTable)
        for i in range(presses):
            if i % 2 == 0:
                key = "g" if table.cursor_row >= table.row_count - 2 else "j"
            else:
                key = "f" if screen.status_of(table.current_key or "") == "verified" else "v"
            t = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            (marks if key in "vf" else moves).append(time.perf_counter() - t)
            assert screen.current == table.current_key  # the detail follows the cursor
        n_claims = len(screen.claims)
    written = len(ws.history(article_id)) - history_before
    assert written == len(marks), f"{len(marks)} marks wrote {written} history rows"
    return {"moves": _summary(moves), "marks": _summary(marks), "claims": n_claims,
            "frames": dict(frames), "written": written}


async def measure_minimal(db_path: Path, name: str, presses: int) -> dict[str, object]:
    from textual.widgets import DataTable

    app = minimal_app(db_path, name)
    moves: list[float] = []
    marks: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        table = app.query_one(DataTable)
        for i in range(presses):
            if i % 2 == 0:
                key = "g" if table.cursor_row >= table.row_count - 2 else "j"
            else:
                key = "f" if app.status.get(app.current_key) == "verified" else "v"
            t = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            (marks if key in "vf" else moves).append(time.perf_counter() - t)
    return {"moves": _summary(moves), "marks": _summary(marks)}


def ms(x: float) -> str:
    return f"{x * 1000:7.1f}"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--presses", type=int, default=200)
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--paints", type=int, default=3)
    parser.add_argument("--child", choices=["minimal-paint"])
    parser.add_argument("--db")
    parser.add_argument("--name")
    args = parser.parse_args()
    if args.child == "minimal-paint":
        minimal_paint_child(args.db, args.name)
        return 0
    from workbench.core.store import Workspace

    with tempfile.TemporaryDirectory() as tmp:
        ws_path = Path(tmp) / "ws"
        db_path = Path(tmp) / "minimal.sqlite"
        out = subprocess.run([sys.executable, "-c", EXTRACT_SEED, str(ws_path), str(SEED)],
                             capture_output=True, text=True, check=True)
        seed_id = out.stdout.strip().splitlines()[-1]
        article, claims = synthetic(args.claims)
        with Workspace.open(ws_path, reviewer="bench") as ws:
            big_id = ws.add_article(article, claims).article_id
            seed_claims = ws.claims(seed_id)
        write_sqlite(db_path, "seed", seed_claims)
        write_sqlite(db_path, "10k", claims)
        results: dict[str, dict[str, object]] = {}
        for name, aid in (("seed", seed_id), ("10k", big_id)):
            wb = [sys.executable, "-c", WORKBENCH_PAINT, "--workspace", str(ws_path), aid]
            mini = [sys.executable, __file__, "--child", "minimal-paint", "--db", str(db_path),
                    "--name", name]
            results[name] = {"paint": first_paint(wb, args.paints),
                             "mini_paint": first_paint(mini, args.paints)}
        with Workspace.open(ws_path, reviewer="bench") as ws:
            for name, aid in (("seed", seed_id), ("10k", big_id)):
                results[name].update(asyncio.run(measure_workbench(ws, aid, args.presses)))
                mini = asyncio.run(measure_minimal(db_path, name, args.presses))
                results[name]["mini_moves"] = mini["moves"]
                results[name]["mini_marks"] = mini["marks"]
        spacy_loaded = "spacy" in sys.modules

    print(f"{'article':>8} {'claims':>6} | {'first paint':>11} {'minimal':>8} | "
          f"{'move med':>8} {'p95':>7} {'minimal':>7} | {'mark med':>8} {'p95':>7} "
          f"{'minimal':>7} | frames out of step")
    for name, r in results.items():
        mv, mk = r["moves"], r["marks"]
        mmv, mmk = r["mini_moves"], r["mini_marks"]
        fr = r["frames"]
        print(f"{name:>8} {r['claims']:>6} | {ms(r['paint'])} ms {ms(r['mini_paint'])} | "
              f"{ms(mv[0])} {ms(mv[1])} {ms(mmv[0])} | {ms(mk[0])} {ms(mk[1])} {ms(mmk[0])} | "
              f"{fr['out_of_step']} of {fr['painted']}")
    seed, big = results["seed"], results["10k"]
    checks = {
        "mark 10k / seed (<= 1.5x)": (big["marks"][0] / seed["marks"][0], 1.5),
        "mark 10k / minimal 10k (<= 2x)": (big["marks"][0] / big["mini_marks"][0], 2.0),
        "move 10k / minimal 10k (<= 2x)": (big["moves"][0] / big["mini_moves"][0], 2.0),
        "move seed / minimal seed (<= 2x)": (seed["moves"][0] / seed["mini_moves"][0], 2.0),
        "first paint 10k / minimal 10k": (big["paint"] / big["mini_paint"], float("inf")),
    }
    ok = not spacy_loaded
    for label, (ratio, target) in checks.items():
        print(f"{label:<34} {ratio:5.2f}x")
        ok = ok and ratio <= target
    out_of_step = sum(r["frames"]["out_of_step"] for r in results.values())
    print(f"marks that changed the store: {seed['written']} + {big['written']} (every one)")
    print(f"frames with list, detail and article out of step: {out_of_step}")
    print(f"spaCy imported by the measuring process: {spacy_loaded}")
    return 0 if ok and out_of_step == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
