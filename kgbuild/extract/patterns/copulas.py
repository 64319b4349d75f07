"""Copulas: "Kabul is the capital of Afghanistan", "X is responsible for Y"."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.strings import get_string_id
from spacy.symbols import ADJ, NOUN, PROPN

from kgbuild.extract.arguments import argument_of, conjuncts_of
from kgbuild.extract.clauses import Clause
from kgbuild.extract.frames import circumstances, relate, relation_words, subject_arguments
from kgbuild.extract.relation import predicate_key
from kgbuild.extract.types import Argument, Relation
from kgbuild.parse.tokens import TokenTable

_PREP, _POBJ = get_string_id("prep"), get_string_id("pobj")
_NOUNS = frozenset({NOUN, PROPN})


def copula_relations(clause: Clause) -> Iterator[Relation]:
    """Copulas: "Kabul is the capital of Afghanistan" → be (Open IE), capital_of (graph)."""
    subjects = subject_arguments(clause)
    if not subjects:
        return
    table = clause.table
    verb_tokens = relation_words(clause)
    rest, time, place = circumstances(clause)
    complements = [_complement(table, target) for target in conjuncts_of(table, clause.attr)]
    for subj in subjects:
        for target, complement, prep, pobj in complements:
            if table.pos[target] == ADJ and pobj is not None:
                # "is responsible for the attack": the adjective belongs to the relation
                obj = argument_of(table, pobj, role="object")
                yield relate(
                    clause, [*verb_tokens, target, prep], arguments=[subj, obj, *rest],
                    predicate=predicate_key(["be", table.lemma_[target], table.lower_[prep]]), subject=subj, object=obj,
                    pattern="copula_prep", time=time, place=place,
                )
                continue
            yield relate(
                clause, verb_tokens, arguments=[subj, complement, *rest], predicate="be",
                subject=subj, object=complement, pattern="copula", time=time, place=place,
            )
            if table.pos[target] in _NOUNS and pobj is not None and not table.ent_type[target]:
                # graph view: "the capital of Afghanistan" → capital_of Afghanistan
                for obj_tok in conjuncts_of(table, pobj):
                    obj = argument_of(table, obj_tok, role="object")
                    yield relate(
                        clause, [*verb_tokens, target, prep], arguments=[subj, obj],
                        predicate=predicate_key([table.lemma_[target], table.lower_[prep]]), subject=subj, object=obj,
                        pattern="copula_prep",
                    )


def _complement(table: TokenTable, target: int) -> tuple[int, Argument, int | None, int | None]:
    """A copula's complement: its token, its argument, and its first preposition with that one's object."""
    children, dep = table.children, table.dep
    prep = next((c for c in children(target) if dep[c] == _PREP), None)
    pobj = next((c for c in children(prep) if dep[c] == _POBJ), None) if prep is not None else None
    return target, argument_of(table, target, role="object"), prep, pobj
