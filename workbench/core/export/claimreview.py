"""ClaimReview JSON-LD (schema.org) for claims with a final verdict.

Follows Google's fact-check structured-data rules:

- required: ``claimReviewed`` (the claim in full: the reviewer's wording, a
  whole label under 75 characters, or its sentence; never a cut label or the
  rating), ``reviewRating`` (a Rating with ``alternateName``
  always; ``ratingValue``, ``bestRating``, ``worstRating`` on a 1..5 scale where
  the verdict maps to one) and ``url`` (the page of the fact check, with a
  ``#claim-<id>`` anchor per claim);
- recommended: ``author`` (the organization: required here, never a guess such as
  the OS user),
  ``datePublished`` and ``itemReviewed``: a Claim (its sentence, ``author`` = who
  said it or the page's byline when it is a name, ``datePublished``) with
  ``appearance``, the article as a CreativeWork: its ``url`` (where a fetch landed,
  else the URL it was fetched from; never a local file path), ``headline``,
  ``author``, ``publisher`` (the site's name) and ``datePublished`` as far as the
  article has them. An article read from a file is described inline (headline and
  what else it has, no url).

Dismissed claims (not checkable) are never published.

Output: a JSON list, or with ``html_snippets`` one
``<script type="application/ld+json">`` block per review, where ``<``, ``>``
and ``&`` are written as JSON ``\\u`` escapes so no text can close the block.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from ..errors import ExportError
from ..text import one_line
from .article_rows import Row, article_rows
from .exchange import indented_json
from .report import Report, safe_href

RATINGS: dict[str, tuple[str, int | None]] = {
    "false": ("False", 1),
    "disputed": ("Disputed", 3),
    "verified": ("True", 5),
    "inconclusive": ("Inconclusive", None),
}
"""Final status -> (alternateName, ratingValue on the 1..5 scale, or None: text only)."""
WORST_RATING = 1
BEST_RATING = 5
_AUTHOR_KEYS = ("author", "byline", "authors")
_DATE_KEYS = ("published", "date_published", "datePublished", "date")
_PUBLISHER_KEYS = ("publisher", "sitename", "site_name")


def _date(value: str | None) -> str | None:
    """The date part (YYYY-MM-DD) of an ISO timestamp, or None."""
    if not value or len(value) < 10 or value[4] != "-" or value[7] != "-":
        return None
    return value[:10]


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/", "", ""))


def _meta_text(meta: dict[str, Any], keys: tuple[str, ...]) -> str:
    for key in keys:
        value = meta.get(key)
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value if v)
        if isinstance(value, str) and one_line(value):
            return one_line(value, 200)
    return ""


class _Source:
    """What every review of one article says about the article (worked out once)."""

    def __init__(self, article: Row) -> None:
        meta = article["meta"]
        self.author = byline(_meta_text(meta, _AUTHOR_KEYS))
        self.published = _date(_meta_text(meta, _DATE_KEYS))
        self.appearance = _appearance(
            meta, article["source"], article["title"], self.author, self.published
        )


def _item_reviewed(source: _Source, claim: Row) -> dict[str, Any]:
    item: dict[str, Any] = {"@type": "Claim"}
    sentence = one_line(claim["sentence"])
    if sentence:
        item["text"] = sentence
    speaker = one_line(claim["speaker"] or "", 200)
    value = claim["value"]
    if not speaker and claim["kind"] == "quote" and isinstance(value, dict):
        speaker = one_line(str(value.get("speaker") or ""), 200)
    if speaker:
        author = _speaker(speaker, claim["entities"])
        if author:
            item["author"] = author
    elif source.author:
        item["author"] = {"@type": "Person", "name": source.author}
    if source.published:
        item["datePublished"] = source.published
    if source.appearance:
        item["appearance"] = source.appearance
    return item


_ORGANIZATION_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC"})


def _speaker(speaker: str, entities: Any) -> dict[str, Any] | None:
    """Who made the claim, as schema.org has it: an Organization when the article's
    entities tag the speaker as one ("Kremlin" ORG), a Person otherwise; None for a
    role without a name ("minister", "officials"): a Person named "minister" is no
    author, and the article's byline did not make the claim either."""
    labels = {
        one_line(str(e.get("text") or "")).lower(): str(e.get("label") or "")
        for e in entities or []
        if isinstance(e, dict)
    }
    label = labels.get(speaker.lower(), "")
    if label in _ORGANIZATION_LABELS:
        return {"@type": "Organization", "name": speaker}
    if label != "PERSON" and not any(ch.isupper() for ch in speaker):
        return None
    return {"@type": "Person", "name": speaker}


def _appearance(meta: dict[str, Any], source: str, title: str, author: str,
                published: str | None) -> dict[str, Any] | None:
    """The article the claim appears in, as a schema.org CreativeWork (None when there
    is nothing to say about it)."""
    appearance: dict[str, Any] = {"@type": "CreativeWork"}
    url = safe_href(str(meta.get("final_url") or "")) or safe_href(source)
    if url:
        appearance["url"] = url
    if one_line(title):
        appearance["headline"] = one_line(title, 200)
    if author:
        appearance["author"] = {"@type": "Person", "name": author}
    publisher = _meta_text(meta, _PUBLISHER_KEYS)
    if publisher:
        appearance["publisher"] = {"@type": "Organization", "name": publisher}
    if published:
        appearance["datePublished"] = published
    return appearance if len(appearance) > 1 else None


UNPUBLISHED_KINDS = frozenset({"consistency"})
"""Claim kinds never published as a ClaimReview, whatever their verdict."""

CLAIM_TEXT_GUIDE = 75
"""Google's guidance for ``claimReviewed``: short, under 75 characters where it fits."""


def claim_text(claim: Row, verdict: Row) -> str:
    """What ``claimReviewed`` says, always the claim in full, never the rating: the
    reviewer's wording when there is one; else the extracted label when it is a whole
    statement (three words or more, not cut short with "…", under 75 characters);
    else the claim's whole sentence."""
    wording = one_line(verdict["label"])
    if wording:
        return wording
    label = one_line(claim["label"])
    if len(label.split()) >= 3 and "…" not in label and len(label) <= CLAIM_TEXT_GUIDE:
        return label
    return one_line(claim["sentence"]) or label


_NOT_NAMES = {
    "username", "user", "admin", "administrator", "staff", "editor", "editors", "author",
    "anonymous", "guest", "unknown", "webmaster", "none", "null", "n/a", "na", "by",
    "contributor", "newsroom", "team", "root", "test", "reporter", "writer", "desk",
    "news", "web", "the", "correspondent", "editorial",
}
"""Bylines a page template leaves when it has no author: never someone's name."""


def byline(text: str) -> str:
    """A page's byline when it is a name ("Maria Okafor", "Reuters"), else ''."""
    name = one_line(text, 200)
    if name.lower().startswith("by "):
        name = name[3:].strip()
    words = name.replace(",", " ").split()
    if not words or any(ch.isdigit() for ch in name) or "@" in name or "://" in name:
        return ""
    if name.lower() in _NOT_NAMES or all(w.lower() in _NOT_NAMES for w in words):
        return ""
    if not any(ch.isupper() for ch in name):  # "username", "admin123"-like handles
        return ""
    return name


def claim_review(
    report: Report, source: _Source, claim: Row, verdict: Row, base_url: str
) -> dict[str, Any]:
    """The ClaimReview object of one claim with a final verdict."""
    name, value = RATINGS[verdict["status"]]
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": name}
    if value is not None:
        rating.update(ratingValue=value, bestRating=BEST_RATING, worstRating=WORST_RATING)
    options = report.options
    author: dict[str, Any] = {"@type": "Organization", "name": one_line(options.org or "", 200)}
    author["url"] = _origin(base_url)
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"{base_url.split('#', 1)[0]}#claim-{claim['id']}",
        "claimReviewed": claim_text(claim, verdict),
        "reviewRating": rating,
        "author": author,
        "datePublished": _date(report.generated_at) or _date(verdict["updated_at"]),
        "itemReviewed": _item_reviewed(source, claim),
    }
    if not review["datePublished"]:
        del review["datePublished"]
    return review


def claim_reviews(report: Report) -> list[dict[str, Any]]:
    """Every ClaimReview object of the report (claims with a final verdict, article order)."""
    return list(iter_claim_reviews(report))


def iter_claim_reviews(report: Report) -> Iterator[dict[str, Any]]:
    """``claim_reviews`` one at a time (the options are checked before the first)."""
    from .report import ArticleReports

    base_url = _checked_url(report)
    published = 0
    for rows in article_rows(report):
        source = None
        for _, claim, verdict, _ in rows.kept:
            # a consistency claim is the article disagreeing with itself (a name spelled
            # three ways): a finding of the desk, not a claim anyone made to publish
            # (a kind of any other type, from a hand-written file, is published as text)
            if verdict["status"] in RATINGS and str(claim["kind"]) not in UNPUBLISHED_KINDS:
                source = source or _Source(rows.article)
                published += 1
                yield claim_review(report, source, claim, verdict, base_url)
    if isinstance(report.articles, ArticleReports):
        # The claims this report holds are those it publishes, not every claim it read:
        # "Report written (38 claims)" for a file of 4 ClaimReviews, and no word when
        # nothing had a final verdict.
        report.articles.claims = published


def _checked_url(report: Report) -> str:
    """The publishing page's URL; ExportError when the url or the org is missing."""
    base_url = report.options.url
    if not base_url:
        raise ExportError(
            "ClaimReview needs the URL of the page that publishes the fact check: "
            "pass --url URL or set url in the config"
        )
    if not safe_href(base_url):
        raise ExportError(
            f"ClaimReview url must be an absolute http(s) URL, not {one_line(base_url, 80)!r}"
        )
    if not one_line(report.options.org or ""):
        raise ExportError(
            "ClaimReview needs the publishing organization (its author): give --org NAME "
            "(or set org in the config file)"
        )
    return base_url


def script_json(data: Any) -> str:
    """JSON safe inside an HTML ``<script>`` element (``</script>`` cannot appear)."""
    text = indented_json(data)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def iter_claimreview(report: Report) -> Iterator[str]:
    """The ClaimReview export in pieces, one review at a time (the bytes of
    ``render_claimreview``)."""
    reviews = iter_claim_reviews(report)
    if report.options.html_snippets:
        first = True
        for review in reviews:
            yield ("" if first else "\n") + (
                f'<script type="application/ld+json">\n{script_json(review)}\n</script>'
            )
            first = False
        if not first:
            yield "\n"
        return
    first = True
    for review in reviews:
        # inside the list each line of a review is indented one level (2 spaces); newlines
        # in strings are escaped, so each newline is one of the layout's
        body = indented_json(review).replace("\n", "\n  ")
        yield ("[\n  " if first else ",\n  ") + body
        first = False
    yield "[]\n" if first else "\n]\n"


def render_claimreview(report: Report) -> str:
    return "".join(iter_claimreview(report))
