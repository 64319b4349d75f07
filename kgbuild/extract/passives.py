"""Passives: "X was met by Y" (the agent is the graph subject), "X was blamed for Y", "a firm called Z"."""

from __future__ import annotations

from collections.abc import Iterator

from kgbuild.extract.clauses import Clause
from kgbuild.extract.frame_parts import adverbials, circumstances, joined_prep, prep_objects
from kgbuild.extract.relation import make_relation, predicate_key
from kgbuild.extract.spans import argument, conjuncts


def passive_relations(clause: Clause, subjects, verb_tokens, common) -> Iterator:
    """Passives: the agent becomes the graph subject; Open IE keeps the surface order."""
    verb = clause.verb
    if clause.agent is not None:
        by = clause.agent.head
        rest, time, place = circumstances(clause)
        for patient in subjects:
            for agent_tok in conjuncts(clause.agent):
                agent = argument(agent_tok, role="object")
                yield make_relation(
                    arguments=[patient, agent, *rest], relation_tokens=[*verb_tokens, by],
                    predicate=predicate_key([verb.lemma_]), subject=agent, object=patient,
                    pattern="passive_agent", time=time, place=place, **common,
                )
        return
    participle = verb.lower_
    named = [c for c in clause.objects if c.dep_ == "oprd"]
    if named:
        # "a company called Acme", "he was named captain": the passive's complement is its object
        rest, time, place = circumstances(clause)
        for patient in subjects:
            for target in conjuncts(named[0]):
                obj = argument(target, role="object")
                yield make_relation(
                    arguments=[patient, obj, *rest], relation_tokens=verb_tokens,
                    predicate=predicate_key(["be", participle]), subject=patient, object=obj,
                    pattern="passive", time=time, place=place, **common,
                )
        return
    joined = joined_prep(clause)
    if joined is not None:
        yield from prep_objects(clause, joined, subjects, verb_tokens, ["be", participle], "passive", common)
        return
    rest, time, place = circumstances(clause)
    rest = rest or adverbials(clause)
    for patient in subjects:
        yield make_relation(
            arguments=[patient, *rest], relation_tokens=verb_tokens, predicate=predicate_key(["be", participle]),
            subject=patient, object=None, pattern="verb_circumstance" if rest else "verb_only",
            time=time, place=place, **common,
        )
