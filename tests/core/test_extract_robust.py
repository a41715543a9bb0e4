"""Extraction never raises on any text and offsets always slice the clean text; odd input."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.core.articles import make_article
from workbench.core.errors import InputError
from workbench.core.nlp.extract import extract_claims, extract_many
from workbench.core.nlp.prose import MAX_UNIT_CHARS

WORDS = st.sampled_from(
    [
        "The",
        "minister",
        "said",
        "on",
        "Monday",
        "that",
        "12",
        "people",
        "$",
        "3.5",
        "billion",
        "“",
        "”",
        '"',
        "more than",
        "100,000",
        "in",
        "1994",
        "%",
        "first",
        ",",
        ".",
        "\n",
        "\n\n",
        "[bold]",
        "[/]",
        "\x1b[2J",
        "Putin",
        "told",
        "reporters",
        "years",
        "the past",
        "26",
        "²",
        "٥٢",
        "[",
        "]",
        "Smith",
        "52",
        "said:",
        "one in",
        "five",
        "69-30",
        "a second week",
        "per cent",
        "£",
        "bn",
        "—",
        "MADRID",
        "(AP)",
        "‘",
        "’",
        "2nd",
        "[b]",
        "[/b]",
        "[link=https://x.example/2020/05]",
        "[/link]",
        "<b>",
        "</b>",
        '<a href="https://x.example/1">',
        "</a>",
        "[the report](https://x.example/2024)",
        "March[/b]",
    ]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=300), st.lists(WORDS, max_size=80).map(" ".join)))
def test_extraction_never_raises_and_offsets_slice(text):
    try:
        article = make_article(text, "prop.txt")
    except InputError:
        return  # empty after cleaning: refused with a clear error
    claims = extract_claims(article)
    for c in claims:
        assert article.text[c.start : c.end] == c.anchor
        assert article.text[c.sentence_start : c.sentence_end] == c.sentence
        for e in c.entities:
            assert article.text[e["start"] : e["end"]] == e["text"]
    assert len({c.id for c in claims}) == len(claims)  # ids unique within an article


def test_a_sentence_repeated_before_a_line_break_gets_its_own_id():
    """Wire copy repeats lines (a standfirst, a pull quote): the copy before a single
    line break is "...buses.\n", the same sentence once white space is folded, and both
    copies got one id (the workbench then failed to open the article)."""
    text = ("Council news\n\nThe council spent $4m on buses.\n\nThe council spent $4m on buses."
            "\nIt was approved by 12 members on Monday.\n")
    claims = extract_claims(make_article(text, "repeat.txt"))
    money = [c for c in claims if c.kind == "money"]
    assert len(money) == 2 and money[0].id != money[1].id
    assert len({c.id for c in claims}) == len(claims)


def test_hostile_article_keeps_markup_literally_and_drops_escapes():
    from pathlib import Path

    from workbench.core.articles import load_article_file

    path = Path(__file__).resolve().parents[1] / "data" / "hostile" / "markup-escapes.txt"
    article = load_article_file(path)
    assert "\x1b" not in article.text and "\x07" not in article.text
    assert "[bold red]x[/]" in article.text and "[@click=app.quit]y[/]" in article.text
    claims = extract_claims(article)
    assert any(c.kind == "money" and c.value["amount"] == 3e6 for c in claims)
    for c in claims:
        assert article.text[c.start : c.end] == c.anchor


def test_long_article_is_chunked_without_losing_offsets():
    para = (
        "The agency said 1,200 people were evacuated on Monday after a storm caused "
        "$4 million in damage. "
    )
    # one giant paragraph (no newlines) well over a spaCy chunk, plus normal ones
    text = (
        "Storm report\n\n"
        + para * (MAX_UNIT_CHARS // len(para) * 3)
        + "\n\nOfficials said 7 bridges closed."
    )
    article = make_article(text, "long.txt")
    claims = extract_claims(article)
    money = [c for c in claims if c.kind == "money"]
    assert len(money) == text.count("$4 million")
    assert all(article.text[c.start : c.end] == c.anchor for c in claims)
    assert len({c.id for c in claims}) == len(claims)


def test_extract_many_matches_one_by_one():
    a = make_article("T\n\nThe firm hired 300 workers in 2021.", "a.txt")
    b = make_article("T\n\nPrices rose 4% in May, officials said on Friday.", "b.txt")
    many = extract_many([a, b])
    assert [[c.id for c in cs] for cs in many] == [
        [c.id for c in extract_claims(x)] for x in (a, b)
    ]
    assert all(c.article_id == b.id for c in many[1])


def test_unknown_model_is_a_clear_error():
    from workbench.core.errors import ModelError
    from workbench.core.nlp.extract import Extractor

    with pytest.raises(ModelError, match="no spaCy pipeline named 'no_such_model_xyz'"):
        Extractor("no_such_model_xyz").claims(make_article("T\n\nThe firm hired 300 workers.", "a"))


def test_five_megabyte_text_is_sliced_into_bounded_units():
    """The 5 MB case without spaCy: units stay under the chunk size and keep their offsets."""
    from workbench.core.nlp.prose import prose_units

    para = (
        "The ministry said 40 schools closed on Monday after heavy rain flooded the region. " * 60
    )
    text = "Headline\n\n" + "\n\n".join([para.strip()] * 1010)
    assert len(text) > 5_000_000
    units = list(prose_units(text))
    assert all(len(u.text) <= MAX_UNIT_CHARS for u in units)
    assert all(text[u.start : u.end] == u.text for u in units)
    covered = sum(len(u.text) for u in units)
    assert covered > 0.99 * (len(text) - len("Headline\n\n") - 2 * 1009)


def test_progress_counts_paragraphs_and_cancel_stops():
    import threading

    from workbench.core.errors import WorkbenchError

    text = "Report\n\n" + "\n\n".join(f"The agency said {i} people were hurt." for i in range(1, 9))
    article = make_article(text, "p.txt")
    seen = []
    claims = extract_claims(article, progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (0, 8) and seen[-1] == (8, 8) and claims
    stop = threading.Event()
    stop.set()
    with pytest.raises(WorkbenchError, match="cancelled"):
        extract_claims(article, cancel=stop)


def test_text_without_punctuation_is_cut_into_short_units():
    """A 5 MB line with no sentence end: no unit (so no sentence a claim copies) is huge."""
    from workbench.core.nlp.prose import MAX_SENTENCE_CHARS, prose_units

    words = "the council said 12 people were killed in riverton on monday and 4.5 percent more "
    line = (words * (5_000_000 // len(words) + 1))[:5_000_000]
    text = "Headline\n" + line
    units = list(prose_units(text))
    assert all(len(u.text) <= MAX_SENTENCE_CHARS for u in units)
    assert all(text[u.start : u.end] == u.text for u in units)
    assert sum(len(u.text) for u in units) > 0.99 * len(line)


def test_long_sentences_inside_normal_prose_stay_whole():
    from workbench.core.nlp.prose import prose_units

    para = " ".join(["The firm hired 300 workers in 2021."] * 1500)
    units = list(prose_units("Title\n\n" + para))
    assert all(u.text.endswith(".") and u.text[0] == "T" for u in units)
