"""Source lines of monitored media: the outlet publishes from the city the line names.

Translated press (the FBIS and BBC Monitoring style of the 1990s, still that of monitoring services) heads each
item with a line naming where and in what language it appeared:

* "AU0202111694 Paris AFP in English 0107 GMT 2 Feb 94": an item number, the city, the outlet, its language
  and the time;
* "Tokyo MAINICHI SHIMBUN", "Moscow MOSKOVSKIY KOMSOMOLETS": a short line, the city and the outlet in capitals.

The outlet is LOCATED_IN the city. The NER often runs the two together ("Havana Radio Reloj Network" as one
organisation) or takes the line for a person; the city is found from the gazetteer's seats, the outlet is what
stands between the city and "in <language>" (or the end of the line).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache

from spacy.tokens import Span

from kg.actors import actor_key
from kg.extract.addresses import located
from kg.extract.candidate import Candidate
from kg.extract.lexicon import Lexicon
from kg.extract.mentions import DocMentions
from kg.ontology import DATA_DIR
from kg.records import Mention

# An item number opening the line: two letters and ten digits ("AU0202111694").
_ITEM_NUMBER = re.compile(r"[A-Z]{2}\d{10}")
# Words of the time and page after the language ("in English *0107 GMT 2 Feb 94 p 6*").
_TAIL_WORDS = frozenset({"gmt", "utc", "p", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept",
                         "oct", "nov", "dec"})
# Longest city name tried at the head of the line ("Guatemala City", "Panama City").
_MAX_CITY_TOKENS = 3
# Longest outlet name ("Russian Federation Federal Service ..." is prose, not a source line).
_MAX_OUTLET_TOKENS = 5


@cache
def languages() -> frozenset[str]:
    """Names of languages ("in *Arabic*" is no place), from ``languages.jsonl``."""
    path = DATA_DIR / "languages.jsonl"
    return frozenset(json.loads(line)["name"] for line in path.read_text("utf-8").splitlines() if line.strip())


def source_line_candidates(sent: Span, ms: DocMentions, lex: Lexicon) -> Iterator[Candidate]:
    """The outlet of a source line LOCATED_IN its city (see the module docstring)."""
    first = sent.start
    while first < sent.end and not _ITEM_NUMBER.fullmatch(sent.doc[first].text):
        first += 1
    if first < sent.end:
        first += 1  # the city follows the item number, whatever headline words stand before it
    else:
        first = sent.start  # no item number: a short line in capitals, "Tokyo MAINICHI SHIMBUN"
    end = _outlet_end(sent, first)
    city = _city(sent, first, ms) if end is not None else None
    if city is None or end is None:
        return
    outlet = _outlet(sent, city[1], end, ms)
    if outlet is not None:
        c = located(ms, outlet, city[0], "source line", "dateline")
        if c is not None:
            yield c


def _outlet_end(sent: Span, first: int) -> int | None:
    """Where the outlet's name ends: before "in <language>" followed by nothing but the time; or, on a short
    line in capitals with no item number, at the end of the line."""
    doc = sent.doc
    for i in range(first + 1, sent.end - 1):
        if doc[i].lower_ == "in" and doc[i + 1].text in languages():
            tail = doc[i + 2:sent.end]
            if all(t.like_num or t.is_punct or t.lower_ in _TAIL_WORDS for t in tail):
                return i
            return None  # "in English" in prose
    if first == sent.start and sent.end - first <= _MAX_OUTLET_TOKENS + 1 and \
            all(t.is_upper or t.is_punct for t in doc[first + 1:sent.end]):
        return sent.end  # "Moscow MOSKOVSKIY KOMSOMOLETS"
    return None


def _city(sent: Span, first: int, ms: DocMentions) -> tuple[Mention, int] | None:
    """The city at ``first`` (a seat of power the gazetteer knows) and the token after it."""
    doc = sent.doc
    for n in range(_MAX_CITY_TOKENS, 0, -1):
        if first + n >= sent.end:
            continue
        span = doc[first:first + n]
        place = ms.actors.place(span.text, "GPE")
        if place is not None:
            start = span.start_char + ms.char_offset
            return Mention(text=span.text, start=start, end=start + len(span.text), name=place.name,
                           type=place.ner, key=place.key), first + n
    return None


def _outlet(sent: Span, start: int, end: int, ms: DocMentions) -> Mention | None:
    """The outlet named from ``start`` to ``end``: words in capitals or capitalised ("Radio Monte Carlo")."""
    doc = sent.doc
    words = doc[start:end]
    if not 0 < len(words) <= _MAX_OUTLET_TOKENS or not all(t.text[:1].isupper() or t.like_num for t in words):
        return None
    start_char = words.start_char + ms.char_offset
    known = ms.by_token.get(start)
    if known is not None and known.type == "ORG" and known.start == start_char and \
            all(ms.by_token.get(t.i) is known for t in words):
        return known  # the NER's own outlet, "Paris AFP" (not "Havana Radio Reloj Network", city and all)
    return Mention(text=words.text, start=start_char, end=start_char + len(words.text), name=words.text,
                   type="ORG", key=actor_key(words.text, None))
