"""``kgbuild query``'s bounded run: the query in a child process, its rows streamed, its time limited.

pyoxigraph evaluates in Rust and does not look at Python's signals, so an aggregate over a
big graph ignored Ctrl-C for minutes. The query therefore runs in a child process that
opens the graph, evaluates and serialises, and sends its output a block of rows at a time;
this process writes each block as it comes and, on Ctrl-C or past ``timeout``, kills the
child at once. Nothing here knows the command line: ``kgbuild.cli.query`` calls ``run_bounded``.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import time
from pathlib import Path
from typing import BinaryIO

from kgbuild.errors import KgbuildError
from kgbuild.sparql.guard import forbidden

#: How often the parent looks at the clock and at Ctrl-C while the child works (seconds).
_TICK = 0.1
#: Rows the child sends at a time.
_BLOCK = 64


def check_service(sparql: str, allow_service: bool) -> None:
    """Refuse SERVICE (and LOAD) unless allowed: an offline tool must not call out on its own.

    Example
    -------
    >>> check_service("SELECT * { SERVICE <http://127.0.0.1:1/q> { ?s ?p ?o } }", allow_service=False)
    Traceback (most recent call last):
    ...
    kgbuild.errors.KgbuildError: SERVICE (federated query) would send requests to other servers: refused (give --allow-service to let it)
    """
    if allow_service:
        return
    refused = forbidden(sparql, update=False)
    if refused is None:
        return
    status, _, message = refused
    if b"SERVICE" in message and status == 403:
        raise KgbuildError("SERVICE (federated query) would send requests to other servers: refused "
                           "(give --allow-service to let it)")
    if status == 400 and "service" in sparql.lower():  # rdflib cannot parse it, and it may hide a SERVICE
        raise KgbuildError("cannot check this query for SERVICE (federated query), so it is refused "
                           "(give --allow-service to run it anyway)")


def run_bounded(source: str | Path, sparql: str, format: str, out: BinaryIO, timeout: float | None = 60.0,
                max_results: int | None = None, allow_service: bool = False) -> None:
    """Run a query on a graph file or store, writing its answer to ``out`` as it comes.

    Parameters
    ----------
    source : str or Path
        A graph file or a store directory.
    sparql : str
        The query (our prefixes predeclared).
    format : str
        table, json, csv, tsv or xml (CONSTRUCT: Turtle, or N-Triples for csv/tsv).
    out : binary file
        Where the answer goes, a block of rows at a time.
    timeout : float or None
        Seconds the query may take once the graph is loaded; then it is stopped (KgbuildError).
    max_results : int or None
        Rows (or triples) at most; the table says when it was cut.
    allow_service : bool
        Let SERVICE send requests to other servers.

    Raises
    ------
    KgbuildError
        Bad SPARQL, SERVICE refused, a graph that cannot be read, or the time is up.
    KeyboardInterrupt
        On Ctrl-C, once the query is stopped.

    Example
    -------
    >>> import io, tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.nt"
    >>> _ = p.write_text('<http://e/a> <http://e/p> "x" .\\n')
    >>> buf = io.BytesIO()
    >>> run_bounded(p, "SELECT ?o { ?s ?p ?o }", "csv", buf)
    >>> buf.getvalue()
    b'o\\r\\nx\\r\\n'
    """
    check_service(sparql, allow_service)
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    ctx = multiprocessing.get_context(method)
    receiver, sender = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_child, args=(sender, str(source), sparql, format, max_results, os.getpid()),
                        daemon=True)
    deadline = None  # set once the graph is open: loading a big file is not the query's time
    try:  # from the start: a Ctrl-C while the child is being made still ends it
        child.start()
        sender.close()
        while True:
            if deadline is not None and time.monotonic() > deadline:  # also while rows pour in
                raise KgbuildError(f"query stopped after {timeout:g} s (--timeout; what came so far was printed)")
            if receiver.poll(_TICK):
                try:
                    message = receiver.recv_bytes()
                except EOFError:
                    child.join()
                    raise KgbuildError(f"the query process ended without an answer (exit code {child.exitcode}; "
                                       "out of memory?)") from None
                kind, body = message[:1], message[1:]
                if kind == b"R":
                    deadline = None if timeout is None else time.monotonic() + timeout
                elif kind == b"D":
                    out.write(body)
                    out.flush()
                elif kind == b"E":
                    raise KgbuildError(body.decode("utf-8", "replace"))
                else:  # b"Z": done
                    return
            elif not child.is_alive() and not receiver.poll():
                raise KgbuildError(f"the query process ended without an answer (exit code {child.exitcode}; "
                                   "out of memory?)")
    finally:  # Ctrl-C, a timeout, an error or the end: the child goes at once
        if child.pid is not None:
            if child.is_alive():
                child.kill()
            child.join()
        receiver.close()


def _child(conn, source: str, sparql: str, format: str, max_results: int | None, parent: int) -> None:
    """The query process: open the graph (R), evaluate, serialise, send blocks of output (D), an error (E) or the end (Z)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C, by killing us
    _die_with(parent)
    try:
        import pyoxigraph as ox

        from kgbuild.rdf.load import open_source
        from kgbuild.sparql.query import execute, prepare
        from kgbuild.sparql.results import iter_select, serialize

        store = open_source(source)
        conn.send_bytes(b"R")  # the graph is open: the query's time starts
        answer = prepare(store, sparql)
        if isinstance(answer, ox.QuerySolutions):
            variables = [v.value for v in answer.variables]
            cut = [False]

            def rows():
                for n, solution in enumerate(answer):
                    if max_results is not None and n >= max_results:
                        cut[0] = True
                        return
                    yield tuple(solution[i] for i in range(len(variables)))

            for chunk in iter_select(variables, rows(), format, lambda: cut[0], block=_BLOCK):
                conn.send_bytes(b"D" + chunk)  # each block as soon as it is serialised
        else:
            result = execute(store, sparql, limit=max_results, answer=answer)
            conn.send_bytes(b"D" + serialize(result, format))
            if result.truncated and result.kind == "construct":
                sys.stderr.write(f"kgbuild: warning: answer cut at {max_results} triples (--max-results)\n")
        conn.send_bytes(b"Z")
    except KgbuildError as exc:
        conn.send_bytes(b"E" + str(exc).encode("utf-8", "replace"))
    except Exception as exc:  # a bug: still one line
        conn.send_bytes(b"E" + f"internal error in the query process: {type(exc).__name__}: {exc}".encode())
    finally:
        conn.close()
        os._exit(0)  # no clean-up of the parent's state, inherited by fork


def _die_with(parent: int) -> None:
    """End this process when ``parent`` ends, however it ends (a kill leaves no one to kill us): on Linux the
    kernel sends SIGKILL then (prctl PR_SET_PDEATHSIG); elsewhere the parent's clean-up is all there is."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1: PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent went before the request was made
        os._exit(0)
