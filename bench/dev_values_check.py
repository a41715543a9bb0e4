"""Values and labels of number claims on our own sentences (tests/data/dev_values).

Each sentence of ``tests/data/dev_values/sentences.json`` (format: the README there)
is extracted as an article of its own. An expected claim is *found* when a claim of
its kind overlaps its anchor, or, for a date or duration not marked ``own``, when a
claim of the sentence holds it in its value (``when``, ``since``, ``from``, ``in``: the
time of the claim's event, a record's or a change's baseline). Its *value* is right
when every expected field agrees (numbers within 1e-3 relative; a held date or
duration by its text); its *label* when it holds every ``label`` string (one of the
``|`` alternatives, case-insensitive) and no ``label_not`` string. An ``absent`` entry
is broken by any claim of that kind on its anchor; a number, date, duration, ordinal or
event claim that matches no expected claim is an *extra* (one fact, one claim). A
sentence is *right* when all of that holds.

    python bench/dev_values_check.py [FILE] [--list]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workbench.core.articles import make_article  # noqa: E402
from workbench.core.nlp.extract import extract_many  # noqa: E402

DEFAULT = ROOT / "tests" / "data" / "dev_values" / "sentences.json"
HELD_KEYS = ("when", "since", "from", "in")
EXTRA_KINDS = frozenset({"quantity", "money", "percent", "date", "duration", "ordinal", "event"})


def _span(text: str, anchor: str) -> tuple[int, int]:
    at = text.find(anchor)
    if at < 0:
        raise ValueError(f"anchor {anchor!r} not in {text!r}")
    return at, at + len(anchor)


def _held_text(held: Any) -> str:
    return str(held.get("text", "")) if isinstance(held, dict) else str(held or "")


def _holds(claim: Any, anchor: str) -> bool:
    value = claim.value if isinstance(claim.value, dict) else {}
    for key in HELD_KEYS:
        got = _held_text(value.get(key)).lower()
        if got and (anchor.lower() in got or got in anchor.lower()):
            return True
    return False


def _singular(word: str) -> str:
    word = word.lower().split()[-1] if word.split() else ""
    if word in ("people", "persons"):
        return "person"
    return word[:-1] if word.endswith("s") else word


def value_problems(expected: dict[str, Any], value: dict[str, Any]) -> list[str]:
    out = []
    for key, want in expected.items():
        got = value.get(key)
        if isinstance(want, (int, float)) and not isinstance(want, bool):
            ok = isinstance(got, (int, float)) and abs(got - want) <= 1e-3 * max(1, abs(want))
        elif key in HELD_KEYS or key == "per":
            ok = want.lower() in _held_text(got).lower()
        elif key in ("unit", "of"):
            ok = got is not None and _singular(str(got)) == _singular(want)
        else:
            ok = str(got).lower() == str(want).lower()
        if not ok:
            out.append(f"{key}={got!r} (want {want!r})")
    return out


def label_problems(want: list[str], avoid: list[str], label: str) -> list[str]:
    low = label.lower()
    out = [w for w in want if not any(alt.lower() in low for alt in w.split("|"))]
    out += [f"not {w}" for w in avoid if w.lower() in low]
    return out


def check(item: dict[str, Any], claims: list[Any]) -> dict[str, Any]:
    text = item["text"]
    claims = [c for c in claims if c.kind != "consistency"]
    used: set[int] = set()
    res: dict[str, Any] = {"found": 0, "value": 0, "label": 0, "problems": []}
    for exp in item["claims"]:
        s, e = _span(text, exp["anchor"])
        same = [c for c in claims if c.kind == exp["kind"] and c.start < e and s < c.end]
        held = []
        if not same and exp["kind"] in ("date", "duration") and not exp.get("own"):
            held = [c for c in claims if _holds(c, exp["anchor"])]
        if not same and not held:
            res["problems"].append(f"missing {exp['kind']} {exp['anchor']!r}")
            continue
        res["found"] += 1
        if same:
            best = min(same, key=lambda c: abs(c.start - s))
            used.add(id(best))
            vp = value_problems(exp.get("value", {}), best.value or {})
            lp = label_problems(exp.get("label", []), exp.get("label_not", []), best.label)
        else:
            vp = lp = []
        res["value"] += not vp
        res["label"] += not lp
        if vp:
            res["problems"].append(f"value of {exp['kind']} {exp['anchor']!r}: {'; '.join(vp)}")
        if lp:
            res["problems"].append(
                f"label of {exp['kind']} {exp['anchor']!r} {best.label!r}: {'; '.join(lp)}"
            )
    res["absent_broken"] = 0
    for ab in item.get("absent", []):
        s, e = _span(text, ab["anchor"])
        if any(c.kind == ab["kind"] and c.start < e and s < c.end for c in claims):
            res["absent_broken"] += 1
            res["problems"].append(f"own claim {ab['kind']} {ab['anchor']!r}")
    extras = [c for c in claims if c.kind in EXTRA_KINDS and id(c) not in used]
    res["extras"] = len(extras)
    res["problems"] += [f"extra {c.kind} {c.anchor!r} {c.label!r}" for c in extras]
    res["right"] = not res["problems"]
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--list", action="store_true", help="print the sentences that fail")
    args = ap.parse_args(argv)
    items = json.loads(args.file.read_text(encoding="utf-8"))["items"]
    arts = [make_article(it["text"] + "\n", "dev") for it in items]
    totals = dict.fromkeys(("right", "found", "value", "label", "absent_broken", "extras"), 0)
    by_family: dict[str, list[int]] = {}
    expected = sum(len(it["claims"]) for it in items)
    absent = sum(len(it.get("absent", [])) for it in items)
    for it, claims in zip(items, extract_many(arts), strict=True):
        res = check(it, claims)
        for key in totals:
            totals[key] += int(res[key])
        row = by_family.setdefault(it.get("family", "-"), [0, 0])
        row[0] += res["right"]
        row[1] += 1
        if args.list and res["problems"]:
            print(f"- {it['text']}")
            for p in res["problems"]:
                print(f"    {p}")
    n = len(items)
    print(f"sentences right {totals['right']}/{n} ({100 * totals['right'] / n:.1f}%)")
    print("  by family: " + ", ".join(f"{k} {r}/{t}" for k, (r, t) in by_family.items()))
    print(
        f"  expected claims found {totals['found']}/{expected}, values right "
        f"{totals['value']}/{totals['found']}, labels right {totals['label']}/{totals['found']}"
    )
    print(
        f"  facts held by another claim kept off their own claim "
        f"{absent - totals['absent_broken']}/{absent}; extra claims {totals['extras']}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
