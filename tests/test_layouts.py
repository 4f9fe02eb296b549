"""Input layouts researchers have: LexisNexis / Nexis Uni / Factiva exports, translated
bulletins, classic and modern wire dumps (fixtures in tests/fixtures/layouts, hand-checked
gold in gold.json), the same layouts read from DOCX, RTF and zip files, canonical dateline
places, and the nothing-lost accounting on every fixture."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis_lib.corpus import load_corpus
from analysis_lib.layouts import HEAD_CHARS, detect_layout, parse_byline
from analysis_lib.places import canonical_place
from analysis_lib.segment import segment_text, split_articles

LAYOUT_DIR = Path(__file__).parent / "fixtures" / "layouts"
GOLD = json.loads((LAYOUT_DIR / "gold.json").read_text(encoding="utf-8"))
FIXTURES = sorted(name for name in GOLD if not name.startswith("_"))
LIST_FIELDS = {"byline", "reporters", "writers", "editors"}


def _text(name: str) -> str:
    return (LAYOUT_DIR / name).read_text(encoding="utf-8")


def assert_nothing_lost(text: str, seg) -> None:
    """Spans and residue are disjoint, match the text, and cover every non-blank character."""
    covered = []
    for article in seg.articles:
        bodies = [s for s in article.spans if s.field == "body"]
        assert article.body == "\n\n".join(text[s.start : s.end] for s in bodies)
        if bodies:
            assert article.body_start == bodies[0].start
        covered.extend((s.start, s.end, s.field) for s in article.spans)
    for r in seg.residue:
        assert text[r.start : r.end] == r.text
        covered.append((r.start, r.end, "residue"))
    mask = bytearray(len(text))
    for start, end, field in sorted(covered):
        assert not any(mask[start:end]), f"overlap at {start} ({field})"
        mask[start:end] = b"\x01" * (end - start)
    lost = [i for i, ch in enumerate(text) if not ch.isspace() and not mask[i]]
    assert not lost, f"unplaced text: {text[lost[0] : lost[0] + 60]!r}"


def _check_gold(articles, gold_articles, name):
    assert len(articles) == len(gold_articles), name
    for article, gold in zip(articles, gold_articles, strict=True):
        for field, expected in gold.items():
            if field == "body_start":
                assert article.body.startswith(expected), (article.article_id, article.body[:80])
            elif field == "body_end":
                assert article.body.endswith(expected), (article.article_id, article.body[-80:])
            elif field == "body_contains":
                assert expected in article.body, article.article_id
            else:
                got = getattr(article, field)
                want = tuple(expected) if field in LIST_FIELDS else expected
                assert got == want, f"{article.article_id} {field}: {got!r} != {want!r}"


@pytest.mark.parametrize("name", FIXTURES)
def test_layout_is_detected_from_the_text(name):
    assert detect_layout(_text(name)) == GOLD[name]["layout"]


@pytest.mark.parametrize("name", FIXTURES)
def test_articles_and_metadata_match_gold(name):
    seg = segment_text(_text(name), source=name)
    _check_gold(seg.articles, GOLD[name]["articles"], name)
    assert [r.reason for r in seg.residue] == GOLD[name]["residue"]
    assert {a.layout for a in seg.articles} == {GOLD[name]["layout"]}


@pytest.mark.parametrize("name", FIXTURES)
def test_nothing_lost_on_every_layout(name):
    text = _text(name)
    assert_nothing_lost(text, segment_text(text, source=name))


@pytest.mark.parametrize("name", FIXTURES)
def test_windows_line_endings_give_the_same_articles(name):
    from analysis_lib.corpus import decode_bytes

    text = _text(name)
    crlf, _ = decode_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    assert split_articles(crlf, source=name) == split_articles(text, source=name)


def test_segmenting_is_pure_whatever_came_before():
    first = {n: split_articles(_text(n), source=n) for n in FIXTURES}
    again = {n: split_articles(_text(n), source=n) for n in reversed(FIXTURES)}
    assert first == again


def test_detection_reads_only_the_head():
    wire = "Troops advance\n\nBEIRUT (Reuters) - The army advanced on the city.\n\n" * 80
    assert len(wire) > HEAD_CHARS
    assert detect_layout(wire + _text("lexisnexis.txt")) == "wire"
    assert detect_layout(_text("lexisnexis.txt") + wire) == "lexisnexis"


def test_forced_layout_and_unknown_layout():
    text = _text("classic_wire.txt")
    assert segment_text(text, layout="wire").articles == segment_text(text).articles
    with pytest.raises(ValueError, match="unknown layout 'lexis'"):
        segment_text(text, layout="lexis")


def test_lexisnexis_export_gives_one_article_per_document_not_one_more():
    # issue 8: a LexisNexis export of 4 documents gave 5 articles, none with the right fields
    seg = segment_text(_text("lexisnexis.txt"), source="ln")
    assert len(seg.articles) == 4
    assert seg.residue[0].reason == "cover page"
    assert seg.residue[0].text.startswith("Download Request: Selected Items: 1-4")


def test_bulletin_dump_is_not_one_article():
    articles = split_articles(_text("bulletins.txt"))
    assert [a.document_id for a in articles] == [
        "DEV-TEST-0001",
        "DEV-TEST-0002",
        "DEV-TEST-0003",
        "DEV-TEST-0004",
        "FBIS-LAT-88-164",
        "PA2408021588",
    ]
    # editor's brackets are kept out of the body but not lost
    assert all(not a.body.startswith(("[TEXT]", "[Text]", "[REPORT]")) for a in articles)


def test_editorial_brackets_inside_the_body_stay():
    text = "X-1\n\n   LIMA, 3 MAY 90 (EFE) -- [TEXT] THE NATIONAL POLICE [PNP] SAID [WORDS INDISTINCT]."
    (article,) = split_articles(text)
    assert article.editor_note == "[TEXT]"
    assert article.body == "THE NATIONAL POLICE [PNP] SAID [WORDS INDISTINCT]."


@pytest.mark.parametrize(
    ("value", "names"),
    [
        ("By ANN LEE and Bo Chan, Middle East Correspondent", ("ANN LEE", "Bo Chan")),
        ("Dan Wells in Moscow", ("Dan Wells",)),
        ("By Bo Chan; Reuters", ("Bo Chan",)),
        ("Ann Lee, Bo Chan and Cy Dee", ("Ann Lee", "Bo Chan", "Cy Dee")),
    ],
)
def test_vendor_bylines(value, names):
    assert parse_byline(value) == names


@pytest.mark.parametrize(
    ("place", "name", "country"),
    [
        ("BEIRUT", "Beirut", "LBN"),
        ("Beirut", "Beirut", "LBN"),
        ("Beirut, Lebanon", "Beirut", "LBN"),
        ("DAR ES SALAAM, Tanzania", "Dar es Salaam", "TZA"),
        ("MEXICO CITY (MEXICO)", "Mexico City", "MEX"),
        ("London, Ontario", "London", "CAN"),
        ("LONDON", "London", "GBR"),
        ("SPRINGFIELD, Ill.", "Springfield", "USA"),
        ("Deir Ezzor", "Deir al-Zor", "SYR"),
        ("UNITED NATIONS", "United Nations", None),
        ("NO CITY (EL SALVADOR)", None, "SLV"),
        ("CLANDESTINE", None, None),
    ],
)
def test_canonical_dateline_places(place, name, country):
    assert canonical_place(place) == (name, country)


def test_one_place_however_the_dateline_writes_it():
    text = (
        "First story\n\nBEIRUT (Reuters) - One.\n\n(Editing by Ed Fox)\n\n"
        "Second story\n\nBeirut (AFP) - Two.\n\n(Editing by Ed Fox)\n\n"
        "Third story\n\nBeirut, Lebanon (AP) - Three."
    )
    articles = split_articles(text)
    assert [a.dateline_place for a in articles] == ["BEIRUT", "Beirut", "Beirut, Lebanon"]
    assert {(a.dateline_place_name, a.dateline_country) for a in articles} == {("Beirut", "LBN")}


# --------------------------------------------------------------------------- files


def _docx_from_lines(path: Path, lines: list[str]) -> None:
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(path)


def test_nexis_uni_docx_download_gives_the_same_articles(tmp_path):
    lines = _text("nexis_uni.txt").splitlines()
    _docx_from_lines(tmp_path / "download.docx", lines)
    corpus = load_corpus(tmp_path)
    (doc,) = corpus.documents
    seg = segment_text(doc.text, source=doc.doc_id)
    _check_gold(seg.articles, GOLD["nexis_uni.txt"]["articles"], "docx")
    assert_nothing_lost(doc.text, seg)


def test_factiva_rtf_export_gives_the_same_articles(tmp_path):
    def escape(line: str) -> str:
        out = line.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}")
        return "".join(ch if ord(ch) < 128 else f"\\'{ord(ch.encode('cp1252')):02x}" for ch in out)

    lines = _text("factiva.txt").splitlines()
    body = "".join(escape(line).replace("\t", "\\tab ") + "\\par\n" for line in lines)
    rtf = "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Arial;}}\\f0\n" + body + "}"
    (tmp_path / "factiva.rtf").write_bytes(rtf.encode("ascii"))
    corpus = load_corpus(tmp_path)
    (doc,) = corpus.documents
    seg = segment_text(doc.text, source=doc.doc_id)
    _check_gold(seg.articles, GOLD["factiva.txt"]["articles"], "rtf")
    assert_nothing_lost(doc.text, seg)


def test_a_zip_of_every_layout_reads_in_place_and_names_members(tmp_path):
    import zipfile

    from analysis_lib.pipeline import extract

    with zipfile.ZipFile(tmp_path / "exports.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        for name in FIXTURES:
            archive.writestr(f"2017/{name}", _text(name))
    tables = extract(tmp_path, actors=False)
    articles = tables["articles"]
    expected = sum(len(GOLD[n]["articles"]) for n in FIXTURES)
    assert len(articles) == expected
    assert set(articles["source"]) == {f"exports.zip:2017/{n}" for n in FIXTURES}
    ln = articles[articles["source"] == "exports.zip:2017/lexisnexis.txt"]
    assert list(ln["published_date"]) == ["2017-09-05", "2017-09-12", "2017-09-20", "2017-09-25"]
    assert list(ln["is_graphic"]) == [False, False, True, False]
    assert list(ln["vendor_word_count"].astype("object").fillna(-1)) == [152, 98, -1, 61]
    bulletins = articles[articles["layout"] == "bulletin"]
    assert list(bulletins["dateline_place_name"].fillna("-")) == [
        "Santiago",
        "San Salvador",
        "Mexico City",
        "-",
        "San Salvador",
        "Lima",
    ]
    assert tables["issues"].empty


def test_lexisnexis_headline_with_a_colon_is_not_a_label():
    text = (
        "1 of 1 DOCUMENT\n\n                 Invented Daily\n\n           May 2, 2017 Tuesday\n\n"
        "SYRIA: REBELS SHELL DAMASCUS SUBURB\n\nBYLINE: Ann Lee\n\nLENGTH: 9 words\n\n"
        "Rebels shelled a suburb of Damascus on Monday.\n\nLOAD-DATE: May 3, 2017\n\n"
        "LANGUAGE: ENGLISH\n"
    )
    (article,) = split_articles(text)
    assert article.headline == "SYRIA: REBELS SHELL DAMASCUS SUBURB"
    assert article.byline == ("Ann Lee",) and article.published_date == "2017-05-02"
    assert article.body == "Rebels shelled a suburb of Damascus on Monday."


def test_factiva_headline_ending_in_a_question_mark_without_blank_lines():
    text = (
        "Is the war in Yemen over?\nBy Ann Lee\n120 words\n3 May 2017\nReuters News\nLBA\n"
        "English\n(c) 2017 Reuters Limited\nADEN (Reuters) - Fighting stopped on Tuesday.\n"
        "Document LBA0000020170503ed530009a\n"
        "Ceasefire holds in Taiz\n80 words\n4 May 2017\nReuters News\nLBA\nEnglish\n"
        "(c) 2017 Reuters Limited\nTAIZ (Reuters) - The truce held for a second day.\n"
        "Document LBA0000020170504ed540011b\n"
    )
    seg = segment_text(text)
    assert [(a.headline, a.byline, a.published_date) for a in seg.articles] == [
        ("Is the war in Yemen over?", ("Ann Lee",), "2017-05-03"),
        ("Ceasefire holds in Taiz", (), "2017-05-04"),
    ]
    assert [a.body for a in seg.articles] == [
        "Fighting stopped on Tuesday.",
        "The truce held for a second day.",
    ]
    assert_nothing_lost(text, seg)


_LAYOUT_PIECES = [
    "1 of 3 DOCUMENTS",
    "Invented Daily",
    "September 5, 2017 Tuesday",
    "Late Edition;",
    "Copyright 2017 Invented Daily",
    "All Rights Reserved",
    "BYLINE: Ann Lee",
    "LENGTH: 12 words",
    "LOAD-DATE: May 3, 2017",
    "GRAPHIC: Map",
    "Body",
    "End of Document",
    "Graphic",
    "Classification",
    "Length: 40 words",
    "Load-Date: May 3, 2017",
    "HD\tTroops advance",
    "LP",
    "TD",
    "AN\tDocument LBA0000020170503ed530009a",
    "Document LBA0000020170503ed530009a",
    "120 words",
    "3 May 2017",
    "By Ann Lee",
    "DEV-TEST-0001 (NOSC)",
    "   LIMA, 10 JAN 90 (EFE) -- [TEXT] POLICE SAID.",
    "   SAN SALVADOR, NO DATE (RADIO CADENA YSU) -- [REPORT] [",
    "BEIRUT (Reuters) - The army advanced.",
    "(Reporting by Ann Lee; Editing by Bo Chan)",
    " Reuter",
    "Troops advance on Raqqa",
    '<REUTERS NEWID="7">',
    "</REUTERS>",
    "<TITLE>&lt;BAC> SETS DIVIDEND</TITLE>",
    "<DATELINE>    CHICAGO, March 3 - </DATELINE><BODY>Qtly div 15 cts",
    " Reuter\n&#3;</BODY></TEXT>",
    '<TEXT TYPE="UNPROC">&#2;',
]


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(
        ["lexisnexis", "nexis_uni", "factiva_fields", "factiva", "bulletin", "reuters_sgml", "wire"]
    ),
    st.lists(
        st.one_of(
            st.sampled_from(_LAYOUT_PIECES),
            st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30),
        ),
        max_size=30,
    ),
    st.lists(st.sampled_from(["\n", "\n\n", "\n\n\n", " \n"]), min_size=30, max_size=30),
)
def test_nothing_lost_on_fuzzed_vendor_dumps(layout, pieces, glue):
    text = "".join(p + g for p, g in zip(pieces, glue, strict=False)).replace("\r", "")
    assert_nothing_lost(text, segment_text(text, source="fuzz", layout=layout))


def test_german_lexisnexis_export():
    text = (
        "                  Dokument 1 von 1\n\n                  Die Beispielzeitung\n\n"
        "                  11. Januar 2010 Montag\n\nTruppen rücken in Mosul vor\n\n"
        "AUTOR: Anna Lee\n\nRUBRIK: AUSLAND; S. 6\n\nLÄNGE: 12 Wörter\n\n"
        "Irakische Truppen sind am Montag in Mosul vorgerückt.\n\nSPRACHE: GERMAN\n"
    )
    (a,) = split_articles(text)
    assert (a.layout, a.publication, a.headline, a.byline) == (
        "lexisnexis",
        "Die Beispielzeitung",
        "Truppen rücken in Mosul vor",
        ("Anna Lee",),
    )
    assert (a.published_date, a.section, a.vendor_word_count, a.language) == (
        "2010-01-11",
        "AUSLAND; S. 6",
        12,
        "German",
    )
    assert a.body == "Irakische Truppen sind am Montag in Mosul vorgerückt."


def test_monthly_publication_date_line():
    text = (
        "1 of 1 DOCUMENT\n\nExample Monthly\n\nJanuary 2010\n\nWar in the mountains\n\n"
        "BYLINE: Ann Lee\n\nLENGTH: 7 words\n\nThe war went on in the mountains.\n"
    )
    (a,) = split_articles(text)
    assert (a.publication, a.headline, a.published_date) == (
        "Example Monthly",
        "War in the mountains",
        "2010-01",
    )


def test_ap_byline_with_a_role_line_keeps_the_article_whole():
    text = (
        "Taliban attack kills 8 police in Helmand\n\nBy AMIR SHAH\nAssociated Press Writer\n\n"
        "KABUL, Afghanistan (AP) — Taliban fighters attacked a police post, an official said.\n\n"
        "Suicide bomber hits Baghdad market\n\nBAGHDAD (AP) — A bomber struck a market.\n"
    )
    seg = segment_text(text)
    assert [(a.headline, a.byline, a.dateline_place) for a in seg.articles] == [
        ("Taliban attack kills 8 police in Helmand", ("AMIR SHAH",), "KABUL, Afghanistan"),
        ("Suicide bomber hits Baghdad market", (), "BAGHDAD"),
    ]
    assert seg.residue == []
    assert_nothing_lost(text, seg)


def test_lexisnexis_copyright_before_the_publication():
    text = (
        "                1 of 1 DOCUMENT\n\n      Copyright 2003 The Invented Post\n"
        "              All Rights Reserved\n\n              The Invented Post\n\n"
        "           March 21, 2003 Friday\n               Final Edition\n\n"
        "U.S. forces cross into Iraq\n\nBYLINE: Ann Lee, Invented Post Staff Writer\n\n"
        "LENGTH: 14 words\n\nKUWAIT CITY, March 20 -- U.S. and British forces crossed into Iraq.\n\n"
        "LOAD-DATE: March 21, 2003\n"
    )
    (a,) = split_articles(text)
    assert (a.publication, a.published_date, a.headline, a.byline) == (
        "The Invented Post",
        "2003-03-21",
        "U.S. forces cross into Iraq",
        ("Ann Lee",),
    )
    assert a.copyright == "Copyright 2003 The Invented Post"
    assert (a.dateline_place, a.body) == (
        "KUWAIT CITY",
        "U.S. and British forces crossed into Iraq.",
    )
