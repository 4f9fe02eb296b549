"""``python -m analysis_lib``: see :mod:`analysis_lib.cli`."""

from analysis_lib.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
