"""The bytes and lines of input files: blocks, over-long lines, invalid bytes, broken JSONL lines.

the input readers (``kgbuild.read.text``, ``kgbuild.read.jsonl``) stream every input through these, so a 100 MB file, a line
longer than memory allows or a file that is not UTF-8 is read safely, and each
problem is reported once, in one line, naming the file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from kgbuild.errors import InputError

if TYPE_CHECKING:
    from kgbuild.read.report import ReadReport

BLOCK = 1 << 16  # bytes read at a time
MAX_LINE = 256 << 20  # a longer JSONL line (say, a decompression bomb) is skipped, not read into memory
LINE_WARNINGS = 10  # per file; further problems are counted in one summary line
ESCAPED = re.compile("[\udc80-\udcff]+")  # invalid bytes, as decoded with surrogateescape


class LineProblems:
    """Broken JSONL lines of one file: warned one by one up to a limit, then counted."""

    def __init__(self, report: ReadReport, path: Path, stop: bool) -> None:
        self.report, self.path, self.stop = report, path, stop
        self.count = self.good = 0
        self.bad_bytes = 0

    def problem(self, number: int, message: str) -> None:
        if self.stop:
            raise InputError(f"line {number}: {message}", path=self.path)
        self.count += 1
        if self.count <= LINE_WARNINGS:
            self.report.warn(self.path, f"line {number}: {message}, skipped")

    def parse(self, number: int, line: bytes) -> dict | None:
        text = line.decode("utf-8-sig" if number == 1 else "utf-8", errors="surrogateescape")
        if not text.isascii() and ESCAPED.search(text):
            self.bad_bytes += 1
            text = ESCAPED.sub(lambda m: "\ufffd" * len(m.group()), text)
        try:
            record = json.loads(text)
        except json.JSONDecodeError as exc:
            self.problem(number, f"not valid JSON ({exc.msg.removesuffix(' at')} at column {exc.colno})")
            return None
        except RecursionError:
            self.problem(number, "JSON nested too deeply")
            return None
        if not isinstance(record, dict):
            self.problem(number, f"a JSON {type(record).__name__}, not an object with a 'text' field")
            return None
        if not isinstance(record.get("text"), str):
            self.problem(number, "no 'text' field" if "text" not in record else "'text' is not a string")
            return None
        self.good += 1
        return record

    def summary(self) -> None:
        if self.count > LINE_WARNINGS:
            self.report.warn(self.path, f"{self.count} broken lines skipped in all")
        if self.bad_bytes:
            self.report.warn(self.path, f"{plural(self.bad_bytes, 'line')} not valid UTF-8: bad bytes replaced by U+FFFD")


class BadBytes:
    """Counts invalid bytes in decoded blocks and replaces them with U+FFFD."""

    def __init__(self) -> None:
        self.count = 0
        self.first: int | None = None

    def clean(self, text: str, start: int, encoding: str) -> str:
        match = ESCAPED.search(text)
        if not match:
            return text
        if self.first is None:
            self.first = max(start, 0) + len(text[:match.start()].encode(encoding.replace("-sig", ""), "surrogatepass"))
        self.count += sum(len(m) for m in ESCAPED.findall(text))
        return ESCAPED.sub(lambda m: "\ufffd" * len(m.group()), text)


def iter_lines(handle: BinaryIO) -> Iterator[bytes | None]:
    """The lines of a binary stream; None for one longer than MAX_LINE (which is skipped unread)."""
    while True:
        line = handle.readline(MAX_LINE + 1)
        if not line:
            return
        if len(line) > MAX_LINE:
            while line and not line.endswith(b"\n"):
                line = handle.readline(BLOCK)
            yield None
        else:
            yield line


def check_head(path: str | Path, head: bytes) -> str:
    """The encoding of a file from its first block; InputError if it is binary."""
    kind = binary_kind(head)
    if kind:
        raise InputError(kind, path=path)
    return text_encoding(head)


def plural(count: int, noun: str) -> str:
    """``plural(2, "line")`` is "2 lines"."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


#: Magic numbers of common non-text files, to name what the user gave us.
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx/.odt)"),
    (b"\x1f\x8b", "gzip-compressed"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0", "an MS Office document"),
    (b"BZh", "bzip2-compressed"),
    (b"\xfd7zXZ", "xz-compressed"),
    (b"SQLite format 3", "an SQLite database"),
)
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
# Control bytes that never occur in text (tab, newlines, form feed and escape do).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def text_encoding(head: bytes) -> str:
    """The encoding to decode a file with, from its first bytes: a BOM's, else UTF-8.

    Example
    -------
    >>> text_encoding(b"\\xff\\xfeH\\x00"), text_encoding(b"Hello")
    ('utf-16', 'utf-8')
    """
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    return "utf-8"


def binary_kind(head: bytes) -> str | None:
    """Why the first bytes of a file say it is not text, or None when they look like text.

    Parameters
    ----------
    head : bytes
        The first few kilobytes of the file.

    Returns
    -------
    str or None
        For example ``"binary file (a PDF document), not text"``.

    Example
    -------
    >>> binary_kind(b"%PDF-1.7 ...")
    'binary file (a PDF document), not text'
    >>> binary_kind("Plain text, café.".encode()) is None
    True
    """
    if text_encoding(head) == "utf-16":
        return None
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return f"binary file ({kind}), not text"
    if b"\x00" in head:
        return "binary file (contains NUL bytes), not text"
    if head and sum(head.count(bytes([b])) for b in _CONTROL) > len(head) * 0.1:
        return "binary file (mostly control bytes), not text"
    return None
