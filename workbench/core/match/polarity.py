"""Claims that say the opposite: "crime rose" is not "crime fell", "backs" is not "opposes".

A fact-check and a new claim can share every word but one and still state opposite
facts. ``polarity(text)`` reads which way a text goes on each **axis**:

- ``amount``: up (rose, increased, more, highest, created) or down (fell, cut, fewer,
  lowest, lost); "up" / "down" only after a form of be or go ("crime is up");
- ``quality``: better (best, improved, helped, safer) or worse (worst, worsened, hurt);
- ``stance``: for (supports, backed, voted for) or against (opposes, voted against);
- ``permit``: allow (allowed, legalized) or forbid (banned, prohibits);
- ``legal``: legal or illegal; ``outcome``: won or lost; ``enact``: signed or vetoed;
  ``open``: opened or closed; ``wealth``: rich or poor; ``begin``: started or ended;
  ``verdict``: convicted or acquitted; ``life``: alive or dead; ``include`` or exclude;

a negation right before the word ("did not raise", "never supported", "no increase")
turns it round. ``polarity_conflict(query, candidate)`` is the reason two texts
disagree ('' when they do not):

- on an axis, after the ways both texts state are paired off, one text has only ups
  left and the other only downs ("won fewer votes" / "won more votes");
- or one text negates a word that the other states plainly ("is not a Muslim" / "is
  a Muslim", "did not vote" / "voted"), and the other negates nothing else.

The axes are read only when both texts are **sure**: a negation that turns no
direction word round ("nobody is allowed", "said no to higher taxes") leaves a text's
directions unread.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

from .tokens import STOP, stem

_AXES: dict[str, tuple[str, str]] = {
    "amount": (
        """rise rises rose risen rising increase increased increases increasing grew grow
        grows growing higher highest more gained doubled tripled soar soared soaring jump
        jumped jumps surge surged boost boosted boosts raise raised raises raising expand
        expanded expands hike hiked hikes hiking created creates create added up above
        gains high costlier gain growth expansion expanding larger largest bigger biggest
        greater greatest longer longest faster fastest climb climbs climbed climbing
        skyrocket skyrocketed skyrocketing spike spiked spikes double doubles doubling
        themost""",
        """fall falls fell fallen falling decrease decreased decreases decreasing decline
        declined declines declining drop dropped drops dropping lower lowest lowered less
        fewer fewest least down cut cuts cutting reduce reduced reduces reducing shrink
        shrank shrunk shrinking lose lost loses losing plunge plunged slash slashed slashes
        halved eliminated eliminate eliminates below losses loss low cheaper cheapest
        smaller smallest shorter shortest slower slowest plummet plummeted plummeting
        tumble tumbled sank sink sinking dip dipped dipping slump slumped contraction
        remove removes removed removing reduction reductions""",
    ),
    "quality": (
        """best better improved improve improves improving strongest stronger strengthen
        strengthens strengthened help helps helped helping safe safer safest good
        healthier healthiest""",
        """worst worse worsened worsen worsens worsening weakest weaker weaken weakens
        weakened hurt hurts hurting harm harms harmed dangerous unsafe bad sicker
        sickest""",
    ),
    "stance": (
        """support supports supported supporting favor favors favored favoring backs backed
        backing endorse endorses endorsed endorsing vote_for voted_for votes_for
        voting_for vote_with voted_with votes_with voting_with want wants wanted accept
        accepts accepted accepting""",
        """oppose opposes opposed opposing against reject rejects rejected rejecting
        vote_against voted_against votes_against voting_against""",
    ),
    "permit": (
        """allow allows allowed allowing permit permits permitted legalize legalized
        legalizes legalizing""",
        """ban bans banned banning prohibit prohibits prohibited prohibiting outlaw outlaws
        outlawed forbid forbids forbade forbidden""",
    ),
    "legal": ("legal lawful legally", "illegal unlawful illegally"),
    "enact": (
        "signed approved approves enacted",
        "vetoed veto vetoes vetoing disapprove disapproves disapproved",
    ),
    "open": ("opened opens reopened reopens", "closed closes shut shuttered"),
    "outcome": ("won win wins winning passed", "lost lose loses losing failed"),
    "wealth": ("rich richer richest wealthy wealthier wealthiest", "poor poorer poorest"),
    "begin": (
        "start starts started began begun launched",
        "ended ends halted stopped cancelled canceled scrapped",
    ),
    "verdict": ("guilty convicted", "innocent acquitted exonerated"),
    "life": ("alive survived survives", "dead died dies"),
    "include": ("include includes included", "exclude excludes excluded"),
    "comply": ("comply complies complied", "violate violates violated"),
    "praise": ("praise praises praised", "criticize criticizes criticized condemn condemned"),
    "admit": ("admit admits admitted acknowledged confirmed confirms", "deny denies denied"),
}
_WAYS: dict[str, list[tuple[str, int]]] = {}
for _axis, (_up, _down) in _AXES.items():
    for _words, _way in ((_up, 1), (_down, -1)):
        for _w in _words.split():
            _WAYS.setdefault(_w, []).append((_axis, _way))
_STEM_WAYS: dict[str, list[tuple[str, int]]] = {}
for _w, _ways in _WAYS.items():
    if "_" not in _w and _w != "themost":
        _STEM_WAYS.setdefault(stem(_w), [])
        _STEM_WAYS[stem(_w)] += [w for w in _ways if w not in _STEM_WAYS[stem(_w)]]
for _s in [s for s, ws in _STEM_WAYS.items() if len({a for a, _ in ws}) < len(ws)]:
    del _STEM_WAYS[_s]  # one stem both ways on an axis: no reading
DIRECTION_WORDS = frozenset(w for w in _WAYS if "_" not in w)
"""Every word that goes one way on an axis ("rose", "banned", "opposes")."""
_TIED_ONLY: dict[str, list[tuple[str, int]]] = {
    **dict.fromkeys("vote_to voted_to votes_to voting_to".split(), [("stance", 1)]),
    **dict.fromkeys("all every everyone everybody always".split(), [("all", 1)]),
    **dict.fromkeys("none nobody nothing never".split(), [("all", -1)]),
}
"""Ways read only against a word of the other text tied to the same thing ("voted to
defund" / "voted against defunding", "all of the candidates" / "none of the
candidates"): "voted to repeal X" is no vote against "voted against X"."""


@lru_cache(maxsize=200_000)
def ways_of(word: str) -> list[tuple[str, int]]:
    """The axes and ways a word goes (an inflection by its stem: "gaining", "signs")."""
    found = _WAYS.get(word)
    if found is not None:
        return found
    if len(word) > 4 and word.isalpha() and word not in STOP:
        return _STEM_WAYS.get(stem(word), [])
    return []


def direction_word(word: str) -> bool:
    """A word that goes one way on an axis, in any inflection."""
    return bool(ways_of(word))
_BE_GO = frozenset("is are was were be been being s went go goes gone going way".split())
""""up" and "down" are a direction only after these ("is up", "went down") or "not"
("went down, not up")."""

_NOT_LEVEL = frozenset("school schools court courts speed profile".split())
""""high school" and "low profile" say nothing of a level."""
_VERBAL = frozenset("not never cannot".split())
_AUX = frozenset("is was are were do does did has have had could would should ca wo ai".split())
_DETERMINERS = frozenset("no none nobody nothing neither nor without zero".split())
"""Negations of a noun phrase: they turn an adjacent direction word round ("no
increase") but anchor no negated word ("no modern president has ever ...")."""
_PHRASES = re.compile(
    r"\b(?:not only|not just|no (?:more|less|fewer|longer) than|no matter|no doubt|"
    r"nothing but|whether or not|or not|no\.\s?(?=\d))"
)
_AS_NOT = re.compile(r"\b(?:fail(?:s|ed)? to|refus(?:e|es|ed) to|declin(?:e|es|ed) to)\b")
_AS_WITHOUT = re.compile(r"\b(?:rather than|instead of)\b")
_KEPT_FROM = re.compile(
    r"\b(keeps?|kept|prevent(?:s|ed)?|stop(?:s|ped)?)\b((?:\s+[^\s.;]+){0,6}?)\s+from(?=\s+\w+ing\b)"
)
""""kept the levy from rising": the levy did not rise."""
_SKIP = frozenset(
    """be been being ever even once really actually yet a an the any get gets got gotten
    getting go goes going gone went do does did done make makes made have has had so
    much""".split()
)
"""Words between a negation and the word it turns round (light verbs, articles)."""
_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d[\d,.]*")
_FLAT = frozenset("flat unchanged stagnant stagnated stalled steady stable".split())
"""Neither up nor down: "flat" is not "rose", nor "fell" (but may be "did not rise")."""
_COUNT = frozenset(
    """# a an one two three four five six seven eight nine ten twenty thirty forty fifty
    hundred hundreds thousand thousands million millions billion half third quarter
    twice""".split()
)
_WINDOW = 4


@dataclass
class Polarity:
    ways: dict[str, list[int]] = field(default_factory=dict)
    """Axis -> the ways (+1 / -1) the text goes on it, once per word."""
    words: dict[tuple[str, int], str] = field(default_factory=dict)
    """(axis, way) -> a word that shows it (for the reason)."""
    plain_ways: set[tuple[str, int]] = field(default_factory=set)
    """(axis, way) stated by a word no negation turns round."""
    negated: set[str] = field(default_factory=set)
    """Stems of words a verbal negation anchors to ("not a Muslim": muslim)."""
    determiner: bool = False
    """The text negates a noun phrase ("no", "nobody", "without")."""
    others: list[str] = field(default_factory=list)
    """Every other content word (stemmed only when asked: ``plain``)."""
    negation: bool = False
    """The text negates anything."""
    sure: bool = True
    compared: tuple[str, str] | None = None
    """The two sides of a comparison ("more businesses dying than starting": dying,
    start), as stems."""
    """Every negation of the text turned a direction word round (or there is none)."""
    tied: list[tuple[str, int, str | None, str | None]] = field(default_factory=list)
    """(axis, way, the content word before, the content word after) of each direction
    word: what it says goes up or down ("taxes were cut": tax)."""
    contrast: tuple[str, str] | None = None
    """"X, not Y" ("the President, not governors"): the stems of X and Y."""
    tokens: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    _prefixed: list[tuple[str, str, str]] | None = None
    _sequence: list[str] | None = None
    _plain: set[str] | None = None

    @property
    def prefixed(self) -> list[tuple[str, str, str]]:
        """(word, the word without its prefix, the other prefix's form or "") of the
        content words that start like a negation ("ineffective": effective) or a pair
        ("overpaid": underpaid), for ``_antonym``."""
        if self._prefixed is None:
            self._prefixed = _prefixed(set(self.others))
        return self._prefixed

    @property
    def sequence(self) -> list[str]:
        """The stems of its content words in order, each negation as "~" and each
        direction word as "^word" (``_aligned``)."""
        if self._sequence is None:
            self._sequence = [
                "~" if k else "^" + t if ways_of(t) or t in _TIED_ONLY else stem(t)
                for t, k in zip(self.tokens, self.kinds, strict=True)
                if k or (t not in STOP and t not in _SKIP and t != "#")
            ]
        return self._sequence

    @property
    def plain(self) -> set[str]:
        """Stems of the content words no negation anchors to."""
        if self._plain is None:
            self._plain = {stem(t) for t in self.others}
        return self._plain


def _tokens(text: str) -> list[str]:
    low = text.lower().replace("’", "'")
    if "no" in low or "or not" in low:
        low = _PHRASES.sub(" ", low)
    if "fail" in low or "refus" in low or "declin" in low:
        low = _AS_NOT.sub(" not ", low)
    if "rather" in low or "instead" in low:
        low = _AS_WITHOUT.sub(" without ", low)
    if " from " in low:
        low = _KEPT_FROM.sub(r"\1\2 not", low)
    if "no longer" in low:
        low = _NO_LONGER.sub(" not ", low)
    if "most-" in low:
        low = _MOST.sub(" themost ", low)  # "most-trusted" is "the most trusted"
    out: list[str] = []
    for tok in _TOKEN.findall(low):
        tok = "#" if tok[0].isdigit() else tok.replace("'", "")
        if out and out[-1] == "non":  # "non-violent" is one word, no negation
            out[-1] += tok
            continue
        if tok in _VOTE_AS and out and out[-1].startswith("vot") and "_" not in out[-1]:
            out[-1] += "_" + _VOTE_AS[tok]  # "voted yes" is a vote for, "voted no" against
            continue
        out.append(tok)
    return out


_NO_LONGER = re.compile(r"\bno longer\b")
_MOST = re.compile(r"\b(?:the\s+)?most-(?=[a-z])")
_VOTE_AS = {"for": "for", "against": "against", "with": "with", "yes": "for", "no": "against",
            "to": "to"}


_NEGATORS = {
    **dict.fromkeys(_DETERMINERS, "determiner"),
    **dict.fromkeys(_VERBAL | {aux + "nt" for aux in _AUX}, "verbal"),
}


def _negator(tok: str) -> str:
    """'verbal', 'determiner' or ''."""
    return _NEGATORS.get(tok, "")


def polarity(text: str) -> Polarity:
    toks = _tokens(text)
    kinds = [_negator(t) for t in toks]
    out = Polarity(negation=any(kinds), determiner="determiner" in kinds)
    out.compared = _compared(toks)
    out.contrast = _contrast(text)
    used: set[int] = set()
    anchored: set[int] = set()
    for i, kind in enumerate(kinds):
        if kind != "verbal":
            continue
        for j in range(i + 1, min(i + 3 + _WINDOW, len(toks))):
            if _content(toks[j], kinds[j]):
                anchored.add(j)
                break
    for i, tok in enumerate(toks):
        if tok in ("up", "down") and (i == 0 or toks[i - 1] not in _BE_GO | {"not"}):
            continue
        if tok in ("high", "low") and i + 1 < len(toks) and toks[i + 1] in _NOT_LEVEL:
            continue
        ways = ways_of(tok)
        if tok == "most" and i > 0 and toks[i - 1] == "the":
            ways = [("amount", 1)]  # "the most" (not "most people")
        elif tok in _FLAT:
            ways = [("amount", 0)]
        elif tok in ("more", "less", "fewer") and toks[i + 1 : i + 2] == ["than"]:
            if toks[i + 2 : i + 3] and toks[i + 2] in _COUNT:
                ways = [("bound", 1 if tok == "more" else -1)]  # "more than 2 million"
        tied = _TIED_ONLY.get(tok)
        if not ways and not tied:
            read: list[tuple[str, int, bool]] = []
        else:
            read = [(a, w, True) for a, w in ways] + [(a, w, False) for a, w in tied or ()]
        for axis, way, counted in read:
            shown = tok.replace("_", " ")
            neg = _turned_by(toks, kinds, i) if not kinds[i] else None
            if neg is not None:
                used.add(neg)
                way, shown = -way, "not " + shown
            elif counted:
                out.plain_ways.add((axis, way))
            if counted:
                out.ways.setdefault(axis, []).append(way)
            out.words.setdefault((axis, way), shown)
            near = (_near_word(toks, kinds, i, -1), _near_word(toks, kinds, i, 1))
            out.tied.append((axis, way, *near))
        if kinds[i] or tok in STOP or len(tok) < 3:
            continue
        if i in anchored:
            out.negated.add(stem(tok))
        else:
            out.others.append(tok)
    out.sure = all(i in used for i, k in enumerate(kinds) if k)
    out.tokens, out.kinds = toks, kinds
    return out


def _content(tok: str, kind: str) -> bool:
    return tok not in STOP and tok not in _SKIP and not kind and tok != "#"


def _near_word(toks: list[str], kinds: list[str], i: int, step: int) -> str | None:
    """The stem of the nearest content word (no direction word) within three words
    before (``step`` -1) or after (+1) the word at ``i``."""
    j = i + step
    while 0 <= j < len(toks) and abs(j - i) <= 3:
        tok = toks[j]
        if _content(tok, kinds[j]) and len(tok) > 2 and not ways_of(tok) and tok not in _TIED_ONLY:
            return stem(tok)
        j += step
    return None


_CONTRAST = re.compile(
    r"\b([A-Za-z][\w'’-]*)[\"”’']?\s*,\s*[\"“]?(?:but\s+)?not\s+"
    r"(?:the\s+|a\s+|an\s+)?([A-Za-z][\w-]*)"
)


def _contrast(text: str) -> tuple[str, str] | None:
    """"X, not Y": what the text sets against what (stems), if it says so."""
    m = _CONTRAST.search(text) if "not " in text and "," in text else None
    if not m:
        return None
    left, right = (g.lower().replace("’", "'").removesuffix("'s") for g in m.groups())
    if left in STOP or right in STOP:
        return None
    return stem(left), stem(right)


def _turned_by(toks: list[str], kinds: list[str], i: int) -> int | None:
    """The negation that turns the word at ``i`` round: right before it, or with only
    light words between ("did not even raise"); a determiner only right before."""
    j = i - 1
    while j >= 0 and i - j <= _WINDOW:
        if kinds[j]:
            return j if kinds[j] == "verbal" or j == i - 1 else None
        if toks[j] not in _SKIP:
            return None
        j -= 1
    return None


def _compared(toks: list[str]) -> tuple[str, str] | None:
    """What a comparison sets against what: the content word nearest before "than"
    (a comparative within the seven words before it) and the first one after it."""
    if "than" not in toks:
        return None
    i = toks.index("than")
    before = toks[max(0, i - 7) : i]
    if not any(_WAYS.get(t) for t in before):
        return None
    left = next((t for t in reversed(before) if _plain_word(t)), None)
    right = next((t for t in toks[i + 1 : i + 6] if _plain_word(t)), None)
    if left is None or right is None:
        return None
    return stem(left), stem(right)


def _plain_word(tok: str) -> bool:
    return tok not in STOP and tok not in _WAYS and tok != "#" and not _negator(tok)


def polarity_conflict(query: Polarity, candidate: Polarity) -> str:
    """Why the two say opposite things ('' when they do not)."""
    a, b = query.compared, candidate.compared
    if a and b and a[0] != a[1] and a == (b[1], b[0]):
        return f"comparison reversed: {a[0]} than {a[1]} vs {b[0]} than {b[1]}"
    a, b = query.contrast, candidate.contrast
    if a and b and a[0] != a[1] and a == (b[1], b[0]):
        return f"contrast reversed: {a[0]}, not {a[1]} vs {b[0]}, not {b[1]}"
    sure = query.sure and candidate.sure
    for axis, ours in query.ways.items() if sure else ():
        theirs = candidate.ways.get(axis)
        if not theirs:
            continue
        a, b = Counter(ours), Counter(theirs)
        left_a, left_b = set(a - b), set(b - a)
        if len(left_a) == 1 and len(left_b) == 1 and left_a != left_b:
            wa, wb = left_a.pop(), left_b.pop()
            if wa == 0 and (axis, wb) not in candidate.plain_ways:
                continue  # "flat" against "did not rise"
            if wb == 0 and (axis, wa) not in query.plain_ways:
                continue
            return f"direction differs: {query.words[(axis, wa)]} vs {candidate.words[(axis, wb)]}"
    tied = _tied_conflict(query, candidate, sure)
    if tied:
        return tied
    for one, other in ((query, candidate), (candidate, query)):
        # what one negates and the other states plainly, when the other negates no noun
        # phrase and nothing that one does not negate or state too (a second flip:
        # "aren't voting, they stay home" / "are voting, no longer stay home")
        if one.negated and not other.determiner and other.negated <= one.negated | one.plain:
            flipped = sorted((one.negated - one.plain - other.negated) & other.plain)
            if flipped:
                return f"negation differs: not {flipped[0]}"
    if not query.negation and not candidate.negation:
        return _antonym(query, candidate)
    return _antonym(query, candidate) or _aligned(query.sequence, candidate.sequence)


def _unprefixed(words: list[str], other: set[str]) -> list[str]:
    out = []
    for w in words:
        base = next(
            (w[len(p) :] for p in _PREFIXES if w.startswith(p) and w[len(p) :] in other), None
        )
        out += ["~", base] if base and len(base) >= 4 and w not in other else [w]
    return out


ALIGNED = 0.8
"""Share of the shorter text's words that must be the other's, in order, for a
negation that only one of them has to be read as the difference."""


def _aligned(a: list[str], b: list[str]) -> str:
    """The same words in the same order but for a negation ("countries that are our
    trade partners" / "countries that are not trade partners"): a negation one text
    adds where nothing else differs but a word at most."""
    if "~" not in a and "~" not in b:
        return ""
    set_a, set_b = set(a) - {"~"}, set(b) - {"~"}
    if len(set_a & set_b) + 1 < ALIGNED * min(len(set_a), len(set_b)):
        return ""  # too little in common (the one word a prefix may hide allowed for)
    a, b = _unprefixed(a, set(b)), _unprefixed(b, set(a))  # "unborn": "not born"
    words_a, words_b = [w for w in a if w != "~"], [w for w in b if w != "~"]
    if not words_a or not words_b or a.count("~") == b.count("~"):
        return ""
    ops = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    same = sum(i2 - i1 for op, i1, i2, _, _ in ops if op == "equal" and a[i1] != "~")
    if same < ALIGNED * min(len(words_a), len(words_b)):
        return ""
    for op, i1, i2, j1, j2 in ops:
        if op == "equal":
            continue
        ours, theirs = a[i1:i2], b[j1:j2]
        if any(w.startswith("^") for w in ours + theirs):
            continue  # "said no to" / "voted against": the axes' business
        if ours.count("~") != theirs.count("~") and max(
            len([w for w in ours if w != "~"]), len([w for w in theirs if w != "~"])
        ) <= 1:
            return f"negation differs: {' '.join(ours) or '-'} vs {' '.join(theirs) or '-'}"
    return ""


def _tied_conflict(query: Polarity, candidate: Polarity, sure: bool) -> str:
    """Two direction words tied to the same thing (the content word before or after
    them) that go opposite ways, when no pair tied to it agrees: "taxes were cut ...
    Ohio gained jobs" / "taxes were raised ... Ohio lost jobs", whatever the count."""
    opposite: dict[tuple[str, str], tuple[int, int]] = {}
    agreeing: set[tuple[str, str]] = set()
    for axis, wa, *near_a in query.tied:
        if not sure and axis != "all":
            continue
        for axis_b, wb, *near_b in candidate.tied:
            if axis_b != axis:
                continue
            if not _same_place(near_a, near_b):
                continue
            for k in {w for w in near_a if w} & {w for w in near_b if w}:
                if wa == wb:
                    agreeing.add((axis, k))
                elif wa * wb < 0:
                    opposite.setdefault((axis, k), (wa, wb))
    for (axis, k), (wa, wb) in opposite.items():
        if (axis, k) not in agreeing:
            return f"direction differs: {query.words[(axis, wa)]} vs {candidate.words[(axis, wb)]}"
    return ""


def _same_place(a: list[str | None], b: list[str | None]) -> bool:
    """The same word before, or after, and nothing different on the other side."""
    before = a[0] is not None and a[0] == b[0]
    after = a[1] is not None and a[1] == b[1]
    return (before or after) and (
        (before and (after or a[1] is None or b[1] is None))
        or (after and (a[0] is None or b[0] is None))
    )


_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non")
_PAIRED_PREFIXES = (("over", "under"), ("pro", "anti"))
_SHORT_BASES = frozenset("fair able true paid just wise real agree trust loyal honest".split())
"""Short words whose negated form is a prefix away ("unfair", "disagree"); other short
ones are parts of unrelated words ("import", "discover", "insure", "unless")."""


def _base_ok(prefix: str, base: str) -> bool:
    """``prefix`` + ``base`` reads as "not ``base``": the base long enough not to be a
    chance part of another word (longer after "dis": "discharge")."""
    return base in _SHORT_BASES or len(base) >= (6 if prefix == "dis" else 5)


def _prefixed(words: set[str]) -> list[tuple[str, str, str]]:
    return [form for word in words if word[0] in "uidnop" for form in _prefix_forms(word)]


@lru_cache(maxsize=200_000)
def _prefix_forms(word: str) -> tuple[tuple[str, str, str], ...]:
    out = []
    for p in _PREFIXES:
        if word.startswith(p) and _base_ok(p, word[len(p) :]):
            out.append((word, word[len(p) :], ""))
    for p, q in _PAIRED_PREFIXES:
        if word.startswith(p) and len(word) > len(p) + 3:
            out.append((word, word[len(p) :], q + word[len(p) :]))
    return tuple(out)


def _antonym(query: Polarity, candidate: Polarity) -> str:
    """A word of one text that the other says with a negating prefix ("effective" /
    "ineffective", "overpaid" / "underpaid"), neither text having both."""
    if not query.prefixed and not candidate.prefixed:
        return ""
    ours, theirs = set(query.others), set(candidate.others)
    for one, mine, other in ((query, ours, theirs), (candidate, theirs, ours)):
        for word, base, paired in one.prefixed:
            if word in other:
                continue
            if paired and paired in other and paired not in mine:
                return f"direction differs: {word} vs {paired}"
            if not paired and base in other and base not in mine:
                return f"negation differs: {base} vs {word}"
    return ""
