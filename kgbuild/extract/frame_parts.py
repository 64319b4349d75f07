"""The parts of a verb frame that every verb pattern reads the same way: the relation's words, its
subjects, the preposition that joins an object to the relation, and the circumstances (time, place,
other prepositional phrases) that become further arguments.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kgbuild.extract.clauses import Clause, is_place, is_time
from kgbuild.extract.relation import make_relation, predicate_key
from kgbuild.extract.spans import argument, conjuncts, prep_argument
from kgbuild.extract.types import Argument


def relation_words(clause: Clause) -> list[Token]:
    """The words of the relation: auxiliaries, negation, adverbs inside the verb group, the verb and its particle."""
    tokens = [clause.verb, *clause.aux]
    tokens += [c for c in clause.verb.children if c.dep_ == "neg"]
    # adverbs inside the verb group belong to the relation as written ("has also pioneered", "were often dealt with")
    after = clause.subject.i if clause.subject is not None and clause.subject.i < clause.verb.i else -1
    tokens += [c for c in clause.verb.children if c.dep_ == "advmod" and c.tag_ == "RB" and after < c.i < clause.verb.i]
    if clause.particle is not None:
        tokens.append(clause.particle)
    return tokens


def predicate_words(clause: Clause) -> list[str]:
    words = [clause.verb.lemma_]
    if clause.particle is not None:
        words.append(clause.particle.lower_)
    return words


def circumstances(clause: Clause, skip: Token | None = None) -> tuple[list[Argument], Argument | None, Argument | None]:
    """Prepositional phrases and time expressions beyond the main object: (args, time, place)."""
    args: list[Argument] = []
    time = place = None
    for prep, pobj in clause.preps:
        if skip is not None and prep.i == skip.i:
            continue
        arg = prep_argument(prep, pobj)
        args.append(arg)
        if time is None and is_time(pobj):
            time = arg
        elif place is None and is_place(prep, pobj):
            place = arg
    for tok in clause.times:
        arg = argument(tok, role="time")
        args.append(arg)
        time = time or arg
    setting = clause.setting
    if setting is not None and (clause.subject is None or setting.i != clause.subject.i):
        # "the resort where he won the title": he won the title at the resort
        if setting.dep_ == "pobj" and setting.head.dep_ == "prep":
            arg = prep_argument(setting.head, setting, role="place")
        else:
            arg = argument(setting, role="place")
        args.append(arg)
        if is_time(setting):
            time = time or arg
        else:
            place = place or arg
    args.sort(key=lambda a: a.start)
    return args, time, place


def adverbials(clause: Clause) -> list[Argument]:
    """Adverbial phrases and clauses, for a verb with no other complement ("diverge northeast of Tarboro")."""
    found = []
    for child in clause.verb.children:
        if child.dep_ in ("advmod", "npadvmod", "advcl") and (child.dep_ == "advcl" or any(True for _ in child.children)):
            found.append(argument(child, role="arg"))
    return sorted(found, key=lambda a: a.start)


def subject_arguments(clause: Clause) -> list[Argument]:
    if clause.subject is None:
        return []
    # "the case reviewed by a court": the subject is "the case", without the clause it heads
    without = clause.verb if clause.subject_source in ("relcl", "acl") else None
    return [argument(s, role="subject", without=without) for s in conjuncts(clause.subject)]


def joined_prep(clause: Clause) -> tuple[Token, Token] | None:
    """The preposition that joins the relation ("taught at"): the first after the verb, not a time."""
    for prep, pobj in clause.preps:
        if prep.i > clause.verb.i and not is_time(pobj) and pobj.dep_ == "pobj":
            return prep, pobj
    return None


def prep_objects(clause: Clause, joined, subjects, verb_tokens, words, pattern: str, common) -> Iterator:
    """The first preposition after the verb joins the relation ("taught at", "was blamed for");
    each conjunct of its object is a relation of its own."""
    prep, pobj = joined
    rest, time, place = circumstances(clause, skip=prep)
    for subj in subjects:
        for target in conjuncts(pobj):
            obj = argument(target, role="object")
            yield make_relation(
                arguments=[subj, obj, *rest], relation_tokens=[*verb_tokens, prep],
                predicate=predicate_key([*words, prep.lower_]), subject=subj, object=obj,
                pattern=pattern, time=time, place=place, **common,
            )
