"""Optional spaCy backend for actor finding.

When a spaCy pipeline with an ``ner`` or ``entity_ruler`` component is available,
``find_actors(text, backend="spacy")`` takes its entity spans (PERSON, ORG, GPE, LOC,
FAC, NORP-free) and gives them canonical names, sectors and countries from our
dictionary; generic agents and state institutions still come from the dictionary,
since spaCy's labels do not cover them.

No model is downloaded here. Configure a pipeline with :func:`use_spacy_pipeline`
(an ``nlp`` object, or the name of an installed package such as
``en_core_web_sm``), or set ``CONFLICT_NEWS_SPACY_MODEL``. Without spaCy, or without
a configured pipeline, a :class:`BackendUnavailable` error says what to install.
"""

from __future__ import annotations

import os

from analysis_lib.actors import Mention, _select, find_dictionary_actors
from analysis_lib.lexicon import Lexicon, load_lexicon

LABELS = {
    "PERSON": "PERSON",
    "PER": "PERSON",
    "ORG": "ORGANIZATION",
    "GPE": "LOCATION",
    "LOC": "LOCATION",
    "FAC": "LOCATION",
}

_PIPELINE = {"nlp": None}


class BackendUnavailable(RuntimeError):
    """The spaCy backend cannot run here; the message says what to install or configure."""


def _import_spacy():
    try:
        import spacy
    except ImportError as exc:
        raise BackendUnavailable(
            "backend='spacy' needs spaCy: pip install spacy, then install a pipeline with NER "
            "(e.g. the en_core_web_sm package) and call use_spacy_pipeline(...); "
            "backend='rules' needs nothing"
        ) from exc
    return spacy


def use_spacy_pipeline(nlp_or_name=None):
    """Set the pipeline used by ``backend="spacy"``; returns it.

    Args:
        nlp_or_name: A loaded ``spacy.Language``, the name of an installed pipeline
            package, or ``None`` for ``$CONFLICT_NEWS_SPACY_MODEL``.

    Raises:
        BackendUnavailable: When spaCy or the named pipeline is not installed, or the
            pipeline has no entity recognizer.
    """
    spacy = _import_spacy()
    nlp = nlp_or_name
    if nlp is None or isinstance(nlp, str):
        name = nlp or os.environ.get("CONFLICT_NEWS_SPACY_MODEL")
        if not name:
            raise BackendUnavailable(
                "no spaCy pipeline configured: call use_spacy_pipeline(nlp) or set "
                "CONFLICT_NEWS_SPACY_MODEL to an installed package such as en_core_web_sm"
            )
        try:
            nlp = spacy.load(name)
        except OSError as exc:
            raise BackendUnavailable(
                f"spaCy pipeline {name!r} is not installed (models cannot be downloaded at run "
                "time here); install its package or use backend='rules'"
            ) from exc
    if not any(pipe in nlp.pipe_names for pipe in ("ner", "entity_ruler")):
        raise BackendUnavailable(
            f"the spaCy pipeline has no 'ner' or 'entity_ruler' component: {nlp.pipe_names}"
        )
    _PIPELINE["nlp"] = nlp
    return nlp


def _canonical(mention: Mention, lex: Lexicon) -> Mention:
    found = lex.exact.get(mention.text, None)
    if found is not None and found[1] is not None and found[1].kind != "demonym":
        info = found[1]
        return mention._replace( actor=info.actor, entity_type=info.entity_type, sector=info.sector,
            country=info.country, method="spacy+dictionary",
        )  # fmt: skip
    return mention


def find_actors_spacy(text: str, *, lexicon: Lexicon | None = None) -> list[Mention]:
    """Actor mentions from spaCy entities plus our dictionary (see module docstring).

    Raises:
        BackendUnavailable: When spaCy or a pipeline is missing.
    """
    nlp = _PIPELINE["nlp"] or use_spacy_pipeline()
    lex = lexicon or load_lexicon()
    doc = nlp(text)
    entities = []
    for ent in doc.ents:
        etype = LABELS.get(ent.label_)
        if etype is None:
            continue
        mention = Mention(ent.start_char, ent.end_char, ent.text, ent.text, etype, method="spacy")
        entities.append(_canonical(mention, lex))
    dictionary = [
        m for m in find_dictionary_actors(text, lexicon=lex) if m.entity_type in ("GROUP", "ORGANIZATION")
        and m.method in ("agent", "institution")
    ]  # fmt: skip
    return _select(dictionary + entities)
