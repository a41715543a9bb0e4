"""Extraction cost against raw spaCy on the same units, in CPU time, in interleaved pairs.

The extractor parses only its prose units (paragraphs without headlines, credits and
promos; long ones sliced), so the baseline is raw ``nlp.pipe`` over exactly those
unit texts, batch 64, with the pipeline as spaCy loads it (``stock_pipeline``: the same
package and components; the extractor's own pipeline matches the attribute rules by
table lookup, ``attribute_rules.py``, the same tokens). Both are timed with
``time.process_time`` (CPU of this process: the machine is shared) after a warm-up pass
each. The corpus is cut into groups of ``--group-units`` units; each group is run on
every side back to back, the order rotating (``paired.py``), over ``--rounds`` rounds.
Printed: each side's round totals, and the per-pair throughput ratio's median with its
95% bootstrap interval, quartiles, the ratio of the sums, each round's ratio and whether
the interval is above the target (``met``), below it (``missed``) or across it (``not
resolved``: run more rounds, or on a quieter machine). A third side, the extractor's
parse alone, splits the ratio into the parse's gain and the cost after the parse.

- corpus: N distinct copies of the seed plus the test fixtures (default N=200);
  target: extractor throughput >= 0.85 of raw spaCy (CPU ratio extractor/raw <= 1.18);
- ``--big``: one article of ``--big-mb`` MB (default 5) in child processes, raw vs
  extractor on the same units, CPU time and peak RSS; target CPU ratio <= 1.2;
- ``--line``: the same size as one line with no punctuation (issue 16: bounded
  work per unit); extractor CPU and peak RSS;
- ``--jobs``: wall-clock speed-up of jobs=2 over jobs=1 (child processes, so not CPU).

Extraction is measured without the ranking step (``Extractor(rank=False)``: the claims'
scores mixed with the sentence encoder, worthiness/strong.py); where the encoder is
installed, its cost is printed on a line of its own (the fixtures and ``--rank-copies``
copies of the seed, extraction with and without ranking, CPU).

    python bench/extract_bench.py [--copies 200] [--rounds 3] [--big] [--line] [--jobs]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workbench.core.articles import load_article_file, make_article  # noqa: E402
from workbench.core.nlp.attribute_rules import is_installed  # noqa: E402
from workbench.core.nlp.extract import Extractor  # noqa: E402
from workbench.core.nlp.pipeline import load_pipeline, stock_pipeline  # noqa: E402
from workbench.core.nlp.prose import prose_units  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
import paired  # noqa: E402


def corpus(copies: int) -> list:
    seed = load_article_file(ROOT / "seeds" / "belarus-putin-sochi.txt")
    fixtures = [
        load_article_file(p) for p in sorted((ROOT / "tests" / "data" / "articles").glob("*.txt"))
    ]
    # distinct texts (a numbered line) so nothing can be cached between copies
    arts = [make_article(f"{seed.text}\n\nFiled as copy {i}.", f"copy-{i}") for i in range(copies)]
    return arts + fixtures


def big_article(mb: float) -> object:
    """One article of ``mb`` MB made of the seed's paragraphs with varying numbers."""
    seed = load_article_file(ROOT / "seeds" / "belarus-putin-sochi.txt")
    paras = [p for p in seed.text.split("\n\n")[1:] if p.strip()]
    body, size, i = [], 0, 0
    while size < mb * 1_000_000:
        para = paras[i % len(paras)].replace("26 years", f"{i % 90} years")
        body.append(para)
        size += len(para) + 2
        i += 1
    return make_article("Big article\n\n" + "\n\n".join(body), "big")


def unpunctuated_line(mb: float) -> object:
    words = "the council said 12 people were killed in riverton on monday and 4 percent more "
    line = (words * (int(mb * 1_000_000) // len(words) + 1))[: int(mb * 1_000_000)]
    return make_article("Big line\n" + line, "line")


def _peak_mb() -> float:
    """Peak RSS of this process (VmHWM: unlike ru_maxrss it is not inherited across exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _unit_texts(articles: list) -> list[str]:
    return [u.text for a in articles for u in prose_units(a.text)]


def child(mode: str, what: str, mb: float) -> None:
    """One measurement alone in this process; prints JSON (CPU seconds, peak RSS)."""
    nlp = stock_pipeline() if mode == "raw" else load_pipeline()
    articles = [big_article(mb) if what == "big" else unpunctuated_line(mb)]
    loaded = _peak_mb()
    t = time.process_time()
    if mode == "raw":
        units = _unit_texts(articles)
        tokens = sum(len(doc) for doc in nlp.pipe(units, batch_size=64))
        claims = 0
    else:
        claims = sum(len(c) for c in Extractor(nlp=nlp, rank=False).claims_many(articles))
        tokens = 0
    cpu = time.process_time() - t
    print(
        json.dumps(
            {
                "cpu": cpu,
                "claims": claims,
                "tokens": tokens,
                "mb": sum(len(a.text) for a in articles) / 1e6,
                "peak": _peak_mb(),
                "over": _peak_mb() - loaded,
            }
        )
    )


def _run_child(mode: str, what: str, mb: float) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", mode, "--what", what, "--big-mb", str(mb)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    return json.loads(out.splitlines()[-1])


def ranking(nlp: object, articles: list) -> None:
    """CPU of the ranking step (the encoder mix) on ``articles``: extraction with it minus
    extraction without it, per claim sentence or clause encoded."""
    from workbench.core.nlp.worthiness.strong import load_fusion

    fusion = load_fusion()
    if fusion is None:
        print("ranking: no sentence encoder installed (or WORKBENCH_STRONG=0): not measured")
        return
    calls: list[int] = []
    embed = fusion.encoder.embed

    def counted(texts: list[str]) -> object:
        calls.append(len(texts))
        return embed(texts)

    fusion.encoder.embed = counted  # type: ignore[method-assign]
    ranked = Extractor(nlp=nlp)
    list(ranked.claims_many(articles[:1]))  # warm-up
    calls.clear()
    t = time.process_time()
    list(Extractor(nlp=nlp, rank=False).claims_many(articles))
    plain = time.process_time() - t
    t = time.process_time()
    n = sum(len(c) for c in ranked.claims_many(articles))
    with_rank = time.process_time() - t
    encoded = sum(calls)
    print(f"ranking ({len(articles)} articles, {n} claims, {encoded} sentences and clauses "
          f"encoded): extraction {plain:.2f} s CPU, with ranking {with_rank:.2f} s "
          f"({with_rank / plain:.2f}x; {1000 * (with_rank - plain) / max(encoded, 1):.1f} ms "
          f"per encoded text)")


def _print_ratio(what: str, num: list, den: list, target: float | None) -> None:
    """The per-pair ratio's median, its 95% bootstrap interval and quartiles, the ratio
    of the sums and (against ``target``) whether the interval resolves it."""
    r = paired.ratio(paired.flat(num), paired.flat(den))
    rounds = [sum(n) / sum(d) for n, d in zip(num, den, strict=True)]
    line = (f"{what}: {r.median:.3f} [95% {r.low:.3f}-{r.high:.3f}] median of {r.pairs} "
            f"pairs (quartiles {r.q1:.3f}-{r.q3:.3f}); sums {r.total:.3f}; rounds "
            f"{', '.join(f'{x:.3f}' for x in rounds)}")
    if target is not None:
        line += f"; target >= {target}: {r.verdict(target)}"
    print(line)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--big", action="store_true", help="also one --big-mb MB article")
    parser.add_argument("--line", action="store_true", help="also one unpunctuated line")
    parser.add_argument("--big-mb", type=float, default=5.0)
    parser.add_argument("--jobs", action="store_true", help="also jobs=2 against jobs=1 (wall)")
    parser.add_argument("--group-units", type=int, default=128,
                        help="prose units in a measured group (one pair of measurements)")
    parser.add_argument("--rank-copies", type=int, default=5, help="seed copies for the ranking")
    parser.add_argument("--child", choices=("raw", "extract"), help=argparse.SUPPRESS)
    parser.add_argument("--what", choices=("big", "line"), default="big", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.what, args.big_mb)
        return
    nlp = load_pipeline()  # what the extractor runs (attribute rules by table lookup)
    stock = stock_pipeline()  # raw spaCy: the same package and components, as spaCy loads it
    articles = corpus(args.copies)
    units = _unit_texts(articles)
    extractor = Extractor(nlp=nlp, rank=False)  # the ranking step: its own line below
    cut = paired.groups([len(_unit_texts([a])) for a in articles], args.group_units)
    parts = [(articles[g.start : g.stop], _unit_texts(articles[g.start : g.stop])) for g in cut]
    claims: list[int] = [0] * len(parts)

    def raw(g: int, pipeline: object = stock) -> None:
        for _doc in pipeline.pipe(parts[g][1], batch_size=64):  # type: ignore[attr-defined]
            pass

    def extract(g: int) -> None:
        claims[g] = sum(len(c) for c in extractor.claims_many(parts[g][0]))

    sides = {"raw": raw, "extractor": extract}
    if is_installed(nlp):  # the extractor's own parse, to show the cost after it
        sides["parse"] = lambda g: raw(g, nlp)
    tokens = sum(len(doc) for doc in stock.pipe(units, batch_size=64))  # warm-up + count
    for side in sides.values():  # warm-up: every cache filled, the worthiness model loaded
        for g in range(len(parts)):
            side(g)
    times = paired.interleave(sides, len(parts), args.rounds)
    print(
        f"corpus: {len(articles)} articles, {len(units)} prose units, {tokens} tokens, "
        f"{sum(claims)} claims; {args.rounds} rounds of {len(parts)} groups (>= "
        f"{args.group_units} units), the sides of a group back to back in rotating order; "
        f"CPU seconds (process_time)"
    )
    label = {
        "raw": "raw spaCy nlp.pipe, the units",
        "extractor": "full extractor (rank=False)",
        "parse": "the extractor's parse alone",
    }
    for name, rows in times.items():
        per_round = [sum(r) for r in rows]
        med = statistics.median(per_round)
        print(f"{label[name]:31s} median round {med:.2f} s ({tokens / med:,.0f} tokens/s); "
              f"rounds {', '.join(f'{x:.2f}' for x in per_round)}")
    _print_ratio("throughput ratio extractor/raw", times["raw"], times["extractor"], 0.85)
    if "parse" in times:
        _print_ratio("parse alone / raw spaCy       ", times["raw"], times["parse"], None)
        _print_ratio("extractor / its own parse     ", times["parse"], times["extractor"], None)
    ranking(nlp, articles[: args.rank_copies] + articles[args.copies :])
    for what, wanted in (("big", args.big), ("line", args.line)):
        if not wanted:
            continue
        e = _run_child("extract", what, args.big_mb)
        r = _run_child("raw", what, args.big_mb)
        print(
            f"{what} ({e['mb']:.1f} MB): raw spaCy on the same units {r['cpu']:.1f} s CPU, "
            f"peak RSS {r['peak']:.0f} MB; extractor {e['cpu']:.1f} s CPU, {e['claims']} claims, "
            f"peak RSS {e['peak']:.0f} MB ({e['over']:.0f} MB over the loaded pipeline); "
            f"CPU ratio {e['cpu'] / r['cpu']:.3f} (target <= 1.2)"
        )
    if args.jobs:
        subset = articles[:200]
        t = time.perf_counter()
        list(Extractor(nlp=nlp).claims_many(subset, n_process=1))
        one = time.perf_counter() - t
        t = time.perf_counter()
        list(Extractor(nlp=nlp).claims_many(subset, n_process=2))
        two = time.perf_counter() - t
        print(
            f"jobs=1: {one:.2f} s, jobs=2: {two:.2f} s wall on {len(subset)} articles"
            f" -> speed-up {one / two:.2f}x"
        )


if __name__ == "__main__":
    main()
