"""The pipeline: read → parse → extract → resolve → graph, behind one function.

``build_graph`` is the Python API the CLI wraps. Parsed Docs are dropped as
soon as their document is resolved, so memory holds only the graph.
"""

from __future__ import annotations

import contextlib
import gc
import weakref
from collections.abc import Iterable, Iterator

from spacy.language import Language

import kgbuild.extract  # noqa: F401  (registers the kgbuild_relations component)
from kgbuild.graph import KnowledgeGraph
from kgbuild.model import Document, ResolvedDocument
from kgbuild.parse import load_model
from kgbuild.resolve import resolve_document

#: Characters parsed in one batch at most (about 200 KB of text holds a few hundred MB of parser state).
BATCH_CHARACTERS = 200_000
#: Pipelines that have parsed a batch outside a memory zone (their tokenizer cache is filled).
_WARMED: weakref.WeakSet[Language] = weakref.WeakSet()


def make_pipeline(model: str | None = None) -> Language:
    """A spaCy pipeline with our extractor added (see ``kgbuild.parse.load_model`` for the model order).

    The model's objects live as long as the process, so they are moved out of the cyclic garbage
    collector's sight (``gc.freeze``, which takes whatever is alive at that point): otherwise every
    full collection of a long build walks the whole model again, half of the collector's time.
    """
    nlp = load_model(model)
    if "kgbuild_relations" not in nlp.pipe_names:
        nlp.add_pipe("kgbuild_relations")
    gc.freeze()
    return nlp


def as_documents(texts: Iterable[str | Document]) -> Iterator[Document]:
    """Documents from strings or Documents; a text too long for one parse is cut into parts."""
    from kgbuild.docids import split_document

    for i, item in enumerate(texts):
        yield from split_document(item if isinstance(item, Document) else Document(id=f"doc{i + 1}", text=item))


def _by_character_budget(documents: Iterable[Document], batch_size: int, budget: int) -> Iterator[list[Document]]:
    """Batches of at most ``batch_size`` documents and about ``budget`` characters: a batch of long
    texts would otherwise hold gigabytes of parser state at once."""
    batch: list[Document] = []
    size = 0
    for document in documents:
        if batch and (len(batch) >= batch_size or size + len(document.text) > budget):
            yield batch
            batch, size = [], 0
        batch.append(document)
        size += len(document.text)
    if batch:
        yield batch


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
        from kgbuild.distributed import resolve_parallel

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
