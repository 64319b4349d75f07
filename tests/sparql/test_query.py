"""kgbuild.sparql.query and ``kgbuild query``: SPARQL on files and stores, result formats, example queries."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

import kgbuild.rdf as rdfio
from kgbuild.cli import main
from kgbuild.errors import KgbuildError
from kgbuild.rdf.vocab import ENTITY, REL
from kgbuild.sparql.query import run_query
from kgbuild.sparql.results import serialize
from tests.rdf.test_io import sample_quads

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples" / "queries"


@pytest.fixture(scope="module", params=["ttl", "nq"])
def graph(request, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("q") / f"graph.{request.param}"
    rdfio.write_quads(sample_quads(), path)
    return path


def kgbuild(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kgbuild", *args], capture_output=True, text=True, cwd=REPO, timeout=60)


def test_prefixes_are_predeclared_and_union_default_graph(graph: Path) -> None:
    # statements sit in document graphs in N-Quads, labels in the default graph: one query sees both
    r = run_query(graph, "SELECT ?name WHERE { ?st rdf:predicate rel:meet_with ; rdf:subject ?s . ?s rdfs:label ?name }")
    assert r.kind == "select" and r.variables == ["name"]
    assert {row[0].value for row in r.rows} == {"Hillary Clinton"}


def test_ask_and_construct(graph: Path) -> None:
    assert run_query(graph, "ASK { ?s a kg:Person }").boolean is True
    assert run_query(graph, "ASK { ?s a kg:Law }").boolean is False
    r = run_query(graph, "CONSTRUCT { ?s rel:meet_with ?o } WHERE { ?s rel:meet_with ?o }")
    assert r.kind == "construct"
    assert [(t.subject.value, t.object.value) for t in r.triples] == [
        (str(ENTITY["person-hillary_clinton"]), str(ENTITY["concept-pakistani_journalists"]))
    ]
    assert b"rel:meet_with" in serialize(r, "table")


def test_limit_truncates(graph: Path) -> None:
    r = run_query(graph, "SELECT * WHERE { ?s ?p ?o }", limit=3)
    assert len(r.rows) == 3 and r.truncated


def test_json_xml_csv_tsv_are_standard_results(graph: Path) -> None:
    r = run_query(graph, "SELECT ?s ?count ?missing WHERE { ?s kg:mentionCount ?count OPTIONAL { ?s kg:nope ?missing } }")
    for fmt, ox_fmt in (("json", ox.QueryResultsFormat.JSON), ("xml", ox.QueryResultsFormat.XML), ("tsv", ox.QueryResultsFormat.TSV)):
        parsed = ox.parse_query_results(serialize(r, fmt), format=ox_fmt)
        back = [tuple(sol[v] for v in ("s", "count", "missing")) for sol in parsed]
        assert back == r.rows, fmt
    csv_lines = serialize(r, "csv").decode().splitlines()
    assert csv_lines[0] == "s,count,missing" and len(csv_lines) == 1 + len(r.rows)
    ask = run_query(graph, "ASK { ?s a kg:Person }")
    assert bool(ox.parse_query_results(serialize(ask, "json"), format=ox.QueryResultsFormat.JSON)) is True
    assert bool(ox.parse_query_results(serialize(ask, "xml"), format=ox.QueryResultsFormat.XML)) is True


def test_bad_sparql_is_one_line(graph: Path) -> None:
    with pytest.raises(KgbuildError, match="bad SPARQL") as err:
        run_query(graph, "SELECT ?s WHERE { ?s ?p }")
    assert "\n" not in str(err.value)
    with pytest.raises(KgbuildError, match="this is a SPARQL update, not a query"):
        run_query(graph, "DELETE WHERE { ?s ?p ?o }")  # an update is not a query


def test_store_directory_source(tmp_path: Path) -> None:
    store = ox.Store(str(tmp_path / "store"))
    store.extend(rdfio.to_oxigraph(sample_quads()))
    store.flush()
    del store
    r = run_query(tmp_path / "store", "SELECT (COUNT(*) AS ?n) WHERE { ?s a kg:Statement }")
    assert int(r.rows[0][0].value) == 4


def test_example_who_met_whom(graph: Path) -> None:
    r = run_query(graph, (EXAMPLES / "who_met_whom.rq").read_text())
    assert {(row[0].value, row[2].value) for row in r.rows} == {("Hillary Clinton", "Pakistani journalists")}
    assert all("met" in row[3].value for row in r.rows)


def test_example_about_entity(graph: Path) -> None:
    r = run_query(graph, (EXAMPLES / "about_entity.rq").read_text())
    col = {v: i for i, v in enumerate(r.variables)}
    assert {row[col["entity"]].value for row in r.rows} == {str(ENTITY["person-hillary_clinton"])}
    roles = {row[col["role"]].value for row in r.rows}
    assert roles == {"description", "subject", "object"}
    sentences = {row[col["sentence"]].value for row in r.rows if row[col["sentence"]] is not None}
    assert len(sentences) == 2  # one per document
    values = {row[col["value"]].value for row in r.rows}
    assert {"Pakistani journalists", "Haqqani network", "Hillary Clinton"} <= values


def test_example_relation_counts(graph: Path) -> None:
    r = run_query(graph, (EXAMPLES / "relation_counts.rq").read_text())
    counts = {row[0].value: (int(row[2].value), int(row[3].value)) for row in r.rows}
    assert counts == {str(REL.meet_with): (2, 1), str(REL.support): (2, 1)}


def test_cli_table_json_and_query_file(graph: Path, capsys) -> None:
    assert main(["query", str(graph), "SELECT ?l WHERE { ?e a kg:Person ; rdfs:label ?l }"]) == 0
    out = capsys.readouterr().out
    assert "Hillary Clinton" in out and "(1 row)" in out
    assert main(["query", str(graph), "-q", str(EXAMPLES / "relation_counts.rq"), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["head"]["vars"] == ["predicate", "label", "statements", "pairs"]
    assert len(data["results"]["bindings"]) == 2


def test_cli_errors_are_one_line_exit_2(graph: Path, tmp_path: Path, capsys) -> None:
    for args in (
        (str(graph), "SELECT WHERE {"),
        (str(tmp_path / "missing.ttl"), "ASK {}"),
        (str(graph),),
        (str(graph), "-q", str(tmp_path / "missing.rq")),
    ):
        assert main(["query", *args]) == 2, args
        err = capsys.readouterr().err
        assert err.startswith("kgbuild: error:") and err.count("\n") == 1, err


def test_cli_as_a_process(tmp_path: Path) -> None:
    graph = tmp_path / "g.trig"
    rdfio.write_quads(sample_quads(), graph)
    out = kgbuild("query", str(graph), "ASK { ?s a kg:Statement }")
    assert out.returncode == 0 and out.stdout == "yes\n", out.stderr


def test_directory_that_is_not_a_store(tmp_path: Path) -> None:
    with pytest.raises(KgbuildError, match="not a kgbuild store"):
        run_query(tmp_path, "ASK {}")
    assert list(tmp_path.iterdir()) == []  # and nothing was created in it


# ---------------------------------------------------------------- limits, Ctrl-C, SERVICE, error lines (issue 20)

CROSS = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"


def test_query_timeout_stops_it_and_rows_stream_before_the_end(graph: Path) -> None:
    """Item 9: --timeout stops a runaway query, and SELECT * has printed rows as they came before it was stopped."""
    run = kgbuild("query", str(graph), CROSS, "--format", "csv", "--timeout", "5")
    assert run.returncode == 2 and run.stderr.strip() == \
        "kgbuild: error: query stopped after 5 s (--timeout; what came so far was printed)"
    lines = run.stdout.splitlines()
    assert lines[0] == "a,b,c,d,e,f,g,h,i,j,k,l" and len(lines) > 100  # streamed, not held until the end
    cut = kgbuild("query", str(graph), CROSS, "--max-results", "7")
    assert cut.returncode == 0 and cut.stdout.splitlines()[-1] == "(7 rows, truncated)"


def test_ctrl_c_stops_a_query_inside_an_aggregate(graph: Path) -> None:
    """Item 9: SIGINT during an aggregate (which pyoxigraph evaluates without looking at signals) ends the
    command at once with 130; bounded by a 20 s wait where the query itself would run for minutes."""
    import signal
    import time

    # as from a terminal: a job started in the background of a script inherits SIGINT ignored, and Python
    # then leaves it ignored (so does kgbuild, as every command does there)
    proc = subprocess.Popen([sys.executable, "-m", "kgbuild", "query", str(graph), RUNAWAY, "--timeout", "600"],
                            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        time.sleep(2)  # in the aggregate by now (start-up takes about a second)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=20)
    finally:
        proc.kill()
    assert proc.returncode == 130 and err.strip().splitlines()[-1] == "kgbuild: interrupted", err


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the kernel's parent-death signal is Linux's")
def test_a_killed_query_takes_its_query_process_with_it(graph: Path) -> None:
    """A kill -9 of ``kgbuild query`` leaves no query process running on for the whole --timeout."""
    import time

    proc = subprocess.Popen([sys.executable, "-m", "kgbuild", "query", str(graph), RUNAWAY, "--timeout", "600"],
                            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    children_file = Path(f"/proc/{proc.pid}/task/{proc.pid}/children")
    children: list[int] = []
    try:
        for _ in range(300):  # the query process is forked once the command has started
            children = [int(c) for c in children_file.read_text().split()]
            if children:
                break
            time.sleep(0.1)
    finally:
        proc.kill()
        proc.communicate()
    assert children, "no query process was started"
    for _ in range(100):
        if not any(Path(f"/proc/{c}").exists() and "zombie" not in _state(c) for c in children):
            break
        time.sleep(0.1)
    assert not any(Path(f"/proc/{c}").exists() and "zombie" not in _state(c) for c in children)


def _state(pid: int) -> str:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return "zombie"  # gone while being read
    return next((line.lower() for line in status.splitlines() if line.startswith("State:")), "")


def test_service_is_refused_unless_allowed(graph: Path) -> None:
    """Item 10: kgbuild query makes no request to a SERVICE endpoint (a real listener on 127.0.0.1) unless --allow-service."""
    import socket
    import threading

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.settimeout(0.2)
    port = listener.getsockname()[1]
    calls: list[bytes] = []
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(5)
                calls.append(conn.recv(65536))
                conn.sendall(b"HTTP/1.0 500 Nope\r\nContent-Length: 0\r\n\r\n")

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
        refused = kgbuild("query", str(graph), query)
        assert refused.returncode == 2 and "give --allow-service" in refused.stderr and calls == []
        allowed = kgbuild("query", str(graph), query, "--allow-service", "--timeout", "30")
        assert calls and calls[0].split(b" ", 1)[0] in (b"POST", b"GET"), allowed.stderr
    finally:
        stop.set()
        thread.join()
        listener.close()


@pytest.mark.parametrize("query,line", [
    ("SELECT ?s WHERE { ?s foo:p ?o }", "bad SPARQL at 1:27: unknown prefix foo: (declare it with PREFIX foo: <...>; predeclared: "),
    ("", "empty query: give a SELECT, ASK, CONSTRUCT or DESCRIBE query"),
    ("  # only a comment\n", "empty query"),
    ("INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }", "this is a SPARQL update, not a query: kgbuild query only "
     "reads (updates go to /update of kgbuild serve --allow-update)"),
    ("SELEC ?s { ?s ?p ?o }", "a query starts with SELECT, ASK, CONSTRUCT or DESCRIBE (after any PREFIX lines), not 'SELEC'"),
    ("SELECT ?s WHERE {\n  ?s ?p ?o\n} ORDER ?s", "bad SPARQL at 3:11: expected BY"),
])
def test_bad_sparql_is_one_readable_line(graph: Path, query: str, line: str) -> None:
    """Item 11: what is wrong, where (line:column) and a hint; never oxigraph's list of character classes."""
    run = kgbuild("query", str(graph), query)
    assert run.returncode == 2 and run.stdout == ""
    assert len(run.stderr.splitlines()) == 1 and "\\u{" not in run.stderr and "[_]" not in run.stderr
    assert run.stderr.startswith("kgbuild: error: ") and line in run.stderr, run.stderr
