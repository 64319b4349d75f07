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
from kgbuild.resolve.repoint import entity_named, repoint_object, without_emptied

#: The end of the key of a party entity made for a party's word.
MADE = ":party"


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
        party = entity_named(entities, "Organization", (name,)) or statement.object + MADE
        made = Entity(party, "Organization", name, {obj.name}, "ORG", 0, [])
        statements.append(dataclasses.replace(repoint_object(entities, statement, made), predicate=typed("memberOfParty")))
        changed = True
    if not changed:
        return resolved
    return without_emptied(resolved, entities, statements)
