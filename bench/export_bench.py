"""Export benchmark: time to render a 2,000-claim report in each format.

Baseline, measured in the same run: ``json.dumps`` of the same verdicts and claims
(the least any export can do). The ratio says how much each format costs over a
plain dump. No store, no spaCy: the report data is built from hand-made objects.

    /work/venv/bin/python bench/export_bench.py
"""

from __future__ import annotations

import json
import time

from workbench.core.export import FORMATS, render
from workbench.core.export.report import ExportOptions, Report, article_report
from workbench.core.models import Article, Claim, Link, Verdict, content_hash

N_CLAIMS = 2000
STATUSES = ("verified", "false", "disputed", "inconclusive", "unreviewed", "in_progress")


def build() -> Report:
    sentence = "More than 100,000 people marched on Sunday in Minsk, <organisers> said. "
    text = sentence * N_CLAIMS
    article = Article(content_hash(text), "Bench article", "https://news.example/a", text)
    claims, verdicts = [], {}
    for i in range(N_CLAIMS):
        start = i * len(sentence)
        claim = Claim(
            f"{i:012x}",
            article.id,
            "quantity",
            "More than 100,000 people",
            start,
            start + 24,
            sentence.strip(),
            start,
            start + len(sentence) - 1,
            "more than 100,000 people marched",
            {"number": 100000},
            [],
            0.5,
        )
        claims.append(claim)
        verdicts[claim.id] = Verdict(
            claim.id,
            article.id,
            STATUSES[i % 6],
            "A note.\nSecond line with =formula",
            [
                Link(
                    f"https://evidence.example/x?i={i}",
                    "Evidence",
                    "supports",
                    check={"ok": i % 5 != 0, "status_code": 200 if i % 5 else 404},
                )
            ],
            "ana",
            "2026-11-27T10:00:00Z",
        )
    part = article_report(article, claims, verdicts, [])
    return Report(
        [part],
        "2026-11-27T12:00:00Z",
        "ana",
        options=ExportOptions(url="https://fc.example/p", org="FC"),
    )


def best(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    report = build()
    part = report.articles[0]
    baseline = best(
        lambda: json.dumps(
            [{**r.claim.to_dict(), "verdict": r.verdict.to_dict()} for r in part.claims]
        )
    )
    print(f"baseline json.dumps of {N_CLAIMS} claims+verdicts: {baseline * 1000:.1f} ms")
    for fmt in FORMATS:
        render(report, fmt)  # warm up (template compile, imports)
        t = best(lambda fmt=fmt: render(report, fmt))
        print(
            f"{fmt:12s} {t * 1000:8.1f} ms   ratio {t / baseline:5.1f}x baseline"
            f"   ({t / N_CLAIMS * 1e6:.0f} µs/claim)"
        )


if __name__ == "__main__":
    main()
