"""Builds on a Dask cluster: each worker loads the pipeline once (``ModelPlugin``) and resolves batches.

Workers send back only ``ResolvedDocument`` values (plain, picklable dataclasses, a few kB each), never
a parsed Doc; batches go out a few per worker thread ahead of the results, which come back in input
order, so the graph is the one a single process builds. The ``BuildConfig`` travels with every task.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from kgbuild.config import BuildConfig
from kgbuild.errors import KgbuildError
from kgbuild.iterables import batched
from kgbuild.pipeline.processes import BATCHES_PER_WORKER, in_order, resolve_batch, worker_pipeline
from kgbuild.records import Document, ResolvedDocument


# ---------------------------------------------------------------- Dask
def _plugin_class():
    from distributed import WorkerPlugin

    class ModelPlugin(WorkerPlugin):
        """Loads the spaCy pipeline once when a worker starts (and on workers that join later)."""

        def __init__(self, config: BuildConfig) -> None:
            self.config = config

        def setup(self, worker) -> None:
            worker_pipeline(self.config)

    return ModelPlugin


def connect(scheduler: str, timeout: str = "20s"):
    """A ``dask.distributed.Client`` for a scheduler address, or a one-line ``KgbuildError``.

    Parameters
    ----------
    scheduler : str
        Address of the Dask scheduler, e.g. ``"tcp://10.0.0.5:8786"``.
    timeout : str
        How long to try to connect.

    Returns
    -------
    distributed.Client

    Example
    -------
    >>> connect("tcp://127.0.0.1:9", timeout="1s")  # doctest: +SKIP
    Traceback (most recent call last):
    kgbuild.errors.KgbuildError: tcp://127.0.0.1:9: cannot connect to the Dask scheduler: ...
    """
    try:
        from distributed import Client
    except ImportError as exc:
        raise KgbuildError("--scheduler needs Dask: pip install 'kgbuild[cluster]'") from exc
    try:
        return Client(scheduler, timeout=timeout)
    except (OSError, TimeoutError, ValueError) as exc:
        raise KgbuildError(f"cannot connect to the Dask scheduler: {exc}".splitlines()[0], path=scheduler) from exc


def resolve_on_cluster(
    documents: Iterable[Document], client, config: BuildConfig = BuildConfig()
) -> Iterator[ResolvedDocument]:
    """``resolve_documents`` on a Dask cluster, results in input order.

    Parameters
    ----------
    documents : iterable of Document
        Read lazily, a few batches per worker ahead of the results.
    client : dask.distributed.Client or str
        A connected client, or a scheduler address such as ``"tcp://10.0.0.5:8786"``
        (then the client is opened and closed here).
    config : BuildConfig
        The build's settings, shipped to every worker: its model (installed on every worker under
        the same name), extraction settings and ``batch_size`` documents per task.

    Returns
    -------
    Iterator of ResolvedDocument

    Example
    -------
    >>> from distributed import Client, LocalCluster  # doctest: +SKIP
    >>> with LocalCluster(n_workers=2, threads_per_worker=1) as cluster, Client(cluster) as client:  # doctest: +SKIP
    ...     [r.document.id for r in resolve_on_cluster([Document("a", "Clinton met journalists.")], client)]
    ['a']
    """
    own = isinstance(client, str)
    if own:
        client = connect(client)
    try:
        client.register_plugin(_plugin_class()(config), name=f"kgbuild-pipeline-{hash(config) & 0xFFFFFFFF:08x}")
        threads = sum(client.nthreads().values()) or 1
        submit = lambda batch: client.submit(resolve_batch, batch, config, pure=False)  # noqa: E731
        yield from in_order(submit, batched(documents, config.batch_size), BATCHES_PER_WORKER * threads)
    finally:
        if own:
            client.close()
