"""Hand-built parsed Docs for rule tests: a sentence's parse written as data, no statistical model needed.

Each token is one line ``word lemma POS TAG dep head`` (head = absolute token index, the root points to
itself); entities are ``(start, end, label)`` token spans. :func:`dump_parse` prints a model's parse in the
same form, to start a test from.

>>> import spacy
>>> doc = parsed_doc(spacy.blank("en").vocab, '''
... Russia Russia PROPN NNP nsubj 1
... invaded invade VERB VBD ROOT 1
... Ukraine Ukraine PROPN NNP dobj 1
... . . PUNCT . punct 1''', ents=[(0, 1, "GPE"), (2, 3, "GPE")])
>>> [(t.text, t.dep_, t.head.text) for t in doc][:2], [e.label_ for e in doc.ents]
([('Russia', 'nsubj', 'invaded'), ('invaded', 'ROOT', 'invaded')], ['GPE', 'GPE'])
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

# Tokens glued to the one before (no space between them in the text).
_NO_SPACE_BEFORE = frozenset({".", ",", "'s", "\u2019s", "n't", "?", "!", ";", ":", "-", "'"})


def parsed_doc(vocab: Vocab, rows: str, *, ents: Sequence[tuple[int, int, str]] = ()) -> Doc:
    """A Doc from ``word lemma POS TAG dep head`` lines, with entity spans; sentences from the heads."""
    lines = [line.split() for line in rows.strip().splitlines() if line.strip()]
    words = [r[0] for r in lines]
    spaces = [i + 1 < len(words) and words[i + 1] not in _NO_SPACE_BEFORE and words[i] != "-"
              for i in range(len(words))]
    doc = Doc(vocab, words=words, spaces=spaces, lemmas=[r[1] for r in lines], pos=[r[2] for r in lines],
              tags=[r[3] for r in lines], deps=[r[4] for r in lines], heads=[int(r[5]) for r in lines])
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in ents]
    return doc


def dump_parse(doc: Doc) -> str:
    """The parse of ``doc`` in :func:`parsed_doc`'s format, followed by its entity spans."""
    rows = "\n".join(f"{t.text} {t.lemma_ or t.text} {t.pos_} {t.tag_} {t.dep_} {t.head.i}" for t in doc)
    ents = ", ".join(f"({e.start}, {e.end}, {e.label_!r})" for e in doc.ents)
    return f"{rows}\nents=[{ents}]"


def facts(doc: Doc, doc_id: str = "t") -> list[tuple[str, str, str]]:
    """(subject, relation type, object) of every triple extracted from ``doc``, negated types marked "~"."""
    from kg.extract import extract_triples
    from kg.records import Document

    return [(t.subject, ("~" if t.negated else "") + t.relation_type, t.object)
            for t in extract_triples(doc, Document(id=doc_id, text=doc.text))]
