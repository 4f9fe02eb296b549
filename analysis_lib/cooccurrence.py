"""Who appears with whom: actor co-occurrence pairs, association scores and a network.

Units are sentences (``window="sentence"``) or articles (``window="article"``). For
each pair of distinct actors seen in the same unit the pair table counts the
sentences and articles they share, scores the association over units with NLTK's
collocation measures (pointwise mutual information and the log-likelihood ratio
G²; no NLTK data needed) and keeps example sentence ids to read the evidence.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

import networkx as nx
import pandas as pd
from nltk.metrics.association import BigramAssocMeasures

from analysis_lib.schemas import SCHEMAS, empty_frame, to_frame

PAIR_COLUMNS = list(SCHEMAS["pairs"])


def filter_mentions(
    mentions: pd.DataFrame,
    *,
    entity_types: Iterable[str] | None = None,
    sectors: Iterable[str] | None = None,
    countries: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Keep mentions of the given entity types, sectors and countries (``None`` or empty = all).

    Example:
        >>> df = pd.DataFrame({"entity_type": ["PERSON", "GROUP"], "sector": ["GOV", "REB"],
        ...                    "country": ["SYR", ""]})
        >>> len(filter_mentions(df, entity_types=["PERSON"]))
        1
    """
    keep = pd.Series(True, index=mentions.index)
    for column, wanted in (
        ("entity_type", entity_types),
        ("sector", sectors),
        ("country", countries),
    ):
        if wanted:  # None or empty: no filter
            keep &= mentions[column].isin(list(wanted))
    return mentions[keep]


def summarize_actors(mentions: pd.DataFrame) -> pd.DataFrame:
    """One row per actor: type, sector, country, mention/article/sentence counts, surface forms.

    Sorted by mentions (descending), then actor name (schema ``actors``).
    """
    rows = []
    for actor, group in mentions.groupby("actor", sort=True):
        rows.append(
            {
                "actor": actor,
                "entity_type": _most_common(group["entity_type"]),
                "sector": _most_common(group["sector"]),
                "country": _most_common(group["country"]),
                "mention_count": len(group),
                "article_count": group["article_id"].nunique(),
                "sentence_count": len(
                    set(zip(group["article_id"], group["sentence"], strict=True))
                ),
                "surface_forms": "; ".join(sorted(set(group["text"]))),
            }
        )
    table = to_frame("actors", rows)
    return table.sort_values(
        ["mention_count", "actor"], ascending=[False, True], kind="stable"
    ).reset_index(drop=True)


def _most_common(values: pd.Series) -> str:
    counts = Counter(v for v in values if isinstance(v, str))
    if not counts:
        return ""
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def _units(mentions: pd.DataFrame, window: str) -> dict[tuple, set[str]]:
    if window not in ("sentence", "article"):
        raise ValueError(f"window must be 'sentence' or 'article', got {window!r}")
    units: dict[tuple, set[str]] = defaultdict(set)
    keys = zip(mentions["article_id"], mentions["sentence"], mentions["actor"], strict=True)
    for article_id, sentence, actor in keys:
        unit = (article_id, int(sentence)) if window == "sentence" else (article_id,)
        units[unit].add(actor)
    return units


def build_cooccurrence(
    mentions: pd.DataFrame,
    *,
    window: str = "sentence",
    min_count: int = 1,
    total_units: int | None = None,
    entity_types: Iterable[str] | None = None,
    sectors: Iterable[str] | None = None,
    countries: Iterable[str] | None = None,
    max_examples: int = 3,
) -> pd.DataFrame:
    """Pairs of actors that occur in the same sentence (or article).

    Args:
        mentions: The ``mentions`` table (article_id, sentence, actor, entity_type,
            sector, country, text).
        window: ``"sentence"`` or ``"article"``: the unit of co-occurrence.
        min_count: Keep pairs seen together in at least this many units.
        total_units: Number of units in the corpus (sentences or articles) for the
            association scores; defaults to the units that have any mention.
        entity_types, sectors, countries: Filters applied to mentions first.
        max_examples: Sentence ids kept per pair (``article_id:sentence``).

    Returns:
        A DataFrame with :data:`PAIR_COLUMNS`, sorted by the window's count
        (descending), then log-likelihood, then names.

    Example:
        >>> m = pd.DataFrame({
        ...     "article_id": ["a", "a", "a", "a", "b", "b"], "sentence": [0, 0, 1, 1, 0, 0],
        ...     "actor": ["Syria", "Islamic State", "Syria", "Russia", "Syria", "Islamic State"],
        ...     "entity_type": ["LOCATION", "ORGANIZATION", "LOCATION", "LOCATION", "LOCATION",
        ...                     "ORGANIZATION"],
        ...     "sector": ["", "REB", "", "", "", "REB"], "country": ["SYR", "", "SYR", "RUS", "SYR", ""],
        ...     "text": ["Syria", "IS", "Syria", "Russia", "Syria", "Daesh"]})
        >>> pairs = build_cooccurrence(m)
        >>> pairs[["actor_a", "actor_b", "sentence_count", "article_count"]].values.tolist()
        [['Islamic State', 'Syria', 2, 2], ['Russia', 'Syria', 1, 1]]
    """
    mentions = filter_mentions(
        mentions, entity_types=entity_types, sectors=sectors, countries=countries
    )
    if mentions.empty:
        return empty_frame("pairs")
    units = _units(mentions, window)
    sentence_units = _units(mentions, "sentence") if window == "article" else units
    n_units = max(total_units or len(units), len(units))
    single: Counter[str] = Counter()
    joint: Counter[tuple[str, str]] = Counter()
    for actors in units.values():
        single.update(actors)
        joint.update(itertools.combinations(sorted(actors), 2))
    sentence_pairs: dict[tuple[str, str], list[tuple]] = defaultdict(list)
    for unit, actors in sorted(sentence_units.items()):
        for pair in itertools.combinations(sorted(actors), 2):
            sentence_pairs[pair].append(unit)
    info = summarize_actors(mentions).set_index("actor")
    rows = []
    for (a, b), count in joint.items():
        if count < min_count:
            continue
        sents = sentence_pairs.get((a, b), [])
        rows.append(
            {
                "actor_a": a,
                "actor_b": b,
                "type_a": info.at[a, "entity_type"],
                "type_b": info.at[b, "entity_type"],
                "sector_a": info.at[a, "sector"],
                "sector_b": info.at[b, "sector"],
                "sentence_count": len(sents),
                "article_count": len({s[0] for s in sents}) if window == "sentence" else count,
                "pmi": _score(BigramAssocMeasures.pmi, count, single[a], single[b], n_units),
                "log_likelihood": _score(
                    BigramAssocMeasures.likelihood_ratio, count, single[a], single[b], n_units
                ),
                "example_sentence_ids": "; ".join(f"{s[0]}:{s[1]}" for s in sents[:max_examples]),
                "example_sentence": None,
            }
        )
    pairs = to_frame("pairs", rows)
    count_col = "sentence_count" if window == "sentence" else "article_count"
    return pairs.sort_values(
        [count_col, "log_likelihood", "actor_a", "actor_b"],
        ascending=[False, False, True, True],
        kind="stable",
    ).reset_index(drop=True)


def count_units(tables: dict[str, pd.DataFrame], window: str) -> int:
    """Number of co-occurrence units in the corpus: sentences or articles.

    Example:
        >>> count_units({"sentences": pd.DataFrame({"a": [1, 2]}), "articles": pd.DataFrame({"a": [1]})},
        ...             "article")
        1
    """
    return len(tables["sentences"] if window == "sentence" else tables["articles"])


def attach_examples(pairs: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Fill ``example_sentence`` with the text of each pair's first example sentence.

    Returns a new frame; the input is not changed.
    """
    texts = {
        f"{a}:{i}": t
        for a, i, t in zip(
            sentences["article_id"], sentences["index"], sentences["text"], strict=True
        )
    }
    first = pairs["example_sentence_ids"].fillna("").str.split("; ").str[0]
    return pairs.assign(example_sentence=first.map(texts).astype("string"))


def _score(measure, n_ab: int, n_a: int, n_b: int, n: int) -> float:
    value = measure(n_ab, (n_a, n_b), n)
    return round(float(value), 6) if math.isfinite(value) else 0.0


def build_actor_graph(
    pairs: pd.DataFrame, actors: pd.DataFrame, *, weight: str = "sentence_count"
) -> nx.Graph:
    """A weighted, undirected actor network from a pair table.

    Nodes carry ``entity_type``, ``sector``, ``country`` and ``mention_count``; edges carry
    the counts and scores of the pair table (``weight`` is the chosen count).

    Example:
        >>> pairs = pd.DataFrame([{"actor_a": "A", "actor_b": "B", "sentence_count": 2,
        ...     "article_count": 1, "pmi": 1.0, "log_likelihood": 3.0}])
        >>> actors = pd.DataFrame([{"actor": "A", "entity_type": "PERSON", "sector": "GOV",
        ...     "country": "SYR", "mention_count": 3}, {"actor": "B", "entity_type": "ORGANIZATION",
        ...     "sector": "REB", "country": "", "mention_count": 2}])
        >>> g = build_actor_graph(pairs, actors)
        >>> g.edges["A", "B"]["weight"], g.nodes["B"]["sector"]
        (2, 'REB')
    """
    graph = nx.Graph()
    info = actors.set_index("actor")
    for actor in sorted(set(pairs["actor_a"]) | set(pairs["actor_b"])):
        row = info.loc[actor] if actor in info.index else None
        graph.add_node(
            actor,
            entity_type=str(row["entity_type"]) if row is not None else "",
            sector=str(row["sector"]) if row is not None else "",
            country=str(row["country"]) if row is not None else "",
            mention_count=int(row["mention_count"]) if row is not None else 0,
        )
    for row in pairs.itertuples(index=False):
        graph.add_edge(
            row.actor_a,
            row.actor_b,
            weight=int(getattr(row, weight)),
            sentence_count=int(row.sentence_count),
            article_count=int(row.article_count),
            pmi=float(row.pmi),
            log_likelihood=float(row.log_likelihood),
        )
    return graph


def export_graph(graph: nx.Graph, path: str | Path) -> Path:
    """Write the network as GEXF (Gephi) or GraphML, chosen by the file suffix."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".gexf":
        nx.write_gexf(graph, path)
    elif path.suffix == ".graphml":
        nx.write_graphml(graph, path)
    else:
        raise ValueError(f"{path}: unknown graph format; use .gexf or .graphml")
    return path
