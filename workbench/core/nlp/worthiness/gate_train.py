"""Train the factual gate (``gate.py``): does a sentence state anything checkable?

    python -m workbench.core.nlp.worthiness.gate_train [--claimbuster CSV] [--cache DOCS]
        [--news FILE ...] [--whole FILE ...] [--articles DIR ...] [--seed 0] [--out gate.json]

Needs scikit-learn (the ``train`` extra). The positive class is "states nothing
checkable": ClaimBuster's non-factual sentences (Verdict -1) against its factual ones
(0 and 1: unimportant facts are still facts), and news sentences labelled by hand, each
weighted ``news_weight`` times a debate sentence:

- ``tests/data/dev_statements/sentences.json`` and ``records.json`` (items with ``none``
  against items with claims or records), all trained on;
- ``nonclaim_dev/sentences.jsonl``, ``nonclaim_dev2/sentences.jsonl`` and ``more.jsonl``,
  ``nonclaim_dev3/sentences.jsonl`` (``checkable`` false or true): a seeded 30% of each
  file is never trained on (``split_news``);
- ``nonclaim_dev4`` .. ``nonclaim_dev7`` (``WHOLE_FILES``): split by file, a seeded one
  held out whole (``split_files``);
- the articles of ``dev_copy`` and ``dev_copy2`` (``ARTICLE_SETS``), read as extraction
  reads them: a sentence on a ``non_claims`` string states nothing, one holding an
  annotated fact is checkable (``article_sentences``); split by article, a seeded 30% of
  each set's articles held out whole (``split_articles``).

The held-out parts are the validation of the gate (their AUCs are in the model's meta;
``bench/gate_calibrate.py --validation`` replays the thresholds on them). The check sets
(``CHECK_SETS``: dev_copy_check, dev_copy3) are never read (``refuse_check``).

C and the news weight are chosen by the AUC of 5 folds of the news training sentences (the
sentences of one article or whole file in one fold), held-out debates (every 5th, by the
seed) breaking ties. The model is then fitted on every debate and every news training
sentence. Seeded and deterministic.

The shipped ``gate.json`` is still the session-25 model (its ``meta`` says what it was
trained on: no article set, no whole file). A gate trained with these defaults was tried in
session 26 and not shipped: on the validation split it cleaned more non-claims (459 -> 467
of 543 at VETO 0.85), but it also learned the article sets' view of newsroom non-answers,
times of scenes and vox-pop quotes, and dropped checkable claims the tests keep ("The final
vote is on Tuesday.", "Garner has not yet said whether he will stand again.", and a
dev_statements2 "did not finish"); see ``bench/RESULTS.md``, "Session 26, gate13".
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .features import FEATURE_VERSION, token_features
from .gate import GATE_PATH, gate_features

ROOT = Path(__file__).resolve().parents[4]
DATA = ROOT / "tests" / "data"
DEFAULT_CLAIMBUSTER = Path("../shared/data/claimbuster/crowdsourced.csv")
DEV_STATEMENTS = DATA / "dev_statements" / "sentences.json"
DEV_RECORDS = DATA / "dev_statements" / "records.json"
NONCLAIM_DEV = DATA / "nonclaim_dev" / "sentences.jsonl"
NONCLAIM_DEV2 = DATA / "nonclaim_dev2" / "sentences.jsonl"
NONCLAIM_DEV2_MORE = DATA / "nonclaim_dev2" / "more.jsonl"
NONCLAIM_DEV3 = DATA / "nonclaim_dev3" / "sentences.jsonl"
NONCLAIM_FILES = (NONCLAIM_DEV, NONCLAIM_DEV2, NONCLAIM_DEV2_MORE, NONCLAIM_DEV3)
"""The labelled news sentence files a seeded share of which is held out (``split_news``)."""
WHOLE_FILES = tuple(DATA / f"nonclaim_dev{k}" / "sentences.jsonl" for k in (4, 5, 6, 7))
"""News sentence files split whole (``split_files``): a seeded ``FILES_HELD`` of them is
held out entire, the others trained on entire (each file is one writer's batch)."""
FILES_HELD = 1
ARTICLE_SETS = (DATA / "dev_copy", DATA / "dev_copy2")
"""Article sets (``<slug>.txt`` + ``<slug>.json`` with ``facts`` and ``non_claims``) whose
sentences the gate learns from: a sentence on a ``non_claims`` string states nothing, a
sentence holding an annotated fact is checkable (``article_sentences``). Split by article
(``split_articles``): a validation sentence never comes from a trained article."""
ARTICLE_HOLD_OUT = 0.3
"""Share of the articles of each set held out (at least one)."""
CHECK_SETS = (DATA / "dev_copy_check", DATA / "dev_copy3")
"""Sets training never reads (``refuse_check``): dev_copy_check is the check of the gate,
dev_copy3 its unseen measure."""
HOLD_OUT = 0.3
"""Share of the nonclaim_dev sentences kept for validation (never trained on)."""
C_GRID = (0.1, 0.3)
NEWS_WEIGHTS = (5.0, 20.0, 50.0)
MIN_COUNT = 2


@dataclass
class Examples:
    feats: list[list[str]] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)  # 1 = states nothing checkable
    groups: list[str] = field(default_factory=list)


def read_claimbuster(path: Path) -> tuple[list[str], list[int], list[str]]:
    texts, labels, groups = [], [], []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            text = " ".join((row.get("Text") or "").split())
            if text:
                texts.append(text)
                labels.append(1 if row["Verdict"].strip() == "-1" else 0)
                groups.append(row["File_id"])
    return texts, labels, groups


@dataclass(frozen=True)
class NewsItem:
    text: str
    label: int  # 1 = states nothing checkable
    context: str = ""  # the sentence before it, where it matters (a pronoun speaker)
    reason: str = ""


def read_news(path: Path) -> list[NewsItem]:
    """The labelled sentences of a news sentence file (``.jsonl``: nonclaim_dev;
    ``.json``: dev_statements)."""
    if path.suffix == ".jsonl":
        out = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                it = json.loads(line)
                out.append(NewsItem(it["text"], 0 if it["checkable"] else 1,
                                    it.get("context") or "", it.get("reason", "")))
        return out
    items = json.loads(path.read_text(encoding="utf-8"))["items"]
    return [  # an item with neither (a record file's "no record" quote) says nothing here
        NewsItem(it["text"], 1 if it.get("none") else 0)
        for it in items
        if it.get("none") or it.get("claims") or it.get("records")
    ]


def split_news(items: list[NewsItem], seed: int = 0) -> tuple[list[int], list[int]]:
    """(train, held-out) indices: a seeded ``HOLD_OUT`` share held out."""
    order = list(range(len(items)))
    random.Random(seed).shuffle(order)
    cut = round(len(order) * HOLD_OUT)
    return sorted(order[cut:]), sorted(order[:cut])


def split_files(paths: list[Path], seed: int = 0) -> tuple[list[Path], list[Path]]:
    """(trained, held-out) files of ``WHOLE_FILES``: a seeded ``FILES_HELD`` held out whole."""
    order = sorted(paths)
    random.Random(seed).shuffle(order)
    held = set(order[:FILES_HELD]) if len(order) > 1 else set()
    return [p for p in paths if p not in held], [p for p in paths if p in held]


def refuse_check(path: Path) -> None:
    """Stop before reading anything of a check set (``CHECK_SETS``)."""
    resolved = path.resolve()
    for check in CHECK_SETS:
        if resolved == check.resolve() or check.resolve() in resolved.parents:
            raise SystemExit(f"{path}: a check set; the gate is never trained on it")


@dataclass(frozen=True)
class ArticleData:
    """One annotated article: its clean text, the spans of its facts, of its
    ``non_claims`` strings and of its other ``no_claims_in`` strings (headline, byline)."""

    name: str  # "<set>/<slug>"
    text: str
    facts: tuple[tuple[int, int], ...]
    non_claims: tuple[tuple[int, int], ...]
    blocked: tuple[tuple[int, int], ...]


def _occurrences(text: str, needle: str) -> list[int]:
    """Start offsets of ``needle`` in ``text`` as a whole token run (as the eval reads)."""
    import re

    left = r"(?<!\w)" if needle[:1].isalnum() else ""
    right = r"(?!\w)" if needle[-1:].isalnum() else ""
    return [m.start() for m in re.finditer(left + re.escape(needle) + right, text)]


def _spans(text: str, strings: list[str]) -> list[tuple[int, int]]:
    return [(i, i + len(s)) for s in strings for i in _occurrences(text, s)]


def read_article(path: Path) -> ArticleData:
    """The article ``path`` (``.txt``) and its annotation (the ``.json`` beside it), located
    as ``bench/extract_eval.py`` locates them (a fact by its ``context``, outside the
    ``no_claims_in`` spans)."""
    from ...articles import load_article_file

    refuse_check(path)
    text = load_article_file(path).text
    ann = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    blocked = _spans(text, ann.get("no_claims_in", []))
    facts = []
    for f in ann["facts"]:
        anchor = f["anchor"]
        context = f.get("context", anchor)
        for cstart in _occurrences(text, context):
            if any(a <= cstart < b for a, b in blocked):
                continue
            inner = _occurrences(context, anchor)
            if inner:
                facts.append((cstart + inner[0], cstart + inner[0] + len(anchor)))
            break
    non_claims = ann.get("non_claims", [])
    others = [s for s in ann.get("no_claims_in", []) if s not in non_claims]  # headlines
    return ArticleData(f"{path.parent.name}/{path.stem}", text, tuple(facts),
                       tuple(_spans(text, non_claims)), tuple(_spans(text, others)))


def read_articles(sets: list[Path]) -> list[ArticleData]:
    """Every annotated article of ``sets``, in order of set and slug."""
    out = []
    for folder in sets:
        refuse_check(folder)
        out += [read_article(p) for p in sorted(folder.glob("*.txt"))
                if p.with_suffix(".json").is_file()]
    return out


def split_articles(articles: list[ArticleData], seed: int = 0
                   ) -> tuple[list[ArticleData], list[ArticleData]]:
    """(trained, held-out) articles: a seeded ``ARTICLE_HOLD_OUT`` share of each set's
    articles (at least one of a set of two or more) held out whole."""
    by_set: dict[str, list[ArticleData]] = {}
    for a in articles:
        by_set.setdefault(a.name.split("/")[0], []).append(a)
    held: set[str] = set()
    for name, arts in sorted(by_set.items()):
        order = sorted(a.name for a in arts)
        random.Random(f"{seed}:{name}").shuffle(order)
        cut = max(1, round(len(order) * ARTICLE_HOLD_OUT)) if len(order) > 1 else 0
        held.update(order[:cut])
    return ([a for a in articles if a.name not in held],
            [a for a in articles if a.name in held])


def sentence_label(art: ArticleData, start: int, end: int) -> int | None:
    """1 when the sentence [start, end) lies on a ``non_claims`` string and holds no fact,
    0 when it holds an annotated fact and touches no ``non_claims`` string, None otherwise
    (a headline, a byline, a sentence nobody labelled, one the parser split otherwise)."""

    def over(spans: tuple[tuple[int, int], ...]) -> bool:
        return any(a < end and start < b for a, b in spans)

    if over(art.blocked):
        return None
    fact, nothing = over(art.facts), over(art.non_claims)
    if fact == nothing:
        return None
    return 1 if nothing else 0


def article_sentences(nlp: Any, articles: list[ArticleData]
                      ) -> list[tuple[str, list[str], int]]:
    """(article name, gate features, label) of every labelled sentence of ``articles``,
    parsed as extraction parses them (prose units, markup removed, the parse repaired),
    so the features are those the gate reads at run time."""
    from ..doc_cache import UNMARKED, unit_offsets
    from ..markup import unmark
    from ..parse_repairs import repair_parse
    from ..parsed import parsed
    from ..prose import prose_units

    units = [(u.text if um is None else um.text, (k, u, um))
             for k, a in enumerate(articles) for u in prose_units(a.text)
             for um in (unmark(u.text),)]
    out = []
    for spacy_doc, (k, unit, um) in nlp.pipe(units, as_tuples=True, batch_size=64):
        doc = parsed(spacy_doc, unit.text if um is None else um.text)
        if um is not None:  # offsets as the article has them
            doc.user_data[UNMARKED] = (um, unit.text)
        repair_parse(doc)
        base = unit.start
        first, last = unit_offsets(doc)
        for sent in doc.sents:
            label = sentence_label(articles[k], base + first(sent.start_char),
                                   base + last(sent.end_char))
            if label is not None:
                out.append((articles[k].name, features_of(sent), label))
    return out


def sentence_span(doc: Any) -> Any:
    """The span a news item is scored as: its sentence, or the whole item."""
    sents = list(doc.sents)
    return sents[0] if len(sents) == 1 else doc[:]


def features_of(span: Any) -> list[str]:
    return gate_features(span, token_features(span))


def parse(nlp: Any, texts: list[str], cache: Path | None = None) -> list[Any]:
    from spacy.tokens import DocBin

    if cache is not None and cache.is_file():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if [d.text for d in docs] == texts:
            return docs
    docs = list(nlp.pipe(texts, batch_size=256))
    if cache is not None:
        DocBin(docs=docs).to_disk(cache)
    return docs


class _Binary:
    def __init__(self, feats: list[list[str]]):
        from sklearn.feature_extraction import DictVectorizer

        counts: Counter[str] = Counter(f for fs in feats for f in set(fs))
        self.dv = DictVectorizer().fit([{f: 1.0 for f, n in counts.items() if n >= MIN_COUNT}])

    def __call__(self, feats: list[list[str]]) -> Any:
        import numpy as np

        x = self.dv.transform([dict.fromkeys(f, 1.0) for f in feats]).tocsr()
        x.indices = x.indices.astype(np.int32)
        x.indptr = x.indptr.astype(np.int32)
        return x


def fit(ex: Examples, weights: list[float], c: float, seed: int,
        vec: _Binary | None = None, x: Any = None) -> tuple[_Binary, Any]:
    """A logistic regression (``vec``/``x``: a vectorizer and the matrix already built)."""
    from sklearn.linear_model import LogisticRegression

    vec = vec or _Binary(ex.feats)
    clf = LogisticRegression(C=c, max_iter=3000, solver="liblinear", dual=True,
                             random_state=seed)
    clf.fit(vec(ex.feats) if x is None else x, ex.labels, sample_weight=weights)
    return vec, clf


def _subset(ex: Examples, idx: list[int]) -> Examples:
    return Examples([ex.feats[i] for i in idx], [ex.labels[i] for i in idx],
                    [ex.groups[i] for i in idx])


def _weights(ex: Examples, news_weight: float) -> list[float]:
    return [news_weight if g.startswith("news") else 1.0 for g in ex.groups]


def _auc(y: list[int], p: list[float]) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(y, p)) if len(set(y)) == 2 else float("nan")


def predict(model: tuple[_Binary, Any], feats: list[list[str]]) -> list[float]:
    vec, clf = model
    return [float(p) for p in clf.predict_proba(vec(feats))[:, 1]]


def news_folds(groups: list[str], seed: int, k: int = 5) -> dict[int, int]:
    """Fold of each news example: the sentences of the sentence-split files (group
    ``news``) one by one, seeded; those of an article or a whole file (``news:NAME``)
    together, so that no fold is validated on an article it was trained on."""
    rng = random.Random(seed)
    loose = [i for i, g in enumerate(groups) if g == "news"]
    rng.shuffle(loose)
    fold_of = {i: n % k for n, i in enumerate(loose)}
    named = sorted({g for g in groups if g.startswith("news:")})
    rng.shuffle(named)
    fold_of_group = {g: n % k for n, g in enumerate(named)}
    fold_of.update({i: fold_of_group[g] for i, g in enumerate(groups) if g in fold_of_group})
    return fold_of


def select(ex: Examples, seed: int) -> dict[str, float]:
    """C and news weight by news folds (``news_folds``: an article or a whole file in one
    fold), held-out debates breaking ties: the gate reads news, and on the validation
    split the weights 20 and 50 beat 5, which the mean with the debates' AUC chose."""
    debates = sorted({g for g in ex.groups if not g.startswith("news")})
    held = {d for i, d in enumerate(debates) if i % 5 == seed % 5}
    news = [i for i, g in enumerate(ex.groups) if g.startswith("news")]
    fold_of = news_folds(ex.groups, seed)
    best: dict[str, float] = {"score": -1.0}
    vec = _Binary(ex.feats)  # one vocabulary for every fold (only counts, no labels)
    x = vec(ex.feats)
    tr = [i for i, g in enumerate(ex.groups) if g not in held and not g.startswith("news")]
    va = [i for i, g in enumerate(ex.groups) if g in held]
    for c in C_GRID:
        for w in NEWS_WEIGHTS:
            news_p: dict[int, float] = {}
            debate_auc = 0.0
            for k in range(5):
                train = tr + [i for i in news if fold_of[i] != k]
                sub = _subset(ex, train)
                model = fit(sub, _weights(sub, w), c, seed, vec, x[train])
                test = [i for i in news if fold_of[i] == k]
                news_p.update(zip(test, _proba(model, x[test]), strict=True))
                if k == 0:
                    debate_auc = _auc([ex.labels[i] for i in va], _proba(model, x[va]))
            news_auc = _auc([ex.labels[i] for i in news], [news_p[i] for i in news])
            score = news_auc + debate_auc / 1000  # the gate reads news: debates break ties
            print(f"  C={c} news weight={w}: news AUC {news_auc:.3f}, "
                  f"held-out debates AUC {debate_auc:.3f}", file=sys.stderr)
            if score > best["score"]:
                best = {"c": c, "news_weight": w, "score": score,
                        "news_auc": news_auc, "debate_auc": debate_auc}
    return best


def _proba(model: tuple[_Binary, Any], x: Any) -> list[float]:
    return [float(p) for p in model[1].predict_proba(x)[:, 1]]


def export(model: tuple[_Binary, Any], meta: dict[str, Any], out: Path) -> None:
    vec, clf = model
    names = vec.dv.get_feature_names_out()
    weights = {str(n): round(float(w), 5) for n, w in zip(names, clf.coef_[0], strict=True)
               if abs(w) >= 1e-4}
    data = {"feature_version": FEATURE_VERSION, "bias": round(float(clf.intercept_[0]), 6),
            "meta": meta, "weights": dict(sorted(weights.items()))}
    tmp = out.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=0) + "\n", encoding="utf-8")
    tmp.replace(out)


def main(argv: list[str] | None = None) -> int:
    from ..pipeline import load_pipeline

    ap = argparse.ArgumentParser(prog="python -m workbench.core.nlp.worthiness.gate_train",
                                 description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--claimbuster", type=Path, default=DEFAULT_CLAIMBUSTER)
    ap.add_argument("--cache", type=Path, help="DocBin file caching the debate parse")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, default=GATE_PATH)
    ap.add_argument("--news", type=Path, nargs="*",
                    default=[DEV_STATEMENTS, DEV_RECORDS, *NONCLAIM_FILES],
                    help="labelled news sentence files (.json like dev_statements, .jsonl like "
                    "nonclaim_dev: a seeded 30%% of each .jsonl file is held out)")
    ap.add_argument("--whole", type=Path, nargs="*", default=list(WHOLE_FILES),
                    help="news sentence files (.jsonl) split whole: a seeded one held out")
    ap.add_argument("--articles", type=Path, nargs="*", default=list(ARTICLE_SETS),
                    help="annotated article sets (facts, non_claims), split by article")
    args = ap.parse_args(argv)
    for path in [args.claimbuster, *args.news, *args.whole]:
        if not path.is_file():
            ap.error(f"no data file at {path}")
    for path in [*args.news, *args.whole, *args.articles]:
        refuse_check(path)
    articles = read_articles(args.articles)
    train_arts, held_arts = split_articles(articles, args.seed)
    train_files, held_files = split_files(args.whole, args.seed)
    nlp = load_pipeline()
    texts, labels, groups = read_claimbuster(args.claimbuster)
    docs = parse(nlp, texts, args.cache)
    ex = Examples([features_of(d[:]) for d in docs], labels, groups)
    news: list[NewsItem] = []
    held: list[NewsItem] = []
    for path in args.news:
        items = read_news(path)
        if path.suffix == ".jsonl":
            train_idx, held_idx = split_news(items, args.seed)
            news += [items[i] for i in train_idx]
            held += [items[i] for i in held_idx]
        else:
            news += items
    news_docs = parse(nlp, [it.text for it in news])
    for doc, it in zip(news_docs, news, strict=True):
        ex.feats.append(features_of(sentence_span(doc)))
        ex.labels.append(it.label)
        ex.groups.append("news")
    whole_held: list[NewsItem] = []
    for path in args.whole:
        items = read_news(path)
        if path in held_files:
            whole_held += items
            continue
        for doc, it in zip(parse(nlp, [it.text for it in items]), items, strict=True):
            ex.feats.append(features_of(sentence_span(doc)))
            ex.labels.append(it.label)
            ex.groups.append(f"news:file:{path.parent.name}/{path.stem}")
    for name, feats, label in article_sentences(nlp, train_arts):
        ex.feats.append(feats)
        ex.labels.append(label)
        ex.groups.append(f"news:article:{name}")
    chosen = select(ex, args.seed)
    model = fit(ex, _weights(ex, chosen["news_weight"]), chosen["c"], args.seed)
    report: dict[str, Any] = {k: round(v, 4) for k, v in chosen.items()}
    if held:
        p = predict(model, [features_of(sentence_span(d))
                            for d in parse(nlp, [it.text for it in held])])
        report["news_held_out_auc"] = round(_auc([it.label for it in held], p), 4)
    if whole_held:
        p = predict(model, [features_of(sentence_span(d))
                            for d in parse(nlp, [it.text for it in whole_held])])
        report["files_held_out_auc"] = round(_auc([it.label for it in whole_held], p), 4)
    held_sents = article_sentences(nlp, held_arts)
    if held_sents:
        p = predict(model, [f for _, f, _ in held_sents])
        report["articles_held_out_auc"] = round(_auc([y for _, _, y in held_sents], p), 4)

    def name(p: Path) -> str:
        return p.name if p.parent.name == "data" else f"{p.parent.name}/{p.name}"

    meta = {
        "trained_on": "ClaimBuster crowdsourced.csv (Verdict -1 vs 0/1) + news dev sentences "
        + ", ".join(name(p) for p in args.news)
        + (" + whole files " + ", ".join(name(p) for p in train_files) if train_files else "")
        + (" + articles of " + ", ".join(p.name for p in args.articles) if train_arts else ""),
        "debate_sentences": len(texts),
        "news_sentences": len(news),
        "news_held_out": len(held),
        "files_held_out": [name(p) for p in held_files],
        "file_sentences": sum(g.startswith("news:file:") for g in ex.groups),
        "file_sentences_held_out": len(whole_held),
        "articles": [a.name for a in train_arts],
        "articles_held_out": [a.name for a in held_arts],
        "article_sentences": sum(g.startswith("news:article:") for g in ex.groups),
        "article_sentences_held_out": len(held_sents),
        "seed": args.seed,
        **report,
    }
    export(model, meta, args.out)
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
