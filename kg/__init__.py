"""kg: geopolitical knowledge graphs from news articles.

Three stages, each usable on its own from Python::

    import kg
    docs = kg.read_documents(["articles/"])            # files, folders, .jsonl, .html
    triples = list(kg.extract(docs))                   # (actor, relation, actor) with provenance
    graph = kg.build_graph(triples)                    # networkx.MultiDiGraph, one node per actor
    # or, with the actors named without a tie too (the graph `kg run` builds):
    # graph = kg.build_graph(kg.extract(kg.read_documents(["articles/"]), mentions=True))
    kg.write_html(graph, "map.html")                   # the browsable map
    kg.write_graphml(graph, "graph.graphml")           # for Gephi

``kg.extract`` also takes plain strings: ``kg.extract(["Russia invaded Ukraine."])``.
"""

from __future__ import annotations

import sys
import types
from typing import Any

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
from kg.records import Document, DocumentMentions, Mention, Triple

__all__ = [
    "Document",
    "DocumentMentions",
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


class _Package(types.ModuleType):
    """The ``kg`` module, keeping its API functions when a subpackage of the same name is imported.

    Importing the rules subpackage ``kg.extract`` (the pipeline does, lazily, on the first extraction)
    makes Python bind it as the attribute ``kg.extract``, over the function: the second ``kg.extract(...)``
    of a process then called a module. The subpackage stays importable by name
    (``from kg.extract import extract_triples``); ``kg.extract`` stays the function.
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if isinstance(value, types.ModuleType) and callable(self.__dict__.get(name)) and name in __all__:
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
