"""Importing earlier fact-checks: every accepted form, validation first, twice is a no-op."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from store_fixtures import article, open_ws

from workbench.core.errors import InputError, StoreError
from workbench.core.match.collection import FILE, FOLDER
from workbench.core.match.readers import parse_factchecks, read_factchecks
from workbench.core.match.records import rating_status
from workbench.core.match.service import import_factchecks, list_factchecks

POLITIFACT = Path(__file__).resolve().parents[3] / "shared" / "data" / "politifact"
if not POLITIFACT.exists():
    POLITIFACT = Path("/work/shared/data/politifact")

REVIEW = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "url": "https://factcheck.example/reviews/1",
    "claimReviewed": "The bridge cost 1.5 billion dollars.",
    "reviewRating": {"@type": "Rating", "alternateName": "Mostly False", "ratingValue": 2},
    "author": {"@type": "Organization", "name": "Example Checks"},
    "datePublished": "2024-05-01",
    "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "Jane Roe"}},
}


def test_rating_mapping_is_clear_or_none():
    assert rating_status("Pants on Fire!") == "false"
    assert rating_status("pants-fire") == "false"
    assert rating_status("FALSE") == "false"
    assert rating_status("True") == "verified"
    assert rating_status("half-true") == "disputed"
    assert rating_status("Mostly True") == "disputed"
    assert rating_status("barely-true") == "disputed"
    assert rating_status("full-flop") is None
    assert rating_status("Misleading") is None


@pytest.mark.parametrize(
    "wrap",
    [
        lambda r: r,
        lambda r: [r],
        lambda r: {"@context": "https://schema.org", "@graph": [r]},
        lambda r: {
            "@context": "https://schema.org",
            "@type": "DataFeed",
            "dataFeedElement": [{"@type": "DataFeedItem", "item": [r]}],
        },
    ],
    ids=["object", "list", "graph", "datafeed"],
)
def test_claimreview_forms(wrap):
    [fc] = parse_factchecks(json.dumps(wrap(REVIEW)).encode(), "x.json")
    assert fc.claim == "The bridge cost 1.5 billion dollars."
    assert fc.rating == "Mostly False" and fc.status == "disputed"
    assert fc.publisher == "Example Checks" and fc.claimant == "Jane Roe"
    assert fc.date == "2024-05-01" and fc.url == "https://factcheck.example/reviews/1"


def test_json_lines_and_csv():
    lines = (
        '{"claim": "Crime fell 10% last year.", "rating": "false", "speaker": "A. Mayor",'
        ' "stated": "stated on October 22, 2019 in a speech:", '
        '"url": "https://www.politifact.com/factchecks/x/"}\n'
    )
    [fc] = parse_factchecks(lines.encode(), "x.jsonl", ".jsonl")
    assert (fc.claimant, fc.date, fc.publisher) == ("A. Mayor", "2019-10-22", "PolitiFact")
    csv_text = "claim,rating,url,claimant\n\"Taxes rose, twice.\",True,https://e.example/1,Bob\n"
    [row] = parse_factchecks(csv_text.encode(), "x.csv", ".csv")
    assert (row.claim, row.status, row.claimant) == ("Taxes rose, twice.", "verified", "Bob")


@pytest.mark.parametrize(
    "body, message",
    [
        (b"", "is empty"),
        (b'{"claim": "ok", "rating": "false"}\n{"claim": ""}\n', "line 2: no claim text"),
        (b'{"claim": "x", "rating": "false"}\n{oops\n', "line 2: not valid JSON"),
        (b'[{"@type": "ClaimReview", "reviewRating": {"alternateName": "False"}}]', "$[0]"),
        (b'{"@type": "Thing"}', "no ClaimReview objects"),
        (b"name,age\nbob,3\n", "'claim' column"),
        (b'{"claim": "x", "url": "javascript:alert(1)"}\n{"claim": "y", "rating": "t"}', "bad url"),
    ],
)
def test_bad_files_fail_with_one_line(body, message):
    with pytest.raises(InputError) as info:
        parse_factchecks(body, "f.jsonl" if body.startswith(b"{") else "f")
    assert message in info.value.message and "\n" not in info.value.message


def test_import_validates_first_and_twice_changes_nothing(tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text(
        '{"claim": "The bridge cost $1.5 billion.", "rating": "false", "url": "https://e.example/a"}\n'
        '{"claim": "Unemployment doubled in 2020.", "rating": "true", "url": "https://e.example/b"}\n'
    )
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"claim": "A new one.", "rating": "false"}\n{"claim": 5, "rating": []}\n')
    with open_ws(tmp_path / "ws", create=True) as ws:
        ws.add_article(*article())
        with pytest.raises(InputError):
            import_factchecks(ws, bad)
        assert not (tmp_path / "ws" / FOLDER / FILE).exists()  # nothing written
        first = import_factchecks(ws, good)
        assert (first.added, first.unchanged) == (2, 0)
        before = (tmp_path / "ws" / FOLDER / FILE).read_bytes()
        again = import_factchecks(ws, good)
        assert (again.added, again.updated, again.unchanged) == (0, 0, 2)
        assert (tmp_path / "ws" / FOLDER / FILE).read_bytes() == before
        with pytest.raises(InputError):
            import_factchecks(ws, bad)
        total, records = list_factchecks(ws)
        assert total == 2 and {r.status for r in records} == {"false", "verified"}


def test_engine_without_a_folder_says_not_supported_yet():
    class TeamLike:
        readonly = False
        path = None  # the Store interface: None for an engine without a folder

    with pytest.raises(StoreError, match="not supported yet"):
        import_factchecks(TeamLike(), "whatever.jsonl")  # type: ignore[arg-type]


@pytest.mark.skipif(not POLITIFACT.exists(), reason="shared PolitiFact data not present")
def test_the_politifact_collection_reads_whole():
    records = read_factchecks(POLITIFACT / "factchecks.jsonl")
    assert len(records) == 19250 == len({r.key for r in records})
    assert sum(r.status is None for r in records) < 400  # flip-o-meters
