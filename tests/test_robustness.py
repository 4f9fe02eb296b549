"""Robustness of every public extractor (issue 9) and defect 1 (huge paragraphs).

Property-based tests feed each extractor random Unicode, very long lines, text without
punctuation, only numbers, only capitals, mixed scripts and NUL bytes, and check that
nothing raises, every offset lies within the text (``text[start:end]`` is the record's
text where the record keeps it), records come in the documented order, and the same
text gives the same records whatever was processed before. Regression examples found
by these properties are pinned with ``@example`` and named tests below.
"""

from __future__ import annotations

import os
import re
import string
import time

import nltk.redos
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from analysis_lib.actors import find_actors
from analysis_lib.casing import restore_case
from analysis_lib.casualties import find_article_casualties, find_casualties
from analysis_lib.dates import find_dates, parse_date
from analysis_lib.numbers import find_quantities, parse_quantity
from analysis_lib.segment import segment_text, split_articles
from analysis_lib.sentences import get_tokenizer, split_sentences

# --------------------------------------------------------------------------- strategies

#: Pieces of conflict news that reach deep into the rules (triggers, counts, dates,
#: datelines, credits, actors), to be mixed with noise.
NEWS = [
    "BEIRUT (Reuters) -",
    "LONDON, Sept 16 (Reuters) –",
    "Lima, 20 Aug 88 (EFE) --",
    "Boko Haram killed 40 people and kidnapped three others,",
    "at least 12 civilians were killed",
    "more than 20,000 people",
    "between 45 to 50 civilian captives",
    "hundreds of thousands fled",
    "the death toll rose to 95, including 19 civilians.",
    "Syrian army",
    "Islamic State",
    "Gen. Ali said",
    "on Tuesday",
    "last week",
    "Sept. 5, 2017",
    "in May",
    "since 2014",
    "an 18-year-old man was arrested",
    "police said.",
    "(Reporting by Ann Lee; Editing by Bo Chan)",
    "By Ann Lee",
    "1 of 3 DOCUMENTS",
    "U.S.",
    "three hundred and eighty one",
    "dozens were wounded",
    "a suicide bomber",
    "“We won,” he said.",
    "Deir al-Zor",
    "no one was killed",
    "2017-09-22",
    "10:32 AM GMT",
    "-",
    "(",
    ")",
    ".",
    "?!",
]

#: Words in other scripts and characters whose case mapping changes length (İ, ß, ﬁ),
#: combining marks, zero-width and bidi controls, and unusual line and space characters.
SCRIPTS = [
    "Дамаск",
    "دمشق",
    "北京",
    "दिल्ली",
    "ירושלים",
    "Ελλάδα",
    "İstanbul",
    "STRAẞE",
    "Straße",
    "ﬁghters",
    "e\u0301",
    "\u200b",
    "\u202e",
    "🙂",
    "١٢٣",
    "٣٠ قتيلا",
    "ǅ",
    "\r\n",
    "\t",
    "\x0c",
    "\u2028",
    "\u0085",
    "\u00a0",
]

_NOT_SURROGATE = st.characters(blacklist_categories=("Cs",))  # decoded text never has them


def _joined(pieces: st.SearchStrategy[str], *, max_size: int = 30) -> st.SearchStrategy[str]:
    glue = st.sampled_from([" ", " ", " ", "\n", "\n\n", ", ", ". "])
    return st.lists(st.tuples(pieces, glue), max_size=max_size).map(
        lambda parts: "".join(p + g for p, g in parts)
    )


NEWS_TEXT = _joined(st.sampled_from(NEWS))
RANDOM_UNICODE = st.text(_NOT_SURROGATE, max_size=200)
NOISY_NEWS = _joined(st.one_of(st.sampled_from(NEWS), st.text(_NOT_SURROGATE, max_size=12)))
LONG_LINES = st.one_of(
    st.tuples(st.sampled_from(NEWS), st.integers(50, 400)).map(lambda t: " ".join([t[0]] * t[1])),
    st.tuples(
        st.sampled_from(["a", "A", ".", " ", "-", "1", "(", "!", "\u00a0", "9,", "k "]),
        st.integers(1_000, 20_000),
    ).map(lambda t: t[0] * t[1]),
)
NO_PUNCTUATION = NEWS_TEXT.map(lambda t: re.sub(r"[^\w\s]", "", t))
ONLY_NUMBERS = st.one_of(
    st.text(st.sampled_from("0123456789 ,.-\n"), max_size=300),
    _joined(st.integers(0, 10**12).map(str)),
)
ONLY_CAPITALS = st.one_of(
    NEWS_TEXT.map(str.upper),
    st.text(st.sampled_from(string.ascii_uppercase + " .,-\n"), max_size=300),
)
MIXED_SCRIPTS = _joined(st.sampled_from(NEWS + SCRIPTS))
NUL_BYTES = st.tuples(NEWS_TEXT, st.lists(st.integers(0, 10_000), max_size=8)).map(
    lambda t: _insert_nuls(*t)
)


def _insert_nuls(text: str, positions: list[int]) -> str:
    for p in sorted(positions, reverse=True):
        at = p % (len(text) + 1)
        text = text[:at] + "\x00" + text[at:]
    return text


KINDS = {
    "random unicode": RANDOM_UNICODE,
    "noisy news": NOISY_NEWS,
    "long lines": LONG_LINES,
    "no punctuation": NO_PUNCTUATION,
    "only numbers": ONLY_NUMBERS,
    "only capitals": ONLY_CAPITALS,
    "mixed scripts": MIXED_SCRIPTS,
    "NUL bytes": NUL_BYTES,
}
TEXTS = st.one_of(*KINDS.values())

#: Examples per property: 40 in the suite; ``ROBUSTNESS_EXAMPLES=2000`` for a long hunt.
EXAMPLES = int(os.environ.get("ROBUSTNESS_EXAMPLES", "40"))
PROPERTY = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def _in_text(text: str, start: int, end: int) -> bool:
    return 0 <= start <= end <= len(text)


# --------------------------------------------------------------------------- the strategies


@pytest.mark.parametrize("kind", KINDS)
def test_each_input_kind_generates_what_it_says(kind):
    """The strategies give what their names promise (so the properties test it)."""
    checks = {
        "no punctuation": lambda t: not re.search(r"[^\w\s]", t),
        "only numbers": lambda t: not re.search(r"[^\d\s,.\-]", t),
        "only capitals": lambda t: t == t.upper(),
        "NUL bytes": lambda t: True,
    }
    check = checks.get(kind, lambda t: True)

    @settings(max_examples=20, deadline=None, database=None)
    @given(KINDS[kind])
    def run(text):
        assert isinstance(text, str)
        assert check(text), text

    run()


# --------------------------------------------------------------------------- segmenter


def _assert_nothing_lost(text: str, seg) -> None:
    """The segmenter's accounting: article spans and residue are disjoint, cover every
    non-blank character, and each body is its ``body`` spans (joined by a blank line).
    An article may have no body span (a graphic-only item, a bulletin's bare dateline)."""
    covered = [(r.start, r.end, "residue") for r in seg.residue]
    for r in seg.residue:
        assert text[r.start : r.end] == r.text
    for article in seg.articles:
        covered.extend((span.start, span.end, span.field) for span in article.spans)
        bodies = [text[s.start : s.end] for s in article.spans if s.field == "body"]
        assert "\n\n".join(bodies) == article.body
    mask = bytearray(len(text))
    for start, end, field in sorted(covered):
        assert _in_text(text, start, end), field
        assert not any(mask[start:end]), f"overlap at {start} ({field})"
        mask[start:end] = b"\x01" * (end - start)
    lost = [i for i, ch in enumerate(text) if not ch.isspace() and not mask[i]]
    assert not lost, f"unplaced text: {text[lost[0] : lost[0] + 60]!r}"


@PROPERTY
@given(TEXTS, TEXTS)
@example(text="A, 0 AUG 00 (0)--", other="")  # a bulletin dateline alone: no body span
def test_segmenter_places_everything_and_keeps_offsets(text, other):
    seg = segment_text(text, source="fuzz.txt")
    _assert_nothing_lost(text, seg)
    for article in seg.articles:
        assert _in_text(text, article.source_start, article.source_end)
        assert article.source_start <= article.body_start <= article.source_end
    segment_text(other, source="other.txt")
    assert segment_text(text, source="fuzz.txt") == seg
    assert split_articles(text, source="fuzz.txt") == seg.articles


def test_bulletin_dateline_without_text_is_an_article_without_body():
    (article,) = split_articles("Lima, 20 Aug 88 (EFE) --")
    assert (article.body, article.dateline_place, article.agency) == ("", "Lima", "EFE")
    assert [s.field for s in article.spans] == ["dateline"]


# --------------------------------------------------------------------------- sentences


def _check_sentences(text, sentences):
    previous_end, previous_paragraph = 0, 0
    for n, s in enumerate(sentences):
        assert s.index == n
        assert _in_text(text, s.start, s.end) and s.start < s.end
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip()
        assert s.start >= previous_end, "sentences overlap or go back"
        assert s.paragraph >= previous_paragraph
        previous_end, previous_paragraph = s.end, s.paragraph


@PROPERTY
@given(TEXTS, TEXTS)
def test_sentences_offsets_order_and_reproducibility(text, other):
    sentences = split_sentences(text)
    _check_sentences(text, sentences)
    split_sentences(other)
    assert split_sentences(text) == sentences


@settings(max_examples=60, deadline=None)
@given(NEWS_TEXT, st.integers(300, 2_000))
@example(
    text="He left.) Then he came back. " * 20 + "“We won,” he said. " * 20,
    window=300,
)
def test_sentences_in_windows_are_punkts_sentences(text, window):
    """Windows change nothing while every sentence is shorter than half a window."""
    whole = split_sentences(text, window=10**9)
    if all(s.end - s.start < window // 2 for s in whole):
        assert split_sentences(text, window=window) == whole


@settings(max_examples=20, deadline=None)
@given(LONG_LINES, st.integers(2, 500))
def test_sentences_in_small_windows_keep_offsets(text, window):
    _check_sentences(text, split_sentences(text, window=window))


# --------------------------------------------------------------------------- actors


def _check_mentions(text, mentions):
    previous_end = 0
    for m in mentions:
        assert _in_text(text, m.start, m.end) and m.start < m.end
        assert text[m.start : m.end] == m.text
        assert m.start >= previous_end, "mentions overlap or go back"
        previous_end = m.end


@PROPERTY
@given(TEXTS, TEXTS)
@example(text="al-A B", other="")  # found as a particle name and as an alias inside it
def test_actors_offsets_order_and_reproducibility(text, other):
    mentions = find_actors(text)
    _check_mentions(text, mentions)
    find_actors(other)
    assert find_actors(text) == mentions


def test_name_after_particle_name_is_not_a_second_overlapping_mention():
    mentions = find_actors("Police said al-Baghdadi Ali Hassan was arrested.")
    assert [(m.text, m.entity_type) for m in mentions if "Ali" in m.text] == [
        ("al-Baghdadi Ali Hassan", "PERSON")
    ]


# --------------------------------------------------------------------------- numbers


@PROPERTY
@given(TEXTS, TEXTS)
def test_quantities_offsets_order_and_reproducibility(text, other):
    found = find_quantities(text)
    previous_end = 0
    for q in found:
        assert _in_text(text, q.start, q.end) and q.start < q.end
        assert text[q.start : q.end] == q.text
        assert q.start >= previous_end
        assert q.low is None or q.high is None or q.low <= q.high
        previous_end = q.end
    find_quantities(other)
    assert find_quantities(text) == found


@PROPERTY
@given(TEXTS)
@example(text="1" * 1000)  # a float overflow: no count
def test_parse_quantity_never_raises_and_bounds_are_ordered(text):
    for phrase in (text, *text.split("\n")[:5]):
        quantity = parse_quantity(phrase)
        if quantity is not None:
            assert quantity.low is None or quantity.high is None or quantity.low <= quantity.high
        assert parse_quantity(phrase) == quantity


def test_hundreds_of_digits_are_no_count():
    assert parse_quantity("1" * 400 + " people") is None
    assert parse_quantity("3,000 people") == (3000, 3000, "exact")


# --------------------------------------------------------------------------- dates

_TIMEX_VALUE = re.compile(r"[\dX]{4}(?:-[\dX]{2}(?:-[\dX]{2})?)?")


@PROPERTY
@given(TEXTS, TEXTS, st.sampled_from([None, "2017-09-22", "1988-08-23", "XXXX-09-16"]))
def test_dates_offsets_order_and_reproducibility(text, other, reference):
    found = find_dates(text, reference_date=reference)
    previous_end = 0
    for t in found:
        assert _in_text(text, t.start, t.end) and t.start < t.end
        assert text[t.start : t.end] == t.text
        assert t.start >= previous_end
        assert t.type in {"DATE", "TIME", "DURATION", "SET"}
        previous_end = t.end
    find_dates(other, reference_date="2017-01-01")
    assert find_dates(text, reference_date=reference) == found


@PROPERTY
@given(TEXTS, st.sampled_from([None, 2017, "1990"]))
def test_parse_date_never_raises(text, year):
    for phrase in (text, *text.split("\n")[:5]):
        value = parse_date(phrase, year=year)
        assert value is None or _TIMEX_VALUE.fullmatch(value), value
        assert parse_date(phrase, year=year) == value


# --------------------------------------------------------------------------- casing


@PROPERTY
@given(TEXTS, TEXTS)
def test_restore_case_keeps_length_and_letters(text, other):
    restored = restore_case(text)
    assert len(restored) == len(text)
    assert all(a.lower() == b.lower() for a, b in zip(restored, text, strict=True))
    if text != text.upper():
        assert restored == text  # only text in capitals changes
    restore_case(other)
    assert restore_case(text) == restored


# --------------------------------------------------------------------------- casualties


def _check_casualties(text, casualties, sentence_count, headline=""):
    for c in casualties:
        source = headline if c.sentence == -1 else text
        assert -1 <= c.sentence < sentence_count
        assert _in_text(source, c.start, c.end)
        if c.count_start == -1:
            assert c.count_end == -1
        else:
            assert c.start <= c.count_start <= c.count_end <= c.end
            assert source[c.count_start : c.count_end] == c.count_text
        assert c.count_low is None or c.count_high is None or c.count_low <= c.count_high


@PROPERTY
@given(TEXTS, TEXTS)
def test_casualties_offsets_and_reproducibility(text, other):
    found = find_casualties(text, reference_date="2017-09-22")
    _check_casualties(text, found, len(split_sentences(restore_case(text))))
    find_casualties(other)
    assert find_casualties(text, reference_date="2017-09-22") == found


@PROPERTY
@given(TEXTS, st.one_of(NEWS_TEXT, TEXTS).map(lambda t: t[:200]))
def test_article_casualties_with_headline(text, headline):
    sentences = [(s.start, s.end) for s in split_sentences(text)]
    found = find_article_casualties(
        "a#001", text, sentences, find_actors(text), headline=headline, dateline_place="Beirut"
    )
    _check_casualties(text, found, len(sentences), headline)
    assert all(c.article_id == "a#001" for c in found)


# --------------------------------------------------------------------------- events


@PROPERTY
@given(TEXTS, TEXTS)
def test_events_are_sentences_of_the_text(text, other):
    events = pytest.importorskip("analysis_lib.events")

    def run(body):
        sentences = [(s.start, s.end) for s in split_sentences(body)]
        mentions = find_actors(body)
        timexes = find_dates(body, reference_date="2017-09-22")
        casualties = find_article_casualties("a#001", body, sentences, mentions)
        found = events.find_article_events(
            "a#001", body, sentences, mentions, timexes, casualties, reference_date="2017-09-22"
        )
        return sentences, found

    sentences, found = run(text)
    for e in found:
        assert 0 <= e.sentence < len(sentences)
        start, end = sentences[e.sentence]
        assert e.text == " ".join(text[start:end].split())  # the sentence, spaces collapsed
        assert e.date_start <= e.date_end
    run(other)
    assert run(text)[1] == found


# --------------------------------------------------------------------------- the pipeline


@PROPERTY
@given(TEXTS, NEWS_TEXT, st.booleans())
def test_pipeline_processes_any_text_without_failing(text, headline, is_row):
    """The pipeline catches a failing document as an issue: no document may fail here."""
    from analysis_lib.corpus import Corpus, Document
    from analysis_lib.pipeline import extract

    docs = [
        Document("fuzz.txt", "fuzz.txt", text, row=1 if is_row else None, title=headline[:80]),
        Document("news.txt", "news.txt", "Troops advance\n\nBEIRUT (Reuters) - Troops advanced."),
    ]
    tables = extract(Corpus(documents=docs))
    assert tables["issues"].empty, tables["issues"]["message"].tolist()
    assert "news.txt#001" in set(tables["articles"]["article_id"])
    for name in ("sentences", "mentions", "timexes", "casualties"):
        assert set(tables[name]["article_id"]) <= set(tables["articles"]["article_id"]), name


# --------------------------------------------------------------------------- defect 1

_PARAGRAPH = (
    "The delegation met the minister in Abuja on Tuesday to discuss trade. "
    "Talks will resume next week, officials said. "
)


@pytest.fixture(scope="module")
def tight_limit():
    """A time limit for NLTK's regex scans that one Punkt window meets ten times over
    and a paragraph of 100 windows does not (NLTK's own is 5 s: ~8 MB on this machine)."""
    from analysis_lib.sentences import WINDOW_CHARS

    window = _PARAGRAPH * (WINDOW_CHARS // len(_PARAGRAPH))
    started = time.perf_counter()
    list(get_tokenizer().span_tokenize(window))
    return max(10 * (time.perf_counter() - started), 0.05), window * 100


def test_huge_paragraph_reproduces_the_nltk_time_limit(monkeypatch, tight_limit):
    """Defect 1, reproduced: Punkt over one huge paragraph hits nltk.redos' time limit,
    which is wall-clock time for one regex scan of the whole paragraph."""
    limit, text = tight_limit
    monkeypatch.setattr(nltk.redos, "DEFAULT_TIMEOUT", limit)
    with pytest.raises(TimeoutError, match="time limit"):
        list(get_tokenizer().span_tokenize(text))


def test_huge_paragraph_is_split_in_windows(monkeypatch, tight_limit):
    limit, text = tight_limit
    monkeypatch.setattr(nltk.redos, "DEFAULT_TIMEOUT", limit)
    copies = text.count("Abuja")
    sentences = split_sentences(text)
    assert len(sentences) == 2 * copies
    assert {s.paragraph for s in sentences} == {0}
    assert {s.text for s in sentences} == {
        "The delegation met the minister in Abuja on Tuesday to discuss trade.",
        "Talks will resume next week, officials said.",
    }
    assert sentences[-1].end == len(text) - 1  # the final space is no sentence
    for s in sentences[:: copies // 7]:
        assert text[s.start : s.end] == s.text


def test_huge_run_without_sentence_break_is_cut_at_whitespace():
    text = "word " * 30_000  # 150,000 characters, no sentence end
    sentences = split_sentences(text, window=20_000)
    _check_sentences(text, sentences)
    assert "".join(s.text + " " for s in sentences) == text
    assert max(len(s.text) for s in sentences) < 20_000


# --------------------------------------------------------------------------- defect 11

_INJECTED_CSV = (
    "title,text,date\n"
    '"=HYPERLINK(""http://x"",""y"")","- Troops advanced on Raqqa on Monday, the army said.",'
    "2017-09-20\n"
    '@Reuters,"+3 soldiers were killed in Deir al-Zor, officials said.",2017-09-21\n'
    "'=quoted already,Police said NA None null.,\n"
)


@pytest.fixture(scope="module")
def injected_tables(tmp_path_factory):
    from analysis_lib.pipeline import extract, write_tables

    folder = tmp_path_factory.mktemp("injected")
    (folder / "export.csv").write_text(_INJECTED_CSV, encoding="utf-8")
    tables = extract(folder / "export.csv", actors=False)
    write_tables(tables, folder / "both")
    write_tables(tables, folder / "csv_only", formats=("csv",))
    return tables, folder


def test_csv_cells_that_start_a_formula_get_an_apostrophe(injected_tables):
    import csv

    _, folder = injected_tables
    with open(folder / "both" / "articles.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["headline"] for r in rows] == [
        '\'=HYPERLINK("http://x","y")',
        "'@Reuters",
        "''=quoted already",
    ]
    assert [r["body"] for r in rows] == [
        "'- Troops advanced on Raqqa on Monday, the army said.",
        "'+3 soldiers were killed in Deir al-Zor, officials said.",
        "Police said NA None null.",
    ]
    assert [r["source_start"] for r in rows] == ["0", "0", "0"]  # numbers stay numbers


def test_parquet_keeps_the_text_as_written(injected_tables):
    import pandas as pd

    _, folder = injected_tables
    articles = pd.read_parquet(folder / "both" / "articles.parquet")
    assert articles["headline"].tolist() == [
        '=HYPERLINK("http://x","y")',
        "@Reuters",
        "'=quoted already",
    ]
    assert articles["body"].str[:2].tolist() == ["- ", "+3", "Po"]


def test_read_table_from_csv_gives_the_parquet_values(injected_tables):
    import pandas as pd

    from analysis_lib.pipeline import read_table

    _, folder = injected_tables
    assert not (folder / "csv_only" / "articles.parquet").exists()
    for name in ("articles", "sentences", "casualties", "issues"):
        from_csv = read_table(folder / "csv_only", name)
        pd.testing.assert_frame_equal(from_csv, read_table(folder / "both", name), obj=name)
    assert read_table(folder / "csv_only", "sentences")["text"].iloc[0] == (
        "- Troops advanced on Raqqa on Monday, the army said."
    )


# --------------------------------------------------------------------------- bad files


def _write_mixed_corpus(folder):
    """Good files of every kind with one bad file of every kind among them."""
    import zipfile

    import pandas as pd

    folder.mkdir()
    (folder / "a_dump.txt").write_text(
        "Syrian army retakes Palmyra\n\nBEIRUT (Reuters) - Syrian troops retook the town of "
        "Palmyra on Thursday, the army said.\n\n(Reporting by Ann Lee; Editing by Bo Chan)\n\n"
        "Boko Haram kills 40 in Nigeria\n\nMAIDUGURI, Nigeria (Reuters) - Boko Haram killed 40 "
        "people on Monday, Amnesty said.\n",
        encoding="utf-8",
    )
    (folder / "b_export.csv").write_text(
        "title,text,date\nPolice arrest five,"
        '"KABUL (Reuters) - Police arrested five men in Kabul on Sunday, officials said.",'
        "2017-09-17\n",
        encoding="utf-8",
    )
    (folder / "c_rows.jsonl").write_text(
        '{"title": "Gunmen kill 7", "text": "Gunmen killed seven soldiers in Mogadishu on '
        'Friday, police said."}\n',
        encoding="utf-8",
    )
    pd.DataFrame(
        {"title": ["Floods displace 300"], "text": ["Floods displaced 300 families on Tuesday."]}
    ).to_parquet(folder / "d_table.parquet")
    with zipfile.ZipFile(folder / "e_dumps.zip", "w") as archive:
        archive.writestr(
            "inner/story.txt",
            "Aid convoy reaches town\n\nGENEVA (Reuters) - An aid convoy reached the besieged "
            "town on Wednesday, the U.N. said.\n",
        )
    (folder / "f_binary.txt").write_bytes(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    )
    (folder / "g_empty.txt").write_bytes(b"")
    (folder / "h_undecodable.txt").write_bytes(
        "Talks stall\n\nGENEVA (Reuters) – Talks stalled on Monday, “diplomats” said".encode()
        + b" \xff\xfe.\n"  # UTF-8 (the dash and quotes say so) with two bad bytes
    )
    (folder / "i_utf16.txt").write_bytes(
        "Ceasefire holds\n\nALEPPO (Reuters) - The ceasefire held on Sunday.\n".encode("utf-16")
        + b"\x00\xd8"  # a lone surrogate
    )
    (folder / "j_truncated.csv").write_text(
        'title,text\nTalks resume,"Talks resumed on Monday, the U.N. said."\n'
        'Cut off,"This row was cut off in the mid',
        encoding="utf-8",
    )
    (folder / "k_corrupt.parquet").write_bytes(b"PAR1" + b"\x00garbage" * 10)
    (folder / "l_broken.zip").write_bytes(b"PK\x03\x04 not really a zip")


_GOOD_HEADLINES = {
    "a_dump.txt#001": "Syrian army retakes Palmyra",
    "a_dump.txt#002": "Boko Haram kills 40 in Nigeria",
    "b_export.csv:row1#001": "Police arrest five",
    "c_rows.jsonl:row1#001": "Gunmen kill 7",
    "d_table.parquet:row1#001": "Floods displace 300",
    "e_dumps.zip:inner/story.txt#001": "Aid convoy reaches town",
    "h_undecodable.txt#001": "Talks stall",
    "i_utf16.txt#001": "Ceasefire holds",
    "j_truncated.csv:row1#001": "Talks resume",
    "j_truncated.csv:row2#001": "Cut off",
}
_BAD_FILES = {
    "f_binary.txt": ("binary file", "error"),
    "g_empty.txt": ("empty file", "error"),
    "h_undecodable.txt": ("undecodable bytes", "warning"),
    "i_utf16.txt": ("undecodable bytes", "warning"),
    "j_truncated.csv": ("truncated file", "warning"),
    "k_corrupt.parquet": ("unreadable", "error"),
    "l_broken.zip": ("corrupt archive", "error"),
}


def test_bad_files_among_good_ones_end_to_end(tmp_path):
    from analysis_lib.pipeline import extract

    _write_mixed_corpus(tmp_path / "corpus")
    tables = extract(tmp_path / "corpus")
    articles = tables["articles"]
    assert dict(zip(articles["article_id"], articles["headline"], strict=True)) == _GOOD_HEADLINES
    issues = tables["issues"]
    assert {
        p: (k, s) for p, k, s in issues[["path", "kind", "severity"]].itertuples(index=False)
    } == (_BAD_FILES)
    assert len(issues) == len(_BAD_FILES)  # one issue per bad file
    assert issues.loc[issues["path"] == "j_truncated.csv", "line"].tolist() == [3]
    body = articles.set_index("article_id")["body"]
    assert (
        body["h_undecodable.txt#001"] == "Talks stalled on Monday, “diplomats” said \ufffd\ufffd."
    )
    assert body["j_truncated.csv:row2#001"] == "This row was cut off in the mid"
    assert (articles["sentence_count"] > 0).all()


def test_cli_extract_streams_the_same_tables_and_reports_each_bad_file(tmp_path, capsys):
    from analysis_lib.cli import main
    from analysis_lib.pipeline import read_table

    _write_mixed_corpus(tmp_path / "corpus")
    status = main(["extract", "--input", str(tmp_path / "corpus"), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert status == 1  # some files could not be read
    for name in _BAD_FILES:
        assert name in err
    articles = read_table(tmp_path / "out", "articles")
    assert sorted(articles["article_id"]) == sorted(_GOOD_HEADLINES)


def test_a_document_that_fails_loses_only_itself(tmp_path, monkeypatch):
    """Defect 1, second half: a failure in one document never stops the others."""
    import analysis_lib.pipeline as pipeline

    def fragile(text, **options):
        if "Palmyra" in text:
            raise TimeoutError("regular-expression match exceeded its 5.0s time limit")
        return split_sentences(text, **options)

    monkeypatch.setattr(pipeline, "split_sentences", fragile)
    _write_mixed_corpus(tmp_path / "corpus")
    tables = pipeline.extract(tmp_path / "corpus")
    assert sorted(tables["articles"]["article_id"]) == sorted(_GOOD_HEADLINES)
    failed = tables["issues"][tables["issues"]["kind"] == "processing failed"]
    assert failed["path"].tolist() == ["a_dump.txt#001"]
    assert "TimeoutError" in failed["message"].iloc[0]
    sentences = tables["sentences"]
    assert "a_dump.txt#001" not in set(sentences["article_id"])
    assert {"a_dump.txt#002", "e_dumps.zip:inner/story.txt#001"} <= set(sentences["article_id"])


def test_acled_export_guards_formulas_too(tmp_path):
    import csv

    import pandas as pd

    from analysis_lib.events import ACLED_COLUMNS, write_acled_csv

    row = dict.fromkeys(ACLED_COLUMNS)
    row.update(
        event_date="2017-09-05",
        actor1="@Islamic State",
        notes='=HYPERLINK("http://x","y") | Syrian troops broke the siege.',
        latitude=35.33,
        longitude=40.14,
        fatalities=12,
    )
    path = write_acled_csv(pd.DataFrame([row]), tmp_path / "events_acled.csv")
    with open(path, encoding="utf-8", newline="") as handle:
        (got,) = list(csv.DictReader(handle))
    assert got["actor1"] == "'@Islamic State"
    assert got["notes"] == '\'=HYPERLINK("http://x","y") | Syrian troops broke the siege.'
    assert (got["event_date"], got["latitude"], got["fatalities"]) == ("2017-09-05", "35.33", "12")
