"""build_files: nothing lost and nothing mixed up (issue 20).

A ``--store`` rerun writes the whole store, distinct ids stay distinct documents, two ids
with one text are two documents, one build at a time per folder, and a full disk is one
line naming the file, with the outputs of a build appearing together or not at all.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kgbuild.atomic import LOCK_NAME
from kgbuild.config import BuildConfig
from kgbuild.errors import KgbuildError
from kgbuild.names import document_slug
from kgbuild.pipeline.build import build_files
from kgbuild.rdf.iris import document_iri
from kgbuild.rdf.store import DocumentStore
from kgbuild.sparql.query import run_query

REPO = Path(__file__).resolve().parents[2]
TEXTS = {
    "a": "Angela Merkel met Emmanuel Macron in Berlin on Monday.",
    "b": "Toyota opened a factory in Kentucky. The company hired 2,000 workers.",
}


def write(folder: Path, texts: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text)
    return folder


def triples(path: Path) -> set:
    return set(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))


def labels(source: Path, type_: str) -> list[str]:
    result = run_query(source, f"SELECT ?l WHERE {{ ?e a kg:{type_} ; rdfs:label ?l }} ORDER BY ?l")
    return [row[0].value for row in result.rows]


def test_a_store_rerun_writes_the_whole_store(tmp_path):
    """Item 1: unchanged inputs, a rerun, and a resumed build all leave graph.ttl and graph.html describing every document."""
    docs = write(tmp_path / "docs", TEXTS)
    out, store = tmp_path / "out", tmp_path / "store"
    first = build_files([docs], out, store=store)
    whole = triples(out / "graph.ttl")
    assert first.counts["documents"] == 2 and len(whole) > 50
    again = build_files([docs], out, store=store)  # nothing changed: every document skipped
    assert (again.counts["added"], again.counts["unchanged"]) == (0, 2)
    assert triples(out / "graph.ttl") == whole and again.triples == first.triples
    html = (out / "graph.html").read_text()
    assert "Angela Merkel" in html and "Toyota" in html
    # the same graph a one-shot build without a store makes
    build_files([docs], tmp_path / "plain")
    assert triples(tmp_path / "plain" / "graph.ttl") == whole

    # a resumed build: one document already stored, the other new
    store2, out2 = tmp_path / "store2", tmp_path / "out2"
    build_files([docs / "a.txt"], out2, BuildConfig(html=False), store=store2)
    resumed = build_files([docs], out2, BuildConfig(html=False), store=store2)
    assert (resumed.counts["added"], resumed.counts["unchanged"], resumed.counts["documents"]) == (1, 1, 2)
    assert triples(out2 / "graph.ttl") == whole
    assert resumed.line().startswith("2 documents (1 added, 1 unchanged), ")


def test_ids_that_slug_alike_stay_distinct_documents(tmp_path):
    """Item 2: DOC_1 and doc 1 (and a b, a_b, A_B) are distinct documents, in the graph and in the store."""
    path = tmp_path / "c.jsonl"
    records = [("DOC_1", "Joe Biden visited Tokyo."), ("doc 1", "Boris Johnson spoke in London."),
               ("a b", "Angela Merkel met Emmanuel Macron."), ("a_b", "Narendra Modi flew to Delhi."),
               ("A_B", "Justin Trudeau arrived in Ottawa.")]
    path.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in records))
    summary = build_files([path], tmp_path / "out", BuildConfig(html=False), store=tmp_path / "store")
    assert summary.counts["documents"] == 5
    assert len(DocumentStore(tmp_path / "store").documents()) == 5
    people = labels(tmp_path / "store", "Person")
    assert {"Joe Biden", "Boris Johnson", "Narendra Modi", "Justin Trudeau"} <= set(people)
    ids = run_query(tmp_path / "out" / "graph.ttl", "SELECT ?d ?id WHERE { ?d kg:documentId ?id }").rows
    assert len({d for d, _ in ids}) == len(ids) == 5


def test_ordinary_ids_keep_their_iris():
    """Ids in lower case without white space keep the document IRI they always had."""
    assert [str(document_iri(i)).rsplit("/", 1)[1] for i in ["doc007", "news-2", "reuters:2015.03", "a#part2", "é~2"]] \
        == ["doc007", "news-2", "reuters%3A2015%2E03", "a%23part2", "%C3%A9~2"]


#: Ids made of what a slug folds together (case, white space, "_", dots), and long ones that share 120 characters.
COLLIDING_IDS = st.one_of(st.text(alphabet="aAbB _\t.%-~é", min_size=1, max_size=6),
                          st.text(alphabet="ab", min_size=118, max_size=124), st.text(min_size=1, max_size=20))


@given(st.lists(COLLIDING_IDS, min_size=2, max_size=8, unique=True))
def test_document_iris_are_injective(ids):
    assert len({document_slug(i) for i in ids}) == len(ids)


def test_two_ids_with_one_text_are_two_documents_in_a_store(tmp_path):
    """Item 3: a document whose text another id already has in the store is still added, not taken as unchanged."""
    text = TEXTS["a"]
    store = tmp_path / "store"
    build_files([write(tmp_path / "one", {"first": text})], tmp_path / "out", BuildConfig(html=False), store=store)
    summary = build_files([write(tmp_path / "two", {"second": text})], tmp_path / "out", BuildConfig(html=False),
                          store=store)
    assert summary.counts["added"] == 1
    assert DocumentStore(store).documents() == sorted([str(document_iri("first")), str(document_iri("second"))])


@contextlib.contextmanager
def lock_held_by_another_process(folder: Path):
    """A real second process holding the folder's lock, as a running build does."""
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from kgbuild.atomic import folder_lock\n"
         "with folder_lock(sys.argv[1]):\n    print('locked', flush=True); time.sleep(120)", str(folder)],
        stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    try:
        assert holder.stdout.readline().strip() == "locked"
        yield holder.pid
    finally:
        holder.kill()
        holder.wait()


def test_one_build_at_a_time_per_output_folder_and_store(tmp_path):
    """Item 5: a second build into a folder (or store) in use refuses at once, naming the holder; a stale lock is taken over."""
    docs = write(tmp_path / "docs", {"a": TEXTS["a"]})
    out, store = tmp_path / "out", tmp_path / "store"
    build_files([docs], out, BuildConfig(html=False))
    before = (out / "graph.ttl").read_bytes()
    with lock_held_by_another_process(out) as pid:
        with pytest.raises(KgbuildError, match=f"another kgbuild \\(pid {pid}\\) is writing to this output folder"):
            build_files([docs], out, BuildConfig(html=False))
        assert (out / "graph.ttl").read_bytes() == before and not list(out.glob(".graph*.tmp"))
    with lock_held_by_another_process(store) as pid:
        with pytest.raises(KgbuildError, match=f"pid {pid}\\) is writing to this store"):
            build_files([docs], tmp_path / "out2", BuildConfig(html=False), store=store)
    # what a build killed with SIGKILL leaves: the file, with its dead PID, but no lock on it
    (out / LOCK_NAME).write_text("999999999\n")
    build_files([docs], out, BuildConfig(html=False))
    assert not (out / LOCK_NAME).exists()


def test_concurrent_cli_builds_into_one_folder(tmp_path):
    """Item 5, end to end: two real builds at once; the second refuses with one line, the first completes."""
    # big enough that the first build still runs when the second has loaded its model (a few seconds)
    docs = write(tmp_path / "docs", {f"d{i}": f"{TEXTS['a']} {TEXTS['b']}".replace("Monday", f"day {i}") for i in range(3000)})
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    cmd = [sys.executable, "-m", "kgbuild", "build", str(docs), "-o", str(tmp_path / "out"), "--no-html"]
    first = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    deadline = time.monotonic() + 120
    while not (tmp_path / "out" / LOCK_NAME).exists() and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    if first.poll() is not None:
        pytest.skip("the first build ended before the second could start")
    second = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
    out, err = first.communicate(timeout=600)
    assert first.returncode == 0, err
    assert second.returncode == 2 and "another kgbuild (pid" in second.stderr
    assert len(second.stderr.strip().splitlines()) == 1 and "Traceback" not in second.stderr
    assert len(triples(tmp_path / "out" / "graph.ttl")) > 100


@contextlib.contextmanager
def small_disk(path: Path, size: str):
    """A tmpfs of ``size`` at ``path``; skips the test where it cannot be mounted (not root, a container)."""
    path.mkdir()
    try:
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
                              capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as exc:
        pytest.skip(f"cannot mount a tmpfs: {exc}")
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs: {done.stderr.strip()}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True, timeout=30)


def test_disk_full_is_one_line_and_outputs_appear_together(tmp_path):
    """Item 6: graph.ttl (26 kB) fits on a 300 kB disk and graph.html (700 kB) does not: no new graph.ttl beside
    the old graph.html, no temporary file left, and one line naming graph.html."""
    docs = write(tmp_path / "docs", {"a": (REPO / "examples").joinpath(
        next(p.name for p in (REPO / "examples").iterdir() if p.suffix == ".txt")).read_text()})
    with small_disk(tmp_path / "disk", "300k") as disk:
        out = disk / "out"
        out.mkdir()
        (out / "graph.ttl").write_text("old graph\n")
        (out / "graph.html").write_text("old page\n")
        result = subprocess.run([sys.executable, "-m", "kgbuild", "build", str(docs), "-o", str(out)],
                                capture_output=True, text=True, timeout=600, env={**os.environ, "PYTHONPATH": str(REPO)})
        assert result.returncode == 2, result.stderr
        assert result.stderr.strip().splitlines()[-1] == \
            f"kgbuild: error: {out / 'graph.html'}: cannot write: No space left on device"
        assert (out / "graph.ttl").read_text() == "old graph\n" and (out / "graph.html").read_text() == "old page\n"
        assert sorted(p.name for p in out.iterdir()) == ["graph.html", "graph.ttl"]


def test_a_full_disk_under_the_store_is_one_line_naming_it(tmp_path):
    """Item 6, for the store: RocksDB's "No space left on device" is one line naming the store, not an internal error."""
    docs = write(tmp_path / "docs", {f"d{i}": f"{TEXTS['a']} {TEXTS['b']}".replace("Monday", f"day {i}") for i in range(60)})
    with small_disk(tmp_path / "disk", "600k") as disk:
        result = subprocess.run([sys.executable, "-m", "kgbuild", "build", str(docs), "-o", str(tmp_path / "out"),
                                 "--no-html", "--store", str(disk / "st")],
                                capture_output=True, text=True, timeout=600, env={**os.environ, "PYTHONPATH": str(REPO)})
        assert result.returncode == 2, result.stderr
        assert result.stderr.strip().splitlines() == [
            f"kgbuild: error: {disk / 'st'}: cannot write the store: No space left on device"]
        assert not (tmp_path / "out" / "graph.ttl").exists()
