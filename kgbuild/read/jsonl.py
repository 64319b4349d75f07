"""JSON Lines files (``.jsonl``, ``.ndjson``, gzip-compressed or not): one document a record.

Separate from ``kgbuild.read`` because it is one format's reader: each line is an
object with ``text`` and optional ``id``, ``title``, ``date``; a broken line is
warned about and skipped (or, with ``stop``, ends the build), and what many records
share (HTML stripped, a bad date) is summed up in one line per file.
"""

from __future__ import annotations

import gzip
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import kgbuild.read.bytes as bytelines
from kgbuild.dates import iso_date
from kgbuild.errors import InputError
from kgbuild.read.bytes import BLOCK, LineProblems, binary_kind, iter_lines, plural
from kgbuild.read.files import open_input, printable
from kgbuild.read.html import html_to_text, looks_like_html
from kgbuild.read.ids import split_document
from kgbuild.records import Document

if TYPE_CHECKING:
    from kgbuild.read.report import ReadReport

_SURROGATES = re.compile("[\ud800-\udfff]")  # lone surrogates (JSON "\\ud800"): not encodable, so replaced


def read_jsonl_file(path: Path, report: ReadReport, stop: bool, max_chars: int) -> Iterator[Document]:
    """JSON Lines (optionally gzip), one object a line with ``text`` and optional ``id``, ``title``, ``date``.

    Parameters
    ----------
    path : Path
        A ``.jsonl`` or ``.ndjson`` file, gzip-compressed when its name ends in ``.gz``.
    report : ReadReport
        Gets the warnings: broken lines, records that were HTML or had a bad date.
    stop : bool
        A broken line raises ``InputError`` instead of being warned about and skipped.
    max_chars : int
        A longer text becomes documents ``ID#part1``, ``ID#part2``...

    Returns
    -------
    Iterator of Document
        Raises ``InputError`` when the file is not gzip as named, has no usable record, or ends early
        before its first (or, with ``stop``, at all); a file cut short after good records keeps them,
        with a warning naming the line where it ends.

    Example
    -------
    >>> import tempfile, pathlib
    >>> from kgbuild.read.report import ReadReport
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "news.jsonl"
    >>> _ = p.write_text('{"id": "n1", "text": "Clinton met journalists."}\\n{"text": "Obama spoke."}\\n')
    >>> [d.id for d in read_jsonl_file(p, ReadReport(echo=False), stop=False, max_chars=1000)]
    ['n1', 'news-2']
    """
    gz = path.name.lower().endswith(".gz")
    lines = LineProblems(report, path, stop)
    notes: dict[str, list] = {"html": [], "bad_date": []}
    number = yielded = records = 0
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
                before = yielded
                for document in _record(path, number, record, lines, notes, max_chars):
                    yielded += 1
                    yield document
                records += yielded > before
        except (OSError, EOFError, zlib.error) as exc:
            message = "not a gzip file" if "Not a gzipped file" in str(exc) else \
                "gzip data ends early (truncated file)" if isinstance(exc, EOFError) else f"cannot read: {exc}"
            if records and not stop:  # what was read before the damage is good: keep it, say where it ends
                report.warn(path, f"{message} after line {number}: used {plural(records, 'record')}, then stopped")
                return
            raise InputError(f"{message} (after line {number})" if number else message, path=path) from None
        finally:
            lines.summary()
            _notes(report, path, notes)
    if not yielded:
        raise InputError("no usable records" if lines.count else "file has only whitespace" if number else "file is empty",
                         path=path)


def _record(
    path: Path, number: int, record: dict, lines: LineProblems, notes: dict, max_chars: int,
) -> Iterator[Document]:
    text = _clean(record["text"])
    title = _clean(record["title"]) if isinstance(record.get("title"), str) else None
    if looks_like_html(text):
        notes["html"].append(number)
        text, html_title = html_to_text(text)
        title = title or html_title
    if not text.strip():
        lines.problem(number, "empty text")
        return
    date = iso_date(record.get("date"))
    if record.get("date") and not date:
        notes["bad_date"].append(number)
    raw_id = record.get("id")
    doc_id = _clean(str(raw_id)) if raw_id not in (None, "") else f"{printable(path.name).split('.')[0]}-{number}"
    yield from split_document(Document(id=doc_id, text=text, title=title or None, source=printable(path), date=date),
                              max_chars)


def _notes(report: ReadReport, path: Path, notes: dict) -> None:
    if notes["html"]:
        report.warn(path, f"{plural(len(notes['html']), 'record')} were HTML (first at line {notes['html'][0]}): markup stripped")
    if notes["bad_date"]:
        report.warn(path, f"{plural(len(notes['bad_date']), 'record')} had a 'date' that is not a date (first at line "
                          f"{notes['bad_date'][0]}): left out")


def _clean(text: str) -> str:
    """Text that can be encoded: lone surrogates (from JSON escapes) become U+FFFD."""
    return _SURROGATES.sub("\ufffd", text)
