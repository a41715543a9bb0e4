"""Does a direct quote make a claim? Quoted words that state nothing checkable.

An attributed quote is a claim when it asserts something: an event, a state of
affairs, a number, a cause, a position argued ("We will not raise taxes", "The fund is
empty", "We cannot compete on salary", "He never blamed anyone"). It makes none when
every clause in it is only the speaker's reaction, read from the parse of the quoted
words (``says_nothing``):

* a question ("Who's going to watch my kids?"): a wh-word or an auxiliary before the
  subject, and "?" at its end;
* an order or a plea to the listener ("Please do the right thing.", "Ask me about it
  on Tuesday."): a bare verb first, with no subject;
* the speaker's own feeling or wish ("I'm a bit shaky", "We are devastated", "I just
  feel like nobody asked us", "We'd love a garden one day"): a first-person subject with
  a verb or adjective of a state of mind (``statements._mental_state``), or a pain
  verb with no object ("It hurts."), or a frame of one ("This is the first time in
  years I've felt ...");
* a thought with no content ("I don't know what to say", "I can't imagine the hill
  without him", "I know which one I'd choose", "We know somebody out there knows who
  did this"): a first-person verb of knowing or imagining whose complement is an
  embedded question, a thing, or another such thought of someone unnamed; "I thought
  the school would have told us" and "We think the market is underestimating ..." hold
  a claim about someone else and are kept. The same in "you" as anyone ("You can't
  imagine what it's like, not knowing"; "You knew the roof was unsafe" is kept);
* a quote that only qualifies or echoes what was said ("For now.", "They always
  have."), and the speaker's body reacting ("I'm still shaking");

* a saying in the generic "you" ("Sometimes you need luck"), and a light verb of "I"/"we"
  with only a pronoun to it ("Today we had it.", "We did it!");
* thanks, apology or sympathy offered ("We apologise for any inconvenience", "Our
  thoughts are with the family").

A clause that names someone or something (a person, an organisation, a place) or holds
a count, an amount or a percentage is kept, whatever its verb: "I'm proud of the 500
people who turned up", and a question that holds one asks a fact ("Why did your company
pay £40,000 into his account?"). An order is no claim even so ("Ask me about Sardinia on
Tuesday"; its numbers are drafted as claims apart from the quote). A feeling with a
stated cause is kept ("We were surprised by how much we found so far from any city").
Short quoted phrases inside a sentence ("had made the car "much more stable"") and
fragments ("The paperwork.") are not judged here: only quotes that are whole clauses.

Also here: who is a member of the public (``public_speaker``), whose quotes are vox-pop
colour, not a source a desk checks ("said one clearing agent", "the woman said").

Works on the spaCy parse of the article; imported only by extraction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import MORE_FEELINGS, PEOPLE_NOUNS, REPORTING_VERBS
from .speech import verb_in

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

THOUGHT_VERBS = frozenset(
    "know imagine believe understand wonder guess suppose picture forget".split()
)
"""Verbs of knowing and imagining: with "I"/"we" and no content of their own ("I don't
know what to say", "I can't imagine it") they say only how the speaker takes things.
("think" and "believe" with a clause hold the speaker's view of that clause, which is
judged as a clause: "We think the market is underestimating ...".)"""

BODY_VERBS = frozenset({"shake", "tremble", "shiver", "cry", "weep", "sob"})
"""Verbs of the body's reaction: with "I"/"we" and no object ("I'm still shaking", "We
just cried") a feeling shown; "I shook his hand" is an act."""
PAIN_VERBS = frozenset({"hurt", "ache", "sting"})
"""Verbs of pain: with no object ("It hurts. It really hurts.") a feeling, with one an
event ("the tax hurts families")."""

BODY_FEELINGS = frozenset({"shaky", "shaken", "wobbly", "drained", "teary", "choked"})
"""States of body and mind beside ``lexicon.MORE_FEELINGS``: "I'm a bit shaky"."""

_FIRST_PERSON = frozenset({"i", "we"})
_WH = frozenset({"WP", "WDT", "WRB", "WP$"})
_NAMED = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART",
     "CARDINAL", "MONEY", "PERCENT", "QUANTITY"}
)
_UNNAMED_PRONOUNS = frozenset({"somebody", "someone", "something", "it", "this", "that"})
_QUOTE_MARKS = frozenset({'"', "'", "“", "”", "‘", "’", "«", "»"})
_CLAUSE_LINKS = frozenset({"conj", "parataxis"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
_OFFICES = frozenset(
    """official minister politician mp senator councillor councilor mayor leader executive
    officer director manager coach captain spokesman spokeswoman spokesperson analyst
    economist expert scientist researcher critic doctor""".split()
)
"""Nouns of people who speak for a body or a field: unnamed, they are still a source."""
PUBLIC_NOUNS = PEOPLE_NOUNS - _OFFICES | {"agent", "mum", "dad", "grandmother", "grandfather"}
"""Nouns of members of the public (lemmas): "one clearing agent", "the woman"."""


def _subject(head: Token) -> Token | None:
    subj = next((c for c in head.children if c.dep_ in _SUBJECTS), None)
    if subj is None and head.dep_ == "conj":  # "we laughed and cried": the first verb's
        subj = next((c for c in head.head.children if c.dep_ in _SUBJECTS), None)
    return subj


def _first_person(head: Token) -> bool:
    subj = _subject(head)
    return subj is not None and subj.lower_ in _FIRST_PERSON


def _asks(head: Token, end: int) -> bool:
    """A question: "?" closes the clause and it is asked (a wh-word of its own or an
    auxiliary before its subject), not a statement with a question tacked on ("The ocean
    does not retire, so why should I?")."""
    doc = head.doc
    last = min(head.right_edge.i, end - 1)
    while last > head.i and (doc[last].is_space or doc[last].text in _QUOTE_MARKS):
        last -= 1
    if not (doc[last].text == "?" or last + 1 < end and doc[last + 1].text == "?"):
        return False
    subj = _subject(head)
    if any(c.tag_ in _WH for c in head.children) or subj is not None and subj.tag_ in _WH:
        return True
    aux = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
    if head.pos_ == "AUX":
        aux.append(head)
    return subj is not None and any(a.i < subj.i for a in aux)


def _orders(head: Token, start: int) -> bool:
    """An order or plea: a bare verb that opens the quote, no subject ("Please do the
    right thing.", "Ask me about Sardinia on Tuesday.")."""
    if head.tag_ != "VB" or any(c.dep_ in _SUBJECTS | {"aux", "auxpass"} for c in head.children):
        return False
    first = max(start, head.left_edge.i)  # "I'm still terrified. Ask me again tomorrow."
    before = [t for t in head.doc[first : head.i] if not t.is_punct and not t.is_space]
    return all(t.dep_ in ("intj", "advmod") and t.head.i == head.i for t in before)


def _feeling_word(tok: Token) -> bool:
    """A word of a state of mind, or its comparative ("prouder", "happier")."""
    from .statements import FEELING_ADJECTIVES

    low = tok.lower_
    forms = [low]
    if low.endswith("ier"):
        forms.append(low[:-3] + "y")
    elif low.endswith("er"):
        forms += [low[:-2], low[:-1]]
    return any(f in FEELING_ADJECTIVES or f in MORE_FEELINGS or f in BODY_FEELINGS for f in forms)


_STIMULUS_PREPS = frozenset({"of", "by", "at", "about", "with", "over", "for"})
_MY = frozenset({"my", "our"})


def _content(head: Token, start: int, end: int) -> bool:
    """Does the feeling carry a claim of its own (inside the quote): a clause it is about
    ("We are confident the plan adds up", "surprised by how much we found so far from any
    city") or a cause that is itself described by a clause ("proud of the people who
    turned up")? "proud of this team", "disappointed by the verdict", "scared in my whole
    life" are only the feeling's object or frame."""
    words = [head] + [c for c in head.children if c.dep_ in ("acomp", "attr", "oprd")]
    for w in words:
        for c in w.children:
            if not start <= c.i < end:
                continue
            if c.dep_ == "ccomp" and not _embedded_question(c):
                return True
            if c.dep_ not in ("prep", "agent") or c.lower_ not in _STIMULUS_PREPS:
                continue
            for o in c.children:
                if o.dep_ == "pcomp":
                    return True
                if o.dep_ == "pobj" and any(m.dep_ in ("relcl", "acl") for m in o.children):
                    return True
    return False


def _of_my_life(head: Token) -> bool:
    """ "It was the proudest moment of my life", "the greatest privilege of my career":
    a superlative measured against the speaker's own life, an experience told, no
    record."""
    if head.lemma_.lower() != "be":
        return False
    for attr in (c for c in head.children if c.dep_ == "attr"):
        if not any(a.dep_ == "amod" and a.tag_ == "JJS" for a in attr.children):
            continue
        for p in attr.children:
            if p.dep_ == "prep" and p.lower_ == "of" and any(
                o.dep_ == "pobj" and any(d.dep_ == "poss" and d.lower_ in _MY for d in o.children)
                for o in p.children
            ):
                return True
    return False


def _feels(head: Token, start: int, end: int) -> bool:
    """The speaker's feeling or wish: "I'm a bit shaky", "We'd love a garden one day",
    "It hurts.", "It feels like a dream", "This is the first time in years I've felt like
    someone was listening", "It was the proudest moment of my life"."""
    from .statements import _mental_state

    if _content(head, start, end):
        return False
    if _first_person(head):
        if _mental_state(head):
            return True
        if verb_in(head, BODY_VERBS) and not any(
            c.dep_ in ("dobj", "ccomp", "xcomp", "prep") for c in head.children
        ):
            return True
        if head.lemma_.lower() == "be" and any(
            c.dep_ in ("acomp", "attr") and _feeling_word(c) for c in head.children
        ):
            return True
    subj = _subject(head)
    if verb_in(head, PAIN_VERBS) and not any(c.dep_ in ("dobj", "ccomp") for c in head.children):
        return subj is not None and subj.pos_ == "PRON"
    if head.lemma_.lower() == "feel" and subj is not None and subj.pos_ == "PRON":
        return True  # "It feels like a dream"
    if head.lemma_.lower() == "be":  # "This is the first time ... I've felt like ..."
        for attr in (c for c in head.children if c.dep_ == "attr"):
            if any(r.dep_ == "relcl" and _first_person(r) and _mental_state(r)
                   for r in attr.children):
                return True
    return _of_my_life(head)


COURTESY_VERBS = frozenset(
    "thank apologise apologize congratulate commend salute".split()
)
"""Verbs whose first-person present is the act itself ("We apologise for any
inconvenience", "Thank you to everyone who came"): said, not told."""
SYMPATHY_NOUNS = frozenset({"thought", "prayer", "heart", "sympathy", "condolence"})
"""What "my"/"our" sends to the bereaved ("Our thoughts are with the family", "My heart
goes out to everyone affected", "We send our condolences")."""


def _courtesy(head: Token) -> bool:
    """Thanks, apology, congratulation or sympathy offered in the speaker's own words."""
    subj = _subject(head)
    if verb_in(head, COURTESY_VERBS) and head.tag_ in ("VB", "VBP"):
        return subj is None or subj.lower_ in _FIRST_PERSON
    if subj is not None and subj.lemma_.lower() in SYMPATHY_NOUNS:
        return any(c.dep_ == "poss" and c.lower_ in _MY for c in subj.children)
    return _first_person(head) and any(
        c.dep_ == "dobj" and c.lemma_.lower() in SYMPATHY_NOUNS for c in head.children
    )


_STAND_INS = frozenset({"have", "do"})


def _elliptical(head: Token, start: int, end: int) -> bool:
    """ "... and I always will", "I really do", "They always have.": a clause of an
    auxiliary (or "have"/"do"/"be" standing for one) with only its subject, a negation or
    an adverb, which says again what the clause or quote before it said."""
    if head.pos_ == "AUX" and head.dep_ in _CLAUSE_LINKS:
        pass
    elif head.dep_ in ("ROOT", "ccomp") and (
        head.tag_ == "MD" or head.lemma_.lower() in _STAND_INS
    ):  # a pronoun for its subject: "They always have.", "We will."
        if not any(c.dep_ == "nsubj" and c.pos_ == "PRON" and start <= c.i < end
                   for c in head.children):
            return False
    else:
        return False
    return all(
        c.dep_ in ("nsubj", "advmod", "neg", "punct", "cc") and not c.ent_type_
        for c in head.children if start <= c.i < end
    )


def _embedded_question(tok: Token) -> bool:
    """ "what to say", "which one I'd choose", "who did this", "whether they read it": a
    clause opened by a wh-word or "whether"/"if"."""
    if tok.left_edge.tag_ in _WH or any(c.tag_ in _WH for c in tok.children):
        return True
    return any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in tok.children)


def _tells_of_the_world(head: Token, start: int, end: int) -> bool:
    """Does a clause below ``head`` (inside the quote, outside any embedded question) have
    a subject from the world ("I know for a fact that the contract was never tendered")?"""
    for t in head.subtree:
        if t is head or not start <= t.i < end or t.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if not _of_the_world(t):
            continue
        verb = t.head
        if verb is head:
            continue
        node, asked = verb, False
        while node is not head and node.head is not node:
            if _embedded_question(node):
                asked = True
                break
            node = node.head
        if not asked:
            return True
    return False


def _empty_thought(head: Token, start: int, end: int, first: bool = True) -> bool:
    """A verb of knowing or imagining whose content (inside the quote, tokens ``start``
    to ``end``) is no claim: an embedded question, a thing, or another such thought of
    someone unnamed ("We know somebody out there knows who did this"). ``first``: the
    subject must be "I", "we" or "you" as anyone ("You can't imagine what it's like")."""
    if not verb_in(head, THOUGHT_VERBS):
        return False
    subj = _subject(head)
    if subj is None:
        return False
    if first and subj.lower_ not in _FIRST_PERSON | {"you"}:
        return False  # "you" as anyone: "You can't imagine what it's like"
    if not first and subj.lower_ not in _UNNAMED_PRONOUNS | _FIRST_PERSON:
        return False
    if first and _tells_of_the_world(head, start, end):
        return False
    for c in head.children:
        if not start <= c.i < end:
            continue  # the credit ("he said, crouched beside his car") is no content
        if c.dep_ in ("advcl", "ccomp") and c.tag_ == "VBG" and verb_in(c, THOUGHT_VERBS) and all(
            g.dep_ in ("neg", "punct", "advmod") for g in c.children
        ):
            continue  # "..., not knowing": the same thought with nothing to it
        if c.dep_ in ("ccomp", "xcomp", "advcl"):
            if not (_embedded_question(c) or _empty_thought(c, start, end, first=False)):
                return False
        elif c.dep_ == "dobj" and (
            c.pos_ not in ("NOUN", "PRON") or any(m.dep_ in ("relcl", "acl") for m in c.children)
        ):
            return False  # "I'll never forget the day the bridge fell" tells of the day
    return True


_LIGHT_VERBS = frozenset({"have", "do", "make", "get"})
_REFERRING = frozenset({"it", "this", "that"})  # not "nothing": "We did nothing wrong"
_ARGUMENTS = frozenset(
    {"dobj", "attr", "ccomp", "xcomp", "prep", "dative", "acomp", "advcl", "oprd"}
)


def _maxim(head: Token) -> bool:
    """A saying in the generic "you" ("Sometimes you need luck", "You win some, you lose
    some"): "you" in the simple present with nothing but an object; "You betrayed the
    trust of ..." (a past event told to someone), "You have to pay the fee before you
    enter" (a rule), "You cannot build homes without water" (an argument) are not."""
    subj = _subject(head)
    if subj is None or subj.lower_ != "you" or head.tag_ != "VBP":
        return False
    return not any(c.dep_ in ("aux", "xcomp", "ccomp", "advcl", "prep") for c in head.children)


def _pronouns_only(head: Token, start: int, end: int) -> bool:
    """ "Today we had it.", "We did it!": a light verb of "I"/"we" whose only argument
    is a pronoun."""
    if not _first_person(head) or not verb_in(head, _LIGHT_VERBS):
        return False
    if any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in head.children):
        return False  # "We have done it before": a record told
    args = [c for c in head.children if start <= c.i < end and c.dep_ in _ARGUMENTS]
    return bool(args) and all(c.dep_ == "dobj" and c.lower_ in _REFERRING for c in args)


def _clause_heads(doc: Doc, start: int, end: int) -> list[Token] | None:
    """The heads of the clauses the quoted tokens ``start``..``end`` form, or None when
    the quote is not whole clauses (a phrase inside a sentence, a fragment)."""
    tops = [
        t for t in doc[start:end]
        if not (t.is_punct or t.is_space) and (t.head.i == t.i or not start <= t.head.i < end)
    ]
    if not tops:
        return None
    todo: list[Token] = []
    for t in tops:
        if _trailing_fragment(t, start, end):
            continue  # "For a while.", "For now.": a qualifier of what was just said
        if t.dep_ not in ("ROOT", "ccomp", "parataxis"):
            return None
        if t.head.i != t.i and not verb_in(t.head, REPORTING_VERBS):
            return None
        if _feeling_word(t) and not any(c.dep_ in _SUBJECTS for c in t.children):
            # "We are heartbroken, just heartbroken": the echo heads the clause before it
            todo.extend(c for c in t.children if c.dep_ == "ccomp" and start <= c.i < end)
        elif t.pos_ in ("VERB", "AUX"):
            todo.append(t)
        else:
            return None
    heads: list[Token] = []
    while todo:
        h = todo.pop()
        heads.append(h)
        todo.extend(
            c for c in h.children
            if c.dep_ in _CLAUSE_LINKS and c.pos_ in ("VERB", "AUX") and start <= c.i < end
        )
    return heads


def _trailing_fragment(top: Token, start: int, end: int) -> bool:
    """A quoted phrase with no verb that only qualifies what was said ("For a while.",
    "For now.", "Not yet."): a preposition or adverb heading it, and nothing in it named,
    counted or dated ("In 2019." and "For £40,000." answer a question of fact)."""
    if top.pos_ not in ("ADP", "ADV"):
        return False
    words = [t for t in top.subtree if start <= t.i < end and not (t.is_punct or t.is_space)]
    return bool(words) and not any(
        t.pos_ in ("VERB", "AUX", "PROPN", "NUM") or t.ent_type_ or t.like_num for t in words
    )


def _names_or_counts(head: Token, start: int, end: int) -> bool:
    """Does the clause name someone or something, or count ("the 500 people")?"""
    return any(start <= t.i < end and _named_or_counted(t) for t in head.subtree)


def _named_or_counted(tok: Token) -> bool:
    """A name (person, body, place ...), or a count, amount or percentage ("500", "£1");
    not a date or a time ("one day", "every day", "in years")."""
    return tok.ent_type_ in _NAMED or tok.like_num and any(ch.isdigit() for ch in tok.text)


def says_nothing(doc: Doc, start_char: int, end_char: int) -> bool:
    """Is the quote at these character offsets of ``doc`` only reaction: every clause a
    question, an order, the speaker's feeling or wish, or a thought with no content?"""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None or not span.text[:1].isupper():
        return False
    start, end = span.start, span.end
    heads = _clause_heads(doc, start, end)
    if heads is None:
        return False
    for h in heads:
        if _orders(h, start) or _elliptical(h, start, end):
            continue
        if _names_or_counts(h, start, end):
            return False  # "Why did your company pay £40,000 into his account?" asks a fact
        if _asks(h, end):
            subj = _subject(h)
            if subj is not None and _of_the_world(subj):
                return False  # "Why did the minister sign off on this?" takes an act as given
            continue
        if not (
            _feels(h, start, end)
            or _empty_thought(h, start, end)
            or _maxim(h)
            or _pronouns_only(h, start, end)
            or _courtesy(h)
        ):
            return False
    return True


def _of_the_world(tok: Token) -> bool:
    """A subject that is something in the world, not the speaker's own circle: a noun or
    a name ("the police", "the water", "the roof"), not a pronoun nor "my husband"."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    return not any(c.dep_ == "poss" and c.lower_ in ("my", "our") for c in tok.children)


_DENIALS = frozenset({"no", "nobody", "none"})


def _told(tok: Token) -> bool:
    """Is the word (or the verb it belongs to) in a past tense, an event told ("had no
    warning", "nobody came"), not a present view ("It's no way to live", "There's no
    point")?"""
    verb = tok
    while verb.pos_ not in ("VERB", "AUX") and verb.head is not verb:
        verb = verb.head
    if verb.tag_ in ("VBD", "VBN"):
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBN") or c.lower_ == "has"
               for c in verb.children)


def vox_pop_nothing(doc: Doc, start_char: int, end_char: int) -> bool:
    """Is the quote of a member of the public (``public_speaker``) colour: only reaction
    (``says_nothing``), or words about the speaker and their own ("I just stood there and
    cried", "Every day I'm apologising to somebody", "It's the heart of the estate",
    "Even a small one.") with nothing named or counted and no subject from the world
    outside, and no denial? "The police never came," "The water has been off since
    Monday," "I was there when the roof collapsed," "We had no warning," and "I've lived on
    this street for 41 years" state facts a desk can check, whoever says them."""
    if says_nothing(doc, start_char, end_char):
        return True
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None:
        return False
    start, end = span.start, span.end
    for t in span:
        if _named_or_counted(t):
            return False
        if t.dep_ in ("nsubj", "nsubjpass") and _of_the_world(t):
            return False
        if t.dep_ in ("agent", "expl"):
            return False  # "was hit by a car", "there were forty of us"
        if t.lower_ in _DENIALS and t.dep_ in ("det", "nsubj", "nsubjpass") and _told(t.head):
            return False  # "We had no warning", "Nobody came to help us": a denial of record
    return start < end


def credit_colour(sent: Span, start_char: int, end_char: int) -> list[tuple[int, int]]:
    """Character spans of what the credit of a vox-pop quote at these offsets says about
    its unnamed speaker ("said one woman who has taken her grandchildren to the toddler
    group for years", "one mother asked, her voice shaking", "said a visitor from
    Melbourne, who had just paid for two nights"): the speaker's relative clause and the
    clauses hung on the verb of saying outside the quote. Colour of the scene, as the
    quote is."""
    out: list[tuple[int, int]] = []
    for t in sent:
        if start_char <= t.idx < end_char or t.pos_ != "VERB" or not verb_in(t, REPORTING_VERBS):
            continue
        subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.pos_ != "NOUN" or subj.lemma_.lower() not in PUBLIC_NOUNS:
            continue
        parts = [c for c in subj.subtree if c.dep_ in ("relcl", "acl")]  # "from Melbourne, who"
        parts += [c for c in t.children if c.dep_ in ("advcl", "ccomp", "npadvmod")
                  and c.tag_ in ("VBG", "VBN") and not verb_in(c, REPORTING_VERBS)
                  and not start_char <= c.idx < end_char]  # "..., her voice shaking"
        for c in parts:
            a, b = c.left_edge, c.right_edge
            out.append((a.idx, b.idx + len(b.text)))
    return out


def public_speaker(speaker: str | None) -> bool:
    """Is the speaker's credit a member of the public with no name ("one clearing agent",
    "the woman", "a visitor from Melbourne", "one woman in a wide straw hat")? The
    tracker gives such credits in lower case; its head is the last word before any
    "from"/"in"/"who" ... tail."""
    if not speaker or speaker != speaker.lower():
        return False
    words = speaker.split()
    for i, w in enumerate(words):
        if w in ("from", "in", "at", "with", "who", "of", "on", "near", "outside"):
            words = words[:i]
            break
    if not words:
        return False
    head = words[-1]
    lemma = head[:-1] if head.endswith("s") and head[:-1] in PUBLIC_NOUNS else head
    return lemma in PUBLIC_NOUNS
