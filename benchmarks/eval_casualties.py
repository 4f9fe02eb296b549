"""Dev evaluation of casualty extraction on MUC-4 TST3, WikiEvents dev and PLOVER counts.

Reads the shared dev-data folder (``../shared/dev-data`` next to the project, or
``$CONFLICT_NEWS_DEV_DATA``, or ``--dev-data``) at run time; the documents are never
copied into the project. Skips cleanly (exit 0) when the folder is absent.

* **MUC-4 TST3** (100 messages in capitals): per message, the multiset of (DEATH|INJURY,
  number) pairs of the answer keys against our (killed|injured, count) statements; a gold
  range matches any number inside it; our subsets (``including two children``) count as
  statements of their own, as the keys list victim groups separately. Recall, and
  precision (a lower bound: keys cover terrorist incidents only, not every death a
  message mentions).
* **WikiEvents dev** (20 attack reports): the share of gold death, injury and arrest
  events whose trigger lies inside a statement of the same category, and, where the
  event names a Killer/Attacker, how often our perpetrator is that actor.
* **PLOVER** (16 sentences): every gold dead/injured count found.

Run: ``.venv/bin/python benchmarks/eval_casualties.py [--dev-data DIR] [--errors N]``
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from devdata import default_dev_dir

from analysis_lib.actors import find_actors
from analysis_lib.casualties import find_casualties

EFFECTS = {"killed": "DEATH", "injured": "INJURY"}
WIKI_CATEGORIES = {
    "Life.Die.Unspecified": "killed",
    "Life.Injure.Unspecified": "injured",
    "Justice.ArrestJailDetain.Unspecified": "arrested",
}


def read_jsonl(path: Path) -> list[dict]:
    """All records of a JSON-lines file."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


# --------------------------------------------------------------------------- MUC-4


def gold_pairs(message: dict, *, include_optional: bool = True) -> list[tuple[str, int, int]]:
    """(effect, low, high) of every keyed death/injury with a number."""
    pairs = []
    for g in message["gold"]:
        if g["effect"] not in ("DEATH", "INJURY") or (g["optional"] and not include_optional):
            continue
        low = g["number_min"] if g["number_min"] is not None else g["number"]
        if low is None:
            continue
        if g["number_max"] is not None:
            high = g["number_max"]
        elif g["number_min"] is not None:
            high = 10**9  # "90 -": at least 90
        else:
            high = g["number"]
        pairs.append((g["effect"], int(low), int(high)))
    return pairs


def predicted_pairs(text: str) -> list[tuple[str, int, int, str]]:
    """(effect, low, high, evidence) of our killed/injured statements with a count."""
    pairs = []
    for c in find_casualties(text):
        if c.category not in EFFECTS:
            continue  # subsets count too: MUC keys list victim groups separately
        low = c.count_low if c.count_low is not None else c.count_high
        high = c.count_high if c.count_high is not None else c.count_low
        if low is None:
            continue
        pairs.append((EFFECTS[c.category], low, high, c.evidence))
    return pairs


def match_pairs(gold: list[tuple[str, int, int]], pred: list[tuple]) -> int:
    """Greedy one-to-one matches: same effect, overlapping number ranges."""
    used = [False] * len(pred)
    matched = 0
    for effect, low, high in gold:
        for i, (p_effect, p_low, p_high, _) in enumerate(pred):
            if not used[i] and p_effect == effect and p_low <= high and low <= p_high:
                used[i] = True
                matched += 1
                break
    return matched


def evaluate_muc(messages: list[dict], errors: int) -> dict:
    """Recall and precision of (effect, number) pairs per message."""
    gold_total = pred_total = matched_total = 0
    misses = []
    for msg in messages:
        gold = gold_pairs(msg)
        pred = predicted_pairs(msg["text"])
        matched = match_pairs(gold, pred)
        gold_total += len(gold)
        pred_total += len(pred)
        matched_total += matched
        if matched < len(gold) or matched < len(pred):
            misses.append((msg["id"], gold, [p[:3] for p in pred]))
    recall = matched_total / gold_total if gold_total else 0.0
    precision = matched_total / pred_total if pred_total else 0.0
    print(f"MUC-4 TST3: {len(messages)} messages, {gold_total} keyed (DEATH|INJURY, number) pairs")
    print(f"  recall    {recall:.3f}  ({matched_total}/{gold_total})")
    print(f"  precision {precision:.3f}  ({matched_total}/{pred_total}; a lower bound)")
    for msg_id, gold, pred in misses[:errors]:
        print(f"    {msg_id}: gold {gold} predicted {pred}")
    return {"recall": recall, "precision": precision}


# --------------------------------------------------------------------------- WikiEvents


def _canonical(text: str) -> str:
    mentions = find_actors(text)
    return mentions[0].actor if mentions else text


def evaluate_wikievents(docs: list[dict], errors: int) -> dict:
    """Share of gold events covered by a statement of the same category; perpetrators."""
    events = covered = with_killer = killer_right = 0
    per_category: Counter = Counter()
    per_category_covered: Counter = Counter()
    misses = []
    for doc in docs:
        found = find_casualties(doc["text"])
        for event in doc["events"]:
            category = WIKI_CATEGORIES.get(event["event_type"])
            if category is None:
                continue
            events += 1
            per_category[category] += 1
            trig = event["trigger"]
            hits = [
                c
                for c in found
                if c.category == category and c.start <= trig["start"] and trig["end"] <= c.end
            ]
            if hits:
                covered += 1
                per_category_covered[category] += 1
            else:
                sentence_start = doc["text"].rfind(". ", 0, trig["start"]) + 2
                misses.append(
                    (doc["doc_id"], category, doc["text"][sentence_start : trig["end"] + 60])
                )
            killers = [
                a for a in event["arguments"] if a["role"] in ("Killer", "Attacker", "Agent")
            ]
            if killers and category == "killed":
                with_killer += 1
                wanted = {_canonical(k["text"]) for k in killers}
                if any(c.perpetrator in wanted for c in hits):
                    killer_right += 1
    share = covered / events if events else 0.0
    print(f"WikiEvents dev: {events} death/injury/arrest events in {len(docs)} documents")
    print(f"  covered by a statement of the same category: {share:.3f} ({covered}/{events})")
    for category in per_category:
        print(f"    {category:9} {per_category_covered[category]}/{per_category[category]}")
    if with_killer:
        print(f"  perpetrator = the event's Killer: {killer_right}/{with_killer}")
    for doc_id, category, context in misses[:errors]:
        print(f"    missed {category} in {doc_id}: …{context}…")
    return {"coverage": share, "killer": killer_right / with_killer if with_killer else None}


# --------------------------------------------------------------------------- PLOVER


def evaluate_plover(records: list[dict], errors: int) -> dict:
    """Every gold dead/injured count found among our statements of the sentence."""
    counts = right = 0
    wrong = []
    for rec in records:
        found = find_casualties(rec["text"])
        for field, category in (("dead", "killed"), ("injured", "injured")):
            gold = rec[field]
            if gold is None:
                continue
            counts += 1
            values = {c.count_low for c in found if c.category == category}
            values |= {c.count_high for c in found if c.category == category}
            if gold in values:
                right += 1
            else:
                wrong.append((rec["id"], field, gold, sorted(v for v in values if v is not None)))
    print(f"PLOVER: {right}/{counts} gold counts found")
    for rec_id, field, gold, got in wrong[:errors]:
        print(f"    {rec_id} {field}: gold {gold}, found {got}")
    return {"right": right, "counts": counts}


def main(argv: list[str] | None = None) -> int:
    """Run the three evaluations that have data; print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dev-data", type=Path, default=default_dev_dir())
    parser.add_argument("--errors", type=int, default=0, help="print up to N misses per set")
    args = parser.parse_args(argv)
    if not args.dev_data.is_dir():
        print(f"dev data not found at {args.dev_data}: skipping the casualty evaluation")
        return 0
    started = time.perf_counter()
    for name, evaluate in (
        ("muc4_tst3.jsonl", evaluate_muc),
        ("wikievents_dev.jsonl", evaluate_wikievents),
        ("plover_counts.jsonl", evaluate_plover),
    ):
        path = args.dev_data / name
        if path.exists():
            evaluate(read_jsonl(path), args.errors)
        else:
            print(f"{name} not found: skipped")
    print(f"({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
