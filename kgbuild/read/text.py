"""Text and HTML files (and stdin): streamed in blocks, decoded, stripped of markup, cut into documents.

Separate from ``kgbuild.read`` because it is one format's reader: ``kgbuild.read``
decides which reader a file goes to and what a failing file does to the build;
this module turns one file's bytes into documents, warning (in one line naming the
file) about bytes that are not UTF-8, HTML stripped, a text not in English, or a
text cut into parts.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from kgbuild.errors import InputError
from kgbuild.read.bytes import BLOCK, BadBytes, check_head, plural
from kgbuild.read.files import HTML_SUFFIXES, STDIN, open_input, printable
from kgbuild.read.html import HTMLText, looks_like_html
from kgbuild.read.language import language_problem
from kgbuild.read.split import Chunker
from kgbuild.records import Document

if TYPE_CHECKING:
    from kgbuild.read.report import ReadReport


def read_text_file(path: str | Path, report: ReadReport, max_chars: int) -> Iterator[Document]:
    """A text or HTML file (or stdin), streamed in blocks and cut into documents of at most max_chars.

    Parameters
    ----------
    path : str or Path
        The file, or ``"-"`` for standard input.
    report : ReadReport
        Gets the warnings: bytes that are not UTF-8, HTML stripped, a text not in English, parts.
    max_chars : int
        A longer text becomes documents ``ID#part1``, ``ID#part2``...

    Returns
    -------
    Iterator of Document
        Raises ``InputError`` (once the file is read) when it has no text.

    Example
    -------
    >>> import tempfile, pathlib
    >>> from kgbuild.read.report import ReadReport
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.html"
    >>> _ = p.write_text("<title>T</title><p>Clinton met journalists.</p>")
    >>> [(d.id, d.title, d.text.strip()) for d in read_text_file(p, ReadReport(echo=False), 1000)]
    [('a', 'T', 'Clinton met journalists.')]
    """
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
        chunker = Chunker(max_chars)
        bad = BadBytes()
        pending: str | None = None
        n = 0
        read, pending_at = 0, 0  # characters of text cut so far, and where the pending piece starts
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
                at, read = read, read + len(piece)
                if not piece.strip():
                    continue
                if pending is not None:
                    n += 1
                    yield _document(path, f"{doc_id}#part{n}", pending, html.title, doc_id, pending_at)
                else:
                    _check_language(report, path, piece)
                pending, pending_at = piece, at
            if final:
                break
            offset += len(block)
            block = handle.read(BLOCK)
            final = not block
        if bad.count:
            report.warn(path, f"not valid UTF-8 at byte {bad.first}: {plural(bad.count, 'bad byte')} replaced by U+FFFD")
        if is_html:
            report.warn(path, "HTML: markup, scripts and styles stripped, reading the text only")
        if pending is None:
            raise InputError("no text in the HTML page" if is_html else
                             "file has only whitespace" if offset or head else "file is empty", path=path)
        if n:
            yield _document(path, f"{doc_id}#part{n + 1}", pending, html.title, doc_id, pending_at)
        else:
            yield _document(path, doc_id, pending, html.title, None, pending_at)
        if n:
            report.warn(path, f"{n + 1} parts of at most {max_chars:,} characters, "
                              f"ids {doc_id}#part1..{n + 1}")


def _document(path: str | Path, doc_id: str, text: str, title: str | None, whole: str | None = None,
              offset: int = 0) -> Document:
    return Document(id=doc_id, text=text, title=title, source=printable(path), whole=whole, offset=offset)


def _check_language(report: ReadReport, path: str | Path, text: str) -> None:
    problem = language_problem(text)
    if problem:
        report.warn(path, f"{problem}; kgbuild extracts from English only")
