"""The JSON export built from the store's rows is the dataclass path's bytes.

``json_records.article_record`` builds each article's record straight from the
folder store's rows, and ``exchange._dumps`` writes it with orjson; both must give
exactly what the dataclass path (``report_dict`` + ``json.dumps(indent=2)``) gives,
for every kind of row a workspace holds.
"""

from __future__ import annotations

import json
import math
from dataclasses import replace

import pytest
from store_fixtures import Clock, article, claims_for, open_ws

from workbench.core.export import render_chunks
from workbench.core.export.exchange import _dumps, report_dict
from workbench.core.export.json_records import article_record
from workbench.core.export.report import ExportOptions, build_report, stream_report
from workbench.core.models import LinkCheck

OPTIONS = ExportOptions(now="2026-11-27T12:00:00Z")


def _workspace(path):
    from contract_data import TEXT2, reviewer_claim  # on the path through store_fixtures

    a, claims = article()
    b_art, b_claims = article(TEXT2, "budget.txt")
    odd = [
        replace(c, value={"number": v, "tiny": 1e-7, "nan": math.nan, "pair": [3e-05, 0.0001]})
        for c, v in zip(b_claims, [1e-5, 2.5e-9, 1e16, -0.0, 12.5, 7, 0.1], strict=False)
    ]
    b_claims = odd + b_claims[len(odd) :]
    with open_ws(path, clock=Clock()) as ws:
        ws.add_article(a, claims)
        ws.add_article(b_art, b_claims)
        ids = [c.id for c in claims]
        ws.set_status(a.id, ids[0], "verified")
        ws.set_note(a.id, ids[0], "A note\nwith two lines, \"quotes\" and a tab\t.")
        ws.add_link(a.id, ids[0], "https://wire.example/x", "Wire", "supports")
        ws.set_link_check(
            a.id, ids[0], "https://wire.example/x",
            check=LinkCheck(ok=False, status_code=404, error="gone", checked_at="t"),
            archive={"url": "https://web.archive.org/web/1/x", "timestamp": "1"},
        )
        ws.set_status(a.id, ids[1], "dismissed")
        ws.set_label(a.id, ids[2], "The reviewer's wording")
        ws.set_status(b_art.id, b_claims[0].id, "false")
        with ws.group():
            ws.set_status(b_art.id, b_claims[1].id, "disputed")
            ws.set_note(b_art.id, b_claims[1].id, "é ü \u2028 \x7f")
        ws.undo()
        ws.add_claim(a.id, reviewer_claim(a, "Protests in Minsk"))
        ws.set_status(a.id, ids[3], "false")
    # a re-import without the fourth claim's sentence orphans its verdict
    with open_ws(path, clock=Clock("2026-11-28T10")) as ws:
        shorter = replace(a, text=a.text.replace(" The ministry counted 300 arrests.", ""))
        from workbench.core.articles import make_article

        again = make_article(shorter.text, "minsk.txt")
        ws.add_article(again, claims_for(again))
        ws.set_status(again.id, claims_for(again)[0].id, "in_progress")
    return path


def _dataclass_path(ws, **filters) -> str:
    include = filters.pop("include_dismissed", True)
    report = build_report(ws, None, options=OPTIONS, include_dismissed=include, **filters)
    return json.dumps(report_dict(report), ensure_ascii=False, indent=2) + "\n"


FILTERS = [
    {},
    {"statuses": "false,dismissed"},
    {"reviewer": "ana"},
    {"include_dismissed": False},
]


@pytest.mark.parametrize("filters", FILTERS)
def test_rows_give_the_dataclass_bytes(tmp_path, filters):
    path = _workspace(tmp_path / "ws")
    with open_ws(path, readonly=True) as ws:
        expected = _dataclass_path(ws, **dict(filters))
        f = dict(filters)
        include = f.pop("include_dismissed", True)
        report = stream_report(ws, None, options=OPTIONS, include_dismissed=include, **f)
        assert "".join(render_chunks(report, "json")) == expected
        statuses, reviewer, include = report.articles.filters
        for aid in report.articles.ids:  # the rows path was taken for every article
            built = article_record(ws.article_tables(aid), aid, statuses, reviewer, include)
            assert built is not None
        assert report.articles.claims == sum(
            len(a["claims"]) for a in json.loads(expected)["articles"]
        )


def test_rows_it_does_not_expect_take_the_dataclass_path(tmp_path):
    path = _workspace(tmp_path / "ws")
    with open_ws(path, readonly=True) as ws:
        aid = ws.articles()[0].id
        tables = ws.article_tables(aid)
        claims = dict(tables["claims"])
        key = next(iter(claims))
        broken = {k: v for k, v in claims[key].items() if k != "label"}
        no_label = dict(tables, claims={**claims, key: broken})
        assert article_record(no_label, aid, None, None, True) is None
        first = claims[key]
        twice = {**claims, "999": first}
        assert article_record(dict(tables, claims=twice), aid, None, None, True) is None


@pytest.mark.parametrize(
    "value",
    [
        {"a": [1e-05, -3e-07, 0.0001, 1e16, 1.5e300, 5e-324, -0.0, 0.1]},
        {"t": "a 1e-5 inside text, 0.00001 too", "n": [[], {}, [{}], {"x": []}]},
        {"big": 2**70, "s": "x"},
        {"nan": math.nan, "inf": [math.inf, -math.inf]},
        {"ctl": "\x00\x01\x1f\x7f\u2028\ud7ff\ue000 \" \\ /"},
    ],
)
def test_fast_dump_is_json_dumps(value):
    from workbench.core.export.exchange import _finite

    expected = json.dumps(_finite(value), ensure_ascii=False, indent=2, allow_nan=False)
    assert _dumps(value) == expected
