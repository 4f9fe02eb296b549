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
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from analysis_lib.lexicon import (
    ASCII_LOWER,
    ROLE_WORDS,
    ActorInfo,
    Institution,
    Lexicon,
    load_lexicon,
)

ENTITY_TYPES = ("PERSON", "ORGANIZATION", "LOCATION", "GROUP")


@dataclass(frozen=True)
class Mention:
    """One actor mention; ``start``/``end`` are offsets into the text searched."""

    start: int
    end: int
    text: str
    actor: str
    entity_type: str
    sector: str = ""
    country: str = ""
    method: str = "dictionary"
    article_id: str = ""
    sentence: int = -1


# --------------------------------------------------------------------------- dictionary


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    info: ActorInfo | None
    institution: object | None  # lexicon.Institution


def _bounded(text: str, start: int, end: int) -> bool:
    return (start == 0 or not text[start - 1].isalnum()) and (
        end == len(text) or not text[end].isalnum()
    )


def _folded_text(text: str) -> str:
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else text.translate(ASCII_LOWER)


def _dictionary_hits(text: str, lex: Lexicon) -> list[_Hit]:
    hits = []
    for automaton, haystack in ((lex.exact, text), (lex.folded, _folded_text(text))):
        for last, (length, info, institution) in automaton.iter_long(haystack):
            start, end = last - length + 1, last + 1
            if _bounded(text, start, end):
                hits.append(_Hit(start, end, info, institution))
    hits.sort(key=lambda h: (h.start, -h.end))
    return hits


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
            mentions.append(
                Mention(hit.start, hit.end, text[hit.start : hit.end], info.actor,
                        info.entity_type, info.sector, info.country, info.kind)
            )  # fmt: skip
        i += 1
    return _drop_modifier_agents(text, _drop_modified_agents(text, mentions))


def _head_agent(text: str, hit: _Hit, lex: Lexicon) -> _Hit | None:
    """The last word of an uncomposed institution phrase, when it is an agent noun."""
    space = text.rfind(" ", hit.start, hit.end)
    if space == -1:
        return None
    found = lex.folded.get(_folded_text(text[space + 1 : hit.end]), None)
    if found is None or found[1] is None:
        return None
    return _Hit(space + 1, hit.end, found[1], None)


#: Words that may follow an agent noun used as the head of its phrase ("the government said").
HEAD_FOLLOWERS = frozenset(
    [
        "said",
        "says",
        "say",
        "told",
        "added",
        "has",
        "have",
        "had",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "being",
        "will",
        "would",
        "could",
        "should",
        "can",
        "may",
        "might",
        "must",
        "did",
        "does",
        "do",
        "also",
        "still",
        "now",
        "then",
        "who",
        "whom",
        "whose",
        "which",
        "that",
        "and",
        "or",
        "but",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "with",
        "by",
        "as",
        "into",
        "over",
        "against",
        "near",
        "after",
        "before",
        "during",
        "since",
        "across",
        "around",
        "about",
        "under",
        "without",
        "within",
        "than",
        "while",
        "when",
        "where",
        "if",
        "so",
        "not",
        "had've's",
    ]
)
#: Agent nouns that are mostly modifiers in the singular ("Islamist rebels", "government side").
MODIFIER_PRONE = frozenset(
    [
        "islamist",
        "militant",
        "jihadi",
        "jihadist",
        "rebel",
        "insurgent",
        "government",
        "military",
        "local",
        "family",
        "civilian",
        "marine",
        "sniper",
        "commander",
        "police",
        "opposition",
        "security",
        "terrorist",
        "extremist",
        "separatist",
        "tribal",
        "refugee",
        "migrant",
        "student",
        "worker",
        "army",
        "regime",
    ]
)


def _drop_modifier_agents(text: str, mentions: list[Mention]) -> list[Mention]:
    """Drop agent nouns that modify a following noun (``Islamist militants``, ``rebel-held``)."""
    kept = []
    for k, m in enumerate(mentions):
        if m.method == "agent" and (
            _is_modifier(text, m, mentions[k + 1] if k + 1 < len(mentions) else None)
            or _inside_proper_name(text, m)
        ):
            continue
        kept.append(m)
    return kept


_CAPITAL_BEFORE = re.compile(r"(?:[A-Z][\w’'-]*|\d+(?:st|nd|rd|th)) $")
_CAPITAL_AFTER = re.compile(r" [A-Z]")


def _inside_proper_name(text: str, m: Mention) -> bool:
    """A capitalized agent word inside a name (``1st Marine Brigade``, ``Scout Rangers``)."""
    if not m.text[0].isupper() or _sentence_initial(text, m.start):
        return False
    before = text[max(0, m.start - 30) : m.start]
    return bool(_CAPITAL_BEFORE.search(before) or _CAPITAL_AFTER.match(text, m.end))


def _is_modifier(text: str, m: Mention, nxt: Mention | None) -> bool:
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
    if m.text.lower() not in MODIFIER_PRONE:
        return False
    follower = _WORD_AFTER.match(text, end)
    if follower is None:
        return False
    word = follower.group(1)
    return word.islower() and word not in HEAD_FOLLOWERS and not word.endswith("ed")


_WORD_AFTER = re.compile(r" ([A-Za-z’']+)")


def _drop_modified_agents(text: str, mentions: list[Mention]) -> list[Mention]:
    """``Islamic State militants``: the organization is the actor, not the noun."""
    kept: list[Mention] = []
    for m in mentions:
        prev = kept[-1] if kept else None
        if (
            m.method == "agent"
            and prev is not None
            and prev.method == "organization"
            and _MODIFIER_GAP.fullmatch(text, prev.end, m.start)
        ):
            continue
        kept.append(m)
    return kept


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


# --------------------------------------------------------------------------- name finder

_ABBREV_WORDS = "Gen|Lt|Col|Maj|Capt|Sgt|Sen|Rep|Gov|Dr|Mr|Mrs|Ms|Prof|St|Brig|Adm|Cpl|Pvt|Cmdr|Rev|Jr|Sr|Mt|Ft|Spc"
_ABBREV = r"(?:" + _ABBREV_WORDS + r")\."
_TOKEN = (
    r"(?:\d{1,3}(?:st|nd|rd|th)(?=[ ][A-Z])|"
    + _ABBREV
    + r"|(?:[A-Z]\.){2,}|[A-Z]\.(?=[ ][A-Z])|[A-Z][\w'’]*(?:-[\w'’]+)*"
    r"|(?:al|el|ad|as|ash|az|an|ar|at|bin|ibn|abu|bint)-[A-Z][\w'’]*(?:-[\w'’]+)*)"
)
_JOIN = (
    r"(?:[ ](?:(?:al|el|bin|ibn|bint|abu|de|da|del|della|di|du|van|von|der|den|le|la|dos|das|ul|ud"
    r"|of|for|of[ ]the|for[ ]the)[ ])?)"
)
_CANDIDATE = re.compile(r"(?<![\w’'-])" + _TOKEN + r"(?:" + _JOIN + _TOKEN + r")*")
_SENTENCE_START = frozenset(".!?:;\n“\"‘'([—–-")
_MONTH_NAMES = frozenset({"April", "May", "June", "August"})  # also given names / surnames
_DAY_AFTER = re.compile(r" \d")
_TIME_BEFORE = re.compile(
    r"\b(?:in|since|until|till|by|from|early|late|mid|last|next|this|of)\s$", re.I
)


def _is_date(text: str, start: int, end: int) -> bool:
    """``May 23``, ``in May``: the month reading of April/May/June/August."""
    return bool(_DAY_AFTER.match(text, end) or _TIME_BEFORE.search(text[max(0, start - 8) : start]))


_CONNECTORS = frozenset(
    [
        "al",
        "el",
        "bin",
        "ibn",
        "bint",
        "abu",
        "de",
        "da",
        "del",
        "della",
        "di",
        "du",
        "van",
        "von",
        "der",
        "den",
        "le",
        "la",
        "dos",
        "das",
        "ul",
        "ud",
        "of",
        "for",
        "the",
    ]
)
#: Capitalized words that never start or end a name (days, months, function words).
NON_NAME_WORDS = frozenset(
    [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "By",
        "For",
        "From",
        "To",
        "Of",
        "And",
        "But",
        "Or",
        "If",
        "As",
        "It",
        "Its",
        "He",
        "She",
        "They",
        "We",
        "I",
        "You",
        "This",
        "That",
        "These",
        "Those",
        "There",
        "Here",
        "When",
        "While",
        "After",
        "Before",
        "Since",
        "During",
        "Despite",
        "Although",
        "However",
        "Meanwhile",
        "Also",
        "Still",
        "Yet",
        "So",
        "Then",
        "Now",
        "Some",
        "Many",
        "Most",
        "All",
        "Both",
        "Each",
        "Every",
        "No",
        "Not",
        "Only",
        "His",
        "Her",
        "Their",
        "Our",
        "My",
        "Your",
        "Mr",
        "Mrs",
        "Ms",
    ]
)

ORG_WORDS = frozenset(
    [
        "Ministry",
        "Council",
        "Forces",
        "Force",
        "Army",
        "Brigade",
        "Brigades",
        "Battalion",
        "Battalions",
        "Division",
        "Front",
        "Observatory",
        "Party",
        "Movement",
        "Group",
        "Command",
        "Corps",
        "Service",
        "Services",
        "Agency",
        "Committee",
        "Commission",
        "Union",
        "League",
        "Coalition",
        "Alliance",
        "Court",
        "Police",
        "Guard",
        "Guards",
        "Bank",
        "University",
        "Institute",
        "Organization",
        "Organisation",
        "Association",
        "Foundation",
        "Company",
        "Corporation",
        "Corp",
        "Corp.",
        "Inc",
        "Inc.",
        "Ltd",
        "Ltd.",
        "Authority",
        "Department",
        "Office",
        "Network",
        "News",
        "Times",
        "Post",
        "Journal",
        "Television",
        "TV",
        "Radio",
        "Unit",
        "Units",
        "Regiment",
        "Squadron",
        "Fleet",
        "Navy",
        "Assembly",
        "Parliament",
        "Congress",
        "Senate",
        "Cabinet",
        "Government",
        "Administration",
        "Commandos",
        "Rangers",
        "Mission",
        "Centre",
        "Center",
        "Tribunal",
        "Federation",
        "Society",
        "Club",
        "Directorate",
        "Secretariat",
        "Board",
        "Bureau",
        "Airlines",
        "Airways",
        "Group",
        "Holdings",
        "Industries",
        "Media",
        "Press",
        "Brotherhood",
        "Jihad",
        "Taliban",
        "Legion",
        "Battalions",
        "Crescent",
        "Cross",
        "Watch",
        "Fund",
        "Program",
        "Programme",
        "Project",
        "Partners",
        "Council",
        "Courts",
        "Association",
        "Academy",
        "College",
        "Mission",
        "Embassy",
        "Consulate",
        "Party",
        "Front",
        "Movement",
        "Alliance",
    ]
)
LOC_WORDS = frozenset(
    [
        "Province",
        "City",
        "Valley",
        "River",
        "Mountains",
        "Mountain",
        "Street",
        "Road",
        "Boulevard",
        "Square",
        "Bridge",
        "Airport",
        "Base",
        "Camp",
        "Field",
        "Fields",
        "Station",
        "District",
        "Region",
        "Governorate",
        "Island",
        "Islands",
        "Lake",
        "Sea",
        "Gulf",
        "Strait",
        "Border",
        "Desert",
        "Neighborhood",
        "Neighbourhood",
        "Quarter",
        "Village",
        "Town",
        "County",
        "Peninsula",
        "Highway",
        "Avenue",
        "Park",
        "Port",
        "Harbour",
        "Harbor",
        "Plain",
        "Plains",
        "Hills",
        "Hill",
        "Coast",
        "Oasis",
        "Canal",
        "Dam",
        "Crossing",
        "Checkpoint",
        "Prison",
        "Palace",
        "Stadium",
        "Refinery",
        "Oilfield",
        "Countryside",
        "Heights",
        "Strip",
        "Bay",
        "Forest",
        "Basin",
        "Mosque",
        "Church",
        "Cathedral",
        "Hospital",
        "School",
        "Market",
        "Bazaar",
        "Hotel",
        "Mall",
        "Compound",
    ]
)
LOC_PREFIXES = frozenset(["Mount", "Lake", "Gulf", "Port", "Cape", "Fort", "Camp", "Al"])
_PLACE_CUES_BEFORE = frozenset(
    [
        "in",
        "near",
        "at",
        "from",
        "to",
        "into",
        "outside",
        "across",
        "around",
        "toward",
        "towards",
        "via",
        "through",
        "of",
        "between",
    ]
)
_PLACE_CUES_AFTER = re.compile(
    r"\s+(?:province|city|region|district|governorate|countryside|border|town|village|area|"
    r"valley|neighbou?rhood|state|county)\b"
)
_SAID_AFTER = re.compile(r"[,]?\s+(?:said|says|told|added|wrote|tweeted|asked|explained)\b")
_SAID_BEFORE = re.compile(r"\b(?:said|says|told|according to)\s+$")
_APPOSITION = re.compile(r",\s+(?:a|an|the)\s+[a-z]")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&-]{1,9}s?")


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i].isspace():
        if text[i] == "\n":
            return True
        i -= 1
    if i < 0:
        return True
    if text[i] == "." and _ABBREV_BEFORE.search(text, max(0, i - 12), i + 1):
        return False  # "U.S. Naval Forces", "Lt. Gen. Ali"
    return text[i] in _SENTENCE_START


_ABBREV_BEFORE = re.compile(r"\b(?:(?:[A-Z]\.){2,}|[A-Z]\.|(?:" + _ABBREV_WORDS + r")\.)$")


def _is_caps_line(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end != -1 else len(text)]
    letters = [ch for ch in line if ch.isalpha()]
    return len(letters) > 6 and all(ch.isupper() for ch in letters)


@dataclass
class _Candidate:
    start: int
    end: int
    tokens: list[tuple[int, int]]  # token spans
    title_sector: str | None = None
    title_country: str = ""


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    for m in re.finditer(r"\S+", text[start:end]):
        spans.append((start + m.start(), start + m.end()))
    return spans


_SERVICES = frozenset(
    {"Navy", "Army", "Marine", "Marines", "Air", "Force", "Corps", "Coast", "Guard"}
)
#: Words that qualify a title ("Deputy Secretary", "Senior Chief Petty Officer", "Press Secretary").
TITLE_MODIFIERS = frozenset(
    [
        "Deputy",
        "Acting",
        "Former",
        "Vice",
        "Senior",
        "Chief",
        "Special",
        "Press",
        "Assistant",
        "Associate",
        "Executive",
        "Interim",
        "First",
        "Second",
        "Staff",
        "Master",
        "Command",
        "Lance",
        "Petty",
        "Rear",
        "Grand",
        "Supreme",
        "Principal",
        "Under",
        "Junior",
        "Foreign",
        "Defense",
        "Defence",
        "Interior",
        "Prime",
        "Finance",
        "Justice",
        "Health",
        "Home",
        "State",
        "Presidential",
    ]
)


def _strip_titles(text: str, cand: _Candidate, lex: Lexicon) -> None:
    """Remove leading titles and ranks; a stripped title makes the rest a PERSON.

    Handles service branches and qualifiers: ``Navy Capt. Jeff Davis``, ``Deputy
    Secretary of State Tony Blinken``, ``Senior Chief Petty Officer Scott C. Dayton``.
    """
    toks = cand.tokens
    words = [text[s:e] for s, e in toks]
    i, sector, has_title = 0, "", False
    while i < len(words) - 1:
        word = words[i]
        found = lex.title_words.get(word, lex.title_words.get(word.rstrip(".")))
        if found is not None:
            has_title, sector, i = True, found or sector, i + 1
        elif word in TITLE_MODIFIERS or (word in _SERVICES and i + 2 < len(words)):
            i += 1
        elif word in ("of", "for") and has_title and i + 2 < len(words):
            i += 2  # "Secretary of State", "Minister for Foreign Affairs"
        else:
            break
    if not has_title or i == 0 or i >= len(words) or words[i] in _CONNECTORS:
        return
    rest = words[i:]
    if all(_is_common(w, lex) for w in rest) and not any(
        w in lex.surnames or w in lex.given_names for w in rest
    ):
        return  # "General Electric": not a title before a name
    phrase = " ".join(words[:i])
    cand.title_sector = lex.titles.get(phrase, sector)
    cand.tokens = toks[i:]
    cand.start = cand.tokens[0][0]


def _trim(text: str, cand: _Candidate, lex: Lexicon, initial: bool) -> None:
    """Drop a sentence-initial common word, connectors at the edges, and trailing periods."""
    toks = cand.tokens
    if initial and toks and _is_common(text[toks[0][0] : toks[0][1]], lex, strong=True):
        toks = toks[1:]
    for k, (s, e) in enumerate(toks):  # a day or month ends the name ("Yildirim on Monday")
        if text[s:e] in NON_NAME_WORDS and not (
            text[s:e] in _MONTH_NAMES and not _is_date(text, s, e)
        ):
            toks = toks[:k] if k else toks[1:]
            break
    while toks and text[toks[0][0] : toks[0][1]] in _CONNECTORS:
        toks = toks[1:]
    while toks and text[toks[-1][0] : toks[-1][1]] in _CONNECTORS:
        toks = toks[:-1]
    cand.tokens = toks
    if toks:
        cand.start, cand.end = toks[0][0], toks[-1][1]


#: Zipf frequency above which a capitalized sentence-initial word is read as an ordinary
#: word even when it is also a name or place ("Much", "Young", "May").
VERY_COMMON_ZIPF = 4.5


def _is_common(word: str, lex: Lexicon, *, strong: bool = False) -> bool:
    """Whether a capitalized word is an ordinary English word rather than a name.

    Names and places win over the word list, except, with ``strong`` (a sentence-initial
    word), for very frequent words.
    """
    bare = word.rstrip(".").replace("’", "'")
    low = bare.lower()
    if bare in NON_NAME_WORDS:
        return True
    zipf = lex.common_words.get(low)
    if strong and zipf is not None and zipf >= VERY_COMMON_ZIPF:
        return True
    if bare in lex.given_names or bare in lex.places:
        return False
    return zipf is not None or bare in lex.nationality_words


def _type_candidate(
    text: str, cand: _Candidate, lex: Lexicon, known: dict[str, Mention]
) -> Mention | None:
    surface = text[cand.start : cand.end]
    words = [text[s:e] for s, e in cand.tokens]
    if cand.title_sector is not None:
        return _mention(
            cand, surface, surface, "PERSON", cand.title_sector, cand.title_country, "title"
        )
    alias = known.get(surface)
    if alias is not None:
        return _mention(
            cand, surface, alias.actor, alias.entity_type, alias.sector, alias.country, "alias"
        )
    if _not_an_actor(words, lex):
        return None
    if len(words) == 1 and _ACRONYM.fullmatch(surface):
        return _mention(cand, surface, surface, "ORGANIZATION", "", "", "acronym")
    last = words[-1]
    if last in ORG_WORDS:
        return _mention(cand, surface, surface, "ORGANIZATION", "", "", "name")
    if last in LOC_WORDS or (words[0] in LOC_PREFIXES and len(words) > 1):
        return _mention(cand, surface, surface, "LOCATION", "", lex.places.get(surface, ""), "name")
    before = text[max(0, cand.start - 40) : cand.start]
    role_sector = _role_word_before(before, lex)
    if role_sector is not None:
        return _mention(cand, surface, surface, "PERSON", role_sector, "", "name")
    if surface in lex.places and not (words[0] in lex.given_names and len(words) > 1):
        return _mention(cand, surface, surface, "LOCATION", "", lex.places[surface], "gazetteer")
    after = text[cand.end : cand.end + 40]
    if _PLACE_CUES_AFTER.match(after):
        return _mention(cand, surface, surface, "LOCATION", "", "", "name")
    if len(words) >= 2 and (words[0] in lex.given_names or words[-1] in lex.surnames):
        return _mention(cand, surface, surface, "PERSON", "", "", "name")
    if _SAID_AFTER.match(after) or _SAID_BEFORE.search(before) or _APPOSITION.match(after):
        return _mention(cand, surface, surface, "PERSON", "", "", "name")
    prev_word = before.rsplit(None, 1)[-1] if before.strip() else ""
    if prev_word in _PLACE_CUES_BEFORE:
        return _mention(cand, surface, surface, "LOCATION", "", "", "name")
    if len(words) == 1:
        if _is_common(surface, lex):
            return None
        if surface in lex.surnames or surface in lex.given_names:
            return _mention(cand, surface, surface, "PERSON", "", "", "name")
        return _mention(cand, surface, surface, "ORGANIZATION", "", "", "name")
    if any(_is_common(w, lex) for w in words if w not in _CONNECTORS):
        return _mention(cand, surface, surface, "ORGANIZATION", "", "", "name")
    return _mention(cand, surface, surface, "PERSON", "", "", "name")


#: Capitalized names that are not actors: operations, dates, holidays, ships.
_NON_ACTOR_FIRST = frozenset(
    {"Operation", "HMS", "USS", "FS", "INS", "HMAS", "HMCS", "USNS", "RFS"}
)
_NON_ACTOR_LAST = frozenset({"Day", "Time", "Eve", "Week", "Year", "Month", "Ramadan", "Eid"})


def _not_an_actor(words: list[str], lex: Lexicon) -> bool:
    """Operations, ships, dates, weapon acronyms, single letters and nationality words."""
    if words[0] in _NON_ACTOR_FIRST or words[-1] in _NON_ACTOR_LAST:
        return True
    if len(words) == 1:
        word = words[0]
        if len(word.rstrip(".")) == 1 or word.rstrip("s") in lex.non_actor_acronyms:
            return True
        if "-" in word and all(_is_common(part, lex) for part in word.split("-") if part):
            return True  # "Ground-based", "Kurdish-Arab"
    return all(w in lex.nationality_words or w in _CONNECTORS for w in words)


def _role_word_before(before: str, lex: Lexicon) -> str | None:
    """The sector of a role word right before a name (``governor Nestor …`` -> GOV), else None."""
    words = before.replace(",", " ").split()
    if not words or words[-1].lower() not in lex.role_words:
        return None
    return lex.titles.get(words[-1].capitalize(), "")


def _mention(
    cand: _Candidate, surface: str, actor: str, etype: str, sector: str, country: str, method: str
) -> Mention:
    if etype == "LOCATION" and actor == surface:
        actor = _place_actor(surface)
    return Mention(cand.start, cand.end, surface, actor, etype, sector, country, method)


_PLACE_DESIGNATOR = re.compile(r"\s+(?:City|Province|Governorate|River|Region|District)$")


def _place_actor(name: str) -> str:
    """``Marawi City`` -> ``Marawi``; ``Euphrates River`` -> ``Euphrates``."""
    stripped = _PLACE_DESIGNATOR.sub("", name)
    return stripped or name


def _free_segments(start: int, end: int, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Parts of [start, end) not covered by taken spans (sorted, non-overlapping)."""
    segments = []
    pos = start
    i = bisect.bisect_left(taken, (start, -1))
    if i > 0 and taken[i - 1][1] > start:
        i -= 1
    while i < len(taken) and taken[i][0] < end:
        s, e = taken[i]
        if s > pos:
            segments.append((pos, s))
        pos = max(pos, e)
        i += 1
    if pos < end:
        segments.append((pos, end))
    return segments


_POSSESSIVE_END = re.compile(r"['’]s?(?=\s|$)")


def _name_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a free segment at possessives (``Marawi’s Grand Mosque``) and trim it."""
    pieces = []
    pos = start
    for m in _POSSESSIVE_END.finditer(text, start, end):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, end))
    out = []
    for s, e in pieces:
        while s < e and text[s] in " -":
            s += 1
        while e > s and text[e - 1] in " -'’":
            e -= 1
        if s < e and (
            text[s].isupper() or text[s].isdigit() or text[s : s + 3] in _LOWER_PARTICLES
        ):
            out.append((s, e))
    return out


_LOWER_PARTICLES = frozenset(
    {"al-", "el-", "ad-", "as-", "an-", "ar-", "at-", "az-", "bin", "ibn", "abu"}
)


def _name_mention(
    text: str,
    start: int,
    end: int,
    lex: Lexicon,
    offices: dict[int, Mention],
    known: dict[str, Mention],
) -> Mention | None:
    cand = _Candidate(start, end, _tokens(text, start, end))
    office = offices.get(start - 1)
    last = text[cand.tokens[-1][0] : cand.tokens[-1][1]]
    if office is not None:
        cand.title_sector, cand.title_country = office.sector, office.country
    elif last not in LOC_WORDS and last not in ORG_WORDS:
        _strip_titles(text, cand, lex)
    _trim(text, cand, lex, cand.start == start and _sentence_initial(text, start))
    if not cand.tokens or _is_caps_line(text, cand.start, cand.end):
        return None
    words = [text[s:e] for s, e in cand.tokens]
    if len(words) > 1 and all(w.isupper() and len(w) > 3 for w in words):
        return None  # a phrase in capitals (a subhead), not a name
    if len(words) == 1 and lex.folded.get(_folded_text(words[0]), None) is not None:
        return None  # an agent or institution noun ("Islamist", "Military")
    return _type_candidate(text, cand, lex, known)


def _find_names(text: str, dictionary: list[Mention], lex: Lexicon) -> list[Mention]:
    taken = [(m.start, m.end) for m in dictionary]
    offices = {m.end: m for m in dictionary if m.method == "office"}
    known: dict[str, Mention] = {}
    found: list[Mention] = []
    for match in _CANDIDATE.finditer(text):
        for seg_start, seg_end in _free_segments(match.start(), match.end(), taken):
            for start, end in _name_pieces(text, seg_start, seg_end):
                mention = _name_mention(text, start, end, lex, offices, known)
                if mention is None:
                    continue
                found.append(mention)
                if mention.entity_type == "PERSON":
                    _remember_person(mention, known)
    return found


def _remember_person(m: Mention, known: dict[str, Mention]) -> None:
    parts = m.actor.split()
    if parts and parts[-1][:3] in ("al-", "el-"):
        known.setdefault(parts[-1][3:], m)  # "Assad" for "Bashar al-Assad"
    if len(parts) >= 2:
        known.setdefault(parts[-1], m)
        if not parts[0].endswith("."):
            known.setdefault(parts[0], m)
        core = [p for p in parts if p.lower() not in _CONNECTORS]
        if core:
            known.setdefault(core[-1], m)
        tail = m.actor.split(" ", 1)[1]
        known.setdefault(tail, m)


# --------------------------------------------------------------------------- aliases

_DEFINITION = re.compile(r"\s*\((?P<acr>[A-Z][A-Za-z0-9&.-]{1,9})\)")


def _resolve_in_text(text: str, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """Acronyms defined in parentheses, person short forms, contextual aliases."""
    by_surface: dict[str, Mention] = {}
    seen_actors: set[str] = set()
    resolved = []
    for m in mentions:
        canon = by_surface.get(m.text)
        if canon is not None and m.method in ("name", "acronym", "gazetteer"):
            m = replace(m, actor=canon.actor, entity_type=canon.entity_type, sector=canon.sector or m.sector,
                        country=canon.country or m.country, method="alias")  # fmt: skip
        if m.entity_type == "PERSON" and " " in m.actor:
            _remember_person(m, by_surface)
        definition = _DEFINITION.match(text, m.end)
        if definition and m.entity_type != "GROUP":
            by_surface.setdefault(definition.group("acr"), m)
        seen_actors.add(m.actor)
        resolved.append(m)
    return _add_contextual(text, resolved, lex, seen_actors)


def _add_contextual(
    text: str, mentions: list[Mention], lex: Lexicon, seen: set[str]
) -> list[Mention]:
    out = []
    for m in mentions:
        info = lex.contextual.get(m.text)
        if info is not None and info.actor in seen and info.actor != m.actor:
            m = replace(m, actor=info.actor, entity_type=info.entity_type, sector=info.sector,
                        country=info.country, method="alias")  # fmt: skip
        out.append(m)
    return out


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
        Mentions sorted by position, non-overlapping.

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
    dictionary = _select(_compose(text, _dictionary_hits(text, lex), lex))
    names = _find_names(text, dictionary, lex)
    merged = sorted(dictionary + names, key=lambda m: m.start)
    merged = _merge_country_prefixes(text, merged)
    merged = _drop_titles_and_roles(text, merged)
    return _resolve_in_text(text, merged, lex)


def _merge_country_prefixes(text: str, mentions: list[Mention]) -> list[Mention]:
    """``U.S. Central Command``: a country name directly before a found organization."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.method == "country"
            and m.entity_type == "ORGANIZATION"
            and m.method in ("name", "organization")
            and m.country in ("", prev.country)
            and not m.text[0].isdigit()
            and m.start == prev.end + 1
            and text[prev.end] == " "
        ):
            surface = text[prev.start : m.end]
            actor = surface if m.method == "name" else m.actor
            out[-1] = replace(m, start=prev.start, text=surface, actor=actor, country=prev.country)
            continue
        out.append(m)
    return out


_ROLE_BEFORE_NAME = re.compile(r",? ")
_APPOSITION_LEFT = re.compile(r", (?:(?:a|an|the|its|his|her|their)\s)?(?:[a-z-]+\s){0,2}$")


def _drop_titles_and_roles(text: str, mentions: list[Mention]) -> list[Mention]:
    """Role nouns that title or describe a named person are not actors themselves.

    ``defense minister, Delfin Lorenzana`` and ``Jose Maria Cuerpo, deputy commander of``:
    the person is the mention, the role noun is not; an office such as ``Turkish Prime
    Minister`` right before a name is the person's title.
    """
    out = []
    for k, m in enumerate(mentions):
        nxt = mentions[k + 1] if k + 1 < len(mentions) else None
        prev = mentions[k - 1] if k > 0 else None
        if m.method in ("agent", "office"):
            if (
                nxt is not None
                and nxt.entity_type == "PERSON"
                and _ROLE_BEFORE_NAME.fullmatch(text, m.end, nxt.start)
            ):
                continue
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
    return [
        replace(m, sentence=max(0, bisect.bisect_right(sentence_starts, m.start) - 1))
        for m in mentions
    ]


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
    return [replace(m, article_id=article_id) for m in assign_sentences(mentions, sentence_starts)]


def resolve_corpus_aliases(mentions: Sequence[Mention]) -> list[Mention]:
    """Resolve short person names across articles when the corpus names one person so.

    A one-word PERSON mention that no article resolved (``Payne`` in an article that
    never gives the full name) takes the full name when exactly one full name in the
    corpus ends with that word (``Marise Payne``). Ambiguous short names stay as they are.

    Example:
        >>> ms = [Mention(0, 12, "Marise Payne", "Marise Payne", "PERSON", "GOV", "AUS", "title", "a"),
        ...       Mention(5, 10, "Payne", "Payne", "PERSON", method="name", article_id="b")]
        >>> [m.actor for m in resolve_corpus_aliases(ms)]
        ['Marise Payne', 'Marise Payne']
    """
    full_by_short: dict[str, set[str]] = {}
    persons = {m.actor: m for m in mentions if m.entity_type == "PERSON" and " " in m.actor}
    for actor in persons:
        short: dict[str, Mention] = {}
        _remember_person(persons[actor], short)
        for key in short:
            full_by_short.setdefault(key, set()).add(actor)
    out = []
    for m in mentions:
        if m.entity_type == "PERSON" and " " not in m.actor:
            candidates = full_by_short.get(m.actor, set())
            if len(candidates) == 1:
                full = persons[next(iter(candidates))]
                m = replace(m, actor=full.actor, sector=m.sector or full.sector,
                            country=m.country or full.country, method="alias")  # fmt: skip
        out.append(m)
    return out
