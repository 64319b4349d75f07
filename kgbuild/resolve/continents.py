"""A country's continent (Wikidata P30), when the text names the continent: "Estonia ... in Europe".

A reader knows that Estonia is in Europe; the text rarely says so in one clause ("Estonia, a country in
northern Europe, joined the euro"; "the first European country to ..."). When a document names both a
country and its continent (``kgbuild/data/continents.tsv``, written for kgbuild), the country gets
``kg:continent`` that continent. Like the pair model, this reads what an encyclopaedia's introduction
implies, so a build adds it where the pair model runs (``BuildConfig.pair_relations``). Only countries: on Re-DocRED's training documents, a continent given to
every place in a country the text names was right for 41 of 147 places, and for countries 50 of 61.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc

from kgbuild.extract.properties import typed
from kgbuild.lexicon import CONTINENTS, continents
from kgbuild.records import ResolvedDocument, Statement

#: The pattern of the statements made here (their provenance: a lexicon, not one clause).
CONTINENT_PATTERN = "continent_lexicon"
#: The share of such statements that were right on Re-DocRED's training documents (50 of 61).
CONTINENT_CONFIDENCE = 0.82


def add_continents(resolved: ResolvedDocument, doc: Doc) -> ResolvedDocument:
    """The document with ``kg:continent`` from each country it names to that country's continent, when it
    names the continent too.

    Parameters
    ----------
    resolved : ResolvedDocument
        After typing.
    doc : Doc
        Its parsed text (the entities' spans are offsets into ``doc.text``).

    Example
    -------
    >>> from kgbuild.records import Document, Entity
    >>> text = "Estonia joined the euro. It is the smallest economy in Europe."
    >>> ents = {"e0": Entity("e0", "Place", "Estonia", spans=[(0, 7, "Estonia")]),
    ...         "e1": Entity("e1", "Place", "Europe", spans=[(55, 61, "Europe")])}
    >>> from kgbuild.parse.load import load_model
    >>> out = add_continents(ResolvedDocument(Document("d", text), ents, []), load_model()(text))
    >>> [(st.subject, st.predicate, st.object, st.sentence) for st in out.statements]
    [('e0', 'kg:continent', 'e1', 'Estonia joined the euro. It is the smallest economy in Europe.')]
    """
    table = continents()
    named = {}  # continent → the key of its entity
    for key, entity in resolved.entities.items():
        name = entity.name.lower().removeprefix("the ")
        if entity.type == "Place" and name in CONTINENTS and entity.spans:
            named.setdefault(name, key)
    if not named:
        return resolved
    predicate = typed("continent")
    stated = {(st.subject, st.predicate, st.object) for st in resolved.statements}
    starts = [s.start_char for s in doc.sents]
    ends = [s.end_char for s in doc.sents]
    added = []
    for key, entity in resolved.entities.items():
        if entity.type != "Place" or not entity.spans:
            continue
        for continent in table.get(entity.name.lower().removeprefix("the "), ()):
            target = named.get(continent.lower())
            if target is None or target == key or (key, predicate, target) in stated:
                continue
            country_at = entity.spans[0]
            continent_at = min(resolved.entities[target].spans, key=lambda s: abs(s[0] - country_at[0]))
            first, last = sorted((country_at[0], continent_at[0]))
            start = starts[max(bisect.bisect_right(starts, first) - 1, 0)]
            end = ends[min(bisect.bisect_left(ends, last + 1), len(ends) - 1)]
            added.append(Statement(
                subject=key, predicate=predicate, object=target, sentence=doc.text[start:end], sentence_start=start,
                sentence_end=end, relation_text="", subject_text=country_at[2], object_text=continent_at[2],
                confidence=CONTINENT_CONFIDENCE, pattern=CONTINENT_PATTERN))
            stated.add((key, predicate, target))
    if not added:
        return resolved
    return ResolvedDocument(resolved.document, resolved.entities, resolved.statements + added, resolved.merges,
                            resolved.sentences, resolved.words)
