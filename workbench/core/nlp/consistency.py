"""Inconsistencies inside one article: names spelled several ways, numbers that disagree.

``find_inconsistencies(article, mentions, claims)`` returns claims of kind
``consistency``:

- name variants: the same person or place spelled differently (Lukashenko /
  Lukasenko / Lucasenko). Names are compared on their last token ("Alexander
  Lukashenko" and "Lukashenko" are one spelling), with rapidfuzz; derived forms
  (Belarus / Belarusian, Israel / Israeli, Czech / Czechs, German / Germany, possessive
  's) are one name, not a misspelling; case alone is not a variant.
- number mismatches: the same quantity stated twice with different values (same
  unit or currency and the same governing word: "killed 12 people" ... "the 15
  people killed"). Updates ("the toll rose to 15"), statements about other years
  and comparisons inside one sentence are not flagged.

Pure Python over the mentions and claims extraction already found: no spaCy here.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel, Levenshtein

from ..models import Article, Claim, claim_id, id_sentence

NAME_LABELS = frozenset({"PERSON", "GPE", "ORG", "NORP", "LOC", "FAC"})
MIN_RATIO = 80.0
"""rapidfuzz ratio (0..100) at or above which two spellings are one name."""
DERIVATIONS = ("n", "an", "ian", "ean", "ese", "i", "ish", "s", "es", "ns", "ans", "ians", "ern")
"""Suffixes that make another form of a name (Russia/Russian, China/Chinese, Czech/Czechs)."""
ADJECTIVE_ENDINGS = ("an", "ean", "ese", "i", "ic", "ine", "ish")
"""Endings of an adjective or demonym made from a name (German, Somali, Argentine)."""
PLACE_ENDINGS = ("y", "a", "ia")
"""Endings that make the name of a place from its adjective or people: the reverse of
``DERIVATIONS`` (German/Germany, Somali/Somalia, Argentine/Argentina)."""

_POSSESSIVE = re.compile(r"(?:['\u2019]s?)$")
_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*|\d[\d,.]*", re.UNICODE)
_CAPITALIZED = re.compile(r"(?<![\w'\u2019-])[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:['\u2019]s)?(?![\w-])")
_YEAR = re.compile(r"\b(1[6-9]\d\d|20\d\d)\b")
_SENTENCE_END = re.compile(
    r"(?<=[.!?\u2026])([\"'\u201d\u2019)\]]*)\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])|\n+"
)
_STOP = frozenset(
    "a an the of to in on at by for from with and or but as is are was were be been being has "
    "have had do does did it its this that these those there their they them he she his her "
    "we our you your i me my not no so than then more less about nearly almost some least at "
    "over under up down out into after before since during while who whom which what when "
    "where why how all any each other such only also just very much many most said says say "
    "would could should will can may might must per".split()
)
_UPDATE = frozenset(
    "rise rose risen rising rises climb climbed climbing grow grew grown growing increase "
    "increased increasing fall fell fallen falling drop dropped dropping decline declined "
    "now updated revised raised lowered reached jumped doubled tripled halved "
    "toll".split()
)
"""Words that announce a changed figure: a new value is then an update, not a contradiction."""
_DISTINCT = frozenset(
    "another second third other others separate similar previous earlier new different "
    "each both respectively rival".split()
)
"""Words before a number that say it counts another thing ("a second poll of 800 adults")."""


@dataclass
class _Form:
    """One spelling of a name, with every place it occurs."""

    text: str
    key: str
    labels: Counter[str] = field(default_factory=Counter)
    offsets: list[tuple[int, int]] = field(default_factory=list)


def find_inconsistencies(
    article: Article,
    mentions: list[dict[str, Any]],
    claims: list[Claim],
    sentences: Sequence[tuple[int, int]] | None = None,
) -> list[Claim]:
    """Consistency claims for ``article`` (name variants first, then number mismatches).

    ``mentions``: every named-entity mention of the article ({"text", "label",
    "start", "end"}); ``claims``: its other claims; ``sentences``: optional
    sentence (start, end) offsets from the parse (a plain splitter otherwise).
    """
    bounds = sorted(sentences) if sentences else split_sentences(article.text)
    found: list[Claim] = []
    for group in name_variant_groups(article.text, mentions):
        found.append(_name_claim(article, group, bounds))
    found.extend(_number_claims(article, claims))
    seen: Counter[tuple[str, str, str]] = Counter()
    unique: list[Claim] = []
    for claim in found:
        key = (claim.kind, claim.anchor, id_sentence(claim.sentence))
        occurrence = seen[key]
        seen[key] += 1
        unique.append(_with_id(claim, occurrence))
    return unique


# --- sentences ---------------------------------------------------------------------------


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of sentences, by punctuation and line breaks."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((start, match.end(1) if match.group(1) is not None else match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _sentence_of(bounds: Sequence[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """The sentence (from sorted ``bounds``) that holds ``start``."""
    i = bisect.bisect_right(bounds, (start, float("inf"))) - 1
    if i >= 0:
        s, e = bounds[i]
        if s <= start < e or (s <= start and end <= e):
            return s, max(e, end)
    return start, end


# --- name variants -----------------------------------------------------------------------


_NAME_WORD = re.compile(r"[^\W\d_][\w'\u2019.-]*")


def _name_key(text: str) -> tuple[str, str, int]:
    """(last-token text, its lowercase key, its offset inside ``text``) of a mention."""
    words = list(_NAME_WORD.finditer(text))
    if not words:
        return "", "", 0
    last = words[-1]
    word = _POSSESSIVE.sub("", last.group().rstrip(".-"))
    return word, word.casefold(), last.start()


def is_derivation(a: str, b: str) -> bool:
    """True when one name is a derived form of the other (Belarus/Belarusian, China/Chinese)."""
    short, long = sorted((a.casefold(), b.casefold()), key=len)
    if short == long:
        return True
    for stem in {short, short[:-1] if short[-1:] in "aeoy" else short}:
        if long.startswith(stem) and long[len(stem) :] in DERIVATIONS:
            return True
    return _place_of(short, long) or (len(short) == len(long) and _place_of(long, short))


def _place_of(adjective: str, place: str) -> bool:
    """German/Germany, Somali/Somalia, Argentine/Argentina: the place named after its people."""
    if not adjective.endswith(ADJECTIVE_ENDINGS):
        return False
    stems = {adjective, adjective[:-1] if adjective[-1:] == "e" else adjective}
    return any(place.startswith(s) and place[len(s) :] in PLACE_ENDINGS for s in stems)


def are_variants(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` look like two spellings of one name (not derived forms)."""
    a, b = a.casefold(), b.casefold()
    if a == b or min(len(a), len(b)) < 5 or a[0] != b[0] or is_derivation(a, b):
        return False
    if min(len(a), len(b)) < 7:  # short names: one letter added or dropped (Obama/Osama differ)
        return Indel.distance(a, b) <= 1
    if _block_inserted(a, b):  # Austria / Australia: a whole syllable, another name
        return False
    return Levenshtein.distance(a, b) <= 2 and fuzz.ratio(a, b) >= MIN_RATIO


def _block_inserted(a: str, b: str) -> bool:
    """True when the longer name is the shorter with two or more letters inserted in one place."""
    short, long = sorted((a, b), key=len)
    extra = len(long) - len(short)
    if extra < 2:
        return False
    return any(long[:i] + long[i + extra :] == short for i in range(len(short) + 1))


def _first_tokens(mentions: list[dict[str, Any]]) -> dict[str, set[str]]:
    """For each name key, the first words of the multi-word mentions ending in it."""
    out: dict[str, set[str]] = {}
    for m in mentions:
        words = str(m.get("text", "")).split()
        if len(words) > 1:
            out.setdefault(_name_key(m["text"])[1], set()).add(words[0].casefold())
    return out


class _Near:
    """Keys that could be variants of a word: same first letter, length within 2.

    ``are_variants`` needs both (an edit distance of at most 2), so looking only
    here finds every variant without comparing every pair of names.
    """

    def __init__(self, keys: Iterable[str]) -> None:
        self._by: dict[tuple[str, int], list[str]] = {}
        for key in keys:
            self._by.setdefault((key[:1], len(key)), []).append(key)

    def around(self, key: str) -> Iterator[str]:
        for length in range(len(key) - 2, len(key) + 3):
            yield from self._by.get((key[:1], length), ())


def name_variant_groups(text: str, mentions: list[dict[str, Any]]) -> list[list[_Form]]:
    """Groups of spellings of one name (most frequent first), in order of first mention."""
    forms: dict[str, _Form] = {}
    placed: set[tuple[str, int]] = set()  # (spelling, start): one offset per place, in O(1)
    names = [m for m in mentions if m.get("label") in NAME_LABELS]
    for m in names:
        word, key, offset = _name_key(str(m.get("text", "")))
        if len(key) < 2:
            continue
        start = int(m["start"]) + offset
        form = forms.setdefault(word, _Form(word, key))
        form.labels[str(m["label"])] += 1
        if (word, start) not in placed:
            placed.add((word, start))
            form.offsets.append((start, start + len(word)))
    tagged = {f.key for f in forms.values()}
    _add_untagged_spellings(text, forms, tagged)
    keys = sorted({f.key for f in forms.values()})
    parent = {k: k for k in keys}

    def root(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    firsts = _first_tokens(names)
    near = _Near(keys)
    for a in keys:
        for b in near.around(a):
            if b <= a or (a not in tagged and b not in tagged) or not are_variants(a, b):
                continue
            firsts_a, firsts_b = firsts.get(a), firsts.get(b)
            if firsts_a and firsts_b and not firsts_a & firsts_b:
                continue  # John Smith and Jane Smyth: two people
            parent[root(a)] = root(b)
    clusters: dict[str, list[str]] = {}
    for k in keys:
        clusters.setdefault(root(k), []).append(k)
    forms_of: dict[str, list[_Form]] = {}
    for form in forms.values():
        forms_of.setdefault(form.key, []).append(form)
    groups: list[list[_Form]] = []
    for members in clusters.values():
        if len(members) < 2:
            continue
        by_key: dict[str, _Form] = {}
        for form in (f for k in members for f in forms_of[k]):
            merged = by_key.setdefault(form.key, _Form(form.text, form.key))
            if len(form.offsets) > len(merged.offsets):
                merged.text = form.text  # the most used capitalization names the key
            merged.labels.update(form.labels)
            merged.offsets.extend(form.offsets)
        groups.append(list(by_key.values()))
    _add_unlabelled(text, [form for group in groups for form in group])
    for i, group in enumerate(groups):
        for form in group:
            form.offsets.sort()
        groups[i] = sorted(group, key=lambda f: (-len(f.offsets), f.offsets[0]))
    groups.sort(key=lambda g: min(o for f in g for o in f.offsets))
    return groups


def _add_untagged_spellings(text: str, forms: dict[str, _Form], tagged: set[str]) -> None:
    """Capitalized words NER did not tag that look like a misspelling of a tagged name.

    Misspelled names are often missed by NER (it has never seen them); such a word
    joins a group only through a tagged name, never through another untagged word.
    """
    seen: set[str] = set()
    near = _Near(tagged)
    for m in _CAPITALIZED.finditer(text):
        word = _POSSESSIVE.sub("", m.group())
        key = word.casefold()
        if key in tagged or key in seen or key in _STOP or len(key) < 5:
            continue
        seen.add(key)
        if any(are_variants(key, t) for t in near.around(key)):
            forms.setdefault(word, _Form(word, key))


def _add_unlabelled(text: str, forms: list[_Form]) -> None:
    """Count the occurrences NER missed: every whole-word occurrence of each spelling.

    One pass over the text for all the spellings (not one per spelling).
    """
    if not forms:
        return
    by_text = {f.text: f for f in forms}
    known = {f.text: set(f.offsets) for f in forms}
    alternatives = "|".join(re.escape(t) for t in sorted(by_text, key=len, reverse=True))
    for m in re.finditer(rf"(?<![\w])(?:{alternatives})(?![\w])", text):
        span = (m.start(), m.end())
        if span not in known[m.group()]:
            known[m.group()].add(span)
            by_text[m.group()].offsets.append(span)

def _name_claim(article: Article, group: list[_Form], bounds: Sequence[tuple[int, int]]) -> Claim:
    canonical = group[0]
    minority = min((o, f) for f in group[1:] for o in f.offsets)
    (start, end), _ = minority
    s_start, s_end = _sentence_of(bounds, start, end)
    names = " / ".join(f.text for f in group)
    labels: Counter[str] = Counter()
    for f in group:
        labels.update(f.labels)
    entity = (
        {
            "text": article.text[start:end],
            "label": labels.most_common(1)[0][0],
            "start": start,
            "end": end,
        }
        if labels
        else None
    )
    return Claim(
        id="",
        article_id=article.id,
        kind="consistency",
        anchor=article.text[start:end],
        start=start,
        end=end,
        sentence=article.text[s_start:s_end],
        sentence_start=s_start,
        sentence_end=s_end,
        label=f"name spelled {len(group)} ways: {names}",
        value={
            "type": "name-variants",
            "canonical": canonical.text,
            "variants": [
                {"text": f.text, "count": len(f.offsets), "offsets": [list(o) for o in f.offsets]}
                for f in group
            ],
        },
        entities=[entity] if entity else [],
    )


# --- numbers that disagree ---------------------------------------------------------------


def _stem(word: str) -> str:
    w = word.casefold().strip("'\u2019")
    for suffix in ("ing", "ed", "es", "s"):
        if len(w) > len(suffix) + 3 and w.endswith(suffix):
            return w[: -len(suffix)]
    return w


def _measure(claim: Claim) -> tuple[str, float, str] | None:
    """(what is measured, value, qualifier) of a numeric claim, or None."""
    v = claim.value or {}
    kind = claim.kind
    if v.get("vague"):
        return None
    if kind == "money":
        number, unit = v.get("amount"), f"money:{v.get('currency') or ''}"
    elif kind in ("quantity", "percent", "duration"):
        number, unit = v.get("number"), f"{kind}:{_stem(str(v.get('unit') or ''))}"
    else:
        return None
    if isinstance(number, bool) or not isinstance(number, int | float) or unit.endswith(":"):
        return None
    return unit, float(number), str(v.get("qualifier") or "exact")


@lru_cache(maxsize=256)
def _sentence_words(sentence: str) -> tuple[tuple[int, ...], tuple[str, ...], frozenset[str]]:
    """Of one sentence: content-word offsets, their stems, and the update words in it.

    Cached: the claims of one sentence share this work (a long sentence with many
    numbers is read once, not once per claim).
    """
    starts: list[int] = []
    stems: list[str] = []
    for m in _WORD.finditer(sentence):
        word = m.group()
        if word.casefold() in _STOP or word[0].isdigit():
            continue
        starts.append(m.start())
        stems.append(_stem(word))
    return tuple(starts), tuple(stems), frozenset(stems) & _UPDATE


def _context(claim: Claim, window: int = 4) -> tuple[set[str], set[str], set[str]]:
    """Stemmed content words near the number, the update words of the sentence, and the
    content words just before the number (the anchor's own words and unit left out)."""
    starts, stems, updates = _sentence_words(claim.sentence)
    rel_start = claim.start - claim.sentence_start
    rel_end = claim.end - claim.sentence_start
    skip = {_stem(w) for w in _WORD.findall(claim.anchor)}
    skip.add(_stem(str((claim.value or {}).get("unit") or "")))
    lead: list[str] = []
    i = bisect.bisect_left(starts, rel_start) - 1
    while i >= 0 and len(lead) < window:
        if stems[i] not in skip:
            lead.append(stems[i])
        i -= 1
    follow: list[str] = []
    i = bisect.bisect_left(starts, rel_end)
    while i < len(stems) and len(follow) < window:
        if stems[i] not in skip:
            follow.append(stems[i])
        i += 1
    near = set(lead) | set(follow)
    predicate = (claim.value or {}).get("predicate")
    if predicate:
        near.add(_stem(str(predicate)))
    return near, set(updates - skip), set(lead)


def _disagree(a: tuple[str, float, str], b: tuple[str, float, str]) -> bool:
    _, x, qa = a
    _, y, qb = b
    if x == y:
        return False
    if qa == "exact" and qb == "exact":
        return True
    low, high = sorted((x, y))
    for q, val in ((qa, x), (qb, y)):
        other = y if val == x else x
        if q in ("more-than", "at-least") and other >= val:
            return False
        if q in ("less-than", "at-most", "up-to") and other <= val:
            return False
    return high > 1.5 * low if low > 0 else True


WINDOW = 64
"""How many later claims of one bucket a number is compared with (work per claim is bounded)."""


@dataclass
class _Numeric:
    """A numeric claim with what the comparison needs, computed once."""

    index: int
    claim: Claim
    measure: tuple[str, float, str]
    near: set[str]
    words: set[str]
    lead: set[str]
    years: frozenset[str]
    dates: frozenset[str]
    names: frozenset[str]


def _numeric(index: int, claim: Claim, measure: tuple[str, float, str]) -> _Numeric:
    near, words, lead = _context(claim)
    dates = frozenset(
        str(e.get("text", "")).casefold() for e in claim.entities or [] if e.get("label") == "DATE"
    )
    names = frozenset(
        _name_key(str(e.get("text", "")))[1]
        for e in claim.entities or []
        if e.get("label") in NAME_LABELS
    )
    years = frozenset(_YEAR.findall(claim.sentence))
    return _Numeric(index, claim, measure, near, words, lead, years, dates, names)


def _other_measures(a: _Numeric, b: _Numeric) -> bool:
    """Do two numbers state different measures? Both have a governing word (the verb
    of "cost €95m", "spent €28m", "raised", "lost") and neither's is near the other."""
    pa = (a.claim.value or {}).get("predicate")
    pb = (b.claim.value or {}).get("predicate")
    if not pa or not pb:
        return False
    sa, sb = _stem(str(pa)), _stem(str(pb))
    return sa != sb and sa not in b.near and sb not in a.near


def _number_claims(article: Article, claims: list[Claim]) -> list[Claim]:
    """Groups of claims stating one quantity with values that disagree.

    Linear in the number of claims: each claim's context is computed once, and a
    claim is compared only with the claims that share its unit, its years and a
    word near the number (at most ``WINDOW`` of them per bucket), never with all.
    """
    numeric = [
        _numeric(i, c, m)
        for i, c in enumerate(sorted(claims, key=lambda c: c.start))
        if c.kind != "consistency" and (m := _measure(c))
    ]
    buckets: dict[tuple[str, frozenset[str], str], tuple[list[int], list[_Numeric]]] = {}
    for n in numeric:  # in order, so every bucket is sorted by position
        for word in n.near:
            indexes, members = buckets.setdefault((n.measure[0], n.years, word), ([], []))
            indexes.append(n.index)
            members.append(n)
    flagged: list[Claim] = []
    used: set[int] = set()
    for a in numeric:
        if a.index in used:
            continue
        candidates: dict[int, _Numeric] = {}
        for word in a.near:
            indexes, members = buckets[(a.measure[0], a.years, word)]
            at = bisect.bisect_right(indexes, a.index)
            for b in members[at : at + WINDOW]:
                candidates.setdefault(b.index, b)
        group = [a]
        for b in sorted(candidates.values(), key=lambda n: n.index):
            if b.index in used or b.claim.sentence_start == a.claim.sentence_start:
                continue
            if not _disagree(a.measure, b.measure):
                continue
            if (a.words | b.words) & _UPDATE or (a.lead | b.lead) & _DISTINCT:
                continue
            if a.dates and b.dates and not a.dates & b.dates:
                continue  # about other dates
            if a.names and b.names and not a.names & b.names:
                continue  # about other people, places or organizations
            if _other_measures(a, b):
                continue  # "will cost €95m" / "has spent €28m": two measures, not one
            group.append(b)
            used.add(b.index)
        if len(group) > 1:
            used.add(a.index)
            flagged.append(_number_claim(article, [(n.claim, n.measure) for n in group]))
    return flagged


def _number_claim(article: Article, group: list[tuple[Claim, tuple[str, float, str]]]) -> Claim:
    second = group[1][0]
    values = " / ".join(c.anchor for c, _ in group)
    unit = group[0][1][0].split(":", 1)[1]
    return Claim(
        id="",
        article_id=article.id,
        kind="consistency",
        anchor=second.anchor,
        start=second.start,
        end=second.end,
        sentence=second.sentence,
        sentence_start=second.sentence_start,
        sentence_end=second.sentence_end,
        label=f"numbers disagree{' on ' + unit if unit else ''}: {values}",
        value={
            "type": "number-mismatch",
            "unit": unit,
            "variants": [
                {
                    "text": c.anchor,
                    "value": m[1],
                    "qualifier": m[2],
                    "claim_id": c.id,
                    "offsets": [[c.start, c.end]],
                    "sentence": c.sentence,
                }
                for c, m in group
            ],
        },
        entities=list(second.entities or []),
    )


def _with_id(claim: Claim, occurrence: int) -> Claim:
    data = claim.to_dict()
    data["id"] = claim_id(claim.kind, claim.anchor, claim.sentence, occurrence)
    return Claim.from_dict(data)
