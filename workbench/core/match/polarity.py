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

from .tokens import STOP, stem

_AXES: dict[str, tuple[str, str]] = {
    "amount": (
        """rise rises rose risen rising increase increased increases increasing grew grow
        grows growing higher highest more gained doubled tripled soar soared soaring jump
        jumped jumps surge surged boost boosted boosts raise raised raises raising expand
        expanded expands hike hiked hikes hiking created creates create added up above
        gains high costlier gain growth expansion expanding larger largest bigger biggest
        greater greatest longer longest faster fastest climb climbs climbed climbing
        skyrocket skyrocketed skyrocketing spike spiked spikes""",
        """fall falls fell fallen falling decrease decreased decreases decreasing decline
        declined declines declining drop dropped drops dropping lower lowest lowered less
        fewer fewest least down cut cuts cutting reduce reduced reduces reducing shrink
        shrank shrunk shrinking lose lost loses losing plunge plunged slash slashed slashes
        halved eliminated eliminate eliminates below losses loss low cheaper cheapest
        smaller smallest shorter shortest slower slowest plummet plummeted plummeting
        tumble tumbled sank sink sinking dip dipped dipping slump slumped contraction
        remove removes removed removing""",
    ),
    "quality": (
        """best better improved improve improves improving strongest stronger strengthen
        strengthens strengthened help helps helped helping safe safer safest""",
        """worst worse worsened worsen worsens worsening weakest weaker weaken weakens
        weakened hurt hurts hurting harm harms harmed dangerous unsafe""",
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
    "begin": ("start starts started began begun launched", "ended ends halted stopped"),
    "verdict": ("guilty convicted", "innocent acquitted exonerated"),
    "life": ("alive survived survives", "dead died dies"),
    "include": ("include includes included", "exclude excludes excluded"),
}
_WAYS: dict[str, list[tuple[str, int]]] = {}
for _axis, (_up, _down) in _AXES.items():
    for _words, _way in ((_up, 1), (_down, -1)):
        for _w in _words.split():
            _WAYS.setdefault(_w, []).append((_axis, _way))
DIRECTION_WORDS = frozenset(w for w in _WAYS if "_" not in w)
"""Every word that goes one way on an axis ("rose", "banned", "opposes")."""
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
_AS_NOT = re.compile(r"\b(?:fail(?:s|ed)? to|refus(?:e|es|ed) to)\b")
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
    _plain: set[str] | None = None

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
    if "fail" in low or "refus" in low:
        low = _AS_NOT.sub(" not ", low)
    if "rather" in low or "instead" in low:
        low = _AS_WITHOUT.sub(" without ", low)
    if " from " in low:
        low = _KEPT_FROM.sub(r"\1\2 not", low)
    out: list[str] = []
    for tok in _TOKEN.findall(low):
        tok = "#" if tok[0].isdigit() else tok.replace("'", "")
        if out and out[-1] == "non":  # "non-violent" is one word, no negation
            out[-1] += tok
            continue
        if tok in ("for", "against", "with") and out and out[-1].startswith("vot"):
            out[-1] += "_" + tok
            continue
        out.append(tok)
    return out


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
    used: set[int] = set()
    anchored: set[int] = set()
    for i, kind in enumerate(kinds):
        if kind != "verbal":
            continue
        for j in range(i + 1, min(i + 3 + _WINDOW, len(toks))):
            if toks[j] not in STOP and toks[j] not in _SKIP and not kinds[j] and toks[j] != "#":
                anchored.add(j)
                break
    for i, tok in enumerate(toks):
        if tok in ("up", "down") and (i == 0 or toks[i - 1] not in _BE_GO | {"not"}):
            continue
        if tok in ("high", "low") and i + 1 < len(toks) and toks[i + 1] in _NOT_LEVEL:
            continue
        ways = _WAYS.get(tok, ())
        if tok == "most" and i > 0 and toks[i - 1] == "the":
            ways = [("amount", 1)]  # "the most" (not "most people")
        elif tok in _FLAT:
            ways = [("amount", 0)]
        elif tok in ("more", "less", "fewer") and toks[i + 1 : i + 2] == ["than"]:
            if toks[i + 2 : i + 3] and toks[i + 2] in _COUNT:
                ways = [("bound", 1 if tok == "more" else -1)]  # "more than 2 million"
        for axis, way in ways:
            shown = tok.replace("_", " ")
            neg = _turned_by(toks, kinds, i)
            if neg is not None:
                used.add(neg)
                way, shown = -way, "not " + shown
            else:
                out.plain_ways.add((axis, way))
            out.ways.setdefault(axis, []).append(way)
            out.words.setdefault((axis, way), shown)
        if kinds[i] or tok in STOP or len(tok) < 3:
            continue
        if i in anchored:
            out.negated.add(stem(tok))
        else:
            out.others.append(tok)
    out.sure = all(i in used for i, k in enumerate(kinds) if k)
    return out


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
    for axis, ours in query.ways.items() if query.sure and candidate.sure else ():
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
    for one, other in ((query, candidate), (candidate, query)):
        # what one negates and the other states plainly, when the other negates no noun
        # phrase and nothing that one does not negate too
        if one.negated and not other.determiner and other.negated <= one.negated:
            flipped = sorted((one.negated - one.plain - other.negated) & other.plain)
            if flipped:
                return f"negation differs: not {flipped[0]}"
    return ""
