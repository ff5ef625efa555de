"""The partial parse (issue 15): which sentences are parsed, how runs are merged back, the fast rule
stand-ins, and the pin that the default path and ``--full-parse`` give the same triples."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from spacy.tokens import Doc, Span

from kg.records import Document
from kg.runner.select import cues, selected_spans

DATA = Path(__file__).parent / "data"


def ner_doc(vocab: Any, text: str, ents: list[tuple[int, int, str]]) -> Doc:
    """A Doc as the NER stage leaves it: words split on spaces, a sentence after each ".", entities; no parse."""
    words = text.split()
    starts = [i == 0 or words[i - 1] == "." for i in range(len(words))]
    doc = Doc(vocab, words=words, sent_starts=starts)
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in ents]
    return doc


# (text, entities, the sentences parsed, by index): one row per reason to parse or not.
SELECTION = [
    ("Russia invaded Ukraine .", [(0, 1, "GPE"), (2, 3, "GPE")], [0]),  # two actors
    ("Russia grew .", [(0, 1, "GPE")], []),  # one actor, nothing to relate it to
    ("The weather was mild .", [], []),  # no actor at all
    ("Putin arrived . Later he met Xi .", [(0, 1, "PERSON"), (6, 7, "PERSON")], [1]),  # a pronoun, a name
    ("Putin arrived . He praised Ukraine .", [(0, 1, "PERSON"), (5, 6, "GPE")], [1]),  # he + Ukraine
    ("Putin said he was tired .", [(0, 1, "PERSON")], []),  # "he" can only be Putin himself
    ("Putin arrived . He praised them .", [(0, 1, "PERSON")], []),  # "them" has no group antecedent
    ("Russia spoke . The country warned Biden .", [(0, 1, "GPE"), (6, 7, "PERSON")], [1]),  # a description
    ("Russia spoke . A country warned Biden .", [(0, 1, "GPE"), (6, 7, "PERSON")], []),  # no determiner
    ("Merkel left . It rained . It poured . It stopped . He visited Chad .",
     [(0, 1, "PERSON"), (14, 15, "GPE")], []),  # "he" too far from any person named before
]


@pytest.mark.parametrize(("text", "ents", "parsed"), SELECTION)
def test_selected_sentences(vocab: Any, text: str, ents: list[tuple[int, int, str]], parsed: list[int]) -> None:
    doc = ner_doc(vocab, text, ents)
    sents = list(doc.sents)
    chosen = [k for k, s in enumerate(sents) if any(a <= s.start < b for a, b in selected_spans(doc))]
    assert chosen == parsed


def test_adjoining_sentences_form_one_run(vocab: Any) -> None:
    doc = ner_doc(vocab, "Russia invaded Ukraine . Biden warned Putin . It rained .",
                  [(0, 1, "GPE"), (2, 3, "GPE"), (4, 5, "PERSON"), (6, 7, "PERSON")])
    assert selected_spans(doc) == [(0, 8)]


def test_pronoun_chain_keeps_going(vocab: Any) -> None:
    # "he" in sentence 2 is resolved even though sentence 2 is not parsed, so the person stays recent
    doc = ner_doc(vocab, "Merkel left . He rested . He slept . He woke . He visited Chad .",
                  [(0, 1, "PERSON"), (14, 15, "GPE")])
    assert selected_spans(doc) == [(12, 16)]


def test_cue_words_cover_coreference() -> None:
    # every pronoun and description head the resolver knows must make a sentence worth parsing
    from kg.extract import coref

    known = cues()
    assert set(known.pronouns) >= coref._PERSON_PRONOUNS | coref._THING_PRONOUNS | coref._PLURAL_PRONOUNS
    assert set(known.descriptions) >= coref._STATE_NOUNS | coref._ORG_NOUNS | coref._PERSON_NOUNS


# --- with the real model -----------------------------------------------------------------------

PASSAGES = [
    "Russian President Vladimir Putin met Chinese leader Xi Jinping in Beijing on Monday. He praised him.",
    "MOSCOW (Reuters) - The Kremlin said on Tuesday it would not attend.\n\nThe weather was cold. "
    "Germany's foreign minister said the country would send aid to Ukraine.",
    "Heavy rain fell. The river rose.  Farmers waited.\n\nIran denied it had sent drones to Russia. "
    "Its envoy told the United Nations that Tehran backs peace.",
    "Ghana's president, Nana Akufo-Addo, met Nigerian leaders. (Reuters) Obama thanked them.",
]


def _same_annotation(nlp: Any, text: str) -> tuple[Doc, Doc]:
    from kg.runner.partial import partial_pipeline

    full = nlp(text)
    part, _ = next(iter(partial_pipeline(nlp).pipe([(text, None)])))
    return full, part


@pytest.mark.parametrize("text", PASSAGES)
def test_partial_doc_keeps_tokens_entities_and_selected_parse(nlp: Any, text: str) -> None:
    full, part = _same_annotation(nlp, text)
    assert [t.text_with_ws for t in part] == [t.text_with_ws for t in full]
    assert [(e.start, e.end, e.label_) for e in part.ents] == [(e.start, e.end, e.label_) for e in full.ents]
    # sentence boundaries come from the sentencizer where nothing is parsed: they may differ from the
    # parser's ("MOSCOW (Reuters) -" is a sentence of its own for the parser), so they are not compared
    parsed = selected_spans(part)
    assert parsed
    for a, b in parsed:  # a run parsed alone has tags and lemmas for every word
        assert all(t.tag_ and t.lemma_ for t in part[a:b] if not t.is_space)


def test_unparsed_sentence_is_one_sentence_with_placeholder_tree(nlp: Any) -> None:
    _, part = _same_annotation(nlp, "The weather was cold and the rain went on for days. Putin met Xi.")
    first = next(iter(part.sents))
    assert first.text.startswith("The weather") and first.end == 12
    assert {t.dep_ for t in first} == {"dep", "ROOT"} and first.root.text == "."
    assert not any(t.tag_ for t in first)


def test_fast_rules_give_the_same_annotations(nlp: Any) -> None:
    from kg.runner.fast_rules import CachedLemmatizer, TagMapRuler

    ruler, lemmatizer = nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")
    fast_ruler, fast_lemmatizer = TagMapRuler(ruler), CachedLemmatizer(lemmatizer)
    texts = [*PASSAGES, "Y'all ain't gonna get it, let's go. There is nothin' here. He gets it; c'mon, he got it."]
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer"]):
        docs = list(nlp.pipe(texts))
    for doc in docs:
        slow, fast = lemmatizer(ruler(doc.copy())), fast_lemmatizer(fast_ruler(doc.copy()))
        assert [(t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_) for t in fast] == \
            [(t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_) for t in slow]
    assert fast_lemmatizer.lemmatizer is not lemmatizer  # the pipeline's own lemmatizer is left as it was


def _both_paths(nlp: Any, documents: list[Document]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    from kg.runner.pipeline import extract_stream

    full = [t.to_dict() for t in extract_stream(documents, nlp, full_parse=True)]
    default = [t.to_dict() for t in extract_stream(documents, nlp)]
    return full, default


@pytest.mark.parametrize("name", ["heldout_news2.jsonl", "heldout_own.jsonl", "heldout_wikinews.jsonl"])
def test_same_triples_as_full_parse_on_test_sets(nlp: Any, name: str) -> None:
    rows = [json.loads(line) for line in (DATA / name).read_text("utf-8").splitlines() if line.strip()]
    full, default = _both_paths(nlp, [Document(id=str(r["id"]), text=r["text"]) for r in rows])
    assert full and default == full


def _fact(t: dict[str, Any]) -> tuple[Any, ...]:
    """A triple without its sentence's bookkeeping (index, text, start), which follows the boundaries."""
    return tuple(v for k, v in sorted(t.items()) if k not in ("sentence", "sentence_index", "sentence_start"))


def test_same_triples_as_full_parse_on_passages(nlp: Any) -> None:
    # the same triples, ends, spans and confidences; the dateline's sentence differs ("MOSCOW (Reuters) -"
    # is a sentence of its own for the parser, the start of the next one for the sentencizer)
    full, default = _both_paths(nlp, [Document(id=f"p{i}", text=t) for i, t in enumerate(PASSAGES)])
    assert len(full) >= 4 and [_fact(t) for t in default] == [_fact(t) for t in full]


@pytest.mark.shared
@pytest.mark.parametrize("name", ["dev.jsonl", "realdev.jsonl"])
def test_same_triples_as_full_parse_on_shared_sets(nlp: Any, shared: Path, name: str) -> None:
    # the same facts; a sentence's text may follow the sentencizer where the parser splits mid-quote
    # ('... by the results and "...I and we will never ...' is one sentence or two)
    rows = [json.loads(line) for line in (shared / "eval" / name).read_text("utf-8").splitlines() if line.strip()]
    full, default = _both_paths(nlp, [Document(id=str(r["id"]), text=r["text"]) for r in rows])
    assert full and [_fact(t) for t in default] == [_fact(t) for t in full]
    assert sum(a != b for a, b in zip(default, full, strict=True)) <= len(full) // 50


def test_cli_full_parse_flag(tmp_path: Path) -> None:
    from kg.cli import cli

    article = tmp_path / "a.txt"
    article.write_text(PASSAGES[0], encoding="utf-8")
    outputs = []
    for flags in ([], ["--full-parse"]):
        out = tmp_path / f"out{len(outputs)}.jsonl"
        result = CliRunner().invoke(cli, ["extract", str(article), "-o", str(out), "-s", *flags])
        assert result.exit_code == 0, result.output
        outputs.append(out.read_text("utf-8"))
    assert outputs[0] and outputs[0] == outputs[1]
    result = CliRunner().invoke(cli, ["extract", "--help"])
    assert "--full-parse" in result.output


def test_api_full_parse_keyword() -> None:
    from kg.api import extract

    default = [t.to_dict() for t in extract([PASSAGES[0]])]
    assert default and default == [t.to_dict() for t in extract([PASSAGES[0]], full_parse=True)]
