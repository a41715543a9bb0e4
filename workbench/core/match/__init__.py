"""Checked before: match claims against earlier fact-checks and the desk's own verdicts.

    records      FactCheck, the rating -> status mapping
    readers      ClaimReview JSON/JSON-LD, JSON Lines, CSV; validated whole
    collection   the collection in <workspace>/factchecks/ (atomic writes)
    tokens       words for matching (light stemmer, stop words)
    bm25         the lexical index
    semantic     static sentence vectors (WordLlama's shipped weights), offline
    agree        numbers and names must agree
    engine       retrieval, fusion, scores
    thresholds   suggestion / strong match
    index        the per-workspace index: incremental, cached vectors, rebuildable
    service      find_matches, apply_match, dismiss_match, import/list/search, check

Runs on CPU with no network; nothing here imports Textual, Rich or spaCy.
"""
