"""Throughput: bare spaCy vs the whole build, and 1 vs 2 worker processes, in one run.

Over the first N articles (default 1,000) of the CNN/DailyMail corpus in ../shared:

1. bare spaCy ``nlp.pipe`` words/s, twice over: the model as shipped
   (``load_model(memoised=False)``: spaCy's own attribute ruler and lemmatizer), and the
   spaCy part of a build (``load_model()``: those two through ``kgbuild.parse.memo``,
   same annotations, less CPU), both with the same components enabled and without our
   ``kgbuild_relations`` extractor. Each runs before and after (2) and the ratios use the
   mean of the two (A-B-A: spaCy's own speed drifts by several per cent within a run),
   each on a fresh pipeline that meets the articles for the first time, as the build does.
   The build's ratio to spaCy as shipped is the target's (>= 0.9); its ratio to its own
   spaCy part is the price of our stages alone;
2. end-to-end build words/s, one process: read → ``resolve_documents`` →
   ``KnowledgeGraph.add_document`` → graph written as Turtle (``rdfio.write_quads``);
   its ratio to (1) is the price of extraction, resolution, graph and export
   (target ≥ 0.9), and the CPU seconds of each of those stages beside spaCy's;
3. the same build with 2 worker processes (``n_process=2``), its speed-up over
   (2) (target ≥ 1.5×) and a check that both builds wrote the same graph.

Words are whitespace-separated tokens of the text, the same count for every
figure. Model loading is not timed, and both pipelines first run the same
few articles untimed (the first batches fill the vocabulary). The ratio is
given in wall-clock and in CPU time of the process: on a shared machine the
wall-clock figures are noisy (the load average is printed beside them) and
the CPU-time ratio is the steadier one.

Measured 2026-11-27 (1,000 articles, 640,395 words). Runs 1 and 2: 2 cores
shared with other engineers, on the code of the time; runs 3-5 on a quiet
machine (load average 1.0 during the one-process parts). Run 3 (18:00): after
the export was rewritten (N-Triples text, graph file streamed while building)
and the hot spots in resolution removed. Runs 4 (20:12) and 5 (20:31): token
attributes read from one ``Doc.to_array`` table per Doc in extraction and
resolution, the export's term building cached, later batches parsed in spaCy
memory zones, the model frozen out of the garbage collector; run 5 on the
final code (one table shared by both stages):

=====================  =============  =============  =============  =============  =============
figure                 run 1 (15:10)  run 2 (15:55)  run 3 (18:00)  run 4 (20:12)  run 5 (20:31)
=====================  =============  =============  =============  =============  =============
bare spaCy             2,970 words/s  3,284 words/s  3,178 words/s  3,054 words/s  3,125 words/s
build, 1 process       2,310 words/s  2,209 words/s  2,499 words/s  2,775 words/s  2,513 words/s
  of which writing     29.3 s         45.9 s         3.7 s (end)    2.6 s (end)    2.6 s (end)
ratio (wall / CPU)     0.78 / 0.72    0.67 / 0.67    0.79 / 0.79    0.91 / 0.90    0.80 / 0.80
build, 2 processes     3,604 words/s  2,931 words/s  4,355 words/s  5,011 words/s  4,766 words/s
speed-up               1.56x          1.33x          1.74x          1.81x          1.91x
same graph file        True           True           True           True           True
=====================  =============  =============  =============  =============  =============

CPU of the one-process build beside spaCy's own (``StageClock``), runs 4 / 5:
spaCy and reading 188.8 / 210.5 s; extraction 21.5 / 23.7 s (11.4 / 11.2 %),
resolution 10.4 / 10.5 s (5.5 / 5.0 %), graph and file 9.6 / 11.0 s (5.1 / 5.2 %).
Our stages cost a steady ~21 % of spaCy's time (ratio ~0.82); what moves a
single run's ratio between 0.80 and 0.91 is spaCy's own time, which varied by
10 % between runs (and memory zones make spaCy itself some 6-10 % faster than
plain ``nlp.pipe``: 51 against 54-57 CPU s over 300 articles). Run 6 (21:11, final
code, ``--workers 0``): bare 3,056 words/s, build 2,459 words/s, ratio 0.80 / 0.81;
extraction 11.3 %, resolution 5.1 %, graph and file 4.9 % of spaCy's 213.2 s. The 0.9 target
is met by run 4 only, so it is not claimed. 68,543 entities, 52,906 relations,
1,510,481 triples.

Runs 7 (23:05) and 8 (23:22), quiet machine, after four rewrites (the clause reader over token
indices, one copy per relation and the confidence features read once per sentence, resolution by
label ids without Token objects, Turtle laid out from terms oxigraph prints once each). Bare spaCy
now runs before and after the build; in run 7 the second bare run reused the first one's pipeline
(3,344 words/s, unfairly fast: it had met the words); from run 8 each runs on a fresh pipeline:

=====================  ===========================  =========================================
figure                 run 7                        run 8
=====================  ===========================  =========================================
bare spaCy             3,140 (before) words/s       3,214 (before), 2,816 (after), mean 3,002
build, 1 process       2,537 words/s                2,447 words/s
ratio (wall / CPU)     0.78 / 0.79 (vs mean)        0.82 / 0.82 (vs mean)
our stages, % spaCy    9.5 + 4.3 + 4.6 = 18.4 %     8.8 + 4.4 + 5.3 = 18.5 %
build, 2 processes     n/a                          4,880 words/s (1.99x), same graph file
=====================  ===========================  =========================================

Our stages fell from ~21 % to ~18.5 % of spaCy's CPU (extraction 11.3 -> 8.8-9.5 %); the 0.9 ratio
needs them at ~11 %, so it is still not met. Identical fresh bare runs differed by 14 % in run 8.

Runs 9 (2026-11-28 00:21), 10 (00:41) and 11 (01:36), quiet machine, after the model's attribute
ruler and lemmatizer were put behind ``kgbuild.parse.memo`` (same annotations; over 300
articles ``bench/components.py`` gave ruler + lemmatizer 10.5-13.0 -> 1.2-1.6 CPU s). Bare spaCy is
timed twice over, as shipped and memoised; run 9 timed the shipped pipeline once (after the build);
run 11 also remembers what each combination of the ruler's rules sets:

==================================  ========================  ==========================  ==========================
figure                              run 9                     run 10                      run 11
==================================  ========================  ==========================  ==========================
bare spaCy as shipped, words/s      2,787 (after)             2,968 / 2,878, mean 2,922   3,176 / 2,672, mean 2,902
bare spaCy, memoised, words/s       3,691 / 3,540, mean 3,614 3,809 / 4,075, mean 3,937   3,969 / 3,599, mean 3,775
build, 1 process, words/s           2,897                     2,879                       3,243
ratio to spaCy as shipped (target)  1.04 / 1.04               **0.99 / 0.99**             1.12 / 1.11
ratio to memoised spaCy             0.80 / 0.80               0.73 / 0.73                 0.86 / 0.86
our stages, % of build's spaCy      10.1 + 5.2 + 6.3 = 21.6 % 11.0 + 4.8 + 6.3 = 22.1 %   11.1 + 5.0 + 6.6 = 22.7 %
build, 2 processes, words/s         5,516 (1.90x)             5,407 (1.88x)               5,610 (1.73x)
same graph file with 1 and 2        True                      True                        True
==================================  ========================  ==========================  ==========================

The build is as fast as bare spaCy as shipped (0.99-1.12): the 0.9 target is met. Against the
memoised spaCy it builds on, our own stages still cost 0.73-0.86 (they are unchanged; spaCy got
faster under them). The spaCy part of the build was 12 % slower than bare memoised spaCy in run 10
(180.9 against 162 CPU s) and as fast in run 11 (160.4 against 168.6): the Python work between
batches and the garbage collector's passes over the growing graph may slow spaCy beyond our stages'
own clock, but this machine's noise is of the same size. The graph is the same as in runs 5-8
(68,543 entities, 52,906 relations, 1,510,481 triples).

Run::

    .venv/bin/python bench/throughput.py            # 1,000 articles, ~25 min on 2 cores
    .venv/bin/python bench/throughput.py --limit 100
"""

from __future__ import annotations

import argparse
import contextlib
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
    from kgbuild.read.inputs import read_jsonl

    return itertools.islice(read_jsonl(path), limit)


def warm(nlp, path: Path, n: int) -> None:
    """Run ``n`` articles through ``nlp`` untimed: the first batches fill the vocabulary and caches."""
    for _ in nlp.pipe((doc.text for doc in documents(path, n)), batch_size=n or 1):
        pass


def bare_spacy(nlp, path: Path, limit: int, batch_size: int) -> tuple[int, int, float, float]:
    """(documents, words, wall seconds, CPU seconds) of bare ``nlp.pipe`` over the texts."""
    counts = [0, 0]

    def texts():
        for doc in documents(path, limit):
            counts[0] += 1
            counts[1] += len(doc.text.split())
            yield doc.text

    started, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts(), batch_size=batch_size):
        pass
    return counts[0], counts[1], time.perf_counter() - started, time.process_time() - cpu


class StageClock:
    """CPU seconds of our stages inside a one-process build: the extractor component (inside
    ``nlp.pipe``), resolution, and the graph and its file. They are timed by wrapping the two
    functions the pipeline calls (two clock reads a document); the rest is spaCy and reading."""

    def __init__(self) -> None:
        self.extract = self.resolve = self.graph = 0.0

    @contextlib.contextmanager
    def attached(self):
        import kgbuild.pipeline as pipeline
        from kgbuild.extract.component import RelationExtractor

        call, resolve = RelationExtractor.__call__, pipeline.resolve_document

        def timed_call(extractor, doc):
            started = time.process_time()
            try:
                return call(extractor, doc)
            finally:
                self.extract += time.process_time() - started

        def timed_resolve(*args):
            started = time.process_time()
            try:
                return resolve(*args)
            finally:
                self.resolve += time.process_time() - started

        RelationExtractor.__call__, pipeline.resolve_document = timed_call, timed_resolve
        try:
            yield self
        finally:
            RelationExtractor.__call__, pipeline.resolve_document = call, resolve


def build(nlp, path: Path, limit: int, batch_size: int, n_process: int, out: Path) -> dict:
    """Figures of one end-to-end build: words, wall and CPU seconds, seconds writing, graph counts,
    sha256 of the Turtle, and (one process) the CPU seconds of our stages (``StageClock``)."""
    from kgbuild.graph import KnowledgeGraph
    from kgbuild.pipeline.run import resolve_documents
    from kgbuild.rdf.export import GraphWriter

    words = 0

    def counted():
        nonlocal words
        for doc in documents(path, limit):
            words += len(doc.text.split())
            yield doc

    clock = StageClock()
    started, cpu = time.perf_counter(), time.process_time()
    kg = KnowledgeGraph()
    with clock.attached() if n_process == 1 else contextlib.nullcontext():
        with GraphWriter(kg, out, "turtle") as writer:  # as ``kgbuild build``: documents written as they come
            for resolved in resolve_documents(counted(), nlp, batch_size=batch_size, n_process=n_process):
                merging = time.process_time()
                kg.add_document(resolved)
                writer.document_added(resolved.document.id)
                clock.graph += time.process_time() - merging
            writing, writing_cpu = time.perf_counter(), time.process_time()
        clock.graph += time.process_time() - writing_cpu
    summary = kg.summary()
    summary["triples"] = writer.count
    ended = time.perf_counter()
    return dict(words=words, wall=ended - started, cpu=time.process_time() - cpu, write=ended - writing,
                summary=summary, sha=hashlib.sha256(out.read_bytes()).hexdigest(), stages=clock)


def load() -> str:
    return "load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=1000, help="articles to use (default 1000)")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="a .jsonl.gz corpus (default: the CNN file in ../shared)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--warmup", type=int, default=10, help="articles run through each pipeline untimed first")
    parser.add_argument("--workers", type=int, default=2, help="processes of the parallel build (default 2; 0 skips it)")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2

    from kgbuild.parse.load import load_model
    from kgbuild.pipeline.stream import make_pipeline

    print(f"{args.corpus.name}, first {args.limit} articles, batch {args.batch_size}, {os.cpu_count()} CPUs, {load()}")
    nlp = make_pipeline()
    warm(nlp, args.corpus, args.warmup)

    def timed_bare(when: str, memoised: bool = True) -> tuple[float, float]:
        # a fresh pipeline each time: spaCy is much faster on words it has met before (its
        # vocabulary, tokenizer and lemmatizer caches keep them): a second pass over the same
        # articles ran some 20 % faster, which the build, meeting them once, never gets
        bare = load_model(memoised=memoised)
        warm(bare, args.corpus, args.warmup)
        n, words, wall, cpu = bare_spacy(bare, args.corpus, args.limit, args.batch_size)
        print(f"bare spaCy nlp.pipe ({when})  {n} docs, {words} words in {wall:7.1f} s (CPU {cpu:6.1f} s): "
              f"{words / wall:6.0f} words/s  ({load()})")
        return wall, cpu

    # bare spaCy before and after the build (A-B-A): spaCy's own speed drifts by several per cent
    # within a run, and the mean of the two brackets the build fairly
    shipped_before = timed_bare("before, as shipped", memoised=False)
    before = timed_bare("before, memoised")
    with tempfile.TemporaryDirectory() as tmp:
        one = build(nlp, args.corpus, args.limit, args.batch_size, 1, Path(tmp) / "one.ttl")
        print(f"build, 1 process     {one['words']} words in {one['wall']:7.1f} s (CPU {one['cpu']:6.1f} s): "
              f"{one['words'] / one['wall']:6.0f} words/s, writing {one['write']:.1f} s  ({load()})")
        after = timed_bare("after, memoised")
        shipped_after = timed_bare("after, as shipped", memoised=False)
        g = one["summary"]
        print(f"  graph: {g['documents']} documents, {g['entities']} entities, {g['relations']} relations, {g['triples']} triples")
        for label, first, second, note in (
                ("bare spaCy as shipped", shipped_before, shipped_after, "target >= 0.9"),
                ("bare spaCy with the build's memoised components", before, after, "the price of our stages")):
            bare_s, bare_cpu = (first[0] + second[0]) / 2, (first[1] + second[1]) / 2
            print(f"{label}, mean of both: {one['words'] / bare_s:6.0f} words/s; ratio build / it: "
                  f"{bare_s / one['wall']:.2f} wall clock, {bare_cpu / one['cpu']:.2f} CPU time  ({note})")
        st = one["stages"]
        rest = one["cpu"] - st.extract - st.resolve - st.graph
        print(f"  CPU of the build: spaCy and reading {rest:.1f} s; on top of it extraction {st.extract:.1f} s "
              f"({st.extract / rest:.1%}), resolution {st.resolve:.1f} s ({st.resolve / rest:.1%}), "
              f"graph and file {st.graph:.1f} s ({st.graph / rest:.1%})")
        if args.workers > 1:
            two = build(nlp, args.corpus, args.limit, args.batch_size, args.workers, Path(tmp) / "two.ttl")
            print(f"build, {args.workers} processes   {two['words']} words in {two['wall']:7.1f} s: "
                  f"{two['words'] / two['wall']:6.0f} words/s, writing {two['write']:.1f} s  ({load()})")
            print(f"speed-up {args.workers} processes / 1: {one['wall'] / two['wall']:.2f}x wall clock  (target >= 1.5x)")
            print(f"same graph file with 1 and {args.workers} processes: {one['sha'] == two['sha']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
