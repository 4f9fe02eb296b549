"""Assemble a varied news corpus for the pipeline benchmark, from the dev data, at run time.

Why: a benchmark on repeated sample articles overstates speed (memos and caches keyed
on names, places and sentences fill up and every later copy is a hit). This corpus is
built so that almost no sentence occurs twice and names and places keep changing, as
in a real dump.

Ingredients (read when the corpus is built, never copied into the project):

* the documents of the shared dev data (``../shared/dev-data/*.jsonl``): re3d
  (CENTCOM and State Department releases), WikiEvents (attack news pages), MEANTIME
  (news, tokenized: detokenized here), MUC-4 TST3 (1989-90 bulletins in capitals),
  PLOVER (single news sentences);
* the bodies of the sample articles (``data/sample``);
* short news briefs generated here from hand-written templates (self-generated text,
  so no licence question), with random places, people, groups and counts.

How an article is made (``random.Random(seed)``, so the corpus is the same for the
same seed, size and dev data):

1. **Recombine.** A base document of a family (agency copy, bulletin, story) keeps
   its lead paragraph and most of its own paragraphs (each dropped with p=0.15);
   0-2 paragraphs borrowed from other documents of the same family are inserted.
2. **Substitute**, with one mapping per article (so a name repeated in the article
   stays the same name): capitalized words that are given names or surnames of the
   shipped gazetteers (and not ordinary English words) become random other given
   names / surnames; gazetteer places (one or two words) become random places of the
   same kind (city, country, first-level division); numbers get random digits of the
   same length (years stay years); month and weekday names rotate; a few news words
   alternate with synonyms (``militants``/``fighters``/``insurgents``/``gunmen``, …).
   Text in capitals (bulletins) is substituted in capitals.
3. **Lay out** in the layouts the segmenter reads (files under ``texts/``):

   * ``wire/``: agency web copy dumps (40-80 articles a file, blank-line paragraphs):
     headline (sometimes printed twice), optional ``By`` byline, dateline
     ``CITY, Country (Reuters) –`` / ``CITY (AFP) -`` / ``CITY, Sept 16 (Reuters) -``,
     body, Reuters credits ``(Reporting by …; Editing by …)``; about 1 article in 6 is
     a generated brief; half the files carry a date in their name;
   * ``bulletins/``: FBIS / MUC-style dumps in capitals: an id line, an indented
     dateline ``PLACE, 23 AUG 89 (SOURCE) --``, wrapped paragraphs;
   * ``single/``: one-article files: a headline, then the body (one paragraph a line
     or blank-line paragraphs), some with an agency dateline.

Shares by bytes: about 55 % wire, 25 % bulletins, 20 % single-article files.
``manifest.json`` beside ``texts/`` records the parameters, counts and how varied the
result is (share of distinct sentences and paragraphs); a corpus with a matching
manifest is reused.

Run: ``.venv/bin/python benchmarks/make_bench_corpus.py [--mb 20] [--seed N] [--rebuild]``
(``bench_pipeline.py`` calls :func:`build_corpus` itself).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import shutil
import sys
import textwrap
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from devdata import default_dev_dir

HERE = Path(__file__).resolve().parent
PROJECT_ROOT = HERE.parent
SAMPLE_DIR = PROJECT_ROOT / "data" / "sample"
GAZETTEERS = PROJECT_ROOT / "analysis_lib" / "resources" / "gazetteers"
DATA_ROOT = HERE / "_data"
SEED = 20240917
MB = 1e6
SHARES = {"wire": 0.55, "bulletins": 0.25, "single": 0.20}
GAZETTEER_FILES = (
    "given_names.txt",
    "surnames.txt",
    "places.tsv",
    "places_towns.tsv",
    "common_words.txt",
)
DEV_FILES = (
    "re3d_dev.jsonl",
    "wikievents_dev.jsonl",
    "meantime.jsonl",
    "muc4_tst3.jsonl",
    "plover_counts.jsonl",
)


# --------------------------------------------------------------------------- sources


@dataclass
class Source:
    """One source document cut into paragraphs."""

    family: str  # "agency" (sentence case news), "bulletin" (capitals), "story"
    headline: str | None
    paragraphs: list[str]


_DETOKENIZE = (
    (re.compile(r"`` ?"), "“"),
    (re.compile(r" ?''"), "”"),
    (re.compile(r" ([,.;:!?%)\]])"), r"\1"),
    (re.compile(r"([(\[$#]) "), r"\1"),
    (re.compile(r" (n't|'s|'re|'ve|'ll|'d|'m)\b"), r"\1"),
    (re.compile(r" - "), "-"),
)


def detokenize(line: str) -> str:
    """Undo MEANTIME's tokenization (``said , `` -> ``said,``)."""
    for pattern, repl in _DETOKENIZE:
        line = pattern.sub(repl, line)
    return line


def group_sentences(text: str, rng: random.Random) -> list[str]:
    """Cut running text into paragraphs of 1-3 sentences."""
    sentences = split_sentences_simply(text)
    paragraphs, i = [], 0
    while i < len(sentences):
        n = rng.choice((1, 2, 2, 3))
        paragraphs.append(" ".join(sentences[i : i + n]))
        i += n
    return paragraphs


def read_jsonl(path: Path) -> list[dict]:
    """The records of a JSON lines file (empty if absent)."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def load_sources(dev_dir: Path, rng: random.Random) -> dict[str, list[Source]]:
    """Source documents by family: ``agency``, ``bulletin``, ``story``, plus PLOVER sentences."""
    out: dict[str, list[Source]] = {"agency": [], "bulletin": [], "story": [], "sentence": []}
    for doc in read_jsonl(dev_dir / "re3d_dev.jsonl"):
        paras = [p.strip() for p in re.split(r"\n+", doc["text"]) if p.strip()]
        out["agency"].append(Source("agency", doc.get("title"), paras))
    for doc in read_jsonl(dev_dir / "wikievents_dev.jsonl"):
        out["agency"].append(Source("agency", None, group_sentences(doc["text"], rng)))
    for doc in read_jsonl(dev_dir / "meantime.jsonl"):
        lines = [detokenize(x.strip()) for x in doc["text"].split("\n") if x.strip()]
        if len(lines) > 2:
            body = group_sentences(" ".join(lines[2:]), rng)
            out["story"].append(Source("story", lines[0], body))
    for doc in read_jsonl(dev_dir / "muc4_tst3.jsonl"):
        paras = [p.rstrip() for p in re.split(r"\n[ \t]*\n", doc["text"]) if p.strip()]
        if paras and _BULLETIN_DATELINE.match(paras[0]):
            out["bulletin"].append(Source("bulletin", None, paras))
    for doc in read_jsonl(dev_dir / "plover_counts.jsonl"):
        out["sentence"].append(Source("sentence", None, [doc["text"].strip()]))
    if any(out.values()):
        for source in load_sample_sources():
            out["agency"].append(source)
    return out


_CREDITS = re.compile(r"\([^\n]*\b(?:[Rr]eporting|[Ww]riting|[Ee]diting)\b[^\n]*\)")
_AGENCY_DATELINE = re.compile(r"^[A-Z][^\n]{0,60}?\((?:Reuters|AFP|AP)\)\s*[-–—]\s*")


def load_sample_sources() -> list[Source]:
    """The sample articles' body paragraphs (headlines, bylines, datelines and credits cut)."""
    sources = []
    for path in sorted(SAMPLE_DIR.glob("*.txt")):
        text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
        blank = re.search(r"\n[ \t]*\n", text) is not None
        paras = [p.strip() for p in re.split(r"\n[ \t]*\n" if blank else r"\n", text)]
        current: list[str] = []
        for para in (p for p in paras if p):
            if _CREDITS.fullmatch(para):
                sources.append(_sample_source(current))
                current = []
            else:
                current.append(para)
        if current:
            sources.append(_sample_source(current))
    return [s for s in sources if s.paragraphs]


def _sample_source(paras: list[str]) -> Source:
    at = next((i for i, p in enumerate(paras) if _AGENCY_DATELINE.match(p)), None)
    if at is None:
        return Source("agency", None, paras)
    headline = paras[0] if at > 0 else None
    body = [_AGENCY_DATELINE.sub("", paras[at]), *paras[at + 1 :]]
    return Source("agency", headline, body)


def fingerprint(dev_dir: Path) -> str:
    """SHA-1 of the dev data, the sample, the gazetteers and this script: a change rebuilds."""
    digest = hashlib.sha1()
    paths = [dev_dir / n for n in DEV_FILES] + sorted(SAMPLE_DIR.glob("*.txt"))
    paths += [GAZETTEERS / n for n in GAZETTEER_FILES] + [Path(__file__).resolve()]
    for path in paths:
        if path.exists():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


# --------------------------------------------------------------------------- gazetteers


def _rows(name: str) -> list[list[str]]:
    rows = []
    with (GAZETTEERS / name).open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            rows.append(line.rstrip("\n").split("\t"))
    return rows[1:]  # the header line


_PLAIN = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?")


@dataclass
class Gazetteer:
    """Word lists for substitution, read from the shipped gazetteer files."""

    given: frozenset[str]
    surnames: frozenset[str]
    place_kind: dict[str, str]  # place name (1-2 words) -> city | country | admin1
    common: dict[str, float]
    pools: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def load(cls) -> Gazetteer:
        common = {r[0]: float(r[1]) for r in _rows("common_words.txt")}

        def ordinary(word: str) -> bool:
            return common.get(word.lower(), 0.0) >= 3.0

        given = frozenset(r[0] for r in _rows("given_names.txt"))
        surnames = frozenset(r[0] for r in _rows("surnames.txt"))
        place_kind: dict[str, str] = {}
        big: dict[str, list[str]] = {"city": [], "country": [], "admin1": []}
        for file in ("places.tsv", "places_towns.tsv"):
            for name, _country, kind, *_ in _rows(file):
                if kind in big and name.count(" ") <= 1 and not ordinary(name):
                    place_kind.setdefault(name, kind)
                    if file == "places.tsv" and _PLAIN.fullmatch(name):
                        big[kind].append(name)
        plain = sorted(n for n in given | surnames if _PLAIN.fullmatch(n))
        pools = {
            "given": [n for n in plain if n in given and not ordinary(n) and n not in place_kind],
            "surname": [
                n for n in plain if n in surnames and not ordinary(n) and n not in place_kind
            ],
            **{k: sorted(set(v)) for k, v in big.items()},
        }
        return cls(given, surnames, place_kind, common, pools)

    def ordinary(self, word: str) -> bool:
        """A capitalized word that is also a frequent English word (``Will``, ``Mobile``)."""
        return self.common.get(word.lower(), 0.0) >= 3.0


# --------------------------------------------------------------------------- substitution

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: Words that alternate within a group, one choice per article (any case).
SYNONYMS = (
    ("militants", "fighters", "insurgents", "gunmen"),
    ("troops", "soldiers", "forces"),
    ("attack", "assault", "raid"),
    ("attacks", "assaults", "raids"),
    ("town", "city"),
    ("officials", "authorities"),
    ("area", "region"),
    ("said", "said", "added", "stated"),
    ("important", "key", "major"),
    ("began", "started"),
    ("two", "three", "four", "five", "six", "seven", "eight", "nine"),
    ("dozens", "scores", "hundreds"),
)
_SYNONYM_RE = re.compile(
    r"\b(?:" + "|".join(w for g in SYNONYMS for w in g) + r")\b", re.IGNORECASE
)
_CAP_WORD = re.compile(r"[A-Z][A-Za-z'’]*|\d+(?![A-Za-z])")
_NEXT_WORD = re.compile(r" ([A-Z][A-Za-z'’]*)")
#: A sentence break: end punctuation (maybe a closing quote), space, a capital.
_BREAK = re.compile(r"(?<=[.!?])[”\"’']?\s+(?=[“\"(]?[A-Z])")
#: A word that ends in a period but does not end a sentence (``Lt.``, ``U.S.``, ``Gen.``).
_ABBREVIATION = re.compile(
    r"(?<![\w.])(?:Gen|Lt|Col|Maj|Capt|Sgt|Sen|Rep|Gov|Dr|Mr|Mrs|Ms|Prof|St|Brig|Adm|Cpl|Pvt"
    r"|Cmdr|Rev|Jr|Sr|Mt|Ft|No|Jan|Feb|Aug|Sept|Oct|Nov|Dec|Inc|Co|Corp|Ltd|[ap]\.m|etc|vs"
    r"|(?:[A-Z]\.)*[A-Z])\.[”\"’']?$",
    re.IGNORECASE,
)
PREFIXES = (
    "On {day}, ", "In {city}, ", "Meanwhile, ", "Separately, ", "Earlier, ",
    "According to {person}, ", "{person}, a spokesman for the {org}, said ",
    "Speaking in {city}, {person} said ",
)  # fmt: skip
SUFFIXES = (
    ", {title} {person} said.", ", according to {person}.",
    ", {person} told reporters in {city}.", ", {agency} reported.",
)  # fmt: skip
QUOTE_SUFFIXES = (" {person} said.", " said {person}, a {title}.", " {person} told {agency}.")
_LEADING_TAGS = re.compile(r"(?:\[[^\]\n]{1,60}\]\s*)*")
ORGS = ("ministry", "army", "police", "governor", "provincial council", "United Nations")
AGENCIES = ("Reuters", "AFP", "state media", "local media", "the news agency")


def split_sentences_simply(text: str) -> list[str]:
    """Sentences of running text, not broken after ``Lt.`` or ``U.S.``."""
    sentences, start = [], 0
    for m in _BREAK.finditer(text):
        if _ABBREVIATION.search(text, max(start, m.start() - 8), m.start()):
            continue
        sentences.append(text[start : m.start()] + text[m.start() : m.end()].rstrip())
        start = m.end()
    sentences.append(text[start:])
    return [s.strip() for s in sentences if s.strip()]


class Variation:
    """One article's consistent mapping of names, places, numbers, months and words.

    Called on a text, it substitutes (see the module docstring); :meth:`paragraph`
    also frames some sentences (``In Kandahar, …``, ``…, Amal Ferreira said.``).
    """

    def __init__(self, rng: random.Random, gaz: Gazetteer) -> None:
        self.rng, self.gaz = rng, gaz
        self.map: dict[str, str] = {}
        shift = rng.randrange(1, 12)
        for i, month in enumerate(MONTHS):
            self.map[month] = MONTHS[(i + shift) % 12]
        shift = rng.randrange(1, 7)
        for i, day in enumerate(WEEKDAYS):
            self.map[day] = WEEKDAYS[(i + shift) % 7]
        self.words = {w: rng.choice(group) for group in SYNONYMS for w in group}

    def person(self) -> str:
        """A random full name from the gazetteers."""
        pools = self.gaz.pools
        return f"{self.rng.choice(pools['given'])} {self.rng.choice(pools['surname'])}"

    def _number(self, digits: str) -> str:
        n = len(digits)
        if n == 4 and digits[:2] in ("19", "20"):
            return str(self.rng.randint(1988, 2024))
        if n == 1:
            return str(self.rng.randint(1, 9))
        if digits[0] == "0":
            return "".join(str(self.rng.randint(0, 9)) for _ in digits)
        return str(self.rng.randint(10 ** (n - 1), 10**n - 1))

    def _word(self, word: str) -> str | None:
        """The replacement of a title-case word or two, or None to keep it."""
        if word in self.map:
            return self.map[word]
        gaz = self.gaz
        kind = gaz.place_kind.get(word)
        if kind is None and " " not in word and len(word) >= 3 and not gaz.ordinary(word):
            if word in gaz.given:
                kind = "given"
            elif word in gaz.surnames:
                kind = "surname"
        if kind is None:
            return None
        new = self.map[word] = self.rng.choice(gaz.pools[kind])
        return new

    def _synonym(self, m: re.Match[str]) -> str:
        word = m.group()
        new = self.words[word.lower()]
        if word.isupper():
            return new.upper()
        return new.capitalize() if word[0].isupper() else new

    def __call__(self, text: str) -> str:
        """The text with this article's substitutions (capitals stay capitals)."""
        out, pos, skip_to = [], 0, -1
        for m in _CAP_WORD.finditer(text):
            start, end = m.span()
            if start < skip_to:
                continue
            token = m.group()
            if token[0].isdigit():
                key = "#" + token
                new = self.map.get(key)
                if new is None:
                    new = self.map[key] = self._number(token)
            else:
                caps = token.isupper() and len(token) > 1
                nxt = _NEXT_WORD.match(text, end)
                new = None
                if nxt:  # two-word places first: "San Salvador", "New Delhi"
                    pair = f"{token} {nxt.group(1)}"
                    new = self._word(pair.title() if caps else pair)
                    if new is not None:
                        end = nxt.end()
                if new is None:
                    new = self._word(token.title() if caps else token)
                if new is None:
                    continue
                if caps:
                    new = new.upper()
            out.append(text[pos:start])
            out.append(new)
            pos = skip_to = end
        out.append(text[pos:])
        return _SYNONYM_RE.sub(self._synonym, "".join(out))

    def _frame(self, sentence: str, caps: bool) -> str:
        rng = self.rng
        slots = {
            "day": rng.choice(WEEKDAYS),
            "city": rng.choice(self.gaz.pools["city"]),
            "person": self.person(),
            "org": rng.choice(ORGS),
            "title": rng.choice(TITLES),
            "agency": rng.choice(AGENCIES),
        }
        roll = rng.random()
        tags = _LEADING_TAGS.match(sentence).group()  # "[REPORTER] " stays in front
        head, body = sentence[: len(tags)], sentence[len(tags) :]
        if roll < 0.3:
            first, _, rest = body.partition(" ")
            if not rest or not first[:1].isupper():
                return sentence
            gaz = self.gaz
            if (
                not caps
                and len(first) > 1
                and first[1:].islower()
                and gaz.ordinary(first)
                and first not in gaz.place_kind
                and first not in gaz.given
            ):
                first = first.lower()  # "The army …" -> "In Kandahar, the army …"
            frame = rng.choice(PREFIXES).format(**slots)
            return head + (frame.upper() if caps else frame) + first + " " + rest
        if roll < 0.6:
            if sentence.endswith((".”", '."')):  # a quote: “…,” Amal Ferreira said.
                frame = rng.choice(QUOTE_SUFFIXES).format(**slots)
                return sentence[:-2] + "," + sentence[-1] + (frame.upper() if caps else frame)
            if sentence.endswith(".") and not sentence.endswith(".."):
                frame = rng.choice(SUFFIXES).format(**slots)
                return sentence[:-1] + (frame.upper() if caps else frame)
        return sentence

    def paragraph(self, text: str, *, caps: bool = False) -> str:
        """Substitute, then frame about half of the sentences."""
        sentences = split_sentences_simply(" ".join(self(text).split()))
        return " ".join(self._frame(s, caps) for s in sentences)


# --------------------------------------------------------------------------- generated briefs

GROUPS = (
    "Islamic State", "al-Shabaab", "Boko Haram", "the Taliban", "Houthi rebels",
    "separatist rebels", "unidentified gunmen", "suspected militants", "armed bandits",
    "a rebel faction", "jihadist fighters", "a local militia",
)  # fmt: skip
VICTIMS = (
    "civilians", "soldiers", "police officers", "villagers", "worshippers", "students",
    "aid workers", "farmers", "miners", "passengers", "children", "members of a family",
)  # fmt: skip
TITLES = (
    "provincial governor", "police spokesman", "army spokesman", "local official",
    "Interior Minister", "district chief", "a military source", "the mayor",
)  # fmt: skip
COUNTS = (
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "10", "12", "at least 15",
    "more than 20", "nearly 30", "dozens of", "about 40", "scores of", "some 60", "at least 100",
)  # fmt: skip
LEADS = (
    "{group} killed {count} {victims} in an attack on {place} on {day}, {official} said.",
    "At least {n} {victims} were killed and {m} wounded when a bomb exploded near a market in {place} on {day}, {official} told reporters.",
    "Gunmen abducted {count} {victims} from a village near {place} late on {day}, according to {official}.",
    "Security forces arrested {count} suspected members of {group} in raids around {place} on {day}, the {ministry} said.",
    "Fighting between the army and {group} forced more than {big} people to flee their homes around {place} this week, the United Nations said.",
    "{count} {victims} died and {m} others were injured in clashes in {place} on {day}, {official} said.",
    "A suicide bomber blew himself up at a checkpoint outside {place} on {day}, killing {count} {victims}, {official} said.",
    "Air strikes on {place} killed {count} people overnight, residents and {official} said on {day}.",
)  # fmt: skip
FOLLOWS = (
    "No group immediately claimed responsibility for the attack.",
    "{name}, a resident of {place}, said the shooting lasted about {n} minutes.",
    "The wounded were taken to hospitals in {place2}, where {m} were in critical condition.",
    "{group} has carried out a string of attacks in the region since {year}.",
    "Authorities imposed a curfew on {place} and closed the main road to {place2}.",
    "The death toll could rise, {official} said, adding that rescuers were still searching the rubble.",
    "Violence in the area has killed more than {big} people since {year}, according to rights groups.",
    "{name} said {m} of the victims were {victims}.",
    "Witnesses said the attackers arrived on motorcycles shortly after {clock} a.m.",
    "The government condemned the attack and promised to bring those responsible to justice.",
)  # fmt: skip
HEADLINES = (
    "{group} attack kills {n} in {place}",
    "Bomb blast in {place} kills {n}, wounds {m}",
    "Gunmen kidnap {n} {victims} near {place}",
    "{n} arrested after {place} raids",
    "Thousands flee fighting around {place}",
    "Clashes in {place} leave {n} dead",
)  # fmt: skip
MINISTRIES = ("interior ministry", "defence ministry", "police", "army")


def make_brief(rng: random.Random, gaz: Gazetteer) -> tuple[str, list[str]]:
    """A generated news brief: (headline, paragraphs), every slot drawn at random."""

    def person() -> str:
        return f"{rng.choice(gaz.pools['given'])} {rng.choice(gaz.pools['surname'])}"

    slots = {
        "group": rng.choice(GROUPS),
        "victims": rng.choice(VICTIMS),
        "count": rng.choice(COUNTS),
        "n": str(rng.randint(2, 90)),
        "m": str(rng.randint(2, 40)),
        "big": f"{rng.randint(2, 900) * 100:,}",
        "place": rng.choice(gaz.pools["city"]),
        "place2": rng.choice(gaz.pools["city"]),
        "day": rng.choice(WEEKDAYS),
        "official": f"{rng.choice(TITLES)} {person()}",
        "ministry": rng.choice(MINISTRIES),
        "name": person(),
        "year": str(rng.randint(2005, 2020)),
        "clock": str(rng.randint(5, 11)),
    }
    lead = rng.choice(LEADS).format(**slots)
    lead = lead[0].upper() + lead[1:]
    follows = [f.format(**slots) for f in rng.sample(FOLLOWS, rng.randint(1, 4))]
    headline = rng.choice(HEADLINES).format(**slots)
    return headline[0].upper() + headline[1:], [lead, *follows]


# --------------------------------------------------------------------------- layouts

AGENCY_STYLES = (
    ("Reuters", "{CITY}, {Country} (Reuters) – "),
    ("Reuters", "{CITY} (Reuters) - "),
    ("Reuters", "{CITY}, {Mon} {d} (Reuters) - "),
    ("AFP", "{City} (AFP) - "),
    ("AP", "{CITY} (AP) — "),
)
MONTH_ABBR = ("Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec")  # fmt: skip
_BULLETIN_DATELINE = re.compile(
    r"^(\s*)([A-Z][A-Z .'()-]*?), (\d{1,2} [A-Z]{3} \d{2}|NO DATE) \(([^)]*)\) --"
)
MUC_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")


class Assembler:
    """Makes varied articles of each layout from the sources (see the module docstring)."""

    def __init__(self, sources: dict[str, list[Source]], gaz: Gazetteer, rng: random.Random):
        self.sources, self.gaz, self.rng = sources, gaz, rng
        self.sources["news"] = sources["agency"] + sources["story"]
        self.headlines = [s.headline for s in self.sources["news"] if s.headline]

    # -- shared pieces

    def _recombine(self, family: str) -> tuple[Source, list[str]]:
        rng, pool = self.rng, self.sources[family]
        base = rng.choice(pool)
        paras = [base.paragraphs[0]] + [p for p in base.paragraphs[1:] if rng.random() > 0.15]
        for _ in range(rng.choice((0, 1, 1, 2))):
            other = rng.choice(pool)
            if len(other.paragraphs) > 1:
                paras.insert(rng.randint(1, len(paras)), rng.choice(other.paragraphs[1:]))
        if family != "bulletin" and self.sources["sentence"] and rng.random() < 0.2:
            sentence = rng.choice(self.sources["sentence"]).paragraphs[0]
            paras.insert(rng.randint(1, len(paras)), sentence)
        return base, paras[:14]

    def _headline(self, base: Source, vary: Variation) -> str:
        rng = self.rng
        headline = vary(base.headline or rng.choice(self.headlines)).rstrip(". ")
        roll = rng.random()
        if roll < 0.15:
            return f"[UPDATE {rng.randint(1, 5)}] {headline}"
        if roll < 0.3:
            return f"{headline}: {rng.choice(self.gaz.pools['surname'])}"
        if roll < 0.45:
            return f"{headline} in {rng.choice(self.gaz.pools['city'])}"
        if roll < 0.6:
            return f"{headline}, {vary.person()} says"
        return headline

    def _dateline(self) -> tuple[str, str]:
        rng, pools = self.rng, self.gaz.pools
        agency, style = rng.choice(AGENCY_STYLES)
        city, country = rng.choice(pools["city"]), rng.choice(pools["country"])
        line = style.format(
            CITY=city.upper(), City=city, Country=country,
            Mon=rng.choice(MONTH_ABBR), d=rng.randint(1, 28),
        )  # fmt: skip
        return agency, line

    def _credits(self, vary: Variation) -> str:
        rng = self.rng
        parts = [f"Reporting by {vary.person()} in {rng.choice(self.gaz.pools['city'])}"]
        if rng.random() < 0.4:
            parts.append(f"Additional reporting by {vary.person()}")
        if rng.random() < 0.5:
            parts.append(f"Writing by {vary.person()}")
        parts.append(f"Editing by {vary.person()}")
        return "(" + "; ".join(parts) + ")"

    # -- layouts

    def wire_article(self) -> str:
        """An agency web copy: headline, byline, dateline, body, credits."""
        rng = self.rng
        vary = Variation(rng, self.gaz)
        if rng.random() < 1 / 6:
            headline, paras = make_brief(rng, self.gaz)
            paras = [paras[0]] + [vary.paragraph(p) for p in paras[1:]]
        else:
            base, paras = self._recombine("news")
            headline, paras = self._headline(base, vary), [vary.paragraph(p) for p in paras]
        agency, dateline = self._dateline()
        lines = [headline]
        if rng.random() < 0.15:
            lines.append(headline)
        if rng.random() < 0.4:
            lines.append(f"By {vary.person()}")
        lines.append(dateline + paras[0])
        lines.extend(paras[1:])
        if agency == "Reuters" and rng.random() < 0.8:
            lines.append(self._credits(vary))
        return "\n\n".join(lines)

    def bulletin(self, number: int) -> str:
        """A monitoring bulletin in capitals: id line, indented dateline, wrapped paragraphs."""
        rng = self.rng
        vary = Variation(rng, self.gaz)
        _, paras = self._recombine("bulletin")
        m = _BULLETIN_DATELINE.match(paras[0])
        assert m is not None  # load_sources keeps bulletins that start with a dateline
        date = f"{rng.randint(1, 28)} {rng.choice(MUC_MONTHS)} {rng.choice(('88', '89', '90'))}"
        date = "NO DATE" if rng.random() < 0.1 else date
        dateline = f"{vary(m[2])}, {date} ({m[4]}) -- "
        body = [dateline + vary.paragraph(paras[0][m.end() :], caps=True)] + [
            vary.paragraph(p, caps=True) for p in paras[1:] if not _BULLETIN_DATELINE.match(p)
        ]
        ident = rng.choice(("DEV-BENCH-{n:05d} (NOSC)", "FBIS-LAT-{y}-{n:03d}"))
        wrapped = [textwrap.fill(p, 72, initial_indent="   ") for p in body]
        return (
            ident.format(n=number, y=rng.choice(("88", "89", "90"))) + "\n\n" + "\n\n".join(wrapped)
        )

    def single(self) -> str:
        """A one-article file: headline, then the body; some with an agency dateline."""
        rng = self.rng
        vary = Variation(rng, self.gaz)
        base, paras = self._recombine("story" if rng.random() < 0.6 else "agency")
        headline, paras = self._headline(base, vary), [vary.paragraph(p) for p in paras]
        if rng.random() < 0.4:
            paras[0] = self._dateline()[1] + paras[0]
        joiner = "\n" if rng.random() < 0.5 else "\n\n"
        return headline + "\n\n" + joiner.join(paras) + "\n"


# --------------------------------------------------------------------------- build


@dataclass
class Corpus:
    """A built corpus: its ``texts/`` folder and manifest."""

    root: Path
    texts: Path
    manifest: dict


def corpus_root(mb: float, seed: int = SEED) -> Path:
    """Where a corpus of this size and seed lives (git-ignored)."""
    return DATA_ROOT / f"pipeline_{mb:g}mb_{seed}"


def build_corpus(
    mb: float = 20.0,
    *,
    seed: int = SEED,
    dev_dir: Path | None = None,
    rebuild: bool = False,
    log: Callable[[str], None] = print,
) -> Corpus | None:
    """Build (or reuse) the corpus; ``None`` when the dev data is absent."""
    dev_dir = dev_dir or default_dev_dir()
    if not any((dev_dir / n).exists() for n in DEV_FILES):
        return None
    root = corpus_root(mb, seed)
    texts, manifest_path = root / "texts", root / "manifest.json"
    key = {"seed": seed, "mb": mb, "inputs_sha1": fingerprint(dev_dir)}
    if not rebuild and manifest_path.is_file():
        manifest = json.loads(manifest_path.read_text())
        if {k: manifest.get(k) for k in key} == key and _files_ok(texts, manifest):
            return Corpus(root, texts, manifest)
    started = time.perf_counter()
    log(f"building a {mb:g} MB varied corpus under {root.relative_to(PROJECT_ROOT)} ...")
    if root.exists():
        shutil.rmtree(root)
    rng = random.Random(seed)
    assembler = Assembler(load_sources(dev_dir, rng), Gazetteer.load(), rng)
    counts = _write_layouts(assembler, texts, int(mb * MB))
    manifest = {
        **key,
        **counts,
        **variety(texts),
        "build_seconds": round(time.perf_counter() - started, 1),
    }
    manifest_path.write_text(json.dumps(manifest, indent=2) + "\n")
    log(
        f"  {manifest['files']} files, {manifest['bytes'] / MB:.1f} MB, "
        f"{manifest['articles']} articles; distinct sentences "
        f"{manifest['distinct_sentence_share']:.1%}, paragraphs "
        f"{manifest['distinct_paragraph_share']:.1%} (built in {manifest['build_seconds']} s)"
    )
    return Corpus(root, texts, manifest)


def _write_layouts(assembler: Assembler, texts: Path, target: int) -> dict:
    rng = assembler.rng
    per_layout: dict[str, dict[str, int]] = {}
    files = total = articles = 0
    for layout, share in SHARES.items():
        folder = texts / layout
        folder.mkdir(parents=True)
        goal, written, n_files, n_articles = int(target * share), 0, 0, 0
        while written < goal:
            if layout == "single":
                items = [assembler.single()]
                name = f"story_{n_files:05d}.txt"
            elif layout == "bulletins":
                items = [assembler.bulletin(n_articles + i + 1) for i in range(rng.randint(25, 50))]
                name = f"bulletins_{n_files:04d}.txt"
            else:
                items = [assembler.wire_article() for _ in range(rng.randint(40, 80))]
                day = f"_2017-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
                name = f"wire{day if n_files % 2 else ''}_{n_files:04d}.txt"
            data = ("\n\n".join(items).rstrip("\n") + "\n").encode("utf-8")
            (folder / name).write_bytes(data)
            written += len(data)
            n_files += 1
            n_articles += len(items)
        per_layout[layout] = {"files": n_files, "bytes": written, "articles": n_articles}
        files, total, articles = files + n_files, total + written, articles + n_articles
    return {"files": files, "bytes": total, "articles": articles, "layouts": per_layout}


def _files_ok(texts: Path, manifest: dict) -> bool:
    paths = [p for p in texts.rglob("*.txt")] if texts.is_dir() else []
    return len(paths) == manifest.get("files") and sum(
        p.stat().st_size for p in paths
    ) == manifest.get("bytes")


_SPLIT_PARAS = re.compile(r"\n[ \t]*\n")


def variety(texts: Path) -> dict:
    """How varied the corpus is: shares of distinct sentences and paragraphs."""
    sentences: set[str] = set()
    paragraphs: set[str] = set()
    n_sentences = n_paragraphs = 0
    for path in sorted(texts.rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for para in _SPLIT_PARAS.split(text):
            para = " ".join(para.split())
            if len(para) < 40:  # headlines, bylines, id lines
                continue
            n_paragraphs += 1
            paragraphs.add(para)
            for sent in split_sentences_simply(para):
                if len(sent) >= 20:
                    n_sentences += 1
                    sentences.add(sent)
    return {
        "sentences": n_sentences,
        "distinct_sentence_share": round(len(sentences) / max(1, n_sentences), 4),
        "distinct_paragraph_share": round(len(paragraphs) / max(1, n_paragraphs), 4),
    }


def main(argv: list[str] | None = None) -> int:
    """Build the corpus and print where it is."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0, help="size in MB (1e6 bytes)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--dev-data", type=Path, default=default_dev_dir())
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args(argv)
    corpus = build_corpus(args.mb, seed=args.seed, dev_dir=args.dev_data, rebuild=args.rebuild)
    if corpus is None:
        print(
            f"dev data not found at {args.dev_data}: no corpus built (it is not part of the project)"
        )
        return 0
    m = corpus.manifest
    print(f"{corpus.texts}: {m['files']} files, {m['bytes'] / MB:.1f} MB, {m['articles']} articles")
    for layout, row in m["layouts"].items():
        print(
            f"  {layout:10} {row['files']:5d} files {row['bytes'] / MB:6.1f} MB {row['articles']:6d} articles"
        )
    print(
        f"  distinct sentences {m['distinct_sentence_share']:.1%} of {m['sentences']}, "
        f"distinct paragraphs {m['distinct_paragraph_share']:.1%}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
