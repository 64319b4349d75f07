"""Verb frames: subject–verb–object, prepositional objects, passives, clausal objects, copulas.

Each pattern is a generator over a sentence's clauses yielding ``Relation``s.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kgbuild.extract.clauses import Clause, clauses, is_place, is_time
from kgbuild.extract.relation import make_relation, predicate_key
from kgbuild.extract.context import SPEECH_VERBS
from kgbuild.extract.spans import argument, clause_argument, conjuncts, prep_argument, text_of
from kgbuild.extract.types import Argument


def _verb_tokens(clause: Clause) -> list[Token]:
    """The words of the relation: auxiliaries, negation, adverbs inside the verb group, the verb and its particle."""
    tokens = [clause.verb, *clause.aux]
    tokens += [c for c in clause.verb.children if c.dep_ == "neg"]
    # adverbs inside the verb group belong to the relation as written ("has also pioneered", "were often dealt with")
    after = clause.subject.i if clause.subject is not None and clause.subject.i < clause.verb.i else -1
    tokens += [c for c in clause.verb.children if c.dep_ == "advmod" and c.tag_ == "RB" and after < c.i < clause.verb.i]
    if clause.particle is not None:
        tokens.append(clause.particle)
    return tokens


def _verb_key(clause: Clause) -> list[str]:
    words = [clause.verb.lemma_]
    if clause.particle is not None:
        words.append(clause.particle.lower_)
    return words


def _circumstances(clause: Clause, skip: Token | None = None) -> tuple[list[Argument], Argument | None, Argument | None]:
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


def _adverbials(clause: Clause) -> list[Argument]:
    """Adverbial phrases and clauses, for a verb with no other complement ("diverge northeast of Tarboro")."""
    found = []
    for child in clause.verb.children:
        if child.dep_ in ("advmod", "npadvmod", "advcl") and (child.dep_ == "advcl" or any(True for _ in child.children)):
            found.append(argument(child, role="arg"))
    return sorted(found, key=lambda a: a.start)


def _subjects(clause: Clause) -> list[Argument]:
    if clause.subject is None:
        return []
    # "the case reviewed by a court": the subject is "the case", without the clause it heads
    without = clause.verb if clause.subject_source in ("relcl", "acl") else None
    return [argument(s, role="subject", without=without) for s in conjuncts(clause.subject)]


def _joined_prep(clause: Clause) -> tuple[Token, Token] | None:
    """The preposition that joins the relation ("taught at"): the first after the verb, not a time."""
    for prep, pobj in clause.preps:
        if prep.i > clause.verb.i and not is_time(pobj) and pobj.dep_ == "pobj":
            return prep, pobj
    return None


def verb_relations(sent: Span) -> Iterator:
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
    >>> from kgbuild.parse import load_model
    >>> doc = load_model()("Clinton met Pakistani journalists in Islamabad.")
    >>> [(r.subject.text, r.predicate, r.object.text) for r in verb_relations(next(doc.sents))]
    [('Clinton', 'meet', 'Pakistani journalists')]
    """
    for clause in clauses(sent):
        if clause.verb.lemma_ == "be" and clause.attr is not None:
            yield from _copula(clause, sent)
        else:
            yield from _verb(clause, sent)


def _verb(clause: Clause, sent: Span) -> Iterator:
    subjects = _subjects(clause)
    if not subjects:
        return
    start = sent.start
    verb_tokens = _verb_tokens(clause)
    key = _verb_key(clause)
    common = dict(sentence_start=start, subject_source=clause.subject_source, negated=clause.negated, modality=clause.modal)
    heads = list(clause.objects)
    if clause.attr is not None and not heads:
        heads.append(clause.attr)  # "became a catch point", "remained calm"
    objects = [argument(o, role="object") for obj in heads for o in conjuncts(obj)]

    if clause.passive:
        yield from _passive(clause, subjects, verb_tokens, common)
        return

    quoted = _report_before(clause)
    if quoted is not None and not objects:
        rest, time, place = _circumstances(clause)
        for subj in subjects:
            yield make_relation(
                arguments=[subj, quoted, *rest], relation_tokens=verb_tokens, predicate=predicate_key(key),
                subject=subj, object=quoted, pattern="verb_clause", time=time, place=place, **common,
            )
        return

    if objects:
        rest, time, place = _circumstances(clause)
        for subj in subjects:
            for obj in objects:
                yield make_relation(
                    arguments=[subj, obj, *rest], relation_tokens=verb_tokens, predicate=predicate_key(key),
                    subject=subj, object=obj, pattern="verb_object", time=time, place=place, **common,
                )
        return

    joined = _joined_prep(clause)
    if joined is not None:
        yield from _prep_objects(clause, joined, subjects, verb_tokens, key, "verb_prep", common)
        return

    if clause.clausal is not None:
        yield from _clausal(clause, subjects, verb_tokens, key, common)
        return

    rest, time, place = _circumstances(clause)
    rest = rest or _adverbials(clause)
    for subj in subjects:
        # "In 1717, Montagu travelled": the circumstances are the only complements
        yield make_relation(
            arguments=[subj, *rest], relation_tokens=verb_tokens, predicate=predicate_key(key),
            subject=subj, object=None, pattern="verb_circumstance" if rest else "verb_only",
            time=time, place=place, **common,
        )


def _report_before(clause: Clause) -> Argument | None:
    """ "The talks failed, the minister said", "The talks, he said, failed": the clause a speech verb
    reports when it comes after or inside it (the parser hangs the speech verb under the reported clause)."""
    verb, head = clause.verb, clause.verb.head
    if clause.clausal is not None or verb.lemma_ not in SPEECH_VERBS or verb.dep_ not in ("parataxis", "ccomp"):
        return None
    if head.i == verb.i or head.pos_ not in ("VERB", "AUX"):
        return None
    inside = {t.i for t in verb.subtree}
    indices = [t.i for t in head.subtree if t.i not in inside]
    doc = verb.doc
    while indices and (doc[indices[-1]].is_punct or doc[indices[-1]].text in ("``", "''")):
        indices.pop()
    while indices and (doc[indices[0]].is_punct or doc[indices[0]].text in ("``", "''")):
        indices.pop(0)
    if len(indices) < 2:
        return None
    return Argument(head=head.i, tokens=tuple(indices), text=text_of(doc, indices), role="clause")


def _prep_objects(clause: Clause, joined, subjects, verb_tokens, words, pattern: str, common) -> Iterator:
    """The first preposition after the verb joins the relation ("taught at", "was blamed for");
    each conjunct of its object is a relation of its own."""
    prep, pobj = joined
    rest, time, place = _circumstances(clause, skip=prep)
    for subj in subjects:
        for target in conjuncts(pobj):
            obj = argument(target, role="object")
            yield make_relation(
                arguments=[subj, obj, *rest], relation_tokens=[*verb_tokens, prep],
                predicate=predicate_key([*words, prep.lower_]), subject=subj, object=obj,
                pattern=pattern, time=time, place=place, **common,
            )


def _clausal(clause: Clause, subjects, verb_tokens, key, common) -> Iterator:
    comp = clause.clausal
    mark = [c for c in comp.children if c.dep_ == "mark" and c.lower_ in ("that", "whether", "if")]
    relation_tokens = [*verb_tokens, *mark]
    arg = clause_argument(comp)
    if mark:
        kept = tuple(i for i in arg.tokens if i != mark[0].i)
        arg = Argument(head=arg.head, tokens=kept, text=" ".join(comp.doc[i].text for i in kept), role="clause")
    if comp.dep_ == "xcomp":
        # "agreed to pay" → relation "agreed to pay", object: what is paid
        yield from _xcomp(clause, subjects, verb_tokens, key, common)
        return
    rest, time, place = _circumstances(clause)
    for subj in subjects:
        yield make_relation(
            arguments=[subj, arg, *rest], relation_tokens=relation_tokens, predicate=predicate_key(key),
            subject=subj, object=arg, pattern="verb_clause", time=time, place=place, **common,
        )


def _xcomp(clause: Clause, subjects, verb_tokens, key, common) -> Iterator:
    comp = clause.clausal
    aux = [c for c in comp.children if c.dep_ == "aux"]
    objs = [c for c in comp.children if c.dep_ in ("dobj", "dative")]
    preps = [(c, next((g for g in c.children if g.dep_ == "pobj"), None)) for c in comp.children if c.dep_ == "prep"]
    preps = [(p, o) for p, o in preps if o is not None]
    tokens = [*verb_tokens, *aux, comp]
    words = [*key, comp.lemma_]
    for subj in subjects:
        if objs:
            for target in conjuncts(objs[0]):
                obj = argument(target, role="object")
                rest = [prep_argument(p, o) for p, o in preps]
                yield make_relation(
                    arguments=[subj, obj, *rest], relation_tokens=tokens, predicate=predicate_key(words),
                    subject=subj, object=obj, pattern="verb_clause", extra_confidence=0.1, **common,
                )
        elif preps:
            prep, pobj = preps[0]
            obj = argument(pobj, role="object")
            rest = [prep_argument(p, o) for p, o in preps[1:]]
            yield make_relation(
                arguments=[subj, obj, *rest], relation_tokens=[*tokens, prep],
                predicate=predicate_key([*words, prep.lower_]), subject=subj, object=obj,
                pattern="verb_clause", extra_confidence=0.05, **common,
            )
        else:
            arg = clause_argument(comp)
            yield make_relation(
                arguments=[subj, arg], relation_tokens=verb_tokens, predicate=predicate_key(key),
                subject=subj, object=arg, pattern="verb_clause", **common,
            )


def _passive(clause: Clause, subjects, verb_tokens, common) -> Iterator:
    """Passives: the agent becomes the graph subject; Open IE keeps the surface order."""
    verb = clause.verb
    if clause.agent is not None:
        by = clause.agent.head
        rest, time, place = _circumstances(clause)
        for patient in subjects:
            for agent_tok in conjuncts(clause.agent):
                agent = argument(agent_tok, role="object")
                yield make_relation(
                    arguments=[patient, agent, *rest], relation_tokens=[*verb_tokens, by],
                    predicate=predicate_key([verb.lemma_]), subject=agent, object=patient,
                    pattern="passive_agent", time=time, place=place, **common,
                )
        return
    participle = verb.lower_
    named = [c for c in clause.objects if c.dep_ == "oprd"]
    if named:
        # "a company called Acme", "he was named captain": the passive's complement is its object
        rest, time, place = _circumstances(clause)
        for patient in subjects:
            for target in conjuncts(named[0]):
                obj = argument(target, role="object")
                yield make_relation(
                    arguments=[patient, obj, *rest], relation_tokens=verb_tokens,
                    predicate=predicate_key(["be", participle]), subject=patient, object=obj,
                    pattern="passive", time=time, place=place, **common,
                )
        return
    joined = _joined_prep(clause)
    if joined is not None:
        yield from _prep_objects(clause, joined, subjects, verb_tokens, ["be", participle], "passive", common)
        return
    rest, time, place = _circumstances(clause)
    rest = rest or _adverbials(clause)
    for patient in subjects:
        yield make_relation(
            arguments=[patient, *rest], relation_tokens=verb_tokens, predicate=predicate_key(["be", participle]),
            subject=patient, object=None, pattern="verb_circumstance" if rest else "verb_only",
            time=time, place=place, **common,
        )


def _copula(clause: Clause, sent: Span) -> Iterator:
    """Copulas: "Kabul is the capital of Afghanistan" → be (Open IE), capital_of (graph)."""
    subjects = _subjects(clause)
    if not subjects:
        return
    attr = clause.attr
    verb_tokens = _verb_tokens(clause)
    common = dict(sentence_start=sent.start, subject_source=clause.subject_source, negated=clause.negated, modality=clause.modal)
    rest, time, place = _circumstances(clause)
    for subj in subjects:
        for target in conjuncts(attr):
            complement = argument(target, role="object")
            prep = next((c for c in target.children if c.dep_ == "prep"), None)
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
            if target.pos_ == "ADJ" and pobj is not None:
                # "is responsible for the attack": the adjective belongs to the relation
                obj = argument(pobj, role="object")
                yield make_relation(
                    arguments=[subj, obj, *rest], relation_tokens=[*verb_tokens, target, prep],
                    predicate=predicate_key(["be", target.lemma_, prep.lower_]), subject=subj, object=obj,
                    pattern="copula_prep", time=time, place=place, **common,
                )
                continue
            yield make_relation(
                arguments=[subj, complement, *rest], relation_tokens=verb_tokens, predicate="be",
                subject=subj, object=complement, pattern="copula", time=time, place=place, **common,
            )
            if target.pos_ in ("NOUN", "PROPN") and pobj is not None and target.ent_type_ == "":
                # graph view: "the capital of Afghanistan" → capital_of Afghanistan
                for obj_tok in conjuncts(pobj):
                    obj = argument(obj_tok, role="object")
                    yield make_relation(
                        arguments=[subj, obj], relation_tokens=[*verb_tokens, target, prep],
                        predicate=predicate_key([target.lemma_, prep.lower_]), subject=subj, object=obj,
                        pattern="copula_prep", **common,
                    )
