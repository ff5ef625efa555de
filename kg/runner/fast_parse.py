"""A faster driver for spaCy's greedy transition-based components (the NER and the dependency parser).

``Parser.greedy_parse`` (spaCy 3.8) releases the GIL and runs its loop in C, but the compiled state methods
that loop calls for every move of every state (``StateC.B``, ``S``, the moves' ``is_valid``) take the GIL
back for a moment each time (``PyGILState_Ensure``/``Release``, as ``perf`` shows in the installed wheels):
for the NER's 74 moves hundreds of GIL hand-overs per token, about two thirds of the NER's time and half
of the parser's. :class:`GreedyDecoder` drives the same loop from Python, as spaCy's own training and
beam code do: ``ParserStepModel.predict`` scores the states (the same precomputed hidden features, summed
in the same order, the same gemm) and ``Parser.transition_states`` takes the best valid move, both with the
GIL held, so each of those calls is a counter increment. Each batch is decoded as ``Parser.pipe`` does,
sorted by length, but in sub-batches of up to :data:`SUB_BATCH_TOKENS` tokens rather than a quarter of the
batch: the Python loop costs one step per token of the longest Doc of a sub-batch, and a long Doc no longer
shares its precomputed features (4 KiB a token for the parser) with 15 others. Same annotations:
tests/test_fast_parse.py compares them with the component's own, token for token.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from spacy.pipeline import DependencyParser, EntityRecognizer
from spacy.tokens import Doc

#: Name of the model architecture whose ``predict`` gives a stepwise scorer (spaCy's TransitionModel).
STEP_MODEL = "parser_model"
#: Tokens decoded together at most (a single longer Doc is decoded alone).
SUB_BATCH_TOKENS = 16_000


class GreedyDecoder:
    """A greedy NER or parser, decoded with the GIL held (see the module docstring)."""

    def __init__(self, proc: Any) -> None:
        self.proc = proc
        self.name = proc.name

    @staticmethod
    def fits(proc: Any) -> bool:
        """Whether ``proc`` is a greedy (beam width 1) parser or NER with spaCy's stepwise model.

        Its hidden layer must be a maxout, or feed an output layer: only then do the C loop and the
        stepwise model compute the same activation.
        """
        if not isinstance(proc, DependencyParser | EntityRecognizer) or proc.cfg.get("beam_width", 1) != 1:
            return False
        model = proc.model
        if getattr(model, "name", None) != STEP_MODEL or not model.has_ref("lower"):
            return False
        lower = model.get_ref("lower")
        return bool(model.attrs.get("has_upper")) or (lower.has_dim("nP") and lower.get_dim("nP") >= 2)

    def predict(self, docs: list[Doc]) -> list[Any]:
        """The final state of each Doc, as ``Parser.predict`` gives it."""
        proc = self.proc
        if not any(len(doc) for doc in docs):
            return list(proc.moves.init_batch(docs))
        proc._ensure_labels_are_added(docs)
        batch = list(proc.moves.init_batch(docs))
        model = proc.model.predict(docs)
        states = [state for state in batch if not state.is_final()]
        while states:
            states = proc.transition_states(states, model.predict(states))
        model.clear_memory()
        return batch

    def __call__(self, doc: Doc) -> Doc:
        self.proc.set_annotations([doc], self.predict([doc]))
        return doc

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = 256) -> Iterator[Doc]:
        """Annotate the Docs in order, ``batch_size`` at a time (see the module docstring)."""
        stream = iter(docs)
        while in_order := list(islice(stream, batch_size)):
            for subbatch in _sub_batches(sorted(in_order, key=len), SUB_BATCH_TOKENS):
                self.proc.set_annotations(subbatch, self.predict(subbatch))
            yield from in_order


def _sub_batches(docs: list[Doc], max_tokens: int) -> Iterator[list[Doc]]:
    """Consecutive runs of ``docs`` of at most ``max_tokens`` tokens (or one Doc)."""
    run: list[Doc] = []
    size = 0
    for doc in docs:
        if run and size + len(doc) > max_tokens:
            yield run
            run, size = [], 0
        run.append(doc)
        size += len(doc)
    if run:
        yield run
