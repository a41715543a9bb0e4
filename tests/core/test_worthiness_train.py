"""The training script: reproducible with a fixed seed, writes a model the scorer loads."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

pytest.importorskip("sklearn")

from workbench.core.nlp.worthiness import load_scorer  # noqa: E402
from workbench.core.nlp.worthiness.train import main  # noqa: E402

WORTHY = ["Taxes rose by {n} percent in {y}.", "The plan cost ${n} billion last year.",
          "We lost {n},000 jobs in the state."]
OTHER = ["I think that is wrong.", "Thank you, it is good to be here.", "Let me answer that."]


def _data(path: Path) -> Path:
    rows = []
    years = [1980, 1984, 1988, 1992, 1996, 2000, 2004, 2008, 2012, 2016, 2020, 2024]
    for i, year in enumerate(years):
        for j, template in enumerate(WORTHY + OTHER):
            rows.append({"Sentence_id": len(rows), "Text": template.format(n=i + j + 2, y=year),
                         "File_id": f"{year}-10-01.txt", "Verdict": "1" if j < 3 else "-1"})
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_training_is_reproducible_and_loadable(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    data = _data(tmp_path / "tiny.csv")
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    assert main(["--data", str(data), "--seed", "0", "--out", str(a)]) == 0
    assert main(["--data", str(data), "--seed", "0", "--out", str(b), "--no-baseline"]) == 0
    model_a, model_b = json.loads(a.read_text()), json.loads(b.read_text())
    assert model_a["weights"] == model_b["weights"] and model_a["bias"] == model_b["bias"]
    report, _ = json.JSONDecoder().raw_decode(capsys.readouterr().out)
    assert set(report["held_out_debates"]) and "tfidf" in report
    scorer = load_scorer(a)
    assert scorer is not None
    scores = scorer.score_texts(["Taxes rose by 9 percent in 1999.", "Let me answer that."])
    assert scores[0] > 0.5 > scores[1]


def test_missing_data_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--data", str(tmp_path / "none.csv"), "--out", str(tmp_path / "m.json")])
    assert exc.value.code == 2
    assert not (tmp_path / "m.json").exists()
