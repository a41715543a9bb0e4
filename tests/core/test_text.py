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
