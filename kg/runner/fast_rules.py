"""Faster equivalents of two rule components of spaCy's English pipelines, for the partial parse.

In ``en_core_web_sm`` the attribute ruler (tag map, morphology rules, lemma exceptions) and the rule
lemmatizer together take as long as tok2vec and the parser, most of it in Python per token. These classes
give the same annotations (tests/test_partial.py compares them token for token with the originals):

* :class:`TagMapRuler`: the attribute ruler's one-token patterns on the tag and the lower-case form (all but a
  handful) become dictionary look-ups; the others still go through a :class:`~spacy.matcher.Matcher`; every
  match is applied in the ruler's own order, so later patterns win as before.
* :class:`CachedLemmatizer`: the rule lemmatizer, one lemma per (word, POS, morphology) looked up once.

:func:`faster` picks the stand-in of a component, also :class:`kg.runner.fast_parse.GreedyDecoder` for the
NER and the parser.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from typing import Any, cast

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.lookups import Lookups
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc

from kg.runner.fast_parse import GreedyDecoder

# The lemmatizer's table of known words per POS (lists in spaCy's data).
_INDEX = "lemma_index"
# What the ruler of an English pipeline sets; a pattern setting anything else keeps the original ruler.
_WRITTEN = (TAG, POS, MORPH, LEMMA, DEP)


class TagMapRuler:
    """An :class:`~spacy.pipeline.AttributeRuler` as look-ups (see the module docstring)."""

    def __init__(self, ruler: AttributeRuler) -> None:
        strings = ruler.vocab.strings
        # (column of _TESTED, value) -> [(pattern number, its token tests)], filed under one equality test
        self.anchored: dict[tuple[int, int], list[tuple[int, list[list[_Test]]]]] = {}
        self.unanchored: list[tuple[int, list[list[_Test]]]] = []  # patterns without an equality test
        self.matcher = Matcher(ruler.vocab)  # what tests cannot express (operators, numbers...)
        self.values: list[dict[int, int]] = []  # pattern number -> {column in _WRITTEN: value}
        self.indices: list[int] = list(ruler.indices)
        self._regex_found: dict[tuple[str, int], bool] = {}  # (expression, string hash) -> does it match
        for n, (spec, attrs) in enumerate(zip(ruler.patterns, ruler.attrs, strict=True)):
            self.values.append({_WRITTEN.index(k): v for k, v in attrs.items()})  # normalised: ids and hashes
            for pattern in cast(list[list[dict[str, Any]]], spec["patterns"]):
                tests = [_tests(token, strings) for token in pattern]
                if not pattern or any(t is None for t in tests):
                    self.matcher.add(str(n), [pattern])
                    continue
                sequence = [t for t in tests if t is not None]
                anchor = next((t for t in sorted(sequence[0], key=lambda t: _ANCHOR_ORDER.index(t[0]))
                               if t[1] == "IN"), None)
                if anchor is None:
                    self.unanchored.append((n, sequence))
                else:
                    for value in anchor[2]:  # type: ignore[union-attr]
                        self.anchored.setdefault((anchor[0], value), []).append((n, sequence))

    @staticmethod
    def fits(proc: Any) -> bool:
        """Whether ``proc`` is an attribute ruler this class can stand in for."""
        return isinstance(proc, AttributeRuler) and all(
            set(attrs) <= set(_WRITTEN) for attrs in proc.attrs)

    def _matches(self, doc: Doc, rows: list[tuple[int, ...]]) -> Iterator[tuple[int, int]]:
        """(pattern number, token) of every match."""
        anchored, unanchored, strings = self.anchored, self.unanchored, doc.vocab.strings
        found = self._regex_found
        for i, row in enumerate(rows):
            for n, sequence in (*anchored.get((0, row[0]), ()), *anchored.get((1, row[1]), ()),
                                *anchored.get((2, row[2]), ()), *anchored.get((3, row[3]), ()), *unanchored):
                end = i + len(sequence)
                if end <= len(rows) and all(_passes(rows[i + k], tests, strings, found)
                                            for k, tests in enumerate(sequence)):
                    yield n, self._target(n, i, end)
        if len(self.matcher):
            for match_id, start, end in self.matcher(doc, allow_missing=True):
                n = int(strings[match_id])
                yield n, self._target(n, start, end)

    def _target(self, n: int, start: int, end: int) -> int:
        index = self.indices[n]
        return start + index if index >= 0 else end + index

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        values = doc.to_array(list(_WRITTEN))
        rows = [tuple(r) for r in doc.to_array(list(_TESTED)).tolist()]
        hits = sorted(self._matches(doc, rows))
        for n, token in hits:  # in pattern order: a later pattern overrides an earlier one, as in spaCy
            for column, value in self.values[n].items():
                values[token, column] = value
        if hits:
            doc.from_array(list(_WRITTEN), cast(Any, values))
        return doc


# One test of a token: (column of _TESTED, "IN" / "NOT_IN" and the values, or "REGEX" and the expression).
_Test = tuple[int, str, "frozenset[int] | re.Pattern[str]"]
# What a pattern may test and still be a look-up; the column of each in a row of _TESTED.
_TESTED = (TAG, LOWER, DEP, IS_SPACE)
_TESTED_NAMES = ("TAG", "LOWER", "DEP", "IS_SPACE")
# Which equality test a pattern is filed under, the most selective first: the word, the tag, the label.
_ANCHOR_ORDER = (1, 0, 2, 3)


def _passes(row: tuple[int, ...], tests: list[_Test], strings: Any, found: dict[tuple[str, int], bool]) -> bool:
    for col, kind, wanted in tests:
        if kind == "REGEX":
            key = (wanted.pattern, row[col])  # type: ignore[union-attr]
            hit = found.get(key)
            if hit is None:
                hit = found[key] = bool(wanted.search(strings[row[col]]))  # type: ignore[union-attr]
            if not hit:
                return False
        elif (row[col] in wanted) != (kind == "IN"):  # type: ignore[operator]
            return False
    return True


def _tests(token: dict[str, Any], strings: Any) -> list[_Test] | None:
    """A pattern's token as tests on (tag, lower, dep, is_space), or ``None`` for the Matcher to run."""
    tests: list[_Test] = []
    for name, wanted in token.items():
        if name not in _TESTED_NAMES:
            return None  # an operator, another attribute
        col = _TESTED_NAMES.index(name)
        if isinstance(wanted, bool):
            tests.append((col, "IN", frozenset({int(wanted)})))
        elif isinstance(wanted, str):
            tests.append((col, "IN", frozenset({strings.add(wanted)})))
        elif not isinstance(wanted, dict) or len(wanted) != 1:
            return None
        elif "REGEX" in wanted and name != "IS_SPACE":
            tests.append((col, "REGEX", re.compile(wanted["REGEX"])))
        elif set(wanted) <= {"IN", "NOT_IN"} and all(isinstance(v, str) for v in next(iter(wanted.values()))):
            kind, listed = next(iter(wanted.items()))
            tests.append((col, kind, frozenset(strings.add(v) for v in listed)))
        else:
            return None  # a number, a comparison...
    return tests


class CachedLemmatizer:
    """spaCy's rule lemmatizer, one lemma per (word, POS, morphology) looked up once per process.

    The same lemmas as ``Lemmatizer.__call__``, from a copy of it whose word index is a set per POS: spaCy
    keeps lists there and tests each candidate form with ``in``, a scan of thousands of words. Only tokens
    without a lemma (or all, with ``overwrite``) change.
    """

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = copy.copy(lemmatizer)  # its own look-up tables and cache; the original is untouched
        self.lemmatizer.cache = {}
        self.lemmatizer.lookups = _indexed(lemmatizer.lookups)
        self.lemmatizer.lemmatize = self.lemmatizer.rule_lemmatize  # bound to the copy, not the original
        self.strings = lemmatizer.vocab.strings
        self.cache: dict[tuple[int, int, int], int] = {}

    @staticmethod
    def fits(proc: Any) -> bool:
        """Whether ``proc`` is a spaCy lemmatizer whose lemma depends only on (word, POS, morphology)."""
        return isinstance(proc, Lemmatizer) and proc.mode == "rule"

    def __call__(self, doc: Doc) -> Doc:
        values = doc.to_array([ORTH, POS, MORPH, LEMMA])
        overwrite = bool(self.lemmatizer.overwrite)
        changed = False
        for i, (orth, pos, morph, lemma) in enumerate(values.tolist()):
            if lemma and not overwrite:
                continue  # set by the attribute ruler ("ai n't" is "be not")
            key = (orth, pos, morph)
            found = self.cache.get(key)
            if found is None:
                found = self.cache[key] = self.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            values[i, 3] = found
            changed = True
        if changed:
            doc.from_array([LEMMA], cast(Any, numpy.ascontiguousarray(values[:, 3:])))
        return doc


def _indexed(lookups: Lookups) -> Lookups:
    """A copy of a lemmatizer's tables where the word index holds sets instead of lists."""
    out = Lookups()
    for name in lookups.tables:
        table = lookups.get_table(name)
        copied = out.add_table(name)
        for key, value in table.items():  # keys are string hashes: set back as they are
            copied[key] = set(value) if name == _INDEX and isinstance(value, list) else value
    return out


def faster(proc: Any) -> Any:
    """The fast stand-in for ``proc`` when there is one, else ``proc`` itself."""
    if GreedyDecoder.fits(proc):
        return GreedyDecoder(proc)  # the NER and the parser: same moves, decoded with the GIL held
    if TagMapRuler.fits(proc):
        return TagMapRuler(proc)
    if CachedLemmatizer.fits(proc):
        return CachedLemmatizer(proc)
    return proc
