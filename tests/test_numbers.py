"""Counts of people: the hand-written phrase table and counts in running text."""

from __future__ import annotations

import csv

import pytest

from analysis_lib.numbers import Quantity, find_quantities, parse_quantity
from tests.conftest import FIXTURES, load_fixture


def _read_phrase_table() -> list[tuple[str, Quantity | None, str]]:
    rows = []
    with open(FIXTURES / "quantities_gold.tsv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["qualifier"] == "none":
                expected = None
            else:
                low = int(row["low"]) if row["low"] else None
                high = int(row["high"]) if row["high"] else None
                expected = Quantity(low, high, row["qualifier"])
            rows.append((row["phrase"], expected, row.get("note") or ""))
    return rows


PHRASES = _read_phrase_table()


def test_phrase_table_is_large_and_covers_non_quantities():
    assert len(PHRASES) >= 100
    assert sum(expected is None for _, expected, _ in PHRASES) >= 30


@pytest.mark.parametrize(("phrase", "expected", "note"), PHRASES, ids=[p for p, _, _ in PHRASES])
def test_parse_quantity_phrase_table(phrase, expected, note):
    assert parse_quantity(phrase) == expected, note


@pytest.mark.parametrize(
    "item", load_fixture("quantities_in_text.json"), ids=lambda i: i["text"][:40]
)
def test_find_quantities_in_running_text(item):
    found = [
        {"text": q.text, "low": q.low, "high": q.high, "qualifier": q.qualifier}
        for q in find_quantities(item["text"])
    ]
    assert found == item["quantities"]
    for q in find_quantities(item["text"]):
        assert item["text"][q.start : q.end] == q.text


def test_hundreds_of_thousands_is_one_vague_amount_not_two_numbers():
    # A known pitfall of word-to-number libraries (100 of 1000).
    assert parse_quantity("hundreds of thousands of residents") == Quantity(200000, 999999, "vague")
    assert [q.text for q in find_quantities("hundreds of thousands of residents fled")] == [
        "hundreds of thousands"
    ]


def test_capitals_read_like_lower_case():
    text = "GUERRILLAS KILLED AT LEAST TWENTY PEASANTS AND THREE HUNDRED FLED"
    assert [(q.low, q.high, q.qualifier) for q in find_quantities(text)] == [
        (20, None, "at_least"),
        (300, 300, "exact"),
    ]


def test_a_change_of_figure_is_not_a_range():
    found = find_quantities("The death toll rose from 10 to 95 on Monday.")
    assert [(q.text, q.low) for q in found] == [("95", 95)]


def test_empty_and_garbage_input():
    assert find_quantities("") == []
    assert parse_quantity("") is None
    assert parse_quantity("\x00\x01 ###") is None
    assert find_quantities("nL3N1KB1Z5 F-16 MH17 1990s 24/7 10:30") == []
