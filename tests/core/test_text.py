"""Text cleaning: decoding, escapes and control characters, hostile markup kept literally."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.core.errors import InputError
from workbench.core.text import clean_text, decode_bytes, guess_title, one_line, strip_controls

HOSTILE = "[bold red]x[/] [@click=app.quit]y[/] \x1b[2J \x1b]0;title\x07 end"


def test_escape_sequences_removed_markup_kept():
    cleaned = clean_text(HOSTILE)
    assert "\x1b" not in cleaned and "\x07" not in cleaned
    assert "[bold red]x[/]" in cleaned and "[@click=app.quit]y[/]" in cleaned
    assert "title" not in cleaned  # the OSC payload goes with its sequence
    assert cleaned.endswith("end")


@pytest.mark.parametrize(
    "seq",
    [
        "\x1b[31m",
        "\x1b[2J",
        "\x1b]8;;http://x\x1b\\",
        "\x9b1m",
        "\x1bP1$r\x1b\\",
        "\x1bc",
        "\u202e",
        "\x00",
        "\x7f",
    ],
)
def test_each_sequence_removed(seq):
    assert strip_controls(f"a{seq}b") == "ab"


def test_newlines_and_unicode_normalized():
    assert clean_text("a\r\nb\rc") == "a\nb\nc"
    assert clean_text("e\u0301") == "\u00e9"  # NFC
    assert clean_text("\n\n\npara one\n\n\n\npara two\n") == "para one\n\npara two"
    assert clean_text("tab\there  x") == "tab here x"


@given(st.text())
def test_clean_text_is_idempotent_and_safe(text):
    cleaned = clean_text(text)
    assert clean_text(cleaned) == cleaned
    assert not any(ord(ch) < 32 and ch != "\n" for ch in cleaned)
    assert "\x1b" not in cleaned and "\x9b" not in cleaned


def test_decode_utf8_bom_cp1252_and_binary():
    assert decode_bytes("café".encode()) == ("café", "utf-8")
    assert decode_bytes(b"\xef\xbb\xbfhi")[0] == "hi"
    text, encoding = decode_bytes("The “quote” costs €5".encode("cp1252"))
    assert text == "The “quote” costs €5" and encoding == "cp1252"
    with pytest.raises(InputError, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_one_line_and_title():
    assert one_line("a\nb\x1b[2J c", 0) == "a b c"
    assert one_line("abcdef", 4) == "abc…"
    assert guess_title("Headline here\n\nBody.") == "Headline here"
    assert guess_title("A sentence that ends.\n\nBody.") == ""


@pytest.mark.parametrize(
    "first",
    ["Will the Fed cut rates again?", "Budget 2026: what changes", "Budget 2026:",
     "“We will not leave”", "Stop the war!"],
)
def test_a_headline_ending_in_a_question_colon_or_quote_is_the_title(first):
    """Fault 12.2: such headlines used to leave the article untitled (its path shown)."""
    from workbench.core.articles import make_article

    assert make_article(f"{first}\n\nThe firm hired 300 workers.", "a.txt").title == first


def test_an_article_without_a_headline_is_titled_by_its_first_line():
    from workbench.core.articles import make_article

    article = make_article("The firm hired 300 workers in 2021. " * 10, "a.txt")
    assert article.title.startswith("The firm hired 300 workers") and len(article.title) <= 80


def test_stdin_articles_are_never_titled_dash(monkeypatch):
    import io

    from workbench.core.articles import load_article_file, stdin_title

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"Why prices rose?\n\nBody.")))
    assert load_article_file("-").title == "Why prices rose?"
    assert stdin_title().startswith("stdin, ")
