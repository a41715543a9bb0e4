"""Verdict edits, engine-neutral: validate the input, change a Verdict, say what changed.

Every store engine applies edits the same way: it loads the verdict, calls a
``Mutation`` (which changes the verdict in place and returns ``(field, old, new)``
triples), drops the triples whose old and new values are equal, and writes the
verdict plus one history row per remaining triple. The history fields written:

- ``status``, ``note``, ``label``: old and new value (text);
- ``links``: the whole list of link dicts before and after (a link added or removed);
- ``link.title`` / ``link.stance``: one attribute of one existing link changed
  (``update_link``); old and new are ``{"url": URL, "value": VALUE}``, so the row
  reads "stance of URL: context -> refutes";
- ``link_check``: a link check or archive lookup (``{"url", "check", "archive"}``);
- ``claim``: a reviewer-made claim added (old None, new the claim dict) or, by undo,
  removed; ``claim_id`` / ``orphaned``: a re-import moved or orphaned a verdict.

Status names are checked against ``models.STATUSES`` at call time (never copied), so
a status added to the vocabulary is accepted everywhere at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .. import models
from ..errors import InputError, NotFound
from ..models import ArchiveSnapshot, Link, LinkCheck, Verdict
from ..text import one_line, strip_controls

Triple = tuple[str, Any, Any]
Mutation = Callable[[Verdict], list[Triple]]

LINK_FIELDS = ("link.title", "link.stance")
"""History fields of a single link attribute (old/new are ``{"url", "value"}``)."""
REPLAYABLE = ("status", "note", "label", "links", *LINK_FIELDS)
"""History fields undo/redo replays onto a verdict (``claim`` is replayed by the store)."""


def check_status(status: object) -> str:
    """The one status parser (``vocabulary.parse_status``), as the stored string."""
    from ..vocabulary import parse_status

    return parse_status(str(status)).value


def check_stance(stance: object) -> str:
    value = str(stance).strip().lower()
    if value not in models.STANCES:
        raise InputError(
            f"unknown stance '{one_line(str(stance), 40)}'; use one of: {', '.join(models.STANCES)}"
        )
    return value


def clean_note(note: object) -> str:
    return strip_controls(str(note)).replace("\r\n", "\n").replace("\r", "\n")


def clean_label(label: object) -> str:
    return one_line(str(label), limit=500)


def norm_or_raw(url: str) -> str:
    try:
        return normalize_url(url)
    except InputError:
        return url


def links_of(v: Verdict) -> list[dict[str, Any]]:
    return [link.to_dict() for link in v.links]


def set_field(name: str, value: Any) -> Mutation:
    """Set ``status``, ``note`` or ``label`` (value already checked)."""

    def mutate(v: Verdict) -> list[Triple]:
        old = getattr(v, name)
        setattr(v, name, value)
        return [(name, old, value)]

    return mutate


def add_link(url: str, title: str, stance: str | None, now: str) -> Mutation:
    """A new link; the same URL again updates it (stance/title only when given)."""
    norm = normalize_url(url)
    given = check_stance(stance) if stance is not None else None
    clean_title = one_line(title, limit=300)

    def mutate(v: Verdict) -> list[Triple]:
        for link in v.links:
            if link.url == norm:
                return _update(link, clean_title or None, given)
        old = links_of(v)
        v.links.append(Link(url=norm, title=clean_title, stance=given or "context", added_at=now))
        return [("links", old, links_of(v))]

    return mutate


def update_link(url: str, title: str | None, stance: str | None, claim_id: str) -> Mutation:
    """Change the title and/or stance of an existing link (NotFound when absent)."""
    norm = norm_or_raw(url)
    given = check_stance(stance) if stance is not None else None
    clean_title = one_line(title, limit=300) if title is not None else None

    def mutate(v: Verdict) -> list[Triple]:
        for link in v.links:
            if link.url in (norm, url):
                return _update(link, clean_title, given)
        raise NotFound(f"claim {claim_id} has no link {one_line(url, 80)}")

    return mutate


def _update(link: Link, title: str | None, stance: str | None) -> list[Triple]:
    out: list[Triple] = []
    if title is not None and title != link.title:
        out.append(
            (
                "link.title",
                {"url": link.url, "value": link.title},
                {"url": link.url, "value": title},
            )
        )
        link.title = title
    if stance is not None and stance != link.stance:
        out.append(
            (
                "link.stance",
                {"url": link.url, "value": link.stance},
                {"url": link.url, "value": stance},
            )
        )
        link.stance = stance
    return out


def remove_link(url: str, claim_id: str) -> Mutation:
    norm = norm_or_raw(url)

    def mutate(v: Verdict) -> list[Triple]:
        old = links_of(v)
        keep = [link for link in v.links if link.url not in (norm, url)]
        if len(keep) == len(v.links):
            raise NotFound(f"claim {claim_id} has no link {one_line(url, 80)}")
        v.links = keep
        return [("links", old, links_of(v))]

    return mutate


def link_check(
    url: str,
    check: LinkCheck | dict[str, Any] | None,
    archive: ArchiveSnapshot | dict[str, Any] | None,
    claim_id: str,
) -> Mutation:
    """Store a check / snapshot; the check kept is ``merge_check`` (``Link.apply_check``):
    a refused check never replaces an earlier real one."""
    norm = norm_or_raw(url)

    def mutate(v: Verdict) -> list[Triple]:
        for link in v.links:
            if link.url in (norm, url):
                old = link.check_row()
                link.apply_check(check, archive)
                return [("link_check", old, link.check_row())]
        raise NotFound(f"claim {claim_id} has no link {one_line(url, 80)}")

    return mutate


def clean_verdict(verdict: Verdict) -> tuple[str, str, str, list[Link]]:
    """(status, note, label, links) of a whole verdict from an import, checked."""
    status = check_status(verdict.status)
    links = [
        Link.from_dict(dict(link.to_dict(), url=normalize_url(link.url))) for link in verdict.links
    ]
    for link in links:
        link.stance = check_stance(link.stance)
        link.title = one_line(link.title, limit=300)
    return status, clean_note(verdict.note), clean_label(verdict.label), links


def replace_verdict(status: str, note: str, label: str, links: list[Link]) -> Mutation:
    """Set every reviewer field of a verdict at once (import and merge)."""

    def mutate(v: Verdict) -> list[Triple]:
        out: list[Triple] = []
        for name, value in (("status", status), ("note", note), ("label", label)):
            if getattr(v, name) != value:
                out.append((name, getattr(v, name), value))
                setattr(v, name, value)
        new_links = [link.to_dict() for link in links]
        if links_of(v) != new_links:
            out.append(("links", links_of(v), new_links))
            v.links = [Link.from_dict(d) for d in new_links]
        return out

    return mutate


def replay(fields: list[tuple[str, Any]]) -> Mutation:
    """Set each (history field, value) in turn: undo and redo."""

    def mutate(v: Verdict) -> list[Triple]:
        out: list[Triple] = []
        for name, value in fields:
            if name in ("status", "note", "label"):
                out.append((name, getattr(v, name), value))
                setattr(v, name, value)
            elif name == "links":
                out.append(("links", links_of(v), value))
                v.links = [Link.from_dict(d) for d in value]
            elif name in LINK_FIELDS and isinstance(value, dict):
                attr = name.split(".", 1)[1]
                for link in v.links:
                    if link.url == value.get("url"):
                        old = {"url": link.url, "value": getattr(link, attr)}
                        setattr(link, attr, value.get("value"))
                        out.append((name, old, {"url": link.url, "value": value.get("value")}))
        return out

    return mutate


def normalize_url(url: str) -> str:
    """``net.links.normalize_url``, imported when a link is edited (urllib and its
    regexes are not needed to mark a claim)."""
    from ..net.links import normalize_url as normalize

    return normalize(url)
