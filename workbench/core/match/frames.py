"""The claim inside a reported sentence: "At a rally, X told supporters that CLAIM."

News copy wraps a claim in who said it, where and when. ``core(text)`` returns the
claim part when a reporting frame is recognised (else None), so that the matcher
can score the claim without the noise of the frame. Conservative: a frame is only
cut when the claim left is at least five words long.
"""

from __future__ import annotations

import re

_VERB = (
    r"(?:said|says|say|saying|told|tells|claimed|claims|claiming|argued|argues|warned|warns|"
    r"asked|tweeted|wrote|writes|posted|stated|states|insisted|insists|noted|notes|contended|"
    r"alleged|alleges|suggested|suggests|declared|reminded|asserted|asserts|charged|boasted|"
    r"complained|added|explained|maintained|maintains|repeated|accused|blamed|argued)"
)
_THAT = re.compile(
    rf"^(?P<frame>.{{0,160}}?\b{_VERB}\b(?:\s[^.;]{{1,60}}?)??)\s+that\s+(?P<claim>.+)$",
    re.IGNORECASE | re.DOTALL,
)
_BARE = re.compile(
    rf"^(?P<frame>.{{0,160}}?\b(?!states\b|notes\b){_VERB})\b\s*[,:]?\s+(?P<claim>.+)$",
    re.IGNORECASE | re.DOTALL,
)
"""("states" and "notes" without "that" are nouns as often: "similar states, Ohio ...")"""
_TAIL = re.compile(
    r"(?P<claim>.+?)[,;]?\s*(?:[\"”’']\s*)?(?:,\s*)?(?:according\s+to\s+[^,.]{1,60}|"
    r"(?:[A-Z][^,.]{0,60}?\s|(?:[a-z][\w'’-]*\s){1,6})(?:said|says|claimed|claims|argued|"
    r"wrote|tweeted|reported|warned|noted|told\s+[^,.]{1,40}))\.?\s*$",
)
_PREFIX = re.compile(
    r"^(?:(?:Speaking|Appearing|Writing|Testifying|Campaigning)\s[^,]{1,80},|"
    r"(?:At|In|On|During|After|Before)\s[^,]{1,80},)\s*",
)


_NAMED = re.compile(r"\bUnited\s+States\s*$|\bUnited\s+States\s+\S+$")
"""A frame that ends at "the United States" (the verb "states" was the country)."""


_URL = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)\S+", re.IGNORECASE)
_RETWEET = re.compile(r"^(?:RT\s+)?@\w+:\s*")
_TAG = re.compile(r"(?<![\w@#])[#@](?=\w)")


def clean(text: str) -> str:
    """A post as a claim: links dropped, "RT @user:" cut, # and @ taken off hashtags and
    handles (their words stay)."""
    text = _URL.sub(" ", text)
    text = _RETWEET.sub("", text.strip())
    text = _TAG.sub("", text)
    return " ".join(text.split())


def core(text: str) -> str | None:
    """The claim without its reporting frame, or None when there is none to cut."""
    text = " ".join(text.split())
    m = _TAIL.match(text)
    if m and len(m.group("claim").split()) >= 5 and "," in text[len(m.group("claim")) - 1 :]:
        return m.group("claim").strip(" ,;\"”")
    for pattern in (_THAT, _BARE):
        m = pattern.match(text)
        if m and not _NAMED.search(m.group("frame")):
            claim = m.group("claim").strip()
            frame = _PREFIX.sub("", m.group("frame"))
            if len(claim.split()) >= 5 and len(frame.split()) <= 16:
                return claim[0].upper() + claim[1:]
    return None
