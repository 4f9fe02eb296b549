"""Sentence boundaries against hand-checked gold, and news abbreviations."""

from __future__ import annotations

import pytest

from analysis_lib.sentences import get_tokenizer, iter_paragraphs, split_sentences
from tests.conftest import load_fixture

GOLD = load_fixture("sentences_gold.json")["articles"]


def _article(sample_segmentations, file, headline):
    return next(a for a in sample_segmentations[file].articles if a.headline == headline)


@pytest.mark.parametrize("gold", GOLD, ids=lambda g: (g["headline"] or g["file"])[:30])
def test_gold_sentence_boundaries(sample_segmentations, gold):
    article = _article(sample_segmentations, gold["file"], gold["headline"])
    sentences = split_sentences(article.body)
    assert [s.text for s in sentences] == gold["sentences"]
    for s in sentences:
        assert article.body[s.start : s.end] == s.text


def test_gold_covers_at_least_three_articles():
    assert len(GOLD) >= 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Lt. Col. Jo Ito met Sgt. Bo Lee. Capt. Ray Sim left.",
            ["Lt. Col. Jo Ito met Sgt. Bo Lee.", "Capt. Ray Sim left."],
        ),
        (
            "The U.N. envoy and the U.S. military met in Sept. 2017 in Geneva. Talks failed.",
            ["The U.N. envoy and the U.S. military met in Sept. 2017 in Geneva.", "Talks failed."],
        ),
        (
            "Sen. John McCain and Rep. Adam Schiff spoke. Gen. Joseph Votel agreed.",
            ["Sen. John McCain and Rep. Adam Schiff spoke.", "Gen. Joseph Votel agreed."],
        ),
        (
            "George W. Bush ordered the strike on Jan. 3. It hit 186.41 miles away.",
            ["George W. Bush ordered the strike on Jan. 3.", "It hit 186.41 miles away."],
        ),
        (
            "“We won,” he said. “They lost.” Then he left.",
            ["“We won,” he said.", "“They lost.”", "Then he left."],
        ),
    ],
)
def test_news_abbreviations_and_quotes(text, expected):
    assert [s.text for s in split_sentences(text)] == expected


def test_paragraphs_and_subheads_are_boundaries():
    body = "First paragraph ends here\nSECOND HEAD\nAnother paragraph."
    texts = [s.text for s in split_sentences(body)]
    assert texts == ["First paragraph ends here", "SECOND HEAD", "Another paragraph."]
    assert [s.paragraph for s in split_sentences(body)] == [0, 1, 2]


def test_hard_wrapped_lines_are_joined():
    body = "Iraqi forces advanced in west Mosul and\nfighters seized a route. It was Monday."
    assert [p for p in iter_paragraphs(body)] == [(0, len(body))]
    assert [s.text for s in split_sentences(body)] == [
        "Iraqi forces advanced in west Mosul and\nfighters seized a route.",
        "It was Monday.",
    ]


def test_tokenizer_uses_shipped_abbreviations_without_download():
    params = get_tokenizer()._params
    assert {
        "gen",
        "lt",
        "col",
        "sgt",
        "capt",
        "sen",
        "rep",
        "u.s",
        "u.n",
        "sept",
        "jan",
    } <= params.abbrev_types


def test_empty_text():
    assert split_sentences("") == []
