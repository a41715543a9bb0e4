"""Clauses and counts that only picture a scene: what a reporter saw, not what happened.

* **A gesture** (``gesture``): "Tamm allowed himself a grin on the podium", "She gave a
  little wave": the clause's object is a gesture (a noun of a verb of gesture: grin,
  smile, shrug, sigh, nod ...), however named its doer.
* **An act watched going on** (``watched_act``): "Several of them were eating mints",
  "They were reading newspapers": a progressive with a subject that names nobody (a
  pronoun, or a few "of them") and a bare object (no article, count, owner or name).
  "Police were questioning a man", "Several of them were building 300 homes" are left.
* **A silence with no topic** (``silence``): "A man ... said nothing at all": a verb of
  saying whose object is "nothing", with no "about"/"on" what.
* **A manner told beside a quote** (``manner_absolute``): '..., one mother asked, her
  voice shaking': a participle with a subject of its own owned by a pronoun ("her voice",
  "his hands") and no auxiliary, naming and counting nothing.
* **Clothes** (``attire``): "The candidate wore a crumpled blue suit and trainers", "Most
  wore dark suits": what someone wears, with nothing counted or dated ("He wore an
  electronic tag for six months after his release" is left), told by the writer.
* **What the senses give** (``sensed``): "The only sound in the chamber was the scratch of
  pens", "The smell of diesel was everywhere": a copula whose subject is a sound, a smell,
  the light or the mood of a place, with no number or superlative ("The air in Delhi was
  the most polluted in the world" is a record and is left).
* **The weather of a scene** (``weather``): "Snow fell on the Kremlin as the guests
  arrived", "The dust hung in the air", "A thin rain drifted across the square": rain,
  snow, fog, dust or smoke doing nothing to anything (no object, no clause), with nothing
  counted, dated or compared. "Fog closed the airport", "Heavy rain forced the organisers
  to postpone the match" (an object) and "More rain fell in 24 hours than in a year" (a
  count, a comparison) are left.
* **Counts of a scene** (``scene_count``): a bare number standing on an adjective or
  adverb of extent ("packed six deep on the banks", "stood three abreast"), and a number
  in a "with" phrase that places part of the subject of a verb of posture ("a delivery
  van sat with two wheels firmly on the pavement"): how the scene looked, not a measure
  a desk checks. "The snow lay two metres deep" (a unit) and "The ship sat with 300
  containers" (no place of its own) are left.

Works on the spaCy parse; ``statements._rejected`` asks the clause tests and the number
drafts of ``extract`` ask ``scene_count``; ``attire``, ``sensed``, ``weather`` and ``watched_act``
are asked only of the writer's own clauses (a witness's "he wore a red jacket" is evidence).
Imported only by extraction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import AMOUNT_ENTS
from .speech import verb_in

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

GESTURES = frozenset(
    """grin smile smirk laugh chuckle giggle sigh nod shrug wave wink frown grimace scowl
    glance sniff yawn""".split()
)
"""Gestures and expressions of the face and body: as the object of a clause ("allowed
himself a grin", "gave a shrug"), colour rather than an act of record."""
POSTURE_VERBS = frozenset(
    """sit stand lie lean rest perch crouch kneel sprawl slump""".split()
)
"""Verbs of posture and place: where someone or something is, as a scene shows it."""
EXTENT_WORDS = frozenset({"deep", "abreast", "high", "wide", "thick", "tall"})
"""Adjectives and adverbs of extent a bare number can stand on ("six deep")."""
_NAMED = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "EVENT", "LAW", "PRODUCT"})
_PLACE_PREPOSITIONS = frozenset(
    {"on", "in", "over", "under", "against", "across", "beside", "off", "onto", "inside"}
)
_SAYING = frozenset({"say", "tell", "reply", "answer", "speak", "add"})


def _names_or_counts(tokens: list[Token]) -> bool:
    return any(t.ent_type_ in _NAMED or t.ent_type_ in AMOUNT_ENTS or t.like_num for t in tokens)


def gesture(head: Token) -> bool:
    """Is the clause's object a gesture ("allowed himself a grin", "gave a shrug")?"""
    for c in head.children:
        if c.dep_ in ("dobj", "ccomp", "attr") and c.pos_ == "NOUN" and c.lemma_ in GESTURES:
            return not _names_or_counts(list(c.subtree))
    return False


def _names_nobody(subj: Token) -> bool:
    """A subject that names no one: a pronoun, or a few "of them"/"of us"."""
    if subj.pos_ == "PRON" and subj.lower_ not in ("who", "which", "that"):
        return True
    if subj.pos_ in ("ADJ", "DET", "NUM", "PRON", "NOUN") and not subj.ent_type_:
        for c in subj.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                objs = [p for p in c.children if p.dep_ == "pobj"]
                return bool(objs) and all(p.pos_ == "PRON" for p in objs)
    return False


def watched_act(head: Token) -> bool:
    """Is the clause an act going on, done by nobody named, to a bare thing ("Several of
    them were eating mints")?"""
    if head.tag_ != "VBG" or not any(
        c.dep_ == "aux" and c.lemma_.lower() == "be" for c in head.children
    ):
        return False
    subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if subj is None or not _names_nobody(subj):
        return False
    objs = [c for c in head.children if c.dep_ == "dobj"]
    if len(objs) != 1 or objs[0].pos_ != "NOUN":
        return False
    if any(True for _ in objs[0].children):
        return False  # "the mints", "300 homes", "a man": a thing in particular
    return not _names_or_counts(list(head.subtree))


SENSES = frozenset(
    """sound sounds noise smell smells scent stench odour odor light air mood atmosphere
    silence hush""".split()
)
"""What a scene gives the senses: as a copula's subject, a picture of the place."""
_WEAR = frozenset({"wear", "don", "sport"})


def _dated_or_counted(tokens: list[Token]) -> bool:
    return any(
        t.ent_type_ in AMOUNT_ENTS or t.ent_type_ in ("DATE", "TIME") or t.like_num for t in tokens
    )


def attire(head: Token) -> bool:
    """Is the clause what someone wears ("wore a crumpled blue suit"), nothing counted or
    dated in it but who wears it ("Most wore dark suits; one wore trainers")?"""
    if not verb_in(head, _WEAR) or not any(c.dep_ == "dobj" for c in head.children):
        return False
    wearers = {t.i for c in head.subtree if c.dep_ == "nsubj" for t in c.subtree}
    return not _dated_or_counted([t for t in head.subtree if t.i not in wearers])


def sensed(head: Token) -> bool:
    """Is the clause a copula whose subject is a sound, smell, light or mood ("The only
    sound in the chamber was the scratch of pens"), with no number or superlative?"""
    if head.lemma_.lower() != "be":
        return False
    subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ != "NOUN" or subj.lemma_.lower() not in SENSES:
        return False
    tokens = list(head.subtree)
    if any(t.tag_ in ("JJS", "RBS") and t.lower_ not in ("only",) for t in tokens):
        return False
    return not _dated_or_counted(tokens)


WEATHER = frozenset(
    """snow rain drizzle sleet hail fog mist haze sun sunshine wind breeze cloud dust smoke
    spray ash soot smog steam vapour vapor""".split()
)
"""Weather and what hangs in the air (smoke, ash, steam): as the subject of an intransitive
verb, a scene ("Ash fell on the harbour", "Steam rose off the riders")."""
_CHANGE = frozenset({"rise", "fall", "increase", "drop", "double", "exceed"})


def weather(head: Token) -> bool:
    """Is the clause the weather doing nothing to anything ("Snow fell on the Kremlin",
    "the dust hung in the air"), nothing counted, dated or compared?"""
    if head.pos_ != "VERB":
        return False
    subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ not in ("NOUN", "PROPN") or subj.ent_type_:
        return False  # ("Snow" opening a sentence is tagged a proper noun)
    if subj.lower_ not in WEATHER and subj.lemma_.lower() not in WEATHER:
        return False
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp", "agent", "dative")
           for c in head.children):
        return False  # "Fog closed the airport", "forced the organisers to postpone"
    side = {t.i for c in head.children if c.dep_ == "advcl" for t in c.subtree}
    tokens = [t for t in head.subtree if t.i not in side]  # "as the first guests arrived"
    if any(t.tag_ in ("JJR", "RBR", "JJS", "RBS") or t.lower_ == "than" for t in tokens):
        return False  # "more rain fell in 24 hours than ...": a comparison
    if head.lemma_.lower() in _CHANGE and any(c.dep_ == "prep" and c.lower_ in ("by", "to")
                                              for c in head.children):
        return False
    return not _dated_or_counted(tokens)


def silence(head: Token) -> bool:
    """Is the clause a verb of saying whose only object is "nothing" ("said nothing at
    all"), with no topic ("said nothing about the cuts" is left)?"""
    if not verb_in(head, _SAYING):
        return False
    objs = [c for c in head.children if c.dep_ == "dobj"]
    if len(objs) != 1 or objs[0].lower_ != "nothing":
        return False
    topics = [
        c
        for t in (head, objs[0])
        for c in t.children
        if c.dep_ == "prep" and c.lower_ in ("about", "on", "of", "to", "regarding")
    ]
    return not topics and not any(c.dep_ in ("ccomp", "xcomp", "dative") for c in head.children)


def manner_absolute(head: Token) -> bool:
    """Is the clause a participle with its own subject owned by a pronoun and no
    auxiliary ("her voice shaking", "his hands trembling"), set beside another verb?"""
    if head.tag_ != "VBG" or head.dep_ == "ROOT":
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in head.children):
        return False
    subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ != "NOUN":
        return False
    if not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in subj.children):
        return False
    return not _names_or_counts(list(head.subtree))


def _actor(subj: Token) -> bool:
    from .statements import ACTOR_NOUNS  # (statements imports this module)

    return (
        subj.ent_type_ in _NAMED
        or subj.lemma_.lower() in ACTOR_NOUNS
        or subj.lower_ in ACTOR_NOUNS
    )


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def scene_count(num: Token) -> bool:
    """Is the number whose root is ``num`` a count of a scene: a bare number on an
    adjective or adverb of extent ("six deep"), or in a "with" phrase placing a part of
    the subject of a verb of posture ("sat with two wheels firmly on the pavement")?"""
    after = num.doc[num.i + 1] if num.i + 1 < len(num.doc) else None
    if after is not None and after.lower_ in EXTENT_WORDS and after.pos_ in ("ADV", "ADJ"):
        return num.pos_ == "NUM"  # "packed six deep", "stood three deep" (parsed either way)
    noun = num.head if num.dep_ == "nummod" else None
    if noun is None or noun.dep_ != "pobj" or noun.head.lower_ != "with":
        return False
    verb = noun.head.head
    if verb.pos_ != "VERB" or not verb_in(verb, POSTURE_VERBS):
        return False
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or any(c.tag_ in ("MD", "TO") for c in verb.children):
        return False  # a scene is told ("sat"), not ruled on ("an offence to park with ...")
    subj = _subject(verb)
    if subj is None or _actor(subj):
        return False
    placed = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in _PLACE_PREPOSITIONS]
    siblings = [
        c
        for c in verb.children
        if c.dep_ == "prep" and c.i > noun.i and c.lower_ in _PLACE_PREPOSITIONS
    ]
    return bool(placed or siblings)


def may_be_scene(sent: Span) -> bool:
    """A cheap first look for ``scene_count``: a number next to a word of extent, or a
    verb of posture with "with"."""
    words = {t.lower_ for t in sent}
    if words & EXTENT_WORDS:
        return True
    return "with" in words and any(t.pos_ == "VERB" and verb_in(t, POSTURE_VERBS) for t in sent)
