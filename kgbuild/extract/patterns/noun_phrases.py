"""Facts inside noun phrases, for Open IE output only (not graph edges).

- "the foundation in Berlin" → (the foundation; is in; Berlin)
- "symbols such as the Star of David" → (symbols; is such as; the Star of David)
- "a gaping loophole" → (a loophole; is; gaping)

Open IE benchmarks annotate these as "is"-tuples, but in a knowledge graph
"be_in" between a concept and a place, or "be gaping", would be noise: the
component runs these families only when asked for Open IE output
(``openie=True``), so ``doc._.relations`` of the graph pipeline never holds them.
They are weak evidence (a noun phrase's modifier is often not asserted as a
fact of its own), so their base confidences sit below every clause pattern.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kgbuild.extract.arguments import argument, conjuncts, text_of
from kgbuild.extract.relation import make_relation
from kgbuild.extract.types import Argument

#: Adjectives that do not describe their noun on their own ("the former mayor" is not "former";
#: "the other side", "the same day"): non-intersective or determiner-like.
NON_PREDICATIVE = frozenset(
    "former other such same own many few several certain various main only first last next previous "
    "mere entire whole total further late future alleged so-called particular given respective "
    "much more most less least".split()
)
#: Words that carry a list of examples after a noun: "X such as Y", "X, including Y", "X like Y".
EXAMPLE_PREPS = frozenset({"including", "like", "as"})


def _pobj(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def _without(head: Token, cut: Token, role: str) -> Argument:
    """The noun phrase of ``head`` with the subtree of one child left out."""
    return argument(head, role=role, without=cut)


def noun_prep_relations(sent: Span) -> Iterator:
    """ "the foundation in Berlin" → (the foundation; is in; Berlin), one relation per conjunct of the object.

    Parameters
    ----------
    sent : Span

    Returns
    -------
    Iterator of Relation

    Example
    -------
    >>> from kgbuild.parse.load import load_model
    >>> doc = load_model()("He visited the museum in Berlin.")
    >>> [(r.relation_text, r.arguments[0].text, r.arguments[1].text) for r in noun_prep_relations(next(doc.sents))]
    [('is in', 'the museum', 'Berlin')]
    """
    for noun in sent:
        if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ == "compound":
            continue
        for prep in noun.children:
            if prep.dep_ != "prep" or prep.i < noun.i:
                continue
            pobj = _pobj(prep)
            if pobj is None:
                continue
            words = [prep]
            such = next((c for c in prep.children if c.lower_ == "such" and c.i < prep.i), None)
            if prep.lower_ == "as" and such is None:
                continue  # "his role as mediator" is a role, read by other patterns
            if such is not None:
                words.insert(0, such)
            subject = _without(noun, prep, "subject")
            example = prep.lower_ in EXAMPLE_PREPS
            for target in conjuncts(pobj):
                obj = argument(target, role="object")
                yield make_relation(
                    arguments=[subject, obj], relation_tokens=words,
                    relation_text="is " + text_of(sent.doc, [w.i for w in words]),
                    predicate="be_" + "_".join(w.lower_ for w in words), subject=subject, object=obj,
                    pattern="noun_example" if example else "noun_prep", sentence_start=sent.start,
                )


def modifier_relations(sent: Span) -> Iterator:
    """ "a gaping loophole" → (a loophole; is; gaping): an adjective describing its noun.

    Example
    -------
    >>> from kgbuild.parse.load import load_model
    >>> doc = load_model()("They found a gaping loophole.")
    >>> [(r.arguments[0].text, r.arguments[1].text) for r in modifier_relations(next(doc.sents))]
    [('a loophole', 'gaping')]
    """
    doc = sent.doc
    for adj in sent:
        if adj.dep_ != "amod" or adj.pos_ not in ("ADJ", "VERB") or adj.i > adj.head.i:
            continue
        noun = adj.head
        if noun.pos_ not in ("NOUN", "PROPN") or adj.lower_ in NON_PREDICATIVE or adj.tag_ in ("JJS", "JJR"):
            continue
        if adj.ent_type_ in ("ORDINAL", "CARDINAL", "DATE", "MONEY", "PERCENT", "QUANTITY"):
            continue
        subject = _without(noun, adj, "subject")
        indices = sorted(t.i for t in adj.subtree if t.dep_ != "punct" or t.i not in (adj.left_edge.i, adj.right_edge.i))
        if not indices:
            continue
        description = Argument(head=adj.i, tokens=tuple(indices), text=text_of(doc, indices), role="object")
        yield make_relation(
            arguments=[subject, description], relation_tokens=[], relation_text="is", predicate="be",
            subject=subject, object=description, pattern="noun_modifier", sentence_start=sent.start,
        )
