"""Open IE output formats of a relation: CaRB's tab-separated lines, JSON Lines, TSV."""

from __future__ import annotations

import json

from spacy.tokens import Doc

from kgbuild.extract.types import Relation


def _field(text: str) -> str:
    return " ".join(text.replace("\t", " ").split())


def format_relation(doc: Doc, sentence: str, relation: Relation, format: str) -> str:
    """One output line for ``relation``.

    Parameters
    ----------
    doc : Doc
    sentence : str
        The input line, kept exactly as given (CaRB matches on it).
    relation : Relation
    format : str
        carb, jsonl or tsv.

    Returns
    -------
    str

    Example
    -------
    >>> from kgbuild.parse import load_model
    >>> import kgbuild.extract
    >>> nlp = load_model(); _ = nlp.add_pipe("kgbuild_relations")
    >>> doc = nlp("Clinton met journalists .")
    >>> format_relation(doc, doc.text, doc._.relations[0], "carb").split("\\t")[2:]
    ['met', 'Clinton', 'journalists']
    """
    args = [_field(a.text) for a in relation.arguments]
    if format == "carb":
        return "\t".join([sentence.replace("\t", " "), f"{relation.confidence:.3f}", _field(relation.relation_text), *args])
    if format == "tsv":
        return "\t".join([
            _field(sentence), f"{relation.confidence:.3f}", _field(relation.subject.text if relation.subject else ""),
            relation.predicate, _field(relation.object.text if relation.object else ""), relation.pattern,
            "negated" if relation.negated else "", relation.modality or "", _field(relation.attribution_text or ""),
        ])
    return json.dumps({
        "sentence": sentence, "relation": relation.relation_text, "predicate": relation.predicate,
        "arguments": [a.text for a in relation.arguments],
        "subject": relation.subject.text if relation.subject else None,
        "object": relation.object.text if relation.object else None,
        "confidence": relation.confidence, "pattern": relation.pattern, "negated": relation.negated,
        "modality": relation.modality, "attribution": relation.attribution_text,
        "time": relation.time.text if relation.time else None, "place": relation.place.text if relation.place else None,
    }, ensure_ascii=False)
