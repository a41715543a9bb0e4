"""Check-worthiness of sentences (``workbench score``): the scorer the workbench ranks
claims with, so anyone can evaluate it on their own labelled sentences."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..errors import InputError
from ..text import one_line

BATCH = 1000


@dataclass(frozen=True)
class Scores:
    """``scores`` yields ``(score or None, sentence)``; ``missing_model`` names the model
    file when there is none (every score is then None)."""

    sentences: list[str]
    missing_model: str | None
    model: str | None

    def scores(self) -> Iterator[tuple[float | None, str]]:
        if self.missing_model is not None:
            yield from ((None, s) for s in self.sentences)
            return
        if not self.sentences:
            return
        from ..nlp.pipeline import load_pipeline
        from ..nlp.worthiness import load_scorer
        from ..nlp.worthiness.strong import mixed

        scorer = load_scorer()
        assert scorer is not None
        nlp = load_pipeline(self.model)
        for i in range(0, len(self.sentences), BATCH):
            batch = self.sentences[i : i + BATCH]
            scores = mixed(batch, scorer.score_texts(batch, nlp=nlp))  # the strong extra's
            yield from zip(scores, batch, strict=True)


def score_lines(text: str, model: str | None = None, *, name: str = "input") -> Scores:
    """One sentence per non-blank line of ``text`` (cleaned to one line each).
    InputError when there is none (an empty or blank input, like ``extract``)."""
    from ..nlp.worthiness import load_scorer
    from ..nlp.worthiness.scorer import model_path

    sentences = [line for line in (one_line(raw) for raw in text.splitlines()) if line]
    if not sentences:
        raise InputError(f"{one_line(name, 200)}: the input is empty (no sentence to score)")
    missing = None if load_scorer() is not None else str(model_path())
    return Scores(sentences, missing, model)
