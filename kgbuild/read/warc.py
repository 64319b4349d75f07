"""Web crawls (``.warc``, ``.warc.gz``: Common Crawl's CC-NEWS, your own crawls): each HTML page a document.

Streamed by warcio, one record at a time, so memory stays flat however big the crawl: every
response record with an HTML page (HTTP 200) is read as a web page (``kgbuild.read.article``),
with its target URI and its date (the page's publication date, else the crawl's date). Other
records (requests, metadata, redirects, images...) are skipped and counted in one line. A crawl
that ends early (a truncated download) keeps the pages read before the break, with a warning.
"""

from __future__ import annotations

import io
import zlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kgbuild.dates import iso_date
from kgbuild.errors import InputError
from kgbuild.read.article import extract_article
from kgbuild.read.bytes import plural
from kgbuild.read.files import open_input, printable
from kgbuild.read.ids import split_document
from kgbuild.read.web import MAX_PAGE, url_id
from kgbuild.records import Document

if TYPE_CHECKING:
    from kgbuild.read.report import ReadReport

_HTML = ("text/html", "application/xhtml+xml")


def read_warc_file(path: Path, report: ReadReport, max_chars: int) -> Iterator[Document]:
    """The HTML pages of a WARC file (gzip-compressed or not) as documents, streamed.

    Parameters
    ----------
    path : Path
        A ``.warc`` or ``.warc.gz`` file.
    report : ReadReport
        Gets the warnings: records skipped (by kind), a file that ends early.
    max_chars : int
        A longer text becomes documents ``ID#part1``, ``ID#part2``...

    Returns
    -------
    Iterator of Document
        Raises ``InputError`` when the file is not a WARC, or holds no page with article text.

    Example
    -------
    >>> import io, tempfile, pathlib
    >>> from warcio.warcwriter import WARCWriter
    >>> from warcio.statusandheaders import StatusAndHeaders
    >>> from kgbuild.read.report import ReadReport
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "crawl.warc.gz"
    >>> page = b"<html><body><p>Clara Vance met Jonas Hale in Port Alden on Thursday.</p></body></html>"
    >>> with open(p, "wb") as out:
    ...     w = WARCWriter(out, gzip=True)
    ...     http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    ...     w.write_record(w.create_warc_record("https://example.org/talks", "response", payload=io.BytesIO(page),
    ...                                         http_headers=http, warc_headers_dict={"WARC-Date": "2015-03-05T10:00:00Z"}))
    >>> [(d.id, d.url, d.date) for d in read_warc_file(p, ReadReport(echo=False), 1000)]
    [('example-org-talks', 'https://example.org/talks', '2015-03-05')]
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    skipped: Counter[str] = Counter()
    pages = yielded = records = 0
    with open_input(path) as opened:
        raw: Any = opened if hasattr(opened, "peek") else io.BufferedReader(opened)  # type: ignore[arg-type]
        # our own gunzip, not warcio's: warcio takes a truncated member for the end of the file
        handle: Any = _Gunzip(raw) if raw.peek(2)[:2] == b"\x1f\x8b" else raw
        start = handle.peek(5)[:5]
        if not start:
            raise InputError("file is empty", path=path)
        if start != b"WARC/":
            raise InputError("not a WARC file (it does not start with a WARC/1.x record)", path=path)
        held: Document | None = None  # the last page waits for the next record: at a break, it is the cut one
        held_at = 0
        try:
            for record in ArchiveIterator(handle):
                records += 1
                document = _document(record, path, skipped)
                if document is None:
                    continue
                if held is not None:
                    pages += 1
                    for part in split_document(held, max_chars):
                        yielded += 1
                        yield part
                held, held_at = document, records
            if getattr(handle, "truncated", False):
                raise EOFError("compressed data ends in the middle of a record")
        except (ArchiveLoadFailed, EOFError, zlib.error, ValueError) as exc:
            if held is not None and held_at < records:  # a whole page before the cut record
                pages += 1
                for part in split_document(held, max_chars):
                    yielded += 1
                    yield part
            held = None
            problem = "not a WARC file" if not records else "ends early (truncated?)"
            if not yielded:
                raise InputError(f"{problem}: {_reason(exc)}", path=path) from None
            report.warn(path, f"{problem} in record {records}: {plural(pages, 'page')} read before it")
        if held is not None:
            pages += 1
            for part in split_document(held, max_chars):
                yielded += 1
                yield part
    if skipped:
        report.warn(path, f"{plural(sum(skipped.values()), 'record')} skipped: "
                          + ", ".join(f"{n} {kind}" for kind, n in skipped.most_common()))
    if not yielded:
        raise InputError("no HTML page with article text" if records else "file is empty", path=path)


def _document(record, path: Path, skipped: Counter) -> Document | None:
    if record.rec_type != "response":
        skipped[record.rec_type] += 1
        return None
    http = record.http_headers
    if http is None:
        skipped["non-HTTP response"] += 1
        return None
    if http.get_statuscode() != "200":
        skipped[f"HTTP {http.get_statuscode()}"] += 1
        return None
    kind = (http.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if kind not in _HTML:
        skipped["not HTML"] += 1
        return None
    body = record.content_stream().read(MAX_PAGE + 1)
    if len(body) > MAX_PAGE:
        skipped["page over 64 MB"] += 1
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or None
    article = extract_article(body, url=uri)
    if article is None:
        skipped["no article text"] += 1
        return None
    crawled = iso_date(record.rec_headers.get_header("WARC-Date"))
    url = article.url or uri
    return Document(id=url_id(uri) if uri else f"{printable(path.name).split('.')[0]}-{record.rec_headers.get_header('WARC-Record-ID')}",
                    text=article.text, title=article.title, source=printable(path), date=article.date or crawled,
                    author=article.author, url=url, site=article.site)


class _Gunzip:
    """A gzip stream of many members (one per WARC record), inflated a block at a time; ``truncated`` once it ends early.

    Inflated with a bound on the output of each step, so a highly compressed stretch never
    expands into memory at once.
    """

    STEP = 1 << 16

    def __init__(self, raw) -> None:
        self.raw = raw
        self.truncated = False
        self._inflate = zlib.decompressobj(wbits=31)
        self._pending = b""  # compressed bytes not inflated yet
        self._buffer = b""
        self._started = False  # the current member has begun

    def peek(self, size: int) -> bytes:
        """The next bytes, left to be read."""
        data = self.read(size)
        self._buffer = data + self._buffer
        return data

    def read(self, size: int = -1) -> bytes:
        want = self.STEP if size < 0 else size
        parts = [self._buffer]
        have = len(self._buffer)
        while have < want and not self.truncated:
            if not self._pending:
                self._pending = self.raw.read(self.STEP)
                if not self._pending:
                    if self._started:
                        self.truncated = True
                    break
            self._started = True
            out = self._inflate.decompress(self._pending, self.STEP)
            self._pending = self._inflate.unconsumed_tail
            if self._inflate.eof:  # the next member starts in what is left
                self._pending = self._inflate.unused_data + self._pending
                self._inflate = zlib.decompressobj(wbits=31)
                self._started = False
            parts.append(out)
            have += len(out)
        data = b"".join(parts)
        if size < 0:
            size = len(data)
        self._buffer = data[size:]
        return data[:size]


def _reason(exc: Exception) -> str:
    return " ".join(str(exc).split())[:120] or type(exc).__name__
