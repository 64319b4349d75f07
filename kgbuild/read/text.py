"""Text and HTML files (and stdin): text streamed in blocks and decoded, web pages read for their article.

Separate from ``kgbuild.read`` because it is one format's reader: ``kgbuild.read``
decides which reader a file goes to and what a failing file does to the build;
this module turns one file's bytes into documents, warning (in one line naming the
file) about bytes that are not UTF-8, a page with no article text, or a text cut into parts.
A web page (by its name, or a text file that turns out to be one) is read whole, up to
``MAX_PAGE`` bytes, and its article and metadata taken by ``kgbuild.read.article``.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from kgbuild.errors import InputError
from kgbuild.read.article import Article, extract_article
from kgbuild.read.bytes import BLOCK, BadBytes, check_head, plural
from kgbuild.read.files import HTML_SUFFIXES, STDIN, open_input, printable
from kgbuild.read.html import looks_like_html
from kgbuild.read.ids import split_document
from kgbuild.read.split import Chunker
from kgbuild.records import Document

if TYPE_CHECKING:
    from kgbuild.read.report import ReadReport

#: A web page is read whole: one this big is not a news page (the largest are a few MB).
MAX_PAGE = 64 << 20


def read_text_file(path: str | Path, report: ReadReport, max_chars: int) -> Iterator[Document]:
    """A text or HTML file (or stdin), streamed in blocks and cut into documents of at most max_chars.

    Parameters
    ----------
    path : str or Path
        The file, or ``"-"`` for standard input.
    report : ReadReport
        Gets the warnings: bytes that are not UTF-8, a text file that is a web page, parts.
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
    >>> _ = p.write_text("<title>T</title><nav>Home</nav><p>Clinton met journalists.</p>")
    >>> [(d.id, d.title, d.text) for d in read_text_file(p, ReadReport(echo=False), 1000)]
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
        is_html = name.lower().endswith(HTML_SUFFIXES)
        if is_html or looks_like_html(head.decode(encoding, "replace")):
            if not is_html:
                report.warn(path, "a web page, not plain text: read for its article")
            yield from _page(path, doc_id, head, handle, max_chars, report)
            return
        decoder = codecs.getincrementaldecoder(encoding)(errors="surrogateescape" if "8" in encoding else "replace")
        chunker = Chunker(max_chars)
        bad = BadBytes()
        pending: str | None = None
        n = 0
        read, pending_at = 0, 0  # characters of text cut so far, and where the pending piece starts
        block, offset, final = head, 0, False
        while True:
            held = len(decoder.getstate()[0])
            text = bad.clean(decoder.decode(block, final=final), offset - held, encoding)
            pieces = [*chunker.feed(text), *(chunker.finish() if final else ())]
            for piece in pieces:
                at, read = read, read + len(piece)
                if not piece.strip():
                    continue
                if pending is not None:
                    n += 1
                    yield _document(path, f"{doc_id}#part{n}", pending, doc_id, pending_at)
                pending, pending_at = piece, at
            if final:
                break
            offset += len(block)
            block = handle.read(BLOCK)
            final = not block
        if bad.count:
            report.warn(path, f"not valid UTF-8 at byte {bad.first}: {plural(bad.count, 'bad byte')} replaced by U+FFFD")
        if pending is None:
            raise InputError("file has only whitespace" if offset or head else "file is empty", path=path)
        if n:
            yield _document(path, f"{doc_id}#part{n + 1}", pending, doc_id, pending_at)
        else:
            yield _document(path, doc_id, pending, None, pending_at)
        _parts_note(report, path, doc_id, n + 1, max_chars)


def _document(path: str | Path, doc_id: str, text: str, whole: str | None = None, offset: int = 0) -> Document:
    """One document of a text file; a part records the id of the whole text and where it starts in it."""
    return Document(id=doc_id, text=text, source=printable(path), whole=whole, offset=offset)


def _parts_note(report: ReadReport, path: str | Path, doc_id: str, parts: int, max_chars: int) -> None:
    if parts > 1:
        report.warn(path, f"{parts} parts of at most {max_chars:,} characters, ids {doc_id}#part1..{parts}")


def _page(path: str | Path, doc_id: str, head: bytes, handle, max_chars: int, report: ReadReport) -> Iterator[Document]:
    """A web page file: read whole (bounded), its article text and metadata extracted."""
    page = head + handle.read(MAX_PAGE + 1 - len(head))
    if len(page) > MAX_PAGE:
        raise InputError(f"web page over {MAX_PAGE >> 20} MB: not a news page", path=path)
    if not page.strip():
        raise InputError("file has only whitespace" if page else "file is empty", path=path)
    article = extract_article(page)
    if article is None:
        raise InputError("no article text in the web page (only menus, links or boilerplate)", path=path)
    parts = list(split_document(page_document(article, doc_id, printable(path)), max_chars))
    yield from parts
    _parts_note(report, path, doc_id, len(parts), max_chars)


def page_document(article: Article, doc_id: str, source: str) -> Document:
    """The document of a web page's article, with the page's metadata.

    Example
    -------
    >>> page_document(Article("Text.", title="T", url="https://example.org/a"), "a", "a.html").url
    'https://example.org/a'
    """
    return Document(id=doc_id, text=article.text, title=article.title, source=source, date=article.date,
                    author=article.author, url=article.url, site=article.site)
