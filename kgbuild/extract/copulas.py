"""Copulas: "Kabul is the capital of Afghanistan", "X is responsible for Y"."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from kgbuild.extract.clauses import Clause
from kgbuild.extract.frame_parts import circumstances, relation_words, subject_arguments
from kgbuild.extract.relation import make_relation, predicate_key
from kgbuild.extract.spans import argument, conjuncts


def copula_relations(clause: Clause, sent: Span) -> Iterator:
    """Copulas: "Kabul is the capital of Afghanistan" → be (Open IE), capital_of (graph)."""
    subjects = subject_arguments(clause)
    if not subjects:
        return
    attr = clause.attr
    verb_tokens = relation_words(clause)
    common = dict(sentence_start=sent.start, subject_source=clause.subject_source, negated=clause.negated, modality=clause.modal)
    rest, time, place = circumstances(clause)
    for subj in subjects:
        for target in conjuncts(attr):
            complement = argument(target, role="object")
            prep = next((c for c in target.children if c.dep_ == "prep"), None)
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
            if target.pos_ == "ADJ" and pobj is not None:
                # "is responsible for the attack": the adjective belongs to the relation
                obj = argument(pobj, role="object")
                yield make_relation(
                    arguments=[subj, obj, *rest], relation_tokens=[*verb_tokens, target, prep],
                    predicate=predicate_key(["be", target.lemma_, prep.lower_]), subject=subj, object=obj,
                    pattern="copula_prep", time=time, place=place, **common,
                )
                continue
            yield make_relation(
                arguments=[subj, complement, *rest], relation_tokens=verb_tokens, predicate="be",
                subject=subj, object=complement, pattern="copula", time=time, place=place, **common,
            )
            if target.pos_ in ("NOUN", "PROPN") and pobj is not None and target.ent_type_ == "":
                # graph view: "the capital of Afghanistan" → capital_of Afghanistan
                for obj_tok in conjuncts(pobj):
                    obj = argument(obj_tok, role="object")
                    yield make_relation(
                        arguments=[subj, obj], relation_tokens=[*verb_tokens, target, prep],
                        predicate=predicate_key([target.lemma_, prep.lower_]), subject=subj, object=obj,
                        pattern="copula_prep", **common,
                    )
