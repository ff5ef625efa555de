"""Faster equivalents of two rule components of spaCy's English pipelines, for the partial parse.

In ``en_core_web_sm`` the attribute ruler (tag map, morphology rules, lemma exceptions) and the rule
lemmatizer together take as long as tok2vec and the parser, most of it in Python per token. These classes
give the same annotations (tests/test_partial.py compares them token for token with the originals):

* :class:`TagMapRuler`: the attribute ruler's one-token patterns on the tag and the lower-case form (all but a
  handful) become dictionary look-ups; the others still go through a :class:`~spacy.matcher.Matcher`; every
  match is applied in the ruler's own order, so later patterns win as before.
* :class:`CachedLemmatizer`: the rule lemmatizer, one lemma per (word, POS, morphology) looked up once.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy
from spacy.attrs import DEP, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc

# Token attributes a pattern may test and still be a look-up: the fine-grained tag and the lower-case form.
_LOOKUP_KEYS = frozenset({"TAG", "LOWER"})
# What the ruler of an English pipeline sets; a pattern setting anything else keeps the original ruler.
_WRITTEN = (TAG, POS, MORPH, LEMMA, DEP)


class TagMapRuler:
    """An :class:`~spacy.pipeline.AttributeRuler` as look-ups (see the module docstring)."""

    def __init__(self, ruler: AttributeRuler) -> None:
        strings = ruler.vocab.strings
        self.by_key: dict[tuple[int, int], list[int]] = {}  # (tag or 0, lower or 0) -> pattern numbers
        self.matcher = Matcher(ruler.vocab)
        self.values: list[dict[int, int]] = []  # pattern number -> {column in _WRITTEN: value}
        self.indices: list[int] = list(ruler.indices)
        for n, (spec, attrs) in enumerate(zip(ruler.patterns, ruler.attrs, strict=True)):
            self.values.append({_WRITTEN.index(k): v for k, v in attrs.items()})  # normalised: ids and hashes
            patterns = spec["patterns"]
            if len(patterns) == 1 and len(patterns[0]) == 1 and set(patterns[0][0]) <= _LOOKUP_KEYS and \
                    all(isinstance(v, str) for v in patterns[0][0].values()):
                tok = patterns[0][0]
                key = (strings.add(tok["TAG"]) if "TAG" in tok else 0,
                       strings.add(tok["LOWER"]) if "LOWER" in tok else 0)
                self.by_key.setdefault(key, []).append(n)
            else:
                self.matcher.add(str(n), patterns)

    @staticmethod
    def fits(proc: Any) -> bool:
        """Whether ``proc`` is an attribute ruler this class can stand in for."""
        return isinstance(proc, AttributeRuler) and all(
            set(attrs) <= set(_WRITTEN) for attrs in proc.attrs)

    def _matches(self, doc: Doc, tags: list[int], lowers: list[int]) -> Iterator[tuple[int, int]]:
        """(pattern number, token) of every match."""
        by_key = self.by_key
        for i, (tag, low) in enumerate(zip(tags, lowers, strict=True)):
            for key in ((tag, 0), (0, low), (tag, low)):
                for n in by_key.get(key, ()):
                    yield n, i
        strings = doc.vocab.strings
        for match_id, start, end in self.matcher(doc, allow_missing=True):
            n = int(strings[match_id])
            index = self.indices[n]
            token = start + index if index >= 0 else end + index
            if start <= token < end:
                yield n, token

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        values = doc.to_array(list(_WRITTEN))
        lowers = doc.to_array([LOWER]).tolist()
        hits = sorted(self._matches(doc, values[:, 0].tolist(), lowers))
        for n, token in hits:  # in pattern order: a later pattern overrides an earlier one, as in spaCy
            for column, value in self.values[n].items():
                values[token, column] = value
        if hits:
            doc.from_array(list(_WRITTEN), values)
        return doc


class CachedLemmatizer:
    """spaCy's rule lemmatizer, one lemma per (word, POS, morphology) looked up once per process.

    The same lemmas as ``Lemmatizer.__call__`` (which caches the same key, but creates a Token and calls
    three Python functions for every word): only tokens without a lemma (or all, with ``overwrite``) change.
    """

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
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
            doc.from_array([LEMMA], numpy.ascontiguousarray(values[:, 3:]))
        return doc


def faster(proc: Any) -> Any:
    """The fast stand-in for ``proc`` when there is one, else ``proc`` itself."""
    if TagMapRuler.fits(proc):
        return TagMapRuler(proc)
    if CachedLemmatizer.fits(proc):
        return CachedLemmatizer(proc)
    return proc
