"""Sentences that state no fact by their role in the article: the newsroom's own work
and the text pointing at itself.

* **Unanswered requests** (``unanswered``): "The department had not replied by the time
  of publication", "Representatives for the singer did not return calls on Friday",
  "Police did not give further details", "The BBC has approached the company for a
  response". A verb of answering, negated, whose only object is the exchange itself
  (calls, a request, further details) tells how the story was reported. An answer that
  is a thing of record stays a claim: "did not respond to three letters sent in May"
  (counted, dated), "to the regulator's request" (someone's request), "did not respond
  to the tribunal" (an object that is no message).
  So is a check the paper could not make ("The BBC has been unable to confirm the
  reports", "Reuters could not independently verify the footage"; "did not confirm the
  deaths of 12 soldiers" keeps its count) and an answer given as none ("Officials gave no
  timeline", "No timeline was given for the repairs"), and the exchange itself said to be
  unanswered or none ("Calls to the company went unanswered on Monday", "There was no
  immediate response from Moscow"; "no response to 40 complaints" keeps its count).
* **The paper's own plans** (``newsroom_plan``): "We're expecting a statement at around
  11am", "We'll be back at 8am": a first-person future or progressive of the paper, outside
  any quote and any reported clause.
* **Beliefs credited to nobody** (``guessed``): "It is thought the fire started in the
  kitchen at about 2am", "It is feared that 40 people were on board".
* **Pointers** (``pointer``): "Here is what we know", "Here's how it works", "Here is
  what has been confirmed, and what has not": the sentence announces what follows.
* **The text about itself** (``about_the_text``): "This article was amended on 4 March
  to correct ...", "This piece first appeared in ...": the subject is the article.
* **A rank denied** (``denied_rank``): "The survey is not the first to raise concern":
  a negated "first"/"only" holds no record and names no one before; with a name or a
  number in its clause ("Kenya is not the first country to ...") it stays.
* **A question left open that asks nothing** (``unelaborated``): "He did not say what
  that would mean", "She did not say what it would look like": a withheld
  frame whose question has no word of its own (pronouns and a verb of meaning), the
  same as "Officials did not elaborate". "did not say when the road will reopen" and
  "declined to say whether he would resign" name what was asked and are left.
* **What is not known** (``unknown_state``): "The cause of the fire is not yet known",
  "It is not clear who ...": the paper says what it does not know.

Each test reads the parse; ``statements._rejected``, ``statements.statements`` and
``nonclaims.unasserted`` ask the same tests, so a sentence's numbers, dates, ordinals
and statements fall together. Imported only by extraction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .doc_cache import span_ents
from .lexicon import AMOUNT_ENTS
from .speech import open_question, withheld

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

ANSWER_VERBS = frozenset(
    {"respond", "reply", "elaborate", "return", "answer", "give", "provide", "offer", "release"}
)
"""Verbs of answering a reporter: with only the exchange as object, no claim."""
VERIFY_VERBS = frozenset({"verify", "confirm", "corroborate", "authenticate"})
"""Verbs of checking: "could not independently verify the footage" is the paper's work."""
_NEWSROOM_PLANS = frozenset({"expect", "hear", "bring", "follow", "watch", "await", "wait"})
REQUEST_VERBS = frozenset({"approach", "contact", "ask", "email", "call", "reach"})
"""Verbs of asking someone for a response ("approached the company for a response")."""
EXCHANGE_NOUNS = frozenset(
    """request requests call calls message messages email emails query queries question
    questions response responses reply replies comment comments detail details
    information statement reaction explanation timeline timetable date figure figures
    reason estimate breakdown word""".split()
)
"""What passes between a reporter and a source: calls, messages, details, a response."""
_MORE = frozenset(
    {"further", "more", "other", "additional", "immediate", "any", "a", "an", "no", "the"}
)
TEXT_NOUNS = frozenset(
    "article story piece page post blog interview version feature column episode".split()
)
"""Nouns for the text itself ("this article", "this story"; a report or study is
research, not the article, and is left out)."""
_WH = frozenset({"what", "how", "why", "where", "who", "when", "which"})
_KNOWING = frozenset({"know", "clear", "certain", "confirm", "establish", "determine"})
_NAMES = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "EVENT", "LAW", "PRODUCT"})


def _negated(head: Token) -> bool:
    """ "did not", "failed to", "was unable to", or an answer given as "no timeline"."""
    if any(c.dep_ == "neg" for c in head.children) or _framed_refusal(head):
        return True
    if head.dep_ == "xcomp" and head.head.lemma_.lower() == "unable":
        return True
    return any(
        c.dep_ in ("dobj", "nsubjpass")
        and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
        for c in head.children
    )


def _framed_refusal(head: Token) -> bool:
    """ "failed to respond", "declined to give details": the refusal frames the verb."""
    return head.dep_ == "xcomp" and head.head.lemma_.lower() in ("fail", "decline", "refuse")


def _only_weekday(tok: Token) -> bool:
    """A time that dates no record: a weekday, "immediately", "by the time of publication"."""
    if tok.ent_type_ == "DATE":
        return all(
            t.ent_type_ != "DATE" or t.tag_ == "NNP" and t.lower_.endswith("day")
            for t in tok.subtree
        )
    return tok.lemma_.lower() in ("time", "publication", "deadline", "press", "yet", "now")


def _exchange(noun: Token) -> bool:
    """A noun of the exchange with nobody's own stamp on it: "calls", "requests for
    comment", "further details"; not "the regulator's request", "three letters", "the
    questions the committee sent in May"."""
    if noun.lower_ not in EXCHANGE_NOUNS:
        return False
    for c in noun.children:
        if c.dep_ in ("poss", "nummod", "acl", "relcl", "appos", "compound"):
            return False
        if c.dep_ in ("det", "amod") and c.lower_ not in _MORE:
            return False
        if c.dep_ == "prep" and c.lower_ in _TOPIC_PREPOSITIONS:
            if any(t.ent_type_ in AMOUNT_ENTS or t.ent_type_ in _NAMES for t in c.subtree):
                return False  # "details of the 300 job cuts", "comment on the Acme deal"
            continue  # "further details about the incident"
        if c.dep_ == "prep" and not all(
            _exchange(o) or _only_weekday(o) for o in c.children if o.dep_ == "pobj"
        ):
            return False
    return True


_TOPIC_PREPOSITIONS = frozenset({"about", "on", "of", "regarding", "into", "over"})


def _objects_are_exchange(head: Token, allow_person: bool = False) -> bool:
    """Every object and prepositional object of ``head`` is the exchange or a time that
    dates nothing; with ``allow_person``, one object may be whom was asked."""
    person = allow_person
    for c in head.children:
        if c.dep_ == "dative":
            continue  # whom it was given to ("gave reporters no details", "given for")
        if c.dep_ in ("dobj", "attr", "oprd"):
            if _exchange(c):
                continue
            if person:
                person = False
                continue
            return False
        if c.dep_ in ("prep", "agent"):
            objs = [o for o in c.children if o.dep_ == "pobj"]
            if not all(_exchange(o) or _only_weekday(o) for o in objs):
                return False
        if c.dep_ in ("ccomp", "xcomp", "advcl", "npadvmod") and not _only_weekday(c):
            return False
    return True


def unanswered(head: Token) -> bool:
    """A source that did not answer, or a reporter asking it for a response (see the
    module's docstring)."""
    lemma = head.lemma_.lower()
    for c in head.children:  # "The BBC has been unable to confirm the reports"
        if c.dep_ == "acomp" and c.lemma_.lower() == "unable":
            return any(x.dep_ == "xcomp" and unanswered(x) for x in c.children)
    if lemma in VERIFY_VERBS and (_negated(head) or _could_not(head)):
        return not _named_or_counted(head.doc[head.left_edge.i : head.right_edge.i + 1])
    if lemma in ANSWER_VERBS and _negated(head):
        if lemma in ("respond", "reply", "elaborate"):
            return _objects_are_exchange(head)
        # "return calls", "give further details": an object is needed, and only that
        has_object = any(c.dep_ in ("dobj", "nsubjpass") and _exchange(c) for c in head.children)
        return has_object and _objects_are_exchange(head)
    if lemma in ("go", "remain", "be") and _unanswered_exchange(head):
        return True
    if lemma in REQUEST_VERBS:
        asked_for = any(
            c.dep_ == "prep"
            and c.lower_ == "for"
            and any(o.dep_ == "pobj" and _exchange(o) for o in c.children)
            for c in head.children
        )
        return asked_for and _objects_are_exchange(head, allow_person=True)
    return False


def _unanswered_exchange(head: Token) -> bool:
    """ "Calls to the company went unanswered on Monday", "There was no immediate response
    from Moscow", "There was no word from the palace by 6pm": the exchange as the subject,
    unanswered, or said to be none; whom it was addressed to or came from is no record."""
    subj = next((c for c in head.children if c.dep_ in ("nsubj", "attr")), None)
    if subj is None or subj.lower_ not in EXCHANGE_NOUNS:
        return False
    if any(c.dep_ == "poss" for c in subj.children) or any(
        t.ent_type_ in AMOUNT_ENTS for t in subj.subtree
    ):
        return False  # "no response to 40 complaints": a count of record
    if any(c.dep_ == "expl" for c in head.children):  # "There was no response"
        return (
            subj.dep_ == "attr"
            and any(d.dep_ == "det" and d.lower_ == "no" for d in subj.children)
            and not any(c.dep_ == "ccomp" for c in head.children)
        )
    return any(
        c.dep_ == "acomp" and c.lower_ in ("unanswered", "unreturned") for c in head.children
    )


def _could_not(head: Token) -> bool:
    return any(
        c.dep_ == "aux" and c.lower_ in ("could", "can", "ca") for c in head.children
    ) and any(c.dep_ == "neg" for c in head.children)


def newsroom_plan(head: Token) -> bool:
    """The paper's own plan, told in the first person: "We'll be back at 8am", "We're
    expecting a statement at around 11am", "We will update this story" (a quote's "we"
    is the speaker's: callers leave quoted words out)."""
    if not any(c.dep_ == "nsubj" and c.lower_ == "we" for c in head.children):
        return False
    auxes = {c.lower_ for c in head.children if c.dep_ == "aux"}
    if auxes & {"will", "'ll", "shall"}:
        return True
    return (
        head.tag_ == "VBG"
        and head.lemma_.lower() in _NEWSROOM_PLANS
        and bool(auxes & {"are", "'re", "am", "'m"})
    )


_GUESSES = frozenset({"think", "believe", "fear", "suspect", "rumour", "rumor", "say"})


def guessed(head: Token) -> bool:
    """ "It is thought (that) ...", "It is feared ...": a belief credited to nobody (an
    impersonal passive with no agent); "Police believe ..." and "The oak is believed to be
    the oldest tree, the trust said" are not this shape."""
    return (
        head.tag_ == "VBN"
        and head.lemma_.lower() in _GUESSES
        and any(c.dep_ in ("nsubjpass", "expl") and c.lower_ == "it" for c in head.children)
        and any(c.dep_ == "auxpass" for c in head.children)
        and not any(c.dep_ == "agent" for c in head.children)
        and any(c.dep_ == "ccomp" for c in head.children)
    )


def pointer(sent: Span) -> bool:
    """ "Here is what we know", "Here's how it works": the sentence points at what
    follows (a colon's list after it, "Here is what we know: 12 died", is read)."""
    first = sent.doc[sent.start]
    root = sent.root
    if first.lower_ != "here" or first.head.i != root.i or root.lemma_.lower() != "be":
        return False
    if any(t.text in (":", ";") for t in sent):
        return False
    return any(
        c.dep_ in ("nsubj", "nsubjpass", "attr", "ccomp", "csubj") and c.left_edge.lower_ in _WH
        for c in root.children
    )


def about_the_text(sent: Span) -> bool:
    """Is the root's subject the article itself ("This article was amended ...")?"""
    root = sent.root
    for c in root.children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in TEXT_NOUNS:
            return any(d.dep_ == "det" and d.lower_ == "this" for d in c.children)
    return False


def _named_or_counted(sent: Span) -> bool:
    return any(e.label_ in AMOUNT_ENTS or e.label_ in _NAMES for e in span_ents(sent))


def by_role(
    root: Token, sent: Span, reported: frozenset[int] = frozenset(), quoted: bool = False
) -> bool:
    """Is the number, date or ordinal whose root is ``root`` in a sentence or clause
    that states nothing by its role (the tests above, as statements make them)?
    ``reported``: heads of reported clauses ("He said Aydın had not yet responded" is
    what he said, not the newsroom's request); ``quoted``: the entity is inside a direct
    quote (its "we" is the speaker's)."""
    if pointer(sent) or about_the_text(sent):
        return True
    node = root
    while True:  # up the entity's own clause, and from a complement clause to its frame
        if node.pos_ in ("VERB", "AUX"):
            if unanswered(node) and node.i not in reported or denied_rank(node, sent):
                return True
            if unknown_state(node) and node.i not in reported:
                return True
            if not quoted and node.i not in reported and newsroom_plan(node):
                return True
            if guessed(node):
                return True
            if node.dep_ not in ("ccomp", "csubj", "xcomp"):
                return False  # "The firm, which employs 400, did not respond": its own clause
        if node.head.i == node.i:
            return False
        node = node.head


def may_be_role(sent: Span) -> bool:
    """A cheap first look: a sentence opened by "here" or "this", one with a negation,
    a "we", "no", "unable" or "it", or a verb of asking."""
    if sent.doc[sent.start].lower_ in ("here", "this"):
        return True
    return any(
        t.dep_ == "neg" or t.lower_ in _LOOK_WORDS or t.lemma_.lower() in REQUEST_VERBS
        for t in sent
    )


_LOOK_WORDS = frozenset({"we", "no", "unable", "it", "unanswered", "unreturned"})


def denied_rank(head: Token, sent: Span) -> bool:
    """ "The survey is not the first to raise concern": a negated "be" with a rank as
    its complement, and nothing named or counted in the sentence; the rank's own
    clause ("to raise concern") goes with it."""
    if head.dep_ in ("relcl", "acl") and head.head.dep_ == "attr":
        head = head.head.head
    if head.lemma_.lower() != "be" or not any(c.dep_ == "neg" for c in head.children):
        return False
    ranks = [c for c in head.children if c.dep_ == "attr"]
    return (
        bool(ranks)
        and any(
            r.lower_ in ("first", "only", "last")
            or any(a.dep_ == "amod" and a.lower_ in ("first", "only", "last") for a in r.children)
            for r in ranks
        )
        and not _named_or_counted(sent)
    )


def unknown_state(head: Token) -> bool:
    """ "The cause is not yet known", "It was not clear who": a negated state of
    knowing with no one who knows (no agent, no subject person)."""
    lemma = head.lemma_.lower()
    if lemma in _KNOWING and head.tag_ == "VBN":
        return (
            any(c.dep_ == "neg" for c in head.children)
            and any(c.dep_ == "auxpass" for c in head.children)
            and not any(c.dep_ == "agent" for c in head.children)
        )
    if lemma == "be" and any(c.dep_ == "neg" for c in head.children):
        return any(c.dep_ == "acomp" and c.lemma_.lower() in _KNOWING for c in head.children)
    return False


_MEANING_VERBS = frozenset({"mean", "entail", "involve", "imply", "happen", "look"})
_VAGUE_SUBJECTS = frozenset({"more", "this", "that", "any", "anything", "something"})


def _vague_sequel(question: Token) -> bool:
    """ "whether more would follow", "whether that would change": a question whose
    subject is a word that names nothing and stands for no one ("whether he would resign"
    and "whether it will appeal" ask of someone's act) and whose verb takes no object."""
    subj = next((c for c in question.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return (
        subj is not None
        and subj.lower_ in _VAGUE_SUBJECTS
        and not any(c.dep_ in ("dobj", "attr", "ccomp", "xcomp") for c in question.children)
    )
_SAY_VERBS = frozenset({"say", "explain", "specify", "disclose", "reveal", "tell", "clarify"})


def unelaborated(head: Token) -> bool:
    """ "He did not say what that would mean": a verb of saying, withheld, whose open
    question holds nothing but pronouns, auxiliaries and a verb of meaning."""
    if head.lemma_.lower() not in _SAY_VERBS or not withheld(head):
        return False
    for c in head.children:
        if c.dep_ != "ccomp" or not open_question(c):
            continue
        if c.lemma_.lower() not in _MEANING_VERBS and not _vague_sequel(c):
            return False
        return all(
            t.i == c.i
            or t.is_punct
            or t.pos_ in ("PRON", "AUX", "PART", "DET", "SCONJ")
            or t.pos_ == "ADP" and t.i == c.i + 1  # "what that would look like"
            or t.head.i == c.i and t.dep_ == "nsubj" and t.lower_ in _VAGUE_SUBJECTS
            or t.dep_ in ("aux", "neg", "advmod", "mark")
            and not t.ent_type_
            for t in c.subtree
        )
    return False
