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
  CONSTRUCT/DESCRIBE; chosen by the Accept header (406 when it takes none of
  them); at most ``max_results`` rows (then the header ``X-Kgbuild-Truncated: true``);
- bursts and slow clients: a listen backlog of ``backlog`` connections, at most
  ``max_connections`` requests answered or waiting for a worker (more get a 503
  with ``Retry-After`` at once), a request must arrive within ``read_timeout``
  seconds (else 408), and one client address may have at most ``max_per_client``
  requests still arriving (more get a 429), so slow clients cannot lock others out;
- HEAD and OPTIONS are answered, and queries (not updates) carry CORS headers, so
  browser tools on other origins can use the endpoint.

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
import time
from collections import Counter
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

import kgbuild.rdf as rdfio
from kgbuild.errors import KgbuildError
from kgbuild.rdf.store import location
from kgbuild.sparql import page
from kgbuild.sparql.results import acceptable
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
    max_connections: int = 256  # requests answered or waiting for a worker at once; more get a 503 at once
    queue_wait: float = 30.0  # seconds a request may wait for a free worker before a 503
    max_memory_mb: int = 1024  # memory a worker may add while answering; 0 = no limit
    backlog: int = 1024  # connections the kernel holds before we accept them (capped by net.core.somaxconn)
    read_timeout: float = 10.0  # seconds a client may take to send its whole request (else 408)
    max_per_client: int = 32  # requests one client address may have still arriving (else 429)


#: Methods each path answers, for OPTIONS and 405s.
_ALLOW = {"/query": "GET, HEAD, POST, OPTIONS", "/update": "POST, OPTIONS"}
#: What a browser on another origin may do with /query (updates get no CORS headers: no cross-site writes).
_CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, HEAD, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Content-Type",
    "Access-Control-Expose-Headers": "X-Kgbuild-Truncated, Retry-After",
    "Access-Control-Max-Age": "600",
}


class _Server(ThreadingHTTPServer):
    """The HTTP server: a real listen backlog, and a cap on requests still arriving from one client address."""

    daemon_threads = True
    config: ServeConfig

    def __init__(self, config: ServeConfig, handler) -> None:
        self.config = config
        self.request_queue_size = config.backlog  # socketserver's default of 5 drops a burst into TCP retries
        self.arriving: Counter = Counter()  # client address -> requests not yet read whole
        self.arriving_lock = threading.Lock()
        super().__init__((config.host, config.port), handler)

    def process_request(self, request, client_address) -> None:
        # counted here, in the accepting thread, so a burst cannot outrun the count
        host = client_address[0]
        with self.arriving_lock:
            crowded = self.arriving[host] >= self.config.max_per_client
            if not crowded:
                self.arriving[host] += 1
        if crowded:
            _refuse(request, 429, "too many requests still arriving from your address; try again")
            self.shutdown_request(request)
            return
        super().process_request(request, client_address)

    def arrived(self, host: str) -> None:
        """One request from ``host`` is read whole (or its connection ended)."""
        with self.arriving_lock:
            self.arriving[host] -= 1
            if self.arriving[host] <= 0:
                del self.arriving[host]


def _refuse(sock, status: int, message: str) -> None:
    """Answer a connection we will not read from, without a thread: a plain-text error and Retry-After."""
    reason = {429: "Too Many Requests", 503: "Service Unavailable"}[status]
    body = message.encode() + b"\n"
    head = (f"HTTP/1.0 {status} {reason}\r\nContent-Type: text/plain; charset=utf-8\r\nRetry-After: 1\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode()
    try:
        sock.settimeout(1)
        sock.sendall(head + body)
    except OSError:
        pass


class _Handler(BaseHTTPRequestHandler):
    server_version = "kgbuild-sparql"

    config: ServeConfig
    pool: WorkerPool
    slots: threading.BoundedSemaphore
    server: _Server

    def setup(self) -> None:
        self.timeout = self.config.read_timeout  # each read of the request; the body also has a deadline
        self._arriving = True
        super().setup()

    def finish(self) -> None:
        self._arrived()
        super().finish()

    def _arrived(self) -> None:
        if self._arriving:
            self._arriving = False
            self.server.arrived(self.client_address[0])

    def parse_request(self) -> bool:
        try:
            return super().parse_request()
        except TimeoutError:  # headers that stop half-way
            self.close_connection = True
            self._error(408, f"request not received within {self.config.read_timeout:g} s")
            return False

    def log_message(self, format: str, *args) -> None:  # one line per request on stderr
        sys.stderr.write(f"{self.address_string()} {format % args}\n")

    def _send(self, status: int, ctype: str, body: bytes, headers: dict | None = None) -> None:
        if ctype == "text/plain" and body and not body.endswith(b"\n"):
            body += b"\n"
        self.send_response(status)
        self.send_header("Content-Type", ctype if ";" in ctype or not ctype.startswith("text/") else ctype + "; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        if urlsplit(self.path).path == "/query":
            self.send_header("Access-Control-Allow-Origin", "*")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: int, message: str, headers: dict | None = None) -> None:
        self._send(status, "text/plain", message.encode(), headers)

    def do_GET(self) -> None:
        self._guarded(self._get)

    def do_HEAD(self) -> None:
        self._guarded(self._get)  # the GET answer's headers; ``_send`` leaves out the body

    def do_POST(self) -> None:
        self._guarded(self._post)

    def do_OPTIONS(self) -> None:
        self._arrived()
        path = urlsplit(self.path).path
        if self.path == "*":
            return self._send(204, "text/plain", b"", {"Allow": "GET, HEAD, POST, OPTIONS"})
        if path not in _ALLOW:
            return self._error(404, "not found: use /query or /update")
        self._send(204, "text/plain", b"", {"Allow": _ALLOW[path], **(_CORS if path == "/query" else {})})

    def _guarded(self, handler) -> None:
        try:
            handler()
        except (BrokenPipeError, ConnectionResetError):
            pass
        except TimeoutError:
            self.close_connection = True
            self._error(408, f"request not received within {self.config.read_timeout:g} s")
        except Exception as exc:  # never a traceback to the client, never a dead server
            self._error(500, f"internal error: {type(exc).__name__}")

    def _read_body(self, size: int) -> bytes:
        """The request body, which must arrive whole within ``read_timeout`` (TimeoutError if not)."""
        deadline = time.monotonic() + self.config.read_timeout
        chunks, left = [], size
        while left > 0:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("request body too slow")
            self.connection.settimeout(remaining)
            chunk = self.rfile.read1(min(left, 1 << 16))
            if not chunk:
                raise ConnectionResetError("client left before sending its body")
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)

    def _get(self) -> None:
        self._arrived()
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
        body = self._read_body(size)
        self._arrived()
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
        accept = self.headers.get("Accept") or "*/*"
        formats = acceptable(accept)
        if kind == "query" and formats == (None, None):
            return self._error(406, f"cannot answer in {accept}: SELECT and ASK give application/sparql-results+json, "
                                    "application/sparql-results+xml, text/csv or text/tab-separated-values; "
                                    "CONSTRUCT and DESCRIBE give text/turtle or application/n-triples")
        # a request holds a place only once it has arrived whole: slow clients take none
        if not self.slots.acquire(blocking=False):
            return self._error(503, "server busy: too many requests waiting, try again", {"Retry-After": "1"})
        try:
            status, ctype, body, headers = self.pool.run((kind, values[0], formats, self.config.max_results),
                                                         self.config.timeout, self.config.queue_wait)
        finally:
            self.slots.release()
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
        self.httpd: _Server | None = None

    def start(self) -> str:
        """Bind, start serving in a background thread; returns the /query URL."""
        try:
            store_dir = _prepare_store(self.config.source, self.workdir)
            handler = type("Handler", (_Handler,), {"config": self.config, "slots": threading.BoundedSemaphore(self.config.max_connections)})
            self.httpd = _Server(self.config, handler)
        except OSError as exc:
            self.close()
            raise KgbuildError(f"cannot serve on {self.config.host}:{self.config.port}: {exc.strerror or exc}") from None
        except BaseException:
            self.close()
            raise
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
