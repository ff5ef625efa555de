"""Writing triples so that an interrupted run leaves no broken file and can carry on where it stopped.

Triples go to ``OUT.partial`` as they come (and each document's actor mentions, when asked for, to
``MENTIONS.partial``); after each finished document one line ``<byte offset>\\t<mentions offset>\\t
<document id>`` is appended to ``OUT.partial.done``. Only when every document is
done is ``OUT.partial`` renamed to ``OUT``, so ``OUT`` is never half-written. ``resume=True`` keeps
the finished documents of an earlier run: the partial file is cut back to the last finished
document, and those documents are skipped in the input (which kg reads in a stable order).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import MISSING, fields
from pathlib import Path
from typing import IO, Any

import orjson

from kg.records import Document, DocumentMentions, Mention, Triple


class ResumeError(Exception):
    """The earlier run's files do not fit the input given now."""




_REQUIRED_KEYS = frozenset(f.name for f in fields(Triple) if f.default is MISSING and f.default_factory is MISSING)


def triple_line(t: Triple) -> str:
    """The JSON Lines form of a triple (keys in a fixed order, UTF-8 text kept as is)."""
    return json.dumps(t.to_dict(), ensure_ascii=False) + "\n"


def mentions_line(document: Document, mentions: Iterable[Mention]) -> str:
    """The JSON Lines form of the actors a document names."""
    record = DocumentMentions(document.id, document.date, document.title, document.url, tuple(mentions))
    return json.dumps(record.to_dict(), ensure_ascii=False) + "\n"


def iter_records(paths: Iterable[str | os.PathLike[str]], *,
                 stdin: IO[str] | None = None) -> Iterator[dict[str, Any] | DocumentMentions]:
    """Stream triples as their JSON objects, and documents' mentions, from JSON Lines files (``-`` reads
    ``stdin``): what ``kg build`` feeds :meth:`kg.graph.GraphBuilder.update`, with no dataclass per line.

    Each triple object is checked for the required keys and two-number spans, so a broken line is
    reported with its file and line number here, not later as a puzzling error in the graph stage. The
    strings the builder keeps are shared (interned) there, not here: :meth:`kg.graph.GraphBuilder.add_record`
    has them as local variables already, and a loop over the object's keys cost more than parsing the line.
    """
    required = _REQUIRED_KEYS
    for path in paths:
        # Closed in the finally clause below (unless it is stdin, which is not ours to close).
        fh: IO[Any] = (getattr(stdin, "buffer", stdin) if str(path) == "-" and stdin is not None
                       else open(path, "rb"))  # noqa: SIM115
        try:
            for n, line in enumerate(fh, 1):
                if line.isspace():  # (no copy of the line, unlike strip)
                    continue
                try:
                    d = orjson.loads(line)  # the same values as json.loads, three times as fast
                    if not isinstance(d, dict):
                        raise TypeError(f"a JSON {type(d).__name__}, not an object")
                    if "mentions" in d:
                        yield DocumentMentions.from_dict(d)
                        continue
                    if not d.keys() >= required:  # (issubset(d) would build a set of d's keys per line)
                        raise KeyError(sorted(required.difference(d)))
                    if len(d["subject_span"]) != 2 or len(d["object_span"]) != 2:
                        raise ValueError("a span is not [start, end]")
                    yield d
                except (ValueError, TypeError, KeyError) as exc:
                    raise ValueError(f"{path}:{n}: not a kg triple or mentions record ({exc!r})") from exc
        finally:
            if fh is not stdin and fh is not getattr(stdin, "buffer", None):
                fh.close()


def read_records(paths: Iterable[str | os.PathLike[str]], *,
                 stdin: IO[str] | None = None) -> Iterator[Triple | DocumentMentions]:
    """Stream triples, and documents' mentions, back from JSON Lines files (``-`` reads ``stdin``)."""
    for r in iter_records(paths, stdin=stdin):
        yield Triple.from_dict(r) if isinstance(r, dict) else r


def read_triples(paths: Iterable[str | os.PathLike[str]], *, stdin: IO[str] | None = None) -> Iterator[Triple]:
    """Stream triples back from JSON Lines files (``-`` reads ``stdin``); mentions records are passed over."""
    return (r for r in read_records(paths, stdin=stdin) if isinstance(r, Triple))


class TripleWriter:
    """Write triples for ``path`` (and mentions for ``mentions_path``) through partial files and a ledger."""

    def __init__(self, path: str | os.PathLike[str], *, mentions_path: str | os.PathLike[str] | None = None,
                 resume: bool = False) -> None:
        self.path = Path(path)
        self.partial = self.path.with_name(self.path.name + ".partial")
        self.ledger = self.path.with_name(self.path.name + ".partial.done")
        self.mentions_path = Path(mentions_path) if mentions_path is not None else None
        self.mentions_partial = (self.mentions_path.with_name(self.mentions_path.name + ".partial")
                                 if self.mentions_path is not None else None)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.done_ids: list[str] = []
        files = [self.partial, self.ledger] + ([self.mentions_partial] if self.mentions_partial else [])
        resuming = resume and all(f.exists() for f in files)
        offsets = self._read_ledger() if resuming else (0, 0)
        # The handles stay open for the whole run and are closed in close() or commit().
        self._out = self._open(self.partial, offsets[0], resuming)
        self._mentions = self._open(self.mentions_partial, offsets[1], resuming) if self.mentions_partial else None
        self._ledger = open(self.ledger, "a" if resuming else "w", encoding="utf-8")  # noqa: SIM115
        self.triples_written = 0

    @staticmethod
    def _open(path: Path, offset: int, resuming: bool) -> IO[bytes]:
        fh = open(path, "r+b" if resuming else "wb")  # noqa: SIM115 (closed in close() or commit())
        fh.truncate(offset)
        fh.seek(offset)
        return fh

    def _read_ledger(self) -> tuple[int, int]:
        """Offsets after the last finished document; the ledger is rewritten without a torn tail."""
        size = self.partial.stat().st_size
        msize = self.mentions_partial.stat().st_size if self.mentions_partial else 0
        entries: list[tuple[int, int, str]] = []
        with open(self.ledger, encoding="utf-8") as fh:
            for line in fh:
                parts = line.rstrip("\n").split("\t", 2)
                # A torn last line (the run died while writing it) ends the ledger.
                if (len(parts) != 3 or not parts[0].isdigit() or not parts[1].isdigit()
                        or int(parts[0]) > size or int(parts[1]) > msize or not line.endswith("\n")):
                    break
                entries.append((int(parts[0]), int(parts[1]), parts[2]))
        with open(self.ledger, "w", encoding="utf-8") as fh:
            fh.writelines(f"{pos}\t{mpos}\t{doc_id}\n" for pos, mpos, doc_id in entries)
        self.done_ids = [doc_id for _, _, doc_id in entries]
        return (entries[-1][0], entries[-1][1]) if entries else (0, 0)

    def skip_done(self, documents: Iterable[Document]) -> Iterator[Document]:
        """Pass the input through, leaving out the documents an earlier run finished."""
        it = iter(documents)
        for expected in self.done_ids:
            d = next(it, None)
            if d is None or d.id != expected:
                got = "the end of the input" if d is None else repr(d.id)
                raise ResumeError(f"cannot resume: the input has changed since the interrupted run "
                                  f"(expected document {expected!r}, found {got}); run without --resume")
        yield from it

    def write(self, t: Triple) -> None:
        self._out.write(triple_line(t).encode("utf-8"))
        self.triples_written += 1

    def document_done(self, document: Document, mentions: Iterable[Mention] = ()) -> None:
        """Record that every triple of ``document`` is written (and write the actors it names)."""
        mentions = tuple(mentions)
        if self._mentions is not None and mentions:
            self._mentions.write(mentions_line(document, mentions).encode("utf-8"))
            self._mentions.flush()
        self._out.flush()
        mpos = self._mentions.tell() if self._mentions is not None else 0
        self._ledger.write(f"{self._out.tell()}\t{mpos}\t{document.id}\n")
        self._ledger.flush()

    def commit(self) -> None:
        """All documents are done: put the files in place and forget the ledger."""
        for fh in (self._out, self._mentions):
            if fh is not None:
                fh.flush()
                os.fsync(fh.fileno())
        self.close()
        if self.mentions_partial is not None and self.mentions_path is not None:
            os.replace(self.mentions_partial, self.mentions_path)
        os.replace(self.partial, self.path)
        self.ledger.unlink(missing_ok=True)

    def close(self) -> None:
        """Stop without committing: the partial files and ledger stay for ``resume``."""
        for fh in (self._out, self._mentions, self._ledger):
            if fh is not None and not fh.closed:
                fh.close()

    def __enter__(self) -> TripleWriter:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
