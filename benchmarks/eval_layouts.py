"""Quality of layout reading on data the tests do not use (printed figures, never asserted).

1. **Translated bulletins.** The 100 MUC-4 TST3 messages in ``../shared/dev-data/
   muc4_tst3.jsonl`` (skipped cleanly when absent) are put back into dumps the way MUC and
   FBIS distributions ship them: an id line before each indented message. Four variants:
   the id alone, the id with a ``(NOSC)`` tag, no blank line between id and dateline, and
   the whole text in sentence case. Printed: messages found, and the share whose dateline
   place and date are right. The reference is each message's first line, parsed here by a
   separate strict pattern (not the library's).
2. **Headline F1 on wire dumps.** The sample corpus (headlines from the hand-checked
   ``tests/fixtures/segmentation_gold.json``) as shipped, and re-laid out as a 1980s wire
   dump (headline in capitals, ``CITY, Month Day -`` dateline, indented paragraphs,
   ``Reuter`` sign-off), plus the wire fixtures of ``tests/fixtures/layouts``. Precision and
   recall count headlines as a multiset.
3. **Vendor exports.** For the LexisNexis, Nexis Uni and Factiva fixtures: the share of
   articles whose headline, byline and publication date match the hand-checked gold.

Run: ``.venv/bin/python benchmarks/eval_layouts.py``
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from analysis_lib import SAMPLE_DIR  # noqa: E402
from analysis_lib.segment import split_articles  # noqa: E402

DEV_DATA = PROJECT_ROOT.parent / "shared" / "dev-data" / "muc4_tst3.jsonl"
FIXTURES = PROJECT_ROOT / "tests" / "fixtures"
_REFERENCE = re.compile(
    r"\s*(?P<place>[^,\n]+?(?: \([A-Z ]+\))?), (?P<date>\d{1,2} [A-Z]{3} \d{2}|NO DATE)"
)
_MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]


def _reference(text: str) -> tuple[str, str | None]:
    m = _REFERENCE.match(text)
    if m is None:
        return "?", None
    date = m.group("date")
    if date == "NO DATE":
        return m.group("place"), None
    day, month, year = date.split()
    return m.group("place"), f"19{year}-{_MONTHS.index(month) + 1:02d}-{int(day):02d}"


def _sentence_case(text: str) -> str:
    return re.sub(r"[A-Z][A-Z'’-]*", lambda m: m.group(0).capitalize(), text)


def eval_bulletins() -> None:
    if not DEV_DATA.exists():
        print(f"bulletins: {DEV_DATA} not found; skipped")
        return
    records = [json.loads(line) for line in DEV_DATA.read_text(encoding="utf-8").splitlines()]
    variants = {
        "id line": lambda r: f"{r['id']}\n\n{r['text'].rstrip()}\n\n",
        "id (NOSC)": lambda r: f"{r['id']} (NOSC)\n\n{r['text'].rstrip()}\n\n",
        "no blank after id": lambda r: f"{r['id']}\n{r['text'].rstrip()}\n\n\n",
        "sentence case": lambda r: f"{r['id']}\n\n{_sentence_case(r['text'].rstrip())}\n\n",
    }
    print(f"bulletins: {len(records)} MUC-4 TST3 messages ({DEV_DATA.name})")
    for label, render in variants.items():
        dump = "".join(render(r) for r in records)
        articles = split_articles(dump, source="muc")
        by_id = {a.document_id: a for a in articles}
        places = dates = 0
        for r in records:
            article = by_id.get(r["id"])
            if article is None:
                continue
            place, date = _reference(r["text"])
            if label == "sentence case":
                place = _sentence_case(place)
            places += (article.dateline_place or "") == place
            dates += article.published_date == date
        n = len(records)
        print(
            f"  {label:18s} messages found {len(by_id)}/{n} (articles {len(articles)}); "
            f"dateline place right {places / n:.1%}, date right {dates / n:.1%}"
        )


def _prf(predicted: list[str | None], gold: list[str | None]) -> tuple[float, float, float]:
    pred = Counter(h for h in predicted if h)
    want = Counter(h for h in gold if h)
    tp = sum((pred & want).values())
    p = tp / sum(pred.values()) if pred else 1.0
    r = tp / sum(want.values()) if want else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _classic(article, gold_headline: str | None, date: str) -> str:
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n|\n", article.body) if p.strip()]
    place = (article.dateline_place or "LONDON").split(",")[0].upper()
    lines = [gold_headline.upper()] if gold_headline else []
    lines.append(f"    {place}, {date} - {paragraphs[0]}")
    lines.extend(f"    {p}" for p in paragraphs[1:])
    lines.append(" Reuter")
    return "\n".join(lines) + "\n"


def eval_headlines() -> None:
    gold = json.loads((FIXTURES / "segmentation_gold.json").read_text(encoding="utf-8"))
    rows = []
    all_pred: list[str | None] = []
    all_gold: list[str | None] = []
    classic_text, classic_gold = [], []
    for name, gold_articles in gold["files"].items():
        text = (SAMPLE_DIR / name).read_text(encoding="utf-8-sig")
        articles = split_articles(text, source=name)
        want = [g["headline"] for g in gold_articles]
        rows.append((f"sample {name}", _prf([a.headline for a in articles], want)))
        all_pred += [a.headline for a in articles]
        all_gold += want
        if len(articles) == len(want):
            for k, (a, h) in enumerate(zip(articles, want, strict=True)):
                classic_text.append(_classic(a, h, f"Sept {10 + k}"))
                classic_gold.append(h.upper() if h else None)
    dump = "\n".join(classic_text)
    predicted = [a.headline for a in split_articles(dump, source="classic")]
    rows.append(("sample as classic wire dump", _prf(predicted, classic_gold)))
    all_pred += predicted
    all_gold += classic_gold
    layouts = json.loads((FIXTURES / "layouts" / "gold.json").read_text(encoding="utf-8"))
    for name in ("classic_wire.txt", "modern_wire.txt", "reuters_sgml.sgm"):
        text = (FIXTURES / "layouts" / name).read_text(encoding="utf-8")
        want = [g.get("headline") for g in layouts[name]["articles"]]
        got = [a.headline for a in split_articles(text, source=name)]
        rows.append((f"fixture {name}", _prf(got, want)))
        all_pred += got
        all_gold += want
    print("headline P / R / F1 on wire dumps")
    for label, (p, r, f) in rows:
        print(f"  {label:45s} {p:.3f} / {r:.3f} / {f:.3f}")
    p, r, f = _prf(all_pred, all_gold)
    print(f"  {'all':45s} {p:.3f} / {r:.3f} / {f:.3f}  ({sum(1 for h in all_gold if h)} headlines)")


def eval_vendor_exports() -> None:
    layouts = json.loads((FIXTURES / "layouts" / "gold.json").read_text(encoding="utf-8"))
    print("vendor exports: articles with headline, byline and publication date all right")
    for name in ("lexisnexis.txt", "nexis_uni.txt", "factiva.txt", "factiva_fields.txt"):
        text = (FIXTURES / "layouts" / name).read_text(encoding="utf-8")
        articles = split_articles(text, source=name)
        gold = layouts[name]["articles"]
        right = sum(
            a.headline == g["headline"]
            and a.byline == tuple(g.get("byline", ()))
            and a.published_date == g["published_date"]
            for a, g in zip(articles, gold, strict=False)
        )
        print(f"  {name:20s} {right}/{len(gold)} (articles found {len(articles)})")


def main() -> int:
    eval_bulletins()
    eval_headlines()
    eval_vendor_exports()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
