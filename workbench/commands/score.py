"""``workbench score [FILE|-]``: check-worthiness of sentences, one per line.

Prints ``score<TAB>sentence`` for every non-blank input line (score with three
decimals, 0.5 = the model's decision threshold), so anyone can evaluate the scorer
on their own labelled sentences. Without the model file the score is ``unknown``
(and a one-line note goes to stderr).
"""

from __future__ import annotations

import argparse
import sys

from ..core.config import Config
from ..core.text import decode_bytes, encoding_note, one_line, read_stdin, read_text_file
from .common import note


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
        text, encoding = decode_bytes(read_stdin(), "stdin")
    else:
        text, encoding = read_text_file(path)
    line = encoding_note("stdin" if path == "-" else path, encoding)
    if line:
        note(line)
    return text


def run(args: argparse.Namespace, config: Config) -> int:
    from ..core.services.scoring import score_lines

    name = "stdin" if args.file == "-" else args.file
    result = score_lines(_read(args.file), config.model_name, name=name)
    if result.missing_model:
        note(f"no check-worthiness model at {one_line(result.missing_model)}; scores are unknown")
    out = sys.stdout
    for n, (score, sentence) in enumerate(result.scores(), 1):
        out.write(f"{'unknown' if score is None else f'{score:.3f}'}\t{sentence}\n")
        if n % 1000 == 0:
            out.flush()
    return 0
