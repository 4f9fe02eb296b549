"""Write the report notebooks (without outputs) from their cell sources.

The notebooks in ``notebooks/`` are the source of truth for users; this script is how
they are (re)generated so that they stay clean, parameterized and consistent:
``.venv/bin/python tools/make_notebooks.py``.
"""

from __future__ import annotations

from pathlib import Path

import nbformat as nbf

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
md = nbf.v4.new_markdown_cell
code = nbf.v4.new_code_cell


def parameters(source: str):
    """The first code cell, tagged ``parameters`` for papermill."""
    return code(source, metadata={"tags": ["parameters"]})


SEGMENTATION = [
    md(
        """# 01 · Article segmentation

Which articles are in this dump? This notebook splits raw news text (agency web copies glued
together, one-article files, or CSV/JSONL/Parquet exports) into articles with headline, photo
caption, byline, dateline (place and agency), body and credits (reporters, writers, editors),
splits bodies into sentences, and flags near-duplicate articles.

Nothing is dropped silently: text that belongs to no article is listed as *residue* with a
reason, and files that could not be read are listed as *issues* naming the file and line.

Run it top to bottom, or render it with `make report` (papermill)."""
    ),
    parameters(
        """# Parameters: papermill overrides these literals.
input_path: str = ""  # corpus file, folder or glob (empty: the bundled sample corpus)
output_dir: str = ""  # folder for the tables (empty: reports/01_article_segmentation)
limit: int = 0  # process at most this many documents (0: all)
separator_pattern: str = ""  # extra regex for separator lines between articles (empty: built-in ones)
duplicate_threshold: float = 0.8  # Jaccard similarity for near-duplicate articles
top_n: int = 15  # bars shown in the count charts"""
    ),
    code(
        """import pandas as pd
from IPython.display import display

from analysis_lib import plots, tables
from analysis_lib.pipeline import extract, write_tables
from analysis_lib.reports import resolve_run
from analysis_lib.segment import build_separator

run = resolve_run(input_path, output_dir, limit, notebook="01_article_segmentation")
pd.set_option("display.max_colwidth", 80)
run"""
    ),
    md("## Extract the tables"),
    code(
        """result = extract(
    run.input_path,
    limit=run.limit,
    separator=build_separator(separator_pattern),
    duplicate_threshold=duplicate_threshold,
    actors=False,
)
written = write_tables(result, run.output_dir)
articles = result["articles"]
tables.summarize_corpus(result)"""
    ),
    md("## The articles"),
    code(
        """articles[
    ["article_id", "headline", "byline", "dateline_place", "agency", "word_count", "sentence_count"]
]"""
    ),
    md("## Articles per agency and per dateline place"),
    code(
        """display(tables.count_articles_by(articles, "agency", top=top_n))
plots.plot_article_counts(articles, "agency", top=top_n);"""
    ),
    code(
        """display(tables.count_articles_by(articles, "dateline_place", top=top_n))
plots.plot_article_counts(articles, "dateline_place", top=top_n);"""
    ),
    md("## Article length"),
    code("plots.plot_length_distribution(articles);"),
    md("## Credits: who reported, wrote and edited"),
    code('articles[["article_id", "reporters", "writers", "editors"]]'),
    md(
        """## Residue, load issues and duplicates

*Residue* is text that was not placed in any article (separator lines, boilerplate, fragments
without a body). *Issues* are files or rows that could not be loaded, or were loaded with a
caveat. *Duplicates* are articles whose body nearly repeats an earlier one."""
    ),
    code('result["residue"]'),
    code('result["issues"]'),
    code("tables.list_duplicates(articles)"),
    code("[str(p) for p in written]"),
]

COOCCURRENCE = [
    md(
        """# 02 · Actor co-occurrence

Who acts with whom? This notebook finds actors in every article (named people, organizations
and places, state institutions such as *Syrian army* → Syrian military, and generic agents such
as *militants* or *civilians*), gives each a canonical name, entity type, CAMEO-like sector
(GOV, MIL, REB, CVL, …) and country, and counts which actors appear in the same sentence (or
article), with association scores (PMI, log-likelihood) and an example sentence per pair.

Tables written: `mentions`, `actors`, `pairs`, and the network as GEXF and GraphML."""
    ),
    parameters(
        """# Parameters: papermill overrides these literals.
input_path: str = ""  # corpus file, folder or glob (empty: the bundled sample corpus)
output_dir: str = ""  # folder for the tables (empty: reports/02_actor_cooccurrence)
limit: int = 0  # process at most this many documents (0: all)
window: str = "sentence"  # co-occurrence unit: sentence or article
min_count: int = 1  # keep pairs seen together in at least this many units
entity_types: list = ["PERSON", "ORGANIZATION", "LOCATION", "GROUP"]  # types kept
sectors: list = []  # sectors kept, e.g. MIL and REB (empty: all)
top_n: int = 20  # actors shown in tables, heatmap and network"""
    ),
    code(
        """import pandas as pd
from IPython.display import display

from analysis_lib import cooccurrence as co
from analysis_lib import plots
from analysis_lib.pipeline import extract, write_tables
from analysis_lib.reports import resolve_run

run = resolve_run(input_path, output_dir, limit, notebook="02_actor_cooccurrence")
pd.set_option("display.max_colwidth", 120)
run"""
    ),
    md("## Find the actors"),
    code(
        """result = extract(run.input_path, limit=run.limit)
mentions = co.filter_mentions(result["mentions"], entity_types=entity_types, sectors=sectors)
actors = co.summarize_actors(mentions)
print(f"{len(mentions)} mentions of {len(actors)} actors in {len(result['articles'])} articles")
mentions.head(top_n)"""
    ),
    md("## Top actors"),
    code(
        """display(actors.head(top_n))
plots.plot_top_actors(actors, top_n=top_n);"""
    ),
    md("## Who appears with whom"),
    code(
        """pairs = co.build_cooccurrence(
    mentions,
    window=window,
    min_count=min_count,
    total_units=co.count_units(result, window),
)
pairs = co.attach_examples(pairs, result["sentences"])
pairs.head(top_n)[
    ["actor_a", "actor_b", "sentence_count", "article_count", "log_likelihood", "example_sentence"]
]"""
    ),
    code(
        """top_actors = actors["actor"].head(top_n).tolist()
plots.plot_cooccurrence_heatmap(pairs, top_actors);"""
    ),
    md("## Actor network (colour = sector)"),
    code(
        """graph = co.build_actor_graph(pairs, actors)
plots.plot_actor_network(graph, top_n=top_n);"""
    ),
    md("## Write the tables and the network"),
    code(
        """written = write_tables(
    {"mentions": result["mentions"], "actors": actors, "pairs": pairs}, run.output_dir
)
written += [
    co.export_graph(graph, run.output_dir / "actor_network.gexf"),
    co.export_graph(graph, run.output_dir / "actor_network.graphml"),
]
[str(p) for p in written]"""
    ),
]


def write_notebook(name: str, cells: list) -> Path:
    """Write one notebook with the python3 kernelspec papermill expects."""
    nb = nbf.v4.new_notebook()
    for number, cell in enumerate(cells):
        cell["id"] = f"{name}-{number:02d}"  # stable ids: regenerating gives the same file
    nb["cells"] = cells
    nb["metadata"] = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }
    path = NOTEBOOKS / f"{name}.ipynb"
    nbf.write(nb, path)
    return path


def main() -> None:
    """Regenerate every notebook."""
    for name, cells in (
        ("01_article_segmentation", SEGMENTATION),
        ("02_actor_cooccurrence", COOCCURRENCE),
    ):
        print(write_notebook(name, cells))


if __name__ == "__main__":
    main()
