"""Dev evaluation of date finding: MEANTIME timexes and MUC-4 dateline dates.

1. **MEANTIME** (``meantime.jsonl``: 120 English news documents with TIMEX3 gold):
   :func:`analysis_lib.dates.find_dates` runs on every document with
   ``reference_date = dct``. MEANTIME annotates the title and the first sentences of each
   document (lines 0-5 of the stored text) and treats the date line (line 1) as the
   document creation time, not as a timex, unless the document has no ``dct``; only
   predictions inside that annotated part are scored. For the two documents without a
   ``dct`` the reference is the date line read by :func:`parse_date`.

   A prediction matches a gold timex when their spans overlap (one-to-one: same spans
   first, then same types, then any overlap).
   Printed: extraction precision / recall / F1 per type and overall, type accuracy and
   value accuracy on matched pairs, and **DATE value F1** (a predicted DATE is correct
   when it overlaps a gold DATE with the same value). Duration values equal up to unit
   names (``P1DE`` = ``P10Y``) count as equal. ``--errors N`` lists the most common
   misses, spurious finds and wrong values.

2. **MUC-4 TST3** (``muc4_tst3.jsonl``, 100 messages of 1988-1990 whose first line is a
   dateline such as ``SAN SALVADOR, 13 JAN 90 (ACAN-EFE) --`` or ``… NO DATE …``): the
   date part of each dateline goes through :func:`parse_date`. Printed: the share of
   messages whose dateline gives a date, and whether every parsed date is a real date of
   1988-1990 that agrees with an independent ``DD MON YY`` reading (``strptime``).

The dev data stays in ``../shared/dev-data`` (or ``$CONFLICT_NEWS_DEV_DATA``, or
``--dev-data DIR``); it is read at run time and never copied. Without it the script says
so and exits 0. Figures are printed, never asserted.

``--upper`` scores MEANTIME written in capitals, as wire copy is: the figures should
barely move, since find_dates does not depend on capital letters.

Run: ``.venv/bin/python benchmarks/eval_dates.py [--dev-data DIR] [--errors 20] [--upper]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from devdata import default_dev_dir

from analysis_lib.dates import find_dates, parse_date

TYPES = ("DATE", "TIME", "DURATION", "SET")
#: MEANTIME annotates the title and the first sentences: lines 0-5 of the stored text.
ANNOTATED_LINES = 6
_DURATION = re.compile(r"P(T?)([\d.X]+)(DE|CE|[YMWDHS])")


def load_jsonl(path: Path) -> list[dict]:
    """One dict per line."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def same_value(pred: str, gold: str) -> bool:
    """Equal TIMEX3 values, durations compared across unit names (P1DE = P10Y)."""
    if pred == gold:
        return True
    a, b = _DURATION.fullmatch(pred or ""), _DURATION.fullmatch(gold or "")
    if not (a and b) or a[1] != b[1] or "X" in a[2] + b[2]:
        return False
    scale = {"DE": ("Y", 10), "CE": ("Y", 100)}
    unit_a, factor_a = scale.get(a[3], (a[3], 1))
    unit_b, factor_b = scale.get(b[3], (b[3], 1))
    return unit_a == unit_b and float(a[2]) * factor_a == float(b[2]) * factor_b


def scored_region(doc: dict) -> tuple[int, tuple[int, int], str | None]:
    """End of the annotated part, the (start, end) of the date line to skip, the reference."""
    text = doc["text"]
    lines = text.split("\n")
    end = sum(len(line) + 1 for line in lines[:ANNOTATED_LINES])
    date_line = (len(lines[0]) + 1, len(lines[0]) + 1 + len(lines[1])) if len(lines) > 1 else None
    ref = doc.get("dct")
    if date_line is not None and (ref is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", ref)):
        # without a dct the date line is annotated like any line; with a malformed one
        # (03-02-2009) it is still the creation time, but only the date line says which
        date_line_annotated = ref is None
        ref = parse_date(text[date_line[0] : date_line[1]])
        if date_line_annotated:
            date_line = None
    skip = date_line if date_line is not None else (0, 0)
    return end, skip, ref


def match(preds: list, golds: list[dict]) -> list[tuple[object | None, dict | None]]:
    """One-to-one pairs of overlapping prediction and gold, plus the unmatched of either side.

    Pairs with the same span are made first, then pairs of the same type, then any overlap,
    so that a range read as two dates (``from 2009 to 2011``) pairs with the gold dates
    inside a gold range rather than by order alone.
    """
    pairs, used_p, used_g = [], set(), set()
    passes = (
        lambda p, g: (p.start, p.end) == (g["start"], g["end"]),
        lambda p, g: p.type == g["type"],
        lambda p, g: True,
    )
    for accept in passes:
        for j, g in enumerate(golds):
            if j in used_g:
                continue
            for i, p in enumerate(preds):
                if i in used_p or not (p.start < g["end"] and g["start"] < p.end):
                    continue
                if accept(p, g):
                    used_p.add(i)
                    used_g.add(j)
                    pairs.append((p, g))
                    break
    pairs.extend((None, g) for j, g in enumerate(golds) if j not in used_g)
    pairs.extend((p, None) for i, p in enumerate(preds) if i not in used_p)
    return pairs


def f1(p: float, r: float) -> float:
    """Harmonic mean."""
    return 2 * p * r / (p + r) if p + r else 0.0


def evaluate_meantime(docs: list[dict], errors: int) -> dict:
    """Score find_dates on MEANTIME and print the report; returns the headline figures."""
    gold_n, pred_n, hit_n, pred_hit = Counter(), Counter(), Counter(), Counter()
    typed = valued = matched = 0
    date_ok = date_pred = date_gold = 0
    problems: Counter = Counter()
    examples: dict = {}
    seconds = 0.0
    size = 0
    for doc in docs:
        end, skip, ref = scored_region(doc)
        text = doc["text"]
        started = time.process_time()
        found = find_dates(text, reference_date=ref)
        seconds += time.process_time() - started
        size += len(text.encode("utf-8"))
        preds = [t for t in found if t.start < end and not (skip[0] <= t.start < skip[1])]
        golds = doc["timexes"]
        for p, g in match(preds, golds):
            if g is not None:
                gold_n[g["type"]] += 1
                date_gold += g["type"] == "DATE"
            if p is not None:
                pred_n[p.type] += 1
                date_pred += p.type == "DATE"
            context = None
            if p is not None and g is not None:
                matched += 1
                hit_n[g["type"]] += 1
                pred_hit[p.type] += 1
                typed += p.type == g["type"]
                ok = same_value(p.value, g["value"])
                valued += ok
                date_ok += ok and p.type == "DATE" and g["type"] == "DATE"
                if not ok or p.type != g["type"]:
                    key = ("wrong value", g["type"], g["text"].lower(), f"{p.type} {p.value}")
                    context = (g["start"], g["end"], f"gold {g['type']} {g['value']}, dct {ref}")
                else:
                    continue
            elif g is not None:
                key = ("missed", g["type"], g["text"].lower(), g["value"])
                context = (g["start"], g["end"], f"dct {ref}")
            else:
                key = ("spurious", p.type, p.text.lower(), p.value)
                context = (p.start, p.end, f"dct {ref}")
            problems[key] += 1
            if key not in examples:
                s, e, note = context
                snippet = text[max(0, s - 50) : e + 30].replace("\n", " | ")
                examples[key] = f"{snippet}   [{note}]"
    print("MEANTIME (overlap match, reference_date = dct, annotated lines only)")
    print(f"{'type':10} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6}")
    for kind in (*TYPES, "all"):
        g = sum(gold_n.values()) if kind == "all" else gold_n[kind]
        p = sum(pred_n.values()) if kind == "all" else pred_n[kind]
        h = matched if kind == "all" else hit_n[kind]
        # per type: recall over gold timexes of that type, precision over predictions of
        # that type (a match ignores the type; type errors show in type accuracy)
        ph = matched if kind == "all" else pred_hit[kind]
        prec = ph / p if p else 0.0
        rec = h / g if g else 0.0
        print(f"{kind:10} {g:5d} {p:5d} {prec:6.3f} {rec:6.3f} {f1(prec, rec):6.3f}")
    p_all = matched / max(1, sum(pred_n.values()))
    r_all = matched / max(1, sum(gold_n.values()))
    date_p = date_ok / max(1, date_pred)
    date_r = date_ok / max(1, date_gold)
    print(f"type accuracy on matched:  {typed / max(1, matched):.3f} ({typed}/{matched})")
    print(f"value accuracy on matched: {valued / max(1, matched):.3f} ({valued}/{matched})")
    print(
        f"DATE value P {date_p:.3f} R {date_r:.3f} F1 {f1(date_p, date_r):.3f} "
        f"({date_ok} correct, {date_pred} predicted, {date_gold} gold; target >= 0.85, "
        "HeidelTime news mode ~0.78 on TempEval-3)"
    )
    print(
        f"speed: {size / 1e6 / seconds:.2f} MB/s per core on {len(docs)} whole documents "
        "(see bench_dates.py for the throughput benchmark)"
    )
    if errors:
        print(f"\nmost common errors (top {errors}):")
        for key, count in problems.most_common(errors):
            kind, gtype, surface, detail = key
            print(f"{count:3d}  {kind:11} {gtype:8} {surface!r} -> {detail}")
            print(f"       {examples[key]}")
    return {
        "extraction_f1": f1(p_all, r_all),
        "date_value_f1": f1(date_p, date_r),
    }


_DATELINE = re.compile(
    r"^\s*[^,\n]+?(?:\([^)\n]*\))?,\s*(?P<date>[^(\n]+?)\s*(?:\([^)\n]*\)\s*)?--"
)


def evaluate_muc_datelines(docs: list[dict]) -> dict:
    """Publication dates from MUC-4 datelines; prints coverage and validity checks."""
    dated = no_date = unreadable = bad = 0
    years = Counter()
    for doc in docs:
        first = doc["text"].lstrip("\n").split("\n", 1)[0]
        m = _DATELINE.match(first)
        raw = m["date"].strip() if m else None
        if raw is None or raw.upper() == "NO DATE":
            no_date += raw is not None
            unreadable += raw is None
            continue
        value = parse_date(raw)
        if value is None:
            unreadable += 1
            print(f"  not read: {doc['id']}: {first.strip()[:70]!r}")
            continue
        dated += 1
        years[value[:4]] += 1
        try:
            independent = dt.datetime.strptime(raw.title(), "%d %b %y").date().isoformat()
        except ValueError:
            independent = None
        if not ("1988" <= value[:4] <= "1990") or independent != value:
            bad += 1
            print(f"  disagreement: {doc['id']}: {raw!r} -> {value} (strptime: {independent})")
    total = len(docs)
    print(
        f"\nMUC-4 TST3 datelines: {dated}/{total} give a date ({dated / total:.0%}), "
        f"{no_date} say NO DATE, {unreadable} unreadable; "
        f"{dated - bad}/{dated} are real 1988-1990 dates agreeing with a DD MON YY reading; "
        f"years {dict(sorted(years.items()))}"
    )
    return {"dated": dated, "bad": bad, "total": total}


def main(argv: list[str] | None = None) -> int:
    """Run both evaluations and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev-data", type=Path, default=default_dev_dir())
    parser.add_argument("--errors", type=int, default=15, help="list the N most common errors")
    parser.add_argument(
        "--upper", action="store_true", help="score MEANTIME written in capitals (wire style)"
    )
    args = parser.parse_args(argv)
    meantime = args.dev_data / "meantime.jsonl"
    muc = args.dev_data / "muc4_tst3.jsonl"
    if not meantime.exists() and not muc.exists():
        print(
            f"skipped: no meantime.jsonl or muc4_tst3.jsonl in {args.dev_data} (dev data is not part of the project)"
        )
        return 0
    if meantime.exists():
        docs = load_jsonl(meantime)
        if args.upper:  # same offsets: the capitals of these texts are one character each
            docs = [dict(d, text=d["text"].upper()) for d in docs]
        evaluate_meantime(docs, args.errors)
    else:
        print(f"skipped MEANTIME: {meantime} not found")
    if muc.exists():
        evaluate_muc_datelines(load_jsonl(muc))
    else:
        print(f"skipped MUC-4: {muc} not found")
    return 0


if __name__ == "__main__":
    sys.exit(main())
