"""From the bytes of one input to clean text and metadata: sniffing, decoding, HTML, titles, dates.

The pure helpers behind :mod:`kg.ingest.documents` (which walks the inputs and owns the warnings): nothing
here touches the file system or reports anything, so each helper is tested on plain strings/bytes.

>>> clean_text("Seoul\\r\\nurged\\x00 talks")
'Seoul\\nurged talks'
>>> find_date("Sunday, September 15, 2019\\n\\nSeoul urged talks.")
'2019-09-15'
>>> date_from_name("20190104_seoul.txt"), date_from_name("1945-Truman.txt")
('2019-01-04', None)
"""

from __future__ import annotations

import codecs
import datetime as _dt
import re
import unicodedata
from collections.abc import Iterator
from typing import NamedTuple

from kg.ingest.htmltext import visible_text

# Signatures of the binary files that end up in news folders (images, PDFs, office files, archives).
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"RIFF", "RIFF media (WebP, WAV, AVI)"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (docx, xlsx, epub, zip)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE document (doc, xls)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x7fELF", "executable"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
)
# UTF-32 before UTF-16: the UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
SNIFF_BYTES = 1024

# C0 controls but \t and \n, DEL, C1 controls, the byte-order mark, and line/page breaks spaCy
# does not treat as newlines. Searching first keeps clean texts (the common case) copy-free.
_LINE_BREAKS = {"\x0b": "\n", "\x0c": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n\n"}
_DROP = dict.fromkeys([*range(0x00, 0x09), *range(0x0E, 0x20), *range(0x7F, 0xA0)])
_TRANSLATE = {**_DROP, **{ord(k): v for k, v in _LINE_BREAKS.items()}, 0xFEFF: None, 0x0D: "\n"}
_NEEDS_CLEANING = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")

# Headline heuristics: a first line this short, not ending like a sentence, followed by more text.
_TITLE_MAX_CHARS = 200
_TITLE_MAX_WORDS = 30
_SENTENCE_END = (".", ",", ";", ":")
# ...except that "U.S." or "Inc." may end a headline.
_ABBREVIATION_END = re.compile(r"(?:\b[A-Z]\.){2,}$|\b(?:Jr|Sr|Inc|Ltd|Co|Corp|St|Bros)\.$")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")

# Dates: only the first characters of a text are searched (a dateline sits near the top).
DATELINE_CHARS = 500
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_MONTHS = {name: i for i, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")], start=1) for name in names}
_DATE = re.compile(
    # ISO and its slash/dot variants, year first: 2019-09-15, 2019/09/15.
    r"(?<![\d.])(?P<y1>\d{4})(?P<sep>[-/.])(?P<m1>\d{1,2})(?P=sep)(?P<d1>\d{1,2})(?![\d])"
    # American: September 15, 2019 / Sept. 15 2019 / Sunday, Sep 15th, 2019.
    rf"|\b(?P<mon2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})\b"
    # British: 15 September 2019 / 15th of Sept. 2019.
    rf"|\b(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon3>{_MONTH})\.?,?\s+(?P<y3>\d{{4}})\b",
    re.IGNORECASE,
)
# A date in a file name: 2019-01-04_..., 2019_01_04, 20190104 (same separator twice).
_NAME_DATE = re.compile(r"(?<!\d)(?P<y>(?:1[89]|2[01])\d\d)(?P<s>[-_.]?)(?P<m>\d\d)(?P=s)(?P<d>\d\d)(?!\d)")
_ISO_PREFIX = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])")
_MIN_YEAR, _MAX_YEAR = 1800, 2199


class Extracted(NamedTuple):
    """The main text of an HTML page and what its metadata says."""

    text: str
    title: str | None
    date: str | None
    url: str | None
    problem: str | None = None  # why trafilatura could not be used, if it could not
    visible_text: bool = False  # no main text found: the text is all the page shows


def sniff_binary(head: bytes) -> str | None:
    """What kind of binary file ``head`` (its first KB) starts, or None when it may be text.

    >>> sniff_binary(b"\\x89PNG\\r\\n\\x1a\\n...."), sniff_binary(b"plain text")
    ('PNG image', None)
    >>> sniff_binary("UTF-16 text".encode("utf-16")) is None
    True
    """
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return None  # UTF-16/32 text is full of NUL bytes, yet text
    if b"\x00" in head[:SNIFF_BYTES]:
        return "binary data (NUL bytes)"
    return None


def bom_encoding(head: bytes) -> str | None:
    """The codec named by a byte-order mark at the start of ``head``, if any."""
    return next((enc for bom, enc in _BOMS if head.startswith(bom)), None)


def decode(data: bytes) -> tuple[str, str | None]:
    """Decode ``data``: UTF-8 (or what a byte-order mark says), else a guess.

    Returns the text and, when it was not UTF-8, the encoding used (for the warning).

    >>> decode("Zürich".encode("utf-8-sig"))
    ('Zürich', None)
    >>> decode("Café “deal” in Zürich".encode("cp1252"))[0]
    'Café “deal” in Zürich'
    """
    bom = bom_encoding(data)
    if bom:
        text = data.decode(bom, errors="replace")
        return text, (None if bom == "utf-8-sig" else bom.upper())
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    # Mostly UTF-8 with a few broken bytes (a truncated or badly concatenated file): keep UTF-8,
    # since reading every good multi-byte character as cp1252 would garble far more.
    lenient = data.decode("utf-8", errors="replace")
    broken = lenient.count("\ufffd")
    good = sum(1 for c in lenient if ord(c) > 0x7F) - broken
    if good > 4 * broken:
        return lenient, f"UTF-8 with {broken} undecodable byte sequence(s) replaced"
    return _guess_decode(data)


def _guess_decode(data: bytes) -> tuple[str, str]:
    try:
        western: str | None = data.decode("cp1252")
    except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90 and 0x9D are unassigned in cp1252
        western = None
    # kg reads English news, whose legacy encoding is Windows-1252; detectors guess poorly on
    # short Western texts (a Baltic code page for "Café"), so cp1252 wins when it reads as Latin
    # text with a few accents. Russian in cp1251 read as cp1252 is all accents: it goes on.
    if western is not None and _mostly_ascii_letters(western):
        return western, "cp1252"
    guess = _charset_guess(data)
    if guess is not None:
        return guess
    if western is not None:
        return western, "cp1252"
    return data.decode("latin-1"), "latin-1"


def _mostly_ascii_letters(text: str, *, sample: int = 100_000) -> bool:
    letters = [c for c in text[:sample] if c.isalpha()]
    accented = sum(1 for c in letters if ord(c) > 0x7F)
    return bool(letters) and accented <= 0.3 * len(letters)


def _charset_guess(data: bytes) -> tuple[str, str] | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # optional: the cp1252/latin-1 fallback still reads Western text
        return None
    best = from_bytes(data).best()
    # Without a byte-order mark, a UTF-16/32 guess on NUL-free bytes is nonsense.
    if best is None or best.encoding.startswith(("utf_16", "utf_32")):
        return None
    return str(best), best.encoding


def clean_text(text: str) -> str:
    r"""Normalise newlines, drop control characters and lone surrogates, compose Unicode (NFC).

    >>> clean_text("a\r\nb\rc\x0cd\u2028e\ufeff")
    'a\nb\nc\nd\ne'
    >>> clean_text("Cafe\u0301\tok")
    'Café\tok'
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    if _NEEDS_CLEANING.search(text):  # one scan; most texts need nothing
        text = text.translate(_TRANSLATE)
        # Lone surrogates come from JSON escapes such as "\ud800": unencodable in any output.
        text = _SURROGATE.sub("\ufffd", text)
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def one_line(value: str) -> str:
    """A metadata string (title) on one line with single spaces.

    >>> one_line("  Seoul\\n urges   talks ")
    'Seoul urges talks'
    """
    return " ".join(clean_text(value).split())


def guess_title(text: str, *, markdown: bool = False) -> str | None:
    """The first line of ``text`` when it looks like a headline, else None.

    >>> guess_title("Seoul urges talks\\n\\nSunday, September 15, 2019\\n\\nSouth Korea urged...")
    'Seoul urges talks'
    >>> guess_title("South Korea urged the North to talk.\\nIt said so on Sunday.") is None
    True
    >>> guess_title("# Seoul urges talks\\nbody", markdown=True)
    'Seoul urges talks'
    """
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start, start + 4 * _TITLE_MAX_CHARS)
    if end < 0 or not text[end:].strip():
        return None  # a one-line text is a sentence, not a headline over a body
    line = text[start:end].strip()
    if markdown:
        line = _MARKDOWN_HEADING.sub("", line).strip("#* \t")
    if (not line or len(line) > _TITLE_MAX_CHARS or len(line.split()) > _TITLE_MAX_WORDS
            or not any(c.isalpha() for c in line)):
        return None
    if line.endswith(_SENTENCE_END) and not (_ABBREVIATION_END.search(line) or line.isupper()):
        return None  # (an all-capitals line is a heading even with a full stop)
    match = _DATE.search(line)
    if match and len(line) - len(match.group(0)) < 15:
        return None  # "Sunday, September 15, 2019" is a dateline
    return " ".join(line.split())


def _iso(year: int, month: int, day: int) -> str | None:
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        return None
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return None  # 2019-02-30 and friends


def _date_of(match: re.Match[str]) -> str | None:
    g = match.groupdict()
    if g["y1"]:
        return _iso(int(g["y1"]), int(g["m1"]), int(g["d1"]))
    mon, day, year = (g["mon2"], g["d2"], g["y2"]) if g["mon2"] else (g["mon3"], g["d3"], g["y3"])
    return _iso(int(year), _MONTHS[mon.lower()], int(day))


def find_date(text: str, *, limit: int = DATELINE_CHARS) -> str | None:
    """The first valid full date (with a year) in the first ``limit`` characters, as ISO.

    >>> find_date("WASHINGTON, Sept. 15 (Reuters) - talks") is None
    True
    >>> find_date("LONDON, 15th September 2019 - talks"), find_date("Filed 2019/09/15.")
    ('2019-09-15', '2019-09-15')
    """
    for match in _DATE.finditer(text, 0, limit):
        iso = _date_of(match)
        if iso:
            return iso
    return None


def date_from_name(name: str) -> str | None:
    """A date written in a file name, as ISO, or None.

    >>> date_from_name("2019-01-04_Magnitogorsk.txt"), date_from_name("report_2019_13_45.txt")
    ('2019-01-04', None)
    """
    for match in _NAME_DATE.finditer(name):
        iso = _iso(int(match["y"]), int(match["m"]), int(match["d"]))
        if iso:
            return iso
    return None


def normalise_date(value: object) -> str | None:
    """An explicit date field ("2019-09-15T10:00:00Z", "15 September 2019", "20190915") as ISO.

    >>> normalise_date("2019-09-15T10:00:00Z"), normalise_date("Sep 15, 2019"), normalise_date("soon")
    ('2019-09-15', '2019-09-15', None)
    """
    if not isinstance(value, str):
        return None
    match = _ISO_PREFIX.match(value)
    if match:
        return _iso(int(match[1]), int(match[2]), int(match[3]))
    return find_date(value, limit=len(value)) or date_from_name(value.strip())


def sniff_markup(head: str) -> bool:
    """Whether a text starts like an HTML page.

    >>> sniff_markup("  <!DOCTYPE html><html>"), sniff_markup("Seoul <b>urged</b>")
    (True, False)
    """
    return head.lstrip()[:15].lower().startswith(("<!doctype html", "<html"))


def extract_html(data: bytes | str) -> Extracted:
    """Main text, title, date and URL of an HTML page (trafilatura; the page's visible text if it finds none)."""
    problem = None
    try:
        import trafilatura  # imported here: it takes a while and only HTML input needs it
    except ImportError as exc:  # a broken install (lxml_html_clean missing): the visible text is read
        found, problem = None, f"trafilatura unavailable ({exc})"
    else:
        # No "extensive" date search: it turns a "Copyright 2015" footer into 2015-01-01.
        params = {"extensive_search": False, "original_date": True}
        try:
            found = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False,
                                                date_extraction_params=params)
        except Exception:  # trafilatura raises assorted errors on broken markup; the visible text is read below
            found = None
    text: str = getattr(found, "text", None) or ""
    title: str | None = getattr(found, "title", None)
    date = normalise_date(getattr(found, "date", None))
    url: str | None = getattr(found, "url", None)
    fallback = not text.strip()
    if fallback:  # no main text found: the page's visible text rather than nothing
        text, fallback_title = visible_text(data if isinstance(data, str) else decode(data)[0])
        title = title or fallback_title
    # One paragraph a line from either extractor; blank lines between them, as in a .txt article,
    # keep a headline out of the first sentence and give split_text its paragraph boundaries.
    text = "\n\n".join(line.strip() for line in clean_text(text).split("\n") if line.strip())
    return Extracted(text, one_line(title) if title else None, date, url or None, problem,
                     fallback and bool(text))


# Where split_text prefers to cut, best first: after a blank line, a line, a sentence, a space.
_CUTS: tuple[tuple[str, ...], ...] = (("\n\n",), ("\n",), (". ", "? ", "! ", ".\t"), (" ", "\t"))


def split_text(text: str, max_chars: int) -> Iterator[tuple[int, str]]:
    """Cut ``text`` into chunks of at most ``max_chars``, at the best boundary before the limit.

    Yields ``(offset in text, chunk)``; the chunks join back into ``text`` exactly, so an offset
    inside a chunk plus the chunk's offset is an offset in the text.

    >>> list(split_text("One two.\\n\\nThree four. Five.", 12))
    [(0, 'One two.\\n\\n'), (10, 'Three four. '), (22, 'Five.')]
    """
    if max_chars < 1:
        raise ValueError(f"max_chars must be at least 1, not {max_chars}")
    start, size = 0, len(text)
    while size - start > max_chars:
        limit = start + max_chars
        cut = limit  # no boundary at all: a hard cut
        for separators in _CUTS:
            found = [text.rfind(sep, start, limit) + len(sep) for sep in separators]
            best = max((end for end, sep in zip(found, separators, strict=True) if end >= len(sep)),
                       default=-1)
            if best > start:
                cut = best
                break
        yield start, text[start:cut]
        start = cut
    if start < size:
        yield start, text[start:]
