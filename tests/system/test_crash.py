"""A build killed with SIGKILL never leaves a broken output, and the next build cleans up after it.

Real ``kgbuild build`` processes over 200 generated documents: a first build
completes; a second one is killed the moment its temporary graph file appears
(mid-write), and graph.ttl must still be the first build's complete graph; a
third build removes the killed build's temporary files. With ``--store``, a
build killed midway resumes: documents already stored are skipped and the
final store equals one built without interruption.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from kgbuild.rdf.iris import document_iri

REPO = Path(__file__).resolve().parents[2]
PEOPLE = ["Hillary Clinton", "Barack Obama", "Angela Merkel", "Nawaz Sharif", "Vladimir Putin", "Emmanuel Macron",
          "Ashraf Ghani", "Imran Khan", "Shinzo Abe", "Theresa May"]
DEFAULT = ox.DefaultGraph()
N_STORE = 80  # documents in the --store test (about 40 kB of store each)
PLACES = ["Islamabad", "Kabul", "Berlin", "Paris", "Washington", "Moscow", "Beijing", "Delhi", "Tokyo", "London"]


def write_documents(folder: Path, n: int) -> Path:
    folder.mkdir()
    for i in range(n):
        a, b, place = PEOPLE[i % 10], PEOPLE[(i * 3 + 1) % 10], PLACES[(i * 7 + 2) % 10]
        (folder / f"doc{i:03}.txt").write_text(
            f"{a} met {b} in {place} on day {i} of the talks. {a} said the meeting was useful. "
            f"The two leaders agreed to meet again in {PLACES[i % 10]}.\n")
    return folder


def start(*args: str, cwd: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "kgbuild", "build", *args], cwd=cwd, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(REPO)})


def finish(proc: subprocess.Popen) -> str:
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    return out


def kill_when(proc: subprocess.Popen, ready, timeout: float = 300) -> bool:
    """SIGKILL ``proc`` as soon as ``ready()``; False if it ended first."""
    deadline = time.monotonic() + timeout
    while proc.poll() is None and time.monotonic() < deadline:
        if ready():
            proc.send_signal(signal.SIGKILL)
            proc.communicate()
            return True
        time.sleep(0.005)
    proc.communicate()
    return False


def triples(path: Path) -> set:
    return set(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))


def temp_files(folder: Path) -> list[Path]:
    return sorted(folder.glob(".graph*.tmp"))


def test_killed_build_keeps_the_previous_graph_and_next_build_cleans_up(tmp_path):
    write_documents(tmp_path / "docs", 200)
    out = tmp_path / "out"
    finish(start("docs", "-o", "out", "--no-html", cwd=tmp_path))
    before = (out / "graph.ttl").read_bytes()
    first = triples(out / "graph.ttl")
    assert len(first) > 1000

    killed = kill_when(start("docs", "-o", "out", "--no-html", cwd=tmp_path), lambda: bool(temp_files(out)))
    if not killed:
        pytest.skip("the second build finished before its temporary file was seen")
    assert (out / "graph.ttl").read_bytes() == before  # not a byte of the old graph lost
    assert triples(out / "graph.ttl") == first
    assert [p.name for p in out.iterdir() if not p.name.startswith(".")] == ["graph.ttl"]
    left = temp_files(out)  # what kill -9 left mid-write: hidden, named .tmp, never taken for output
    assert all(re.fullmatch(r"\.graph\.ttl\..+\.tmp", p.name) for p in left)

    stale = out / ".graph.ttl.stale.tmp"  # also one from an older crash
    stale.write_text("@prefix broken")
    os.utime(stale, (time.time() - 3600, time.time() - 3600))
    finish(start("docs/doc007.txt", "-o", "out", "--no-html", cwd=tmp_path))  # small: only the clean-up matters
    assert temp_files(out) == []
    subjects = {t.subject for t in triples(out / "graph.ttl")}
    assert ox.NamedNode(str(document_iri("doc007"))) in subjects
    assert ox.NamedNode(str(document_iri("doc008"))) not in subjects


def test_killed_store_build_resumes_without_duplicates(tmp_path):
    write_documents(tmp_path / "docs", N_STORE)
    store = tmp_path / "store"
    reference = start("docs", "-o", "out-ref", "--no-html", "--store", "ref", cwd=tmp_path)  # uninterrupted, alongside

    def some_stored() -> bool:  # a fair share of the documents is written (about 40 kB each)
        try:
            return sum(p.stat().st_size for p in store.rglob("*") if p.suffix in (".log", ".sst")) > 1_000_000
        except FileNotFoundError:  # a file compacted away while we looked
            return False

    killed = kill_when(start("docs", "-o", "out", "--no-html", "--store", "store", cwd=tmp_path), some_stored)
    finish(reference)
    if not killed:
        pytest.skip("the store build finished before it could be killed")

    from kgbuild.rdf.store import DocumentStore

    stored = len(DocumentStore(store).documents())
    assert 0 < stored < N_STORE, stored
    resumed = finish(start("docs", "-o", "out", "--no-html", "--store", "store", cwd=tmp_path))
    built = int(re.match(r"\d+ documents \((\d+) added", resumed).group(1))
    assert built <= N_STORE - stored + 1  # what was stored is skipped (one more if the kill hit its write)

    final, ref = DocumentStore(store), DocumentStore(tmp_path / "ref")
    assert final.documents() == ref.documents() and len(final.documents()) == N_STORE
    hashes = [q.subject for q in final.quads() if q.predicate.value.endswith("#contentHash")]
    assert len(hashes) == len(set(hashes)) == N_STORE  # each document exactly once
    got, want = set(final.quads()), set(ref.quads())
    assert {q for q in got if q.graph_name != DEFAULT} == {q for q in want if q.graph_name != DEFAULT}
    assert got == want
