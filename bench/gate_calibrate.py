"""Choose the factual gate's veto threshold (``worthiness/gate.py: VETO``).

Extracts each dev set once with the veto off, keeps every sentence's gate score, then
replays the veto at each threshold (a claim of a sentence scoring >= the threshold is
dropped; quotes too with ``--quotes``) and prints, per set, recall by overlap (overall
and per target group), precision and the non-claim rate; for the news sentence files
(dev_statements, nonclaim_dev) the share of non-claim sentences with no claim and of
checkable ones with a claim, on nonclaim_dev's training and held-out parts apart.

    python bench/gate_calibrate.py [--sets eval eval2 eval3] [--thresholds 0.6 0.7 ...]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from extract_eval import GROUPS, evaluate, print_report  # noqa: E402

from workbench.core.articles import load_article_file, make_article  # noqa: E402
from workbench.core.nlp import extract  # noqa: E402
from workbench.core.nlp.worthiness import gate as gate_mod  # noqa: E402
from workbench.core.nlp.worthiness.gate_train import (  # noqa: E402
    ARTICLE_SETS,
    DEV_RECORDS,
    DEV_STATEMENTS,
    NONCLAIM_FILES,
    WHOLE_FILES,
    NewsItem,
    read_articles,
    read_news,
    split_articles,
    split_files,
    split_news,
)
from workbench.core.nlp.worthiness.scorer import Scorer  # noqa: E402

PROBS: dict[str, float] = {}
UNNAMED: dict[str, float] = {}  # quote text -> gate score, for quotes of unnamed speakers
NAMED: dict[str, float] = {}  # the same for quotes of named speakers wholly in one sentence
WEAK: set[tuple[str, str]] = set()  # (sentence, anchor) of statements with weak support
ALONE: set[str] = set()
SHOW_LOST = False  # sentences whose only claims are dates, durations, ordinals, events


def _recording(scores: Any, drafts: list[Any], claims: list[Any], quotes: list[Any],
               unnamed: list[Any], named: list[Any] | None = None) -> bool:
    p = scores.nonfactual()
    credited = list(named or [])
    others = list(unnamed)
    unnamed.clear()
    if named is not None:
        named.clear()
    if p is None:
        return False
    sent = scores.sent
    PROBS[sent.text] = p
    whole = sent.doc.text
    for q in others:
        UNNAMED[whole[q.start : q.end]] = p
    for q in credited:
        NAMED[whole[q.start : q.end]] = p
    for st in claims:
        if st.weak:
            WEAK.add((sent.text, sent.doc.text[st.start : st.end]))
    if not quotes and not [st for st in claims if not st.silent]:
        if all(gate_mod.minor(d.kind, d.anchor) for d in drafts):
            ALONE.add(sent.text)
    return False


def _kept(claims: list[Any], config: tuple[float, ...], quotes: bool) -> list[Any]:
    """The claims left when the gate vetoes at ``config`` (every claim, weak statements,
    lone dates/durations/ordinals/events, quotes of unnamed speakers)."""
    threshold, weak_t, alone_t = config[:3]
    quote_t = config[3] if len(config) > 3 else gate_mod.QUOTE_VETO
    named_t = config[4] if len(config) > 4 else gate_mod.NAMED_QUOTE_VETO
    out = []
    for c in claims:
        if c.kind == "quote" and UNNAMED.get(c.anchor, 0.0) >= quote_t:
            continue
        if c.kind == "quote" and NAMED.get(c.anchor, 0.0) >= named_t:
            continue
        if c.kind == "consistency" or (c.kind == "quote" and not quotes):
            out.append(c)
            continue
        p = PROBS.get(c.sentence, 0.0)
        if p >= threshold:
            continue
        if p >= weak_t and c.kind == "statement" and (c.sentence, c.anchor) in WEAK:
            continue
        if p >= alone_t and gate_mod.minor(c.kind, c.anchor) and c.sentence in ALONE:
            continue
        out.append(c)
    return out


def _set_rows(data: Path, configs: list[Any], quotes: bool,
              paths: list[Path] | None = None, name: str = "") -> list[str]:
    """Rows of one article set (``paths``: only these articles of it, named ``name``)."""
    paths = sorted(data.glob("*.txt")) if paths is None else paths
    label = name or data.name
    articles = [load_article_file(p) for p in paths]
    anns = [json.loads(p.with_suffix(".json").read_text(encoding="utf-8")) for p in paths]
    all_claims = extract.extract_many(articles)
    rows = []
    base: set[str] = set()
    for cfg in [(1.01, 1.01, 1.01, 1.01, 1.01), *configs]:
        results = [
            evaluate(p.stem, a, ann, _kept(cl, cfg, quotes))
            for p, a, ann, cl in zip(paths, articles, anns, all_claims, strict=True)
        ]
        missed = {f"{r.slug}: {m}" for r in results for m in r.missed}
        if not base:
            base = missed or {""}
            continue
        for m in sorted(missed - base) if SHOW_LOST else ():
            print(f"{label} {_name(cfg)} LOST {m}")
        with contextlib.redirect_stdout(io.StringIO()):
            t = print_report(results, True)
        groups = " ".join(
            f"{g[:5]} {100 * t['by_group'][g][2] / t['by_group'][g][0]:5.1f}"
            for g in GROUPS
            if g in t["by_group"]
        )
        nc = (
            f" non-claim {100 * t['non_claims_clean'] / t['non_claims']:5.1f}"
            f" ({t['non_claims_clean']}/{t['non_claims']})"
            if t["non_claims"]
            else ""
        )
        rows.append(
            f"  {label:6} {_name(cfg)} recall {100 * t['found_overlap'] / t['facts']:5.1f}"
            f" ({t['found_overlap']}/{t['facts']})"
            f" prec {100 * t['matched_annotated_kinds'] / t['claims_annotated_kinds']:5.1f}"
            f"{nc}  {groups}"
        )
    return rows


def _name(cfg: tuple[float, ...]) -> str:
    quote = cfg[3] if len(cfg) > 3 else gate_mod.QUOTE_VETO
    named = cfg[4] if len(cfg) > 4 else gate_mod.NAMED_QUOTE_VETO
    return (f"veto {cfg[0]:4.2f} weak {cfg[1]:4.2f} alone {cfg[2]:4.2f} quote {quote:4.2f}"
            f" named {named:4.2f}")


def _news_rows(name: str, items: list[NewsItem], idx: list[int], configs: list[Any],
               quotes: bool, listing: Any = None) -> list[str]:
    """Each sentence extracted as an article of its own (after its context, if any);
    only claims on the sentence itself count."""
    texts = [(items[i].context + " " if items[i].context else "") + items[i].text for i in idx]
    arts = [make_article(t + "\n", "dev") for t in texts]
    all_claims = extract.extract_many(arts)
    rows = []
    for cfg in configs:
        clean = fired = nn = nc = 0
        clean_nq = nn_nq = 0
        for i, art, cl in zip(idx, arts, all_claims, strict=True):
            at = art.text.rfind(items[i].text)
            kept = [c for c in _kept(cl, cfg, quotes) if c.kind != "consistency" and c.end > at]
            if listing == cfg and bool(kept) == bool(items[i].label):
                p = PROBS.get(kept[0].sentence if kept else items[i].text, -1)
                what = "; ".join(f"{c.kind}:{c.anchor[:40]!r}" for c in kept) or "no claim"
                print(f"{name} {'FALSE-ALARM' if kept else 'MISSED'} [{items[i].reason}] "
                      f"p={p:.2f} {items[i].text!r} -> {what}")
            if items[i].label:
                nn += 1
                clean += not kept
                if items[i].reason != "evaluative-quote":
                    nn_nq += 1
                    clean_nq += not kept
            else:
                nc += 1
                fired += bool(kept)
        rows.append(
            f"  {name:18} {_name(cfg)} non-claims clean {clean}/{nn}"
            f" ({100 * clean / max(nn, 1):5.1f}%;"
            f" no eval-quotes {100 * clean_nq / max(nn_nq, 1):5.1f}%)"
            f", checkable with a claim {fired}/{nc} ({100 * fired / max(nc, 1):5.1f}%)"
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", nargs="*", default=["eval", "eval2", "eval3"])
    ap.add_argument("--thresholds", nargs="*", type=float,
                    default=[1.01, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6])
    ap.add_argument("--quotes", action="store_true", help="veto quote claims too")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--list", type=float, default=None,
                    help="print the news sentences got wrong at this threshold")
    ap.add_argument("--news-only", action="store_true")
    ap.add_argument("--gate", type=Path, default=None,
                    help="score with this gate file instead of the shipped gate.json")
    ap.add_argument("--validation", action="store_true",
                    help="only the validation split gate_train.py never trains on: the held "
                    "articles of the article sets, the held whole files, the held 30%% of "
                    "the nonclaim_dev files (with --sets as given, for recall)")
    ap.add_argument("--show-lost", action="store_true",
                    help="print the eval facts each config loses against no veto")
    ap.add_argument("--configs", nargs="*", default=[],
                    help="VETO,WEAK,ALONE[,QUOTE] (instead of --thresholds): the thresholds for "
                    "every claim, for weak statements, for lone dates/durations/ordinals and "
                    "for quotes of unnamed speakers (default QUOTE_VETO)")
    args = ap.parse_args(argv)
    global SHOW_LOST
    SHOW_LOST = args.show_lost
    configs = [tuple(float(x) for x in c.split(",")) for c in args.configs] or [
        (t, 1.01, 1.01, 1.01) for t in args.thresholds
    ]
    listing = None
    if args.list is not None:
        listing = next((c for c in configs if c[0] == args.list), configs[0])
    if args.gate is not None:
        scorer = Scorer.from_file(args.gate)
        extract.load_gate = lambda: scorer  # type: ignore[assignment]
    extract._gate = _recording  # type: ignore[assignment]
    extract.NAMED_QUOTE_VETO = 0.0  # type: ignore[attr-defined]  # score named quotes too
    rows: list[str] = []
    for s in [] if args.news_only else args.sets:
        rows += _set_rows(ROOT / "tests" / "data" / s, configs, args.quotes)
    if args.validation:
        held = split_articles(read_articles(list(ARTICLE_SETS)), args.seed)[1]
        by_set: dict[Path, list[Path]] = {}
        for a in held:
            folder, slug = a.name.split("/")
            by_set.setdefault(ROOT / "tests" / "data" / folder, []).append(
                ROOT / "tests" / "data" / folder / f"{slug}.txt")
        for folder, paths in sorted(by_set.items()):
            rows += _set_rows(folder, configs, args.quotes, paths, f"{folder.name}/held")
        for path in split_files(list(WHOLE_FILES), args.seed)[1]:
            nc = read_news(path)
            rows += _news_rows(f"{path.parent.name}/whole-held", nc, list(range(len(nc))),
                               configs, args.quotes)
    for name, path in (("dev_statements", DEV_STATEMENTS), ("dev_records", DEV_RECORDS)):
        if args.validation:
            break
        dev = read_news(path)
        rows += _news_rows(name, dev, list(range(len(dev))), configs, args.quotes, listing)
    for path in NONCLAIM_FILES:
        if not path.is_file():
            continue
        nc = read_news(path)
        train, held = split_news(nc, args.seed)
        name = path.parent.name + ("" if path.stem == "sentences" else f"-{path.stem}")
        if not args.validation:
            rows += _news_rows(f"{name}/train", nc, train, configs, args.quotes, listing)
        rows += _news_rows(f"{name}/held", nc, held, configs, args.quotes)
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
