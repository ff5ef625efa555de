"""Reading kg's input: files, folders and standard input become a stream of :class:`Document`.

Formats: plain text (``.txt``, ``.text``, ``.md``), JSON Lines (``.jsonl``, ``.ndjson``, one
document a line: ``{"id", "text", "title"?, "date"?, "url"?}``; "content" or "body" may hold the
text), a JSON array of such records (``.json``), and HTML (``.html``, ``.htm``; main text by
trafilatura). Any of them may be gzip-compressed (``news.jsonl.gz``). Folders are walked
recursively in sorted path order, hidden entries skipped, so a folder always gives the same
documents in the same order. Reading is lazy: a 10 GB JSON Lines file streams.

Ids: a file's path relative to the folder named as input (the file's stem when the file itself is
named), a JSON record's "id" (else ``<file stem>:<line>``). Titles: metadata, else the first line
of a text when it looks like a headline (kept in the text, so offsets are those of the file).
Dates, as ``YYYY-MM-DD``: an explicit field, else a date in the file name, else a dateline near
the top of the text.

Bad input never stops a run: an empty, binary or undecodable file, a malformed JSON line or a
record without text is skipped or repaired with one warning line naming the file
(:class:`ReadReport`); ``strict=True`` turns every warning into an :class:`InputError`. Inputs
that cannot be read at all (a missing path, an unknown binary file) raise :class:`InputError`
before any document is read (:func:`check_inputs`).

>>> import io
>>> docs = read_documents(["-"], stdin=io.StringIO('{"id": "a1", "text": "Seoul urged talks."}\\n'))
>>> [(d.id, d.text) for d in docs]
[('a1', 'Seoul urged talks.')]
"""

from __future__ import annotations

import gzip
import io
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from pathlib import Path
from typing import TextIO

from kg.ingest.formats import sniff_binary, split_text
from kg.ingest.kinds import HEAD_BYTES, KG_OUTPUTS, describe, not_articles, sniff_kind
from kg.ingest.readers import InputError, Reader, ReadReport
from kg.records import Document

__all__ = ["InputError", "ReadReport", "check_inputs", "read_documents", "require_documents", "split_text"]

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
JSON_SUFFIXES = frozenset({".json"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | JSON_SUFFIXES | HTML_SUFFIXES
_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
# Formats kg writes too: a file of these in a folder is looked at for kg's own outputs.
_SNIFFED_SUFFIXES = JSONL_SUFFIXES | JSON_SUFFIXES | HTML_SUFFIXES
_SUPPORTED = ".txt, .md, .jsonl, .ndjson, .json, .html or .htm files (optionally .gz)"


def check_inputs(inputs: Iterable[str | os.PathLike[str]]) -> None:
    """Raise :class:`InputError` for the first input that cannot be read at all.

    Each path must exist and be readable, and a file named explicitly must be in a known format or
    at least not binary (it is then read as plain text). Folders are not walked here: the files
    in them are checked as they are read.

    >>> check_inputs(["no/such/file.txt"])
    Traceback (most recent call last):
    kg.ingest.readers.InputError: no/such/file.txt: no such file or folder
    """
    items = _paths(inputs)
    if not items:
        raise InputError("no input given: name files or folders, or - for standard input")
    if items.count("-") > 1:
        raise InputError("-: standard input named more than once")
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
        if path.is_file():  # not a pipe such as <(zcat a.txt.gz): sniffing would eat what it holds
            _check_file(item, path)


def _check_file(item: str, path: Path) -> None:
    """The :func:`check_inputs` checks of a file named as input: readable, not binary, not a kg output."""
    try:
        with _open(path) as fh:
            head = fh.read(HEAD_BYTES)
    except (OSError, EOFError) as exc:
        raise InputError(f"{item}: cannot read: {_reason(exc)}") from exc
    if not _supported(path):
        what = sniff_binary(head)
        if what:
            raise InputError(f"{item}: unsupported format ({what}); kg reads {_SUPPORTED}")
    problem = not_articles(sniff_kind(head), item)
    if problem:
        raise InputError(problem)


def require_documents(documents: Iterable[Document], inputs: Iterable[str | os.PathLike[str]],
                      report: ReadReport) -> Iterator[Document]:
    """``documents`` as they were, once the first is read; :class:`InputError` if there is none.

    Raised at once (this is not a generator), so a run with nothing to read stops before it writes.
    """
    it = iter(documents)
    first = next(it, None)
    if first is None:
        names = ", ".join(_paths(inputs)) or "the input"
        seen = f" ({report.summary()})" if report.files else ""
        raise InputError(f"no readable document in {names}{seen}: kg reads {_SUPPORTED}, named or in "
                         f"folders, or - for standard input")
    return chain([first], it)


def read_documents(inputs: Iterable[str | os.PathLike[str]], *, strict: bool = False,
                   report: ReadReport | None = None, stdin: TextIO | None = None) -> Iterator[Document]:
    """Yield the documents in ``inputs`` (files, folders, "-" for ``stdin``), lazily and in order.

    The inputs are checked first (:func:`check_inputs`), so a bad one raises :class:`InputError`
    before any document is yielded. ``report`` collects counts and warnings as reading goes.
    """
    items = _paths(inputs)
    check_inputs(items)
    reader = Reader(report if report is not None else ReadReport(), strict)
    seen_files: set[str] = set()
    for item in items:
        if item == "-":
            yield from reader.read_stdin(stdin if stdin is not None else sys.stdin)
        elif os.path.isdir(item):
            yield from _read_folder(reader, Path(item), seen_files)
        else:
            yield from _read_file(reader, Path(item), _stem(Path(item)), seen_files, explicit=True)


def _paths(inputs: Iterable[str | os.PathLike[str]] | str | os.PathLike[str]) -> list[str]:
    if isinstance(inputs, str | os.PathLike):
        return [os.fspath(inputs)]  # one path, not an iterable of its characters
    return [os.fspath(item) for item in inputs]


def _read_folder(reader: Reader, root: Path, seen_files: set[str]) -> Iterator[Document]:
    before = reader.report.documents
    for path in _walk(root, set(), reader.warn):
        yield from _read_file(reader, path, path.relative_to(root).as_posix(), seen_files, explicit=False)
    if reader.report.documents == before:
        reader.warn(f"{root}: no readable documents in this folder (kg reads {_SUPPORTED})")


def _read_file(reader: Reader, path: Path, doc_id: str, seen_files: set[str], *,
               explicit: bool) -> Iterator[Document]:
    label = str(path)
    real = os.path.realpath(path)
    if real in seen_files:
        reader.warn(f"{label}: skipped: already read (named twice, or linked)")
        return
    seen_files.add(real)
    reader.report.files += 1
    suffix, _ = _suffix(path)
    if not explicit and suffix not in SUFFIXES:
        reader.report.skip_unsupported(label)  # images and such beside the articles: named once, at the end
        return
    kind = _kind(path) if not explicit and suffix in _SNIFFED_SUFFIXES else None
    if kind in KG_OUTPUTS:  # a kg run's outputs inside the input folder: not articles
        reader.skip(label, "kg output", f"{describe(kind)}, not articles")
        return
    try:
        with _open(path) as fh:
            if suffix in JSONL_SUFFIXES:
                yield from reader.read_jsonl(fh, label, _stem(path), path.name, label)
                return
            data = fh.read()
    except (OSError, EOFError) as exc:  # gone or unreadable since check_inputs, or a corrupt .gz
        reader.skip(label, "unreadable", f"cannot read: {_reason(exc)}")
        return
    if suffix in JSON_SUFFIXES:
        yield from reader.read_json(data, label, _stem(path), path.name)
        return
    form = "html" if suffix in HTML_SUFFIXES else "markdown" if suffix in _MARKDOWN_SUFFIXES else "text"
    doc = reader.read_bytes(data, label, doc_id, path.name, form)
    if doc is not None:
        yield doc


def _kind(path: Path) -> str | None:
    """What kind of file ``path`` is (:func:`kg.ingest.kinds.sniff_kind`); None if it cannot be read."""
    try:
        with _open(path) as fh:
            return sniff_kind(fh.read(HEAD_BYTES))
    except (OSError, EOFError):
        return None  # reading it again reports the problem


def _walk(folder: Path, seen: set[str], warn: Callable[[str], None]) -> Iterator[Path]:
    """Files under ``folder`` in sorted path order; hidden entries and link cycles skipped."""
    real = os.path.realpath(folder)
    if real in seen:
        return  # a link back up the tree
    seen.add(real)
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        warn(f"{folder}: skipped: cannot read folder: {_reason(exc)}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue  # .git, .DS_Store, editor backups
        path = Path(entry.path)
        if entry.is_dir():
            yield from _walk(path, seen, warn)
        elif entry.is_file():
            yield path


def _suffix(path: Path) -> tuple[str, bool]:
    """The format suffix of ``path`` in lower case, and whether it is gzip-compressed.

    >>> _suffix(Path("a/News.JSONL.gz")), _suffix(Path("2019-01-04_U.S._talks.txt"))
    (('.jsonl', True), ('.txt', False))
    """
    name = path.name.lower()
    compressed = name.endswith(".gz")
    if compressed:
        name = name[: -len(".gz")]
    return os.path.splitext(name)[1], compressed


def _stem(path: Path) -> str:
    """The file name without format suffix and .gz: the id of a file named as input.

    >>> _stem(Path("a/2019-01-04_U.S._talks.txt")), _stem(Path("news.jsonl.gz"))
    ('2019-01-04_U.S._talks', 'news')
    """
    name = path.name[: -len(".gz")] if _suffix(path)[1] else path.name
    return os.path.splitext(name)[0] or name


def _supported(path: Path) -> bool:
    return _suffix(path)[0] in SUFFIXES


def _open(path: Path) -> io.BufferedIOBase:
    if _suffix(path)[1]:
        return gzip.open(path, "rb")
    return open(path, "rb")


def _reason(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
