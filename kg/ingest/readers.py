"""Reading one input's content into documents: a file's bytes, a JSON Lines stream, standard input.

The per-format half of :mod:`kg.ingest.documents` (which finds the inputs and is the module to import):
a :class:`Reader` turns content into :class:`~kg.records.Document` objects, skips what cannot be
read with one warning line naming the file (and line), and keeps the :class:`ReadReport`.
"""

from __future__ import annotations

import io
import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from typing import IO, Any, TextIO

from kg.ingest.formats import (
    SNIFF_BYTES,
    bom_encoding,
    clean_text,
    date_from_name,
    decode,
    extract_html,
    find_date,
    guess_title,
    normalise_date,
    one_line,
    sniff_binary,
    sniff_markup,
)
from kg.ingest.ids import MASK64, IdTable
from kg.ingest.kinds import not_articles, sniff_kind
from kg.ingest.markdown import markdown_text
from kg.records import Document

# Keys a JSON record may hold its fields under, first match wins.
_TEXT_KEYS = ("text", "content", "body")
_DATE_KEYS = ("date", "published", "published_at", "datetime")
_URL_KEYS = ("url", "link")
STDIN_LABEL = "<stdin>"
STDIN_ID = "stdin"


class InputError(Exception):
    """An input kg cannot read; the message is one line naming it (the CLI exits with code 2)."""


@dataclass
class ReadReport:
    """What reading saw: documents, files, skips by reason, and the warnings (one line each).

    >>> r = ReadReport(); r.files = 3; r.documents = 2; r.skipped["empty"] += 1
    >>> r.summary()
    'read 2 documents from 3 files; skipped 1: 1 empty'
    """

    documents: int = 0
    files: int = 0
    skipped: Counter[str] = field(default_factory=Counter)  # files, by reason
    skipped_records: Counter[str] = field(default_factory=Counter)  # JSON records, by reason
    warnings: list[str] = field(default_factory=list)
    on_warning: Callable[[str], None] | None = None
    max_warnings: int = 10_000  # kept in ``warnings``; on_warning still sees every one
    warnings_dropped: int = 0
    unsupported: list[str] = field(default_factory=list)  # the first files skipped for their format

    def warn(self, message: str) -> None:
        """Record one warning line (newlines in ``message`` become spaces) and pass it on."""
        line = " ".join(message.splitlines())
        if len(self.warnings) < self.max_warnings:
            self.warnings.append(line)
        else:
            self.warnings_dropped += 1
        if self.on_warning is not None:
            self.on_warning(line)

    def skip_unsupported(self, label: str) -> None:
        """Count a file of a format kg does not read (images beside the articles), without a warning."""
        self.skipped["unsupported format"] += 1
        if len(self.unsupported) < _UNSUPPORTED_NAMED:
            self.unsupported.append(label)

    def unsupported_note(self) -> str | None:
        """One line naming the files skipped for their format (the first few), or None.

        >>> r = ReadReport(); r.skip_unsupported("in/photo.png"); r.unsupported_note()
        'skipped 1 file of unsupported format: in/photo.png'
        """
        n = self.skipped["unsupported format"]
        if not n:
            return None
        more = n - len(self.unsupported)
        return (f"skipped {_plural(n, 'file')} of unsupported format: {', '.join(self.unsupported)}"
                + (f" and {more} more" if more else ""))

    def summary(self) -> str:
        """One line: documents read, files seen, what was skipped and why."""
        text = f"read {_plural(self.documents, 'document')} from {_plural(self.files, 'file')}"
        for records, counts in ((False, self.skipped), (True, self.skipped_records)):
            if counts:
                ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
                reasons = ", ".join(f"{n} {why}" for why, n in ranked)
                total = sum(counts.values())
                text += f"; skipped {_plural(total, 'record') if records else total}: {reasons}"
        return text


#: Files named in :meth:`ReadReport.unsupported_note`; the rest are counted.
_UNSUPPORTED_NAMED = 5


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


class Reader:
    """One reading run: the report, the strictness, and the ids already given out."""

    def __init__(self, report: ReadReport, strict: bool) -> None:
        self.report = report
        self.strict = strict
        self.ids = IdTable()  # id -> hash of its text, to tell repeats from clashes
        self.html_problem_told = False

    def warn(self, message: str) -> None:
        if self.strict:  # the error line is the message: no warning line repeating it first
            raise InputError(f"{message.replace(': skipped: ', ': ', 1)}; --strict stops at the first bad input: "
                             f"fix it, or run without --strict to skip it with a warning")
        self.report.warn(message)

    def skip(self, label: str, reason: str, detail: str) -> None:
        self.report.skipped[reason] += 1
        self.warn(f"{label}: skipped: {detail}")

    def skip_record(self, where: str, reason: str, detail: str) -> None:
        self.report.skipped_records[reason] += 1
        self.warn(f"{where}: skipped: {detail}")

    def emit(self, doc: Document, where: str) -> Document | None:
        """Count ``doc``; drop an exact repeat; rename an id that clashes with another text."""
        digest = hash(doc.text) & MASK64  # str hashes are fast, and stable within one run
        seen = self.ids.add(doc.id, digest)
        if seen == digest:
            self.skip_record(where, "duplicate", f"document {doc.id!r} repeats one already read")
            return None
        if seen is not None:
            # Same id, different text: keep both (ids must be unique in the graph), say so.
            n = 2
            while self.ids.add(f"{doc.id}#{n}", digest) is not None:
                n += 1
            self.warn(f"{where}: document id {doc.id!r} already used by another text; renamed {doc.id}#{n}")
            doc = Document(f"{doc.id}#{n}", doc.text, doc.title, doc.date, doc.url, doc.source)
        self.report.documents += 1
        return doc

    # -- one document a file ------------------------------------------------------------------

    def read_bytes(self, data: bytes, label: str, doc_id: str, name: str, kind: str) -> Document | None:
        """A whole file (``kind``: text, markdown or html); ``name`` is searched for a date."""
        what = sniff_binary(data[:SNIFF_BYTES])
        if what:
            self.skip(label, "binary", f"binary file ({what})")
            return None
        if not data.strip():
            self.skip(label, "empty", "empty file")
            return None
        if kind == "html" or sniff_markup(data[:100].decode("latin-1")):
            return self.read_page(data, label, doc_id, name)  # bytes: trafilatura reads the charset
        text, encoding = decode(data)
        if encoding:
            self.warn(f"{label}: not valid UTF-8; decoded as {encoding}")
        return self.read_text(text, label, doc_id, name, kind)

    def read_text(self, text: str, label: str, doc_id: str, name: str, kind: str) -> Document | None:
        if kind == "html" or sniff_markup(text[:100]):
            return self.read_page(text, label, doc_id, name)  # an HTML page saved as .txt, or piped in
        if kind == "markdown":  # the text as shown: offsets point into it, not into the .md file
            page = markdown_text(clean_text(text))
            return self.finish(page.text, label, doc_id, name, title=page.title, date=page.date, markdown=True)
        return self.finish(clean_text(text), label, doc_id, name)

    def read_page(self, data: bytes | str, label: str, doc_id: str, name: str) -> Document | None:
        page = extract_html(data)
        if page.problem and not self.html_problem_told:
            self.html_problem_told = True
            self.warn(f"{label}: {page.problem}; HTML read as its visible text, without boilerplate removal")
        elif page.visible_text and not page.problem:
            self.warn(f"{label}: no main text found in the page; read its visible text (scripts and styles "
                      f"dropped), menus and footers included")
        return self.finish(page.text, label, doc_id, name, title=page.title, date=page.date,
                           url=page.url, guess=False)

    def finish(self, text: str, label: str, doc_id: str, name: str, *, title: str | None = None,
               date: str | None = None, url: str | None = None, guess: bool = True,
               markdown: bool = False) -> Document | None:
        """The document for a cleaned ``text``: title guessed, date from metadata, name or dateline."""
        if not text.strip():
            self.skip(label, "empty", "empty file" if guess else "no text in the page")
            return None
        if guess and title is None:
            title = guess_title(text, markdown=markdown)
        date = date or date_from_name(name) or find_date(text)
        source = "-" if label == STDIN_LABEL else label
        return self.emit(Document(doc_id, text, title, date, url, source), label)

    # -- JSON records -------------------------------------------------------------------------

    def read_jsonl(self, lines: Iterable[bytes | str], label: str, stem: str, name: str,
                   source: str) -> Iterator[Document]:
        """One document a line, streamed; a bad line is skipped with a warning naming file and line."""
        decoded = self._jsonl_lines(lines, label)
        if decoded is None:
            return
        blank = True
        for lineno, line in decoded:
            if not line.strip():
                continue
            blank = False
            try:
                obj = json.loads(line)
            except ValueError as exc:
                self.skip_record(f"{label}:{lineno}", "malformed JSON",
                                 f"malformed JSON ({_json_problem(exc, line=False)})")
                continue
            doc = self.record(obj, f"{label}:{lineno}", f"{stem}:{lineno}", name, source)
            if doc is not None:
                yield doc
        if blank:
            self.skip(label, "empty", "empty file")

    def _jsonl_lines(self, lines: Iterable[bytes | str], label: str) -> Iterator[tuple[int, str]] | None:
        """The numbered text lines of a JSON Lines stream; None (with the skip reported) for an empty or
        binary one. A UTF-16/32 byte-order mark switches to decoding the stream as a whole."""
        rest: Iterator[bytes | str] = iter(lines)
        first: bytes | str | None = next(rest, None)
        if first is None:
            self.skip(label, "empty", "empty file")
            return None
        if isinstance(first, bytes):
            what = sniff_binary(first[:SNIFF_BYTES])
            if what:
                self.skip(label, "binary", f"binary file ({what})")
                return None
            bom = bom_encoding(first)
            if bom and bom != "utf-8-sig":  # UTF-16/32 (PowerShell's ">" writes UTF-16): decode as a stream
                raw = _Replay(first, rest)  # type: ignore[arg-type]  # rest holds bytes when first does
                rest = iter(io.TextIOWrapper(io.BufferedReader(raw), encoding=bom))
                first = ""
        return self._decode_lines(chain([first], rest), label)

    def _decode_lines(self, items: Iterable[bytes | str], label: str) -> Iterator[tuple[int, str]]:
        """Bytes lines decoded as UTF-8 (a first BOM dropped), cp1252 with one warning where they are not."""
        warned_encoding = False
        for lineno, item in enumerate(items, start=1):
            if not isinstance(item, bytes):
                yield lineno, item.lstrip("\ufeff") if lineno == 1 else item
                continue
            try:
                yield lineno, item.decode("utf-8-sig" if lineno == 1 else "utf-8")
            except UnicodeDecodeError:
                # JSON must be UTF-8; a legacy Windows export is the likely culprit.
                if not warned_encoding:
                    warned_encoding = True
                    self.warn(f"{label}:{lineno}: not valid UTF-8; decoded as cp1252 (here and below)")
                yield lineno, item.decode("cp1252", errors="replace")

    def read_json(self, data: bytes, label: str, stem: str, name: str) -> Iterator[Document]:
        """A JSON array of records, one record, or {"documents": [...]}: read whole, unlike JSON Lines."""
        if not data.strip():
            self.skip(label, "empty", "empty file")
            return
        try:
            obj = json.loads(decode(data)[0])
        except ValueError as exc:
            self.skip(label, "malformed JSON", f"malformed JSON ({_json_problem(exc)})")
            return
        if isinstance(obj, dict):
            obj = obj.get("documents", [obj])
        for n, item in enumerate(obj if isinstance(obj, list) else [obj], start=1):
            doc = self.record(item, f"{label}: record {n}", f"{stem}:{n}", name, label)
            if doc is not None:
                yield doc

    def record(self, obj: Any, where: str, default_id: str, name: str, source: str) -> Document | None:
        """The document for one JSON record; ``where`` names it in warnings ("file:line")."""
        if not isinstance(obj, dict):
            self.skip_record(where, "not an object", "not a JSON object")
            return None
        raw = next((obj[k] for k in _TEXT_KEYS if isinstance(obj.get(k), str) and obj[k].strip()), None)
        text = clean_text(raw) if raw else ""
        if not text.strip():
            self.skip_record(where, "no text", 'no "text" (or "content", "body") field with text')
            return None
        given_id = obj.get("id")
        doc_id = one_line(str(given_id)) if isinstance(given_id, str | int) else ""
        title = one_line(obj["title"]) if isinstance(obj.get("title"), str) else ""
        given_date = next((obj[k] for k in _DATE_KEYS if obj.get(k) not in (None, "")), None)
        date = normalise_date(given_date)
        if given_date is not None and date is None:
            self.warn(f"{where}: date {given_date!r} is not a date; ignored")
        # A record's own dateline beats its file's name: a dump named by day holds older stories.
        date = date or find_date(text) or date_from_name(name)
        url = next((obj[k].strip() for k in _URL_KEYS if isinstance(obj.get(k), str)), "")
        doc = Document(doc_id or default_id, text, title or None, date, url or None, source)
        return self.emit(doc, where)

    # -- standard input -----------------------------------------------------------------------

    def read_stdin(self, stream: TextIO) -> Iterator[Document]:
        """JSON Lines when the first non-blank line is a JSON object, else one text or HTML page."""
        self.report.files += 1
        binary: IO[bytes] | None = getattr(stream, "buffer", None)
        lines: Iterator[bytes] | Iterator[str] = iter(binary) if binary is not None else iter(stream)
        head: list[Any] = []
        for line in lines:
            head.append(line)
            if line.strip():
                break
        first = head[-1] if head else ""
        problem = not_articles(sniff_kind(first if isinstance(first, bytes) else first.encode()), "-")
        if problem:  # `kg run - < triples.jsonl`: say which command reads it, not "no text" a line
            raise InputError(problem)
        if _is_json_object(first.decode("utf-8", "replace") if isinstance(first, bytes) else first):
            yield from self.read_jsonl(chain(head, lines), STDIN_LABEL, STDIN_ID, "", "-")
            return
        if binary is not None:
            doc = self.read_bytes(b"".join([*head, binary.read()]), STDIN_LABEL, STDIN_ID, "", "text")
        else:
            text = "".join([*head, stream.read()])
            if not text.strip():
                self.skip(STDIN_LABEL, "empty", "no input")
                return
            doc = self.read_text(text, STDIN_LABEL, STDIN_ID, "", "text")
        if doc is not None:
            yield doc


def _json_problem(exc: ValueError, *, line: bool = True) -> str:
    """What is wrong with a JSON text and where: "Expecting value at line 3 column 9" (just the column
    for a JSON line, whose line number the warning gives already)."""
    if not isinstance(exc, json.JSONDecodeError):
        return str(exc)
    where = f"line {exc.lineno} column {exc.colno}" if line else f"column {exc.colno}"
    return f"{exc.msg.removesuffix(' at')} at {where}"


def _is_json_object(line: str) -> bool:
    line = line.strip().lstrip("\ufeff")
    if not line.startswith("{"):
        return False
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


class _Replay(io.RawIOBase):
    """A raw stream giving back a line already read, then the rest of an iterator of lines."""

    def __init__(self, first: bytes, rest: Iterator[bytes]) -> None:
        self._chunks = chain([first], rest)
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._pending:
            chunk = next(self._chunks, None)
            if chunk is None:
                return 0
            self._pending = chunk
        n = min(len(buffer), len(self._pending))
        buffer[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n
