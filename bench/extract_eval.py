"""Held-out evaluation of claim extraction against hand annotations.

Runs ``workbench.core.nlp.extract.extract_many`` on every ``tests/data/eval/*.txt``
article and compares the claims with ``<slug>.json`` (format and annotation
rules: tests/data/eval/README.md). Reports, per article and in total:

* recall: an annotated fact is *found* when a claim of the same kind has an
  anchor overlapping the annotated anchor; an overlapping claim of another value
  kind is a *kind mismatch* (quantity/percent/money confusions counted apart
  from other confusions) and does not count as found;
* value accuracy: for found facts, every expected value field equal (numbers
  within 1e-3 relative, units compared on a singular last word, speakers on
  name tokens);
* label topic rate: the claim label contains a content word of ``about``
  (case-insensitive, shared prefix of 4+ letters; words under 4 letters must be
  equal); quotes are left out (their label is "Speaker: quote" by design);
* precision: claims (consistency claims aside) that overlap an annotated fact,
  over all claims; the others are listed for a human to judge;
* speaker accuracy for found quotes (full name / surname only / wrong);
* claims overlapping ``no_claims_in`` spans (should be zero).

Third-set additions (tests/data/eval3/README.md): ``statement`` facts (with
``claim_type`` and ``speaker`` in their value, compared with the claim's own
fields), ``tags`` on facts and ``non_claims`` sentences. Reported too:

* recall by overlap: a fact is found when *any* claim overlaps it (the measure
  the issue's targets use), per kind, per tag and per target group (statements,
  numeric = quantity/percent/money/date/duration, quotes, superlatives/ranks =
  ordinal facts and facts tagged ``superlative``);
* a date fact also counts as found (same kind) when a claim of its sentence holds
  it as ``value["when"]`` (the time of that claim's event, by design not a claim
  of its own); likewise an ordinal fact naming a period of time ("in the first
  year", "in its second weekend": the time of the statement, by design); a date
  fact held as a record's ``value["since"]`` ("the most since 1992": the date the
  record is measured from is part of the record claim, by design); a date fact held
  as a change's baseline, ``value["from"]`` or ``value["since"]`` ("up 30% from
  2023", "12% more than in July 2019", "risen 40% since 2020": part of the change
  claim, by design); and a duration fact held as the span of time of a record,
  ``value["in"]`` ("the first time in two years", "its highest level in 40 years");
* a date fact's value is compared with the matching end of a claim of a span of
  time ("from 2015 to 2020" is one claim, value ``from``/``to``, by design);
* precision over annotated kinds: for sets that annotate no statements (eval,
  eval2) statement claims are left out of that precision, since nothing there
  could match them; the plain precision counts every claim;
* non-claim sentences with no claim overlapping them (target: at least 90%);
* speaker and claim type agreement for found statements, and how many of the
  article's own statements (no speaker, not tagged indirect-speech) get a speaker;
  beside the speaker agreement (every expected name token in the claim's speaker), a
  folded one (session 26, ``speaker_agrees``): articles and personal titles aside, and
  a shorter form of the expected name ending in its last word agrees ("Brannock" for
  "Sheila Brannock"), as a reviewer reading the article would take it.

    python bench/extract_eval.py [--data DIR] [--model NAME] [--only SLUG] [--totals] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workbench.core.articles import load_article_file  # noqa: E402
from workbench.core.models import Article, Claim  # noqa: E402

VALUE_KINDS = {"quantity", "percent", "money", "duration", "ordinal", "date"}
NUMERIC_KINDS = {"quantity", "percent", "money"}
STOPWORDS = {
    "the",
    "of",
    "and",
    "for",
    "in",
    "on",
    "to",
    "a",
    "an",
    "per",
    "by",
    "with",
    "from",
    "versus",
}
IRREGULAR = {"people": "person", "children": "child", "men": "man", "women": "woman"}


GROUPS = ("statements", "numeric", "quotes", "superlatives/ranks")
NUMERIC_GROUP = {"quantity", "percent", "money", "date", "duration"}


@dataclass
class Fact:
    kind: str
    anchor: str
    value: dict[str, Any]
    about: str
    start: int
    end: int
    tags: list[str] = field(default_factory=list)

    def groups(self) -> list[str]:
        out = []
        if self.kind == "statement":
            out.append("statements")
        if self.kind in NUMERIC_GROUP:
            out.append("numeric")
        if self.kind == "quote":
            out.append("quotes")
        if self.kind == "ordinal" or "superlative" in self.tags:
            out.append("superlatives/ranks")
        return out


@dataclass
class ArticleResult:
    slug: str
    facts: int = 0
    found: int = 0
    kind_numeric: int = 0
    kind_other: int = 0
    values_checked: int = 0
    values_ok: int = 0
    labels_checked: int = 0
    labels_ok: int = 0
    claims: int = 0
    matched_claims: int = 0
    quotes_found: int = 0
    speakers_ok: int = 0
    speakers_partial: int = 0
    no_claim_hits: int = 0
    found_overlap: int = 0
    claims_annotated_kinds: int = 0
    matched_annotated_kinds: int = 0
    non_claims: int = 0
    non_claims_clean: int = 0
    statements_found: int = 0
    statement_speakers: int = 0
    statement_speakers_ok: int = 0
    statement_speakers_folded: int = 0  # agreeing by ``speaker_agrees`` (session 26)
    own_statements: int = 0  # found statements the article asserts itself (no speaker, untagged)
    own_credited: int = 0  # ... that the extractor credits to someone all the same
    statement_types_ok: int = 0
    when_found: int = 0
    by_kind: dict[str, list[int]] = field(default_factory=dict)  # kind -> [facts, same, overlap]
    by_tag: dict[str, list[int]] = field(default_factory=dict)
    by_group: dict[str, list[int]] = field(default_factory=dict)
    claims_by_kind: dict[str, list[int]] = field(default_factory=dict)  # kind -> [claims, matched]
    non_claim_list: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    mismatched: list[str] = field(default_factory=list)
    wrong_values: list[str] = field(default_factory=list)
    label_misses: list[str] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)
    no_claim_list: list[str] = field(default_factory=list)


# ----------------------------------------------------------------- locating spans


def _occurrences(text: str, needle: str) -> list[int]:
    """Start offsets of ``needle`` in ``text`` as a whole token run."""
    left = r"(?<!\w)" if needle[:1].isalnum() else ""
    right = r"(?!\w)" if needle[-1:].isalnum() else ""
    return [m.start() for m in re.finditer(left + re.escape(needle) + right, text)]


def no_claim_spans(text: str, strings: list[str]) -> list[tuple[int, int, str]]:
    spans = []
    for s in strings:
        starts = _occurrences(text, s)
        if not starts:
            raise SystemExit(f"no_claims_in string not in article: {s!r}")
        spans.extend((i, i + len(s), s) for i in starts)
    return spans


def locate(text: str, fact: dict[str, Any], blocked: list[tuple[int, int, str]]) -> tuple[int, int]:
    anchor = fact["anchor"]
    context = fact.get("context", anchor)
    for cstart in _occurrences(text, context):
        if any(a <= cstart < b for a, b, _ in blocked):
            continue
        inner = _occurrences(context, anchor)
        if not inner:
            break
        start = cstart + inner[0]
        return start, start + len(anchor)
    raise SystemExit(f"annotation not found in article: {fact}")


def load_facts(text: str, ann: dict[str, Any]) -> tuple[list[Fact], list[tuple[int, int, str]]]:
    blocked = no_claim_spans(text, ann.get("no_claims_in", []))
    facts = []
    for f in ann["facts"]:
        start, end = locate(text, f, blocked)
        facts.append(
            Fact(
                f["kind"],
                f["anchor"],
                f.get("value", {}),
                f.get("about", ""),
                start,
                end,
                list(f.get("tags", [])),
            )
        )
    return facts, blocked


def non_claim_spans(text: str, ann: dict[str, Any]) -> list[tuple[int, int, str]]:
    """Every occurrence of each ``non_claims`` sentence."""
    spans = []
    for s in ann.get("non_claims", []):
        starts = _occurrences(text, s)
        if not starts:
            raise SystemExit(f"non_claims string not in article: {s!r}")
        spans.extend((i, i + len(s), s) for i in starts)
    return spans


# ----------------------------------------------------------------- comparing values


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", str(s))
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


def _singular(word: str) -> str:
    w = _fold(word).strip()
    w = w.split()[-1] if w.split() else w
    if w in IRREGULAR:
        return IRREGULAR[w]
    for plural, single in IRREGULAR.items():  # "grandchildren", "salespeople"
        if w.endswith(plural) and len(w) > len(plural):
            return w[: -len(plural)] + single
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "sses", "xes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def _num_equal(a: Any, b: Any) -> bool:
    try:
        x, y = float(a), float(b)
    except (TypeError, ValueError):
        return False
    if x == y:
        return True
    return abs(x - y) <= 1e-3 * max(abs(x), abs(y))  # 66.67 for two-thirds is right


def speaker_match(expected: str, got: Any) -> str:
    """'ok' (all expected name tokens present), 'partial' (surname only) or 'wrong'."""
    exp = re.findall(r"\w+", _fold(expected))
    have = set(re.findall(r"\w+", _fold(got or "")))
    if exp and all(t in have for t in exp):
        return "ok"
    if exp and exp[-1] in have:
        return "partial"
    return "wrong"


_NAME_NOISE = frozenset({"the", "a", "an", "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame"})
"""Words no reviewer reads as part of who spoke: an article, a personal title."""


def speaker_agrees(expected: str, got: Any) -> bool:
    """The folded measure (session 26): the expected name's words, articles and personal
    titles aside, all in the claim's speaker ("the Met Office" and "Met Office", "Dr Ruth
    Adeyemi" and "Ruth Adeyemi"); or the claim's speaker a shorter form of the expected
    name ending in the same word ("Brannock" for "Sheila Brannock", "transport ministry"
    for "German transport ministry"): the article's own short name for the same one."""
    exp = [t for t in re.findall(r"\w+", _fold(expected)) if t not in _NAME_NOISE]
    have = [t for t in re.findall(r"\w+", _fold(got or "")) if t not in _NAME_NOISE]
    if not exp or not have:
        return False
    if all(t in have for t in exp):
        return True
    return have[-1] == exp[-1] and all(t in exp for t in have)


def field_ok(name: str, expected: Any, got: Any) -> bool:
    if got is None:
        return False
    if name in ("number", "amount"):
        return _num_equal(expected, got)
    if name == "unit":
        return _singular(str(expected)) == _singular(str(got))
    if name == "weekday":
        if isinstance(got, int):
            return False
        return _fold(got)[:3] == _fold(expected)[:3]
    if name in ("month", "year", "day"):
        try:
            return int(expected) == int(got)
        except (TypeError, ValueError):
            return False
    if name == "speaker":
        return speaker_match(expected, got) == "ok"
    if name == "name":
        return re.sub(r"^the\s+", "", _fold(expected).strip()) == re.sub(
            r"^the\s+", "", _fold(got).strip()
        )
    if name == "currency":
        return str(expected).upper() == str(got).upper()
    return _fold(expected) == _fold(got)


def value_problems(expected: dict[str, Any], got: dict[str, Any]) -> list[str]:
    return [
        f"{k}: want {v!r} got {got.get(k)!r}"
        for k, v in expected.items()
        if not field_ok(k, v, got.get(k))
    ]


def label_mentions(about: str, label: str) -> bool:
    words = [re.sub(r"'s$", "", w) for w in re.findall(r"[\w']+", _fold(about))]
    words = [w for w in words if w and w not in STOPWORDS]
    tokens = re.findall(r"\w+", _fold(label))
    for w in words:
        for t in tokens:
            if len(w) < 4 or len(t) < 4:
                if w == t:
                    return True
            elif w[:4] == t[:4]:
                return True
    return False


# ----------------------------------------------------------------- evaluation


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def _sentence(text: str, start: int, end: int, width: int = 150) -> str:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    a, b = max(line_start, start - width // 2), min(line_end, end + width // 2)
    snippet = text[a:b].replace("\n", " ")
    return ("…" if a > line_start else "") + snippet + ("…" if b < line_end else "")


def _brief(c: Claim) -> str:
    value = {k: v for k, v in c.value.items() if k != "text"}
    return f"{c.kind} {c.anchor!r} value={value} label={c.label!r}"


def _held_date(c: Claim, f: Fact) -> dict[str, Any] | None:
    """The date of the claim's value that holds the date fact (same sentence): the time
    of its event (``when``), the date a record is measured from (``since``), a change's
    baseline (``from``, ``since``), or, for a duration fact, a record's span (``in``)."""
    if not isinstance(c.value, dict) or not c.sentence_start <= f.start < c.sentence_end:
        return None
    keys = ("in",) if f.kind == "duration" else ("when", "since", "from")
    for key in keys:
        held = c.value.get(key)
        if isinstance(held, dict):
            got = _fold(str(held.get("text", "")))
            if got and (got in _fold(f.anchor) or _fold(f.anchor) in got):
                return held
    return None


def _holds_when(c: Claim, f: Fact) -> bool:
    """The claim holds the date fact as the time of its event or a record's baseline."""
    return _held_date(c, f) is not None


def _compared_value(f: Fact, c: Claim) -> dict[str, Any]:
    """The claim value a fact's value is compared with: for a date fact and a claim of
    a span of time ("from 2015 to 2020", value ``from``/``to``), the end of the span
    that matches it best (the two ends are one claim by design), else the value."""
    value = c.value if isinstance(c.value, dict) else {}
    ends = [value.get("from"), value.get("to")]
    if f.kind != "date" or not all(isinstance(e, dict) for e in ends):
        return value
    return min([value, *ends], key=lambda v: len(value_problems(f.value, v)))


def _count(table: dict[str, list[int]], key: str, *flags: bool) -> None:
    row = table.setdefault(key, [0] * (len(flags) + 1))
    row[0] += 1
    for i, flag in enumerate(flags, start=1):
        row[i] += int(flag)


def evaluate(
    slug: str, article: Article, ann: dict[str, Any], claims: list[Claim]
) -> ArticleResult:
    text = article.text
    facts, blocked = load_facts(text, ann)
    res = ArticleResult(slug, facts=len(facts))
    content = [c for c in claims if c.kind != "consistency"]
    res.claims = len(content)
    annotates = {f.kind for f in facts}
    matched_ids: set[int] = set()
    for f in facts:
        over = [c for c in content if _overlaps(f.start, f.end, c.start, c.end)]
        for c in over:
            matched_ids.add(id(c))
        same = [c for c in over if c.kind == f.kind]
        if not same and f.kind in ("date", "ordinal", "duration"):
            same = [c for c in content if _holds_when(c, f)]
            if same:
                res.when_found += 1
                matched_ids.update(id(c) for c in same)
        hit = bool(over or same)
        res.found_overlap += hit
        _count(res.by_kind, f.kind, bool(same), hit)
        for tag in f.tags:
            _count(res.by_tag, tag, bool(same), hit)
        for group in f.groups():
            _count(res.by_group, group, bool(same), hit)
        where = f"[{f.kind}] {f.anchor!r} ({f.about})"
        if f.kind == "statement" and same:
            best = min(same, key=lambda c: abs(c.start - f.start))
            res.statements_found += 1
            res.statement_types_ok += best.claim_type == f.value.get("claim_type")
            if f.value.get("speaker"):
                res.statement_speakers += 1
                ok = speaker_match(f.value["speaker"], best.speaker) == "ok"
                res.statement_speakers_ok += ok
                res.statement_speakers_folded += speaker_agrees(f.value["speaker"], best.speaker)
                if not ok:
                    res.wrong_values.append(
                        f"{where}: speaker want {f.value['speaker']!r} got {best.speaker!r}"
                    )
            elif "indirect-speech" not in f.tags:
                res.own_statements += 1
                if best.speaker:
                    res.own_credited += 1
                    res.wrong_values.append(f"{where}: speaker want None got {best.speaker!r}")
        if f.kind == "statement":
            if not same:
                got = "; ".join(_brief(c) for c in over)
                res.missed.append(
                    f"{where}{' [overlapped by ' + got + ']' if got else ''}\n"
                    f"      in: {_sentence(text, f.start, f.end)}"
                )
            continue
        if not same:
            other = [c for c in over if f.kind in VALUE_KINDS and c.kind in VALUE_KINDS]
            if other:
                numeric = f.kind in NUMERIC_KINDS and any(c.kind in NUMERIC_KINDS for c in other)
                if numeric:
                    res.kind_numeric += 1
                else:
                    res.kind_other += 1
                tag = "q/p/m" if numeric else "other"
                got = "; ".join(_brief(c) for c in other)
                res.mismatched.append(f"{where} [{tag}] got {got}")
            else:
                res.missed.append(f"{where}\n      in: {_sentence(text, f.start, f.end)}")
            continue
        res.found += 1
        best = min(
            same,
            key=lambda c: (
                len(value_problems(f.value, _compared_value(f, c))),
                abs(c.start - f.start),
            ),
        )
        if f.value and f.kind != "statement":
            res.values_checked += 1
            got_value = _compared_value(f, best)
            held = _held_date(best, f) if best.kind != f.kind else None
            if held is not None:
                got_value = held  # the date held as the time of the event or a baseline
            problems = value_problems(f.value, got_value)
            if problems:
                res.wrong_values.append(
                    f"{where}: {'; '.join(problems)}  [claim anchor {best.anchor!r}]"
                )
            else:
                res.values_ok += 1
        if f.kind != "quote":
            res.labels_checked += 1
            if label_mentions(f.about, best.label):
                res.labels_ok += 1
            else:
                res.label_misses.append(f"{where}: label {best.label!r}")
        if f.kind == "quote":
            res.quotes_found += 1
            verdict = speaker_match(f.value.get("speaker", ""), best.value.get("speaker"))
            res.speakers_ok += verdict == "ok"
            res.speakers_partial += verdict == "partial"
    for c in content:
        matched = id(c) in matched_ids
        _count(res.claims_by_kind, c.kind, matched)
        if c.kind in annotates or c.kind != "statement":
            res.claims_annotated_kinds += 1
            res.matched_annotated_kinds += matched
        if matched:
            res.matched_claims += 1
        else:
            res.unmatched.append(f"{_brief(c)}\n      in: {_sentence(text, c.start, c.end)}")
    for a, b, s in non_claim_spans(text, ann):
        res.non_claims += 1
        inside = [c for c in content if _overlaps(a, b, c.start, c.end)]
        if inside:
            res.non_claim_list.append(f"{s[:80]!r}: " + "; ".join(_brief(c) for c in inside))
        else:
            res.non_claims_clean += 1
    for c in claims:
        if c.kind == "statement":
            # a statement may contain a name with digits ("Route 66"); it is a hit only
            # inside a span (a headline, a sentence with no checkable fact), and only in
            # sets that annotate statements at all
            if "statement" not in annotates:
                continue
            hit = next((s for a, b, s in blocked if a <= c.start and c.end <= b), None)
        else:
            hit = next((s for a, b, s in blocked if _overlaps(a, b, c.start, c.end)), None)
        if hit is not None:
            res.no_claim_hits += 1
            res.no_claim_list.append(f"{_brief(c)}  inside {hit[:70]!r}")
    return res


def _pct(n: int, d: int) -> str:
    return f"{100 * n / d:5.1f}% ({n}/{d})" if d else "   n/a"


def print_report(results: list[ArticleResult], totals_only: bool) -> dict[str, Any]:
    if not totals_only:
        for r in results:
            counts = f"{r.found}/{r.facts} found, {r.claims} claims, {r.matched_claims} matched"
            print(f"\n=== {r.slug}: {counts}")
            for title, items in (
                ("missed", r.missed),
                ("kind mismatch", r.mismatched),
                ("wrong value", r.wrong_values),
                ("label does not mention topic", r.label_misses),
                ("unmatched claims (judge by hand)", r.unmatched),
                ("claims in no_claims_in spans", r.no_claim_list),
                ("claims on non-claim sentences", r.non_claim_list),
            ):
                if items:
                    print(f"  -- {title} ({len(items)})")
                    for item in items:
                        print(f"    {item}")
    print("\nper article:")
    columns = ("recall", "value acc", "label", "precision")
    print(f"  {'article':32} " + " ".join(f"{c:>16}" for c in columns) + f" {'no-claim':>8}")
    for r in results:
        cells = (
            _pct(r.found, r.facts),
            _pct(r.values_ok, r.values_checked),
            _pct(r.labels_ok, r.labels_checked),
            _pct(r.matched_claims, r.claims),
        )
        print(f"  {r.slug:32} " + " ".join(f"{c:>16}" for c in cells) + f" {r.no_claim_hits:>8}")
    t = {
        name: sum(getattr(r, name) for r in results)
        for name in (
            "facts",
            "found",
            "kind_numeric",
            "kind_other",
            "values_checked",
            "values_ok",
            "labels_checked",
            "labels_ok",
            "claims",
            "matched_claims",
            "quotes_found",
            "speakers_ok",
            "speakers_partial",
            "no_claim_hits",
            "found_overlap",
            "claims_annotated_kinds",
            "matched_annotated_kinds",
            "non_claims",
            "non_claims_clean",
            "statements_found",
            "statement_speakers",
            "statement_speakers_ok",
            "statement_speakers_folded",
            "own_statements",
            "own_credited",
            "statement_types_ok",
            "when_found",
        )
    }
    for table in ("by_kind", "by_tag", "by_group", "claims_by_kind"):
        merged: dict[str, list[int]] = {}
        for r in results:
            for key, row in getattr(r, table).items():
                acc = merged.setdefault(key, [0] * len(row))
                for i, n in enumerate(row):
                    acc[i] += n
        t[table] = merged
    missed = t["facts"] - t["found"] - t["kind_numeric"] - t["kind_other"]
    print("\ntotals:")
    print(f"  recall (same kind)           {_pct(t['found'], t['facts'])}")
    lenient = t["found"] + t["kind_numeric"] + t["kind_other"]
    print(f"  recall (any value kind)      {_pct(lenient, t['facts'])}")
    print(f"  kind mismatch q/p/m          {t['kind_numeric']}")
    print(f"  kind mismatch other          {t['kind_other']}")
    print(f"  missed outright              {missed}")
    print(f"  value accuracy               {_pct(t['values_ok'], t['values_checked'])}")
    print(f"  label mentions topic         {_pct(t['labels_ok'], t['labels_checked'])}")
    print(f"  precision (overlap a fact)   {_pct(t['matched_claims'], t['claims'])}")
    print(
        f"  speaker accuracy (quotes)    {_pct(t['speakers_ok'], t['quotes_found'])}"
        f"  surname only: {t['speakers_partial']}"
    )
    print(f"  claims in no_claims_in spans {t['no_claim_hits']}")
    print(f"  recall (overlap any claim)   {_pct(t['found_overlap'], t['facts'])}")
    print(f"  dates found as a claim's when {t['when_found']}")
    print(
        f"  precision (annotated kinds)  "
        f"{_pct(t['matched_annotated_kinds'], t['claims_annotated_kinds'])}"
    )
    if t["non_claims"]:
        print(f"  non-claim sentences, no claim {_pct(t['non_claims_clean'], t['non_claims'])}")
    if t["statements_found"]:
        print(
            f"  statement claim_type agrees  {_pct(t['statement_types_ok'], t['statements_found'])}"
        )
        print(
            f"  statement speaker agrees     "
            f"{_pct(t['statement_speakers_ok'], t['statement_speakers'])}"
        )
        print(
            f"  statement speaker, folded    "
            f"{_pct(t['statement_speakers_folded'], t['statement_speakers'])}"
            "  (titles, articles aside; a short form of the name agrees)"
        )
        print(
            f"  own statements credited      {_pct(t['own_credited'], t['own_statements'])}"
            "  (the article's own, no speaker: lower is better)"
        )
    print("\n  recall by target group        same kind            overlap")
    for g in GROUPS:
        if g in t["by_group"]:
            n, same, hit = t["by_group"][g]
            print(f"    {g:26} {_pct(same, n):>20} {_pct(hit, n):>20}")
    print("  recall by kind")
    for k, (n, same, hit) in sorted(t["by_kind"].items()):
        print(f"    {k:26} {_pct(same, n):>20} {_pct(hit, n):>20}")
    if t["by_tag"]:
        print("  recall by tag")
        for k, (n, same, hit) in sorted(t["by_tag"].items()):
            print(f"    {k:26} {_pct(same, n):>20} {_pct(hit, n):>20}")
    print("  precision by claim kind")
    for k, (n, matched) in sorted(t["claims_by_kind"].items()):
        print(f"    {k:26} {_pct(matched, n):>20}")
    return t


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT / "tests" / "data" / "eval")
    ap.add_argument("--model", default=None)
    ap.add_argument("--only", default=None, help="evaluate one slug")
    ap.add_argument("--totals", action="store_true", help="print only the tables and totals")
    ap.add_argument("--json", type=Path, default=None, help="also write the results as JSON")
    args = ap.parse_args(argv)

    from workbench.core.nlp.extract import extract_many

    paths = sorted(p for p in args.data.glob("*.txt") if not args.only or p.stem == args.only)
    if not paths:
        raise SystemExit(f"no articles in {args.data}")
    articles = [load_article_file(p) for p in paths]
    annotations = [json.loads(p.with_suffix(".json").read_text(encoding="utf-8")) for p in paths]
    all_claims = extract_many(articles, model=args.model)
    results = [
        evaluate(p.stem, art, ann, claims)
        for p, art, ann, claims in zip(paths, articles, annotations, all_claims, strict=True)
    ]
    totals = print_report(results, args.totals)
    if args.json:
        args.json.write_text(
            json.dumps(
                {"totals": totals, "articles": [r.__dict__ for r in results]},
                indent=1,
                ensure_ascii=False,
            ),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
