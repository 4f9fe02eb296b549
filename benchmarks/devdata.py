"""Where the benchmarks find the shared dev data (read at run time, never copied).

Example:
    >>> default_dev_dir().name
    'dev-data'
"""

from __future__ import annotations

import os
from pathlib import Path

from analysis_lib import PROJECT_ROOT


def default_dev_dir() -> Path:
    """The dev-data folder: ``$CONFLICT_NEWS_DEV_DATA`` or ``../shared/dev-data``."""
    env = os.environ.get("CONFLICT_NEWS_DEV_DATA")
    return Path(env) if env else PROJECT_ROOT.parent / "shared" / "dev-data"
