"""The interactive HTML map: one self-contained, offline, injection-safe file.

:func:`render_html` turns the graph into a page with a legend that filters, a search box that knows
every alias, filters by relation type, class, count and date, and a details panel with the evidence
sentences. Everything is inline: vis-network 9.1.2 as bundled by pyvis, kg's own CSS and JavaScript
(``templates/``), and the data. The page fetches nothing, and its Content-Security-Policy forbids
it to: scripts run only when their SHA-256 is listed, and no connection may leave.

Input strings (names, sentences, titles, URLs) travel as JSON in a ``<script type="application/json">``
block, with ``<``, ``>`` and ``&`` escaped, and are put on the page with ``textContent``; only
http(s) URLs become links. The same graph always gives the same bytes.

>>> import networkx as nx
>>> g = nx.MultiDiGraph(documents={})
>>> g.add_node("x", label="<script>alert(1)</script>", type="person")
>>> page = render_html(g, title="A & B")
>>> "<script>alert(1)" in page, "<title>A &amp; B</title>" in page
(False, True)
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import os
from pathlib import Path
from typing import Any

import networkx as nx
import pyvis
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from kg.export.html_data import page_data
from kg.io import write_lines

__all__ = ["content_security_policy", "render_html", "script_json", "write_html"]

TEMPLATES = Path(__file__).resolve().parent / "templates"
VIS_DIR = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / "vis-9.1.2"
VIS_VERSION = "9.1.2"
#: kg's scripts, concatenated in this order into one strict-mode function scope.
SCRIPTS = ("map-util.js", "map-core.js", "map-draw.js", "map-layout.js", "map-filters.js", "map-view.js",
           "map-panel.js", "map-search.js", "map-table.js", "map-state.js", "map-main.js")


def script_json(data: Any) -> str:
    """JSON that is inert inside ``<script type="application/json">``: no ``</script>``, ``<!--`` or ``]]>``.

    >>> script_json({"s": "</script><!--"})
    '{"s": "\\\\u003c/script\\\\u003e\\\\u003c!--"}'
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def content_security_policy(scripts: list[str], styles: list[str]) -> str:
    """A policy that runs only the given inline scripts and styles and allows no connection at all."""
    return "; ".join([
        "default-src 'none'",
        "script-src " + " ".join(_sha256(s) for s in scripts),
        "style-src " + " ".join(_sha256(s) for s in styles),
        "img-src data: blob:",
        "connect-src 'none'", "font-src 'none'", "media-src 'none'", "object-src 'none'",
        "frame-src 'none'", "worker-src 'none'", "manifest-src 'none'",
        "base-uri 'none'", "form-action 'none'",
    ])


def _inline(text: str, tag: str) -> str:
    # Library code must not close its own element early; "<\/" means the same inside JS and CSS strings.
    return text.replace(f"</{tag}", f"<\\/{tag}")


@functools.lru_cache(maxsize=1)
def _assets() -> dict[str, str]:
    """The inline resources, read once per process."""
    kg_js = "(function () {\n" + "\n".join((TEMPLATES / name).read_text(encoding="utf-8") for name in SCRIPTS)
    kg_js += "\n})();\n"
    return {
        "vis_js": _inline((VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8"), "script"),
        "vis_css": _inline((VIS_DIR / "vis-network.css").read_text(encoding="utf-8"), "style"),
        "kg_js": _inline(kg_js, "script"),
        "kg_css": _inline((TEMPLATES / "map.css").read_text(encoding="utf-8"), "style"),
    }


@functools.lru_cache(maxsize=1)
def _environment() -> Environment:
    # Autoescape on: anything not explicitly marked safe is escaped.
    return Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, undefined=StrictUndefined,
                       keep_trailing_newline=True)


def render_page(data: dict[str, Any]) -> str:
    """The page for data made by :func:`kg.export.html_data.page_data`."""
    from kg import __version__

    assets = _assets()
    csp = content_security_policy([assets["vis_js"], assets["kg_js"]], [assets["vis_css"], assets["kg_css"]])
    return _environment().get_template("map.html").render(
        title=data["meta"]["title"], csp=Markup(csp),  # only quotes, letters and base64
        version=__version__, vis_version=VIS_VERSION,
        data_json=Markup(script_json(data)),
        **{k: Markup(v) for k, v in assets.items()})


def render_html(G: nx.MultiDiGraph, *, max_nodes: int | None = None,
                positions: dict[Any, Any] | None = None, title: str | None = None) -> str:
    """The interactive map of ``G`` as one HTML document (the graph is not modified).

    ``max_nodes`` keeps that many of the most important actors (by number of relations, then
    mentions) and the page says how many were left out. ``positions`` (node id -> (x, y), e.g.
    from :func:`kg.export.layout.compute_layout`) fixes the layout and turns physics off; without them a
    graph of more than 400 actors is laid out in Python (kg.export.layout), a smaller one by vis-network's physics,
    which stops once the layout settles.
    """
    return render_page(page_data(G, max_nodes=max_nodes, positions=positions, title=title))


def write_html(G: nx.MultiDiGraph, path: str | os.PathLike[str], **kw: Any) -> None:
    """Write :func:`render_html` to ``path`` as UTF-8, atomically."""
    write_lines(path, [render_html(G, **kw)])
