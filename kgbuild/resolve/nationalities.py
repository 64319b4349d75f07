"""A nationality that stands for its country: "Russian President Vladimir Putin" is Russia's president.

A nationality is a node of its own (a Group: "Pakistani journalists" are Pakistanis, not Pakistan). But
where a statement needs a country, the nationality names one: a citizenship and a country (Wikidata's
P27 and P17 take countries), and the employer a government title gives ("Russian Defence Minister
Sergey Shoigu" works for Russia). Those statements are re-pointed to the document's entity for the
country (``kgbuild/data/demonyms.tsv``), made when the document never names it; the nationality's words in
those statements' sentences become mentions of the country.

Runs before typing (``kgbuild.resolve.typed.type_document``), so that the typing sees a place.
"""

from __future__ import annotations

from kgbuild.extract.patterns.typed import GOVERNMENT_ROLES
from kgbuild.extract.properties import typed
from kgbuild.lexicon import demonyms
from kgbuild.records import Entity, ResolvedDocument, Statement
from kgbuild.resolve.repoint import entity_named, repoint_object, without_emptied

#: Predicates whose object, when a nationality, is its country.
COUNTRY_PREDICATES = frozenset({"work_for", typed("citizenship"), typed("country")})
#: The end of the key of a country entity made for a nationality.
MADE = ":country"


def countries_for_nationalities(resolved: ResolvedDocument) -> ResolvedDocument:
    """The document with the nationality objects of ``COUNTRY_PREDICATES`` statements re-pointed to countries.

    Example
    -------
    >>> from kgbuild.records import Document
    >>> text = "Russian President Vladimir Putin spoke."
    >>> ents = {"p": Entity("p", "Person", "Vladimir Putin", spans=[(18, 32, "Vladimir Putin")]),
    ...         "r": Entity("r", "Group", "Russian", spans=[(0, 7, "Russian")])}
    >>> st = Statement("p", "work_for", "r", text, 0, len(text), "is President of", "Vladimir Putin", "Russian", 0.8, "title")
    >>> out = countries_for_nationalities(ResolvedDocument(Document("d", text), ents, [st]))
    >>> [(out.entities[s.object].name, out.entities[s.object].type, out.entities[s.object].spans) for s in out.statements]
    [('Russia', 'Place', [(0, 7, 'Russian')])]
    """
    entities = dict(resolved.entities)
    statements: list[Statement] = []
    changed = False
    for statement in resolved.statements:
        obj = entities.get(statement.object)
        names = demonyms().get(obj.name.lower()) if obj is not None and obj.type == "Group" else None
        if statement.predicate not in COUNTRY_PREDICATES or names is None:
            statements.append(statement)
            continue
        if statement.predicate == "work_for" and not GOVERNMENT_ROLES.intersection(statement.relation_text.lower().split()):
            changed = True
            continue  # "Italian poet Gabriele D'Annunzio": a nationality, no employer (the citizenship says it)
        # the nationality's words in this sentence are mentions of the country (made when not named)
        country = entity_named(entities, "Place", names) or statement.object + MADE
        statements.append(repoint_object(entities, statement, Entity(country, "Place", names[0], set(), "GPE", 0, [])))
        changed = True
    if not changed:
        return resolved
    # a nationality all of whose words named its country is no node any more
    return without_emptied(resolved, entities, statements)
