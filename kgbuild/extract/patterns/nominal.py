"""Nominal relations: events named by nouns.

- "in a meeting with Pakistani journalists" → (clause subject) meet_with journalists
- "at the request of the ISI" → the ISI request (the clause's event)
- "the release of Lakhvi by Pakistan" → Pakistan release Lakhvi
- "Clinton's visit to Pakistan" → Clinton visit_to Pakistan
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from importlib import resources

from spacy.strings import get_string_id
from spacy.symbols import NOUN, PROPN
from spacy.tokens import Span, Token

from kgbuild.extract.arguments import argument, conjuncts
from kgbuild.extract.clauses import find_subject
from kgbuild.extract.relation import make_relation, predicate_key
from kgbuild.extract.types import Argument
from kgbuild.parse.tokens import table_of

#: Nouns whose "of" phrase is the agent ("the request of the ISI"), not the patient.
AGENT_OF_NOUNS = frozenset({"request", "demand", "order", "invitation", "behest", "urging", "suggestion", "recommendation", "instruction", "instructions", "direction"})
#: Verbs too light to carry an event of their own: "held talks with", "had a meeting with".
LIGHT_VERBS = frozenset({"have", "hold", "attend", "host", "conduct", "begin", "start", "make", "open", "resume", "join", "arrange", "seek", "schedule", "plan", "take"})
#: Prepositions that place a clause inside an event: "in a meeting with", "during talks with".
EVENT_PREPS = frozenset({"in", "during", "at", "after", "before", "following", "through", "via"})
_NOUNS = frozenset({NOUN, PROPN})


@lru_cache(maxsize=1)
def nominalizations() -> dict[str, str]:
    """Event nouns and their verbs, from ``kgbuild/data/nominalizations.tsv``."""
    table: dict[str, str] = {}
    text = resources.files("kgbuild").joinpath("data/nominalizations.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            noun, verb = line.split("\t")
            table[noun.strip()] = verb.strip()
    return table


@lru_cache(maxsize=1)
def _verbs_by_id() -> dict[int, str]:
    """``nominalizations()`` keyed by each noun's id, as the token table holds a word's lower-case form."""
    return {get_string_id(noun): verb for noun, verb in nominalizations().items()}


@lru_cache(maxsize=1)
def _event_nouns_by_verb() -> dict[str, str]:
    nouns: dict[str, str] = {}
    for noun, verb in nominalizations().items():
        nouns.setdefault(verb, noun)
    return nouns


def _pobj(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def _clause_subject(noun: Token) -> tuple[Token | None, Token | None]:
    """The subject and verb of the clause a noun phrase sits in (through prepositions)."""
    token = noun
    while token.dep_ in ("pobj", "prep", "dobj", "compound", "conj", "appos") and token.head is not token:
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            subject, _ = find_subject(token)
            return subject, token
    return None, None


def nominal_relations(sent: Span) -> Iterator:
    """Relations expressed by event nouns in a sentence.

    Parameters
    ----------
    sent : Span

    Returns
    -------
    Iterator of Relation

    Example
    -------
    >>> from kgbuild.parse.load import load_model
    >>> doc = load_model()("Clinton spoke in a meeting with Pakistani journalists.")
    >>> [(r.subject.text, r.predicate, r.object.text) for r in nominal_relations(next(doc.sents))]
    [('Clinton', 'meet_with', 'Pakistani journalists')]
    """
    doc = sent.doc
    table = table_of(doc)
    event_verbs, by_id = nominalizations(), _verbs_by_id()
    for i in table.where(sent, table.pos, _NOUNS):
        verb_lemma = by_id.get(table.lower[i]) or event_verbs.get(table.lemma_[i].lower())
        if verb_lemma is None:
            continue
        noun = doc[i]
        preps = {c.lower_: c for c in noun.children if c.dep_ == "prep"}
        if noun.lemma_.lower() in AGENT_OF_NOUNS or noun.lower_ in AGENT_OF_NOUNS:
            yield from _agent_of(noun, verb_lemma, preps, sent)
        else:
            yield from _with_event(noun, verb_lemma, preps, sent)
            yield from _of_by_event(noun, verb_lemma, preps, sent)


def _agent_of(noun: Token, verb_lemma: str, preps: dict[str, Token], sent: Span) -> Iterator:
    """ "at the request of the ISI": the ISI requested the event of the clause."""
    of = preps.get("of")
    agent_tok = _pobj(of) if of is not None else None
    if agent_tok is None:
        poss = next((c for c in noun.children if c.dep_ == "poss"), None)
        agent_tok = poss
    if agent_tok is None or noun.head.dep_ != "prep":
        return
    event_verb = noun.head.head
    if event_verb.pos_ not in ("VERB", "AUX"):
        return
    event_noun = _event_nouns_by_verb().get(event_verb.lemma_)
    if event_noun is None:
        return
    event = Argument(head=event_verb.i, tokens=(event_verb.i,), text=event_noun, role="event")
    for agent_t in conjuncts(agent_tok):
        agent = argument(agent_t, role="subject")
        yield make_relation(
            arguments=[agent, event], relation_tokens=[noun.head, noun] + ([of] if of is not None else []),
            predicate=predicate_key([verb_lemma]), subject=agent, object=event, pattern="nominal",
            sentence_start=sent.start,
        )


def _with_event(noun: Token, verb_lemma: str, preps: dict[str, Token], sent: Span) -> Iterator:
    """ "(Clinton spoke) in a meeting with journalists" → Clinton meet_with journalists."""
    with_prep = preps.get("with")
    partner = _pobj(with_prep) if with_prep is not None else None
    if partner is None:
        return
    governed_by_prep = noun.dep_ == "pobj" and noun.head.lower_ in EVENT_PREPS
    governed_by_light_verb = noun.dep_ == "dobj" and noun.head.lemma_ in LIGHT_VERBS
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is not None and poss.pos_ != "PRON":
        subject_tok, source = poss, "explicit"
    elif governed_by_prep or governed_by_light_verb:
        subject_tok, _ = _clause_subject(noun)
        source = "conj"
    else:
        return
    if subject_tok is None:
        return
    predicate = predicate_key([verb_lemma, "with"])
    for subj_t in conjuncts(subject_tok):
        subj = argument(subj_t, role="subject")
        for partner_t in conjuncts(partner):
            obj = argument(partner_t, role="object")
            yield make_relation(
                arguments=[subj, obj], relation_tokens=[noun, with_prep], predicate=predicate,
                subject=subj, object=obj, pattern="nominal", sentence_start=sent.start, subject_source=source,
            )


def _of_by_event(noun: Token, verb_lemma: str, preps: dict[str, Token], sent: Span) -> Iterator:
    """ "the release of Lakhvi by Pakistan", "Clinton's visit to Pakistan"."""
    by = preps.get("by")
    agent_tok = _pobj(by) if by is not None else None
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if agent_tok is None and poss is not None and poss.pos_ != "PRON":
        agent_tok = poss
    if agent_tok is None:
        return
    for name in ("of", "to", "against", "on", "for"):
        prep = preps.get(name)
        target = _pobj(prep) if prep is not None else None
        if target is None:
            continue
        predicate = predicate_key([verb_lemma] if name == "of" else [verb_lemma, name])
        for agent_t in conjuncts(agent_tok):
            subj = argument(agent_t, role="subject")
            for target_t in conjuncts(target):
                obj = argument(target_t, role="object")
                yield make_relation(
                    arguments=[subj, obj], relation_tokens=[noun, prep], predicate=predicate,
                    subject=subj, object=obj, pattern="nominal", sentence_start=sent.start,
                )
        return
