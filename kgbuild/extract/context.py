"""Context of a relation: who said it (attribution), whether it is denied (polarity), how sure (modality).

Relations inside reported speech are kept and attributed to the speaker:
in "the official said the ISI asked us", the ISI asked is the fact, the
official its source. A denial ("denied that they support the group") makes
the inner relations negative; a hedge ("allegedly", "may") sets modality.
"""

from __future__ import annotations

from spacy.strings import get_string_id
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc

from kgbuild.extract.arguments import argument
from kgbuild.extract.clauses import find_subject
from kgbuild.extract.types import Relation
from kgbuild.parse.tokens import TokenTable, ids, table_of

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


_HEDGE_ADVERB_IDS = ids(*HEDGE_ADVERBS)
_HEDGE_ADJECTIVE_IDS = ids(*HEDGE_ADJECTIVES)
_COMPLEMENT_IDS = ids(*COMPLEMENT_DEPS)
_AUXILIARY = ids("aux", "auxpass")
_ADVMOD, _PREP, _POBJ, _AMOD, _NEG, _CONJ, _ROOT = (get_string_id(w) for w in ("advmod", "prep", "pobj", "amod", "neg", "conj", "ROOT"))
_ACCORDING = get_string_id("according")
_VERB_OR_AUX = frozenset({VERB, AUX})


def _anchor(table: TokenTable, relation: Relation) -> int:
    """The token the relation hangs from: its verb, or else its first relation word."""
    for i in relation.relation_tokens:
        if table.pos[i] in _VERB_OR_AUX and table.dep[i] not in _AUXILIARY:
            return i
    return relation.relation_tokens[0] if relation.relation_tokens else relation.arguments[0].head


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
    changes = context_changes(table_of(doc), relation)
    return relation.evolve(**changes) if changes else relation


def _hedging_adjective(table: TokenTable, head: int) -> str | None:
    """The hedge on an argument ("the alleged plot"): the first hedging word among its head's children,
    if one of them is an adjective modifier."""
    children = table.children(head)
    dep, lower = table.dep, table.lower
    for c in children:
        if dep[c] == _AMOD and lower[c] in _HEDGE_ADJECTIVE_IDS:
            return next(table.lower_[c] for c in children if lower[c] in _HEDGE_ADJECTIVE_IDS)
    return None


def context_changes(table: TokenTable, relation: Relation) -> dict[str, object]:
    """The fields of ``relation`` its context changes (``negated``, ``modality``, ``attribution``,
    ``attribution_text``), as ``Relation.evolve`` takes them; empty when the context changes nothing.
    ``extract_relations`` applies them together with its other changes: one copy of the relation.

    Parameters
    ----------
    table : TokenTable
        The table of the Doc the relation came from.
    relation : Relation

    Returns
    -------
    dict
    """
    doc, dep, lower = table.doc, table.dep, table.lower
    anchor = _anchor(table, relation)
    negated = relation.negated
    modality = relation.modality
    attribution = relation.attribution
    attribution_text = relation.attribution_text
    for child in table.children(anchor):
        if dep[child] == _ADVMOD and lower[child] in _HEDGE_ADVERB_IDS:
            modality = modality or table.lower_[child]
        if dep[child] == _PREP and lower[child] == _ACCORDING:
            target = next((g for g in table.subtree(child) if dep[g] == _POBJ), None)
            if target is not None:
                attribution = argument(doc[target], role="speaker")
                attribution_text = f"according to {attribution.text}"
    for arg in relation.arguments[:2]:
        if not modality:
            modality = _hedging_adjective(table, arg.head) or modality
    # walk up through the clauses that embed the relation
    child = anchor
    while table.head[child] != child:
        ancestor = table.head[child]
        if dep[child] in _COMPLEMENT_IDS or (dep[child] == _CONJ and dep[ancestor] in _COMPLEMENT_IDS):
            lemma = table.lemma_[ancestor].lower()
            if dep[child] in _COMPLEMENT_IDS and lemma in SPEECH_VERBS and attribution is None:
                speaker, _ = find_subject(doc[ancestor])
                if speaker is not None:
                    attribution = argument(speaker, role="speaker")
                    attribution_text = f"{attribution.text} {table.text[ancestor]}"
            if dep[child] in _COMPLEMENT_IDS:
                if lemma in DENIAL_VERBS or (lemma in SPEECH_VERBS and any(dep[c] == _NEG for c in table.children(ancestor))):
                    negated = not negated
                if lemma in HEDGE_VERBS:
                    modality = modality or HEDGE_VERBS[lemma]
        if dep[ancestor] == _ROOT:
            break
        child = ancestor
    changes: dict[str, object] = {}
    if negated != relation.negated:
        changes["negated"] = negated
    if modality != relation.modality:
        changes["modality"] = modality
    if attribution != relation.attribution or attribution_text != relation.attribution_text:
        changes.update(attribution=attribution, attribution_text=attribution_text)
    return changes
