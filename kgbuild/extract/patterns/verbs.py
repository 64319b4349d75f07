"""Verb frames: subject–verb–object, prepositional objects, clausal objects, reported speech;
passives (``passives.py``) and copulas (``copulas.py``) are dispatched from here.

Each pattern is a generator over a sentence's clauses yielding ``Relation``s.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.strings import get_string_id
from spacy.symbols import AUX, VERB
from spacy.tokens import Span

from kgbuild.extract.arguments import argument_of, clause_argument, conjuncts_of, prep_argument
from kgbuild.extract.clauses import Clause, clauses
from kgbuild.extract.context import SPEECH_VERBS
from kgbuild.extract.frames import (
    adverbials,
    circumstances,
    joined_prep,
    predicate_words,
    prep_objects,
    relate,
    relation_words,
    subject_arguments,
)
from kgbuild.extract.patterns.copulas import copula_relations
from kgbuild.extract.patterns.passives import passive_relations
from kgbuild.extract.relation import predicate_key
from kgbuild.extract.types import Argument, Relation
from kgbuild.lexicon import LIGHT_VERB_IDIOMS, PTB_QUOTES
from kgbuild.parse.tokens import TokenTable, ids

_MARK, _AUX, _PREP, _POBJ, _XCOMP = map(get_string_id, ("mark", "aux", "prep", "pobj", "xcomp"))
_SPEECH = ids(*SPEECH_VERBS)
_REPORTING = ids("parataxis", "ccomp")
_COMPLEMENTISERS = ids("that", "whether", "if")
_XCOMP_OBJECTS = ids("dobj", "dative")
_VERB_OR_AUX = frozenset({VERB, AUX})


def verb_relations(sent: Span) -> Iterator[Relation]:
    """Relations of the verbs of a sentence.

    Parameters
    ----------
    sent : Span
        A parsed sentence.

    Returns
    -------
    Iterator of Relation

    Example
    -------
    >>> from kgbuild.parse.load import load_model
    >>> doc = load_model()("Clinton met Pakistani journalists in Islamabad.")
    >>> [(r.subject.text, r.predicate, r.object.text) for r in verb_relations(next(doc.sents))]
    [('Clinton', 'meet', 'Pakistani journalists')]
    """
    for clause in clauses(sent):
        if clause.is_copula:
            yield from copula_relations(clause)
        else:
            yield from _verb(clause)


def _verb(clause: Clause) -> Iterator[Relation]:
    subjects = subject_arguments(clause)
    if not subjects:
        return
    table = clause.table
    verb_tokens = relation_words(clause)
    if clause.passive:
        yield from passive_relations(clause, subjects, verb_tokens)
        return
    key = predicate_words(clause)
    predicate = predicate_key(key)

    heads = list(clause.objects)
    if clause.attr is not None and not heads:
        heads.append(clause.attr)  # "became a catch point", "remained calm"
    objects = [argument_of(table, o, role="object") for obj in heads for o in conjuncts_of(table, obj)]

    quoted = _report_before(clause)
    if quoted is not None and not objects:
        rest, time, place = circumstances(clause)
        for subj in subjects:
            yield relate(
                clause, verb_tokens, arguments=[subj, quoted, *rest], predicate=predicate,
                subject=subj, object=quoted, pattern="verb_clause", time=time, place=place,
            )
        return

    idiom = _idiom_prep(clause, heads)
    if idiom is not None:
        noun, prep, pobj = idiom
        objects = [argument_of(table, o, role="object") for o in conjuncts_of(table, pobj)]
        rest, time, place = circumstances(clause, skip=prep)
        folded = predicate_key([*key, table.lemma_[noun].lower(), table.lower_[prep]])
        for subj in subjects:
            for obj in objects:
                yield relate(
                    clause, [*verb_tokens, noun, prep], arguments=[subj, obj, *rest], predicate=folded,
                    subject=subj, object=obj, pattern="verb_idiom", time=time, place=place,
                )
        return

    if objects:
        rest, time, place = circumstances(clause)
        for subj in subjects:
            for obj in objects:
                yield relate(
                    clause, verb_tokens, arguments=[subj, obj, *rest], predicate=predicate,
                    subject=subj, object=obj, pattern="verb_object", time=time, place=place,
                )
        return

    joined = joined_prep(clause)
    if joined is not None:
        yield from prep_objects(clause, joined, subjects, verb_tokens, key, "verb_prep")
        return

    if clause.clausal is not None:
        yield from _clausal(clause, subjects, verb_tokens, key)
        return

    rest, time, place = circumstances(clause)
    rest = rest or adverbials(clause)
    for subj in subjects:
        # "In 1717, Montagu travelled": the circumstances are the only complements
        yield relate(
            clause, verb_tokens, arguments=[subj, *rest], predicate=predicate,
            subject=subj, object=None, pattern="verb_circumstance" if rest else "verb_only",
            time=time, place=place,
        )


def _idiom_prep(clause: Clause, heads: list[int]) -> tuple[int, int, int] | None:
    """A light verb's idiom noun and the preposition after it, "took part in the exercises": (noun, prep, pobj)."""
    table = clause.table
    if len(heads) != 1 or (table.lemma_[clause.verb].lower(), table.lemma_[heads[0]].lower()) not in LIGHT_VERB_IDIOMS:
        return None
    noun = heads[0]
    for child in table.children(noun):
        if child > noun and table.dep_[child] == "prep":
            pobj = next((c for c in table.children(child) if table.dep_[c] == "pobj"), None)
            if pobj is not None:
                return noun, child, pobj
    # or the verb's own first preposition after the noun: "took part | in the exercises"
    return next(((noun, prep, pobj) for prep, pobj in clause.preps if prep > noun), None)


def _report_before(clause: Clause) -> Argument | None:
    """ "The talks failed, the minister said", "The talks, he said, failed": the clause a speech verb
    reports when it comes after or inside it (the parser hangs the speech verb under the reported clause)."""
    table, verb = clause.table, clause.verb
    head = table.head[verb]
    if clause.clausal is not None or table.dep[verb] not in _REPORTING or table.lemma[verb] not in _SPEECH:
        return None
    if head == verb or table.pos[head] not in _VERB_OR_AUX:
        return None
    inside = set(table.subtree(verb))
    indices = [i for i in _subtree_in_order(table, head) if i not in inside]
    is_punct, text = table.is_punct, table.text
    while indices and (is_punct[indices[-1]] or text[indices[-1]] in PTB_QUOTES):
        indices.pop()
    while indices and (is_punct[indices[0]] or text[indices[0]] in PTB_QUOTES):
        indices.pop(0)
    if len(indices) < 2:
        return None
    return Argument(head=head, tokens=tuple(indices), text=table.text_of(indices), role="clause")


def _subtree_in_order(table: TokenTable, i: int) -> list[int]:
    """Token ``i``'s subtree in the order of spaCy's ``Token.subtree`` (not sorted in a non-projective parse)."""
    out: list[int] = []
    for child in table.lefts(i):
        out += _subtree_in_order(table, child)
    out.append(i)
    for child in table.children(i):
        if child > i:
            out += _subtree_in_order(table, child)
    return out


def _clausal(clause: Clause, subjects, verb_tokens, key) -> Iterator[Relation]:
    table, comp = clause.table, clause.clausal
    if table.dep[comp] == _XCOMP:
        # "agreed to pay" → relation "agreed to pay", object: what is paid
        yield from _xcomp(clause, subjects, verb_tokens, key)
        return
    mark = [c for c in table.children(comp) if table.dep[c] == _MARK and table.lower[c] in _COMPLEMENTISERS]
    arg = clause_argument(table, comp)
    if mark:
        kept = tuple(i for i in arg.tokens if i != mark[0])
        arg = Argument(head=arg.head, tokens=kept, text=" ".join(table.text[i] for i in kept), role="clause")
    rest, time, place = circumstances(clause)
    predicate = predicate_key(key)
    for subj in subjects:
        yield relate(
            clause, [*verb_tokens, *mark], arguments=[subj, arg, *rest], predicate=predicate,
            subject=subj, object=arg, pattern="verb_clause", time=time, place=place,
        )


def _xcomp(clause: Clause, subjects, verb_tokens, key) -> Iterator[Relation]:
    table, comp = clause.table, clause.clausal
    dep, children = table.dep, table.children(comp)
    aux = [c for c in children if dep[c] == _AUX]
    objs = [c for c in children if dep[c] in _XCOMP_OBJECTS]
    preps = [(c, next((g for g in table.children(c) if dep[g] == _POBJ), None)) for c in children if dep[c] == _PREP]
    preps = [(p, o) for p, o in preps if o is not None]
    tokens = [*verb_tokens, *aux, comp]
    words = [*key, table.lemma_[comp]]
    # the same arguments for every subject: read once
    if objs:
        targets = [argument_of(table, target, role="object") for target in conjuncts_of(table, objs[0])]
        rest = [prep_argument(table, p, o) for p, o in preps]
        predicate = predicate_key(words)
        for subj in subjects:
            for obj in targets:
                yield relate(
                    clause, tokens, arguments=[subj, obj, *rest], predicate=predicate,
                    subject=subj, object=obj, pattern="verb_clause", extra_confidence=0.1,
                )
    elif preps:
        prep, pobj = preps[0]
        obj = argument_of(table, pobj, role="object")
        rest = [prep_argument(table, p, o) for p, o in preps[1:]]
        predicate = predicate_key([*words, table.lower_[prep]])
        for subj in subjects:
            yield relate(
                clause, [*tokens, prep], arguments=[subj, obj, *rest], predicate=predicate, subject=subj, object=obj,
                pattern="verb_clause", extra_confidence=0.05,
            )
    else:
        arg = clause_argument(table, comp)
        predicate = predicate_key(key)
        for subj in subjects:
            yield relate(
                clause, verb_tokens, arguments=[subj, arg], predicate=predicate,
                subject=subj, object=arg, pattern="verb_clause",
            )
