"""The parts of a verb frame that every verb pattern reads the same way: the relation's words, its
subjects, the preposition that joins an object to the relation, and the circumstances (time, place,
other prepositional phrases) that become further arguments.

Tokens are indices of the clause's ``TokenTable``, as in ``Clause``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.strings import get_string_id

from kgbuild.extract.arguments import argument_of, conjuncts_of, prep_argument, text_at
from kgbuild.extract.clauses import Clause, is_place, is_time
from kgbuild.extract.relation import make_relation, predicate_key
from kgbuild.extract.types import Argument, Relation
from kgbuild.parse.tokens import ids

_PREP, _POBJ, _ADVCL = map(get_string_id, ("prep", "pobj", "advcl"))
_ADVERBIALS = ids("advmod", "npadvmod", "advcl")
#: Sources of a subject found as the noun a clause modifies: the clause is cut out of its span.
_MODIFIED_NOUN = frozenset({"relcl", "acl"})


def relate(
    clause: Clause, words: Iterable[int], arguments: list[Argument], predicate: str, subject: Argument | None,
    object: Argument | None, pattern: str, time: Argument | None = None, place: Argument | None = None,
    extra_confidence: float = 0.0,
) -> Relation:
    """``make_relation`` for a relation of ``clause``: the relation's words given as token indices, their text
    cut from the table; the sentence, how the subject was found, negation and modality are the clause's."""
    table = clause.table
    doc, words = table.doc, sorted(set(words))
    return make_relation(
        arguments=arguments, relation_tokens=[doc[i] for i in words], relation_text=text_at(table, words),
        predicate=predicate, subject=subject, object=object, pattern=pattern, sentence_start=clause.sentence_start,
        subject_source=clause.subject_source, negated=clause.negated, modality=clause.modal, time=time, place=place,
        extra_confidence=extra_confidence,
    )


def relation_words(clause: Clause) -> list[int]:
    """The words of the relation: auxiliaries, negation, adverbs inside the verb group, the verb and its particle."""
    words = [clause.verb, *clause.aux, *clause.modifiers]
    if clause.particle is not None:
        words.append(clause.particle)
    return words


def predicate_words(clause: Clause) -> list[str]:
    words = [clause.table.lemma_[clause.verb]]
    if clause.particle is not None:
        words.append(clause.table.lower_[clause.particle])
    return words


def circumstances(clause: Clause, skip: int = -1) -> tuple[list[Argument], Argument | None, Argument | None]:
    """Prepositional phrases and time expressions beyond the main object: (args, time, place);
    ``skip``: the index of a preposition left out (it joins the relation)."""
    table = clause.table
    args: list[Argument] = []
    time = place = None
    for prep, pobj in clause.preps:
        if prep == skip:
            continue
        arg = prep_argument(table, prep, pobj)
        args.append(arg)
        if time is None and is_time(table, pobj):
            time = arg
        elif place is None and is_place(table, prep, pobj):
            place = arg
    for tok in clause.times:
        arg = argument_of(table, tok, role="time")
        args.append(arg)
        time = time or arg
    setting = clause.setting
    if setting is not None and setting != clause.subject:
        # "the resort where he won the title": he won the title at the resort
        if table.dep[setting] == _POBJ and table.dep[table.head[setting]] == _PREP:
            arg = prep_argument(table, table.head[setting], setting, role="place")
        else:
            arg = argument_of(table, setting, role="place")
        args.append(arg)
        if is_time(table, setting):
            time = time or arg
        else:
            place = place or arg
    if len(args) > 1:
        args.sort(key=_start)
    return args, time, place


def _start(arg: Argument) -> int:
    return arg.tokens[0]


def adverbials(clause: Clause) -> list[Argument]:
    """Adverbial phrases and clauses, for a verb with no other complement ("diverge northeast of Tarboro")."""
    table = clause.table
    dep = table.dep
    found = [
        argument_of(table, child, role="arg") for child in table.children(clause.verb)
        if dep[child] in _ADVERBIALS and (dep[child] == _ADVCL or table.children(child))
    ]
    return sorted(found, key=_start)


def subject_arguments(clause: Clause) -> list[Argument]:
    if clause.subject is None:
        return []
    # "the case reviewed by a court": the subject is "the case", without the clause it heads
    without = clause.verb if clause.subject_source in _MODIFIED_NOUN else -1
    table = clause.table
    return [argument_of(table, s, role="subject", without=without) for s in conjuncts_of(table, clause.subject)]


def joined_prep(clause: Clause) -> tuple[int, int] | None:
    """The preposition that joins the relation ("taught at"): the first after the verb, not a time."""
    table = clause.table
    for prep, pobj in clause.preps:
        if prep > clause.verb and not is_time(table, pobj) and table.dep[pobj] == _POBJ:
            return prep, pobj
    return None


def prep_objects(clause: Clause, joined, subjects, verb_tokens, words, pattern: str) -> Iterator[Relation]:
    """The first preposition after the verb joins the relation ("taught at", "was blamed for");
    each conjunct of its object is a relation of its own."""
    table = clause.table
    prep, pobj = joined
    rest, time, place = circumstances(clause, skip=prep)
    objects = [argument_of(table, target, role="object") for target in conjuncts_of(table, pobj)]
    predicate = predicate_key([*words, table.lower_[prep]])
    for subj in subjects:
        for obj in objects:
            yield relate(
                clause, [*verb_tokens, prep], arguments=[subj, obj, *rest], predicate=predicate,
                subject=subj, object=obj, pattern=pattern, time=time, place=place,
            )
