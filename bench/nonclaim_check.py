"""Clean non-claims and kept checkable sentences of one news sentence file, shipped gate.

Each sentence of a file in the nonclaim_dev format (``.jsonl``) or the dev_statements
format (``.json``) is extracted as an article of its own (after its context, if any);
a non-checkable sentence is *clean* when no claim lies on it, a checkable one *kept*
when at least one does (the recall proxy). ``--list`` prints the sentences that fail,
with the gate's score of the sentence and the claims left.

``--held``: only the seeded part ``gate_train.py`` never trains on. (Do not ``--list``
nonclaim_dev with ``--held``: that part is blind.)

    python bench/nonclaim_check.py FILE [FILE ...] [--list] [--held]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(ROOT / "bench"))

from nonclaim_breakdown import PROBS, _recording  # noqa: E402

from workbench.core.articles import make_article  # noqa: E402
from workbench.core.nlp import extract  # noqa: E402
from workbench.core.nlp.worthiness.gate_train import read_news, split_news  # noqa: E402


def check(path: Path, show: bool, held: bool = False) -> str:
    items = read_news(path)
    if held:  # the seeded part gate_train.py never trains on
        items = [items[i] for i in split_news(items)[1]]
    arts = [make_article((it.context + " " if it.context else "") + it.text + "\n", "dev")
            for it in items]
    clean: Counter[str] = Counter()
    total: Counter[str] = Counter()
    checkable = kept = 0
    for it, art, claims in zip(items, arts, extract.extract_many(arts), strict=True):
        at = art.text.rfind(it.text)
        left = [c for c in claims if c.kind != "consistency" and c.end > at]
        p = max((PROBS.get(c.sentence, -1.0) for c in left), default=-1.0)
        if it.label:  # states nothing checkable
            total[it.reason] += 1
            clean[it.reason] += not left
            if left and show:
                what = "; ".join(f"{c.kind}:{c.anchor[:40]!r}" for c in left)
                print(f"  fires [{it.reason}] p={p:.2f} {it.text!r}\n      {what}")
        else:
            checkable += 1
            kept += bool(left)
            if not left and show:
                print(f"  lost [{it.reason}] {it.text!r}")
    n, c = sum(total.values()), sum(clean.values())
    reasons = ", ".join(f"{r} {clean[r]}/{k}" for r, k in total.most_common())
    return (f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: non-claims "
            f"clean {c}/{n} ({100 * c / max(n, 1):.1f}%), checkable kept {kept}/{checkable}"
            f" ({100 * kept / max(checkable, 1):.1f}%)\n    by reason: {reasons}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--list", action="store_true", help="print the sentences that fail")
    ap.add_argument("--held", action="store_true",
                    help="only the held-out part gate_train.py never trains on")
    args = ap.parse_args(argv)
    extract._gate = _recording  # type: ignore[assignment]
    for path in args.files:
        print(check(path.resolve(), args.list, args.held))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
