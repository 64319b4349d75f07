"""``kgbuild serve``: a real SPARQL 1.1 endpoint on 127.0.0.1, hostile requests included."""

from __future__ import annotations

import csv
import http.client
import io
import json
import subprocess
import sys
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyoxigraph as ox
import pytest

import kgbuild.rdf as rdfio
import kgbuild.rdf.store as store
from kgbuild.rdf.vocab import DOC, ENTITY
from tests.rdf.test_io import sample_quads

REPO = Path(__file__).resolve().parents[2]
PERSONS = "SELECT ?name WHERE { ?e a kg:Person ; rdfs:label ?name }"


class Server:
    """``kgbuild serve`` in a subprocess; the URL is read from its first output line."""

    def __init__(self, *args: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "kgbuild", "serve", *args, "--port", "0"],
            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        line = self.proc.stdout.readline()
        if "http://" not in line:
            self.proc.kill()
            raise RuntimeError(f"server did not start: {line}{self.proc.stderr.read()}")
        url = urllib.parse.urlsplit(line.split("at ", 1)[1].split()[0])
        self.host, self.port = url.hostname, url.port

    def request(self, method: str, path: str, body: bytes | str | None = None, headers: dict | None = None, timeout: float = 30):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            resp = conn.getresponse()
            return resp.status, dict(resp.getheaders()), resp.read()
        finally:
            conn.close()

    def get(self, query: str, accept: str | None = None):
        return self.request("GET", "/query?" + urllib.parse.urlencode({"query": query}), headers={"Accept": accept} if accept else {})

    def alive(self) -> bool:
        status, _, body = self.get(PERSONS)
        return self.proc.poll() is None and status == 200 and b"Hillary Clinton" in body

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.proc.stdout.close()
        self.proc.stderr.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    path = tmp_path_factory.mktemp("serve") / "graph.nq"
    rdfio.write_quads(sample_quads(), path)
    srv = Server(str(path), "--timeout", "2", "--max-results", "50", "--workers", "2", "--max-body", "10000",
                 "--max-memory", "300")
    yield srv
    srv.stop()


def test_binds_loopback_by_default(server: Server) -> None:
    assert server.host == "127.0.0.1"


def test_get_and_post_forms_return_standard_json(server: Server) -> None:
    status, headers, body = server.get(PERSONS)
    assert status == 200 and headers["Content-Type"].startswith("application/sparql-results+json")
    rows = [b["name"]["value"] for b in json.loads(body)["results"]["bindings"]]
    assert rows == ["Hillary Clinton"]
    form = urllib.parse.urlencode({"query": PERSONS})
    status, _, body2 = server.request("POST", "/query", form, {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200 and json.loads(body2) == json.loads(body)
    status, _, body3 = server.request("POST", "/query", PERSONS, {"Content-Type": "application/sparql-query"})
    assert status == 200 and json.loads(body3) == json.loads(body)


@pytest.mark.parametrize(
    "accept,media,fmt",
    [
        ("application/sparql-results+xml", "application/sparql-results+xml", ox.QueryResultsFormat.XML),
        ("text/csv", "text/csv", None),  # oxigraph does not parse CSV results: they are lossy
        ("text/tab-separated-values", "text/tab-separated-values", ox.QueryResultsFormat.TSV),
        ("text/html;q=0.9, text/csv;q=0.5, application/sparql-results+xml;q=0.8", "application/sparql-results+xml", ox.QueryResultsFormat.XML),
    ],
)
def test_results_format_by_accept_header(server: Server, accept: str, media: str, fmt) -> None:
    status, headers, body = server.get(PERSONS, accept)
    assert status == 200 and headers["Content-Type"].startswith(media)
    if fmt is None:
        names = [row["name"] for row in csv.DictReader(io.StringIO(body.decode()))]
    else:
        names = [s["name"].value for s in ox.parse_query_results(body, format=fmt)]
    assert names == ["Hillary Clinton"]


def test_construct_gives_parseable_rdf(server: Server) -> None:
    q = "CONSTRUCT { ?s rel:meet_with ?o } WHERE { ?s rel:meet_with ?o }"
    for accept, fmt in (("text/turtle", ox.RdfFormat.TURTLE), ("application/n-triples", ox.RdfFormat.N_TRIPLES)):
        status, _, body = server.get(q, accept)
        assert status == 200
        assert len(list(ox.parse(body, format=fmt))) == 1


@pytest.mark.parametrize(
    "query,status",
    [
        ("INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }", 403),
        ("DELETE WHERE { ?s ?p ?o }", 403),
        ("LOAD <http://127.0.0.1:1/x.ttl>", 403),
        ("SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }", 403),
        ("select * where { ?s ?p ?o optional { service silent <http://127.0.0.1:1/q> { ?s ?x ?y } } }", 403),
        ("SELECT ?s WHERE { ?s ?p }", 400),
        ("SELECT ?s WHERE { ?s nope:p ?o }", 400),
        ("\x00\xff garbage", 400),
    ],
)
def test_hostile_or_malformed_queries_get_4xx(server: Server, query: str, status: int) -> None:
    got, headers, body = server.get(query)
    assert got == status, body
    assert headers["Content-Type"].startswith("text/plain") and body.strip() and b"Traceback" not in body
    assert server.alive()


def test_updates_refused_when_read_only(server: Server) -> None:
    got, _, _ = server.request("POST", "/update", "INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }",
                               {"Content-Type": "application/sparql-update"})
    assert got == 403
    assert server.get("ASK { <http://e/a> ?p ?o }")[2] == b'{"head": {}, "boolean": false}'


def test_huge_cross_product_is_cut(server: Server) -> None:
    status, headers, body = server.get("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
    assert status == 200 and headers.get("X-Kgbuild-Truncated") == "true"
    assert len(json.loads(body)["results"]["bindings"]) == 50


def test_runaway_query_times_out_and_server_recovers(server: Server) -> None:
    status, _, body = server.get("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }")
    assert status == 503 and b"timed out" in body
    assert server.alive()


def test_memory_hungry_query_is_stopped_and_server_recovers(server: Server) -> None:
    # sorting a 5-way cross product needs far more memory than the worker may take, or time
    status, _, body = server.get("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n ?o } ORDER BY ?o ?l")
    assert status in (500, 503), body
    assert server.alive()


def test_bad_requests_get_clean_errors(server: Server) -> None:
    assert server.request("POST", "/query", "x" * 20000, {"Content-Type": "application/sparql-query"})[0] == 413
    assert server.request("POST", "/query", PERSONS, {"Content-Type": "text/plain"})[0] == 415
    assert server.request("GET", "/query")[0] == 400
    assert server.request("GET", "/query?query=" + "x" * 20000)[0] == 414
    assert server.request("GET", "/nowhere")[0] == 404
    assert server.request("GET", "/query?" + urllib.parse.urlencode({"query": PERSONS, "default-graph-uri": "http://g"}))[0] == 400
    assert server.request("POST", "/query", b"\xff\xfe", {"Content-Type": "application/sparql-query"})[0] == 400
    assert server.alive()


def test_concurrent_clients(server: Server) -> None:
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(lambda _: server.get(PERSONS), range(32)))
    assert all(status == 200 for status, _, _ in answers)
    assert len({body for _, _, body in answers}) == 1


def test_updates_with_token_on_a_store(tmp_path: Path) -> None:
    store.add_document_quads(tmp_path / "st", DOC.haqqani, [q for q in sample_quads(doc_ids=("haqqani",))])
    srv = Server(str(tmp_path / "st"), "--allow-update", "--token", "s3cret", "--timeout", "5")
    try:
        insert = f"INSERT DATA {{ GRAPH doc:extra {{ <{ENTITY['person/jane_doe']}> a kg:Person ; rdfs:label 'Jane Doe' }} }}"
        sparql_update = {"Content-Type": "application/sparql-update"}
        assert srv.request("POST", "/update", insert, sparql_update)[0] == 401
        assert srv.request("POST", "/update", insert, {**sparql_update, "Authorization": "Bearer wrong"})[0] == 401
        auth = {**sparql_update, "Authorization": "Bearer s3cret"}
        assert srv.request("POST", "/update", "LOAD <http://127.0.0.1:1/x.ttl>", auth)[0] == 403
        assert srv.request("POST", "/update", "INSERT DATA { oops", auth)[0] == 400
        assert srv.request("POST", "/update", insert, auth)[0] == 204
        _, _, body = srv.get(PERSONS)
        names = sorted(b["name"]["value"] for b in json.loads(body)["results"]["bindings"])
        assert names == ["Hillary Clinton", "Jane Doe"]
        # the store's bookkeeping graphs stay hidden from queries
        _, _, body = srv.get("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        graphs = {b["g"]["value"] for b in json.loads(body)["results"]["bindings"]}
        assert graphs == {str(DOC.haqqani), str(DOC.extra)}
    finally:
        srv.stop()


def test_update_mode_needs_a_token(tmp_path: Path) -> None:
    path = tmp_path / "g.ttl"
    rdfio.write_quads(sample_quads(), path)
    out = subprocess.run([sys.executable, "-m", "kgbuild", "serve", str(path), "--allow-update", "--port", "0"],
                         cwd=REPO, capture_output=True, text=True, timeout=60, env={"PATH": "/usr/bin:/bin"})
    assert out.returncode == 2 and "--token" in out.stderr


# ---------------------------------------------------------------- bursts, slow clients, HEAD/OPTIONS/CORS/406 (issue 20)

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"


def listen_backlog(port: int) -> int:
    """The listen backlog of the socket on ``port``, as the kernel reports it (``ss``: Send-Q of a LISTEN socket)."""
    out = subprocess.run(["ss", "-ltnH", f"sport = :{port}"], capture_output=True, text=True, timeout=10).stdout
    return int(out.split()[2])


def test_a_burst_of_200_connections_is_answered(server: Server) -> None:
    """Item 7: a real listen backlog, and every one of 200 connections opened at once gets an answer
    (200, or a 503 with Retry-After), none is left in TCP retries. Bounded: 200 loopback requests."""
    import shutil

    if shutil.which("ss"):
        assert listen_backlog(server.port) >= 128  # socketserver's default is 5
    barrier = __import__("threading").Barrier(200)

    def one(_):
        conn = http.client.HTTPConnection(server.host, server.port, timeout=120)
        try:
            barrier.wait(timeout=60)
            conn.request("GET", "/query?" + urllib.parse.urlencode({"query": PERSONS}))
            resp = conn.getresponse()
            return resp.status, resp.getheader("Retry-After"), resp.read()
        finally:
            conn.close()

    with ThreadPoolExecutor(max_workers=200) as pool:
        answers = list(pool.map(one, range(200)))
    assert all(status == 200 or (status == 503 and retry) for status, retry, _ in answers)
    assert sum(status == 200 for status, _, _ in answers) == 200  # the queue (256) holds the whole burst
    assert server.alive()


def test_a_full_queue_answers_503_with_retry_after_at_once(tmp_path: Path) -> None:
    path = tmp_path / "graph.nq"
    rdfio.write_quads(sample_quads(), path)
    srv = Server(str(path), "--workers", "1", "--queue", "1", "--timeout", "5")
    try:
        with ThreadPoolExecutor(max_workers=1) as pool:
            for _ in range(20):
                slow = pool.submit(srv.get, RUNAWAY)  # to hold the one worker, and the one place in the queue
                status = 0
                while not slow.done() and status != 503:
                    status, headers, body = srv.get(PERSONS)
                if status == 503 and not slow.done():  # refused while the slow query still runs: at once
                    break
                slow.result()  # a fast query took the place first: the slow one was refused; again
            else:
                pytest.fail("the slow query never held the queue")
            assert headers.get("Retry-After") == "1" and b"busy" in body
            assert slow.result()[0] == 503 and b"timed out" in slow.result()[2]
        assert srv.alive()
    finally:
        srv.stop()


def slow_client(host: str, port: int, source: str = "127.0.0.1"):
    """A connection that sends its headers and half its body, then nothing."""
    import socket

    sock = socket.create_connection((host, port), timeout=60, source_address=(source, 0))
    body = urllib.parse.urlencode({"query": PERSONS}).encode()
    sock.sendall(b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                 b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body[: len(body) // 2])
    return sock


def test_slow_clients_get_408_and_cannot_lock_others_out(tmp_path: Path) -> None:
    """Item 8: a half-sent body is a 408 after the read timeout; 40 slow clients from one address (127.0.0.2,
    loopback) take no query slot, the address is capped (429), and a client from another address is served."""
    path = tmp_path / "graph.nq"
    rdfio.write_quads(sample_quads(), path)
    srv = Server(str(path), "--workers", "1", "--queue", "8", "--read-timeout", "3", "--max-per-client", "16")
    socks = []
    try:
        sock = slow_client(srv.host, srv.port)
        answer = sock.recv(4096)  # waits for the server to give up on the body
        assert answer.startswith(b"HTTP/1.0 408 "), answer
        sock.close()
        try:
            socks = [slow_client(srv.host, srv.port, "127.0.0.2") for _ in range(40)]
        except OSError as exc:
            pytest.skip(f"cannot connect from 127.0.0.2: {exc}")
        assert srv.alive()  # from 127.0.0.1: neither the queue nor its address is taken
        refused = [s.recv(4096) for s in socks[16:]]  # over the cap: answered at once
        assert all(r.startswith(b"HTTP/1.0 429 ") for r in refused), refused[:2]
        late = [s.recv(4096) for s in socks[:16]]
        assert all(r.startswith(b"HTTP/1.0 408 ") for r in late), late[:2]
        assert srv.alive()
    finally:
        for s in socks:
            s.close()
        srv.stop()


def test_head_options_cors_and_406(server: Server) -> None:
    path = "/query?" + urllib.parse.urlencode({"query": PERSONS})
    status, get_headers, _ = server.request("GET", path)
    assert status == 200 and get_headers["Access-Control-Allow-Origin"] == "*"
    status, headers, body = server.request("HEAD", path)
    assert status == 200 and body == b"" and headers["Content-Type"] == get_headers["Content-Type"]
    assert headers["Content-Length"] == get_headers["Content-Length"]
    status, headers, _ = server.request("OPTIONS", "/query", headers={
        "Origin": "http://example.org", "Access-Control-Request-Method": "POST"})
    assert status == 204 and "POST" in headers["Access-Control-Allow-Methods"] and "HEAD" in headers["Allow"]
    assert headers["Access-Control-Allow-Origin"] == "*"
    form = urllib.parse.urlencode({"query": PERSONS})
    status, headers, _ = server.request("POST", "/query", form, {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200 and headers["Access-Control-Allow-Origin"] == "*"
    # no CORS for updates: a page on another origin may not write
    status, headers, _ = server.request("OPTIONS", "/update")
    assert status == 204 and headers["Allow"] == "POST, OPTIONS" and "Access-Control-Allow-Origin" not in headers
    status, headers, _ = server.request("POST", "/update", "INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }",
                                        {"Content-Type": "application/sparql-update"})
    assert status == 403 and "Access-Control-Allow-Origin" not in headers
    # 406: an Accept we cannot serve, for any query or for this kind of answer
    status, _, body = server.get(PERSONS, "image/png")
    assert status == 406 and b"text/csv" in body
    status, _, body = server.get(PERSONS, "text/turtle")
    assert status == 406 and b"sparql-results+json" in body
    assert server.get(PERSONS, "text/*")[0] == 200 and server.get(PERSONS, "*/*;q=0.1")[0] == 200
