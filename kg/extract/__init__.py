"""Triples from a parsed document: who did what to whom, typed with kg's ontology.

One module per kind of construction, each a generator of :class:`~kg.extract.candidate.Candidate` over a
sentence (:data:`_RULES`), then this module's precision guards and each triple's own date and place:

* actors: :mod:`~kg.extract.mentions` (the mentions and the walk from an argument to its actors), with
  :mod:`~kg.extract.mention_spans` (spans the NER broke) and :mod:`~kg.extract.mention_uses` (what an entity
  is in its sentence); :mod:`~kg.extract.coref` (pronouns and descriptions), :mod:`~kg.extract.heads` (what a
  nationality word on a noun stands for), :mod:`~kg.extract.counterparts` ("his Greek and French counterparts");
* events: :mod:`~kg.extract.clauses` (verbs) with :mod:`~kg.extract.arguments` (subjects, agents),
  :mod:`~kg.extract.objects` and :mod:`~kg.extract.event_nouns`; :mod:`~kg.extract.nominal` (event nouns,
  "between", roles), :mod:`~kg.extract.behest` (requests behind an act), :mod:`~kg.extract.claims`
  (allegations), :mod:`~kg.extract.charges` (what someone is charged with), :mod:`~kg.extract.modality`
  (negation, hedges, plans);
* standing ties: :mod:`~kg.extract.titles`, :mod:`~kg.extract.roles`, :mod:`~kg.extract.parties`,
  :mod:`~kg.extract.modifiers` ("the Iranian-backed Houthi rebels"), :mod:`~kg.extract.places` with
  :mod:`~kg.extract.addresses`, :mod:`~kg.extract.homes`, :mod:`~kg.extract.org_names`,
  :mod:`~kg.extract.sources`, :mod:`~kg.extract.topic` (the document's topic) and :mod:`~kg.extract.chains`
  (document-level LOCATED_IN chains);
* when and where: :mod:`~kg.extract.setting` glues :mod:`~kg.extract.when` and :mod:`~kg.extract.where` (with
  :mod:`~kg.extract.locative`, the constructions of an event's place) to the relation's
  :mod:`~kg.extract.scope`;
* :mod:`~kg.extract.lexicon` types relations from ``kg/data/lexicon_*.jsonl``; :mod:`~kg.extract.candidate` is
  what rules yield; :mod:`~kg.extract.testing` builds parsed Docs by hand for rule tests.

Precision guards applied here: both ends are actors, no self-loops, one triple per (subject, type, object,
negation) in a sentence (the most confident pattern wins), triples in document order.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span

from kg.extract.behest import behest_candidates
from kg.extract.candidate import Candidate
from kg.extract.chains import located_in_chains
from kg.extract.charges import charge_candidates
from kg.extract.claims import claim_candidates
from kg.extract.clauses import clause_candidates
from kg.extract.coref import Resolver, resolve_rule_based
from kg.extract.homes import home_candidates
from kg.extract.lexicon import Lexicon, lexicon
from kg.extract.mentions import DocMentions
from kg.extract.modifiers import modifier_candidates
from kg.extract.nominal import nominal_candidates
from kg.extract.org_names import org_name_candidates
from kg.extract.parties import party_candidates
from kg.extract.places import org_place_candidates, place_candidates
from kg.extract.roles import predicate_role_candidates, relative_role_candidates
from kg.extract.setting import SentenceSetting
from kg.extract.sources import source_line_candidates
from kg.extract.titles import title_candidates
from kg.extract.topic import topic_candidates
from kg.records import Document, Mention, Triple

__all__ = ["Candidate", "DocMentions", "extract_triples", "sentence_candidates"]

_RULES = (title_candidates, clause_candidates, nominal_candidates, place_candidates, org_place_candidates,
          modifier_candidates, behest_candidates, claim_candidates, party_candidates, relative_role_candidates,
          predicate_role_candidates, charge_candidates, source_line_candidates, home_candidates,
          org_name_candidates, topic_candidates)
# Relations whose object must be a body one can belong to: no one is a member or leader of a sea or a building,
# nor of a person ("Biden led Trump in the polls" is no leadership); allies may be people.
_NOT_A_BODY = {"MEMBER_OF": frozenset({"LOC", "FAC", "PERSON"}), "LEADER_OF": frozenset({"LOC", "FAC", "PERSON"}),
               "ALLY_OF": frozenset({"LOC", "FAC"})}
_NOTHING: frozenset[str] = frozenset()


def sentence_candidates(sent: Span, mentions: DocMentions, lex: Lexicon | None = None) -> list[Candidate]:
    """All candidates of one sentence, merged: one per (subject, type, object, negation), best first found."""
    lex = lex if lex is not None else lexicon()
    best: dict[tuple[str, str, str, bool], Candidate] = {}
    for rule in _RULES:
        for c in rule(sent, mentions, lex):
            if c.object.type in _NOT_A_BODY.get(c.relation_type, _NOTHING):
                continue  # "a coalition to patrol the Persian Gulf which was joined by Australia" misparsed
            if c.pattern == "unknown_verb" and (c.subject.start in mentions.coref or
                                                c.object.start in mentions.coref):
                continue  # an untyped tie through a guessed antecedent ("it enables Russia to") is noise
            key = (c.subject.key, c.relation_type, c.object.key, c.negated)
            old = best.get(key)
            if old is None or c.confidence > old.confidence:
                best[key] = c
    out = list(best.values())
    # a typed relation makes an untyped one between the same pair redundant
    typed = {(c.subject.key, c.object.key) for c in out if c.relation_type != "RELATED"}
    typed |= {(o, s) for s, o in typed}
    out = [c for c in out if c.relation_type != "RELATED" or (c.subject.key, c.object.key) not in typed]
    # and a role ("Putin, president of Russia": LEADER_OF) makes the bare affiliation of the same pair redundant
    roles = {(c.subject.key, c.object.key) for c in out if c.relation_type in ("LEADER_OF", "MEMBER_OF")}
    out = [c for c in out if c.relation_type != "AFFILIATED_WITH" or (c.subject.key, c.object.key) not in roles]
    out.sort(key=lambda c: (c.subject.start, c.object.start, c.relation_type))
    return out


def extract_triples(doc: Doc, document: Document, *, char_offset: int = 0, sentence_offset: int = 0,
                    resolver: Resolver | None = resolve_rule_based,
                    mentions_out: list[Mention] | None = None) -> Iterator[Triple]:
    """All triples of one parsed document (or one chunk of it), in document order.

    ``char_offset`` is added to every character span and ``sentence_offset`` to every sentence index, so a
    document parsed in chunks yields the same triples as a whole one. ``resolver`` resolves pronouns and
    descriptions (``None`` turns coreference off). Deterministic: the same Doc gives the same triples.
    ``mentions_out``, when given, receives every named actor mention of the Doc, sorted by offset: states
    (however named), persons, organisations and groups, never pronouns, headlines or places that are no
    state, so the graph can hold actors the text names without relating them to anyone.
    """
    mentions = DocMentions.build(doc, char_offset)
    if mentions_out is not None:
        mentions_out.extend(mentions.named_actors())
    if resolver is not None:
        resolver(mentions)
    lex = lexicon()
    heads = {m.start: h for h, m in mentions.ordered}
    found: list[Triple] = []
    for k, sent in enumerate(doc.sents):
        cands = sentence_candidates(sent, mentions, lex)
        if not cands:
            continue
        setting = SentenceSetting.build(sent, mentions, heads, lex)
        text = sent.text.strip()
        start = sent.start_char + char_offset + (len(sent.text) - len(sent.text.lstrip()))
        for c in cands:
            s, o = c.subject, c.object
            when, where = setting.of(c, document.date)
            found.append(Triple(
                doc_id=document.id, sentence_index=k + sentence_offset, sentence=text,
                subject=s.name, subject_type=s.type, subject_text=s.text, subject_span=s.span,
                relation=c.relation, relation_type=c.relation_type,
                object=o.name, object_type=o.type, object_text=o.text, object_span=o.span,
                negated=c.negated, modality=c.modality, confidence=c.confidence, date=document.date,
                subject_id=s.key, object_id=o.key, subject_iso3=s.iso3, object_iso3=o.iso3,
                sentence_start=start, pattern=c.pattern, doc_title=document.title, doc_url=document.url,
                event_date=when.value if when else None, event_date_precision=when.precision if when else None,
                location=where.name if where else None, location_iso3=where.iso3 if where else None))
        yield from found[-len(cands):]
    # document level: the places the text locates carry the ties to them on (:mod:`kg.extract.chains`)
    yield from located_in_chains(found)
