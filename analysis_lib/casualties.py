"""Casualty statements: how many were killed, injured, kidnapped, arrested, displaced, missing.

``find_casualties(text)`` reads every sentence that contains a trigger word and returns
one :class:`~analysis_lib.records.Casualty` per clause that asserts harm to people: its
category, count (low/high/qualifier, see :mod:`analysis_lib.numbers`), victims (type and
canonical actor), perpetrator, place, date, whether it is a running total, and who says
so. Every record keeps its sentence as evidence and the offsets of its count.

Rules (documented in the README, "Casualty statements"):

* **Triggers** in all their forms and in any case: killed, dead, died, death toll,
  fatalities, lost their lives, slain, executed, massacred, bodies; wounded, injured,
  hurt; kidnapped, abducted, taken hostage, captives, seized; arrested, detained,
  captured, rounded up; displaced, fled, homeless, refugees; missing.
* **Victims and counts**: the people phrase the trigger governs, by voice and form:
  the object of an active verb (``killed 40 people``), the subject of a passive or
  intransitive one (``381 civilians were killed``, ``three people died``), the phrase
  before an adjective (``leaving 12 dead``), the count of a noun (``95 deaths``, ``the
  death toll rose to 95``). No number: a singular victim (``a policeman``, a named
  person) counts 1, a plural one is ``unknown``. ``seized``, ``captured`` and
  ``fled`` count only people.
* **Not statements**: negated, hypothetical, intended or future harm (``no one was
  killed``, ``could have resulted in many lives being lost``, ``threatened to kill``,
  ``will be killed``), uncertain disjunctions (``either escaped or died``), definite
  nouns without a count (``the arrest was made``) and people counts without harm.
* **Perpetrator**: the named actor (organization, person, state institution) that is the
  subject of an active verb, or the agent after ``by``, or the actor of ``an X attack``;
  a generic agent (``a suicide bomber``) is not named.
* **Place**: the places of the sentence after a locative preposition (coordinated places
  joined with ``"; "``), else the dateline place; ``place_source`` says which.
* **Date**: the sentence's own date expression nearest to the trigger (the date of
  ``said on Tuesday`` is when it was said, not when it happened); else, for the lead
  sentence or headline, the article's reference date; else ``None``.
* **Cumulative**: ``since …``, ``so far``, ``in total``, ``to date``, ``in the same
  period``, ``the insurgency has left …``: running totals, never added to event counts.
* **Source**: the speaker of ``X said``, ``said X``, ``according to X``, ``X reported``,
  ``X told``; its canonical name when it is a named actor.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from analysis_lib import RESOURCE_DIR
from analysis_lib.actors import find_actors
from analysis_lib.casing import restore_case
from analysis_lib.numbers import QuantityMatch, find_quantities
from analysis_lib.records import Casualty, Mention

CATEGORIES = ("killed", "injured", "kidnapped", "arrested", "displaced", "missing")
QUALIFIERS = ("exact", "at_least", "at_most", "approximate", "vague", "unknown")

# --------------------------------------------------------------------------- triggers

#: (pattern, category, form). Forms: verb (transitive, active or passive), intrans
#: (subject is the victim), adj (victim before), toll (count after), noun (count
#: before), head (the trigger is the victims' noun), bodies, hostage.
_TRIGGER_TABLE = (
    (r"kill(?:s|ed|ing)?", "killed", "verb"),
    (
        r"shot\s+(?:dead|and\s+killed)|gunned\s+down|(?:hacked|stabbed|beaten|burned|burnt)\s+"
        r"to\s+death|slain|slew|slay(?:s|ed)?|execut(?:e|ed|es|ing)|massacr(?:e|ed|es|ing)|"
        r"murder(?:ed|ing)?|behead(?:ed|s|ing)?|assassinat(?:e|ed|es|ing)|lynch(?:ed|es|ing)?",
        "killed",
        "verb",
    ),
    (
        r"died|dies|die|dying|perished|perish(?:es)?|succumbed|"
        r"lost\s+(?:their|his|her)\s+li(?:ves|fe)",
        "killed",
        "intrans",
    ),
    (r"dead", "killed", "adj"),
    (r"(?:death|casualty)\s+toll|toll", "killed", "toll"),
    (r"deaths|fatalities|killings|executions|murders", "killed", "noun"),
    (r"death|assassinations?|slayings?|assasinations?|slaughter", "killed", "noun"),
    (r"maiming", "injured", "noun"),
    (r"bodies|corpses", "killed", "bodies"),
    (
        r"wound(?:s|ed|ing)?|injur(?:e|es|ed|ing)|hurt|maim(?:s|ed|ing)?|beat(?:s|en|ing)?",
        "injured",
        "verb",
    ),
    (r"lives", "killed", "noun"),
    (
        r"(?:suffered|sustained)\s+(?:(?:mostly|only|serious|minor|severe|gunshot|shrapnel|light|"
        r"critical|life-threatening|multiple)\s+){0,2}(?:burns|injuries|wounds)",
        "injured",
        "intrans",
    ),
    (r"injuries", "injured", "noun"),
    (r"kidnap(?:s|ped|ping)?|abduct(?:s|ed|ing)?|seiz(?:e|es|ed|ing)", "kidnapped", "verb"),
    (r"hostage", "kidnapped", "hostage"),
    (r"kidnappings|abductions|abduction", "kidnapped", "noun"),
    (r"hostages|captives", "kidnapped", "head"),
    (
        r"arrest(?:s|ed|ing)?|detain(?:s|ed|ing)?|captur(?:e|es|ed|ing)|"
        r"round(?:s|ed|ing)?\s+up|apprehend(?:s|ed|ing)?",
        "arrested",
        "verb",
    ),
    (r"detentions|detention", "arrested", "noun"),
    (
        r"jailed|imprisoned|in\s+(?:jail|prison|custody|detention)|behind\s+bars",
        "arrested",
        "adj",
    ),
    (r"displac(?:e|es|ed|ing)|uproot(?:s|ed)?", "displaced", "verb"),
    (r"fled|flee(?:s|ing)?", "displaced", "intrans"),
    (r"homeless", "displaced", "adj"),
    (r"refugees", "displaced", "head"),
    (r"missing|unaccounted\s+for|disappeared", "missing", "adj"),
    (r"disappearances?", "missing", "noun"),
)
_TRIGGER = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(f"(?P<t{i}>{p})" for i, (p, _, _) in enumerate(_TRIGGER_TABLE))
    + r")(?![\w-])",
    re.IGNORECASE,
)
# The same on lower-cased text, without IGNORECASE: about twice as fast to scan.
_TRIGGER_LOWER = re.compile(_TRIGGER.pattern)
#: Stems of every trigger: one Aho-Corasick scan of an article finds the sentences worth
#: reading (about one in seven in news); nothing else runs on the others.
HINT_STEMS = (
    "kill dead die death fatal lives slain slew execut massacr murder behead assassin lynch "
    "body bodies corpse toll perish succumb wound injur hurt maim burns kidnap abduct seiz "
    "hostage captive arrest detain detention captur rounded apprehend displac assasin slay "
    "disappearance jail prison custody bars beat victims uproot fled flee homeless refugee "
    "missing unaccounted disappeared gunned slaughter"
).split()


@functools.cache
def _hint_automaton():
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for stem in HINT_STEMS:
        automaton.add_word(stem, len(stem))
    automaton.make_automaton()
    return automaton


def hint_positions(text: str) -> list[int]:
    """Start offsets of trigger stems in ``text`` (any case), in order.

    Example:
        >>> hint_positions("Gunmen KILLED two; police said.")
        [7]
    """
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters change length when lowered
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    found = []
    for end, length in _hint_automaton().iter(lowered):
        start = end - length + 1
        if start == 0 or not lowered[start - 1].isalpha():  # "die" in "soldiers" is no hint
            found.append(start)
    found.sort()
    return found


def has_hint(text: str) -> bool:
    """True when ``text`` contains a trigger stem (the pre-filter of every sentence)."""
    return bool(hint_positions(text))


_NOMINAL_FORMS = frozenset({"noun", "head", "bodies", "toll"})
# Verb-form triggers that are nouns after a determiner: "a significant arrest".
_NOUN_LIKE = frozenset(
    [
        "arrest",
        "killing",
        "kidnapping",
        "murder",
        "massacre",
        "capture",
        "seizure",
        "abduction",
        "wounding",
    ]
)
# Base forms that, after "to", name an intention rather than an event.
_BASE_FORMS = frozenset(
    [
        "kill",
        "die",
        "wound",
        "injure",
        "hurt",
        "kidnap",
        "abduct",
        "seize",
        "arrest",
        "detain",
        "capture",
        "displace",
        "flee",
        "execute",
        "massacre",
        "murder",
        "behead",
        "assassinate",
        "round",
    ]
)

# --------------------------------------------------------------------------- words

_BE = (
    r"\b(?:was|were|is|are|be|been|being|am|get|gets|got|gotten|has\s+been|have\s+been|had\s+been)"
)
_ADVERBS = (
    r"(?:also|reportedly|allegedly|apparently|later|subsequently|then|now|still|already|"
    r"all|both|each|either|just|initially|eventually|since|previously|recently|"
    r"confirmed|believed|thought|said|reported|feared|found|left|seriously|badly|"
    r"critically|slightly|lightly|fatally|mortally|severely|not|never|ever)"
)
_PASSIVE_BEFORE = re.compile(rf"{_BE}(?:\s+{_ADVERBS})*\s+$", re.IGNORECASE)
_AUX_BEFORE = re.compile(
    rf"(?:(?:who|that|which)\s+)?"
    rf"(?:{_BE}|has|have|had|who|that|which|and|to|to\s+have|remain(?:s|ed)?|went|gone|go|"
    rf"(?:{_BE}\s+)?(?:forced|compelled|made)\s+to)(?:\s+{_ADVERBS})*\s+$"
    rf"|(?:{_ADVERBS}\s+)+$|^$",
    re.IGNORECASE,
)
_OBJECT_GAP = re.compile(
    r"(?:\s+(?:a\s+total\s+of|an\s+estimated|also|reportedly|at\s+least|another|nearly|"
    r"almost|some|up\s+to|off|more\s+than|over|as\s+many\s+as|the|all))*\s+$",
    re.IGNORECASE,
)
_NEGATION = re.compile(
    r"\b(?:no|not|never|none|nobody|neither|nor|without|cannot|failed\s+to)\b|n['’]t\b",
    re.IGNORECASE,
)
_MODAL = re.compile(
    r"\b(?:could|would|might|should|must|can|will|shall|threaten(?:s|ed|ing)?|"
    r"plan(?:s|ned|ning)?|plott?(?:s|ed|ing)?|intend(?:s|ed)?|intention|aim(?:s|ed|ing)?|"
    r"vow(?:s|ed)?|tr(?:y|ies|ied|ying)\s+to|attempt(?:s|ed|ing)?|prepar(?:e|es|ed|ing)|"
    r"fear(?:s|ed)?|risk(?:s|ed|ing)?|if|unless|whether|expected|likely|set\s+to|"
    r"going\s+to|about\s+to|want(?:s|ed)?\s+to|call(?:s|ed)?\s+for|urg(?:e|es|ed)|"
    r"order(?:s|ed)?\s+(?:\w+\s+)?to|warn(?:s|ed)?|sought\s+to|seek(?:s|ing)?\s+to|"
    r"hope(?:s|d)?|hopeful)\b|['’]ll\b",
    re.IGNORECASE,
)
_MAY_MODAL = re.compile(
    r"(?<!\bin\s)(?<!\bof\s)(?<!\bsince\s)(?<!\buntil\s)(?<!\bearly\s)(?<!\blate\s)"
    r"(?<!\bmid-)(?<!\blast\s)(?<!\bnext\s)(?<!\bthis\s)\bmay\b(?!\s*\d)",
    re.IGNORECASE,
)
_BOUNDARY = re.compile(
    r"[;:()“”\"—–]|,\s|\s-\s|\b(?:but|while|although|though|whereas|because|after|when|"
    r"before|as|where|since|until|and|or|which|who|whom|that|including)\b",
    re.IGNORECASE,
)
_HARD_BOUNDARY = re.compile(r"[;:()“”\"—–]|\s-\s|\b(?:but|while|although|whereas)\b", re.I)
_SUBSET_BEFORE = re.compile(
    r"(?:including|among\s+them|among\s+whom|of\s+whom|among\s+(?:the|those)\s+"
    r"(?:dead|killed|wounded|injured|victims|casualties)\s+(?:were|was|are|is))\s+$",
    re.IGNORECASE,
)
_PRONOUN = re.compile(r"\b(?:he|she|him|her|they|them)\b", re.IGNORECASE)
_STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "and",
        "or",
        "but",
        "nor",
        "of",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "to",
        "into",
        "onto",
        "against",
        "near",
        "after",
        "before",
        "during",
        "since",
        "about",
        "over",
        "under",
        "between",
        "among",
        "amid",
        "including",
        "than",
        "as",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "did",
        "do",
        "does",
        "will",
        "would",
        "could",
        "can",
        "may",
        "might",
        "should",
        "must",
        "said",
        "says",
        "told",
        "say",
        "who",
        "whom",
        "whose",
        "which",
        "when",
        "while",
        "where",
        "if",
        "because",
        "least",
        "more",
        "most",
        "no",
        "not",
        "never",
        "none",
        "also",
        "reportedly",
        "all",
        "both",
        "each",
        "their",
        "his",
        "her",
        "its",
        "our",
        "your",
        "my",
        "them",
        "they",
        "he",
        "she",
        "we",
        "i",
        "you",
        "it",
        "there",
        "here",
        "what",
        "how",
        "why",
        "some",
        "any",
        "such",
        "very",
        "so",
        "then",
        "now",
        "later",
        "still",
        "already",
        "just",
        "only",
    ]
)
_COLLECTIVE = frozenset({"team", "crew", "family"})
#: Participles that can stand before a people noun: "12 wounded soldiers", "the dead men".
_ATTRIBUTIVE = frozenset(
    "wounded injured dead killed kidnapped abducted detained arrested displaced missing "
    "murdered slain executed assassinated".split()
)
_DETERMINERS = {"a": 1, "an": 1, "one": 1, "another": 1, "the": 0, "this": 0, "that": 0}
_WORD = re.compile(r"[\w’'.-]+|[^\w\s]")
_LOCATIVE = re.compile(
    r"\b(?:in|near|at|outside|around|across|inside|throughout|from|on|into|of|towards?)"
    r"(?:\s+(?:the|a|an|northern|southern|eastern|western|northeast(?:ern)?|northwest(?:ern)?|"
    r"southeast(?:ern)?|southwest(?:ern)?|central|north|south|east|west|rural|restive|"
    r"embattled|besieged|neighbouring|neighboring|nearby|city\s+of|town\s+of|village\s+of|"
    r"province\s+of|region\s+of|outskirts\s+of|area\s+of|district\s+of|capital|border\s+town\s+of"
    r"))*\s+$",
    re.IGNORECASE,
)
_PLACE_JOIN = re.compile(r",\s+|\s+and\s+|,\s+and\s+", re.IGNORECASE)
_ATTACK_NOUN = (
    r"(?:attacks?|bombings?|suicide\s+bombings?|raids?|strikes?|air\s*strikes?|ambush(?:es)?|"
    r"assaults?|shelling|offensive|operations?|rocket\s+fire|mortar\s+fire|fire|gunfire)"
)
_ATTACK_BY = re.compile(rf"{_ATTACK_NOUN}\s+(?:\w+\s+){{0,3}}?by\s+$", re.IGNORECASE)
_CUMULATIVE = re.compile(
    r"\b(?:since|so\s+far|to\s+date|in\s+total|a\s+total\s+of|altogether|overall|in\s+all|"
    r"cumulative|in\s+the\s+same\s+period|over\s+the\s+(?:past|last)\s+(?:\w+\s+)?"
    r"(?:years?|months?|weeks?|decades?)|(?:war|conflict|insurgency|fighting|violence|"
    r"uprising|campaign|crisis)\s+(?:has|have|had)\s+(?:\w+\s+)?(?:killed|left|claimed))\b",
    re.IGNORECASE,
)
_SAY = r"(?:said|says|say|reported|reports|added|adds|confirmed|announced|stated|told|claimed|estimated|estimates|counted|documented|recorded)"
_SAY_AFTER = re.compile(rf"\b{_SAY}\b", re.IGNORECASE)
_SAID_BEFORE_NP = re.compile(r"\b(?:said|says|added|told|reported)\s+(?=\S)", re.IGNORECASE)
_ACCORDING = re.compile(r"\baccording\s+to\s+", re.IGNORECASE)
_NP_END = re.compile(
    r"[,.;:()“”\"—–!?]|\s-\s|\s+(?:on|in|last|earlier|this|who|which|that)\b", re.IGNORECASE
)
_HEADLINE_SOURCE = re.compile(r":\s*(?P<src>[A-Z][\w.’'&-]*(?:\s+[\w.’'&-]+){0,4})\s*$")
_LEADING = re.compile(r"^(?:[\s,“”\"'‘’(]|and\s|but\s)+", re.IGNORECASE)


@functools.cache
def _victim_nouns() -> dict[str, tuple[str, bool]]:
    """noun (lower case) -> (victim_type, is_plural), from resources/casualties/victims.csv."""
    nouns: dict[str, tuple[str, bool]] = {}
    with open(RESOURCE_DIR / "casualties" / "victims.csv", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or line.startswith("noun,"):
                continue
            singular, plurals, victim_type = line.rstrip("\n").split(",")
            if singular:
                nouns[singular.lower()] = (victim_type, False)
            for plural in filter(None, plurals.split("|")):
                nouns[plural.lower()] = (victim_type, True)
    nouns["police"] = ("police", True)
    nouns["personnel"] = ("soldiers", True)
    nouns["military personnel"] = ("soldiers", True)
    return nouns


class _NounHit:
    """A people noun found in a sentence (the shape of a regex match, cheaper to make)."""

    __slots__ = ("_end", "_start", "_text")

    def __init__(self, start: int, end: int, text: str):
        self._start, self._end, self._text = start, end, text

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self) -> str:
        return self._text


_NOUN_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


@functools.cache
def _noun_lengths() -> dict[str, tuple[int, ...]]:
    """First word of every people noun -> the word counts it comes in, longest first."""
    lengths: dict[str, set[int]] = {}
    for noun in _victim_nouns():
        words = noun.split()
        lengths.setdefault(words[0], set()).add(len(words))
    return {w: tuple(sorted(n, reverse=True)) for w, n in lengths.items()}


def _noun_hits(sent: str) -> list[_NounHit]:
    """People nouns of a sentence, longest first (``police officer`` over ``police``)."""
    nouns = _victim_nouns()
    first_words = _noun_lengths()
    words = list(_NOUN_WORD.finditer(sent))
    hits: list[_NounHit] = []
    i = 0
    while i < len(words):
        sizes = first_words.get(words[i].group().lower())
        if sizes is None:
            i += 1
            continue
        for n in sizes:
            if i + n > len(words):
                continue
            start, end = words[i].start(), words[i + n - 1].end()
            if n > 1 and not all(
                sent[words[k].end() : words[k + 1].start()].isspace() for k in range(i, i + n - 1)
            ):
                continue
            if n == 1 or " ".join(w.group().lower() for w in words[i : i + n]) in nouns:
                hits.append(_NounHit(start, end, sent[start:end]))
                i += n
                break
        else:
            i += 1
    return hits


_SECTOR_TYPES = {
    "MIL": "soldiers",
    "COP": "police",
    "GOV": "officials",
    "MED": "journalists",
    "REB": "militants",
    "UAF": "militants",
    "NGO": "aid workers",
    "REF": "refugees",
}

# --------------------------------------------------------------------------- records


@dataclass
class _Victim:
    """A people phrase in a sentence (offsets into the sentence)."""

    start: int
    end: int
    head_start: int
    head_end: int
    kind: str  # noun, bare, person, pronoun
    low: int | None
    high: int | None
    qualifier: str
    count_text: str | None = None
    count_start: int = -1
    count_end: int = -1
    victim_type: str | None = None
    victim: str | None = None
    subset: bool = False


@dataclass
class _Trigger:
    start: int
    end: int
    text: str
    category: str
    form: str


@dataclass(frozen=True)
class _Context:
    text: str
    mentions: tuple[Mention, ...]
    reference_date: str | None
    dateline_place: str | None
    sources: dict[str, str]


# --------------------------------------------------------------------------- victims


def _word_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start() + start, m.end() + start) for m in _WORD.finditer(text[start:end])]


def _victims(
    sent: str,
    quantities: list[QuantityMatch],
    mentions: Sequence[Mention],
    *,
    headline: bool = False,
) -> list[_Victim]:
    """Every people phrase of a sentence: nouns with their counts, persons, pronouns, bare counts."""
    nouns = _victim_nouns()
    all_caps = sent.upper() == sent
    orgs = [
        (m.start, m.end)
        for m in mentions
        if m.entity_type in ("ORGANIZATION", "LOCATION")
        and m.method not in ("institution", "agent")
    ]
    hits = [
        h for h in _noun_hits(sent) if not any(s <= h.start() and h.end() <= e for s, e in orgs)
    ]
    victims: list[_Victim] = []
    used_quantities: set[int] = set()
    k = 0
    while k < len(hits):
        hit = hits[k]
        first = hit
        # "civilian captives", "local commanders": a noun right before another is a modifier
        while k + 1 < len(hits) and re.fullmatch(
            r"\s+|-", sent[hits[k].end() : hits[k + 1].start()]
        ):
            k += 1
        head = hits[k]
        k += 1
        noun = " ".join(head.group().lower().split())
        victim_type, plural = nouns[noun]
        if first is not head:
            modifier_type = nouns[" ".join(first.group().lower().split())][0]
            if (
                victim_type in ("people", "hostages", "prisoners", "refugees")
                and modifier_type != "people"
            ):
                victim_type = modifier_type
        victim = _extend_left(sent, first.start(), head, victim_type, plural, quantities, headline)
        if victim is None:
            continue
        if victim.count_start >= 0:
            used_quantities.add(victim.count_start)
        victim.victim = _victim_actor(sent, victim, mentions)
        victims.append(victim)
    for m in mentions:
        if _is_person_like(m) and not any(
            v.start <= m.start < v.end or m.start <= v.start < m.end for v in victims
        ):
            victims.append(
                _Victim(
                    m.start,
                    m.end,
                    m.start,
                    m.end,
                    "person",
                    1,
                    1,
                    "exact",
                    victim_type=_SECTOR_TYPES.get(m.sector, "people"),
                    victim=m.actor,
                )
            )
        elif m.entity_type == "PERSON":
            for v in victims:  # "commander Vyacheslav Gladkikh": the person names the victim
                if v.start <= m.start < v.end + 2 or m.start <= v.start < m.end:
                    v.victim = m.actor
                    v.end = max(v.end, m.end)
    for q in quantities:
        if q.start in used_quantities or any(v.start <= q.start < v.end for v in victims):
            continue
        if _is_bare_count(sent, q):
            more = re.match(r"\s+(?:more|others|other\s+people)\b", sent[q.end :], re.IGNORECASE)
            end = q.end + (more.end() if more else 0)  # "five more were wounded"
            victims.append(_counted(q, q.start, end, "bare", "people"))
            continue
        head = _UNKNOWN_PLURAL.match(sent, q.end)
        if head and head.group("noun").lower() not in _THINGS:
            # "six Jesuits", "1,600 Peruvians": people the noun list lacks
            victims.append(_counted(q, head.start("noun"), head.end(), "other", "people"))
    for p in _PRONOUN.finditer(sent):
        word = p.group()
        initial = not sent[: p.start()].strip(" “\"‘'(")
        if not (word.islower() or all_caps or initial) or any(
            v.start <= p.start() < v.end for v in victims
        ):
            continue
        singular = word.lower() in ("he", "she", "him", "her")
        victims.append(
            _Victim(
                p.start(),
                p.end(),
                p.start(),
                p.end(),
                "pronoun",
                1 if singular else None,
                1 if singular else None,
                "exact" if singular else "unknown",
                victim_type="people",
            )
        )
    for v in victims:
        v.subset = bool(_SUBSET_BEFORE.search(sent[max(0, v.start - 40) : v.start]))
    victims.sort(key=lambda v: v.start)
    return victims


def _extend_left(
    sent: str,
    start: int,
    head: re.Match[str],
    victim_type: str,
    plural: bool,
    quantities: list[QuantityMatch],
    headline: bool,
) -> _Victim | None:
    """Grow a people noun leftwards over modifiers to its count or determiner."""
    words = _word_spans(sent, max(0, start - 80), start)
    np_start = start
    quantity: QuantityMatch | None = None
    determiner: str | None = None
    by_end = {q.end: q for q in quantities}
    modifiers = 0
    i = len(words) - 1
    while i >= 0:
        ws, we = words[i]
        word = sent[ws:we]
        lowered = word.lower()
        gap = sent[we:np_start]
        if gap.strip():
            break
        q = by_end.get(we)
        if q is not None:
            quantity, np_start = q, q.start
            break
        if (
            lowered == "of" and i > 0
        ):  # "hundreds of thousands of residents", "three of the soldiers"
            j = i - 1
            if sent[words[j][0] : words[j][1]].lower() in ("the", "them"):
                j -= 1
            q = by_end.get(words[j][1]) if j >= 0 else None
            if q is not None:
                quantity, np_start = q, q.start
            break
        if lowered in _DETERMINERS:
            determiner, np_start = lowered, ws
            if (
                lowered == "the"
                and i >= 2
                and sent[words[i - 1][0] : words[i - 1][1]].lower() == "of"
            ):
                q = by_end.get(words[i - 2][1])  # "one of the persons killed"
                if q is not None:
                    quantity, np_start = q, q.start
            break
        if lowered in _STOP_WORDS or not (word[0].isalnum()) or modifiers >= 5:
            break
        if _TRIGGER.fullmatch(word) and lowered not in _ATTRIBUTIVE:
            break
        np_start = ws
        modifiers += 1
        i -= 1
    if quantity is not None:
        if quantity.low is None and quantity.high is None:
            return None
        return _Victim(
            np_start, head.end(), head.start(), head.end(), "noun",
            quantity.low, quantity.high, quantity.qualifier, quantity.text,
            quantity.start, quantity.end, victim_type,
        )  # fmt: skip
    if head.group().lower() in _COLLECTIVE:
        plural = True  # "an oil exploration team": people, but how many is not said
    ends_phrase = re.match(
        r"\s*(?:$|[^\w\s]|(?:in|on|at|near|was|were|is|has|and|after|during|with|by|killed|"
        r"died|dies|wounded|injured|kidnapped|abducted|arrested|detained)\b)",
        sent[head.end() :],
        re.IGNORECASE,
    )
    if not plural and (determiner is not None or headline or (ends_phrase and modifiers)):
        # headlines drop articles: "kills Russian major general in Syria"
        return _Victim(
            np_start,
            head.end(),
            head.start(),
            head.end(),
            "noun",
            1,
            1,
            "exact",
            victim_type=victim_type,
        )
    if not plural and determiner is None and head.group().lower() in ("police",):
        plural = True
    if plural:
        return _Victim(
            np_start,
            head.end(),
            head.start(),
            head.end(),
            "noun",
            None,
            None,
            "unknown",
            victim_type=victim_type,
        )
    return None  # a bare singular noun ("officer") is a modifier or a title, not a victim


def _is_person_like(m: Mention) -> bool:
    """A person, or a name the name finder could not type (it may be a person)."""
    if m.entity_type == "PERSON":
        return True
    if m.entity_type != "ORGANIZATION" or m.method != "name" or any(c.isdigit() for c in m.text):
        return False
    from analysis_lib.lexicon import load_lexicon

    words = m.text.split()
    org_words = load_lexicon().cues["org_suffix"]
    return (2 <= len(words) <= 6 and not any(w.strip(".,") in org_words for w in words)) or (
        len(words) == 1 and m.text.istitle()
    )


def _counted(q: QuantityMatch, head_start: int, end: int, kind: str, victim_type: str) -> _Victim:
    """A victim phrase from a count up to its head noun."""
    return _Victim(
        start=q.start,
        end=end,
        head_start=head_start,
        head_end=end,
        kind=kind,
        low=q.low,
        high=q.high,
        qualifier=q.qualifier,
        count_text=q.text,
        count_start=q.start,
        count_end=q.end,
        victim_type=victim_type,
    )


_UNKNOWN_PLURAL = re.compile(
    r"(?:\s+(?!(?:and|or|of|in|on|at|by|for|from|with|to|were|was|are|is|have|has|had)\b)"
    r"[A-Za-z][\w.'’-]*){0,2}?\s+(?P<noun>[A-Za-z][a-z]*[a-rt-z]s|[A-Z]+[A-RT-Z]S)\b"
)
#: Plural nouns often counted in conflict news that are not people.
_THINGS = frozenset(
    """vehicles cars trucks tanks buses houses homes buildings villages towns cities
    positions bases rockets missiles shells bombs mines weapons rifles guns kilometers
    kilometres miles hectares tons tonnes barrels dollars euros pounds days weeks months
    years hours minutes times percent points districts provinces areas schools hospitals
    mosques churches roads bridges planes aircraft helicopters boats ships drones cattle
    cows sheep goats animals horses camels dogs shops stores offices banks branches
    attacks incidents bombings explosions operations raids strikes airstrikes cases
    rounds shots bullets grenades charges sticks kilos grams meters metres feet yards
    tents boxes bags bottles documents votes seats""".split()
)


def _is_bare_count(sent: str, q: QuantityMatch) -> bool:
    """``killed 12 in Kabul``, ``12 dead``: a count with no noun after it."""
    after = sent[q.end : q.end + 30]
    m = re.match(r"\s*([\w’'-]+|[^\w\s]|$)", after)
    if m is None or not m.group(1) or not m.group(1)[0].isalnum():
        return True
    word = m.group(1).lower()
    return word in _STOP_WORDS or word in ("others",) or _TRIGGER.fullmatch(m.group(1)) is not None


def _victim_actor(sent: str, victim: _Victim, mentions: Sequence[Mention]) -> str | None:
    """The named actor of a victim phrase, or of its unit (``soldiers from the 103rd Brigade``)."""
    for m in mentions:
        if m.entity_type not in ("ORGANIZATION", "PERSON") or m.method == "agent":
            continue
        if m.start < victim.end and victim.start < m.end:
            return m.actor
        if m.entity_type == "ORGANIZATION" and re.fullmatch(
            r"\s+(?:from|of)\s+(?:the\s+)?", sent[victim.end : m.start], re.IGNORECASE
        ):
            return m.actor
    return None


# --------------------------------------------------------------------------- triggers


def _triggers(sent: str) -> list[_Trigger]:
    found = []
    lowered = sent.lower()
    if len(lowered) != len(sent):
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in sent)
    for m in _TRIGGER_LOWER.finditer(lowered):
        index = int(m.lastgroup[1:])
        _, category, form = _TRIGGER_TABLE[index]
        word = m.group()
        if form == "verb" and word.endswith("s") and word in ("arrests", "wounds", "murders"):
            form = "noun" if _count_before(sent, m.start()) else form
        found.append(_Trigger(m.start(), m.end(), sent[m.start() : m.end()], category, form))
    return found


def _count_before(sent: str, start: int) -> bool:
    return bool(
        re.search(
            r"(?:\d|\b(?:an?|one|two|three|four|five|several|dozens|hundreds)\b)[\w\s,.-]{0,25}$",
            sent[max(0, start - 30) : start],
            re.I,
        )
    )


def _is_asserted(sent: str, trig: _Trigger, clause_start: int) -> bool:
    """False for negated, hypothetical, intended, future or disjunctive harm."""
    window = sent[clause_start : trig.start]
    if _NEGATION.search(window) and not re.search(r"\bnot\s+(?:only|least)\b", window, re.I):
        return False
    if _MODAL.search(window) or _may_is_modal(sent, clause_start, trig.start):
        return False
    before = sent[max(0, trig.start - 12) : trig.start].lower()
    if trig.text.lower() in _BASE_FORMS and re.search(r"\bto\s+$", before):
        return bool(
            re.search(
                r"\b(?:forced|had|have|has|compelled)\s+(?:\w+\s+){0,4}to\s+$",
                sent[max(0, trig.start - 60) : trig.start],
                re.I,
            )
        )
    if re.search(r"\bor\s+$", before) and re.search(r"\beither\b", window, re.I):
        return False
    return not sent.rstrip().endswith("?")


def _may_is_modal(sent: str, start: int, end: int) -> bool:
    for m in _MAY_MODAL.finditer(sent, start, end):
        if sent[m.start()] == "m" or not any(c.islower() for c in sent):
            return True
    return False


def _clause_start(sent: str, pos: int, *, hard: bool = False) -> int:
    """End of the last clause boundary before ``pos`` (0 when there is none)."""
    spans = _boundaries(sent, hard)
    at = bisect.bisect_right(spans, (pos, pos)) - 1
    while at >= 0 and spans[at][1] > pos:
        at -= 1  # a boundary that runs past pos does not count
    return spans[at][1] if at >= 0 else 0


@functools.lru_cache(maxsize=512)
def _boundaries(sent: str, hard: bool) -> list[tuple[int, int]]:
    """Clause boundaries of a sentence, found once (memoized on the sentence alone)."""
    pattern = _HARD_BOUNDARY if hard else _BOUNDARY
    return [m.span() for m in pattern.finditer(sent)]


# --------------------------------------------------------------------------- roles


def _victims_for(sent: str, trig: _Trigger, victims: list[_Victim]) -> list[_Victim]:
    """The victims a trigger governs, by its form and voice."""
    form = trig.form
    after = [v for v in victims if v.start >= trig.end]
    before = [v for v in victims if v.end <= trig.start]
    inside = [v for v in victims if v.start <= trig.start and trig.end <= v.head_start]
    if inside and trig.text.lower() in _ATTRIBUTIVE:
        return inside[:1]  # "the wounded mother", "12 wounded soldiers were evacuated"
    if form in ("head",):
        return [
            v
            for v in victims
            if v.head_start <= trig.start and trig.end <= v.head_end and v.count_text
        ]
    if form in ("noun", "verb") and trig.text.lower() in _EVENT_NOUNS:
        event = _event_noun_victims(sent, trig, victims)
        if event is not None:
            return event
    if form == "noun":
        counted = _nominal_count(sent, trig, victims)
        return [counted] if counted else []
    if form == "toll" or _is_number_of(sent, trig):
        # "the death toll rose to 95", "bringing the number killed this month to 93"
        v = _toll_count(sent, trig, victims)
        return [v] if v else []
    if form == "bodies":
        return _bodies(sent, trig, victims)
    if form == "hostage":
        return _hostages(sent, trig, victims)
    if form == "list":
        return [v for v in after if v.kind in ("person", "noun") and not v.subset]
    if re.search(
        r"\b(?:the|those)\s+$", sent[max(0, trig.start - 7) : trig.start], re.I
    ) and form in (
        "adj",
        "verb",
    ):
        if re.search(r"\bamong\s+the\s+$", sent[max(0, trig.start - 12) : trig.start], re.I):
            # "two of whom were among the dead"
            subject = [
                v
                for v in before
                if re.fullmatch(
                    r"\s+(?:of\s+whom\s+)?(?:were|was|are|is)\s+(?:also\s+)?among\s+the\s+",
                    sent[v.end : trig.start],
                    re.I,
                )
            ]
            if subject:
                return subject[-1:]
        found = [
            v
            for v in after
            if re.fullmatch(
                r"\s+(?:were|was|are|is|included?|includes)\s+", sent[trig.end : v.start], re.I
            )
        ]  # "among the dead were four children", "the wounded included a judge"
        if found:
            group = [found[0]]
            for v in after:
                if v.start > group[-1].end and re.fullmatch(
                    r"\s*(?:,\s*)?(?:and|as\s+well\s+as)\s+", sent[group[-1].end : v.start], re.I
                ):
                    group.append(v)
            return group
        if form == "adj":
            return []
    passive = bool(_PASSIVE_BEFORE.search(sent[max(0, trig.start - 60) : trig.start]))
    if form == "verb" and not passive:
        if trig.text.lower() in _NOUN_LIKE and re.search(
            r"\b(?:a|an|the|this|that|his|her|their|its|one)\s+(?:[\w-]+\s+){0,2}$",
            sent[max(0, trig.start - 40) : trig.start],
            re.IGNORECASE,
        ):
            counted = _nominal_count(sent, trig, victims)  # "a significant arrest"
            return [counted] if counted else []
        objects = _coordinated(sent, after, trig.end)
        if objects:
            return objects
        if re.search(r"\b(?:a|an|the)\s+$", sent[max(0, trig.start - 4) : trig.start], re.I):
            return []  # "the killing", "a kidnapping": a noun, not a verb
        if before and _adjacent(sent, before[-1].end, trig.start) and _no_object(sent, trig.end):
            return [before[-1]]  # "12 killed in blast", "civilians killed by IS"
        return []  # "the man we arrested": a back-reference, not a new statement
    # passive verbs, intransitives, adjectives: the subject before
    return _subject_victims(sent, trig, before)


_EVENT_NOUNS = frozenset(
    """murder murders assassination assassinations assasination assasinations killing killings
    massacre massacres slaying slayings execution executions death deaths kidnapping
    kidnappings abduction abductions arrest arrests detention detentions disappearance
    disappearances wounding injuries slaughter maiming""".split()
)
_ATTEMPT = re.compile(
    r"\b(?:attempted|attempt(?:s|ed)?\s+(?:at|to)|failed|foiled|plot(?:ted)?\s+(?:to|for)|alleged)\s+$",
    re.I,
)


def _event_noun_victims(sent: str, trig: _Trigger, victims: list[_Victim]) -> list[_Victim] | None:
    """``the murder of X and Y``, ``X's murder``, ``injuries to a child``; None if neither."""
    before = sent[max(0, trig.start - 30) : trig.start]
    after = sent[trig.end : trig.end + 12]
    if re.search(r"\bto\s+$", before) and trig.text.lower() == "death":
        return []  # "sentenced 20 men to death": a sentence, not a casualty
    if _ATTEMPT.search(before) or re.match(
        r"\s+(?:attempts?|plots?|threats?|squads?|penalty|sentences?|row)\b", after, re.I
    ):
        return []  # "attempted assassination", "death threats", "death squad"
    after = sent[trig.end : trig.end + 40]
    link = re.match(
        r"(?:\s+(?:last|yesterday|today|this|on|early|late)\b[\w\s]{0,20}?)?"
        r"(?:\s+and\s+[a-z]+(?:ing|ter|tion|der)s?)?\s+(?:of|to|against)\s+(?:the\s+)?",
        after,
        re.IGNORECASE,
    )
    if link and (
        re.search(r"\bof\s+(?:the\s+)?$", link.group(), re.IGNORECASE)
        or trig.text.lower() == "injuries"
    ):
        group: list[_Victim] = []
        pos = trig.end + len(link.group())
        for v in victims:
            if v.start < pos:
                continue
            gap = sent[pos : v.start]
            if group and not re.fullmatch(
                r"(?:\s+(?:of|from|at|in)\s+[^,;]{1,50}?)?(?:,[^,;]{0,80}|\s*--[^-]{1,60}--)?\s*(?:,\s*)?"
                r"(?:and|as\s+well\s+as)\s+(?:of\s+)?(?:(?:their|his|her|the)\s+)?|,\s*",
                gap,
                re.I,
            ):
                break
            if not group and gap.strip() and not _title_gap(" " + gap, v):
                break
            group.append(v)
            pos = v.end
        return group
    owner = re.search(r"\b(his|her|their)\s+$", before, re.IGNORECASE)
    if owner:  # "following his arrest": one person, named earlier
        one = owner.group(1).lower() != "their"
        start = trig.start - len(owner.group())
        return [
            _Victim(
                start,
                trig.end,
                trig.start,
                trig.end,
                "pronoun",
                1 if one else None,
                1 if one else None,
                "exact" if one else "unknown",
                victim_type="people",
            )
        ]
    for v in victims:
        if v.kind == "person" and re.fullmatch(
            r"\s*['’]s?\s+(?:[\w-]+\s+){0,2}", sent[v.end : trig.start], re.IGNORECASE
        ):
            return [v]  # "Lopez Albujar's murder"
    return None


_ACCUSED_OF = re.compile(
    r"\b(?:accused|charged|convicted|suspected|arrested|jailed|sentenced|tried|blamed|"
    r"responsible)\s+(?:\w+\s+){0,2}(?:of|with|for)\s+$",
    re.IGNORECASE,
)


def _is_event_of(sent: str, trig: _Trigger) -> bool:
    """``the slaying of seven demonstrators``: the noun presupposes the event."""
    return trig.text.lower() in _EVENT_NOUNS and bool(
        re.match(r"\s+(?:of|to)\s", sent[trig.end : trig.end + 5], re.IGNORECASE)
    )


def _is_number_of(sent: str, trig: _Trigger) -> bool:
    """``the number killed``, ``the number of people wounded``: a running figure follows."""
    return trig.form in ("verb", "adj") and bool(
        re.search(
            r"\bnumber\s+(?:of\s+(?:[\w-]+\s+){0,2})?$",
            sent[max(0, trig.start - 30) : trig.start],
            re.IGNORECASE,
        )
    )


_SEGMENT_BREAK = re.compile(r"[,;:()“”\"—–]")


def _segment(sent: str, start: int, end: int) -> tuple[int, int]:
    """The stretch between punctuation breaks around ``start``…``end``."""
    lo = 0
    for m in _SEGMENT_BREAK.finditer(sent, 0, start):
        if not (sent[m.start()] == "," and sent[m.start() - 1 : m.start()].isdigit()):
            lo = m.end()
    hi = len(sent)
    for m in _SEGMENT_BREAK.finditer(sent, end):
        if not (sent[m.start()] == "," and sent[m.end() : m.end() + 1].isdigit()):
            hi = m.start()
            break
    return lo, hi


def _no_object(sent: str, pos: int) -> bool:
    """Nothing an active verb could take as object follows: ``12 killed in blast``."""
    if _TIME_AFTER.match(sent, pos):
        return True  # "a union leader killed 13 days ago", "12 killed yesterday"
    m = re.match(r"\s*([\w’'-]+|[^\w\s]|$)", sent[pos : pos + 30])
    word = m.group(1).lower() if m else ""
    return not word or not word[0].isalnum() or (word in _STOP_WORDS and word not in _DETERMINERS)


_TIME_AFTER = re.compile(
    r"\s+(?:\w+\s+)?(?:days?|weeks?|months?|years?|hours?)\s+ago\b|\s+(?:today|yesterday|tonight|"
    r"overnight|earlier|recently|last\s+\w+|this\s+\w+|on\s+(?:monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday))\b",
    re.IGNORECASE,
)


def _adjacent(sent: str, end: int, start: int) -> bool:
    gap = sent[end:start]
    return gap.strip() == "" or bool(
        _AUX_BEFORE.fullmatch(gap.strip() + " " if gap.strip() else "")
    )


def _coordinated(sent: str, after: list[_Victim], pos: int) -> list[_Victim]:
    """Objects right after an active verb: ``killed 12 soldiers and three civilians``."""
    found: list[_Victim] = []
    for v in after:
        gap = sent[pos : v.start]
        if not found:
            if not _OBJECT_GAP.fullmatch(gap) and gap.strip() and not _title_gap(gap, v):
                break
        elif (
            not re.fullmatch(r"\s*(?:,\s*)?(?:and|as\s+well\s+as|plus)?\s*", gap, re.I)
            or v.subset
            or _SAY_AFTER.match(sent, _skip_space(sent, v.end))
        ):
            break  # "…, officials said": the speaker, not another victim
        if v.kind == "person" and found and found[-1].kind != "person":
            break
        if found and found[-1].kind == "person" and re.fullmatch(r",\s*", gap):
            break  # "killed Dolores Hinostroza, the mayor of Mulqui": an apposition
        found.append(v)
        pos = v.end
        if _TRIGGER.match(sent, _skip_space(sent, v.end)):
            break
    return [v for v in found if not v.subset]


def _title_gap(gap: str, v: _Victim) -> bool:
    """Title words before a named victim: ``murdered third public order judge Maria Diaz``."""
    return v.kind == "person" and bool(re.fullmatch(r"\s+(?:[\w.-]+\s+){1,5}", gap))


def _skip_space(sent: str, pos: int) -> int:
    while pos < len(sent) and sent[pos].isspace():
        pos += 1
    return pos


def _subject_victims(sent: str, trig: _Trigger, before: list[_Victim]) -> list[_Victim]:
    """The subject of a passive or intransitive trigger, with its coordinated members."""
    before = _without_appositions(sent, before)
    if not before:
        return []
    gap = sent[before[-1].end : trig.start]
    if not (
        _AUX_BEFORE.fullmatch(gap.strip() + " ") or not gap.strip() or _apposition_then_aux(gap)
    ):
        return []
    last = before[-1]
    group = [last]
    for v in reversed(before[:-1]):  # "12 soldiers and three civilians were killed"
        between = sent[v.end : group[0].start]
        same_kind = v.kind == last.kind or {v.kind, last.kind} <= {"noun", "person"}
        if same_kind and _LIST_JOIN.fullmatch(between):
            group.insert(0, v)
        elif same_kind and v.kind == group[0].kind == "person" and _PERSON_JOIN.fullmatch(between):
            group.insert(0, v)  # "General X, a former junta member, and Air Force General Y"
        elif v.kind == "noun" and last.kind in ("noun", "person") and _of_phrase(between):
            group = [v]  # "a commander of Syria’s National Defense Forces": the head
            last = v
        else:
            break
    return [v for v in group if not v.subset]


_LIST_JOIN = re.compile(r"(?:\s+(?:of|from|at|in)\s+[^,;]{1,50}?)?\s*(?:,\s*)?(?:and|,)\s*", re.I)
_PERSON_JOIN = re.compile(r"(?:,[^,;]{1,120}){0,2},?\s+and\s+(?:[\w.-]+\s+){0,4}", re.I)


def _without_appositions(sent: str, victims: list[_Victim]) -> list[_Victim]:
    """Drop a noun phrase that only describes the person before it (``X, a reporter,``)."""
    kept: list[_Victim] = []
    skipped: _Victim | None = None
    for v in victims:
        if v.kind == "noun" and v.count_text is None:
            if (
                kept
                and kept[-1].kind == "person"
                and re.fullmatch(r",\s*", sent[kept[-1].end : v.start])
            ):
                skipped = v
                continue
            if skipped is not None and "," not in sent[skipped.end : v.start]:
                skipped = v  # "a former junta member and former commander in chief"
                continue
        skipped = None
        kept.append(v)
    return kept


def _apposition_then_aux(gap: str) -> bool:
    """`` of Syria’s NDF, a pro-Assad militia, was also reportedly``: skip both."""
    m = re.fullmatch(
        rf"\s*(?:(?:of|from|for|in|with|at|on|near|belonging\s+to|who|that|[a-z]+ing|known)"
        rf"\s+[^,;:]{{1,60}}?)?\s*(?:,[^,;:]{{1,80}}){{0,2}},?\s*(?:{_AUX_BEFORE.pattern}|\s*$)",
        gap.rstrip() + " ",
        re.IGNORECASE,
    )
    return m is not None


def _of_phrase(between: str) -> bool:
    return bool(re.fullmatch(r"\s+of\s+[^,;:]{0,60}", between, re.I))


def _nominal_count(sent: str, trig: _Trigger, victims: list[_Victim]) -> _Victim | None:
    """``95 deaths``, ``an arrest``, ``three killings``: the count right before the noun."""
    words = sent[max(0, trig.start - 40) : trig.start]
    for v in victims:
        if (
            v.kind == "bare"
            and v.end <= trig.start
            and re.fullmatch(r"\s+(?:[\w-]+\s+){0,2}", sent[v.end : trig.start])
        ):
            return v
    m = re.search(r"\b(an?)\s+(?:[\w-]+\s+){0,2}$", words, re.IGNORECASE)
    if m and not trig.text.lower().endswith("s"):
        start = trig.start - len(words) + m.start()
        return _Victim(
            start, trig.end, trig.start, trig.end, "noun", 1, 1, "exact", victim_type="people"
        )
    for q in find_quantities(words):
        if re.fullmatch(r"\s+(?:[\w-]+\s+){0,2}", words[q.end :]) and not re.search(
            r"\b(?:the|of)\b", words[q.end :], re.I
        ):
            offset = trig.start - len(words)
            return _Victim(
                q.start + offset, trig.end, trig.start, trig.end, "noun", q.low, q.high,
                q.qualifier, q.text, q.start + offset, q.end + offset, "people",
            )  # fmt: skip
    return None


def _toll_count(sent: str, trig: _Trigger, victims: list[_Victim]) -> _Victim | None:
    """``the death toll rose to 95``, ``a toll of at least 12``, ``the toll stood at 40``."""
    if trig.text.lower() == "toll" and not re.search(
        r"\b(?:the|a|its)\s+$", sent[max(0, trig.start - 6) : trig.start], re.I
    ):
        return None
    tail = sent[trig.end : trig.end + 80]
    m = re.match(
        r"(?:\s+(?:from|in|of|after|on|this|last|so)\s+[^,;]{0,40}?)??\s*(?:,\s*)?(?:has\s+|had\s+|have\s+)?"
        r"\b(?:rose|risen|rises|climbed|jumped|reached|hit|stood|stands|was|is|of|increased|"
        r"went\s+up|mounted|passed|exceeded|topped|to|at)(?:\s+(?:to|at|up\s+to))?\s+",
        tail,
        re.IGNORECASE,
    )
    if not m:
        return None
    at = trig.end + m.end()
    for v in victims:
        if v.start == at and v.count_text:
            return v
    return None


def _bodies(sent: str, trig: _Trigger, victims: list[_Victim]) -> list[_Victim]:
    """``12 bodies were found``, ``the bodies of X and Y``."""
    before = sent[max(0, trig.start - 40) : trig.start]
    for v in victims:
        if (
            v.kind == "bare"
            and v.end <= trig.start
            and re.fullmatch(r"\s+(?:[\w-]+\s+){0,2}", sent[v.end : trig.start])
        ):
            return [v]
    if re.search(r"\bof\s*$", sent[trig.end : trig.end + 4], re.IGNORECASE):
        persons = [v for v in victims if v.start > trig.end and v.start - trig.end < 200]
        group = []
        pos = trig.end
        for v in persons:
            gap = sent[pos : v.start]
            if group and not re.fullmatch(r"(?:,[^,;]{0,80})?\s*(?:,\s*)?(?:and\s+)?", gap, re.I):
                break
            if not group and gap.strip().lower() not in ("of", "of the"):
                break
            group.append(v)
            pos = v.end
        return group
    del before
    return []


def _hostages(sent: str, trig: _Trigger, victims: list[_Victim]) -> list[_Victim]:
    """``took 12 people hostage``, ``were taken hostage``."""
    before = [v for v in victims if v.end <= trig.start]
    m = re.search(
        r"\b(?:took|take|takes|taking|held|hold|holds|holding|taken)\s+(.*)$",
        sent[max(0, trig.start - 80) : trig.start],
        re.I,
    )
    if not m:
        return []
    if re.search(r"\b(?:taken|held)\s+$", sent[max(0, trig.start - 8) : trig.start], re.I):
        return _subject_victims(
            sent,
            _Trigger(trig.start - len(m.group(0)), trig.end, trig.text, trig.category, "adj"),
            before,
        )
    inner_start = trig.start - len(m.group(1))
    return [v for v in before if v.start >= inner_start][:1]


# --------------------------------------------------------------------------- context


def _perpetrator(
    sent: str, trig: _Trigger, victims: list[_Victim], mentions: Sequence[Mention], passive: bool
) -> str | None:
    victim_spans = [(v.start, v.end) for v in victims]

    def named(lo: int, hi: int) -> str | None:
        for m in mentions:
            if (
                lo <= m.start
                and m.end <= hi
                and _is_named(m)
                and not any(s <= m.start < e for s, e in victim_spans)
            ):
                return m.actor
        return None

    tail = sent[trig.end : trig.end + 120]
    by = re.search(r"\bby\s+", tail, re.IGNORECASE)
    if by:
        lo = trig.end + by.end()
        stop = _NP_END.search(sent, lo + 1)
        hi = min(stop.start() if stop else len(sent), lo + 60)
        actor = named(lo, hi)
        if actor:
            return actor
    if trig.form == "verb" and not passive:
        start = _clause_start(sent, trig.start)
        if start and re.search(r",\s*$", sent[:start]) and trig.text.lower().endswith("ing"):
            # ", killing 12": the subject of the main clause, after its conjunction if any
            comma = start
            start = 0
            for m in _SUBORDINATE.finditer(sent, 0, comma):
                start = m.end()
            for m in mentions:
                if (
                    start <= m.start < comma
                    and _is_named(m)
                    and not _LOCATIVE_BEFORE.search(sent[max(0, m.start - 12) : m.start])
                ):
                    return m.actor
            return None
        actor = named(start, trig.start)
        if actor:
            return actor
        if (
            trig.form == "verb" and re.match(r"\s*and\s+$", sent[start - 5 : start])
            if start >= 5
            else False
        ):
            return None
    # "in an Islamic State attack", "an attack by Boko Haram" near the trigger
    lo = max(0, trig.start - 120)
    for m in mentions:
        if not _is_named(m) or any(s <= m.start < e for s, e in victim_spans):
            continue
        if lo <= m.start < trig.end + 80:
            after = sent[m.end : m.end + 30]
            if re.match(
                rf"(?:['’]s)?\s+(?:\w+\s+){{0,2}}{_ATTACK_NOUN}\b", after, re.I
            ) and re.search(
                r"\b(?:an?|the|in)\s+(?:\w+\s+)?$", sent[max(0, m.start - 12) : m.start], re.I
            ):
                return m.actor
            if _ATTACK_BY.search(sent[max(0, m.start - 40) : m.start]):
                return m.actor
    return None


_SUBORDINATE = re.compile(r"\b(?:since|when|after|as|because|while|before|until)\b", re.I)
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|across|of|near|from|on|against|with|to|into)\s+(?:the\s+)?$", re.I
)


def _is_named(m: Mention) -> bool:
    if m.method == "agent":  # "police", "a suicide bomber": a kind of actor, not a named one
        return False
    return (
        m.entity_type in ("ORGANIZATION", "PERSON") and m.sector not in ("MED", "NGO", "IGO")
    ) or (m.entity_type == "ORGANIZATION" and m.method == "institution")


def _source(
    sent: str, mentions: Sequence[Mention], aliases: dict[str, str], *, headline: bool
) -> tuple[str | None, tuple[int, int] | None]:
    """Who says so: ``X said``, ``said X``, ``according to X``, ``X reported``; and its span."""
    if headline:
        m = _HEADLINE_SOURCE.search(sent)
        if m:
            return _speaker(sent, m.start("src"), m.end("src"), mentions, aliases), m.span()
    candidates: list[tuple[int, int, int]] = []
    for m in _ACCORDING.finditer(sent):
        end = _NP_END.search(sent, m.end())
        candidates.append((m.start(), m.end(), end.start() if end else len(sent)))
    for m in _SAY_AFTER.finditer(sent):
        start = _speaker_start(sent, m.start())
        if start is not None and start < m.start():
            candidates.append((start, start, m.start()))
        nxt = _SAID_BEFORE_NP.match(sent, m.start())
        if (
            nxt
            and m.group().lower() in ("said", "says", "added")
            and re.match(r"[A-Z]|the\s|state\s|police|officials", sent[nxt.end() :])
        ):
            end = _NP_END.search(sent, nxt.end())
            candidates.append((m.start(), nxt.end(), end.start() if end else len(sent)))
    for anchor, lo, hi in sorted(candidates, key=lambda c: -c[0]):
        speaker = _speaker(sent, lo, hi, mentions, aliases)
        if speaker:
            return speaker, (min(anchor, lo), hi)
    return None, None


def _speaker_start(sent: str, verb_start: int) -> int | None:
    start = _clause_start(sent, verb_start)
    text = sent[start:verb_start]
    if re.match(r"\s*(?:who|which|that)\b", text, re.I):
        return None
    words = text.split()
    if (
        not words
        or len(words) > 8
        or text.strip().lower() in ("he", "she", "they", "it", "we", "i", "you")
    ):
        return None
    return start


def _speaker(
    sent: str, lo: int, hi: int, mentions: Sequence[Mention], aliases: dict[str, str]
) -> str | None:
    for m in mentions:
        if (
            lo <= m.start
            and m.end <= hi
            and m.entity_type in ("ORGANIZATION", "PERSON")
            and m.method != "agent"
        ):
            return m.actor
    phrase = _LEADING.sub("", sent[lo:hi]).strip(" ,.;:")
    phrase = re.sub(r"\s+", " ", phrase)
    if (
        not phrase
        or len(phrase.split()) > 8
        or phrase.lower() in ("he", "she", "they", "it", "we", "i", "you")
    ):
        return None
    key = re.sub(r"^(?:the|a|an)\s+", "", phrase.lower())
    key = re.sub(r"^[\w-]+-based\s+", "", key)
    return aliases.get(key, phrase)


def _source_aliases(text: str, mentions: Sequence[Mention]) -> dict[str, str]:
    """``rights group Amnesty International`` teaches that "the rights group" is Amnesty."""
    aliases: dict[str, str] = {}
    ordered = sorted(mentions, key=lambda m: m.start)
    for a, b in itertools.pairwise(ordered):
        gap = text[a.end : b.start]
        if a.method == "agent" and b.entity_type == "ORGANIZATION" and b.method != "agent":
            if gap == " ":
                aliases.setdefault(a.text.lower(), b.actor)
        elif (
            a.entity_type == "ORGANIZATION"
            and a.method != "agent"
            and b.method == "agent"
            and re.fullmatch(r",\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,2}", gap)
        ):
            aliases.setdefault(b.text.lower(), a.actor)
    return aliases


def _places(
    sent: str, trig: _Trigger, mentions: Sequence[Mention], exclude: tuple[int, int] | None
) -> str | None:
    """The places nearest the trigger; coordinated ones (``Nigeria and Cameroon``) joined."""
    locations = [
        m for m in mentions
        if m.entity_type == "LOCATION" and not (exclude and exclude[0] <= m.start < exclude[1])
    ]  # fmt: skip
    if not locations and sent.upper() == sent:
        locations = _caps_places(sent, exclude)
    groups: list[list[Mention]] = []
    for m in locations:
        if groups and _PLACE_JOIN.fullmatch(sent[groups[-1][-1].end : m.start]):
            groups[-1].append(m)
        else:
            groups.append([m])
    if not groups:
        return None

    def distance(group: list[Mention]) -> int:
        if group[0].start >= trig.end:
            gap = group[0].start - trig.end
        else:
            gap = max(trig.start - group[-1].end, 0)
        locative = _LOCATIVE.search(sent[max(0, group[0].start - 40) : group[0].start])
        return gap if locative else gap + 40  # a place after "in", "near" … is preferred

    best = min(groups, key=distance)
    names: list[str] = []
    for m in best:
        if m.actor not in names:
            names.append(m.actor)
    return "; ".join(names)


_CAPS_WORD = (
    r"(?!(?:IN|AN|A|THE|ON|AT|OF|AND|OR|BY|FOR|WITH|NEAR|FROM|TO|WHEN|AFTER)\b)[A-Z][A-Z.'’-]+"
)
_CAPS_PLACE = re.compile(
    rf"\b(?:IN|NEAR|AT|OUTSIDE|FROM|OF|INTO|TO)\s+(?:(?:THE|AN|A)\s+)?(?P<name>{_CAPS_WORD}"
    rf"(?:\s+(?:(?:DE|DEL|LA|LAS|LOS|EL)\b|{_CAPS_WORD})){{0,3}})"
)
_PLACE_DESIGNATOR = re.compile(
    r"\s+(?:DEPARTMENT|PROVINCE|STATE|REGION|DISTRICT|MUNICIPALITY|COUNTY|GOVERNORATE|VILLAGE|"
    r"TOWN|CITY|AREA|JURISDICTION|SECTOR)\b.*$"
)
_SMALL_WORDS = frozenset({"De", "Del", "La", "Las", "Los", "El"})


def _caps_places(sent: str, exclude: tuple[int, int] | None) -> list[Mention]:
    """Places of a sentence in capitals, where names cannot be told by their case.

    After a locative preposition, the longest run of up to four words that the
    gazetteer knows (``IN SAN MIGUEL``), or any run before a designator (``IN MORAZAN
    DEPARTMENT``), title-cased.
    """
    from analysis_lib.lexicon import load_lexicon

    places = load_lexicon().places
    found: list[Mention] = []
    for m in _CAPS_PLACE.finditer(sent):
        start = m.start("name")
        if exclude and exclude[0] <= start < exclude[1]:
            continue
        words = m.group("name").split()
        designated = _PLACE_DESIGNATOR.search(m.group("name"))
        for n in range(len(words), 0, -1):
            name = " ".join(
                w.title() if w.title() not in _SMALL_WORDS or i == 0 else w.lower()
                for i, w in enumerate(words[:n])
            )
            text = " ".join(words[:n])
            if name in places or (
                designated and m.group("name").startswith(text) and designated.start() == len(text)
            ):
                found.append(
                    Mention(start, start + len(text), text, name, "LOCATION", method="gazetteer")
                )
                break
    return found


def _event_date(
    sent: str,
    trig: _Trigger,
    timexes,
    exclude: tuple[int, int] | None,
    segment: tuple[int, int],
) -> str | None:
    """The date of the time expression nearest the trigger, its own clause's first."""
    best = None
    for t in timexes:
        if t.type not in ("DATE", "TIME") or (exclude and exclude[0] <= t.start < exclude[1]):
            continue
        if t.value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF") or (
            not t.value[:1].isdigit() and not t.value.startswith("XXXX")
        ):
            continue
        if re.search(
            rf"\b{_SAY}\s+(?:on\s+|late\s+on\s+|earlier\s+)?$",
            sent[max(0, t.start - 20) : t.start],
            re.I,
        ):
            continue  # "said on Tuesday": when it was said
        distance = t.start - trig.end if t.start >= trig.end else trig.start - t.end
        if not segment[0] <= t.start < segment[1]:
            distance += 1000
        if best is None or distance < best[0]:
            best = (distance, t.value.split("T")[0])
    return best[1] if best else None


# --------------------------------------------------------------------------- statements


@dataclass
class _ArticleState:
    """What later sentences of one article may refer back to (``in the same period``)."""

    last_cumulative_date: str | None = None
    last_category: str | None = None


_VICTIM_LIST = re.compile(
    r"\bthe\s+(?P<noun>victims)\b[^.:;]{0,60}?\b(?:were|are|included?|includes)\s*:\s*",
    re.IGNORECASE,
)
_SAME_PERIOD = re.compile(
    r"\b(?:in|during|over|for)\s+the\s+same\s+(?:period|time(?:\s*frame)?|months?|span)\b", re.I
)
_AFTER_BEING = re.compile(
    r"\b(?:after|before|when|while|since)\s+(?:being|having\s+been)\s+$", re.I
)
_BECOME = re.compile(
    r"\b(?:become|became|becoming|been\s+made|were\s+made|are\s+now|now)\s+$", re.I
)


def _sentence_casualties(
    sent: str,
    offset: int,
    index: int,
    ctx: _Context,
    state: _ArticleState,
    *,
    lead: bool,
    headline: bool,
) -> list[Casualty]:
    triggers = _triggers(sent)
    listed = _VICTIM_LIST.search(sent) if state.last_category else None
    if listed:  # "the victims of this crime were: …": the harm the article just reported
        triggers.append(
            _Trigger(
                listed.start("noun"),
                listed.end("noun"),
                listed.group("noun"),
                state.last_category,
                "list",
            )
        )
    if not triggers:
        return []
    mentions = [
        m._replace(start=m.start - offset, end=m.end - offset)
        for m in ctx.mentions
        if offset <= m.start and m.end <= offset + len(sent)
    ]
    victims = _victims(sent, find_quantities(sent), mentions, headline=headline)
    if not victims:
        return []
    source, source_span = _source(sent, mentions, ctx.sources, headline=headline)
    timexes: list | None = None  # found when a statement needs its date
    same_period = _SAME_PERIOD.search(sent) is not None
    out: list[Casualty] = []
    used: set[int] = set()
    previous: tuple[_Trigger, list[_Victim], str | None] | None = None
    # nouns that are themselves the victims ("45 captives") go last: they yield to verbs
    for trig in sorted(triggers, key=lambda t: t.form == "head"):
        if source_span and source_span[0] <= trig.start < source_span[1]:
            continue
        governed, shared = _governed(sent, trig, victims, previous)
        governed = [v for v in governed if (shared or v.start not in used) and _fits(trig, v)]
        if governed:
            governed += _along_with(sent, trig, governed, victims)
        if not governed:
            continue
        clause = _clause_start(sent, trig.start, hard=True)
        window = max(clause, _clause_start(sent, min([trig.start, *(v.start for v in governed)])))
        presupposed = (
            (trig.form == "head" and not shared)
            or _is_event_of(sent, trig)
            or _ACCUSED_OF.search(sent[max(0, trig.start - 40) : trig.start]) is not None
        )
        if not presupposed and not _is_asserted(sent, trig, window):
            continue
        passive = bool(_PASSIVE_BEFORE.search(sent[max(0, trig.start - 60) : trig.start]))
        perpetrator = _perpetrator(sent, trig, governed, mentions, passive)
        if perpetrator is None and previous and _joined_to(sent, previous[0], trig):
            perpetrator = previous[2]  # "killed 40 people and kidnapped three others"
        place = _places(sent, trig, mentions, source_span)
        segment = _segment(sent, min([trig.start, *(v.start for v in governed)]), trig.end)
        if timexes is None:
            timexes = _find_dates(sent, ctx.reference_date)
        when = _event_date(sent, trig, timexes, source_span, segment)
        if when is None and same_period:
            when = state.last_cumulative_date
        if when is None and (lead or headline) and ctx.reference_date:
            when = ctx.reference_date
        is_cumulative = (
            bool(_CUMULATIVE.search(sent, clause, segment[1]))
            or same_period
            or trig.form == "toll"
            or _is_number_of(sent, trig)
            or (trig.category == "displaced" and _is_stock(sent, trig, governed))
        )
        found = [
            _record(sent, trig, v, ctx, perpetrator, place, when, is_cumulative, source, index)
            for v in governed
        ]
        last = governed[-1]
        for v in victims:  # "including 19 civilians": a part of the total just given
            if (
                v.subset
                and v.start > last.end
                and v.start not in used
                and v.count_text
                and not any(trig.end < t.start < v.start for t in triggers)
            ):
                governed.append(v)
                found.append(
                    _record(
                        sent,
                        trig,
                        v,
                        ctx,
                        perpetrator,
                        place,
                        when,
                        is_cumulative,
                        source,
                        index,
                        subset=True,
                    )
                )
        used.update(v.start for v in governed)
        out.extend(found)
        previous = (trig, governed, perpetrator)
        state.last_category = trig.category
        if is_cumulative and when and not same_period:
            state.last_cumulative_date = when
    out.sort(key=lambda c: (c.start, c.category))
    return [_shift(c, offset) for c in out]


def _governed(
    sent: str,
    trig: _Trigger,
    victims: list[_Victim],
    previous: tuple[_Trigger, list[_Victim], str | None] | None,
) -> tuple[list[_Victim], bool]:
    """The trigger's victims, or those it shares with the trigger before it."""
    before = sent[max(0, trig.start - 30) : trig.start]
    if previous and trig.form != "head":
        shared = _AFTER_BEING.search(before) or (
            trig.form in ("verb", "adj", "intrans")
            and re.fullmatch(r"\s+(?:and|or)\s+", sent[previous[0].end : trig.start], re.I)
            and _PASSIVE_BEFORE.search(sent[max(0, previous[0].start - 60) : previous[0].start])
        )
        if shared:  # "had disappeared after being detained", "were killed and wounded"
            return list(previous[1]), True
    become = _BECOME.search(before)
    if trig.form == "head" and become:  # "300,000 people have become refugees"
        verb = _Trigger(trig.start - len(become.group()), trig.end, trig.text, trig.category, "adj")
        return _subject_victims(sent, verb, [v for v in victims if v.end <= trig.start]), True
    return _victims_for(sent, trig, victims), False


_PERFECT_OR_PRESENT = re.compile(
    r"\b(?:have|has|are|is|remain|remains|now)\s+(?:\w+\s+){0,2}$|\b(?:have|has)\s+$", re.I
)


def _is_stock(sent: str, trig: _Trigger, governed: list[_Victim]) -> bool:
    """Displacement as a standing total (``have been displaced``, ``residents displaced``)."""
    before = sent[max(0, trig.start - 40) : trig.start]
    if _PERFECT_OR_PRESENT.search(before):
        return True
    if governed and re.search(
        r"\b(?:left|leaving|leaves|rendered|made|forced)\s+$",
        sent[max(0, governed[0].start - 12) : governed[0].start],
        re.I,
    ):
        return False  # "air strikes left 2,000 residents homeless": an event
    return (
        trig.form in ("verb", "adj")
        and bool(governed)
        and governed[0].end <= trig.start
        and (sent[governed[0].end : trig.start].strip() == "")
    )


_ALONG_WITH = re.compile(r"\s*,?\s*(?:along|together)\s+with\s+", re.IGNORECASE)


def _along_with(
    sent: str, trig: _Trigger, governed: list[_Victim], victims: list[_Victim]
) -> list[_Victim]:
    """``a union leader killed 13 days ago along with nine other workers``."""
    pos = max(trig.end, governed[-1].end)
    tail = sent[pos : pos + 60]
    time = _TIME_AFTER.match(tail)
    offset = time.end() if time else 0
    joint = _ALONG_WITH.match(tail, offset)
    if not joint:
        return []
    at = pos + joint.end()
    return [v for v in victims if v.start == at and v.kind != "pronoun"][:1]


def _joined_to(sent: str, first: _Trigger, second: _Trigger) -> bool:
    gap = sent[first.end : second.start]
    return bool(re.search(r"\band\s+$", gap, re.I)) and not re.search(r"[;:]", gap)


def _shift(c: Casualty, offset: int) -> Casualty:
    return c._replace(
        start=c.start + offset,
        end=c.end + offset,
        count_start=c.count_start + offset if c.count_start >= 0 else -1,
        count_end=c.count_end + offset if c.count_end >= 0 else -1,
    )


def _fits(trig: _Trigger, v: _Victim) -> bool:
    """Category-specific limits on victims."""
    if trig.category == "displaced" and trig.form == "intrans":
        return v.victim_type in (
            "people",
            "civilians",
            "residents",
            "refugees",
            "children",
            "women",
            "migrants",
        ) and (v.count_text is not None)
    if trig.text.lower().startswith(("seiz", "captur")):
        return v.kind not in ("bare", "other")
    return True


def _record(
    sent, trig, v, ctx, perpetrator, place, when, cumulative, source, index, *, subset=False
) -> Casualty:
    start = min(v.start, trig.start, v.count_start if v.count_start >= 0 else v.start)
    end = max(v.end, trig.end)
    place_source = "sentence" if place else None
    if place is None and ctx.dateline_place:
        place, place_source = ctx.dateline_place, "dateline"
    if perpetrator is not None and perpetrator == v.victim:
        perpetrator = None
    return Casualty(
        start=start,
        end=end,
        category=trig.category,
        count_low=v.low,
        count_high=v.high,
        qualifier=v.qualifier,
        victim_type=v.victim_type,
        victim=v.victim,
        perpetrator=perpetrator,
        place=place,
        place_source=place_source,
        date=when,
        is_cumulative=cumulative,
        source=source,
        sentence=index,
        evidence=sent,
        trigger=trig.text,
        count_text=v.count_text,
        count_start=v.count_start,
        count_end=v.count_end,
        is_subset=subset or v.subset,
    )


def _find_dates(sent: str, reference_date: str | None):
    try:
        from analysis_lib.dates import find_dates
    except ImportError:  # pragma: no cover - dates.py lands with the dates work
        return []
    return find_dates(sent, reference_date=reference_date)


def _iso(value: str | date | None) -> str | None:
    if value is None or value == "":
        return None
    return value.isoformat() if isinstance(value, date) else str(value)


# --------------------------------------------------------------------------- API


def find_casualties(
    text: str,
    *,
    reference_date: str | date | None = None,
    mentions: Sequence[Mention] | None = None,
    dateline_place: str | None = None,
) -> list[Casualty]:
    """Find casualty statements in a text (an article body, a paragraph, a sentence).

    Args:
        text: The text; case does not matter (wire copy in capitals works).
        reference_date: The publication date (ISO string or date) that relative dates
            (``on Friday``) are resolved against; ``None`` leaves them unresolved.
        mentions: Actor mentions of ``text`` (offsets into it); found with
            :func:`~analysis_lib.actors.find_actors` when not given.
        dateline_place: The place to use when a statement's sentence names none.

    Returns:
        Statements in text order (offsets into ``text``; ``sentence`` indexes the
        sentences of :func:`~analysis_lib.sentences.split_sentences`).

    Example:
        >>> found = find_casualties("Boko Haram killed 40 people and kidnapped three others, "
        ...                         "Amnesty said.")
        >>> [(c.category, c.count_low, c.victim_type, c.perpetrator, c.source) for c in found]
        ... # doctest: +NORMALIZE_WHITESPACE
        [('killed', 40, 'people', 'Boko Haram', 'Amnesty International'),
         ('kidnapped', 3, 'people', 'Boko Haram', 'Amnesty International')]
    """
    from analysis_lib.sentences import split_sentences

    if mentions is None:
        mentions = find_actors(text)
    sentences = [(s.start, s.end) for s in split_sentences(restore_case(text))]
    return find_article_casualties(
        "", text, sentences, mentions, reference_date=reference_date, dateline_place=dateline_place
    )


def find_article_casualties(
    article_id: str,
    body: str,
    sentences: Sequence[tuple[int, int]],
    mentions: Sequence[Mention],
    *,
    headline: str | None = None,
    headline_mentions: Sequence[Mention] | None = None,
    reference_date: str | date | None = None,
    dateline_place: str | None = None,
) -> list[Casualty]:
    """Casualty statements of one article: its headline (sentence ``-1``) and body.

    Args:
        article_id: Set on every record.
        body: The article body; offsets of body statements refer to it.
        sentences: ``(start, end)`` of the body's sentences, in order.
        mentions: Actor mentions of the body.
        headline: The headline, if any; its statements have ``sentence == -1`` and
            offsets into the headline.
        headline_mentions: Mentions of the headline (found when not given).
        reference_date: The article's publication date.
        dateline_place: The dateline place (canonical), the fallback place.

    Example:
        >>> body = "A suicide bomber killed 22 people in Manchester on Monday."
        >>> [(c.count_low, c.place, c.date) for c in find_article_casualties(
        ...     "a#001", body, [(0, len(body))], [], reference_date="2017-05-23")]
        [(22, None, '2017-05-22')]
    """
    ordered = sorted(mentions, key=lambda m: m.start)
    ctx = _Context(
        body, tuple(ordered), _iso(reference_date), dateline_place, _source_aliases(body, ordered)
    )
    out: list[Casualty] = []
    if headline and has_hint(headline):
        if headline_mentions is None:
            headline_mentions = find_actors(headline)
        head_ctx = _Context(
            headline, tuple(headline_mentions), ctx.reference_date, dateline_place, ctx.sources
        )
        out.extend(
            _sentence_casualties(
                headline, 0, -1, head_ctx, _ArticleState(), lead=False, headline=True
            )
        )
    starts = [m.start for m in ordered]
    state = _ArticleState()
    hints = hint_positions(body)
    for index, (start, end) in enumerate(sentences):
        at = bisect.bisect_left(hints, start)
        if at == len(hints) or hints[at] >= end:
            continue  # no trigger stem in this sentence
        sent = body[start:end]
        lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        sub = _Context(body, tuple(ordered[lo:hi]), ctx.reference_date, dateline_place, ctx.sources)
        out.extend(
            _sentence_casualties(sent, start, index, sub, state, lead=index == 0, headline=False)
        )
    return [c._replace(article_id=article_id) for c in out]
