"""Context of a relation: who said it (attribution), whether it is denied (polarity), how sure (modality).

Relations inside reported speech are kept and attributed to the speaker:
in "the official said the ISI asked us", the ISI asked is the fact, the
official its source. A denial ("denied that they support the group") makes
the inner relations negative; a hedge ("allegedly", "may") sets modality.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc, Token

from kgbuild.extract.clauses import find_subject
from kgbuild.extract.spans import argument
from kgbuild.extract.types import Relation

SPEECH_VERBS = frozenset(
    "say tell add claim state announce report explain note insist argue believe think confirm "
    "acknowledge admit warn write reveal disclose declare allege suggest testify stress maintain "
    "assert contend estimate predict accuse describe deny reject dismiss refute".split()
)
DENIAL_VERBS = frozenset("deny reject dismiss refute".split())
HEDGE_VERBS = {"allege": "alleged", "claim": "claimed", "suspect": "suspected", "believe": "believed",
               "suggest": "suggested", "estimate": "estimated", "predict": "predicted", "think": "believed"}
HEDGE_ADVERBS = frozenset("allegedly reportedly possibly probably apparently perhaps likely supposedly purportedly".split())
HEDGE_ADJECTIVES = frozenset("alleged suspected possible probable apparent purported presumed".split())
COMPLEMENT_DEPS = frozenset({"ccomp", "parataxis", "xcomp"})


def _anchor(doc: Doc, relation: Relation) -> Token:
    """The token the relation hangs from: its verb, or else its first relation word."""
    tokens = [doc[i] for i in relation.relation_tokens]
    verbs = [t for t in tokens if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass")]
    return (verbs or tokens or [doc[relation.arguments[0].head]])[0]


def add_context(doc: Doc, relation: Relation) -> Relation:
    """Return ``relation`` with attribution, polarity and modality read from its context.

    Parameters
    ----------
    doc : Doc
        The parsed document the relation came from.
    relation : Relation

    Returns
    -------
    Relation
    """
    anchor = _anchor(doc, relation)
    negated = relation.negated
    modality = relation.modality
    attribution = relation.attribution
    attribution_text = relation.attribution_text
    for child in anchor.children:
        if child.dep_ == "advmod" and child.lower_ in HEDGE_ADVERBS:
            modality = modality or child.lower_
        if child.dep_ == "prep" and child.lower_ == "according":
            target = next((g for g in child.subtree if g.dep_ == "pobj"), None)
            if target is not None:
                attribution = argument(target, role="speaker")
                attribution_text = f"according to {attribution.text}"
    for arg in relation.arguments[:2]:
        head = doc[arg.head]
        if any(c.dep_ == "amod" and c.lower_ in HEDGE_ADJECTIVES for c in head.children):
            modality = modality or next(c.lower_ for c in head.children if c.lower_ in HEDGE_ADJECTIVES)
    # walk up through the clauses that embed the relation
    child = anchor
    for ancestor in anchor.ancestors:
        if child.dep_ in COMPLEMENT_DEPS or (child.dep_ == "conj" and ancestor.dep_ in COMPLEMENT_DEPS):
            lemma = ancestor.lemma_.lower()
            if child.dep_ in COMPLEMENT_DEPS and lemma in SPEECH_VERBS and attribution is None:
                speaker, _ = find_subject(ancestor)
                if speaker is not None:
                    attribution = argument(speaker, role="speaker")
                    attribution_text = f"{attribution.text} {ancestor.text}"
            if child.dep_ in COMPLEMENT_DEPS:
                if lemma in DENIAL_VERBS or (lemma in SPEECH_VERBS and any(c.dep_ == "neg" for c in ancestor.children)):
                    negated = not negated
                if lemma in HEDGE_VERBS:
                    modality = modality or HEDGE_VERBS[lemma]
        if ancestor.dep_ == "ROOT":
            break
        child = ancestor
    if (negated, modality, attribution, attribution_text) == (
        relation.negated, relation.modality, relation.attribution, relation.attribution_text
    ):
        return relation
    return dataclasses.replace(
        relation, negated=negated, modality=modality, attribution=attribution, attribution_text=attribution_text
    )
