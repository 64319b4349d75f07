"""Stage 1, reading: text files, web pages, feeds, WARC crawls, folders of them, .jsonl, stdin, as ``Document``s.

The entry points are here; the work is done by one module per concern: ``files`` (which paths are
inputs, opening them), ``text``, ``jsonl``, ``feeds`` and ``warc`` (one reader per format), ``article``
(a web page's main text and metadata), ``web`` (fetching, ids from URLs), ``bytes`` (blocks, lines, bad
bytes), ``html`` (our stripper, for fragments), ``language``, ``split`` (long texts into parts) and ``ids``.
"""

from kgbuild.read.files import FEED_SUFFIXES, HTML_SUFFIXES, JSONL_SUFFIXES, STDIN, TEXT_SUFFIXES, WARC_SUFFIXES
from kgbuild.read.ids import split_document
from kgbuild.read.inputs import read_inputs, read_jsonl, read_text
from kgbuild.read.report import ReadReport
from kgbuild.read.split import MAX_CHARS

__all__ = [
    "FEED_SUFFIXES", "HTML_SUFFIXES", "WARC_SUFFIXES", "JSONL_SUFFIXES", "MAX_CHARS", "STDIN", "TEXT_SUFFIXES",
    "ReadReport", "read_inputs", "read_jsonl", "read_text", "split_document",
]
