"""Re-pointing a statement's object to another entity, with the words that named it.

The nationalities (``kgbuild.resolve.nationalities``) and the parties (``kgbuild.resolve.parties``)
both find that a statement's object stands for another thing ("Russian" for Russia, "Tory" for the
Conservative Party): the statement moves to that thing's entity, the object's words in the statement's
sentence become mentions of it, and an object left with no mention and no statement is no node.
"""

from __future__ import annotations

import dataclasses

from kgbuild.records import Entity, ResolvedDocument, Statement


def _normal(name: str) -> str:
    return name.lower().removeprefix("the ").replace(".", "")


def entity_named(entities: dict[str, Entity], kind: str, names: tuple[str, ...]) -> str | None:
    """The key of the document's entity of this type that bears one of the names (case, "the" and dots aside).

    Example
    -------
    >>> entity_named({"e": Entity("e", "Place", "U.S.", {"United States"})}, "Place", ("US", "America"))
    'e'
    """
    wanted = {_normal(n) for n in names}
    for key, entity in entities.items():
        if entity.type == kind and any(_normal(n) in wanted for n in (entity.name, *entity.names)):
            return key
    return None


def repoint_object(entities: dict[str, Entity], statement: Statement, target: Entity) -> Statement:
    """The statement with ``target`` as its object; ``entities`` gets the target (added when new) and the
    object's words in the statement's sentence move to it.

    Example
    -------
    >>> ents = {"r": Entity("r", "Group", "Russian", spans=[(0, 7, "Russian")])}
    >>> st = Statement("p", "work_for", "r", "Russian President Putin.", 0, 24, "is President of", "Putin", "Russian", 0.8, "title")
    >>> repoint_object(ents, st, Entity("c", "Place", "Russia")).object, ents["c"].spans, ents["r"].spans
    ('c', [(0, 7, 'Russian')], [])
    """
    obj = entities[statement.object]
    words = [s for s in obj.spans if statement.sentence_start <= s[0] < statement.sentence_end]
    found = entities.get(target.key, target)
    entities[target.key] = dataclasses.replace(found, spans=sorted({*found.spans, *words}),
                                               mentions=found.mentions + len(words))
    entities[statement.object] = dataclasses.replace(
        obj, spans=[s for s in obj.spans if s not in words], mentions=max(0, obj.mentions - len(words)))
    return dataclasses.replace(statement, object=target.key)


def without_emptied(resolved: ResolvedDocument, entities: dict[str, Entity],
                    statements: list[Statement]) -> ResolvedDocument:
    """The document with these entities and statements, less the entities left with no mention and no statement."""
    used = {k for st in statements for k in (st.subject, st.object, st.attributed_to, st.place) if k}
    entities = {k: e for k, e in entities.items() if e.spans or k in used or k not in resolved.entities}
    return dataclasses.replace(resolved, entities=entities, statements=statements)
