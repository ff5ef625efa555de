"""Parse less: the NER over every text, the rest of the pipeline only over the sentences that can hold a relation.

In ``en_core_web_sm`` the NER carries its own tok2vec, while tok2vec, tagger, parser, attribute ruler and
lemmatizer (about two thirds of the time) serve only the dependency rules, and most sentences name fewer than
two actors. So, for a batch of texts:

1. tokenizer, rule-based sentencizer (its boundaries moved to where the parser puts them:
   :func:`tidy_sentence_starts`), ``kg_newline_sentences``, NER and ``kg_actor_ruler`` on every text (the
   NER keeps to sentence boundaries, so they are set first, as the parser sets them on the full path);
2. :func:`kg.runner.select.selected_spans` picks the runs of sentences worth parsing, from mentions alone;
3. each run becomes a Doc of its own (same words, spaces and norms, its sentence starts kept as hints the
   parser may refine) and goes through the parse components, all runs of the batch together, with the
   attribute ruler and lemmatizer replaced by their exact fast stand-ins (:mod:`kg.runner.fast_rules`) and
   the parser, like the NER in step 1, decoded with the GIL held (:mod:`kg.runner.fast_parse`);
4. tags, morphology, lemmas and the dependency tree of each run are copied back into the text's Doc
   (``Doc.from_array``). A sentence left out gets no tags or lemmas and a placeholder tree: each token
   attached to the next with the label ``dep``, the last one the ``ROOT``, so it stays one sentence and a
   name's root is its last word, as the parser mostly has it; its third-person pronouns whose tag needs no
   context ("he", "their") keep that tag, so coreference chains through it as on the full path.

The Doc the rules see has the same tokens, text and offsets as on the full path, its entities from the same
NER, and the parser's analysis of every sentence that can hold a relation. Pipelines whose NER listens to a
shared tok2vec or transformer (``en_core_web_trf``) cannot be split like this: they are parsed in full.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar, cast

import numpy
from spacy.attrs import DEP, HEAD, IDX, LEMMA, LENGTH, LOWER, MORPH, NORM, POS, SENT_START, SPACY, TAG
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.symbols import PRON
from spacy.tokens import Doc

from kg.runner.fast_rules import faster
from kg.runner.select import cues, selected_spans

C = TypeVar("C")
#: Components that serve only the dependency rules: run on the selected sentences alone.
PARSE_COMPONENTS = frozenset({"tok2vec", "tagger", "morphologizer", "parser", "attribute_ruler", "lemmatizer"})
#: What a parsed run gives back to its text's Doc.
COPIED = (TAG, POS, MORPH, LEMMA, HEAD, DEP)
#: What a run's own Doc is made from: offsets, lengths and spaces (its words), norms, sentence starts.
_REGION = (IDX, LENGTH, SPACY, NORM, SENT_START)
#: Label of a placeholder arc in a sentence left unparsed (spaCy's label for an unclassified dependent).
PLACEHOLDER_DEP = "dep"
Pipe = Callable[[Iterable[Doc]], Iterable[Doc]]


def _stage(pipes: Sequence[tuple[str, Any]], batch_size: int) -> Callable[[list[Doc]], list[Doc]]:
    """Run ``pipes`` in order over a list of Docs, batched where the component can."""
    def run(docs: list[Doc]) -> list[Doc]:
        stream: Iterable[Doc] = docs
        for _name, proc in pipes:
            # trained components batch their docs; plain functions (kg_newline_sentences) take one at a time
            stream = proc.pipe(stream, batch_size=batch_size) if hasattr(proc, "pipe") else map(proc, stream)
        return list(stream)
    return run


def tidy_sentence_starts(doc: Doc) -> Doc:
    """Move the sentencizer's boundaries to where the parser puts them: whitespace after a sentence's last
    word ends that sentence (".  Republican", ".\\n\\nThe"), and an opening bracket or quote glued to the next
    word starts the next one (". (HDT Limited) acquired")."""
    for tok in doc:
        if tok.is_space and tok.is_sent_start and tok.i > 0:
            tok.is_sent_start = False
            if tok.i + 1 < len(doc):
                doc[tok.i + 1].is_sent_start = True
    for tok in doc[2:]:
        before = doc[tok.i - 1]
        if tok.is_sent_start and before.is_left_punct and not before.whitespace_ and not before.is_space and \
                (doc[tok.i - 2].whitespace_ or doc[tok.i - 2].is_space):
            tok.is_sent_start = False
            before.is_sent_start = True
    return doc


def can_split(nlp: Language) -> bool:
    """Whether the NER of ``nlp`` works alone (no listener of a shared tok2vec or transformer) and a parser
    is there to skip."""
    if "ner" not in nlp.pipe_names or "parser" not in nlp.pipe_names:
        return False
    model = getattr(nlp.get_pipe("ner"), "model", None)
    return model is not None and not any("listener" in layer.name for layer in model.walk())


class PartialPipeline:
    """``nlp.pipe(..., as_tuples=True)`` that parses only the sentences :func:`selected_spans` picks."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        pipeline = [(name, proc) for name, proc in nlp.pipeline]
        self.entities = [("kg_sentencizer", Sentencizer()), ("kg_tidy_sentence_starts", tidy_sentence_starts),
                         *[(n, faster(p)) for n, p in pipeline if n not in PARSE_COMPONENTS]]
        self.parse = [(n, faster(p)) for n, p in pipeline if n in PARSE_COMPONENTS]
        self._dep = nlp.vocab.strings.add(PLACEHOLDER_DEP)
        self._root = nlp.vocab.strings.add("ROOT")
        # lower-case form -> (tag, POS) of the pronouns whose tag needs no context (kg.runner.select.Cues.tags)
        tags = cues().tags
        pronouns = numpy.array([nlp.vocab.strings.add(w) for w in tags], dtype=numpy.uint64)
        order = numpy.argsort(pronouns)
        self._sorted_pronouns = pronouns[order]
        self._sorted_tags = numpy.array([nlp.vocab.strings.add(t) for t in tags.values()],
                                        dtype=numpy.uint64)[order]

    def pipe(self, items: Sequence[tuple[str, C]], *, batch_size: int = 64) -> Iterator[tuple[Doc, C]]:
        """(Doc, context) for each (text, context), in order; one batch of texts at a time."""
        texts = [text for text, _ in items]
        docs = _stage(self.entities, batch_size)([self.nlp.make_doc(t) for t in texts])
        runs = [selected_spans(doc) for doc in docs]
        regions = _stage(self.parse, batch_size)([region for doc, spans in zip(docs, runs, strict=True)
                                                  for region in _regions(doc, spans)])
        parsed = iter(regions)
        for doc, spans, (_, context) in zip(docs, runs, items, strict=True):
            self._merge(doc, [(a, next(parsed)) for a, _ in spans])
            yield doc, context

    def _merge(self, doc: Doc, regions: list[tuple[int, Doc]]) -> None:
        """Copy each parsed run into ``doc`` at its token offset; placeholder trees everywhere else."""
        if not len(doc):
            return
        values = numpy.zeros((len(doc), len(COPIED)), dtype=numpy.uint64)
        head, dep = COPIED.index(HEAD), COPIED.index(DEP)
        starts = doc.to_array([SENT_START]).astype(numpy.int64) == 1
        last = numpy.append(starts[1:], True)  # the last token of each sentence
        values[:, head] = numpy.where(last, 0, 1).astype(numpy.uint64)
        values[:, dep] = numpy.where(last, self._root, self._dep).astype(numpy.uint64)
        lower = doc.to_array([LOWER])
        pronoun = numpy.isin(lower, self._sorted_pronouns)
        if pronoun.any():  # "he", "their" keep their tag, so coreference resolves them (see the docstring)
            where = numpy.searchsorted(self._sorted_pronouns, lower[pronoun])
            values[pronoun, COPIED.index(TAG)] = self._sorted_tags[where]
            values[pronoun, COPIED.index(POS)] = PRON
        for offset, region in regions:
            values[offset:offset + len(region)] = region.to_array(list(COPIED))
        doc.from_array(list(COPIED), cast(Any, values))


_PIPELINES: weakref.WeakKeyDictionary[Language, PartialPipeline] = weakref.WeakKeyDictionary()


def partial_pipeline(nlp: Language) -> PartialPipeline:
    """The :class:`PartialPipeline` of ``nlp``, made once: a worker keeps its look-up tables and lemma cache
    from one batch to the next."""
    found = _PIPELINES.get(nlp)
    if found is None:
        found = _PIPELINES[nlp] = PartialPipeline(nlp)
    return found


def _region(doc: Doc, text: str, values: numpy.ndarray, start: int, end: int) -> Doc:
    """Tokens [start, end) as a Doc of their own: the same words, spaces and norms (what tok2vec reads), the
    sentence starts kept as hints the parser may add to. ``values`` is ``doc.to_array(_REGION)``."""
    rows = values[start:end].tolist()
    words = [text[idx:idx + length] for idx, length, _, _, _ in rows]
    region = Doc(doc.vocab, words=words, spaces=[bool(space) for _, _, space, _, _ in rows],
                 sent_starts=[sent == 1 for _, _, _, _, sent in rows])
    region.from_array([NORM], cast(Any, numpy.ascontiguousarray(values[start:end, 3:4])))
    return region


def _regions(doc: Doc, spans: list[tuple[int, int]]) -> Iterator[Doc]:
    if spans:
        values = doc.to_array(list(_REGION))
        text = doc.text
        for start, end in spans:
            yield _region(doc, text, values, start, end)
