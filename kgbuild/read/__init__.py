"""Stage 1, reading: text and HTML files, folders of them, .jsonl / .jsonl.gz, or stdin, as ``Document``s.

The entry points are here; the work is done by one module per concern: ``files`` (which paths are
inputs, opening them), ``text`` and ``jsonl`` (one reader per format), ``bytes`` (blocks, lines, bad
bytes), ``html``, ``language``, ``split`` (long texts into parts) and ``ids`` (document ids).
"""

from kgbuild.read.files import HTML_SUFFIXES, JSONL_SUFFIXES, STDIN, TEXT_SUFFIXES
from kgbuild.read.ids import split_document
from kgbuild.read.inputs import read_inputs, read_jsonl, read_text
from kgbuild.read.report import ReadReport
from kgbuild.read.split import MAX_CHARS

__all__ = [
    "HTML_SUFFIXES", "JSONL_SUFFIXES", "MAX_CHARS", "STDIN", "TEXT_SUFFIXES",
    "ReadReport", "read_inputs", "read_jsonl", "read_text", "split_document",
]
