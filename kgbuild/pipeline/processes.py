"""Parallel builds in local worker processes (and the batching both parallel engines share).

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

from kgbuild.config import BuildConfig
from kgbuild.errors import KgbuildError
from kgbuild.iterables import batched
from kgbuild.pipeline.stream import make_pipeline, resolve_serial
from kgbuild.records import Document, ResolvedDocument

#: Batches in flight per worker: enough to keep every worker busy while results are merged.
BATCHES_PER_WORKER = 2

# One pipeline per worker process, loaded on first use and kept (per build configuration).
_PIPELINES: dict[BuildConfig, Language] = {}
_LOCK = threading.Lock()
# A local worker's pipeline, inherited from (or pickled by) the parent process that made it.
_INSTALLED: list[Language] = []


def worker_pipeline(config: BuildConfig = BuildConfig()) -> Language:
    """The pipeline of this process for ``config``, loaded once and then reused.

    Parameters
    ----------
    config : BuildConfig
        The build's model, memoisation and extraction settings.

    Returns
    -------
    Language

    Example
    -------
    >>> worker_pipeline() is worker_pipeline()
    True
    """
    with _LOCK:  # Dask workers may run several tasks in threads: load once
        if config not in _PIPELINES:
            _PIPELINES[config] = make_pipeline(config)
        return _PIPELINES[config]


def resolve_batch(documents: list[Document], config: BuildConfig = BuildConfig()) -> list[ResolvedDocument]:
    """Parse, extract and resolve a batch of documents with this process's pipeline (a worker task).

    Parameters
    ----------
    documents : list of Document
    config : BuildConfig
        The build's settings; the pipeline they describe is loaded once per process.

    Returns
    -------
    list of ResolvedDocument, in the order of ``documents``.

    Example
    -------
    >>> [r.document.id for r in resolve_batch([Document("a", "Clinton met journalists.")])]
    ['a']
    """
    return list(resolve_serial(documents, worker_pipeline(config), config))


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
    _INSTALLED[:] = [nlp]
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    """A worker whose build was killed (SIGTERM, OOM) would wait for tasks forever: exit instead."""
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


def _resolve_installed(documents: list[Document], config: BuildConfig) -> list[ResolvedDocument]:
    return list(resolve_serial(documents, _INSTALLED[0], config))


def resolve_parallel(
    documents: Iterable[Document], nlp: Language, config: BuildConfig = BuildConfig(workers=2)
) -> Iterator[ResolvedDocument]:
    """``resolve_documents`` over ``n_process`` worker processes, results in input order.

    Parameters
    ----------
    documents : iterable of Document
        Read lazily, a few batches ahead of the results.
    nlp : Language
        From ``make_pipeline``; inherited by the workers (or pickled where processes are spawned).
    config : BuildConfig
        ``workers`` processes (-1: one per CPU), ``batch_size`` documents per task and per batch.

    Returns
    -------
    Iterator of ResolvedDocument

    Example
    -------
    >>> docs = [Document("a", "Clinton met journalists."), Document("b", "Obama visited Paris.")]
    >>> config = BuildConfig(workers=2, batch_size=1)
    >>> [r.document.id for r in resolve_parallel(docs, make_pipeline(config), config)]
    ['a', 'b']
    """
    workers = (os.cpu_count() or 1) if config.workers < 0 else max(1, config.workers)
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(), initializer=_install, initargs=(nlp,))
    try:
        submit = lambda batch: pool.submit(_resolve_installed, batch, config)  # noqa: E731
        yield from in_order(submit, batched(documents, config.batch_size), BATCHES_PER_WORKER * workers)
    except BrokenProcessPool as exc:
        raise KgbuildError("a worker process died (out of memory?); try fewer --workers or a smaller --batch-size") from exc
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
