"""Layouts of news archives and monitoring bulletins, detected from the text itself.

:func:`detect_layout` looks only at the first few kilobytes of a document and names one of:

* ``lexisnexis``: LexisNexis / nexis.com text exports. A cover page (residue), then
  per article ``N of M DOCUMENTS``, the publication, a date line (``January 11, 2010
  Monday``) and edition, the headline, labelled fields (``BYLINE:``, ``SECTION:``,
  ``LENGTH:``, ``DATELINE:``), the body, and trailing fields (``LOAD-DATE:``,
  ``LANGUAGE:``, ``GRAPHIC:``, ``PUBLICATION-TYPE:``, a copyright line).
* ``nexis_uni``: Nexis Uni downloads (DOCX or RTF turned into text, or text): headline,
  publication, date line, ``Copyright``, ``Section:``, ``Length:``, ``Byline:``, a
  ``Body`` line, the body, ``Graphic`` / ``Classification`` blocks, ``Load-Date:`` and
  ``End of Document``.
* ``factiva_fields``: Factiva's labelled-field display (``HD``, ``BY``, ``WC``, ``PD``,
  ``SN``, ``SC``, ``LA``, ``CY``, ``LP``, ``TD``, ``AN``, …), a label per line.
* ``factiva``: Factiva's article display: headline, byline, ``NNN words``, date, time,
  source name and code, language, copyright, body, ``Document <id>``; a search summary
  at the end (residue).
* ``bulletin``: translated monitoring bulletins (FBIS, BBC Monitoring, MUC-3/4): an id
  or serial line, then an indented dateline ``Place, 23 Aug 88 (Source) -- [Report]
  [Text]``, often in capitals.
* ``reuters_sgml``: the Reuters-21578 SGML distribution (``<REUTERS NEWID=…>``,
  ``<DATE>``, ``<TITLE>``, ``<DATELINE>``, ``<BODY>``); tags and topic lists are markup
  spans, ``&lt;`` entities stay as written in the body (the headline is unescaped).
* ``wire``: everything else (agency web copies, classic wire dumps), segmented by
  :func:`analysis_lib.segment.segment_text`'s structural rules.

Every layout keeps the nothing-lost contract: each non-blank character lands in one
span of one article or in a residue record (cover pages, separators, search summaries).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

from analysis_lib.dates import parse_date
from analysis_lib.places import canonical_place
from analysis_lib.segment import (
    _LINE,
    Article,
    Residue,
    Segmentation,
    Span,
    _is_credits,
    _match_dateline,
    _parse_credits,
    dateline_values,
    parse_names,
)

#: How much of a document :func:`detect_layout` reads.
HEAD_CHARS = 4096
LAYOUTS = (
    "wire",
    "lexisnexis",
    "nexis_uni",
    "factiva_fields",
    "factiva",
    "bulletin",
    "reuters_sgml",
)

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
#: German and French month names (LexisNexis exports in those languages), month number.
_FOREIGN_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            "januar janvier",
            "februar février fevrier",
            "märz mars",
            "april avril",
            "mai",
            "juni juin",
            "juli juillet",
            "august août aout",
            "september septembre",
            "oktober octobre",
            "november novembre",
            "dezember décembre decembre",
        ],
        start=1,
    )
    for name in names.split()
}
#: A vendor date line: ``January 11, 2010 Monday``, ``11 January 2010``, ``Monday, January 11, 2010``.
_VENDOR_DATE = re.compile(
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:"
    + _MONTHS
    + r"\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+"
    + _MONTHS
    + r",?\s+\d{4}|"
    + _MONTHS
    + r"\s+\d{4}|\d{1,2}\.?\s+(?:"
    + "|".join(_FOREIGN_MONTHS)
    + r")\s+\d{4})(?:\s.{0,40})?",
    re.IGNORECASE,
)
_FOREIGN_DATE = re.compile(
    r"(?P<day>\d{1,2})\.?\s+(?P<month>" + "|".join(_FOREIGN_MONTHS) + r")\s+(?P<year>\d{4})",
    re.IGNORECASE,
)
_LN_SEPARATOR = re.compile(
    r"\d+\s+of\s+\d+\s+DOCUMENTS?|Dokument\s+\d+\s+von\s+\d+|Document\s+\d+\s+de\s+\d+"
)
_LN_LABEL = re.compile(r"(?P<label>[A-ZÄÖÜ][A-ZÄÖÜ-]{1,24}(?: [A-ZÄÖÜ-]{2,12})?):\s*(?P<value>.*)")
#: Labels of the metadata block between headline and body (English, German, French exports).
_LN_HEADER_LABELS = frozenset(
    re.findall(
        r"[A-ZÄ-]+",
        "BYLINE SECTION LENGTH DATELINE HIGHLIGHT SOURCE TYPE SERIES EDITION AUTHOR COLUMN "
        "CORRECTION-DATE CORRECTION ABSTRACT SUBTITLE BODY AUTOR RUBRIK LÄNGE LONGUEUR RUBRIQUE "
        "SIGNATURE DOCUMENT-TYPE",
    )
)
_LN_HEAD = re.compile(
    r"^\s*(?:BYLINE|SECTION|LENGTH|LOAD-DATE|LANGUAGE|DATELINE|AUTOR|RUBRIK|LÄNGE|LONGUEUR|"
    r"RUBRIQUE|SPRACHE|LANGUE):\s",
    re.M,
)
_COPYRIGHT = re.compile(r"(?:Copyright|COPYRIGHT|©|\(c\)|\(C\))\s*\S.*|All Rights Reserved\.?")
_UNI_LABEL = re.compile(
    r"(?P<label>[A-Z][A-Za-z-]{1,24}(?: [A-Za-z-]{2,12})?):[ \t\u00a0]+(?P<value>.*)"
)
_UNI_HEAD = re.compile(r"^(?:Length|Byline|Section|Load-Date):[ \t\u00a0]", re.M)
_UNI_MARK = re.compile(r"^(?:Body|End of Document)\s*$", re.M)
_UNI_BLOCKS = frozenset({"Classification", "Graphic", "Notes", "Correction", "Highlight"})
_FACTIVA_CODES = (
    "HD|CLM|SE|BY|CR|WC|PD|ET|SN|SC|ED|PG|VOL|LA|CY|LP|TD|CT|RF|CO|IN|NS|RE|IPC|IPD|PUB|AN"
)
_FACTIVA_LABEL = re.compile(r"(?P<label>" + _FACTIVA_CODES + r")(?:[ \t]+(?P<value>\S.*))?")
_FACTIVA_HEAD = re.compile(r"^(?:" + _FACTIVA_CODES + r")(?:[ \t]|$)", re.M)
_WORDS = re.compile(r"(?P<count>\d[\d,]*)\s+words")
_WORDS_OTHER = re.compile(r"(?P<count>\d[\d.,]*)\s+(?:Wörter|mots|palabras)", re.IGNORECASE)
_FACTIVA_DOC = re.compile(r"Document\s+(?P<id>[A-Za-z0-9]{12,})")
_TIME = re.compile(r"\d{1,2}:\d{2}(?:\s*(?:GMT|UTC|ET|EST|EDT|[AP]M))?")
_SOURCE_CODE = re.compile(r"[A-Z0-9]{2,10}")
_LANGUAGES = frozenset(
    re.findall(
        r"\w+",
        "english french german spanish portuguese italian arabic russian chinese dutch turkish "
        "japanese swedish norwegian danish polish indonesian",
    )
)
_BULLETIN_DATELINE = re.compile(
    r"(?P<place>[A-Za-z][\w.'’-]*(?: [\w.'’-]+){0,4}?(?: \([^()\n]{2,40}\))?), "
    r"(?P<date>\d{1,2} " + _MONTHS + r" \d{2}(?:\d{2})?|NO DATE)"
    r"(?: \((?P<agency>[^()\n]{1,80})\))? *--(?=\s|$)",
    re.IGNORECASE,
)
#: An id or serial line: ``TST3-MUC4-0001``, ``DEV-MUC3-0001 (NOSC)``, ``FBIS-LAT-88-164``,
#: or an FBIS serial with its source (``PA2308153088 Santiago Domestic Service in Spanish …``).
_BULLETIN_ID = re.compile(
    r"(?P<id>(?=[\w.:/-]*\d)(?=[\w.:/-]*[A-Z])[A-Z0-9][\w.:/-]{3,40})(?: \([A-Z][A-Za-z ]{1,20}\))?"
    r"|(?P<serial>[A-Z]{2}\d{10}) .{0,120}"
)
_EDITORIAL = re.compile(
    r"\[(?:TEXT|REPORT|EXCERPTS?|CONTINUED|COMMUNIQUE|STATEMENT|COMMENTARY|EDITORIAL|INTERVIEW|"
    r"ARTICLE|SPEECH|NEWS CONFERENCE|PRESS CONFERENCE|BEGIN RECORDING|END RECORDING|BY-?LINED|"
    r"PRESS RELEASE|DISPATCH|ANNOUNCER|LETTER|MESSAGE|DOCUMENT|RECORDING|PASSAGE OMITTED|"
    r"UNATTRIBUTED|ROUNDUP|SUMMARY|EDITOR)\b",
    re.IGNORECASE,
)


# --------------------------------------------------------------------------- detection


def detect_layout(text: str) -> str:
    """Name the layout of a document from its first :data:`HEAD_CHARS` characters.

    Args:
        text: Decoded document text.

    Returns:
        One of :data:`LAYOUTS`.

    Example:
        >>> detect_layout("1 of 2 DOCUMENTS\\n\\nThe Guardian\\n\\nMay 2, 2017\\n\\nTitle\\n\\nLENGTH: 5 words\\n")
        'lexisnexis'
        >>> detect_layout("TST3-MUC4-0001\\n\\n   LIMA, 10 JAN 90 (EFE) -- [TEXT] POLICE SAID.")
        'bulletin'
        >>> detect_layout("BEIRUT (Reuters) - The army advanced.")
        'wire'
    """
    head = text[:HEAD_CHARS]
    has_ln_separator = "DOCUMENT" in head or "Dokument" in head or "Document " in head
    if has_ln_separator and _LN_SEPARATOR.search(head) and _LN_HEAD.search(head):
        return "lexisnexis"
    if (
        ("Body" in head or "End of Document" in head)
        and _UNI_HEAD.search(head)
        and _UNI_MARK.search(head)
    ):
        return "nexis_uni"
    if "HD" in head and len(set(_FACTIVA_HEAD.findall(head))) >= 3:
        labels = {m.group(0).strip() for m in _FACTIVA_HEAD.finditer(head)}
        if "HD" in labels and labels & {"WC", "PD", "SN", "LP", "TD", "AN"}:
            return "factiva_fields"
    if "<REUTERS" in head and ("<TITLE>" in head or "<BODY>" in head or "<TEXT" in head):
        return "reuters_sgml"
    if " words" in head and _factiva_anchor(head):
        return "factiva"
    if "--" in head:
        for line in head.splitlines():
            if "--" in line and _BULLETIN_DATELINE.match(line.strip()):
                return "bulletin"
    return "wire"


def _factiva_anchor(head: str) -> bool:
    lines = [ln.strip() for ln in head.splitlines() if ln.strip()]
    for k, line in enumerate(lines):
        if _WORDS.fullmatch(line) and any(_VENDOR_DATE.fullmatch(x) for x in lines[k + 1 : k + 3]):
            return True
    return False


# --------------------------------------------------------------------------- shared machinery


@dataclass
class _Doc:
    """Non-blank lines of a document (stripped), and whether a blank line precedes each."""

    text: str
    starts: list[int]
    ends: list[int]
    gap: list[bool]

    def line(self, i: int) -> str:
        return self.text[self.starts[i] : self.ends[i]]

    def __len__(self) -> int:
        return len(self.starts)


def _lines(text: str) -> _Doc:
    starts, ends, gap = [], [], []
    prev = 0
    for m in _LINE.finditer(text):
        starts.append(m.start())
        ends.append(m.end())
        gap.append(len(starts) == 1 or text.count("\n", prev, m.start()) >= 2)
        prev = m.end()
    return _Doc(text, starts, ends, gap)


class _Builder:
    """Collects the spans and fields of one vendor article."""

    def __init__(self, doc: _Doc, layout: str) -> None:
        self.doc = doc
        self.spans: list[Span] = []
        self.values: dict[str, object] = {"layout": layout}
        self.pieces: list[tuple[int, int]] = []

    def field(self, name: str, lo: int, hi: int, value: object = None, *, key: str = "") -> None:
        """Lines ``lo..hi`` (inclusive) are field ``name``; store ``value`` under ``key``."""
        self.spans.append(Span(name, self.doc.starts[lo], self.doc.ends[hi]))
        if key and value not in (None, ""):
            self.values.setdefault(key, value)

    def span(self, name: str, start: int, end: int) -> None:
        self.spans.append(Span(name, start, end))

    def build(self, source: str, number: int, lo: int, hi: int, *, dateline: bool = True):
        """The article (body from :attr:`pieces`, dateline and credits parsed from it)."""
        text = self.doc.text
        pieces = [p for p in self.pieces if p[0] < p[1]]
        values = self.values
        if pieces and dateline:
            start, end = pieces[0]
            line_end = text.find("\n", start, end)
            m = _match_dateline(text[start : end if line_end == -1 else line_end])
            if m is not None and start + m.end() < end:
                for key, value in dateline_values(m).items():
                    values.setdefault(key, value)
                self.span("dateline", start, start + m.end())
                start += m.end()
                while text[start].isspace():
                    start += 1
                pieces[0] = (start, end)
        if pieces:
            start, end = pieces[-1]
            cut = text.rfind("\n", start, end)
            last = text[cut + 1 : end].strip()
            if cut > start and last and _is_credits(last):
                credit_start = text.index(last, cut)
                values["credits"] = last
                reporters, writers, editors = _parse_credits(last)
                values.update(reporters=reporters, writers=writers, editors=editors)
                self.span("credits", credit_start, end)
                while cut > start and text[cut - 1].isspace():
                    cut -= 1
                pieces[-1] = (start, cut)
        for start, end in pieces:
            self.span("body", start, end)
        body = "\n\n".join(text[s:e] for s, e in pieces)
        if pieces:
            body_start = pieces[0][0]
        else:  # only a graphic, or nothing but metadata
            body_start = max((s.end for s in self.spans), default=self.doc.starts[lo])
            values.setdefault("is_graphic", True)
        self.spans.sort(key=lambda s: s.start)
        return Article(
            article_id=f"{source}#{number:03d}",
            source=source,
            source_start=self.doc.starts[lo],
            source_end=self.doc.ends[hi],
            body=body,
            body_start=body_start,
            spans=tuple(self.spans),
            **values,  # type: ignore[arg-type]
        )


def _residue(doc: _Doc, source: str, lo: int, hi: int, reason: str) -> Residue | None:
    """Lines ``lo..hi`` (inclusive) as one residue record; ``None`` when empty."""
    if hi < lo:
        return None
    start, end = doc.starts[lo], doc.ends[hi]
    return Residue(source, start, end, doc.text[start:end], reason)


def _join(doc: _Doc, lo: int, hi: int) -> str:
    return " ".join(" ".join(doc.line(i).split()) for i in range(lo, hi + 1))


def _paragraph_end(doc: _Doc, i: int, stop: int) -> int:
    """Last line of the paragraph that starts at ``i`` (no blank line inside)."""
    j = i
    while j + 1 < stop and not doc.gap[j + 1]:
        j += 1
    return j


def parse_byline(value: str) -> tuple[str, ...]:
    """Person names of a vendor byline, without ``By``, roles and agencies.

    Example:
        >>> parse_byline("By ANN LEE and Bo Chan, Middle East Correspondent")
        ('ANN LEE', 'Bo Chan')
    """
    value = re.sub(r"^\s*by\s+", "", value.strip(), flags=re.IGNORECASE)
    value = re.split(r"\s*[;|]\s*|\s+[-–—]\s+", value)[0]
    names = []
    for name in parse_names(value):
        words = name.split()
        if not words or any(w.lower().strip(".") in _ROLE_WORDS for w in words):
            continue
        names.append(name)
    return tuple(names)


_ROLE_WORDS = frozenset(
    re.findall(
        r"[\w-]+",
        "correspondent editor reporter writer staff bureau chief columnist contributor special "
        "reuters afp ap associated press agence france-presse news service wire analyst",
    )
)


def _word_count(value: str) -> int | None:
    m = _WORDS.search(value) or _WORDS_OTHER.search(value)
    return int(m.group("count").replace(",", "")) if m else None


def _language(value: str) -> str:
    value = value.strip().rstrip(";.")
    return value.title() if value.isupper() else value


def _apply_label(b: _Builder, label: str, value: str, lo: int, hi: int) -> None:
    """Store one labelled field (LexisNexis and Nexis Uni share the names)."""
    key = label.upper()
    value = " ".join(value.split())
    if key in ("BYLINE", "AUTHOR", "AUTOR", "SIGNATURE"):
        b.field("byline", lo, hi, parse_byline(value), key="byline")
    elif key in ("SECTION", "RUBRIK", "RUBRIQUE"):
        b.field("section", lo, hi, value, key="section")
    elif key in ("LENGTH", "LÄNGE", "LONGUEUR"):
        b.field("length", lo, hi, _word_count(value), key="vendor_word_count")
    elif key in ("LOAD-DATE", "LOAD DATE"):
        b.field("load_date", lo, hi, _vendor_date(value) or value, key="load_date")
    elif key in ("LANGUAGE", "SPRACHE", "LANGUE"):
        b.field("language", lo, hi, _language(value), key="language")
    elif key == "PUBLICATION-TYPE":
        b.field("publication_type", lo, hi, value, key="publication_type")
    elif key == "DATELINE":
        name, country = canonical_place(value)
        b.field("dateline", lo, hi)
        for k, v in (("dateline", value), ("dateline_place", value)):
            b.values.setdefault(k, v)
        b.values.setdefault("dateline_place_name", name)
        b.values.setdefault("dateline_country", country)
    elif key in ("GRAPHIC", "GRAFIK"):
        b.field("graphic", lo, hi)
    else:
        b.field("metadata", lo, hi)


def _vendor_date(value: str) -> str | None:
    """ISO date of a vendor date line (English via :func:`parse_date`; German, French here).

    Example:
        >>> _vendor_date("January 11, 2010 Monday"), _vendor_date("11. Januar 2010 Montag")
        ('2010-01-11', '2010-01-11')
    """
    m = _FOREIGN_DATE.match(value)
    if m is not None:
        month = _FOREIGN_MONTHS[m.group("month").lower()]
        return f"{m.group('year')}-{month:02d}-{int(m.group('day')):02d}"
    return parse_date(value)


def _date_line(b: _Builder, doc: _Doc, i: int) -> None:
    value = doc.line(i)
    iso = _vendor_date(value)
    b.field("date", i, i, iso, key="published_date")
    if iso:
        b.values.setdefault("date_source", "vendor")


# --------------------------------------------------------------------------- LexisNexis


def _segment_lexisnexis(text: str, source: str) -> Segmentation:
    doc = _lines(text)
    n = len(doc)
    seps = [i for i in range(n) if doc.line(i)[0].isdigit() or doc.line(i)[0] == "D"]
    seps = [i for i in seps if _LN_SEPARATOR.fullmatch(doc.line(i))]
    residue = [
        r for r in [_residue(doc, source, 0, (seps[0] if seps else n) - 1, "cover page")] if r
    ]
    articles: list[Article] = []
    for k, sep in enumerate(seps):
        residue.append(Residue(source, doc.starts[sep], doc.ends[sep], doc.line(sep), "separator"))
        lo, hi = sep + 1, (seps[k + 1] if k + 1 < len(seps) else n) - 1
        if hi < lo:
            continue
        article = _lexisnexis_article(doc, lo, hi, source, len(articles) + 1)
        if article is None:
            residue.append(_residue(doc, source, lo, hi, "fragment without body"))  # type: ignore[arg-type]
        else:
            articles.append(article)
    residue.sort(key=lambda r: r.start)
    return Segmentation(articles, residue)


def _is_ln_label(line: str) -> re.Match[str] | None:
    return _LN_LABEL.match(line) if line[0].isupper() and ":" in line[:30] else None


def _is_ln_header_label(line: str) -> re.Match[str] | None:
    """A label of the block before the body (a headline such as ``SYRIA: …`` is not one)."""
    m = _is_ln_label(line)
    return m if m is not None and m.group("label") in _LN_HEADER_LABELS else None


def _lexisnexis_article(doc: _Doc, lo: int, hi: int, source: str, number: int):
    b = _Builder(doc, "lexisnexis")
    i = lo
    while i < hi and _COPYRIGHT.fullmatch(doc.line(i)):  # some exports put it first
        b.field("copyright", i, i, doc.line(i), key="copyright")
        i += 1
    if not _VENDOR_DATE.fullmatch(doc.line(i)) and i + 1 <= hi:
        b.field("publication", i, i, " ".join(doc.line(i).split()), key="publication")
        i += 1
    if i <= hi and _VENDOR_DATE.fullmatch(doc.line(i)):
        _date_line(b, doc, i)
        edition_end = _paragraph_end(doc, i, hi + 1)
        if edition_end > i:
            b.field("edition", i + 1, edition_end)
        i = edition_end + 1
    while i <= hi and _COPYRIGHT.fullmatch(doc.line(i)):
        b.field("copyright", i, i, doc.line(i), key="copyright")
        i += 1
    # headline: lines up to the first labelled field
    h = i
    while h <= hi and h - i < 6 and not _is_ln_header_label(doc.line(h)):
        h += 1
    if h <= hi and h > i:
        b.field("headline", i, h - 1, _join(doc, i, h - 1), key="headline")
        i = h
    # leading labelled fields (BYLINE, SECTION, LENGTH, DATELINE, HIGHLIGHT, …)
    while i <= hi and (m := _is_ln_header_label(doc.line(i))):
        end = _paragraph_end(doc, i, hi + 1)
        value = " ".join([m.group("value"), *(doc.line(j) for j in range(i + 1, end + 1))])
        _apply_label(b, m.group("label"), value, i, end)
        i = end + 1
    # trailing fields: labelled paragraphs and copyright lines at the end
    t = hi + 1
    while t > i:
        para = t - 1
        while para > i and not doc.gap[para]:
            para -= 1
        line = doc.line(para)
        if not (_is_ln_label(line) or _COPYRIGHT.fullmatch(line)):
            break
        t = para
    if t > i:
        b.pieces.append((doc.starts[i], doc.ends[t - 1]))
    j = t
    while j <= hi:
        end = _paragraph_end(doc, j, hi + 1)
        line = doc.line(j)
        if (m := _is_ln_label(line)) is not None:
            value = " ".join([m.group("value"), *(doc.line(x) for x in range(j + 1, end + 1))])
            _apply_label(b, m.group("label"), value, j, end)
        else:
            for x in range(j, end + 1):
                b.field("copyright", x, x)
            b.values.setdefault("copyright", _join(doc, j, end))
        j = end + 1
    if "headline" not in b.values and not b.pieces:
        return None
    return b.build(source, number, lo, hi)


# --------------------------------------------------------------------------- Nexis Uni


def _segment_nexis_uni(text: str, source: str) -> Segmentation:
    doc = _lines(text)
    n = len(doc)
    ends = [i for i in range(n) if doc.line(i) == "End of Document"]
    articles: list[Article] = []
    residue: list[Residue] = []
    lo = 0
    for k, end in enumerate([*ends, n]):
        hi = end - 1
        if end < n:
            residue.append(
                Residue(source, doc.starts[end], doc.ends[end], doc.line(end), "separator")
            )
        if hi < lo:
            lo = end + 1
            continue
        if end == n and ends:  # after the last End of Document
            residue.append(_residue(doc, source, lo, hi, "fragment without body"))  # type: ignore[arg-type]
            break
        article, cover = _nexis_uni_article(doc, lo, hi, source, len(articles) + 1, first=k == 0)
        if cover is not None:
            residue.append(_residue(doc, source, lo, cover, "cover page"))  # type: ignore[arg-type]
        if article is None:
            residue.append(
                _residue(doc, source, (cover or lo - 1) + 1, hi, "fragment without body")
            )  # type: ignore[arg-type]
        else:
            articles.append(article)
        lo = end + 1
    residue = sorted((r for r in residue if r is not None), key=lambda r: r.start)
    return Segmentation(articles, residue)


def _nexis_uni_article(doc: _Doc, lo: int, hi: int, source: str, number: int, *, first: bool):
    body_line = next((i for i in range(lo, hi + 1) if doc.line(i) in ("Body", "Text")), None)
    header_stop = body_line if body_line is not None else hi + 1
    date = next(
        (
            i
            for i in range(lo + 1, min(header_stop, lo + 60))
            if _VENDOR_DATE.fullmatch(doc.line(i))
        ),
        None,
    )
    if date is None or date - 2 < lo:
        return None, None
    cover = date - 3 if first and date - 3 >= lo else None
    start = date - 2 if first else lo
    b = _Builder(doc, "nexis_uni")
    b.field("headline", start, date - 2, _join(doc, start, date - 2), key="headline")
    b.field("publication", date - 1, date - 1, doc.line(date - 1), key="publication")
    _date_line(b, doc, date)
    i = date + 1
    while i < header_stop:
        line = doc.line(i)
        m = _UNI_LABEL.fullmatch(line)
        if _COPYRIGHT.fullmatch(line):
            b.field("copyright", i, i, line, key="copyright")
        elif m is not None:
            _apply_label(b, m.group("label"), m.group("value"), i, i)
        else:
            b.field("metadata", i, i)  # edition, highlight text, …
        i += 1
    if body_line is None:
        return b.build(source, number, start, hi), cover
    b.field("body_label", body_line, body_line)
    # trailing blocks: Graphic / Classification / Notes and labelled fields
    t = hi + 1
    while t - 1 > body_line:
        line = doc.line(t - 1)
        if _UNI_LABEL.fullmatch(line) or line in _UNI_BLOCKS:
            t -= 1
            continue
        break
    block = next((i for i in range(body_line + 1, t) if doc.line(i) in _UNI_BLOCKS), t)
    if block > body_line + 1:
        b.pieces.append((doc.starts[body_line + 1], doc.ends[block - 1]))
    name = "metadata"
    for i in range(block, hi + 1):
        line = doc.line(i)
        m = _UNI_LABEL.fullmatch(line)
        if line in _UNI_BLOCKS:
            name = "graphic" if line == "Graphic" else "metadata"
            b.field("metadata", i, i)
        elif m is not None and i >= t:
            _apply_label(b, m.group("label"), m.group("value"), i, i)
        else:
            b.field(name, i, i)
    return b.build(source, number, start, hi), cover


# --------------------------------------------------------------------------- Factiva


def _segment_factiva_fields(text: str, source: str) -> Segmentation:
    doc = _lines(text)
    n = len(doc)
    labels: list[tuple[int, str]] = []
    for i in range(n):
        line = doc.line(i)
        if line[:1].isupper() and (m := _FACTIVA_LABEL.fullmatch(line)):
            labels.append((i, m.group("label")))
    starts = [i for i, label in labels if label == "HD"]
    articles: list[Article] = []
    residue = [
        r for r in [_residue(doc, source, 0, (starts[0] if starts else n) - 1, "cover page")] if r
    ]
    at = 0
    for k, lo in enumerate(starts):
        hi = (starts[k + 1] if k + 1 < len(starts) else n) - 1
        while at < len(labels) and labels[at][0] < lo:
            at += 1
        fields = []
        while at < len(labels) and labels[at][0] <= hi:
            fields.append(labels[at])
            at += 1
        an = next((i for i, label in fields if label == "AN"), None)
        if an is not None:
            stop = _paragraph_end(doc, an, hi + 1) if not _FACTIVA_DOC.search(doc.line(an)) else an
            if stop == an and an + 1 <= hi and _FACTIVA_DOC.fullmatch(doc.line(an + 1)):
                stop = an + 1
            if stop < hi:
                residue.append(_residue(doc, source, stop + 1, hi, "search summary"))  # type: ignore[arg-type]
                hi = stop
            fields = [(i, label) for i, label in fields if i <= hi]
        articles.append(_factiva_fields_article(doc, fields, lo, hi, source, len(articles) + 1))
    residue.sort(key=lambda r: r.start)
    return Segmentation(articles, residue)


def _factiva_fields_article(doc: _Doc, fields, lo: int, hi: int, source: str, number: int):
    b = _Builder(doc, "factiva_fields")
    bounds = [*(i for i, _ in fields), hi + 1]
    for (i, label), nxt in zip(fields, bounds[1:], strict=True):
        line = doc.line(i)
        label_end = doc.starts[i] + len(label)
        has_value = len(line) > len(label)
        first = i if has_value else i + 1
        last = nxt - 1
        value_start = (
            doc.starts[i] + len(line) - len(line[len(label) :].lstrip()) if has_value else None
        )
        value = " ".join(
            ([line[len(label) :].strip()] if has_value else [])
            + [doc.line(j) for j in range(i + 1, nxt)]
        ).strip()
        if label in ("LP", "TD"):
            b.span("label", doc.starts[i], label_end)
            start = value_start if has_value else (doc.starts[first] if first <= last else None)
            if start is not None and first <= last:
                b.pieces.append((start, doc.ends[last]))
            continue
        b.span("label", doc.starts[i], label_end)
        if has_value or first <= last:
            vstart = value_start if has_value else doc.starts[first]
            b.span(_FACTIVA_FIELD.get(label, "metadata"), vstart, doc.ends[max(last, i)])
        _factiva_value(b, label, value)
    return b.build(source, number, lo, hi)


_FACTIVA_FIELD = {
    "HD": "headline",
    "BY": "byline",
    "WC": "length",
    "PD": "date",
    "SN": "publication",
    "SE": "section",
    "LA": "language",
    "CY": "copyright",
    "AN": "document_id",
}


def _factiva_value(b: _Builder, label: str, value: str) -> None:
    if not value:
        return
    if label == "HD":
        b.values.setdefault("headline", value)
    elif label == "BY":
        b.values.setdefault("byline", parse_byline(value))
    elif label == "WC":
        b.values.setdefault("vendor_word_count", _word_count(value))
    elif label == "PD":
        iso = parse_date(value)
        if iso:
            b.values.update(published_date=iso, date_source="vendor")
    elif label == "SN":
        b.values.setdefault("publication", value)
    elif label == "SE":
        b.values.setdefault("section", value)
    elif label == "LA":
        b.values.setdefault("language", _language(value))
    elif label == "CY":
        b.values.setdefault("copyright", value)
    elif label == "AN":
        m = _FACTIVA_DOC.search(value)
        b.values.setdefault("document_id", m.group("id") if m else value)


def _segment_factiva(text: str, source: str) -> Segmentation:
    doc = _lines(text)
    n = len(doc)
    anchors = [
        k
        for k in range(n)
        if doc.line(k)[0].isdigit()
        and _WORDS.fullmatch(doc.line(k))
        and any(_VENDOR_DATE.fullmatch(doc.line(x)) for x in range(k + 1, min(k + 3, n)))
    ]
    doc_lines = [
        i for i in range(n) if doc.line(i)[0] == "D" and _FACTIVA_DOC.fullmatch(doc.line(i))
    ]
    articles: list[Article] = []
    residue: list[Residue] = []
    region_lo = 0
    for k, anchor in enumerate(anchors):
        nxt = anchors[k + 1] if k + 1 < len(anchors) else n
        at = bisect.bisect_right(doc_lines, anchor)
        end_doc = doc_lines[at] if at < len(doc_lines) and doc_lines[at] < nxt else None
        head_lo = _factiva_head_start(doc, region_lo, anchor)
        if head_lo > region_lo:
            reason = "cover page" if not articles else "fragment without body"
            residue.append(_residue(doc, source, region_lo, head_lo - 1, reason))  # type: ignore[arg-type]
        if end_doc is not None:
            hi = end_doc
        else:
            hi = (_factiva_head_start(doc, anchor + 1, nxt) if nxt < n else n) - 1
        articles.append(_factiva_article(doc, head_lo, anchor, hi, source, len(articles) + 1))
        region_lo = hi + 1
    if region_lo < n:
        residue.append(
            _residue(doc, source, region_lo, n - 1, "search summary" if articles else "cover page")
        )  # type: ignore[arg-type]
    residue.sort(key=lambda r: r.start)
    return Segmentation(articles, residue)


def _factiva_head_start(doc: _Doc, lo: int, anchor: int) -> int:
    """First line of the headline (and byline) lines just above the word count.

    Bylines (``By …``) directly above the count, then the headline paragraph above them
    (at most three lines; a line ending a sentence stops it, unless it is the headline's
    only line: ``Is the war over?``).
    """
    i = anchor
    while i - 1 >= lo and doc.line(i - 1).startswith("By "):
        i -= 1
    top = i
    while i - 1 >= lo and top - (i - 1) <= 3:
        line = doc.line(i - 1)
        if i < top and (doc.gap[i] or line[-1] in ".!?"):
            break
        i -= 1
    return i


def _factiva_article(doc: _Doc, lo: int, anchor: int, hi: int, source: str, number: int):
    b = _Builder(doc, "factiva")
    heads = [i for i in range(lo, anchor) if not doc.line(i).startswith("By ")]
    bylines = [i for i in range(lo, anchor) if doc.line(i).startswith("By ")]
    if heads:
        b.field("headline", heads[0], heads[-1], _join(doc, heads[0], heads[-1]), key="headline")
    for i in bylines:
        b.field("byline", i, i, parse_byline(doc.line(i)), key="byline")
    b.field("length", anchor, anchor, _word_count(doc.line(anchor)), key="vendor_word_count")
    i = anchor + 1
    if _VENDOR_DATE.fullmatch(doc.line(i)):
        _date_line(b, doc, i)
        i += 1
    stop = hi if _FACTIVA_DOC.fullmatch(doc.line(hi)) else hi + 1
    while i < stop and i - anchor <= 9:
        line = doc.line(i)
        if _TIME.fullmatch(line):
            b.field("time", i, i)
        elif _COPYRIGHT.fullmatch(line):
            b.field("copyright", i, i, line, key="copyright")
            i += 1
            break
        elif line.lower() in _LANGUAGES:
            b.field("language", i, i, line, key="language")
        elif "publication" not in b.values and len(line) <= 80 and line[-1] not in ".!?":
            b.field("publication", i, i, line, key="publication")
        elif _SOURCE_CODE.fullmatch(line) or (len(line) <= 30 and line[-1] not in ".!?"):
            b.field("metadata", i, i)  # source code, page, edition
        else:
            break
        i += 1
    if i < stop:
        b.pieces.append((doc.starts[i], doc.ends[stop - 1]))
    if stop == hi:
        m = _FACTIVA_DOC.fullmatch(doc.line(hi))
        b.field("document_id", hi, hi, m.group("id") if m else None, key="document_id")
    return b.build(source, number, lo, hi)


# --------------------------------------------------------------------------- bulletins


def _segment_bulletin(text: str, source: str) -> Segmentation:
    doc = _lines(text)
    n = len(doc)
    datelines = [
        i for i in range(n) if "--" in doc.line(i)[:160] and _BULLETIN_DATELINE.match(doc.line(i))
    ]
    articles: list[Article] = []
    residue: list[Residue] = []
    heads = []
    floor = 0
    for d in datelines:
        heads.append(_bulletin_head_start(doc, floor, d))
        floor = d + 1
    if heads and heads[0] > 0:
        residue.append(_residue(doc, source, 0, heads[0] - 1, "cover page"))  # type: ignore[arg-type]
    if not datelines and n:
        residue.append(_residue(doc, source, 0, n - 1, "fragment without body"))  # type: ignore[arg-type]
    for k, d in enumerate(datelines):
        hi = (heads[k + 1] if k + 1 < len(heads) else n) - 1
        articles.append(_bulletin_article(doc, heads[k], d, hi, source, len(articles) + 1))
    return Segmentation(articles, sorted(residue, key=lambda r: r.start))


def _bulletin_head_start(doc: _Doc, floor: int, dateline: int) -> int:
    """First line of the id / headline lines just above a bulletin dateline."""
    i = dateline
    while i - 1 >= floor and dateline - (i - 1) <= 3:
        line = doc.line(i - 1)
        if _BULLETIN_ID.fullmatch(line):
            i -= 1
            continue
        # a headline: a title line directly above the dateline or an id line, after a gap
        below_is_header = i == dateline or _BULLETIN_ID.fullmatch(doc.line(i))
        title_like = line[-1] not in '.!?:;,"”' and len(line) < 160
        if below_is_header and doc.gap[i] and title_like and any(ch.islower() for ch in line):
            i -= 1
            continue
        break
    return i


def _bulletin_article(doc: _Doc, lo: int, d: int, hi: int, source: str, number: int):
    b = _Builder(doc, "bulletin")
    for i in range(lo, d):
        m = _BULLETIN_ID.fullmatch(doc.line(i))
        if m is not None:
            b.field("document_id", i, i, m.group("id") or m.group("serial"), key="document_id")
        else:
            b.field("headline", i, i, " ".join(doc.line(i).split()), key="headline")
    text = doc.text
    line = doc.line(d)
    m = _BULLETIN_DATELINE.match(line)
    assert m is not None
    start = doc.starts[d]
    place, date = m.group("place"), m.group("date")
    name, country = canonical_place(place)
    has_date = not date.upper().startswith("NO ")
    b.values.update(
        dateline=m.group(0),
        dateline_place=place,
        dateline_place_name=name,
        dateline_country=country,
        dateline_date=date if has_date else None,
        agency=m.group("agency"),
    )
    iso = parse_date(date) if has_date else None
    if iso:
        b.values.update(published_date=iso, date_source="dateline")
    b.span("dateline", start, start + m.end())
    pos = start + m.end()
    end = doc.ends[hi]
    note_end = _editor_note_end(text, pos, end)
    if note_end > pos:
        note_start = pos + len(text[pos:note_end]) - len(text[pos:note_end].lstrip())
        b.span("editor_note", note_start, note_end)
        b.values["editor_note"] = " ".join(text[note_start:note_end].split())
        pos = note_end
    while pos < end and text[pos].isspace():
        pos += 1
    if pos < end:
        b.pieces.append((pos, end))
    return b.build(source, number, lo, hi, dateline=False)


def _editor_note_end(text: str, pos: int, end: int) -> int:
    """End of the editor's brackets after a dateline (up to the last editorial one)."""
    last = pos
    scan = pos
    while True:
        while scan < end and text[scan].isspace():
            scan += 1
        if scan >= end or text[scan] != "[":
            break
        close = text.find("]", scan, min(end, scan + 300))
        if close == -1:
            break
        if _EDITORIAL.match(text, scan):
            last = close + 1
        scan = close + 1
    return last


# --------------------------------------------------------------------------- Reuters-21578 SGML

_SGML_DOC = re.compile(r"<REUTERS\b(?P<attrs>[^>]*)>(?P<inner>.*?)</REUTERS>", re.DOTALL)
_SGML_FIELD = re.compile(
    r"<(?P<tag>DATE|TITLE|AUTHOR|DATELINE|BODY)>(?P<value>.*?)</(?P=tag)>", re.DOTALL
)
_SGML_TEXT = re.compile(r"<TEXT\b[^>]*>(?P<value>.*?)</TEXT>", re.DOTALL)
_SGML_NEWID = re.compile(r'NEWID="(?P<id>[^"]+)"')
_SGML_DATE = re.compile(r"\s*(?P<day>\d{1,2})-(?P<mon>[A-Z]{3})-(?P<year>\d{4})")
_SGML_SIGNOFF = re.compile(r"\s*(?:Reuter|REUTER)?\s*(?:&#3;)?\s*$")
_MONTH_NUMBERS = {
    m: i for i, m in enumerate("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split(), 1)
}


def _segment_reuters_sgml(text: str, source: str) -> Segmentation:
    import html

    articles: list[Article] = []
    residue: list[Residue] = []
    doc = _lines(text)
    pos = 0
    for m in _SGML_DOC.finditer(text):
        _markup_residue(text, source, pos, m.start(), residue)
        b = _Builder(doc, "reuters_sgml")
        b.values["is_graphic"] = False
        covered: list[tuple[int, int]] = []
        idm = _SGML_NEWID.search(m.group("attrs"))
        if idm:
            b.values["document_id"] = idm.group("id")
        for f in _SGML_FIELD.finditer(text, m.start("inner"), m.end("inner")):
            tag, start, value = f.group("tag"), f.start("value"), f.group("value")
            stripped = value.strip()
            if not stripped:
                continue
            lo = start + value.index(stripped)
            hi = lo + len(stripped)
            if tag == "DATE":
                dm = _SGML_DATE.match(value)
                if dm and dm.group("mon") in _MONTH_NUMBERS:
                    b.values["published_date"] = (
                        f"{dm.group('year')}-{_MONTH_NUMBERS[dm.group('mon')]:02d}-{int(dm.group('day')):02d}"
                    )
                    b.values["date_source"] = "vendor"
                b.span("date", lo, hi)
            elif tag == "TITLE":
                b.values["headline"] = " ".join(html.unescape(stripped).split())
                b.span("headline", lo, hi)
            elif tag == "AUTHOR":
                b.values["byline"] = parse_byline(html.unescape(stripped))
                b.span("byline", lo, hi)
            elif tag == "DATELINE":
                dl = _match_dateline(stripped)
                if dl is not None:
                    b.values.update(dateline_values(dl))
                b.span("dateline", lo, hi)
            elif tag == "BODY":
                tail = _SGML_SIGNOFF.search(stripped)
                body_hi = lo + (tail.start() if tail else len(stripped))
                if body_hi < hi:
                    b.span(
                        "signoff",
                        body_hi
                        + (len(stripped[body_hi - lo :]) - len(stripped[body_hi - lo :].lstrip())),
                        hi,
                    )
                if lo < body_hi:
                    b.pieces.append((lo, body_hi))
            covered.append((lo, hi))
        raw = _SGML_TEXT.search(text, m.start("inner"), m.end("inner"))
        if (
            raw is not None
            and "<TITLE>" not in raw.group("value")
            and "<BODY>" not in raw.group("value")
        ):  # TYPE="UNPROC": unprocessed text, no title or body tags
            value = raw.group("value")
            lo = raw.start("value") + len(value) - len(value.lstrip("&#2; \n\t"))
            hi = raw.start("value") + len(value.rstrip().removesuffix("&#3;").rstrip())
            if lo < hi:
                b.pieces.append((lo, hi))
                covered.append((lo, hi))
        _markup_spans(b, text, m.start(), m.end(), covered)
        lo_line = bisect.bisect_left(doc.starts, m.start())
        hi_line = bisect.bisect_right(doc.starts, m.end() - 1) - 1
        article = b.build(source, len(articles) + 1, lo_line, hi_line, dateline=False)
        articles.append(article)
        pos = m.end()
    _markup_residue(text, source, pos, len(text), residue)
    return Segmentation(articles, residue)


_NON_BLANK = re.compile(r"\S(?:[^\n]*\S)?")


def _markup_spans(b: _Builder, text: str, start: int, end: int, covered) -> None:
    """Every non-blank run in ``start..end`` outside the ``covered`` ranges is markup."""
    covered = sorted(covered)
    at = start
    for lo, hi in [*covered, (end, end)]:
        for m in _NON_BLANK.finditer(text, at, max(at, lo)):
            b.span("markup", m.start(), m.end())
        at = max(at, hi)


def _markup_residue(text: str, source: str, start: int, end: int, out: list[Residue]) -> None:
    for m in _NON_BLANK.finditer(text, start, end):
        out.append(Residue(source, m.start(), m.end(), m.group(0), "markup"))


# --------------------------------------------------------------------------- dispatch

_SEGMENTERS: dict[str, Callable[[str, str], Segmentation]] = {
    "lexisnexis": _segment_lexisnexis,
    "nexis_uni": _segment_nexis_uni,
    "factiva_fields": _segment_factiva_fields,
    "factiva": _segment_factiva,
    "bulletin": _segment_bulletin,
    "reuters_sgml": _segment_reuters_sgml,
}


def segment_layout(text: str, layout: str, *, source: str = "text") -> Segmentation:
    """Segment a document in one of the vendor or bulletin layouts.

    Args:
        text: Decoded document text.
        layout: A layout name from :data:`LAYOUTS` other than ``wire``.
        source: Name of the document, used in ``article_id``.

    Raises:
        ValueError: For an unknown layout name.

    Example:
        >>> seg = segment_layout("TST3-MUC4-0003\\n\\n   LIMA, 10 JAN 90 (EFE) -- [TEXT] POLICE "
        ...                      "ARRESTED 15 PEOPLE.", "bulletin")
        >>> a = seg.articles[0]
        >>> a.document_id, a.dateline_place, a.published_date, a.agency, a.editor_note, a.body
        ('TST3-MUC4-0003', 'LIMA', '1990-01-10', 'EFE', '[TEXT]', 'POLICE ARRESTED 15 PEOPLE.')
    """
    try:
        segmenter = _SEGMENTERS[layout]
    except KeyError:
        raise ValueError(f"unknown layout {layout!r}: expected one of {LAYOUTS}") from None
    return segmenter(text, source)
