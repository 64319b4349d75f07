"""An on-disk graph store for incremental builds (pyoxigraph / RocksDB).

Layout, so that re-adding a document never duplicates anything and mention
counts never double:

- each document's own quads (its statements, direct relation triples and the
  document resource) live in the named graph that is the document IRI;
- what the document says about entities (type, labels, ``kg:mentionCount`` in
  *this* document...) is kept in a side graph ``<doc IRI>#entities``;
- the default graph holds the merged entity descriptions: the union of the
  side graphs, with ``kg:mentionCount`` summed over documents. It is
  recomputed for the entities a document touches whenever one is added or
  removed.

Queries through kgbuild (``kgbuild query STORE``, ``kgbuild serve STORE``)
see the default graph plus the document graphs, never the side graphs:
exactly the graph a one-shot build writes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef

from kgbuild import rdfio
from kgbuild.errors import KgbuildError
from kgbuild.vocab import KG

#: Suffix of the side graph that holds one document's entity descriptions.
DESCRIPTION_SUFFIX = "#entities"
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
    >>> from kgbuild.vocab import DOC, ENTITY, KG
    >>> s = DocumentStore(tempfile.mkdtemp())
    >>> d = DOC["a"]
    >>> s.add_document_quads(d, [(d, KG.contentHash, Literal("h1"), d),
    ...                          (ENTITY["person/x"], KG.mentionCount, Literal(2), None)])
    2
    >>> s.add_document_quads(d, [(d, KG.contentHash, Literal("h1"), d),
    ...                          (ENTITY["person/x"], KG.mentionCount, Literal(2), None)])
    2
    >>> s.has_document("h1"), len(s.documents())
    (True, 1)
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if self.path.exists() and not self.path.is_dir():
            raise KgbuildError("a store must be a directory", path=self.path)
        try:
            self.store = ox.Store(str(self.path))
        except OSError as exc:
            raise KgbuildError(f"cannot open store: {' '.join(str(exc).split())}", path=self.path) from None

    # ------------------------------------------------------------ writing

    def add_document_quads(self, doc_iri: URIRef | str, quads: Iterable[rdfio.Quad]) -> int:
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
            The number of quads stored for the document.
        """
        doc = ox.NamedNode(str(doc_iri))
        side = _side_graph(doc)
        own, described = [], []
        for q in rdfio.to_oxigraph(quads):
            if isinstance(q.graph_name, ox.DefaultGraph):
                described.append(ox.Quad(q.subject, q.predicate, q.object, side))
            elif q.graph_name == doc:
                own.append(q)
            else:
                raise KgbuildError(f"quad in graph <{q.graph_name.value}> given for document <{doc.value}>")
        touched = self._described_subjects(side) | {q.subject for q in described}
        self._drop(doc)
        self.store.extend(own + described)
        self._remerge(touched)
        return len(set(own)) + len(set(described))

    def remove_document(self, doc_iri: URIRef | str) -> bool:
        """Remove a document and its contribution to the entity descriptions.

        Returns
        -------
        bool
            Whether the document was in the store.
        """
        doc = ox.NamedNode(str(doc_iri))
        side = _side_graph(doc)
        present = self.store.contains_named_graph(doc) or self.store.contains_named_graph(side)
        touched = self._described_subjects(side)
        self._drop(doc)
        self._remerge(touched)
        return present

    def _drop(self, doc: ox.NamedNode) -> None:
        for graph in (doc, _side_graph(doc)):
            if self.store.contains_named_graph(graph):
                self.store.remove_graph(graph)

    def _described_subjects(self, side: ox.NamedNode) -> set:
        if not self.store.contains_named_graph(side):
            return set()
        return {q.subject for q in self.store.quads_for_pattern(None, None, None, side)}

    def _remerge(self, subjects: set) -> None:
        """Recompute the default-graph description of ``subjects`` from all side graphs."""
        stale = [q for s in subjects for q in self.store.quads_for_pattern(s, None, None, _DEFAULT)]
        for q in stale:
            self.store.remove(q)
        merged: dict = {}
        totals: dict = {}
        for s in subjects:
            for q in self.store.quads_for_pattern(s, None, None, None):
                if not _is_side_graph(q.graph_name):
                    continue
                if q.predicate == _MENTION_COUNT:
                    totals[s] = totals.get(s, 0) + int(q.object.value)
                else:
                    merged[ox.Quad(s, q.predicate, q.object, _DEFAULT)] = None
        merged.update({ox.Quad(s, _MENTION_COUNT, ox.Literal(str(n), datatype=_XSD_INTEGER), _DEFAULT): None for s, n in totals.items()})
        self.store.extend(list(merged))

    # ------------------------------------------------------------ reading

    def has_document(self, content_hash: str) -> bool:
        """Whether a document with this ``kg:contentHash`` (SHA-256 of its text) is stored."""
        lit = ox.Literal(content_hash)
        return any(True for q in self.store.quads_for_pattern(None, _CONTENT_HASH, lit, None) if not _is_side_graph(q.graph_name))

    def documents(self) -> list[str]:
        """IRIs of the stored documents, sorted."""
        return sorted(g.value for g in self.store.named_graphs() if isinstance(g, ox.NamedNode) and not _is_side_graph(g))

    def quads(self) -> Iterator[ox.Quad]:
        """The store as the graph a one-shot build writes: merged default graph plus document graphs."""
        for q in self.store:
            if not _is_side_graph(q.graph_name):
                yield q

    def flush(self) -> None:
        """Make sure everything is on disk."""
        self.store.flush()


def _side_graph(doc: ox.NamedNode) -> ox.NamedNode:
    return ox.NamedNode(doc.value + DESCRIPTION_SUFFIX)


def _is_side_graph(graph) -> bool:
    return isinstance(graph, ox.NamedNode) and graph.value.endswith(DESCRIPTION_SUFFIX)


def query_dataset(store: ox.Store) -> dict:
    """Keyword arguments for ``Store.query`` that show a kgbuild store as a one-shot build graph.

    The default graph is the merged descriptions plus every document graph; GRAPH
    clauses see the document graphs; the bookkeeping side graphs stay hidden. For a
    store without side graphs this is just the union default graph.

    Example
    -------
    >>> query_dataset(ox.Store())
    {'use_default_graph_as_union': True}
    """
    graphs = list(store.named_graphs())
    docs = [g for g in graphs if not _is_side_graph(g)]
    if len(docs) == len(graphs):
        return {"use_default_graph_as_union": True}
    return {"default_graph": [_DEFAULT, *docs], "named_graphs": docs}


def add_document_quads(store_dir: str | Path, doc_iri: URIRef | str, quads: Iterable[rdfio.Quad]) -> int:
    """Open the store in ``store_dir`` and replace one document (see ``DocumentStore.add_document_quads``).

    Example
    -------
    >>> import tempfile
    >>> from rdflib import Literal
    >>> from kgbuild.vocab import DOC, KG
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
    """Whether the store in ``store_dir`` holds a document with this content hash."""
    if not Path(store_dir).is_dir():
        return False
    return DocumentStore(store_dir).has_document(content_hash)
