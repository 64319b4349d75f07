"""The command line, through a real subprocess."""

import subprocess
import sys
from pathlib import Path

import rdflib

ROOT = Path(__file__).resolve().parents[2]


def kgbuild(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "kgbuild", *map(str, args)], capture_output=True, text=True,
                          input=stdin, cwd=ROOT, timeout=300)


def test_build_query_extract(tmp_path):
    source = tmp_path / "news.txt"
    source.write_text("Hillary Clinton met Pakistani journalists in Islamabad.\n\nClinton praised the ISI.\n")
    result = kgbuild("build", source, "-o", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("1 document, ")
    graph = rdflib.Graph().parse(tmp_path / "out" / "graph.ttl", format="turtle")
    assert len(graph) > 10
    html = (tmp_path / "out" / "graph.html").read_text()
    assert "Hillary Clinton" in html

    query = kgbuild("query", tmp_path / "out" / "graph.ttl", "-q", ROOT / "examples" / "queries" / "who_met_whom.rq", "--format", "csv")
    assert query.returncode == 0, query.stderr
    assert "Hillary Clinton" in query.stdout and "Pakistani journalists" in query.stdout

    extract = kgbuild("extract", "--format", "carb", "-", stdin="Clinton met Pakistani journalists .\n")
    assert extract.returncode == 0, extract.stderr
    line = extract.stdout.splitlines()[0].split("\t")
    assert line[0] == "Clinton met Pakistani journalists ." and line[2:] == ["met", "Clinton", "Pakistani journalists"]


def test_stdin_and_jsonl(tmp_path):
    result = kgbuild("build", "-", "-o", tmp_path / "a", "--no-html", stdin="Obama met farmers in Iowa.")
    assert result.returncode == 0, result.stderr
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text('{"id": "x1", "title": "T", "text": "Obama met farmers in Iowa."}\n')
    result = kgbuild("build", jsonl, "-o", tmp_path / "b", "--no-html")
    assert result.returncode == 0, result.stderr
    g = rdflib.Graph().parse(tmp_path / "b" / "graph.ttl", format="turtle")
    assert any(str(o) == "T" for o in g.objects())


def test_missing_input_is_one_line_error(tmp_path):
    result = kgbuild("build", tmp_path / "nope.txt", "-o", tmp_path / "out")
    assert result.returncode != 0
    assert "nope.txt" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_python_dash_m_help():
    result = kgbuild("--help")
    assert result.returncode == 0 and "build" in result.stdout


def test_version_and_bad_numbers(tmp_path):
    version = kgbuild("--version")
    assert version.returncode == 0 and version.stdout.startswith("kgbuild ")
    (tmp_path / "a.txt").write_text("Obama met Merkel in Berlin.")
    for flag, value, message in [("--workers", "0", "workers must be a positive number or -1"),
                                 ("--workers", "-3", "workers must be a positive number or -1"),
                                 ("--batch-size", "0", "batch-size must be at least 1")]:
        run = kgbuild("build", tmp_path / "a.txt", "-o", tmp_path / "out", flag, value)
        assert run.returncode == 2 and message in run.stderr and len(run.stderr.splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_stats_and_view_take_a_store(tmp_path):
    """As query, serve and push do: a store folder made by build --store."""
    (tmp_path / "a.txt").write_text("Hillary Clinton met Pakistani journalists in Islamabad.")
    assert kgbuild("build", tmp_path / "a.txt", "-o", tmp_path / "out", "--no-html", "--store", tmp_path / "st").returncode == 0
    stats = kgbuild("stats", tmp_path / "st")
    assert stats.returncode == 0, stats.stderr
    assert stats.stdout.splitlines()[0] == kgbuild("stats", tmp_path / "out" / "graph.ttl").stdout.splitlines()[0]
    assert "from 1 document" in stats.stdout.splitlines()[0]
    view = kgbuild("view", tmp_path / "st", "-o", tmp_path / "page.html")
    assert view.returncode == 0, view.stderr
    assert "Hillary Clinton" in (tmp_path / "page.html").read_text()
    not_a_store = kgbuild("stats", tmp_path / "out")
    assert not_a_store.returncode == 2 and "not a kgbuild store" in not_a_store.stderr


def test_progress_is_logged_when_not_on_a_terminal(capsys, monkeypatch):
    """Off a terminal (logs, CI) progress is a plain line now and then, with documents read as well as done."""
    import kgbuild.cli.progress as progress

    monkeypatch.setattr(progress, "LOG_EVERY", 0.0)  # every document, instead of once a minute
    assert list(progress.progress(iter("abc"), read=lambda: 5)) == ["a", "b", "c"]
    lines = capsys.readouterr().err.splitlines()
    assert [line.split(", ")[0:2] for line in lines] == [
        ["kgbuild: 1 document done", "5 read"], ["kgbuild: 2 documents done", "5 read"], ["kgbuild: 3 documents done", "5 read"]]
