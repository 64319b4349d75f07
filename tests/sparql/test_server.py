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
