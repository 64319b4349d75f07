"""The query worker processes behind the SPARQL endpoint: each holds the store open.

Queries run in child processes, not threads, so that one can be stopped: a
worker past its deadline is killed and replaced, and a worker that crashes
(or hits its memory cap) takes down only itself, never the server. The pool
is the only thing ``kgbuild.sparql.server`` asks to answer a request; it knows
nothing of HTTP beyond the (status, content type, body, headers) it returns.
Workers start with the "spawn" method, which finds ``_worker_main`` by its
module path, so it must stay a module-level function here.
"""

from __future__ import annotations

import importlib
import multiprocessing
import queue
import sys
import threading

import pyoxigraph as ox

import kgbuild.rdf as rdfio
from kgbuild.errors import KgbuildError
from kgbuild.sparql.guard import forbidden, is_update, refusal
from kgbuild.sparql.results import media_type


def _limit_memory(extra_mb: int) -> None:
    """Cap this process's address space at its current size plus ``extra_mb``: a query that
    would eat the machine's memory kills its own worker instead (Linux; elsewhere a no-op)."""
    try:
        import resource

        with open("/proc/self/status") as status:
            size_kb = next(int(line.split()[1]) for line in status if line.startswith("VmSize:"))
        limit = (size_kb * 1024) + extra_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, OSError, StopIteration, ValueError):
        pass


def _worker_main(conn, store_dir: str, writable: bool, max_memory_mb: int = 0) -> None:
    """Worker process: answer jobs from ``conn`` until it closes.

    Sends "ready" once the store is open (or why it could not be opened), then
    for each job ``(kind, text, (results format, graph format), row limit)``,
    kind "query" or "update", one answer (status, content type, body, headers).
    """
    importlib.import_module("rdflib.plugins.sparql.parser")  # import now, not on the first risky query

    from kgbuild.sparql.query import execute
    from kgbuild.sparql.results import serialize

    try:
        store = ox.Store(store_dir) if writable else ox.Store.read_only(store_dir)
    except OSError as exc:
        conn.send(f"cannot open the store: {' '.join(str(exc).split())}")
        return
    if max_memory_mb:
        _limit_memory(max_memory_mb)
    conn.send("ready")  # query timeouts must not count the worker's start-up
    while True:
        try:
            job = conn.recv()
        except (EOFError, KeyboardInterrupt):
            return
        kind, text, fmt, limit = job
        try:
            refused = forbidden(text, update=(kind == "update"))
            if refused:
                conn.send((*refused, {}))
                continue
            if kind == "update":
                store.update(text, prefixes=rdfio.ALL_PREFIXES)
                store.flush()
                conn.send((204, "text/plain", b"", {}))
                continue
            result = execute(store, text, limit=limit)
            graph = result.kind == "construct"
            fmt = fmt[1] if graph else fmt[0]
            if fmt is None:  # the Accept header takes only the other kind of answer
                wanted = "text/turtle or application/n-triples" if graph else \
                    "application/sparql-results+json, application/sparql-results+xml, text/csv or text/tab-separated-values"
                conn.send((406, "text/plain", f"this query's answer is given as {wanted}; the Accept header takes none".encode(), {}))
                continue
            media = media_type(fmt, graph)
            headers = {"X-Kgbuild-Truncated": "true"} if result.truncated else {}
            conn.send((200, media, serialize(result, fmt), headers))
        except KgbuildError as exc:
            if kind == "query" and is_update(text):
                conn.send((*refusal(403, "SPARQL updates are not allowed here (read-only endpoint; updates go to /update)"), {}))
            else:
                conn.send((400, "text/plain", str(exc).encode(), {}))
        except SyntaxError as exc:
            conn.send((400, "text/plain", f"bad SPARQL: {' '.join(str(exc).split())}".encode(), {}))
        except Exception as exc:  # keep serving: one bad request must not take the worker down
            conn.send((500, "text/plain", f"{type(exc).__name__}: {' '.join(str(exc).split())}".encode(), {}))


class WorkerPool:
    """Worker processes with the store open; a worker past its deadline is killed and replaced.

    One read-write worker when ``writable`` (updates are serialised), else
    ``size`` read-only ones. Raises KgbuildError if a worker cannot open the store.
    """

    def __init__(self, store_dir: str, size: int, writable: bool, max_memory_mb: int = 0) -> None:
        self.store_dir, self.writable, self.max_memory_mb = store_dir, writable, max_memory_mb
        self.ctx = multiprocessing.get_context("spawn")  # no fork of a threaded process
        self.idle: queue.Queue = queue.Queue()
        self.closed = False
        for _ in range(1 if writable else max(1, size)):
            self.idle.put(self._spawn())

    def _spawn(self):
        parent, child = self.ctx.Pipe()
        proc = self.ctx.Process(target=_worker_main, args=(child, self.store_dir, self.writable, self.max_memory_mb),
                                daemon=True)
        proc.start()
        child.close()
        status = parent.recv() if parent.poll(120) else "the query worker did not start in 120 s"
        if status != "ready":
            proc.kill()
            raise KgbuildError(status, path=self.store_dir)
        return proc, parent

    def _replace(self, worker) -> None:
        proc, conn = worker
        proc.kill()
        proc.join()
        conn.close()
        if not self.closed:
            # respawn off the request thread: the client already has its answer
            threading.Thread(target=self._respawn, daemon=True).start()

    def _respawn(self) -> None:
        try:
            worker = self._spawn()
        except Exception as exc:  # the store vanished or the machine is out of memory
            if not self.closed:
                sys.stderr.write(f"kgbuild: warning: could not restart a query worker: {type(exc).__name__}: {exc}\n")
            return
        if self.closed:
            worker[0].kill()
            worker[0].join()
        else:
            self.idle.put(worker)

    def run(self, job: tuple, timeout: float, wait: float = 30.0) -> tuple:
        """Run one job within ``timeout`` s, after waiting up to ``wait`` s for a free worker.

        Parameters
        ----------
        job : tuple
            ``(kind, text, (results format, graph format), row limit)``; kind is
            "query" or "update".
        timeout : float
            Seconds the worker may take; past them it is killed and replaced (503).
        wait : float
            Seconds to wait for an idle worker before answering 503 (busy).

        Returns
        -------
        tuple
            (status, content type, body, headers), ready to send.
        """
        try:
            worker = self.idle.get(timeout=wait)
        except queue.Empty:
            return 503, "text/plain", b"server busy: no free worker, try again", {"Retry-After": "1"}
        proc, conn = worker
        try:
            conn.send(job)
            if conn.poll(timeout):
                answer = conn.recv()
                self.idle.put(worker)
                return answer
            self._replace(worker)
            return 503, "text/plain", f"query timed out after {timeout:g} s".encode(), {}
        except (EOFError, OSError):
            self._replace(worker)
            return 500, "text/plain", b"the query worker died (out of memory?); it has been restarted", {}

    def close(self) -> None:
        """End the idle workers and start no more (one busy at that moment, a daemon process, ends with the server)."""
        self.closed = True
        while True:
            try:
                proc, conn = self.idle.get_nowait()
            except queue.Empty:
                return
            conn.close()
            proc.kill()
            proc.join()
