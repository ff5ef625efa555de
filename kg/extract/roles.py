"""Roles: a relational noun or a title said of an actor, and whose role it is.

:func:`role_candidates` types one role noun said of some holders ("China is North Korea's closest ally",
"Mark Rutte, the Dutch prime minister", "served as the US ambassador to the UN"); the clause rules of
:mod:`~kg.extract.nominal` find the copulas, appositions and "as" phrases that say it. Which kind of role
noun it is picks the construction (:data:`_ROLE_KINDS`):

* a partitive: "one of North Korea's primary allies" (the role is the "of" object);
* a collective: "NATO, an alliance of 32 states" (the members are MEMBER_OF the holder);
* a relational noun or a title: "X is Y's ally", "X, the president of Y" (the owner from the noun's
  possessor, "of" object or nationality: :func:`role_owner`);
* a plain noun with a nationality: "X is a Norwegian civil servant", "a three-year-old Syrian child"
  (AFFILIATED_WITH the state).

:func:`relative_role_candidates` is a rule of its own: the role said in a relative clause, "Jacques Chirac,
who served as President of France", "Hickenlooper, who was a candidate in the Democratic primaries";
and where a person hails from. :func:`predicate_role_candidates` takes the roles naming verbs give ("was
elected a member of X") and roles said as a copula's subject ("the first prime minister of Siam was X").
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Span, Token

from kg.extract.addresses import home_place
from kg.extract.candidate import Candidate, make
from kg.extract.lexicon import Lexicon
from kg.extract.mentions import DocMentions
from kg.extract.modality import modality_of
from kg.extract.modifiers import language_modifier
from kg.extract.parties import party_at
from kg.records import Mention

# Prepositions introducing whose role a role noun names ("director *of* X", "columnist *for* Y", "*at* Z").
_OWNER_PREPS = frozenset({"of", "to", "in", "for", "at", "with"})
# Words whose "of" phrase holds the predicate's real noun ("one of its allies", "more of a critic of Russia").
_PARTITIVES = frozenset({"one", "some", "many", "each", "more", "less", "something", "much", "bit", "kind", "sort"})
# Roles a person can hold under another person (an aide is someone's; a counterpart or a minister is not).
_PERSONAL_STAFF = frozenset([
    "aide", "adviser", "advisor", "spokesman", "spokeswoman", "spokesperson", "assistant", "deputy", "secretary",
    "lawyer", "attorney", "envoy", "representative", "bodyguard", "chief", "confidant", "ally", "protege",
])
# Nouns for a body made of members: "G7 is a group *of* seven countries, the UK, ...", "NATO, an alliance of
# 32 states": the "of" phrase names the members, each MEMBER_OF the holder (not the holder's role).
_COLLECTIVE_NOUNS = frozenset([
    "group", "grouping", "alliance", "bloc", "coalition", "union", "organisation", "organization", "club",
    "association", "federation", "league", "consortium", "partnership", "forum", "body", "community",
])
# Nouns for a political unit whose own "of" object is its name: "mayor of the Polish city *of Gdańsk*",
# "governor of the commonwealth *of Puerto Rico*" (the office is the unit's, not the country's).
_UNIT_NOUNS = frozenset([
    "city", "town", "village", "state", "commonwealth", "province", "territory", "region", "county",
    "district", "municipality", "borough", "prefecture", "emirate", "canton", "island", "republic",
])
# Nouns of a party's contest: "a candidate in the *Democratic primaries*" (the party is the owner).
# Offices of a city or a province: their holder heads the place named, never the state whose seat it is.
LOCAL_OFFICES = frozenset({"mayor", "governor", "alderman", "councillor", "councilor", "lord mayor", "prefect"})
# Nouns that describe a state without naming it ("the African *nation*").
_DESCRIPTIONS = frozenset({"nation", "country", "state", "kingdom", "republic"})
# Dependencies of a nationality word on the noun it describes ("a *Norwegian* civil servant").
_NATIONALITY_DEPS = frozenset({"amod", "compound", "nmod"})
# Nouns of running in a contest ("his *bid* for the Democratic Party's nomination").
_BID_NOUNS = frozenset({"bid", "campaign", "run", "candidacy", "race"})
_CONTEST_NOUNS = frozenset({"primary", "primaries", "nomination", "ticket", "caucus", "caucuses", "convention"})
_COPULAS = frozenset({"be", "remain", "become", "stay", "seem"})
_RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})
# Verbs of where a person comes from ("Kokesh, who *hails* from Arizona").
_ORIGIN_VERBS = frozenset({"hail"})
_PLACE_TYPES = frozenset({"GPE", "LOC"})
# Titles that lead a party ("the Labour *leader*"); other offices a party word modifies are membership.
_PARTY_LEADERS = frozenset({"leader", "chairman", "chairwoman", "chair", "chairperson", "head", "founder"})
# Verbs that give their object (or passive subject) a role named by a second noun ("elected *a member* of X").
_NAMING_VERBS = frozenset({"elect", "reelect", "re-elect", "appoint", "name", "nominate", "crown", "consider"})

RoleBuilder = Callable[[list[Mention], Token, DocMentions, Lexicon, str, bool, str, "Token | None"],
                       Iterator[Candidate]]


def role_owner(noun: Token, ms: DocMentions) -> list[Mention]:
    """Whose ally, member or president a role noun names: possessor, "of" object, or nationality modifier."""
    out = [party_at(c, ms) or m for c in noun.children if c.dep_ in ("poss", "amod", "compound", "nmod")
           and c.i < noun.i and not language_modifier(c) for m in ms.actors_at(c, depth=1)]
    out += [m for c in _nested_nationalities(noun) for m in [ms.at(c)] if m is not None and m.iso3 and m not in out]
    for p in noun.children:
        if p.dep_ == "prep" and p.lower_ in _OWNER_PREPS:
            for o in p.children:
                if o.dep_ == "pobj":
                    out += _owner_in(o, ms)
    return out


def _owner_in(o: Token, ms: DocMentions) -> list[Mention]:
    """The owner a role noun's prepositional object names (see :func:`role_owner`)."""
    if o.lemma_.lower() in _UNIT_NOUNS and o.i not in ms.by_token:
        named = [m for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                 for oo in p.children if oo.dep_ == "pobj" for m in ms.actors_at(oo)]
        if named:
            return named  # "mayor of the Polish city of Gdańsk", "minister of the state of Goa": the unit named
    if o.lemma_.lower() in _DESCRIPTIONS and o.i not in ms.by_token:
        return []  # "president of the African nation": a description, whose state only coreference knows
    if o.lemma_.lower() in _CONTEST_NOUNS or o.lower_ in _CONTEST_NOUNS:
        parties = [p for c in o.children if c.dep_ in ("amod", "compound", "poss", "nmod")
                   for p in [party_at(c, ms)] if p is not None]
        if parties:
            return parties  # "a candidate in the Democratic primaries"
    found = ms.actors_at(o)
    if not found:  # "vice president of daytime programs for ABC Entertainment"
        found = [m for pp in o.children if pp.dep_ == "prep" and pp.lower_ in _OWNER_PREPS
                 for oo in pp.children if oo.dep_ == "pobj" for m in ms.actors_at(oo)]
    return found


def role_candidates(holders: list[Mention], noun: Token, ms: DocMentions, lex: Lexicon, pattern: str,
                    negated: bool, modality: str, *, fallback: Token | None = None) -> Iterator[Candidate]:
    """"X is Y's ally", "X, the Dutch prime minister": the holder takes the role's relation to its owner."""
    if not holders:
        return
    for is_kind, build in _ROLE_KINDS:
        if is_kind(noun):
            yield from build(holders, noun, ms, lex, pattern, negated, modality, fallback)
            return


def _is_partitive(noun: Token) -> bool:
    return noun.lower_ in _PARTITIVES or noun.pos_ == "NUM"


def _partitive(holders: list[Mention], noun: Token, ms: DocMentions, lex: Lexicon, pattern: str,
               negated: bool, modality: str, fallback: Token | None) -> Iterator[Candidate]:
    """"one of North Korea's primary allies", "much more of a critic of Russia": the role is the "of" object."""
    for p in noun.children:
        if p.dep_ == "prep" and p.lower_ == "of":
            for o in p.children:
                if o.dep_ == "pobj":
                    yield from role_candidates(holders, o, ms, lex, pattern, negated, modality)


def _is_collective(noun: Token) -> bool:
    return noun.lemma_.lower() in _COLLECTIVE_NOUNS


def _members(holders: list[Mention], noun: Token, ms: DocMentions, lex: Lexicon, pattern: str,
             negated: bool, modality: str, fallback: Token | None) -> Iterator[Candidate]:
    """"NATO, an alliance of 32 states, the UK, ...": members the "of" phrase names, MEMBER_OF the holder."""
    members = [m for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
               for o in p.children if o.dep_ == "pobj"
               for x in (o, *(a for a in o.children if a.dep_ == "appos")) for m in ms.actors_at(x)]
    for h in holders:
        for m in members:
            c = make(m, h, f"{noun.lemma_.lower()} of", "MEMBER_OF", pattern, negated=negated, modality=modality,
                     coref=ms.coref)
            if c is not None:
                yield c


def _hyphen_prefix(noun: Token) -> list[str]:
    """The words a hyphen joins to a role noun the parser left beside it, not below it: "former *vice-*
    president of Namibia" is parsed "vice", "-", "president" as three appositions (MEMBER_OF, not LEADER_OF)."""
    doc = noun.doc
    i = noun.i
    if i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_ \
            and doc[i - 2].is_alpha and doc[i - 2].head.i != i:
        return [doc[i - 2].text, "-"]
    return []


def _role_type(holders: list[Mention], noun: Token, ms: DocMentions, lex: Lexicon) -> tuple[str | None, bool]:
    """(relation type, whether the noun is relational) of a role noun: "ally" (relational), "president"."""
    entry = lex.noun(noun.lemma_)
    if entry is not None and entry.relational:
        return entry.type, True
    words = [c.text for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i]
    words += _hyphen_prefix(noun)
    words.append(noun.text)
    # a title with its own "of" phrase: "chief of staff" (MEMBER_OF), not "chief" (LEADER_OF)
    of_words = [[*words, "of", o.text] for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                for o in p.children if o.dep_ == "pobj" and o.i not in ms.by_token]
    longer = [t for t in (lex.title(w) for w in of_words) if t is not None and t[1] >= 3]
    title = longer[0] if longer else lex.title(words)
    if title is not None and holders[0].type in ("PERSON", "ORG"):
        return title[0], False
    return None, False


def _titled(holders: list[Mention], noun: Token, ms: DocMentions, lex: Lexicon, pattern: str,
            negated: bool, modality: str, fallback: Token | None) -> Iterator[Candidate]:
    """"X is Y's ally", "Hosni Mubarak, the former President of Egypt": the title's type, to its owner."""
    rtype, relational = _role_type(holders, noun, ms, lex)
    if rtype is None:
        yield from _nationality(holders, noun, ms, lex, pattern, negated, modality)
        return
    owners = role_owner(noun, ms)
    if not owners and fallback is not None:
        # "Mears, columnist for The Associated Press" with "for" hung on the name by the parser
        owners = [m for p in fallback.children if p.dep_ == "prep" and p.lower_ in ("for", "at", "with")
                  and p.i > noun.i for o in p.children if o.dep_ == "pobj" for m in ms.actors_at(o)
                  if m.type == "ORG"]
    if noun.lemma_.lower() in LOCAL_OFFICES:
        owners = [ms.as_place(o) for o in owners]  # "Sobyanin, the mayor of Moscow" heads the city, not Russia
    entry = lex.noun(noun.lemma_)
    if entry is not None and entry.home:
        owners = [home_place(ms, o) for o in owners]  # "a native of Salisbury, N.C.": the town, with its address
    if not relational:
        # a person owns no office, only personal staff: "his Turkish counterpart X" is not MEMBER_OF him,
        # "one of President Zelensky's aides" is
        owners = [o for o in owners if o.type != "PERSON" or noun.lemma_.lower() in _PERSONAL_STAFF]
    # an office of another body makes its party adjective a membership ("the Democratic chairman *of the
    # House Intelligence Committee*" chairs the committee, not the party)
    office_elsewhere = any(not o.name.endswith("Party") for o in owners)
    for owner in owners:
        # a party owns the membership of whoever holds another office ("a Republican member of the House")
        party_member = noun.lemma_.lower() not in _PARTY_LEADERS or office_elsewhere
        otype = "MEMBER_OF" if rtype == "LEADER_OF" and owner.name.endswith("Party") and party_member \
            else lex.owner_type(noun.lemma_, rtype, owner)
        for h in holders:
            c = make(h, owner, noun.lemma_.lower(), otype, pattern, negated=negated, modality=modality,
                     coref=ms.coref)
            if c is not None:
                yield c


def _nationality(holders: list[Mention], noun: Token, ms: DocMentions, lex: Lexicon, pattern: str,
                 negated: bool, modality: str) -> Iterator[Candidate]:
    """"X is a Norwegian civil servant", "Alan Kurdi, a three-year-old Syrian child": a plain noun for a
    person or a body, with a state's nationality word, makes the holder AFFILIATED_WITH that state."""
    if noun.pos_ != "NOUN" or lex.noun(noun.lemma_) is not None or noun.i in ms.by_token:
        return  # an event noun ("a Russian attack") says what happened, not whose the holder is
    mods = [c for c in noun.children if c.dep_ in _NATIONALITY_DEPS and c.i < noun.i and not language_modifier(c)]
    mods += _nested_nationalities(noun)
    states = [m for c in mods if c.ent_type_ == "NORP" or c.pos_ == "ADJ"
              for m in [ms.at(c)] if m is not None and m.iso3]
    for state in states:
        for h in holders:
            if h.type in ("PERSON", "ORG"):
                c = make(h, state, noun.lemma_.lower(), "AFFILIATED_WITH", pattern, negated=negated,
                         modality=modality, coref=ms.coref)
                if c is not None:
                    yield c


def _nested_nationalities(noun: Token) -> list[Token]:
    """Adjectives on a noun's own adjectives: "a *Swedish* Christian democratic politician" (not on a participle:
    "a Russian-speaking teacher" is no Russian)."""
    return [g for c in noun.children if c.dep_ in _NATIONALITY_DEPS and c.i < noun.i and c.pos_ == "ADJ"
            for g in c.children if g.dep_ == "amod" and g.i < c.i and g.pos_ == "ADJ"]


_ROLE_KINDS: tuple[tuple[Callable[[Token], bool], RoleBuilder], ...] = (
    (_is_partitive, _partitive),
    (_is_collective, _members),
    (lambda noun: True, _titled),
)


def relative_role_candidates(sent: Span, ms: DocMentions, lex: Lexicon) -> Iterator[Candidate]:
    """Roles said in a relative clause about the name it hangs on (see the module docstring)."""
    for verb in sent:
        holders = _relative_holders(verb, ms) if verb.dep_ == "relcl" else []
        if not holders:
            continue
        negated, modality = modality_of(verb)
        for c in verb.children:
            if c.dep_ in ("attr", "oprd") and verb.lemma_ in _COPULAS:
                # "Hickenlooper, who was a candidate in the Democratic primaries"
                yield from role_candidates(holders, c, ms, lex, "copular", negated, modality)
            elif c.dep_ == "prep" and c.lower_ == "as":
                # "Jacques Chirac, who served as President of France"
                for o in c.children:
                    if o.dep_ == "pobj" and o.i not in ms.by_token:
                        yield from role_candidates(holders, o, ms, lex, "apposition", negated, modality)
            elif c.dep_ == "prep" and c.lower_ == "from" and verb.lemma_ in _ORIGIN_VERBS:
                yield from _origin(holders, c, ms)


def predicate_role_candidates(sent: Span, ms: DocMentions, lex: Lexicon) -> Iterator[Candidate]:
    """Roles given by a naming verb or said the other way round by a copula:

    * "Gahn was elected a member of the Royal Swedish Academy", "Mugabe was considered the founding father of
      Zimbabwe", "they appointed Vital prime minister of Madagascar", "to elect Johnson as the new leader";
    * "the first prime minister of Siam was Phraya Manopakorn" (the role is the subject, the name the predicate).
    """
    for verb in sent:
        if verb.lemma_.lower() in _NAMING_VERBS:
            holders = [m for c in verb.children if c.dep_ in ("nsubjpass", "dobj") for m in ms.actors_at(c, depth=0)]
            negated, modality = modality_of(verb)
            for c in verb.children:
                if c.dep_ in ("oprd", "attr", "xcomp") and c.pos_ in ("NOUN", "PROPN") and c.i not in ms.by_token:
                    yield from role_candidates(holders, c, ms, lex, "copular", negated, modality)
                elif c.dep_ == "prep" and c.lower_ == "as":  # "to elect Boris Johnson as the new Conservative leader"
                    for o in (x for x in c.children if x.dep_ == "pobj" and x.i not in ms.by_token):
                        yield from role_candidates(holders, o, ms, lex, "copular", negated, modality)
        elif verb.lemma_ in _COPULAS:
            yield from _role_as_subject(verb, ms, lex)
        if verb.pos_ in ("NOUN", "PROPN") and verb.i not in ms.by_token:
            yield from _name_after_scope(verb, ms, lex)
        if verb.lemma_.lower() in _BID_NOUNS:
            yield from _bid_for_nomination(verb, ms)


def _bid_for_nomination(bid: Token, ms: DocMentions) -> Iterator[Candidate]:
    """"Sanders ended his bid for the Democratic Party's nomination", "Wesley Clark's campaign for the
    Democratic Party's presidential nomination": who runs in a party's contest is of that party."""
    holders = [m for c in bid.children if c.dep_ == "poss" for m in ms.actors_at(c, depth=0)
               if m.type == "PERSON"]
    for p in (c for c in bid.children if c.dep_ == "prep" and c.lower_ == "for"):
        for contest in (o for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() in _CONTEST_NOUNS):
            for party in (x for c in contest.children if c.dep_ in ("poss", "compound", "amod")
                          for x in [party_at(c, ms)] if x is not None):
                for h in holders:
                    c = make(h, party, f"{bid.lemma_.lower()} for nomination", "AFFILIATED_WITH", "copular",
                             coref=ms.coref)
                    if c is not None:
                        yield c


def _name_after_scope(noun: Token, ms: DocMentions, lex: Lexicon) -> Iterator[Candidate]:
    """"the President of Poland, Lech Wałęsa, attended": the name after a comma the parser took for a
    conjunct of the title's "of" object (no "and" between, so it is an apposition to the title)."""
    for p in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
        for o in (c for c in p.children if c.dep_ == "pobj" and c.i in ms.by_token):
            names = [c for c in o.children
                     if c.dep_ == "conj" and c.i > o.i and noun.doc[c.left_edge.i - 1].text == ","]
            if any(c.dep_ == "cc" for c in o.children) or not names:
                continue
            holders = [m for c in names for m in [ms.at(c)] if m is not None and m.type == "PERSON"]
            yield from role_candidates(holders, noun, ms, lex, "apposition", False, "asserted")


def _role_as_subject(verb: Token, ms: DocMentions, lex: Lexicon) -> Iterator[Candidate]:
    """"The regional commissioner of the Morogoro Region is Dr. Kebwe Steven Kebwe"."""
    roles = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN" and c.i not in ms.by_token]
    names = [m for c in verb.children if c.dep_ == "attr" for m in ms.actors_at(c, depth=0) if m.type == "PERSON"]
    if roles and names:
        negated, modality = modality_of(verb)
        yield from role_candidates(names, roles[0], ms, lex, "copular", negated, modality)


def _relative_holders(verb: Token, ms: DocMentions) -> list[Mention]:
    """The named actors a relative clause is about: "*Chirac*, who served as ..."."""
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _RELATIVE_PRONOUNS for c in verb.children):
        return []
    head = verb.head
    if head.dep_ == "appos" and head.i not in ms.by_token:
        head = head.head  # "Pranab Mukherjee, a career politician who served as President of India"
    return [m for m in ms.actors_at(head, depth=0) if m.type in ("PERSON", "ORG")]


def _origin(holders: list[Mention], prep: Token, ms: DocMentions) -> Iterator[Candidate]:
    """"Kokesh, who hails from Arizona": AFFILIATED_WITH the place."""
    for o in prep.children:
        for place in (m for m in ms.actors_at(o) if m.type in _PLACE_TYPES or m.iso3):
            for h in holders:
                c = make(h, ms.as_place(place), "hail from", "AFFILIATED_WITH", "of_place", coref=ms.coref)
                if c is not None:
                    yield c
