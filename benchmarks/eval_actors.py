"""Dev evaluation of the actor finder on the conflict-domain re3d documents.

Reads ``re3d_dev.jsonl`` from the shared dev-data folder (``../shared/dev-data`` next to
the project, or ``$CONFLICT_NEWS_DEV_DATA``), runs :func:`analysis_lib.actors.find_actors`
on every document, writes predictions as JSON lines (PER / ORG / LOC; GROUP mentions
are generic agents and are not scored) and scores them with the reference scorer
``score_actors.py`` from the same folder (exact, overlap and untyped P/R/F1 per type,
``--proper-only``). It prints the report, the throughput and an order check (how many
documents get other predictions when all are run again in reverse order: 0 for a pure
extractor); it skips cleanly when the folder is absent. The dev documents are never copied into the project.

Run: ``.venv/bin/python benchmarks/eval_actors.py [--dev-data DIR] [--backend rules]``
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
import time
from pathlib import Path

from devdata import default_dev_dir

from analysis_lib.actors import find_actors
from analysis_lib.lexicon import load_lexicon

SCORED_TYPES = {"PERSON": "PER", "ORGANIZATION": "ORG", "LOCATION": "LOC"}


def predict(docs: list[dict], backend: str) -> tuple[list[dict], float]:
    """Predictions per document and the seconds spent finding actors."""
    rows, seconds = [], 0.0
    for doc in docs:
        started = time.perf_counter()
        mentions = find_actors(doc["text"], backend=backend)
        seconds += time.perf_counter() - started
        entities = [
            {"start": m.start, "end": m.end, "type": SCORED_TYPES[m.entity_type]}
            for m in mentions
            if m.entity_type in SCORED_TYPES
        ]
        rows.append({"doc_id": doc["doc_id"], "entities": entities})
    return rows, seconds


def load_scorer(dev_dir: Path):
    """Import the reference scorer module from the dev-data folder."""
    spec = importlib.util.spec_from_file_location("score_actors", dev_dir / "score_actors.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv: list[str] | None = None) -> int:
    """Score the actor finder on re3d and print the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev-data", type=Path, default=default_dev_dir())
    parser.add_argument("--backend", default="rules", choices=["rules", "spacy"])
    parser.add_argument("--pred-out", type=Path, help="also keep the predictions here")
    args = parser.parse_args(argv)
    gold_path = args.dev_data / "re3d_dev.jsonl"
    if not gold_path.exists():
        print(f"skipped: {gold_path} not found (dev data is not part of the project)")
        return 0
    scorer = load_scorer(args.dev_data)
    docs = scorer.load_jsonl(gold_path)
    lexicon = load_lexicon()
    rows, seconds = predict(docs, args.backend)
    reversed_rows, _ = predict(docs[::-1], args.backend)
    changed = sum(a != b for a, b in zip(rows, reversed_rows[::-1], strict=True))
    size = sum(len(d["text"].encode("utf-8")) for d in docs)
    report = scorer.score(docs, rows, proper_only=True)
    print(scorer.format_report(report, f"re3d_dev ({args.backend}), --proper-only"))
    print(
        f"exact micro F1 {report['exact']['micro']['f1']:.3f}, overlap micro F1 "
        f"{report['partial']['micro']['f1']:.3f} (target: exact >= 0.58; spaCy small: 0.41)"
    )
    print(
        f"order check: {changed} of {len(docs)} documents changed when run again in reverse order"
    )
    print(
        f"{len(docs)} docs, {size / 1e6:.2f} MB in {seconds:.2f} s: {size / 1e6 / seconds:.2f} MB/s "
        f"(resources loaded once in {lexicon.load_seconds:.2f} s, not counted)"
    )
    if args.pred_out:
        args.pred_out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    else:
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=True) as handle:
            handle.write("".join(json.dumps(r) + "\n" for r in rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
