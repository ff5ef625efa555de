"""A faster driver for spaCy's greedy transition-based components (the NER and the dependency parser).

``Parser.greedy_parse`` (spaCy 3.8) releases the GIL and runs its loop in C, but the compiled state methods
that loop calls for every move of every state (``StateC.B``, ``S``, the moves' ``is_valid``) take the GIL
back for a moment each time (``PyGILState_Ensure``/``Release``, as ``perf`` shows in the installed wheels):
for the NER's 74 moves hundreds of GIL hand-overs per token, about two thirds of the NER's time and half
of the parser's. :class:`GreedyDecoder` drives the same loop from Python, as spaCy's own training and
beam code do: ``ParserStepModel.predict`` scores the states (the same precomputed hidden features, summed
in the same order, the same gemm) and ``Parser.transition_states`` takes the best valid move, both with the
GIL held, so each of those calls is a counter increment. Same batches as ``Parser.pipe`` (sorted by length,
a quarter of the batch at a time), same annotations: tests/test_partial.py compares them with the
component's own, token for token.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from spacy.pipeline import DependencyParser, EntityRecognizer
from spacy.tokens import Doc

#: Name of the model architecture whose ``predict`` gives a stepwise scorer (spaCy's TransitionModel).
STEP_MODEL = "parser_model"


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
        """Annotate the Docs in order, in the sub-batches ``Parser.pipe`` makes."""
        stream = iter(docs)
        sub = max(batch_size // 4, 2)
        while in_order := list(islice(stream, batch_size)):
            by_length = sorted(in_order, key=len)
            for i in range(0, len(by_length), sub):
                subbatch = by_length[i:i + sub]
                self.proc.set_annotations(subbatch, self.predict(subbatch))
            yield from in_order
