"""``build_files``: what ``kgbuild build`` does, as a function.

Inputs are read as a stream, resolved (in this process, local workers or on Dask), merged into one
``KnowledgeGraph`` and written to the graph file as they come; an optional on-disk store gets each
document's named graph, and documents it already holds unchanged are skipped; ``graph.html`` is
written at the end. Nothing is written when nothing could be built.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kgbuild.config import BuildConfig
from kgbuild.errors import KgbuildError
from kgbuild.graph import KnowledgeGraph
from kgbuild.pipeline.run import resolve_documents
from kgbuild.rdf.export import GraphWriter, iter_quads
from kgbuild.rdf.formats import format_for
from kgbuild.rdf.iris import document_iri
from kgbuild.read.inputs import read_inputs
from kgbuild.read.report import ReadReport
from kgbuild.records import Document, ResolvedDocument, content_hash


@dataclass
class BuildSummary:
    """What a build made: the graph, the files written and the inputs skipped."""

    graph: KnowledgeGraph
    graph_path: Path
    html_path: Path | None
    triples: int
    seconds: float
    skipped: list[tuple[str, str]] = field(default_factory=list)

    def line(self) -> str:
        """The one line ``kgbuild build`` prints."""
        summary = self.graph.summary()
        html = f", {self.html_path}" if self.html_path else ""
        return (f"{summary['documents']} documents, {summary['entities']} entities, {summary['relations']} relations, "
                f"{self.triples} triples in {self.seconds:.1f} s → {self.graph_path}{html}")


def build_files(
    inputs: Iterable[str | Path], output: str | Path = "output", config: BuildConfig | None = None,
    store: str | Path | None = None, progress: Callable[[Iterator], Iterator] | None = None,
) -> BuildSummary:
    """Build the graph of some input files into ``output/graph.<ext>`` (and ``graph.html``).

    Parameters
    ----------
    inputs : iterable of str or Path
        Files, folders, ``.jsonl``/``.jsonl.gz`` or ``"-"`` for stdin (see ``kgbuild.read.read_inputs``).
    output : str or Path
        The output folder, made if needed.
    config : BuildConfig, optional
        The build's settings (default: ``BuildConfig()``).
    store : str or Path, optional
        An on-disk Oxigraph store that also gets every document, replacing earlier versions and
        skipping documents it holds unchanged.
    progress : callable, optional
        Wraps the stream of resolved documents (a progress display).

    Returns
    -------
    BuildSummary

    Raises
    ------
    KgbuildError
        When nothing could be built (every input skipped), or an output cannot be written.

    Example
    -------
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> (folder / "a.txt").write_text("Hillary Clinton met Pakistani journalists in Islamabad.")
    55
    >>> summary = build_files([folder / "a.txt"], folder / "out", BuildConfig(html=False))
    >>> summary.graph_path.name, summary.graph.summary()["documents"]
    ('graph.ttl', 1)
    """
    config = config or BuildConfig()
    started, started_at = time.perf_counter(), time.time()
    out = Path(output)
    fmt = config.format
    info = format_for(f"graph.{fmt}" if "." not in fmt else fmt, None if "." in fmt else fmt)
    report = ReadReport()
    # checks paths before the model loads; never reads back our own output (graph.html)
    names = [str(i) for i in inputs]
    documents = read_inputs(names, on_error=config.on_error, report=report, exclude=[out])
    _check_output(out)
    kg = KnowledgeGraph(mentions=config.mentions)
    document_store = None
    if store is not None:
        from kgbuild.rdf.store import DocumentStore

        document_store = DocumentStore(store)
    stream = resolve_documents(_unchanged_skipped(documents, document_store), config=config)
    graph_path = out / f"graph{info.extension}"
    with GraphWriter(kg, graph_path, info.name) as writer:  # documents are written as they come
        for resolved in (progress or _quiet)(stream):
            kg.add_document(resolved)
            writer.document_added(resolved.document.id)
            if document_store is not None:
                _store_document(document_store, resolved, config.mentions)
        if document_store is not None:
            document_store.flush()
        if not kg.documents and document_store is None:
            _nothing_built(report, names)
    html_path = None
    if config.html:
        from kgbuild.view.from_kg import model_from_kg
        from kgbuild.view.html import write_html

        html_path = out / "graph.html"
        write_html(model_from_kg(kg), html_path, title=_title(names))
    _remove_stale_temp(out, started_at)
    return BuildSummary(kg, graph_path, html_path, writer.count, time.perf_counter() - started, list(report.skipped))


def _quiet(items: Iterator) -> Iterator:
    return items


def _nothing_built(report: ReadReport, inputs: list[str]) -> None:
    if len(report.skipped) == 1:
        raise KgbuildError(f"{report.skipped[0][1]}; nothing to build", path=report.skipped[0][0])
    if report.skipped:
        raise KgbuildError(f"nothing to build: all {len(report.skipped)} inputs skipped ({listed(report.skipped)})")
    raise KgbuildError("no documents to build", path=" ".join(inputs))


def _check_output(out: Path) -> None:
    """Fail before any work when the output folder cannot be written."""
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


def listed(skipped: list[tuple[str, str]]) -> str:
    """The first few skipped inputs, for a one-line message."""
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


def _unchanged_skipped(documents: Iterable[Document], store) -> Iterator[Document]:
    """Leave out documents whose exact text the store already holds (incremental builds)."""
    for document in documents:
        if store is not None and store.has_document(content_hash(document)):
            continue
        yield document


def _store_document(store, resolved: ResolvedDocument, mentions: bool = True) -> None:
    """Replace the document's named graph in the store with what this build made of it."""
    single = KnowledgeGraph(mentions=mentions)
    single.add_document(resolved)
    store.add_document_quads(document_iri(resolved.document.id), iter_quads(single))


def print_skipped(summary: BuildSummary) -> None:
    """The build's warning line about skipped inputs, on stderr."""
    if summary.skipped:
        print(f"kgbuild: warning: {len(summary.skipped)} inputs skipped: {listed(summary.skipped)}", file=sys.stderr)
