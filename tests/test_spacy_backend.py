"""The optional spaCy backend, tested with a blank pipeline and an entity ruler (no model)."""

from __future__ import annotations

import sys

import pytest

from analysis_lib import spacy_backend
from analysis_lib.actors import find_actors
from analysis_lib.spacy_backend import BackendUnavailable, use_spacy_pipeline


@pytest.fixture
def reset_pipeline(monkeypatch):
    monkeypatch.setitem(spacy_backend._PIPELINE, "nlp", None)
    monkeypatch.delenv("CONFLICT_NEWS_SPACY_MODEL", raising=False)


def test_blank_pipeline_with_entity_ruler(reset_pipeline):
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(
        [
            {"label": "ORG", "pattern": "Daesh"},
            {"label": "PERSON", "pattern": "Joseph Votel"},
            {"label": "GPE", "pattern": "Raqqa"},
        ]
    )
    use_spacy_pipeline(nlp)
    text = "Gen. Joseph Votel said Daesh still holds Raqqa, where the Syrian army is advancing."
    found = [
        (m.text, m.actor, m.entity_type, m.sector, m.method)
        for m in find_actors(text, backend="spacy")
    ]
    assert found == [
        ("Joseph Votel", "Joseph Votel", "PERSON", "", "spacy"),
        ("Daesh", "Islamic State", "ORGANIZATION", "REB", "spacy+dictionary"),
        ("Raqqa", "Raqqa", "LOCATION", "", "spacy"),
        ("Syrian army", "Syrian military", "ORGANIZATION", "MIL", "institution"),
    ]


def test_pipeline_without_ner_is_refused(reset_pipeline):
    spacy = pytest.importorskip("spacy")
    with pytest.raises(BackendUnavailable, match="no 'ner' or 'entity_ruler'"):
        use_spacy_pipeline(spacy.blank("en"))


def test_missing_model_gives_a_clear_message(reset_pipeline):
    pytest.importorskip("spacy")
    with pytest.raises(BackendUnavailable, match="not installed"):
        use_spacy_pipeline("en_core_web_no_such_model")
    with pytest.raises(BackendUnavailable, match="no spaCy pipeline configured"):
        find_actors("Daesh fled.", backend="spacy")


def test_missing_spacy_gives_a_clear_message(reset_pipeline, monkeypatch):
    monkeypatch.setitem(sys.modules, "spacy", None)  # import spacy now raises ImportError
    with pytest.raises(BackendUnavailable, match="pip install spacy"):
        find_actors("Daesh fled.", backend="spacy")


def test_unknown_backend():
    with pytest.raises(ValueError, match="unknown backend"):
        find_actors("text", backend="bert")
