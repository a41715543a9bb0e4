"""The reviewer's edits: mark, note, link, label, dismiss, rename, remove an article;
undo and redo.

Each function resolves a claim reference (an id, any unique prefix, or
``ARTICLE:CLAIM`` when two articles share a claim id) and makes its changes as one
undo step, all saved or none.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import InputError, NotFound, StoreError
from ..models import Article, Change, Verdict
from ..store.interface import Store
from ..store.results import ArticleSummary
from ..vocabulary import Stance, Status, parse_stance, parse_status


@dataclass(frozen=True)
class Edited:
    """The claim an edit changed and its verdict afterwards."""

    article_id: str
    claim_id: str
    verdict: Verdict


def resolve(store: Store, ref: str) -> tuple[str, str]:
    """``(article id, claim id)`` of a claim reference (NotFound names the
    ``ARTICLE:CLAIM`` form when a claim id is in two articles)."""
    try:
        return store.resolve_claim(ref)
    except NotFound:
        if ":" in ref:
            raise
        places = _articles_with(store, ref)
        if len(places) < 2 or len({cid for _, cid in places}) > 1:
            raise  # not found, or a short prefix: "type more characters" says it
    from ..text import one_line

    shown = ", ".join(f"{aid[:8]}:{cid}" for aid, cid in places[:6])
    more = f" and {len(places) - 6} more" if len(places) > 6 else ""
    raise NotFound(
        f"claim id '{one_line(ref, 40)}' is ambiguous: the same claim is in {len(places)} "
        f"articles ({shown}{more}); name the article too, as ARTICLE:CLAIM"
    )


def _articles_with(store: Store, ref: str) -> list[tuple[str, str]]:
    """Every article with a claim matching ``ref`` (only on the error path)."""
    found = []
    for summary in store.articles():
        try:
            found.append(store.resolve_claim(f"{summary.id}:{ref}"))
        except NotFound:
            continue
    return found


def mark(
    store: Store,
    ref: str,
    status: str | Status | None = None,
    *,
    note: str | None = None,
    link: str | None = None,
    stance: str | Stance | None = None,
    title: str | None = None,
) -> Edited:
    """``workbench mark``: status, and optionally the note and a link, as one step."""
    parsed = parse_status(status) if status is not None else None
    given_stance = parse_stance(stance) if stance is not None else None
    if link is not None:
        from ..net.links import normalize_url

        normalize_url(link)  # refuse a bad link before anything is written
    elif given_stance is not None or title:
        raise InputError("--stance and --title describe a link: give it with --link URL")
    aid, cid = resolve(store, ref)
    with store.group():
        verdict = store.verdict(aid, cid)
        if parsed is not None:
            verdict = store.set_status(aid, cid, parsed)
        if note is not None:
            verdict = store.set_note(aid, cid, note)
        if link is not None:
            verdict = store.add_link(aid, cid, link, title=title or "", stance=given_stance)
    return Edited(aid, cid, verdict)


def dismiss(store: Store, ref: str, reason: str | None = None) -> Edited:
    """Dismiss a claim (not a checkable claim): final, counts as reviewed; the
    reason, when given, is the note."""
    return mark(store, ref, Status.DISMISSED, note=reason)


def relabel(store: Store, ref: str, label: str) -> Edited:
    """``workbench claim label``: the reviewer's wording of the claim ('' restores the
    extracted label, which the JSON export keeps as ``extracted_label``)."""
    from ..text import one_line

    text = one_line(label, 500)
    aid, cid = resolve(store, ref)
    verdict = store.set_label(aid, cid, text)
    return Edited(aid, cid, verdict)


def edit_link(
    store: Store,
    ref: str,
    url: str,
    *,
    stance: str | Stance | None = None,
    title: str | None = None,
) -> Edited:
    """``workbench link edit``: change an attached link's stance and/or title."""
    from ..net.links import normalize_url
    from ..text import one_line

    if stance is None and title is None:
        raise InputError("give --stance and/or --title to change")
    given = parse_stance(stance) if stance is not None else None
    aid, cid = resolve(store, ref)
    norm = normalize_url(url)
    current = store.verdict(aid, cid)
    if not any(link.url == norm for link in current.links):
        raise NotFound(f"claim {cid} has no link {one_line(url, 100)}; add it with mark --link")
    verdict = store.update_link(aid, cid, norm, title=title, stance=given)
    return Edited(aid, cid, verdict)


def undo(store: Store) -> list[Change]:
    """Undo the last step (empty: nothing to undo)."""
    return store.undo()


def redo(store: Store) -> list[Change]:
    return store.redo()


def rename(store: Store, ref: str, title: str) -> Article:
    """``workbench rename``: a new title for an article."""
    from dataclasses import replace

    from ..text import one_line

    text = one_line(title, 300)
    if not text:
        raise InputError("the title is empty")
    article = store.article(ref)
    method = getattr(store, "rename_article", None)
    if method is not None:
        method(article.id, text)
    else:  # store the same text and claims again, under the new title (verdicts kept)
        store.add_article(replace(article, title=text), store.claims(article.id))
    return store.article(article.id)


def remove_article(store: Store, ref: str) -> ArticleSummary:
    """``workbench remove``: take an article (id, unique id prefix or source) out of the
    workspace, as one undo step: ``undo`` brings it back with its claims, verdicts and
    history. Returns what it was (title, claims, progress) for the message."""
    article = store.article(ref)
    summary = next((s for s in store.articles() if s.id == article.id), None)
    if summary is None:
        raise NotFound(f"no article {article.id} in workspace {store.location} "
                       "(removed already?)")
    method = getattr(store, "remove_article", None)
    if method is None:
        raise StoreError(f"{store.location}: this workspace cannot remove articles yet")
    method(article.id)
    return summary
