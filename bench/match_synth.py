"""Synthetic hard negatives for the matcher, made from the collection itself.

    python bench/match_synth.py OUT_DIR [--n 60] [--seed 11]

Takes fact-checks of ../shared/data/politifact/factchecks.jsonl (never a line that a
dev or evaluation set under tests/data uses) and changes the one thing that makes
them another claim:

- ``opposite-direction``: a direction word for its opposite (rose/fell, more/fewer,
  support/oppose, voted for/voted against, ban/allow ...), or a "not" added/removed;
- ``different-year``: a year moved by a few years;
- ``different-person``: a person the claim names for another claimant of the file;
- ``different-place``: a state for another state;
- ``different-number``: a number scaled.

Writes OUT_DIR/negatives.jsonl (``query``, ``kind``, ``near_lines``) and an empty
OUT_DIR/queries.jsonl, the format of ``bench/match_eval.py``. A training signal only:
one word changed in a real claim is the hardest lexical case, not how people write.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "politifact" / "factchecks.jsonl"
if not DATA.exists():
    DATA = Path("/work/shared/data/politifact/factchecks.jsonl")
HELD_OUT = ("match_eval2", "match_eval3")

_PAIRS = """rose:fell rise:fall rises:falls risen:fallen rising:falling increase:decrease
increased:decreased increases:decreases increasing:decreasing higher:lower highest:lowest
more:fewer up:down gained:lost gain:loss grew:shrank growing:shrinking
doubled:halved raised:cut raise:cut raises:cuts largest:smallest biggest:smallest best:worst
above:below supports:opposes supported:opposed support:oppose supporting:opposing
favors:opposes favored:opposed banned:allowed ban:allow bans:allows
legal:illegal legalize:ban created:lost create:eliminate won:lost win:lose
expanded:cut expand:cut added:cut boosted:slashed always:never lowered:raised
increasingly:decreasingly improved:worsened better:worse richest:poorest
strongest:weakest top:bottom"""
SWAP: dict[str, str] = {"voted for": "voted against", "voted against": "voted for"}
for pair in _PAIRS.split():
    a, b = pair.split(":")
    SWAP.setdefault(a, b)
    SWAP.setdefault(b, a)
_DIRECTION = re.compile(r"\b(" + "|".join(sorted(SWAP, key=len, reverse=True)) + r")\b")
_AUX_NOT = re.compile(
    r"\b(is|are|was|were|has|have|had|does|do|did|will|would|can|could)"
    r" not\b"
)
_AUX = re.compile(r"\b(is|are|was|were|has|have|had|will|would|can|could)\b(?! not)")
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-2]\d)\b")
_NUMBER = re.compile(
    r"(?<![\d,.])(\d+(?:\.\d+)?)(?=\s?(?:%|percent| million| billion|"
    r" people| jobs| times))"
)
STATES = """Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida
Georgia Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland
Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma
Oregon Pennsylvania Tennessee Texas Utah Vermont Virginia Washington Wisconsin Wyoming""".split()
_STATE = re.compile(r"\b(" + "|".join(STATES) + r")\b")


def used_lines(tests: Path) -> set[int]:
    used: set[int] = set()
    for folder in sorted(tests.glob("match_*")):
        if folder.name in HELD_OUT:
            continue  # never opened: a collision with its lines is a chance one
        for name in ("queries.jsonl", "negatives.jsonl"):
            path = folder / name
            if not path.exists():
                continue
            for line in path.read_text().splitlines():
                if line:
                    q = json.loads(line)
                    used.add(q.get("target_line", -1))
                    used.update(q.get("also_ok_lines", []), q.get("near_lines", []))
    return used


def _case(word: str, like: str) -> str:
    return word.capitalize() if like[:1].isupper() else word


def flip_direction(text: str, rng: random.Random) -> str | None:
    found = list(_DIRECTION.finditer(text.lower()))
    if found:
        m = rng.choice(found)
        new = SWAP[m.group(1)]
        return text[: m.start()] + _case(new, text[m.start() : m.end()]) + text[m.end() :]
    m = _AUX_NOT.search(text)
    if m:
        return text[: m.start()] + m.group(1) + text[m.end() :]
    m = _AUX.search(text)
    if m:
        return text[: m.end()] + " not" + text[m.end() :]
    return None


def change_year(text: str, rng: random.Random) -> str | None:
    found = list(_YEAR.finditer(text))
    if not found:
        return None
    m = rng.choice(found)
    year = int(m.group(1)) + rng.choice((-6, -4, -3, -2, 2, 3, 4, 6))
    return text[: m.start()] + str(year) + text[m.end() :]


def change_number(text: str, rng: random.Random) -> str | None:
    found = list(_NUMBER.finditer(text))
    if not found:
        return None
    m = rng.choice(found)
    value = float(m.group(1)) * rng.choice((0.3, 0.5, 2.0, 3.0, 10.0))
    shown = f"{value:g}" if value < 1000 else f"{value:,.0f}"
    return text[: m.start()] + shown + text[m.end() :]


def swap_place(text: str, rng: random.Random) -> str | None:
    found = list(_STATE.finditer(text))
    if not found:
        return None
    m = rng.choice(found)
    other = rng.choice([s for s in STATES if s != m.group(1) and s not in text])
    return text[: m.start()] + other + text[m.end() :]


def swap_person(text: str, people: list[str], rng: random.Random) -> str | None:
    present = [p for p in people if p in text]
    if not present:
        return None
    who = max(present, key=len)
    other = rng.choice(people)
    while other.split()[-1] in text or who.split()[-1] in other:
        other = rng.choice(people)
    return text.replace(who, other, 1)


MAKERS = (
    "opposite-direction",
    "different-year",
    "different-person",
    "different-place",
    "different-number",
)


def make(rows: list[dict], used: set[int], n: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    speakers = Counter(r["speaker"] for r in rows)
    people = [
        s
        for s, c in speakers.items()
        if c >= 3 and len(s.split()) == 2 and all(w[:1].isupper() for w in s.split())
    ]
    order = [i for i in range(len(rows)) if i not in used]
    rng.shuffle(order)
    out: list[dict] = []
    for kind in MAKERS:
        made = 0
        for i in order:
            if made >= n:
                break
            claim = rows[i]["claim"].strip().strip('"“”')
            if len(claim.split()) < 6 or rows[i]["rating"] in ("no-flip", "half-flip", "full-flop"):
                continue
            if kind == "opposite-direction":
                new = flip_direction(claim, rng)
            elif kind == "different-year":
                new = change_year(claim, rng)
            elif kind == "different-person":
                new = swap_person(claim, people, rng)
            elif kind == "different-place":
                new = swap_place(claim, rng)
            else:
                new = change_number(claim, rng)
            if new and new != claim:
                out.append({"query": new, "kind": kind, "near_lines": [i]})
                made += 1
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--n", type=int, default=60, help="negatives per kind")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    rows = [json.loads(x) for x in DATA.read_text().splitlines() if x]
    negatives = make(rows, used_lines(ROOT / "tests" / "data"), args.n, args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "negatives.jsonl").write_text("".join(json.dumps(q) + "\n" for q in negatives))
    (args.out / "queries.jsonl").write_text("")
    print(f"{len(negatives)} negatives -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
