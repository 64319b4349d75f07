"""The IRIs kgbuild mints: entities, documents, predicates, statements (docs/output-contract.md).

Each is readable (a slug of the name) and stable across runs; statement IRIs carry a short digest of
what they state, so the same statement read twice is one node.
"""

from __future__ import annotations

import functools
import hashlib
import urllib.parse

from rdflib import URIRef

import kgbuild.rdf.ntriples as nt
from kgbuild.extract.properties import property_of
from kgbuild.names import document_slug
from kgbuild.rdf.vocab import DOC, ENTITY, REL, STATEMENT, TYPED
from kgbuild.records import Statement


def entity_iri(node: str) -> URIRef:
    return ENTITY[node]


def document_iri(doc_id: str) -> URIRef:
    return DOC[document_slug(doc_id)]


def predicate_iri(predicate: str) -> URIRef:
    """A typed property's IRI in our ontology (``kg:employer``), else the open predicate's in ``rel:``.

    Example
    -------
    >>> str(predicate_iri("kg:employer")), str(predicate_iri("meet_with"))
    ('https://w3id.org/kgbuild/ontology#employer', 'https://w3id.org/kgbuild/rel/meet_with')
    """
    typed = property_of(predicate)
    if typed is not None:
        return TYPED[typed.key]
    return REL[urllib.parse.quote(predicate, safe="_-.~")]


def statement_iri(doc_id: str, s: str, statement: Statement, o: str) -> URIRef:
    return STATEMENT[_statement_name(doc_id, s, statement, o)]


def _statement_name(doc_id: str, s: str, statement: Statement, o: str) -> str:
    return _digest(doc_id, str(statement.sentence_start), s, statement.predicate, o, statement.relation_text)


def _digest(*parts: str) -> str:
    """The local name of a minted statement or merge IRI: a hash of what identifies it."""
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


@functools.lru_cache(maxsize=4096)
def _predicate_term(predicate: str) -> str:
    """``predicate_iri`` as N-Triples, cached: a few hundred predicates make most statements."""
    return nt.iri(predicate_iri(predicate))
