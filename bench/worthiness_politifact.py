"""PolitiFact fact-checked claims as extra check-worthy sentences for training.

Each record of ``factchecks.jsonl`` (the CLEF CheckThat! 2021 collection) holds a
statement PolitiFact judged worth checking, as PolitiFact worded it: often
"Says X ..." or the speaker's words in quotation marks. ``cleaned`` turns that
into the sentence as it could have been spoken, so it reads like the debate
sentences the model is trained on. Flip-o-meter records ("On abortion ...") are
topics, not statements, and are left out, as are records that repeat a debate
sentence (``near_duplicates``): a claim checked from a debate in the training data
would otherwise leak that debate's labels into held-out evaluation.
Used by bench/worthiness_variants.py (``--extra``) only; nothing here ships or scores.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

FLIP_RATINGS = frozenset({"full-flop", "half-flip", "no-flip"})
MIN_WORDS = 4
_PREFIX = re.compile(r"^(?:says|say|said|claims|claim)\b[\s,:]*", re.IGNORECASE)
_QUOTES = re.compile(r"[\"“”„‟«»]")
_VERBATIM = re.compile(r"^\s*[\"“].*[\"”][.?!]?\s*$", re.DOTALL)
DUPLICATE_COSINE = 0.45
"""Word TF-IDF cosine at or above which a claim counts as a debate sentence's repeat
(at 0.45 and above, read on a sample, nearly every pair is the same statement)."""
_SPOKEN = re.compile(
    r"debate|speech|interview|remarks|town hall|conference|rally|forum|hearing|meeting"
    r"|radio|television|\btv\b|show|floor|address|testimony|briefing|comments",
    re.IGNORECASE,
)


def cleaned(claim: str) -> str:
    """The claim as a spoken sentence: no "Says"/"Say" prefix PolitiFact adds, no
    quotation marks (outer or inner: a transcript has none), first letter capital."""
    text = " ".join(claim.split())
    text = _PREFIX.sub("", text)
    text = _QUOTES.sub("", text)
    text = " ".join(text.split()).strip(" ,;:")
    if text[:1].islower():
        text = text[0].upper() + text[1:]
    return text


def spoken(stated: str) -> bool:
    """Whether PolitiFact's "stated on DATE in MEDIUM" names a spoken medium (a debate,
    speech, interview, hearing ...) rather than a post, ad, release or article."""
    medium = stated.partition(" in ")[2] if " in " in stated else stated
    return bool(_SPOKEN.search(medium))


def read_claims(path: Path) -> list[dict[str, Any]]:
    """Records usable as check-worthy sentences: ``text`` (cleaned), ``stated``, ``id``,
    ``verbatim`` (the whole claim was in quotation marks: the speaker's own words)."""
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            rec = json.loads(line)
            if rec.get("rating") in FLIP_RATINGS:
                continue
            text = cleaned(str(rec.get("claim") or ""))
            if len(text.split()) < MIN_WORDS:
                continue
            claim = str(rec.get("claim") or "")
            out.append({"id": rec.get("id"), "text": text, "stated": rec.get("stated") or "",
                        "verbatim": bool(_VERBATIM.match(claim))})
    return out


def near_duplicates(claims: list[str], sentences: list[str]) -> list[bool]:
    """For each claim, whether some sentence is a near repeat of it (word 1-2 gram
    TF-IDF cosine >= ``DUPLICATE_COSINE``). Needs scikit-learn."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True).fit(sentences + claims)
    a, b = vec.transform(claims), vec.transform(sentences).T.tocsc()
    best = np.zeros(len(claims))
    for start in range(0, len(claims), 2000):
        block = (a[start : start + 2000] @ b).max(axis=1).toarray().ravel()
        best[start : start + len(block)] = block
    return [bool(s >= DUPLICATE_COSINE) for s in best]
