"""Writers for every output format; each module is a pure ``generate_*``/``render_*`` and a thin ``write_*``."""

from __future__ import annotations

from kg.export.json import graph_from_data, graph_to_data, read_json, write_json

__all__ = ["graph_from_data", "graph_to_data", "read_json", "write_json"]
