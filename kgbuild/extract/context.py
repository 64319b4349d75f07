"""Context of a relation: who said it (attribution), whether it is denied (polarity), how sure (modality).

Relations inside reported speech are kept and attributed to the speaker:
in "the official said the ISI asked us", the ISI asked is the fact, the
official its source. A denial ("denied that they support the group") makes
the inner relations negative; a hedge ("allegedly", "may") sets modality.
"""

from __future__ import annotations

from spacy.strings import get_string_id
from spacy.symbols import NOUN
from spacy.tokens import Doc

from kgbuild.extract.arguments import argument
from kgbuild.extract.clauses import find_subject, verb_of
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
#: Verbs and adjectives whose complement is not (yet) a fact: "is expected to make", "plans to buy",
#: "wants to join", "is set to sign", "is likely to win", "has to pay", "was ordered to leave",
#: "invited him to address" → modality, the governing word.
PLAN_WORDS = frozenset(
    "expect plan hope want need aim intend seek try attempt promise threaten vow pledge propose prepare wish "
    "look set due likely unlikely go urge ask push campaign call fight struggle hesitate consider offer "
    "able unable bound poised eager keen ready willing determined have order require force tell invite allow "
    "encourage permit expected".split()
)
#: Verbs whose complement did not happen: "failed to make the playoffs", "refused to sign".
FAILURE_VERBS = frozenset("fail refuse decline".split())
#: Implicative verbs (Karttunen 1971): their infinitive happened, "managed to escape", "went on to win".
#: Any other verb's "to" infinitive is not asserted ("decided to sell", "agreed to pay"): modality.
IMPLICATIVE_VERBS = frozenset("manage begin start continue go come help use happen get proceed resume remember bother "
                              "dare live return".split())
#: Quantifiers that deny what their noun's clause states: "found no evidence", "had little impact",
#: "few analysts expected" (but "a few analysts", "a little help" are some).
NEGATIVE_QUANTIFIERS = frozenset({"no", "little", "few"})
#: Words before a noun's "to" infinitive that make it a fact: "the first woman to win".
FACTIVE_NOUN_MODIFIERS = frozenset("first last only second third next".split())
#: Subordinators of a condition: "if the talks fail, the union will strike".
CONDITION_MARKS = frozenset({"if", "unless", "whether"})


_HEDGE_ADVERB_IDS = ids(*HEDGE_ADVERBS)
_HEDGE_ADJECTIVE_IDS = ids(*HEDGE_ADJECTIVES)
_COMPLEMENT_IDS = ids(*COMPLEMENT_DEPS)
_ADVMOD, _PREP, _POBJ, _AMOD, _NEG, _CONJ, _ROOT = (get_string_id(w) for w in ("advmod", "prep", "pobj", "amod", "neg", "conj", "ROOT"))
_XCOMP, _MARK, _ADVCL, _LONGER, _NO, _QUESTION = (get_string_id(w) for w in ("xcomp", "mark", "advcl", "longer", "no", "?"))
_CONDITION_IDS = ids(*CONDITION_MARKS)
_ACL, _AUX, _TO_TAG, _JJS = (get_string_id(w) for w in ("acl", "aux", "TO", "JJS"))
_FACTIVE_MODIFIER_IDS = ids(*FACTIVE_NOUN_MODIFIERS)
_NEGATIVE_QUANTIFIER_IDS = ids(*NEGATIVE_QUANTIFIERS)
_A, _AN = get_string_id("a"), get_string_id("an")
_ACCORDING = get_string_id("according")


def _anchor(table: TokenTable, relation: Relation) -> int:
    """The token the relation hangs from: its verb, or else its first relation word."""
    verb = verb_of(table, relation)
    if verb is not None:
        return verb
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


def _asks(table: TokenTable, i: int) -> bool:
    """Whether the sentence of token ``i`` is a question: its last non-quote token is "?"."""
    end = i
    while not table.is_sent_end(end):
        end += 1
    while end > i and table.is_punct[end] and table.lower[end] != _QUESTION:
        end -= 1
    return table.lower[end] == _QUESTION


def _denied_by_quantifier(table: TokenTable, noun: int) -> bool:
    """Whether noun ``noun`` has a negative quantifier ("no evidence", "little impact", "few analysts")."""
    for c in table.children(noun):
        if c < noun and table.lower[c] in _NEGATIVE_QUANTIFIER_IDS and not (c > 0 and table.lower[c - 1] in (_A, _AN)):
            return True
    return False


def _infinitive(table: TokenTable, verb: int) -> bool:
    """Whether ``verb`` is a "to" infinitive ("to stock", "to show")."""
    return any(table.dep[c] == _AUX and table.tag[c] == _TO_TAG for c in table.children(verb))


def _irrealis_infinitive(table: TokenTable, child: int, ancestor: int) -> str | None:
    """The modality of a "to" infinitive ``child`` under ``ancestor``: a purpose ("sent troops to show
    solidarity"), a noun's aim or ability ("efforts to prevent", "the ability to catch"), or the
    complement of a verb that is not implicative ("decided to sell"). None when it is a fact or not an
    infinitive."""
    if not _infinitive(table, child):
        return None
    dep = table.dep[child]
    if dep == _ADVCL:
        return "purpose"
    if dep == _ACL:
        if any(table.lower[c] in _FACTIVE_MODIFIER_IDS or table.tag[c] == _JJS for c in table.children(ancestor)):
            return None  # "the first team to win": it won
        return table.lower_[ancestor]
    if dep == _XCOMP:
        lemma = table.lemma_[ancestor].lower()
        if lemma in IMPLICATIVE_VERBS or lemma in FAILURE_VERBS:
            return None
        return table.lower_[ancestor]
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
        if dep[child] == _ADVMOD and lower[child] == _LONGER and any(lower[c] == _NO for c in table.children(child)):
            negated = not negated  # "no longer controls"
        if dep[child] == _MARK and lower[child] in _CONDITION_IDS:
            modality = modality or table.lower_[child]
        if dep[child] == _ADVCL and any(dep[c] == _MARK and lower[c] in _CONDITION_IDS for c in table.children(child)):
            modality = modality or "if"  # the relation is the consequence of a condition
        if dep[child] == _PREP and lower[child] == _ACCORDING:
            target = next((g for g in table.subtree(child) if dep[g] == _POBJ), None)
            if target is not None:
                attribution = argument(doc[target], role="speaker")
                attribution_text = f"according to {attribution.text}"
    for arg in relation.arguments[:2]:
        if not modality:
            modality = _hedging_adjective(table, arg.head) or modality
    nouns = [a.head for a in (relation.subject, relation.object) if a is not None]
    nouns += [t for t in relation.relation_tokens if table.pos[t] == NOUN]  # "had little impact on"
    if any(_denied_by_quantifier(table, n) for n in nouns):
        negated = not negated
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
            if dep[child] == _XCOMP:
                if lemma in FAILURE_VERBS:
                    negated = not negated
                elif lemma in PLAN_WORDS:
                    modality = modality or table.lower_[ancestor]
        if not modality:
            modality = _irrealis_infinitive(table, child, ancestor)
        if dep[child] == _ADVCL and any(dep[c] == _MARK and lower[c] in _CONDITION_IDS for c in table.children(child)):
            modality = modality or "if"
        if dep[ancestor] == _ROOT:
            break
        child = ancestor
    if not modality and _asks(table, anchor):
        modality = "question"
    changes: dict[str, object] = {}
    if negated != relation.negated:
        changes["negated"] = negated
    if modality != relation.modality:
        changes["modality"] = modality
    if attribution != relation.attribution or attribution_text != relation.attribution_text:
        changes.update(attribution=attribution, attribution_text=attribution_text)
    return changes
