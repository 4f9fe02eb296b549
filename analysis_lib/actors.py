"""Find actors in text: dictionary, state institutions, generic agents and a name finder.

``find_actors(text)`` returns :class:`Mention` records with a canonical actor, an
entity type (PERSON, ORGANIZATION, LOCATION, GROUP), a CAMEO-like sector and an ISO
alpha-3 country. It needs no downloaded model:

1. **Dictionary** (:mod:`analysis_lib.lexicon`): named organizations and countries with
   their aliases (``IS``, ``ISIS``, ``Daesh`` -> Islamic State), matched case-sensitively
   by one Aho-Corasick automaton; generic agents (``soldiers``, ``militants``) and
   institution nouns matched case-insensitively by a second one.
2. **State institutions**: a demonym, country name or possessive followed by an
   institution noun becomes one mention (``Syrian army``, ``Russia’s Defence Ministry``
   -> ``Syrian military`` / ``Russian military``, MIL).
3. **Name finder**: remaining capitalized spans (with name particles such as ``al-``,
   ``bin``, ``Abu``), titles and ranks stripped (``Brigadier General Melquiades
   Ordiales``), typed from cues: titles and role words, ``said``, appositions,
   organization words (Ministry, Brigade, Front, …), place words and gazetteers,
   given names. Sentence-initial common words and ALL-CAPS text are not names.
4. **Aliases inside the text**: short forms of people (``Carandang`` -> Arnel
   Carandang), acronyms defined in parentheses (``Syrian Democratic Forces (SDF)``) and
   contextual short names (``the Observatory`` once the Syrian Observatory for Human
   Rights was named). :func:`resolve_corpus_aliases` does the same across articles.
"""

from __future__ import annotations

import bisect
import operator
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from analysis_lib.casing import is_all_caps, restore_case
from analysis_lib.lexicon import (
    ASCII_LOWER,
    ROLE_WORDS,
    ActorInfo,
    Institution,
    Lexicon,
    load_lexicon,
)
from analysis_lib.names import get_name_finder, remember_person, sentence_initial
from analysis_lib.records import Mention

#: The entity types of a Mention (GROUP: generic agents such as "soldiers" or "civilians").
ENTITY_TYPES = ("PERSON", "ORGANIZATION", "LOCATION", "GROUP")


class _Hit(NamedTuple):
    start: int
    end: int
    info: ActorInfo | None
    institution: object | None  # lexicon.Institution


def _folded_text(text: str) -> str:
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else text.translate(ASCII_LOWER)


def _dictionary_hits(text: str, lex: Lexicon) -> list[_Hit]:
    """Bounded matches of both automata, sorted by start (each automaton's own matches do
    not overlap; where the two start at the same place the case-sensitive one comes first)."""
    hits: list[_Hit] = []
    add = hits.append
    size = len(text)
    isalnum = str.isalnum
    make = tuple.__new__
    for automaton, haystack in ((lex.exact, text), (lex.folded, _folded_text(text))):
        for last, (length, info, institution) in automaton.iter_long(haystack):
            start, end = last - length + 1, last + 1
            if (start == 0 or not isalnum(text[start - 1])) and (
                end == size or not isalnum(text[end])
            ):
                add(make(_Hit, (start, end, info, institution)))
    hits.sort(key=_START)
    return hits


_START = operator.itemgetter(0)


_POSSESSIVE = frozenset({" ", "'s ", "’s "})
_MODIFIER_GAP = re.compile(r"(?:-(?:backed|linked|led|allied|affiliated|inspired|run|held))?\s")


STATE_SECTORS = frozenset({"MIL", "COP", "GOV", "SPY", "LEG", "JUD"})


def _is_state_noun(hit: _Hit) -> bool:
    """An institution noun, or an agent noun of a state sector (``service members``)."""
    if hit.institution is not None:
        return True
    return hit.info is not None and hit.info.kind == "agent" and hit.info.sector in STATE_SECTORS


def _institution_mention(text: str, prefix: _Hit, noun: _Hit, end: int, lex: Lexicon) -> Mention:
    inst = noun.institution or Institution(noun.info.actor, "GROUP", noun.info.sector)
    adjective = lex.adjectives.get(prefix.info.country, prefix.info.actor)
    if inst.entity_type == "PERSON":
        actor, etype, method = f"{adjective} {inst.noun.lower()}", "PERSON", "office"
    else:
        actor = f"{adjective} {ROLE_WORDS.get(inst.sector, inst.noun.lower())}"
        etype, method = "ORGANIZATION", "institution"
    return Mention(
        prefix.start, end, text[prefix.start : end], actor, etype, inst.sector,
        prefix.info.country, method,
    )  # fmt: skip


def _compose(text: str, hits: list[_Hit], lex: Lexicon) -> list[Mention]:
    """Turn raw hits into mentions: institutions, agents, organizations, countries."""
    mentions: list[Mention] = []
    new = tuple.__new__  # faster than the named tuple's own constructor, in this hot loop
    i, n = 0, len(hits)
    while i < n:
        hit = hits[i]
        nxt = hits[i + 1] if i + 1 < n else None
        info = hit.info
        if info is not None and info.kind in ("demonym", "country") and nxt is not None:
            gap = text[hit.end : nxt.start]
            allowed = _POSSESSIVE if info.kind == "country" else {" "}
            if _is_state_noun(nxt) and gap in allowed:
                end, j = nxt.end, i + 2
                while (
                    j < n
                    and hits[j].start == end + 1
                    and text[end] == " "
                    and (
                        hits[j].institution is not None
                        or (hits[j].info is not None and hits[j].info.kind == "agent")
                    )
                ):
                    end, j = hits[j].end, j + 1
                mentions.append(_institution_mention(text, hit, nxt, end, lex))
                i = j
                continue
        if info is None and hit.institution is not None:
            hit = _head_agent(text, hit, lex)  # "government troops" -> "troops"
            info = hit.info if hit is not None else None
        if info is not None and info.kind != "demonym":
            start, end = hit.start, hit.end
            mentions.append(
                new(Mention, (start, end, text[start:end], info.actor, info.entity_type, info.sector,
                              info.country, info.kind, "", -1))
            )  # fmt: skip
        i += 1
    return _filter_agents(text, mentions, lex)


def _head_agent(text: str, hit: _Hit, lex: Lexicon) -> _Hit | None:
    """The last word of an uncomposed institution phrase, when it is an agent noun."""
    space = text.rfind(" ", hit.start, hit.end)
    if space == -1:
        return None
    found = lex.folded.get(_folded_text(text[space + 1 : hit.end]), None)
    if found is None or found[1] is None:
        return None
    return _Hit(space + 1, hit.end, found[1], None)


def _filter_agents(text: str, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """Drop generic-agent nouns that are not actors in their own right.

    * ``Islamic State militants``: the organization before the noun is the actor;
    * ``Islamist militants``, ``rebel-held``, ``government side``: the noun modifies another;
    * ``1st Marine Brigade``, ``Scout Rangers``: a capitalized noun inside a name.
    """
    kept: list[Mention] = []
    last = len(mentions) - 1
    prone, followers = lex.cues["modifier_prone"], lex.cues["head_follower"]
    for k, m in enumerate(mentions):
        if m.method == "agent":
            prev = kept[-1] if kept else None
            if (
                prev is not None
                and prev.method == "organization"
                and _MODIFIER_GAP.fullmatch(text, prev.end, m.start)
            ):
                continue
            if _is_modifier(text, m, mentions[k + 1] if k < last else None, prone, followers):
                continue
            if m.text[0].isupper() and _inside_proper_name(text, m):
                continue
        kept.append(m)
    return kept


_CAPITAL_BEFORE = re.compile(r"(?:[A-Z][\w’'-]*|\d+(?:st|nd|rd|th)) $")
_CAPITAL_AFTER = re.compile(r" [A-Z]")


def _inside_proper_name(text: str, m: Mention) -> bool:
    """A capitalized agent word inside a name (``1st Marine Brigade``, ``Scout Rangers``)."""
    if not m.text[0].isupper() or sentence_initial(text, m.start):
        return False
    before = text[max(0, m.start - 30) : m.start]
    return bool(_CAPITAL_BEFORE.search(before) or _CAPITAL_AFTER.match(text, m.end))


def _is_modifier(
    text: str, m: Mention, nxt: Mention | None, prone: frozenset[str], followers: frozenset[str]
) -> bool:
    end = m.end
    if end < len(text) and text[end] == "-" and end + 1 < len(text) and text[end + 1].isalpha():
        return True  # rebel-held, government-backed
    if (
        nxt is not None
        and nxt.start == end + 1
        and text[end] == " "
        and nxt.method in ("agent", "institution")
    ):
        return True
    if m.text.lower() not in prone:
        return False
    follower = _WORD_AFTER.match(text, end)
    if follower is None:
        return False
    word = follower.group(1)
    return word.islower() and word not in followers and not word.endswith("ed")


_WORD_AFTER = re.compile(r" ([A-Za-z’']+)")


def _select(mentions: Iterable[Mention]) -> list[Mention]:
    """Leftmost-longest, non-overlapping."""
    chosen: list[Mention] = []
    last_end = -1
    for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if m.start >= last_end:
            chosen.append(m)
            last_end = m.end
    return chosen


def find_dictionary_actors(text: str, *, lexicon: Lexicon | None = None) -> list[Mention]:
    """Dictionary, institution and agent mentions only (no name finder, no aliases).

    Example:
        >>> [(m.text, m.actor, m.sector, m.country) for m in
        ...  find_dictionary_actors("The Syrian army and Daesh militants fought in Raqqa.")]
        [('Syrian army', 'Syrian military', 'MIL', 'SYR'), ('Daesh', 'Islamic State', 'REB', '')]
    """
    lex = lexicon or load_lexicon()
    return _select(_compose(text, _dictionary_hits(text, lex), lex))


# --------------------------------------------------------------------------- aliases

_DEFINITION = re.compile(r"(?:['’]s)?\s*\((?P<acr>[A-Z][A-Za-z0-9&.-]{1,9})\)")


def _resolve_in_text(text: str, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """Acronyms defined in parentheses, person short forms, and contextual short names
    (``Observatory``) once the full name was mentioned earlier in the text."""
    by_surface: dict[str, Mention] = {}
    seen_actors: set[str] = set()
    contextual = lex.contextual
    resolved = []
    for m in mentions:
        if m.method == "agent":  # generic agents take no part in aliases
            resolved.append(m)
            continue
        canon = by_surface.get(m.text)
        if canon is not None and m.method in ("name", "acronym", "gazetteer"):
            m = m._replace(actor=canon.actor, entity_type=canon.entity_type, sector=canon.sector or m.sector,
                           country=canon.country or m.country, method="alias")  # fmt: skip
        else:
            info = contextual.get(m.text)
            if info is not None and info.actor in seen_actors and info.actor != m.actor:
                m = m._replace(actor=info.actor, entity_type=info.entity_type, sector=info.sector,
                               country=info.country, method="alias")  # fmt: skip
        if m.entity_type == "PERSON" and m.method != "alias" and " " in m.actor:
            remember_person(m.actor, m, by_surface)
        if "(" in text[m.end : m.end + 4] and m.entity_type != "GROUP":
            definition = _DEFINITION.match(text, m.end)
            if definition and _initials_fit(definition.group("acr"), m.text):
                by_surface.setdefault(definition.group("acr"), m)
        seen_actors.add(m.actor)
        resolved.append(m)
    return resolved


def _initials_fit(acronym: str, name: str) -> bool:
    """Whether an acronym can abbreviate a name: its first letter starts one of the name's words.

    Example:
        >>> _initials_fit("NAVCENT", "U.S. Naval Forces Central Command"), _initials_fit("KPC", "Syrian Democratic Forces")
        (True, False)
    """
    return acronym[0] in {word[0].upper() for word in name.split() if word}


def find_actors(
    text: str, *, backend: str = "rules", lexicon: Lexicon | None = None
) -> list[Mention]:
    """Find actor mentions in a text.

    Args:
        text: Any text (an article body, a sentence).
        backend: ``"rules"`` (default, no model needed) or ``"spacy"`` (uses an
            installed spaCy pipeline's entities, with our dictionary for canonical
            names and roles).
        lexicon: A lexicon to use instead of the shipped one.

    Returns:
        Mentions sorted by position, non-overlapping. Text in capitals is read with
        its case restored (:func:`~analysis_lib.casing.restore_case`).

    Example:
        >>> text = ("Captain Arnel Carandang of the Philippines Army said IS fighters held Marawi. "
        ...         "Carandang said Syrian troops were not involved.")
        >>> [(m.text, m.actor, m.entity_type, m.sector) for m in find_actors(text)]  # doctest: +NORMALIZE_WHITESPACE
        [('Arnel Carandang', 'Arnel Carandang', 'PERSON', 'MIL'),
         ('Philippines Army', 'Philippine military', 'ORGANIZATION', 'MIL'),
         ('IS', 'Islamic State', 'ORGANIZATION', 'REB'),
         ('Marawi', 'Marawi', 'LOCATION', ''),
         ('Carandang', 'Arnel Carandang', 'PERSON', 'MIL'),
         ('Syrian troops', 'Syrian military', 'ORGANIZATION', 'MIL')]
    """
    if backend == "spacy":
        from analysis_lib.spacy_backend import find_actors_spacy

        return find_actors_spacy(text, lexicon=lexicon)
    if backend != "rules":
        raise ValueError(f"unknown backend {backend!r}: expected 'rules' or 'spacy'")
    lex = lexicon or load_lexicon()
    if is_all_caps(text) and len(text.split()) >= 4:  # not a bare acronym such as "IS"
        # Wire copy and bulletins in capitals: restore the case of prose first (same
        # offsets; line breaks as spaces so wrapped names stay whole), report the text.
        restored = restore_case(text, lexicon=lex).replace("\n", " ")
        return [m._replace(text=text[m.start : m.end]) for m in _find_by_rules(restored, lex)]
    return _find_by_rules(text, lex)


def _find_by_rules(text: str, lex: Lexicon) -> list[Mention]:
    dictionary = _select(_compose(text, _dictionary_hits(text, lex), lex))
    finder = get_name_finder(lex)
    taken = [(m.start, m.end) for m in dictionary]
    offices = {m.end: m for m in dictionary if m.method == "office"}
    names = finder.find(text, taken, offices)
    merged = _merge_neighbours(text, sorted(dictionary + names), lex)
    merged = _drop_titles_and_roles(text, merged, lex)
    return _resolve_in_text(text, merged, lex)


def _merge_neighbours(text: str, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """One pass over adjacent mentions: merge the pairs that make one name, drop headings.

    * ``U.S. Central Command``: a country directly before an organization;
    * ``Palmyra, Syria``: a place and the country or state after it (actor: the place);
    * ``Lake Chad``: a place word before a place;
    * a mention that is a whole line of a longer text is a section heading, not a mention.
    """
    out: list[Mention] = []
    prefixes = lex.cues["place_prefix"]
    org_words = lex.cues["org_suffix"]
    kinds = lex.place_kinds
    for m in mentions:
        if (m.start == 0 or text[m.start - 1] == "\n") and _is_heading(text, m):
            continue
        prev = out[-1] if out else None
        if prev is None or m.start - prev.end > 2:
            out.append(m)
            continue
        gap = text[prev.end : m.start]
        if (
            gap == " "
            and prev.method == "country"
            and m.entity_type == "ORGANIZATION"
            and (
                m.method in ("name", "organization")
                and m.country in ("", prev.country)
                and not m.text[0].isdigit()
            )
        ):
            surface = text[prev.start : m.end]
            actor = surface if m.method == "name" else m.actor
            out[-1] = m._replace(start=prev.start, text=surface, actor=actor, country=prev.country)
        elif (
            gap == ", "
            and prev.entity_type == m.entity_type == "LOCATION"
            and prev.method != "country"
            and (m.method == "country" or kinds.get(m.text) == "admin1")
        ):
            out[-1] = prev._replace(
                end=m.end, text=text[prev.start : m.end], country=m.country or prev.country
            )
        elif (
            gap == " "
            and prev.method == "name"
            and prev.entity_type == m.entity_type == "ORGANIZATION"
            and (prev.text.rsplit(" ", 1)[-1] in org_words)
        ):  # "U.S. Naval Forces" + "Central Command": one name
            surface = text[prev.start : m.end]
            out[-1] = prev._replace(end=m.end, text=surface, actor=surface)
        elif gap == " " and prev.text in prefixes and m.entity_type == "LOCATION":
            surface = text[prev.start : m.end]
            out[-1] = m._replace(start=prev.start, text=surface, actor=surface, method="name")
        else:
            out.append(m)
    return out


def _is_heading(text: str, m: Mention) -> bool:
    """A mention that is a whole line of a longer text (``Syria`` as a section heading)."""
    line_start = text.rfind("\n", 0, m.start) + 1
    if text[line_start : m.start].strip():
        return False
    line_end = text.find("\n", m.end)
    line = text[line_start : line_end if line_end != -1 else len(text)]
    return line.strip() == m.text and len(text.strip()) > len(m.text)


_ROLE_BEFORE_NAME = re.compile(r",? (?:[A-Z][a-z]*\.? ){0,3}")  # titles the name finder stripped
_APPOSITION_LEFT = re.compile(r", (?:(?:a|an|the|its|his|her|their)\s)?(?:[a-z-]+\s){0,2}$")


def _possessive_country(office: Mention, lex: Lexicon) -> Mention | None:
    """The country named in a possessive office title (``Australia’s Defense Minister``)."""
    for mark in ("’s ", "'s "):
        name, found, _ = office.text.partition(mark)
        if found:
            hit = lex.exact.get(name, None)
            if hit is not None and hit[1] is not None and hit[1].kind == "country":
                info = hit[1]
                return Mention(
                    office.start,
                    office.start + len(name),
                    name,
                    info.actor,
                    "LOCATION",
                    "",
                    info.country,
                    "country",
                )
    return None


def _drop_titles_and_roles(text: str, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """Role nouns that title or describe a named person are not actors themselves.

    ``defense minister, Delfin Lorenzana`` and ``Jose Maria Cuerpo, deputy commander of``:
    the person is the mention, the role noun is not; an office such as ``Turkish Prime
    Minister`` right before a name is the person's title.
    """
    out = []
    last = len(mentions) - 1
    for k, m in enumerate(mentions):
        if m.method == "agent" or m.method == "office":
            nxt = mentions[k + 1] if k < last else None
            if (
                nxt is not None
                and nxt.entity_type == "PERSON"
                and _ROLE_BEFORE_NAME.fullmatch(text, m.end, nxt.start)
            ):
                country = _possessive_country(m, lex) if m.method == "office" else None
                if country is not None:  # "Australia’s Defense Minister Marise Payne"
                    out.append(country)
                continue
            prev = mentions[k - 1] if k > 0 else None
            if (
                m.method == "agent"
                and prev is not None
                and prev.entity_type == "PERSON"
                and _APPOSITION_LEFT.fullmatch(text, prev.end, m.start)
            ):
                continue
        out.append(m)
    return out


def assign_sentences(mentions: Sequence[Mention], sentence_starts: Sequence[int]) -> list[Mention]:
    """Set each mention's sentence index from sorted sentence start offsets.

    Example:
        >>> ms = [Mention(0, 2, "IS", "Islamic State", "ORGANIZATION"),
        ...       Mention(30, 35, "Syria", "Syria", "LOCATION")]
        >>> [m.sentence for m in assign_sentences(ms, [0, 20])]
        [0, 1]
    """
    return _place_in_article(mentions, sentence_starts, None)


def _place_in_article(
    mentions: Sequence[Mention], sentence_starts: Sequence[int], article_id: str | None
) -> list[Mention]:
    new, right = tuple.__new__, bisect.bisect_right
    return [
        new(Mention, (*m[:8], m.article_id if article_id is None else article_id,
                      max(0, right(sentence_starts, m.start) - 1)))
        for m in mentions
    ]  # fmt: skip


def find_article_actors(
    article_id: str,
    body: str,
    sentence_starts: Sequence[int],
    *,
    backend: str = "rules",
    lexicon: Lexicon | None = None,
) -> list[Mention]:
    """Mentions of one article body with ``article_id`` and sentence indices set.

    Example:
        >>> ms = find_article_actors("a#001", "Troops advanced. IS fled Raqqa.", [0, 17])
        >>> [(m.text, m.sentence) for m in ms]
        [('Troops', 0), ('IS', 1), ('Raqqa', 1)]
    """
    mentions = find_actors(body, backend=backend, lexicon=lexicon)
    return _place_in_article(mentions, sentence_starts, article_id)


def resolve_corpus_aliases(mentions: Sequence[Mention]) -> list[Mention]:
    """Resolve short person names across articles when the corpus names one person so.

    A one-word PERSON mention that no article resolved (``Payne`` in an article that
    never gives the full name) takes the full name when exactly one full name in the
    corpus ends with that word (``Marise Payne``). Ambiguous short names stay as they are.
    This is a corpus-level reduce step: the result does not depend on the order of the
    mentions (ambiguity is decided on the set of full names; a full name's sector and
    country are the ones its mentions give most often).

    Example:
        >>> ms = [Mention(0, 12, "Marise Payne", "Marise Payne", "PERSON", "GOV", "AUS", "title", "a"),
        ...       Mention(5, 10, "Payne", "Payne", "PERSON", method="name", article_id="b")]
        >>> [m.actor for m in resolve_corpus_aliases(ms)]
        ['Marise Payne', 'Marise Payne']
    """
    return apply_corpus_aliases(mentions, corpus_alias_map(count_full_names(mentions)))


def count_full_names(
    mentions: Iterable[Mention], counts: dict[str, tuple[Counter, Counter]] | None = None
) -> dict[str, tuple[Counter, Counter]]:
    """Full person names of some mentions with the sectors and countries they are given.

    The map step of :func:`resolve_corpus_aliases`: call it on each article's mentions
    with the same ``counts`` to gather the corpus (order does not matter).

    Example:
        >>> ms = [Mention(0, 12, "Marise Payne", "Marise Payne", "PERSON", "GOV", "AUS")]
        >>> count_full_names(ms)["Marise Payne"][0]["GOV"]
        1
    """
    counts = {} if counts is None else counts
    for m in mentions:
        if m.entity_type == "PERSON" and " " in m.actor:
            sectors, countries = counts.setdefault(m.actor, (Counter(), Counter()))
            sectors[m.sector] += bool(m.sector)
            countries[m.country] += bool(m.country)
    return counts


def corpus_alias_map(counts: dict[str, tuple[Counter, Counter]]) -> dict[str, tuple[str, str, str]]:
    """Short name -> (full name, sector, country) where exactly one full name fits.

    Example:
        >>> from collections import Counter
        >>> corpus_alias_map({"Marise Payne": (Counter({"GOV": 1}), Counter({"AUS": 1}))})["Payne"]
        ('Marise Payne', 'GOV', 'AUS')
    """
    full_by_short: dict[str, set[str]] = {}
    for actor in counts:
        short: dict[str, str] = {}
        remember_person(actor, actor, short)
        for key in short:
            full_by_short.setdefault(key, set()).add(actor)
    resolved = {}
    for key, candidates in full_by_short.items():
        if len(candidates) == 1:
            (full,) = candidates
            sectors, countries = counts[full]
            resolved[key] = (full, _most_given(sectors), _most_given(countries))
    return resolved


def apply_corpus_aliases(
    mentions: Iterable[Mention], aliases: dict[str, tuple[str, str, str]]
) -> list[Mention]:
    """Give one-word person mentions the full name the corpus knows (see above)."""
    out = []
    for m in mentions:
        if m.entity_type == "PERSON" and " " not in m.actor and m.actor in aliases:
            full, sector, country = aliases[m.actor]
            m = m._replace(actor=full, sector=m.sector or sector, country=m.country or country,
                           method="alias")  # fmt: skip
        out.append(m)
    return out


def _most_given(counts: Counter[str]) -> str:
    """The value given most often (ties: the first in sorted order), or ``""`` if none.

    Example:
        >>> _most_given(Counter({"GOV": 2, "MIL": 2, "": 0})), _most_given(Counter({"": 0}))
        ('GOV', '')
    """
    given = [(-n, value) for value, n in counts.items() if n]
    return min(given)[1] if given else ""
