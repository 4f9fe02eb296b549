"""Shared fixtures: the sample corpus, its hand-checked gold, and extracted tables."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis_lib import SAMPLE_DIR
from analysis_lib.corpus import load_corpus
from analysis_lib.segment import segment_text

FIXTURES = Path(__file__).parent / "fixtures"


def load_fixture(name: str):
    """Read a JSON fixture from tests/fixtures."""
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def sample_corpus():
    return load_corpus(SAMPLE_DIR)


@pytest.fixture(scope="session")
def sample_segmentations(sample_corpus):
    """doc_id -> Segmentation of each sample file."""
    return {d.doc_id: segment_text(d.text, source=d.doc_id) for d in sample_corpus.documents}


@pytest.fixture(scope="session")
def segmentation_gold():
    return load_fixture("segmentation_gold.json")


@pytest.fixture(scope="session")
def sample_tables():
    from analysis_lib.pipeline import extract

    return extract(SAMPLE_DIR)
