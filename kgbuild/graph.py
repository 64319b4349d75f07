"""The knowledge graph in memory: a networkx MultiDiGraph of entities and statements.

Documents are added one at a time (``add_document``); their entities merge
with those already in the graph by type and normalised name, so the same
thing in many articles is one node. Concepts (common noun phrases such as
"the meeting") are kept per document: two articles' meetings are not one.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

import networkx as nx

from kgbuild.dates import normalize_date, parse_reference
from kgbuild.names import document_slug, normalize, slug
from kgbuild.records import Document, Merge, ResolvedDocument, Statement

#: A name in more than this share of the documents so far ("CNN" in every CNN story) tells nothing
#: about which bearer of a one-word name an article means.
COMMON_CONTEXT = 0.02


@dataclass
class MergedDocument:
    """What the graph keeps of a document once it is added (the text is not kept)."""

    document: Document
    statements: list[tuple[str, Statement, str]]  # (subject node, statement, object node)
    merges: list[tuple[str, Merge]] = field(default_factory=list)
    entity_nodes: dict[str, str] = field(default_factory=dict)  # document entity key → node id
    sentences: int = 0
    words: int = 0
    #: (begin, end, text, node) of every mention of its entities, offsets into the whole text as given
    mentions: list[tuple[int, int, str, str]] = field(default_factory=list)


class KnowledgeGraph:
    """Entities as nodes, relations as edges, documents and their statements beside.

    Example
    -------
    >>> from kgbuild import build_graph
    >>> kg = build_graph(["Hillary Clinton met Pakistani journalists in Islamabad."])
    >>> sorted(kg.graph.nodes[n]["label"] for n in kg.graph)
    ['Hillary Clinton', 'Islamabad', 'Pakistani', 'Pakistani journalists']
    """

    def __init__(self, mentions: bool = True) -> None:
        #: keep every mention's offsets, for the NIF 2.0 phrases of the RDF (``kgbuild.rdf.export``)
        self.keep_mentions = mentions
        self.graph = nx.MultiDiGraph()
        self.documents: dict[str, MergedDocument] = {}
        self._by_name: dict[tuple[str, str], str] = {}
        self._surnames: dict[str, set[str]] = defaultdict(set)
        # one-word person names ("James") identify nobody across articles by themselves: each bearer's node
        # keeps the names around it, and another article's "James" joins only a bearer it shares one with
        self._bearers: dict[str, list[str]] = defaultdict(list)
        self._context: dict[str, set[tuple[str, str]]] = defaultdict(set)
        self._context_documents: Counter = Counter()

    # ------------------------------------------------------------ building
    def add_document(self, resolved: ResolvedDocument) -> None:
        """Merge one resolved document into the graph."""
        doc = resolved.document
        merged = MergedDocument(document=doc, statements=[], sentences=resolved.sentences, words=resolved.words)
        context = {(e.type, normalize(e.name)) for e in resolved.entities.values()
                   if e.type == "Organization" or e.type == "Person" and len(e.name.split()) > 1}
        one_word: list[str] = []
        for key, entity in resolved.entities.items():
            node = self._node_for(doc, entity.type, entity.name, entity.names, context,
                                  set(merged.entity_nodes.values()))
            if entity.type == "Person" and len(entity.name.split()) == 1:
                one_word.append(node)
            data = self.graph.nodes[node]
            data["names"].update(entity.names)
            data["names"].add(entity.name)
            data["mentions"] += entity.mentions
            data["documents"].add(doc.id)
            data.setdefault("ner_label", entity.ner_label)
            merged.entity_nodes[key] = node
            if self.keep_mentions:
                merged.mentions.extend((b + doc.offset, e + doc.offset, text, node) for b, e, text in entity.spans)
        for statement in resolved.statements:
            s, o = merged.entity_nodes[statement.subject], merged.entity_nodes[statement.object]
            self.graph.add_edge(s, o, predicate=statement.predicate, statement=statement, document=doc.id)
            merged.statements.append((s, statement, o))
        merged.merges = [(merged.entity_nodes[m.entity], m) for m in resolved.merges if m.entity in merged.entity_nodes]
        self.documents[doc.id] = merged
        self._context_documents.update(context)
        for node in one_word:
            self._context[node] |= context

    def _node_for(self, doc: Document, type_: str, name: str, names: set[str], context: set[tuple[str, str]],
                  taken: set[str] = frozenset()) -> str:
        normalized = None
        if type_ == "Date":
            # "Thursday" means a different day in every article: dates are one node per ISO value
            normalized = normalize_date(name, parse_reference(doc.date))
            node = f"date-{slug(normalized)}" if normalized else f"date-{_document_part(doc.id)}-{slug(name)}"
        elif type_ in ("Concept", "Quantity"):
            # "20 goals", "the report": another article's is another thing; only names are shared
            node = f"{type_.lower()}-{_document_part(doc.id)}-{slug(name)}"
        elif type_ == "Person" and len(name.split()) == 1:
            node = self._one_word_person(doc, name, context, taken)
        else:
            key = (type_, normalize(name))
            node = self._by_name.get(key)
            if node is None:
                node = f"{type_.lower()}-{slug(name)}"
                self._by_name[key] = node
        if type_ == "Person":  # every full name of the person: "Showa Shell" as well as "Showa Shell Sekiyu KK"
            # but only names that share a word with the canonical one: a wrong merge in one article must not
            # make another article's surname this person's
            words = set(normalize(name).split())
            for full in {name} | names:
                if len(full.split()) > 1 and words & set(normalize(full).split()):
                    self._surnames[normalize(full).split()[-1]].add(node)
        if node not in self.graph:
            self.graph.add_node(node, type=type_, label=name, names=set(), mentions=0, documents=set())
            if normalized:
                self.graph.nodes[node]["normalized_date"] = normalized
        return node

    def _one_word_person(self, doc: Document, name: str, context: set[tuple[str, str]], taken: set[str] = frozenset()) -> str:
        """The node of a person an article names with one word only ("Obama", "James").

        The one person of that surname seen elsewhere, if there is one; else an earlier bearer of
        the name whose articles share a name with this one (one not common to many articles);
        else a new node. Never a node another entity of this article already has: the article's
        resolution kept the two apart ("Shell" and "Formula Shell").
        """
        key = normalize(name)
        candidates = self._surnames.get(key, set()) - taken
        if len(candidates) == 1:
            return next(iter(candidates))
        common = max(2.0, COMMON_CONTEXT * len(self.documents))
        telling = {c for c in context if self._context_documents[c] <= common}
        for node in self._bearers[key]:
            if node not in taken and self._context[node] & telling:
                return node
        node = f"person-{slug(name)}"
        if node in self.graph:  # another bearer of the name has it
            node = f"person-{slug(name)}-{_document_part(doc.id)}"
        self._bearers[key].append(node)
        return node

    # ------------------------------------------------------------ reading
    def entities(self) -> Iterator[tuple[str, dict]]:
        """(node id, attributes) of every entity."""
        return iter(self.graph.nodes(data=True))

    def statements(self) -> Iterator[tuple[str, str, Statement, str]]:
        """(document id, subject node, statement, object node) of every relation."""
        for doc_id, merged in self.documents.items():
            for s, statement, o in merged.statements:
                yield doc_id, s, statement, o

    def summary(self) -> dict[str, int]:
        """Counts for the CLI's summary line."""
        return {
            "documents": len(self.documents),
            "entities": self.graph.number_of_nodes(),
            "relations": self.graph.number_of_edges(),
            "sentences": sum(d.sentences for d in self.documents.values()),
            "words": sum(d.words for d in self.documents.values()),
        }

    def to_networkx(self) -> nx.MultiDiGraph:
        """The graph itself (not a copy): entities as nodes, one edge per statement (``statement=``).

        For a graph with plain properties only, as Gephi or Neo4j want, see
        ``kgbuild.propgraph.property_graph`` and its writers (``write_graphml``, ``write_neo4j``...).
        """
        return self.graph

    def _repr_html_(self) -> str:
        """The interactive view, in a Jupyter notebook: self-contained and offline, as graph.html."""
        from kgbuild.view.notebook import notebook_html

        return notebook_html(self)

    def query(self, sparql: str, limit: int | None = None):
        """Run a SPARQL query on the graph (our prefixes predeclared); a ``QueryResult``, a table in Jupyter.

        Example
        -------
        >>> from kgbuild import build_graph
        >>> kg = build_graph(["Hillary Clinton met Pakistani journalists in Islamabad."])
        >>> [row[0].value for row in kg.query("SELECT ?name WHERE { ?e a kg:Person ; rdfs:label ?name }").rows]
        ['Hillary Clinton']
        """
        import pyoxigraph as ox

        from kgbuild.rdf.export import iter_ntriples
        from kgbuild.sparql.query import execute

        lines = "".join(f"{s} {p} {o} {g} .\n" if g else f"{s} {p} {o} .\n" for s, p, o, g in iter_ntriples(self))
        store = ox.Store()
        store.load(lines.encode("utf-8"), format=ox.RdfFormat.N_QUADS)
        return execute(store, sparql, limit=limit)

    def to_rdflib(self):
        """The graph as an rdflib ``Graph`` (union of all named graphs)."""
        from kgbuild.rdf.export import to_rdflib

        return to_rdflib(self)

    def write(self, path, format: str | None = None) -> int:
        """Write the graph as RDF (format from the extension); returns the number of triples."""
        from kgbuild.rdf.export import iter_ntriples
        from kgbuild.rdf.formats import format_for
        from kgbuild.rdf.write import write_ntriples

        info = format_for(path, format)
        return write_ntriples(iter_ntriples(self, union=not info.quads), path, info.name, distinct=True)


def _document_part(doc_id: str) -> str:
    """A document's part of the entity ids it scopes (concepts, dates, namesakes): one per id, no dot.

    Example
    -------
    >>> _document_part("DOC_1"), _document_part("doc 1")
    ('DOC_1', 'doc%201')
    """
    return document_slug(doc_id).replace(".", "%2E")  # entity IRIs hold no dot (docs/output-contract.md)
