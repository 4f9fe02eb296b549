"""Split news dumps into articles: headline, caption, byline, dateline, body, credits.

Agency web copies are often glued together with nothing but blank lines. Boundaries
are found from structure, not from separator lines:

* a credits line (``(Reporting by …; Editing by …)``) ends an article;
* a short, title-like line followed by a photo caption, a byline or a dateline (or by
  a repeat of itself) starts one;
* a byline or an agency dateline that turns up after an article's body has begun
  starts a new (headline-less) article;
* separator lines (``1 of 100 DOCUMENTS``, a line of dashes, a Factiva ``Document``
  id) end an article and are kept as residue.

LexisNexis, Nexis Uni and Factiva exports, translated bulletins and the Reuters-21578
SGML have their own readers in :mod:`analysis_lib.layouts`; :func:`segment_text` picks one
from the first few kilobytes of the text.

Nothing is lost: every non-blank character of the input lands in exactly one field
span of one article (see :attr:`Article.spans`) or in a :class:`Residue` record that
says why it was not placed.
"""

from __future__ import annotations

import functools
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

import numpy as np

from analysis_lib.places import canonical_place

# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class Span:
    """Where one field of an article sits in the source text (end exclusive)."""

    field: str
    start: int
    end: int


@dataclass(frozen=True)
class Article:
    """One news article cut out of a document.

    Offsets (``source_start``, ``source_end``, ``body_start``, :attr:`spans`) refer to
    the decoded, newline-normalized document text. The body is one slice of that text,
    except in Factiva's labelled layout, where the lead (``LP``) and the rest (``TD``)
    are two ``body`` spans joined by a blank line.

    Vendor layouts (see :mod:`analysis_lib.layouts`) fill the vendor fields:
    ``publication``, ``section``, ``language``, ``vendor_word_count`` (the stated
    ``LENGTH``/``WC``), ``load_date``, ``publication_type``, ``copyright``,
    ``document_id`` (Factiva ``AN``, a bulletin's serial), ``editor_note`` (a
    bulletin's ``[Report] [Text]``) and ``is_graphic`` (an item that is only a
    graphic). ``layout`` names the layout the article was read from.
    """

    article_id: str
    source: str
    source_start: int
    source_end: int
    body: str
    body_start: int
    headline: str | None = None
    headline_repeated: bool = False
    caption: str | None = None
    byline: tuple[str, ...] = ()
    dateline: str | None = None
    dateline_place: str | None = None
    dateline_date: str | None = None
    agency: str | None = None
    credits: str | None = None
    reporters: tuple[str, ...] = ()
    writers: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()
    published_date: str | None = None
    date_source: str | None = None
    duplicate_of: str | None = None
    dateline_place_name: str | None = None
    dateline_country: str | None = None
    layout: str = "wire"
    publication: str | None = None
    section: str | None = None
    language: str | None = None
    vendor_word_count: int | None = None
    load_date: str | None = None
    publication_type: str | None = None
    copyright: str | None = None
    document_id: str | None = None
    editor_note: str | None = None
    is_graphic: bool = False
    spans: tuple[Span, ...] = field(default=(), repr=False)

    @property
    def body_end(self) -> int:
        """Offset just past the body in the source text."""
        return self.body_start + len(self.body)


@dataclass(frozen=True)
class Residue:
    """Text that is not part of any article, and why."""

    source: str
    start: int
    end: int
    text: str
    reason: str


@dataclass(frozen=True)
class Segmentation:
    """Articles and residue of one document."""

    articles: list[Article]
    residue: list[Residue]


# --------------------------------------------------------------------------- patterns

_LINE = re.compile(r"\S(?:[^\n]*\S)?")
_DASH = r"[-–—]"
_MONTH = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,?\s+\d{4})?"
)
_PLACE_WORD = r"[A-Z][\w.'’&-]*"
_PLACE_JOIN = r"(?:\s(?:" + _PLACE_WORD + r"|al|el|es|de|du|la|le|of|da|do|dos)){0,4}"
_PLACE = _PLACE_WORD + _PLACE_JOIN + r"(?:,\s" + _PLACE_WORD + _PLACE_JOIN + r")?"
_AGENCY = r"[A-Za-z][\w.&'’]*(?:\s[A-Z][\w.&'’]*){0,3}"

#: Agency datelines: ``BEIRUT (Reuters) –``, ``Sydney – (Reuters) –``,
#: ``LONDON, Sept 22 (Reuters) -``, ``WASHINGTON (AP) —``.
_DATELINE = re.compile(
    r"(?P<place>" + _PLACE + r")(?:,\s(?P<date>" + _MONTH + r"))?"
    r"\s*(?:" + _DASH + r"\s*)?\((?P<agency>" + _AGENCY + r")\)\s*" + _DASH + "+"
)
#: Agency-less datelines with a date, in any case: ``Beirut, March 3 -`` (classic wires).
_DATELINE_DATED = re.compile(
    r"(?P<place>" + _PLACE + r"),\s(?P<date>" + _MONTH + r")\s*" + _DASH + r"+(?=\s|$)"
)
#: Agency-less datelines in capitals: ``KABUL — `` or ``MOSUL, Iraq, March 3 - ``.
_DATELINE_CAPS = re.compile(
    r"(?P<place>[A-Z][A-Z.'’-]{2,}(?:\s[A-Z][A-Z.'’-]+){0,3}(?:,\s"
    + _PLACE_WORD
    + r"(?:\s"
    + _PLACE_WORD
    + r"){0,2})?)(?:,\s(?P<date>"
    + _MONTH
    + r"))?\s+"
    + _DASH
    + r"+(?=\s|$)"
)
_CREDITS_PAREN = re.compile(
    r"\((?:[^()]|\([^()]*\))*\b(?:reporting|writing|editing|compiled|compiling|"
    r"contributed|additional reporting)\b(?:[^()]|\([^()]*\))*\)",
    re.IGNORECASE,
)
_CREDITS_BARE = re.compile(
    r"(?:-+\s*)?(?:additional\s+)?(?:reporting|writing|editing)(?:\s+and\s+\w+)?\s+by\s+"
    r"[A-Z][^\n]*;\s*(?:additional\s+reporting|writing|editing)[^\n]*",
    re.IGNORECASE,
)
_CREDIT_PART = re.compile(
    r"^(?P<role>(?:additional|further)?\s*(?:reporting|writing|editing|compiled|compiling|"
    r"reporting\s+and\s+writing|writing\s+and\s+editing|text|graphics|video|photos?)"
    r"(?:\s+and\s+(?:reporting|writing|editing))?)\s+by\s+(?P<names>.+)$",
    re.IGNORECASE,
)
_BYLINE_AGENCY = re.compile(
    r"\s*[|,]\s*(?:Reuters|AFP|AP|Associated Press|Agence France-Presse)\b.*$"
)
_BYLINE = re.compile(r"By\s+(?P<names>[^\n]{2,160})")
#: The line under a byline that names the writer's role: ``Associated Press Writer``.
_BYLINE_ROLE = re.compile(
    r"(?:(?:The\s+)?Associated\s+Press|AP|Reuters|AFP|Staff|Special|Senior|Chief)?"
    r"(?:\s*[A-Z][a-z]+){0,3}\s*(?:Writer|Correspondent|Reporter|Editor|Bureau\s+Chief|"
    r"Contributor|Staff)"
)
_CAPTION_START = re.compile(
    r"(?:FILE\s+PHOTO|PHOTO|FILE|Photo|Pictured|PICTURE|IMAGE)\s*[:/-]|"
    r"(?:A\s+)?(?:still\s+image|handout\s+(?:photo|picture|image))",
)
_CAPTION_END = re.compile(
    r"(?:\bREUTERS\b(?:\s+TV)?(?:\s*/\s*[^/\n]{1,80}){0,3}|\bAFP\s+PHOTO\b[^\n]{0,80}|"
    r"\(AFP\s+Photo[^)]{0,80}\)|\bAP\s+Photo/[^\n]{1,80}|Getty\s+Images|\bEPA(?:-EFE)?/[^\n]{1,80}|"
    r"\bvia\s+REUTERS(?:\s+TV)?)\s*\.?$"
)
DEFAULT_SEPARATOR = re.compile(
    r"(?:\d+\s+of\s+\d+\s+DOCUMENTS?|[-=_*#~]{3,}|Document\s+[A-Za-z0-9]{12,}|"
    r"<(?:/?doc(?:ument)?)[^>]*>)",
    re.IGNORECASE,
)


def build_separator(pattern: str = "", *, keep_default: bool = True) -> re.Pattern[str] | None:
    """Compile a separator-line pattern, by default on top of the built-in ones.

    Args:
        pattern: A regular expression matched against whole, stripped lines
            ("" for none of your own).
        keep_default: Also keep :data:`DEFAULT_SEPARATOR` (LexisNexis ``N of M
            DOCUMENTS``, lines of dashes, Factiva ``Document`` ids).

    Returns:
        The compiled pattern, or ``None`` when there is nothing to match.

    Example:
        >>> sep = build_separator(r"\\*\\*\\* NEXT STORY \\*\\*\\*")
        >>> bool(sep.fullmatch("*** NEXT STORY ***")), bool(sep.fullmatch("1 of 9 DOCUMENTS"))
        (True, True)
    """
    if not pattern:
        return DEFAULT_SEPARATOR if keep_default else None
    parts = [DEFAULT_SEPARATOR.pattern, pattern] if keep_default else [pattern]
    return re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE)


_BOILERPLATE = re.compile(
    r"(?:Our\s+Standards:\s+The\s+Thomson\s+Reuters\s+Trust\s+Principles\.?|"
    r"All\s+quotes\s+delayed[^\n]*|Advertisement|Share\s+this\s+article|"
    r"Sign\s+up\s+for\s+[^\n]{0,80}newsletter[^\n]*)",
    re.IGNORECASE,
)
_NAME_TOKEN = re.compile(
    r"(?:[A-Z][\w'’.-]*|al-\w+|el-\w+|bin|ibn|abu|van|von|de|da|del|della|der|la|le|du|dos|y)$"
)
_IN_PLACE = re.compile(r"\s+in\s+")
_NAME_SPLIT = re.compile(r"\s*(?:,\s*and\s+|,\s*|\s+and\s+|\s*&\s*)")
_TITLE_END_BAD = frozenset(".,;”\"’'")
_CLOSING_QUOTES = {"”": "“", "’": "‘", '"': '"', "'": "'"}
#: Headlines may open with a ticker (``<BAC>``), a bracket (``[UPDATE 2]``), an ellipsis or a quote.
_TITLE_FIRST = frozenset("“‘\"'<[(….")
#: Lower-case words that open names (al-Shabaab, de Mistura) or brands (iPhone, eBay).
_LOWER_NAME_START = re.compile(
    r"(?:(?:al|el|ad|an|ar|as|ash|at|az|bin|ibn|abu|de|da|del|der|di|du|van|von|la|le)[-\s]\S"
    r"|[a-z][A-Z])"
)
#: The sign-off that ends each story of classic Reuters dumps (`` Reuter``, ``REUTER &#3;``).
_SIGNOFF = re.compile(r"(?:Reuter|REUTER)(?:\s*&#3;)?|&#3;")

# --------------------------------------------------------------------------- line kinds


def _is_credits(line: str) -> bool:
    first = line[0]
    if first == "(":
        return line[-1] == ")" and _CREDITS_PAREN.fullmatch(line) is not None
    if first in "-RWEArwea" and ";" in line and len(line) < 400:
        return _CREDITS_BARE.fullmatch(line) is not None
    return False


def parse_names(text: str) -> tuple[str, ...]:
    """Split a list of person names written as in bylines and credits.

    Places after ``in`` (``John Davison in Beirut``) are dropped.

    Example:
        >>> parse_names("Laila Bassam in Beirut and Kinda Makieh in Damascus")
        ('Laila Bassam', 'Kinda Makieh')
        >>> parse_names("Andrew Roche, Toby Davis and David Clarke")
        ('Andrew Roche', 'Toby Davis', 'David Clarke')
    """
    names = []
    for part in _NAME_SPLIT.split(text.strip().rstrip(".")):
        part = _IN_PLACE.split(part, maxsplit=1)[0].strip()
        if part:
            names.append(part)
    return tuple(names)


def _byline_names(line: str) -> tuple[str, ...] | None:
    m = _BYLINE.fullmatch(line)
    if not m:
        return None
    text = _BYLINE_AGENCY.split(m.group("names"))[0]
    names = parse_names(text)
    if not names or len(names) > 6:
        return None
    for name in names:
        tokens = name.split()
        if not 1 <= len(tokens) <= 5 or not tokens[0][:1].isupper():
            return None
        if not all(_NAME_TOKEN.match(t) for t in tokens):
            return None
    return names


def _is_caption(line: str) -> bool:
    if line[0] in "FPIAfph" and _CAPTION_START.match(line):
        return True
    tail = line[-120:]
    if "REUTERS" in tail or "AFP" in tail or "Getty" in tail or "EPA" in tail or "AP " in tail:
        return _CAPTION_END.search(tail) is not None
    return False


def _ends_with_quoted_phrase(line: str) -> bool:
    """``… says 'constitutional crisis'``: a closing quote after a word, with its opening one."""
    last = line[-1]
    opening = _CLOSING_QUOTES.get(last)
    if opening is None or len(line) < 4 or not line[-2].isalnum():
        return False
    return line.count(opening, 0, -1) >= 1


def _is_title(line: str) -> bool:
    last = line[-1]
    if len(line) > 200 or (
        last in _TITLE_END_BAD
        and (last not in _CLOSING_QUOTES or not _ends_with_quoted_phrase(line))
    ):
        return False
    first = line[0]
    if not (first.isupper() or first.isdigit() or first in _TITLE_FIRST) and not (
        first.islower() and _LOWER_NAME_START.match(line)
    ):
        return False
    words = line.count(" ") + 1
    return 2 <= words <= 30 or (words == 1 and line.isupper() and len(line) > 3)


def _match_dateline(line: str) -> re.Match[str] | None:
    """An agency dateline, a dated one (``Beirut, March 3 -``) or one in capitals.

    A dateline may fill its line (``SCARBOROUGH, Ontario, March 2 -`` above a table)
    when it carries an agency or a date. A capitals one needs lower-case text after
    it, so that ``ECONOMIC SPOTLIGHT - JAPAN …`` stays a headline.
    """
    if not line[0].isupper():
        return None
    head = line[:110]
    if "(" not in head and "–" not in head and "—" not in head and " -" not in head:
        return None
    m = _DATELINE.match(line)
    if m:
        return m
    m = _DATELINE_DATED.match(line)
    if m:
        return m
    m = _DATELINE_CAPS.match(line)
    if m:
        rest = line[m.end() : m.end() + 80]
        if (rest and any(ch.islower() for ch in rest)) or (not rest and m.group("date")):
            return m
    return None


def _classify(line: str, separator: re.Pattern[str] | None) -> str:
    first = line[0]
    maybe_separator = separator is not None and (
        separator is not DEFAULT_SEPARATOR or first in "-=_*#~<0123456789Dd"
    )
    if maybe_separator and separator.fullmatch(line):
        return "separator"
    if first in "OASa" and len(line) < 120 and _BOILERPLATE.fullmatch(line):
        return "boilerplate"
    if _is_credits(line):
        return "credits"
    if first in "R&" and len(line) < 14 and _SIGNOFF.fullmatch(line):
        return "signoff"
    if first == "B" and line.startswith("By ") and _byline_names(line) is not None:
        return "byline"
    if len(line) < 60 and line[-1] in "rtfe" and _BYLINE_ROLE.fullmatch(line):
        return "byline_role"
    m = _match_dateline(line)
    if m is not None:
        return "dateline" if m.re is _DATELINE else "dateline_caps"
    if len(line) > 40 and _is_caption(line):
        return "caption"
    if _is_title(line):
        return "title"
    return "text"


# --------------------------------------------------------------------------- splitting


@dataclass
class _Lines:
    text: str
    starts: list[int]
    ends: list[int]
    kinds: list[str]

    def line(self, i: int) -> str:
        return self.text[self.starts[i] : self.ends[i]]


def _scan_lines(text: str, separator: re.Pattern[str] | None) -> _Lines:
    starts: list[int] = []
    ends: list[int] = []
    kinds: list[str] = []
    add_start, add_end, add_kind = starts.append, ends.append, kinds.append
    for m in _LINE.finditer(text):
        start, end = m.span()
        add_start(start)
        add_end(end)
        add_kind(_classify(text[start:end], separator))
    return _Lines(text, starts, ends, kinds)


def _next_header_index(lines: _Lines, i: int, stop: int) -> int | None:
    """Index of the first caption/byline/dateline within a few lines after a title at i."""
    j = i + 1
    if j < stop and lines.line(j) == lines.line(i):
        j += 1  # repeated headline
    for k in range(j, min(j + 3, stop)):
        kind = lines.kinds[k]
        if kind in ("byline", "dateline", "dateline_caps"):
            return k
        if kind != "caption" and k > j:
            return None
        if kind == "caption" and k + 1 < stop and lines.kinds[k + 1] in ("byline", "dateline"):
            return k + 1
        if kind not in ("caption", "text"):
            return None
    return None


def _starts_article(lines: _Lines, i: int, body_seen: bool) -> bool:
    kind = lines.kinds[i]
    n = len(lines.kinds)
    if kind == "title":
        if i > 0 and lines.line(i - 1) == lines.line(i):
            return False  # the repeat of a headline just seen
        if i + 1 < n and lines.line(i + 1) == lines.line(i):
            return True
        return _next_header_index(lines, i, n) is not None
    if not body_seen:
        return False
    if kind in ("byline", "dateline"):
        return True
    if kind == "caption":
        return i + 1 < n and lines.kinds[i + 1] in ("byline", "dateline")
    return False


def _header_end(lines: _Lines, start: int) -> int:
    """Last line index of the header (headline … byline/dateline) of a group at ``start``."""
    if start < len(lines.kinds) and lines.kinds[start] == "title":
        found = _next_header_index(lines, start, len(lines.kinds))
        if found is not None:
            return found
    return start


def _group_lines(lines: _Lines) -> tuple[list[tuple[int, int]], list[tuple[int, str]]]:
    """Group line indices into articles ``[start, stop)``; return groups and residue lines."""
    groups: list[tuple[int, int]] = []
    residue: list[tuple[int, str]] = []
    start, header_end, body_seen = 0, _header_end(lines, 0), False
    n = len(lines.kinds)
    for i in range(n):
        kind = lines.kinds[i]
        if kind in ("separator", "boilerplate"):
            if i > start:
                groups.append((start, i))
            residue.append((i, kind))
            start, header_end, body_seen = i + 1, _header_end(lines, i + 1), False
            continue
        if i > header_end and _starts_article(lines, i, body_seen):
            groups.append((start, i))
            start, header_end, body_seen = i, _header_end(lines, i), False
        if kind == "credits" or kind == "signoff":
            groups.append((start, i + 1))
            start, header_end, body_seen = i + 1, _header_end(lines, i + 1), False
        elif i > header_end and kind in ("text", "dateline", "dateline_caps"):
            body_seen = True
    if start < n:
        groups.append((start, n))
    return groups, residue


def dateline_values(m: re.Match[str]) -> dict[str, str | None]:
    """Article fields of a dateline match: text, place (and its canonical form), date, agency.

    Example:
        >>> dateline_values(_DATELINE.match("MOSUL, Iraq (Reuters) - Troops"))["dateline_country"]
        'IRQ'
    """
    place = m.group("place")
    name, country = canonical_place(place)
    groups = m.groupdict()
    return {
        "dateline": m.group(0),
        "dateline_place": place,
        "dateline_place_name": name,
        "dateline_country": country,
        "dateline_date": groups.get("date"),
        "agency": groups.get("agency"),
    }


def _parse_credits(credits: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    inner = credits.strip().lstrip("-").strip()
    if inner.startswith("(") and inner.endswith(")"):
        inner = inner[1:-1]
    reporters: list[str] = []
    writers: list[str] = []
    editors: list[str] = []
    for part in re.split(r"\s*;\s*", inner):
        m = _CREDIT_PART.match(part.strip())
        if not m:
            continue
        role = m.group("role").lower()
        names = parse_names(m.group("names"))
        if "reporting" in role or "compil" in role:
            reporters.extend(names)
        if "writing" in role or role.strip() == "text":
            writers.extend(names)
        if "editing" in role:
            editors.extend(names)
    return tuple(reporters), tuple(writers), tuple(editors)


def _build_article(
    lines: _Lines, lo: int, hi: int, source: str, number: int, *, headline: bool = True
) -> Article | None:
    text = lines.text
    kinds = lines.kinds
    spans: list[Span] = []
    values: dict[str, object] = {}
    i = lo
    # Headline (and its repeat) when the group opens with a title-like line.
    if headline and kinds[i] == "title" and hi - lo > 1:
        values["headline"] = lines.line(i)
        spans.append(Span("headline", lines.starts[i], lines.ends[i]))
        i += 1
        if i < hi and lines.line(i) == values["headline"]:
            values["headline_repeated"] = True
            spans.append(Span("headline_repeat", lines.starts[i], lines.ends[i]))
            i += 1
    # Captions (by pattern, or any lines squeezed between headline and byline/dateline).
    header_at = None
    if "headline" in values:
        for k in range(i, min(i + 3, hi)):
            if kinds[k] in ("byline", "dateline"):
                header_at = k
                break
    cap_lo = i
    while i < hi and (
        kinds[i] == "caption" or (header_at is not None and i < header_at and kinds[i] != "byline")
    ):
        i += 1
    if i > cap_lo:
        values["caption"] = text[lines.starts[cap_lo] : lines.ends[i - 1]]
        spans.append(Span("caption", lines.starts[cap_lo], lines.ends[i - 1]))
    if i < hi and kinds[i] == "byline":
        values["byline"] = _byline_names(lines.line(i)) or ()
        byline_start = lines.starts[i]
        i += 1
        while i < hi and kinds[i] == "byline_role":  # Associated Press Writer
            i += 1
        spans.append(Span("byline", byline_start, lines.ends[i - 1]))
        # A caption may also follow the byline.
        cap_lo = i
        while i < hi and kinds[i] == "caption":
            i += 1
        if i > cap_lo:
            values["caption"] = text[lines.starts[cap_lo] : lines.ends[i - 1]]
            spans.append(Span("caption", lines.starts[cap_lo], lines.ends[i - 1]))
    stop = hi
    tail_spans = []
    while stop > i and kinds[stop - 1] == "signoff":
        tail_spans.append(Span("signoff", lines.starts[stop - 1], lines.ends[stop - 1]))
        stop -= 1
    if stop > i and kinds[stop - 1] == "credits":
        credits = lines.line(stop - 1)
        values["credits"] = credits
        reporters, writers, editors = _parse_credits(credits)
        values.update(reporters=reporters, writers=writers, editors=editors)
        credit_span = Span("credits", lines.starts[stop - 1], lines.ends[stop - 1])
        stop -= 1
    else:
        credit_span = None
    if i >= stop:
        return None  # no body: the caller turns these lines into residue
    body_start = lines.starts[i]
    body_end = lines.ends[stop - 1]
    if kinds[i] in ("dateline", "dateline_caps"):
        m = _match_dateline(lines.line(i))
        if m is not None:
            if body_start + m.end() >= body_end:
                return None  # a dateline and nothing after it
            values.update(dateline_values(m))
            spans.append(Span("dateline", body_start, body_start + m.end()))
            body_start += m.end()
            while text[body_start].isspace():
                body_start += 1
    spans.append(Span("body", body_start, body_end))
    if credit_span is not None:
        spans.append(credit_span)
    spans.extend(reversed(tail_spans))
    return Article(
        article_id=f"{source}#{number:03d}",
        source=source,
        source_start=lines.starts[lo],
        source_end=lines.ends[hi - 1],
        body=text[body_start:body_end],
        body_start=body_start,
        spans=tuple(spans),
        **values,  # type: ignore[arg-type]
    )


def segment_text(
    text: str,
    *,
    source: str | None = None,
    single: bool = False,
    separator: str | re.Pattern[str] | None = DEFAULT_SEPARATOR,
    layout: str | None = None,
) -> Segmentation:
    """Split a document into articles and residue.

    The layout is recognized from the document's first few kilobytes (see
    :func:`analysis_lib.layouts.detect_layout`): LexisNexis and Nexis Uni exports,
    Factiva's two displays and translated bulletins get their own readers (with
    vendor metadata); everything else is an agency dump, split by structure.

    Args:
        text: Decoded document text (``\\n`` line endings).
        source: Name of the document, used in ``article_id`` (``<source>#001``).
        single: Treat the whole document as one article (one-article-per-file
            folders, rows of a CSV export): no boundary detection, but headline,
            caption, byline, dateline and credits are still parsed.
        separator: Regular expression for separator lines that always end an
            article (matched against a whole, stripped line); ``None`` for none.
            Used by the agency-dump (``wire``) layout.
        layout: Force a layout (a name from :data:`analysis_lib.layouts.LAYOUTS`);
            ``None`` detects it.

    Returns:
        A :class:`Segmentation` with articles in order and residue records.

    Example:
        >>> seg = segment_text("Headline here\\n\\nBEIRUT (Reuters) - Body text.\\n\\n(Editing by Ann Lee)")
        >>> a = seg.articles[0]
        >>> a.headline, a.dateline_place, a.agency, a.body, a.editors
        ('Headline here', 'BEIRUT', 'Reuters', 'Body text.', ('Ann Lee',))
    """
    source = source or "text"
    if not single:
        found = layout or layouts.detect_layout(text)
        if found != "wire":
            return layouts.segment_layout(text, found, source=source)
    if isinstance(separator, str):
        separator = re.compile(separator)
    lines = _scan_lines(text, separator)
    if single:
        groups = [(0, len(lines.kinds))] if lines.kinds else []
        residue_lines: list[tuple[int, str]] = []
    else:
        groups, residue_lines = _group_lines(lines)
    articles: list[Article] = []
    residue = [
        Residue(source, lines.starts[i], lines.ends[i], lines.line(i), reason)
        for i, reason in residue_lines
    ]
    for lo, hi in groups:
        article = _build_article(lines, lo, hi, source, len(articles) + 1)
        if article is None:
            start, end = lines.starts[lo], lines.ends[hi - 1]
            residue.append(Residue(source, start, end, text[start:end], "fragment without body"))
        else:
            articles.append(article)
    residue.sort(key=lambda r: r.start)
    return Segmentation(articles, residue)


def split_articles(text: str, *, source: str | None = None, **options: object) -> list[Article]:
    """Split a dump into :class:`Article` records (see :func:`segment_text`).

    Residue (separators, fragments without body) is available from
    :func:`segment_text`; this shortcut returns the articles only.

    Example:
        >>> dump = ("Syrian army advances\\n\\nBy Ann Lee\\n\\nBEIRUT (Reuters) – Troops advanced.\\n\\n"
        ...         "(Reporting by Ann Lee; Editing by Bo Chan)\\n\\nSecond story\\n\\n"
        ...         "MOSCOW (Reuters) – A submarine fired missiles.")
        >>> [(a.headline, a.byline, a.dateline_place) for a in split_articles(dump)]
        [('Syrian army advances', ('Ann Lee',), 'BEIRUT'), ('Second story', (), 'MOSCOW')]
    """
    return segment_text(text, source=source, **options).articles  # type: ignore[arg-type]


# --------------------------------------------------------------------------- duplicates

_WORD = re.compile(r"\w+")
_MINHASH_PERMS = 128
_BANDS = 32


#: Odd 64-bit multipliers that mix the word hashes of a shingle by position.
_SHINGLE_MIX = np.array(
    [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93],
    dtype=np.uint64,
)


def _shingles(text: str, k: int = 4) -> np.ndarray:
    """Distinct hashes of the text's k-word shingles (lower case), as uint64."""
    words = _WORD.findall(text.lower())
    if not words:
        return np.empty(0, dtype=np.uint64)
    codes = {w: zlib.crc32(w.encode()) + 1 for w in set(words)}
    hashes = np.array([codes[w] for w in words], dtype=np.uint64)
    if len(words) < k:
        hashes = np.concatenate([hashes, np.zeros(k - len(words), dtype=np.uint64)])
    count = len(hashes) - k + 1
    mixed = np.zeros(count, dtype=np.uint64)
    for position in range(k):  # wraps around modulo 2**64, as intended
        mixed += hashes[position : position + count] * _SHINGLE_MIX[position]
    return np.unique(mixed)


@functools.cache
def _minhash_params() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(20170922)
    a = rng.integers(1, 1 << 63, size=_MINHASH_PERMS, dtype=np.uint64) | np.uint64(1)
    b = rng.integers(0, 1 << 63, size=_MINHASH_PERMS, dtype=np.uint64)
    return a, b


def _minhash(shingles: np.ndarray) -> np.ndarray:
    a, b = _minhash_params()
    # (a*x + b) mod 2^64 with odd a: a cheap universal hash family for MinHash.
    return (shingles[:, None] * a[None, :] + b[None, :]).min(axis=0)


def minhash_signature(text: str) -> bytes | None:
    """The MinHash signature of a text's 4-word shingles (128 hashes), or ``None`` if empty.

    Computed per article (in any worker); :func:`match_duplicates` compares them.

    Example:
        >>> len(minhash_signature("Troops advanced on the city on Monday.")), minhash_signature("")
        (1024, None)
    """
    shingles = _shingles(text)
    return _minhash(shingles).tobytes() if len(shingles) else None


def match_duplicates(
    signatures: Iterable[bytes | None], *, threshold: float = 0.8
) -> list[int | None]:
    """For each signature, the index of an earlier near-duplicate, or ``None``.

    The corpus-level step of :func:`find_duplicates`: banding finds candidate pairs and
    the estimated Jaccard similarity decides. Only the signatures are kept.

    Example:
        >>> sigs = [minhash_signature(t) for t in ("A convoy of aid arrived in the city.",
        ...                                        "A convoy of aid arrived in the city.")]
        >>> match_duplicates(sigs)
        [None, 0]
    """
    rows = _MINHASH_PERMS // _BANDS
    width = rows * 8
    buckets: dict[tuple[int, bytes], list[int]] = {}
    kept: list[np.ndarray | None] = []
    result: list[int | None] = []
    for idx, raw in enumerate(signatures):
        if raw is None:
            kept.append(None)
            result.append(None)
            continue
        sig = np.frombuffer(raw, dtype=np.uint64)
        kept.append(sig)
        candidates: set[int] = set()
        for band in range(_BANDS):
            key = (band, raw[band * width : (band + 1) * width])
            bucket = buckets.setdefault(key, [])
            candidates.update(bucket)
            bucket.append(idx)
        match = None
        needed = threshold * _MINHASH_PERMS
        for cand in sorted(candidates):
            if np.count_nonzero(kept[cand] == sig) >= needed:
                match = result[cand] if result[cand] is not None else cand
                break
        result.append(match)
    return result


def find_duplicates(texts: Iterable[str], *, threshold: float = 0.8) -> list[int | None]:
    """For each text, the index of an earlier near-duplicate, or ``None``.

    Texts are compared by the Jaccard similarity of their 4-word shingles, estimated
    with MinHash signatures (128 hashes); banding finds the candidate pairs. Only the
    signatures are kept, so memory grows with the number of texts, not their size.

    Args:
        texts: Article bodies in corpus order.
        threshold: Minimum estimated Jaccard similarity to call two texts duplicates.

    Example:
        >>> find_duplicates(["Troops advanced on the city on Monday, officials said.",
        ...                  "Troops advanced on the city on Monday, officials said so.",
        ...                  "A convoy of aid arrived at Deir al-Zor in eastern Syria."])
        [None, 0, None]
    """
    return match_duplicates((minhash_signature(t) for t in texts), threshold=threshold)


def flag_duplicates(articles: Iterable[Article], *, threshold: float = 0.8) -> list[Article]:
    """Return the articles with ``duplicate_of`` set for near-duplicates of earlier ones.

    Example:
        >>> text = "Hello world\\n\\nBEIRUT (Reuters) – The army advanced on Monday into the city."
        >>> arts = split_articles(text, source="a") + split_articles(text, source="b")
        >>> [a.duplicate_of for a in flag_duplicates(arts)]
        [None, 'a#001']
    """
    articles = list(articles)
    marks = find_duplicates([a.body for a in articles], threshold=threshold)
    return [
        replace(a, duplicate_of=articles[m].article_id) if m is not None else a
        for a, m in zip(articles, marks, strict=True)
    ]


# Vendor and bulletin layouts build on the records and line rules above.
from analysis_lib import layouts  # noqa: E402
