"""Throughput: bare spaCy vs the whole build, and 1 vs 2 worker processes, in one run.

Over the first N articles (default 1,000) of the CNN/DailyMail corpus in ../shared:

1. bare spaCy ``nlp.pipe`` words/s: the same model and components as a build
   (``kgbuild.parse.load_model``), without our ``kgbuild_relations`` extractor;
2. end-to-end build words/s, one process: read → ``resolve_documents`` →
   ``KnowledgeGraph.add_document`` → graph written as Turtle (``rdfio.write_quads``);
   its ratio to (1) is the price of extraction, resolution, graph and export
   (target ≥ 0.9);
3. the same build with 2 worker processes (``n_process=2``), its speed-up over
   (2) (target ≥ 1.5×) and a check that both builds wrote the same graph.

Words are whitespace-separated tokens of the text, the same count for every
figure. Model loading is not timed. The machine's load average is printed
with the figures: on a shared machine they are noisy.

Run::

    .venv/bin/python bench/throughput.py            # 1,000 articles, ~15-30 min on 2 cores
    .venv/bin/python bench/throughput.py --limit 100
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "cnn_dailymail_hf_1500.jsonl.gz"


def documents(path: Path, limit: int):
    from kgbuild.read import read_jsonl

    return itertools.islice(read_jsonl(path), limit)


def bare_spacy(path: Path, limit: int, batch_size: int) -> tuple[int, int, float]:
    """(documents, words, seconds) of bare ``nlp.pipe`` over the texts."""
    from kgbuild.parse import load_model

    nlp = load_model()
    counts = [0, 0]

    def texts():
        for doc in documents(path, limit):
            counts[0] += 1
            counts[1] += len(doc.text.split())
            yield doc.text

    started = time.perf_counter()
    for _ in nlp.pipe(texts(), batch_size=batch_size):
        pass
    return counts[0], counts[1], time.perf_counter() - started


def build(path: Path, limit: int, batch_size: int, n_process: int, out: Path) -> tuple[int, float, float, dict, str]:
    """(words, seconds, seconds writing, graph summary, sha256 of the Turtle) of one end-to-end build."""
    from kgbuild.export import iter_quads
    from kgbuild.graph import KnowledgeGraph
    from kgbuild.pipeline import make_pipeline, resolve_documents
    from kgbuild.rdfio import write_quads

    nlp = make_pipeline()
    words = 0

    def counted():
        nonlocal words
        for doc in documents(path, limit):
            words += len(doc.text.split())
            yield doc

    started = time.perf_counter()
    kg = KnowledgeGraph()
    for resolved in resolve_documents(counted(), nlp, batch_size=batch_size, n_process=n_process):
        kg.add_document(resolved)
    writing = time.perf_counter()
    summary = kg.summary()
    summary["triples"] = write_quads(iter_quads(kg), out, "turtle")
    ended = time.perf_counter()
    return words, ended - started, ended - writing, summary, hashlib.sha256(out.read_bytes()).hexdigest()


def load() -> str:
    return "load average %.2f %.2f %.2f" % os.getloadavg()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=1000, help="articles to use (default 1000)")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="a .jsonl.gz corpus (default: the CNN file in ../shared)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2, help="processes of the parallel build (default 2; 0 skips it)")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2

    print(f"{args.corpus.name}, first {args.limit} articles, batch {args.batch_size}, {os.cpu_count()} CPUs, {load()}")
    n, words, bare_s = bare_spacy(args.corpus, args.limit, args.batch_size)
    print(f"bare spaCy nlp.pipe      {n} docs, {words} words in {bare_s:7.1f} s: {words / bare_s:7.0f} words/s  ({load()})")
    with tempfile.TemporaryDirectory() as tmp:
        words1, one_s, write_s, summary, digest1 = build(args.corpus, args.limit, args.batch_size, 1, Path(tmp) / "one.ttl")
        print(f"build, 1 process         {words1} words in {one_s:7.1f} s: {words1 / one_s:7.0f} words/s "
              f"(writing {write_s:.1f} s)  ({load()})")
        print(f"  graph: {summary['entities']} entities, {summary['relations']} relations, {summary['triples']} triples")
        print(f"ratio build / bare spaCy: {bare_s / one_s:.2f}  (target >= 0.9)")
        if args.workers > 1:
            words2, two_s, write2_s, summary2, digest2 = build(
                args.corpus, args.limit, args.batch_size, args.workers, Path(tmp) / "two.ttl")
            print(f"build, {args.workers} processes       {words2} words in {two_s:7.1f} s: {words2 / two_s:7.0f} words/s "
                  f"(writing {write2_s:.1f} s)  ({load()})")
            print(f"speed-up {args.workers} processes / 1: {one_s / two_s:.2f}x  (target >= 1.5x)")
            print(f"same graph file with 1 and {args.workers} processes: {digest1 == digest2}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
