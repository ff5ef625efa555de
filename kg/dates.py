"""Partial ISO 8601 dates as days: the first and last day of "2019", "2019-03", "2019-03-04" or "1947/1991".

A triple's ``event_date`` is as precise as its sentence ("in 1991" is a year), and a tie's
``first_date``/``last_date`` may be one of those. Formats that want whole days (GEXF's timeline, a
spreadsheet's date column) take the first day of the first and the last day of the last.

>>> first_day("1947/1991"), last_day("1947/1991"), last_day("2024-02"), first_day("2019-03-04")
('1947-01-01', '1991-12-31', '2024-02-29', '2019-03-04')
>>> first_day("soon"), last_day(None), first_day("2019-02-30")
(None, None, None)
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re

_PARTIAL = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def first_day(value: object) -> str | None:
    """The first day a (partial) ISO date or interval covers, as ``YYYY-MM-DD``; ``None`` if it is none."""
    return _bound(value.split("/", 1)[0], False) if isinstance(value, str) else None


def last_day(value: object) -> str | None:
    """The last day a (partial) ISO date or interval covers, as ``YYYY-MM-DD``; ``None`` if it is none."""
    return _bound(value.rsplit("/", 1)[-1], True) if isinstance(value, str) else None


@functools.lru_cache(maxsize=8192)  # a corpus has few distinct dates and every edge repeats them
def _bound(text: str, last: bool) -> str | None:
    m = _PARTIAL.match(text.strip())
    if m is None:
        return None
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if month is None:
            return dt.date(year, 12 if last else 1, 31 if last else 1).isoformat()
        if day is None:
            mm = int(month)
            return dt.date(year, mm, calendar.monthrange(year, mm)[1] if last else 1).isoformat()
        return dt.date(year, int(month), int(day)).isoformat()
    except ValueError:
        return None
