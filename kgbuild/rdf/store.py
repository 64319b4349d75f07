"""An on-disk graph store for incremental builds (pyoxigraph / RocksDB).

A store directory holds two Oxigraph databases, so that re-adding a document
never duplicates anything and mention counts never double:

- ``graph/`` is the graph itself, exactly what a one-shot build writes: each
  document's quads (statements, direct relation triples, the document
  resource) in the named graph that is the document IRI, and the merged entity
  descriptions in the default graph, ``kg:mentionCount`` summed over
  documents. ``kgbuild query`` and ``kgbuild serve`` read it (default graph =
  union), and so can ``oxigraph serve --location DIR/graph --union-default-graph``.
- ``entities/`` keeps what each document said about its entities (type,
  labels, its own ``kg:mentionCount``), one named graph per document, to
  recompute the merged description of every entity a document touches when
  the document is added again or removed.

The two are updated one after the other, not in one transaction: after a
crash, adding the same document again repairs it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef

from kgbuild.errors import KgbuildError
from kgbuild.rdf.terms import Quad
from kgbuild.rdf.vocab import KG, REL
from kgbuild.rdf.write import to_oxigraph

GRAPH_DIR, ENTITIES_DIR = "graph", "entities"
_MENTION_COUNT = ox.NamedNode(str(KG.mentionCount))
_CONTENT_HASH = ox.NamedNode(str(KG.contentHash))
_XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
_DEFAULT = ox.DefaultGraph()


class DocumentStore:
    """A kgbuild store in a directory (created if missing).

    Parameters
    ----------
    path : str or Path
        The store directory. Only one process may open it for writing at a time.

    Example
    -------
    >>> import tempfile
    >>> from rdflib import Literal
    >>> from kgbuild.rdf.vocab import DOC, ENTITY, KG
    >>> s = DocumentStore(tempfile.mkdtemp())
    >>> d = DOC["a"]
    >>> quads = [(d, KG.contentHash, Literal("h1"), d), (ENTITY["person-x"], KG.mentionCount, Literal(2), None)]
    >>> s.add_document_quads(d, quads)
    2
    >>> s.add_document_quads(d, quads)
    2
    >>> s.has_document("h1"), s.documents(), len(s.store)
    (True, ['https://w3id.org/kgbuild/doc/a'], 2)
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if self.path.exists() and not self.path.is_dir():
            raise KgbuildError("a store must be a directory", path=self.path)
        if (self.path / "CURRENT").exists():
            raise KgbuildError("this is a plain Oxigraph database, not a kgbuild store", path=self.path)
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            self.store = ox.Store(str(self.path / GRAPH_DIR))
            self.entities = ox.Store(str(self.path / ENTITIES_DIR))
        except OSError as exc:
            raise KgbuildError(f"cannot open store: {' '.join(str(exc).split())}", path=self.path) from None

    # ------------------------------------------------------------ writing

    def add_document_quads(self, doc_iri: URIRef | str, quads: Iterable[Quad]) -> int:
        """Replace everything ``doc_iri`` contributed with ``quads``.

        Parameters
        ----------
        doc_iri : URIRef or str
            The document IRI (``DOC[...]``).
        quads : iterable of (s, p, o, g)
            What one document contributes: quads in its graph (``g == doc_iri``) and, with
            ``g`` None, descriptions of the entities it mentions, ``kg:mentionCount``
            counting mentions in this document only.

        Returns
        -------
        int
            The number of distinct quads given for the document.
        """
        try:
            return self._add(ox.NamedNode(str(doc_iri)), quads)
        except OSError as exc:  # the disk is full (RocksDB's error): name the store
            raise _store_error(exc, self.path) from None

    def _add(self, doc: ox.NamedNode, quads: Iterable[Quad]) -> int:
        own, described = [], []
        for q in to_oxigraph(quads):
            if isinstance(q.graph_name, ox.DefaultGraph):
                described.append(ox.Quad(q.subject, q.predicate, q.object, doc))
            elif q.graph_name == doc:
                own.append(q)
            else:
                raise KgbuildError(f"quad in graph <{q.graph_name.value}> given for document <{doc.value}>")
        touched = self._described_subjects(doc) | {q.subject for q in described}
        self._drop(doc)
        # the content hash marks the document as stored: it goes in last, so a build killed
        # half-way through a document never leaves it looking complete to a resumed build
        hash_predicate = ox.NamedNode(str(KG.contentHash))
        self.store.extend([q for q in own if q.predicate != hash_predicate])
        self.entities.extend(described)
        self._remerge(touched)
        self.store.extend([q for q in own if q.predicate == hash_predicate])
        return len(own) + len(described)

    def remove_document(self, doc_iri: URIRef | str) -> bool:
        """Remove a document and its contribution to the entity descriptions.

        Returns
        -------
        bool
            Whether the document was in the store.
        """
        doc = ox.NamedNode(str(doc_iri))
        present = self.store.contains_named_graph(doc) or self.entities.contains_named_graph(doc)
        touched = self._described_subjects(doc)
        self._drop(doc)
        self._remerge(touched)
        return present

    def _drop(self, doc: ox.NamedNode) -> None:
        for store in (self.store, self.entities):
            if store.contains_named_graph(doc):
                store.remove_graph(doc)

    def _described_subjects(self, doc: ox.NamedNode) -> set:
        return {q.subject for q in self.entities.quads_for_pattern(None, None, None, doc)}

    def _remerge(self, subjects: set) -> None:
        """Recompute the default-graph description of ``subjects`` from every document's."""
        stale = [q for s in subjects for q in self.store.quads_for_pattern(s, None, None, _DEFAULT)]
        for q in stale:
            self.store.remove(q)
        merged: dict = {}
        totals: dict = {}
        for s in subjects:
            for q in self.entities.quads_for_pattern(s, None, None, None):
                if q.predicate == _MENTION_COUNT:
                    totals[s] = totals.get(s, 0) + int(q.object.value)
                else:
                    merged[ox.Quad(s, q.predicate, q.object, _DEFAULT)] = None
        for s, n in totals.items():
            merged[ox.Quad(s, _MENTION_COUNT, ox.Literal(str(n), datatype=_XSD_INTEGER), _DEFAULT)] = None
        self.store.extend(list(merged))

    # ------------------------------------------------------------ reading

    def has_document(self, content_hash: str, doc_iri: URIRef | str | None = None) -> bool:
        """Whether a document with this ``kg:contentHash`` (SHA-256 of its text) is stored, under ``doc_iri`` if given."""
        doc = ox.NamedNode(str(doc_iri)) if doc_iri is not None else None
        return any(True for _ in self.store.quads_for_pattern(doc, _CONTENT_HASH, ox.Literal(content_hash), doc))

    def documents(self) -> list[str]:
        """IRIs of the stored documents, sorted."""
        return sorted(g.value for g in self.store.named_graphs() if isinstance(g, ox.NamedNode))

    def quads(self) -> Iterator[ox.Quad]:
        """The store as the graph a one-shot build writes: merged default graph plus document graphs."""
        return iter(self.store)

    def ntriples(self) -> Iterator[tuple[str, str, str, str | None]]:
        """The store's quads as N-Triples text ``(s, p, o, g)``, g None for the default graph (for ``RdfWriter``)."""
        for q in self.store:
            g = q.graph_name
            yield str(q.subject), str(q.predicate), str(q.object), None if isinstance(g, ox.DefaultGraph) else str(g)

    def counts(self) -> dict[str, int]:
        """Documents, entities, relations (distinct subject, predicate, object) and statements, as ``kgbuild stats`` counts.

        Example
        -------
        >>> import tempfile
        >>> DocumentStore(tempfile.mkdtemp()).counts()
        {'documents': 0, 'entities': 0, 'relations': 0, 'statements': 0}
        """
        queries = {
            "documents": "SELECT (COUNT(DISTINCT ?d) AS ?n) { ?d a kg:Document }",
            "entities": "SELECT (COUNT(DISTINCT ?e) AS ?n) { ?e kg:mentionCount ?m }",
            "relations": f"SELECT (COUNT(*) AS ?n) {{ SELECT DISTINCT ?s ?p ?o {{ ?s ?p ?o FILTER(isIRI(?s) && isIRI(?o) "
                         f"&& STRSTARTS(STR(?p), \"{REL}\")) }} }}",
            "statements": "SELECT (COUNT(DISTINCT ?st) AS ?n) { ?st a kg:Statement }",
        }
        counts = {}
        for name, query in queries.items():
            solutions = self.store.query(query, prefixes={"kg": str(KG)}, use_default_graph_as_union=True)
            counts[name] = int(next(iter(solutions))[0].value)
        return counts

    def flush(self) -> None:
        """Make sure everything is on disk."""
        try:
            self.store.flush()
            self.entities.flush()
        except OSError as exc:
            raise _store_error(exc, self.path) from None


def _store_error(exc: OSError, path: Path) -> KgbuildError:
    """A failed store write as one line naming the store ("No space left on device" and the like)."""
    text = " ".join(str(exc).split())
    reason = "No space left on device" if "No space left" in text else text
    return KgbuildError(f"cannot write the store: {reason}", path=path)


def location(path: str | Path) -> Path:
    """The Oxigraph database to read for ``path``: a kgbuild store's graph, or a plain Oxigraph directory.

    Example
    -------
    >>> import tempfile
    >>> d = tempfile.mkdtemp()
    >>> DocumentStore(d).flush()
    >>> location(d).name
    'graph'
    """
    path = Path(path)
    if (path / GRAPH_DIR / "CURRENT").exists():
        return path / GRAPH_DIR
    if (path / "CURRENT").exists():  # RocksDB's marker file: e.g. made by `oxigraph load`
        return path
    raise KgbuildError("not a kgbuild store (no database in this directory)", path=path)


def add_document_quads(store_dir: str | Path, doc_iri: URIRef | str, quads: Iterable[Quad]) -> int:
    """Open the store in ``store_dir`` and replace one document (see ``DocumentStore.add_document_quads``).

    Example
    -------
    >>> import tempfile
    >>> from rdflib import Literal
    >>> from kgbuild.rdf.vocab import DOC, KG
    >>> add_document_quads(tempfile.mkdtemp(), DOC["a"], [(DOC["a"], KG.documentId, Literal("a"), DOC["a"])])
    1
    """
    s = DocumentStore(store_dir)
    n = s.add_document_quads(doc_iri, quads)
    s.flush()
    return n


def remove_document(store_dir: str | Path, doc_iri: URIRef | str) -> bool:
    """Open the store in ``store_dir`` and remove one document; returns whether it was there."""
    s = DocumentStore(store_dir)
    found = s.remove_document(doc_iri)
    s.flush()
    return found


def has_document(store_dir: str | Path, content_hash: str) -> bool:
    """Whether the store in ``store_dir`` holds a document with this content hash (False if no store)."""
    if not (Path(store_dir) / GRAPH_DIR / "CURRENT").exists():
        return False
    return DocumentStore(store_dir).has_document(content_hash)
