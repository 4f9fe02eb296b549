"""The actor lexicon: shipped resources compiled into two Aho-Corasick automata and lookups.

Resources (``resources/actors/`` and ``resources/gazetteers/``, each naming its sources):

* ``organizations.csv``: named actors with aliases, type, CAMEO-like sector and country;
* ``countries.csv``: countries with aliases, demonyms and the adjective used to name
  state institutions (``Syrian army`` -> ``Syrian military``);
* ``institutions.csv``: nouns that make a state institution after a demonym or country;
* ``agents.csv``: generic agents (soldiers, militants, civilians, …) -> GROUP;
* ``titles.csv``: titles and ranks that precede person names;
* gazetteers: places, given names, surnames, common English words.

Matching is done by two automata built once per process: ``exact`` (case-sensitive
names and acronyms) and ``folded`` (keys in ASCII lower case: agents and institution
phrases). Both scan a text in C; Python only sees the hits.
"""

from __future__ import annotations

import csv
import functools
import io
import string
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import ahocorasick

from analysis_lib import RESOURCE_DIR

ACTOR_DIR = RESOURCE_DIR / "actors"
GAZETTEER_DIR = RESOURCE_DIR / "gazetteers"

#: Role word used to name a state institution, by sector (``Syrian`` + ``military``).
ROLE_WORDS = {
    "MIL": "military",
    "GOV": "government",
    "COP": "police",
    "SPY": "intelligence",
    "LEG": "parliament",
    "MED": "state media",
    "JUD": "judiciary",
    "HLH": "health ministry",
}

ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


@dataclass(frozen=True)
class ActorInfo:
    """What a dictionary key stands for."""

    actor: str
    entity_type: str
    sector: str
    country: str
    kind: str  # organization | country | demonym | agent | institution | office


@dataclass
class Lexicon:
    """Compiled resources for actor finding (see :func:`load_lexicon`)."""

    exact: ahocorasick.Automaton
    folded: ahocorasick.Automaton
    contextual: dict[str, ActorInfo]
    titles: dict[str, str]
    title_words: dict[str, str]
    role_words: frozenset[str]
    cues: dict[str, frozenset[str]]
    places: dict[str, str]
    place_kinds: dict[str, str]
    place_aliases: dict[str, str]
    given_names: frozenset[str]
    surnames: frozenset[str]
    common_words: dict[str, float]
    nationality_words: frozenset[str]
    non_actor_acronyms: frozenset[str]
    country_by_demonym: dict[str, str]
    adjectives: dict[str, str]
    load_seconds: float = 0.0
    sizes: dict[str, int] = field(default_factory=dict)


def read_resource(path) -> Iterator[dict[str, str]]:
    """Rows of a shipped CSV/TSV resource, skipping its ``# `` source lines.

    Example:
        >>> row = next(read_resource(ACTOR_DIR / "countries.csv"))
        >>> sorted(row)[:3]
        ['adjective', 'aliases', 'demonyms']
    """
    with open(path, encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    delimiter = "," if str(path).endswith(".csv") else "\t"
    yield from csv.DictReader(io.StringIO("".join(lines)), delimiter=delimiter)


def read_word_list(path) -> Iterator[str]:
    """Lines of a one-item-per-line resource (first tab field), skipping comments."""
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            yield line.rstrip("\n").split("\t", 1)[0]


def _split(cell: str | None) -> list[str]:
    return [v.strip() for v in (cell or "").split("|") if v.strip()]


def _case_variants(name: str) -> set[str]:
    """Surface forms to match case-sensitively: as written, capitalized, upper case."""
    forms = {name}
    if "'" in name:
        forms.add(name.replace("'", "’"))  # typographic apostrophe, as in agency copy
    if name[:1].islower():
        forms.add(name[0].upper() + name[1:])
    if len(name) >= 4 and any(ch.islower() for ch in name):
        forms.add(name.upper())
    return forms


def _is_acronym(word: str) -> bool:
    letters = [ch for ch in word if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


class _Builder:
    def __init__(self) -> None:
        self.exact: dict[str, ActorInfo] = {}
        self.folded: dict[str, ActorInfo] = {}
        self.contextual: dict[str, ActorInfo] = {}
        self.institutions: dict[str, Institution] = {}

    def add_exact(self, name: str, info: ActorInfo) -> None:
        for form in _case_variants(name):
            self.exact.setdefault(form, info)

    def add_folded(self, phrase: str, info: ActorInfo) -> None:
        self.folded.setdefault(phrase.translate(ASCII_LOWER), info)

    def add_name(self, name: str, info: ActorInfo) -> None:
        if name.lower().startswith("the "):
            self.contextual.setdefault(name[4:], info)
        else:
            self.add_exact(name, info)


def _add_organizations(b: _Builder) -> None:
    for row in read_resource(ACTOR_DIR / "organizations.csv"):
        info = ActorInfo(
            row["actor"], row["entity_type"], row["sector"], row["country"], "organization"
        )
        for name in [row["actor"], *_split(row["aliases"])]:
            b.add_name(name, info)


def _add_countries(b: _Builder) -> tuple[list[tuple[str, dict]], dict[str, str]]:
    countries = []
    by_demonym: dict[str, str] = {}
    for row in read_resource(ACTOR_DIR / "countries.csv"):
        info = ActorInfo(row["name"], "LOCATION", "", row["iso3"], "country")
        names = [row["name"], *_split(row["aliases"])]
        for name in names:
            b.add_name(name, info)
        for demonym in _split(row["demonyms"]):
            by_demonym.setdefault(demonym, row["iso3"])
        countries.append((row["iso3"], row))
    return countries, by_demonym


@dataclass(frozen=True)
class Institution:
    """A noun that names a state institution after a demonym (``army``, ``Defence Ministry``)."""

    noun: str
    entity_type: str
    sector: str


def _add_demonyms(b: _Builder, countries: list[tuple[str, dict]]) -> None:
    for iso3, row in countries:
        adjective = row["adjective"]
        for demonym in {adjective, *_split(row["demonyms"])}:
            info = ActorInfo(adjective, "NORP", "", iso3, "demonym")
            for form in _case_variants(demonym):
                b.exact.setdefault(form, info)


def _add_institutions(b: _Builder) -> None:
    for row in read_resource(ACTOR_DIR / "institutions.csv"):
        key = row["noun"].translate(ASCII_LOWER)
        b.institutions.setdefault(key, Institution(row["noun"], row["entity_type"], row["sector"]))


def _add_agents(b: _Builder) -> None:
    for row in read_resource(ACTOR_DIR / "agents.csv"):
        plurals = _split(row["plural"])
        collective = row["collective"] == "yes"
        singular_actor = row["word"] if collective or not plurals else plurals[0]
        forms = [(row["word"], singular_actor)] + [(p, p) for p in plurals]
        for form, actor in forms:
            info = ActorInfo(actor, "GROUP", row["sector"], "", "agent")
            if _is_acronym(form):  # IDP, MP: match as written only
                b.exact.setdefault(form, info)
            else:
                b.add_folded(form, info)


def _compile(
    keys: dict[str, ActorInfo], institutions: dict[str, Institution] | None = None
) -> ahocorasick.Automaton:
    """Automaton whose values are ``(key length, ActorInfo or None, Institution or None)``."""
    institutions = institutions or {}
    automaton = ahocorasick.Automaton()
    for key in sorted(set(keys) | set(institutions)):
        automaton.add_word(key, (len(key), keys.get(key), institutions.get(key)))
    automaton.make_automaton()
    return automaton


def _load_titles() -> tuple[dict[str, str], frozenset[str]]:
    titles: dict[str, str] = {}
    for row in read_resource(ACTOR_DIR / "titles.csv"):
        for form in [row["title"], *_split(row["abbreviations"])]:
            titles.setdefault(form, row["sector"])
    role_words = frozenset(t.lower() for t in titles if " " not in t and not t.endswith("."))
    return titles, role_words


def _load_cues() -> dict[str, frozenset[str]]:
    """Cue word sets of the name finder by cue name (``org_suffix``, ``non_name``, …)."""
    cues: dict[str, set[str]] = {}
    for row in read_resource(ACTOR_DIR / "name_cues.tsv"):
        cues.setdefault(row["cue"], set()).add(row["word"])
    return {cue: frozenset(words) for cue, words in cues.items()}


def _title_words(titles: dict[str, str]) -> dict[str, str]:
    """Single words that are titles or heads of titles (``Secretary``, ``Officer``, ``Gen.``).

    A word gets the sector of a one-word title when there is one, else of the first
    multi-word title ending in it.
    """
    words = {t: s for t, s in titles.items() if " " not in t}
    for title, sector in titles.items():
        if " " in title:
            words.setdefault(title.rsplit(" ", 1)[1], sector)
    return words


def _load_places() -> tuple[dict[str, str], dict[str, str]]:
    """Place name -> ISO3 country, and place name -> kind (country, admin1, city, …).

    A name shared by several places goes to the most populous (hand-written regions in
    ``places_extra.tsv`` count as very large).
    """
    best: dict[str, tuple[int, str, str]] = {}
    for name, curated in (
        ("places.tsv", False),
        ("places_towns.tsv", False),
        ("places_extra.tsv", True),
    ):
        for row in read_resource(GAZETTEER_DIR / name):
            size = 10**8 if curated else int(row.get("population") or 0)
            if row["name"] not in best or size > best[row["name"]][0]:
                best[row["name"]] = (size, row["country"], row.get("kind") or "")
    places = {name: country for name, (_, country, _) in best.items()}
    kinds = {name: kind for name, (_, _, kind) in best.items()}
    return places, kinds


def _load_zipf(name: str) -> dict[str, float]:
    """Word -> Zipf frequency from a ``word<TAB>zipf`` list (header row skipped)."""
    return {row["word"].lower(): float(row["zipf"]) for row in read_resource(GAZETTEER_DIR / name)}


def _load_words(name: str) -> frozenset[str]:
    """A one-word-per-line gazetteer (given names, surnames)."""
    return frozenset(read_word_list(GAZETTEER_DIR / name))


@functools.cache
def load_lexicon() -> Lexicon:
    """Build the lexicon from the shipped resources (cached per process).

    Example:
        >>> lex = load_lexicon()
        >>> lex.exact.get("Daesh")[1].actor, lex.folded.get("army")[2].sector
        ('Islamic State', 'MIL')
    """
    started = time.perf_counter()
    b = _Builder()
    _add_organizations(b)
    countries, by_demonym = _add_countries(b)
    _add_demonyms(b, countries)
    _add_institutions(b)
    _add_agents(b)
    titles, role_words = _load_titles()
    cues = _load_cues()
    places, place_kinds = _load_places()
    title_words = _title_words(titles)
    lexicon = Lexicon(
        exact=_compile(b.exact),
        folded=_compile(b.folded, b.institutions),
        contextual=b.contextual,
        titles=titles,
        title_words=title_words,
        role_words=role_words | cues["role_word"],
        cues=cues,
        places=places,
        place_kinds=place_kinds,
        place_aliases={
            r["variant"]: r["canonical"] for r in read_resource(GAZETTEER_DIR / "place_aliases.tsv")
        },
        given_names=_load_words("given_names.txt"),
        surnames=_load_words("surnames.txt"),
        common_words=_load_zipf("common_words.txt"),
        nationality_words=cues["nationality"] | frozenset(by_demonym),
        non_actor_acronyms=frozenset(read_word_list(ACTOR_DIR / "non_actor_acronyms.txt")),
        country_by_demonym=by_demonym,
        adjectives={iso3: row["adjective"] for iso3, row in countries},
    )
    lexicon.sizes = {
        "exact keys": len(b.exact),
        "folded keys": len(set(b.folded) | set(b.institutions)),
        "places": len(lexicon.places),
        "given names": len(lexicon.given_names),
        "surnames": len(lexicon.surnames),
        "common words": len(lexicon.common_words),
    }
    lexicon.load_seconds = time.perf_counter() - started
    return lexicon
