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

This module holds the entry points and what a failing input does to the build;
the work is done by ``kgbuild.read.files`` (which paths are inputs, opening them),
``kgbuild.read.text`` and ``kgbuild.read.jsonl`` (one reader per format),
``kgbuild.read.bytes`` (blocks, lines, bad bytes) and ``kgbuild.read.ids`` (ids, parts).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path


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
