"""Reading inputs: .txt files, folders of them, .jsonl / .jsonl.gz with a ``text`` field, or stdin.

Inputs are streamed one document at a time, so a corpus never sits in memory.
"""

from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from kgbuild.errors import InputError
from kgbuild.model import Document

TEXT_SUFFIXES = (".txt", ".text", ".md")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")


def read_inputs(paths: Iterable[str | Path]) -> Iterator[Document]:
    """Documents from every input path, in order.

    Parameters
    ----------
    paths : iterable of str or Path
        Files, folders, or ``"-"`` for standard input.

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
    for raw in paths:
        if str(raw) == "-":
            yield Document(id="stdin", text=sys.stdin.read(), source="-")
            continue
        path = Path(raw)
        if not path.exists():
            raise InputError("no such file or folder", path=path)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and _is_input(p))
            if not files:
                raise InputError("folder has no .txt or .jsonl inputs", path=path)
            for file in files:
                yield from _read_file(file)
        else:
            yield from _read_file(path)


def _is_input(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith(TEXT_SUFFIXES) or name.endswith(JSONL_SUFFIXES)


def _read_file(path: Path) -> Iterator[Document]:
    name = path.name.lower()
    if name.endswith(JSONL_SUFFIXES):
        yield from read_jsonl(path)
    else:
        yield Document(id=path.stem, text=read_text(path), source=str(path))


def read_text(path: Path) -> str:
    """A text file's content; a clear error when it is not readable text."""
    try:
        data = path.read_bytes()
    except PermissionError as exc:
        raise InputError("permission denied", path=path) from exc
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=path) from exc
    if b"\x00" in data[:8192]:
        raise InputError("binary file, not text", path=path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid UTF-8 (byte {exc.start})", path=path) from exc


def read_jsonl(path: Path) -> Iterator[Document]:
    """Documents from a JSON Lines file (optionally gzip-compressed), one object a line with ``text``."""
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        with opener(path, "rt", encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(f"line {number}: not valid JSON ({exc.msg})", path=path) from exc
                if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                    raise InputError(f"line {number}: no 'text' field", path=path)
                doc_id = str(record.get("id") or f"{path.name.split('.')[0]}-{number}")
                yield Document(
                    id=doc_id, text=record["text"], title=record.get("title") or None,
                    source=str(path), date=record.get("date") or None,
                )
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read: {exc}", path=path) from exc
