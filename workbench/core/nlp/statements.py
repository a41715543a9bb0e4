"""Statement claims: checkable factual assertions read from the clause structure.

A sentence is cut into clauses (its main verb, coordinated verbs with their own
subject, clauses reported by a verb of saying or "according to"). A clause makes a
statement claim when it asserts something a fact-checker could check: an event that
did or did not happen, an action or decision of a named actor, a state of affairs,
a cause, a rule, a comparison, a record or superlative, a vague quantity. It makes
none when it is a question, an order, hedged ("could", "might", "perhaps", "if"),
an opinion ("I think", "a shameful decision") or colour (no actor, no name, no
measure). A clause whose core is already a number claim makes no statement (the
number claim is that fact); a date that is only the time of the event goes into the
statement's ``value["when"]`` instead of being a claim of its own.

Claim types follow Full Fact's typology (Konstantinovskiy et al., DTRAP 2021):
quantity, correlation/causation, laws/rules, prediction, personal experience, other.
Works on the spaCy parse; imported only by extraction.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .appeals import appeal
from .claim_cues import (
    amount_change,
    breaks_rule,
    caused_effect,
    counts_only,
    has_to_do_with,
    imposed_rule,
    life_span,
    moved_by,
    own_experience,
    past_event,
    share_subject,
    stated_cause,
    stated_plan,
    to_a_place,
)
from .discourse import (
    about_the_text,
    denied_rank,
    newsroom_plan,
    pointer,
    unanswered,
    unelaborated,
    unknown_state,
)
from .doc_cache import doc_text, entity_at
from .ellipsis import elliptical, pronouns_only, understated
from .kinds import earliest_ones, law_name
from .labels import _render
from .lexicon import (
    JUDGEMENT_ADJECTIVES,
    JUDGEMENT_ADVERBS,
    JUDGEMENT_NOUNS,
    MORE_FEELING_VERBS,
    MORE_FEELINGS,
    PEOPLE_NOUNS,
)
from .nonclaims import colour, is_question
from .records import _unmeasured, has_record, opinion_predicate
from .scenes import attire, gesture, manner_absolute, sensed, silence, watched_act, weather
from .speech import (
    NAMING_VERBS,
    PREDICTION_VERBS,
    REPORTING_VERBS,
    Report,
    open_question,
    verb_in,
)
from .voices import about_unnamed_voice

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

CLAIM_TYPES = (
    "quantity",
    "correlation/causation",
    "laws/rules",
    "prediction",
    "personal experience",
    "other",
)
"""Full Fact's claim types (Konstantinovskiy et al. 2021), the values of ``Claim.claim_type``."""
NAME_TYPES = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "EVENT", "LAW", "PRODUCT"})
NUMBER_KINDS = frozenset({"quantity", "money", "percent"})
"""Kinds whose claim is the clause's fact when they are its argument (a duration is
only how long: "has risen for a third straight month" is still a statement)."""

HEDGE_MODALS = frozenset({"could", "might", "may", "should", "ought", "can", "must", "would"})
_RULE_MODALS = frozenset({"must", "may", "can", "cannot", "shall"})
HEDGE_WORDS = frozenset(
    """perhaps maybe possibly probably presumably seemingly apparently arguably
    supposedly hopefully""".split()
)
OPINION_VERBS = frozenset(
    """think believe feel hope wish want like love hate guess suppose deserve prefer
    imagine doubt wonder reckon bet wager""".split()
)
SPECULATION_VERBS = frozenset({"seem", "appear"})
PERCEPTION_VERBS = frozenset({"see", "regard", "view", "consider", "deem", "perceive"})
COPULAS = frozenset({"be", "seem", "look", "sound", "become", "remain", "feel"})
VAGUE_QUANTITY = frozenset(
    """most all many few several hundreds thousands dozens millions billions tens scores
    majority minority half third quarter handful bulk numerous countless none
    nearly almost""".split()
)
_VAGUE_HEADS = frozenset(
    "hundreds thousands dozens millions billions tens scores majority minority half "
    "third quarter handful bulk most".split()
)
TIME_NOUNS = frozenset(
    "week month year night day time season term decade century quarter weekend hour".split()
)
MANNER_NOUNS = frozenset({"way", "respect", "sense", "regard", "degree", "extent"})
NEGATIONS = frozenset({"not", "n't", "never", "no", "none", "nobody", "nothing", "neither", "nor"})
CAUSAL_WORDS = frozenset(
    """because cause lead result trigger prompt spark fuel blame contribute link due owing
    thanks consequence associate attribute responsible""".split()
)
CAUSAL_MARKS = frozenset({"because", "since", "as"})
QUANTITY_VERBS = frozenset(
    """rise fall increase decrease grow drop climb surge plunge double triple halve shrink
    soar slump decline jump exceed outnumber""".split()
)
ACTOR_NOUNS = frozenset(
    """police court government ministry minister president premier chancellor official
    officials company firm bank board council committee parliament senate congress
    assembly party army military troops forces soldier prosecutor prosecutors judge jury
    regulator authority authorities agency union university hospital school club team
    study report survey researcher researchers scientist scientists investigator
    investigators mayor governor senator lawmaker lawmakers mp mps voters administration
    cabinet commission tribunal lender insurer airline operator coalition opposition
    rebels militants protesters group leader chief executive spokesman spokeswoman
    spokesperson department office service regime state states country countries nation
    city county region province watchdog inspector inspectors coroner manufacturer
    producer retailer supplier developer owner owners landlord landlords employer
    employers workers staff doctors nurses teachers students patients residents""".split()
)
ACTION_VERBS = frozenset(
    """arrest charge detain release free jail imprison convict acquit sentence fine sue
    approve reject refuse decline veto pass block ban sign ratify vote elect appoint
    nominate resign quit fire dismiss sack hire kill die injure wound attack strike bomb
    shell invade occupy seize capture cross withdraw retreat deploy evacuate cancel
    suspend close shut open launch announce introduce publish confirm deny admit agree
    sign meet visit win lose beat defeat raise cut lower increase reduce spend invest
    buy sell acquire merge sack build demolish destroy damage collapse crash explode
    sink flood burn erupt discover find record report recall order award grant pay
    owe borrow lend default bankrupt file plead testify investigate probe raid search
    expel deport extradite flee escape kidnap abduct torture execute join leave found
    establish create break set overturn uphold dismiss challenge appeal join congratulate
    threaten offer receive accept force drive take""".split()
)


STRONG_ACTIONS = frozenset(
    """arrest charge detain jail imprison convict acquit sentence fine sue approve reject veto
    ban ratify vote elect appoint nominate resign dismiss sack kill injure wound attack
    bomb shell invade occupy seize capture evacuate cancel suspend deport extradite expel
    kidnap abduct torture execute overturn uphold raid investigate testify plead default
    rescue hospitalise hospitalize accuse allege""".split()
)
"""Actions checkable whoever the subject is ("those detained have been charged")."""


@dataclass
class Statement:
    """A statement claim, with doc offsets; ``folds`` are the (start, end) of number,
    date and short-quote drafts this claim absorbs (they are not claims of their own)."""

    start: int
    end: int
    label: str
    value: dict[str, Any]
    claim_type: str
    speaker: str | None
    folds: list[tuple[int, int]] = field(default_factory=list)
    silent: bool = False  # not a claim; only its folds apply (a newsroom line's weekday)
    weak: bool = False  # nothing but a name or an actor to check: the factual gate may drop it


@dataclass(frozen=True)
class Covered:
    """A claim already found in the sentence: kind and doc char offsets."""

    kind: str
    start: int
    end: int
    value: dict[str, Any] | None = None
    speaker: str | None = None


# ----------------------------------------------------------------- clause structure


def _own_subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "expl", "csubj", "csubjpass"):
            return child
    return None


def subject_of(verb: Token) -> Token | None:
    """The subject, inherited from the head for conjoined or infinitive verbs."""
    subj = _own_subject(verb)
    if subj is not None:
        return subj
    if verb.dep_ in ("conj", "xcomp") and verb.head.pos_ in ("VERB", "AUX") and verb.head != verb:
        return subject_of(verb.head)
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return verb.head
    if _participle_clause(verb) and verb.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head)  # "Storm Ciarán hit Cornwall, cutting power to ..."
    return None


def _is_clause_verb(tok: Token) -> bool:
    """A verb, or a word the tagger mistook for one ("A third of voters back the plan")."""
    return tok.pos_ in ("VERB", "AUX") or any(
        c.dep_ in ("cop", "nsubj", "nsubjpass") for c in tok.children
    )


_CLAUSE_DEPS = frozenset({"ROOT", "conj", "advcl", "relcl", "ccomp", "acl"})
"""The relations a clause head other than a reported clause can have (``clause_heads``)."""


def clause_heads(sent: Span, reported: Iterable[int]) -> list[Token]:
    """Heads of the clauses that may assert something: the root, coordinated verbs
    with their own subject, and reported clauses."""
    reported = set(reported)
    heads: list[Token] = []
    for tok in sent:
        if tok.i in reported:
            heads.append(tok)
        elif tok.dep_ not in _CLAUSE_DEPS:
            continue  # every test below needs one of these relations
        elif tok.dep_ == "ROOT" and _is_clause_verb(tok):
            heads.append(tok)
        elif (
            tok.dep_ == "conj"
            and tok.pos_ in ("VERB", "AUX")
            and _own_subject(tok) is not None
            and (tok.head in heads)
        ):
            heads.append(tok)
        elif (
            _side_event(tok) or _named_relative(tok) or _aside_relative(tok) or _event_relative(tok)
        ):
            heads.append(tok)
        elif tok.head in heads and (_shared_subject_conj(tok) or _participle_clause(tok)):
            heads.append(tok)
        elif (
            tok.dep_ == "ccomp"
            and tok.pos_ in ("VERB", "AUX")
            and tok.head.lemma_.lower() in ENTAILING
            and tok.head in heads
        ):
            heads.append(tok)  # "The closure means the town will lose its last furnace"
        elif tok.head in heads and _fact_complement(tok):
            heads.append(tok)  # "The problem is that the council has not paid ..."
        elif (
            tok.head.dep_ == "ROOT"
            and tok.head.pos_ in ("NOUN", "PROPN", "ADJ")
            and not _is_clause_verb(tok.head)
            and (
                (tok.dep_ == "ccomp" and tok.pos_ in ("VERB", "AUX") and _own_subject(tok))
                or (tok.dep_ == "acl" and _misparsed_main_verb(tok))
            )
        ):
            # a misparse: "Local iwi [ROOT] Te Aupōuri held a karakia", "The United States
            # [ROOT], which brokered ..., called [acl] on Kigali to withdraw ..."
            heads.append(tok)
    return heads


def _misparsed_main_verb(tok: Token) -> bool:
    """A finite verb the parser hung on the subject noun as a modifier, after an aside
    set off by commas ("The United States, which ..., called on Kigali to ...")."""
    return (
        tok.tag_ in ("VBD", "VBZ")
        or tok.tag_ == "VBN"
        and _after_comma(tok)
        and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)
        and any(c.dep_ in ("xcomp", "dobj") for c in tok.children)
        and any(c.dep_ == "relcl" for c in tok.head.children)
    )


ENTAILING = frozenset({"mean"})
"""Verbs whose clause is the fact they frame ("the closure means the town will lose ...")."""

_LIGHT_PREDICATES = frozenset({"be", "come", "mean", "follow", "happen"})
"""Verbs that say nothing of their own when all they hold is a clause ("The decision comes
as ...", "The problem is that ...", "The freeze means ...")."""


def _fact_complement(tok: Token) -> bool:
    """ "The problem is that the council has not paid ...", "The reason is that the plant
    was closed": the "that" clause of a bare "be" (no attribute or complement of its own)
    is the assertion when it tells what happened (past or perfect); "The fear is that the
    virus will spread", "The hope is that talks resume" tell a view, no fact."""
    be = tok.head
    if tok.dep_ != "ccomp" or tok.i < be.i or be.lemma_.lower() != "be":
        return False
    if any(c.dep_ in ("attr", "acomp", "oprd") for c in be.children):
        return False
    if not any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children):
        return False
    aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" or a.lower_ == "to" for a in aux):
        return False  # "will spread", "could close": a prediction or a possibility
    return tok.tag_ == "VBD" or (tok.tag_ == "VBN" and any(a.lower_ in _PAST_AUX for a in aux))


def empty_predicate(head: Token, tokens: list[Token]) -> bool:
    """Is the clause a light verb with nothing but its subject ("The decision comes" of
    "The decision comes as the government faces ...", "The problem is" of "The problem
    is that ...")? Its clausal complement or side clause is the assertion, if any."""
    if head.lemma_.lower() not in _LIGHT_PREDICATES:
        return False
    kept = {t.i for t in tokens}
    if any(c.dep_ in _ARGUMENTS and c.i in kept for c in head.children):
        return False
    return any(
        c.dep_ in ("ccomp", "advcl") and c.pos_ in ("VERB", "AUX") and c.i > head.i
        for c in head.children
    )


_ARGUMENTS = frozenset(
    {"dobj", "prep", "attr", "acomp", "oprd", "xcomp", "ccomp", "agent", "dative", "prt"}
)


def _shared_subject_conj(tok: Token) -> bool:
    """ "has closed schools in 12 towns and suspended train services": a second verb
    sharing the subject is a second fact, a clause of its own (one fact, one claim)."""
    return (
        tok.dep_ == "conj"
        and tok.pos_ in ("VERB", "AUX")
        and _own_subject(tok) is None
        and tok.head.pos_ in ("VERB", "AUX")
        and any(c.dep_ in _ARGUMENTS for c in tok.children)
        and not any(
            c.dep_ in ("cc", "preconj") and c.lower_ in _ALTERNATIVES for c in tok.head.children
        )
    )


_ALTERNATIVES = frozenset({"or", "nor", "either", "neither"})
"""'have either been detained or forced to leave': one fact with two ways to be true."""


def _after_comma(tok: Token) -> bool:
    left = tok.left_edge.i
    return left > tok.sent.start and tok.doc[left - 1].text == ","


def _participle_clause(tok: Token) -> bool:
    """ "..., blaming high energy prices", "..., burying most of its houses": a trailing
    participle states what the subject did or what followed, a fact of its own. A verb
    of saying ("..., saying the alert had been sent") is only the frame of its clause."""
    return (
        tok.dep_ == "advcl"
        and tok.tag_ == "VBG"
        and tok.i > tok.head.i
        and _own_subject(tok) is None
        and not any(c.dep_ in ("mark", "aux") for c in tok.children)
        and _after_comma(tok)
        and not verb_in(tok, REPORTING_VERBS)
        and any(c.dep_ in _ARGUMENTS for c in tok.children)
    )


def _event_relative(tok: Token) -> bool:
    """ "A Bristol landlord that changed the locks on tenants has been ordered to pay",
    "The man who was arrested on Monday": a relative clause on a subject that tells what
    the subject did or underwent (past tense) is a fact, though it says which one is meant
    ("Passengers whose trains were cancelled are entitled ...", a condition, is not)."""
    if tok.dep_ != "relcl" or tok.pos_ != "VERB":
        return False
    subj = _own_subject(tok)
    if subj is None or subj.lower_ not in ("who", "that", "which"):
        return False
    if tok.head.dep_ not in ("nsubj", "nsubjpass"):
        return False
    aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    return tok.tag_ == "VBD" or (tok.tag_ == "VBN" and bool(aux & _PAST_AUX))


_PAST_AUX = frozenset({"has", "have", "had", "was", "were"})


def _aside_relative(tok: Token) -> bool:
    """ "The regional government, which declared a red alert on Sunday, ...", "the pay
    rise, which the unions had rejected": a relative clause set off by a comma adds a
    fact about its noun (a restrictive one only says which noun is meant)."""
    return (
        tok.dep_ == "relcl"
        and tok.pos_ in ("VERB", "AUX")
        and _after_comma(tok)
        and any(t.lower_ in _RELATIVES for t in tok.subtree if t.i < tok.i)
    )


_EVENT_MARKS = frozenset("after before when although though whereas as while".split())


def _side_event(tok: Token) -> bool:
    """ "... after the report was published", "Although the firm denied wrongdoing, ...":
    a subordinate clause with its own subject states an event of its own."""
    if tok.dep_ != "advcl" or tok.pos_ not in ("VERB", "AUX") or _own_subject(tok) is None:
        return False
    marks = [c.lower_ for c in tok.children if c.dep_ == "mark"]
    if not marks or marks[0] not in _EVENT_MARKS:
        return False  # (inside reported speech it is part of what the speaker said)
    if marks[0] in ("although", "though", "whereas"):
        return True
    if marks[0] in ("as", "while") and tok.i < tok.head.i:
        return False  # "As prices rose, ...", "While in office, ...": a frame, not news
    subj = _own_subject(tok)
    return (
        any(t.ent_type_ in NAME_TYPES for t in tok.subtree)
        or verb_in(tok, STRONG_ACTIONS)
        or (subj is not None and _agent_noun(subj))
    )


_DOCUMENTS = frozenset({"study", "report", "survey"})


def _agent_noun(tok: Token) -> bool:
    """An actor who can do something ("rail workers walked out"), not a document."""
    low, lemma = tok.lower_, tok.lemma_.lower()
    return (low in ACTOR_NOUNS or lemma in ACTOR_NOUNS) and lemma not in _DOCUMENTS


def _named_relative(tok: Token) -> bool:
    """ "Keller, who denies the charges, ...": a relative clause on a named person or body."""
    if tok.dep_ != "relcl" or tok.pos_ not in ("VERB", "AUX"):
        return False
    noun = tok.head
    subj = _own_subject(tok)
    return (
        subj is not None
        and subj.lower_ in ("who", "which")
        and (noun.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or noun.pos_ == "PROPN")
    )


_RELATIVES = frozenset({"who", "which", "that", "whom", "whose"})
_PLACES = frozenset({"GPE", "LOC", "FAC"})


def antecedent(rel: Token) -> Token:
    """What a relative clause is about: its noun, or for "who" the person the parser
    hung it past ("businessmen from Belarus, who were accused": the businessmen)."""
    noun = rel.head
    subj = _own_subject(rel)
    if subj is not None and subj.lower_ == "who":
        while (
            _place(noun)
            and noun.dep_ == "pobj"
            and noun.head.dep_ == "prep"
            and noun.head.head.pos_ in ("NOUN", "PROPN")
        ):
            noun = noun.head.head
    return noun


_PLACE_PREPOSITIONS = frozenset({"from", "in", "to", "at", "near", "outside", "across", "of"})


def _place(noun: Token) -> bool:
    """A place, by its entity type or, since the small models often type a town as an
    organisation or a people ("students from Brest": ORG), by the parse: a proper noun
    no person's name, after "from", "in", "to"... ."""
    if noun.ent_type_ in _PLACES:
        return True
    return (
        noun.pos_ == "PROPN"
        and noun.ent_type_ != "PERSON"
        and noun.dep_ == "pobj"
        and noun.head.lower_ in _PLACE_PREPOSITIONS
    )


def _resolve_relative(head: Token, label: str) -> str:
    """ "who were accused by ..." -> "suspected Russian businessmen were accused by ...":
    a label never starts with a relative pronoun."""
    first = label.split(" ", 1)
    if first[0].lower() not in _RELATIVES:
        return label
    rest = first[1] if len(first) > 1 else ""
    subj = _own_subject(head)
    if head.dep_ == "relcl" and any(
        c.dep_ == "dobj" and c.lower_ == first[0].lower() for c in head.children
    ):  # "..., which Hart kept in place": Hart kept the thresholds in place
        words = rest.split(" ")
        at = next((k for k, w in enumerate(words) if w == head.text), None)
        if at is not None:
            name = _antecedent_name(antecedent(head), det=True)
            words.insert(at + 1, "the " + name[4:] if name.startswith("The ") else name)
            return " ".join(words)
    if head.dep_ != "relcl" or subj is None or subj.lower_ != first[0].lower():
        return rest  # drop the relative word
    return f"{_antecedent_name(antecedent(head))} {rest}".strip()


def _antecedent_name(noun: Token, det: bool = False) -> str:
    """The words a relative pronoun stands for: the name, or the noun with its modifiers
    (``det``: and its article, for an object: "had rejected the pay rise")."""
    if noun.ent_type_:
        ent = entity_at(noun.doc, noun.i)
        return ent.text if ent is not None else noun.text
    keep = ("amod", "compound", "nummod", "poss", "nmod") + (("det",) if det else ())
    lefts = [t for c in noun.lefts if c.dep_ in keep for t in c.subtree if not t.is_punct]
    return _render(lefts + [noun], keep_det=True)


def _event_clause(tok: Token, head: Token) -> bool:
    """ "The airport was closed after a drone was spotted near the runway": a following
    clause of time with a subject, not a claim of its own, is part of the one it follows."""
    first = tok.doc[tok.left_edge.i]  # not "less than 24 hours after ...": a time of its own
    return (
        tok.i > head.i
        and _own_subject(tok) is not None
        and first.dep_ == "mark"
        and first.head.i == tok.i
        and first.lower_ in ("after", "before", "when")
    )


def _is_causal_clause(tok: Token) -> bool:
    """ "because ...", or a following "as" clause with a subject ("volumes have fallen as
    younger drinkers turn to alcohol-free beer"): part of the claim it explains."""
    for c in tok.children:
        if c.dep_ == "mark" and c.lower_ == "because":
            return True
        if c.dep_ == "mark" and c.lower_ == "as" and c.i == tok.left_edge.i:
            return tok.i > tok.head.i and _own_subject(tok) is not None
    return False


def core_tokens(head: Token, stop: set[int]) -> list[Token]:
    """The tokens of the clause ``head`` heads: subject and predicate with their
    arguments, without other clauses (``stop``), side clauses and leading adverbials."""
    subj = _own_subject(head)
    out = [head]

    def walk(tok: Token) -> None:
        for child in tok.children:
            if child.i in stop:
                continue
            out.append(child)
            walk(child)

    for child in head.children:
        if child.i in stop:
            continue
        dep = child.dep_
        if dep in ("punct", "mark", "parataxis", "discourse", "intj", "dep", "meta"):
            continue
        if (
            dep == "cc"
            and child.i > head.i
            and not any(c.dep_ == "conj" and c.i not in stop for c in head.children)
        ):
            continue
        if dep == "advcl" and not (_is_causal_clause(child) or _event_clause(child, head)):
            continue
        if (
            dep == "ccomp"
            and child.i > head.i
            and child.pos_ in ("VERB", "AUX")
            and not any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
        ):
            continue  # a clause of its own ("allows it to release oil" is one: its object)
        if child.lower_ == "according":
            continue
        if subj is not None and child.i < subj.i and dep in ("advmod", "npadvmod", "prep", "advcl"):
            continue  # "So far, ...", "In a statement on Monday, ..."
        if dep == "conj" and child.pos_ in ("VERB", "AUX") and _own_subject(child) is not None:
            continue
        out.append(child)
        walk(child)
    return out


def _enclosing_report(head: Token, by_head: dict[int, Report]) -> Report | None:
    """The report a clause sits inside ("the government collapsed after the largest
    party pulled out, Schoof said": the side event is Schoof's too)."""
    framed = head.dep_ == "ccomp" and (
        head.head.lemma_.lower() in ENTAILING or _fact_complement(head)
    )  # "Officials said the problem is that the council has not paid ...": theirs
    if head.dep_ not in ("advcl", "conj", "relcl") and not framed:
        return None
    if head.dep_ == "advcl" and _participle_clause(head):
        # "the company said ..., blaming high energy prices": the speaker's own act
        r = next(
            (r for r in by_head.values() if r.verb is not None and r.verb.i == head.head.i), None
        )
        if r is not None:
            return Report(head, r.speaker, r.verb, r.denied, r.opinion, r.credited)
    for a in head.ancestors:
        r = by_head.get(a.i)
        if r is not None:
            return Report(head, r.speaker, r.verb, r.denied, r.opinion, r.credited)
        if a.dep_ in ("ROOT",) or (a.dep_ == "relcl" and head.dep_ != "relcl"):
            return None
    return None


def _span_of(tokens: list[Token]) -> tuple[Token, Token]:
    ordered = sorted(tokens, key=lambda t: t.i)
    doc = ordered[0].doc
    first, last = ordered[0].i, ordered[-1].i
    while first < last and (doc[first].is_punct or doc[first].dep_ in ("cc", "mark", "prep")):
        if doc[first].dep_ == "prep" and doc[first].head.i < first:
            break
        first += 1
    while last > first and (
        (doc[last].is_punct and doc[last].text != "%") or doc[last].dep_ in ("cc",)
    ):
        if doc[last].text in ("”", "’", '"', ")") and any(
            doc[k].text in ("“", "‘", '"', "(") for k in range(first, last)
        ):
            break
        last -= 1
    return doc[first], doc[last]


# ----------------------------------------------------------------- what the clause says


def _aux_lemmas(head: Token) -> list[str]:
    auxes = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
    if head.dep_ == "xcomp" and head.head.pos_ in ("VERB", "AUX"):
        auxes += [c for c in head.head.children if c.dep_ in ("aux",)]
    elif not auxes and head.dep_ == "conj" and head.tag_ == "VB" and _own_subject(head) is None:
        # "must give notice and guarantee a service": the second verb shares the modal
        auxes = [c for c in head.head.children if c.dep_ == "aux" and c.tag_ == "MD"]
    return [a.lower_ for a in auxes]


def modality(head: Token) -> str | None:
    """'will' (future), a hedging modal, or None for a plain assertion."""
    auxes = _aux_lemmas(head)
    for a in auxes:
        if a in ("will", "'ll", "shall", "wo"):
            return "will"
        if a in HEDGE_MODALS or a in ("ca", "cannot"):
            return a
    if head.lemma_.lower() == "go" and any(c.dep_ == "xcomp" for c in head.children):
        if head.tag_ == "VBG":
            return "will"  # "is going to close"
    return None


def _tags(tokens: list[Token], head: Token | None = None) -> list[str]:
    tags: list[str] = []
    # a vague word in a side clause is no measure of this one ("families walked across
    # sandbanks that are normally under several metres of water")
    nested = {
        x.i
        for t in tokens
        if t.dep_ in ("relcl", "acl") and head is not None and t.i != head.i
        for x in t.subtree
    }
    words = {t.lower_ for t in tokens}
    # nor does a negation there negate this clause ("a painting is still taped to the
    # one window that did not break")
    if any(t.dep_ == "neg" or t.lower_ in NEGATIONS for t in tokens if t.i not in nested):
        tags.append("negated")
    # records.py: superlatives, records, ranks (not opinions); "the first images
    # appeared" (earliest ones) and "the worst is yet to come" (an idiom) are none
    if has_record(
        t
        for t in tokens
        if not (t.lower_ in ("first", "last") and earliest_ones(t))
        and not (t.tag_ in ("JJS", "RBS") and _bare_superlative(t))
    ):
        tags.append("superlative")
    if any(t.tag_ in ("JJR", "RBR") for t in tokens) and "than" in words:
        tags.append("comparison")
    if any(_is_vague(t) for t in tokens if t.i not in nested):
        tags.append("vague-quantity")
    return tags


def _number_bound(tok: Token) -> bool:
    """"in more than two decades", "fewer than 40 ships": a bound on a number (its
    own claim), not a comparison the clause makes."""
    doc = tok.doc
    if tok.lower_ not in ("more", "less", "fewer") or tok.i + 2 >= len(doc):
        return False
    return doc[tok.i + 1].lower_ == "than" and (
        doc[tok.i + 2].like_num or doc[tok.i + 2].ent_type_ in ("CARDINAL", "DATE", "QUANTITY")
    )


def _bare_superlative(tok: Token) -> bool:
    """ "the worst is yet to come", "hope for the best": a superlative standing for a
    noun it never names, an idiom rather than a record."""
    return tok.dep_ in ("nsubj", "nsubjpass", "pobj", "dobj") and not any(
        c.dep_ == "prep" for c in tok.children
    )


def _of_their_own(tok: Token) -> bool:
    """ "a flavour all of their own": "all" of an owner's "own", no quantity."""
    return any(
        c.dep_ == "prep" and c.lower_ == "of" and any(p.lower_ == "own" for p in c.children)
        for c in tok.children
    )


def _is_vague(tok: Token) -> bool:
    low = tok.lower_
    if low == "all" and _of_their_own(tok):
        return False
    if low in _VAGUE_HEADS and (
        any(c.lower_ == "of" for c in tok.children) or tok.dep_ in ("nsubj", "nsubjpass", "dobj")
    ):
        return not (low == "most" and tok.head.pos_ == "ADJ")
    if low in ("few", "several", "many") and tok.head.lemma_.lower() in TIME_NOUNS:
        return False  # "in the next few weeks": a time, not a quantity
    if tok.head.lemma_.lower() in MANNER_NOUNS:
        return False  # "in many ways", "in some respects": a manner of speaking
    if low in ("all", "most", "many", "few", "several", "numerous", "countless", "none"):
        if low == "few" and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "a":
            return True
        return tok.dep_ in ("det", "amod", "nsubj", "nsubjpass", "dobj", "predet") or any(
            c.lower_ == "of" for c in tok.children
        )
    if low in ("nearly", "almost") and tok.head.lower_ in ("all", "every", "half"):
        return True
    if low in FREQUENCY_ADJECTIVES and tok.dep_ in ("acomp", "oprd"):
        return True  # "prosecutions remain rare": how many, vaguely
    return False


FREQUENCY_ADJECTIVES = frozenset("rare scarce widespread commonplace uncommon".split())


RULE_VERBS = frozenset(
    """ban require permit allow prohibit forbid oblige outlaw criminalise criminalize exempt
    entitle mandate legalise legalize""".split()
)
RULE_NOUNS = frozenset(
    """law rule regulation legislation statute constitution guideline guidance directive
    decree ban requirement treaty code offence offense""".split()
)
RULE_ADJECTIVES = frozenset(
    """illegal legal unlawful lawful mandatory compulsory unconstitutional constitutional
    eligible prohibited banned required""".split()
)


_RULE_LEXICON = RULE_NOUNS | RULE_VERBS | RULE_ADJECTIVES


def _rule(head: Token, tokens: list[Token]) -> bool:
    """A rule or law: "the law bans ...", "landlords must ...", "it is illegal to ..."."""
    if head.lemma_.lower() in RULE_VERBS:
        return True
    if any(c.dep_ == "advmod" and c.lower_ in ("legally", "illegally") for c in head.children):
        return True  # "It is legally a highway"
    for t in tokens:
        if _law_entity(t):
            return True
        if (
            t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr")
            and t.lemma_.lower() in RULE_NOUNS
        ):
            if t.dep_ != "pobj" or t.head.head.i == head.i:
                return True
        if t.dep_ in ("acomp", "attr", "oprd") and t.lemma_.lower() in RULE_ADJECTIVES:
            return True
    return False


def _causal(head: Token, tokens: list[Token]) -> bool:
    """ "closed because demand collapsed", "caused by", "due to the strike", "linked to"."""
    lemma = head.lemma_.lower()
    if lemma in CAUSAL_WORDS and lemma not in ("due", "thanks"):
        # "leads GLAMOS", "will lead the burial": no cause; "led to", "leading to" is one
        if lemma != "lead" or any(c.dep_ == "prep" and c.lower_ == "to" for c in head.children):
            return True
    for t in tokens:
        low = t.lower_
        if low == "because" and t.dep_ in ("mark", "prep"):
            return True
        if low in ("due", "owing", "thanks") and t.i + 2 < len(t.doc) and t.nbor().lower_ == "to":
            if t.nbor(2).pos_ not in ("VERB", "AUX"):
                return True
        if t.lemma_.lower() in ("cause", "link", "blame", "trigger") and t.pos_ == "VERB":
            return True
    return False


def claim_type(
    head: Token, tokens: list[Token], tags: list[str], mode: str | None, report: Report | None
) -> str:
    if verb_in(head, PREDICTION_VERBS) and any(c.dep_ == "auxpass" for c in head.children):
        if any(c.dep_ == "xcomp" for c in head.children):
            return "prediction"  # "is expected to become law later this year"
    if _rule(head, _not_talked_about(head, tokens)) or mode in _RULE_MODALS or _rule_names(head):
        return "laws/rules"
    if _rule_decided(head) or imposed_rule(head, tokens):
        return "laws/rules"
    if breaks_rule(head, tokens):
        return "laws/rules"  # "in breach of the law", "would breach their contracts"
    if (
        _causal(head, tokens)
        or stated_cause(head, tokens)
        or caused_effect(head)
        or moved_by(head, tokens)
        or has_to_do_with(head)
    ):
        return "correlation/causation"
    if mode in ("will", "could", "might") or _scheduled(head) or _ahead(head) or stated_plan(head):
        return "prediction"
    if verb_in(head, PREDICTION_VERBS) and any(c.dep_ == "auxpass" for c in head.children):
        return "prediction"  # "It is not expected to survive the lunar night"
    if report is not None and report.verb is not None:
        forecast = report.verb.lemma_.lower() in PREDICTION_VERBS and not past_event(head)
        if forecast or "would" in _aux_lemmas(head):
            return "prediction"
    vague = "vague-quantity" in tags and any(
        _is_vague(t) and not counts_only(t) for t in tokens
    )
    if (
        vague
        or ("comparison" in tags and _compares(tokens))
        or ("superlative" in tags and _graded(_predicate(head, tokens)))
        or (_amount_verb(head) and not to_a_place(head))
        or share_subject(head, subject_of(head), tokens)
        or amount_change(head, tokens)
        or _enough(tokens)
    ):
        return "quantity"
    subj = subject_of(head)
    if subj is not None and subj.lower_ in ("i", "we") and report is None:
        return "personal experience"
    if _never_in_life(head, subj):
        return "personal experience"
    if own_experience(head, report) or life_span(head, subj):
        return "personal experience"
    return "other"


_TALK_VERBS = frozenset(
    """consult debate discuss talk campaign negotiate comment speak write argue lobby
    protest complain""".split()
)
"""Verbs whose "on"/"about" object is a topic: "had consulted on a national ban" is an
event, not the rule itself."""


def _not_talked_about(head: Token, tokens: list[Token]) -> list[Token]:
    """The clause's tokens without the topic of a verb of talk ("consulted on a ban")."""
    if head.lemma_.lower() not in _TALK_VERBS:
        return tokens
    topics = {
        t.i
        for c in head.children
        if c.dep_ == "prep" and c.lower_ in ("on", "about", "over")
        for t in c.subtree
    }
    return [t for t in tokens if t.i not in topics]


POLICY_NOUNS = frozenset(
    """plan bill measure proposal scheme policy reform amendment motion change ordinance
    decree package""".split()
)
"""Nouns of a decision that can make a rule ("a plan that will allow townhouses")."""


def _rule_decided(head: Token) -> bool:
    """ "The council has approved a plan that will allow townhouses on 9,000 lots", "MPs
    backed a bill that bans ...": the object of the decision is a rule (a relative
    clause on it permits, requires or bans)."""
    for c in head.children:
        if c.dep_ not in ("dobj", "nsubjpass") or c.lemma_.lower() not in POLICY_NOUNS:
            continue
        if any(r.dep_ == "relcl" and verb_in(r, RULE_VERBS) for r in c.children):
            return True
    return False


_AHEAD_WORDS = frozenset({"next", "tomorrow", "later", "upcoming", "coming"})


def _ahead(head: Token) -> bool:
    """A present tense with a time ahead: "The championship moves to Sardinia in two
    weeks' time", "the team flies home tomorrow", "a strike is planned for next month"
    (a plan on the record, a prediction)."""
    if head.tag_ not in ("VBZ", "VBP") and not (
        head.tag_ == "VBN"
        and any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in head.children)
    ):
        return False
    if any(c.dep_ == "aux" for c in head.children):
        return False
    for c in head.children:
        if c.dep_ not in ("prep", "npadvmod", "advmod"):
            continue
        words = [t for t in c.subtree]
        if any(t.lower_ in _AHEAD_WORDS and t.ent_type_ == "DATE" for t in words):
            return True
        if c.lower_ in ("in", "within") and any(
            t.lower_ == "time" and any(x.ent_type_ == "DATE" for x in t.children) for t in words
        ):
            return True  # "in two weeks' time"
    return False


def _predicate(head: Token, tokens: list[Token]) -> list[Token]:
    """The clause without the subject of an act: "Northern Arizona University, the city's
    largest employer, has agreed to pay ..." ranks who acts, the claim is the act (a
    copula's subject stays: "the largest party is ...")."""
    subj = _own_subject(head)
    if subj is None or head.lemma_.lower() in COPULAS or head.pos_ != "VERB":
        return tokens
    inside = {t.i for t in subj.subtree}
    return [t for t in tokens if t.i not in inside]


_TWO_SENSE = frozenset({"drop", "decline", "grow", "climb", "jump"})


def _amount_verb(head: Token) -> bool:
    """A verb of change in amount ("rates have fallen"), not one that means something
    else with an object or an infinitive ("declined to say", "has dropped its opening
    film", "climbed the hill")."""
    lemma = head.lemma_.lower()
    if lemma not in QUANTITY_VERBS:
        return False
    return lemma not in _TWO_SENSE or not any(c.dep_ in ("dobj", "xcomp") for c in head.children)


def _compares(tokens: list[Token]) -> bool:
    """A comparison the clause makes, not only a bound on a number ("in more than two
    decades": that number is a claim of its own)."""
    return any(t.tag_ in ("JJR", "RBR") and not _number_bound(t) for t in tokens)


def _enough(tokens: list[Token]) -> bool:
    """ "not building enough homes", "too few teachers": how many, against a need."""
    return any(
        t.lower_ in ("enough", "sufficient") and t.dep_ in ("amod", "det") and t.head.tag_ == "NNS"
        or t.lower_ == "few" and t.i > 0 and t.doc[t.i - 1].lower_ == "too"
        for t in tokens
    )


def _never_in_life(head: Token, subj: Token | None) -> bool:
    """ "He never owned a mobile phone", "She did not ever take a holiday abroad": what a
    person never did, an experience of their life (not a public act: "he never
    resigned", not a report: "she never said", not a record: "he has never lost")."""
    if subj is None or subj.lower_ not in ("he", "she"):
        return False
    if verb_in(head, REPORTING_VERBS | STRONG_ACTIONS) or head.lemma_.lower() in COPULAS:
        return False
    if any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in head.children):
        return False  # "He has never missed a derby": a record that still stands
    return any(c.dep_ in ("neg", "advmod") and c.lower_ in ("never", "ever") for c in head.children)


def _scoped_negation(head: Token, tokens: list[Token]) -> bool:
    """A negated event ("no charges have been filed") can be checked; a negated state
    ("There is no easy answer") only when the missing thing is pinned down by a phrase
    of its own ("no link between the vaccine and autism")."""
    if head.lemma_.lower() != "be":
        return True
    return any(
        t.dep_ in ("det", "neg")
        and t.lower_ in ("no", "not", "never")
        and any(c.dep_ == "prep" for c in t.head.children)
        for t in tokens
    )


def _graded(tokens: list[Token]) -> bool:
    """A superlative of degree ("the largest", "the most expensive", "a record"), which
    measures something; "his last ally", "the only refinery" rank without a measure."""
    return any(
        (t.tag_ in ("JJS", "RBS") and t.lower_ not in ("most", "least"))
        or (t.lower_ in ("most", "least") and t.head.pos_ in ("ADJ", "ADV") and not (
            t.head.tag_ == "JJ" and _unmeasured(t.head)
        ))  # "the most expensive", not "the most famous": a quality, no measure
        or t.lower_ == "record"
        for t in tokens
    )


def _quantity_change(head: Token) -> bool:
    """A verb of change in amount ("rates have fallen", "grew stronger"), not one of
    becoming with a plain adjective ("the hall fell silent", "she fell ill")."""
    return verb_in(head, QUANTITY_VERBS) and not any(
        c.dep_ == "acomp" and c.tag_ == "JJ" for c in head.children
    )


def _has_signal(head: Token, tokens: list[Token], tags: list[str], strong: bool = False) -> bool:
    """Does the clause name or measure something a fact-checker can look up?

    ``strong``: a commentator's reading needs more than a name ("the trip was meant to
    send a message to Washington"): a measure, a record, a rule, a cause or a hard action.
    """
    if set(tags) - {"negated"} or tags and (strong or _scoped_negation(head, tokens)):
        return True  # a measure, a record, a comparison, "no link between X and Y"
    if strong:  # ("There is no easy answer": a "no" alone names nothing)
        return (
            "superlative" in tags  # a record or rank (records.py)
            or _rule(head, tokens)
            or (modality(head) in _RULE_MODALS and _rule_context(head))
            or _scheduled(head)
            or _causal(head, tokens)
            or _quantity_change(head)
            or verb_in(head, STRONG_ACTIONS)
        )
    if _rule(head, tokens) or (modality(head) in _RULE_MODALS and _rule_context(head)):
        return True
    if _rule_names(head):
        return True  # "Under NHS guidance, children should be offered ..."
    if _causal(head, tokens):
        return True
    named = any(t.ent_type_ in NAME_TYPES for t in tokens)
    subj = subject_of(head)
    if subj is not None and subj.lower_ in ("who", "which", "that") and head.dep_ == "relcl":
        subj = head.head  # "Keller, who denies the charges": Keller
        named = named or subj.ent_type_ in NAME_TYPES
    actor = subj is not None and (
        subj.ent_type_ in NAME_TYPES
        or subj.lemma_.lower() in ACTOR_NOUNS
        or subj.lower_ in ACTOR_NOUNS
        or subj.pos_ == "PROPN"
        and not subj.is_sent_start  # "Time is running out"
    )
    lemma = head.lemma_.lower()
    if lemma in COPULAS:
        # a state of affairs: "X is dependent on Moscow", not "the mood was joyful"
        comp = [c for c in head.children if c.dep_ in ("acomp", "attr", "oprd")]
        if not comp or _evaluative(head):
            return False
        if any(c.lower_ in STATE_ADJECTIVES for c in comp):
            return True
        return named and (actor or any(t.ent_type_ in NAME_TYPES for c in comp for t in c.subtree))
    if _quantity_change(head):
        return True  # "vaccination rates have fallen"
    if actor or named:
        return not verb_in(head, COLOUR_VERBS)
    return lemma in STRONG_ACTIONS and not (subj is not None and subj.lower_ in ("i", "we", "you"))


COLOUR_VERBS = frozenset(
    """sit stand lie look glow shine sing smile laugh cry weep wave gather walk wait watch
    hang stare sigh nod shrug dance cheer chant clap hug kiss linger wander gaze smell
    taste sound feel seem appear drum patter rustle echo desert crowd pack fill cover line
    shroud bathe deck litter glisten sparkle loom tower""".split()
)
"""Verbs of scene and gesture: with no name or measure, colour rather than a claim."""
NEWSROOM = frozenset({"comment", "comments"})
"""'did not respond to a request for comment': how the story was reported, not a claim."""


def _newsroom(tokens: list[Token]) -> bool:
    """How the story was reported: "did not respond to a request for comment", "who
    asked not to be named", "speaking on condition of anonymity"."""
    for t in tokens:
        low = t.lower_
        if low in NEWSROOM or low == "anonymity":
            return True
        if t.tag_ == "VBN" and t.lemma_.lower() in ("name", "identify") and any(
            c.dep_ == "neg" for c in t.children
        ) or (low in ("named", "identified") and t.i > 1 and t.doc[t.i - 2].lower_ == "not"):
            return True
    return False


STATE_ADJECTIVES = frozenset(
    """closed open shut dead alive missing unchanged intact operational available
    unavailable bankrupt insolvent detained jailed unemployed homeless vacant suspended
    illegal legal unconstitutional responsible liable eligible flat""".split()
)
"""Adjectives that state a checkable condition ("the airport remained closed")."""


WEAK_WORTHINESS = 0.45
"""Worthiness a clause needs when it has nothing but a name or an actor to check
(chosen on tests/data/dev_statements: claims there score 0.15-0.98, colour and
comment 0.01-0.74, most of it under 0.45)."""


STRONG_WORTHINESS = 0.7
"""Worthiness at which a plain event with no name, actor or measure still counts
("the vessel sank within minutes"); colour on the dev sentences stays under it."""


_SCENE_COPULAS = frozenset(
    {"be", "fall", "feel", "seem", "look", "sound", "grow", "go", "stay", "turn"}
)


def scene_state(head: Token) -> bool:
    """Does the clause of ``head`` picture a scene rather than report an event: a copula
    or a verb of becoming with a complement that is no checkable condition ("were
    quiet", "fell silent", "went dark"; "remained closed" is a condition), a verb of
    scene or gesture (``COLOUR_VERBS``: "were deserted", "crowded"), or an ongoing act
    or a presence with no object and no named or official doer ("was still humming",
    "the queue was still there")? Never with an
    object, an agent or a reported clause. Shared by the statements and by a clock
    time standing alone (``nonclaims.scene_time``), so both make the same call."""
    deps = {c.dep_: c for c in head.children}
    if any(d in deps for d in ("dobj", "agent", "ccomp", "xcomp", "dative")):
        return False
    comp = deps.get("acomp") or deps.get("attr")
    if comp is not None:
        return head.lemma_.lower() in _SCENE_COPULAS and comp.lower_ not in STATE_ADJECTIVES
    if verb_in(head, COLOUR_VERBS):
        return True
    subj = deps.get("nsubj")
    placed = head.lemma_.lower() == "be" and any(
        c.dep_ == "advmod" and c.lower_ in ("there", "here") for c in head.children
    )  # "the queue was still there"
    if subj is not None and (placed or head.tag_ == "VBG" and "aux" in deps):
        return not (
            subj.pos_ == "PROPN"
            or subj.ent_type_ in NAME_TYPES
            or subj.lemma_.lower() in ACTOR_NOUNS
        )
    return False


def _plain_event(head: Token) -> bool:
    """A verb that reports something happening, not a scene, a state or a feeling
    (and not a misparse: a verb with two subjects is no clause to trust; nor "the
    first campers arrived": a story told in order, not an event to check)."""
    subj = subject_of(head)
    return (
        head.pos_ == "VERB"
        and sum(c.dep_ in ("nsubj", "nsubjpass") for c in head.children) < 2
        and not (subj is not None and any(earliest_ones(c) for c in subj.children))
        and head.lemma_.lower() not in COPULAS
        and not verb_in(head, COLOUR_VERBS)
        and subj is not None
        and subj.lower_ not in ("i", "we", "you", "it", "this", "that", "there")
        and not scene_state(head)  # "the hall fell silent"
    )


def _scheduled(head: Token) -> bool:
    """ "is due to be sentenced", "is set to vote": a plan on the record (a prediction)."""
    return head.lemma_.lower() in COPULAS and any(
        c.dep_ in ("acomp", "attr")
        and c.lower_ in ("due", "set", "scheduled", "poised")
        and any(x.dep_ == "xcomp" for x in c.children)
        for c in head.children
    )


_GENERIC_PRONOUNS = frozenset(
    {"no", "one", "nobody", "everyone", "everybody", "anyone", "nothing", "everything"}
)
_GENERIC_DETERMINERS = frozenset({"no", "every", "all", "each", "any"})


def generic_truth(head: Token, tokens: list[Token]) -> bool:
    """A general truth told of nobody in particular ("No one is above the law",
    "Derbies are about pride more than points", "There are no easy games at this
    level", "Titles are won in the spring"): a verb in the present whose subject is
    generic (a bare plural, "no one", "every", "no" + a noun; or "there is/are" with such
    a noun), no rule, cause or change in amount, and a clause that names, counts and
    dates nothing. It has nothing specific to check, so it counts as weak
    support (the gate's doubt drops it), however it is negated or compared."""
    deps = {c.dep_: c for c in head.children}
    passive = deps.get("auxpass")
    if head.tag_ not in ("VBZ", "VBP") and (passive is None or passive.tag_ not in ("VBZ", "VBP")):
        return False  # the present ("is", "are won"), not what happened
    if (
        head.lemma_.lower() in RULE_VERBS
        or any(c.dep_ in ("acomp", "oprd") and c.lower_ in RULE_ADJECTIVES for c in head.children)
        or _causal(head, tokens)
        or _quantity_change(head)
    ):
        return False  # "Cyclists are banned from the bridge", "Smoking causes ..."
    subj = deps.get("nsubj") or deps.get("nsubjpass")
    if "expl" in deps:
        subj = deps.get("attr")
    if subj is None or any(c.dep_ in ("relcl", "acl") for c in subj.children):
        return False  # "no evidence that the vaccine causes ...", "no one who ..."
    if any(t.ent_type_ or t.like_num and t.lower_ != "one" for t in tokens):
        return False
    if subj.lower_ in _GENERIC_PRONOUNS and subj.pos_ in ("PRON", "NOUN", "NUM"):
        return True
    if subj.pos_ != "NOUN":
        return False
    dets = [c for c in subj.children if c.dep_ in ("det", "poss", "nummod", "compound")]
    if not dets:
        return subj.tag_ == "NNS"  # "Derbies are about pride"
    return all(d.dep_ == "det" and d.lower_ in _GENERIC_DETERMINERS for d in dets)


def _states(head: Token) -> bool:
    """ "the airport remained closed": a checkable condition."""
    return head.lemma_.lower() in COPULAS and any(
        c.dep_ in ("acomp", "oprd") and c.lower_ in STATE_ADJECTIVES for c in head.children
    )


def _evaluative(head: Token) -> bool:
    """ "It is a shameful decision", "the mood was joyful": a judgement, not a fact."""
    if head.lemma_.lower() not in COPULAS:
        return False
    comp = [c for c in head.children if c.dep_ in ("acomp", "attr")]
    if not comp:
        return False
    c = comp[0]
    if c.lemma_.lower() in RULE_NOUNS or c.lower_ in RULE_ADJECTIVES:
        return False  # "it is a criminal offence to ...": a rule
    if c.dep_ == "acomp":
        if c.lower_ in STATE_ADJECTIVES or c.lower_ in FREQUENCY_ADJECTIVES:
            return False
        return c.tag_ == "JJ" and all(
            t.dep_ in ("advmod", "cc", "conj", "punct") for t in c.children
        )
    subj = _own_subject(head)
    return (
        subj is not None
        and subj.lower_ in ("it", "this", "that")
        and any(a.dep_ == "amod" for a in c.children)
        and not _graded(list(c.subtree))  # "It is the most expensive tram line in Europe"
    )


APPEARANCE_VERBS = frozenset({"look", "seem", "appear", "sound", "feel"})
REACTION_PHRASES = frozenset(
    {
        ("seize", "on"),
        ("seize", "upon"),
        ("pounce", "on"),
        ("jump", "on"),
        ("latch", "on"),
        ("latch", "onto"),
        ("seize", "onto"),
        ("hit", "back"),
        ("weigh", "in"),
    }
)
"""Phrasal reactions: "seized on the figures", "hit back at critics"."""


def _reaction_phrase(head: Token) -> bool:
    lemma = head.lemma_.lower()
    return any(
        (lemma, c.lower_) in REACTION_PHRASES
        for c in head.children
        if c.dep_ in ("prep", "prt") and c.i == head.i + 1  # "seized on", not "seized ... on"
    )


REACTION_VERBS = frozenset(
    """welcome criticise criticize slam praise condemn hail applaud blast lambast decry
    deplore celebrate mourn lament denounce castigate commend""".split()
)
"""Reactions: that someone welcomed or criticised something is not what a desk checks."""
HEDGE_ADJECTIVES = frozenset(
    "unlikely likely possible probable doubtful uncertain conceivable overdue inevitable".split()
)


def _hedged_state(head: Token) -> bool:
    """ "a breakthrough was unlikely", "it is long overdue": a guess or a judgement."""
    if head.lemma_.lower() not in COPULAS:
        return False
    return any(
        c.dep_ == "acomp"
        and c.lower_ in HEDGE_ADJECTIVES
        and not any(m.lower_ in ("less", "more", "times", "than") for m in c.subtree)
        for c in head.children
    )  # but "three times less likely than their peers" is a measure


def _rule_names(head: Token) -> bool:
    """Is the clause framed by a named rule ("Under NHS guidance, ...", "By law, ...")?"""
    return any(
        c.dep_ == "prep"
        and c.i < head.i
        and c.lower_ in ("under", "by")
        and any(
            t.lemma_.lower() in RULE_NOUNS or _law_entity(t) or _law_name(t)
            for t in c.subtree
        )
        for c in head.children
    )


def _order(head: Token) -> bool:
    """An imperative ("Stop and think"): a bare verb with no subject and no auxiliary,
    or a verb coordinated with one ("will buy eight buses and build a depot" is none)."""
    first = head
    while first.dep_ == "conj" and first.head.pos_ in ("VERB", "AUX") and first.head != first:
        first = first.head
    return (
        head.tag_ == "VB"
        and _own_subject(head) is None
        and head.dep_ in ("ROOT", "conj")
        and first.tag_ == "VB"
        and first.dep_ == "ROOT"
        and _own_subject(first) is None
        and not any(c.dep_ == "aux" for c in first.children)
        and not any(c.dep_ == "aux" for c in head.children)  # "... and would cooperate"
    )


def _rejected(head: Token, sent: Span, report: Report | None) -> bool:
    """Orders, hedges, conditions, opinions: no claim (``statements`` has already
    left questions out)."""
    lemma = head.lemma_.lower()
    subj = subject_of(head)
    if subj is None and head.dep_ == "ROOT" and not _time_subject(head):
        return True  # an order ("Let us hope"), a fragment
    if _order(head):
        return True
    if elliptical(head) or understated(head) or pronouns_only(head):
        return True  # "Car makers have not.", "Neither city has exactly emptied."
    if gesture(head) or silence(head) or manner_absolute(head):
        return True  # "allowed himself a grin", "said nothing at all", "her voice shaking"
    if report is None and (watched_act(head) or attire(head) or sensed(head) or weather(head)):
        return True  # "Several of them were eating mints", "wore a grey suit": what was seen
    if appeal(head):
        return True  # "Anyone with information should contact police on 101"
    if unelaborated(head):
        return True  # "He did not say what that would mean": like "did not elaborate"
    if about_unnamed_voice(head):
        return True  # "said one woman who has taken her grandchildren to ... for years"
    mode = modality(head)
    attributed = report is not None and report.speaker is not None and not report.opinion
    if mode in ("should", "ought") and not (report is None and _rule_names(head)):
        return True  # advice ("Under NHS guidance, children should be offered ..." is a rule)
    if mode in ("could", "might") and not attributed:
        return True  # speculation nobody is credited with
    if mode == "would" and report is None:
        return True
    if mode in ("may", "can", "ca") and not _rule_context(head):
        return True
    if mode == "must" and not _rule_context(head) and report is None:
        return True
    for child in head.children:
        if child.dep_ == "advmod" and child.lower_ in HEDGE_WORDS:
            return True
        if (
            child.dep_ == "advcl"
            and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in child.children)
            and not attributed  # "the union said it would strike if ...": its stated plan
        ):
            return True
    if verb_in(head, OPINION_VERBS) and (
        report is None or subj is not None and subj.lower_ in ("i", "we", "you")
    ):
        return True
    if verb_in(head, REACTION_VERBS) and report is None:
        return True  # "Critics slammed the decision", "groups welcomed the ruling"
    if report is None and _reaction_phrase(head):
        return True  # "The White House seized on the figures"
    if (
        lemma in APPEARANCE_VERBS
        and not attributed
        and any(c.dep_ in ("acomp", "attr", "oprd") for c in head.children)
    ):
        return True  # "the soft landing looks intact": how it looks, not how it is
    if report is None and colour(sent):
        return True  # "engineers hugged and cheered as the first images appeared"
    if report is None and _hedged_state(head):
        return True  # "Turnout is likely to be below 40%": its number is no claim either
    if (
        report is not None
        and (report.opinion or report.speaker is None)
        and (_evaluative(head) or _hedged_state(head))
    ):
        return True  # "Observers said the move was ...", "a recovery was unlikely"
    if lemma in SPECULATION_VERBS and any(c.dep_ in ("xcomp", "ccomp") for c in head.children):
        return True
    if verb_in(head, PERCEPTION_VERBS) and any(
        c.dep_ in ("prep", "oprd") and c.lower_ == "as" for c in head.children
    ):
        return True  # "Many see the summit as a second chance": a view
    if lemma == "depend" and mode == "will":
        return True  # "Much will depend on ...": rhetoric
    own = _own_subject(head)
    if lemma == "be" and own is not None and own.lower_ != "there":
        attr = [c for c in head.children if c.dep_ == "attr"]
        if attr and any(d.dep_ == "det" and d.lower_ == "no" for d in attr[0].children):
            return True  # "The agreement is no Treaty of Versailles": a figure
    if lemma == "speculate":
        return True
    if report is not None and report.speaker is None and verb_in(report.verb, UNNAMED_BELIEFS):
        return True  # "Many fear the worst is yet to come": a mood, nobody's statement
    if report is not None and report.verb is not None and verb_in(report.verb, WISH_REPORTS):
        return True  # "Farmers fear that the deal will flood the market": a fear, not a fact
    if report is not None and _mental_state(head):
        return True  # "She said she was exhausted", "He said he hoped to visit Kyiv"
    if report is None and _mental_state(head, verbs=False):
        return True  # "he was petrified", "they felt forgotten": a state of mind, told
    if judgement(head):
        return True  # "Reyes said the plan was a disgrace", "called the decision reckless"
    if _open_question(head):
        return True  # "It remains to be seen whether ...", "Time will tell whether ..."
    if unknown_state(head) and report is None:
        return True  # "The cause of the fire is not yet known": what the paper does not know
    if denied_rank(head, sent) or pointer(sent) or about_the_text(sent):
        return True  # "X is not the first to ...", "Here is what we know", "This article ..."
    if opinion_frame(head):
        return True  # "In her view, the unit has never been in a worse state"
    return report is None and _evaluative(head)


def _judged(tok: Token) -> bool:
    """Is ``tok`` (a complement) a word of praise or blame, or a noun such a word
    qualifies ("a disgrace", "reckless", "an outstanding leader", "a missed chance")?"""
    pos = tok.pos_
    if pos in ("ADJ", "VERB") and _word_in(tok, JUDGEMENT_ADJECTIVES):
        return not any(c.dep_ in ("prep", "xcomp") for c in tok.children)  # not "harsh on"
    if pos in ("NOUN", "PROPN", "ADJ") and _word_in(tok, JUDGEMENT_NOUNS):
        return True
    if pos == "NOUN":
        return any(
            c.dep_ == "amod" and _word_in(c, JUDGEMENT_ADJECTIVES) for c in tok.children
        ) and not _graded(list(tok.subtree))
    return False


def _word_in(tok: Token, words: frozenset[str]) -> bool:
    return tok.lower_ in words or tok.lemma_.lower() in words


def judgement(head: Token) -> bool:
    """A clause that only praises or blames: a copula whose complement is a word of
    judgement ("the plan was a disgrace", "the sentence was far too harsh"), a naming verb
    with one ("called the decision short-sighted", "described the budget as a missed
    opportunity"), "deserve", "let down", or a manner adverb of judgement ("handled the
    matter badly"). Whoever says it, it is an opinion, not a fact to check (issue 11);
    an admitted "mistake" is not one of these words."""
    lemma = head.lemma_.lower()
    if lemma in COPULAS:
        comp = [c for c in head.children if c.dep_ in ("acomp", "attr", "oprd")]
        return bool(comp) and _judged(comp[0])
    if head.tag_ == "VBN" and head.lower_ in JUDGEMENT_ADJECTIVES and any(
        c.dep_ == "auxpass" for c in head.children
    ):
        return True  # "the approach was misguided", parsed as a passive verb
    if verb_in(head, NAMING_VERBS):
        for c in head.children:
            if c.dep_ == "oprd" and _judged(c):
                return True
            if c.dep_ == "prep" and c.lower_ == "as":
                if any(o.dep_ == "pobj" and _judged(o) for o in c.children):
                    return True
        return False
    if lemma == "deserve":
        return True
    if lemma == "let" and any(c.dep_ == "prt" and c.lower_ == "down" for c in head.children):
        return True
    return any(c.dep_ == "advmod" and c.lower_ in JUDGEMENT_ADVERBS for c in head.children)


UNNAMED_BELIEFS = frozenset({"fear", "believe", "think", "hope", "feel", "suspect"})
WISH_REPORTS = frozenset({"fear", "hope", "worry", "wish", "dread"})
"""Verbs whose complement is what someone fears or wishes, whoever says it."""
FEELING_VERBS = frozenset(
    "hope wish love hate feel like prefer doubt wonder regret fear worry".split()
)
FEELING_ADJECTIVES = frozenset(
    """happy unhappy sad proud delighted pleased thrilled relieved exhausted tired frustrated
    disappointed angry upset worried concerned sure certain convinced confident optimistic
    pessimistic hopeful grateful glad sorry excited nervous afraid scared determined honoured
    honored humbled devastated heartbroken shocked surprised saddened appalled furious
    overjoyed anxious ashamed embarrassed fed content comfortable keen eager thankful
    disgusted horrified stunned amazed bewildered baffled terrified petrified elated
    ecstatic miserable lonely homesick overwhelmed gutted chuffed emotional speechless
    heartened dismayed distraught""".split()
)
"""States of mind: "she said she was relieved" reports a feeling, not a fact."""
_PERSONAL_SUBJECTS = frozenset({"i", "we", "you", "he", "she", "they"})


def _feeling_word(tok: Token) -> bool:
    """A word of a state of mind ("relieved", "numb"); "fed" only in "fed up"."""
    low = tok.lower_
    if low == "fed":
        return any(c.dep_ == "prt" and c.lower_ == "up" for c in tok.children)
    return low in FEELING_ADJECTIVES or low in MORE_FEELINGS


def _feels(subj: Token) -> bool:
    """Can the subject have a state of mind: "I", "she", a person named, or a noun of
    people ("the players", "the mother of the missing teenager")?"""
    if subj.lower_ in _PERSONAL_SUBJECTS or subj.ent_type_ in ("PERSON", "NORP"):
        return True
    return subj.pos_ in ("NOUN", "PROPN") and subj.lemma_.lower() in PEOPLE_NOUNS


_FEEL_FORMS = frozenset({"feel", "feels", "felt", "feeling"})


def _mental_state(head: Token, verbs: bool = True) -> bool:
    """A clause that states its subject's feeling, wish or certainty ("he was convinced
    ...", "she hoped to ...", "they felt forgotten", "the delay had left her frustrated",
    "the players were devastated"), not an event or a fact (``verbs=False``: only by its
    adjective, or by "feel" as a copula: "she felt safe", "felt let down")."""
    if verbs and (verb_in(head, FEELING_VERBS) or verb_in(head, MORE_FEELING_VERBS)):
        return True  # "she hoped to ...", "nobody is panicking, the captain insisted"
    if any(c.dep_ in ("oprd", "ccomp", "xcomp") and _feeling_word(c) for c in head.children):
        return True  # "left her deeply frustrated"
    subj = _own_subject(head) or next(  # the parser may hang it on the auxiliary
        (g for a in head.children if a.dep_ in ("aux", "auxpass") for g in a.children
         if g.dep_ in ("nsubj", "nsubjpass")),
        None,
    )
    if subj is None or not _feels(subj):
        return False
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _FEEL_FORMS for c in head.children):
        return True  # "she felt forgotten", "felt" parsed as a passive's auxiliary
    if _feeling_word(head):
        return True  # "he was convinced ...", "the players were devastated" (a passive verb)
    lemma = head.lemma_.lower()
    if lemma not in COPULAS:
        return False
    return any(
        c.dep_ in ("acomp", "oprd")
        and (_feeling_word(c) or lemma == "feel" and c.pos_ in ("ADJ", "VERB"))
        for c in head.children
    )


OPINION_FRAMES = frozenset({"view", "opinion", "eyes", "judgement", "judgment", "mind", "book"})
"""'In her view, ...', 'in his opinion', 'to my mind': the clause is the writer's or a
speaker's judgement."""


def opinion_frame(head: Token) -> bool:
    """Is the clause framed as someone's view ("In her view, the unit has never been in a
    worse state", "For my money, it is ...", "by common consent")?"""
    for c in head.children:
        if c.dep_ != "prep":
            continue
        low = c.lower_
        objs = [o for o in c.children if o.dep_ == "pobj"]
        for o in objs:
            lemma = o.lemma_.lower()
            if low in ("in", "to") and lemma in OPINION_FRAMES and any(
                d.dep_ == "poss" for d in o.children
            ):
                return True
            if low == "for" and lemma == "money" and any(d.lower_ == "my" for d in o.children):
                return True
            if low == "by" and lemma == "consent":
                return True
    return False


def _open_question(head: Token) -> bool:
    """A clause whose point is a question left open: its complement (or its
    complement's) is a "whether" clause and it states nothing else."""
    subj = _own_subject(head)
    if head.lemma_.lower() not in ("be", "remain", "tell") or subj is None:
        return False
    if subj.lower_ not in ("it", "time", "question", "what"):
        return False
    for c in head.children:
        if c.dep_ in ("ccomp", "xcomp", "advcl") and (
            any(m.dep_ == "mark" and m.lower_ == "whether" for m in c.children)
            or c.dep_ == "xcomp"
            and any(
                m.dep_ == "mark" and m.lower_ == "whether" for x in c.children for m in x.children
            )
        ):
            return not any(d.dep_ in ("dobj", "attr") for d in head.children)
    return False


def _time_subject(head: Token) -> bool:
    """ "Last month was the hottest April on record": the parser took the subject for
    an adverb of time; a copula with a noun before it and a complement after is a clause."""
    return (
        head.lemma_.lower() == "be"
        and any(c.dep_ == "npadvmod" and c.i < head.i and c.pos_ == "NOUN" for c in head.children)
        and any(c.dep_ in ("attr", "acomp") and c.i > head.i for c in head.children)
    )


def _garbled(head: Token) -> bool:
    """ "the kidnapping of opposition figures Will express": a verb group capitalised in
    mid-sentence is broken copy (a pasted fragment), not a clause to state."""
    doc = head.doc
    for t in [c for c in head.children if c.dep_ in ("aux", "auxpass", "neg")] + [head]:
        if not t.text[:1].isupper() or t.is_sent_start or t.pos_ == "PROPN" or t.text == "I":
            continue
        if t.text.isupper() and len(t.text) > 1:
            continue  # an acronym
        before = doc[t.i - 1] if t.i > 0 else None
        if before is not None and (before.is_punct and before.text in ":“\"‘'(—–-"):
            continue
        return True
    return False


def _rule_context(head: Token) -> bool:
    """Does the sentence of ``head`` speak of a rule? (its tokens, from the root's edges:
    ``Token.sent`` would search the whole doc)"""
    root = head
    while root.head.i != root.i:
        root = root.head
    doc = head.doc
    return any(
        t.lemma_.lower() in _RULE_LEXICON or _law_entity(t) or _law_name(t)
        for t in doc[root.left_edge.i : root.right_edge.i + 1]
    )


_LAW_NAMES = frozenset({"act", "bill", "code", "treaty", "convention", "directive", "charter"})


def _law_entity(tok: Token) -> bool:
    """A token of a LAW entity that reads as a law's name (``kinds.law_name``)."""
    if tok.ent_type_ != "LAW":
        return False
    ent = entity_at(tok.doc, tok.i)
    return ent is not None and law_name(ent)


def _law_name(tok: Token) -> bool:
    """The last word of a law's name ("the Protection from Eviction Act 1977", "Section
    21 of the Housing Act"), which the entity tagger often misses."""
    return tok.pos_ == "PROPN" and tok.lower_ in _LAW_NAMES and tok.text[:1].isupper()


# ----------------------------------------------------------------- labels


_LEADING = re.compile(r"^(?:so far|meanwhile|however|but|and|also|still|now),?\s+", re.IGNORECASE)


def _compact_subject(subj: Token) -> list[Token]:
    keep = (
        "det",
        "amod",
        "compound",
        "nummod",
        "quantmod",
        "advmod",
        "poss",
        "nmod",
        "predet",
        "case",
    )
    toks = [t for c in subj.lefts if c.dep_ in keep for t in c.subtree if not t.is_punct]
    toks.append(subj)
    for c in subj.rights:
        if c.dep_ == "prep" and c.lower_ in ("of", "in", "from", "at"):
            toks.extend(t for t in c.subtree if not t.is_punct and t.dep_ not in ("relcl", "acl"))
            break
        if c.dep_ in ("compound", "flat") or (c.ent_type_ and c.ent_type_ == subj.ent_type_):
            toks.append(c)
        elif _bare_participle(c):
            toks.append(c)
    return toks


def _means_after(head: Token, obj_toks: list[Token]) -> list[Token]:
    """The verb's first prepositional phrase right after its object ("with sanctions"),
    without what hangs off it ("for electoral fraud")."""
    if not obj_toks:
        return []
    end = max(t.i for t in obj_toks)
    prep = next((c for c in head.rights if c.dep_ == "prep" and c.i > end), None)
    if prep is None or prep.i != end + 1:
        return []
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.pos_ in ("NUM", "PRON", "DET"):
        return []  # "offered aid by one [of only a few leaders]": half a phrase says nothing
    hanging = {x.i for c in pobj.rights if c.dep_ == "prep" for x in c.subtree}
    return [prep, *(t for t in _compact_subject(pobj) if t.i not in hanging)]


def _bare_participle(tok: Token) -> bool:
    """ "those detained", "the people arrested": a lone participle right after its noun
    says who is meant; it is part of the subject, not a side clause."""
    return (
        tok.dep_ == "acl"
        and tok.tag_ == "VBN"
        and tok.i == tok.head.i + 1
        and not any(True for _ in tok.children)
    )


def _first_lower(text: str, first: Token) -> str:
    if first.pos_ != "PROPN" and not first.ent_type_ and first.text != "I" and text[:1].isupper():
        if not (len(text) > 1 and text[1].isupper()):
            return text[0].lower() + text[1:]
    return text


MAX_LABEL_WORDS = 16
_SIDE_CLAUSES = frozenset({"advcl", "relcl", "acl", "appos", "parataxis"})


def _ranked_relative(tok: Token) -> bool:
    """ "the strongest storm to hit Ireland since 2017", "the first woman to lead it": an
    infinitive on a ranked noun says what the rank is in; the record needs it."""
    return (
        tok.dep_ in ("relcl", "acl")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        and any(
            c.dep_ == "amod" and (c.tag_ in ("JJS", "RBS") or c.lower_ in ("first", "last", "only"))
            for c in tok.head.children
        )
    )


def statement_label(head: Token, tokens: list[Token]) -> str:
    """A short readable claim: the clause itself when short, else subject + verb + object."""
    drop: set[int] = set()
    for t in tokens:
        if (
            t.dep_ in ("relcl", "appos", "acl")
            and t.i != head.i
            and t.head.i != head.i
            and not _bare_participle(t)
            and not _ranked_relative(t)
        ):
            drop.update(x.i for x in t.subtree)
    doc = head.doc
    kept = {t.i for t in tokens} - drop
    for t in tokens:  # a comma next to a gap (a clause left out) goes too
        if t.text == "," and (t.i - 1 not in kept or t.i + 1 not in kept):
            drop.add(t.i)
    for i in sorted(drop):  # the commas around a dropped clause or apposition go too
        for j in (i - 1, i + 1):
            if 0 <= j < len(doc) and doc[j].text == "," and j not in drop:
                if (j == i - 1 and j + 1 in drop) or (j == i + 1 and j - 1 in drop):
                    drop.add(j)
    toks = [t for t in tokens if t.i not in drop]
    if not toks:
        toks = tokens
    first, last = _span_of(toks)
    kept_ids = {x.i for x in toks}
    seq = [t for t in first.doc[first.i : last.i + 1] if t.i in kept_ids]
    text = _render(seq, keep_det=True)
    words = text.split()
    if len(words) > MAX_LABEL_WORDS:
        subj = subject_of(head)
        core = [c for c in head.children if c.dep_ in ("aux", "auxpass", "neg", "prt")] + [head]
        objs = [
            c
            for c in head.children
            if c.dep_ in ("dobj", "attr", "acomp", "oprd", "xcomp", "dative")
        ]
        obj_toks: list[Token] = []
        for o in objs[:2]:
            if o.dep_ == "xcomp":
                kept = max([head.i] + [t.i for t in obj_toks])
                if o.left_edge.i > kept + 1:
                    continue  # "offered aid [by one of the leaders] to congratulate ...":
                    # a clause after a gap belongs to what was left out, not to this verb
                side = {x.i for c in o.subtree if c.dep_ in _SIDE_CLAUSES for x in c.subtree}
                obj_toks.extend(t for t in o.subtree if not t.is_punct and t.i not in side)
            else:
                obj_toks.extend(_compact_subject(o))
        if not obj_toks:
            prep = next((c for c in head.rights if c.dep_ in ("prep", "agent")), None)
            if prep is not None:
                obj_toks = [prep] + [
                    t for c in prep.children if c.dep_ == "pobj" for t in _compact_subject(c)
                ]
        subj_toks = _compact_subject(subj) if subj is not None and subj.i < head.i else []
        text = _render(subj_toks + core + obj_toks, keep_det=True)
        means = _means_after(head, obj_toks)
        if means:  # "punish the people of Belarus with sanctions": how is part of the claim
            longer = _render(subj_toks + core + obj_toks + means, keep_det=True)
            if len(longer.split()) <= MAX_LABEL_WORDS:
                text = longer
        words = text.split()
        if len(words) > MAX_LABEL_WORDS:
            text = " ".join(words[:MAX_LABEL_WORDS]) + "…"
    text = _LEADING.sub("", text)
    return _first_lower(text, first)


# ----------------------------------------------------------------- the finder


def _inside(i0: int, i1: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s <= i0 and i1 <= e for s, e in spans)


_RANGE_PREPOSITIONS = frozenset({"from", "to", "until", "till", "through", "since", "between"})


def _only_time(root: Token, value: dict[str, Any]) -> bool:
    """Fold this date as the claim's time? One time per claim, and never the ends of a
    range ("runs from April to September": the months are the fact)."""
    if "when" in value:
        return False
    prep = root.head if root.dep_ in ("pobj", "conj") else None
    while prep is not None and prep.dep_ == "conj":
        prep = prep.head
    return not (prep is not None and prep.lower_ in _RANGE_PREPOSITIONS)


def _time_of(tok: Token, head: Token) -> bool:
    """Is the date at ``tok`` (its root) an adverbial of time of the clause ``head``?"""
    if tok.dep_ in ("npadvmod", "tmod") and tok.head.i == head.i:
        return True
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.i == head.i:
        return tok.head.lower_ in (
            "on",
            "in",
            "at",
            "during",
            "last",
            "this",
            "by",
            "before",
            "after",
        )
    if tok.dep_ in ("npadvmod", "advmod") and tok.head.i == head.i:
        return True
    return False


def statements(
    sent: Span,
    reports: list[Report],
    covered: list[Covered],
    quotes: list[Covered],
    all_quotes: list[tuple[int, int]] | None = None,
    worth: Callable[[], float] | None = None,
) -> list[Statement]:
    """The statement claims of one sentence.

    ``reports``: its reported clauses (``speech.reports``); ``covered``: number and date
    claims already found in it; ``quotes``: the attributed direct quotes of the sentence;
    ``all_quotes``: every quoted stretch (a clause inside a quote is not a statement);
    ``worth``: the sentence's check-worthiness score (called only when needed): a clause
    whose only evidence is a name or an actor needs ``WEAK_WORTHINESS`` or more.
    """
    if is_question(sent):
        return []
    doc = sent.doc
    by_head = {r.head.i: r for r in reports}
    heads = clause_heads(sent, by_head)
    stop = {h.i for h in heads}
    whole = doc_text(doc)
    long_quotes = [(q.start, q.end) for q in quotes if len(whole[q.start : q.end].split()) >= 4]
    all_quotes = all_quotes or []
    out: list[Statement] = []
    for head in heads:
        report = by_head.get(head.i) or _enclosing_report(head, by_head)
        if _inside(head.idx, head.idx + len(head.text), long_quotes):
            continue
        if any(r.verb is not None and r.verb.i == head.i for r in reports):
            continue  # "X said ...": the attribution; the reported clause is the claim
        if _rejected(head, sent, report) or _garbled(head):
            continue
        if opinion_predicate(head):
            continue  # records.py: "Venice is the most beautiful city": a view
        tokens = core_tokens(head, stop - {head.i})
        opened = False
        for c in head.children:  # "has not said whether it will appeal": the frame's content
            if c.dep_ == "ccomp" and c.i > head.i and c.i not in stop and open_question(c):
                tokens.extend(t for t in c.subtree if not t.is_punct or t.i < c.right_edge.i)
                opened = True
        if report is None and not opened and _bare_frame(head):
            continue  # "X told reporters that ...": the content is the claim, not the telling
        if not opened and empty_predicate(head, tokens):
            continue  # "The decision comes as ...": no content of its own
        first, last = _span_of(tokens)
        start, end = first.idx, last.idx + len(last.text)
        if end - start < 8 or last.i - first.i < 2:
            continue
        plan = newsroom_plan(head) and not any(a <= start and end <= b for a, b in all_quotes)
        if _newsroom(tokens) or report is None and (unanswered(head) or plan):
            # how the story was reported: no claim, and its weekday is no claim either
            dates = [(c.start, c.end) for c in in_clause(covered, start, end) if c.kind == "date"]
            out.append(Statement(start, end, "", {}, "other", None, dates, silent=True))
            continue
        if _inside(start, end, all_quotes):
            continue  # a clause of a direct quote: the quote is the claim
        in_core = [c for c in covered if start <= c.start and c.end <= end]
        core_ids = {t.i for t in tokens}
        # a clause whose fact is a number: the number claim is it
        numbers = [c for c in in_core if c.kind in NUMBER_KINDS]
        if any(_argument_number(doc, c, head, core_ids) for c in numbers):
            continue
        clause_quotes = [q for q in quotes if start <= q.start and q.end <= end]
        lemma = head.lemma_.lower()
        naming = verb_in(head, NAMING_VERBS) and not _calls_for(head)
        if clause_quotes and (naming or report is None and lemma in _SAYING):
            continue  # 'he called Putin his "elder brother"': the quote is the claim
        if naming and any(start <= a and b <= end for a, b in all_quotes):
            continue  # 'Residents described a "sense of dread"': a characterisation
        if any(c.kind == "ordinal" for c in in_core) and not report:
            ordinal_only = True
        else:
            ordinal_only = False
        tags = _tags(tokens, head)
        if ordinal_only and tags == ["superlative"]:
            continue  # "the first time": the ordinal claim
        if _participle_clause(head) and not (
            _has_signal(head, tokens, tags, strong=True)
            or any(t.ent_type_ in NAME_TYPES for t in tokens)
        ):
            continue  # "..., making the situation worse", "..., angering residents": comment
        if report is None and not _has_signal(head, tokens, tags):
            if not (worth is not None and _plain_event(head) and worth() >= STRONG_WORTHINESS):
                continue
        if (
            report is not None
            and (report.speaker is None or report.opinion)
            and not report.credited
            and not _has_signal(head, tokens, tags, strong=report.opinion)
        ):
            continue
        named_source = report is not None and report.speaker is not None and not report.opinion
        weak = not named_source and (
            not _has_signal(head, tokens, tags, strong=True) and not _states(head)
            or generic_truth(head, tokens)
        )
        if weak and worth is not None and worth() < WEAK_WORTHINESS:
            continue  # only a name or an actor, and the sentence reads as colour or comment
        mode = modality(head)
        value: dict[str, Any] = {"negated": "negated" in tags}
        if tags:
            value["tags"] = tags
        folds: list[tuple[int, int]] = []
        for c in in_core:
            if c.kind == "date":
                root = _root_at(doc, c)
                if root is not None and (c.value or {}).get("time_of") and _only_time(root, value):
                    value["when"] = {"text": doc_text(doc)[c.start : c.end], **(c.value or {})}
                    folds.append((c.start, c.end))
        if report is not None and report.verb is not None:
            for c in covered:
                if c.kind == "date" and (c.start, c.end) not in folds:
                    root = _root_at(doc, c)
                    timed = (
                        (c.value or {}).get("time_of")
                        or root is not None
                        and root.dep_ == "npadvmod"
                    )
                    if (
                        root is not None
                        and timed
                        and _time_of(root, report.verb)
                        and _only_time(root, value)
                    ):
                        value["when"] = {"text": doc_text(doc)[c.start : c.end], **(c.value or {})}
                        folds.append((c.start, c.end))
        short = [q for q in clause_quotes if len(doc_text(doc)[q.start : q.end].split()) < 4]
        if short and report is not None:
            value["quote"] = doc_text(doc)[short[0].start : short[0].end]
            folds.extend((q.start, q.end) for q in short)
        label = _resolve_relative(head, statement_label(head, tokens))
        for q in clause_quotes:  # 'chose to ignore’ the law': no half of a pair of marks
            label = _unmarked(label, doc_text(doc)[q.start : q.end])
        if head.dep_ == "conj" and _own_subject(head) is None:
            label = _with_subject(head, label)  # "suspended train services": whose act
        speaker = report.speaker if report is not None else None
        if report is not None and report.denied:
            value["denied"] = True
            value.setdefault("tags", [])
            if "negated" not in value["tags"]:
                value["tags"].append("negated")
        if report is not None and speaker:
            label = f"{speaker}{' denies' if report.denied else ''}: {label}"
        ctype = claim_type(head, tokens, tags, mode, report)
        out.append(Statement(start, end, label, value, ctype, speaker, folds, weak=weak))
    return out


def _with_subject(head: Token, label: str) -> str:
    """The label of a verb that shares its subject, with the subject in front."""
    subj = subject_of(head)
    if subj is None or subj.i > head.i or subj.lower_ in _RELATIVES:
        return label
    if subj.lower_ in ("i", "we", "you", "he", "she", "it", "they"):
        return label
    name = _render(_compact_subject(subj), keep_det=True)
    if not name or label.lower().startswith(name.lower()):
        return label
    return f"{_first_lower(name, subj)} {label}"


_MARKS = "“”‘’\"'«»"


def _unmarked(label: str, quote: str) -> str:
    """The label with a quoted phrase's marks both kept or both gone, never one."""
    at = label.find(quote)
    if at < 0:
        return label
    end = at + len(quote)
    before = label[at - 1] if at > 0 else ""
    after = label[end] if end < len(label) else ""
    if (before in _MARKS) == (after in _MARKS and after != ""):
        return label
    if before and before in _MARKS:
        return label[: at - 1] + label[at:]
    return label[:end] + label[end + 1 :]


_SAYING = frozenset({"say", "tell", "add", "write", "state", "declare", "insist", "argue", "thank"})
_FRAMING = (
    _SAYING | ENTAILING | {"repeat", "claim", "report", "announce", "tweet", "post", "suggest"}
)


def _calls_for(head: Token) -> bool:
    """ "called on Kigali to withdraw ...", "called for a ceasefire": a demand, not a name."""
    return head.lemma_.lower() == "call" and any(
        c.dep_ in ("prep", "prt") and c.lower_ in ("on", "upon", "for") and c.i == head.i + 1
        for c in head.children
    )


def _bare_frame(head: Token) -> bool:
    """Is the clause only the frame of reported content that is not part of it: a saying
    verb with a following "that" clause ("told reporters that the strike cost ...") or an
    object holding one ("repeated a claim that there is ...")? Such a clause left to its
    own core reads "X told reporters", which states nothing a desk would check."""
    if head.lemma_.lower() not in _FRAMING:
        return False
    for c in head.children:
        if c.i < head.i:
            continue
        if c.dep_ == "ccomp":
            return True
        if c.dep_ == "dobj" and any(
            g.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" for m in g.children)
            for g in c.children
        ):
            return True
    return False


def in_clause(covered: list[Covered], start: int, end: int) -> list[Covered]:
    return [c for c in covered if start <= c.start and c.end <= end]


def _root_at(doc: Any, c: Covered) -> Token | None:
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    return span.root if span is not None else None


def _argument_number(doc: Any, c: Covered, head: Token, core_ids: set[int]) -> bool:
    """Is the number one of the clause's own arguments (not inside a side phrase)?"""
    root = _root_at(doc, c)
    if root is None or root.i not in core_ids:
        return False
    node = root
    while node.i != head.i:
        if node.dep_ in ("relcl", "acl", "advcl", "ccomp", "appos", "conj"):
            return False
        if node.head.i == node.i:
            return False
        node = node.head
    return True
