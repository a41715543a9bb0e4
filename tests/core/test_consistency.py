"""In-article consistency: name variants and numbers that disagree."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.core.articles import make_article
from workbench.core.models import Article, Claim, claim_id
from workbench.core.nlp.consistency import (
    are_variants,
    find_inconsistencies,
    is_derivation,
    split_sentences,
)

DATA = Path(__file__).resolve().parents[1] / "data"


# --- pure helpers (no spaCy) ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [("Lukashenko", "Lukasenko"), ("Lukashenko", "Lucasenko"), ("Zelensky", "Zelenskyy"),
     ("Kolesnikova", "Kolenikova")],
)
def test_misspellings_are_variants(a: str, b: str) -> None:
    assert are_variants(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("Putin", "Russian"), ("Belarus", "Belarusian"), ("Russia", "Russian"), ("China", "Chinese"),
     ("Israel", "Israeli"), ("Czech", "Czechs"), ("Ukraine", "Ukrainians"), ("Iran", "Iraq"),
     ("Lukashenko", "LUKASHENKO"), ("Obama", "Osama"), ("Trump", "Truman"),
     ("Austria", "Australia"), ("German", "Germany"), ("Somali", "Somalia"),
     ("Argentine", "Argentina"), ("French", "France"), ("Russian", "Russia")],
)
def test_other_names_and_derived_forms_are_not_variants(a: str, b: str) -> None:
    assert not are_variants(a, b)


def test_derivations() -> None:
    assert is_derivation("Belarus", "Belarusian")
    assert is_derivation("Britain", "Britains")
    assert not is_derivation("Lukashenko", "Lukasenko")


@pytest.mark.parametrize(("a", "b"), [("German", "Germany"), ("Somali", "Somalia"),
                                      ("Argentine", "Argentina")])
def test_a_place_named_after_its_people_is_a_derivation(a: str, b: str) -> None:
    assert is_derivation(a, b) and is_derivation(b, a)


@pytest.mark.parametrize(("a", "b"), [("Zelensky", "Zelenskyy"), ("Kamal", "Kamala"),
                                      ("Lukashenko", "Lukashenka")])
def test_a_letter_added_to_a_name_that_is_no_adjective_is_still_a_variant(a: str, b: str) -> None:
    assert not is_derivation(a, b) and are_variants(a, b)


def test_split_sentences_keeps_closing_quotes_and_abbreviations() -> None:
    text = 'He said "no." Then 12 people died. U.S. officials agreed.\nA new line'
    assert [text[s:e] for s, e in split_sentences(text)] == [
        'He said "no."', "Then 12 people died.", "U.S. officials agreed.", "A new line"]


def _mentions(text: str, names: dict[str, str]) -> list[dict]:
    out = []
    for name, label in names.items():
        start = text.find(name)
        while start >= 0:
            out.append({"text": name, "label": label, "start": start, "end": start + len(name)})
            start = text.find(name, start + len(name))
    return out


def test_name_variants_from_hand_made_mentions() -> None:
    text = ("President Alexander Lukashenko met Putin. Lukashenko's critics protested. "
            "Later Lukashenko spoke. Putin praised Lucasenko. Belarusian troops left Belarus.")
    article = make_article(text, "t.txt")
    mentions = _mentions(article.text, {"Alexander Lukashenko": "PERSON", "Lucasenko": "PERSON",
                                        "Putin": "PERSON", "Belarusian": "NORP",
                                        "Belarus": "GPE"})
    mentions += [m for m in _mentions(article.text, {"Lukashenko": "PERSON"})
                 if not article.text[max(0, m["start"] - 10):m["start"]].endswith("Alexander ")]
    found = find_inconsistencies(article, mentions, [])
    assert len(found) == 1
    claim = found[0]
    assert claim.kind == "consistency"
    assert claim.value["type"] == "name-variants"
    assert claim.value["canonical"] == "Lukashenko"
    variants = {v["text"]: v for v in claim.value["variants"]}
    assert set(variants) == {"Lukashenko", "Lucasenko"}
    assert variants["Lukashenko"]["count"] == 3
    for v in variants.values():
        for start, end in v["offsets"]:
            assert article.text[start:end] == v["text"]
    assert claim.anchor == "Lucasenko"
    assert claim.entities == [{"text": "Lucasenko", "label": "PERSON", "start": claim.start,
                               "end": claim.end}]
    assert article.text[claim.start:claim.end] == "Lucasenko"
    assert claim.sentence == "Putin praised Lucasenko."
    assert article.text[claim.sentence_start:claim.sentence_end] == claim.sentence
    assert claim.id == claim_id("consistency", claim.anchor, claim.sentence, 0)
    assert "2 ways" in claim.label


def test_two_people_with_similar_surnames_are_not_variants() -> None:
    text = "John Smith met Jane Smyth. Smith and Smyth disagreed."
    article = make_article(text, "t.txt")
    mentions = _mentions(article.text, {"John Smith": "PERSON", "Jane Smyth": "PERSON"})
    assert find_inconsistencies(article, mentions, []) == []


# --- numbers (hand-made claims) --------------------------------------------------------------


def _claim(article: Article, anchor: str, sentence_part: str, kind: str, value: dict,
           entities: list[dict] | None = None) -> Claim:
    text = article.text
    s_start = text.index(sentence_part)
    start = text.index(anchor, s_start)
    s_end = text.index(".", start) + 1
    sentence = text[s_start:s_end]
    return Claim(id=claim_id(kind, anchor, sentence), article_id=article.id, kind=kind,
                 anchor=anchor, start=start, end=start + len(anchor), sentence=sentence,
                 sentence_start=s_start, sentence_end=s_end, label=anchor, value=value,
                 entities=entities or [])


def _people(n: int) -> dict:
    return {"number": n, "unit": "people", "qualifier": "exact", "text": str(n)}


def test_same_quantity_with_two_values_is_flagged() -> None:
    article = make_article("The flood killed 12 people on Monday. Rescuers found more bodies. "
                           "Officials mourned the 15 people killed by the flood.", "t.txt")
    a = _claim(article, "12", "The flood", "quantity", _people(12))
    b = _claim(article, "15", "Officials", "quantity", _people(15))
    found = find_inconsistencies(article, [], [a, b])
    assert len(found) == 1
    value = found[0].value
    assert value["type"] == "number-mismatch"
    assert [v["value"] for v in value["variants"]] == [12, 15]
    assert [v["claim_id"] for v in value["variants"]] == [a.id, b.id]
    assert found[0].anchor == "15" and found[0].start == b.start


@pytest.mark.parametrize(
    "second",
    [
        "Officials mourned the 12 people killed by the flood.",            # same value
        "Officials said the death toll rose to 15 people killed.",         # an update
        "In 2019 a flood killed 15 people in the same valley.",            # another year
        "Officials said 15 people were rescued from the roofs.",           # another predicate
        "A second flood killed 15 people in the next valley.",             # another event
    ],
)
def test_no_false_alarm(second: str) -> None:
    article = make_article(f"The flood killed 12 people on Monday. {second}", "t.txt")
    a = _claim(article, "12", "The flood", "quantity", _people(12))
    n = 12 if "the 12" in second else 15
    b = _claim(article, str(n), second[:12], "quantity", _people(n))
    assert find_inconsistencies(article, [], [a, b]) == []


def test_approximate_values_that_agree_are_not_flagged() -> None:
    article = make_article("More than 100 people were arrested in the capital. "
                           "Police said 140 people were arrested in the capital.", "t.txt")
    a = _claim(article, "More than 100", "More than", "quantity",
               {"number": 100, "unit": "people", "qualifier": "more-than"})
    b = _claim(article, "140", "Police", "quantity", _people(140))
    assert find_inconsistencies(article, [], [a, b]) == []


def test_money_mismatch_needs_same_currency() -> None:
    article = make_article("The company will pay compensation of $2 million. "
                           "A court said the compensation of 5 million euros was fair.", "t.txt")
    a = _claim(article, "$2 million", "The company", "money",
               {"amount": 2e6, "currency": "USD", "qualifier": "exact"})
    b = _claim(article, "5 million euros", "A court", "money",
               {"amount": 5e6, "currency": "EUR", "qualifier": "exact"})
    assert find_inconsistencies(article, [], [a, b]) == []


def test_empty_input() -> None:
    article = make_article("Nothing to see here.", "t.txt")
    assert find_inconsistencies(article, [], []) == []


# --- fixtures through the real extraction (spaCy) --------------------------------------------


def _extract(name: str) -> list[Claim]:
    from workbench.core.articles import load_article_file
    from workbench.core.nlp.extract import extract_claims

    return extract_claims(load_article_file(DATA / name))


def test_fixture_name_variants() -> None:
    found = [c for c in _extract("consistency_names.txt") if c.kind == "consistency"]
    assert len(found) == 1
    value = found[0].value
    assert value["canonical"] == "Zelensky"
    assert {v["text"] for v in value["variants"]} == {"Zelensky", "Zelenskyy", "Zelenskiy"}


@pytest.mark.parametrize(
    "text",
    [
        "German officials met their counterparts in Germany on Monday. French diplomats "
        "travelled to France, while Russian troops stayed in Russia.",
        "Somali pirates seized a ship off Somalia. Exports from Argentina fell as Argentine "
        "farmers held back grain.",
        "The Germany coach praised the German fans after the game in Berlin.",
    ],
)
def test_a_demonym_and_its_country_are_no_spelling_variants(text: str) -> None:
    from workbench.core.nlp.extract import extract_claims

    claims = extract_claims(make_article(text + "\n", "t.txt"))
    assert [c.label for c in claims if c.kind == "consistency"] == []


def test_a_misspelled_name_beside_a_demonym_is_still_flagged() -> None:
    from workbench.core.nlp.extract import extract_claims

    text = ("German officials met President Volodymyr Zelensky in Germany on Monday. "
            "Zelenskyy thanked the German people.\n")
    found = [c for c in extract_claims(make_article(text, "t.txt")) if c.kind == "consistency"]
    assert [{v["text"] for v in c.value["variants"]} for c in found] == [{"Zelensky", "Zelenskyy"}]


def test_fixture_number_mismatches() -> None:
    found = [c for c in _extract("consistency_numbers.txt") if c.kind == "consistency"]
    kinds = sorted(tuple(v["text"] for v in c.value["variants"]) for c in found)
    assert all(c.value["type"] == "number-mismatch" for c in found)
    assert kinds == [("$ 2 million", "$ 5 million"), ("12", "15")]


@pytest.mark.parametrize("name", ["consistency_clean.txt", "consistency_clean_poll.txt"])
def test_fixture_clean_article_has_no_inconsistency(name: str) -> None:
    claims = _extract(name)
    assert [c for c in claims if c.kind != "consistency"]  # the article does have numbers
    assert [c.label for c in claims if c.kind == "consistency"] == []


# --- cost: linear in the number of claims -----------------------------------------------------


def _many_people_claims(n: int) -> tuple[Article, list[Claim]]:
    parts, claims, pos = [], [], 0
    for i in range(n):
        number = (12, 15, 20)[i % 3]
        sentence = f"Police said {number} people were killed in Town{i % 4} in {2000 + i % 2}."
        at = sentence.index(str(number))
        claims.append(Claim(
            id=f"c{i}", article_id="a", kind="quantity", anchor=str(number), start=pos + at,
            end=pos + at + len(str(number)), sentence=sentence, sentence_start=pos,
            sentence_end=pos + len(sentence), label="",
            value=_people(number) | {"predicate": "kill"},
            entities=[{"text": f"Town{i % 4}", "label": "GPE", "start": 0, "end": 0}]))
        parts.append(sentence)
        pos += len(sentence) + 1
    return make_article(" ".join(parts), "many.txt"), claims


def test_each_claims_context_is_computed_once(monkeypatch) -> None:
    """No pairwise work over all claims: the context of a claim is read once, not per pair."""
    from workbench.core.nlp import consistency

    calls = []
    real = consistency._context
    monkeypatch.setattr(consistency, "_context", lambda c, *a: calls.append(c.id) or real(c, *a))
    article, claims = _many_people_claims(600)
    found = find_inconsistencies(article, [], claims)
    assert len(calls) == len(claims)
    assert any(c.value["type"] == "number-mismatch" for c in found)


def test_comparisons_per_claim_are_bounded(monkeypatch) -> None:
    """One unit and one governing word everywhere: each claim meets at most WINDOW others."""
    from workbench.core.nlp import consistency

    pairs = []
    real = consistency._disagree
    monkeypatch.setattr(consistency, "_disagree", lambda a, b: pairs.append(1) or real(a, b))
    article, claims = _many_people_claims(900)
    find_inconsistencies(article, [], claims)
    assert len(pairs) <= len(claims) * consistency.WINDOW
