"""Actor finding is a pure function of its text (issue 9, defect 4).

The same text gives the same mentions whatever was processed before, in whatever order;
the corpus-level alias step gives the same actors whatever the order of the articles.
Each test starts from a lexicon no text has been processed with, so that a cache filled
by one text and reused for another would show.
"""

from __future__ import annotations

import dataclasses
import random
import shutil

import pytest

import analysis_lib.actors as actors_module
from analysis_lib import SAMPLE_DIR
from analysis_lib.actors import Mention, find_actors, find_article_actors, resolve_corpus_aliases
from analysis_lib.lexicon import load_lexicon
from analysis_lib.pipeline import extract

# Seen cases: (text A, an unrelated text B processed before it).
OPERATION = (
    "Operation Inherent Resolve said coalition aircraft struck targets near Raqqa.",
    "The strikes were part of Operation Inherent Resolve, the U.S.-led campaign against "
    "Islamic State, a spokesman said.",
)
VENEZUELAN = (
    "The rain helped, said Venezuelan Johnny Cecotto, who started from pole in Monaco. "
    "Asked about the title, the Venezuelan said he was still hopeful.",
    "Venezuelan troops fired tear gas at protesters in Caracas, a Venezuelan opposition leader "
    "said.",
)
NETANYAHU = (
    "Israeli Prime Minister Benjamin Netanyahu said Israel would act against Iran.",
    "Israeli Defence Minister Benjamin Netanyahu, who took over the portfolio in November, "
    "toured the Gaza border on Sunday.",
)
ENGLISH = (
    "Prime Minister Bill English said New Zealand would send troops. English said the "
    "mission would last a year.",
    "Classes at the school in Kabul are taught in English, a teacher said.",
)
OIL_MINISTER = (
    "Output will rise next year, the Nigerian Oil Minister said on Tuesday in Vienna.",
    "Nigerian Oil Minister Emmanuel Ibe Kachikwu met Saudi officials. The Nigerian Oil "
    "Minister later flew to Abuja.",
)
SEEN_CASES = [OPERATION, VENEZUELAN, NETANYAHU, ENGLISH, OIL_MINISTER]
INLINE_TEXTS = [text for pair in SEEN_CASES for text in pair] + [
    "Captain Arnel Carandang of the Philippines Army said IS fighters held Marawi. "
    "Carandang said Syrian troops were not involved.",
    "MOSUL, Iraq (Reuters) - Iraqi forces said on Monday they had retaken the Old City. "
    "Operation Inherent Resolve, the coalition, said May would see more strikes.",
    "Officials said the talks would continue. English officials declined to comment.",
]


def fresh_lexicon():
    """The shipped lexicon with nothing remembered from earlier texts."""
    return dataclasses.replace(load_lexicon())


def _key(mentions: list[Mention]) -> list[tuple]:
    return [tuple(m) for m in mentions]


@pytest.fixture(scope="module")
def sample_bodies(sample_tables) -> list[str]:
    return sample_tables["articles"]["body"].tolist()


@pytest.mark.parametrize(
    ("text_a", "text_b"), SEEN_CASES, ids=["operation", "venezuelan", "netanyahu", "english", "oil"]
)
def test_text_alone_equals_text_after_another(text_a, text_b):
    alone = _key(find_actors(text_a, lexicon=fresh_lexicon()))
    lexicon = fresh_lexicon()
    find_actors(text_b, lexicon=lexicon)
    after = _key(find_actors(text_a, lexicon=lexicon))
    again = _key(find_actors(text_b, lexicon=lexicon))
    assert after == alone
    assert again == _key(find_actors(text_b, lexicon=fresh_lexicon()))


def test_office_sector_comes_from_the_office_of_this_text():
    lexicon = fresh_lexicon()
    find_actors(NETANYAHU[1], lexicon=lexicon)  # "Israeli Defence Minister Benjamin Netanyahu"
    people = [
        (m.actor, m.sector, m.country)
        for m in find_actors(NETANYAHU[0], lexicon=lexicon)
        if m.entity_type == "PERSON"
    ]
    assert people == [("Benjamin Netanyahu", "GOV", "ISR")]


def test_short_name_of_a_person_is_kept_after_the_word_was_not_a_name_elsewhere():
    lexicon = fresh_lexicon()
    find_actors(ENGLISH[1], lexicon=lexicon)  # "taught in English": not a name there
    found = [(m.text, m.actor) for m in find_actors(ENGLISH[0], lexicon=lexicon)]
    assert ("English", "Bill English") in found


def test_a_text_after_a_long_unrelated_text(sample_bodies):
    long_text = "\n\n".join(sample_bodies)
    for text in INLINE_TEXTS:
        alone = _key(find_actors(text, lexicon=fresh_lexicon()))
        lexicon = fresh_lexicon()
        find_actors(long_text, lexicon=lexicon)
        assert _key(find_actors(text, lexicon=lexicon)) == alone, text


def test_every_text_alone_in_order_and_reversed(sample_bodies):
    texts = sample_bodies + INLINE_TEXTS
    alone = [_key(find_actors(t, lexicon=fresh_lexicon())) for t in texts]
    assert sum(map(len, alone)) > 500  # the texts do have mentions
    lexicon = fresh_lexicon()
    in_order = [_key(find_actors(t, lexicon=lexicon)) for t in texts]
    reversed_warm = [_key(find_actors(t, lexicon=lexicon)) for t in reversed(texts)][::-1]
    cold = fresh_lexicon()
    reversed_cold = [_key(find_actors(t, lexicon=cold)) for t in reversed(texts)][::-1]
    for k, text in enumerate(texts):
        assert in_order[k] == alone[k], text[:80]
        assert reversed_warm[k] == alone[k], text[:80]
        assert reversed_cold[k] == alone[k], text[:80]


# --------------------------------------------------------------------------- corpus aliases


def _person(text: str, article: str, *, sector: str = "", country: str = "", method="name"):
    return Mention(0, len(text), text, text, "PERSON", sector, country, method, article)


def test_corpus_aliases_do_not_depend_on_article_order():
    by_article = {
        "a": [_person("Marise Payne", "a", sector="GOV", country="AUS", method="title")],
        "b": [_person("Marise Payne", "b")],
        "c": [_person("Marise Payne", "c", sector="GOV", country="AUS", method="title")],
        "d": [_person("Payne", "d")],
    }
    results = set()
    for order in (["a", "b", "c", "d"], ["c", "a", "b", "d"], ["d", "b", "a", "c"]):
        mentions = [m for art in order for m in by_article[art]]
        resolved = resolve_corpus_aliases(mentions)
        results.add(frozenset(resolved))
        payne = next(m for m in resolved if m.text == "Payne")
        # the full name's own mentions say GOV / AUS twice, nothing once
        assert (payne.actor, payne.sector, payne.country) == ("Marise Payne", "GOV", "AUS")
    assert len(results) == 1


def test_corpus_aliases_of_the_sample_do_not_depend_on_article_order(sample_tables):
    articles = sample_tables["articles"]
    sentences = sample_tables["sentences"]
    per_article = [
        find_article_actors(
            row.article_id,
            row.body,
            sentences.loc[sentences["article_id"] == row.article_id, "start"].tolist(),
        )
        for row in articles.itertuples()
    ]
    expected = sorted(resolve_corpus_aliases([m for ms in per_article for m in ms]))
    assert any(m.method == "alias" for m in expected)
    for seed in range(3):
        shuffled = per_article[:]
        random.Random(seed).shuffle(shuffled)
        got = resolve_corpus_aliases([m for ms in shuffled for m in ms])
        assert sorted(got) == expected


# --------------------------------------------------------------------------- pipeline


def _mentions_by_body(tables) -> list[tuple]:
    bodies = tables["articles"].set_index("article_id")["body"]
    frame = tables["mentions"]
    rows = frame.drop(columns=["article_id"]).astype(str).values.tolist()
    return sorted((bodies[a], *row) for a, row in zip(frame["article_id"], rows, strict=True))


def test_same_files_in_another_order_or_under_other_names_give_the_same_mentions(
    tmp_path, monkeypatch
):
    sources = sorted(SAMPLE_DIR.glob("*.txt"))
    stories = [text for pair in SEEN_CASES for text in pair]
    names = [f"{k:02d}.txt" for k in range(len(sources) + len(stories))]
    runs = []
    for variant, order in enumerate((names, names[::-1])):
        folder = tmp_path / f"run{variant}"
        folder.mkdir()
        targets = iter(order)
        for source in sources:
            shutil.copy(source, folder / next(targets))
        for story in stories:
            (folder / next(targets)).write_text(story + "\n", encoding="utf-8")
        lexicon = fresh_lexicon()  # each run starts with nothing remembered
        monkeypatch.setattr(actors_module, "load_lexicon", lambda lexicon=lexicon: lexicon)
        runs.append(_mentions_by_body(extract(folder)))
    assert len(runs[0]) > 600
    assert runs[0] == runs[1]
