"""Restore letter case in text written in capitals (wire services, translated bulletins).

``restore_case("GUERRILLAS KILLED HECTOR OQUELI IN SAN SALVADOR")`` gives ``"Guerrillas killed
Hector Oqueli in San Salvador"``: the same characters at the same offsets, so that the
actor finder (which reads capital letters as a sign of names) can work on it and its
offsets still point into the original text.

Rules, using the shipped lexicon and gazetteers:

1. names the dictionary or gazetteer knows in title case (``Shining Path``, ``El Salvador``,
   ``San Miguel``) keep title case, acronyms it knows (``ELN``, ``FMLN``) stay in capitals;
2. a common English word (Zipf frequency of at least 3) that is not a given name or
   surname goes to lower case (``killed``, ``mayor``, ``district``);
3. every other word (``Oqueli``, ``Hinostroza``) is a name: title case; a word with no vowel
   (``FMLN``) is an acronym and stays in capitals;
4. the first word of each sentence starts with a capital.
"""

from __future__ import annotations

import bisect
import functools
import re

from analysis_lib.lexicon import Lexicon, load_lexicon

_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+)$")
_FUNCTION_WORDS = frozenset(
    """a an the of in on at by for from with to into and or but nor as that which who whom
    whose this these those is are was were be been being has have had it its he she they
    we you i his her their our your him them us not no than then there here when where
    while after before during since until about over under between among against near""".split()
)
_MIN_ZIPF = 3.0
_NAME_ZIPF = 4.5


def is_all_caps(text: str) -> bool:
    """True when the text has letters and none of them is lower case.

    Example:
        >>> is_all_caps("GUERRILLAS KILLED 12 PEASANTS."), is_all_caps("Guerrillas killed 12.")
        (True, False)
    """
    return text.isupper() or (any(c.isalpha() for c in text) and not any(c.islower() for c in text))


@functools.lru_cache(maxsize=1 << 16)
def _title(word: str) -> str:
    return "-".join(p[:1].upper() + p[1:].lower() for p in word.split("-"))


@functools.cache
def _multiword_places(lex_id: int) -> dict[str, frozenset[str]]:
    """First word -> gazetteer place names of several words (``San`` -> ``San Salvador``…)."""
    del lex_id
    index: dict[str, set[str]] = {}
    for name in load_lexicon().places:
        if " " in name:
            index.setdefault(name.split(" ", 1)[0], set()).add(name)
    return {first: frozenset(names) for first, names in index.items()}


def _keep_spans(titled: str, lex: Lexicon) -> list[tuple[int, int]]:
    """Spans of the title-cased text that are dictionary names or multi-word places."""
    spans: list[tuple[int, int]] = []
    for last, (length, info, _institution) in lex.exact.iter_long(titled):
        if info is not None and info.kind in ("organization", "country", "demonym"):
            spans.append((last - length + 1, last + 1))
    places = _multiword_places(id(lex))
    words = list(_WORD.finditer(titled))
    for i, word in enumerate(words):
        names = places.get(word.group())
        if not names:
            continue
        for n in (4, 3, 2):
            if i + n <= len(words):
                start, end = word.start(), words[i + n - 1].end()
                if titled[start:end] in names:
                    spans.append((start, end))
                    break
    return spans


def restore_case(text: str, *, lexicon: Lexicon | None = None) -> str:
    """Give text in capitals the case of ordinary prose, offsets unchanged.

    Text that is not all capitals is returned unchanged.

    Args:
        text: Any text.
        lexicon: A lexicon to use instead of the shipped one.

    Returns:
        A string of the same length, character for character.

    Example:
        >>> restore_case("ALLEGED TERRORISTS KILLED DOLORES HINOSTROZA, THE MAYOR OF MULQUI.")
        'Alleged terrorists killed Dolores Hinostroza, the mayor of Mulqui.'
    """
    if not is_all_caps(text):
        return text
    lex = lexicon or load_lexicon()
    shipped = lex is load_lexicon()
    decide = _word_case_shipped if shipped else functools.partial(_word_case, lex=lex)
    chars = list(text)
    titled = _WORD.sub(lambda m: _title(m.group()), text)
    inside = _inside_test(_keep_spans(titled, lex))
    for m in _WORD.finditer(text):
        start, end = m.span()
        word = m.group()
        if inside(start, end) and not _is_acronym(word, lex):
            new = titled[start:end]
        else:
            new = decide(word)
        if start == 0 or _SENTENCE_START.search(text[max(0, start - 3) : start]):
            new = new[:1].upper() + new[1:]
        chars[start:end] = new
    return "".join(chars)


def _inside_test(spans: list[tuple[int, int]]):
    """A test of whether a word's span lies inside one of the spans (binary search)."""
    spans = sorted(spans)
    starts = [s for s, _ in spans]
    reach: list[int] = []  # the furthest end of the spans that start at or before each
    for _, end in spans:
        reach.append(max(end, reach[-1]) if reach else end)

    def inside(start: int, end: int) -> bool:
        k = bisect.bisect_right(starts, start) - 1
        return k >= 0 and reach[k] >= end

    return inside


def _word_case(word: str, lex: Lexicon) -> str:
    """The case of a word in capitals outside dictionary names (rules 1-3)."""
    lower = word.lower()
    if lower in _FUNCTION_WORDS:
        return lower
    if _is_acronym(word, lex):
        return word  # a known acronym: ELN, UN
    if _is_common(lower, lex):
        return lower
    if not re.search(r"[AEIOUY]", word):
        return word  # no vowel: an acronym (FMLN)
    return _title(word)


@functools.lru_cache(maxsize=1 << 16)
def _word_case_shipped(word: str) -> str:
    """:func:`_word_case` with the shipped lexicon (depends on the word alone)."""
    return _word_case(word, load_lexicon())


def _is_acronym(word: str, lex: Lexicon) -> bool:
    """A dictionary key in capitals only (``ELN``), not a common word (``WHO``, ``CAR``)."""
    if len(word) > 6 or lex.common_words.get(word.lower(), 0.0) >= _MIN_ZIPF:
        return False
    return lex.exact.get(word, None) is not None and lex.exact.get(_title(word), None) is None


def _is_common(lower: str, lex: Lexicon) -> bool:
    zipf = lex.common_words.get(lower, 0.0)
    if zipf < _MIN_ZIPF:
        return False
    titled = lower.capitalize()
    is_name = titled in lex.given_names or titled in lex.surnames
    return not is_name or zipf >= _NAME_ZIPF
