"""Which sentences of a Doc can hold a relation, decided from entity mentions alone (no parse needed).

A triple needs two actors in one sentence; one of them may be a pronoun or a definite description that
coreference resolves to an actor named shortly before. So a sentence is worth parsing when it holds

* two actor mentions: entities with an actor label, plus the few mentions kg finds beside the NER (a known
  actor glued to a participle, "U.S.-led"; a name after an owner and a title, "Moroccan King Mohammed VI";
  the town and agency in capitals of a dateline); or
* one such mention plus a pronoun or description ("he", "their", "the country"), or two of those, when an
  actor was named in this sentence or one of the :data:`WINDOW` before (coreference looks no further back).

Every count errs on the side of parsing: a sentence parsed for nothing costs time, a sentence skipped that
held a triple costs a triple. The cue words are data (``kg/data/selection_cues.jsonl``); nothing here knows
the extraction rules.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from kg.actors import ACTOR_LABELS, gazetteer
from kg.extract.lexicon import lexicon
from kg.ontology import DATA_DIR

#: Actor mentions (named, or a cue with an actor named recently) a sentence needs to be parsed.
MIN_MENTIONS = 2
#: Sentences back (besides the sentence itself) in which a named actor makes a pronoun or description count;
#: one more than coreference looks back, since these sentences come from the sentencizer, not the parser.
WINDOW = 3
#: Tokens before a description's noun in which its determiner may stand ("the reclusive Asian nation").
DESCRIPTION_REACH = 3
CUES_FILE = DATA_DIR / "selection_cues.jsonl"
#: Pseudo-label, in a cue's ``self`` list, of an entity the gazetteer knows as a state (it has an ISO code).
STATE = "STATE"


@dataclass(frozen=True, slots=True)
class Cues:
    """Word forms that may become an actor mention through coreference, with the entity labels their
    antecedent may have ("he" a PERSON; "it", "the country" a GPE, ORG or NORP)."""

    pronouns: dict[str, frozenset[str]]
    descriptions: dict[str, frozenset[str]]  # head nouns of a description that stands for an actor
    determiners: frozenset[str]  # what opens such a description ("the", "this", "that")
    #: Pronouns whose tag needs no context ("he" is PRP, "their" PRP$; not "it"): in a sentence left
    #: unparsed they keep that tag, so coreference still resolves them and its chains hold.
    tags: dict[str, str]
    #: Labels of an entity that, named earlier in the same sentence, is sure to be the cue's antecedent
    #: ("Putin said he": "he" is Putin; "Russia said it"), so the cue adds no second actor.
    itself: dict[str, frozenset[str]]


@cache
def cues() -> Cues:
    """The packaged cue words, loaded once per process."""
    kinds: dict[str, dict[str, frozenset[str]]] = {"pronoun": {}, "description": {}, "determiner": {}}
    tags: dict[str, str] = {}
    itself: dict[str, frozenset[str]] = {}
    for line in CUES_FILE.read_text("utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            kinds[row["kind"]][row["form"].lower()] = frozenset(row.get("antecedents", ()))
            if "tag" in row:
                tags[row["form"].lower()] = row["tag"]
            if "self" in row:
                itself[row["form"].lower()] = frozenset(row["self"])
    return Cues(kinds["pronoun"], kinds["description"], frozenset(kinds["determiner"]), tags, itself)


def selected_spans(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges [start, end) of runs of consecutive sentences to parse, in order, never overlapping."""
    runs: list[tuple[int, int]] = []
    labels = _entity_tokens(doc)
    last_named: dict[str, int] = {}  # entity label -> the last sentence that named an actor with it
    for k, sent in enumerate(doc.sents):
        named = 0
        for label in _named(sent, labels):
            named += 1
            last_named[label] = k
        recent = frozenset(label for label, at in last_named.items() if k - at <= WINDOW)
        coref = 0
        for new, wanted in _cues(sent, labels, recent) if recent else ():
            coref += new
            for label in wanted:
                last_named[label] = k  # a resolved pronoun is the antecedent of the next: chains go on
        if named + coref < MIN_MENTIONS:
            continue
        if runs and runs[-1][1] == sent.start:
            runs[-1] = (runs[-1][0], sent.end)  # adjoining sentences are parsed together, as in one text
        else:
            runs.append((sent.start, sent.end))
    return runs


def _entity_tokens(doc: Doc) -> list[str]:
    """The entity label of every token ("" outside entities)."""
    labels = [""] * len(doc)
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            labels[i] = ent.label_
    return labels


def _named(sent: Span, labels: Sequence[str]) -> Iterator[str]:
    """The entity label of each actor the sentence may name (an entity, or a mention kg adds to the NER's)."""
    doc = sent.doc
    for tok in sent:
        label = labels[tok.i]
        if label:
            if label in ACTOR_LABELS and tok.ent_iob_ == "B":
                yield label  # an entity with an actor label
            continue
        if "-" in tok.text[1:]:
            known = gazetteer().lookup(tok.text.rsplit("-", 1)[0])
            if known is not None:
                yield known.ner  # a known actor glued to a participle the NER left out ("U.S.-led")
        elif _after_titled_owner(tok, labels):
            yield "PERSON"  # a name the NER missed after an owner and a title ("Moroccan King Mohammed VI")
        elif tok.is_upper and tok.is_alpha and (tok.i == 0 or "\n" in doc[tok.i - 1].text_with_ws
                                                or doc[tok.i - 1].text == "("):
            yield "GPE" if tok.i == 0 or doc[tok.i - 1].text != "(" else "ORG"  # a dateline ("DAYTON, Ohio (AP)")


def _after_titled_owner(tok: Token, labels: Sequence[str]) -> bool:
    """``tok`` is a capitalised title word after an actor, with a capitalised word after it."""
    doc = tok.doc
    i = tok.i
    return (0 < i < len(doc) - 1 and labels[i - 1] in ACTOR_LABELS and tok.text[:1].isupper()
            and doc[i + 1].text[:1].isupper() and lexicon().is_title_word(tok.text))


def _names_a_state(doc: Doc, start: int, labels: Sequence[str]) -> bool:
    """Whether the entity starting at token ``start`` is a state the gazetteer knows ("Russia", "Russian")."""
    end = start + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    known = gazetteer().lookup(doc[start:end].text)
    return known is not None and bool(known.iso3)


def _cues(sent: Span, labels: Sequence[str], recent: frozenset[str]) -> Iterator[tuple[bool, frozenset[str]]]:
    """(may it add an actor, the labels its antecedent may have) for each pronoun or definite description
    outside entities that coreference may resolve to an actor named with one of the ``recent`` labels."""
    words = cues()
    doc = sent.doc
    before: set[str] = set()  # labels of the entities named so far in the sentence (and STATE for a state)
    for tok in sent:
        if labels[tok.i]:
            before.add(labels[tok.i])
            if tok.ent_iob_ == "B" and _names_a_state(doc, tok.i, labels):
                before.add(STATE)
            continue
        low = tok.lower_
        wanted = words.pronouns.get(low)
        if wanted is None:
            wanted = words.descriptions.get(low)
            if wanted is None or not any(doc[j].lower_ in words.determiners
                                         for j in range(max(sent.start, tok.i - DESCRIPTION_REACH), tok.i)):
                continue
        if wanted & recent:
            yield not (words.itself.get(low, frozenset()) & before), wanted & recent
