"""``kgbuild push``: load graphs into a real Oxigraph server (Graph Store Protocol) on 127.0.0.1."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

import kgbuild.rdf as rdfio
import kgbuild.rdf.store as store
from kgbuild.cli import main
from kgbuild.errors import KgbuildError
from kgbuild.rdf.vocab import DOC
from kgbuild.sparql.push import push
from tests.rdf.test_io import sample_quads, union_graph

OXIGRAPH = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def oxigraph(tmp_path: Path):
    """A fresh ``oxigraph serve`` on loopback; yields its base URL."""
    if OXIGRAPH is None:
        pytest.skip("the oxigraph server (PyPI package 'oxigraph') is not installed")
    port = free_port()
    proc = subprocess.Popen([OXIGRAPH, "serve", "--location", str(tmp_path / "oxi"), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(base + "/query?query=ASK%7B%7D", timeout=1).read()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"oxigraph did not start: {proc.stderr.read().decode()}")
            time.sleep(0.1)
    yield base
    proc.terminate()
    proc.wait(timeout=10)
    proc.stderr.close()


def select(base: str, sparql: str) -> list[dict]:
    url = base + "/query?" + urllib.parse.urlencode({"query": sparql})
    req = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        return [{k: v["value"] for k, v in b.items()} for b in json.load(resp)["results"]["bindings"]]


def graph_sizes(base: str) -> dict:
    named = select(base, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    default = select(base, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    sizes = {row["g"]: int(row["n"]) for row in named}
    sizes[None] = int(default[0]["n"])
    return sizes


def expected_sizes(quads) -> dict:
    sizes: dict = {}
    for q in set(quads):
        key = None if q[3] is None else str(q[3])
        sizes[key] = sizes.get(key, 0) + 1
    return sizes


def test_quads_keep_their_graphs_and_pushing_twice_adds_nothing(oxigraph: str, tmp_path: Path) -> None:
    path = tmp_path / "graph.nq"
    rdfio.write_quads(sample_quads(), path)
    pushed = push(path, oxigraph + "/store")
    assert sum(p.triples for p in pushed) == len(set(sample_quads()))
    assert all(200 <= p.status < 300 for p in pushed)
    assert graph_sizes(oxigraph) == expected_sizes(sample_quads())
    push(path, oxigraph + "/store")
    push(path, oxigraph + "/store", replace=True)
    assert graph_sizes(oxigraph) == expected_sizes(sample_quads())


def test_replace_drops_stale_triples(oxigraph: str, tmp_path: Path) -> None:
    path = tmp_path / "graph.ttl"
    rdfio.write_quads(sample_quads(), path)
    push(path, oxigraph + "/store", graph="http://example.org/kg")
    rdfio.write_quads(sample_quads(doc_ids=("solo",)), path)
    push(path, oxigraph + "/store", graph="http://example.org/kg", replace=True)
    expected = len(union_graph(sample_quads(doc_ids=("solo",))))
    assert graph_sizes(oxigraph) == {"http://example.org/kg": expected, None: 0}


def test_store_directory_without_bookkeeping_graphs(oxigraph: str, tmp_path: Path) -> None:
    for d in ("haqqani", "briefing"):
        store.add_document_quads(tmp_path / "st", DOC[d], sample_quads(doc_ids=(d,)))
    push(tmp_path / "st", oxigraph + "/store")
    sizes = graph_sizes(oxigraph)
    assert set(sizes) == {None, str(DOC.haqqani), str(DOC.briefing)}


def test_cli_push_and_errors(oxigraph: str, tmp_path: Path, capsys) -> None:
    path = tmp_path / "graph.trig"
    rdfio.write_quads(sample_quads(), path)
    assert main(["push", str(path), "--endpoint", oxigraph + "/store"]) == 0
    assert f"{len(set(sample_quads()))} triples" in capsys.readouterr().out
    for args in ((str(path), "--endpoint", oxigraph + "/nowhere"),
                 (str(path), "--endpoint", f"http://127.0.0.1:{free_port()}/store"),
                 (str(tmp_path / "missing.ttl"), "--endpoint", oxigraph + "/store"),
                 (str(path), "--endpoint", "ftp://127.0.0.1/store")):
        assert main(["push", *args]) == 2, args
        err = capsys.readouterr().err
        assert err.startswith("kgbuild: error:") and err.count("\n") == 1, err


def test_unreachable_endpoint_is_a_kgbuild_error(tmp_path: Path) -> None:
    path = tmp_path / "graph.nt"
    rdfio.write_quads(sample_quads(), path)
    with pytest.raises(KgbuildError, match="cannot reach"):
        push(path, f"http://127.0.0.1:{free_port()}/store", timeout=5)
