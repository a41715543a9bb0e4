"""Attributed (indirect) speech: who a clause is credited to.

"X said (that) Y", "Y, X said", "X told reporters Y", "according to X, Y", "X denied
that Y", "a study found that Y": the reported clause Y is the claim, X its speaker.
Speakers are people and organisations; pronouns ("he said", "it said") resolve to
the last one named in reach (``SpeakerTracker`` in ``quotes.py``). Works on the
spaCy parse; imported only by extraction.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from .doc_cache import entity_at, span_text
from .mentions import (
    SOURCE_DOCUMENTS,
    a_person_noun,
    aged,
    document_source,
    name_before,
    someone_unnamed,
)
from .quotes import NAMING_VERBS, SPEECH_VERBS, SpeakerTracker, _subject_of, _untitled

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

REPORTING_VERBS = SPEECH_VERBS | frozenset(
    """find show reveal indicate allege disclose inform brief signal maintain contend
    forecast project expect believe fear rule determine post reiterate reaffirm affirm
    reckon hint counter retort lament assure boast recount concur""".split()
) - frozenset({"ask", "thank", "quote", "describe", "urge"})
"""Verbs whose clausal complement is what the subject asserts (the claim)."""

HEARING_VERBS = frozenset({"hear", "learn"})
"""Verbs whose subject received the report ("the court heard that ...", "the BBC has
learned that ..."): the clause is a report, its source unnamed."""

__all__ = [
    "NAMING_VERBS",
    "PREDICTION_VERBS",
    "REPORTING_VERBS",
    "Report",
    "act_speaker",
    "reports",
    "speech_act",
]

PREDICTION_VERBS = frozenset(
    "predict forecast project expect warn estimate promise vow pledge".split()
)
_OPINION_SUBJECTS = frozenset({"i", "we", "you"})
_BELIEF_VERBS = frozenset({"believe", "fear", "expect"})
_DENIALS = frozenset({"deny", "dispute", "reject"})


@dataclass(frozen=True)
class Report:
    """A reported clause: ``head`` is its verb, ``speaker`` who it is credited to."""

    head: Token
    speaker: str | None
    verb: Token | None  # the verb of saying (None for "according to")
    denied: bool = False
    opinion: bool = False  # credited to commentators ("analysts said"): an interpretation
    credited: bool = False  # a speaker is there ("he said") even if not resolved


def _agent(verb: Token) -> Token | None:
    """The "by" agent of a passive verb of saying ("it was reported by Reuters")."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def speaker_of(verb: Token, tracker: SpeakerTracker, base: int = 0) -> str | None:
    """Who a verb of saying credits: its subject (or passive agent), resolved."""
    subj = _subject_of(verb)
    if subj is not None and subj.dep_ == "nsubjpass":
        subj = _agent(verb)
    described_as = ""
    if subj is not None and subj.pos_ == "NOUN" and not subj.ent_type_:
        # "The charity Shelterline said": the parser gave the verb two subjects, the
        # describing noun and the name after it; the speaker is the body so described
        name = next(
            (
                c
                for c in verb.children
                if c.dep_ == "nsubj" and c.left_edge.i == subj.i + 1 and c.pos_ == "PROPN"
            ),
            None,
        )
        if name is not None:
            words = [t for t in subj.subtree if t.i <= subj.i and t.dep_ != "det"]
            if not a_person_noun(subj):  # "Federal Reserve chair Jerome Powell said": him
                described_as = " ".join(t.text for t in words)
            subj = name
    if subj is not None and subj.i < verb.i and document_source(subj) is None and (
        {subj.lemma_.lower(), subj.lower_} & SOURCE_DOCUMENTS
    ):
        # "The report, by the National Audit Office, said": the parser hung "by" on the verb
        by = next(
            (
                o
                for c in verb.children
                if c.dep_ == "prep" and c.lower_ == "by" and subj.i < c.i < verb.i
                for o in c.children
                if o.dep_ == "pobj" and o.ent_type_ in ("ORG", "PERSON", "GPE", "NORP")
            ),
            None,
        )
        if by is not None:
            subj = by
    if subj is not None and subj.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
        who = subj.lower_ == "who"
        subj = verb.head  # "said Maria Lopez, who told reporters ...": Lopez
        if who:
            subj = _person_up(subj)
    if subj is None and verb.dep_ == "pcomp" and verb.head.lower_ == "as":
        subj = _subject_of(verb.head.head)  # "X was quoted as saying": X
    if subj is None or (subj.pos_ == "NOUN" and not subj.ent_type_ and subj.i < verb.i):
        # "The UN envoy for Cyprus, Anders Lund, said": the name set off before the verb
        start = verb.sent.start if subj is None else subj.i + 1
        name = name_before(verb, start)
        if name is not None:
            at = base + verb.doc[verb.i - 2].idx
            if subj is not None and subj.tag_ == "NNS":
                tracker.note_org(at, name)  # "The producers, Halcyon Stage, said": a body
            else:
                tracker.note_subject(at, name)
            return name
    if subj is None:
        return _named_before(verb, tracker, base)
    if subj.lower_ == "it":
        return tracker.resolve_it(subj, base)
    speaker = source_name(subj, tracker, base)
    if not speaker:
        return speaker
    if described_as and described_as.lower() not in speaker.lower():
        speaker = f"{described_as} {speaker}"  # "Russian state news agency Tas"
    if subj.pos_ in ("PROPN", "NOUN") and _a_person(subj, speaker, tracker):
        if " " not in speaker and " " in tracker.full.get(speaker, ""):
            speaker = _untitled(tracker.full[speaker])  # "Rourke, 62," after "Nadia Rourke"
        tracker.note_subject(base + subj.idx, speaker)  # "Wilders told ...": he, from now on
    elif subj.pos_ == "PROPN" and not subj.ent_type_:
        tracker.note_org(base + subj.idx, speaker)  # "Thames Vale Water said": the company
    elif subj.pos_ == "NOUN" and subj.tag_ == "NN" and not someone_unnamed(subj):
        tracker.note_org(base + subj.idx, speaker)  # "The president's office said ... It added"
    return speaker


def _person_up(tok: Token) -> Token:
    """The person a "who" clause hung on the last noun stands for: "said Dimitra Lagou, a
    fire ecologist at the Agricultural University of Athens, who blamed ...": up from
    "Athens" through the phrase that describes her to Lagou (else ``tok`` itself)."""
    node = tok
    while node.ent_type_ != "PERSON" and node.dep_ in ("pobj", "prep", "appos", "compound"):
        if node.head is node:
            break
        node = node.head
    return node if node.ent_type_ == "PERSON" else tok


def _a_person(subj: Token, speaker: str, tracker: SpeakerTracker) -> bool:
    """Is the named speaker a person: a full name seen before, or a title ("Mr Dlamini")?"""
    if speaker in tracker.people.values():
        return True
    if aged(subj):
        return True  # "Rourke, 62, said": an age set off after the name
    doc = subj.doc
    left = doc[subj.left_edge.i] if subj.left_edge.i < subj.i else None
    title = left if left is not None else (doc[subj.i - 1] if subj.i > 0 else None)
    return title is not None and title.lower_.rstrip(".") in ("mr", "mrs", "ms", "dr", "miss")


def source_name(tok: Token, tracker: SpeakerTracker, base: int) -> str | None:
    """Who a source token names; a document stands for its source ("a statement from
    the presidency", "a study by researchers at X", "the agency's latest figures")."""
    source = document_source(tok)
    document = tok.pos_ == "NOUN" and {tok.lemma_.lower(), tok.lower_} & SOURCE_DOCUMENTS
    if source is None and document:
        earlier = tracker.earlier_document(tok, base)
        if earlier is not None:
            return earlier
    return tracker.resolve(tok if source is None else source, base, speech=True)


def _named_before(verb: Token, tracker: SpeakerTracker, base: int) -> str | None:
    """ "..., the grid operator Red Electrica said": a verb of saying the parser left
    without a subject, right after a named body or person; that name is the speaker."""
    if verb.i == verb.sent.start:
        return None
    ent = entity_at(verb.doc, verb.i - 1)
    if ent is None or ent.end != verb.i or ent.label_ not in ("PERSON", "ORG", "NORP"):
        return None
    return tracker.resolve(verb.doc[verb.i - 1], base, speech=True)


def _according_to(sent: Span) -> list[tuple[Token, Token]]:
    """(head the phrase attaches to, the source token) for each "according to X"."""
    found: list[tuple[Token, Token]] = []
    if "according" not in span_text(sent).lower():
        return found  # no token can be "according"
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and tok.nbor().lower_ == "to":
            to = tok.nbor()
            src = next((c for c in to.children if c.dep_ == "pobj"), None)
            if src is None:
                src = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if src is not None:
                found.append((_framed_clause(tok, src, sent), src))
    return found


def _framed_clause(according: Token, src: Token, sent: Span) -> Token:
    """The clause "according to X" credits: the one it hangs on, but the main clause
    when the phrase opens or closes the sentence ("According to the union, evictions
    reported to councils have risen"), where the parser often hangs it lower."""
    doc = sent.doc
    last = sent.end - 1
    while last > according.i and doc[last].is_punct:
        last -= 1
    opens = according.i == sent.start
    closes = doc[according.i - 1].text == "," and src.right_edge.i >= last
    if (opens or closes) and sent.root.pos_ in ("VERB", "AUX"):
        return sent.root
    return according.head


def verb_in(tok: Token, lexicon: frozenset[str]) -> bool:
    """Is the verb one of ``lexicon``? Reads the lemma and, since the lemmatizer slips
    ("hopes" -> "hop"), the word less a regular ending (``verb_forms``)."""
    return not lexicon.isdisjoint(verb_forms(tok.lemma_, tok.lower_))


@lru_cache(maxsize=8192)
def verb_forms(lemma: str, low: str) -> tuple[str, ...]:
    """The forms ``verb_in`` looks up for a word: its lemma (lower case), the word, and
    the word less each regular ending it has ("walked" -> "walk", "walke")."""
    forms = [lemma.lower(), low]
    for suffix in ("s", "es", "ed", "d", "ing"):
        if low.endswith(suffix):
            forms.append(low[: -len(suffix)])
    return tuple(forms)


def _misparsed_that_clause(tok: Token) -> bool:
    """ "said in a statement ahead of the meeting that leaders would ...": a "that"
    clause the parser hung on the nearest noun; its verb of saying is above the noun."""
    if not any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children):
        return False
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return False
    verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return verb is not None and verb_in(verb, REPORTING_VERBS)


def _acl_in_frame(tok: Token) -> bool:
    """ "said in a statement that it was monitoring ...": the parser made the clause a
    complement of the frame's noun ("statement", "interview"), itself the object of a
    preposition on the verb of saying."""
    if tok.dep_ != "acl" or tok.head.dep_ != "pobj":
        return False
    prep = tok.head.head
    return prep.dep_ == "prep" and prep.head.pos_ in ("VERB", "AUX")


OPINION_SOURCES = frozenset(
    """analyst analysts observer observers critic critics supporter supporters opponent
    opponents commentator commentators pundit pundits expert experts economist economists
    diplomat diplomats sceptic sceptics skeptic skeptics detractor detractors fan fans some
    many others""".split()
)
"""Sources whose reported clause is usually an interpretation, unless it names facts."""


def _commentary(verb: Token, subj: Token | None) -> bool:
    """ "Analysts said the visit was meant to ...", "diplomats said privately ...": a
    reading of events by unnamed commentators, or an off-the-record hedge."""
    if any(c.lower_ in ("privately", "anonymously") for c in verb.children):
        return True
    if verb_in(verb, PREDICTION_VERBS):
        return False  # "economists expect growth to slow": a forecast to check later
    return subj is not None and not subj.ent_type_ and subj.lower_ in OPINION_SOURCES


_WH_WORDS = frozenset({"when", "where", "who", "what", "which", "whom", "whose"})
"""Words opening a question that leaves a gap; "why" and "how" (the manner) take the
event as known ("asked why she had kept working"), so their clause still reports it."""
_HOW_GAPS = frozenset({"many", "much", "long", "often", "far", "soon"})


def open_question(clause: Token) -> bool:
    """Is the complement a question left open ("whether it will appeal", "when the coach
    would return", "how many soldiers had been sent", "who will pay")? It reports no
    answer, so no claim of the speaker's: the frame with it ("the club did not say when
    the coach would return") is the statement."""
    if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in clause.children):
        return True
    doc = clause.doc
    first = doc[clause.left_edge.i]  # after the verb: not "..., which X suggests could"
    if not clause.head.i < first.i < clause.i:
        return False
    if first.lower_ in ("how", "why") and withheld(clause.head):
        return True  # "has yet to say how the scheme will be paid for": no manner told
    if first.lower_ == "how":  # "how many soldiers", not "how the ocean stores heat"
        return first.i + 1 < clause.i and doc[first.i + 1].lower_ in _HOW_GAPS
    return first.lower_ in _WH_WORDS


def withheld(frame: Token) -> bool:
    """A frame that tells nothing: negated ("did not say how"), not yet done ("has yet to
    explain why") or refused ("declined to say how")."""
    if any(c.dep_ == "neg" for c in frame.children):
        return True
    up = frame.head
    return frame.dep_ == "xcomp" and (
        any(c.dep_ == "advmod" and c.lower_ == "yet" for c in up.children)
        or up.lemma_.lower() in ("decline", "refuse", "fail")
    )


def reports(sent: Span, tracker: SpeakerTracker, base: int = 0) -> list[Report]:
    """The reported clauses of a sentence, each with its speaker (None when unnamed)."""
    out: list[Report] = []
    for tok in sent:
        if (tok.dep_ == "relcl" or _acl_in_frame(tok)) and _misparsed_that_clause(tok):
            verb = next(a for a in tok.ancestors if a.pos_ in ("VERB", "AUX"))
            subj = _subject_of(verb)
            speaker, opinion = speaker_of(verb, tracker, base), _commentary(verb, subj)
            out.append(Report(tok, speaker, verb, opinion=opinion))
            continue
        if tok.dep_ not in ("ccomp", "xcomp", "conj") or tok.pos_ not in ("VERB", "AUX"):
            continue
        if open_question(tok):
            continue  # "has not said whether it will appeal", "did not say when ...": no answer
        verb = tok.head
        if tok.dep_ == "conj":  # "said that X and that Y": the second clause too
            if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in REPORTING_VERBS:
                continue
            verb = verb.head
        lemma = verb.lemma_.lower()
        heard = tok.dep_ == "ccomp" and verb_in(verb, HEARING_VERBS)
        if not (verb_in(verb, REPORTING_VERBS) or _phrasal_report(verb) or heard):
            continue
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        if tok.dep_ == "xcomp" and lemma not in ("expect", "forecast", "project", "believe"):
            continue  # "promised to help": an intention, not a reported clause
        if tok.dep_ == "xcomp" and _agentless_passive(verb):
            continue  # "It is not expected to survive the night": one forecast, nobody's report
        subj = _subject_of(verb)
        if (
            lemma in _BELIEF_VERBS | {"think"}
            and subj is not None
            and subj.lower_ in _OPINION_SUBJECTS
        ):
            continue  # "I believe ...": opinion
        if tok.i < verb.i and _relative_frame(tok, verb):
            continue  # "X was closed by Y, whose chief said ...": the main clause is no report
        if heard or _told(verb):
            # "The court heard that ...", "the jury was told ...": the subject is the
            # audience; the clause is reported (evidence, testimony), its source unnamed
            out.append(Report(tok, None, verb, credited=True))
            continue
        speaker = speaker_of(verb, tracker, base)
        opinion = _commentary(verb, subj)
        credited = subj is not None and subj.lower_ in ("he", "she", "they")
        out.append(
            Report(tok, speaker, verb, denied=lemma in _DENIALS, opinion=opinion, credited=credited)
        )
    out.extend(_parentheticals(sent, tracker, base))
    for head, src in _according_to(sent):
        name = source_name(src, tracker, base)
        out.append(Report(head, name, None))
    return _outermost(out)


def speech_act(verb: Token) -> bool:
    """A verb of saying whose content is no clause but a thing or an act: "Rwanda denies
    supporting the group", "G7 foreign ministers urged both sides to avoid violence",
    "The United States called on Kigali to withdraw": the claim is the whole clause,
    credited to its subject."""
    if verb.pos_ != "VERB" or any(c.dep_ == "ccomp" for c in verb.children):
        return False
    lemma = verb.lemma_.lower()
    if lemma == "deny":  # not "Southeastern denied that": what it denies is elsewhere
        return any(
            c.dep_ == "xcomp" or c.dep_ == "dobj" and c.pos_ != "PRON" for c in verb.children
        )
    if lemma == "urge":
        return any(c.dep_ == "xcomp" for c in verb.children)
    if lemma == "blame":  # "The operator blamed a shortage of drivers": a cause it gives
        return any(c.dep_ == "dobj" and c.pos_ != "PRON" for c in verb.children)
    if lemma == "call":
        on = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "on"), None)
        return on is not None and any(
            c.dep_ == "xcomp" for x in (verb, on, *on.children) for c in x.children
        )
    return False


def act_speaker(verb: Token, tracker: SpeakerTracker, base: int = 0) -> str | None:
    """Who a speech act (``speech_act``) credits: its subject, when a name stands for it
    (a person, a body, a country; not "he" alone, nor a common noun)."""
    subj = _subject_of(verb)
    if subj is None or subj.pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    if subj.pos_ == "NOUN" and not any(
        t.ent_type_ in ("ORG", "NORP", "GPE", "PERSON") for t in subj.subtree
    ):
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in subj.children):
            return None  # "campaigners urged ...": an unnamed source
        name = speaker_of(verb, tracker, base)  # "the operator blamed": the body named before
        return name if name and not name.islower() else None
    return speaker_of(verb, tracker, base)


def _parentheticals(sent: Span, tracker: SpeakerTracker, base: int) -> list[Report]:
    """ "The new plant, she says, will create 400 jobs", "The deal would, Moss said,
    transform the region": a verb of saying set off inside the clause it reports (the
    parser hangs it on that clause's verb as parataxis, with no clause of its own)."""
    out = []
    for tok in sent:
        if tok.dep_ != "parataxis" or tok.pos_ != "VERB" or not verb_in(tok, SPEECH_VERBS):
            continue
        head = tok.head
        if head.pos_ not in ("VERB", "AUX") or not head.left_edge.i < tok.i < head.right_edge.i:
            continue  # not inside the clause it reports
        if any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in tok.children):
            continue  # "..., she said it was bad": a report of its own
        if _subject_of(tok) is None or _subject_of(head) is None:
            continue
        out.append(Report(head, speaker_of(tok, tracker, base), tok, credited=True))
    return out


def _outermost(found: list[Report]) -> list[Report]:
    """ "Pryce told the court the firm had believed the tenants had left", "the judge
    rejected that account, saying text messages showed ...": a report inside another
    report's clause is credited to the outer speaker, who is the article's source."""
    if len(found) < 2:
        return found
    out = []
    for r in found:
        outer = next(
            (
                o
                for o in found
                if o is not r
                and o.verb is not None
                and o.speaker
                and not o.opinion
                and r.verb is not None
                and r.verb.i != o.verb.i
                and (o.head.i == r.verb.i or o.head in r.verb.ancestors)
            ),
            None,
        )
        if outer is not None and outer.speaker != r.speaker:
            r = Report(r.head, outer.speaker, r.verb, r.denied, r.opinion, True)
        out.append(r)
    return out


_PHRASAL_REPORTS = {"point": "out", "make": "clear", "spell": "out"}


def _phrasal_report(verb: Token) -> bool:
    """ "pointed out that", "made clear that", "spelled out that": a verb of saying in
    two words."""
    part = _PHRASAL_REPORTS.get(verb.lemma_.lower())
    return part is not None and any(c.lower_ == part for c in verb.children)


_RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})


def _relative_frame(clause: Token, verb: Token) -> bool:
    """Is the verb of saying inside a relative clause that follows the clause the parser
    hung on it ("The plan was drawn up by the council, whose leader Jan Botha said ...",
    "The bridge reopened after repairs that engineer Paul Grant said had cost ...")? A
    relative word between them with no punctuation up to the verb: the verb reports
    only what follows it; the clause before is the article's own."""
    doc = verb.doc
    for i in range(verb.i - 1, clause.i, -1):
        tok = doc[i]
        if tok.is_punct:
            return False
        if tok.tag_ in _RELATIVE_TAGS:
            return True
    return False


def _told(verb: Token) -> bool:
    """ "The court was told that ...", "Parliament was informed ...": a passive verb of
    telling with no "by" agent, whose subject heard the report."""
    return (
        verb.lemma_.lower() in ("tell", "inform", "brief")
        and _agentless_passive(verb)
        and any(c.dep_ == "nsubjpass" for c in verb.children)
    )


def _agentless_passive(verb: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children) and _agent(verb) is None


def is_reporting(verb: Token) -> bool:
    return verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in REPORTING_VERBS
