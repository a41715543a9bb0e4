"""The attribute ruler's matches found by one table lookup per token.

spaCy's ``attribute_ruler`` (tag -> POS and morphology, a few word exceptions: 179 rules
in the English pipelines) runs a ``Matcher`` that tries every rule at every token; it
took 15% of the pipeline's CPU, more than the parser. Its rules only compare a token's
tag, lower-case form, dependency and space flag with fixed values, so which rules hold
at a token depends on those four values alone: they are evaluated once per combination
and kept. ``install`` puts this lookup in the ruler's place when every rule is of that
form (else the ruler is left as it is); the ruler then sets the attributes itself, from
the same match list, in the same order (``tests/core/test_attribute_rules.py`` compares
the lists and the tokens with spaCy's).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

_FIELDS = ("TAG", "LOWER", "DEP", "IS_SPACE")
_MAX_KEPT = 100_000  # combinations kept before the table starts again (bounded memory)

Test = Callable[[tuple[str, str, str, bool]], bool]
Row = tuple[int, int, int, int]  # a token's tag, lower, dep (string hashes) and space flag
Holds = tuple[tuple[tuple[int, int], ...], frozenset[int]]
"""At a row: the one-token rules that hold (rule, matcher key), the parts of longer ones."""


def _value_test(field: int, spec: Any) -> Test | None:
    """The test one pattern key makes, as spaCy's Matcher makes it, or None if unknown."""
    if isinstance(spec, dict):
        if len(spec) != 1:
            return None
        ((op, arg),) = spec.items()
        if op in ("IN", "NOT_IN") and isinstance(arg, list | tuple | set):
            if not all(isinstance(v, str) for v in arg):
                return None
            values = frozenset(arg)
            if op == "IN":
                return lambda token: token[field] in values
            return lambda token: token[field] not in values
        if op == "REGEX" and isinstance(arg, str) and field != 3:
            search = re.compile(arg).search
            return lambda token: search(token[field]) is not None
        return None
    if field == 3:
        if not isinstance(spec, bool):
            return None
        return lambda token: token[3] is spec
    if not isinstance(spec, str):
        return None
    return lambda token: token[field] == spec


def _token_test(spec: dict[str, Any]) -> Test | None:
    tests = []
    for key, value in spec.items():
        if key not in _FIELDS:
            return None  # an operator ("OP"), another attribute: not handled here
        test = _value_test(_FIELDS.index(key), value)
        if test is None:
            return None
        tests.append(test)
    return lambda token: all(test(token) for test in tests)


class RuleMatcher:
    """``AttributeRuler.match`` for rules that read only tag, lower, dep and is_space."""

    def __init__(self, ruler: Any) -> None:
        strings = ruler.vocab.strings
        self._ruler, self._strings = ruler, strings
        self._ids: list[int] = []  # the matcher's key (a string hash) of each rule
        self._singles: list[tuple[int, Test]] = []
        self._longer: list[tuple[int, list[int]]] = []  # (rule, token test of each position)
        self._tests: list[Test] = []  # token tests of the longer patterns, by number
        for i in range(len(ruler.attrs)):
            key = str(i)
            self._ids.append(strings[key])
            patterns = ruler.matcher.get(key)[1]
            for pattern in patterns:
                tests = [_token_test(spec) for spec in pattern]
                if not tests or any(t is None for t in tests):
                    raise ValueError(f"attribute rule {i} is not a plain token comparison")
                if len(tests) == 1:
                    self._singles.append((i, tests[0]))
                else:
                    first = len(self._tests)
                    self._tests.extend(tests)  # type: ignore[arg-type]
                    self._longer.append((i, list(range(first, first + len(tests)))))
        self._duplicates = any(len(ruler.matcher.get(str(i))[1]) > 1 for i in range(len(self._ids)))
        self._table: dict[Row, Holds] = {}

    def _holds(self, row: Row) -> Holds:
        strings = self._strings
        token = (strings[row[0]], strings[row[1]], strings[row[2]], bool(row[3]))
        ids = self._ids
        singles = tuple((i, ids[i]) for i, test in self._singles if test(token))
        parts = frozenset(n for n, test in enumerate(self._tests) if test(token))
        if len(self._table) >= _MAX_KEPT:
            self._table.clear()
        self._table[row] = (singles, parts)
        return singles, parts

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

        if len(self._ruler.attrs) != len(self._ids):  # rules added since: spaCy's own
            return type(self._ruler).match(self._ruler, doc)
        if not len(doc):
            return []
        rows = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()
        table, holds = self._table, self._holds
        found = [table.get(row) or holds(row) for row in map(tuple, rows)]
        hits = [(i, key, t, t + 1) for t, (singles, _) in enumerate(found) for i, key in singles]
        ids = self._ids
        n = len(found)
        starts = [t for t, (_, parts) in enumerate(found) if parts] if self._longer else []
        for s in starts:  # the few tokens where a part of a longer pattern holds
            for i, tests in self._longer:
                width = len(tests)
                if s + width <= n and all(tests[j] in found[s + j][1] for j in range(width)):
                    hits.append((i, ids[i], s, s + width))
        if self._duplicates:  # two patterns of one rule on one span: one match (spaCy's)
            hits = list(set(hits))
        hits.sort()  # by rule, as AttributeRuler.match sorts them: later rules win
        return hits


def install(nlp: Language) -> bool:
    """Use ``RuleMatcher`` in the pipeline's attribute ruler where its rules allow it;
    True when it was installed."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    try:
        matcher = RuleMatcher(ruler)
    except (ValueError, KeyError, TypeError, AttributeError):
        return False
    ruler.match = matcher
    return True


def is_installed(nlp: Language) -> bool:
    """Whether the pipeline's attribute ruler matches with ``RuleMatcher``."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    return isinstance(getattr(nlp.get_pipe("attribute_ruler"), "match", None), RuleMatcher)
