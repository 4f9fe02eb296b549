"""Loading inputs: encodings, line endings, structured exports, and bad files."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from analysis_lib import SAMPLE_DIR
from analysis_lib.corpus import (
    CorpusError,
    decode_bytes,
    iter_documents,
    load_corpus,
    normalize_newlines,
)

NEWS = "BEIRUT (Reuters) – The Syrian army’s “advance” reached Deir al-Zor, café owners said.\n"


def test_sample_folder_loads_both_files_in_order(sample_corpus):
    assert [d.doc_id for d in sample_corpus.documents] == [
        "000_65897b68137db2a4.txt",
        "004_f65997268528880e.txt",
    ]
    assert sample_corpus.documents[1].text.startswith("Iraqi forces advanced in west Mosul")
    # the README next to the sample is reported, not silently skipped
    assert [(i.path, i.kind) for i in sample_corpus.issues] == [("README.md", "skipped")]


def test_single_file_and_glob_inputs():
    one = load_corpus(SAMPLE_DIR / "004_f65997268528880e.txt")
    assert [d.doc_id for d in one.documents] == ["004_f65997268528880e.txt"]
    globbed = load_corpus(str(SAMPLE_DIR / "00*.txt"))
    assert len(globbed.documents) == 2 and not globbed.issues


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (NEWS.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + NEWS.encode("utf-8"), "utf-8-sig"),
        (NEWS.encode("utf-16"), "utf-16"),
        (NEWS.encode("cp1252"), "cp1252"),
    ],
)
def test_encodings_are_detected_and_decoded(raw, encoding):
    text, found = decode_bytes(raw)
    assert text == NEWS
    assert found == encoding


def test_latin1_text_without_cp1252_punctuation_decodes():
    raw = "MADRID (Reuters) - Los daños en Cádiz, según el Ejército.\n".encode("latin-1")
    text, _ = decode_bytes(raw)
    assert text == "MADRID (Reuters) - Los daños en Cádiz, según el Ejército.\n"


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        (
            "МОСКВА (Рейтер) - Российская подводная лодка выпустила ракеты по целям в Сирии.",
            "cp1251",
        ),
        ("ΑΘΗΝΑ (Reuters) - Η ελληνική αστυνομία συνέλαβε έναν άνδρα στην Αθήνα σήμερα.", "cp1253"),
    ],
)
def test_non_western_legacy_encodings_are_detected(text, codec):
    decoded, found = decode_bytes(text.encode(codec))
    assert decoded == text
    assert found == codec


def test_random_bytes_are_rejected_as_binary():
    import random

    rnd = random.Random(7)
    garbage = bytes(rnd.randrange(256) for _ in range(4096))
    with pytest.raises(CorpusError, match="binary file"):
        decode_bytes(garbage, path="garbage.txt")


def test_windows_and_mac_line_endings_are_normalized(tmp_path):
    (tmp_path / "crlf.txt").write_bytes(b"Headline\r\n\r\nBody line one.\rBody two.\r\n")
    doc = load_corpus(tmp_path).documents[0]
    assert doc.text == "Headline\n\nBody line one.\nBody two.\n"
    assert normalize_newlines("a\r\nb") == "a\nb"


def test_bad_files_are_reported_by_name_and_the_rest_still_loads(tmp_path):
    (tmp_path / "a_good.txt").write_text(NEWS, encoding="utf-8")
    (tmp_path / "b_empty.txt").write_bytes(b"")
    (tmp_path / "c_blank.txt").write_bytes(b"  \n\n \r\n")
    (tmp_path / "d_binary.txt").write_bytes(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    )
    (tmp_path / "e_notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "f_scan.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "z_good.txt").write_text(
        "LONDON (Reuters) – Police arrested a man.", encoding="utf-8"
    )
    corpus = load_corpus(tmp_path)
    assert [d.doc_id for d in corpus.documents] == ["a_good.txt", "z_good.txt"]
    found = {(i.path, i.kind, i.severity) for i in corpus.issues}
    assert found == {
        ("b_empty.txt", "empty file", "error"),
        ("c_blank.txt", "empty file", "error"),
        ("d_binary.txt", "binary file", "error"),
        ("e_notes.docx", "unreadable", "error"),
        ("f_scan.pdf", "skipped", "warning"),
    }
    for issue in corpus.issues:
        assert issue.path in str(issue)


def test_binary_and_empty_raise_clear_errors():
    with pytest.raises(CorpusError, match=r"x\.bin: binary file: expected text"):
        decode_bytes(b"abc\x00\x01\x02def", path="x.bin")
    with pytest.raises(CorpusError, match="empty file"):
        decode_bytes(b"", path="e.txt")


def test_missing_input_is_an_issue_not_a_crash(tmp_path):
    corpus = load_corpus(tmp_path / "nope")
    assert corpus.documents == []
    assert corpus.issues[0].kind == "missing input"
    assert "no such file or folder" in corpus.issues[0].message


def test_a_missing_input_does_not_stop_the_others(tmp_path):
    corpus = load_corpus([tmp_path / "nope", str(tmp_path / "*.none"), SAMPLE_DIR])
    assert len(corpus.documents) == 2
    assert [i.kind for i in corpus.issues] == ["missing input", "missing input", "skipped"]
    assert "glob matched no files" in corpus.issues[1].message


def test_nested_folders_are_walked_in_sorted_order(tmp_path):
    for rel in ["b/2.txt", "a/z.txt", "a/sub/1.txt", ".hidden/x.txt", "c.txt"]:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"BEIRUT (Reuters) – Story {rel}.", encoding="utf-8")
    ids = [d.doc_id for d in load_corpus(tmp_path).documents]
    assert ids == ["a/sub/1.txt", "a/z.txt", "b/2.txt", "c.txt"]
    globbed = [d.doc_id for d in load_corpus(str(tmp_path / "a" / "**" / "*.txt")).documents]
    assert globbed == ["sub/1.txt", "z.txt"]


def test_csv_with_default_columns_keeps_metadata_and_line_numbers(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(
        "id,title,date,text\n"
        'r1,Troops advance,2017-09-05,"BEIRUT (Reuters) – The army advanced.\n\nIt reached the city."\n'
        "r2,Second,2017-09-06,MOSCOW (Reuters) – A submarine fired missiles.\n",
        encoding="utf-8",
    )
    docs = load_corpus(path).documents
    assert [(d.doc_id, d.title, d.date, d.line) for d in docs] == [
        ("export.csv:r1", "Troops advance", "2017-09-05", 2),
        ("export.csv:r2", "Second", "2017-09-06", 5),
    ]
    assert docs[0].text.endswith("It reached the city.")


def test_csv_without_text_column_names_file_and_expected_columns(tmp_path):
    (tmp_path / "bad.csv").write_text("title,date\nA,2017\n", encoding="utf-8")
    (tmp_path / "good.txt").write_text(NEWS, encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert [d.doc_id for d in corpus.documents] == ["good.txt"]
    (issue,) = corpus.issues
    assert issue.path == "bad.csv" and issue.kind == "missing column"
    assert "expected one of" in issue.message and "'title', 'date'" in issue.message


def test_csv_column_mapping_and_short_rows(tmp_path):
    path = tmp_path / "lexis.csv"
    path.write_text("Headline;Story\nA;Body one.\nB\nC;\n".replace(";", ","), encoding="cp1252")
    issues = []
    docs = list(iter_documents(path, columns={"text": "Story", "title": "Headline"}, issues=issues))
    assert [(d.title, d.text) for d in docs] == [("A", "Body one.")]
    assert [(i.kind, i.line) for i in issues] == [
        ("bad row", 3),
        ("empty text", 3),
        ("empty text", 4),
    ]


def test_mapping_to_a_missing_column_is_an_error(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("body\nText.\n", encoding="utf-8")
    corpus = load_corpus(path, columns={"text": "content"})
    assert corpus.documents == []
    assert "mapping asks for text='content'" in corpus.issues[0].message


def test_jsonl_bad_lines_are_reported_with_line_numbers(tmp_path):
    path = tmp_path / "dump.jsonl"
    lines = [
        json.dumps({"id": 7, "headline": "Raid", "body": "KABUL (AP) — Gunmen attacked."}),
        "{not json",
        json.dumps({"id": 8, "headline": "No body"}),
        "[1, 2]",
        json.dumps({"id": 9, "body": "Second story."}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    corpus = load_corpus(path)
    assert [(d.doc_id, d.title) for d in corpus.documents] == [
        ("dump.jsonl:7", "Raid"),
        ("dump.jsonl:9", None),
    ]
    assert [(i.kind, i.line) for i in corpus.issues] == [
        ("bad row", 2),
        ("missing column", 3),
        ("bad row", 4),
    ]


def test_parquet_export(tmp_path):
    path = tmp_path / "arts.parquet"
    pd.DataFrame({"content": ["One.", None, "Three."], "source": ["AFP", "AFP", "AP"]}).to_parquet(
        path
    )
    corpus = load_corpus(path)
    assert [(d.doc_id, d.text, d.source) for d in corpus.documents] == [
        ("arts.parquet:row1", "One.", "AFP"),
        ("arts.parquet:row3", "Three.", "AP"),
    ]
    assert [i.kind for i in corpus.issues] == ["empty text"]


def test_corrupt_parquet_is_reported(tmp_path):
    (tmp_path / "broken.parquet").write_bytes(b"PAR1 not really")
    corpus = load_corpus(tmp_path)
    assert corpus.issues[0].path == "broken.parquet"
    assert "not a Parquet file" in corpus.issues[0].message


def test_limit_stops_early():
    assert len(load_corpus(SAMPLE_DIR, limit=1)) == 1


# --------------------------------------------------------------------------- issue 9 defects


def test_a_symlink_loop_is_reported_and_not_followed(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "story.txt").write_text(NEWS, encoding="utf-8")
    (tmp_path / "a" / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "a" / "self").symlink_to(tmp_path / "a" / "self")
    (tmp_path / "b.txt").write_text(NEWS, encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert [d.doc_id for d in corpus.documents] == ["a/story.txt", "b.txt"]
    assert [(i.path, i.kind, i.severity) for i in corpus.issues] == [
        ("a/loop", "symlink loop", "warning"),
        ("a/self", "broken link", "warning"),
    ]


def test_a_symlink_to_a_sibling_folder_is_followed(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "x.txt").write_text(NEWS, encoding="utf-8")
    (tmp_path / "alias").symlink_to(tmp_path / "real", target_is_directory=True)
    corpus = load_corpus(tmp_path)
    assert [d.doc_id for d in corpus.documents] == ["alias/x.txt", "real/x.txt"]
    assert corpus.issues == []


def test_one_invalid_sequence_keeps_a_utf8_file_utf8(tmp_path):
    raw = (SAMPLE_DIR / "000_65897b68137db2a4.txt").read_bytes()
    at = raw.index(b"\n\n", 2000) + 1  # a place inside the file, on a line of its own
    damaged = raw[:at] + b"\xed\xa0\x80" + raw[at:]
    (tmp_path / "damaged.txt").write_bytes(damaged)
    corpus = load_corpus(tmp_path)
    (doc,) = corpus.documents
    assert doc.encoding == "utf-8"
    assert doc.text.count("\ufffd") == 3  # one U+FFFD per invalid byte of the surrogate
    assert doc.text.replace("\ufffd", "") == raw.decode("utf-8")
    (issue,) = corpus.issues
    line = raw[:at].count(b"\n") + 1
    assert (issue.path, issue.kind, issue.severity, issue.line) == (
        "damaged.txt",
        "undecodable bytes",
        "warning",
        line,
    )
    assert f"byte {at} (line {line})" in issue.message
    from analysis_lib.segment import split_articles

    datelines = [a.dateline_place for a in split_articles(doc.text) if a.dateline_place]
    assert len(datelines) == 10


def test_a_stray_latin1_byte_in_utf8_text_is_replaced_not_reencoded():
    raw = "“Troops” – advanced in Mosul.\nCaf".encode() + b"\xe9 owners said.\n"
    issues = []
    text, encoding = decode_bytes(raw, path="x.txt", issues=issues)
    assert (text, encoding) == ("“Troops” – advanced in Mosul.\nCaf\ufffd owners said.\n", "utf-8")
    assert [(i.kind, i.line) for i in issues] == [("undecodable bytes", 2)]


def test_legacy_text_without_utf8_sequences_is_still_legacy():
    raw = (
        "PARIS (AFP) - Les d\u00e9g\u00e2ts \u00e0 B\u00e9ziers \u2013 l\u2019arm\u00e9e.\n".encode(
            "cp1252"
        )
    )
    issues = []
    text, encoding = decode_bytes(raw, issues=issues)
    assert encoding == "cp1252" and "Béziers – l’armée" in text and issues == []


@pytest.mark.parametrize("where", [10, 9000])
def test_a_nul_byte_is_replaced_and_reported_wherever_it_is(where):
    body = ("BEIRUT (Reuters) - The army advanced on the city on Monday.\n" * 200).encode()
    raw = body[:where] + b"\x00" + body[where:]
    issues = []
    text, encoding = decode_bytes(raw, path="nul.txt", issues=issues)
    assert encoding == "utf-8"
    assert text == body[:where].decode() + "\ufffd" + body[where:].decode()
    (issue,) = issues
    assert (issue.kind, issue.severity, issue.line) == ("NUL bytes", "warning", where // 60 + 1)
    assert f"byte offset(s) {where}" in issue.message


def test_dense_control_bytes_are_still_binary():
    with pytest.raises(CorpusError, match="binary file"):
        decode_bytes(b"\x00" * 100 + NEWS.encode(), path="x.txt")


def test_utf16_without_bom_is_decoded():
    text, encoding = decode_bytes(NEWS.encode("utf-16-le"))
    assert (text, encoding) == (NEWS, "utf-16-le")


# --------------------------------------------------------------------------- archives, DOCX, RTF

DUMP = (
    "Troops advance in Mosul\n\nMOSUL, Iraq (Reuters) - Iraqi forces advanced on Monday.\n\n"
    "(Reporting by Ann Lee; Editing by Bo Chan)\n"
)


def _zip(path, members):
    import zipfile

    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def test_zip_members_are_read_in_place_with_member_names(tmp_path):
    import gzip

    _zip(
        tmp_path / "dumps.zip",
        {
            "2017/oct.txt": DUMP,
            "2017/nov.txt.gz": gzip.compress(DUMP.replace("Monday", "Tuesday").encode()),
            "2017/empty.txt": b"",
            "scan.pdf": b"%PDF-1.4",
            "__MACOSX/2017/._oct.txt": b"junk",
            "rows.csv": "title,text\nAid arrives,A convoy arrived on Thursday.\n",
        },
    )
    corpus = load_corpus(tmp_path)
    assert [d.doc_id for d in corpus.documents] == [
        "dumps.zip:2017/nov.txt.gz",
        "dumps.zip:2017/oct.txt",
        "dumps.zip:rows.csv:row1",
    ]
    assert "Tuesday" in corpus.documents[0].text and corpus.documents[2].title == "Aid arrives"
    assert [(i.path, i.kind) for i in corpus.issues] == [
        ("dumps.zip:2017/empty.txt", "empty file"),
        ("dumps.zip:scan.pdf", "skipped"),
    ]


def test_articles_from_an_archive_name_the_member(tmp_path):
    from analysis_lib.pipeline import extract

    _zip(tmp_path / "dumps.zip", {"2017/oct.txt": DUMP})
    articles = extract(tmp_path, actors=False)["articles"]
    assert list(articles["source"]) == ["dumps.zip:2017/oct.txt"]
    assert list(articles["article_id"]) == ["dumps.zip:2017/oct.txt#001"]
    assert list(articles["headline"]) == ["Troops advance in Mosul"]


def test_a_corrupt_member_is_reported_and_the_other_members_load(tmp_path):
    path = tmp_path / "dumps.zip"
    import zipfile

    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr("a.txt", DUMP)
        archive.writestr("b.txt", "CORRUPT ME " * 20)
        archive.writestr("c.txt", DUMP.replace("Mosul", "Raqqa"))
    raw = path.read_bytes()
    at = raw.index(b"CORRUPT ME")
    path.write_bytes(raw[:at] + b"X" + raw[at + 1 :])  # the CRC no longer matches
    corpus = load_corpus(tmp_path)
    assert [d.doc_id for d in corpus.documents] == ["dumps.zip:a.txt", "dumps.zip:c.txt"]
    (issue,) = corpus.issues
    assert (issue.path, issue.kind) == ("dumps.zip:b.txt", "corrupt archive")


def test_broken_archives_among_good_files(tmp_path):
    import bz2
    import gzip
    import lzma

    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(DUMP.encode()))
    (tmp_path / "b.txt.bz2").write_bytes(bz2.compress(DUMP.encode()))
    (tmp_path / "c.txt.xz").write_bytes(lzma.compress(DUMP.encode()))
    (tmp_path / "d.zip").write_bytes(b"PK\x03\x04 not really a zip")
    (tmp_path / "e.txt.gz").write_bytes(gzip.compress(DUMP.encode())[:30])  # truncated
    (tmp_path / "f.tar.gz").write_bytes(b"\x1f\x8b\x08 broken")
    (tmp_path / "g.txt").write_text(DUMP, encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert [d.doc_id for d in corpus.documents] == ["a.txt.gz", "b.txt.bz2", "c.txt.xz", "g.txt"]
    assert all(d.text == DUMP for d in corpus.documents)
    assert [(i.path, i.kind, i.severity) for i in corpus.issues] == [
        ("d.zip", "corrupt archive", "error"),
        ("e.txt.gz", "corrupt archive", "error"),
        ("f.tar.gz", "corrupt archive", "error"),
    ]


def test_tar_gz_members_are_streamed(tmp_path):
    import io
    import tarfile

    with tarfile.open(tmp_path / "dump.tar.gz", "w:gz") as archive:
        for name, text in [("x/one.txt", DUMP), ("x/two.jsonl", '{"text": "Body."}\n')]:
            data = text.encode()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    corpus = load_corpus(tmp_path)
    assert [d.doc_id for d in corpus.documents] == [
        "dump.tar.gz:x/one.txt",
        "dump.tar.gz:x/two.jsonl:row1",
    ]


def test_docx_paragraphs_become_text_and_a_corrupt_docx_is_reported(tmp_path):
    import docx

    document = docx.Document()
    for para in ["Troops advance in Mosul", "MOSUL, Iraq (Reuters) - Forces advanced.", ""]:
        document.add_paragraph(para)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Load-Date:", "March 2, 2017"
    document.save(tmp_path / "a_nexis.docx")
    (tmp_path / "b_broken.docx").write_bytes(b"PK\x03\x04 truncated")
    corpus = load_corpus(tmp_path)
    (doc,) = corpus.documents
    assert doc.text == (
        "Troops advance in Mosul\n\nMOSUL, Iraq (Reuters) - Forces advanced.\n\n"
        "Load-Date:\tMarch 2, 2017"
    )
    assert [(i.path, i.kind) for i in corpus.issues] == [("b_broken.docx", "unreadable")]


def test_rtf_text_with_its_code_page(tmp_path):
    (tmp_path / "a.rtf").write_bytes(
        b"{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Times;}}"
        b"\\f0 Troops advance\\par\\par PARIS (AFP) - Le caf\\'e9 a br\\'fbl\\'e9.\\par}"
    )
    (tmp_path / "b.rtf").write_bytes(b"not rtf at all")
    corpus = load_corpus(tmp_path)
    (doc,) = corpus.documents
    assert doc.text.split("\n") == ["Troops advance", "", "PARIS (AFP) - Le café a brûlé.", ""]
    assert [(i.path, i.kind) for i in corpus.issues] == [("b.rtf", "unreadable")]
