"""The data behind the HTML map: which actors to show, how to draw them, and their details.

Everything here is pure: a graph goes in, JSON-ready dicts come out. Drawing attributes (colour by
actor type and relation class, size by importance, curves for parallel ties) are built with pyvis's
:class:`~pyvis.network.Network`; kg's details (aliases, dates, evidence with the two actors marked)
travel beside them. Node ids on the page are small integers, never the graph's ids, so no input
string ever becomes an id, a key or a piece of markup.

>>> import networkx as nx
>>> g = nx.MultiDiGraph(documents={})
>>> g.add_node("RUS", label="Russia", type="state", mentions=3)
>>> g.add_node("PRK", label="North Korea", type="state", mentions=2)
>>> g.add_edge("RUS", "PRK", key="CONSULT", relation_type="CONSULT", class_name="verbal cooperation", count=2)
'CONSULT'
>>> data = page_data(g)
>>> [n["label"] for n in data["nodes"]], data["edges"][0]["from"], data["meta"]["omitted_nodes"]
(['North Korea', 'Russia'], 1, 0)
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx
from pyvis.network import Network

from kg.dates import first_day, last_day
from kg.export.map_terms import glossary, search_names
from kg.export.style import (
    ACTOR_COLOURS,
    RELATION_COLOURS,
    UNKNOWN_ACTOR_COLOUR,
    edge_width,
    hex_colour,
    node_size,
    node_weight,
    relation_class,
)

logger = logging.getLogger(__name__)

#: The size of an actor by PageRank: its share times the number of actors, so an average actor weighs this.
PAGERANK_WEIGHT = 4.0
_PRECISIONS = ("day", "month", "year", "span")

#: Node colour by actor type and edge colour by relation class, as in the Gephi files (kg.export.style).
TYPE_COLORS = {k: hex_colour(v) for k, v in ACTOR_COLOURS.items()}
TYPE_COLORS["other"] = hex_colour(UNKNOWN_ACTOR_COLOUR)
CLASS_COLORS = {k: hex_colour(v) for k, v in RELATION_COLOURS.items()}
#: Above this many actors (and without given positions) the layout is computed in Python, physics off:
#: vis-network's physics needs seconds to settle a few hundred actors, kg.export.layout a second for 3,000.
PYTHON_LAYOUT_ABOVE = 400
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Only absolute http(s) URLs without whitespace or control characters become links.
_SAFE_URL = re.compile(r"https?://[^\s\x00-\x1f\x7f]+", re.IGNORECASE)
_GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
_ROUNDNESS_STEP = 0.18  # bend of each further tie between the same two actors


def importance(g: nx.MultiDiGraph) -> dict[str, tuple[float, int]]:
    """(weighted degree, mentions) per actor: the number of relations, then how often it was named."""
    degree: Counter[Any] = Counter()
    for u, v, d in g.edges(data=True):
        degree[u] += _count(d)
        degree[v] += _count(d)
    return {n: (float(degree[n]), _int(g.nodes[n].get("mentions"))) for n in g}


def _int(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0


def select_actors(g: nx.MultiDiGraph, max_nodes: int | None = None) -> list[str]:
    """The actors to show, least important first (so hubs are drawn on top).

    With ``max_nodes`` only that many of the most important actors are kept; ties go to the
    alphabetically first id, so the choice never depends on insertion order.
    """
    if max_nodes is not None and max_nodes < 0:
        raise ValueError("max_nodes must be >= 0")
    score = importance(g)
    ranked = sorted(g, key=lambda n: (-score[n][0], -score[n][1], str(n)))
    if max_nodes is not None:
        ranked = ranked[:max_nodes]
    return ranked[::-1]


def safe_url(url: Any) -> str | None:
    """``url`` when it is an absolute http(s) URL, else None (javascript:, data:, relative ...).

    >>> safe_url("https://en.wikinews.org/wiki/X"), safe_url("javascript:alert(1)"), safe_url(" http://a b")
    ('https://en.wikinews.org/wiki/X', None, None)
    """
    if isinstance(url, str) and _SAFE_URL.fullmatch(url):
        return url
    return None


def _date(value: Any) -> str | None:
    return value if isinstance(value, str) and _ISO_DATE.fullmatch(value) else None


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _utf16(s: str, offset: int) -> int:
    """A code-point offset in ``s`` as a UTF-16 offset, which is what JavaScript strings count."""
    return len(s[:offset].encode("utf-16-le")) // 2


def _mark(sentence: str, start: Any, text: Any, span: Any, role: str) -> list[Any] | None:
    """The [start, end, role] of an actor in its sentence, in UTF-16 units; None when not found."""
    s = e = -1
    base = start if isinstance(start, int) else 0
    if isinstance(span, list | tuple) and len(span) == 2 and all(isinstance(x, int) for x in span):
        s, e = span[0] - base, span[1] - base
    if not (0 <= s < e <= len(sentence)) or (text and sentence[s:e] != text):
        # Offsets that do not point at the actor's words: fall back to finding the words.
        s = sentence.find(text) if text else -1
        e = s + len(text)
    if s < 0:
        return None
    return [_utf16(sentence, s), _utf16(sentence, e), role]


def evidence_item(item: Mapping[str, Any], documents: Mapping[str, Any]) -> dict[str, Any]:
    """One evidence sentence for the page: text, document, safe link and the two actors' marks."""
    sentence = _text(item.get("sentence"))
    doc_id = _text(item.get("doc_id"))
    doc = documents.get(doc_id) or {}
    url = item.get("url") or doc.get("url")
    marks = [m for m in (_mark(sentence, item.get("sentence_start"), _text(item.get("subject_text")),
                               item.get("subject_span"), "subject"),
                         _mark(sentence, item.get("sentence_start"), _text(item.get("object_text")),
                               item.get("object_span"), "object")) if m]
    marks.sort()
    # Overlapping marks (an actor inside the other's words) keep the first one only.
    kept: list[list[Any]] = []
    for m in marks:
        if not kept or m[0] >= kept[-1][1]:
            kept.append(m)
    return {"sentence": sentence, "marks": kept, "doc_id": doc_id,
            "title": _text(item.get("title") or doc.get("title")) or None,
            "date": _date(item.get("date")) or _date(doc.get("date")),
            "url": safe_url(url), "unsafe_url": None if safe_url(url) or not url else _text(url),
            "relation": _text(item.get("relation")), "modality": _text(item.get("modality")) or None,
            "confidence": item.get("confidence") if isinstance(item.get("confidence"), int | float) else None,
            **event_facts(item)}


def event_facts(item: Mapping[str, Any]) -> dict[str, Any]:
    """When and where the event itself happened (the ``when`` stage's keys), each None when missing.

    >>> event_facts({"event_date": "2019-03", "event_date_precision": "month", "location": "Kyiv"})
    {'event_date': '2019-03', 'event_date_precision': 'month', 'location': 'Kyiv', 'location_iso3': None}
    """
    date = item.get("event_date")
    precision = item.get("event_date_precision")
    return {"event_date": date if isinstance(date, str) and date else None,
            "event_date_precision": precision if precision in _PRECISIONS else None,
            "location": _text(item.get("location")) or None,
            "location_iso3": _text(item.get("location_iso3")) or None}


def actor_scores(g: nx.MultiDiGraph) -> tuple[dict[Any, int], dict[Any, float]]:
    """``community`` and ``pagerank`` of every actor: the graph's own attributes (kg.graph.metrics), computed
    here only for a graph that lacks them (one built by hand or by an older kg)."""
    nodes = g.nodes
    if all(isinstance(nodes[n].get("community"), int) and isinstance(nodes[n].get("pagerank"), int | float)
           for n in g):
        return {n: int(nodes[n]["community"]) for n in g}, {n: float(nodes[n]["pagerank"]) for n in g}
    from kg.graph.metrics import actor_metrics

    m = actor_metrics([str(n) for n in g], ((str(u), str(v), float(_count(d))) for u, v, d in g.edges(data=True)))
    return {n: m.community[str(n)] for n in g}, {n: m.pagerank[str(n)] for n in g}


def _count(d: Mapping[str, Any]) -> int:
    c = d.get("count")
    return c if isinstance(c, int) and not isinstance(c, bool) and c > 0 else 1


def _tally(values: Iterable[str], order: Iterable[str] | None = None) -> list[list[Any]]:
    """[[value, count], ...] in the given order (legend order), else alphabetically."""
    counts = Counter(values)
    keys = [k for k in order if k in counts] if order is not None else sorted(counts)
    return [[k, counts[k]] for k in keys]


def label_font(size: float) -> dict[str, Any]:
    """The label of a node grows with it, from 12px for the smallest to 28px."""
    return {"size": round(min(28.0, 12 + (size - 8) * 0.28), 1)}


def _darker(color: str, f: float = 0.7) -> str:
    r, g, b = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(int(c * f) for c in (r, g, b)))


def scale_positions(positions: Mapping[Any, Any], nodes: Iterable[str]) -> dict[str, tuple[float, float]]:
    """Positions fitted to a square that grows with the graph, y flipped (Gephi's y points up)."""
    nodes = list(nodes)
    pts = {n: positions[n] for n in nodes if n in positions}
    if not pts:
        return {}
    xs = [float(p[0]) for p in pts.values()]
    ys = [float(p[1]) for p in pts.values()]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    half = max(250.0, 60.0 * math.sqrt(len(nodes)))
    k = 2 * half / span
    return {n: (round((float(p[0]) - cx) * k, 1), round(-(float(p[1]) - cy) * k, 1)) for n, p in pts.items()}


def python_layout(g: nx.MultiDiGraph, nodes: list[str]) -> dict[str, tuple[float, float]]:
    """Positions for a big graph: kg.export.layout's ForceAtlas2 for the actors with ties, and the actors
    without any (named, never related) on a sunflower around them, the most mentioned nearest."""
    keep = set(nodes)
    # A plain graph of the ties among the shown actors (nested subgraph views are slow to walk).
    ties = nx.MultiGraph()
    ties.add_edges_from((u, v, {"count": _count(d)}) for u, v, d in g.edges(data=True) if u in keep and v in keep)
    lone = [n for n in reversed(nodes) if n not in ties]  # ``nodes`` is least important first
    try:
        from kg.export.layout import compute_layout
    except ImportError:  # kg.export.layout is part of kg; this only guards a partial install
        pos = dict(nx.spring_layout(nx.Graph(ties), seed=42)) if len(ties) else {}
    else:
        pos = dict(compute_layout(ties, seed=42)) if len(ties) else {}
    tied = ties.nodes
    radius = max((math.hypot(float(x), float(y)) for x, y in pos.values()), default=1.0) or 1.0
    area = math.pi * radius * radius / max(1, len(tied))  # keep the density of the tied part
    for k, n in enumerate(lone):
        r = math.sqrt(radius * radius * 1.15 + k * area / math.pi)
        pos[n] = (r * math.cos(k * _GOLDEN_ANGLE), r * math.sin(k * _GOLDEN_ANGLE))
    return pos


def _bends(edges: list[tuple[str, str, str]]) -> dict[tuple[str, str, str], float]:
    """A curve for every tie that shares its two actors with another, so none hides behind one another."""
    by_pair: dict[frozenset[str], list[tuple[str, str, str]]] = defaultdict(list)
    for e in edges:
        by_pair[frozenset(e[:2])].append(e)
    bends: dict[tuple[str, str, str], float] = {}
    for group in by_pair.values():
        if len(group) < 2:
            continue
        per_direction: Counter[tuple[str, str]] = Counter()
        for u, v, k in group:
            per_direction[(u, v)] += 1
            # curvedCW bends A->B and B->A to opposite sides, so each direction counts from its own 1.
            bends[(u, v, k)] = round(_ROUNDNESS_STEP * per_direction[(u, v)], 2)
    return bends


def page_data(g: nx.MultiDiGraph, *, max_nodes: int | None = None,
              positions: Mapping[Any, Any] | None = None, title: str | None = None) -> dict[str, Any]:
    """Everything the page shows, as one JSON-ready dict: ``meta``, ``nodes``, ``edges``, ``options``."""
    shown = select_actors(g, max_nodes)
    index = {n: i for i, n in enumerate(shown)}
    edges = sorted((u, v, str(k)) for u, v, k in g.edges(keys=True) if u in index and v in index)
    score = importance(g)
    if positions is None and len(shown) > PYTHON_LAYOUT_ABOVE:
        positions = python_layout(g, shown)
    placed = scale_positions(positions, shown) if positions else {}
    physics = not placed
    documents = g.graph.get("documents") or {}

    community, pagerank = actor_scores(g)
    net = Network(directed=True, cdn_resources="in_line")
    node_info: list[dict[str, Any]] = []
    for n in shown:
        a = g.nodes[n]
        label = _text(a.get("label")) or str(n)
        kind = a.get("type") if a.get("type") in TYPE_COLORS else "other"
        color = TYPE_COLORS[kind]
        degree, mentions = score[n]
        extra = {"x": placed[n][0], "y": placed[n][1]} if n in placed else {}
        size = node_size(node_weight(g, n))
        net.add_node(index[n], label=label, color={
            "background": color, "border": _darker(color),
            "highlight": {"background": color, "border": "#1a1a1a"},
            "hover": {"background": color, "border": "#1a1a1a"}},
            size=size, font=label_font(size), title=f"{label} ({kind})", **extra)
        aliases = a.get("aliases") if isinstance(a.get("aliases"), list) else []
        rank = pagerank.get(n, 0.0)
        weights = (("mentions", mentions), ("degree", degree),
                   ("pagerank", rank * g.number_of_nodes() * PAGERANK_WEIGHT))
        node_info.append({"key": str(n), "label": label, "type": kind, "ner": _text(a.get("ner")) or None,
                          "iso3": _text(a.get("iso3")) or None,
                          "aliases": search_names(sorted({_text(x) for x in aliases})),
                          "names": search_names([label, *sorted({_text(x) for x in aliases}), str(n),
                                                 _text(a.get("iso3"))]),
                          "mentions": mentions, "degree": int(degree),
                          "pagerank": rank, "community": community.get(n, 0),
                          "sizes": {m: [node_size(w), label_font(node_size(w))["size"]] for m, w in weights},
                          "documents": len(a.get("documents") or ()),
                          "first_date": first_day(a.get("first_date")), "last_date": last_day(a.get("last_date"))})

    bends = _bends(edges)
    edge_info: list[dict[str, Any]] = []
    for i, (u, v, k) in enumerate(edges):
        d = g.edges[u, v, k]
        cls = relation_class(d)
        rtype = _text(d.get("relation_type")) or k.split(":")[0]
        negated = bool(d.get("negated"))
        count = _count(d)
        style: dict[str, Any] = {"dashes": [6, 4]} if negated else {}
        if (u, v, k) in bends:
            style["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": bends[(u, v, k)]}
        caption = ("not " if negated else "") + rtype + (f" \u00d7{count}" if count > 1 else "")
        net.add_edge(index[u], index[v], id=i, width=edge_width(count), title=caption,
                     color={"color": CLASS_COLORS[cls], "highlight": CLASS_COLORS[cls],
                            "hover": CLASS_COLORS[cls], "opacity": 0.9}, **style)
        docs = [str(x) for x in d.get("documents") or ()]
        dates = {first_day(d.get("first_date")), last_day(d.get("last_date"))}
        dates.update(_date((documents.get(x) or {}).get("date")) for x in docs)
        evidence = [evidence_item(e, documents) for e in d.get("evidence") or () if isinstance(e, Mapping)]
        dates.update(e["date"] for e in evidence)
        dates.discard(None)
        relations = d.get("relations") if isinstance(d.get("relations"), list) else []
        edge_info.append({"key": k, "relation_type": rtype, "class_name": cls, "negated": negated,
                          "caption": caption, "count": count, "relations": [_text(r) for r in relations],
                          "confidence": d.get("confidence") if isinstance(d.get("confidence"), int | float)
                          else None, "modality": _text(d.get("modality")) or None,
                          "first_date": first_day(d.get("first_date")), "last_date": last_day(d.get("last_date")),
                          "documents": len(docs), "dates": sorted(dates),
                          "evidence": evidence})

    omitted_nodes = g.number_of_nodes() - len(shown)
    if omitted_nodes:
        logger.info("map: showing %d of %d actors (%d left out by max_nodes=%s)",
                    len(shown), g.number_of_nodes(), omitted_nodes, max_nodes)
    all_dates = sorted({x for e in edge_info for x in e["dates"]})
    meta = {
        "title": title or default_title(g),
        "kg_version": _text(g.graph.get("kg_version")) or None,
        "total_nodes": g.number_of_nodes(), "total_edges": g.number_of_edges(),
        "shown_nodes": len(shown), "shown_edges": len(edges),
        "omitted_nodes": omitted_nodes, "omitted_edges": g.number_of_edges() - len(edges),
        "max_nodes": max_nodes, "documents": len(documents), "physics": physics,
        "dates": [all_dates[0], all_dates[-1]] if all_dates else None,
        "type_colors": TYPE_COLORS, "class_colors": CLASS_COLORS,
        "types": _tally((x["type"] for x in node_info), TYPE_COLORS),
        "classes": _tally((x["class_name"] for x in edge_info), CLASS_COLORS),
        "relation_types": _tally(x["relation_type"] for x in edge_info),
        "max_count": max((x["count"] for x in edge_info), default=1),
        "communities": len({x["community"] for x in node_info}),
        "modalities": _tally(x["modality"] or "asserted" for x in edge_info),
        "negated": sum(1 for x in edge_info if x["negated"]),
        "glossary": glossary(),
    }
    nodes, vis_edges, *_ = net.get_network_data()
    return {"meta": meta, "nodes": nodes, "edges": vis_edges, "node_info": node_info,
            "edge_info": edge_info, "options": vis_options(len(shown), physics)}


def default_title(g: nx.MultiDiGraph) -> str:
    """The graph's ``title``; else the only document's title; else how many documents it comes from."""
    if g.graph.get("title"):
        return _text(g.graph["title"])
    documents = g.graph.get("documents") or {}
    if len(documents) == 1:
        only = next(iter(documents.values())) or {}
        if isinstance(only, Mapping) and only.get("title"):
            return _text(only["title"])
    return f"kg map of {len(documents):,} documents" if documents else "kg map"


def vis_options(n: int, physics: bool) -> dict[str, Any]:
    """vis-network options: straight ties, sized labels; physics off, the page lays out what it shows itself
    (``physics`` says whether Python gave positions, kept for callers; vis-network's physics never runs)."""
    big = n > 1000  # hide edges while dragging or zooming: redraws of thousands of ties lag
    return {
        "autoResize": True,
        "nodes": {"shape": "dot", "borderWidth": 1.5, "borderWidthSelected": 3,
                  "font": {"size": 14, "face": "system-ui, sans-serif", "color": "#1f2328",
                           "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "scaling": {"label": {"enabled": False, "drawThreshold": 12}}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.55}}, "smooth": {"enabled": False},
                  "font": {"size": 11, "face": "system-ui, sans-serif", "color": "#333333",
                           "strokeWidth": 3, "strokeColor": "#ffffff", "align": "horizontal"},
                  "selectionWidth": 2, "hoverWidth": 1.5},
        "layout": {"randomSeed": 42, "improvedLayout": n <= 150},
        "interaction": {"hover": not big, "tooltipDelay": 200, "hideEdgesOnDrag": big,
                        "hideEdgesOnZoom": big, "navigationButtons": False, "keyboard": False,
                        "multiselect": False},
        "physics": {"enabled": False, "solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -70, "centralGravity": 0.012,
                                         "springLength": 110, "springConstant": 0.07, "damping": 0.5,
                                         "avoidOverlap": 0.6},
                    "stabilization": {"enabled": False, "iterations": 500 if n < 150 else 300,
                                      "updateInterval": 25, "fit": True},
                    "minVelocity": 1.0, "maxVelocity": 60, "timestep": 0.4},
    }
