"""Writing triples so that an interrupted run leaves no broken file and can carry on where it stopped.

Triples go to ``OUT.partial`` as they come; after each finished document one line
``<byte offset>\\t<document id>`` is appended to ``OUT.partial.done``. Only when every document is
done is ``OUT.partial`` renamed to ``OUT``, so ``OUT`` is never half-written. ``resume=True`` keeps
the finished documents of an earlier run: the partial file is cut back to the last finished
document, and those documents are skipped in the input (which kg reads in a stable order).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from kg.records import Document, Triple


class ResumeError(Exception):
    """The earlier run's files do not fit the input given now."""


def triple_line(t: Triple) -> str:
    """The JSON Lines form of a triple (keys in a fixed order, UTF-8 text kept as is)."""
    return json.dumps(t.to_dict(), ensure_ascii=False) + "\n"


def read_triples(paths: Iterable[str | os.PathLike[str]], *, stdin: IO[str] | None = None) -> Iterator[Triple]:
    """Stream triples back from JSON Lines files (``-`` reads ``stdin``)."""
    for path in paths:
        fh: IO[str] = stdin if str(path) == "-" and stdin is not None else open(path, encoding="utf-8")
        try:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    yield Triple.from_dict(json.loads(line))
                except (ValueError, TypeError) as exc:
                    raise ValueError(f"{path}:{n}: not a kg triple ({exc})") from exc
        finally:
            if fh is not stdin:
                fh.close()


class TripleWriter:
    """Write triples for ``path`` through a partial file and a ledger of finished documents."""

    def __init__(self, path: str | os.PathLike[str], *, resume: bool = False) -> None:
        self.path = Path(path)
        self.partial = self.path.with_name(self.path.name + ".partial")
        self.ledger = self.path.with_name(self.path.name + ".partial.done")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.done_ids: list[str] = []
        resuming = resume and self.partial.exists() and self.ledger.exists()
        offset = self._read_ledger() if resuming else 0
        # Both handles stay open for the whole run and are closed in close() or commit().
        self._out = open(self.partial, "r+b" if resuming else "wb")  # noqa: SIM115
        self._out.truncate(offset)
        self._out.seek(offset)
        self._ledger = open(self.ledger, "a" if resuming else "w", encoding="utf-8")  # noqa: SIM115
        self.triples_written = 0

    def _read_ledger(self) -> int:
        """The offset after the last finished document; the ledger is rewritten without a torn tail."""
        size = self.partial.stat().st_size
        entries: list[tuple[int, str]] = []
        with open(self.ledger, encoding="utf-8") as fh:
            for line in fh:
                pos, sep, doc_id = line.rstrip("\n").partition("\t")
                # A torn last line (the run died while writing it) ends the ledger.
                if not sep or not pos.isdigit() or int(pos) > size or not line.endswith("\n"):
                    break
                entries.append((int(pos), doc_id))
        with open(self.ledger, "w", encoding="utf-8") as fh:
            fh.writelines(f"{pos}\t{doc_id}\n" for pos, doc_id in entries)
        self.done_ids = [doc_id for _, doc_id in entries]
        return entries[-1][0] if entries else 0

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

    def document_done(self, document: Document, _n: int = 0) -> None:
        """Record that every triple of ``document`` is written."""
        self._out.flush()
        self._ledger.write(f"{self._out.tell()}\t{document.id}\n")
        self._ledger.flush()

    def commit(self) -> None:
        """All documents are done: put the file in place and forget the ledger."""
        self._out.flush()
        os.fsync(self._out.fileno())
        self._out.close()
        self._ledger.close()
        os.replace(self.partial, self.path)
        self.ledger.unlink(missing_ok=True)

    def close(self) -> None:
        """Stop without committing: the partial file and ledger stay for ``resume``."""
        for fh in (self._out, self._ledger):
            if not fh.closed:
                fh.close()

    def __enter__(self) -> TripleWriter:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
