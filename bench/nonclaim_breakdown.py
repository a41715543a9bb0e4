"""What fires on dev sentences that state no checkable fact, by kind and code path.

Each non-claim sentence of nonclaim_dev, nonclaim_dev2 and nonclaim_dev2/more is
extracted as an article of its own (after its context, if any), with the shipped gate;
every claim left on the sentence is counted by its kind (a statement also by where it
came from: a reporting frame, a record or superlative, a vague quantity, a comparison,
a negation, a plain event) and by the gate's score of the sentence and what the gate
can do at that score to a claim of that kind (``vetoed by all`` at >= VETO; a weak
statement at >= WEAK_VETO; a lone date/duration/ordinal/event at >= ALONE_VETO;
otherwise ``below`` when the score is under every threshold that applies, ``not
alone`` for a minor kind beside another claim, ``not weak`` for a strong statement,
``never`` for a number, quote or strong statement under VETO).

    python bench/nonclaim_breakdown.py [--list] [--held-only]

``--list`` never prints nonclaim_dev's held-out part (blind: counted, not read).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workbench.core.articles import make_article  # noqa: E402
from workbench.core.nlp import extract  # noqa: E402
from workbench.core.nlp.worthiness import gate as gate_mod  # noqa: E402
from workbench.core.nlp.worthiness.gate_train import (  # noqa: E402
    NONCLAIM_FILES,
    read_news,
    split_news,
)

PROBS: dict[str, float] = {}
WEAK: set[tuple[str, int]] = set()  # (sentence, statement start) of weak statements
_orig_gate = extract._gate


def _recording(scores: Any, drafts: list[Any], claims: list[Any], quotes: list[Any],
               unnamed: list[Any], named: list[Any] | None = None) -> bool:
    p = scores.nonfactual()
    if p is not None:
        PROBS[scores.sent.text] = p
    for st in claims:
        if st.weak:
            WEAK.add((scores.sent.text, st.start - scores.sent.start_char))
    return _orig_gate(scores, drafts, claims, quotes, unnamed, named)


def statement_source(c: Any) -> str:
    tags = set((c.value or {}).get("tags") or [])
    if c.speaker:
        return "statement/reported"
    if "superlative" in tags or (c.value or {}).get("record"):
        return "statement/record"
    if "vague-quantity" in tags:
        return "statement/vague-quantity"
    if "comparison" in tags:
        return "statement/comparison"
    if "negated" in tags:
        return "statement/negated"
    return "statement/plain"


def gate_reach(c: Any, p: float | None, kept: list[Any]) -> str:
    if p is None:
        return "not scored"
    if c.kind == "statement":
        weak = (c.sentence, c.start - c.sentence_start) in WEAK
        if weak:
            return "weak statement, p < WEAK_VETO"
        return "strong statement, p < VETO"
    if gate_mod.minor(c.kind, c.anchor):
        alone = all(gate_mod.minor(k.kind, k.anchor) for k in kept)
        if not alone:
            return "minor kind beside another claim"
        return "minor kind alone, p < ALONE_VETO"
    return f"{c.kind}: only VETO applies"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--list", action="store_true", help="print every sentence that fires")
    ap.add_argument("--held-only", action="store_true")
    args = ap.parse_args(argv)
    extract._gate = _recording  # type: ignore[assignment]
    by_kind: Counter[str] = Counter()
    by_reach: Counter[str] = Counter()
    by_band: Counter[str] = Counter()
    total = clean = 0
    for path in NONCLAIM_FILES:
        items = read_news(path)
        train, held = split_news(items)
        name = path.parent.name + ("" if path.stem == "sentences" else f"-{path.stem}")
        parts = [("held", held)] if args.held_only else [("train", train), ("held", held)]
        for part, idx in parts:
            idx = [i for i in idx if items[i].label]
            texts = [(items[i].context + " " if items[i].context else "") + items[i].text
                     for i in idx]
            arts = [make_article(t + "\n", "dev") for t in texts]
            for i, art, cl in zip(idx, arts, extract.extract_many(arts), strict=True):
                total += 1
                at = art.text.rfind(items[i].text)
                kept = [c for c in cl if c.kind != "consistency" and c.end > at]
                if not kept:
                    clean += 1
                    continue
                p = PROBS.get(kept[0].sentence)
                band = "none" if p is None else f"{min(int(p * 10), 9) / 10:.1f}"
                by_band[band] += 1
                for c in kept:
                    kind = statement_source(c) if c.kind == "statement" else c.kind
                    by_kind[kind] += 1
                    by_reach[f"{kind:26} {gate_reach(c, p, kept)}, p {band}"] += 1
                if args.list and not (name == "nonclaim_dev" and part == "held"):
                    what = "; ".join(
                        f"{statement_source(c) if c.kind == 'statement' else c.kind}:"
                        f"{c.anchor[:50]!r} -> {c.label[:50]!r}" for c in kept)
                    ps = "none" if p is None else f"{p:.2f}"
                    print(f"{name}/{part} [{items[i].reason}] p={ps} {items[i].text!r}\n"
                          f"    {what}")
    print(f"non-claim sentences {total}, clean {clean} ({100 * clean / max(total, 1):.1f}%),"
          f" firing {total - clean}")
    print("\nclaims left, by kind:")
    for k, n in by_kind.most_common():
        print(f"  {n:4}  {k}")
    print("\nby kind and what the gate can do:")
    for k, n in by_reach.most_common():
        print(f"  {n:4}  {k}")
    print("\nfiring sentences by gate score band:")
    for k, n in sorted(by_band.items()):
        print(f"  {k}: {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
