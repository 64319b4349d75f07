"""Passives: "X was met by Y" (the agent is the graph subject), "X was blamed for Y", "a firm called Z"."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.strings import get_string_id

from kgbuild.extract.arguments import argument_of, conjuncts_of
from kgbuild.extract.clauses import Clause
from kgbuild.extract.frames import adverbials, circumstances, joined_prep, prep_objects, relate
from kgbuild.extract.relation import predicate_key
from kgbuild.extract.types import Relation

_OPRD = get_string_id("oprd")


def passive_relations(clause: Clause, subjects, verb_tokens) -> Iterator[Relation]:
    """Passives: the agent becomes the graph subject; Open IE keeps the surface order."""
    table, verb = clause.table, clause.verb
    if clause.agent is not None:
        by = table.head[clause.agent]
        rest, time, place = circumstances(clause)
        agents = [argument_of(table, a, role="object") for a in conjuncts_of(table, clause.agent)]
        predicate = predicate_key([table.lemma_[verb]])
        for patient in subjects:
            for agent in agents:
                yield relate(
                    clause, [*verb_tokens, by], arguments=[patient, agent, *rest], predicate=predicate,
                    subject=agent, object=patient, pattern="passive_agent", time=time, place=place,
                )
        return
    predicate = predicate_key(["be", table.lower_[verb]])
    named = [c for c in clause.objects if table.dep[c] == _OPRD]
    if named:
        # "a company called Acme", "he was named captain": the passive's complement is its object
        rest, time, place = circumstances(clause)
        objects = [argument_of(table, target, role="object") for target in conjuncts_of(table, named[0])]
        for patient in subjects:
            for obj in objects:
                yield relate(
                    clause, verb_tokens, arguments=[patient, obj, *rest], predicate=predicate,
                    subject=patient, object=obj, pattern="passive", time=time, place=place,
                )
        return
    joined = joined_prep(clause)
    if joined is not None:
        yield from prep_objects(clause, joined, subjects, verb_tokens, ["be", table.lower_[verb]], "passive")
        return
    rest, time, place = circumstances(clause)
    rest = rest or adverbials(clause)
    for patient in subjects:
        yield relate(
            clause, verb_tokens, arguments=[patient, *rest], predicate=predicate,
            subject=patient, object=None, pattern="verb_circumstance" if rest else "verb_only",
            time=time, place=place,
        )
