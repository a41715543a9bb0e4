"""The one vocabulary: statuses, stances, history fields and actions, and their parsing."""

from __future__ import annotations

import pytest

from workbench.core import models
from workbench.core.errors import InputError
from workbench.core.vocabulary import (
    FINAL_STATUSES,
    STATUS_STYLE,
    Action,
    Field,
    Stance,
    Status,
    parse_stance,
    parse_status,
    parse_statuses,
)


@pytest.mark.parametrize(
    "text", ["in_progress", "in-progress", "In Progress", " IN-PROGRESS ", "in   progress"]
)
def test_parse_status_accepts_every_spelling(text):
    assert parse_status(text) is Status.IN_PROGRESS


def test_parse_status_refuses_in_one_line_naming_the_choices():
    with pytest.raises(InputError) as info:
        parse_status("bogus\x1b[31m")
    message = str(info.value)
    assert "\n" not in message and "\x1b" not in message
    assert all(s.value in message for s in Status)


def test_parse_statuses_list_without_duplicates_and_names_every_unknown():
    assert parse_statuses("false, disputed,FALSE") == (Status.FALSE, Status.DISPUTED)
    assert parse_statuses("") is None and parse_statuses(None) is None
    with pytest.raises(InputError) as info:
        parse_statuses("false,nope,neither")
    assert "nope" in str(info.value) and "neither" in str(info.value)


def test_dismissed_is_final_and_styled_and_the_model_follows_the_vocabulary():
    assert Status.DISMISSED in FINAL_STATUSES and Status.DISMISSED.final
    assert not Status.IN_PROGRESS.final
    assert set(STATUS_STYLE) == set(Status)
    assert len({style.symbol for style in STATUS_STYLE.values()}) == len(Status)
    assert models.STATUSES == tuple(Status) and models.STANCES == tuple(Stance)
    assert models.Verdict("c", "a").status == "unreviewed"


def test_stored_words_are_the_enum_values():
    """What the store and the exports write: plain strings, equal to the members."""
    import json

    assert json.dumps([Status.FALSE, Action.CHECK, Field.LINK_CHECK]) == (
        '["false", "check", "link_check"]'
    )
    assert parse_stance("Refutes") is Stance.REFUTES
    with pytest.raises(InputError):
        parse_stance("maybe")
