"""What the graph builder keeps per actor and per tie while triples stream in.

A triple reaches the builder as its JSON object (the JSON Lines contract of :mod:`kg.records`) or as a
:class:`~kg.records.Triple`, and is read into a tuple of values in one C call (``kg build`` reads
millions of JSON objects, and building a 28-field frozen dataclass per line cost more than parsing
the line). Of each triple the builder keeps one evidence *row*,
a plain tuple, laid out so that its first five items are the order evidence is kept in (earliest date
first, then document order), the next ones, zipped with :data:`EVIDENCE_KEYS`, are the evidence item
written to the graph, and the last two are the first and last date the triple stands for: its
``event_date`` when the sentence gives one (both ends of a span "1947/1991"), else the document's
``date``. A tie's ``first_date``/``last_date`` come from those.

A tie's counts are not updated per triple. Its rows pile up and are folded into a :class:`TieSummary`
only when there are more than twice the evidence cap (and once at the end), which then keeps the
earliest ``max_evidence`` rows. Most ties in a large corpus are seen once or twice and never fold.

>>> def row(date, sentence_index, event=None):  # (order date, doc, sentence, spans, ...), see EVIDENCE_KEYS
...     first, last = event.split("/") if event else (date, date)
...     return (first, "a", sentence_index, [0, 1], [2, 3], "X met Y.", 0, "X", "Y", "meet", date, None, None, 0.9,
...             "asserted", event, "span" if event else None, None, None, first, last)
>>> rows = [row("2024-02-01", 0), row("2024-01-01", 1), row("2024-01-05", 2, "1947/1991")]
>>> summary = TieSummary().fold(rows, max_evidence=1)
>>> summary.count, summary.first_date, summary.last_date, [r[ROW_DATE] for r in rows]
(3, '1947', '2024-02-01', ['2024-01-05'])
>>> item = evidence_item(rows[0])
>>> tuple(item) == EVIDENCE_KEYS and [item[k] for k in EVIDENCE_KEYS[4:9]] == list(rows[0][5:10])
True
"""

from __future__ import annotations

from operator import itemgetter
from typing import Any, NamedTuple

#: The keys of an evidence item in the graph, in the order of an evidence row after its sort key.
EVIDENCE_KEYS = ("doc_id", "sentence_index", "subject_span", "object_span", "sentence", "sentence_start",
                 "subject_text", "object_text", "relation", "date", "title", "url", "confidence", "modality",
                 "event_date", "event_date_precision", "location", "location_iso3")

# Positions in an evidence row (row[0] is the date used for ordering, undated last).
ROW_DOC, ROW_SUBJECT_SPAN, ROW_OBJECT_SPAN = 1, 3, 4
ROW_RELATION, ROW_DATE, ROW_CONFIDENCE, ROW_MODALITY = 9, 10, 13, 14
ROW_FIRST, ROW_LAST = 1 + len(EVIDENCE_KEYS), 2 + len(EVIDENCE_KEYS)  # the dates the triple stands for
UNDATED = "9999-99-99"  # sorts after every ISO date

#: Evidence order: earliest first, undated last, then document order (sentence, then spans).
row_order = itemgetter(0, 1, 2, 3, 4)

Row = tuple[Any, ...]


def evidence_item(row: Row) -> dict[str, Any]:
    """The evidence dict written to the graph, keys in :data:`EVIDENCE_KEYS` order (spans as fresh lists, so
    the graph shares nothing). Spelt out, not zipped: ``kg build`` makes one per evidence row, and a dict
    display is 40 % faster than ``dict(zip(EVIDENCE_KEYS, row[1:]))``."""
    (_, doc_id, sentence_index, subject_span, object_span, sentence, sentence_start, subject_text, object_text,
     relation, date, title, url, confidence, modality, event_date, precision, location, location_iso3, _, _) = row
    return {"doc_id": doc_id, "sentence_index": sentence_index, "subject_span": list(subject_span),
            "object_span": list(object_span), "sentence": sentence, "sentence_start": sentence_start,
            "subject_text": subject_text, "object_text": object_text, "relation": relation, "date": date,
            "title": title, "url": url, "confidence": confidence, "modality": modality, "event_date": event_date,
            "event_date_precision": precision, "location": location, "location_iso3": location_iso3}


def min_date(a: str | None, b: str | None) -> str | None:
    """The smaller of two optional values (ISO dates compare as strings)."""
    return b if a is None else a if b is None else min(a, b)


def max_date(a: str | None, b: str | None) -> str | None:
    return b if a is None else a if b is None else max(a, b)


def bump(counter: dict[str, int], key: str, n: int = 1) -> None:
    counter[key] = counter.get(key, 0) + n


def most_common(counter: dict[str, int]) -> str:
    """The most frequent value; ties go to the alphabetically first, so order never matters."""
    if len(counter) == 1:
        return next(iter(counter))
    return min(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0]


class TieSummary:
    """The counts of one (subject, relation type, object) over the rows folded into it so far.

    ``kept`` is how many rows at the head of the tie's row list are already counted here.
    """

    __slots__ = ("confidence", "count", "documents", "first_date", "kept", "last_date", "modalities", "relations")

    def __init__(self) -> None:
        self.count = 0
        self.kept = 0
        self.relations: dict[str, int] = {}
        self.modalities: dict[str, int] = {}
        self.confidence = 0.0
        self.documents: set[str] = set()
        self.first_date: str | None = None
        self.last_date: str | None = None

    def fold(self, rows: list[Row], *, max_evidence: int) -> TieSummary:
        """Count the rows not counted yet, then keep the earliest ``max_evidence`` of them all (in place)."""
        new = rows[self.kept:]
        self.count += len(new)
        relations, modalities, documents = self.relations, self.modalities, self.documents
        for row in new:
            relation, modality = row[ROW_RELATION], row[ROW_MODALITY]
            relations[relation] = relations.get(relation, 0) + 1
            modalities[modality] = modalities.get(modality, 0) + 1
            documents.add(row[ROW_DOC])
            if row[ROW_CONFIDENCE] > self.confidence:
                self.confidence = row[ROW_CONFIDENCE]
        firsts = [row[ROW_FIRST] for row in new if row[ROW_FIRST] is not None]
        if firsts:
            self.first_date = min_date(self.first_date, min(firsts))
            self.last_date = max_date(self.last_date, max(row[ROW_LAST] for row in new if row[ROW_LAST] is not None))
        if len(rows) > 1:
            rows.sort(key=row_order)
        del rows[max_evidence:]
        self.kept = len(rows)
        return self

    def merged(self, other: TieSummary) -> TieSummary:
        """A summary counting both (neither is changed); ``kept`` is left for the caller to set."""
        out = TieSummary()
        for part in (self, other):
            out.count += part.count
            for k, n in part.relations.items():
                bump(out.relations, k, n)
            for k, n in part.modalities.items():
                bump(out.modalities, k, n)
            out.confidence = max(out.confidence, part.confidence)
            out.documents |= part.documents
            out.first_date = min_date(out.first_date, part.first_date)
            out.last_date = max_date(out.last_date, part.last_date)
        return out


class ActorSummary:
    """What is known of one actor so far. Slots and plain dicts: a big corpus has many actors."""

    __slots__ = ("aliases", "documents", "ends", "first_date", "iso3", "last_date", "mentions", "names", "ner")

    def __init__(self) -> None:
        self.names: dict[str, int] = {}
        self.ner: dict[str, int] = {}
        self.iso3: str | None = None
        self.aliases: set[str] = set()
        self.mentions = 0  # times the text names the actor (from mentions.jsonl)
        self.ends = 0  # triples that have the actor at one end
        self.documents: set[str] = set()
        self.first_date: str | None = None
        self.last_date: str | None = None

    def add(self, name: str, ner: str, iso3: str | None, text: str, doc_id: str, date: str | None, *,
            mention: bool = False, last: str | None = None) -> None:
        """Count one mention or triple end; ``date`` (to ``last``, when a span) is when it stands for."""
        self.add_end(name, ner, iso3, text, doc_id, date, last or date)
        if mention:  # counted by add_end as a triple end: a mention instead
            self.ends -= 1
            self.mentions += 1

    def add_end(self, name: str, ner: str, iso3: str | None, text: str, doc_id: str, first: str | None,
                last: str | None) -> None:
        """Count one triple end standing for ``first`` to ``last`` (both given, or both None): the builder's
        :meth:`add`, which runs twice per triple."""
        names, ners = self.names, self.ner  # bump() inlined
        names[name] = names.get(name, 0) + 1
        ners[ner] = ners.get(ner, 0) + 1
        if iso3 and not self.iso3:
            self.iso3 = iso3
        self.aliases.add(text)  # the names are aliases too: see all_aliases()
        self.ends += 1
        self.documents.add(doc_id)
        if first is not None:
            if self.first_date is None or first < self.first_date:
                self.first_date = first
            if last is not None and (self.last_date is None or last > self.last_date):
                self.last_date = last

    def all_aliases(self) -> list[str]:
        """Every name and every text the actor was given, sorted."""
        return sorted(self.aliases.union(self.names))

    def merged(self, other: ActorSummary, *, label_votes: bool = True) -> ActorSummary:
        """A new summary with both actors' facts (neither is changed)."""
        out = ActorSummary()
        for part, votes in ((self, True), (other, label_votes)):
            if votes:
                for k, n in part.names.items():
                    bump(out.names, k, n)
            for k, n in part.ner.items():
                bump(out.ner, k, n)
            out.iso3 = out.iso3 or part.iso3
            out.aliases |= part.aliases
            out.aliases.update(part.names)  # a name that does not vote for the label stays an alias
            out.mentions += part.mentions
            out.ends += part.ends
            out.documents |= part.documents
            out.first_date = min_date(out.first_date, part.first_date)
            out.last_date = max_date(out.last_date, part.last_date)
        return out


class TieFacts(NamedTuple):
    """A finished tie's counts, as written to the graph."""

    triples: int  # how many triples the tie rests on (its "count" in the graph)
    relations: list[str]  # most frequent first (ties alphabetical)
    modality: str
    confidence: float
    documents: list[str]
    first_date: str | None
    last_date: str | None


def tie_facts(rows: list[Row], summary: TieSummary | None, *, max_evidence: int) -> TieFacts:
    """Count what is left to count of a tie and trim its rows (in place) to the evidence cap."""
    if summary is None and len(rows) == 1 and max_evidence:
        # Most ties of a large corpus rest on one sentence: its row is all there is to count.
        row = rows[0]
        return TieFacts(1, [row[ROW_RELATION]], row[ROW_MODALITY], row[ROW_CONFIDENCE], [row[ROW_DOC]],
                        row[ROW_FIRST], row[ROW_LAST])
    s = (summary or TieSummary()).fold(rows, max_evidence=max_evidence)
    rel = s.relations
    return TieFacts(s.count, sorted(rel, key=lambda r: (-rel[r], r)) if len(rel) > 1 else list(rel),
                    most_common(s.modalities), s.confidence, sorted(s.documents), s.first_date, s.last_date)
