"""kg's node-link JSON: a lossless round trip, and clear errors on files that are not graphs."""

from __future__ import annotations

import json

import pytest

from kg.export.json import GraphFormatError, graph_to_data, read_json, write_json
from kg.graph.build import build_graph


def test_round_trip_keeps_everything(tmp_path, make_triple):
    g = build_graph([make_triple(sentence="Russia <b>&</b> \"Ukraine\" 🇺🇦", relation_type=r, sentence_index=i)
                     for i, r in enumerate(["ASSAULT", "CONSULT", "ASSAULT"])])
    path = tmp_path / "graph.json"
    write_json(g, path)
    back = read_json(path)
    assert graph_to_data(back) == graph_to_data(g)
    assert list(back.edges(keys=True)) == list(g.edges(keys=True))
    write_json(back, tmp_path / "again.json")
    assert (tmp_path / "again.json").read_bytes() == path.read_bytes()


def test_file_is_plain_json(tmp_path, make_triple):
    write_json(build_graph([make_triple()]), tmp_path / "g.json")
    data = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))
    assert data["format"] == "kg-graph" and len(data["nodes"]) == 2 and len(data["edges"]) == 1


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", '{"nodes": [{"label": "no id"}], "edges": []}',
                                     '{"format": "other", "nodes": [], "edges": []}'])
def test_bad_files_raise_a_clear_error(tmp_path, content):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GraphFormatError):
        read_json(path)
