"""A party's word before a politician's title is the party: "Labour MP Diane Abbott" is a member of it.

News names a politician's party by a word in the title: "Republican Senator John McCain", "Tory MP
David Davis", "Lib Dem leader Charles Kennedy". The title rule reads those words as the employer
("John McCain work_for Republican"), which is wrong twice over: a party is not an employer, and
"Republican" is not its name. Those statements become ``kg:memberOfParty`` (Wikidata P102) of the
party's entity, named as ``kgbuild/data/parties.tsv`` gives it ("Republican Party"); the words become
mentions of it, and the entity is made when the article does not name the party otherwise.

Runs before typing (``kgbuild.resolve.typed.type_document``), like the nationalities.
"""

from __future__ import annotations

import dataclasses

from kgbuild.extract.properties import typed
from kgbuild.lexicon import party_names
from kgbuild.records import Entity, ResolvedDocument, Statement

#: The end of the key of a party entity made for a party's word.
MADE = ":party"


def _party_entity(entities: dict[str, Entity], name: str) -> str | None:
    """The key of the document's organisation that bears the party's name."""
    wanted = name.lower()
    for key, entity in entities.items():
        if entity.type == "Organization" and wanted in {n.lower() for n in (entity.name, *entity.names)}:
            return key
    return None


def parties_for_titles(resolved: ResolvedDocument) -> ResolvedDocument:
    """The document with the party words of title statements re-pointed to their parties, as membership.

    Example
    -------
    >>> from kgbuild.records import Document
    >>> text = "Tory MP David Davis spoke."
    >>> ents = {"p": Entity("p", "Person", "David Davis", spans=[(8, 19, "David Davis")]),
    ...         "t": Entity("t", "Group", "Tory", spans=[(0, 4, "Tory")])}
    >>> st = Statement("p", "work_for", "t", text, 0, len(text), "is MP of", "David Davis", "Tory", 0.5, "title")
    >>> out = parties_for_titles(ResolvedDocument(Document("d", text), ents, [st]))
    >>> [(s.predicate, out.entities[s.object].name, out.entities[s.object].spans) for s in out.statements]
    [('kg:memberOfParty', 'Conservative Party', [(0, 4, 'Tory')])]
    """
    entities = dict(resolved.entities)
    statements: list[Statement] = []
    changed = False
    for statement in resolved.statements:
        obj = entities.get(statement.object)
        subject = entities.get(statement.subject)
        name = party_names().get(obj.name.lower()) if obj is not None else None
        if statement.predicate != "work_for" or statement.pattern != "title" or name is None \
                or subject is None or subject.type != "Person":
            statements.append(statement)
            continue
        party = _party_entity(entities, name) or statement.object + MADE
        words = [s for s in obj.spans if statement.sentence_start <= s[0] < statement.sentence_end]
        found = entities.get(party) or Entity(party, "Organization", name, {obj.name}, "ORG", 0, [])
        entities[party] = dataclasses.replace(found, spans=sorted({*found.spans, *words}),
                                              mentions=found.mentions + len(words))
        entities[statement.object] = dataclasses.replace(
            obj, spans=[s for s in obj.spans if s not in words], mentions=max(0, obj.mentions - len(words)))
        statements.append(dataclasses.replace(statement, predicate=typed("memberOfParty"), object=party))
        changed = True
    if not changed:
        return resolved
    used = {k for st in statements for k in (st.subject, st.object, st.attributed_to, st.place) if k}
    # a party word all of whose mentions named the party is no node of its own any more
    entities = {k: e for k, e in entities.items() if e.spans or k in used or k not in resolved.entities}
    return dataclasses.replace(resolved, entities=entities, statements=statements)
