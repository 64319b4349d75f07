"""The pipeline's dispatcher: one process, local worker processes or a Dask cluster, and ``build_graph``.

``build_graph`` builds in memory; ``kgbuild.pipeline.build.build_files`` is what ``kgbuild build`` does.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language

import kgbuild.extract  # noqa: F401  (registers the kgbuild_relations component)
from kgbuild.config import BuildConfig
from kgbuild.graph import KnowledgeGraph
from kgbuild.pipeline.stream import as_documents, make_pipeline, resolve_serial
from kgbuild.records import Document, ResolvedDocument


def resolve_documents(
    documents: Iterable[Document], nlp: Language | None = None, batch_size: int | None = None,
    n_process: int | None = None, config: BuildConfig | None = None,
) -> Iterator[ResolvedDocument]:
    """Parse, extract and resolve a stream of documents, one ``ResolvedDocument`` each, in input order.

    Runs in this process, in ``config.workers`` local processes, or on the Dask cluster at
    ``config.scheduler``; all three give the same results.

    Parameters
    ----------
    documents : iterable of Document
    nlp : Language, optional
        From ``make_pipeline``; made from ``config`` when not given (never on a cluster, whose
        workers load their own).
    batch_size, n_process : int, optional
        Shorthands for ``config.batch_size`` and ``config.workers``.
    config : BuildConfig, optional
        The build's settings (default: ``BuildConfig()``).

    Returns
    -------
    Iterator of ResolvedDocument

    Example
    -------
    >>> nlp = make_pipeline()
    >>> [r.document.id for r in resolve_documents([Document("a", "Clinton met journalists.")], nlp)]
    ['a']
    """
    config = config or BuildConfig()
    if batch_size is not None:
        config = config.replace(batch_size=batch_size)
    if n_process is not None:
        config = config.replace(workers=n_process)
    if config.scheduler:
        from kgbuild.pipeline.cluster import resolve_on_cluster

        yield from resolve_on_cluster(documents, config.scheduler, config)
        return
    nlp = nlp or make_pipeline(config)
    if config.workers != 1:
        # spaCy's own n_process would ship whole Docs back; our workers resolve and return small results
        from kgbuild.pipeline.processes import resolve_parallel

        yield from resolve_parallel(documents, nlp, config)
        return
    yield from resolve_serial(documents, nlp, config)


def build_graph(
    texts: Iterable[str | Document], model: str | None = None, nlp: Language | None = None,
    batch_size: int | None = None, n_process: int | None = None, config: BuildConfig | None = None,
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
    batch_size, n_process : int, optional
        Shorthands for ``config.batch_size`` and ``config.workers``.
    config : BuildConfig, optional
        The build's settings; ``model`` overrides its model.

    Returns
    -------
    KnowledgeGraph

    Example
    -------
    >>> kg = build_graph(["Hillary Clinton met Pakistani journalists in Islamabad."])
    >>> [(kg.graph.nodes[s]["label"], d["predicate"], kg.graph.nodes[o]["label"]) for s, o, d in kg.graph.edges(data=True)]
    [('Hillary Clinton', 'meet', 'Pakistani journalists')]
    """
    config = config or BuildConfig()
    if model is not None:
        config = config.replace(model=model)
    if nlp is None and not config.scheduler:
        nlp = make_pipeline(config)
    kg = KnowledgeGraph(mentions=config.mentions)
    documents = as_documents(texts, config.max_chars)
    for resolved in resolve_documents(documents, nlp, batch_size=batch_size, n_process=n_process, config=config):
        kg.add_document(resolved)
    return kg
