"""RDF vocabularies of kgbuild: our ontology as an rdflib ``DefinedNamespace``.

Every IRI kgbuild writes comes from here, so a typo is an AttributeError at
import time rather than a silently wrong triple. The ontology itself is
``ontologies/kgbuild.ttl``; ``tests/test_vocab.py`` checks the two agree.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

BASE = "https://w3id.org/kgbuild/"


class KG(DefinedNamespace):
    """Classes and properties declared in ``ontologies/kgbuild.ttl``."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # classes
    Entity: URIRef
    Person: URIRef
    Organization: URIRef
    Place: URIRef
    Group: URIRef
    Event: URIRef
    Date: URIRef
    CreativeWork: URIRef
    Product: URIRef
    Law: URIRef
    Quantity: URIRef
    Language: URIRef
    Concept: URIRef
    Statement: URIRef
    Document: URIRef
    MergeRecord: URIRef
    RelationPredicate: URIRef
    TypedProperty: URIRef
    # relation super-property
    relatedTo: URIRef
    # entity properties
    mentionCount: URIRef
    mentionedIn: URIRef
    normalizedDate: URIRef
    nerLabel: URIRef
    # statement properties
    confidence: URIRef
    negated: URIRef
    modality: URIRef
    attributedTo: URIRef
    attribution: URIRef
    time: URIRef
    normalizedTime: URIRef
    place: URIRef
    sentence: URIRef
    relationText: URIRef
    subjectText: URIRef
    objectText: URIRef
    pattern: URIRef
    # document properties
    documentId: URIRef
    contentHash: URIRef
    source: URIRef
    siteName: URIRef
    # merge records
    mergedName: URIRef
    mergeRule: URIRef
    mergedInto: URIRef


# Minted IRIs: relation predicates, entities, documents, statements, merges.
REL = Namespace(BASE + "rel/")
ENTITY = Namespace(BASE + "entity/")
DOC = Namespace(BASE + "doc/")
STATEMENT = Namespace(BASE + "statement/")
MERGE = Namespace(BASE + "merge/")


class NIF(DefinedNamespace):
    """The NIF 2.0 Core terms we write: statement offsets, and every mention as a ``nif:Phrase``."""

    _NS = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
    _fail = True

    Context: URIRef
    Phrase: URIRef
    String: URIRef
    beginIndex: URIRef
    endIndex: URIRef
    anchorOf: URIRef
    referenceContext: URIRef


class ITSRDF(DefinedNamespace):
    """Internationalization Tag Set (ITS 2.0) in RDF: ``itsrdf:taIdentRef``, the entity a mention names."""

    _NS = Namespace("http://www.w3.org/2005/11/its/rdf#")
    _fail = True

    taIdentRef: URIRef


#: The typed relation properties (kg:employer, kg:locatedIn...): our ontology's namespace, one term per
#: entry of ``kgbuild.extract.properties.PROPERTIES``, each declared in ontologies/kgbuild.ttl.
TYPED = Namespace(BASE + "ontology#")
#: Wikidata direct properties (wdt:P108), which the typed properties are equivalent to.
WDT = Namespace("http://www.wikidata.org/prop/direct/")
SCHEMA = Namespace("https://schema.org/")

#: Prefixes bound in every graph we write, for readable Turtle.
PREFIXES: dict[str, Namespace] = {
    "kg": Namespace(BASE + "ontology#"),
    "rel": REL,
    "ent": ENTITY,
    "doc": DOC,
    "st": STATEMENT,
    "merge": MERGE,
    "nif": NIF._NS,
    "itsrdf": ITSRDF._NS,
    "wdt": WDT,
    "schema": SCHEMA,
}


#: Every prefix we bind when writing or querying: ours plus the standard vocabularies.
ALL_PREFIXES: dict[str, str] = {
    **{k: str(v) for k, v in PREFIXES.items()},
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
}
