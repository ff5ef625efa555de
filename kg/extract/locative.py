"""The constructions that say where an event happened, one small function each, tried in the order of
:data:`CONSTRUCTIONS` (the first that finds a place wins).

Each takes a :class:`PlaceQuery` (one relation, its scope and the sentence's places from
:mod:`kg.extract.where`) and gives a :class:`~kg.extract.where.Where` or ``None``. None of them looks
past the sentence, and none takes a place that only says where an actor is ("Iran's embassy *in London*
criticised ...") but for the doers of a physical act ("US troops *in Syria* attacked ...": the attack was
there; not "officials in Kyiv accused ..."), nor a place of a clause the relation is not in: a reporting
verb's place ("officials said *in Geneva* that Russia had attacked") is where the saying was, not the
event, and is never taken.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import chain

from spacy.tokens import Doc, Token

from kg.extract.event_nouns import event_noun
from kg.extract.lexicon import Lexicon
from kg.extract.scope import CLAUSE_POS, Scope
from kg.extract.where import DESTINATION_PREPS, PlaceMention, Where
from kg.records import Mention

# Nouns of a gathering, a place named with which is where what happens at it happens ("a summit *in Cairo*
# where X and Y signed"); an event noun of the lexicon counts too ("a rally in Minsk").
SETTING_NOUNS = frozenset({"summit", "meeting", "conference", "talks", "ceremony", "rally", "convention",
                           "session", "congress", "forum", "gathering", "event", "visit", "trip", "tour",
                           "speech", "address", "interview", "debate", "hearing", "trial",
                           "funeral", "parade", "march", "protest", "demonstration", "operation", "raid",
                           "airstrike", "strike", "attack", "bombing", "election", "vote", "referendum"})
# Verbs whose object is an event they stage or join: its place is theirs ("held a rally *in Minsk*",
# "carried out the airstrike *at Baghdad airport*"); not "criticised the summit in Helsinki".
STAGING_VERBS = frozenset({"hold", "attend", "host", "stage", "carry", "conduct", "launch", "organise",
                           "organize", "join", "lead", "convene", "mount", "give", "deliver", "make", "open",
                           "begin", "start", "chair"})
# Prepositions that set an event in a gathering ("*at* a summit in Cairo", "*during* talks in Doha", "killed
# *in* an attack in Kabul"); not "on", "with" or "amid" ("commented on the strikes in Idlib", "amid protests
# in Minsk": the other event's place, not this one's).
SETTING_PREPS = frozenset({"at", "during", "in"})
# Subordinators of a participle clause that shares its place with the main clause ("*while* visiting Kyiv").
_SHARED_MARKS = frozenset({"while", "when", "during"})
# Relation types whose patient's place is the event's: a jet shot down near Tehran was hit there.
PATIENT_TYPES = frozenset({"ASSAULT"})
# Dependencies by which a relation's clause shares a fronted phrase of the main verb ("In Kabul, gunmen
# stormed the ministry and *killed* ten", "... agreed *to release* ..."); not ccomp (a reported clause).
_FRAME_DEPS = frozenset({"conj", "xcomp"})
# Prepositions of a fronted place ("*In* Kabul, ...", "*From* Israel, Pompeo spoke").
_FRONTED_PREPS = frozenset({"in", "at", "near", "from", "outside", "inside"})
# Relation types of physical force, done where the doer is: "US troops *in Syria* attacked", "police *in
# Minsk* detained"; not verbal events ("officials in Kyiv accused ...": the accusation may be made anywhere).
AGENT_PLACE_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST"})
# Dependencies by which an agent names the people who act ("*US* troops", "*Russia's* forces").
_AGENT_NOUN_DEPS = frozenset({"compound", "amod", "poss", "nmod"})
# Relation types of force whose target may be a place, named as where it was done: "a US airstrike *in
# Iraq*" (ASSAULT Iraq, in Iraq), "Turkish army deployments *in Libya*".
TARGET_PLACE_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST"})
# Of those, the ones whose direct object is where they happened: "shelled Kabul", "strikes on Idlib",
# "moving into Northern Syria" (a state so hit is the place at country precision); not "pressured Ukraine".
OBJECT_PLACE_TYPES = frozenset({"ASSAULT", "MOBILIZE"})


@dataclass(frozen=True, slots=True)
class PlaceQuery:
    """One relation's question: where did it happen? Its scope, its ends and the sentence's places."""

    doc: Doc
    scope: Scope
    ends: tuple[Mention, Mention]
    end_heads: tuple[int, int]
    relation_type: str
    places: list[PlaceMention]
    visits: list[PlaceMention]
    place_ok: Callable[[int], bool]  # the tokens a place may hang from for this relation (see setting.py)
    lex: Lexicon
    seat_ends: frozenset[int] = frozenset()  # start offsets of ends that name a state by its seat
    dateline: PlaceMention | None = None  # the dateline's town, given for a document's lead sentences only
    targets: list[PlaceMention] = field(default_factory=list)  # places named as an act's object ("hit Kabul")

    def not_end(self, p: PlaceMention) -> bool:
        return p.mention.start not in (self.ends[0].start, self.ends[1].start)

    def nearest(self, found: Iterator[PlaceMention]) -> Where | None:
        """The found place whose anchor lies nearest the relation's predicate."""
        best = min(found, key=lambda p: (self.scope.depth.get(p.anchor, 99), abs(p.anchor - self.scope.top)),
                   default=None)
        return best.where if best is not None else None


def own_phrase(q: PlaceQuery) -> Where | None:
    """A place on the relation's own verb or event noun: "met Kim *in Cairo*", "struck the cathedral *in Jolo*"."""
    return q.nearest(p for p in q.places if q.not_end(p) and q.scope.owns(p.anchor, p.start) and q.place_ok(p.anchor))


def _is_setting_noun(tok: Token, lex: Lexicon) -> bool:
    """A gathering or an event noun of the lexicon; not a relational noun ("its allies in Syria")."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    entry = event_noun(tok, lex)
    return tok.lemma_.lower() in SETTING_NOUNS or (entry is not None and not entry.relational)


def _staged_by(noun: Token, q: PlaceQuery) -> bool:
    """Whether ``noun`` is an event the relation's own verb stages or is set in ("held *a rally*",
    "signed it *at a summit*", "met *during talks*")."""
    if noun.dep_ == "dobj":
        verb = noun.head
        return verb.i in q.scope.depth and verb.pos_ in CLAUSE_POS and verb.lemma_.lower() in STAGING_VERBS
    if noun.dep_ == "pobj" and noun.head.lower_ in SETTING_PREPS:
        host = noun.head.head
        return host.i in q.scope.depth and host.i != noun.i and not _destination(noun.head)
    return False


def _destination(prep: Token) -> bool:
    return prep.lower_ in DESTINATION_PREPS


def staged_event(q: PlaceQuery) -> Where | None:
    """A place on the event the relation's verb stages or is set in: "held a rally *in Minsk*", "signed the
    deal at a summit *in Cairo*", "returned with a rally *in Sanford*"."""
    doc = q.doc
    return q.nearest(p for p in q.places if q.not_end(p) and _is_setting_noun(doc[p.anchor], q.lex)
                     and _staged_by(doc[p.anchor], q))


def after_apposition(q: PlaceQuery) -> Where | None:
    """A place after an apposition on an end, which the parser hung on the end: "met with Khalilzad, a US
    envoy, *in Qatar*" (the meeting's place, not the envoy's)."""
    doc = q.doc

    def closes_apposition(p: PlaceMention) -> bool:
        head = doc[p.anchor]
        return p.anchor in q.end_heads and p.start > 0 and doc[p.start - 1].text == "," and \
            any(c.dep_ == "appos" and c.i < p.start for c in head.children) and head.head.i in q.scope.depth
    return q.nearest(p for p in q.places if q.not_end(p) and closes_apposition(p))


def adverbial_noun(q: PlaceQuery) -> Where | None:
    """A place on a bare noun phrase of the relation's verb: "had met for a summit, that time *in Athens*"."""
    doc = q.doc
    return q.nearest(p for p in q.places if q.not_end(p) and doc[p.anchor].dep_ == "npadvmod"
                     and doc[p.anchor].head.i in q.scope.depth and doc[p.anchor].head.pos_ in CLAUSE_POS)


def visit_destination(q: PlaceQuery) -> Where | None:
    """Where the relation's actor is on a visit: "met Duda *during a visit to Warsaw*", "*while visiting
    Beijing*, Putin met Xi", "traveled *to Sarajevo* with Dole"."""
    doc = q.doc

    def sets_relation(p: PlaceMention) -> bool:
        visit = doc[p.anchor]
        if visit.i == q.scope.top:  # "traveled to Sarajevo with Dole": the visit is the relation's own
            return True
        if visit.pos_ in CLAUSE_POS:  # "while visiting Beijing": a participle clause of the relation's verb
            return _framing_participle(visit) and visit.head.i in q.scope.depth
        prep = visit.head
        return visit.dep_ == "pobj" and prep.lower_ in ("during", "on") and prep.head.i in q.scope.depth
    return q.nearest(p for p in q.visits if q.not_end(p) and sets_relation(p))


def shared_clause(q: PlaceQuery) -> Where | None:
    """A place on a participle clause of the relation's verb that says where its subject was: "Biden, *while
    campaigning in Michigan*, called ...", "*Speaking in Kyiv*, Blinken warned Russia"."""
    doc = q.doc

    def frames_relation(p: PlaceMention) -> bool:
        clause = doc[p.anchor]
        return clause.tag_ == "VBG" and clause.head.i == q.scope.top and _framing_participle(clause)
    return q.nearest(p for p in q.places if q.not_end(p) and frames_relation(p))


def _framing_participle(clause: Token) -> bool:
    """An adverbial clause that shares its place with the verb above it: after "while" or "when", or a bare
    participle before that verb ("*Speaking in Kyiv*, Blinken warned ...")."""
    marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
    return clause.dep_ == "advcl" and marks <= _SHARED_MARKS and (bool(marks) or clause.i < clause.head.i)


def setting_clause(q: PlaceQuery) -> Where | None:
    """The place of the gathering whose clause the relation is in: "met in Niamey for an AU summit *where*
    Buhari and Talon signed the agreement", "the summit in Cairo, at which ..."."""
    doc = q.doc
    clause = doc[q.scope.top]
    if clause.dep_ != "relcl" or not _is_setting_noun(clause.head, q.lex):
        return None
    noun = clause.head
    hosts = {noun.i}
    if noun.dep_ == "pobj" and noun.head.lower_ in ("for", "at", "during", "to") and noun.head.head.pos_ in CLAUSE_POS:
        hosts.add(noun.head.head.i)  # "met in Niamey for a summit where": the meeting's place
    elif noun.dep_ == "dobj" and noun.head.lemma_.lower() in STAGING_VERBS:
        hosts.add(noun.head.i)  # "delivered a speech in Delaware in which he called Trump ...": the speech's place
    return next((p.where for p in q.places if q.not_end(p) and p.anchor in hosts and p.start != clause.i), None)


def _frame_root(tok: Token) -> Token | None:
    """The main verb whose fronted phrase covers ``tok``'s clause, through "and" and "to" clauses only."""
    cur = tok
    for _ in range(6):
        if cur.dep_ == "ROOT":
            return cur
        if cur.dep_ not in _FRAME_DEPS or cur.pos_ not in CLAUSE_POS:
            return None
        cur = cur.head
    return None


def fronted_place(q: PlaceQuery) -> Where | None:
    """A place fronted before the main clause, the frame of its verbs: "*In Kabul*, gunmen stormed the
    ministry and killed ten", "*From Israel*, Pompeo spoke, ..." (a reported clause is not framed)."""
    doc = q.doc
    root = _frame_root(doc[q.scope.top])
    if root is None:
        return None
    for p in q.places:
        prep = doc[p.start]
        if p.anchor == root.i and q.not_end(p) and prep.i < root.i and _before_comma(prep, root):
            return p.where
    return None


def _before_comma(prep: Token, root: Token) -> bool:
    """Whether ``prep`` opens the sentence (after a date at most) and a comma closes its phrase."""
    first = prep.sent.start
    lead = [t for t in prep.doc[first:prep.i] if not (t.ent_type_ in ("DATE", "TIME") or t.is_punct)]
    return not lead and any(t.text == "," for t in prep.doc[prep.i:root.i])


def patient_phrase(q: PlaceQuery) -> Where | None:
    """A place on the thing an attack hits, the object a modifier of it: "shot down a Ukrainian jet *near
    Tehran*" (the jet was hit there)."""
    if q.relation_type not in PATIENT_TYPES:
        return None
    doc = q.doc

    def holds_object(p: PlaceMention) -> bool:
        thing = doc[p.anchor]
        return thing.dep_ in ("dobj", "nsubjpass") and thing.head.i in q.scope.depth and \
            doc[q.end_heads[1]].head.i == thing.i and doc[q.end_heads[1]].dep_ in ("amod", "compound", "poss")
    return q.nearest(p for p in q.places if q.not_end(p) and holds_object(p))


def agent_phrase(q: PlaceQuery) -> Where | None:
    """A place on the people who do a physical act, the subject of its verb: "US troops *in Syria* attacked
    ISIS" (the attack was in Syria); a verbal event's agent is not placed so."""
    if q.relation_type not in AGENT_PLACE_TYPES:
        return None
    doc = q.doc
    agent = doc[q.end_heads[0]]
    nouns = {agent.i, agent.head.i} if agent.dep_ in _AGENT_NOUN_DEPS else {agent.i}

    def on_agent(p: PlaceMention) -> bool:
        noun = doc[p.anchor]
        return p.anchor in nouns and p.start > p.anchor and noun.dep_ == "nsubj" and \
            noun.head.i in q.scope.depth and noun.head.pos_ in CLAUSE_POS
    return q.nearest(p for p in q.places if q.not_end(p) and on_agent(p))


def target_place(q: PlaceQuery) -> Where | None:
    """The relation's target named as a place on the relation's own phrase: "a US airstrike *in Iraq*"
    (ASSAULT Iraq, in Iraq), "carried out the airstrike *at Baghdad International Airport*", "Russia
    strikes *Ukraine*"."""
    if q.relation_type not in TARGET_PLACE_TYPES:
        return None
    named = chain(q.places, q.targets if q.relation_type in OBJECT_PLACE_TYPES else ())
    # a seat named for its state ("a rally in Minsk", PROTEST Belarus) is :func:`seat_named_end`'s
    return q.nearest(p for p in named if p.mention.start == q.ends[1].start and p.mention.start not in q.seat_ends
                     and q.scope.owns(p.anchor, p.start) and q.place_ok(p.anchor))


def seat_named_end(q: PlaceQuery) -> Where | None:
    """A seat of power the relation reads as its state, named as the setting or the visit's destination:
    "held a rally *in Minsk*" (PROTEST Belarus, in Minsk), "Putin's visit *to Pyongyang*" (CONSULT North
    Korea, in Pyongyang): the city is the place, the state the actor."""
    doc = q.doc
    set_in = (p for p in q.places if p.mention.start in q.seat_ends and not q.not_end(p) and (
        (q.scope.owns(p.anchor, p.start) and q.place_ok(p.anchor))
        or (_is_setting_noun(doc[p.anchor], q.lex) and _staged_by(doc[p.anchor], q))))
    visited = (p for p in q.visits if p.mention.start in q.seat_ends and not q.not_end(p)
               and p.anchor in q.scope.depth)
    return q.nearest(chain(set_in, visited))


def lead_dateline(q: PlaceQuery) -> Where | None:
    """The dateline's town for an event of the lead that names no place: "KABUL (Reuters) - Gunmen stormed
    the ministry" (the caller gives the dateline only to the first sentences)."""
    return q.dateline.where if q.dateline is not None and q.not_end(q.dateline) else None


# Constructions whose place is one of the relation's ends by design.
_NAMES_AN_END = frozenset({"target_place"})

#: The constructions, most direct first: the first to name a place gives the event its location.
CONSTRUCTIONS: tuple[tuple[str, Callable[[PlaceQuery], Where | None]], ...] = (
    ("own_phrase", own_phrase),
    ("staged_event", staged_event),
    ("patient_phrase", patient_phrase),
    ("agent_phrase", agent_phrase),
    ("target_place", target_place),
    ("after_apposition", after_apposition),
    ("adverbial_noun", adverbial_noun),
    ("visit_destination", visit_destination),
    ("shared_clause", shared_clause),
    ("setting_clause", setting_clause),
    ("fronted_place", fronted_place),
    ("seat_named_end", seat_named_end),
    ("lead_dateline", lead_dateline),
)


def event_location(q: PlaceQuery) -> Where | None:
    """Where the relation of ``q`` happened, by the first construction of :data:`CONSTRUCTIONS` that says it."""
    actors = {q.ends[0].name, q.ends[1].name}
    for name, construction in CONSTRUCTIONS:
        found = construction(q)
        # the place is no actor of the relation, but for a target that is itself the place
        if found is not None and (found.name not in actors or name in _NAMES_AN_END):
            return found
    return None
