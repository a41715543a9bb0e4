"""A standfirst, the line with no sentence end between a headline and its byline, is
the summary the body tells again: it makes no claim. A line that ends as a sentence, or
one with no byline under it, is prose as before. Our own article texts."""

from __future__ import annotations

from workbench.core.nlp.prose import prose_units

HEAD = "Harbour master who ran the port for 30 years retires at 70\n\n"
SUMMARY = (
    "She oversaw 12,000 sailings in three decades and never once closed the harbour "
    "for a winter storm\n\n"
)


def _units(text: str) -> list[str]:
    return [u.text for u in prose_units(text)]


def test_a_standfirst_over_the_byline_is_no_prose() -> None:
    text = (
        HEAD
        + SUMMARY
        + "By Sam Jones, Maritime Correspondent\n\n"
        + "Ann Lee, who ran the port of Ayr for 30 years, retired on Friday.\n"
    )
    assert _units(text) == ["Ann Lee, who ran the port of Ayr for 30 years, retired on Friday."]


def test_a_sentence_over_the_byline_or_a_line_with_no_byline_stays() -> None:
    ended = HEAD + "She oversaw 12,000 sailings in all weathers and retired on Friday.\n\n"
    ended += "By Sam Jones\n\nThe port said 40 staff would stay.\n"
    assert len(_units(ended)) == 2
    bare = HEAD + SUMMARY
    bare += "The port said 40 staff would stay.\n"
    assert _units(bare)[0].startswith("She oversaw")
