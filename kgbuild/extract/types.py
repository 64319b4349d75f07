"""Typed results of extraction: what ``doc._.relations`` holds."""

from __future__ import annotations

from dataclasses import dataclass, field, fields

# Arguments and relations are made by the ten thousand, so their classes write their fields straight
# into the instance dict: the ``__init__`` dataclasses make for a frozen class goes through
# ``object.__setattr__`` field by field, at two to three times the cost. Its parameters are the
# fields', in order, with their defaults (``tests/test_extract_types.py`` holds them to it).


@dataclass(frozen=True, init=False)
class Argument:
    """One argument of a relation: a set of tokens of the Doc, headed by ``head``.

    ``tokens`` are Doc token indices in order; they need not be contiguous
    (a relative clause may be cut out of a noun phrase).
    """

    head: int
    tokens: tuple[int, ...]
    text: str
    role: str = "arg"  # subject, object, time, place, clause, arg

    def __init__(self, head: int, tokens: tuple[int, ...], text: str, role: str = "arg") -> None:
        values = self.__dict__
        values["head"] = head
        values["tokens"] = tokens
        values["text"] = text
        values["role"] = role

    @property
    def start(self) -> int:
        return self.tokens[0]

    @property
    def end(self) -> int:
        return self.tokens[-1] + 1


@dataclass(frozen=True, init=False)
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

    def __init__(
        self, arguments: tuple[Argument, ...], relation_text: str, relation_tokens: tuple[int, ...], predicate: str,
        subject: Argument | None, object: Argument | None, pattern: str, confidence: float, sentence_start: int,
        negated: bool = False, modality: str | None = None, attribution: Argument | None = None,
        attribution_text: str | None = None, time: Argument | None = None, place: Argument | None = None,
        extra: dict[str, str] | None = None,
    ) -> None:
        values = self.__dict__
        values["arguments"] = arguments
        values["relation_text"] = relation_text
        values["relation_tokens"] = relation_tokens
        values["predicate"] = predicate
        values["subject"] = subject
        values["object"] = object
        values["pattern"] = pattern
        values["confidence"] = confidence
        values["sentence_start"] = sentence_start
        values["negated"] = negated
        values["modality"] = modality
        values["attribution"] = attribution
        values["attribution_text"] = attribution_text
        values["time"] = time
        values["place"] = place
        values["extra"] = {} if extra is None else extra  # a fresh dict each, as the field's factory

    @property
    def predicate_label(self) -> str:
        return self.predicate.replace("_", " ")

    def evolve(self, **changes) -> Relation:
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
