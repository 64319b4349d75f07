"""Assembling a ``Relation`` from tokens: relation text, predicate key, confidence."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Token

from kgbuild.extract.arguments import text_of
from kgbuild.extract.types import Argument, Relation

#: Base confidence by pattern, before the parse-quality adjustments in ``adjust``.
#: Ordered by each family's precision on CaRB dev (bench/carb.py); within a family, ``adjust`` ranks.
BASE_CONFIDENCE: dict[str, float] = {
    "verb_clause": 0.84,
    "verb_prep": 0.80,
    "passive": 0.76,
    "copula_prep": 0.74,
    "verb_object": 0.73,
    "copula": 0.72,
    "verb_circumstance": 0.70,
    "nominal": 0.66,
    "passive_agent": 0.62,
    "apposition": 0.52,
    "apposition_prep": 0.55,
    "title": 0.40,
    "possessive": 0.28,
    "verb_only": 0.06,
    # Open IE only (noun_phrases.py): facts inside noun phrases, below every clause pattern
    "noun_example": 0.26,
    "noun_prep": 0.2,
    "noun_modifier": 0.12,
}

SUBJECT_PENALTY = {"explicit": 0.0, "conj": 0.05, "relcl": 0.06, "acl": 0.1, "xcomp": 0.1, "advcl": 0.18}


def predicate_key(parts: Iterable[str]) -> str:
    """A predicate key from words: lower-case, joined by '_' ("meet", "with" → "meet_with")."""
    key = "_".join(["_".join(w.lower().split()) for w in parts if w and not w.isspace()])
    return key or "relate"


def adjust(confidence: float, args: Sequence[Argument], subject_source: str = "explicit") -> float:
    """Lower confidence for what makes an extraction less reliable: inherited subjects, long subjects;
    raise it for a full frame (several arguments)."""
    confidence -= SUBJECT_PENALTY.get(subject_source, 0.2)
    subject_length = len(args[0].tokens) if args else 0
    if subject_length >= 10:
        confidence -= 0.2
    elif subject_length >= 5:
        confidence -= 0.03
    if len(args) >= 3:
        confidence += 0.04
    if len(args) >= 2 and len(args[1].tokens) >= 4:
        confidence += 0.03  # a full complement, not a stray word
    return round(max(0.05, min(0.99, confidence)), 3)


def in_context(confidence: float, sentence_length: int, attributed: bool) -> float:
    """Confidence in context: long sentences parse worse; reported speech is a step removed."""
    if sentence_length > 35:
        confidence -= 0.06
    elif sentence_length > 25:
        confidence -= 0.03
    if attributed:
        confidence -= 0.1
    return round(max(0.05, min(0.99, confidence)), 3)




def _relation_words_bonus(text: str) -> float:
    """Relations that carry their auxiliaries and prepositions ("has been blamed for") are read from a
    complete verb group, and are right more often than a bare verb."""
    return 0.03 * min(len(text.split()) - 1, 3) if text else 0.0


def make_relation(
    *,
    arguments: Sequence[Argument],
    relation_tokens: Iterable[Token],
    predicate: str,
    subject: Argument | None,
    object: Argument | None,
    pattern: str,
    sentence_start: int,
    subject_source: str = "explicit",
    relation_text: str | None = None,
    negated: bool = False,
    modality: str | None = None,
    time: Argument | None = None,
    place: Argument | None = None,
    extra_confidence: float = 0.0,
) -> Relation:
    """Build a Relation, computing its text and confidence."""
    token_list = list(relation_tokens)
    tokens = sorted({t.i for t in token_list})
    doc = token_list[0].doc if token_list else None
    text = relation_text if relation_text is not None else (text_of(doc, tokens) if doc is not None else predicate)
    confidence = adjust(BASE_CONFIDENCE.get(pattern, 0.5) + extra_confidence + _relation_words_bonus(text), arguments, subject_source)
    return Relation(
        arguments=tuple(arguments),
        relation_text=text,
        relation_tokens=tuple(tokens),
        predicate=predicate,
        subject=subject,
        object=object,
        pattern=pattern,
        confidence=confidence,
        sentence_start=sentence_start,
        negated=negated,
        modality=modality,
        time=time,
        place=place,
        extra={"subject_source": subject_source},
    )
