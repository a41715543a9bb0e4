"""workbench factchecks import/list/search/check and workbench matches, in-process."""

from __future__ import annotations

import json

from cli_helpers import run_cli
from store_fixtures import article, open_ws

FACTS = (
    '{"claim": "The loan was worth 1,500 million dollars \\u001b[31mred\\u001b[0m.",'
    ' "rating": "false", "url": "https://checks.example/loan"}\n'
    '{"claim": "Wind turbines cause cancer in nearby residents.", "rating": "pants-fire",'
    ' "url": "https://checks.example/wind"}\n'
)


def _workspace_and_facts(tmp_path):
    """A workspace holding the seed-like article, and a fact-check file beside it."""
    ws_path = tmp_path / "ws"
    with open_ws(ws_path, create=True) as ws:
        a, claims = article()
        ws.add_article(a, claims)
    facts = tmp_path / "facts.jsonl"
    facts.write_text(FACTS, encoding="utf-8")
    return ws_path, facts, ["-w", str(ws_path)]


def test_commands_end_to_end(tmp_path, capsys):
    ws_path, facts, w = _workspace_and_facts(tmp_path)
    code, out, err = run_cli(capsys, *w, "factchecks", "import", str(facts))
    assert code == 0 and "2 new" in out, err
    code, out, _ = run_cli(capsys, "factchecks", "import", str(facts), *w)
    assert code == 0 and "2 unchanged" in out
    code, out, _ = run_cli(capsys, "factchecks", "list", *w)
    assert code == 0 and "pants-fire (false)" in out and "\x1b" not in out
    code, out, _ = run_cli(capsys, "factchecks", "search", "wind turbines and cancer", *w)
    assert code == 0 and out.splitlines()[0].split()[-1] == "residents."
    code, out, _ = run_cli(capsys, "matches", *w, "--format", "json")
    data = json.loads(out)
    [entry] = data
    urls = [m["url"] for c in entry["claims"] for m in c["matches"]]
    assert urls == ["https://checks.example/loan"]
    code, out, _ = run_cli(capsys, "matches", *w)
    assert code == 0 and ("suggestion" in out or "strong" in out)
    code, out, _ = run_cli(capsys, "factchecks", "check", *w)
    assert code == 0 and "sound" in out


def test_a_bad_file_is_one_line_and_writes_nothing(tmp_path, capsys):
    ws_path = tmp_path / "ws"
    with open_ws(ws_path, create=True) as ws:
        ws.add_article(*article())
    bad = tmp_path / "bad.csv"
    bad.write_text("claim,rating,url\nok,false,https://e.example/1\n,true,\n", encoding="utf-8")
    code, out, err = run_cli(capsys, "factchecks", "import", str(bad), "-w", str(ws_path))
    assert code == 2 and err.count("\n") == 1 and "line 3" in err
    assert not (ws_path / "factchecks" / "collection.json").exists()


def test_doctor_checks_the_match_index_and_rebuilds_it(tmp_path, capsys):
    ws_path, facts, w = _workspace_and_facts(tmp_path)
    assert run_cli(capsys, *w, "factchecks", "import", str(facts))[0] == 0
    code, out, _ = run_cli(capsys, *w, "doctor")
    assert code == 0 and "sound" in out
    cache = ws_path / "factchecks" / "vectors.npy"
    raw = bytearray(cache.read_bytes())
    raw[-1] ^= 0xFF  # one flipped byte
    cache.write_bytes(bytes(raw))
    code, out, _ = run_cli(capsys, *w, "doctor")
    assert code == 4 and "vectors.npy" in out and "checksum" in out
    assert "factchecks check --rebuild" in out
    code, out, _ = run_cli(capsys, *w, "doctor", "--restore")
    assert code == 0 and "rebuilt the match index" in out
    # a fact-check whose cached vector is gone: the cache no longer holds the collection
    meta_path = ws_path / "factchecks" / "vectors.json"
    meta = json.loads(meta_path.read_text())
    cache.unlink()
    meta_path.unlink()
    code, out, _ = run_cli(capsys, *w, "doctor")
    assert code == 4 and "missing" in out
    code, out, _ = run_cli(capsys, *w, "factchecks", "check", "--rebuild")
    assert code == 0 and "rebuilt" in out
    assert json.loads(meta_path.read_text())["keys"] == meta["keys"]
    assert run_cli(capsys, *w, "doctor")[0] == 0


def test_import_into_a_new_workspace_creates_it(tmp_path, capsys):
    # the README's "Checked before" section starts with `factchecks import`: on a path with
    # no workspace yet it makes one, like `add` (it said "no workspace")
    facts = tmp_path / "facts.jsonl"
    facts.write_text(FACTS, encoding="utf-8")
    w = ["-w", str(tmp_path / "new")]
    code, out, err = run_cli(capsys, *w, "factchecks", "import", str(facts))
    assert code == 0 and "2 new" in out, err
    code, out, _ = run_cli(capsys, *w, "factchecks", "list")
    assert code == 0 and "pants-fire (false)" in out
    bad = tmp_path / "bad.csv"
    bad.write_text("claim,rating,url\n,true,\n", encoding="utf-8")
    code, out, err = run_cli(capsys, "-w", str(tmp_path / "none"), "factchecks", "import",
                             str(bad))
    assert code == 2 and err.count("\n") == 1  # a bad file makes no workspace
    assert not (tmp_path / "none").exists()
