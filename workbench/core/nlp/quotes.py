"""Direct quotes and who said them.

Quote marks are found in the text of a prose unit (curly, straight, guillemets,
including the unbalanced marks of machine-translated text); the speaker is the
subject of a verb of saying in the sentence that holds the quote or follows it,
or the subject of the clause an embedded quote belongs to. Pronoun speakers
("he said") resolve to the last person named as a subject before the quote.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .doc_cache import doc_text, entity_at, span_ents
from .lexicon import PEOPLE_NOUNS
from .mentions import (
    BODY_NOUNS,
    PUBLIC_BODIES,
    SOURCE_DOCUMENTS,
    SPOKES,
    Mention,
    aged,
    capitalised_name,
    described,
    document_source,
    name_before,
    sentence_mentions,
    someone_unnamed,
    source_tail,
    staff_body,
)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

SPEECH_VERBS = frozenset(
    """say tell add state declare write insist argue claim warn explain note announce ask reply
    conclude confirm deny admit acknowledge recall suggest stress emphasize emphasise
    urge predict promise vow pledge assert complain comment respond report testify tweet
    remark observe describe quote thank accuse caution concede estimate""".split()
)
_OPEN = {"“": "”", "«": "»", "„": "“", '"': '"', "‘": "’", "'": "'"}
_MIN_WORDS = 4  # shorter quotes count only inside a verb of saying's clause
_MIN_PARTIAL_WORDS = 2
NAMING_VERBS = frozenset(
    """call describe dub brand label term hail denounce condemn praise thank accuse
    criticise criticize blame nickname""".split()
)
"""Verbs whose quoted object is the speaker's own words ("called Putin his 'elder brother'")."""
_REPORTING_VERBS = (SPEECH_VERBS | NAMING_VERBS) - {"quote"}
_PRONOUNS = {"he", "she", "they", "i", "we"}
_NAME_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof"})
POSTNOMINALS = frozenset({"KC", "QC", "MP", "MEP", "MSP", "OBE", "MBE", "CBE", "Jr", "Sr"})
"""Letters after a person's name ("Daniel Fraser KC", "Jane Hill MP")."""


@dataclass(frozen=True)
class Quote:
    start: int  # offsets of the quoted words (marks excluded), relative to the doc text
    end: int


def _opens(text: str, i: int) -> bool:
    ch = text[i]
    if ch not in _OPEN:
        return False
    if ch in ("‘", "'"):  # single marks double as apostrophes: open only before a word
        return (i == 0 or text[i - 1] in ' \n(“"—–') and i + 1 < len(text) and text[i + 1].isalnum()
    return True


def _closes(text: str, j: int, close: str) -> bool:
    c = text[j]
    if close in ("’", "'"):  # not the apostrophe of "don’t" or "it's"
        after = text[j + 1] if j + 1 < len(text) else " "
        return c == close and not after.isalpha() and text[j - 1] != " "
    return c == close or (close in ("”", '"') and c in ("”", '"'))


_OPENING = re.compile("[" + re.escape("".join(_OPEN)) + "]")
_STOPS = {
    close: re.compile("[" + re.escape("".join(sorted({close, "”", '"', "“", "\n"}))) + "]")
    for close in set(_OPEN.values())
}
"""The characters the scan for a quote's end stops at: its closing mark, the marks a
machine-translated quote closes with, and the end of the line (no other can end it)."""


def find_quotes(text: str) -> Iterator[Quote]:
    """Quoted stretches of ``text`` with at least a few words."""
    i, n = 0, len(text)
    while i < n:
        found = _OPENING.search(text, i)
        if found is None:
            break
        i = found.start()
        if _opens(text, i):
            close = _OPEN[text[i]]
            stops = _STOPS[close]
            j = i + 1
            end = -1
            while j < n:
                stop = stops.search(text, j)
                if stop is None:
                    j = n
                    break
                j = stop.start()
                c = text[j]
                if _closes(text, j, close):
                    end = j
                    break
                # machine-translated text closes with an opening mark: “...risk, “Giles said
                if c in ("“", '"') and close in ("”", '"'):
                    k = j - 1
                    while k > i and text[k] == " ":
                        k -= 1
                    if text[k] in ",.!?":
                        end = j
                        break
                if c == "\n":
                    break
                j += 1
            if end < 0:
                end = j  # runs to the end of the paragraph
            inner_start, inner_end = i + 1, end
            while inner_start < inner_end and text[inner_start].isspace():
                inner_start += 1
            while inner_end > inner_start and text[inner_end - 1] in " ,;:":
                inner_end -= 1
            if len(text[inner_start:inner_end].split()) >= _MIN_PARTIAL_WORDS:
                yield Quote(inner_start, inner_end)
            i = end + 1
        else:
            i += 1


_PLACES = frozenset({"LOC", "FAC"})


_PARTICLES = frozenset(
    "von van der den de da di du del della le la dos das bin ben al el ter ten".split()
)
"""Words inside a surname ("Ursula von der Leyen", "Sem van der Hoeven"), where the tagger
often ends one name and starts another."""


def _particle_run(doc: Doc, ent: Span) -> Span | None:
    """A person's name the tagger cut after a particle ("Ursula von der" | "Leyen"): the
    whole name, from the entity ``ent`` is part of (either half), or None."""
    first = ent
    if ent.start > 0:
        before = entity_at(doc, ent.start - 1)
        if before is not None and before.label_ == "PERSON" and before.end == ent.start:
            first = before
    if first.label_ != "PERSON" or doc[first.end - 1].lower_ not in _PARTICLES:
        return None
    if first.end >= len(doc) or doc[first.end].pos_ != "PROPN" or not doc[first.end].is_title:
        return None
    rest = entity_at(doc, first.end)
    end = rest.end if rest is not None and rest.start == first.end else first.end + 1
    return type(ent)(doc, first.start, end, label="PERSON")  # a spaCy span or a Part


def _with_particle_names(ents: list[Span]) -> list[Span]:
    """The entities, a person's name cut after a particle made whole again."""
    out: list[Span] = []
    for ent in ents:
        run = _particle_run(ent.doc, ent)
        if run is None:
            out.append(ent)
        elif out and out[-1].start == run.start:
            out[-1] = run
        elif not out or out[-1].end <= run.start:
            out.append(run)
    return out


def _full_name(tok: Token) -> str | None:
    if tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE", "FAC") and tok.ent_iob_ in ("B", "I"):
        ent = entity_at(tok.doc, tok.i)
        if ent is not None:
            run = _particle_run(tok.doc, ent)
            if run is not None:
                return run.text
            before = entity_at(tok.doc, ent.start - 1) if ent.start > 0 else None
            if ent.label_ == "ORG" and before is not None and before.label_ in ("ORG", "NORP"):
                # "the Spanish | Society of Family Medicine": one name the tagger split
                return tok.doc[before.start : ent.end].text
            if ent.label_ == "ORG":
                return _and_name(tok.doc, ent.start, ent.root) or ent.text
            return ent.text
    return None


_NAME_JOINS = frozenset({"and", "&"})


def _and_name(doc: Doc, start: int, head: Token) -> str | None:
    """ "Avon and Somerset Police", "Gloucestershire Fire and Rescue Service": a body's
    name the tagger cut at its "and" (the words before it hang on the name's head)."""
    if start < 2 or doc[start - 1].lower_ not in _NAME_JOINS:
        return None
    first = start - 1
    while first - 1 >= 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].is_title:
        first -= 1
    if first == start - 1:
        return None
    words = doc[first : start - 1]
    if not all(head in (w, *w.ancestors) for w in words):
        return None
    return doc[first : head.i + 1].text


def _untagged_body(tok: Token) -> bool:
    """ "SNCB", "Ofcom" in apposition to a describing noun: one capitalised word the
    tagger left unlabelled."""
    return tok.pos_ == "PROPN" and not tok.ent_type_ and tok.text[:1].isupper() and not any(
        c.dep_ in ("compound", "prep") for c in tok.children
    )


def _subject_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
        return _subject_of(verb.head)
    return None


class SpeakerTracker:
    """Remembers the people named as main-clause subjects, to resolve "he said".

    Positions are offsets in the whole article (``base`` + offset in the doc).
    """

    def __init__(self) -> None:
        self.subjects: list[tuple[int, str]] = []
        self.orgs: list[tuple[int, str]] = []  # organisations named as subjects, for "it said"
        self.full: dict[str, str] = {}
        self.people: dict[str, str] = {}  # surname -> full name of people named so far
        # (speaker, unit start, offset) of the last quote or named report
        self.last_quote: tuple[str, int, int] | None = None
        self.previous_unit: int | None = None  # start of the unit read before this one
        self.gender: dict[str, str] = {}  # full name -> "he"/"she", where the text shows it
        self.mentions: list[Mention] = []  # named people and bodies, with describing nouns
        self.documents: list[tuple[int, str, str]] = []  # (pos, noun, source) of documents
        self.places: list[tuple[int, str]] = []  # places named (GPE), for "the city said"
        self.groups: list[tuple[int, str]] = []  # "Tom and Becky Oyelaran" as a subject

    def observe(self, sent: Span, base: int = 0) -> None:
        proper = [tok for tok in sent if tok.pos_ == "PROPN"]
        for tok in proper:
            if tok.is_title and tok.text not in self.full:
                name = " ".join(t.text for t in tok.lefts if t.dep_ == "compound" and t.is_title)
                self.full[tok.text] = f"{name} {tok.text}".strip()
        ents = _with_particle_names(span_ents(sent))
        self.mentions.extend(sentence_mentions(sent, base))
        for tok in sent:  # "figures published by the Home Office": a later "the figures"
            if tok.pos_ == "NOUN" and {tok.lemma_.lower(), tok.lower_} & SOURCE_DOCUMENTS:
                src = document_source(tok)
                name = None if src is None else self.resolve(src, base, speech=True)
                if name:
                    self.documents.append((base + tok.idx, tok.lemma_.lower(), name))
        person_starts = {e.start for e in ents if e.label_ == "PERSON"}
        for tok in proper:
            # a person named before, as subject again, missed by NER here ("Adams, 52, has ...")
            if (
                tok.dep_ in ("nsubj", "nsubjpass")
                and tok.i not in person_starts
                # "Ilić" taken for a place; "Rourke, 54, was" taken for a body
                and (not tok.ent_type_ or tok.text in self.people or aged(tok))
                and tok.text in self.full
                and " " in self.full[tok.text]
                and (tok.head.dep_ == "ROOT" or tok.head.lemma_.lower() in SPEECH_VERBS)
            ):
                self.subjects.append((base + tok.idx, self.full[tok.text]))
        for ent in ents:
            if ent.label_ == "GPE":
                self.places.append((base + ent.start_char, ent.text.removeprefix("the ")))
            subject = ent.root.dep_ in ("nsubj", "nsubjpass")
            speaks = subject and ent.root.head.lemma_.lower() in SPEECH_VERBS
            if aged(ent.root):
                pass  # "Rourke, 54, said": a person the tagger took for a body
            elif subject and (ent.label_ in ("ORG", "GPE") or speaks and ent.label_ in _PLACES):
                # "South West Water said" (a body the tagger took for a place) too
                named = _and_name(sent.doc, ent.start, ent.root) if ent.label_ == "ORG" else None
                name = (named or ent.text).removeprefix("the ").removeprefix("The ")
                self.orgs.append((base + ent.start_char, name))
            if ent.label_ != "PERSON" and not _titled_person(ent):
                continue
            name = ent.text.strip()
            last = name.split()[-1]
            named = len(_untitled(name).split()) > 1  # "Helen Moss", not "Ms Moss"
            if named:
                self.people.setdefault(last, name)
            known = self.full.get(last, "")
            shorter = name.split()[0].lower() in _PARTICLES and known.lower().endswith(
                " " + name.lower()
            )  # "Von der Leyen" after "Ursula von der Leyen": the full name stays
            if (named or last not in self.full) and not shorter:
                self.full[last] = name
            root = ent.root
            if root.dep_ == "compound" and root.head.text in POSTNOMINALS:
                root = root.head  # "Daniel Fraser KC told"
            if root.dep_ == "appos" and root.head.dep_ in ("nsubj", "nsubjpass"):
                root = root.head  # "The opposition leader, Tom Hale, called ..."
            head = root.head
            main = head.dep_ == "ROOT" or head.lemma_.lower() in SPEECH_VERBS
            if root.dep_ in ("nsubj", "nsubjpass") and main:
                self.subjects.append((base + ent.start_char, self.full.get(last, name)))
                other = next((c for c in root.children if c.dep_ == "conj"), None)
                pair = None if other is None else entity_at(sent.doc, other.i)
                if pair is not None and pair.label_ == "PERSON" and pair.start > ent.end:
                    # "Tom and Becky Oyelaran moved ...": a "they" that follows is both
                    both = doc_text(sent.doc)[ent.start_char : pair.end_char]
                    self.groups.append((base + ent.start_char, both))
            gender = _gender_shown(ent, root)
            if gender:
                self.gender.setdefault(self.full.get(last, name), gender)
        for tok in sent:  # "according to fire service spokesman Yannis Artopoios. He said"
            if tok.lower_ == "according" and tok.i + 1 < sent.end and tok.nbor().lower_ == "to":
                src = next((c for c in tok.nbor().children if c.dep_ == "pobj"), None)
                ent = None if src is None else entity_at(sent.doc, src.i)
                if ent is not None and ent.label_ == "PERSON" and ent.root.i == src.i:
                    name = ent.text.strip()
                    self.note_subject(base + ent.start_char, self.full.get(name.split()[-1], name))
        for tok in sent:  # "A spokeswoman for the ministry said ... She added": that source
            said = tok.head  # the sentence's own verb of saying, not one inside a quote
            if tok.dep_ == "nsubj" and said.dep_ == "ROOT" and said.lemma_.lower() in SPEECH_VERBS:
                named = name_before(said, tok.i + 1) if tok.i < said.i else None
                if named is not None and tok.tag_ != "NNS":
                    # "The mayor of Istiaia, Kostas Paraskevas, said" (not "The producers,
                    # Halcyon Stage, said": a body)
                    self.note_subject(base + said.doc[said.i - 2].idx, self.full.get(
                        named.split()[-1], named))
                elif someone_unnamed(tok):
                    name = self.resolve(tok, base, speech=True)
                    if name:
                        self.note_subject(base + tok.idx, name)

    def note_org(self, pos: int, name: str) -> None:
        """A body named as the speaker that the tagger left unlabelled, for "it said"
        and "the company said"."""
        bisect.insort(self.orgs, (pos, name))

    def earlier_document(self, tok: Token, base: int = 0) -> str | None:
        """ "the figures showed" after "figures published by X": X, the source of the
        last document of that noun; None for a document not met before ("a survey")."""
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return None
        noun, pos = tok.lemma_.lower(), base + tok.idx
        return next((n for at, w, n in reversed(self.documents) if w == noun and at < pos), None)

    def note_subject(self, pos: int, name: str) -> None:
        """A person named as the speaker where the tagger missed them, for "he said"."""
        bisect.insort(self.subjects, (pos, name))

    def resolve_it(self, tok: Token, base: int = 0) -> str | None:
        """ "it said": the last organisation named as a subject before ``tok``."""
        pos = base + tok.idx
        return _last_before(self.orgs, pos)

    def resolve(self, tok: Token, base: int = 0, speech: bool = False) -> str | None:
        """The speaker a subject token names; ``speech``: the verb is a verb of saying,
        so an unnamed speaker ("a Treasury spokesperson") counts too."""
        if tok.text in POSTNOMINALS and tok.i > 0:
            person = entity_at(tok.doc, tok.i - 1)
            if person is not None and person.label_ == "PERSON" and person.end == tok.i:
                tok = person.root  # "Daniel Fraser KC told the jury": the person
        name, named = _full_name(tok), tok
        if name is None:
            appos = [c for c in tok.children if c.dep_ == "appos" and _full_name(c)]
            if appos:  # "Demir's party, the Republican People's Party, said": that body
                name, named = _full_name(appos[0]), appos[0]
        if name is None and tok.pos_ == "NOUN":  # "the national operator SNCB said"
            appos = [c for c in tok.children if c.dep_ == "appos" and _untagged_body(c)]
            name = appos[0].text if appos else None
        # "the transport ministry": a common noun the tagger took for a name
        common = tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.text[:1].islower())
        if name is None and tok.pos_ == "PROPN" and not common:
            name = " ".join(t.text for t in tok.subtree if t.pos_ == "PROPN" and t.i <= tok.i)
            lefts = [t for t in tok.subtree if t.i <= tok.i and t.pos_ == "PROPN"]
            joined = None
            for k in range(len(lefts) - 1):  # "Fire and Rescue Service": the "and" kept
                if lefts[k + 1].i == lefts[k].i + 2:
                    joined = _and_name(tok.doc, lefts[k + 1].i, tok)
            if joined:
                return joined
        if name is None and tok.is_title and tok.text in self.full:
            name = tok.text  # a name seen earlier that the tagger missed here ("“...,” Giles said")
        if name is None and capitalised_name(tok):
            return capitalised_name(tok)  # "Doctors Without Borders"
        if name and named.ent_type_ in ("ORG", "GPE", "NORP", "FAC"):
            if name in self.people:
                return self.people[name]  # a surname the tagger took for a place this time
            person = next(
                (n for _, n in reversed(self.subjects) if " " in n and n.split()[-1] == name),
                None,
            )
            if person is not None:
                return person  # "Brannock said" after "Brannock, now 81, was": that person
            return name.removeprefix("the ").removeprefix("The ")
        if name:
            full = _untitled(self.full.get(name.split()[-1], name))
            if " " not in full and tok.ent_type_ == "PERSON":
                # "Becky said" after "Tom and Becky Oyelaran": the one person of that name
                known = {n for n in self.people.values() if n.split()[0] == full}
                if len(known) == 1:
                    return known.pop()
            return full
        if tok.lower_ in ("he", "she"):
            return self._agreeing(tok.lower_, base + tok.idx)
        if tok.lower_ in _PRONOUNS and tok.lower_ not in ("i", "we"):
            pos = base + tok.idx
            if tok.lower_ == "they":
                group = next(((at, n) for at, n in reversed(self.groups) if at < pos), None)
                single = next((at for at, _ in reversed(self.subjects) if at < pos), -1)
                if group is not None and group[0] >= single:
                    return group[1]  # "Tom and Becky Oyelaran moved ... they said"
            return _last_before(self.subjects, pos)
        if speech and common:
            return self._described(tok, base)
        return None

    def _described(self, tok: Token, base: int) -> str | None:
        """A common-noun source: the body a definite description points back to ("the
        company", "the judge"), else the noun phrase itself, with the body its people
        belong to ("analysts at X")."""
        pos = base + tok.idx
        spoke = [name for at, name in self.subjects if at < pos][-_PRONOUN_REACH:][::-1]
        ref = described(tok, self.mentions, pos, spoke)
        if ref is not None and ref.lower() != tok.lower_:  # not "ministry" for "the ministry"
            return self.people.get(ref.split()[-1], ref)
        body = self._spoken_for(tok, pos)
        if body is not None:
            return body
        if (
            tok.lemma_.lower() in BODY_NOUNS
            and (
                tok.dep_ in ("nsubj", "nsubjpass", "poss")
                or tok.dep_ == "pobj" and tok.head.head.lemma_.lower() in SPOKES
            )  # "the carmaker said", "a spokesperson for the airline said"
            and tok.tag_ != "NNS"  # "the two companies said": not the last one named
        ):
            ref = self.resolve_it(tok, base)  # "the carmaker said": the last body named
            if (
                ref is not None
                and ref.split()[-1].lower() not in PUBLIC_BODIES
                and ref not in self.people  # a surname the tagger took for a body
                and not ref.split()[-1].islower()  # "Lindqvist's team": a description
            ):
                return ref
        body = self._same_noun_body(tok, pos)
        if body is not None:
            return body
        toks = [
            t
            for t in tok.subtree
            if t.i <= tok.i
            and t.dep_ not in ("det", "punct")
            and not (t.dep_ == "poss" and t.pos_ == "PRON")  # "its spokesman"
        ]
        text = "".join(  # "the prosecutor general's office", the "'s" on its word
            t.text + (t.whitespace_ if k + 1 < len(toks) and toks[k + 1].i == t.i + 1 else " ")
            for k, t in enumerate(toks)
        )
        text = " ".join(text.split()[-4:])
        place = self._place_body(tok, text, pos)
        if place is not None:
            return place
        owner = self._owner(tok, pos)
        if owner is not None:
            text = f"{owner}'s {text}"  # "His family said": the family of the man named
        person, led = _person_of(tok)
        if person is not None:
            name = self.resolve(person, base)
            if name:
                # "Researchers led by Dr Anna Holm found": she speaks for them; "the family
                # of Tom Price said": his family
                return name if led else f"{name}'s {text}"
        body = staff_body(tok)
        if body is not None:
            name = self.resolve(body, base, speech=body.pos_ == "NOUN")
            if name and tok.lemma_.lower() in SPOKES:
                return name  # "a spokeswoman for the regulator": the regulator speaks
            if name and name.lower() not in text.lower():
                return f"{text} {body.head.lower_} {name}"
        tail = source_tail(tok) if tok.lemma_.lower() not in SOURCE_DOCUMENTS else []
        if tail:
            return f"{text} {tok.doc[tail[0].i : tail[-1].i + 1].text}"
        return text

    def _spoken_for(self, tok: Token, pos: int) -> str | None:
        """ "The union said ... A spokesman told Reuters ...": a spokesperson who names no
        body speaks for the body that spoke last, when no person has been named as a
        subject since and it is in reach (a few sentences back)."""
        if tok.lemma_.lower() not in SPOKES or tok.tag_ != "NN":
            return None
        if any(c.dep_ in ("poss", "compound", "prep", "amod", "appos") for c in tok.children):
            return None  # "his spokesman", "a police spokesman", "a spokesman for X"
        org = next(((at, n) for at, n in reversed(self.orgs) if at < pos), None)
        if org is None or pos - org[0] > _SPOKES_REACH or org[1].islower():
            return None
        person = next((at for at, _ in reversed(self.subjects) if at < pos), -1)
        if person > org[0]:
            return None  # "Tom Hale said ... A spokesman said": whose spokesman is unclear
        return org[1]

    def _same_noun_body(self, tok: Token, pos: int) -> str | None:
        """ "The defence ministry said ... The ministry denied": "the" and the head noun of
        a body that spoke before (its name holding that noun, and any noun in front)."""
        if tok.tag_ != "NN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return None
        if any(c.dep_ in ("prep", "poss", "amod") for c in tok.children):
            return None
        noun = tok.lower_
        mods = {c.lower_ for c in tok.children if c.dep_ == "compound"}
        for at, name in reversed(self.orgs):
            words = set(name.lower().split())
            if at < pos and noun in words and mods <= words and name.lower() != noun:
                return name
        if mods or tok.lemma_.lower() not in _BODY_WORDS:
            return None
        # "The Met Office issued a warning. The agency said ...": a bare body noun, just
        # after a body named (by a proper name) as the subject of the sentence before, in
        # the same paragraph, the noun not used there ("accused the army. The army said")
        doc, sent = tok.doc, tok.sent
        if sent.start == 0:
            return None
        before = doc[sent.start - 1].sent
        if any(t.lower_ == noun for t in doc[before.start : tok.i]):
            return None
        last = next(((at, n) for at, n in reversed(self.orgs) if at < pos), None)
        if last is None or last[0] < pos - tok.idx + before.start_char:
            return None
        if not last[1][:1].isupper():
            return None
        if last[1] in self.people or last[1] in self.people.values():
            return None
        return last[1]

    def _place_body(self, tok: Token, text: str, pos: int) -> str | None:
        """"The city says", "according to the city government": the government of the
        place the article is about (the place named most often so far, the first named
        of equals), "Kyoto city government"."""
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) or any(
            c.dep_ == "prep" for c in tok.children
        ):
            return None  # "the state government of Saarland" names its place
        noun = tok.lemma_.lower()
        local = noun in PLACE_NOUNS
        if not local and not any(
            c.dep_ == "compound" and c.lemma_.lower() in PLACE_NOUNS for c in tok.children
        ):
            return None
        counts: dict[str, tuple[int, int]] = {}  # name -> (times named, -first offset)
        for at, name in self.places:
            if at < pos:
                n, first = counts.get(name, (0, -at))
                counts[name] = (n + 1, first)
        if not counts:
            return None
        place = max(counts, key=lambda k: counts[k])  # of equals, the one named first
        return f"{place} {text} government" if local else f"{place} {text}"

    def _owner(self, tok: Token, pos: int) -> str | None:
        """The person a "his" or "her" in front of a common-noun source stands for ("his
        family", "her lawyer"): the last person named as a subject who agrees."""
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        if poss is None or poss.lower_ not in ("his", "her"):
            return None
        return self._agreeing("he" if poss.lower_ == "his" else "she", pos)

    def _agreeing(self, pronoun: str, pos: int) -> str | None:
        """ "she said": the last person named as a subject, unless the text has shown that
        person to be a "he" (or the other way round); then the last one in reach shown to
        agree, else the last one in reach whose gender the text has not shown. Unsure
        (nobody in reach fits): the last one, as before."""
        before = [name for at, name in self.subjects if at < pos]
        if not before:
            return None
        last = before[-1]
        shown = self.gender.get(last)
        if shown is None:
            self.gender[last] = pronoun  # "he said" after X: X is a "he" from now on
            return last
        if shown == pronoun:
            return last
        reach = before[-_PRONOUN_REACH:]
        for name in reversed(reach):
            if self.gender.get(name) == pronoun:
                return name
        for name in reversed(reach):  # "Dunn said ... Cole said ... She added ... He said":
            if name not in self.gender:  # the last one not shown to be a "she"
                self.gender[name] = pronoun
                return name
        return last


_PRONOUN_REACH = 6
_SPOKES_REACH = 600
_BODY_WORDS = PUBLIC_BODIES | frozenset(
    """regulator watchdog hospital school club trust board service foundation network
    broadcaster newspaper organisation organization charity group operator airline bank
    carrier insurer lender retailer""".split()
)
"""Nouns that stand for a body: "the agency said" right after "The Met Office issued"."""
"""How far back (characters) the body a bare "a spokesman" speaks for may be named."""
"""How many subjects back a "she" may reach past a "he" (and the reverse)."""

_GENDER_TITLES = {
    "mr": "he",
    "mr.": "he",
    "sir": "he",
    "lord": "he",
    "mrs": "she",
    "mrs.": "she",
    "ms": "she",
    "ms.": "she",
    "miss": "she",
    "dame": "she",
    "lady": "she",
}


def _person_of(tok: Token) -> tuple[Token | None, bool]:
    """The named person a common-noun source belongs to or is led by ("the family of Tom
    Price", "researchers led by Dr Anna Holm"; not "a nurse at Goma hospital"), and
    whether it is led by them."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of" and tok.lemma_.lower() in PEOPLE_NOUNS:
            obj = next((o for o in c.children if o.dep_ == "pobj"), None)
        elif c.dep_ == "acl" and c.lemma_.lower() == "lead":
            agent = next((a for a in c.children if a.dep_ == "agent"), None)
            obj = None if agent is None else next(
                (o for o in agent.children if o.dep_ == "pobj"), None
            )
        else:
            continue
        if obj is not None and obj.ent_type_ == "PERSON":
            return obj, c.dep_ == "acl"
    return None, False


def _gender_shown(ent: Span, root: Token) -> str | None:
    """ "Mr Siemons", "Ms de Vries", "de Vries said she ...": a title before the name, or a
    he/she subject of what the person says, shows which pronoun stands for them."""
    doc = ent.doc
    for title in (doc[ent.start - 1] if ent.start > 0 else None, doc[ent.start]):
        if title is not None and title.lower_ in _GENDER_TITLES:
            return _GENDER_TITLES[title.lower_]
    if root.dep_ not in ("nsubj", "nsubjpass") or root.head.lemma_.lower() not in SPEECH_VERBS:
        return None
    said = root.head
    found = {
        c.lower_
        for clause in said.children
        if clause.dep_ == "ccomp" and clause.i > said.i  # not a fronted quote's "he"
        for c in clause.children
        if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("he", "she")
    }
    return found.pop() if len(found) == 1 else None


PLACE_NOUNS = frozenset({"city", "town", "state", "county", "province", "municipality"})
"""Places that speak through their government ("the city says")."""
ROLE_NOUNS = PEOPLE_NOUNS | SPOKES | frozenset(
    """superintendent secretary president chairman chairwoman chair chief commissioner
    envoy ambassador governor judge prosecutor lawyer professor founder inspector
    detective director spokesperson""".split()
)
"""Nouns of a person's role: in front of a name ("spokesperson Leah Ransome") they
show that the name is a person's."""


def _titled_person(ent: Span) -> bool:
    """ "Opposition planning spokesperson Leah Ransome": a name of two or more
    capitalised words that the tagger took for a body, after a noun of a person's role
    (a "she said" that follows stands for that person)."""
    words = [t for t in ent if not t.is_punct]
    if ent.label_ not in ("ORG", "NORP", "GPE") or len(words) < 2:
        return False
    if not all(t.pos_ == "PROPN" and t.is_title for t in words):
        return False
    return any(
        c.dep_ == "compound" and c.pos_ == "NOUN" and c.lemma_.lower() in ROLE_NOUNS
        for c in ent.root.children
        if c.i < ent.start
    )


def _untitled(name: str) -> str:
    """ "Ms Okafor" -> "Okafor", "Dr. Ruth Adeyemi" -> "Ruth Adeyemi": people are
    credited by name, without a title."""
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in _NAME_TITLES:
        words = words[1:]
    return " ".join(words)


def _last_before(named: list[tuple[int, str]], pos: int) -> str | None:
    """The last name (in the order they were noted) named before ``pos``: read from the
    end, since names are noted as the article is read (a long article's list is long)."""
    for at, name in reversed(named):
        if at < pos:
            return name
    return None


def _tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    """The tokens that start inside doc.text[start:end] (no walk over the whole doc)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return [t for t in doc if start <= t.idx < end]
    return [t for t in span if start <= t.idx < end]


def _embedded_in_argument(doc: Doc, qstart: int, qend: int, verb: Token) -> bool:
    """True when the quote belongs to the verb's own arguments, not a modifier clause."""
    inside = _tokens_in(doc, qstart, qend)
    roots = [t for t in inside if not (qstart <= t.head.idx < qend) or t.head.i == t.i]
    if not roots:
        return False
    node = roots[0]
    while node.i != verb.i:
        if (
            node.dep_ in ("advcl", "acl", "relcl", "csubj", "appos", "parataxis")
            or node.head.i == node.i
        ):
            return False
        node = node.head
    return True


def _partial(doc: Doc, qstart: int, qend: int, tracker: SpeakerTracker, base: int) -> str | None:
    """A short quote counts only inside reported speech: '... said the sector was "running
    on fumes"' (a verb of saying above it); otherwise it is a scare quote."""
    inside = _tokens_in(doc, qstart, qend)
    if not inside:
        return None
    for verb in inside[0].ancestors:
        if verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in _REPORTING_VERBS:
            subj = _subject_of(verb)
            if subj is not None and not qstart <= subj.idx < qend:
                naming = verb.lemma_.lower() in NAMING_VERBS
                if naming and subj.pos_ == "NOUN" and not subj.ent_type_:
                    return None  # 'Some researchers call them "time capsules"': a scare quote
                return tracker.resolve(subj, base, speech=not naming)
    return None


def _colon_frame(sent: Span, qstart: int, tracker: SpeakerTracker, base: int) -> str | None:
    """The speaker of a quote a colon introduces: the subject of the main verb before the
    colon ('The minister put it bluntly: "..."'), when it names someone."""
    root = sent.root
    if root.idx >= qstart or root.pos_ not in ("VERB", "AUX"):
        return None
    subj = _subject_of(root)
    if subj is None or subj.idx >= qstart:
        return None
    return tracker.resolve(subj, base, speech=True)


def attribute(
    doc: Doc,
    qstart: int,
    qend: int,
    tracker: SpeakerTracker,
    base: int = 0,
    sents: list[Span] | None = None,
) -> tuple[str | None, int, int]:
    """Who said the quote at ``doc.text[qstart:qend]``.

    Returns ``(speaker, sent_start, sent_end)``: the speaker's name (None when the
    quote is not attributed) and the char span of the sentences quote + attribution.
    """
    sents = sents if sents is not None else list(doc.sents)
    inside = [s for s in sents if s.end_char > qstart and s.start_char < qend]
    if not inside:
        return None, qstart, qend
    if len(doc_text(doc)[qstart:qend].split()) < _MIN_WORDS:
        return _partial(doc, qstart, qend, tracker, base), inside[0].start_char, inside[-1].end_char
    first, last = inside[0], inside[-1]
    lead_in = doc_text(doc)[first.start_char : qstart].strip(" \t\n“\"‘«")
    if lead_in.endswith(":"):
        framed = _colon_frame(first, qstart, tracker, base)
        if framed:  # 'The governor repeated a claim he has made: "..."'
            return framed, first.start_char, last.end_char
    candidates: list[Span] = [last]
    nxt = next((s for s in sents if s.start_char >= last.end_char), None)
    if nxt is not None and last.end_char <= qend + 3 and not lead_in.endswith(":"):
        candidates.append(nxt)  # not after a colon frame: its own sentence said who speaks
    for sent in candidates:
        for tok in sent:
            in_quote = qstart <= tok.idx < qend
            if in_quote or tok.pos_ not in ("VERB", "AUX"):
                continue
            if tok.lemma_.lower() not in SPEECH_VERBS and not (
                sent is last
                and tok.dep_ == "ROOT"
                and _embedded_in_argument(doc, qstart, qend, tok)
            ):
                continue
            subj = _subject_of(tok)
            if subj is None or qstart <= subj.idx < qend:
                continue
            speaker = tracker.resolve(subj, base, speech=tok.lemma_.lower() in SPEECH_VERBS)
            if speaker:
                end = max(sent.end_char, last.end_char)
                return speaker, first.start_char, end
    return None, first.start_char, last.end_char
