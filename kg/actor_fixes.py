"""The analyst's word on who is who: the ``--actors FILE`` of ``kg run``, ``kg extract`` and ``kg build``.

A CSV file (UTF-8, header ``name,aliases,type,wikidata,discard``, aliases separated by ``|``) or a JSON Lines
file with the same fields, one actor a row. A row merges every listed alias (and its own name) into ``name``,
fixes the actor's type, sets its Wikidata id, or with ``discard`` true removes a non-actor and its ties::

    name,aliases,type,wikidata,discard
    Bernie Sanders,Sanders|Senator Sanders,person,,
    Vladimir Putin,,,Q7747,
    Wikinews,,,,true

A bad file stops before any work: :class:`ActorFileError` says ``file:line: what``.

>>> fixes = parse_actor_fixes(["name,aliases,type,wikidata,discard", "Bernie Sanders,Sanders,person,,"], "f.csv")
>>> fixes.match(["Sanders"]).name
'Bernie Sanders'
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from kg.actors import actor_key, gazetteer, normalize
from kg.records import Mention, Triple

#: The columns of an actors file, in the order the header names them.
COLUMNS = ("name", "aliases", "type", "wikidata", "discard")
#: The actor types a row may set, with the spaCy label each stands for.
NER_OF_TYPE = {"state": "GPE", "person": "PERSON", "organisation": "ORG", "group": "NORP", "place": "GPE"}
_QID = re.compile(r"^Q[1-9][0-9]*$")
_TRUE = frozenset({"true", "yes", "1", "y"})
_FALSE = frozenset({"false", "no", "0", "n", ""})


class ActorFileError(ValueError):
    """A malformed actors file; ``str()`` is ``file:line: message``."""

    def __init__(self, path: str, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path, self.line, self.message = path, line, message


@dataclass(frozen=True, slots=True)
class ActorFix:
    """One row of an actors file: the canonical actor and what the analyst says of it."""

    name: str
    aliases: tuple[str, ...] = ()
    type: str | None = None
    wikidata: str | None = None
    discard: bool = False
    line: int = 0

    @property
    def iso3(self) -> str | None:
        """The state's ISO code when the row names a state the gazetteer knows."""
        known = gazetteer().lookup(self.name)
        return known.iso3 if known is not None and (self.type in (None, "state")) else None

    @property
    def key(self) -> str:
        """The node id of the actor: the gazetteer's when it knows the name, else a slug of it."""
        known = gazetteer().lookup(self.name)
        if known is not None and self.type in (None, known.type):
            return known.key
        return actor_key(self.name, None)

    @property
    def ner(self) -> str | None:
        return NER_OF_TYPE[self.type] if self.type else None


class ActorFixes:
    """The rows of an actors file, looked up by any of their names (case, "the", dots do not matter)."""

    def __init__(self, rows: Iterable[ActorFix], path: str = "<actors>") -> None:
        self.rows = tuple(rows)
        self._by_form: dict[str, ActorFix] = {}
        for row in self.rows:
            for form in (row.name, *row.aliases):
                norm = normalize(form)
                other = self._by_form.get(norm)
                if other is not None and other is not row:
                    raise ActorFileError(path, row.line, f"{form!r} is already a name of the row on line "
                                                         f"{other.line} ({other.name})")
                self._by_form[norm] = row

    def __len__(self) -> int:
        return len(self.rows)

    def match(self, forms: Iterable[str]) -> ActorFix | None:
        """The row naming the first of ``forms`` that any row names, or ``None``."""
        for form in forms:
            row = self._by_form.get(normalize(form))
            if row is not None:
                return row
        return None

    def apply_end(self, d: dict[str, Any], end: str) -> bool:
        """Rewrite one end ("subject" or "object") of a triple's JSON object in place; false when discarded."""
        row = self.match((d[end], d.get(f"{end}_text") or ""))
        if row is None:
            return True
        if row.discard:
            return False
        d[end], d[f"{end}_id"] = row.name, row.key
        d[f"{end}_iso3"] = row.iso3 if row.type in (None, "state") else None
        if row.ner:
            d[f"{end}_type"] = row.ner
        return True

    def apply_triple(self, d: dict[str, Any]) -> dict[str, Any] | None:
        """The triple's JSON object with both ends rewritten, or ``None`` when either end is discarded."""
        out = dict(d)
        if not (self.apply_end(out, "subject") and self.apply_end(out, "object")):
            return None
        sid = out.get("subject_id")
        return None if sid and sid == out.get("object_id") else out

    def fix_triple(self, t: Triple) -> Triple | None:
        """:meth:`apply_triple` for a :class:`~kg.records.Triple` (what ``kg extract --actors`` writes)."""
        d = self.apply_triple(t.to_dict())
        return None if d is None else Triple.from_dict(d)

    def fix_mentions(self, mentions: Iterable[Mention]) -> list[Mention]:
        """The mentions with the analyst's names, types and ids; mentions of discarded actors gone."""
        out: list[Mention] = []
        for m in mentions:
            row = self.match((m.name, m.text))
            if row is None:
                out.append(m)
            elif not row.discard:
                iso3 = row.iso3 if row.type in (None, "state") else None
                out.append(replace(m, name=row.name, key=row.key, iso3=iso3, type=row.ner or m.type))
        return out


def _flag(value: Any, path: str, line: int) -> bool:
    if isinstance(value, bool):
        return value
    text = "" if value is None else str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ActorFileError(path, line, f"discard must be true or false, not {value!r}")


def _row(fields: dict[str, Any], path: str, line: int) -> ActorFix:
    """One validated row from its fields (CSV strings, or JSON values)."""
    unknown = sorted(set(fields) - set(COLUMNS))
    if unknown:
        raise ActorFileError(path, line, f"unknown field(s) {', '.join(unknown)}: the fields are {', '.join(COLUMNS)}")
    name = " ".join(str(fields.get("name") or "").split())
    if not name:
        raise ActorFileError(path, line, "a row needs a name")
    raw = fields.get("aliases") or []
    aliases = raw.split("|") if isinstance(raw, str) else raw
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise ActorFileError(path, line, "aliases must be text separated by | (or a JSON list of strings)")
    kind = str(fields.get("type") or "").strip().lower() or None
    if kind is not None and kind not in NER_OF_TYPE:
        raise ActorFileError(path, line, f"unknown type {kind!r}: choose from {', '.join(NER_OF_TYPE)}")
    qid = str(fields.get("wikidata") or "").strip() or None
    if qid is not None and not _QID.match(qid):
        raise ActorFileError(path, line, f"wikidata must be a QID like Q7747, not {qid!r}")
    return ActorFix(name, tuple(a.strip() for a in aliases if a.strip()), kind, qid,
                    _flag(fields.get("discard"), path, line), line)


def _csv_rows(lines: Sequence[str], path: str) -> Iterable[ActorFix]:
    reader = csv.reader(lines)
    header = [h.strip().lower() for h in next(reader, [])]
    if not header or header[0].startswith("{"):
        raise ActorFileError(path, 1, f"the first line must be the header {','.join(COLUMNS)}")
    if "name" not in header or len(set(header)) != len(header):
        raise ActorFileError(path, 1, f"the header must name each of {','.join(COLUMNS)} once (name at least)")
    for values in reader:
        line = reader.line_num
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(header):
            raise ActorFileError(path, line, f"{len(values)} fields where the header has {len(header)}")
        yield _row(dict(zip(header, values, strict=True)), path, line)


def _jsonl_rows(lines: Sequence[str], path: str) -> Iterable[ActorFix]:
    for n, text in enumerate(lines, 1):
        if not text.strip():
            continue
        try:
            fields = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ActorFileError(path, n, f"not JSON: {exc.msg}") from None
        if not isinstance(fields, dict):
            raise ActorFileError(path, n, "a row must be a JSON object")
        yield _row(fields, path, n)


def parse_actor_fixes(lines: Sequence[str], path: str) -> ActorFixes:
    """The rows of an actors file given as its lines; JSON Lines when the path ends in .jsonl or .json."""
    jsonl = path.lower().endswith((".jsonl", ".json")) or (bool(lines) and lines[0].lstrip().startswith("{"))
    rows = list(_jsonl_rows(lines, path) if jsonl else _csv_rows(lines, path))
    return ActorFixes(rows, path)


def read_actor_fixes(path: str | Path) -> ActorFixes:
    """Read and check an actors file; :class:`ActorFileError` (with file:line) when it is malformed."""
    name = str(path)
    try:
        text = Path(path).read_text("utf-8-sig")
    except OSError as exc:
        raise ActorFileError(name, 0, exc.strerror or "cannot be read") from None
    except UnicodeDecodeError:
        raise ActorFileError(name, 1, "not UTF-8 text") from None
    return parse_actor_fixes(text.splitlines(), name)
