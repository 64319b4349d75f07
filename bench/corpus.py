"""Corpus build: the whole ../shared/corpus (4 files, 24,738 articles, 5.6M words) into one graph.

What ``kgbuild build ../shared/corpus --workers 2 --no-html`` does, with figures:
documents/s, words/s, peak RSS of the main process and of the workers
(``resource.getrusage``), entities, relations, triples, and the seconds spent
finishing the graph file: as in ``kgbuild build`` (``export.GraphWriter``), each
document's quads are written while the build goes on and only the entity
descriptions are left for the end.

Memory should stay flat apart from the graph: parsed Docs never leave the
workers, and the main process keeps only the graph. A progress line every
``--every`` documents shows the resident memory beside the graph's size, so
a long run can be judged (and extrapolated) before it ends.

Run::

    nohup .venv/bin/python bench/corpus.py --workers 2 > /tmp/corpus.log 2>&1 &
    .venv/bin/python bench/corpus.py --limit 300          # a quick look

Measured 2026-11-28 01:03, 2 workers, with the memoised attribute ruler and lemmatizer
(``kgbuild.parse.memo``), quiet machine: 24,738 documents, 5,570,589 words; build 988 s
(25.0 documents/s, 5,640 words/s), finishing the graph file 15.5 s, 531 MB of Turtle; 597,705
entities, 452,584 relations, 12,908,103 triples (the same counts as the run below); peak RSS main
process 2,007 MB, largest worker 720 MB; the workers ended at 645/497 MB.

Measured 2026-11-27 20:47, 2 workers, final code of the third session (memory
zones, token tables), quiet machine: 24,738 documents, 5,570,589 words; build
1,185 s (20.9 documents/s, 4,700 words/s), finishing the graph file 17.2 s,
531 MB of Turtle; 597,705 entities, 452,584 relations, 12,908,103 triples;
peak RSS main process 2,163 MB (the graph), largest worker 706 MB; the workers'
resident memory went up and down with the batches (250-700 MB) and ended at
275/471 MB: flat, as spaCy's vocabulary no longer grows.

Measured 2026-11-27, one process (``--workers 1``), code at commit c752ec6, the
machine shared for the first half of the run:
24,738 documents, 5,570,589 words; parse+extract+resolve+graph, each document's
quads written to the graph file as it came: 2,744 s (9.0 documents/s, 2,030
words/s; about 2,560 words/s over the last 4,000 documents, when the machine
was quiet); finishing the graph file (entity descriptions, then the rename) 31.8 s;
527 MB of Turtle; 589,429 entities, 448,510 relations, 12,848,466 triples;
peak RSS of the process 3.47 GB (2.2 GB at 24,000 documents: the graph, the
model and spaCy's string store, which grows with every new word).

The earlier run (2 workers, commit 2b691da, before the graph file was streamed):
build 1,515 s, then 289 s and 16.1 GB to write the graph at the end.

``kill -TERM`` (or Ctrl-C) ends a run early with its figures: no more documents
are read, the graph of those read so far is written and the figures printed.
"""

from __future__ import annotations

import argparse
import os
import resource
import signal
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
TOTAL_WORDS = 5_570_589  # whitespace words of the four files, counted once (for the time-left estimate)


def rss_mb() -> float:
    """Resident memory of this process now, in MB (Linux /proc; peak elsewhere)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return peak_mb(resource.RUSAGE_SELF)


def workers_mb() -> str:
    """Resident memory of each worker process now (needs psutil, which Dask brings)."""
    try:
        import psutil
    except ImportError:
        return "?"
    return "/".join(f"{c.memory_info().rss / 2**20:.0f}" for c in psutil.Process().children())


def peak_mb(who: int) -> float:
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, kB on Linux
    return resource.getrusage(who).ru_maxrss * scale / 2**20


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="*", type=Path, help="inputs (default: every .jsonl.gz of ../shared/corpus)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--limit", type=int, help="stop after this many documents")
    parser.add_argument("--every", type=int, default=500, help="documents between progress lines")
    parser.add_argument("-o", "--output", type=Path, help="where to write graph.ttl (default: a temporary folder)")
    args = parser.parse_args(argv)

    from itertools import islice

    from kgbuild.graph import KnowledgeGraph
    from kgbuild.pipeline.run import resolve_documents
    from kgbuild.pipeline.stream import make_pipeline
    from kgbuild.rdf.export import GraphWriter
    from kgbuild.read.inputs import read_inputs

    inputs = args.inputs or sorted(CORPUS.glob("*.jsonl.gz"))
    if not inputs or not all(p.exists() for p in inputs):
        print(f"corpus not found: {inputs or CORPUS}", file=sys.stderr)
        return 2
    print(f"inputs: {', '.join(p.name for p in inputs)}; {args.workers} workers, batch {args.batch_size}, "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}", flush=True)
    nlp = make_pipeline()
    words = 0
    stop = []  # SIGTERM/SIGINT: read no more documents, finish those under way, write the graph, print the figures
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.append(True))

    def until_stopped(documents):
        for document in documents:
            if stop:
                print("stopped: writing the graph of the documents read so far", flush=True)
                return
            yield document

    kg = KnowledgeGraph()
    started = time.perf_counter()
    n = 0
    with tempfile.TemporaryDirectory() as tmp:
        out = (args.output or Path(tmp)) / "graph.ttl"
        # as ``kgbuild build``: each document's quads are written as it comes, the entities at the end
        with GraphWriter(kg, out, "turtle") as writer:
            stream = resolve_documents(until_stopped(islice(read_inputs(inputs), args.limit)), nlp,
                                       batch_size=args.batch_size, n_process=args.workers)
            for n, resolved in enumerate(stream, 1):
                kg.add_document(resolved)
                writer.document_added(resolved.document.id)
                words += len(resolved.document.text.split())
                if n % args.every == 0:
                    s = time.perf_counter() - started
                    eta = (TOTAL_WORDS - words) / (words / s) / 60 if not args.limit else 0
                    print(f"{n:6d} docs {words:8d} words {s:7.0f} s  {n / s:6.2f} docs/s {words / s:6.0f} words/s  "
                          f"rss {rss_mb():6.0f} MB workers {workers_mb()} MB  graph {kg.graph.number_of_nodes()} nodes "
                          f"{kg.graph.number_of_edges()} edges  load {os.getloadavg()[0]:.1f}"
                          + (f"  ~{eta:.0f} min left" if eta else ""), flush=True)
            parsed = time.perf_counter() - started
            write_started = time.perf_counter()
        write_s = time.perf_counter() - write_started
        triples = writer.count
        summary = kg.summary()
        size = out.stat().st_size / 2**20
    total = time.perf_counter() - started
    print(f"documents {n}, words {words}")
    print(f"parse+extract+resolve+graph, documents' quads written as they came: {parsed:.0f} s, "
          f"{n / parsed:.2f} documents/s, {words / parsed:.0f} words/s")
    print(f"finish the graph file (entity descriptions, Turtle, {size:.0f} MB in all): {write_s:.1f} s")
    print(f"total: {total:.0f} s, {n / total:.2f} documents/s, {words / total:.0f} words/s")
    print(f"entities {summary['entities']}, relations {summary['relations']}, triples {triples}")
    print(f"peak RSS: main {peak_mb(resource.RUSAGE_SELF):.0f} MB, largest worker {peak_mb(resource.RUSAGE_CHILDREN):.0f} MB")
    print(f"load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
