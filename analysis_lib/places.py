"""Canonical dateline places: ``BEIRUT``, ``Beirut`` and ``Beirut, Lebanon`` are one place.

Datelines write places in capitals or not, with or without a country or province
(``MOSUL, Iraq``, ``MEXICO CITY (MEXICO)``, ``SCARBOROUGH, Ontario``). The shipped
gazetteer (``resources/gazetteers/places*.tsv``, GeoNames-derived; spelling variants in
``place_aliases.tsv``; country names in ``resources/actors/countries.csv``) gives each one
a canonical name and an ISO 3166-1 alpha-3 country. A name shared by several places goes
to the one in the qualifier's country, else to the most populous.

Place names not in the gazetteer keep their own spelling (capitals title-cased), with the
qualifier's country when there is one; bulletin placeholders (``NO CITY``,
``CLANDESTINE``) are not places.
"""

from __future__ import annotations

import csv
import functools
import re

from analysis_lib.lexicon import GAZETTEER_DIR, RESOURCE_DIR, read_resource

#: Dateline "places" that name no place.
NOT_PLACES = frozenset({"no city", "clandestine", "unknown", "no place", "undisclosed"})
_QUALIFIED = re.compile(r"^(?P<base>[^,(]+?)\s*(?:,\s*(?P<qual>.+?)|\((?P<paren>[^()]+)\))\s*$")
_KIND_RANK = {"country": 0, "admin1": 1, "region": 2, "city": 3, "water": 4, "landmark": 5}


@functools.cache
def _gazetteer() -> tuple[dict[str, list[tuple[str, str, int, int]]], dict[str, str]]:
    """lower-cased name -> [(name, country, population, kind rank)], and variant -> canonical."""
    index: dict[str, list[tuple[str, str, int, int]]] = {}
    for file, curated in (
        ("places.tsv", False),
        ("places_towns.tsv", False),
        ("places_extra.tsv", True),
    ):
        for row in read_resource(GAZETTEER_DIR / file):
            country = row.get("country") or ""
            population = 10**8 if curated else int(row.get("population") or 0)
            rank = _KIND_RANK.get(row.get("kind") or "", 6)
            index.setdefault(row["name"].lower(), []).append(
                (row["name"], country, population, rank)
            )
    aliases = {
        row["variant"].lower(): row["canonical"]
        for row in read_resource(GAZETTEER_DIR / "place_aliases.tsv")
    }
    return index, aliases


@functools.cache
def _qualifiers() -> dict[str, str]:
    """lower-cased state, province or historical name -> ISO3 (``dateline_qualifiers.tsv``)."""
    rows = read_resource(GAZETTEER_DIR / "dateline_qualifiers.tsv")
    return {row["qualifier"].lower(): row["country"] for row in rows}


@functools.cache
def _countries() -> dict[str, tuple[str, str]]:
    """lower-cased country name, alias or ISO3 -> (name, ISO3)."""
    out: dict[str, tuple[str, str]] = {}
    with open(RESOURCE_DIR / "actors" / "countries.csv", encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        for row in rows:
            entry = (row["name"], row["iso3"])
            for name in [row["name"], row["iso3"], *row["aliases"].split("|")]:
                if name:
                    out.setdefault(name.lower(), entry)
    return out


def _qualifier_country(qualifier: str | None) -> str | None:
    if not qualifier:
        return None
    key = qualifier.strip().lower()
    if key in _qualifiers():
        return _qualifiers()[key]
    key = key.rstrip(".")
    country = _countries().get(key)
    if country is not None:
        return country[1]
    candidates = _gazetteer()[0].get(key, [])
    regions = [c for c in candidates if c[3] <= 2 and c[1]]  # a province or state
    return max(regions, key=lambda c: c[2])[1] if regions else None


def _display(name: str) -> str:
    return name.title() if name.isupper() else name


@functools.lru_cache(maxsize=65536)
def canonical_place(place: str | None) -> tuple[str | None, str | None]:
    """The canonical name and ISO alpha-3 country of a dateline place.

    Args:
        place: The place as written in the dateline (``BEIRUT``, ``Mosul, Iraq``,
            ``MEXICO CITY (MEXICO)``).

    Returns:
        ``(name, country)``; ``(None, None)`` for no place.

    Example:
        >>> canonical_place("BEIRUT"), canonical_place("Beirut, Lebanon")
        (('Beirut', 'LBN'), ('Beirut', 'LBN'))
        >>> canonical_place("SANTIAGO"), canonical_place("MEXICO CITY (MEXICO)")
        (('Santiago', 'CHL'), ('Mexico City', 'MEX'))
    """
    if not place or not place.strip():
        return None, None
    text = " ".join(place.split())
    m = _QUALIFIED.match(text)
    base, qualifier = (m.group("base"), m.group("qual") or m.group("paren")) if m else (text, None)
    key = base.lower()
    if key in NOT_PLACES:
        return None, _qualifier_country(qualifier)
    index, aliases = _gazetteer()
    base = aliases.get(key, base)
    key = base.lower()
    country_hit = _countries().get(key)
    candidates = index.get(key, [])
    wanted = _qualifier_country(qualifier)
    if wanted is not None:
        candidates = [c for c in candidates if c[1] == wanted]
    if candidates:
        best = max(candidates, key=lambda c: (c[2], -c[3]))
        same = [c[0] for c in candidates if c[1:] == best[1:]]
        # the text's own spelling, else the one with lower-case particles (Dar es Salaam)
        name = base if base in same else max(same, key=lambda n: sum(ch.islower() for ch in n))
        if country_hit is not None and best[3] == 0:
            name = country_hit[0]
        return name, best[1] or wanted
    if country_hit is not None:
        return country_hit[0], country_hit[1]
    return _display(base), wanted
