"""Who takes part in a verb: its subjects (own, shared, raised, relative or controlled), its passive agents,
the addressees of a request, and the lexicon entry that steers them.

Used by :mod:`~kg.extract.clauses`; kept apart so each module has one topic.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Token

from kg.extract.heads import phrase_actors
from kg.extract.lexicon import Lexicon, VerbEntry
from kg.extract.mentions import DocMentions
from kg.records import Mention

SUBJ_DEPS = frozenset({"nsubj", "csubj"})
PASS_SUBJ_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJ_DEPS = frozenset({"dobj", "dative", "obj", "oprd"})
# Relative pronouns: the relative clause's subject is the noun it modifies.
RELATIVE = frozenset({"who", "which", "that", "whom"})
VERB_POS = frozenset({"VERB", "AUX"})
# Nouns for an armed force, whose victories are fights ("US *troops* defeated ISIS").
FORCE_NOUNS = frozenset({"troop", "troops", "force", "forces", "army", "military", "soldier", "fighter", "militia",
                         "rebel", "navy", "coalition", "militant", "insurgent", "guerrilla", "jihadist", "police"})
# Pronouns that, in a quotation, stand for the speaker ("'*We* will respond,' said Erdogan").
FIRST_PERSON = frozenset({"i", "we"})
FIRST_PERSON_OBJECTS = frozenset({"me", "us"})
# How many clause levels a quoted verb may sit below its verb of saying.
_QUOTE_DEPTH = 5
# Nouns of a military or police action whose named owner did a passive verb's deed ("killed in a US raid").
_OPERATION_NOUNS = frozenset({
    "operation", "raid", "strike", "airstrike", "attack", "bombing", "offensive", "shelling", "ambush",
    "crackdown", "assault", "drone", "missile", "rocket"
})


def particle(v: Token) -> str | None:
    return next((c.lower_ for c in v.children if c.dep_ == "prt"), None)


def verb_entry(v: Token, lex: Lexicon, prep: str | None = None, noun: str | None = None) -> VerbEntry | None:
    """``v``'s lexicon row for its particle, ``prep`` and ``noun``, in the sense its subject gives it: "US
    *troops* defeated ISIS" is an attack where "Caloundra defeated Wynnum" is a match (rows with
    ``force_type`` take it when the subject is an armed force)."""
    entry = lex.verb(v.lemma_, prt=particle(v), prep=prep, noun=noun)
    if entry is not None and entry.goods and noun is None:
        # "gave a speech to the Duma", "hosted a dinner for Merkel": the object noun says the act, if any;
        # "sent troops to Syria": the object's own row does (MOBILIZE, not AID)
        entry = _object_sense(v, entry, lex)
    if entry is None or entry.force_type is None:
        return entry
    armed = any(c.dep_ in SUBJ_DEPS and c.lemma_.lower() in FORCE_NOUNS for c in v.children)
    return replace(entry, type=entry.force_type) if armed else entry


def _object_sense(v: Token, entry: VerbEntry, lex: Lexicon) -> VerbEntry:
    """A goods verb's row as its common-noun object makes it: the object's own row ("sent *troops*"), the row
    itself for goods ("sent *weapons*"), else a light verb ("gave a *speech*")."""
    for c in v.children:
        if c.dep_ not in ("dobj", "nsubjpass") or c.pos_ != "NOUN" or c.ent_type_:
            continue
        own = lex.verb(entry.lemma, prt=entry.prt, noun=c.lemma_.lower())
        if own is not None and own.noun:
            return own
        if not (lex.is_goods(c.lemma_) or lex.is_goods(c.lower_)):
            return replace(entry, type=None, light=True)
    return entry


def is_passive(v: Token) -> bool:
    """"was invaded by", "the coalition led by the US" (a participle on a noun), but not "the allegation that
    Biden had pressured Ukraine" (a content clause the parser hung as "acl", with a subject of its own)."""
    return any(c.dep_ in PASS_SUBJ_DEPS or c.dep_ == "auxpass" for c in v.children) or (
        v.dep_ == "acl" and v.tag_ == "VBN" and not any(c.dep_ in SUBJ_DEPS for c in v.children))


def subjects(v: Token, ms: DocMentions, lex: Lexicon, depth: int = 0) -> tuple[list[Mention], bool]:
    """The actors doing ``v`` and whether they were inherited from another verb; passive agents included.

    A verb with no subject of its own takes one from the first construction of :data:`_INHERITED_SUBJECTS`
    that applies (each returns ``None`` when it does not).
    """
    if is_passive(v):
        return agents(v, ms), False
    own = [c for c in v.children if c.dep_ in SUBJ_DEPS]
    if own:
        return [m for s in own for m in _own_subject(v, s, ms, lex)], False
    if depth > 3:
        return [], True
    for construction in _INHERITED_SUBJECTS:
        found = construction(v, ms, lex, depth)
        if found is not None:
            return found, True
    return [], False


def _own_subject(v: Token, s: Token, ms: DocMentions, lex: Lexicon) -> list[Mention]:
    """"Booth, who assassinated Lincoln": a relative pronoun stands for the noun its clause modifies;
    "'I count on Turkey,' Stoltenberg said": a quoted "I" or "we" is the speaker."""
    if s.lower_ in RELATIVE and v.dep_ == "relcl":
        # the clause says nothing of conjuncts after it: "Jack Ruby, who killed Oswald, and Jim Bakker"
        before = [m for m in ms.actors_at(v.head) if m.start - ms.char_offset < s.idx]
        return before or _instrument_user(v.head, ms, lex)
    found = phrase_actors(s, ms)
    if not found and s.lower_ in FIRST_PERSON:
        return speakers(v, ms, lex)
    return found + modifier_conjuncts(s, ms, found)


def modifier_conjuncts(tok: Token, ms: DocMentions, found: list[Mention]) -> list[Mention]:
    """"*Israeli and Palestinian* leaders met": the actors of conjoined modifiers of a noun, beyond the first."""
    out: list[Mention] = []
    for mod in (c for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i):
        for conj in mod.conjuncts:
            out += [m for m in ms.actors_at(conj, depth=0) if m not in found and m not in out]
    return out


def _instrument_user(noun: Token, ms: DocMentions, lex: Lexicon) -> list[Mention]:
    """"Oswald fired the shots *that* killed Kennedy", "Congress passed a law that sanctions Iran": a relative
    clause on a thing someone used or made is that someone's deed."""
    if noun.dep_ in OBJ_DEPS and noun.head.pos_ in VERB_POS and noun.pos_ == "NOUN":
        return subjects(noun.head, ms, lex)[0]
    return []


def speakers(v: Token, ms: DocMentions, lex: Lexicon) -> list[Mention]:
    """Who said the clause ``v`` is in: the subject of the verb of saying it is reported by ("'I count on Turkey
    to act with restraint,' Stoltenberg said"), also when the parser hangs that verb on the quote ("'We will
    respond,' said Erdogan" as parataxis)."""
    tok, reported = v, False
    for _ in range(_QUOTE_DEPTH):
        for c in tok.children:
            if c.dep_ == "parataxis" and _is_report(c, lex):
                return _named_subjects(c, ms)
        if tok.head.i == tok.i:
            break
        reported = reported or tok.dep_ == "ccomp"
        tok = tok.head
        if reported and _is_report(tok, lex):
            return _named_subjects(tok, ms)
    return []


def _is_report(tok: Token, lex: Lexicon) -> bool:
    entry = verb_entry(tok, lex) if tok.pos_ in VERB_POS else None
    return entry is not None and entry.report


def _named_subjects(v: Token, ms: DocMentions) -> list[Mention]:
    """A verb of saying's own named subjects ("'I will go,' I said" has no named speaker)."""
    # (a guessed "he" said it: too weak a link; "the Senate Minority Leader, Chuck Schumer": Schumer speaks)
    return [m for c in v.children if c.dep_ in SUBJ_DEPS and c.lower_ not in FIRST_PERSON
            for x in (c, *(a for a in c.children if a.dep_ == "appos")) for m in ms.actors_at(x, depth=0)
            if m.start not in ms.coref]


def _inherit(v: Token, ms: DocMentions, lex: Lexicon, depth: int) -> list[Mention]:
    return subjects(v, ms, lex, depth + 1)[0]


def _conjoined_verb(v: Token, ms: DocMentions, lex: Lexicon, depth: int) -> list[Mention] | None:
    """"toured a factory and met Shoigu": a conjoined verb shares its first conjunct's subject, unless the
    parser hung its own subject on the first verb's object ("defeated ISIS and Turkey would be moving")."""
    if v.dep_ == "conj" and v.head.pos_ in VERB_POS:
        stranded = stranded_subject(v)
        return ms.actors_at(stranded, depth=0) if stranded is not None else _inherit(v.head, ms, lex, depth)
    return None


def stranded_subject(v: Token) -> Token | None:
    """"US troops had defeated ISIS and *Turkey* would be moving into Syria": the conjunct object just before a
    conjoined verb's auxiliary is that verb's subject, misattached."""
    if v.dep_ != "conj" or any(c.dep_ in SUBJ_DEPS or c.dep_ in PASS_SUBJ_DEPS for c in v.children):
        return None
    aux = next((c for c in v.children if c.dep_ in ("aux", "auxpass") and c.i < v.i), None)
    if aux is None or aux.i == 0:
        return None
    prev = v.doc[aux.i - 1]
    noun = prev if prev.dep_ == "conj" else prev.head if prev.head.dep_ == "conj" and prev.head.i > prev.i else None
    if noun is None:
        return None
    first = noun.head
    while first.dep_ == "conj":
        first = first.head
    return noun if first.dep_ in OBJ_DEPS and first.head.i == v.head.i else None


def _adjective_gerund(v: Token, ms: DocMentions, lex: Lexicon, depth: int) -> list[Mention] | None:
    """"was more forceful in blaming Iran": the gerund under an adjective's preposition is the verb's subject's."""
    head = v.head
    if v.dep_ == "pcomp" and head.head.pos_ == "ADJ" and head.head.head.pos_ in VERB_POS:
        return _inherit(head.head.head, ms, lex, depth)
    return None


# Prepositions whose gerund the governing verb's subject does ("warned Russia *after* meeting Zelensky", "hit
# Iran *by* imposing sanctions"), unlike "accused Tehran *of* supplying", "stopped Kyiv *from* joining".
_SUBJECT_GERUND_PREPS = frozenset({"after", "before", "since", "upon", "on", "while", "without", "by", "despite",
                                   "through", "when", "besides", "following"})


def _controlled(v: Token, ms: DocMentions, lex: Lexicon, depth: int) -> list[Mention] | None:
    """"plans to visit", "urged Pyongyang to return", "accused Tehran of supplying": an open complement or a
    verb's gerund takes its subject from the governing verb (its object, addressee or raised subject)."""
    if not (v.dep_ == "xcomp" or (v.dep_ == "pcomp" and v.head.head.pos_ in VERB_POS)):
        return None
    gov = v.head if v.dep_ == "xcomp" else v.head.head
    entry = verb_entry(gov, lex)
    objs = [m for c in gov.children if c.dep_ in OBJ_DEPS for m in ms.actors_at(c)]
    # "warned Russia *after* meeting Zelensky": a gerund of time or manner is the subject's, not the object's
    object_gerund = v.dep_ == "pcomp" and v.head.lower_ not in _SUBJECT_GERUND_PREPS
    if objs and (object_gerund or (entry is not None and entry.object_control)):
        return objs  # "urged Pyongyang to return", "accused Tehran of supplying"
    addressed = _addressees(gov, ms, lex) if v.dep_ == "xcomp" else []
    if addressed:
        return addressed  # "called on Russia to withdraw": Russia withdraws, not the callers
    if v.dep_ == "pcomp" and is_passive(gov):
        # "Sirhan was convicted of assassinating Kennedy", "Ray, convicted of assassinating King":
        # the one convicted (accused, charged) is who did the gerund's deed
        held = [m for c in gov.children if c.dep_ in PASS_SUBJ_DEPS for m in ms.actors_at(c)]
        return held or (ms.actors_at(gov.head) if gov.dep_ == "acl" else [])
    if v.dep_ == "xcomp" and is_passive(gov) and not agents(gov, ms):
        # "Erdogan is expected (due, set, said) to visit Hungary": the raised subject does the visiting
        return [m for c in gov.children if c.dep_ in PASS_SUBJ_DEPS for m in ms.actors_at(c)]
    return _inherit(gov, ms, lex, depth)


def _participle_clause(v: Token, ms: DocMentions, lex: Lexicon, depth: int) -> list[Mention] | None:
    """"..., providing support to the state": an adverbial participle is its main verb's subject's."""
    if v.dep_ == "advcl" and v.tag_ in ("VBG", "VBN") and v.head.pos_ in VERB_POS:
        return _inherit(v.head, ms, lex, depth)
    return None


def _relative_clause(v: Token, ms: DocMentions, lex: Lexicon, depth: int) -> list[Mention] | None:
    """"the militia that attacked the base": a relative clause without a subject is its noun's."""
    return ms.actors_at(v.head) if v.dep_ == "relcl" else None


def _medium_gerund(v: Token, ms: DocMentions, lex: Lexicon, depth: int) -> list[Mention] | None:
    """"posted a message on Twitter blaming Iran": the medium or place does not blame; the poster does
    (also with "on" hung on "message")."""
    if v.dep_ != "acl" or v.tag_ != "VBG" or v.head.dep_ != "pobj" or v.head.head.lower_ not in _MEDIUM_PREPS:
        return None
    holder = v.head.head.head
    if holder.pos_ in VERB_POS:
        return _inherit(holder, ms, lex, depth)
    if holder.dep_ in OBJ_DEPS and holder.head.pos_ in VERB_POS:
        return _inherit(holder.head, ms, lex, depth)
    return None


def _actor_gerund(v: Token, ms: DocMentions, lex: Lexicon, depth: int) -> list[Mention] | None:
    """"United Kingdom officials asking the United States to ...": a gerund on an actor is the actor's."""
    if v.dep_ == "acl" and v.tag_ == "VBG" and ms.at(v.head) is not None:
        return ms.actors_at(v.head)
    return None


def _object_gerund(v: Token, ms: DocMentions, lex: Lexicon, depth: int) -> list[Mention] | None:
    """"launched missiles targeting US troops": a gerund on a verb's object is the verb's subject's."""
    if v.dep_ == "acl" and v.tag_ == "VBG" and v.head.dep_ in OBJ_DEPS and v.head.head.pos_ in VERB_POS:
        return _inherit(v.head.head, ms, lex, depth)
    return None


def _noun_complement(v: Token, ms: DocMentions, lex: Lexicon, depth: int) -> list[Mention] | None:
    """"voted on a resolution *to expel* US troops", "is in the process *of leaving* the EU": an infinitive or
    "of" gerund completing a noun is done by the subject of the verb that noun belongs to."""
    if v.dep_ == "acl" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in v.children):
        noun = v.head
    elif v.dep_ == "pcomp" and v.head.lower_ == "of" and v.head.head.pos_ == "NOUN":
        noun = v.head.head
    else:
        return None
    owners = [m for c in noun.children if c.dep_ == "poss" for m in ms.actors_at(c, depth=1)]
    if owners:
        return owners  # "Finland's bid to join NATO": the bid's owner joins
    holder = noun.head.head if noun.dep_ == "pobj" else noun.head
    if not (noun.dep_ in OBJ_DEPS or noun.dep_ in ("pobj", "attr")) or holder.pos_ not in VERB_POS \
            or ms.at(noun) is not None:
        return None
    return _inherit(holder, ms, lex, depth)


# Prepositions of a medium or place a gerund may hang on ("a message *on* Twitter blaming Iran").
_MEDIUM_PREPS = frozenset({"on", "in", "via", "through", "at"})
# Where a verb with no subject of its own takes one from, first match wins.
_INHERITED_SUBJECTS: tuple[Callable[[Token, DocMentions, Lexicon, int], list[Mention] | None], ...] = (
    _conjoined_verb, _adjective_gerund, _controlled, _participle_clause, _relative_clause, _medium_gerund,
    _actor_gerund, _object_gerund, _noun_complement)


def is_dative_prep(tok: Token) -> bool:
    """"granted asylum *to* Morales": the parser's "dative" is then a preposition, not an object."""
    return tok.dep_ == "dative" and tok.pos_ == "ADP"


def _addressees(gov: Token, ms: DocMentions, lex: Lexicon) -> list[Mention]:
    """Who a request is made of through a preposition ("called *on* Russia", "appealed *to* Iran")."""
    out: list[Mention] = []
    for p in gov.children:
        entry = verb_entry(gov, lex, prep=p.lower_) if p.dep_ == "prep" and p.lower_ in ("on", "upon", "to") else None
        if entry is not None and entry.prep == p.lower_ and entry.type == "REQUEST":
            out += [m for o in p.children if o.dep_ == "pobj" for m in ms.actors_at(o)]
    return out


def agents(v: Token, ms: DocMentions) -> list[Mention]:
    """Actors of the by-phrase of a passive verb, whether parsed as ``agent`` or as a plain ``prep``, or
    misattached one phrase down ("was shot to death in the courtyard of his building *by* Chapman"); failing
    those, the actor of the operation it happened in ("was killed *in a US counter-terrorism operation*")."""
    out = _by_agents(v, ms)
    if not out:
        out = [m for c in v.children if c.dep_ == "prep" and c.lower_ in ("in", "during")
               for o in c.children if o.dep_ == "pobj" and o.lemma_.lower() in _OPERATION_NOUNS
               for m in ms.actors_at(o) if o.i not in ms.by_token]
    return out


def _by_agents(v: Token, ms: DocMentions) -> list[Mention]:
    out: list[Mention] = []
    for c in v.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
            for p in c.children:
                if p.dep_ == "pobj":
                    out += phrase_actors(p, ms)  # "passed by the Canadian Parliament": the parliament
    if not out:
        for c in v.children:
            if c.dep_ == "prep" and c.lower_ != "by":
                for p in (x for o in c.children if o.dep_ == "pobj" for x in o.subtree):
                    if p.dep_ == "prep" and p.lower_ == "by" and p.head.i < p.i:
                        out += [m for o in p.children if o.dep_ == "pobj" for m in ms.actors_at(o)]
    return out


def antecedent(v: Token, held: Token) -> Token:
    """The noun a relative pronoun stands for ("the agreement, *which* was signed by ..."), else ``held``."""
    return v.head if held.lower_ in RELATIVE and v.dep_ == "relcl" else held
