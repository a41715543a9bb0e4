"""TUI speed: first paint and key latency, the seed article against a 10,000-claim one.

    python bench/tui_bench.py [--presses 200]

Both articles are stored first (the seed's claims are extracted in a child process,
so this process never imports spaCy). Then, for each article, with Pilot at 120x40:
first paint = from creating the app to the review screen filled and idle; key latency
= one key press (alternately a move `j` and a mark `v`/`x`; a mark also moves on to the
next claim) until the app is idle again with the detail pane updated, median and p95 over
N presses, and the medians of moves and of marks apart (a mark includes the store's write).
Prints the 10k/seed ratio (target: within 2x) and checks that spaCy was never imported.
"""

from __future__ import annotations

import argparse
import asyncio
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


def synthetic(n_claims: int):
    """An article with ``n_claims`` number claims (5 per sentence, 4 sentences a paragraph)."""
    from workbench.core.articles import make_article
    from workbench.core.models import Claim, claim_id

    sentences = []
    for i in range(n_claims // 5):
        a, b, c, d, e = (i * 7 + k * 13 for k in range(5))
        sentences.append(
            f"Report {i} said {a} people met {b} officials in {c} towns "
            f"over {d} days for {e} hours."
        )
    paragraphs = [" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)]
    article = make_article("Synthetic long article\n\n" + "\n\n".join(paragraphs), "synthetic.txt")
    text = article.text
    claims = []
    pos = text.index("Report 0")
    import re

    for sentence in re.finditer(r"Report \d+ [^.]*\.", text[pos:]):
        s_start = pos + sentence.start()
        s_text = sentence.group()
        for k, num in enumerate(re.finditer(r"\d+", s_text)):
            if k == 0:
                continue  # the report number
            start = s_start + num.start()
            claims.append(Claim(
                id="",
                article_id=article.id, kind="quantity", anchor=num.group(), start=start,
                end=start + len(num.group()), sentence=s_text, sentence_start=s_start,
                sentence_end=s_start + len(s_text), label=f"{num.group()} in report",
                value={"number": int(num.group())}, worthiness=(len(claims) % 100) / 100,
            ))
    # make ids unique the way the extractor does (occurrence in the id)
    claims = [
        Claim(**{**c.to_dict(), "id": claim_id(c.kind, c.anchor, c.sentence, i)})
        for i, c in enumerate(claims)
    ]
    return article, claims[:n_claims] if len(claims) >= n_claims else claims


async def measure(ws, article_id: str, presses: int) -> dict[str, float]:
    from workbench.tui.app import WorkbenchApp
    from workbench.tui.screens.review import ReviewScreen

    t0 = time.perf_counter()
    app = WorkbenchApp(ws, article_id=article_id, cursor_blink=False, animate=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        first_paint = time.perf_counter() - t0
        times = []
        by_kind: dict[str, list[float]] = {"move": [], "mark": []}
        table = screen.query_one("#claims")
        for i in range(presses):
            key = "j" if i % 2 == 0 else ("v" if i % 4 == 1 else "x")
            if key == "j" and table.cursor_row == table.row_count - 1:
                key = "g"  # wrap to the top: still a move
            t = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            times.append(time.perf_counter() - t)
            by_kind["move" if key in "jg" else "mark"].append(times[-1])
            assert screen.current == table.current_key  # the detail follows the cursor
    times.sort()
    return {
        "first_paint": first_paint,
        "median": statistics.median(times),
        "p95": times[int(len(times) * 0.95) - 1],
        "claims": len(screen.claims),
        "move": statistics.median(by_kind["move"]),
        "mark": statistics.median(by_kind["mark"]),
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--presses", type=int, default=200)
    parser.add_argument("--claims", type=int, default=10_000)
    args = parser.parse_args()
    from workbench.core.store import Workspace

    with tempfile.TemporaryDirectory() as tmp:
        ws_path = Path(tmp) / "ws"
        out = subprocess.run([sys.executable, "-c", EXTRACT_SEED, str(ws_path), str(SEED)],
                             capture_output=True, text=True, check=True)
        seed_id = out.stdout.strip().splitlines()[-1]
        article, claims = synthetic(args.claims)
        with Workspace.open(ws_path, reviewer="bench") as ws:
            big_id = ws.add_article(article, claims).article_id
        results = {}
        with Workspace.open(ws_path, reviewer="bench") as ws:
            for name, aid in (("seed", seed_id), ("10k", big_id)):
                results[name] = asyncio.run(measure(ws, aid, args.presses))
        spacy_loaded = "spacy" in sys.modules
    for name, r in results.items():
        print(f"{name:>5} ({r['claims']:>6} claims): first paint {r['first_paint'] * 1000:7.1f} ms"
              f"   key latency median {r['median'] * 1000:6.2f} ms  p95 {r['p95'] * 1000:6.2f} ms"
              f"   (median move {r['move'] * 1000:6.2f} ms, mark {r['mark'] * 1000:6.2f} ms)")
    ratio = results["10k"]["median"] / results["seed"]["median"]
    print(f"key latency ratio 10k/seed: {ratio:.2f}x (target <= 2x)")
    print(f"first paint ratio 10k/seed: "
          f"{results['10k']['first_paint'] / results['seed']['first_paint']:.2f}x")
    print(f"spaCy imported by the TUI process: {spacy_loaded}")
    return 0 if ratio <= 2 and not spacy_loaded else 1


if __name__ == "__main__":
    sys.exit(main())
