"""Reading kg's input: files, folders and standard input become a stream of :class:`Document`.

Formats: plain text (``.txt``, ``.text``, ``.md``), JSON Lines (``.jsonl``, ``.ndjson``, one
document a line: ``{"id", "text", "title"?, "date"?, "url"?}``), a JSON array of such objects
(``.json``), and HTML (``.html``, ``.htm``; main text by trafilatura). Any of them may be
gzip-compressed (``.jsonl.gz``). Folders are walked recursively in sorted order, skipping hidden
entries, so the same folder always gives the same documents in the same order.

Bad input never stops a run: an empty, binary or undecodable file, a malformed JSON line or a
record without text is skipped or repaired, with one warning line naming the file
(:class:`ReadReport`). ``strict=True`` turns every warning into an :class:`InputError`. Problems
with the inputs themselves (a missing path, an unreadable or unknown file) raise InputError
before any document is read (:func:`check_inputs`).

>>> import io
>>> [d.id for d in read_documents(["-"], stdin=io.StringIO('{"id": "a", "text": "Seoul urged talks."}'))]
['a']
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import IO, Any, TextIO

from kg.formats import (
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
from kg.records import Document
from kg.textsplit import split_text

__all__ = ["InputError", "ReadReport", "check_inputs", "read_documents", "split_text"]

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
JSON_SUFFIXES = frozenset({".json"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
_TEXT_KEYS = ("text", "content", "body")
_DATE_KEYS = ("date", "published", "published_at", "datetime")
_URL_KEYS = ("url", "link")
_STDIN_ID = "stdin"
_SUPPORTED = ".txt, .md, .jsonl, .ndjson, .json, .html or .htm (optionally .gz)"


class InputError(Exception):
    """An input kg cannot read; the message is one line naming it (the CLI exits with code 2)."""


@dataclass
class ReadReport:
    """What reading saw: documents, files, skips by reason, and the warnings (one line each).

    >>> r = ReadReport(); r.files = 3; r.documents = 2; r.skip_file("empty")
    >>> r.summary()
    'read 2 documents from 3 files; skipped 1: 1 empty'
    """

    documents: int = 0
    files: int = 0
    skipped: Counter[str] = field(default_factory=Counter)  # files, by reason
    skipped_records: Counter[str] = field(default_factory=Counter)  # JSON lines, by reason
    warnings: list[str] = field(default_factory=list)
    on_warning: Callable[[str], None] | None = None
    max_warnings: int = 10_000  # kept in ``warnings``; on_warning still sees every one
    warnings_dropped: int = 0

    def warn(self, message: str) -> None:
        line = " ".join(message.splitlines())
        if len(self.warnings) < self.max_warnings:
            self.warnings.append(line)
        else:
            self.warnings_dropped += 1
        if self.on_warning is not None:
            self.on_warning(line)

    def skip_file(self, reason: str) -> None:
        self.skipped[reason] += 1

    def summary(self) -> str:
        text = f"read {_plural(self.documents, 'document')} from {_plural(self.files, 'file')}"
        for label, counts in (("", self.skipped), (" records", self.skipped_records)):
            if counts:
                reasons = ", ".join(f"{n} {why}" for why, n in sorted(counts.items(), key=lambda i: (-i[1], i[0])))
                text += f"; skipped {sum(counts.values())}{label}: {reasons}"
        return text


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _suffix(path: Path) -> tuple[str, bool]:
    """The format suffix of ``path`` (lower case) and whether it is gzip-compressed."""
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    if suffixes and suffixes[-1] == ".gz":
        return (suffixes[0] if len(suffixes) == 2 else ""), True
    return (suffixes[-1] if suffixes else ""), False


def _supported(path: Path) -> bool:
    suffix, _ = _suffix(path)
    return suffix in TEXT_SUFFIXES | JSONL_SUFFIXES | JSON_SUFFIXES | HTML_SUFFIXES


def check_inputs(inputs: Iterable[str | os.PathLike[str]]) -> None:
    """Raise :class:`InputError` for the first input that cannot be read at all.

    Checks that each path exists and is readable, and that a file named explicitly is in a known
    format or at least text. Folders are not walked here (their files are checked as read).
    """
    items = [os.fspath(item) for item in inputs]
    if not items:
        raise InputError("no input given: name files or folders, or - for standard input")
    if items.count("-") > 1:
        raise InputError("-: standard input given more than once")
    for item in items:
        if item == "-":
            continue
        path = Path(item)
        if not path.exists():
            raise InputError(f"{item}: no such file or folder")
        if path.is_dir():
            if not os.access(path, os.R_OK | os.X_OK):
                raise InputError(f"{item}: folder is not readable")
            continue
        if not path.is_file():
            continue  # a pipe such as <(zcat a.txt.gz): read it as it comes, never sniff it
        try:
            with _open_binary(path) as fh:
                head = fh.read(SNIFF_BYTES)
        except (OSError, EOFError) as exc:
            raise InputError(f"{item}: cannot read: {_reason(exc)}") from exc
        if not _supported(path):
            what = sniff_binary(head)
            if what:
                raise InputError(f"{item}: unsupported format ({what}); kg reads {_SUPPORTED} files")


def _reason(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


def _open_binary(path: Path) -> IO[bytes]:
    if _suffix(path)[1]:
        return gzip.open(path, "rb")
    return open(path, "rb")


def read_documents(inputs: Iterable[str | os.PathLike[str]], *, strict: bool = False,
                   report: ReadReport | None = None, stdin: TextIO | None = None) -> Iterator[Document]:
    """Yield the documents in ``inputs`` (files, folders, "-" for standard input), lazily and in order.

    Ids: a file's path relative to the folder named as input (its stem when the file itself was
    named), a JSON record's "id" (else ``<file stem>:<line>``). Dates: an explicit field, else a
    date in the file name, else a dateline near the top of the text, as ``YYYY-MM-DD``.
    """
    items = [os.fspath(item) for item in inputs]
    check_inputs(items)
    reader = _Reader(report if report is not None else ReadReport(), strict)
    for item in items:
        if item == "-":
            yield from reader.read_stdin(stdin if stdin is not None else sys.stdin)
        elif os.path.isdir(item):
            yield from reader.read_folder(Path(item))
        else:
            path = Path(item)
            yield from reader.read_file(path, path.name.split(".")[0] or path.name, explicit=True)


class _Reader:
    """One reading run: the report, the strictness, and the ids and files already seen."""

    def __init__(self, report: ReadReport, strict: bool) -> None:
        self.report = report
        self.strict = strict
        self.ids: dict[str, bytes] = {}  # id -> digest of its text, to tell repeats from clashes
        self.files: set[str] = set()

    def warn(self, message: str) -> None:
        self.report.warn(message)
        if self.strict:
            raise InputError(message)

    def skip(self, label: str, reason: str, detail: str) -> None:
        self.report.skip_file(reason)
        self.warn(f"{label}: skipped: {detail}")

    def skip_record(self, label: str, lineno: int, reason: str, detail: str) -> None:
        self.report.skipped_records[reason] += 1
        self.warn(f"{label}:{lineno}: skipped: {detail}")

    def emit(self, doc: Document, label: str) -> Document | None:
        """Count ``doc``; drop an exact repeat; rename an id that clashes with another text."""
        digest = hashlib.blake2b(doc.text.encode("utf-8"), digest_size=8).digest()
        seen = self.ids.get(doc.id)
        if seen == digest:
            self.report.skipped_records["duplicate"] += 1
            self.warn(f"{label}: skipped: document {doc.id!r} repeats one already read")
            return None
        if seen is not None:
            n = 2
            while f"{doc.id}#{n}" in self.ids:
                n += 1
            self.warn(f"{label}: document id {doc.id!r} already used by another text; renamed {doc.id}#{n}")
            doc = Document(f"{doc.id}#{n}", doc.text, doc.title, doc.date, doc.url, doc.source)
        self.ids[doc.id] = digest
        self.report.documents += 1
        return doc

    # -- walking ------------------------------------------------------------------------------

    def read_folder(self, root: Path) -> Iterator[Document]:
        before = self.report.documents
        for path in _walk(root, set()):
            yield from self.read_file(path, path.relative_to(root).as_posix(), explicit=False)
        if self.report.documents == before:
            self.warn(f"{root}: no readable documents in this folder (kg reads {_SUPPORTED} files)")

    def read_file(self, path: Path, doc_id: str, *, explicit: bool) -> Iterator[Document]:
        real = os.path.realpath(path)
        if real in self.files:
            self.warn(f"{path}: skipped: already read (named twice, or linked)")
            return
        self.files.add(real)
        self.report.files += 1
        if not explicit and not _supported(path):
            self.report.skip_file("unsupported format")  # images and such beside the articles
            return
        suffix, _ = _suffix(path)
        label = str(path)
        stem = path.name.split(".")[0] or path.name
        try:
            if suffix in JSONL_SUFFIXES:
                with _open_binary(path) as fh:
                    yield from self.read_jsonl(fh, label, stem, path.name, label)
                return
            with _open_binary(path) as fh:
                data = fh.read()
        except (OSError, EOFError) as exc:  # gone, unreadable or a corrupt .gz since check_inputs
            self.skip(label, "unreadable", f"cannot read: {_reason(exc)}")
            return
        if suffix in JSON_SUFFIXES:
            yield from self.read_json(data, label, stem, path.name)
            return
        kind = "html" if suffix in HTML_SUFFIXES else "markdown" if suffix in _MARKDOWN_SUFFIXES else "text"
        doc = self.read_bytes(data, label, doc_id, path.name, kind)
        if doc is not None:
            yield doc

    # -- one document a file ------------------------------------------------------------------

    def read_bytes(self, data: bytes, label: str, doc_id: str, name: str, kind: str) -> Document | None:
        what = sniff_binary(data[:SNIFF_BYTES])
        if what:
            self.skip(label, "binary", f"binary file ({what})")
            return None
        if not data.strip():
            self.skip(label, "empty", "empty file")
            return None
        if kind != "html" and sniff_markup(data[:100].decode("latin-1")):
            kind = "html"  # an HTML page saved as .txt, or piped in
        if kind == "html":
            page = extract_html(data)
            return self.finish(page.text, label, doc_id, name, title=page.title, date=page.date,
                               url=page.url, guess=False)
        text, encoding = decode(data)
        if encoding:
            self.warn(f"{label}: not valid UTF-8; decoded as {encoding}")
        return self.finish(clean_text(text), label, doc_id, name, markdown=kind == "markdown")

    def finish(self, text: str, label: str, doc_id: str, name: str, *, title: str | None = None,
               date: str | None = None, url: str | None = None, guess: bool = True,
               markdown: bool = False) -> Document | None:
        if not text.strip():
            self.skip(label, "empty", "no text (only whitespace or markup)")
            return None
        if guess and title is None:
            title = guess_title(text, markdown=markdown)
        date = date or date_from_name(name) or find_date(text)
        source = "-" if label == "<stdin>" else label
        return self.emit(Document(doc_id, text, title, date, url, source), label)

    # -- JSON records -------------------------------------------------------------------------

    def read_jsonl(self, lines: Iterable[bytes] | Iterable[str], label: str, stem: str, name: str,
                   source: str) -> Iterator[Document]:
        """One document a line; bad lines are skipped with a warning naming file and line."""
        lines = iter(lines)
        first = next(lines, None)
        if first is None:
            self.skip(label, "empty", "empty file")
            return
        if isinstance(first, bytes):
            what = sniff_binary(first[:SNIFF_BYTES])
            if what:
                self.skip(label, "binary", f"binary file ({what})")
                return
            bom = bom_encoding(first)
            if bom and bom != "utf-8-sig":  # UTF-16/32 JSON: let a text wrapper split the lines
                stream = io.TextIOWrapper(io.BufferedReader(_Replay(first, lines)), encoding=bom)  # type: ignore[arg-type]
                lines, first = iter(stream), ""
        warned_encoding = False
        blank = True
        for lineno, raw in enumerate(chain([first], lines), start=1):
            if isinstance(raw, bytes):
                try:
                    line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
                except UnicodeDecodeError:
                    line = raw.decode("cp1252", errors="replace")
                    if not warned_encoding:
                        warned_encoding = True
                        self.warn(f"{label}:{lineno}: not valid UTF-8; decoded as cp1252 (here and below)")
            else:
                line = raw.lstrip("\ufeff") if lineno == 1 else raw
            if not line.strip():
                continue
            blank = False
            try:
                obj = json.loads(line)
            except ValueError as exc:
                detail = f"malformed JSON ({getattr(exc, 'msg', exc)})"
                self.skip_record(label, lineno, "malformed JSON", detail)
                continue
            doc = self.record(obj, label, lineno, f"{stem}:{lineno}", name, source)
            if doc is not None:
                yield doc
        if blank:
            self.skip(label, "empty", "empty file")

    def read_json(self, data: bytes, label: str, stem: str, name: str) -> Iterator[Document]:
        """A JSON array of records (or one record): read whole, unlike JSON Lines."""
        if not data.strip():
            self.skip(label, "empty", "empty file")
            return
        try:
            obj = json.loads(decode(data)[0])
        except ValueError as exc:
            self.skip(label, "malformed", f"malformed JSON ({getattr(exc, 'msg', exc)})")
            return
        records = obj if isinstance(obj, list) else obj.get("documents", [obj]) if isinstance(obj, dict) else [obj]
        for n, item in enumerate(records, start=1):
            doc = self.record(item, label, n, f"{stem}:{n}", name, label, unit="record")
            if doc is not None:
                yield doc

    def record(self, obj: Any, label: str, lineno: int, default_id: str, name: str, source: str,
               unit: str = "line") -> Document | None:
        where = f"{label}:{lineno}" if unit == "line" else f"{label}: record {lineno}"
        if not isinstance(obj, dict):
            self.report.skipped_records["not an object"] += 1
            self.warn(f"{where}: skipped: not a JSON object")
            return None
        raw = next((obj[k] for k in _TEXT_KEYS if isinstance(obj.get(k), str) and obj[k].strip()), None)
        text = clean_text(raw) if raw else ""
        if not text.strip():
            self.report.skipped_records["no text"] += 1
            self.warn(f"{where}: skipped: no \"text\" (or \"content\", \"body\") field with text")
            return None
        doc_id = obj.get("id")
        doc_id = one_line(str(doc_id)) if isinstance(doc_id, str | int) and str(doc_id).strip() else default_id
        title = obj.get("title")
        title = one_line(title) or None if isinstance(title, str) else None
        given = next((obj[k] for k in _DATE_KEYS if obj.get(k) not in (None, "")), None)
        date = normalise_date(given)
        if given is not None and date is None:
            self.warn(f"{where}: date {given!r} is not a date; ignored")
        # A record's own dateline beats its file's name: a dump named by day holds older stories.
        date = date or find_date(text) or date_from_name(name)
        url = next((obj[k].strip() for k in _URL_KEYS if isinstance(obj.get(k), str) and obj[k].strip()), None)
        return self.emit(Document(doc_id, text, title, date, url, source), where)

    # -- standard input -----------------------------------------------------------------------

    def read_stdin(self, stream: TextIO) -> Iterator[Document]:
        """Standard input: JSON Lines when its first line is a JSON object, else one text or page."""
        self.report.files += 1
        label = "<stdin>"
        binary: IO[bytes] | None = getattr(stream, "buffer", None)
        source: Iterator[bytes] | Iterator[str] = iter(binary) if binary is not None else iter(stream)
        head: list[Any] = []
        for line in source:
            head.append(line)
            if line.strip():
                break
        first = head[-1].decode("utf-8", errors="replace") if head and isinstance(head[-1], bytes) else \
            (head[-1] if head else "")
        if _is_json_object(first):
            yield from self.read_jsonl(chain(head, source), label, _STDIN_ID, "", "-")
            return
        if binary is not None:
            data = b"".join([*head, binary.read()])
            doc = self.read_bytes(data, label, _STDIN_ID, "", "text")
        else:
            text = "".join([*head, stream.read()])
            if not text.strip():
                self.skip(label, "empty", "no input")
                return
            if sniff_markup(text[:100]):
                page = extract_html(text)
                doc = self.finish(page.text, label, _STDIN_ID, "", title=page.title, date=page.date,
                                  url=page.url, guess=False)
            else:
                doc = self.finish(clean_text(text), label, _STDIN_ID, "")
        if doc is not None:
            yield doc


def _is_json_object(line: str) -> bool:
    if not line.lstrip().lstrip("\ufeff").startswith("{"):
        return False
    try:
        return isinstance(json.loads(line.lstrip("\ufeff")), dict)
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
            nxt = next(self._chunks, None)
            if nxt is None:
                return 0
            self._pending = nxt
        n = min(len(buffer), len(self._pending))
        buffer[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n


def _walk(folder: Path, seen: set[str]) -> Iterator[Path]:
    """Files under ``folder`` in sorted path order; hidden entries and link cycles skipped."""
    real = os.path.realpath(folder)
    if real in seen:
        return
    seen.add(real)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return  # an unreadable sub-folder: nothing in it to read
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if entry.is_dir():
            yield from _walk(path, seen)
        elif entry.is_file():
            yield path
