"""Pipeline loading and kg's components (newline sentences, actor ruler)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

import kg.nlp  # noqa: F401  (registers the components)
from kg.nlp import ActorRuler, ModelNotFound, load_pipeline, model_name


def test_headline_without_punctuation_is_its_own_sentence() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("kg_newline_sentences")
    doc = nlp("Putin Makes a Rare Visit to North Korea\nIn a significant move, he arrived.")
    assert [s.text.strip() for s in doc.sents] == ["Putin Makes a Rare Visit to North Korea",
                                                    "In a significant move, he arrived."]


def test_actor_ruler_fixes_labels_adds_missing_and_keeps_longer_names() -> None:
    nlp = spacy.blank("en")
    ruler = ActorRuler(nlp)
    doc = nlp.make_doc("Kyiv said Pyongyang and George Washington agreed")
    doc.ents = [Span(doc, 0, 1, "PERSON"), Span(doc, 4, 6, "PERSON")]
    doc = ruler(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Kyiv", "GPE"), ("Pyongyang", "GPE"),
                                                      ("George Washington", "PERSON")]


def test_unknown_model_is_a_clear_error() -> None:
    with pytest.raises(ModelNotFound, match="not installed"):
        load_pipeline("xx_no_such_pipeline_kg")


@pytest.mark.model
def test_default_pipeline_has_kg_components() -> None:
    nlp = load_pipeline()
    assert "kg_newline_sentences" in nlp.pipe_names and "kg_actor_ruler" in nlp.pipe_names
    assert nlp.pipe_names.index("kg_newline_sentences") < nlp.pipe_names.index("parser")
    assert model_name(nlp).startswith("en_core_web_sm")
    doc = nlp("Kyiv said Russian drones struck the city.")
    assert ("Kyiv", "GPE") in [(e.text, e.label_) for e in doc.ents]
