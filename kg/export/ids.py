"""File ids for nodes and edges: NMTOKENs every XML validator accepts, stable when the corpus grows.

Node ids are kg's own ids when they are already ASCII NMTOKENs, else a transliterated and cleaned
token; edge ids are derived from (source, key, target), so an edge keeps its id when the corpus grows
and the same id appears in GEXF, CSV and SQLite.

>>> edge_id("RUS", "CONSULT:negated", "PRK")
'RUS--CONSULT:negated--PRK'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Any

import networkx as nx

#: An XML NMTOKEN restricted to ASCII, which every validator and reader agrees on.
_NMTOKEN = re.compile(r"[A-Za-z0-9._:\-]+")
_NOT_NMTOKEN_CHAR = re.compile(r"[^A-Za-z0-9._:\-]+")


def nmtoken(value: Any) -> str:
    """``value`` as an ASCII NMTOKEN: kept when already one, else transliterated and cleaned.

    >>> nmtoken("vladimir_putin"), nmtoken("São Paulo"), nmtoken("<>")
    ('vladimir_putin', 'Sao_Paulo', '_')
    """
    text = str(value)
    if _NMTOKEN.fullmatch(text):
        return text
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NOT_NMTOKEN_CHAR.sub("_", ascii_text) or "_"


def unique(candidate: str, used: set[str]) -> str:
    token, n = candidate, 2
    while token in used:
        token, n = f"{candidate}.{n}", n + 1
    used.add(token)
    return token


def node_ids(G: nx.MultiDiGraph) -> dict[Any, str]:
    """Every node's file id, in sorted order: its own id when it is an NMTOKEN, else a cleaned one.

    Ids are claimed in sorted order, so a cleaned id that collides gets the same suffix every run.
    """
    used: set[str] = set()
    ids: dict[Any, str] = {}
    for n in sorted(G.nodes, key=str):
        ids[n] = unique(nmtoken(n), used)
    return ids


def edge_id(source_id: str, key: Any, target_id: str) -> str:
    """The id of edge (source, key, target): readable in Gephi and stable when the graph grows."""
    return f"{source_id}--{nmtoken(key)}--{target_id}"


def sorted_edges(G: nx.MultiDiGraph, ids: Mapping[Any, str]
                 ) -> list[tuple[str, Any, Any, Any, dict[str, Any]]]:
    """``(edge_id, u, v, key, attrs)`` for every edge, sorted by (source id, target id, key).

    Ids come from :func:`edge_id`; the rare collision (a node id containing ``--``) gets a
    suffix, so every id in the file is unique.
    """
    edges = sorted(G.edges(keys=True, data=True), key=lambda e: (ids[e[0]], ids[e[1]], str(e[2])))
    used: set[str] = set()
    return [(unique(edge_id(ids[u], k, ids[v]), used), u, v, k, d) for u, v, k, d in edges]
