"""Reading inputs: text files, web pages, RSS/Atom feeds, WARC crawls, folders of them, .jsonl / .jsonl.gz, stdin.

Inputs are streamed one document at a time, so a corpus never sits in memory;
a text longer than ``MAX_CHARS`` (a whole book, a 100 MB dump, one huge line)
becomes several documents ``ID#part1``, ``ID#part2``... cut at paragraph or
sentence breaks. Bad inputs never end a build that has good ones: an unreadable,
empty or binary file is reported and skipped, a broken JSONL line too (or, with
``on_error="stop"``, it ends the build). Only a lone file input raises at once,
since there is nothing else to build. Text that is not valid UTF-8 is decoded
with U+FFFD, a web page is read for its article and metadata, and a document that
is not English is skipped with a warning (or, with ``allow_non_english``, built with
one). Each document gets an id of its own: a repeated id with a different text
becomes ``ID~2``.

This module holds the entry points and what a failing input does to the build;
the work is done by ``kgbuild.read.files`` (which paths are inputs, opening them),
``kgbuild.read.text``, ``kgbuild.read.jsonl``, ``kgbuild.read.feeds`` and
``kgbuild.read.warc`` (one reader per format), ``kgbuild.read.language``,
``kgbuild.read.bytes`` (blocks, lines, bad bytes) and ``kgbuild.read.ids`` (ids, parts).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from kgbuild.errors import InputError
from kgbuild.read.bytes import LINE_WARNINGS, plural
from kgbuild.read.feeds import read_feed_file
from kgbuild.read.files import (
    FEED_SUFFIXES,
    HTML_SUFFIXES,
    JSONL_SUFFIXES,
    STDIN,
    TEXT_SUFFIXES,
    WARC_SUFFIXES,
    plan_inputs,
    sniff,
)
from kgbuild.read.ids import DocumentIds, split_document
from kgbuild.read.jsonl import read_jsonl_file
from kgbuild.read.language import language_problem
from kgbuild.read.report import ReadReport
from kgbuild.read.split import MAX_CHARS
from kgbuild.read.text import read_text_file
from kgbuild.read.warc import read_warc_file
from kgbuild.read.web import Fetcher
from kgbuild.records import Document


def read_inputs(
    paths: Iterable[str | Path], on_error: str = "skip", report: ReadReport | None = None, max_chars: int = MAX_CHARS,
    exclude: Iterable[str | Path] = (), fetch: bool | Fetcher = False, allow_non_english: bool = False,
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
    fetch : bool or Fetcher
        Download the page each feed entry links to and read it as a web page (else the feed's text);
        a ``Fetcher`` sets the timeout.
    allow_non_english : bool
        Keep documents that are not English (with a warning) instead of skipping them.

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
    reader = _Reader(on_error, report if report is not None else ReadReport(), max_chars,
                     fetch if isinstance(fetch, Fetcher) else Fetcher() if fetch else None, allow_non_english)
    excluded = {os.path.realpath(p) for p in exclude}
    paths = [str(p) for p in paths]
    lone = len(paths) == 1 and not Path(paths[0]).is_dir()
    files = plan_inputs(paths, reader.report, reader.stop, excluded)
    if lone and files:
        reader.stop_on_file_errors = True
        sniff(files[0])
    return reader.documents(files)


class _Reader:
    """One read of many inputs: each file to its format's reader, ids kept unique, a failing file skipped or raised."""

    def __init__(self, on_error: str, report: ReadReport, max_chars: int, fetcher: Fetcher | None = None,
                 allow_non_english: bool = False) -> None:
        self.report = report
        self.fetcher = fetcher
        self.allow_non_english = allow_non_english
        self.max_chars = max_chars
        self.stop = on_error == "stop"
        self.stop_on_file_errors = self.stop
        self.ids = DocumentIds(report)

    def problem(self, path: str | Path, message: str) -> None:
        """A whole input is unusable: raise, or report it skipped."""
        if self.stop_on_file_errors:
            raise InputError(message, path=path)
        self.report.skip(path, message)

    def documents(self, files: list[str | Path]) -> Iterator[Document]:
        """The documents of every file in turn, lazily."""
        for path in files:
            language = _Languages(self.report, path, self.allow_non_english)
            try:
                for document in self._stream(path):
                    if not language.english(document):
                        continue
                    document = self.ids.unique(document)
                    if document is not None:
                        yield document
            except InputError as exc:
                self.problem(exc.path or path, exc.problem)
            except OSError as exc:  # the disk or the network share failed mid-file
                self.problem(path, f"cannot read: {exc.strerror or exc}")
            language.summary()
        self.ids.summary()

    def _stream(self, path: str | Path) -> Iterator[Document]:
        name = str(path).lower() if path != "-" else ""
        if name.endswith(JSONL_SUFFIXES):
            return read_jsonl_file(Path(path), self.report, self.stop, self.max_chars)
        if name.endswith(WARC_SUFFIXES):
            return read_warc_file(Path(path), self.report, self.max_chars)
        if name.endswith(FEED_SUFFIXES):
            return read_feed_file(Path(path), self.report, self.max_chars, self.fetcher)
        return read_text_file(path, self.report, self.max_chars)


class _Languages:
    """The language check of one input's documents: the first few warned about one by one, then counted."""

    def __init__(self, report: ReadReport, path: str | Path, allow: bool) -> None:
        self.report, self.path, self.allow = report, path, allow
        self.count = 0

    def english(self, document: Document) -> bool:
        """Whether to build the document: it is English, or others are allowed (warned about either way)."""
        problem = language_problem(document.text)
        if problem is None:
            return True
        self.count += 1
        if self.count <= LINE_WARNINGS:
            where = "" if document.source and Path(document.source).stem == document.id else f"document {document.id!r} "
            action = ("built anyway (--allow-non-english)" if self.allow
                      else "skipped (kgbuild extracts from English; --allow-non-english builds it anyway)")
            self.report.warn(self.path if self.path != "-" else STDIN, f"{where}{problem}; {action}")
        return self.allow

    def summary(self) -> None:
        if self.count > LINE_WARNINGS:
            self.report.warn(self.path, f"{plural(self.count, 'document')} in all not in English, "
                                        f"{'built anyway' if self.allow else 'skipped'}")


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
    return "".join(d.text for d in read_text_file(path, ReadReport(echo=False), sys.maxsize))


def read_jsonl(path: str | Path, on_error: str = "skip", report: ReadReport | None = None) -> Iterator[Document]:
    """Documents from a JSON Lines file (optionally gzip-compressed), one object a line with ``text``."""
    yield from read_jsonl_file(Path(path), report if report is not None else ReadReport(), on_error == "stop", MAX_CHARS)


__all__ = [
    "FEED_SUFFIXES", "HTML_SUFFIXES", "WARC_SUFFIXES", "JSONL_SUFFIXES", "MAX_CHARS", "STDIN", "TEXT_SUFFIXES",
    "ReadReport", "read_inputs", "read_jsonl", "read_text", "split_document",
]
