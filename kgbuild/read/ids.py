"""Document ids: one node per document, and ``ID#part1``, ``ID#part2``... for the parts of a long text.

Separate from ``kgbuild.read`` because ids are a matter of the documents, not of
the files they come from: every reader (text, HTML, JSONL, stdin) hands its
documents through ``DocumentIds``, and ``split_document`` also serves callers that
never read a file (``kgbuild.pipeline`` cutting texts given as strings).
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterator
from typing import TYPE_CHECKING

from kgbuild.read.bytes import LINE_WARNINGS
from kgbuild.read.split import MAX_CHARS, split_text
from kgbuild.records import Document

if TYPE_CHECKING:
    from kgbuild.read.report import ReadReport


class DocumentIds:
    """The ids given so far in one read: repeats are skipped, a used id with a different text is renamed.

    Parameters
    ----------
    report : ReadReport
        Where repeats and renamings are warned about (the first ``LINE_WARNINGS``, then counted).

    Example
    -------
    >>> from kgbuild.read.report import ReadReport
    >>> ids = DocumentIds(ReadReport(echo=False))
    >>> docs = [Document("a", "One.", source="x.jsonl"), Document("a", "One.", source="y.jsonl"),
    ...         Document("a", "Two.", source="y.jsonl")]
    >>> [d and d.id for d in map(ids.unique, docs)]
    ['a', None, 'a~2']
    """

    def __init__(self, report: ReadReport) -> None:
        self.report = report
        self.ids: dict[str, str | None] = {}  # document id -> source
        self.texts: dict[tuple[str, bytes], str | None] = {}  # (id as given, text digest) -> source
        self.repeats = 0

    def unique(self, document: Document) -> Document | None:
        """None for an exact repeat of an earlier document; a fresh id for a different text under a used id.

        Two documents with one id would become one node of the graph (a.txt in two folders,
        a corpus with repeated ids), so the second is renamed ``ID~2``.
        """
        digest = hashlib.blake2b(document.text.encode("utf-8"), digest_size=16).digest()
        seen = self.ids.get(document.id)
        if seen is None:
            self.ids[document.id] = document.source
            self.texts[(document.id, digest)] = document.source
            return document
        self.repeats += 1
        if (document.id, digest) in self.texts:
            if self.repeats <= LINE_WARNINGS:
                self.report.warn(document.source, f"document {document.id!r} repeats the one from "
                                                  f"{self.texts[(document.id, digest)]}, skipped")
            return None
        self.texts[(document.id, digest)] = document.source
        n = 2
        while f"{document.id}~{n}" in self.ids:
            n += 1
        new_id = f"{document.id}~{n}"
        self.ids[new_id] = document.source
        if self.repeats <= LINE_WARNINGS:
            self.report.warn(document.source, f"document id {document.id!r} is taken (by {seen}): this one is {new_id!r}")
        return dataclasses.replace(document, id=new_id)

    def summary(self) -> None:
        """Once all inputs are read: count the repeats beyond those warned about one by one."""
        if self.repeats > LINE_WARNINGS:
            self.report.warn("inputs", f"{self.repeats} documents in all had an id used before (repeats skipped, others renamed ID~N)")


def split_document(document: Document, max_chars: int = MAX_CHARS) -> Iterator[Document]:
    """The document itself, or, when longer than ``max_chars``, its parts ``ID#part1``, ``ID#part2``...

    spaCy refuses texts over ``nlp.max_length`` (1,000,000 characters) and needs about
    1 GB of memory per 100,000, so a long text is cut at paragraph or sentence breaks.

    Parameters
    ----------
    document : Document
    max_chars : int
        The most characters a document (or part) may have.

    Returns
    -------
    Iterator of Document

    Example
    -------
    >>> [(d.id, d.text, d.offset) for d in split_document(Document("a", "One two. Three four."), max_chars=12)]
    [('a#part1', 'One two. ', 0), ('a#part2', 'Three four.', 9)]
    """
    if len(document.text) <= max_chars:
        yield document
        return
    offset = 0
    for i, piece in enumerate(split_text(document.text, max_chars), 1):
        yield dataclasses.replace(document, id=f"{document.id}#part{i}", text=piece, whole=document.id, offset=offset)
        offset += len(piece)
