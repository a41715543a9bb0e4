"""Short human labels for claims, built from the dependency parse.

The label is the checkable number (or date, or name) plus what it is about:
"more than 100,000 people hit the streets", "$1.5 billion loan",
"1994 security agreement", "Lukashenko maintained grip on power for the past 26 years".
Works on spaCy Token/Span objects; imported only by extraction.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .lexicon import AMOUNT_ENTS, QUALIFIER_PHRASES, SCALE_SUFFIXES

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

MAX_WORDS = 14
_NOUN_MODS = {"compound", "amod", "nummod", "nmod", "quantmod", "poss", "npadvmod"}
_DROP_DEPS = {"det", "punct", "cc", "relcl", "acl", "appos", "advcl", "mark", "case"}
_KEEP_DETS = {"no", "all", "every", "each", "both", "neither", "any"}
_VERB_KEEP = {"aux", "auxpass", "neg", "prt"}
_SIGN_SPACE = re.compile(r"([$€£¥₹₽]) (?=\d)")
_SPACES = re.compile(r"\s+")
_LEADING_DET = re.compile(r"^(?:the|a|an|his|her|its|their|our|my|your)\s+", re.IGNORECASE)
_PRON_SUBJECTS = {"it", "this", "that", "which", "who", "there"}


_NP_PREPS = frozenset({"of", "on", "in", "for", "to", "against", "with"})
_SUBJECT_PREPS = _NP_PREPS | {"from"}
"""Prepositions whose phrase a subject keeps in a changed amount's label ("exports
from the Netherlands fell 4%")."""
_FACT_PREPS = frozenset(
    {"from", "to", "in", "on", "at", "against", "among", "for", "over", "since", "between",
     "compared", "versus", "than", "across", "within", "after", "under", "with", "of", "into"}
)
"""Prepositions whose phrase after a changed amount belongs to the fact ("shrank 4.2%
from the Netherlands", "rose 5% among young voters")."""


def _np_tokens(
    noun: Token, with_pp: bool = True, depth: int = 0, preps: frozenset[str] = _NP_PREPS
) -> list[Token]:
    """A compact noun phrase: modifiers + noun (+ a short 'of'/'on'/'in' phrase)."""
    toks: list[Token] = []
    for child in noun.lefts:
        if child.dep_ in _NOUN_MODS or child.dep_ == "det":
            toks.extend(t for t in child.subtree if t.dep_ != "punct" or t.text in "-–")
    toks.append(noun)
    if with_pp and depth < 1:
        for child in noun.rights:
            if child.dep_ == "prep" and child.lower_ in preps:
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    toks.append(child)
                    toks.extend(_np_tokens(objs[0], with_pp=True, depth=depth + 1))
                break
    return toks


_STATE_PREPS = frozenset({"without", "into", "to", "from", "for"})
"""Phrases after a counted object that say what happened to it ("left 80,000 homes without
power", "moved 300 patients to other hospitals", "evacuated 2,000 people from the area")."""


def _fact_phrases(
    verb: Token, after: int, most: int = 2, preps: frozenset[str] = _FACT_PREPS
) -> list[Token]:
    """The verb's prepositional phrases that follow the amount at token ``after`` with
    nothing between (at most ``most``): "shrank 4.2% from the Netherlands", "rose 5% to
    $2 billion", "rose 5% among young voters" - where, from what, among whom."""
    toks: list[Token] = []
    taken = 0
    for child in verb.rights:
        if child.i < after:
            continue
        if child.i != after or child.dep_ != "prep" or child.lower_ not in preps:
            break
        objs = [c for c in child.children if c.dep_ == "pobj"]
        if not objs:
            break
        toks += [child, *_np_tokens(objs[0], with_pp=False)]
        conjs = [c for c in objs[0].rights if c.dep_ == "conj" and not _amount(c)]
        for c in objs[0].rights if conjs else ():  # "between 2010 and 2020", "in X and Y"
            if c.dep_ == "conj" and _amount(c):
                break
            if c.dep_ in ("cc", "conj"):
                toks += [c] if c.dep_ == "cc" else _np_tokens(c, with_pp=False)
        if any(c.dep_ == "conj" and _amount(c) for c in objs[0].rights):
            break  # "puts €40m into housing and €15m into parks": the rest is the next amount's
        after = max(t.i for t in child.subtree) + 1
        taken += 1
        if taken == most:
            break
    return toks


_CHANGE_WORDS = frozenset({"up", "down", "higher", "lower"})


def _amount(tok: Token) -> bool:
    """A token of an amount entity ("€15m", "300,000") or a number of none (not a year of
    "between 2010 and 2020")."""
    return tok.ent_type_ in AMOUNT_ENTS or (tok.like_num and not tok.ent_type_)


def _second_amount_verb(ent: Span) -> Token | None:
    """The verb of which the amount is a second object, after a first amount and its
    phrase: "spend $1.2bn on schools and $300m on libraries" (the parser hangs "$300m"
    on the verb), "puts €40m into housing and €15m into parks" (on "housing"), "set
    aside £20m for roads, £8m for bus lanes"; None when it is not one."""
    root = ent.root
    doc = ent.doc
    verb = root.head
    if root.dep_ in ("conj", "appos") and verb.dep_ == "pobj" and verb.head.dep_ == "prep":
        verb = verb.head.head  # the parser's "housing and €15m"
    elif root.dep_ not in ("npadvmod", "conj"):
        return None
    if not _is_verb(verb):
        return None
    first = next((c for c in verb.children if c.dep_ == "dobj" and c.i < ent.start), None)
    if first is None or not (
        _amount(first) or any(_amount(t) for t in first.lefts)
    ):
        return None
    between = doc[first.i : ent.start]
    if not any(t.dep_ == "cc" or t.text == "," for t in between):
        return None
    return verb


def _first_conjunct(tok: Token) -> Token:
    """The first of a row of coordinated words ("2,000 workers and $50 million")."""
    while tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head
    return tok


def _changed_to(verb: Token, change: Token) -> list[Token]:
    """ "rose to 4.8% in the three months to September, up from 4.3%": the verb's phrases
    between it and the change word (the new level and its time), and the comma."""
    toks: list[Token] = []
    for child in verb.rights:
        if child.i >= change.i:
            break
        if child.dep_ in ("prep", "npadvmod"):
            toks.extend(t for t in child.subtree if t.dep_ != "punct" or t.text == "%")
    doc = verb.doc
    if toks and doc[change.i - 1].text == ",":
        toks.append(doc[change.i - 1])
    return toks


def _change_word(tok: Token) -> bool:
    """A word an amount can measure a change or a difference by: "up 30%", "40% higher",
    "5% fewer", "48% below"."""
    return tok.lower_ in _CHANGE_WORDS | {"above", "below"} or tok.tag_ in ("JJR", "RBR")


def _change_label(ent: Span, change: Token) -> str:
    """ "Revenue rose to 14.2 billion zlotys, up 30% from 2023", "city spent $4.2m, up 30%
    from last year", "Hospital admissions were 40% higher than in the same week of 2023":
    who or what changed (the clause's subject, verb and, for a change set after a comma,
    the verb's object or first phrase: the amount that changed), then the change phrase
    up to a comma inside it. Empty when no verb holds the change."""
    doc = ent.doc
    stop = next((t.i for t in doc[ent.end : change.right_edge.i + 1] if t.text in ",;"), None)
    phrase = [
        t
        for t in change.subtree
        if (stop is None or t.i < stop) and (not t.is_punct or t.text == "%")
    ]
    verb = next((a for a in change.ancestors if _is_verb(a)), None)
    if verb is None:
        return ""
    first = change.left_edge.i
    who = _subject(verb) + _verb_core(verb)
    if first > verb.i and first > 0 and doc[first - 1].text == ",":
        inside = {t.i for t in change.subtree} | {t.i for t in ent}
        what = _render(who + _verb_object(verb, inside))
        return f"{what}, {_render(phrase, keep_det=True)}" if what else ""
    return _render(who + phrase, ent)


def _is_verb(tok: Token) -> bool:
    """A verb, or a clause head the tagger took for a noun ("the strike cost(NN)
    operators 250 million euros": a ccomp with its own subject)."""
    if tok.pos_ in ("VERB", "AUX"):
        return True
    return tok.dep_ in ("ccomp", "xcomp", "advcl", "conj", "ROOT") and any(
        c.dep_ in ("nsubj", "nsubjpass") for c in tok.children
    )


def _according_to_source(verb: Token, subj: Token) -> bool:
    """ "According to the statistics office CBS, exports shrank ...": the parser made the
    source the subject and the real subject its apposition."""
    return any(
        c.lower_ == "according" and c.i < subj.i and not any(
            t.is_punct for t in verb.doc[c.i : subj.i]
        )
        for c in verb.children
    )


_OF = frozenset({"of"})


def _bare(noun: Token) -> bool:
    """ "The number of rough sleepers", "the price of oil": a noun with nothing but an
    article before it says what it is only with its "of" phrase."""
    return all(c.dep_ == "det" for c in noun.lefts) and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in noun.rights
    )


def _subject(verb: Token) -> list[Token]:
    for child in verb.lefts:
        if child.dep_ in ("nsubj", "nsubjpass", "csubj"):
            appos = next((c for c in child.rights if c.dep_ == "appos"), None)
            if appos is not None and _according_to_source(verb, child):
                return _np_tokens(appos, with_pp=True)
            if child.pos_ == "PRON" or child.lower_ in _PRON_SUBJECTS:
                return []
            if child.ent_type_ in AMOUNT_ENTS and child.like_num:
                return [  # "One in three adults is obese, up from ...": the whole subject
                    t for t in child.subtree if t.dep_ not in ("punct", "relcl", "acl", "appos")
                    and not any(a.dep_ in ("relcl", "acl", "appos") and a.i != child.i
                                for a in t.ancestors if child.is_ancestor(a))
                ][:MAX_WORDS]
            if child.ent_type_ and child.ent_iob_ in ("B", "I"):
                return [
                    t for t in child.subtree if t.ent_type_ == child.ent_type_ and t.dep_ != "punct"
                ]
            return _np_tokens(child, with_pp=_bare(child), preps=_OF)
    # a conjoined or auxiliary verb inherits the subject of its head
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head)
    # "the fund, accounting for ...", "the price that was set": the noun the clause describes
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        return _np_tokens(verb.head, with_pp=False)
    return []


def _verb_core(verb: Token) -> list[Token]:
    toks = [c for c in verb.lefts if c.dep_ in _VERB_KEEP]
    toks.append(verb)
    toks.extend(c for c in verb.rights if c.dep_ in ("prt", "neg"))
    return toks


def _verb_object(verb: Token, exclude: set[int], prep_fallback: bool = True) -> list[Token]:
    """The verb's object or complement; else its first prepositional phrase."""
    for child in verb.rights:
        if child.i in exclude:
            continue
        if child.dep_ in ("dobj", "attr", "oprd", "dative"):
            return _np_tokens(child)
        if child.dep_ == "acomp":
            return [t for t in child.subtree if t.dep_ != "punct"][:6]
        if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX"):
            to = [c for c in child.lefts if c.dep_ == "aux"]
            return to + [child] + _verb_object(child, exclude, prep_fallback)
    for child in verb.rights if prep_fallback else ():
        if (
            child.dep_ == "prep"
            and child.i not in exclude
            and not any(t.i in exclude for t in child.subtree)
        ):
            objs = [
                c for c in child.children
                if c.dep_ == "pobj" or (c.dep_ == "pcomp" and c.pos_ in ("NOUN", "PROPN"))
            ]  # "comes from hydropower": a noun the parser took for a clause
            if objs:
                return [child, *_np_tokens(objs[0], with_pp=False)]
    return []


def _words(ordered: list[Token]) -> int:
    """Words, not tokens: "long-term" and "port's" are one word each."""
    return sum(
        1
        for k, tok in enumerate(ordered)
        if k == 0 or ordered[k - 1].whitespace_ or ordered[k - 1].i != tok.i - 1
    )


def _render(tokens: list[Token], ent: Span | None = None, keep_det: bool = False) -> str:
    seen: set[int] = set()
    ordered = []
    for tok in sorted(tokens, key=lambda t: t.i):
        if tok.i not in seen:
            seen.add(tok.i)
            ordered.append(tok)
    if ent is not None and _words(ordered) > MAX_WORDS:
        keep = {t.i for t in ent}
        ordered = [t for t in ordered if t.i in keep or abs(t.i - ent.root.i) <= MAX_WORDS // 2]
    parts: list[str] = []
    prev: Token | None = None
    for tok in ordered:
        if prev is not None and (tok.i != prev.i + 1 or prev.whitespace_):
            parts.append(" ")
        parts.append(tok.text)
        prev = tok
    text = "".join(parts)
    if prev is not None and prev.lower_.endswith(".") and prev.lower_[:-1] in SCALE_SUFFIXES:
        text = text[:-1]  # "for £40m." ending the sentence: the stop is not the amount's
    text = _SIGN_SPACE.sub(r"\1", text)
    text = _SPACES.sub(" ", text).strip(" ,;:-–—")
    return text if keep_det else _LEADING_DET.sub("", text)


def _with_ent(tokens: list[Token], ent: Span) -> list[Token]:
    return tokens + list(ent)


def _after_ent(tokens: list[Token], ent: Span, most: int = 4) -> list[Token]:
    """The subject's words after the number, at most ``most``, but never cut before the
    noun of its "of" phrase ("Half of the port's 30 largest customers", not "Half of the
    port's")."""
    after = sorted((t for t in tokens if t.i >= ent.end), key=lambda t: t.i)
    if len(after) <= most:
        return after
    noun = next(
        (t for t in after if t.dep_ == "pobj" and t.head.i == ent.end and t.head.lower_ == "of"),
        None,
    )
    if noun is None or noun.i - ent.end >= 2 * most:
        return after[:most]
    return [t for t in after if t.i <= noun.i]


_PARTICLES = frozenset({"out", "off", "up", "down", "away", "back", "in", "over"})
_CORE_DEPS = frozenset({"aux", "auxpass", "neg", "prt", "dobj", "dative", "attr", "acomp", "oprd"})


def clause_core(subj: Token, verb: Token, stop: int) -> str:
    """Who did what, without the clause's time and side phrases: the subject, the verb,
    its objects and the phrase right after it, before token ``stop`` ("about 5,000 farmers
    drove tractors", "Tens of thousands took to the streets")."""
    core = [t for t in subj.subtree if not t.is_punct] + [verb]
    after = verb.i + 1
    for c in verb.children:
        if not subj.i < c.i < stop:
            continue
        if (
            c.dep_ in _CORE_DEPS
            or (c.dep_ == "prep" and c.i == after)
            or (c.dep_ == "advmod" and c.i == verb.i + 1 and c.lower_ in _PARTICLES)
        ):  # "walked out", "went on strike"
            core.extend(t for t in c.subtree if not t.is_punct and t.i < stop)
            after = c.right_edge.i + 1 if c.dep_ != "prep" else -1  # one phrase at most
    ordered = sorted(core, key=lambda t: t.i)
    return "".join(
        t.text + (t.whitespace_ if k + 1 < len(ordered) and ordered[k + 1].i == t.i + 1 else " ")
        for k, t in enumerate(ordered)
    ).strip()


_BACK = frozenset({"them", "whom", "which", "those"})


def _share_phrase(ent: Span) -> str:
    """ "The storm left 80,000 homes without power, 30% of them in the capital": a share
    set after a comma with no verb of its own is a fact of its own, read to the end of its
    phrase with the pronoun as the noun it stands for ("30% of homes in the capital",
    "a quarter of arrests for drug offences"). Empty when the amount is not one."""
    doc = ent.doc
    sent = ent.sent
    if ent.start <= sent.start or doc[ent.start - 1].text != ",":
        return ""
    if ent.end + 1 >= sent.end or doc[ent.end].lower_ != "of":
        return ""
    pron = doc[ent.end + 1]
    if pron.lower_ not in _BACK:
        return ""
    stop = next((t.i for t in doc[ent.end : sent.end] if t.text in ",;:" or t.is_punct
                 and t.i == sent.end - 1), sent.end)
    rest = doc[ent.end + 2 : stop]
    if any(t.pos_ in ("VERB", "AUX") for t in rest):
        return ""  # "half of whom work in Germany": a clause, read as one
    from .kinds import _antecedent  # (kinds reads no labels)

    noun = _antecedent(ent)
    if noun is None:
        return ""
    name = [c for c in noun.lefts if c.dep_ in ("compound", "amod")] + [noun]
    words = [_render(list(ent), keep_det=True), "of", _render(name)]
    if len(rest) and rest[0].pos_ in ("NOUN", "PROPN", "ADJ", "NUM"):
        main = sent.root  # "40% of them children": of the patients, were children
        words.append("were" if main.tag_ in ("VBD", "VBN") else "are")
    if len(rest):
        words.append(_render(list(rest), keep_det=True))
    return " ".join(words)


_LEADING_WORDS = frozenset({"intj", "advmod", "quantmod", "punct"})


def label_for(ent: Span, kind: str) -> str:
    """Label a number/date/money/... entity with what it is about."""
    doc = ent.doc
    if (
        kind == "duration"
        and ent[-1].lower_ in ("earlier", "later", "sooner")
        and ent.end < len(doc)
        and doc[ent.end].lower_ == "than"
    ):  # "six months earlier than planned": what it is earlier than
        stop = next((t.i for t in doc[ent.end : ent.sent.end] if t.is_punct), ent.sent.end)
        than = doc[ent.end : min(stop, ent.end + 5)].text
        label = _label_for(ent, kind)
        return label if than in label else f"{label} {than}"
    return _label_for(ent, kind)


def _label_for(ent: Span, kind: str) -> str:
    lead = ent.root
    if lead.dep_ in _LEADING_WORDS and len(ent) > 1:
        # "Well over half of voters": the parser hung the qualifier on the verb; read the
        # amount from the word that carries it, the qualifier kept in front
        core = next(
            (k for k in range(ent.start + 1, ent.end)
             if ent.doc[ent.start:k].text.lower() in QUALIFIER_PHRASES
             and ent.doc[k].head.i not in range(k, ent.end)),
            None,
        )
        if core is not None:
            inner = ent.doc[core : ent.end]
            if inner.root.dep_ not in _LEADING_WORDS:
                label = label_for(inner, kind)
                for k in range(ent.start + 1, core + 1):  # the longest tail of it the label has
                    tail = ent.doc[k : ent.end].text
                    if tail in label:
                        return label.replace(tail, ent.text, 1)
                return label
    if kind == "percent":
        share = _share_phrase(ent)
        if share:
            return share
    first = ent.root.head
    if (
        kind in ("quantity", "money", "percent")
        and ent.root.dep_ == "conj"
        and first.like_num
        and first.i < ent.start
        and first.dep_ in ("nummod", "quantmod")
        and all(t.dep_ in ("cc", "punct", "quantmod") for t in ent.doc[first.i + 1 : ent.start])
    ):  # "between 40 and 50 firefighters tackled the blaze": the range's upper end reads as it
        return label_for(ent.doc[first.i : ent.end], kind)
    if ent.label_ == "DATE_RANGE" and ent.start > 0:
        opener = ent.doc[ent.start - 1]
        if opener.lower_ in ("from", "between") and opener.i >= ent.sent.start:
            ent = ent.doc[ent.start - 1 : ent.end]  # "fell from 2015 to 2020"
    root = ent.root
    if kind == "date" and root.dep_ == "conj" and 0 < ent.start - root.head.i <= 3:
        first = root.head  # "Data for May and June": "June" as "May and June", the pair
        if first.ent_type_ == "DATE" and all(t.dep_ in ("cc", "punct") for t in
                                             ent.doc[first.i + 1 : ent.start]):
            return label_for(ent.doc[first.i : ent.end], kind)
    head = root.head
    ent_ids = {t.i for t in ent}
    if kind == "quantity" and root.dep_ == "appos" and head.pos_ == "PROPN":
        name = [t for t in head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [head]
        return f"{_render(name)} is {ent.text.strip()} years old"  # "Adams, 52, said"
    # "for the first time": the clause says what happened for the first time
    if (
        kind == "ordinal"
        and head.lemma_.lower() in ("time", "ever")
        and head.dep_ == "pobj"
        and head.head.head.pos_ in ("VERB", "AUX")
    ):
        verb = head.head.head
        toks = _subject(verb) + _verb_core(verb) + _verb_object(verb, {head.i}, False)
        return _render(toks + [head.head] + [t for t in head.subtree if t.dep_ != "punct"], ent)
    # "Hundreds of farmers blocked roads on Monday, their third protest this month": a
    # rank of the clause's event, set after a comma, reads with the clause
    if (
        kind == "ordinal"
        and root.dep_ == "amod"
        and head.dep_ == "npadvmod"
        and head.head.pos_ in ("VERB", "AUX")
        and head.head.i < head.left_edge.i
        and head.left_edge.i > 0
        and ent.doc[head.left_edge.i - 1].text == ","
    ):
        verb = head.head
        subj = next((c for c in verb.lefts if c.dep_ in ("nsubj", "nsubjpass")), None)
        phrase = _render([t for t in head.subtree if not t.is_punct], keep_det=True)
        if subj is not None and subj.pos_ != "PRON":
            return _LEADING_DET.sub("", f"{clause_core(subj, verb, head.left_edge.i)}, {phrase}")
    # "Turnout was 67%, down five points on 2019": the counted noun measures a change
    if (
        kind in ("quantity", "money", "percent")
        and root.dep_ in ("nummod", "compound")
        and head.dep_ == "npadvmod"
        and _change_word(head.head)
    ):
        changed = _change_label(ent, head.head)
        if changed:
            return changed
    if head.lower_ == "worth" and head.head.pos_ == "NOUN" and head.i < ent.start:
        # "a deal worth $2bn", "signed a contract worth £40m": what is worth it
        noun = head.head
        phrase = [*_np_tokens(noun, with_pp=False), head, *ent]
        verb = next((a for a in noun.ancestors if _is_verb(a)), None)
        first = noun.left_edge.i
        after_comma = first > 0 and ent.doc[first - 1].text == ","
        if verb is not None and noun.dep_ == "appos" and after_comma:
            inside = {t.i for t in noun.subtree}
            what = _render(_subject(verb) + _verb_core(verb) + _verb_object(verb, inside))
            if what:
                return f"{what}, {_render(phrase, keep_det=True)}"
        if verb is not None and noun.dep_ in ("dobj", "attr", "nsubj", "nsubjpass"):
            side = _subject(verb) if noun.dep_ in ("dobj", "attr") else []
            return _render(side + _verb_core(verb) + phrase, ent)
        return _render(phrase, ent)
    if (
        root.dep_ == "nummod"
        and head.pos_ == "PROPN"
        and head.i < ent.start
        and _is_verb(head.head)
        and any(t.text in ("-", "–") for t in ent)
    ):  # "City beat United 3-1": the score after the side it was against
        name = [c for c in head.lefts if c.dep_ == "compound"] + [head]
        verb = head.head
        return _render(_subject(verb) + _verb_core(verb) + name + list(ent), ent)
    # "more than 100,000 people", "1994 security agreement", "first face-to-face meeting"
    if root.dep_ in _NOUN_MODS and head.pos_ in ("NOUN", "PROPN") and head.i not in ent_ids:
        toks = _with_ent(_np_tokens(head), ent)
        between = [
            t
            for t in ent.doc[min(ent.end, head.i) : max(ent.end, head.i)]
            if t.dep_ not in ("det", "punct")
        ]
        toks += between
        counted = kind in ("quantity", "money", "percent")
        of = head.head
        if (
            counted
            and head.dep_ == "pobj"
            and of.lower_ == "of"
            and of.head.pos_ == "NOUN"
            and of.i < ent.start
        ):  # "a global surplus of between 100,000 and 150,000 tonnes": what it measures
            toks += [*_np_tokens(of.head, with_pp=False), of]
            toks += [t for t in ent.doc[of.i + 1 : ent.start] if t.dep_ != "punct"]
            base = _first_conjunct(of.head)  # "The council bought a fleet of 40 buses"
        elif head.dep_ in ("nummod", "nmod") and head.head.pos_ == "NOUN" and head.head.i > head.i:
            toks += _np_tokens(head.head, with_pp=False)  # "are 12 times average earnings"
            base = _first_conjunct(head.head)
        else:
            base = _first_conjunct(head)  # "hired 300 engineers and 40 lawyers": as the first
        if counted and base.dep_ in ("nsubj", "nsubjpass") and base.head.pos_ in ("VERB", "AUX"):
            verb = base.head
            toks += _verb_core(verb) + _verb_object(verb, {base.i})
        elif counted and (
            (base.dep_ == "dobj" and base.head.pos_ == "VERB")
            or (base.dep_ == "attr" and _is_verb(base.head))
        ):  # "FEMA has sent 2,000 workers", "The death toll is now 40 people"
            toks += _subject(base.head) + _verb_core(base.head)
            if base.dep_ == "dobj":  # "left 80,000 homes without power": what befell them
                after = max(t.i for t in base.subtree) + 1
                toks += _fact_phrases(base.head, after, 1, preps=_STATE_PREPS)
        elif counted and base.dep_ == "npadvmod" and base.head.pos_ == "VERB" and any(
            c.dep_ in ("dobj", "dative") and c.i < base.i for c in base.head.children
        ):  # "docked it six points": the second object of a verb of two
            verb = base.head
            first = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i < base.i]
            toks += _subject(verb) + _verb_core(verb) + _np_tokens(first[0], with_pp=False)
        elif (
            counted
            and base.dep_ == "appos"
            and (base.head.like_num or base.head.ent_type_ in AMOUNT_ENTS)
            and ent.doc[base.left_edge.i - 1].text == ","
        ):  # "Visitor numbers hit 2 million, a 15% rise on 2022": the change of the amount
            verb = next((a for a in base.ancestors if _is_verb(a)), None)
            if verb is not None:
                inside = {t.i for t in base.subtree}
                what = _render(_subject(verb) + _verb_core(verb) + _verb_object(verb, inside))
                if what:
                    return f"{what}, {_render(toks, keep_det=True)}"
        elif (
            counted
            and base.dep_ == "pobj"
            and base.head.lower_ in ("by", "to", "from")
            and base.head.head.pos_ == "VERB"
            and base.head.i == ent.start - 1
        ):  # "Manufacturing employment fell by 1,000 jobs", "payrolls rising by 175,000 jobs",
            # "The RBI cut its key lending rate by 25 basis points"
            verb = base.head.head
            objs = [c for c in verb.children if c.dep_ in ("dobj", "attr") and c.i < base.i]
            toks += _subject(verb) + _verb_core(verb) + [base.head]
            toks += _np_tokens(objs[0], with_pp=False) if objs else []
        return _render(toks, ent)
    # "spend £600m on schools and £200m on libraries": a second amount the parser hung on
    # the verb beside its object reads with the verb and its own phrase, not the first
    second = _second_amount_verb(ent) if kind in ("quantity", "money", "percent") else None
    if second is not None:
        own = _np_tokens(root) if root.head.i == second.i else []
        toks = _subject(second) + _verb_core(second) + list(ent) + own
        nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
        objs = [c for c in nxt.children if c.dep_ == "pobj"] if nxt is not None else []
        if nxt is not None and nxt.dep_ == "prep" and nxt.head.i != second.i and objs:
            toks += [nxt, *_np_tokens(objs[0], with_pp=False)]  # "€12m into schools"
        return _render(toks + _fact_phrases(second, ent.end, 1), ent)
    # "FEMA has sent 2,000 workers and $50 million": an amount coordinated with the object
    # or subject is the verb's as much as the first one is
    if kind in ("quantity", "money", "percent") and root.dep_ == "conj":
        base = _first_conjunct(root)
        verb = base.head
        if base.dep_ in ("dobj", "attr", "oprd") and _is_verb(verb):
            own = _np_tokens(root) if any(
                c.dep_ == "prep" and c.lower_ == "of" for c in root.rights
            ) else []  # "cut 1,200 jobs, or 8% of its workforce": the share's own "of"
            return _render(_subject(verb) + _verb_core(verb) + list(ent) + own, ent)
        if base.dep_ in ("nsubj", "nsubjpass") and verb.pos_ in ("VERB", "AUX"):
            return _render(list(ent) + _verb_core(verb) + _verb_object(verb, {base.i}), ent)

    # "a loan of $1.5 billion" -> "$1.5 billion loan"; "election on August 9"
    if root.dep_ == "pobj" and head.dep_ == "prep":
        gov = head.head
        if gov.pos_ in ("NOUN", "PROPN"):
            if head.lower_ == "of" and kind in ("money", "quantity", "percent"):
                outer = gov.head  # "held its rate in a range of 4.25% to 4.50%": where
                if (
                    gov.dep_ == "pobj"
                    and outer.dep_ == "prep"
                    and outer.head.pos_ == "VERB"
                    and outer.i > outer.head.i
                ):
                    verb = outer.head
                    toks = _subject(verb) + _verb_core(verb)
                    toks += _verb_object(verb, {outer.i, *ent_ids}, False)
                    toks += [outer, *_np_tokens(gov, with_pp=False), head, *ent]
                    return _render(toks, ent)
                noun = [t for t in _np_tokens(gov, with_pp=False)]
                said = f"{_render(list(ent))} {_render(noun)}".strip()
                verb = gov.head
                if gov.dep_ in ("nsubj", "nsubjpass") and _is_verb(verb) and verb.i > gov.i:
                    rest = _verb_core(verb) + _verb_object(verb, {gov.i, *ent_ids})
                    return f"{said} {_render(rest)}"  # "£250,000 grant will pay for a new library"
                doc = ent.doc
                first = gov.left_edge.i
                if gov.dep_ == "appos" and first > 0 and doc[first - 1].text == ",":
                    # "Labour won 412 seats, a majority of 174": what the figure is of
                    verb = next((a for a in gov.ancestors if _is_verb(a)), None)
                    if verb is not None:
                        inside = {t.i for t in gov.subtree}
                        what = _render(
                            _subject(verb) + _verb_core(verb) + _verb_object(verb, inside)
                        )
                        phrase = _render([*noun, head, *ent], keep_det=True)
                        if what:
                            return f"{what}, {phrase}"
                return said
            return _render(_np_tokens(gov, with_pp=False) + [head] + list(ent), ent)
        counted = kind in ("quantity", "money", "percent")
        if (
            counted
            and gov.pos_ in ("VERB", "AUX")
            and head.i == ent.start - 1
            and head.i > gov.i
            and not any(c.dep_ in ("dobj", "attr", "dative") for c in gov.children)
        ):  # "rose to 4.8% in the three months to September": where, when, from what
            after = max(ent.end, root.right_edge.i + 1)  # "at 97.8% of GDP in 2027"
            own = _np_tokens(root) if root.i not in ent_ids or after > ent.end else []
            toks = _subject(gov) + _verb_core(gov) + [head, *ent, *own, *_fact_phrases(gov, after)]
            return _render(toks, ent)
        if gov.pos_ in ("VERB", "AUX"):
            toks = _subject(gov) + _verb_core(gov) + _verb_object(gov, ent_ids) + [head] + list(ent)
            return _render(toks, ent)
        if gov.pos_ in ("ADJ", "ADV") and gov.head.pos_ in ("VERB", "AUX"):
            verb = gov.head
            toks = _subject(verb) + _verb_core(verb) + [gov, head] + list(ent)
            if counted and gov.lower_ in _CHANGE_WORDS and gov.i > verb.i:
                toks += _changed_to(verb, gov)  # "rose to 4.8% ..., up from 4.3%"
                doc = ent.doc
                obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < gov.i), None)
                if obj is not None and gov.i > 0 and doc[gov.i - 1].text == ",":
                    # "reported a pre-tax profit of £1.2bn, up from £800m": what rose
                    what = _subject(verb) + _verb_core(verb) + _np_tokens(obj, with_pp=False)
                    return f"{_render(what)}, {_render([gov, head, *ent], keep_det=True)}"
            return _render(toks, ent)
    # "up 30% from last year", "12% more than in July 2019", "48% below 1990 levels":
    # the change reads as the change, with what changed
    if kind in ("quantity", "money", "percent") and root.dep_ == "npadvmod" and _change_word(head):
        changed = _change_label(ent, head)
        if changed:
            return changed
    # "Hundreds of people have been arrested", "the company lost $5 million"
    if root.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        own = _np_tokens(root)
        if root.pos_ == "ADJ":  # "Fewer than one in 10 complaints were upheld": the noun counted
            own = [t for t in root.subtree if t.i >= ent.end and not t.is_punct]
        toks = list(ent) + _after_ent(own, ent) + _verb_core(head) + _verb_object(head, ent_ids)
        return _render(toks, ent)
    if root.dep_ in ("dobj", "attr", "oprd") and _is_verb(head):
        toks = _subject(head) + _verb_core(head) + _np_tokens(root) + list(ent)
        if kind in ("quantity", "money", "percent"):
            toks += _fact_phrases(head, ent.end)  # "averaged 3% between 2010 and 2020"
        return _render(toks, ent)
    # "exports to Germany shrank 4.2% from the Netherlands": a changed amount, with the
    # phrases of its subject and of its verb that say what changed, where, from what
    counted = kind in ("quantity", "money", "percent")
    verb = head
    if root.dep_ == "npadvmod" and head.dep_ == "prep" and head.i == ent.end:
        verb = head.head  # "jumped 30% after the deal": the amount measures the phrase
    if counted and root.dep_ in ("npadvmod", "dobj", "advmod") and _is_verb(verb):
        subj = next((c for c in verb.lefts if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.pos_ in ("NOUN", "PROPN") and not (
            subj.ent_type_ and subj.ent_iob_ in ("B", "I")
        ) and not any(c.dep_ in ("dobj", "attr", "dative") for c in verb.rights):
            toks = (
                _np_tokens(subj, preps=_SUBJECT_PREPS)
                + _verb_core(verb)
                + list(ent)
                + _fact_phrases(verb, ent.end)
            )
            return _render(toks, ent)
    # fall back to the nearest verb: subject + verb + object + the entity
    near_verb = next((a for a in root.ancestors if _is_verb(a)), None)
    if near_verb is not None:
        link = [
            a
            for a in root.ancestors
            if a.i != near_verb.i
            and a.dep_ in ("prep", "mark", "advmod")
            and a.head.i == near_verb.i
        ]
        path = []  # "taking 850,000 euros in bribes between 2014 and 2019": the noun between;
        for a in root.ancestors:  # "have fallen for most of the past decade": the words between
            if a.i == near_verb.i or len(path) >= 3:
                break
            path.append(a)
        if link and 2 <= len(path) <= 3 and path[-1].i == link[0].i and (
            path[0].pos_ == "NOUN" or (len(path) == 3 and path[1].tag_ in ("JJS", "RBS", "JJ"))
        ):
            link.extend(path[:-1])
        doc = ent.doc
        opener = doc[ent.start - 1] if ent.start > 0 else None
        if opener is not None and opener.dep_ == "prep" and any(
            c.i in ent_ids for c in opener.children
        ):
            link.append(opener)  # "rose in the three months to September"
        toks = (
            _subject(near_verb)
            + _verb_core(near_verb)
            + _verb_object(near_verb, ent_ids, False)
            + link
            + list(ent)
        )
        return _render(toks, ent)
    return _render(list(ent))


def noun_phrase_label(noun: Token) -> str:
    """Label of an event-like noun phrase ("the Minsk agreements")."""
    return _render(_np_tokens(noun))
