"""Clauses: a verb (or copula) with its subject and complements, read off the parse.

Every verb pattern works on ``Clause`` objects, so the subtle part — who the
subject is when the parse leaves it implicit — is decided once, here:
conjoined verbs share their subject, an xcomp takes its controller, a
relative clause takes the noun it modifies, a participle its noun.

Clauses are read from the Doc's ``TokenTable`` and hold token indices, not
``Token`` objects: every sentence's verbs are read, and a new ``Token`` at
each ``doc[i]``, ``.head`` or ``.children`` cost more than the reading.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import compress

from spacy.strings import get_string_id
from spacy.symbols import AUX, NOUN, PRON, PROPN, VERB
from spacy.tokens import Span, Token

from kgbuild.extract.types import Relation
from kgbuild.parse.tokens import TokenTable, ids, table_of

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
OBJECT_DEPS = frozenset({"dobj", "obj", "dative", "oprd"})
CLAUSE_HEAD_DEPS = frozenset(
    {"ROOT", "ccomp", "xcomp", "conj", "advcl", "relcl", "acl", "pcomp", "parataxis", "csubj"}
)
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose"})
TIME_ENTS = frozenset({"DATE", "TIME"})
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
PLACE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "across", "throughout"})

# the same sets as ids, to test the table's id columns against
_SUBJECTS = ids(*SUBJECT_DEPS)
_EXPLICIT_SUBJECTS = ids(*(SUBJECT_DEPS - {"expl"}))
_COPULA_COMPLEMENTS = _SUBJECTS | ids("attr", "acomp")
_OBJECTS = ids(*OBJECT_DEPS)
_CLAUSE_HEADS = ids(*CLAUSE_HEAD_DEPS)
_RELATIVES = ids(*RELATIVE_PRONOUNS)
_TIMES, _PLACES, _PLACE_PREPS = ids(*TIME_ENTS), ids(*PLACE_ENTS), ids(*PLACE_PREPS)
_AUXILIARIES = ids("aux", "auxpass")
_PASSIVE_MARKS = ids("nsubjpass", "csubjpass", "auxpass")
_DIRECT_OBJECTS = ids("dobj", "obj")
_XCOMP_CONTROLLERS = ids("dobj", "dative")
_ACL_GOVERNED = ids("prep", "pobj", "dobj")
_POBJ_OR_PCOMP = ids("pobj", "pcomp")
_COMPLEMENTS = ids("attr", "acomp")
_CLAUSAL = ids("ccomp", "xcomp")
_TIME_MODIFIERS = ids("npadvmod", "tmod")
_SETTINGS = ids("where", "when")
#: Modal auxiliaries as spaCy tokenises them → the word a reader sees. The future is a modality too:
#: "will attend" is a plan, not a fact.
MODAL_WORDS = {"wo": "will", "'ll": "will", "ca": "can", "'d": "would", "sha": "shall"}
(_ACL, _ADVCL, _ADVMOD, _AGENT, _ATTR, _AUX, _CONJ, _NEG, _POBJ, _POSS, _PREP, _PRT, _RELCL, _XCOMP) = map(
    get_string_id,
    ("acl", "advcl", "advmod", "agent", "attr", "aux", "conj", "neg", "pobj", "poss", "prep", "prt", "relcl", "xcomp"),
)
_BE, _BY, _TO, _NEVER, _VBN, _MD, _RB = map(get_string_id, ("be", "by", "to", "never", "VBN", "MD", "RB"))
#: What a verb's child is to its clause, by label (labels not here are not read by ``build_clause``).
_ROLES: dict[int, str] = {
    **dict.fromkeys(_OBJECTS, "object"), _PREP: "prep", _AGENT: "agent", **dict.fromkeys(_COMPLEMENTS, "attr"),
    **dict.fromkeys(_CLAUSAL, "clausal"), **dict.fromkeys(_TIME_MODIFIERS, "time"), _PRT: "particle", _NEG: "neg",
    **dict.fromkeys(_AUXILIARIES, "aux"), _ADVMOD: "advmod",
}
_AUXILIARY_DEPS = ids("aux", "auxpass")
_VERB_OR_AUX = frozenset({VERB, AUX})
_NOMINALS = frozenset({NOUN, PROPN, PRON})


@dataclass(slots=True)
class Clause:
    """A predicate with its arguments, as token indices of ``table``'s Doc.

    ``subject`` is ``None`` when none could be found. ``subject_source`` says
    how it was found: "explicit", "conj", "xcomp", "relcl", "acl", "advcl".
    """

    table: TokenTable
    verb: int
    subject: int | None
    subject_source: str
    passive: bool
    sentence_start: int  # the token index its sentence starts at
    objects: list[int] = field(default_factory=list)  # dobj, dative; conjuncts split later
    preps: list[tuple[int, int]] = field(default_factory=list)  # (prep, pobj)
    agent: int | None = None  # pobj of a passive "by"
    attr: int | None = None  # copula complement (noun) or acomp (adjective)
    clausal: int | None = None  # ccomp / xcomp head
    times: list[int] = field(default_factory=list)  # npadvmod DATE heads
    particle: int | None = None
    setting: int | None = None  # the noun a "where"/"when" relative clause sits in: "the resort where he won"
    negated: bool = False
    modal: str | None = None
    aux: list[int] = field(default_factory=list)
    # negations and adverbs inside the verb group: words of the relation ("has also pioneered", "did not meet")
    modifiers: list[int] = field(default_factory=list)

    @property
    def is_copula(self) -> bool:
        return self.table.lemma[self.verb] == _BE and self.attr is not None


def _has_child(table: TokenTable, i: int, deps: frozenset[int]) -> bool:
    """Whether token ``i`` has a child whose dependency label is one of ``deps`` (ids)."""
    return not deps.isdisjoint(map(table.dep.__getitem__, table.children(i)))


def is_predicate(table: TokenTable, i: int) -> bool:
    """True for a verb or copula that heads a clause (token ``i``)."""
    pos = table.pos[i]
    if pos == VERB:
        return table.dep[i] in _CLAUSE_HEADS or _has_child(table, i, _SUBJECTS)
    if pos == AUX and table.dep[i] not in _AUXILIARIES:
        return _has_child(table, i, _COPULA_COMPLEMENTS)
    return False


def _explicit_subject(table: TokenTable, verb: int) -> int | None:
    dep = table.dep
    for child in table.children(verb):
        if dep[child] in _EXPLICIT_SUBJECTS:
            return child
    return None


def subject_of(table: TokenTable, verb: int, depth: int = 0) -> tuple[int | None, str]:
    """The subject of token ``verb`` (its index) and how it was found."""
    dep, head, lower, pos = table.dep, table.head, table.lower, table.pos
    explicit = _explicit_subject(table, verb)
    if explicit is not None:
        if lower[explicit] in _RELATIVES and dep[verb] == _RELCL:
            noun = head[verb]
            if dep[noun] == _ATTR and table.lemma[head[noun]] == _BE:
                # "X is a footballer who plays for Y": X plays for Y
                subject = _explicit_subject(table, head[noun])
                if subject is not None and lower[subject] not in _RELATIVES:
                    return subject, "relcl"
            return noun, "relcl"
        return explicit, "explicit"
    if depth > 5:
        return None, "none"
    up, relation = head[verb], dep[verb]
    if relation == _CONJ and up != verb:
        return subject_of(table, up, depth + 1)[0], "conj"
    if relation == _XCOMP:
        for child in table.children(up):
            if dep[child] in _XCOMP_CONTROLLERS:
                return child, "xcomp"
        return subject_of(table, up, depth + 1)[0], "xcomp"
    if relation == _ACL and any(dep[c] == _AUX and lower[c] == _TO for c in table.children(verb)):
        # "an attempt to adopt", "in order to get": the doer is the noun's owner or the clause's subject
        owner = next((c for c in table.children(up) if dep[c] == _POSS), None)
        if owner is not None:
            return owner, "acl"
        governor = head[up]
        while dep[governor] in _ACL_GOVERNED and head[governor] != governor and pos[governor] not in _VERB_OR_AUX:
            governor = head[governor]
        if pos[governor] in _VERB_OR_AUX and governor != verb:
            return subject_of(table, governor, depth + 1)[0], "advcl"
        return None, "none"
    if (relation == _RELCL or relation == _ACL) and pos[up] in _NOMINALS:
        return up, "relcl" if relation == _RELCL else "acl"
    if relation == _ADVCL and pos[up] in _VERB_OR_AUX:
        return subject_of(table, up, depth + 1)[0], "advcl"
    return None, "none"


def find_subject(verb: Token, depth: int = 0) -> tuple[Token | None, str]:
    """The subject of ``verb`` and how it was found (``subject_of`` for a ``Token``)."""
    subject, source = subject_of(table_of(verb.doc), verb.i, depth)
    return (verb.doc[subject] if subject is not None else None), source


def _is_passive(table: TokenTable, verb: int) -> bool:
    # a reduced relative or participle: "guidelines set by the Afghans"
    return _has_child(table, verb, _PASSIVE_MARKS) or (table.dep[verb] == _ACL and table.tag[verb] == _VBN)


def build_clause(table: TokenTable, verb: int, sentence_start: int) -> Clause:
    """Read the clause headed by token ``verb`` off the parse (its sentence starts at ``sentence_start``)."""
    dep, lower, children = table.dep, table.lower, table.children
    subject, source = subject_of(table, verb)
    clause = Clause(table, verb, subject, source, _is_passive(table, verb), sentence_start)
    objects, preps = clause.objects, clause.preps
    after = subject if subject is not None and subject < verb else -1  # the verb group starts after its subject
    for child in children(verb):
        role = _ROLES.get(dep[child])
        if role is None:  # a subject, punctuation, a conjunct...: read elsewhere or not at all
            continue
        if role == "object":
            objects.append(child)
        elif role == "prep":
            pobj = next((c for c in children(child) if dep[c] in _POBJ_OR_PCOMP), None)
            if pobj is None:
                continue
            if lower[child] == _BY and clause.passive and dep[pobj] == _POBJ:
                clause.agent = pobj
            else:
                preps.append((child, pobj))
        elif role == "aux":
            clause.aux.append(child)
            if table.tag[child] == _MD:
                # "won't", "can't" and "'ll" as spaCy splits them are "wo", "ca", "'ll": the word meant is kept
                word = table.lower_[child]
                clause.modal = MODAL_WORDS.get(word, word)
        elif role == "agent":
            pobj = next((c for c in children(child) if dep[c] == _POBJ), None)
            if pobj is not None:
                clause.agent = pobj
        elif role == "attr":
            clause.attr = child
        elif role == "clausal":
            if table.pos[child] in _VERB_OR_AUX:
                clause.clausal = child
        elif role == "time":
            if table.ent_type[child] in _TIMES:
                clause.times.append(child)
        elif role == "particle":
            clause.particle = child
        elif role == "neg":
            clause.negated = True
            clause.modifiers.append(child)
        else:  # advmod
            if table.tag[child] == _RB and after < child < verb:
                clause.modifiers.append(child)
            if lower[child] == _NEVER:
                clause.negated = True
            elif lower[child] in _SETTINGS and dep[verb] == _RELCL:
                clause.setting = table.head[verb]
    # a relative clause whose pronoun is the object: "a match which Keibler lost"
    if dep[verb] == _RELCL and source == "explicit":
        for child in children(verb):
            if dep[child] in _DIRECT_OBJECTS and lower[child] in _RELATIVES:
                objects.remove(child)
                objects.append(table.head[verb])
    # "traders buy and sell stocks": a verb with no complement shares its conjunct's object
    if not objects and not preps and clause.clausal is None and clause.attr is None:
        for conj in children(verb):
            if dep[conj] == _CONJ and table.pos[conj] == VERB:
                shared = next((c for c in children(conj) if dep[c] in _DIRECT_OBJECTS), None)
                if shared is not None:
                    objects.append(shared)
                    break
    return clause


def clauses(sent: Span) -> Iterator[Clause]:
    """Every clause of a sentence, in order of the verbs."""
    table = table_of(sent.doc)
    start, end = sent.start, sent.end
    # the verbs and auxiliaries, picked without a Python step per word
    verbs = compress(range(start, end), map(_VERB_OR_AUX.__contains__, table.pos[start:end]))
    for i in verbs:
        if is_predicate(table, i):
            yield build_clause(table, i, start)


def is_time(table: TokenTable, i: int) -> bool:
    return table.ent_type[i] in _TIMES


def is_place(table: TokenTable, prep: int, pobj: int) -> bool:
    return table.ent_type[pobj] in _PLACES and table.lower[prep] in _PLACE_PREPS


def verb_of(table: TokenTable, relation: Relation) -> int | None:
    """The relation's verb: its first relation word that is a verb or an auxiliary used as one; None for a
    relation without one (an apposition, a possessive)."""
    for i in relation.relation_tokens:
        if table.pos[i] in _VERB_OR_AUX and table.dep[i] not in _AUXILIARY_DEPS:
            return i
    return None
