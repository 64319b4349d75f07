"""Clauses: a verb (or copula) with its subject and complements, read off the parse.

Every verb pattern works on ``Clause`` objects, so the subtle part — who the
subject is when the parse leaves it implicit — is decided once, here:
conjoined verbs share their subject, an xcomp takes its controller, a
relative clause takes the noun it modifies, a participle its noun.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.symbols import AUX, VERB
from spacy.tokens import Span, Token

from kgbuild.tokens import table_of

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
OBJECT_DEPS = frozenset({"dobj", "obj", "dative", "oprd"})
CLAUSE_HEAD_DEPS = frozenset(
    {"ROOT", "ccomp", "xcomp", "conj", "advcl", "relcl", "acl", "pcomp", "parataxis", "csubj"}
)
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose"})
TIME_ENTS = frozenset({"DATE", "TIME"})
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
PLACE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "across", "throughout"})
_VERB_OR_AUX = frozenset({VERB, AUX})


@dataclass
class Clause:
    """A predicate with its arguments.

    ``subject`` is ``None`` when none could be found. ``subject_source`` says
    how it was found: "explicit", "conj", "xcomp", "relcl", "acl", "advcl".
    """

    verb: Token
    subject: Token | None
    subject_source: str
    passive: bool
    objects: list[Token] = field(default_factory=list)  # dobj, dative; conjuncts split later
    preps: list[tuple[Token, Token]] = field(default_factory=list)  # (prep, pobj)
    agent: Token | None = None  # pobj of a passive "by"
    attr: Token | None = None  # copula complement (noun) or acomp (adjective)
    clausal: Token | None = None  # ccomp / xcomp head
    times: list[Token] = field(default_factory=list)  # npadvmod DATE heads
    particle: Token | None = None
    setting: Token | None = None  # the noun a "where"/"when" relative clause sits in: "the resort where he won"
    negated: bool = False
    modal: str | None = None
    aux: list[Token] = field(default_factory=list)

    @property
    def is_copula(self) -> bool:
        return self.verb.lemma_ == "be" and self.attr is not None


def is_predicate(token: Token) -> bool:
    """True for a verb or copula that heads a clause."""
    if token.pos_ == "VERB":
        return token.dep_ in CLAUSE_HEAD_DEPS or any(c.dep_ in SUBJECT_DEPS for c in token.children)
    if token.pos_ == "AUX" and token.dep_ not in ("aux", "auxpass"):
        return any(c.dep_ in SUBJECT_DEPS | {"attr", "acomp"} for c in token.children)
    return False


def _explicit_subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS and child.dep_ != "expl":
            return child
    return None


def find_subject(verb: Token, depth: int = 0) -> tuple[Token | None, str]:
    """The subject of ``verb`` and how it was found."""
    explicit = _explicit_subject(verb)
    if explicit is not None:
        if explicit.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            noun = verb.head
            if noun.dep_ == "attr" and noun.head.lemma_ == "be":
                # "X is a footballer who plays for Y": X plays for Y
                subject = _explicit_subject(noun.head)
                if subject is not None and subject.lower_ not in RELATIVE_PRONOUNS:
                    return subject, "relcl"
            return noun, "relcl"
        return explicit, "explicit"
    if depth > 5:
        return None, "none"
    head = verb.head
    if verb.dep_ == "conj" and head.i != verb.i:
        subject, _ = find_subject(head, depth + 1)
        return subject, "conj"
    if verb.dep_ == "xcomp":
        for child in head.children:
            if child.dep_ in ("dobj", "dative"):
                return child, "xcomp"
        subject, _ = find_subject(head, depth + 1)
        return subject, "xcomp"
    if verb.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        # "an attempt to adopt", "in order to get": the doer is the noun's owner or the clause's subject
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is not None:
            return owner, "acl"
        governor = head.head
        while governor.dep_ in ("prep", "pobj", "dobj") and governor.head is not governor and governor.pos_ not in ("VERB", "AUX"):
            governor = governor.head
        if governor.pos_ in ("VERB", "AUX") and governor.i != verb.i:
            subject, _ = find_subject(governor, depth + 1)
            return subject, "advcl"
        return None, "none"
    if verb.dep_ in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
        return head, verb.dep_
    if verb.dep_ == "advcl" and head.pos_ in ("VERB", "AUX"):
        subject, _ = find_subject(head, depth + 1)
        return subject, "advcl"
    return None, "none"


def _is_passive(verb: Token) -> bool:
    if any(c.dep_ in ("nsubjpass", "csubjpass", "auxpass") for c in verb.children):
        return True
    # a reduced relative or participle: "guidelines set by the Afghans"
    return verb.dep_ == "acl" and verb.tag_ == "VBN"


def build_clause(verb: Token) -> Clause:
    """Read the clause headed by ``verb`` off the parse."""
    subject, source = find_subject(verb)
    clause = Clause(verb=verb, subject=subject, subject_source=source, passive=_is_passive(verb))
    for child in verb.children:
        dep = child.dep_
        if dep in OBJECT_DEPS:
            clause.objects.append(child)
        elif dep == "prep":
            pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            if pobj is None:
                continue
            if child.lower_ == "by" and clause.passive and pobj.dep_ == "pobj":
                clause.agent = pobj
            else:
                clause.preps.append((child, pobj))
        elif dep == "agent":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                clause.agent = pobj
        elif dep in ("attr", "acomp"):
            clause.attr = child
        elif dep in ("ccomp", "xcomp") and child.pos_ in ("VERB", "AUX"):
            clause.clausal = child
        elif dep in ("npadvmod", "tmod") and child.ent_type_ in TIME_ENTS:
            clause.times.append(child)
        elif dep == "prt":
            clause.particle = child
        elif dep == "neg":
            clause.negated = True
        elif dep in ("aux", "auxpass"):
            clause.aux.append(child)
            if child.tag_ == "MD" and child.lower_ not in ("will", "shall", "'ll", "wo"):
                clause.modal = child.lower_
        elif dep == "advmod" and child.lower_ in ("never",):
            clause.negated = True
        elif dep == "advmod" and child.lower_ in ("where", "when") and verb.dep_ == "relcl":
            clause.setting = verb.head
    # a relative clause whose pronoun is the object: "a match which Keibler lost"
    if verb.dep_ == "relcl" and source == "explicit":
        for child in verb.children:
            if child.dep_ in ("dobj", "obj") and child.lower_ in RELATIVE_PRONOUNS:
                clause.objects.remove(child)
                clause.objects.append(verb.head)
    # "traders buy and sell stocks": a verb with no complement shares its conjunct's object
    if not clause.objects and not clause.preps and clause.clausal is None and clause.attr is None:
        for conj in verb.children:
            if conj.dep_ == "conj" and conj.pos_ == "VERB":
                shared = [c for c in conj.children if c.dep_ in ("dobj", "obj")]
                if shared:
                    clause.objects.extend(shared[:1])
                    break
    return clause


def clauses(sent: Span) -> Iterator[Clause]:
    """Every clause of a sentence, in order of the verbs."""
    doc = sent.doc
    table = table_of(doc)
    for i in table.where(sent, table.pos, _VERB_OR_AUX):
        token = doc[i]
        if is_predicate(token):
            yield build_clause(token)


def is_time(token: Token) -> bool:
    return token.ent_type_ in TIME_ENTS


def is_place(prep: Token, pobj: Token) -> bool:
    return pobj.ent_type_ in PLACE_ENTS and prep.lower_ in PLACE_PREPS
