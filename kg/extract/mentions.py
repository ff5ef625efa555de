"""Actor mentions of a parsed document, and the walk from an argument's head word to the actors it names.

A clause's subject or object is often not a name itself but a phrase around one: "a *US*-led coalition",
"dozens of *Russian* diplomats", "*Georgia*'s ruling party", "*Finland*'s bid". :meth:`DocMentions.actors_at`
finds those actors by a short walk down the phrase's modifiers, never into clauses or setting phrases.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from kg.actors import ACTOR_LABELS, Actor, DocumentActors
from kg.extract.lexicon import Lexicon, lexicon
from kg.records import Mention

# Modifiers of a noun that may hold the actor the phrase stands for ("US-led", "Russian diplomats",
# "Georgia's party", "the Kremlin spokesman").
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "npadvmod"})
# Nouns whose "of" phrase names the actor ("dozens of Russian diplomats", "the government of Iraq").
_OF_HEADS = frozenset([
    "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "number", "group", "members", "member",
    "army", "government", "leadership", "leader", "leaders", "forces", "force", "troops", "military", "navy",
    "delegation", "representatives", "official", "officials", "ministry", "regime", "people", "citizens",
    "nationals", "team", "part", "some", "many", "most", "all", "several", "each", "one", "two", "three",
    "four", "five", "units", "unit", "soldiers", "fighters", "militants", "embassy"
])
# Nouns for a state that a person's possessive does not make that person ("his country" is not Kim).
_STATE_HEADS = frozenset([
    "country", "nation", "state", "government", "people", "homeland", "land", "regime", "administration"
])


@dataclass(slots=True)
class DocMentions:
    """Which tokens name which actors, for one Doc (entities, then pronouns and descriptions from coref)."""

    doc: Doc
    actors: DocumentActors
    char_offset: int = 0
    by_token: dict[int, Mention] = field(default_factory=dict)
    heads: dict[int, Mention] = field(default_factory=dict)  # syntactic head token of a mention -> it
    ordered: list[tuple[int, Mention]] = field(default_factory=list)  # (head token, mention) in order
    coref: set[int] = field(default_factory=set)  # start offsets of mentions found by coreference

    @classmethod
    def build(cls, doc: Doc, char_offset: int = 0, actors: DocumentActors | None = None) -> DocMentions:
        ents = [e for e in doc.ents if e.label_ in ACTOR_LABELS]
        acts = actors if actors is not None else DocumentActors((e.text, e.label_) for e in ents)
        self = cls(doc, acts, char_offset)
        lex = lexicon()
        for ent in ents:
            nxt = doc[ent.end] if ent.end < len(doc) else None
            if ent.label_ in ("ORG", "NORP") and nxt is not None and \
                    (lex.title([*(t.text for t in ent), nxt.text]) or (0, 0))[1] > 1:
                continue  # "Defence" in "Defence Minister" is part of a title, not an organisation
            actor = acts.resolve(ent.text, ent.label_)
            if actor is not None:
                self.add(_with_title(ent, lex) if ent.label_ == "PERSON" else ent, actor, ent.label_)
        for span in _titled_names(doc, self, lex):
            actor = acts.resolve(span.text, "PERSON")
            if actor is not None:
                self.add(span, actor, "PERSON")
        return self

    def add(self, span: Span, actor: Actor, label: str) -> Mention:
        """Record that ``span`` names ``actor``; the span's text loses a leading "the" and a possessive."""
        start, end = span.start, span.end
        while end - start > 1 and span.doc[end - 1].tag_ == "POS":
            end -= 1
        while end - start > 1 and span.doc[start].lower_ == "the":
            start += 1
        sp = span.doc[start:end]
        mention = Mention(text=sp.text, start=sp.start_char + self.char_offset,
                          end=sp.end_char + self.char_offset,
                          name=actor.name, type=actor.ner if actor.iso3 or actor.type != "place" else label,
                          key=actor.key, iso3=actor.iso3)
        return self._put(span, sp.root.i, mention)

    def add_coref(self, span: Span, antecedent: Mention) -> Mention:
        """Record that ``span`` (a pronoun or description) refers to the actor of ``antecedent``."""
        mention = Mention(text=span.text, start=span.start_char + self.char_offset,
                          end=span.end_char + self.char_offset, name=antecedent.name, type=antecedent.type,
                          key=antecedent.key, iso3=antecedent.iso3)
        self.coref.add(mention.start)
        return self._put(span, span.root.i, mention)

    def _put(self, span: Span, head: int, mention: Mention) -> Mention:
        for i in range(span.start, span.end):
            self.by_token[i] = mention
        self.heads[head] = mention
        self.ordered.append((head, mention))
        return mention

    def at(self, tok: Token) -> Mention | None:
        return self.by_token.get(tok.i)

    def actors_at(self, tok: Token, *, depth: int = 2) -> list[Mention]:
        """The actors an argument headed by ``tok`` names: itself, a modifier or an "of" phrase; conjuncts."""
        out: list[Mention] = []
        for t in (tok, *tok.conjuncts) if tok.dep_ != "conj" else (tok,):
            m = self._actor_in_phrase(t, depth)
            if m is not None and m not in out:
                out.append(m)
        return out

    def _actor_in_phrase(self, tok: Token, depth: int) -> Mention | None:
        m = self.by_token.get(tok.i)
        if m is not None:
            return m
        if depth <= 0 or tok.pos_ not in ("NOUN", "PROPN", "PRON", "ADJ", "VERB", "NUM"):
            return None
        for child in tok.children:
            if child.dep_ in _MODIFIER_DEPS and child.i < tok.i:
                found = self._actor_in_phrase(child, depth - 1)
                if found is not None and not (found.type == "PERSON" and tok.lemma_.lower() in _STATE_HEADS):
                    return found
        if tok.lemma_.lower() in _OF_HEADS or tok.pos_ == "NUM":
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            return self._actor_in_phrase(pobj, depth)
        return None

    def in_span(self, start: int, end: int) -> Iterable[tuple[int, Mention]]:
        """(head token, mention) pairs whose head lies in tokens [start, end)."""
        return ((i, m) for i, m in self.ordered if start <= i < end)


def _titled_names(doc: Doc, ms: DocMentions, lex: Lexicon) -> Iterator[Span]:
    """Names the NER missed right after an owner and a title: "Moroccan King *Mohammed VI*"."""
    for tok in doc[1:-1]:
        if not lex.is_title_word(tok.text) or not tok.text[:1].isupper() or tok.i in ms.by_token:
            continue
        owner = ms.by_token.get(tok.i - 1)
        if owner is None or owner.type == "PERSON":
            continue
        end = tok.i + 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() \
                and end not in ms.by_token:
            end += 1
        if end > tok.i + 1 and (end == len(doc) or end not in ms.by_token):
            yield doc[tok.i + 1:end]


def _with_title(ent: Span, lex: Lexicon) -> Span:
    """A person's span with the capitalised title the text names them by ("President Lincoln").

    Not when an owner precedes the title ("Russian President Vladimir Putin"): that title is a relation.
    """
    doc = ent.doc
    start = ent.start
    while start > 0 and doc[start - 1].text[:1].isupper() and lex.is_title_word(doc[start - 1].text) \
            and start > ent.start - 2:
        start -= 1
    if start == ent.start:
        return ent
    before = doc[start - 1] if start > 0 else None
    if before is not None and (before.ent_type_ in ACTOR_LABELS or before.tag_ == "POS" or before.is_title
                               or before.is_upper):
        return ent  # an owner or a longer title ("Spanish Prime Minister") comes first
    return doc[start:ent.end]
