"""The detail pane shows a claim's type and who said it, literally, and a value's
nested parts (the date that times an event) as words, not as a Python dict."""

from __future__ import annotations

from workbench.core.models import Claim, Verdict
from workbench.tui.render import claim_detail


def _claim(**kw) -> Claim:
    base = dict(
        id="c1", article_id="a1", kind="statement", anchor="the arrest was a mistake",
        start=0, end=24, sentence="He said the arrest was a mistake.", sentence_start=0,
        sentence_end=33, label="the arrest was a mistake",
    )
    base.update(kw)
    return Claim(**base)


def test_type_and_speaker_are_shown_literally():
    claim = _claim(claim_type="other", speaker="[bold]Lukashenko[/] \x1b]0;x\x07")
    text = claim_detail(claim, Verdict("c1", "a1"), []).plain
    assert "Type  other" in text
    assert "Said by  [bold]Lukashenko[/]" in text
    assert "\x1b" not in text and "\x07" not in text


def test_nested_value_reads_as_words():
    claim = _claim(value={"when": {"text": "Monday", "weekday": "Monday", "time_of": True}})
    text = claim_detail(claim, Verdict("c1", "a1"), []).plain
    assert "Value  when: Monday" in text and "{" not in text
    assert "when=Monday" not in text  # said once, not again as a raw field


def test_value_fields_the_readable_value_leaves_out_are_still_listed():
    value = {"number": 100, "unit": "people", "qualifier": "at-least", "vague": "hundreds"}
    claim = _claim(kind="quantity", value=value)
    text = claim_detail(claim, Verdict("c1", "a1"), []).plain
    line = next(x for x in text.splitlines() if x.startswith("Value"))
    assert "at least 100 people" in line
    assert "vague: hundreds" in line
    assert "=" not in line and "unit" not in line and "number" not in line  # said already

    value = {"number": 100000, "unit": "people", "qualifier": "more-than"}
    line = claim_detail(_claim(kind="quantity", value=value), Verdict("c1", "a1"), []).plain
    assert "Value  more than 100,000 people  number: 100000" in line  # the figure as stored


def test_a_negated_statement_reads_negated_not_negated_equals_true():
    """The detail pane showed "Value  not  negated=True  tags=negated": a Python
    repr of the value. A reviewer reads "negated", once, and the other tags as words."""
    value = {"negated": True, "tags": ["negated", "superlative", "vague-quantity"],
             "when": {"text": "on Monday", "weekday": "Monday"}, "denied": True}
    claim = _claim(value=value)
    text = claim_detail(claim, Verdict("c1", "a1"), []).plain
    line = next(x for x in text.splitlines() if x.startswith("Value"))
    assert line.startswith("Value  negated; when: on Monday; superlative; vague quantity")
    assert line.endswith("  denied")
    assert "=" not in line and "True" not in line and line.count("negated") == 1


def test_the_extract_table_says_negated_too():
    from workbench.core.nlp.values import format_value

    assert format_value("statement", {"negated": True, "tags": ["negated"]}) == "negated"
