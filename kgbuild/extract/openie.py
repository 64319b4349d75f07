"""Open IE output formats of a relation: CaRB's tab-separated lines, JSON Lines, TSV."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence

from spacy.tokens import Doc

from kgbuild.extract.arguments import argument_of, coordinated
from kgbuild.extract.types import Relation
from kgbuild.lexicon import CLOSING_QUOTES, OPENING_QUOTES
from kgbuild.parse.tokens import table_of

#: Families whose relation words are not the sentence's ("is", "has"): their tense is not written anywhere.
NOUN_PHRASE_PATTERNS = frozenset(
    {"apposition", "apposition_prep", "title", "possessive", "noun_prep", "noun_example", "noun_modifier"}
)


def _field(text: str) -> str:
    return " ".join(text.replace("\t", " ").split())


def _past(doc: Doc, relation: Relation) -> bool:
    """Whether the sentence of ``relation`` is told in the past: its main verb (or its auxiliary) is."""
    root = doc[relation.sentence_start].sent.root
    return root.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in root.children)


def carb_relation_text(doc: Doc, relation: Relation) -> str:
    """The relation as Open IE benchmarks phrase it.

    A noun phrase states its fact without a tense ("Clarkson, the host" is the host, was the host), so
    its "is" is written as the lemma "be", which CaRB's scorer matches to any form of "to be"; its "has"
    follows the tense of the sentence ("had" in a story told in the past). Verb relations keep the
    sentence's own words.
    """
    text = _field(relation.relation_text)
    if relation.pattern not in NOUN_PHRASE_PATTERNS:
        return text
    first, _, rest = text.partition(" ")
    if first == "is":
        return f"be {rest}".strip()
    if first == "has" and _past(doc, relation):
        return f"had {rest}".strip()
    return text


def join_subject_conjuncts(doc: Doc, relations: Sequence[Relation]) -> list[Relation]:
    """Open IE view of coordinated subjects: one relation with "A and B" as ARG1.

    The graph wants "A and B met C" as two edges (A met C, B met C); Open IE annotation keeps the
    coordinated subject whole ("A and B | met | C"), so relations that differ only in a subject that
    is a conjunct of another's are joined, at the best of their confidences. Subjects found through a
    relative clause or participle keep their split (the span would need the clause cut out again).
    """
    groups: dict[tuple, list[int]] = {}
    for k, r in enumerate(relations):
        if not r.arguments or r.extra.get("subject_source") in ("relcl", "acl"):
            continue
        key = (r.relation_text, r.pattern, tuple(a.tokens for a in r.arguments[1:]))
        groups.setdefault(key, []).append(k)
    replaced: dict[int, Relation] = {}
    dropped: set[int] = set()
    for members in groups.values():
        if len(members) < 2:
            continue
        heads = {relations[k].arguments[0].head for k in members}
        first = min(heads)
        table = table_of(doc)  # the Doc's own: this runs inside extract_relations
        if not heads <= {first, *coordinated(table, first)}:
            continue
        whole = argument_of(table, first, role="subject", split_conj=False)
        lead = min(members)
        best = max(relations[k].confidence for k in members)
        replaced[lead] = dataclasses.replace(
            relations[lead], arguments=(whole, *relations[lead].arguments[1:]), confidence=best,
            subject=whole if relations[lead].subject == relations[lead].arguments[0] else relations[lead].subject,
        )
        dropped.update(k for k in members if k != lead)
    return [replaced.get(k, r) for k, r in enumerate(relations) if k not in dropped]




def carb_argument_text(doc: Doc, arg) -> str:
    """An argument as Open IE writes it: a quoted title keeps its quotes (`` My Way ''), which the graph
    view trims off names; any other text as the argument has it."""
    start, end = arg.tokens[0], arg.tokens[-1]
    if 0 < start and end + 1 < len(doc) and doc[start - 1].text in OPENING_QUOTES and doc[end + 1].text in CLOSING_QUOTES:
        return _field(f"{doc[start - 1].text} {arg.text} {doc[end + 1].text}")
    return _field(arg.text)


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
    >>> from kgbuild.parse.load import load_model
    >>> import kgbuild.extract
    >>> nlp = load_model(); _ = nlp.add_pipe("kgbuild_relations")
    >>> doc = nlp("Clinton met journalists .")
    >>> format_relation(doc, doc.text, doc._.relations[0], "carb").split("\\t")[2:]
    ['met', 'Clinton', 'journalists']
    """
    args = [_field(a.text) for a in relation.arguments]
    if format == "carb":
        args = [carb_argument_text(doc, a) for a in relation.arguments]
        return "\t".join([sentence.replace("\t", " "), f"{relation.confidence:.3f}", carb_relation_text(doc, relation), *args])
    if format == "tsv":
        return "\t".join([
            _field(sentence), f"{relation.confidence:.3f}", _field(relation.subject.text if relation.subject else ""),
            relation.predicate, _field(relation.object.text if relation.object else ""), relation.pattern,
            "negated" if relation.negated else "", relation.modality or "", _field(relation.attribution_text or ""),
        ])
    return json.dumps({
        "sentence": sentence, "relation": relation.relation_text, "carb_relation": carb_relation_text(doc, relation),
        "predicate": relation.predicate,
        "arguments": [a.text for a in relation.arguments],
        "subject": relation.subject.text if relation.subject else None,
        "object": relation.object.text if relation.object else None,
        "confidence": relation.confidence, "pattern": relation.pattern, "negated": relation.negated,
        "modality": relation.modality, "attribution": relation.attribution_text,
        "time": relation.time.text if relation.time else None, "place": relation.place.text if relation.place else None,
    }, ensure_ascii=False)
