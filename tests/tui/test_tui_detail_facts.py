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
    assert "number=100" in line and "vague=hundreds" in line
