"""What kind of file a path holds, from its first bytes: articles, or one of kg's own outputs.

Each command reads one kind (``kg run`` articles, ``kg build`` triples and mentions, ``kg stats`` and
``kg export`` a graph); a file of another kind gets one line saying what it is and which command
reads it, instead of a JSON parser's complaint about line 2.

>>> sniff_kind(b'{"doc_id": "d1", "subject": "Russia", "relation_type": "ASSAULT", "object": "Ukraine"}\\n')
'triples'
>>> sniff_kind(b'{"directed":true,"format":"kg-graph","format_version":1,'), sniff_kind(b"Seoul urged talks.")
('graph', None)
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import orjson

#: Bytes of a file looked at: enough for a first JSON line of triples or a graph's header.
HEAD_BYTES = 65_536

#: Each kind as a user reads it in an error line.
DESCRIPTIONS = {
    "graph": "a kg graph (node-link JSON, as kg run and kg build write graph.json)",
    "triples": "a kg triples file (JSON Lines, as kg extract writes)",
    "mentions": "a kg mentions file (JSON Lines, as kg extract --mentions writes)",
    "map": "a kg map (HTML, as kg export writes graph.html)",
    "graphml": "a GraphML file",
    "gexf": "a GEXF file",
    "csv": "a CSV table",
    "html": "an HTML page",
    "documents": "articles as JSON records",
}

# kg's own outputs, which are not articles, and what to do with each instead.
_OUTPUT_HINTS = {
    "triples": "merge it into a graph with `kg build {0} -o graph.json`",
    "mentions": "merge it into a graph with `kg build {0} -o graph.json`",
    "graph": "look at it with `kg stats {0}`, or export it with `kg export {0} --format html`",
    "map": "open it in a browser",
    "graphml": "open it in Gephi",
    "gexf": "open it in Gephi",
}
#: The kinds of file kg writes that are never read as articles.
KG_OUTPUTS = frozenset(_OUTPUT_HINTS)

# The keys that tell kg's own JSON Lines records apart (every triple has all of the first set).
_TRIPLE_KEYS = frozenset({"doc_id", "subject", "relation_type", "object"})
_MENTIONS_KEYS = frozenset({"doc_id", "mentions"})
_TEXT_KEYS = ("text", "content", "body")
# A graph's header as kg's writer puts it, or a networkx node-link dump with its keys in any order.
_GRAPH_FORMAT = re.compile(rb'^\{[^\n]{0,400}?"format"\s*:\s*"kg-graph"')
_NODE_LINK = re.compile(rb'"(?:nodes|links|edges)"\s*:\s*\[')
_KG_MAP = re.compile(rb'<meta name="generator" content="kg[ "]', re.IGNORECASE)
_XML_ROOT = re.compile(rb"<(graphml|gexf)\b", re.IGNORECASE)
_HTML = re.compile(rb"^\s*(?:<!doctype html|<html)", re.IGNORECASE)
# Exports of kg (kg.export.csv) start with Gephi's column names.
_CSV_HEADERS = (b"id,label,", b"source,target,")


def sniff_kind(head: bytes) -> str | None:
    """The kind of file whose first bytes are ``head`` (a key of :data:`DESCRIPTIONS`), or None for
    anything else (plain text, Markdown, bytes kg does not know)."""
    head = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if head.startswith(b"{"):
        return _json_kind(head)
    if head.startswith(b"<"):
        return _markup_kind(head)
    if head[:200].lower().startswith(_CSV_HEADERS):
        return "csv"
    return None


def _json_kind(head: bytes) -> str | None:
    if _GRAPH_FORMAT.match(head):
        return "graph"
    first = head.split(b"\n", 1)[0]
    try:
        record = orjson.loads(first)
    except orjson.JSONDecodeError:  # a record over several lines, or longer than the head
        return "graph" if _NODE_LINK.search(head) and b'"directed"' in head else None
    if not isinstance(record, dict):
        return None
    if record.keys() >= _TRIPLE_KEYS:
        return "triples"
    if record.keys() >= _MENTIONS_KEYS and isinstance(record["mentions"], list):
        return "mentions"
    if "nodes" in record and ("links" in record or "edges" in record):
        return "graph"  # a small graph on one line
    if any(isinstance(record.get(k), str) for k in _TEXT_KEYS):
        return "documents"
    return None


def _markup_kind(head: bytes) -> str | None:
    root = _XML_ROOT.search(head[:4096])
    if root:
        return root.group(1).decode("ascii").lower()
    if _HTML.match(head):
        return "map" if _KG_MAP.search(head) else "html"
    return None


def file_kind(path: str | os.PathLike[str]) -> str | None:
    """The kind of the file at ``path`` (see :func:`sniff_kind`); None when it cannot be read."""
    try:
        with open(path, "rb") as fh:
            return sniff_kind(fh.read(HEAD_BYTES))
    except OSError:
        return None


def describe(kind: str | None) -> str:
    """``kind`` for an error line.

    >>> describe("triples"), describe(None)
    ('a kg triples file (JSON Lines, as kg extract writes)', 'not a file kg wrote')
    """
    return DESCRIPTIONS.get(kind or "", "not a file kg wrote")


def not_articles(kind: str | None, name: str) -> str | None:
    """The error line for an input ``name`` of ``kind`` that is one of kg's outputs, or None.

    >>> print(not_articles("triples", "-"))
    - is a kg triples file (JSON Lines, as kg extract writes), not articles: merge it into a graph with `kg build - -o graph.json`
    """  # noqa: E501
    if kind not in _OUTPUT_HINTS:
        return None
    return f"{name} is {describe(kind)}, not articles: {_OUTPUT_HINTS[kind].format(name)}"


def kg_outputs_in(folder: str | os.PathLike[str]) -> list[str]:
    """The triples and mentions files ``kg run`` left in ``folder``, for a hint when a folder is named
    where files are wanted."""
    return [str(Path(folder) / name) for name in ("triples.jsonl", "mentions.jsonl")
            if (Path(folder) / name).is_file()]


#: What each command reads, and the kinds it accepts (None: not recognised, left to the command's parser).
_READS = {
    "build": ("the triples.jsonl and mentions.jsonl files that kg extract or kg run writes",
              {"triples", "mentions", None}),
    "stats": ("the graph.json that kg run or kg build writes", {"graph", None}),
    "export": ("the graph.json that kg run or kg build writes", {"graph", None}),
}
_EXPORTS = frozenset({"map", "graphml", "gexf", "csv"})


def kind_problem(name: str, command: str) -> str | None:
    """One line saying why ``kg COMMAND NAME`` cannot work and what to run instead, or None if it may.

    >>> print(kind_problem("no/such.json", "stats"))
    no/such.json: no such file (kg stats reads the graph.json that kg run or kg build writes)
    """
    from kg.ingest.documents import TEXT_SUFFIXES

    reads, accepted = _READS[command]
    path = Path(name)
    if path.is_dir():
        found = kg_outputs_in(path)
        hint = f"did you mean `kg {command} {' '.join(found)}`?" if found and command == "build" else \
            f"kg {command} reads {reads}"
        return f"{name} is a folder: {hint}"
    if not path.exists():
        return f"{name}: no such file (kg {command} reads {reads})"
    kind = file_kind(path)
    if kind is None and path.suffix.lower() in TEXT_SUFFIXES:
        kind = "documents"  # a .txt or .md article
    if kind in accepted:
        return None
    what = "a graph" if command != "build" else "triples"
    if kind in ("documents", "html"):
        then = f", then `kg {command} out/graph.json`" if command != "build" else ""
        return (f"{name} holds articles, not {what}: build the graph with `kg run {name} -o out/`{then}"
                + (f" (or extract triples with `kg extract {name} -o triples.jsonl --mentions mentions.jsonl`)"
                   if command == "build" else ""))
    if kind in ("triples", "mentions"):
        return (f"{name} is {describe(kind)}, not a graph: merge it into one with `kg build {name} -o graph.json`, "
                f"then `kg {command} graph.json`")
    if kind == "graph":
        return (f"{name} is {describe(kind)}, not triples: it is built already; look at it with `kg stats {name}` "
                f"or write it in another format with `kg export {name} --format gexf`")
    return f"{name} is {describe(kind)}, an export kg does not read back: kg {command} reads {reads}"
