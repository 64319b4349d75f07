"""The pipeline: read → parse → extract → resolve → graph, behind one function.

``build_graph`` is the Python API the CLI wraps. Parsed Docs are dropped as
soon as their document is resolved, so memory holds only the graph.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator

from spacy.language import Language

import kgbuild.extract  # noqa: F401  (registers the kgbuild_relations component)
from kgbuild.graph import KnowledgeGraph
from kgbuild.pipeline.stream import _WARMED, BATCH_CHARACTERS, _by_character_budget, as_documents, make_pipeline
from kgbuild.records import Document, ResolvedDocument
from kgbuild.resolve.document import resolve_document


def resolve_documents(
    documents: Iterable[Document], nlp: Language, batch_size: int = 32, n_process: int = 1
) -> Iterator[ResolvedDocument]:
    """Parse, extract and resolve a stream of documents, one ``ResolvedDocument`` each.

    Parameters
    ----------
    documents : iterable of Document
    nlp : Language
        From ``make_pipeline``.
    batch_size : int
        Documents per ``nlp.pipe`` batch.
    n_process : int
        Worker processes that parse, extract and resolve (-1: one per CPU).

    Returns
    -------
    Iterator of ResolvedDocument

    Example
    -------
    >>> nlp = make_pipeline()
    >>> [r.document.id for r in resolve_documents([Document("a", "Clinton met journalists.")], nlp)]
    ['a']
    """
    if n_process != 1:
        # spaCy's own n_process would ship whole Docs back; our workers resolve and return small results
        from kgbuild.pipeline.processes import resolve_parallel

        yield from resolve_parallel(documents, nlp, n_process=n_process, batch_size=batch_size)
        return
    for batch in _by_character_budget(documents, batch_size, BATCH_CHARACTERS):
        pairs = [(doc.text, doc) for doc in batch]
        # spaCy's vocabulary keeps every new word it meets for good: in a memory zone the strings a
        # batch added are dropped when it ends (its Docs are not used after; results are plain data).
        # A pipeline's first batch runs outside one, to fill the tokenizer's cache, which zones leave
        # alone; "first" per pipeline, not per call: a worker resolves one batch per call.
        with nlp.memory_zone() if nlp in _WARMED else contextlib.nullcontext():
            resolved = [resolve_document(document, parsed, parsed._.relations or [])
                        for parsed, document in nlp.pipe(pairs, as_tuples=True, batch_size=len(batch))]
        _WARMED.add(nlp)
        yield from resolved


def build_graph(
    texts: Iterable[str | Document], model: str | None = None, nlp: Language | None = None,
    batch_size: int = 32, n_process: int = 1,
) -> KnowledgeGraph:
    """Build a knowledge graph from texts.

    Parameters
    ----------
    texts : iterable of str or Document
        Plain strings get ids doc1, doc2...
    model : str, optional
        A spaCy pipeline to use instead of the default English model.
    nlp : Language, optional
        A pipeline from ``make_pipeline`` to reuse.

    Returns
    -------
    KnowledgeGraph

    Example
    -------
    >>> kg = build_graph(["Hillary Clinton met Pakistani journalists in Islamabad."])
    >>> [(kg.graph.nodes[s]["label"], d["predicate"], kg.graph.nodes[o]["label"]) for s, o, d in kg.graph.edges(data=True)]
    [('Hillary Clinton', 'meet', 'Pakistani journalists')]
    """
    nlp = nlp or make_pipeline(model)
    kg = KnowledgeGraph()
    for resolved in resolve_documents(as_documents(texts), nlp, batch_size=batch_size, n_process=n_process):
        kg.add_document(resolved)
    return kg
