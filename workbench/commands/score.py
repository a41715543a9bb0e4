"""``workbench score [FILE|-]``: check-worthiness of sentences, one per line.

Prints ``score<TAB>sentence`` for every non-blank input line (score with three
decimals, 0.5 = the model's decision threshold), so anyone can evaluate the scorer
on their own labelled sentences. Without the model file the score is ``unknown``
(and a one-line note goes to stderr).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator

from ..core.config import Config
from ..core.text import decode_bytes, one_line, read_stdin, read_text_file

BATCH = 1000


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "score", parents=[common], help="score sentences for check-worthiness (one per line)",
        description="Read one sentence per line; print 'score<TAB>sentence' per line "
                    "(0..1, 0.5 = check-worthy threshold; 'unknown' without the model file).",
    )
    p.add_argument("file", nargs="?", default="-", metavar="FILE",
                   help="text file with one sentence per line (default: - for stdin)")
    p.set_defaults(func=run)


def _read(path: str) -> str:
    if path == "-":
        return decode_bytes(read_stdin(), "stdin")[0]
    return read_text_file(path)[0]


def _batches(lines: list[str]) -> Iterator[list[str]]:
    for i in range(0, len(lines), BATCH):
        yield lines[i : i + BATCH]


def run(args: argparse.Namespace, config: Config) -> int:
    from ..core.nlp.worthiness import load_scorer
    from ..core.nlp.worthiness.scorer import model_path

    text = _read(args.file)
    sentences = [line for line in (one_line(raw) for raw in text.splitlines()) if line]
    scorer = load_scorer()
    out = sys.stdout
    if scorer is None:
        print(f"workbench: note: no check-worthiness model at {model_path()}; scores are unknown",
              file=sys.stderr)
        for sentence in sentences:
            out.write(f"unknown\t{sentence}\n")
        return 0
    if not sentences:
        return 0
    from ..core.nlp.pipeline import load_pipeline

    nlp = load_pipeline(config.model_name)
    for batch in _batches(sentences):
        for sentence, score in zip(batch, scorer.score_texts(batch, nlp=nlp), strict=True):
            out.write(f"{score:.3f}\t{sentence}\n")
        out.flush()
    return 0
