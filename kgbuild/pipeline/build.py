"""``build_files``: what ``kgbuild build`` does, as a function.

Inputs are read as a stream, resolved (in this process, local workers or on Dask), merged into one
``KnowledgeGraph`` and written to the graph file as they come; ``graph.html`` is written at the end.
With an on-disk store, each document's named graph goes into it, documents it holds unchanged
(same id, same text) are skipped, and the graph file and page are then written from the whole
store. The output folder and the store are locked for the build; the graph file and the page
appear together, or, when anything fails (a full disk), neither does. Nothing is written when
nothing could be built.
"""

from __future__ import annotations

import contextlib
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kgbuild.atomic import atomic_group, folder_lock
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
    #: documents, entities, relations (distinct subject, predicate, object), statements; with a
    #: store, of the whole store, and "added" and "unchanged" documents of this run
    counts: dict[str, int] = field(default_factory=dict)

    def line(self) -> str:
        """The one line ``kgbuild build`` prints."""
        c = self.counts or {**self.graph.summary(), "statements": self.graph.summary()["relations"]}
        html = f", {self.html_path}" if self.html_path else ""
        documents = plural(c["documents"], "document")
        if "unchanged" in c:
            documents += f" ({c['added']} added, {c['unchanged']} unchanged)"
        relations = plural(c["relations"], "relation")
        if c["statements"] != c["relations"]:
            relations += f" ({plural(c['statements'], 'statement')})"
        return (f"{documents}, {plural(c['entities'], 'entity', 'entities')}, {relations}, "
                f"{plural(self.triples, 'triple')} in {self.seconds:.1f} s → {self.graph_path}{html}")


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
        Wraps the stream of resolved documents (a progress display); given ``read=`` too, a
        callable counting the documents read so far, if it takes it.

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
    documents = read_inputs(names, on_error=config.on_error, report=report, exclude=[out], fetch=config.fetch,
                            allow_non_english=config.allow_non_english)
    _check_output(out)
    made_output = not out.exists()
    try:
        with contextlib.ExitStack() as held:
            # one build at a time per output folder and per store: a second would remove the
            # first's temporary files, or interleave its documents with the first's. The folder
            # is locked once there is something to write (a build of bad inputs fails as it would
            # alone); the store at once, as it is read from the start.
            locked: list[Path] = []

            def lock_output() -> None:
                if not locked:
                    locked.append(held.enter_context(folder_lock(out, "output folder")))

            document_store = None
            if store is not None:
                from kgbuild.rdf.store import DocumentStore

                held.enter_context(folder_lock(store, "store"))
                document_store = DocumentStore(store)
            with atomic_group():  # graph file and page appear together, or neither does
                summary = _build(documents, out, info, config, report, names, document_store, progress, lock_output)
    except BaseException:
        if made_output:  # a build that made nothing leaves no empty folder behind
            with contextlib.suppress(OSError):
                out.rmdir()
        raise
    _remove_stale_temp(out, started_at)
    summary.seconds = time.perf_counter() - started
    return summary


def _build(documents: Iterable[Document], out: Path, info, config: BuildConfig, report: ReadReport,
           names: list[str], document_store, progress, lock_output: Callable[[], None]) -> BuildSummary:
    """The build itself; ``lock_output`` is called before anything is written, files are renamed by the caller's group."""
    kg = KnowledgeGraph(mentions=config.mentions)
    unchanged: list[str] = []
    read = [0]

    def counted(items: Iterable[Document]) -> Iterator[Document]:
        for item in items:
            read[0] += 1
            yield item

    stream = resolve_documents(_unchanged_skipped(counted(documents), document_store, unchanged), config=config)
    if progress is not None:
        try:  # a display that can show how many documents were read, ahead of those done
            shown = progress(stream, read=lambda: read[0])
        except TypeError:
            shown = progress(stream)
    else:
        shown = stream
    graph_path = out / f"graph{info.extension}"
    html_path = out / "graph.html" if config.html else None
    if document_store is None:
        with GraphWriter(kg, graph_path, info.name) as writer:  # documents are written as they come
            for resolved in shown:
                lock_output()
                kg.add_document(resolved)
                writer.document_added(resolved.document.id)
            if not kg.documents:
                _nothing_built(report, names)
        if html_path is not None:
            from kgbuild.view.from_kg import model_from_kg
            from kgbuild.view.html import write_html

            write_html(model_from_kg(kg), html_path, title=_title(names))
        counts = _counts(kg)
        return BuildSummary(kg, graph_path, html_path, writer.count, 0.0, list(report.skipped), counts=counts)
    for resolved in shown:
        kg.add_document(resolved)
        _store_document(document_store, resolved, config.mentions)
    document_store.flush()
    if not kg.documents and not document_store.documents():
        _nothing_built(report, names)
    lock_output()
    # the outputs describe the whole store, documents skipped as unchanged included
    from kgbuild.rdf.write import write_ntriples

    triples = write_ntriples(document_store.ntriples(), graph_path, info.name)
    if html_path is not None:
        from kgbuild.rdf.load import graph_from_store
        from kgbuild.view.html import write_html
        from kgbuild.view.model import read_model

        write_html(read_model(graph_from_store(document_store.store)), html_path, title=_title(names))
    counts = document_store.counts()
    counts["added"], counts["unchanged"] = len(kg.documents), len(unchanged)
    return BuildSummary(kg, graph_path, html_path, triples, 0.0, list(report.skipped), counts=counts)


def _counts(kg: KnowledgeGraph) -> dict[str, int]:
    """What the summary line says: counted as ``kgbuild stats`` counts them."""
    summary = kg.summary()
    relations = {(u, data["predicate"], v) for u, v, data in kg.graph.edges(data=True)}
    return {"documents": summary["documents"], "entities": summary["entities"], "relations": len(relations),
            "statements": summary["relations"]}


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


def _unchanged_skipped(documents: Iterable[Document], store, unchanged: list[str]) -> Iterator[Document]:
    """Leave out documents the store already holds, under the same id with the same text (incremental builds).

    The id counts as well as the text: two ids with one text are two documents, whatever
    the store held when the second was read.
    """
    for document in documents:
        if store is not None and store.has_document(content_hash(document), document_iri(document.id)):
            unchanged.append(document.id)
            continue
        yield document


def _store_document(store, resolved: ResolvedDocument, mentions: bool = True) -> None:
    """Replace the document's named graph in the store with what this build made of it."""
    single = KnowledgeGraph(mentions=mentions)
    single.add_document(resolved)
    store.add_document_quads(document_iri(resolved.document.id), iter_quads(single))


def plural(n: int, word: str, words: str | None = None) -> str:
    """``n`` and the word, plural unless ``n`` is 1.

    Example
    -------
    >>> plural(1, "document"), plural(3, "entity", "entities")
    ('1 document', '3 entities')
    """
    return f"{n} {word if n == 1 else words or word + 's'}"


def print_skipped(summary: BuildSummary) -> None:
    """The build's warning line about skipped inputs, on stderr."""
    if summary.skipped:
        skipped = plural(len(summary.skipped), "input")
        print(f"kgbuild: warning: {skipped} skipped: {listed(summary.skipped)}", file=sys.stderr)
