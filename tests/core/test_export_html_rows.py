"""html_rows.escape is autoescape's escape: the same characters, the same entities."""

from __future__ import annotations

import itertools

from markupsafe import escape as markup_escape

from workbench.core.export.html_rows import escape


def test_escape_matches_markupsafe_on_every_short_mix():
    alphabet = "&<>\"'a \x00é😀;#"
    for n in range(4):
        for chars in itertools.product(alphabet, repeat=n):
            text = "".join(chars)
            assert escape(text) == str(markup_escape(text))


def test_escape_of_values_that_are_not_text():
    for value in (1, -12, 0, True, False, None, 2.5, ["<b>"], {"a": "'"}, 10**30):
        assert escape(value) == str(markup_escape(value))
    assert escape("&amp;") == "&amp;amp;"  # text is never taken as markup
