"""Typed results of extraction: what ``doc._.relations`` holds."""

from __future__ import annotations

from dataclasses import dataclass, field, fields


@dataclass(frozen=True)
class Argument:
    """One argument of a relation: a set of tokens of the Doc, headed by ``head``.

    ``tokens`` are Doc token indices in order; they need not be contiguous
    (a relative clause may be cut out of a noun phrase).
    """

    head: int
    tokens: tuple[int, ...]
    text: str
    role: str = "arg"  # subject, object, time, place, clause, arg

    @property
    def start(self) -> int:
        return self.tokens[0]

    @property
    def end(self) -> int:
        return self.tokens[-1] + 1


@dataclass(frozen=True)
class Relation:
    """One extracted relation, in two views.

    Open IE view (CaRB): ``arguments`` in sentence role order, ARG1 first, and
    ``relation_text`` as written ("has been blamed for").
    Graph view: ``subject --predicate--> object``, with the predicate
    normalised to lemmas ("blame_for"); passives with an agent are turned
    active here, so "X was met by Y" gives Y meet X.
    """

    arguments: tuple[Argument, ...]
    relation_text: str
    relation_tokens: tuple[int, ...]
    predicate: str
    subject: Argument | None
    object: Argument | None
    pattern: str
    confidence: float
    sentence_start: int  # token index of the sentence start
    negated: bool = False
    modality: str | None = None
    attribution: Argument | None = None
    attribution_text: str | None = None
    time: Argument | None = None
    place: Argument | None = None
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def predicate_label(self) -> str:
        return self.predicate.replace("_", " ")

    def evolve(self, **changes) -> "Relation":
        """A copy with some fields changed, as ``dataclasses.replace`` (which re-runs ``__init__`` over
        every field and cost a tenth of the extraction: each relation is evolved two or three times).

        Example
        -------
        >>> r = Relation((), "met", (), "meet", None, None, "verb_object", 0.7, 0)
        >>> r.evolve(confidence=0.9).confidence, r.confidence
        (0.9, 0.7)
        """
        if not _RELATION_FIELDS.issuperset(changes):
            raise TypeError(f"Relation has no field {sorted(changes.keys() - _RELATION_FIELDS)}")
        copy = object.__new__(Relation)
        copy.__dict__.update(self.__dict__)
        copy.__dict__.update(changes)  # frozen: __setattr__ refuses, the instance dict does not
        return copy


_RELATION_FIELDS = frozenset(f.name for f in fields(Relation))
