"""Input files: which paths are inputs, opening them (stdin too), and their names as text.

Separate from ``kgbuild.read`` because this is about the file system, before any
text is read: folders are walked and paths checked at once (a missing path or an
empty folder is reported before the model loads), a lone file's first block is
checked early, and the per-format readers (``kgbuild.read.text``,
``kgbuild.read.jsonl``) open files and name them through the same helpers.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from kgbuild.errors import InputError
from kgbuild.read.bytes import BLOCK, check_head

if TYPE_CHECKING:
    from kgbuild.read.report import ReadReport

TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
FEED_SUFFIXES = (".rss", ".atom", ".xml")
WARC_SUFFIXES = (".warc", ".warc.gz")
STDIN = "<stdin>"


def plan_inputs(paths: list[str], report: ReadReport, stop: bool, exclude: set[str]) -> list[str | Path]:
    """The files to read, in order: folders walked, ``"-"`` (stdin) kept as it is.

    Parameters
    ----------
    paths : list of str
        Files, folders, or ``"-"`` for standard input.
    report : ReadReport
        Where a missing path or a folder with no inputs is reported skipped.
    stop : bool
        Raise ``InputError`` for such a path instead (as for a lone path, always).
    exclude : set of str
        Real paths of folders not to look into.

    Returns
    -------
    list of str or Path

    Example
    -------
    >>> import tempfile, pathlib
    >>> from kgbuild.read.report import ReadReport
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "b.txt").write_text("B."), (folder / "a.md").write_text("A."), (folder / "c.csv").write_text("")
    >>> [p.name for p in plan_inputs([str(folder)], ReadReport(echo=False), stop=False, exclude=set())]
    ['a.md', 'b.txt']
    """
    files: list[str | Path] = []
    single = len(paths) == 1
    for raw in paths:
        if raw == "-":
            files.append(raw)
            continue
        path = Path(raw)
        if not path.exists():
            _plan_problem(report, single or stop, path, "no such file or folder")
        elif path.is_dir():
            found = _walk(path, report, exclude)
            if found:
                files.extend(found)
            else:
                _plan_problem(report, single or stop, path, "folder has no .txt, .html, .jsonl, feed or .warc inputs")
        else:
            files.append(path)
    return files


def _plan_problem(report: ReadReport, stop: bool, path: Path, message: str) -> None:
    if stop:
        raise InputError(message, path=path)
    report.skip(path, message)


def _walk(folder: Path, report: ReadReport, exclude: set[str]) -> list[Path]:
    found: list[Path] = []

    def unreadable(exc: OSError) -> None:
        report.skip(exc.filename, f"cannot list folder: {exc.strerror}")

    for root, dirs, names in os.walk(folder, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")  # hidden: .git, checkpoints, our temp files
                         and os.path.realpath(os.path.join(root, d)) not in exclude)
        found.extend(p for p in (Path(root, n) for n in sorted(names) if not n.startswith(".") and is_input(n))
                     if p.is_file())  # regular files only: a FIFO or device in a folder would hang or never end
    return found


def is_input(name: str) -> bool:
    """Whether a file name in a folder is one to read (by its suffix: text, HTML, JSONL, feed or WARC)."""
    name = name.lower()
    return name.endswith(TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + FEED_SUFFIXES + WARC_SUFFIXES)


def sniff(path: str | Path) -> None:
    """Open and check the first block of a lone file now, so a bad one fails before the model loads."""
    if path == "-" or str(path).lower().endswith(JSONL_SUFFIXES + FEED_SUFFIXES + WARC_SUFFIXES):
        return  # their own readers check them (compressed, or markup that is checked by parsing)
    with open_input(path) as handle:
        head = handle.read(BLOCK)
        check_head(path, head)
        if not head.strip() and not handle.read(1):
            raise InputError("file has only whitespace" if head else "file is empty", path=path)


def open_input(path: str | Path) -> BinaryIO:
    """A file (or stdin, for ``"-"`` or ``STDIN``) opened for reading bytes, or InputError saying why not."""
    if path in ("-", STDIN):
        return _Unclosed(sys.stdin.buffer)
    try:
        return open(path, "rb")  # noqa: SIM115 (closed by the caller's with)
    except PermissionError:
        raise InputError("permission denied", path=path) from None
    except IsADirectoryError:
        raise InputError("is a folder", path=path) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=path) from None


class _Unclosed:
    """Standard input in a ``with``: read from, not closed (a later reader may still want it)."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream

    def __enter__(self) -> BinaryIO:
        return self.stream

    def __exit__(self, *exc) -> None:
        return None


def printable(path: str | Path) -> str:
    """A file name as text: bytes that are not UTF-8 (names from other systems) become U+FFFD.

    Example
    -------
    >>> printable(os.fsdecode(b"caf\\xe9.txt")) == "caf\\ufffd.txt"
    True
    """
    return os.fsencode(str(path)).decode("utf-8", "replace")
