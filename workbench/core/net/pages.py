"""Turn a fetched page into article parts: title, author, date and body text.

HTML goes through trafilatura (main-content extraction: navigation, cookie
banners, footers, related-link boxes and comments are left out). The body comes
back as paragraphs separated by blank lines, the headline first, the way
workbench stores articles. Nothing here touches the network, and trafilatura is
imported only here, when a page is taken apart.

A page is untrusted: escape sequences written into it (raw or as character
references such as ``&#27;]0;TITLE&#7;``) are removed whole before parsing, so
neither a control character nor the rest of its sequence reaches the title,
byline or text; a byline that is not a name ("Username", "Admin", "Staff") is
dropped.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

from ..errors import InputError
from ..text import clean_text, decode_bytes, guess_title, one_line, strip_controls

# trafilatura logs a warning for every page it cannot extract; without a handler
# Python's last-resort handler would print it on stderr (over a TUI).
logging.getLogger("trafilatura").addHandler(logging.NullHandler())
logging.getLogger("htmldate").addHandler(logging.NullHandler())
logging.getLogger("courlan").addHandler(logging.NullHandler())

# Boxes trafilatura sometimes keeps inside the article body: ads, promos,
# newsletter and cookie prompts, paywall teasers. Matched on class/id words.
_BOILERPLATE_WORDS = (
    "sponsor",
    "promo",
    "newsletter",
    "cookie",
    "consent",
    "gdpr",
    "advert",
    "paywall",
    "subscribe",
    "related-",
    "recirc",
    "outbrain",
    "taboola",
)
_LOWER = "translate({}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
_PRUNE_XPATH = [
    "//*[self::div or self::aside or self::section or self::p or self::span or self::figure]"
    f"[contains({_LOWER.format('@class')}, '{word}') or contains({_LOWER.format('@id')}, '{word}')]"
    for word in _BOILERPLATE_WORDS
]
# Only dates the page states for itself: no guessing from a copyright year.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}

_MIN_WORDS = 20
"""Fewer words than this is not an article body."""

_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.IGNORECASE)

# Character references to C0 controls and DEL (a browser turns them into the raw
# character; 0x80-0x9F references are Windows-1252 letters in HTML, not controls).
_CONTROL_REF = re.compile(r"&#(?:[xX]0*([0-9a-fA-F]{1,2})|0*([0-9]{1,3}));?")
_ANY_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|&#[xX]?0*[0-9a-fA-F]{1,3};?")
_SEGMENT = re.compile(r"[^<>]+")
_NOT_NAMES = frozenset(
    """
    admin administrator anonymous author authors by contributor contributors desk editor
    editors editorial guest n/a na newsdesk newsroom none null nobody reporter root staff
    staff reporter staff writer system team test undefined unknown user username web desk
    webmaster writer
    """.split()
) | {"staff reporter", "staff writer", "web desk", "news desk", "the editors"}
_BY = re.compile(r"^(?:by|von|par|por|door|di)\s+", re.IGNORECASE)


@dataclass
class Page:
    """The parts of a fetched page workbench keeps."""

    title: str
    text: str
    author: str = ""
    date: str = ""
    sitename: str = ""


def decode_html(body: bytes, charset: str | None) -> str:
    """HTML bytes as text: the HTTP charset, else the <meta> charset, else detected."""
    for candidate in (charset, _meta_charset(body)):
        if not candidate:
            continue
        try:
            return body.decode(candidate, errors="replace")
        except LookupError:
            continue
    text, _encoding = decode_bytes(body, "page")
    return text


def _meta_charset(body: bytes) -> str | None:
    match = _META_CHARSET.search(body[:8192])
    return match.group(1).decode("ascii", "ignore").lower() if match else None


def strip_page_controls(html: str) -> str:
    """``html`` without control characters and escape sequences, raw or as references.

    Cleaned per text run between tags, so an unterminated sequence never eats
    markup that follows it.
    """
    if not _ANY_CONTROL.search(html):
        return html
    html = _CONTROL_REF.sub(_control_ref, html)
    return _SEGMENT.sub(lambda m: strip_controls(m.group()), html)


def _control_ref(match: re.Match[str]) -> str:
    value = int(match.group(1), 16) if match.group(1) else int(match.group(2))
    if value in (9, 10, 13) or not (0 < value < 32 or value == 127):
        return match.group()
    return chr(value)


def clean_byline(text: str) -> str:
    """The byline when it names someone: placeholders, user names and addresses dropped.

    ``"By Jane Doe; Admin"`` -> ``"Jane Doe"``; ``"Username"``, ``"Staff"``,
    ``"jdoe42"``, ``"news@example.org"`` -> ``""``.
    """
    names: list[str] = []
    for part in re.split(r"\s*[;|]\s*", one_line(text, 300)):
        part = _BY.sub("", part).strip(" ,.-\u2013\u2014")
        lowered = part.casefold()
        if (
            not part
            or lowered in _NOT_NAMES
            or len(part) > 80
            or not any(ch.isalpha() for ch in part)
            or any(ch.isdigit() for ch in part)
            or any(ch in part for ch in "@/{}<>[]=")
        ):
            continue
        if part not in names:
            names.append(part)
    return "; ".join(names)


def page_from_text(body: bytes, charset: str | None, url: str = "") -> Page:
    """A text/plain page: the text as it is, the first line as title when it reads like one."""
    if charset:
        try:
            raw = body.decode(charset, errors="replace")
        except LookupError:
            raw, _ = decode_bytes(body, "page")
    else:
        raw, _ = decode_bytes(body, "page")
    text = clean_text(raw)
    return Page(title=guess_title(text), text=text)


def page_from_html(
    body: bytes, charset: str | None, url: str = "", *, extract_body: bool = True
) -> Page:
    """Extract the article from an HTML page.

    ``extract_body=False`` keeps all visible text (trafilatura's baseline) instead
    of the main content. Raises InputError when the page holds no text.
    """
    import trafilatura

    html = decode_html(body, charset)
    if "\x00" in html[:65536]:
        raise InputError("the page is binary, not HTML")
    html = strip_page_controls(html)
    document = None
    if extract_body:
        html = unwrap_layout_tables(html)
        plain = _bare(trafilatura, html, url, recall=False, prune=False)
        pruned = _bare(trafilatura, html, url, recall=False, prune=True)
        # The promo/newsletter pruning matches class names, which can hit a wrapper
        # of the story itself (class="subscriber-content"): keep it only when it
        # removed a small part of the text, never most of the story.
        document = pruned if _length(pruned) >= 0.7 * _length(plain) else plain
        if _length(document) < 200:
            # short or nothing: try again keeping more (short wire stories, odd markup)
            second = _bare(trafilatura, html, url, recall=True, prune=False)
            if _length(second) > _length(document):
                document = second
    title = author = date = sitename = ""
    if document is not None:
        title = one_line(document.title or "", 300)
        author = clean_byline(document.author or "")
        date = one_line(document.date or "", 40)
        sitename = one_line(document.sitename or "", 100)
        body_text = document.text or ""
    else:
        body_text = ""
    if len(body_text.split()) < _MIN_WORDS:
        from trafilatura import html2txt

        body_text = html2txt(html) or ""
        if extract_body and len(body_text.split()) < _MIN_WORDS:
            # a menu and a footer are not an article (pages built by JavaScript look like this)
            body_text = ""
        if not title:
            meta = trafilatura.extract_metadata(html, default_url=url or None)
            title = one_line(meta.title or "", 300) if meta is not None else ""
    paragraphs = [p.strip() for p in clean_text(body_text).split("\n") if p.strip()]
    if not paragraphs:
        raise InputError("no article text found on the page (it may need JavaScript)")
    if title and paragraphs[0].rstrip(".") != title.rstrip("."):
        paragraphs.insert(0, title)
    return Page(
        title=title, text="\n\n".join(paragraphs), author=author, date=date, sitename=sitename
    )


_LAYOUT_CELL_WORDS = 60
"""A table cell holding this many words is page layout, not data."""


def unwrap_layout_tables(html: str) -> str:
    """Turn tables used for page layout into plain blocks.

    Old sites lay out the whole page (menu column, story, sidebar) in one table;
    trafilatura then keeps the table, menu and sidebar included, as one line of
    cells. A table holding a headline, another table or a cell of prose is layout:
    its rows and cells become divs, so the story's paragraphs are judged on their
    own. Data tables (figures, results) are left alone. Unparsable HTML is
    returned unchanged.
    """
    if "<table" not in html.lower():
        return html
    try:
        import lxml.html

        doc = lxml.html.fromstring(html)
    except Exception:  # lxml raises assorted errors on broken or empty markup
        return html
    changed = False
    for table in list(doc.iter("table")):
        if table.tag != "table":  # already unwrapped as part of an outer table
            continue
        cells = [c for c in table.iter("td", "th")]
        layout = (
            table.find(".//h1") is not None
            or table.find(".//h2") is not None
            or table.find(".//table") is not None
            or any(len(c.text_content().split()) >= _LAYOUT_CELL_WORDS for c in cells)
        )
        if not layout:
            continue
        for el in [table, *table.iter("thead", "tbody", "tfoot", "tr", "td", "th", "table")]:
            el.tag = "div"
            for name in ("width", "height", "valign", "align", "colspan", "rowspan"):
                el.attrib.pop(name, None)
        changed = True
    if not changed:
        return html
    return str(lxml.html.tostring(doc, encoding="unicode"))


def _length(document: Any) -> int:
    return len((document.text or "").strip()) if document is not None else 0


def _bare(trafilatura: Any, html: str, url: str, *, recall: bool, prune: bool) -> Any:
    try:
        return trafilatura.bare_extraction(
            html,
            url=url or None,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            favor_recall=recall,
            date_extraction_params=_DATE_PARAMS,
            prune_xpath=_PRUNE_XPATH if prune else None,
        )
    except Exception:  # trafilatura raises assorted errors on broken markup
        return None
