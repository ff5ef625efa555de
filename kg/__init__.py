"""kg: geopolitical knowledge graphs from news articles.

Three stages, each usable on its own from Python::

    import kg
    docs = kg.read_documents(["articles/"])            # files, folders, .jsonl, .html
    triples = list(kg.extract(docs))                   # (actor, relation, actor) with provenance
    graph = kg.build_graph(triples)                    # networkx.MultiDiGraph, one node per actor
    kg.write_html(graph, "map.html")                   # the browsable map
    kg.write_graphml(graph, "graph.graphml")           # for Gephi

``kg.extract`` also takes plain strings: ``kg.extract(["Russia invaded Ukraine."])``.
"""

from __future__ import annotations

__version__ = "0.1.0"

from kg.api import (
    build_graph,
    extract,
    load_pipeline,
    read_documents,
    read_json,
    read_triples,
    write_csv,
    write_gexf,
    write_graphml,
    write_html,
    write_json,
    write_triples,
)
from kg.records import Document, Mention, Triple

__all__ = [
    "Document",
    "Mention",
    "Triple",
    "__version__",
    "build_graph",
    "extract",
    "load_pipeline",
    "read_documents",
    "read_json",
    "read_triples",
    "write_csv",
    "write_gexf",
    "write_graphml",
    "write_html",
    "write_json",
    "write_triples",
]
