"""What the NIF 2.0 mentions cost: one build's CPU time, triples and file size with and without them.

The articles are parsed, extracted and resolved once (resolution always computes the mention
offsets); then the graph is made and written to Turtle twice, with ``KnowledgeGraph(mentions=True)``
and with ``mentions=False``, in this one process, so that a busy machine weighs on both alike.
CPU time is ``time.process_time`` (this process only, all threads).

Figures (first 1,000 articles of ``cnn_dailymail_hf_1500``, en_core_web_sm 3.8, a busy 2-core
machine), from ``.venv/bin/python bench/mentions.py --articles 1000``: see the module's output;
the summary line of the last run is quoted in the README ("Mentions as data").

Usage::

    .venv/bin/python bench/mentions.py --articles 1000
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run from a checkout without installing

CORPUS = REPO.parent / "shared" / "corpus" / "cnn_dailymail_hf_1500.jsonl.gz"


def read_articles(path: Path, n: int) -> list:
    """The first ``n`` records of a corpus file as kgbuild Documents."""
    from kgbuild.records import Document

    with gzip.open(path, "rt", encoding="utf-8") as f:
        records = [json.loads(line) for _, line in zip(range(n), f)]
    return [Document(id=r["id"], text=r["text"], title=r.get("title")) for r in records]


def graph_and_file(resolved: list, mentions: bool, folder: Path) -> dict:
    """Make the graph of resolved documents and write it as Turtle; CPU seconds, triples, bytes."""
    from kgbuild.graph import KnowledgeGraph
    from kgbuild.rdf.export import GraphWriter

    started = time.process_time()
    kg = KnowledgeGraph(mentions=mentions)
    path = folder / f"graph-{'with' if mentions else 'without'}.ttl"
    with GraphWriter(kg, path) as writer:
        for r in resolved:
            kg.add_document(r)
            writer.document_added(r.document.id)
    seconds = time.process_time() - started
    phrases = sum(len(m.mentions) for m in kg.documents.values())
    return {"cpu_seconds": round(seconds, 2), "triples": writer.count, "bytes": path.stat().st_size,
            "phrases": phrases}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--corpus", default=str(CORPUS))
    args = ap.parse_args(argv)
    if not Path(args.corpus).is_file():
        print(f"error: {args.corpus}: corpus file not found (is ../shared beside the repository?)", file=sys.stderr)
        return 2
    from kgbuild.pipeline.run import resolve_documents
    from kgbuild.pipeline.stream import make_pipeline

    documents = read_articles(Path(args.corpus), args.articles)
    nlp = make_pipeline()
    started = time.process_time()
    resolved = list(resolve_documents(documents, nlp))
    parse = time.process_time() - started
    words = sum(r.words for r in resolved)
    with tempfile.TemporaryDirectory() as tmp:
        # without first, then with, then without again: the second "without" shows the noise
        runs = [("without", graph_and_file(resolved, False, Path(tmp))),
                ("with", graph_and_file(resolved, True, Path(tmp))),
                ("without", graph_and_file(resolved, False, Path(tmp)))]
    print(f"{len(resolved)} articles, {words:,} words: parse+extract+resolve {parse:.1f} CPU s")
    for name, r in runs:
        total = parse + r["cpu_seconds"]
        print(f"  {name:7} mentions: graph+Turtle {r['cpu_seconds']:6.1f} CPU s (build {total:6.1f}), "
              f"{r['triples']:>9,} triples, {r['bytes'] / 1e6:6.1f} MB, {r['phrases']:,} phrases")
    with_, without = runs[1][1], min((r for n, r in runs if n == "without"), key=lambda r: r["cpu_seconds"])
    extra = with_["cpu_seconds"] - without["cpu_seconds"]
    print(f"mentions cost: +{extra:.1f} CPU s ({extra / (parse + without['cpu_seconds']):+.1%} of the build), "
          f"+{with_['triples'] - without['triples']:,} triples "
          f"({(with_['triples'] - without['triples']) / without['triples']:+.0%}), "
          f"+{(with_['bytes'] - without['bytes']) / 1e6:.1f} MB ({(with_['bytes'] - without['bytes']) / without['bytes']:+.0%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
