"""Restoring the case of text in capitals, and what it buys the extractors."""

from __future__ import annotations

from analysis_lib.actors import find_actors
from analysis_lib.casing import is_all_caps, restore_case
from analysis_lib.casualties import find_casualties

BULLETIN = (
    "SAN SALVADOR, 13 JAN 90 (ACAN-EFE) -- [TEXT] THE BODIES OF HECTOR\n"
    "OQUELI AND GILDA FLORES WERE FOUND IN CUILAPA, GUATEMALA, THE RELATIVES\n"
    "HAVE REPORTED. THE FMLN AND THE ELN DENIED ANY PART IN THE KILLINGS."
)


def test_restore_case_keeps_every_offset():
    restored = restore_case(BULLETIN)
    assert len(restored) == len(BULLETIN)
    assert restored.upper() == BULLETIN.upper()
    assert [i for i, c in enumerate(BULLETIN) if c == "\n"] == [
        i for i, c in enumerate(restored) if c == "\n"
    ]


def test_restore_case_reads_like_prose():
    restored = restore_case(BULLETIN)
    assert "the bodies of Hector" in restored
    assert "San Salvador" in restored and "Gilda Flores" in restored
    assert "The FMLN and the ELN denied" in restored  # acronyms stay in capitals


def test_mixed_case_text_is_left_alone():
    text = "Gunmen killed Hector Oqueli in Guatemala City, police said."
    assert not is_all_caps(text)
    assert restore_case(text) is text


def test_names_in_capitals_are_found_and_reported_as_written():
    mentions = find_actors(BULLETIN)
    persons = [(m.text, m.actor) for m in mentions if m.entity_type == "PERSON"]
    assert ("HECTOR\nOQUELI", "Hector Oqueli") in persons  # wrapped across a line break
    assert ("GILDA FLORES", "Gilda Flores") in persons


def test_casualties_in_capitals_name_their_victims():
    found = find_casualties(BULLETIN)
    victims = sorted(c.victim for c in found if c.category == "killed")
    assert victims == ["Gilda Flores", "Hector Oqueli"]


def test_garbage_and_empty_text():
    assert restore_case("") == ""
    assert restore_case("12345 --- !!!") == "12345 --- !!!"
    assert len(restore_case("\x00ABC\x00 DEF")) == len("\x00ABC\x00 DEF")
