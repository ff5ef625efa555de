"""Actor mentions of a parsed document, and the walk from an argument's head word to the actors it names.

A clause's subject or object is often not a name itself but a phrase around one: "a *US*-led coalition",
"dozens of *Russian* diplomats", "*Georgia*'s ruling party", "*Finland*'s bid". :meth:`DocMentions.actors_at`
finds those actors by a short walk down the phrase's modifiers, never into clauses or setting phrases.

Where a mention's span starts and ends is :mod:`kg.extract.mention_spans`; how an entity is used in its
sentence (part of a title, a headline, a source, a city, a setting) is :mod:`kg.extract.mention_uses`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from kg.actor_words import words
from kg.actors import ACTOR_LABELS, Actor, DocumentActors, clean_name
from kg.extract.lexicon import Lexicon, lexicon
from kg.extract.mention_spans import (
    dateline_agencies,
    dateline_places,
    titled_names,
    whole_names,
    with_title,
)
from kg.extract.mention_uses import in_title, is_attribution, is_city_use, is_headline, is_setting
from kg.records import Mention

# Modifiers of a noun that may hold the actor the phrase stands for ("US-led", "Russian diplomats",
# "Georgia's party", "the Kremlin spokesman").
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "npadvmod"})
#: Nouns of office that are always another's: their possessor is never their actor ("Shoukry and *his* Greek
#: counterpart": Greece's minister, not Shoukry).
OTHERS_NOUNS = frozenset({"counterpart"})
# Nouns whose "of" phrase names the actor ("dozens of Russian diplomats", "the government of Iraq").
_OF_HEADS = frozenset([
    "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "number", "group", "members", "member",
    "army", "government", "leadership", "leader", "leaders", "forces", "force", "troops", "military", "navy",
    "delegation", "representatives", "official", "officials", "ministry", "regime", "people", "citizens",
    "nationals", "team", "part", "some", "many", "most", "all", "several", "each", "one", "two", "three",
    "four", "five", "units", "unit", "soldiers", "fighters", "militants", "embassy", "navy", "nations",
    "countries", "states", "sides", "parties", "authorities", "negotiators", "diplomats", "envoys", "mediators",
    "lawmakers", "ministers", "delegates", "observers", "peacekeepers", "negotiator", "diplomat", "envoy",
    "mediator", "lawmaker", "minister", "delegate", "observer", "peacekeeper", "representative", "soldier",
    "troop", "fighter"
])
# Of those, the people a "from" phrase places ("negotiators from Qatar and Egypt", "troops from Chad").
_FROM_HEADS = frozenset([
    "official", "officials", "negotiators", "diplomats", "envoys", "mediators", "lawmakers", "ministers",
    "delegation", "delegates", "representatives", "troops", "soldiers", "forces", "fighters", "observers",
    "peacekeepers", "leaders", "negotiator", "diplomat", "envoy", "mediator", "lawmaker", "minister",
    "delegate", "representative", "troop", "soldier", "fighter", "observer", "peacekeeper", "leader"
])
#: Participle after a hyphen -> the relation of the actor before it to the noun modified ("Iranian-backed").
MODIFIER_TYPES: dict[str, str] = {
    "backed": "SUPPORT", "supported": "SUPPORT", "sponsored": "SUPPORT", "endorsed": "SUPPORT",
    "funded": "AID", "financed": "AID", "armed": "AID", "trained": "AID", "equipped": "AID",
    "led": "LEADER_OF", "controlled": "LEADER_OF", "run": "LEADER_OF", "dominated": "LEADER_OF",
    "allied": "ALLY_OF", "aligned": "ALLY_OF",
    "based": "LOCATED_IN", "headquartered": "LOCATED_IN",
}
#: Of those, the ones where the noun's actor is the subject ("a Berlin-based charity" is in Berlin).
REVERSED_MODIFIERS = frozenset({"based", "headquartered"})
# Abbreviations whose period the tokenizer splits off at the end of a sentence ("born in Amherst, Mass."):
# AP-style US state names and company or name suffixes. The period belongs to the word.
_ABBREVIATIONS = frozenset([
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky", "la", "md",
    "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "vt", "va", "wash",
    "wis", "wyo", "corp", "inc", "co", "ltd", "bros", "jr", "sr"
])
# Nouns of a place that a demonym before them only locates ("the Polish city of Gdansk").
_PLACE_NOUNS = frozenset({"city", "town", "village", "port", "region", "province", "district", "county",
                          "island", "resort", "capital", "municipality", "suburb", "state"})
# Words before a bare institution that make it a body below the country ("the state senate").
_SUBNATIONAL = frozenset({"state", "provincial", "regional", "city", "municipal", "local", "county", "district",
                          "territorial", "cantonal"})
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
    places: dict[int, Mention] = field(default_factory=dict)  # start offset -> the seat of power as a place
    settings: set[int] = field(default_factory=set)  # start offsets of seats named as an event's setting
    # token index -> the state a demonym before a place noun names ("the *Polish* city of Gdansk"): no actor
    # of the sentence, only where the unit lies (:func:`kg.extract.places.place_candidates`)
    unit_states: dict[int, Mention] = field(default_factory=dict)

    @classmethod
    def build(cls, doc: Doc, char_offset: int = 0, actors: DocumentActors | None = None) -> DocMentions:
        lex = lexicon()
        ents = whole_names([e for e in doc.ents if e.label_ in ACTOR_LABELS], lex)
        acts = actors if actors is not None else DocumentActors((e.text, e.label_) for e in ents)
        self = cls(doc, acts, char_offset)
        datelines = list(dateline_places(doc))
        agencies = list(dateline_agencies(doc))
        taken = {i for span in datelines + agencies for i in range(span.start, span.end)}
        for span in datelines:
            self.add(span, Actor(span.text.title(), "place", "GPE"), "GPE")
        for span in agencies:
            agency = acts.resolve(span.text, "ORG")
            if agency is not None:
                self.add(span, agency, "ORG")
        for ent in ents:
            if any(i in taken for i in range(ent.start, ent.end)):
                continue  # the town of a dateline, whatever the NER took it for
            self._add_entity(ent, lex)
        for tok in doc:
            if tok.i not in self.by_token:
                self._unnamed(tok)
        for span in titled_names(doc, self.by_token, lex):
            actor = acts.resolve(span.text, "PERSON")
            if actor is not None:
                self.add(span, actor, "PERSON")
        return self

    def _add_entity(self, ent: Span, lex: Lexicon) -> None:
        """The mention of one entity span, or none when it is no actor here."""
        acts = self.actors
        if ent.label_ in ("ORG", "NORP") and in_title(ent, lex):
            return  # "Defence" in "Defence Minister", "State" in "Secretary of State": part of a title
        if len(ent) == 1 and ent.label_ != "PERSON" and lex.is_title_word(ent.text):
            return  # "the long-serving Sultan of Oman": a title the NER took for a place
        if is_headline(ent):
            return  # "Potential Impacts on International Relations": a heading tagged as an entity
        if words().is_outlet(ent.text) and is_attribution(ent):
            return  # "told Wikinews", "according to CNN", "Reuters reported": the source, not a party
        actor = acts.resolve(ent.text, ent.label_)
        if self._unit_demonym(ent, actor):
            return  # "the Polish city of Gdansk": where the city is, no actor ("mayor of" it leads the city)
        if words().is_institution(clean_name(ent.text, "ORG")):
            if ent.start > 0 and ent.doc[ent.start - 1].lower_ in _SUBNATIONAL:
                return  # "the state senate", "the provincial government": not the country's body
            actor = self._institution(ent, actor)
        if actor is None:
            return
        place = acts.place(ent.text, ent.label_)
        if place is not None and actor.iso3 and is_city_use(ent):
            self.add(ent, place, ent.label_)  # "the mayor of London", "London's police": the city itself
            return
        m = self.add(with_title(ent, lex) if ent.label_ == "PERSON" else ent, actor, ent.label_)
        if place is not None and actor.iso3:
            self.places[m.start] = replace(m, name=place.name, key=place.key, iso3=None, type=place.ner)
            if is_setting(ent):
                self.settings.add(m.start)

    def _unnamed(self, tok: Token) -> None:
        """A token no entity holds that names an actor all the same: "a *U.S.-led* coalition" (a known actor
        glued to a participle), "the Queen suspended *parliament*" (a body named in lower case)."""
        doc = tok.doc
        if "-" in tok.text[1:]:
            prefix, suffix = tok.text.rsplit("-", 1)
            known = self.actors.gaz.lookup(prefix) if suffix.lower() in MODIFIER_TYPES else None
            if known is not None:
                self.add(doc[tok.i:tok.i + 1], known, known.ner)
        elif tok.is_lower and words().is_common_body(tok.text):
            self._common_body(doc[tok.i:tok.i + 1])

    def _common_body(self, span: Span) -> None:
        """A body named by a lower-case noun ("suspended parliament"): the state's body where the phrase or
        the document gives the state; never after a word for a unit below the state ("the state legislature")."""
        doc = span.doc
        if span.start > 0 and doc[span.start - 1].lower_ in _SUBNATIONAL:
            return
        actor = self._institution(span, self.actors.institution(span.text))
        if actor is not None:
            self.add(span, actor, "ORG")

    def _institution(self, ent: Span, fallback: Actor | None) -> Actor | None:
        """A bare institution with the place the sentence gives it: "the Supreme Court of Florida", "British
        Parliament", "Russia's Supreme Court"; else what the document's state makes of it (``fallback``)."""
        doc = ent.doc
        if ent.end + 1 < len(doc) and doc[ent.end].lower_ == "of" and doc[ent.end + 1].ent_type_ in ("GPE", "LOC"):
            place = next(e for e in doc.ents if e.start == ent.end + 1 or e.start <= ent.end + 1 < e.end)
            known = self.actors.gaz.lookup(place.text)
            if known is not None and known.iso3:
                return self.actors.institution(ent.text, known)
            return Actor(f"{clean_name(ent.text, 'ORG')} of {clean_name(place.text, 'GPE')}", "organisation", "ORG")
        owner = self._owner_state(ent)
        return self.actors.institution(ent.text, owner) if owner is not None else fallback

    def _owner_state(self, ent: Span) -> Actor | None:
        """The state right before a bare institution ("British Parliament", "Russia's Supreme Court")."""
        doc = ent.doc
        i = ent.start - 1
        if i >= 0 and doc[i].tag_ == "POS":
            i -= 1
        m = self.by_token.get(i) if i >= 0 else None
        if m is None or not m.iso3:
            return None
        return Actor(m.name, "state", "GPE", m.iso3)

    def add(self, span: Span, actor: Actor, label: str) -> Mention:
        """Record that ``span`` names ``actor``; the span's text loses a leading "the" and a possessive."""
        start, end = span.start, span.end
        while end - start > 1 and (span.doc[end - 1].tag_ == "POS" or span.doc[end - 1].is_space):
            end -= 1
        while end - start > 1 and span.doc[start].lower_ == "the":
            start += 1
        sp = span.doc[start:end]
        text, end_char = sp.text, sp.end_char
        if end < len(sp.doc) and sp.doc[end].text == "." and not sp.doc[end - 1].whitespace_ \
                and sp.doc[end - 1].lower_ in _ABBREVIATIONS:
            text, end_char = text + ".", end_char + 1  # "Mass" + "." is "Mass."
        mention = Mention(text=text, start=sp.start_char + self.char_offset, end=end_char + self.char_offset,
                          name=actor.name, type=actor.ner if actor.iso3 or actor.type != "place" else label,
                          key=actor.key, iso3=actor.iso3)
        return self._put(span, sp.root.i, mention)

    def _unit_demonym(self, ent: Span, actor: Actor | None) -> bool:
        """Whether ``ent`` is a nationality word before a place noun; the state it names goes to
        :attr:`unit_states`, not among the mentions."""
        if ent.root.dep_ != "amod" or ent.root.head.lemma_.lower() not in _PLACE_NOUNS:
            return False
        if actor is not None and actor.iso3:
            start = ent.start_char + self.char_offset
            self.unit_states[ent.root.i] = Mention(text=ent.text, start=start, end=start + len(ent.text),
                                                   name=actor.name, type=actor.ner, key=actor.key, iso3=actor.iso3)
        return True

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

    def retype(self, key: str, label: str) -> None:
        """Give every mention of the actor ``key`` the entity label ``label``: what the text says an actor is
        ("Zabiele is a village") overrules the NER's guess (a person)."""
        new = {m.start: replace(m, type=label) for _, m in self.ordered if m.key == key and not m.iso3}
        if not new:
            return
        for table in (self.by_token, self.heads):  # in place: callers may hold these tables
            table.update({i: new[m.start] for i, m in table.items() if m.start in new})
        self.ordered[:] = [(i, new.get(m.start, m)) for i, m in self.ordered]

    def as_place(self, m: Mention) -> Mention:
        """``m`` as a place in its own right when it names a seat of power ("Bangkok" in "Bangkok, Thailand")."""
        return self.places.get(m.start, m)

    def named_actors(self) -> list[Mention]:
        """Named mentions that are actors: states (any form, a seat only when not a mere setting), persons,
        organisations and groups; not places, not pronouns. Sorted by offset."""
        out = [m for _, m in self.ordered if m.start not in self.coref and m.start not in self.settings
               and (m.iso3 or m.type in ("PERSON", "ORG", "NORP"))]
        return sorted(out, key=lambda m: (m.start, m.end))

    def at(self, tok: Token) -> Mention | None:
        return self.by_token.get(tok.i)

    def actors_at(self, tok: Token, *, depth: int = 2) -> list[Mention]:
        """The actors an argument headed by ``tok`` names: itself, a modifier or an "of" phrase; conjuncts."""
        out: list[Mention] = []
        for t in (tok, *tok.conjuncts) if tok.dep_ != "conj" else (tok,):
            out += [m for m in self._actors_in_phrase(t, depth) if m not in out]
        return out

    def _actor_in_phrase(self, tok: Token, depth: int) -> Mention | None:
        found = self._actors_in_phrase(tok, depth)
        return found[0] if found else None

    def _actors_in_phrase(self, tok: Token, depth: int) -> list[Mention]:
        """The actor of the phrase headed by ``tok``: itself, a modifier ("Russian diplomats"), or the object
        of "of" after a group noun, with its conjuncts ("the navies of China, India and Oman")."""
        m = self.by_token.get(tok.i)
        if m is not None:
            return [m]
        if depth <= 0 or tok.pos_ not in ("NOUN", "PROPN", "PRON", "ADJ", "VERB", "NUM"):
            return []
        person = self._apposed_person(tok)
        if person is not None:
            return [person]  # "Northamptonshire's chief constable Nick Adderley": the person, not the county
        others = tok.lemma_.lower() in OTHERS_NOUNS
        for child in tok.children:
            # "Putin met *his* Turkish counterpart": the counterpart is never the possessor's
            if child.dep_ in _MODIFIER_DEPS and child.i < tok.i and not (others and child.dep_ == "poss"):
                found = self._actor_in_phrase(child, depth - 1)
                if found is not None and not (found.type == "PERSON" and tok.lemma_.lower() in _STATE_HEADS):
                    return [found]
        if tok.lemma_.lower() in _OF_HEADS or tok.lower_ in _OF_HEADS or tok.pos_ == "NUM":
            preps = ("of", "from") if tok.lower_ in _FROM_HEADS or tok.lemma_.lower() in _FROM_HEADS else ("of",)
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ in preps:
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            return self.actors_at(pobj, depth=depth)
        return []

    def _apposed_person(self, tok: Token) -> Mention | None:
        for child in tok.children:
            if child.dep_ == "appos" and child.i > tok.i and tok.pos_ == "NOUN":
                m = self.by_token.get(child.i)
                if m is not None and m.type == "PERSON":
                    return m
        return None

    def in_span(self, start: int, end: int) -> Iterable[tuple[int, Mention]]:
        """(head token, mention) pairs whose head lies in tokens [start, end)."""
        return ((i, m) for i, m in self.ordered if start <= i < end)
