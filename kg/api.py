"""The Python API re-exported by ``kg``: each function imports its stage only when called,
so ``import kg`` stays cheap and a notebook pays for spaCy only when it extracts."""

from __future__ import annotations

import json
import os
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Literal, overload

import networkx as nx

from kg.records import Document, DocumentMentions, Mention, Triple

PathLike = str | os.PathLike[str]


def read_documents(inputs: Iterable[PathLike] | PathLike, *, strict: bool = False) -> Iterator[Document]:
    """Documents from files and folders (.txt, .md, .html, .jsonl), lazily, in a stable order.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "2024-06-19_visit.txt").write_text("Putin visits Pyongyang\\n\\nPutin met Kim.\\n")
    >>> [(d.id, d.title, d.date) for d in read_documents(folder)]
    [('2024-06-19_visit.txt', 'Putin visits Pyongyang', '2024-06-19')]
    """
    from kg.ingest.documents import read_documents as _read

    if isinstance(inputs, str | os.PathLike):
        inputs = [inputs]
    return _read(list(inputs), strict=strict)


def load_pipeline(model: str | None = None) -> Any:
    """The spaCy pipeline kg uses (``en_core_web_sm`` when installed, else the bundled copy)."""
    from kg.nlp import load_pipeline as _load

    return _load(model)


@overload
def extract(texts: Iterable[str | Document], *, nlp: Any = None, model: str | None = None, jobs: int = 1,
            mentions: Literal[False] = False, full_parse: bool = False) -> Iterator[Triple]: ...


@overload
def extract(texts: Iterable[str | Document], *, nlp: Any = None, model: str | None = None, jobs: int = 1,
            mentions: Literal[True], full_parse: bool = False) -> Iterator[Triple | DocumentMentions]: ...


def extract(texts: Iterable[str | Document], *, nlp: Any = None, model: str | None = None, jobs: int = 1,
            mentions: bool = False, full_parse: bool = False) -> Iterator[Triple] | Iterator[Triple | DocumentMentions]:
    """Triples from texts or :class:`Document` s, in order; plain strings get ids ``doc1``, ``doc2`` ...

    With ``mentions=True`` each document's triples are followed by a :class:`DocumentMentions`, the
    actors it names: :func:`build_graph` then gives a node to an actor named without any tie, as
    ``kg run`` does (``kg.build_graph(kg.extract(docs, mentions=True))`` is the graph ``kg run`` builds).

    Only the sentences that can hold a relation are parsed; ``full_parse=True`` parses every sentence
    (the same triples, slower).

    >>> triples = list(extract(["Russian President Vladimir Putin visited North Korea."]))  # doctest: +SKIP
    >>> (triples[0].subject, triples[0].relation_type, triples[0].object)  # doctest: +SKIP
    ('Vladimir Putin', 'LEADER_OF', 'Russia')
    """
    from kg.runner.pipeline import extract_documents

    documents = (t if isinstance(t, Document) else Document(id=f"doc{i}", text=t)
                 for i, t in enumerate(texts, 1))
    if not mentions:
        return extract_documents(documents, nlp=nlp, model=model, jobs=jobs, full_parse=full_parse)
    return _with_mentions(documents, nlp=nlp, model=model, jobs=jobs, full_parse=full_parse)


def _with_mentions(documents: Iterable[Document], *, nlp: Any, model: str | None,
                   jobs: int, full_parse: bool) -> Iterator[Triple | DocumentMentions]:
    """Each document's triples, then its mentions (the engines report them once the document is done)."""
    from kg.runner.pipeline import extract_documents

    done: deque[DocumentMentions] = deque()

    def finished(document: Document, found: tuple[Mention, ...]) -> None:
        done.append(DocumentMentions(document.id, document.date, document.title, document.url, found))

    for t in extract_documents(documents, nlp=nlp, model=model, jobs=jobs, on_document=finished,
                                full_parse=full_parse):
        while done:  # the documents finished before this triple's
            yield done.popleft()
        yield t
    yield from done


def build_graph(triples: Iterable[Triple | DocumentMentions], *, max_evidence: int = 5) -> nx.MultiDiGraph:
    """Merge triples into a MultiDiGraph: a node per actor, an edge per (actor, relation type, actor).

    :class:`DocumentMentions` among them (``extract(..., mentions=True)``) add the actors named without a tie.
    """
    from kg.graph.build import build_graph as _build

    return _build(triples, max_evidence=max_evidence)


def write_triples(triples: Iterable[Triple | DocumentMentions], path: PathLike) -> int:
    """Write triples as JSON Lines (atomically); returns how many were written.

    Mentions records among them are written too, one line a document, as ``kg build`` reads them.
    """
    from kg.io import atomic_write
    from kg.runner.resume import triple_line

    n = 0
    with atomic_write(path) as fh:
        for t in triples:
            fh.write(json.dumps(t.to_dict(), ensure_ascii=False) + "\n" if isinstance(t, DocumentMentions)
                     else triple_line(t))
            n += isinstance(t, Triple)
    return n


def read_triples(*paths: PathLike) -> Iterator[Triple]:
    """Triples back from JSON Lines files written by ``kg extract`` or :func:`write_triples`."""
    from kg.runner.resume import read_triples as _read

    return _read(paths)


def read_json(path: PathLike) -> nx.MultiDiGraph:
    """A graph saved by :func:`write_json` (or ``kg build``)."""
    from kg.export.json import read_json as _read

    return _read(path)


def write_json(graph: nx.MultiDiGraph, path: PathLike) -> None:
    """Save the graph as kg's node-link JSON; :func:`read_json` reads it back unchanged."""
    from kg.export.json import write_json as _write

    _write(graph, path)


def write_html(graph: nx.MultiDiGraph, path: PathLike, **options: Any) -> None:
    """The interactive map, one self-contained HTML file that works offline."""
    from kg.export.html import write_html as _write

    _write(graph, path, **options)


def write_graphml(graph: nx.MultiDiGraph, path: PathLike, **options: Any) -> None:
    """GraphML that Gephi, yEd, igraph and networkx load with every node, edge and attribute."""
    from kg.export.graphml import write_graphml as _write

    _write(graph, path, **options)


def write_gexf(graph: nx.MultiDiGraph, path: PathLike, **options: Any) -> None:
    """GEXF 1.3 with relation kinds, colours and a timeline for Gephi."""
    from kg.export.gexf import write_gexf as _write

    _write(graph, path, **options)


def write_csv(graph: nx.MultiDiGraph, outdir: PathLike) -> tuple[Path, Path]:
    """``nodes.csv`` and ``edges.csv`` for spreadsheets and Gephi's data laboratory."""
    from kg.export.csv import write_csv as _write

    return _write(graph, outdir)
