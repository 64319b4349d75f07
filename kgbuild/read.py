"""Reading inputs: text and HTML files, folders of them, .jsonl / .jsonl.gz with a ``text`` field, or stdin.

Inputs are streamed one document at a time, so a corpus never sits in memory;
a text longer than ``MAX_CHARS`` (a whole book, a 100 MB dump, one huge line)
becomes several documents ``ID#part1``, ``ID#part2``... cut at paragraph or
sentence breaks. Bad inputs never end a build that has good ones: an unreadable,
empty or binary file is reported and skipped, a broken JSONL line too (or, with
``on_error="stop"``, it ends the build). Only a lone file input raises at once,
since there is nothing else to build. Text that is not valid UTF-8 is decoded
with U+FFFD, HTML is stripped to its text, and a text that does not look like
English is read with a warning. Each document gets an id of its own: a repeated
id with a different text becomes ``ID~2``.
"""

from __future__ import annotations

import codecs
import gzip
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kgbuild import bytelines
from kgbuild.bytelines import (
    BLOCK, BadBytes, LineProblems, check_head, iter_lines, plural,
)
from kgbuild.docids import DocumentIds, split_document
from kgbuild.errors import InputError
from kgbuild.inputfiles import (
    HTML_SUFFIXES, JSONL_SUFFIXES, STDIN, TEXT_SUFFIXES, open_input, plan_inputs, printable, sniff,
)
from kgbuild.model import Document
from kgbuild.textcheck import (
    MAX_CHARS, Chunker, HTMLText, binary_kind, html_to_text, iso_date, language_problem, looks_like_html,
)

_SURROGATES = re.compile("[\ud800-\udfff]")  # lone surrogates (JSON "\\ud800"): not encodable, so replaced


@dataclass
class ReadReport:
    """What reading ran into: warnings, and inputs skipped whole.

    Parameters
    ----------
    echo : bool
        Print each warning on stderr as ``kgbuild: warning: FILE: problem`` when it happens.

    Example
    -------
    >>> r = ReadReport(echo=False)
    >>> r.skip("a.txt", "file is empty")
    >>> r.skipped, r.warnings
    ([('a.txt', 'file is empty')], ['a.txt: file is empty, skipped'])
    """

    echo: bool = True
    skipped: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def warn(self, path: str | Path, problem: str) -> None:
        """Record (and print) a warning about ``path``."""
        line = f"{path}: {problem}"
        self.warnings.append(line)
        if self.echo:
            print(f"kgbuild: warning: {line}", file=sys.stderr, flush=True)

    def skip(self, path: str | Path, problem: str) -> None:
        """Record that ``path`` was left out."""
        self.skipped.append((str(path), problem))
        self.warn(path, f"{problem}, skipped")


def read_inputs(
    paths: Iterable[str | Path], on_error: str = "skip", report: ReadReport | None = None, max_chars: int = MAX_CHARS,
    exclude: Iterable[str | Path] = (),
) -> Iterator[Document]:
    """Documents from every input path, in order.

    Paths are checked at once (a missing path, an empty folder, a lone unreadable
    file raise or are reported before anything is parsed); files are read lazily.

    Parameters
    ----------
    paths : iterable of str or Path
        Files, folders, or ``"-"`` for standard input.
    on_error : {"skip", "stop"}
        What a bad input or broken JSONL line does: warn and skip it, or raise ``InputError``.
    report : ReadReport, optional
        Collects warnings and skipped inputs (default: a fresh one that prints them).
    max_chars : int
        Longer texts are split into documents ``ID#part1``, ``ID#part2``...
    exclude : iterable of str or Path
        Folders not to look into (the build's own output, so its graph.html is never read back).

    Returns
    -------
    Iterator of Document

    Example
    -------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = p.write_text("Clinton met journalists.")
    >>> [d.id for d in read_inputs([p])]
    ['a']
    """
    if on_error not in ("skip", "stop"):
        raise ValueError(f"on_error must be 'skip' or 'stop', not {on_error!r}")
    reader = _Reader(on_error, report if report is not None else ReadReport(), max_chars)
    excluded = {os.path.realpath(p) for p in exclude}
    paths = [str(p) for p in paths]
    lone = len(paths) == 1 and not Path(paths[0]).is_dir()
    files = plan_inputs(paths, reader.report, reader.stop, excluded)
    if lone and files:
        reader.stop_on_file_errors = True
        sniff(files[0])
    return reader.documents(files)


class _Reader:
    def __init__(self, on_error: str, report: ReadReport, max_chars: int) -> None:
        self.report = report
        self.max_chars = max_chars
        self.stop = on_error == "stop"
        self.stop_on_file_errors = self.stop
        self.ids = DocumentIds(report)

    def problem(self, path: str | Path, message: str) -> None:
        """A whole input is unusable: raise, or report it skipped."""
        if self.stop_on_file_errors:
            raise InputError(message, path=path)
        self.report.skip(path, message)

    # -------------------------------------------------------------- reading

    def documents(self, files: list[str | Path]) -> Iterator[Document]:
        for path in files:
            try:
                if path != "-" and str(path).lower().endswith(JSONL_SUFFIXES):
                    stream = self.jsonl(Path(path))
                else:
                    stream = self.text(path)
                for document in stream:
                    document = self.ids.unique(document)
                    if document is not None:
                        yield document
            except InputError as exc:
                self.problem(exc.path or path, exc.problem)
            except OSError as exc:  # the disk or the network share failed mid-file
                self.problem(path, f"cannot read: {exc.strerror or exc}")
        self.ids.summary()

    def text(self, path: str | Path) -> Iterator[Document]:
        """A text or HTML file (or stdin), streamed in blocks and cut into documents of at most max_chars."""
        if path == "-":
            path = STDIN  # so messages say <stdin>
        name = "stdin" if path == STDIN else printable(Path(path).name)
        doc_id = "stdin" if path == STDIN else re.sub(r"\.(txt|text|md|html?|xhtml)$", "", name, flags=re.I)
        with open_input(path) as handle:
            head = handle.read(BLOCK)
            encoding = check_head(path, head)
            # surrogateescape marks bad bytes so they can be counted (it only works for UTF-8's bytes >= 0x80)
            decoder = codecs.getincrementaldecoder(encoding)(errors="surrogateescape" if "8" in encoding else "replace")
            is_html: bool | None = name.lower().endswith(HTML_SUFFIXES) or None
            html = HTMLText()
            chunker = Chunker(self.max_chars)
            bad = BadBytes()
            pending: str | None = None
            n = 0
            block, offset, final = head, 0, False
            while True:
                held = len(decoder.getstate()[0])
                text = bad.clean(decoder.decode(block, final=final), offset - held, encoding)
                if is_html is None and text.strip():
                    is_html = looks_like_html(text)
                if is_html:
                    html.feed(text)
                    if final:
                        html.close()
                    text = html.pull()
                pieces = [*chunker.feed(text), *(chunker.finish() if final else ())]
                for piece in pieces:
                    if not piece.strip():
                        continue
                    if pending is not None:
                        n += 1
                        yield self._document(path, f"{doc_id}#part{n}", pending, html.title)
                    else:
                        self._check_language(path, piece)
                    pending = piece
                if final:
                    break
                offset += len(block)
                block = handle.read(BLOCK)
                final = not block
            if bad.count:
                self.report.warn(path, f"not valid UTF-8 at byte {bad.first}: {plural(bad.count, 'bad byte')} replaced by U+FFFD")
            if is_html:
                self.report.warn(path, "HTML: markup, scripts and styles stripped, reading the text only")
            if pending is None:
                raise InputError("no text in the HTML page" if is_html else
                                 "file has only whitespace" if offset or head else "file is empty", path=path)
            yield self._document(path, f"{doc_id}#part{n + 1}" if n else doc_id, pending, html.title)
            if n:
                self.report.warn(path, f"{n + 1} parts of at most {self.max_chars:,} characters, "
                                       f"ids {doc_id}#part1..{n + 1}")

    def _document(self, path: str | Path, doc_id: str, text: str, title: str | None) -> Document:
        return Document(id=doc_id, text=text, title=title, source=printable(path))

    def _check_language(self, path: str | Path, text: str) -> None:
        problem = language_problem(text)
        if problem:
            self.report.warn(path, f"{problem}; kgbuild extracts from English only")

    def jsonl(self, path: Path) -> Iterator[Document]:
        """JSON Lines (optionally gzip), one object a line with ``text`` and optional ``id``, ``title``, ``date``."""
        gz = path.name.lower().endswith(".gz")
        lines = LineProblems(self.report, path, self.stop)
        notes: dict[str, list] = {"html": [], "non_english": [], "bad_date": []}
        number = yielded = 0
        with open_input(path) as raw:
            if not gz:
                kind = binary_kind(raw.peek(BLOCK)[:BLOCK] if hasattr(raw, "peek") else b"")
                if kind:
                    raise InputError(kind, path=path)
            handle = gzip.GzipFile(fileobj=raw) if gz else raw
            try:
                for number, line in enumerate(iter_lines(handle), 1):
                    if line is None:
                        lines.problem(number, f"longer than {bytelines.MAX_LINE:,} bytes")
                        continue
                    if not line.strip():
                        continue
                    record = lines.parse(number, line)
                    if record is None:
                        continue
                    for document in self._record(path, number, record, lines, notes):
                        yielded += 1
                        yield document
            except (OSError, EOFError, zlib.error) as exc:
                message = "not a gzip file" if "Not a gzipped file" in str(exc) else \
                    "gzip data ends early (truncated file)" if isinstance(exc, EOFError) else f"cannot read: {exc}"
                raise InputError(f"{message} (after line {number})" if number else message, path=path) from None
            finally:
                lines.summary()
                self._notes(path, notes)
        if not yielded:
            raise InputError("no usable records" if lines.count else "file has only whitespace" if number else "file is empty",
                             path=path)

    def _record(self, path: Path, number: int, record: dict, lines: LineProblems, notes: dict) -> Iterator[Document]:
        text = _clean(record["text"])
        title = _clean(record["title"]) if isinstance(record.get("title"), str) else None
        if looks_like_html(text):
            notes["html"].append(number)
            text, html_title = html_to_text(text)
            title = title or html_title
        if not text.strip():
            lines.problem(number, "empty text")
            return
        problem = language_problem(text)
        if problem:
            notes["non_english"].append((number, problem))
        date = iso_date(record.get("date"))
        if record.get("date") and not date:
            notes["bad_date"].append(number)
        raw_id = record.get("id")
        doc_id = _clean(str(raw_id)) if raw_id not in (None, "") else f"{printable(path.name).split('.')[0]}-{number}"
        yield from split_document(Document(id=doc_id, text=text, title=title or None, source=printable(path), date=date),
                                  self.max_chars)

    def _notes(self, path: Path, notes: dict) -> None:
        if notes["html"]:
            self.report.warn(path, f"{plural(len(notes['html']), 'record')} were HTML (first at line {notes['html'][0]}): markup stripped")
        if notes["non_english"]:
            line, problem = notes["non_english"][0]
            self.report.warn(path, f"{plural(len(notes['non_english']), 'record')} did not look like English (first at line {line}: {problem})")
        if notes["bad_date"]:
            self.report.warn(path, f"{plural(len(notes['bad_date']), 'record')} had a 'date' that is not a date (first at line "
                                   f"{notes['bad_date'][0]}): left out")


def _clean(text: str) -> str:
    """Text that can be encoded: lone surrogates (from JSON escapes) become U+FFFD."""
    return _SURROGATES.sub("\ufffd", text)


def read_text(path: str | Path) -> str:
    """The whole text of a text or HTML file, or InputError (for small files; builds stream instead).

    Example
    -------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = p.write_bytes(b"caf\\xc3\\xa9")
    >>> read_text(p)
    'café'
    """
    reader = _Reader("stop", ReadReport(echo=False), sys.maxsize)
    return "".join(d.text for d in reader.text(path))


def read_jsonl(path: str | Path, on_error: str = "skip", report: ReadReport | None = None) -> Iterator[Document]:
    """Documents from a JSON Lines file (optionally gzip-compressed), one object a line with ``text``."""
    yield from _Reader(on_error, report if report is not None else ReadReport(), MAX_CHARS).jsonl(Path(path))


__all__ = [
    "HTML_SUFFIXES", "JSONL_SUFFIXES", "MAX_CHARS", "STDIN", "TEXT_SUFFIXES",
    "ReadReport", "read_inputs", "read_jsonl", "read_text", "split_document",
]
