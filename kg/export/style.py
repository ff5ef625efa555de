"""How kg draws a graph: one colour per actor type and per relation class, one node-size rule.

Every exporter that carries visual properties (GraphML's r/g/b/size keys, GEXF's ``viz:`` elements,
the HTML map) takes them from here, so a state is the same blue in Gephi and in the browser.

Palette: states blue, persons orange, organisations purple, places teal, groups brown; cooperation
in greens (verbal lighter, material darker), conflict in reds (verbal orange-red, material dark red),
standing relations grey, untyped RELATED ties light grey.

>>> node_colour("state")
(31, 119, 180)
>>> hex_colour(edge_colour({"quad_class": 4}))
'#a50026'
>>> node_size(0), node_size(1) < node_size(10) < node_size(10_000) <= MAX_NODE_SIZE
(8.0, True)
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import networkx as nx

RGB = tuple[int, int, int]

#: Node colour per actor ``type`` (kg.graph.build's node attribute).
ACTOR_COLOURS: dict[str, RGB] = {
    "state": (31, 119, 180),  # blue
    "person": (255, 127, 14),  # orange
    "organisation": (148, 103, 189),  # purple
    "place": (0, 150, 136),  # teal
    "group": (140, 86, 75),  # brown
}
#: Colour of an actor whose type is missing or unknown.
UNKNOWN_ACTOR_COLOUR: RGB = (160, 160, 160)

#: Edge colour per relation class (GDELT QuadClass numbers, see the ontology), plus the two kinds of class 0.
RELATION_COLOURS: dict[str, RGB] = {
    "verbal cooperation": (116, 196, 118),  # light green
    "material cooperation": (0, 109, 44),  # dark green
    "verbal conflict": (244, 109, 67),  # orange-red
    "material conflict": (165, 0, 38),  # dark red
    "standing": (120, 120, 120),  # grey
    "related": (200, 200, 200),  # light grey
}
_QUAD_CLASS_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
                     4: "material conflict"}

#: Node sizes in Gephi's units (its default node is 10); big enough to read at the -1000..1000 layout scale.
MIN_NODE_SIZE = 8.0
MAX_NODE_SIZE = 80.0
_SIZE_PER_LOG = 8.0

#: Edge widths (HTML) from the number of merged triples.
MIN_EDGE_WIDTH = 1.0
MAX_EDGE_WIDTH = 12.0


def node_colour(actor_type: object) -> RGB:
    """The colour of an actor type (grey when the type is unknown)."""
    return ACTOR_COLOURS.get(str(actor_type), UNKNOWN_ACTOR_COLOUR)


def relation_class(attrs: Mapping[str, Any]) -> str:
    """The colour class of an edge: a quad class name, ``standing`` or ``related``.

    >>> relation_class({"quad_class": 0, "relation_type": "LEADER_OF"})
    'standing'
    >>> relation_class({"quad_class": 0, "relation_type": "RELATED"})
    'related'
    """
    quad = attrs.get("quad_class")
    if isinstance(quad, int) and not isinstance(quad, bool) and quad in _QUAD_CLASS_NAMES:
        return _QUAD_CLASS_NAMES[quad]
    name = str(attrs.get("class_name") or "").lower()
    if name in RELATION_COLOURS:
        return name
    # Class 0 covers both standing facts and untyped ties; only the relation type tells them apart.
    if quad == 0 and str(attrs.get("relation_type", "")).upper() != "RELATED":
        return "standing"
    return "related"


def edge_colour(attrs: Mapping[str, Any]) -> RGB:
    """The colour of an edge from its attributes (``quad_class``, ``class_name``, ``relation_type``)."""
    return RELATION_COLOURS[relation_class(attrs)]


def hex_colour(rgb: RGB) -> str:
    """``#rrggbb`` for HTML and CSS."""
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def node_size(value: float) -> float:
    """Node size from an actor's weight (mentions or weighted degree), logarithmic and capped.

    Logarithmic because actor prominence is heavy-tailed: a sqrt or linear rule makes the top
    three actors swallow the picture. Absolute (not relative to the largest node), so an actor
    keeps its size when the corpus grows.
    """
    if not math.isfinite(value) or value <= 0:
        return MIN_NODE_SIZE
    return round(min(MAX_NODE_SIZE, MIN_NODE_SIZE + _SIZE_PER_LOG * math.log1p(value)), 2)


def node_weight(G: nx.MultiDiGraph, node: Any) -> float:
    """An actor's prominence: its ``mentions`` when known, else the summed ``count`` of its edges."""
    mentions = G.nodes[node].get("mentions")
    if isinstance(mentions, int | float) and not isinstance(mentions, bool) and mentions > 0:
        return float(mentions)
    total = 0.0
    for _, _, d in G.in_edges(node, data=True):
        total += _count(d)
    for _, _, d in G.out_edges(node, data=True):
        total += _count(d)
    return total


def node_sizes(G: nx.MultiDiGraph) -> dict[Any, float]:
    """:func:`node_size` of every node."""
    return {n: node_size(node_weight(G, n)) for n in G.nodes}


def edge_width(count: float) -> float:
    """Edge width (HTML) from the number of merged triples, logarithmic and capped."""
    if not math.isfinite(count) or count <= 1:
        return MIN_EDGE_WIDTH
    return round(min(MAX_EDGE_WIDTH, MIN_EDGE_WIDTH + 2.0 * math.log(count)), 2)


def _count(d: Mapping[str, Any]) -> float:
    c = d.get("count", d.get("weight", 1))
    if isinstance(c, int | float) and not isinstance(c, bool) and math.isfinite(c) and c > 0:
        return float(c)
    return 1.0
