"""The factual gate's training data (worthiness/gate_train.py): news articles split by
article, whole sentence files split by file, the check sets never read.

The small articles here are our own, written for these tests."""

from __future__ import annotations

import builtins
import csv
import io
import json
from pathlib import Path

import pytest

from workbench.core.nlp.worthiness import gate_train as gt
from workbench.core.nlp.worthiness.gate import GATE_PATH

ARTICLE = """Harbour board cuts fees

By A. Writer

The harbour board cut mooring fees by 12% on Monday. The mood on the quay was sunny. \
It was, everyone agreed, a lovely morning. The board said it had 340 moorings.
"""
ANNOTATION = {
    "facts": [
        {"kind": "percent", "anchor": "12%", "value": {"number": 12}},
        {"kind": "date", "anchor": "Monday", "value": {"weekday": "Monday"}},
        {"kind": "quantity", "anchor": "340", "value": {"number": 340}},
    ],
    "non_claims": ["The mood on the quay was sunny.",
                   "It was, everyone agreed, a lovely morning."],
    "no_claims_in": ["Harbour board cuts fees", "By A. Writer",
                     "The mood on the quay was sunny.",
                     "It was, everyone agreed, a lovely morning."],
}


def _write_set(folder: Path, slugs: list[str]) -> Path:
    folder.mkdir(parents=True)
    for slug in slugs:
        (folder / f"{slug}.txt").write_text(ARTICLE, encoding="utf-8")
        (folder / f"{slug}.json").write_text(json.dumps(ANNOTATION), encoding="utf-8")
    return folder


def test_the_article_sets_are_split_by_article_seeded_and_disjoint() -> None:
    articles = gt.read_articles(list(gt.ARTICLE_SETS))
    train, held = gt.split_articles(articles, seed=0)
    names = {a.name for a in articles}
    assert {a.name for a in train} | {a.name for a in held} == names
    assert not {a.name for a in train} & {a.name for a in held}
    for folder in gt.ARTICLE_SETS:  # each set gives a share of its articles, never all
        mine = [a for a in held if a.name.startswith(folder.name + "/")]
        total = [a for a in articles if a.name.startswith(folder.name + "/")]
        assert 1 <= len(mine) < len(total)
    again = gt.split_articles(gt.read_articles(list(gt.ARTICLE_SETS)), seed=0)[1]
    assert [a.name for a in again] == [a.name for a in held]  # seeded: the same split


def test_whole_files_are_held_out_whole() -> None:
    train, held = gt.split_files(list(gt.WHOLE_FILES), seed=0)
    assert len(held) == gt.FILES_HELD and not set(train) & set(held)
    assert set(train) | set(held) == set(gt.WHOLE_FILES)
    assert gt.split_files(list(gt.WHOLE_FILES), seed=0) == (train, held)


def test_check_sets_are_refused(tmp_path: Path) -> None:
    for check in gt.CHECK_SETS:
        with pytest.raises(SystemExit):
            gt.read_articles([check])
        with pytest.raises(SystemExit):
            gt.refuse_check(check / "anything.txt")
    assert not set(gt.ARTICLE_SETS) & set(gt.CHECK_SETS)
    gt.refuse_check(tmp_path)  # any other folder is fine


def test_reading_the_training_data_opens_nothing_of_the_check_set(monkeypatch) -> None:
    opened: list[str] = []
    real_open, real_io_open = builtins.open, io.open
    real_path_open = Path.open

    def spy(file, *args, **kwargs):
        opened.append(str(file))
        return real_open(file, *args, **kwargs)

    def path_spy(self, *args, **kwargs):
        opened.append(str(self))
        return real_path_open(self, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", spy)
    monkeypatch.setattr(io, "open", spy)
    monkeypatch.setattr(Path, "open", path_spy)
    articles = gt.read_articles(list(gt.ARTICLE_SETS))
    for path in [*gt.NONCLAIM_FILES, *gt.WHOLE_FILES]:
        gt.read_news(path)
    monkeypatch.setattr(builtins, "open", real_open)
    monkeypatch.setattr(io, "open", real_io_open)
    assert articles and any("dev_copy2" in p for p in opened)
    assert not [p for p in opened if "dev_copy_check" in p or "dev_copy3" in p]


def test_article_sentences_are_labelled_from_the_annotation(tmp_path: Path) -> None:
    from workbench.core.nlp.pipeline import load_pipeline

    folder = _write_set(tmp_path / "copy", ["harbour"])
    art = gt.read_articles([folder])[0]
    assert len(art.facts) == 3 and len(art.non_claims) == 2 and len(art.blocked) == 2
    rows = gt.article_sentences(load_pipeline(), [art])
    labels = [y for _, _, y in rows]
    assert labels.count(1) == 2  # the scene and the writer's view
    assert labels.count(0) == 2  # the fee cut, the moorings; the headline and byline: none
    text = art.text
    # a sentence both on a non-claim string and holding a fact is left out
    assert gt.sentence_label(art, 0, len(text)) is None
    start = text.index("The mood")
    assert gt.sentence_label(art, start, start + 10) == 1
    start = text.index("The board said")
    assert gt.sentence_label(art, start, len(text)) == 0


def _claimbuster(tmp_path: Path) -> Path:
    """A tiny ClaimBuster-like file: two facts and two views a debate, ten debates."""
    facts = ["Taxes rose by {n} percent in {y}.", "The plant closed in {y}."]
    views = ["I think that is wrong.", "Thank you, it is good to be here."]
    rows = []
    for i, year in enumerate(range(1980, 2020, 4)):
        for j, t in enumerate(facts + views):
            rows.append({"Text": t.format(n=i + 2, y=year), "File_id": f"{year}-10-01.txt",
                         "Verdict": "1" if j < 2 else "-1"})
    cb = tmp_path / "cb.csv"
    with cb.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return cb


def test_gate_training_is_reproducible_and_loadable(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    from workbench.core.nlp.pipeline import load_pipeline
    from workbench.core.nlp.worthiness.features import token_features
    from workbench.core.nlp.worthiness.gate import gate_features
    from workbench.core.nlp.worthiness.scorer import Scorer

    cb = _claimbuster(tmp_path)
    news = tmp_path / "news.jsonl"
    lines = [{"text": f"The court fined the firm {k} times.", "checkable": True} for k in range(10)]
    lines += [{"text": f"What a lovely day number {k} was.", "checkable": False} for k in range(10)]
    news.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    for out in (a, b):
        args = ["--claimbuster", str(cb), "--news", str(news), "--whole", "--articles",
                "--out", str(out)]
        assert gt.main(args) == 0
    model_a, model_b = json.loads(a.read_text()), json.loads(b.read_text())
    assert model_a["weights"] == model_b["weights"] and model_a["bias"] == model_b["bias"]
    assert model_a["meta"]["news_held_out"] == 6
    gate = Scorer.from_file(a)
    span = load_pipeline()("I think that is wrong.")[:]
    fact = load_pipeline()("Taxes rose by 7 percent in 1999.")[:]
    score = gate.score_features
    assert score(gate_features(span, token_features(span))) > score(
        gate_features(fact, token_features(fact))
    )


def test_training_holds_out_whole_articles_and_files(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    cb = _claimbuster(tmp_path)
    whole = []
    for k in range(3):
        path = tmp_path / f"batch{k}" / "sentences.jsonl"
        path.parent.mkdir()
        lines = [{"text": f"The court fined the firm {n} times.", "checkable": True}
                 for n in range(6)]
        lines += [{"text": f"What a lovely day number {n} was.", "checkable": False}
                  for n in range(6)]
        path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
        whole.append(str(path))
    sets = [str(_write_set(tmp_path / "copyA", ["a1", "a2", "a3", "a4"])),
            str(_write_set(tmp_path / "copyB", ["b1", "b2", "b3"]))]
    out = tmp_path / "gate.json"
    args = ["--claimbuster", str(cb), "--news", "--whole", *whole, "--articles", *sets,
            "--out", str(out)]
    assert gt.main(args) == 0
    meta = json.loads(out.read_text())["meta"]
    trained, held = set(meta["articles"]), set(meta["articles_held_out"])
    assert not trained & held and len(trained | held) == 7
    assert {n.split("/")[0] for n in held} == {"copyA", "copyB"}
    assert meta["files_held_out"] and meta["file_sentences_held_out"] == 12
    assert meta["file_sentences"] == 24
    assert meta["article_sentences"] == 4 * len(trained)
    assert meta["article_sentences_held_out"] == 4 * len(held)
    with pytest.raises(SystemExit):  # the check set is refused before any parse
        gt.main(["--claimbuster", str(cb), "--news", "--whole",
                 "--articles", str(gt.CHECK_SETS[0]), "--out", str(out)])


def test_shipped_gate_never_saw_a_check_set_nor_a_validation_article() -> None:
    meta = json.loads(GATE_PATH.read_text(encoding="utf-8"))["meta"]
    checks = {c.name for c in gt.CHECK_SETS}
    assert not [c for c in checks if c in meta["trained_on"]]
    trained, held = set(meta.get("articles", [])), set(meta.get("articles_held_out", []))
    assert not trained & held
    assert not [n for n in trained | held if n.split("/")[0] in checks]
    assert not [f for f in meta.get("files_held_out", []) if f in meta["trained_on"]]
    if held:  # a gate trained on articles: its split is the one split_articles gives
        articles = gt.read_articles(list(gt.ARTICLE_SETS))
        assert {a.name for a in gt.split_articles(articles, meta["seed"])[1]} == held
