"""A SPARQL 1.1 Protocol endpoint over a graph file or a store, safe by default.

Why not ``oxigraph serve``: it has a query timeout but no result limit, no
authentication for updates and it runs SERVICE (outgoing HTTP requests) even
read-only. So: ``http.server.ThreadingHTTPServer`` takes requests; each query
runs in a pool of worker *processes* holding the store (pyoxigraph). A query
that outlives ``timeout`` has its worker killed and replaced, so a runaway
query never keeps burning a core, and a crash in one never kills the server.

- read-only by default, loopback by default; updates need ``allow_update`` and
  a bearer token, and then go through a single read-write worker;
- SERVICE and LOAD are refused (found by parsing the request with rdflib's
  SPARQL grammar, not by pattern matching), as are updates sent as queries;
- results: JSON, XML, CSV, TSV for SELECT/ASK; Turtle, N-Triples for
  CONSTRUCT/DESCRIBE; chosen by the Accept header; at most ``max_results``
  rows (then the header ``X-Kgbuild-Truncated: true``).

This module holds the configuration, the HTTP handler and ``Endpoint``; the
screening of requests is in ``kgbuild.sparql.guard``, the worker processes in
``kgbuild.sparql.workers``, the media types and Accept negotiation in
``kgbuild.sparql.results``.
"""

from __future__ import annotations

import hmac
import shutil
import sys
import tempfile
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

import kgbuild.rdf as rdfio
from kgbuild.errors import KgbuildError
from kgbuild.rdf.store import location
from kgbuild.sparql import page
from kgbuild.sparql.results import negotiate
from kgbuild.sparql.workers import WorkerPool


@dataclass
class ServeConfig:
    """How to serve: what, where, and the limits that keep the server alive."""

    source: Path
    host: str = "127.0.0.1"
    port: int = 7878
    allow_update: bool = False
    token: str | None = None
    timeout: float = 30.0
    max_results: int = 10_000
    workers: int = 2
    max_body: int = 1_000_000
    max_connections: int = 64
    queue_wait: float = 30.0  # seconds a request may wait for a free worker before a 503
    max_memory_mb: int = 1024  # memory a worker may add while answering; 0 = no limit


class _Handler(BaseHTTPRequestHandler):
    server_version = "kgbuild-sparql"
    timeout = 30  # seconds a client may take to send its request

    config: ServeConfig
    pool: WorkerPool
    slots: threading.BoundedSemaphore

    def log_message(self, format: str, *args) -> None:  # one line per request on stderr
        sys.stderr.write(f"{self.address_string()} {format % args}\n")

    def _send(self, status: int, ctype: str, body: bytes, headers: dict | None = None) -> None:
        if ctype == "text/plain" and body and not body.endswith(b"\n"):
            body += b"\n"
        self.send_response(status)
        self.send_header("Content-Type", ctype if ";" in ctype or not ctype.startswith("text/") else ctype + "; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: int, message: str, headers: dict | None = None) -> None:
        self._send(status, "text/plain", message.encode(), headers)

    def do_GET(self) -> None:
        self._guarded(self._get)

    def do_POST(self) -> None:
        self._guarded(self._post)

    def _guarded(self, handler) -> None:
        if not self.slots.acquire(blocking=False):
            return self._error(503, "too many concurrent requests", {"Retry-After": "1"})
        try:
            handler()
        except (BrokenPipeError, ConnectionResetError):
            pass
        except Exception as exc:  # never a traceback to the client, never a dead server
            self._error(500, f"internal error: {type(exc).__name__}")
        finally:
            self.slots.release()

    def _get(self) -> None:
        url = urlsplit(self.path)
        if len(self.path) > self.config.max_body:
            return self._error(414, "request URI too long")
        if url.path in page.PATHS:  # the query page, and the graph view of an entity
            return page.answer(self, url)
        if url.path != "/query":
            return self._error(404, "not found: use /query")
        params = parse_qs(url.query, keep_blank_values=True)
        self._dispatch("query", params)

    def _post(self) -> None:
        url = urlsplit(self.path)
        if url.path not in ("/query", "/update"):
            return self._error(404, "not found: use /query or /update")
        length = self.headers.get("Content-Length")
        if length is None:
            return self._error(411, "Content-Length required")
        try:
            size = int(length)
        except ValueError:
            return self._error(400, "bad Content-Length")
        if size < 0 or size > self.config.max_body:
            self.close_connection = True  # do not read an oversized body
            return self._error(413, f"request body over {self.config.max_body} bytes")
        body = self.rfile.read(size)
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = parse_qs(url.query, keep_blank_values=True)
        try:
            if ctype == "application/x-www-form-urlencoded":
                params.update(parse_qs(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False))
            elif ctype == "application/sparql-query":
                params["query"] = [body.decode("utf-8")]
            elif ctype == "application/sparql-update":
                params["update"] = [body.decode("utf-8")]
            else:
                return self._error(415, "use application/x-www-form-urlencoded, application/sparql-query or application/sparql-update")
        except UnicodeDecodeError:
            return self._error(400, "request body is not UTF-8")
        if url.path == "/update" and "query" in params:
            return self._error(400, "/update takes an update, not a query")
        self._dispatch("update" if url.path == "/update" or "update" in params else "query", params)

    def _dispatch(self, kind: str, params: dict) -> None:
        if "default-graph-uri" in params or "named-graph-uri" in params or "using-graph-uri" in params:
            return self._error(400, "dataset parameters (default-graph-uri, named-graph-uri) are not supported")
        values = params.get(kind, [])
        if len(values) != 1 or not values[0].strip():
            return self._error(400, f"give exactly one '{kind}' parameter")
        if kind == "update":
            if not self.config.allow_update:
                return self._error(403, "SPARQL updates are not allowed (read-only endpoint; start with --allow-update --token)")
            given = self.headers.get("Authorization", "")
            expected = f"Bearer {self.config.token}"
            if not hmac.compare_digest(given.encode(), expected.encode()):
                return self._error(401, "a valid bearer token is required", {"WWW-Authenticate": 'Bearer realm="kgbuild"'})
        formats = negotiate(self.headers.get("Accept", "*/*"))
        status, ctype, body, headers = self.pool.run((kind, values[0], formats, self.config.max_results), self.config.timeout,
                                                 self.config.queue_wait)
        self._send(status, ctype, body, headers)


def _prepare_store(source: Path, workdir: Path) -> str:
    """The store directory to serve: ``source`` if it is one, else a fresh copy of the graph file."""
    if source.is_dir():
        return str(location(source))
    info = rdfio.format_for(source)
    target = workdir / "store"
    store = ox.Store(str(target))
    try:
        store.bulk_load(path=str(source), format=info.oxigraph)
    except (SyntaxError, OSError, ValueError) as exc:
        raise rdfio.parse_error(exc, source, info) from None
    store.flush()
    del store  # release the lock: workers open it themselves
    return str(target)


class Endpoint:
    """A running endpoint: ``start()`` binds and serves in a thread, ``close()`` stops it.

    Example
    -------
    >>> import tempfile, pathlib, urllib.request, urllib.parse
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.nt"
    >>> _ = p.write_text('<http://e/a> <http://e/p> "x" .\\n')
    >>> ep = Endpoint(ServeConfig(p, port=0, workers=1)); url = ep.start()
    >>> q = urllib.parse.quote("ASK { ?s ?p 'x' }")
    >>> urllib.request.urlopen(f"{url}?query={q}").read()
    b'{"head": {}, "boolean": true}'
    >>> ep.close()
    """

    def __init__(self, config: ServeConfig) -> None:
        if config.allow_update and not config.token:
            raise KgbuildError("--allow-update needs --token (clients send it as 'Authorization: Bearer TOKEN')")
        if not config.source.exists():
            raise KgbuildError("no such file or store directory", path=config.source)
        self.config = config
        self.workdir = Path(tempfile.mkdtemp(prefix="kgbuild-serve-"))
        self.pool: WorkerPool | None = None
        self.httpd: ThreadingHTTPServer | None = None

    def start(self) -> str:
        """Bind, start serving in a background thread; returns the /query URL."""
        try:
            store_dir = _prepare_store(self.config.source, self.workdir)
            handler = type("Handler", (_Handler,), {"config": self.config, "slots": threading.BoundedSemaphore(self.config.max_connections)})
            self.httpd = ThreadingHTTPServer((self.config.host, self.config.port), handler)
        except OSError as exc:
            self.close()
            raise KgbuildError(f"cannot serve on {self.config.host}:{self.config.port}: {exc.strerror or exc}") from None
        except BaseException:
            self.close()
            raise
        self.httpd.daemon_threads = True
        self.pool = handler.pool = WorkerPool(store_dir, self.config.workers, self.config.allow_update,
                                                   self.config.max_memory_mb)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}/query"

    def close(self) -> None:
        """Stop serving, end the workers and remove temporary files."""
        if self.httpd is not None:
            self.httpd.shutdown()
            self.httpd.server_close()
        if self.pool is not None:
            self.pool.close()
        shutil.rmtree(self.workdir, ignore_errors=True)
