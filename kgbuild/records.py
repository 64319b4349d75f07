"""Dataclasses that flow between the stages: read → parse → extract → resolve → graph.

They hold plain values (no spaCy objects), so a resolved document can be
pickled to another process or a Dask worker, and the parsed Doc freed.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Document:
    """One input text.

    Example
    -------
    >>> Document(id="a1", text="Clinton met journalists.").title is None
    True
    """

    id: str
    text: str
    title: str | None = None
    source: str | None = None
    date: str | None = None  # ISO date of publication, when known
    author: str | None = None  # from a web page's or feed entry's metadata
    url: str | None = None  # where the text was published (canonical URL, feed link, WARC target)
    site: str | None = None  # the site's name
    #: A part of a longer text (``ID#part2``): the id of the whole text and where this part starts in it,
    #: so that mention offsets are into the text as given, not into the part
    whole: str | None = None
    offset: int = 0

    @property
    def whole_id(self) -> str:
        """The id of the text this document is or is a part of.

        Example
        -------
        >>> Document("a#part2", "Two.", whole="a", offset=5).whole_id, Document("b", "One.").whole_id
        ('a', 'b')
        """
        return self.whole if self.whole is not None else self.id


@dataclass
class Entity:
    """One real-world thing within a document (after coreference)."""

    key: str  # document-local id
    type: str  # ontology class name
    name: str  # canonical name
    names: set[str] = field(default_factory=set)  # every other name seen
    ner_label: str = "CONCEPT"
    mentions: int = 0
    #: (begin, end, text) of every mention: names, descriptions, resolved pronouns; character offsets into
    #: the document's text, ``text == document.text[begin:end]``
    spans: list[tuple[int, int, str]] = field(default_factory=list)


@dataclass
class Merge:
    """Why names were resolved to one entity (for audit)."""

    entity: str  # Entity.key
    names: tuple[str, ...]
    rule: str


@dataclass
class Statement:
    """One relation between two entities, with its provenance."""

    subject: str  # Entity.key
    predicate: str  # normalised key, e.g. "meet_with"
    object: str  # Entity.key
    sentence: str
    sentence_start: int  # character offsets of the sentence in the document
    sentence_end: int
    relation_text: str
    subject_text: str
    object_text: str
    confidence: float
    pattern: str
    negated: bool = False
    modality: str | None = None
    attributed_to: str | None = None  # Entity.key of the speaker
    attribution: str | None = None  # the speaker's words as written
    time: str | None = None
    place: str | None = None  # Entity.key


@dataclass
class ResolvedDocument:
    """Everything one document contributes to the graph."""

    document: Document
    entities: dict[str, Entity]
    statements: list[Statement]
    merges: list[Merge] = field(default_factory=list)
    sentences: int = 0
    words: int = 0


def content_hash(document: Document) -> str:
    """The SHA-256 of a document's text: what a store compares to skip an unchanged document.

    Example
    -------
    >>> content_hash(Document("a", "abc"))[:12]
    'ba7816bf8f01'
    """
    return hashlib.sha256(document.text.encode("utf-8")).hexdigest()


def with_statements(resolved: ResolvedDocument, statements: list[Statement]) -> ResolvedDocument:
    """``resolved`` with these statements, and of its descriptions (Concepts) only those they still use.

    Example
    -------
    >>> ents = {"a": Entity("a", "Person", "Ann Lee"), "b": Entity("b", "Concept", "a plan")}
    >>> sorted(with_statements(ResolvedDocument(Document("d", "x"), ents, []), []).entities)
    ['a']
    """
    used = {k for st in statements for k in (st.subject, st.object, st.attributed_to, st.place) if k}
    keep = {k for k, e in resolved.entities.items() if e.type != "Concept" or k in used}
    return dataclasses.replace(resolved, statements=statements,
                               entities={k: e for k, e in resolved.entities.items() if k in keep},
                               merges=[m for m in resolved.merges if m.entity in keep])
