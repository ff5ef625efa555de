"""When a relation happened, as the sentence says it: "on Tuesday", "in March 2018", "during the Cold War".

:func:`sentence_dates` finds a sentence's time expressions (spaCy DATE entities, and named periods such
as "the Cold War" from ``kg/data/periods.jsonl``) with the token each hangs from; :func:`event_date` picks
the one a relation owns (:mod:`kg.extract.scope`: the nearest to its mentions, never one of another
clause). :func:`resolve` turns an expression into an ISO 8601 value against the document's date:

* a day ("2019-03-04"), a month ("2019-03") or a year ("2019"), as precise as the text is;
* a span ("1947/1991", "2019-02-25/2019-03-03" for "last week", "2014/2019-03-06" for "since 2014");
* nothing for durations, ages and vague times ("for two years", "the 72-year-old", "recently"), and
  nothing relative ("on Tuesday", "last month") when the document has no date.

Weekdays, "yesterday", "last week/month/year" and decades are resolved here; other dates go to
``dateparser`` (BSD) with English only and the document's date as its base, so nothing is downloaded or
guessed from the clock. A relation in the future tense prefers the future ("will meet on Tuesday").
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from spacy.tokens import Span, Token

from kg.extract.scope import Scope
from kg.ontology import DATA_DIR

PRECISIONS = ("day", "month", "year", "span")
# Entity labels of time expressions (named periods may be tagged EVENT: "the Cold War").
DATE_LABELS = frozenset({"DATE", "EVENT"})
# Prepositions that give a time at which something happened ("*in* 1991", "*on* Monday", "*during* the war").
AT_PREPS = frozenset({"in", "on", "during", "at", "throughout", "over", "of"})
# Prepositions of a span that runs up to the document's date ("*since* 2014").
SINCE_PREPS = frozenset({"since"})
# Prepositions whose date is a bound or a length, not the time of the event ("*after* 1991", "*for* years").
_NOT_AT_PREPS = frozenset({"after", "before", "until", "till", "by", "for", "within", "to", "from", "ahead",
                           "than", "like", "about", "around"})
# Words that make an expression a length or an age, not a time ("two years", "the 72-year-old").
_DURATION = re.compile(r"\b(year|month|week|day)s?-old\b|^(a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
                       r"several|many|few|some|\d+)(\s+\w+)?\s+(years?|months?|weeks?|days?|decades?|centuries|"
                       r"century|hours?)$|^(the\s+)?(past|last|next|coming|recent|previous|first)\s+(\w+\s+)?"
                       r"(years|months|weeks|days|decades|hours)$|^(years|decades|months|weeks|days|hours)$")
# Vague times: no date can be given.
_VAGUE = frozenset({"now", "recently", "currently", "today's", "the past", "the future", "recent years",
                    "the day", "the time", "that time", "this time", "the moment", "annually", "daily",
                    "weekly", "monthly", "yearly", "once", "the years", "that day", "the same day",
                    "the end", "the weekend", "this weekend", "last weekend", "the previous day", "the next day"})
# Times relative to another event, not to the document ("a decade later", "two years earlier").
_ANOTHER_EVENT = re.compile(r"\b(later|earlier|before|after|afterwards|prior|previously)$")
# Qualifiers that narrow a time without changing its precision ("*early* 2018", "*late* last year").
_QUALIFIER = re.compile(r"^(?:the\s+)?(?:early|earlier|mid|middle|late|later|end|beginning|start)(?:\s+of|-|\s)\s*")
_PARTS_OF_DAY = frozenset({"morning", "afternoon", "evening", "night", "noon", "midnight"})
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"^(?:(last|this|next|on|past)\s+)?(" + "|".join(_WEEKDAYS) + r")(?:'s)?"
                      r"(?:\s+(?:morning|afternoon|evening|night))?$")
_DAY_WORDS = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1, "this morning": 0,
              "this afternoon": 0, "this evening": 0, "last night": -1, "earlier today": 0}
_RELATIVE_UNIT = re.compile(r"^(?:(last|this|next|past|earlier\s+this|later\s+this|previous)\s+)(week|month|year)$")
_DECADE = re.compile(r"^(?:the\s+)?(\d{3})0s$")
_YEAR = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})\b")
_YEAR_RANGE = re.compile(r"^(?:between\s+|from\s+)?(.+?)(?:\s+(?:and|to|until|through)\s+|\s*-\s*(?=\d{4}\b))(.+)$")
_MONTH = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b")
# Plausible years: no event in a news sentence before this, none later than ten years after the document.
_MIN_YEAR = 1000
_MAX_AHEAD_YEARS = 10
_LAST_YEAR = 2100  # without a document date (never the clock's year: runs must be reproducible)


@dataclass(frozen=True, slots=True)
class When:
    """A resolved time: an ISO 8601 date, month, year or interval, and how precise it is."""

    value: str
    precision: str  # one of PRECISIONS

    @property
    def first(self) -> str:
        return self.value.split("/", 1)[0]

    @property
    def last(self) -> str:
        return self.value.rsplit("/", 1)[-1]


@dataclass(frozen=True, slots=True)
class DateMention:
    """A time expression of a sentence: its tokens, the token it hangs from and its preposition."""

    start: int  # token indices in the Doc
    end: int
    anchor: int
    prep: str  # "" when the expression hangs without one ("Monday's attack", "two years ago")
    text: str


# ------------------------------------------------------------------------------------------- finding


@cache
def periods() -> dict[str, tuple[str, str]]:
    """Named periods by lowercased name or alias: (first, last), last "" for one still going on."""
    out: dict[str, tuple[str, str]] = {}
    for line in (DATA_DIR / "periods.jsonl").read_text("utf-8").splitlines():
        if line.strip():
            row: dict[str, Any] = json.loads(line)
            for name in [row["name"], *row.get("aliases", [])]:
                out[_norm(name)] = (row["start"], row["end"])
    return out


def _norm(text: str) -> str:
    text = re.sub(r"\s+", " ", text.replace("\u2019", "'").replace("\u2013", "-").strip().lower())
    return text[4:] if text.startswith("the ") else text


def _attachment(root: Token) -> tuple[Token, str] | None:
    """The token a time expression headed by ``root`` hangs from, and its preposition."""
    if root.dep_ == "compound" and root.head.lower_ in _PARTS_OF_DAY:
        root = root.head  # "on Saturday morning": the date hangs where the morning does
    if root.dep_ in ("pobj", "pcomp") and root.head.pos_ == "ADP":
        prep = root.head
        if prep.head.i == prep.i:
            return None
        return prep.head, prep.lower_
    if root.dep_ in ("ROOT", "conj", "nsubj", "nsubjpass", "appos") or root.head.i == root.i:
        return None  # a fragment, the second of two dates, a date as subject: no relation to date
    return root.head, ""


def sentence_dates(sent: Span) -> list[DateMention]:
    """The time expressions of a sentence, in order: DATE entities and named periods.

    One pass over the tokens (``Span.ents`` would go through all the document's entities per sentence).
    """
    out: list[DateMention] = []
    doc, names, heads = sent.doc, periods(), _period_heads()
    i = sent.start
    while i < sent.end:
        tok = doc[i]
        if tok.ent_iob_ == "B" and tok.ent_type_ in DATE_LABELS:
            end = i + 1
            while end < sent.end and doc[end].ent_iob_ == "I":
                end += 1
            span = doc[i:end]
            if end - i == 1 and end < len(doc) and doc[end].tag_ == "POS" and _MONTH.fullmatch(tok.lower_):
                i = end
                continue  # "May's negotiated Brexit agreement": a name, not a month
            if tok.ent_type_ == "DATE" or _norm(span.text) in names:  # an EVENT with known dates only
                found = _mention(span)
                if found is not None:
                    out.append(found)
            i = end
            continue
        if tok.lower_ in heads and tok.dep_ == "pobj" and tok.head.lower_ in AT_PREPS | SINCE_PREPS \
                and not tok.ent_type_:
            # "during the Soviet era": a named period the NER left untagged
            phrase = doc[tok.left_edge.i:tok.i + 1]
            found = _mention(phrase) if _norm(phrase.text) in names else None
            if found is not None:
                out.append(found)
        i += 1
    return out


@cache
def _period_heads() -> frozenset[str]:
    """The last words of the named periods ("war", "era"): only phrases ending so are looked up."""
    return frozenset(name.rsplit(" ", 1)[-1] for name in periods())


def _mention(span: Span) -> DateMention | None:
    root = span.root
    att = _attachment(root)
    if att is None:
        return None
    anchor, prep = att
    text = span.text
    if span.start > 0 and span.doc[span.start - 1].lower_ in ("between", "from") and prep == "":
        text = f"{span.doc[span.start - 1].lower_} {text}"
    return DateMention(span.start, span.end, anchor.i, prep, text)


def event_date(dates: list[DateMention], scope: Scope, base: str | None, *, future: bool = False,
               anchor_ok: Callable[[int], bool] = lambda i: True) -> When | None:
    """The date of the relation ``scope`` covers: its nearest own time expression that resolves.

    ``anchor_ok`` says which of the relation's tokens may carry its date (not the name of an end:
    "the 2019 IAAF World Championships", not a noun that is no event: "the 2009 novel").
    """
    own = [d for d in dates if scope.owns(d.anchor, d.start) and d.prep not in _NOT_AT_PREPS
           and anchor_ok(d.anchor)]
    own.sort(key=lambda d: (scope.depth[d.anchor], abs(d.anchor - scope.top), d.start))
    for d in own:
        when = resolve(d.text, base, future=future, since=d.prep in SINCE_PREPS)
        if when is not None:
            return when
    return None


def dates_in(sent: Span) -> Iterator[str]:
    """The texts of a sentence's time expressions (for inspection)."""
    for d in sentence_dates(sent):
        yield d.text


# ------------------------------------------------------------------------------------------- resolving


def resolve(text: str, base: str | None, *, future: bool = False, since: bool = False) -> When | None:
    """``text`` as an ISO value relative to the document date ``base`` ("YYYY-MM-DD"), or ``None``.

    >>> resolve("in March 2018", "2019-03-06"), resolve("on Tuesday", "2019-03-06").value
    (When(value='2018-03', precision='month'), '2019-03-05')
    >>> resolve("during the Cold War", None), resolve("two years", "2019-03-06")
    (When(value='1947/1991', precision='span'), None)
    """
    return _resolve(_norm(text), base, future, since)


@lru_cache(maxsize=4096)  # a corpus repeats its time expressions ("Monday", "last year") and its dates
def _resolve(text: str, base_text: str | None, future: bool, since: bool) -> When | None:
    text = re.sub(r"^(?:(?:in|on|during|at|throughout|over|of|since)\s+)?(?:the\s+)?", "", text)
    if text.endswith("'s") and _MONTH.fullmatch(text[:-2]):
        return None  # "May's negotiated Brexit agreement": a name, not a month
    text = re.sub(r"'s$", "", text)
    base = _date(base_text)
    when = _period(text, base)
    if when is None:
        if _DURATION.search(text) or text in _VAGUE or _ANOTHER_EVENT.search(text):
            return None
        when = _range(text, base, future) or _single(text, base, future)
    if when is None or not _plausible(when, base):
        return None
    if since:
        if base is None or when.precision == "span":
            return None
        return When(f"{when.first}/{base.isoformat()}", "span")
    return when


def _date(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def _period(text: str, base: dt.date | None) -> When | None:
    found = periods().get(text)
    if found is None:
        return None
    first, last = found
    if not last:
        if base is None:
            return None
        last = base.isoformat()  # a war still going on: up to the document's date
    return When(f"{first}/{last}" if first != last else first, "span" if first != last else _precision(first))


def _precision(value: str) -> str:
    return {4: "year", 7: "month"}.get(len(value), "day")


def _range(text: str, base: dt.date | None, future: bool) -> When | None:
    """ "between 1947 and 1991", "from 1950 to 1953", "1947-1991": a span of two resolved ends."""
    m = _YEAR_RANGE.match(text)
    if m is None or not (_YEAR.search(m.group(1)) or _YEAR.search(m.group(2))):
        return None
    a, b = m.group(1), m.group(2)
    if _YEAR.fullmatch(b) and not _YEAR.search(a) and _MONTH.search(a):
        a = f"{a} {b}"  # "March to May 2018"
    first, last = _single(a, base, future), _single(b, base, future)
    if first is None or last is None or first.first > last.last:
        return None
    return When(f"{first.first}/{last.last}", "span")


def _single(text: str, base: dt.date | None, future: bool) -> When | None:
    text = _QUALIFIER.sub("", text).strip()
    m = _DECADE.match(text)
    if m is not None:
        return When(f"{m.group(1)}0/{m.group(1)}9", "span")
    if _YEAR.fullmatch(text):
        return When(text, "year")
    relative = _relative(text, base, future)
    if relative is not None or (base is None and not _YEAR.search(text)):
        return relative  # nothing relative without a document date
    if not (_YEAR.search(text) or _MONTH.search(text) or re.search(r"\bago\b", text)):
        return None
    return _parsed(text, base, future)


def _relative(text: str, base: dt.date | None, future: bool) -> When | None:
    """Weekdays, "yesterday", "last week", "this year": resolved against the document date here."""
    if base is None:
        return None
    if text in _DAY_WORDS:
        return When((base + dt.timedelta(days=_DAY_WORDS[text])).isoformat(), "day")
    m = _WEEKDAY.match(text)
    if m is not None:
        return When(_weekday(base, _WEEKDAYS.index(m.group(2)), m.group(1), future).isoformat(), "day")
    m = _RELATIVE_UNIT.match(text)
    if m is not None:
        step = {"last": -1, "past": -1, "previous": -1, "next": 1}.get(m.group(1), 0)
        return _unit(base, m.group(2), step)
    return None


def _weekday(base: dt.date, weekday: int, word: str | None, future: bool) -> dt.date:
    """The weekday meant: the last one on or before the document date, or the next one for a future event."""
    back = (base.weekday() - weekday) % 7
    if word == "next" or (future and word != "last"):
        return base + dt.timedelta(days=(weekday - base.weekday()) % 7 or (7 if word == "next" else 0))
    if word == "last" and back < 2:
        back += 7  # "last Thursday" written on a Friday is the week before: the day before is "yesterday"
    return base - dt.timedelta(days=back)


def _unit(base: dt.date, unit: str, step: int) -> When:
    if unit == "year":
        return When(str(base.year + step), "year")
    if unit == "month":
        month = base.month + step
        year, month = base.year + (month - 1) // 12, (month - 1) % 12 + 1
        return When(f"{year:04d}-{month:02d}", "month")
    monday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(weeks=step)
    return When(f"{monday.isoformat()}/{(monday + dt.timedelta(days=6)).isoformat()}", "span")


@lru_cache(maxsize=64)  # documents come one after another: one parser per document date
def _parser(base: dt.date | None, future: bool) -> Any:
    from dateparser.date import DateDataParser  # imported only when a sentence has a date to parse

    settings: dict[str, Any] = {"PREFER_DATES_FROM": "future" if future else "past",
                                "RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DAY_OF_MONTH": "first"}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    return DateDataParser(languages=["en"], try_previous_locales=False, settings=settings)


def _parsed(text: str, base: dt.date | None, future: bool) -> When | None:
    """A date dateparser reads, as precise as its period says ("March 2018" is a month)."""
    try:
        data = _parser(base, future).get_date_data(text)
    except (ValueError, OverflowError, TypeError):
        return None
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    period = data.period or "day"
    if period == "year":
        return When(f"{d.year:04d}", "year")
    if period == "month":
        return When(f"{d.year:04d}-{d.month:02d}", "month")
    if period == "week":
        monday = d - dt.timedelta(days=d.weekday())
        return When(f"{monday.isoformat()}/{(monday + dt.timedelta(days=6)).isoformat()}", "span")
    if not re.search(r"\d", text) and "ago" not in text:
        return None  # a "day" dateparser made up from words alone
    return When(d.isoformat(), "day")


def _plausible(when: When, base: dt.date | None) -> bool:
    year = int(when.first[:4])
    limit = (base.year if base is not None else _LAST_YEAR) + _MAX_AHEAD_YEARS
    return _MIN_YEAR <= year <= limit
