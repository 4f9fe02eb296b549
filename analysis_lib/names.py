"""The rule-based name finder: capitalized spans typed as PERSON, ORGANIZATION or LOCATION.

It runs after the dictionary stage of :mod:`analysis_lib.actors`, on the capitalized
spans the dictionary did not claim. One compiled pattern finds candidate spans
(capitalized words joined by name particles such as ``al-``, ``bin``, ``de``, ``of``);
Python then works per candidate, not per token:

* leading titles and ranks are stripped and make the rest a PERSON (``Brigadier
  General Melquiades Ordiales``, ``Deputy Secretary of State Tony Blinken``); a
  nationality before them gives the country (``Venezuelan Attorney General …``);
* a sentence-initial common word is not a name (``Officials``, ``The``), nor is text in
  capitals (subheads), a day or month, an operation, a ship or a weapon acronym;
* the type comes from cues: the last word (Ministry, Brigade -> ORGANIZATION; Province,
  Boulevard -> LOCATION), role words before the name (``governor Nestor Espenilla``),
  the place gazetteer, place words after (``… province``), given names and surnames,
  ``said`` and appositions, prepositions before places.

Cue words live in ``resources/actors/name_cues.tsv``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from analysis_lib.lexicon import ASCII_LOWER, Lexicon
from analysis_lib.records import Mention

ABBREV_WORDS = "Gen|Lt|Col|Maj|Capt|Sgt|Sen|Rep|Gov|Dr|Mr|Mrs|Ms|Prof|St|Brig|Adm|Cpl|Pvt|Cmdr|Rev|Jr|Sr|Mt|Ft|Spc"
_ABBREV = r"(?:" + ABBREV_WORDS + r")\."
_FIRST_TOKEN = (
    r"(?:\d{1,3}(?:st|nd|rd|th)(?=[ ][A-Z])|" + _ABBREV + r"|(?:[A-Z]\.){2,}|[A-Z]\.(?=[ ][A-Z])"
    r"|[A-Z][\w'’]*(?:-[\w'’]+)*)"
)
_TOKEN = (
    _FIRST_TOKEN[:-1]
    + r"|(?:al|el|ad|as|ash|az|an|ar|at|bin|ibn|abu|bint)-[A-Z][\w'’]*(?:-[\w'’]+)*)"
)
_JOIN = (
    r"(?:[ ](?:(?:al|el|az|ez|ad|ash|bin|ibn|bint|abu|de|da|del|della|di|du|van|von|der|den|le|la|dos|das|ul|ud"
    r"|of|for|of[ ]the|for[ ]the)[ ]|[“\"][A-Z][\w.'’-]{0,15}[”\"][ ])?)"  # or a nickname: John “J.D.” Dorrian
)
#: Candidate names: a capitalized first token, then tokens joined by spaces and particles.
# The first token starts with one character class so that the regex engine can skip
# quickly to candidate starts (several times faster than a look-behind first); the rest
# of the first token is matched knowing that first character.
_ABBREV_TAILS = "|".join(f"(?<={a[0]}){a[1:]}\\." for a in ABBREV_WORDS.split("|"))
_FIRST_TOKEN_FAST = (
    r"[A-Z0-9](?<![\w’'-][A-Z0-9])(?:(?<=[0-9])\d{0,2}(?:st|nd|rd|th)(?=[ ][A-Z])"
    r"|(?<=[A-Z])(?:" + _ABBREV_TAILS + r"|(?:\.[A-Z])+\.|\.(?=[ ][A-Z])|[\w'’]*(?:-[\w'’]+)*))"
)
CANDIDATE = re.compile(_FIRST_TOKEN_FAST + r"(?:" + _JOIN + _TOKEN + r")*")
#: Names that start with a lower-case particle (``al-Akhbar``), found in a second, rare pass.
PARTICLE_CANDIDATE = re.compile(
    r"[ae]l-(?<![\w’'-][ae]l-)[A-Z][\w'’]*(?:-[\w'’]+)*(?:" + _JOIN + _TOKEN + r")*"
)
CONNECTORS = frozenset(
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
_LOWER_PARTICLES = frozenset(
    {"al-", "el-", "ad-", "as-", "an-", "ar-", "at-", "az-", "bin", "ibn", "abu"}
)
_MONTH_NAMES = frozenset({"April", "May", "June", "August"})  # also given names and surnames
_SENTENCE_START = frozenset(".!?:;\n“\"‘'([—–-")
_ABBREV_BEFORE = re.compile(r"\b(?:(?:[A-Z]\.){2,}|[A-Z]\.|(?:" + ABBREV_WORDS + r")\.)$")
_DAY_AFTER = re.compile(r" \d")
_TIME_BEFORE = re.compile(
    r"\b(?:in|since|until|till|by|from|early|late|mid|last|next|this|of)\s$", re.I
)
_NONSPACE = re.compile(r"\S+")
_POSSESSIVE_END = re.compile(r"['’]s?(?=\s|$)")
_PLACE_CUES_AFTER = re.compile(
    r"\s+(?:province|city|region|district|governorate|countryside|border|town|village|area|"
    r"valley|neighbou?rhood|state|county|field|oilfield|gas field|camp|base|air base|airport|"
    r"port|river|mountains?|desert|dam|crossing)\b"
)
_SAID_AFTER = re.compile(r"[,]?\s+(?:said|says|told|added|wrote|tweeted|asked|explained)\b")
_SAID_BEFORE = re.compile(r"\b(?:said|says|told|according to)\s+$")
_APPOSITION = re.compile(r",\s+(?:a|an|the)\s+[a-z]")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&-]{1,9}s?")
_DESIGNATORS = frozenset({"City", "Province", "Governorate", "River", "Region", "District"})

#: Zipf frequency above which a capitalized sentence-initial word is read as an ordinary
#: word even when it is also a name or a place ("Much", "Young", "May").
VERY_COMMON_ZIPF = 4.5


@dataclass
class _Candidate:
    start: int
    end: int
    tokens: list[tuple[int, int]]
    title_sector: str | None = None
    title_country: str = ""
    place_cue: bool = False


def sentence_initial(text: str, start: int) -> bool:
    """Whether ``start`` begins a sentence, line or quotation (abbreviations do not end one).

    Example:
        >>> sentence_initial("They left. Officials said", 11), sentence_initial("the U.S. Navy", 9)
        (True, False)
    """
    i = start - 1
    while i >= 0 and text[i].isspace():
        if text[i] == "\n":
            return True
        i -= 1
    if i < 0:
        return True
    if text[i] == "." and _ABBREV_BEFORE.search(text, max(0, i - 12), i + 1):
        return False
    return text[i] in _SENTENCE_START


def place_actor(name: str, aliases: dict[str, str] | None = None) -> str:
    """Canonical place name: designators dropped, spelling variants unified.

    Example:
        >>> place_actor("Euphrates River"), place_actor("Deir Ezzor Province", {"Deir Ezzor": "Deir al-Zor"})
        ('Euphrates', 'Deir al-Zor')
    """
    head, _, last = name.rpartition(" ")
    bare = head if head and last in _DESIGNATORS else name
    return aliases.get(bare, bare) if aliases else bare


class NameFinder:
    """Finds and types names in text, for one lexicon (see :func:`get_name_finder`).

    It memoizes context-free work across texts for speed, each memo keyed by everything
    its value depends on: :meth:`find` gives the same names for a text whatever texts
    were processed before, in whatever order.
    """

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        cues = lex.cues
        self.org_suffix = cues["org_suffix"]
        self.place_suffix = cues["place_suffix"]
        self.place_prefix = cues["place_prefix"]
        self.non_name = cues["non_name"]
        self.title_modifier = cues["title_modifier"]
        self.service = cues["service"]
        self.non_actor_first = cues["non_actor_first"]
        self.non_actor_last = cues["non_actor_last"]
        self.place_cue_before = cues["place_cue_before"]
        # Memos of context-free work, each keyed by everything its value depends on, so
        # that a text's mentions never depend on the texts processed before it:
        # (segment, sentence-initial, first word known as a person's, office sector) -> shape;
        self._shapes: dict[tuple, object] = {}
        # segment -> None (never a mention) or the surface that only a person named
        # earlier in the same text can claim ("English" after "Bill English"); valid for
        # a segment that is neither sentence-initial nor right after an office;
        self._dead: dict[str, str | None] = {}
        # segment -> its mention form, for a type that needs no context (see _settles);
        self._fixed: dict[str, tuple] = {}
        # (word, strong) -> whether it is an ordinary word (see is_common).
        self._common: dict[tuple[str, bool], bool] = {}

    # ----------------------------------------------------------------- words

    def is_common(self, word: str, *, strong: bool = False) -> bool:
        """Whether a capitalized word is an ordinary English word rather than a name.

        Names and places win over the word list, except, with ``strong`` (for a
        sentence-initial word), when the word is very frequent.
        """
        key = (word, strong)
        verdict = self._common.get(key)
        if verdict is None:
            verdict = self._common[key] = self._is_common(word, strong)
        return verdict

    def _is_common(self, word: str, strong: bool) -> bool:
        bare = word.rstrip(".").replace("’", "'")
        if bare in self.non_name:
            return True
        zipf = self._zipf(bare.lower())
        if strong and zipf is not None and zipf >= VERY_COMMON_ZIPF:
            return True
        lex = self.lex
        if bare in lex.given_names or bare in lex.places:
            return False
        return zipf is not None or bare in lex.nationality_words

    def _zipf(self, low: str) -> float | None:
        """Word frequency, also for plurals of listed words (``ceasefires``, ``militias``)."""
        common = self.lex.common_words
        zipf = common.get(low)
        if zipf is None and low.endswith("s") and len(low) > 3:
            zipf = common.get(low[:-1]) or (
                common.get(low[:-3] + "y") if low.endswith("ies") else None
            )
        return zipf

    def _is_date(self, text: str, start: int, end: int) -> bool:
        return bool(
            _DAY_AFTER.match(text, end) or _TIME_BEFORE.search(text[max(0, start - 8) : start])
        )

    # ----------------------------------------------------------------- finding

    def find(
        self, text: str, taken: list[tuple[int, int]], offices: dict[int, object]
    ) -> list[Mention]:
        """Names in ``text`` outside the ``taken`` spans (sorted, non-overlapping).

        ``offices`` maps the end offset of an office mention (``Turkish Prime Minister``)
        to it, so a name right after it becomes that office holder.
        """
        known: dict[str, Mention] = {}
        found: list[Mention] = []
        common = self.lex.common_words
        non_name = self.non_name
        dead, fixed = self._dead, self._fixed
        caps_lines = [m.span() for m in _CAPS_LINE.finditer(text)]
        for match in _candidates(_mask(text, taken)):
            word = match.group()
            start, end = match.span()
            if caps_lines and _in_caps_line(caps_lines, start):
                continue  # a subhead in capitals (a candidate never spans lines)
            if word in dead and self._stays_dead(text, start, dead[word], offices, known):
                continue  # not a name here ("Islamist", "Syrian", "taught in English")
            if " " not in word and (
                (word in non_name and word not in _MONTH_NAMES)
                or (
                    common.get(word.lower(), 0) >= VERY_COMMON_ZIPF
                    and word not in known
                    and sentence_initial(text, start)
                )
            ):
                continue  # the common case: "The", "But", a sentence-initial ordinary word
            settled = fixed.get(word)
            if settled is not None and (start - 1) not in offices:
                name = self._settled(text, start, settled, known)
                if name is not None:
                    found.append(name)
                continue
            if "'" in word or "’" in word:
                pieces = _name_pieces(text, start, end)
            else:
                pieces = [(start, end)]  # fast path: no possessive to split
            for s, e in pieces:
                name = self._name(text, s, e, offices, known)
                if name is not None:
                    found.append(name)
                    if name.entity_type == "PERSON":
                        remember_person(name.actor, name, known)
        return found

    @staticmethod
    def _stays_dead(
        text: str, start: int, claimable: str | None, offices: dict, known: dict
    ) -> bool:
        """Whether a segment learned dead (see ``_dead``) is no mention at ``start`` either:
        in the same context (not sentence-initial, no office before it) and not the short
        name of a person of this text."""
        return (
            (claimable is None or claimable not in known)
            and (start - 1) not in offices
            and not sentence_initial(text, start)
        )

    def _name(self, text: str, start: int, end: int, offices: dict, known: dict) -> Mention | None:
        office = offices.get(start - 1)
        office_sector = office.sector if office is not None else None
        segment = text[start:end]
        initial = sentence_initial(text, start)
        first = segment.split(" ", 1)[0]
        key = (segment, initial, initial and first in known, office_sector)
        shape = self._shapes.get(key)
        if shape is None:
            shape = self._shape(text, start, end, office_sector, initial, known)
            if _MONTH_NAMES.isdisjoint(segment.split(" ")):  # month readings need context
                if len(self._shapes) > 200_000:  # bounded memory on endless streams
                    self._shapes.clear()
                    self._fixed.clear()
                    self._dead.clear()
                    self._common.clear()
                self._shapes[key] = shape
                if office is None and not initial and _never_a_name(shape):
                    self._dead[segment] = None if shape is False else _surface(shape, segment)
                elif (
                    office is None
                    and not initial
                    and _settles(shape)
                    and not self.is_common(first, strong=True)
                ):
                    self._fixed[segment] = self._settled_form(shape, segment)
        if shape is False:
            return None
        rel_tokens, title_sector, words, static, common, title_country = shape
        s, e = start + rel_tokens[0][0], start + rel_tokens[-1][1]
        surface = text[s:e]
        alias = known.get(surface)
        if alias is not None:  # "Minister Payne" after "Marise Payne"
            sector = alias.sector or title_sector or ""
            return Mention(
                s, e, surface, alias.actor, alias.entity_type, sector, alias.country, "alias"
            )
        if title_sector is not None:
            country = office.country if office else title_country
            return Mention(s, e, surface, surface, "PERSON", title_sector, country, "title")
        verdict = static if static is not None else self._type(text, s, e, surface, words, common)
        if verdict is None or verdict == "drop":
            return None
        etype, method = verdict
        if etype == "LOCATION":
            country = self.lex.places.get(surface, "")
            actor = place_actor(surface, self.lex.place_aliases)
            return Mention(s, e, surface, actor, etype, "", country, method)
        if etype == "PERSON" and method.startswith("role:"):
            return Mention(s, e, surface, surface, etype, method[5:], "", "name")
        return Mention(s, e, surface, surface, etype, "", "", method)

    def _settled_form(self, shape, segment: str) -> tuple:
        """``(start, end, entity_type, method, actor, country)`` relative to the segment."""
        rel_tokens, _, _, (etype, method), _, _ = shape
        rel_s, rel_e = rel_tokens[0][0], rel_tokens[-1][1]
        surface = segment[rel_s:rel_e]
        if etype == "LOCATION":
            actor = place_actor(surface, self.lex.place_aliases)
            return rel_s, rel_e, etype, method, actor, self.lex.places.get(surface, "")
        return rel_s, rel_e, etype, method, surface, ""

    def _settled(self, text: str, start: int, settled: tuple, known: dict) -> Mention | None:
        """The mention of a candidate whose type needs no context (see :func:`_settles`)."""
        rel_s, rel_e, etype, method, actor, country = settled
        s, e = start + rel_s, start + rel_e
        surface = text[s:e]
        alias = known.get(surface)
        if alias is not None:
            return Mention(
                s, e, surface, alias.actor, alias.entity_type, alias.sector, alias.country, "alias"
            )
        return Mention(s, e, surface, actor, etype, "", country, method)

    def _shape(self, text: str, start: int, end: int, office_sector, initial: bool, known: dict):
        """Context-free analysis of a candidate: tokens left after titles and trimming,
        the title's sector, the words, and a type that needs no context (or ``False``).

        It depends on the segment's text, the sector of an office right before it, whether
        it starts a sentence, and then whether its first word names a person of the text.
        """
        cand = _Candidate(start, end, [m.span() for m in _NONSPACE.finditer(text, start, end)])
        last = text[cand.tokens[-1][0] : cand.tokens[-1][1]]
        if last not in self.place_suffix and last not in self.org_suffix:
            self._strip_titles(text, cand)  # also after an office: "Army Chief General …"
        if office_sector is not None:
            cand.title_sector = office_sector
        self._trim(text, cand, cand.start == start and initial, known)
        if not cand.tokens:
            return False
        words = [text[s:e] for s, e in cand.tokens]
        if len(words) > 1 and all(w.isupper() and len(w) > 3 for w in words):
            return False  # a phrase in capitals (a subhead), not a name
        if (
            len(words) == 1
            and self.lex.folded.get(words[0].translate(ASCII_LOWER), None) is not None
        ):
            return False  # an agent or institution noun ("Islamist", "Military")
        rel = [(s - start, e - start) for s, e in cand.tokens]
        static = self._static_type(words, text[cand.start : cand.end])
        if static is None and cand.place_cue:
            static = ("LOCATION", "name")
        common = [self.is_common(w) for w in words if w not in CONNECTORS]
        return rel, cand.title_sector, words, static, common, cand.title_country

    def _static_type(self, words: list[str], surface: str):
        """The type given by the words alone: ``"drop"``, ``(type, method)`` or ``None``."""
        if self._not_an_actor(words):
            return "drop"
        if len(words) == 1 and _ACRONYM.fullmatch(surface):
            return ("ORGANIZATION", "acronym")
        head = _head_word(words)  # "Ministry" in "Ministry of Culture"
        if head in self.org_suffix:
            return ("ORGANIZATION", "name")
        if head in self.place_suffix or (words[0] in self.place_prefix and len(words) > 1):
            return ("LOCATION", "name")
        if surface in self.lex.places:
            return ("LOCATION", "gazetteer")
        return None

    def _strip_titles(self, text: str, cand: _Candidate) -> None:
        toks = cand.tokens
        words = [text[s:e] for s, e in toks]
        titles = self.lex.title_words
        demonyms = self.lex.country_by_demonym
        lead = 1 if words[0] == "The" else 0
        country = demonyms.get(words[lead], "") if len(words) > lead + 2 else ""
        lead += bool(country)  # "(The) Venezuelan Attorney General Tarek William Saab"
        i, sector, has_title, portfolio = lead, "", False, False
        while i < len(words) - 1:
            word = words[i]
            found = titles.get(word, titles.get(word.rstrip(".")))
            pair = " ".join(words[i : i + 2])
            if pair in self.lex.titles and i + 2 < len(words):  # "Attorney General"
                has_title, sector, i = True, self.lex.titles[pair] or sector, i + 2
            elif found is not None:
                has_title, sector, i = True, found or sector, i + 1
            elif word in self.title_modifier or (word in self.service and i + 2 < len(words)):
                i += 1
            elif (
                i == lead and i + 2 < len(words) and words[i + 1] in titles and self.is_common(word)
            ):
                i, portfolio = i + 1, True  # a portfolio before a title: "Oil Minister"
            elif word in ("of", "for") and has_title and i + 2 < len(words):
                i += 2  # "Secretary of State", "Minister for Foreign Affairs"
            else:
                break
        if not has_title or i == lead or i >= len(words) or words[i] in CONNECTORS:
            return
        rest = words[i:]
        lex = self.lex
        named = any(w in lex.surnames or w in lex.given_names for w in rest)
        if not named and (portfolio or all(self.is_common(w) for w in rest)):
            return  # "General Electric", "Apple Chief Executive Officer": no title before a name
        cand.title_sector = lex.titles.get(" ".join(words[lead:i]), sector)
        cand.title_country = country
        cand.tokens = toks[i:]
        cand.start = cand.tokens[0][0]

    def _trim(self, text: str, cand: _Candidate, initial: bool, known: dict) -> None:
        toks = cand.tokens
        if initial and toks:
            first = text[toks[0][0] : toks[0][1]]
            if (
                first not in known
                and first not in self.non_actor_first  # "Operation Inherent Resolve said"
                and self.is_common(first, strong=True)
            ):
                toks = toks[1:]  # "Officials said", but "Cook said" after "Peter Cook"
                cand.place_cue = first.lower() in self.place_cue_before  # "Near Tal Afar, …"
        for k, (s, e) in enumerate(toks):  # a day or month ends the name ("Yildirim on Monday")
            word = text[s:e]
            if word in self.non_name and not (
                word in _MONTH_NAMES and not self._is_date(text, s, e)
            ):
                toks = toks[:k] if k else toks[1:]
                break
        while toks and text[toks[0][0] : toks[0][1]] in CONNECTORS:
            toks = toks[1:]
        while toks and text[toks[-1][0] : toks[-1][1]] in CONNECTORS:
            toks = toks[:-1]
        cand.tokens = toks
        if toks:
            cand.start, cand.end = toks[0][0], toks[-1][1]

    # ----------------------------------------------------------------- typing

    def _not_an_actor(self, words: list[str]) -> bool:
        if words[0] in self.non_actor_first or words[-1] in self.non_actor_last:
            return True
        if len(words) == 1:
            word = words[0]
            if len(word.rstrip(".")) == 1 or word.rstrip("s") in self.lex.non_actor_acronyms:
                return True
            if "-" in word and all(self.is_common(p) for p in word.split("-") if p):
                return True  # "Ground-based", "Kurdish-Arab"
        return all(w in self.lex.nationality_words or w in CONNECTORS for w in words)

    def _role_before(self, before: str) -> str | None:
        """The sector of a role word right before a name (``governor Nestor …`` -> GOV)."""
        parts = before.rsplit(None, 1)
        if not parts:
            return None
        word = parts[-1].rstrip(",").lower()
        if word not in self.lex.role_words:
            return None
        return self.lex.titles.get(word.capitalize(), "")

    def _type(
        self, text: str, start: int, end: int, surface: str, words: list[str], common: list[bool]
    ):
        """Type a candidate from its context: ``(entity_type, method)`` or ``None`` to drop.

        A PERSON found by a role word carries its sector as ``role:<sector>``.
        """
        lex = self.lex
        before = text[max(0, start - 40) : start]
        role_sector = self._role_before(before)
        if role_sector is not None:
            return "PERSON", "role:" + role_sector
        after = text[end : end + 40]
        if _PLACE_CUES_AFTER.match(after):
            return "LOCATION", "name"
        if len(words) >= 2 and (
            (words[0] in lex.given_names and not common[0])
            or (words[-1] in lex.surnames and not any(common))
        ):
            return "PERSON", "name"
        if _SAID_AFTER.match(after) or _SAID_BEFORE.search(before) or _APPOSITION.match(after):
            return "PERSON", "name"
        parts = before.rsplit(None, 1)
        prev_word = parts[-1] if parts else ""
        if prev_word in self.place_cue_before:
            return "LOCATION", "name"
        if len(words) == 1:
            if common[0]:
                return None
            if surface in lex.surnames or surface in lex.given_names:
                return "PERSON", "name"
            return "ORGANIZATION", "name"
        if all(common):
            return None  # a capitalized phrase of ordinary words ("Cessation of Hostilities")
        if any(common):
            return "ORGANIZATION", "name"
        return "PERSON", "name"


def _never_a_name(shape) -> bool:
    """Whether a candidate gives no mention unless a person of the text claims its surface
    (no tokens left, capitals, an agent noun, or words that are not an actor, no title)."""
    return shape is False or (shape[3] == "drop" and shape[1] is None)


def _surface(shape, segment: str) -> str:
    """The text of a shape's tokens (the segment without stripped titles and trimmed words)."""
    rel_tokens = shape[0]
    return segment[rel_tokens[0][0] : rel_tokens[-1][1]]


def _settles(shape) -> bool:
    """Whether a candidate's type follows from its words alone (no title, no context)."""
    return shape is not False and shape[1] is None and shape[3] not in (None, "drop")


def _head_word(words: list[str]) -> str:
    """The head of a name: the word before the first ``of``/``for``, else the last word."""
    for k, word in enumerate(words):
        if word in ("of", "for") and k > 0:
            return words[k - 1]
    return words[-1]


def remember_person(actor: str, mention, known: dict) -> None:
    """Register the short forms of a person's name (surname, given name, ``Assad``)."""
    parts = actor.split()
    if parts and parts[-1][:3] in ("al-", "el-"):
        known.setdefault(parts[-1][3:], mention)  # "Assad" for "Bashar al-Assad"
    if len(parts) >= 2:
        known.setdefault(parts[-1], mention)
        if not parts[0].endswith("."):
            known.setdefault(parts[0], mention)
        core = [p for p in parts if p.lower() not in CONNECTORS]
        if core:
            known.setdefault(core[-1], mention)
        known.setdefault(actor.split(" ", 1)[1], mention)


_CAPS_LINE = re.compile(r"^[^a-z\n]{7,}$", re.M)  # a subhead in capitals (or a line of digits)


def _in_caps_line(caps_lines: list[tuple[int, int]], start: int) -> bool:
    """Whether ``start`` lies on one of the (sorted) lines written in capitals (subheads).

    Example:
        >>> _in_caps_line([(0, 12), (40, 52)], 45), _in_caps_line([(0, 12), (40, 52)], 20)
        (True, False)
    """
    k = bisect.bisect_right(caps_lines, (start, _AFTER_ALL)) - 1
    return k >= 0 and start < caps_lines[k][1]


_AFTER_ALL = float("inf")


def _candidates(masked: str) -> list[re.Match[str]]:
    """Candidate matches in text order: capitalized ones, plus names that start with a
    lower-case particle (``al-Akhbar``) and are not part of a capitalized candidate."""
    main = list(CANDIDATE.finditer(masked))
    if "al-" not in masked and "el-" not in masked:
        return main
    ends = [m.end() for m in main]
    starts = [m.start() for m in main]
    extra = []
    for m in PARTICLE_CANDIDATE.finditer(masked):
        k = bisect.bisect_right(starts, m.start()) - 1
        if k < 0 or ends[k] <= m.start():
            extra.append(m)
    if not extra:
        return main
    # a capitalized candidate inside a particle name ("Ali" in "al-Baghdadi Ali") is part of it
    extra_starts = [m.start() for m in extra]
    kept = [
        m
        for m in main
        if (k := bisect.bisect_right(extra_starts, m.start()) - 1) < 0
        or extra[k].end() <= m.start()
    ]
    return sorted(kept + extra, key=lambda m: m.start())


def _mask(text: str, taken: list[tuple[int, int]]) -> str:
    """The text with the taken spans blanked out (same length, so offsets still hold)."""
    if not taken:
        return text
    parts, pos = [], 0
    for s, e in taken:
        parts.append(text[pos:s])
        parts.append(" " * (e - s))
        pos = e
    parts.append(text[pos:])
    return "".join(parts)


def _strip_edges(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " -":
        s += 1
    while e > s and text[e - 1] in " -'’":
        e -= 1
    return s, e


def _name_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a free segment at possessives (``Marawi’s Grand Mosque``) and trim its edges."""
    pieces = []
    pos = start
    for m in _POSSESSIVE_END.finditer(text, start, end):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, end))
    out = []
    for s, e in pieces:
        s, e = _strip_edges(text, s, e)
        if s < e and (
            text[s].isupper() or text[s].isdigit() or text[s : s + 3] in _LOWER_PARTICLES
        ):
            out.append((s, e))
    return out


def get_name_finder(lex: Lexicon) -> NameFinder:
    """The name finder of a lexicon (built once and kept on the lexicon)."""
    finder = getattr(lex, "_name_finder", None)
    if finder is None:
        finder = NameFinder(lex)
        lex._name_finder = finder
    return finder
