"""One attribute value as one typed scalar, the way GraphML, GEXF and CSV all write it (:mod:`kg.export.flatten`
picks the columns): lists joined with :data:`LIST_SEPARATOR`, ``None``/empty dropped, dates as ISO strings,
NaN and infinity dropped, XML-illegal characters removed, a column's type inferred over all its values.

>>> clean_text("a\\x00b\\x1bc\\ufffe d")
'abc d'
>>> to_text(["Putin", None, "Vladimir Putin"])
'Putin | Vladimir Putin'
>>> coerce(float("nan"), "double") is None, coerce(3.0, "int"), coerce("true", "boolean")
(True, 3, True)
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import math
import re
from collections.abc import Iterable, Mapping
from typing import Any, Literal

ColumnType = Literal["string", "int", "long", "double", "boolean"]
Scalar = str | int | float | bool

#: How list values (aliases, documents, relation phrases) are joined into one string.
LIST_SEPARATOR = " | "

#: Characters XML 1.0 forbids (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_INT32 = 2**31


def clean_text(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot carry; everything else (emoji, <, &) kept."""
    return text if _XML_ILLEGAL.search(text) is None else _XML_ILLEGAL.sub("", text)


def to_text(value: Any) -> str | None:
    """Any attribute value as one string, or ``None`` when there is nothing to write."""
    if value is None:
        return None
    if isinstance(value, str):
        text = value
    elif isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, int):
        text = str(value)
    elif isinstance(value, float):
        if not math.isfinite(value):
            return None
        text = repr(value)
    elif isinstance(value, dt.date | dt.datetime | dt.time):
        text = value.isoformat()
    elif isinstance(value, Mapping):
        text = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    elif isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else value
        parts = [p for p in (to_text(v) for v in items) if p]
        text = LIST_SEPARATOR.join(parts)
    else:
        text = str(value)
    text = clean_text(text)
    return text or None


def _boolean(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    # 0/1 from a numeric column, "true"/"false" from text: both say a truth value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    return None


def _number(value: Any) -> float | int | None:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | float):
        return value if math.isfinite(value) else None
    if isinstance(value, str):  # numbers that arrived as text (CSV, JSON strings)
        try:
            number = float(value)
        except ValueError:
            return None
        return number if math.isfinite(number) else None
    return None


def coerce(value: Any, type_: ColumnType) -> Scalar | None:
    """``value`` as a scalar of ``type_``, or ``None`` when it has none (missing, NaN, wrong kind)."""
    if value is None:
        return None
    if type_ == "string":
        if type(value) is str:  # the hot path: most values are plain strings
            return clean_text(value) or None
        return to_text(value)
    if type_ == "boolean":
        return _boolean(value)
    number = _number(value)
    if number is None:
        return None
    if type_ == "double":
        return float(number)
    # int / long: only whole numbers, never a silently truncated fraction
    if number != int(number):
        return None
    return int(number)


def format_value(value: Scalar, type_: ColumnType) -> str:
    """The text of a coerced value as GraphML/GEXF/CSV write it (``true``, ``3``, ``0.5``)."""
    if type_ == "boolean":
        return "true" if value else "false"
    if type_ == "double":
        return repr(float(value))
    return str(value)


def infer_type(values: Iterable[Any]) -> ColumnType:
    """The one type that holds every value of an unknown attribute (string when they disagree).

    >>> infer_type([1, 2.5, None]), infer_type([True, False]), infer_type([1, "a"]), infer_type([2**40])
    ('double', 'boolean', 'string', 'long')
    """
    kinds: set[str] = set()
    for v in values:
        if v is None or (isinstance(v, float) and not math.isfinite(v)):
            continue
        if isinstance(v, bool):
            kinds.add("boolean")
        elif isinstance(v, int):
            kinds.add("int" if -_INT32 <= v < _INT32 else "long")
        elif isinstance(v, float):
            kinds.add("double")
        else:
            kinds.add("string")
    if not kinds:
        return "string"
    if kinds == {"boolean"}:
        return "boolean"
    if kinds == {"int"}:
        return "int"
    if kinds <= {"int", "long"}:
        return "long"
    if kinds <= {"int", "long", "double"}:
        return "double"
    return "string"


def iso_date(value: Any) -> str | None:
    """``YYYY-MM-DD`` for a date, a datetime or a string starting with a valid ISO date, else ``None``.

    >>> iso_date("2024-06-19T08:00:00Z"), iso_date("2024-02-30"), iso_date(None)
    ('2024-06-19', None, None)
    """
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return _iso_date_text(value) if isinstance(value, str) else None


@functools.lru_cache(maxsize=8192)  # a corpus has few distinct dates and every edge repeats them
def _iso_date_text(value: str) -> str | None:
    if not _ISO_DATE.match(value):
        return None
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None
