"""A parsed unit as plain Python objects: every token's attributes read once.

spaCy's ``Token`` is a view: each ``.dep_``, ``.lemma_`` or ``.lower_`` looks the
string up again and returns a new ``str``, each ``.head`` or ``.children`` makes new
``Token`` objects. The extractor reads the same attributes of the same tokens many
times over (clauses, records, quotes, labels, the worthiness and gate features), so
``parsed(doc)`` reads them once per doc (one ``Doc.to_array`` and a table per string
value) into ``Tok`` objects, and gives a ``Parsed`` doc and ``Part`` spans with the
same names as spaCy's (``doc[i]``, ``doc[a:b]``, ``char_span``, ``sents``, ``ents``;
``tok.head``, ``tok.children``, ``tok.subtree``, ``span.root``...), so the same code
reads both. Values are spaCy's own (each string is taken from a spaCy token the first
time it is met; edges and character spans are asked of the spaCy doc), and one
token is one object, so ``==`` and ``is`` agree with spaCy's token equality.

Nothing here changes the spaCy doc; a ``Parsed`` doc keeps its own ``user_data``.
``Tok`` has slots and no ``__getattr__`` (a class with one loses CPython's fast
attribute reads): an attribute it does not list is an ``AttributeError``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc


class Tok:
    """One token of a ``Parsed`` doc (the attributes spaCy's ``Token`` has, as values)."""

    __slots__ = (
        "doc",
        "i",
        "text",
        "lower_",
        "lemma_",
        "pos_",
        "tag_",
        "dep_",
        "ent_type_",
        "idx",
        "whitespace_",
        "like_num",
        "is_punct",
        "is_space",
        "is_currency",
        "is_title",
        "is_alpha",
        "head",
        "children",
    )

    doc: Parsed
    i: int
    text: str
    head: Tok
    children: tuple[Tok, ...]

    def __len__(self) -> int:
        return len(self.text)

    def __str__(self) -> str:
        return self.text

    __repr__ = __str__

    def __lt__(self, other: Tok) -> bool:  # spaCy orders tokens by character offset
        return self.idx < other.idx

    def __le__(self, other: Tok) -> bool:
        return self.idx <= other.idx

    def __gt__(self, other: Tok) -> bool:
        return self.idx > other.idx

    def __ge__(self, other: Tok) -> bool:
        return self.idx >= other.idx

    @property
    def lefts(self) -> Iterator[Tok]:
        i = self.i
        return (c for c in self.children if c.i < i)

    @property
    def rights(self) -> Iterator[Tok]:
        i = self.i
        return (c for c in self.children if c.i > i)

    @property
    def n_lefts(self) -> int:
        return sum(1 for _ in self.lefts)

    @property
    def n_rights(self) -> int:
        return sum(1 for _ in self.rights)

    @property
    def subtree(self) -> Iterator[Tok]:
        """The token and its descendants in spaCy's order (each left child's subtree,
        the token, each right child's subtree), without recursion."""
        if not self.children:
            return iter((self,))
        out: list[Tok] = []
        stack: list[tuple[Tok, bool]] = [(self, False)]
        while stack:
            tok, expanded = stack.pop()
            if expanded or not tok.children:
                out.append(tok)
                continue
            i = tok.i
            for c in reversed(tok.children):
                if c.i > i:
                    stack.append((c, False))
            stack.append((tok, True))
            for c in reversed(tok.children):
                if c.i < i:
                    stack.append((c, False))
        return iter(out)

    @property
    def ancestors(self) -> Iterator[Tok]:
        tok, n, limit = self, 0, len(self.doc.tokens)
        while tok.head is not tok and n < limit:
            tok = tok.head
            yield tok
            n += 1

    @property
    def left_edge(self) -> Tok:
        """spaCy's (asked once per token: each ask makes two spaCy tokens)."""
        doc = self.doc
        left = doc.lefts.get(self.i)
        if left is None:
            left = doc.lefts[self.i] = doc.doc[self.i].left_edge.i
        return doc.tokens[left]

    @property
    def right_edge(self) -> Tok:
        return self.doc.tokens[self.doc.doc[self.i].right_edge.i]

    @property
    def sent(self) -> Part:
        return self.doc.sent_of(self.i)

    def nbor(self, i: int = 1) -> Tok:
        j = self.i + i
        if j < 0 or j >= len(self.doc.tokens):
            raise IndexError(f"no token at offset {i} of token {self.i}")
        return self.doc.tokens[j]

    def is_ancestor(self, descendant: Tok) -> bool:
        return any(a is self for a in descendant.ancestors)

    # read from the spaCy token when asked (few are)
    @property
    def ent_iob_(self) -> str:
        return str(self.doc.doc[self.i].ent_iob_)

    @property
    def is_sent_start(self) -> bool | None:
        value: bool | None = self.doc.doc[self.i].is_sent_start
        return value

    @property
    def is_upper(self) -> bool:
        return bool(self.doc.doc[self.i].is_upper)


class Part:
    """A span of a ``Parsed`` doc (spaCy's ``Span``: ``doc``, ``start``, ``end``,
    ``start_char``, ``end_char``, ``label_``, ``text``, ``root``, ``ents``, ``sent``)."""

    __slots__ = ("doc", "start", "end", "start_char", "end_char", "label_", "_root")

    def __init__(self, doc: Parsed, start: int, end: int, label: str = "") -> None:
        if not 0 <= start <= end <= len(doc.tokens):
            raise IndexError(f"span {start}:{end} outside a doc of {len(doc.tokens)} tokens")
        tokens = doc.tokens
        self.doc, self.start, self.end, self.label_ = doc, start, end, label
        self.start_char = tokens[start].idx if start < len(tokens) else len(doc.text)
        if start == end:
            self.end_char = self.start_char
        else:
            last = tokens[end - 1]
            self.end_char = last.idx + len(last.text)
        self._root: Tok | None = None

    @property
    def text(self) -> str:
        return self.doc.text[self.start_char : self.end_char]

    @property
    def root(self) -> Tok:
        """spaCy's ``Span.root``: the sentence root if the span holds it, else the first
        token with the fewest steps up to the root among those whose head is outside
        the span (a punctuation or space token without children counts as far)."""
        if self._root is None:
            tokens = self.doc.tokens
            part = tokens[self.start : self.end]
            root = next((t for t in part if t.head is t), None)
            if root is None:
                n = best = len(tokens)
                for t in part:
                    if self.start <= t.head.i < self.end:
                        continue
                    if (t.is_space or t.is_punct) and not t.children:
                        steps = n - 1
                    else:
                        steps, up = 0, t
                        while up.head is not up:
                            up, steps = up.head, steps + 1
                            if steps >= n:
                                raise RuntimeError("a cycle in the dependency tree")
                    if steps < best:
                        best, root = steps, t
            self._root = root if root is not None else tokens[self.start]
        return self._root

    @property
    def ents(self) -> list[Part]:
        from .doc_cache import span_ents

        return span_ents(self)  # type: ignore[arg-type]

    @property
    def sent(self) -> Part:
        return self.doc.sent_of(self.start)

    def __len__(self) -> int:
        return self.end - self.start

    def __iter__(self) -> Iterator[Tok]:
        return iter(self.doc.tokens[self.start : self.end])

    def __getitem__(self, i: int | slice) -> Any:
        if isinstance(i, slice):
            start, end = _normalize(len(self), i)
            return Part(self.doc, start + self.start, end + self.start)
        at = self.end + i if i < 0 else self.start + i
        if self.start <= at < self.end:
            return self.doc.tokens[at]
        raise IndexError(f"no token {i} in a span of {len(self)}")

    def _key(self) -> tuple[int, int, str]:
        return (self.start_char, self.end_char, self.label_)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Part) and other.doc is self.doc and other._key() == self._key()

    def __hash__(self) -> int:
        return hash((id(self.doc), self._key()))

    def __str__(self) -> str:
        return self.text

    __repr__ = __str__


def _normalize(length: int, s: slice) -> tuple[int, int]:
    """spaCy's ``normalize_slice`` (step 1 only; bounds clamped)."""
    if s.step not in (None, 1):
        raise ValueError("a span slice has no step")
    start = 0 if s.start is None else (s.start + length if s.start < 0 else s.start)
    start = min(length, max(0, start))
    stop = length if s.stop is None else (s.stop + length if s.stop < 0 else s.stop)
    stop = min(length, max(start, stop))
    return start, stop


class Parsed:
    """A spaCy doc read once into ``Tok`` objects (``doc`` is the spaCy doc)."""

    __slots__ = (
        "doc", "tokens", "user_data", "vocab", "lefts", "_sents", "_starts", "_ents", "_text"
    )

    def __init__(self, doc: Doc, text: str | None = None) -> None:
        self.doc = doc
        self.vocab = doc.vocab
        self.user_data: dict[Any, Any] = {}
        self.lefts: dict[int, int] = {}  # token -> its left edge, as spaCy has it
        self.tokens = _read_tokens(self, doc)
        self._text = text if text is not None and self._spells(text) else None
        self._sents: list[Part] | None = None
        self._starts: list[int] | None = None
        self._ents: tuple[Part, ...] | None = None

    @property
    def text(self) -> str:
        """``Doc.text``: each token's text and its trailing whitespace, joined."""
        if self._text is None:
            self._text = "".join([t.text + t.whitespace_ for t in self.tokens])
        return self._text

    def _spells(self, text: str) -> bool:
        """Is ``text`` the doc's text? (spaCy keeps the text it parsed exactly: checked
        at the ends, where a different text would show.)"""
        tokens = self.tokens
        if not tokens:
            return text == ""
        last = tokens[-1]
        return (
            len(text) == last.idx + len(last.text) + len(last.whitespace_)
            and text.startswith(tokens[0].text)
            and text.endswith(last.text + last.whitespace_)
        )

    def release(self) -> None:
        """Break the tokens' links to each other and to this doc once it is read, so
        that they are freed at once rather than by the cycle collector."""
        for t in self.tokens:
            t.head = t.children = t.doc = None  # type: ignore[assignment]
        self.tokens = []
        self.lefts = {}
        self._sents = self._starts = self._ents = None
        self.user_data.clear()

    def __len__(self) -> int:
        return len(self.tokens)

    def __iter__(self) -> Iterator[Tok]:
        return iter(self.tokens)

    def __getitem__(self, i: int | slice) -> Any:
        if isinstance(i, slice):
            start, end = _normalize(len(self.tokens), i)
            return Part(self, start, end)
        return self.tokens[i]

    @property
    def sents(self) -> Iterator[Part]:
        if self._sents is None:
            self._sents = [Part(self, s.start, s.end) for s in self.doc.sents]
            self._starts = [s.start for s in self._sents]
        return iter(self._sents)

    def sent_of(self, i: int) -> Part:
        """The sentence holding token ``i``."""
        if self._sents is None:
            list(self.sents)
        assert self._sents is not None and self._starts is not None
        return self._sents[bisect_right(self._starts, i) - 1]

    @property
    def ents(self) -> tuple[Part, ...]:
        if self._ents is None:
            self._ents = tuple(Part(self, e.start, e.end, e.label_) for e in self.doc.ents)
        return self._ents

    def char_span(
        self, start_idx: int, end_idx: int, label: str = "", alignment_mode: str = "strict"
    ) -> Part | None:
        span = self.doc.char_span(start_idx, end_idx, alignment_mode=alignment_mode)
        return None if span is None else Part(self, span.start, span.end, label)

    def has_annotation(self, attr: str) -> bool:
        return bool(self.doc.has_annotation(attr))


def parsed(doc: Doc | Parsed, text: str | None = None) -> Parsed:
    """``doc`` read into plain tokens (a ``Parsed`` doc is returned as it is); ``text``:
    the text it was parsed from, if known (else joined from the tokens when asked)."""
    return doc if isinstance(doc, Parsed) else Parsed(doc, text)


def release(doc: Any) -> None:
    """``Parsed.release`` (nothing for any other doc)."""
    if isinstance(doc, Parsed):
        doc.release()


def is_parsed(obj: Any) -> bool:
    return isinstance(obj, Parsed | Part)


# --------------------------------------------------------------------------- reading

_TABLES: dict[int, tuple[Any, list[dict[int, str]], dict[int, tuple[Any, ...]]]] = {}
_NAMES = ("lemma_", "pos_", "tag_", "dep_", "ent_type_")
"""Per vocabulary: a table per string attribute (value id -> spaCy's string) and one of
lexemes (orth -> text, lower_ and the lexical flags read here)."""


def _tables(vocab: Any) -> tuple[list[dict[int, str]], dict[int, tuple[Any, ...]]]:
    entry = _TABLES.get(id(vocab))
    if entry is None or entry[0] is not vocab:
        entry = _TABLES[id(vocab)] = (vocab, [{} for _ in _NAMES], {})
    return entry[1], entry[2]


def _learn(
    real: Any, ids: tuple[int, ...], strings: list[dict[int, str]], lexemes: dict[int, Any]
) -> tuple[Any, ...]:
    """Put the values of spaCy token ``real`` (its orth and string ids: ``ids``) that the
    tables lack into them; its lexeme's values."""
    orth, *values = ids
    for table, value, name in zip(strings, values, _NAMES, strict=True):
        if value not in table:
            table[value] = getattr(real, name)
    lex = lexemes.get(orth)
    if lex is None:
        lex = lexemes[orth] = (
            real.text,
            real.lower_,
            real.like_num,
            real.is_punct,
            real.is_space,
            real.is_currency,
            real.is_title,
            real.is_alpha,
        )
    return lex


def _read_tokens(owner: Parsed, doc: Doc) -> list[Tok]:
    from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, LEMMA, ORTH, POS, SPACY, TAG

    n = len(doc)
    if n == 0:
        return []
    rows = doc.to_array([ORTH, LEMMA, POS, TAG, DEP, ENT_TYPE, HEAD, IDX, SPACY])
    rows = rows.astype("int64").tolist()
    strings, lexemes = _tables(doc.vocab)
    lemmas, poses, tags, deps, ents = strings
    new = Tok.__new__
    tokens: list[Tok] = []
    append = tokens.append
    for i, (orth, lemma, pos, tag, dep, ent, _head, idx, space) in enumerate(rows):
        t = new(Tok)
        t.doc, t.i, t.idx = owner, i, idx
        try:  # a subscript each: the tables hold every value met before (nearly all)
            lex = lexemes[orth]
            t.lemma_, t.pos_, t.tag_ = lemmas[lemma], poses[pos], tags[tag]
            t.dep_, t.ent_type_ = deps[dep], ents[ent]
        except KeyError:
            lex = _learn(doc[i], (orth, lemma, pos, tag, dep, ent), strings, lexemes)
            t.lemma_, t.pos_, t.tag_ = lemmas[lemma], poses[pos], tags[tag]
            t.dep_, t.ent_type_ = deps[dep], ents[ent]
        (
            t.text,
            t.lower_,
            t.like_num,
            t.is_punct,
            t.is_space,
            t.is_currency,
            t.is_title,
            t.is_alpha,
        ) = lex
        t.whitespace_ = " " if space else ""
        append(t)
    kids: list[list[Tok]] = [[] for _ in range(n)]
    for i, row in enumerate(rows):
        t = tokens[i]
        h = i + row[6]
        t.head = tokens[h]
        if h != i:
            kids[h].append(t)
    for t, k in zip(tokens, kids, strict=True):
        t.children = tuple(k)
    return tokens
