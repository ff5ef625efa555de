"""The records passed between kg's stages: frozen dataclasses, dicts only at the edges.

A :class:`Document` comes out of :mod:`kg.ingest.documents`, a :class:`Mention` names an actor in a
sentence, and a :class:`Triple` is one (actor, relation, actor) fact with its provenance. A triple
serialises to one flat JSON object (:meth:`Triple.to_dict`); that JSON Lines format is kg's public
contract and is documented in the README.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

Span = tuple[int, int]

#: The modality values a triple may carry (see ``docs/ontology.md`` in the shared folder).
MODALITIES = ("asserted", "hedged", "future")
#: How precise a triple's ``event_date`` is: "2019-03-04", "2019-03", "2019", an interval "1947/1991".
EVENT_DATE_PRECISIONS = ("day", "month", "year", "span")


@dataclass(frozen=True, slots=True)
class Document:
    """One input text with its metadata.

    >>> Document(id="a1", text="Seoul urged Pyongyang to talk.").date is None
    True
    """

    id: str
    text: str
    title: str | None = None
    date: str | None = None  # ISO 8601 date, "YYYY-MM-DD"
    url: str | None = None
    source: str | None = None  # the path the document was read from, or "-" for stdin


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor as it appears in a sentence, with the canonical actor it stands for.

    ``type`` is the spaCy entity label (PERSON, GPE, ORG, NORP, LOC, FAC); ``key`` is the
    canonical actor's stable id (an ISO 3166 alpha-3 code for a country, else a slug).
    """

    text: str
    start: int  # character offset in the document
    end: int
    name: str  # canonical name, e.g. "North Korea" for "Pyongyang"
    type: str
    key: str
    iso3: str | None = None

    @property
    def span(self) -> Span:
        return (self.start, self.end)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class DocumentMentions:
    """The actors one document names, related to anyone or not: the graph's nodes beyond triple ends.

    Written one line a document to ``mentions.jsonl`` beside ``triples.jsonl``.

    >>> m = DocumentMentions("d1", "2024-06-19", None, None, (Mention("Japan", 5, 10, "Japan", "GPE", "JPN", "JPN"),))
    >>> DocumentMentions.from_dict(m.to_dict()) == m
    True
    """

    doc_id: str
    date: str | None
    doc_title: str | None
    doc_url: str | None
    mentions: tuple[Mention, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "date": self.date, "doc_title": self.doc_title, "doc_url": self.doc_url,
                "mentions": [m.to_dict() for m in self.mentions]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> DocumentMentions:
        return cls(doc_id=d["doc_id"], date=d.get("date"), doc_title=d.get("doc_title"), doc_url=d.get("doc_url"),
                   mentions=tuple(Mention(**m) for m in d["mentions"]))


@dataclass(frozen=True, slots=True)
class Triple:
    """One extracted relation between two actors, with where it was found.

    >>> t = Triple(doc_id="d1", sentence_index=0, sentence="Russia invaded Ukraine.",
    ...            subject="Russia", subject_type="GPE", subject_text="Russia", subject_span=(0, 6),
    ...            relation="invade", relation_type="ASSAULT", object="Ukraine", object_type="GPE",
    ...            object_text="Ukraine", object_span=(15, 22))
    >>> Triple.from_dict(t.to_dict()) == t
    True
    """

    doc_id: str
    sentence_index: int
    sentence: str
    subject: str
    subject_type: str
    subject_text: str
    subject_span: Span
    relation: str
    relation_type: str
    object: str
    object_type: str
    object_text: str
    object_span: Span
    negated: bool = False
    modality: str = "asserted"
    confidence: float = 0.5
    date: str | None = None
    # Beyond the required contract: stable node ids, the sentence's offset, the rule that fired
    # and the document's title/url, so triples.jsonl alone is enough to build a browsable graph.
    subject_id: str = ""
    object_id: str = ""
    subject_iso3: str | None = None
    object_iso3: str | None = None
    sentence_start: int = 0
    pattern: str = ""
    doc_title: str | None = None
    doc_url: str | None = None
    # The relation's own date and place, when the sentence gives them (``date`` stays the document's):
    # ISO 8601 "2019-03-04", "2019-03", "2019" or "1947/1991", how precise it is, the place and its state.
    event_date: str | None = None
    event_date_precision: str | None = None  # one of EVENT_DATE_PRECISIONS
    location: str | None = None
    location_iso3: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object for this triple (spans as two-element lists)."""
        d = asdict(self)
        d["subject_span"] = list(self.subject_span)
        d["object_span"] = list(self.object_span)
        if not d["extra"]:
            del d["extra"]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Triple:
        """Read a triple back from its JSON object; unknown keys go to ``extra``."""
        kwargs = dict(d)  # the caller's dict stays as it was
        kwargs["subject_span"] = tuple(d["subject_span"])
        kwargs["object_span"] = tuple(d["object_span"])
        if not _TRIPLE_FIELDS.issuperset(d):  # a newer writer's fields are kept, not lost
            extra = dict(d.get("extra") or {})
            extra.update({k: kwargs.pop(k) for k in d if k not in _TRIPLE_FIELDS})
            kwargs["extra"] = extra
        return cls(**kwargs)

    @property
    def sort_key(self) -> tuple[Any, ...]:
        """Document order: the order triples are written in."""
        return (self.doc_id, self.sentence_index, self.subject_span, self.object_span,
                self.relation_type, self.relation)


_TRIPLE_FIELDS = frozenset(f.name for f in fields(Triple))
