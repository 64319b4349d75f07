"""Verb frames: subject–verb–object, prepositional objects, clausal objects, reported speech;
passives (``passives.py``) and copulas (``copulas.py``) are dispatched from here.

Each pattern is a generator over a sentence's clauses yielding ``Relation``s.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from kgbuild.extract.clauses import Clause, clauses
from kgbuild.extract.context import SPEECH_VERBS
from kgbuild.extract.copulas import copula_relations
from kgbuild.extract.frame_parts import (
    adverbials, circumstances, joined_prep, predicate_words, prep_objects, relation_words, subject_arguments,
)
from kgbuild.extract.passives import passive_relations
from kgbuild.extract.relation import make_relation, predicate_key
from kgbuild.extract.spans import argument, clause_argument, conjuncts, prep_argument, text_of
from kgbuild.extract.types import Argument


def verb_relations(sent: Span) -> Iterator:
    """Relations of the verbs of a sentence.

    Parameters
    ----------
    sent : Span
        A parsed sentence.

    Returns
    -------
    Iterator of Relation

    Example
    -------
    >>> from kgbuild.parse import load_model
    >>> doc = load_model()("Clinton met Pakistani journalists in Islamabad.")
    >>> [(r.subject.text, r.predicate, r.object.text) for r in verb_relations(next(doc.sents))]
    [('Clinton', 'meet', 'Pakistani journalists')]
    """
    for clause in clauses(sent):
        if clause.verb.lemma_ == "be" and clause.attr is not None:
            yield from copula_relations(clause, sent)
        else:
            yield from _verb(clause, sent)


def _verb(clause: Clause, sent: Span) -> Iterator:
    subjects = subject_arguments(clause)
    if not subjects:
        return
    start = sent.start
    verb_tokens = relation_words(clause)
    key = predicate_words(clause)
    common = dict(sentence_start=start, subject_source=clause.subject_source, negated=clause.negated, modality=clause.modal)
    heads = list(clause.objects)
    if clause.attr is not None and not heads:
        heads.append(clause.attr)  # "became a catch point", "remained calm"
    objects = [argument(o, role="object") for obj in heads for o in conjuncts(obj)]

    if clause.passive:
        yield from passive_relations(clause, subjects, verb_tokens, common)
        return

    quoted = _report_before(clause)
    if quoted is not None and not objects:
        rest, time, place = circumstances(clause)
        for subj in subjects:
            yield make_relation(
                arguments=[subj, quoted, *rest], relation_tokens=verb_tokens, predicate=predicate_key(key),
                subject=subj, object=quoted, pattern="verb_clause", time=time, place=place, **common,
            )
        return

    if objects:
        rest, time, place = circumstances(clause)
        for subj in subjects:
            for obj in objects:
                yield make_relation(
                    arguments=[subj, obj, *rest], relation_tokens=verb_tokens, predicate=predicate_key(key),
                    subject=subj, object=obj, pattern="verb_object", time=time, place=place, **common,
                )
        return

    joined = joined_prep(clause)
    if joined is not None:
        yield from prep_objects(clause, joined, subjects, verb_tokens, key, "verb_prep", common)
        return

    if clause.clausal is not None:
        yield from _clausal(clause, subjects, verb_tokens, key, common)
        return

    rest, time, place = circumstances(clause)
    rest = rest or adverbials(clause)
    for subj in subjects:
        # "In 1717, Montagu travelled": the circumstances are the only complements
        yield make_relation(
            arguments=[subj, *rest], relation_tokens=verb_tokens, predicate=predicate_key(key),
            subject=subj, object=None, pattern="verb_circumstance" if rest else "verb_only",
            time=time, place=place, **common,
        )


def _report_before(clause: Clause) -> Argument | None:
    """ "The talks failed, the minister said", "The talks, he said, failed": the clause a speech verb
    reports when it comes after or inside it (the parser hangs the speech verb under the reported clause)."""
    verb, head = clause.verb, clause.verb.head
    if clause.clausal is not None or verb.lemma_ not in SPEECH_VERBS or verb.dep_ not in ("parataxis", "ccomp"):
        return None
    if head.i == verb.i or head.pos_ not in ("VERB", "AUX"):
        return None
    inside = {t.i for t in verb.subtree}
    indices = [t.i for t in head.subtree if t.i not in inside]
    doc = verb.doc
    while indices and (doc[indices[-1]].is_punct or doc[indices[-1]].text in ("``", "''")):
        indices.pop()
    while indices and (doc[indices[0]].is_punct or doc[indices[0]].text in ("``", "''")):
        indices.pop(0)
    if len(indices) < 2:
        return None
    return Argument(head=head.i, tokens=tuple(indices), text=text_of(doc, indices), role="clause")


def _clausal(clause: Clause, subjects, verb_tokens, key, common) -> Iterator:
    comp = clause.clausal
    mark = [c for c in comp.children if c.dep_ == "mark" and c.lower_ in ("that", "whether", "if")]
    relation_tokens = [*verb_tokens, *mark]
    arg = clause_argument(comp)
    if mark:
        kept = tuple(i for i in arg.tokens if i != mark[0].i)
        arg = Argument(head=arg.head, tokens=kept, text=" ".join(comp.doc[i].text for i in kept), role="clause")
    if comp.dep_ == "xcomp":
        # "agreed to pay" → relation "agreed to pay", object: what is paid
        yield from _xcomp(clause, subjects, verb_tokens, key, common)
        return
    rest, time, place = circumstances(clause)
    for subj in subjects:
        yield make_relation(
            arguments=[subj, arg, *rest], relation_tokens=relation_tokens, predicate=predicate_key(key),
            subject=subj, object=arg, pattern="verb_clause", time=time, place=place, **common,
        )


def _xcomp(clause: Clause, subjects, verb_tokens, key, common) -> Iterator:
    comp = clause.clausal
    aux = [c for c in comp.children if c.dep_ == "aux"]
    objs = [c for c in comp.children if c.dep_ in ("dobj", "dative")]
    preps = [(c, next((g for g in c.children if g.dep_ == "pobj"), None)) for c in comp.children if c.dep_ == "prep"]
    preps = [(p, o) for p, o in preps if o is not None]
    tokens = [*verb_tokens, *aux, comp]
    words = [*key, comp.lemma_]
    for subj in subjects:
        if objs:
            for target in conjuncts(objs[0]):
                obj = argument(target, role="object")
                rest = [prep_argument(p, o) for p, o in preps]
                yield make_relation(
                    arguments=[subj, obj, *rest], relation_tokens=tokens, predicate=predicate_key(words),
                    subject=subj, object=obj, pattern="verb_clause", extra_confidence=0.1, **common,
                )
        elif preps:
            prep, pobj = preps[0]
            obj = argument(pobj, role="object")
            rest = [prep_argument(p, o) for p, o in preps[1:]]
            yield make_relation(
                arguments=[subj, obj, *rest], relation_tokens=[*tokens, prep],
                predicate=predicate_key([*words, prep.lower_]), subject=subj, object=obj,
                pattern="verb_clause", extra_confidence=0.05, **common,
            )
        else:
            arg = clause_argument(comp)
            yield make_relation(
                arguments=[subj, arg], relation_tokens=verb_tokens, predicate=predicate_key(key),
                subject=subj, object=arg, pattern="verb_clause", **common,
            )
