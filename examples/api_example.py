"""kg from Python: articles in, a map and a Gephi file out, and a look at the strongest ties.

Run from the repository folder:  python examples/api_example.py [INPUT ...] [-o OUTDIR]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import kg


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("inputs", nargs="*", default=[str(Path(__file__).resolve().parents[1] / "seeds")])
    parser.add_argument("-o", "--outdir", default="out-api")
    args = parser.parse_args()
    outdir = Path(args.outdir)

    documents = kg.read_documents(args.inputs)
    # mentions=True: each document's named actors come along, so actors without a tie get a node too
    records = list(kg.extract(documents, mentions=True))
    triples = [r for r in records if isinstance(r, kg.Triple)]
    kg.write_triples(records, outdir / "triples.jsonl")  # kg build reads it back, mentions and all

    graph = kg.build_graph(records, max_evidence=3)
    kg.write_html(graph, outdir / "graph.html")
    kg.write_graphml(graph, outdir / "graph.graphml")
    kg.write_json(graph, outdir / "graph.json")

    print(f"{len(triples)} triples, {graph.number_of_nodes()} actors, {graph.number_of_edges()} ties")
    ties = sorted(graph.edges(data=True), key=lambda e: (-e[2]["count"], e[0], e[1]))
    for u, v, data in ties[:10]:
        first = data["evidence"][0]["sentence"] if data["evidence"] else ""
        print(f"{graph.nodes[u]['label']} -{data['relation_type']}-> {graph.nodes[v]['label']} "
              f"(x{data['count']}): {first[:80]}")


if __name__ == "__main__":
    main()
