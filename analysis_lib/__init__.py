"""conflict-news notebooks: a thin helper library for conflict news text.

The flow runs one way: :mod:`analysis_lib.corpus` loads and decodes inputs,
:mod:`analysis_lib.segment` splits dumps into articles, :mod:`analysis_lib.sentences`
splits article bodies into sentences, and :mod:`analysis_lib.pipeline` turns a corpus
into tables (see ``schemas.py``). Notebooks only call these functions.
"""

from pathlib import Path

__version__ = "0.1.0"

PACKAGE_ROOT = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_ROOT.parent
SAMPLE_DIR = PROJECT_ROOT / "data" / "sample"
NOTEBOOK_DIR = PROJECT_ROOT / "notebooks"
RESOURCE_DIR = PACKAGE_ROOT / "resources"
