"""Casualty statements against hand-checked gold: the sample articles and inline sentences."""

from __future__ import annotations

import pytest

from analysis_lib.casualties import find_article_casualties, find_casualties
from analysis_lib.records import Casualty
from tests.conftest import load_fixture

GOLD = load_fixture("casualties_gold.json")
FIELDS = (
    "category",
    "count_low",
    "count_high",
    "qualifier",
    "count_text",
    "victim_type",
    "victim",
    "perpetrator",
    "place",
    "place_source",
    "date",
    "is_cumulative",
    "source",
    "is_subset",
)


def _trigger_offset(text: str, statement: dict) -> int:
    """Offset of the gold trigger in ``text`` (inside the statement's sentence)."""
    anchor = text.index(statement["sentence_contains"])
    sentence_start = max(text.rfind(". ", 0, anchor) + 1, text.rfind("\n", 0, anchor) + 1)
    offset = sentence_start - 1
    for _ in range(statement.get("trigger_occurrence", 1)):
        offset = text.index(statement["trigger"], offset + 1)
    return offset


def compare(text: str, found: list[Casualty], gold: list[dict]) -> list[str]:
    """Every difference between found statements and gold ones, as readable lines."""
    problems = []
    unmatched = list(found)
    for statement in gold:
        at = _trigger_offset(text, statement)
        candidates = [
            c
            for c in unmatched
            if c.category == statement["category"]
            and c.start <= at < c.end
            and (statement["count_text"] is None or c.count_text == statement["count_text"])
        ]
        if not candidates:
            problems.append(
                f"missing: {statement['sentence_contains']!r} ({statement['category']})"
            )
            continue
        c = candidates[0]
        unmatched.remove(c)
        for name in FIELDS:
            if getattr(c, name) != statement[name]:
                problems.append(
                    f"{statement['sentence_contains']!r}: {name} = {getattr(c, name)!r}, "
                    f"gold {statement[name]!r}"
                )
    problems.extend(f"extra: {text[c.start : c.end]!r} ({c.category})" for c in unmatched)
    return problems


@pytest.fixture(scope="module")
def sample_casualties(sample_tables):
    return sample_tables["casualties"], sample_tables["articles"]


@pytest.mark.parametrize("item", GOLD["articles"], ids=lambda a: a["article_id"])
def test_sample_article_statements(item, sample_tables):
    articles = sample_tables["articles"].set_index("article_id")
    article = articles.loc[item["article_id"]]
    sentences = sample_tables["sentences"]
    sentences = sentences[sentences["article_id"] == item["article_id"]]
    mentions = sample_tables["mentions"]
    mentions = mentions[mentions["article_id"] == item["article_id"]]
    from analysis_lib.records import Mention

    found = find_article_casualties(
        item["article_id"],
        article["body"],
        list(zip(sentences["start"], sentences["end"], strict=True)),
        [Mention(**{k: r[k] for k in Mention._fields}) for r in mentions.to_dict("records")],
        headline=article["headline"] if isinstance(article["headline"], str) else None,
        reference_date=item["reference_date"],
        dateline_place=item["dateline_place"],
    )
    body_gold = [s for s in item["statements"] if s["field"] == "body"]
    head_gold = [s for s in item["statements"] if s["field"] == "headline"]
    problems = compare(article["body"], [c for c in found if c.sentence >= 0], body_gold)
    if head_gold or any(c.sentence < 0 for c in found):
        problems += compare(article["headline"], [c for c in found if c.sentence < 0], head_gold)
    assert problems == []


@pytest.mark.parametrize("item", GOLD["inline"], ids=lambda i: i["text"][:50])
def test_inline_statements(item):
    found = find_casualties(
        item["text"], reference_date=item["reference_date"], dateline_place=item["dateline_place"]
    )
    assert compare(item["text"], found, item["statements"]) == []


def test_pipeline_casualties_table(sample_tables):
    casualties = sample_tables["casualties"]
    assert casualties["casualty_id"].is_unique
    # every count as written sits at its offsets in the body (or headline, sentence -1)
    articles = sample_tables["articles"].set_index("article_id")
    for row in casualties.dropna(subset=["count_text"]).itertuples():
        source = articles.loc[row.article_id, "headline" if row.sentence < 0 else "body"]
        assert source[row.count_start : row.count_end] == row.count_text
        assert source[row.start : row.end].count(row.trigger) >= 1
    # the eleven articles' gold statements (19) are exactly what the pipeline finds
    assert len(casualties) == sum(len(a["statements"]) for a in GOLD["articles"])
