"""Parallel builds: parse, extract and resolve in worker processes or on a Dask cluster.

Workers do everything that needs the spaCy model and send back only
``ResolvedDocument`` values (plain, picklable dataclasses, a few kB each), so
no parsed Doc ever crosses a process boundary and the main process only
merges results into the graph. Documents go out in batches, at most a few
batches per worker in flight, so a corpus is streamed and memory stays flat;
results come back in input order, so the graph is the one a single process
builds.

Two engines share that design:

- ``resolve_parallel``: a local process pool (``kgbuild build --workers N``);
- ``resolve_on_cluster``: a Dask cluster (``kgbuild build --scheduler tcp://HOST:8786``);
  each Dask worker loads the model once (``ModelPlugin``) and keeps it.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from spacy.language import Language

from kgbuild.errors import KgbuildError
from kgbuild.iterables import batched
from kgbuild.records import Document, ResolvedDocument

#: Batches in flight per worker: enough to keep every worker busy while results are merged.
BATCHES_PER_WORKER = 2

# One pipeline per worker process, loaded on first use and kept (per model name).
_PIPELINES: dict[str | None, Language] = {}
_LOCK = threading.Lock()


def worker_pipeline(model: str | None = None) -> Language:
    """The pipeline of this process for ``model``, loaded once and then reused.

    Parameters
    ----------
    model : str, optional
        A spaCy pipeline name; None for the default (see ``kgbuild.parse.load.load_model``).

    Returns
    -------
    Language

    Example
    -------
    >>> worker_pipeline() is worker_pipeline()
    True
    """
    with _LOCK:  # Dask workers may run several tasks in threads: load once
        if model not in _PIPELINES:
            from kgbuild.pipeline.stream import make_pipeline

            _PIPELINES[model] = make_pipeline(model)
        return _PIPELINES[model]


def resolve_batch(documents: list[Document], model: str | None = None, batch_size: int = 32) -> list[ResolvedDocument]:
    """Parse, extract and resolve a batch of documents with this process's pipeline (a worker task).

    Parameters
    ----------
    documents : list of Document
    model : str, optional
        The spaCy pipeline to use (loaded once per process).
    batch_size : int
        Documents per ``nlp.pipe`` batch.

    Returns
    -------
    list of ResolvedDocument, in the order of ``documents``.

    Example
    -------
    >>> [r.document.id for r in resolve_batch([Document("a", "Clinton met journalists.")])]
    ['a']
    """
    from kgbuild.pipeline.run import resolve_documents

    return list(resolve_documents(documents, worker_pipeline(model), batch_size=batch_size))


def in_order(submit: Callable[[list], Future], batches: Iterable[list], window: int) -> Iterator:
    """Submit batches with at most ``window`` pending, yielding their results' items in submission order.

    Parameters
    ----------
    submit : callable
        Starts work on one batch; returns a future whose result is a list.
    batches : iterable of list
        Read only as far as ``window`` batches ahead of the results.
    window : int
        Batches in flight.

    Returns
    -------
    Iterator over the items of every result.

    Example
    -------
    >>> from concurrent.futures import ThreadPoolExecutor
    >>> with ThreadPoolExecutor(2) as pool:
    ...     list(in_order(lambda b: pool.submit(sorted, b, reverse=True), batched(range(5), 2), window=2))
    [1, 0, 3, 2, 4]
    """
    pending: deque = deque()
    for batch in batches:
        pending.append(submit(batch))
        if len(pending) >= window:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


# ---------------------------------------------------------------- local processes
def _install(nlp: Language) -> None:
    _PIPELINES["__local__"] = nlp
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    """A worker whose build was killed (SIGTERM, OOM) would wait for tasks forever: exit instead."""
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


def _resolve_installed(documents: list[Document], batch_size: int) -> list[ResolvedDocument]:
    return resolve_batch(documents, "__local__", batch_size)


def resolve_parallel(documents: Iterable[Document], nlp: Language, n_process: int = 2, batch_size: int = 32) -> Iterator[ResolvedDocument]:
    """``resolve_documents`` over ``n_process`` worker processes, results in input order.

    Parameters
    ----------
    documents : iterable of Document
        Read lazily, a few batches ahead of the results.
    nlp : Language
        From ``make_pipeline``; inherited by the workers (or pickled where processes are spawned).
    n_process : int
        Worker processes; -1 for one per CPU.
    batch_size : int
        Documents per task and per ``nlp.pipe`` batch.

    Returns
    -------
    Iterator of ResolvedDocument

    Example
    -------
    >>> from kgbuild.pipeline.stream import make_pipeline
    >>> docs = [Document("a", "Clinton met journalists."), Document("b", "Obama visited Paris.")]
    >>> [r.document.id for r in resolve_parallel(docs, make_pipeline(), n_process=2, batch_size=1)]
    ['a', 'b']
    """
    workers = (os.cpu_count() or 1) if n_process < 0 else max(1, n_process)
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(), initializer=_install, initargs=(nlp,))
    try:
        submit = lambda batch: pool.submit(_resolve_installed, batch, batch_size)  # noqa: E731
        yield from in_order(submit, batched(documents, batch_size), BATCHES_PER_WORKER * workers)
    except BrokenProcessPool as exc:
        raise KgbuildError("a worker process died (out of memory?); try fewer --workers or a smaller --batch-size") from exc
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
