"""Roles and titles: appositions ("Jeremy Clarkson, the host of Top Gear") and
titles before names ("U.S. Secretary of State Hillary Clinton").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from kgbuild.extract.relation import make_relation, predicate_key
from kgbuild.extract.spans import argument, text_of
from kgbuild.tokens import IOB_BEGIN, IOB_INSIDE, ids, table_of
from kgbuild.extract.types import Argument
from kgbuild.names import HONORIFICS

NAME_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"})
EMPLOYER_ENTS = frozenset({"ORG", "GPE", "NORP"})
_APPOS, _POSS = ids("appos"), ids("poss")


def apposition_relations(sent: Span) -> Iterator:
    """ "X, the host of Y" → X be "the host of Y" (Open IE) and X host_of Y (graph).

    Parameters
    ----------
    sent : Span

    Returns
    -------
    Iterator of Relation

    Example
    -------
    >>> from kgbuild.parse import load_model
    >>> doc = load_model()("Jeremy Clarkson, the host of Top Gear, was suspended.")
    >>> [(r.subject.text, r.predicate, r.object.text) for r in apposition_relations(next(doc.sents))][-1]
    ('Jeremy Clarkson', 'host_of', 'Top Gear')
    """
    doc = sent.doc
    table = table_of(doc)
    for i in table.where(sent, table.dep, _APPOS):
        token = doc[i]
        head = token.head
        if head.pos_ not in ("NOUN", "PROPN") or token.pos_ not in ("NOUN", "PROPN"):
            continue
        subject = argument(head, role="subject")
        description = argument(token, role="object")
        # "the doctor, Erasistratus": Open IE states it of the name (Erasistratus is the doctor)
        names_head = head.pos_ == "NOUN" and not head.ent_type_ and (token.pos_ == "PROPN" or token.ent_type_)
        yield make_relation(
            arguments=[description, subject] if names_head else [subject, description],
            relation_tokens=[], relation_text="is", predicate="be",
            subject=subject, object=description, pattern="apposition", sentence_start=sent.start,
        )
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "at", "for")), None)
        target = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if target is not None and not token.ent_type_:
            obj = argument(target, role="object")
            yield make_relation(
                arguments=[subject, obj], relation_tokens=[token, of], relation_text=f"is {token.text} {of.text}",
                predicate=predicate_key([token.lemma_, of.lower_]), subject=subject, object=obj,
                pattern="apposition_prep", sentence_start=sent.start,
            )


def _entities_in(sent: Span) -> Iterator[Span]:
    """The entities inside ``sent``, read off its tokens (``Span.ents`` builds every entity of the doc each time)."""
    doc, i = sent.doc, sent.start
    iob, ent = table_of(doc).iob, table_of(doc).ent_type
    while i < sent.end:
        start = i
        i += 1
        if iob[start] != IOB_BEGIN:
            continue
        while i < len(iob) and iob[i] == IOB_INSIDE:
            i += 1
        if i <= sent.end:
            yield Span(doc, start, i, label=ent[start])


def title_relations(sent: Span) -> Iterator:
    """ "U.S. Secretary of State Hillary Clinton" → Clinton hold_position "Secretary of State",
    Clinton work_for U.S.; Open IE: (Hillary Clinton, is, U.S. Secretary of State).
    """
    ents = list(_entities_in(sent))
    for ent in ents:
        if ent.label_ != "PERSON":
            continue
        root = ent.root
        title_heads = [c for c in root.children if c.dep_ in ("compound", "nmod", "amod") and c.i < ent.start]
        if not title_heads:
            continue
        indices = sorted({t.i for c in title_heads for t in c.subtree if t.i < ent.start})
        if not indices or not any(sent.doc[i].pos_ in ("NOUN", "PROPN") for i in indices):
            continue
        doc = sent.doc
        if all(doc[i].lower_.rstrip(".") in HONORIFICS or doc[i].is_punct for i in indices):
            continue  # "Mr Brown": an honorific, not a position
        person = Argument(head=root.i, tokens=tuple(range(ent.start, ent.end)), text=ent.text, role="subject")
        title_text = text_of(doc, indices)
        title = Argument(head=title_heads[-1].i, tokens=tuple(indices), text=title_text, role="object")
        yield make_relation(
            arguments=[person, title], relation_tokens=[], relation_text="is", predicate="hold_position",
            subject=person, object=title, pattern="title", sentence_start=sent.start,
        )
        # the employer named inside the title: "U.S.", "State Department", "CNN"
        for other in ents:
            if other.label_ in EMPLOYER_ENTS and other.start >= indices[0] and other.end <= ent.start and doc[other.start - 1].lower_ != "of":
                employer = Argument(head=other.root.i, tokens=tuple(range(other.start, other.end)), text=other.text, role="object")
                position = [i for i in indices if not other.start <= i < other.end and doc[i].pos_ != "DET"]
                if not position:
                    continue
                yield make_relation(
                    arguments=[person, employer], relation_tokens=[], relation_text=f"is {text_of(doc, position)} of",
                    predicate="work_for", subject=person, object=employer, pattern="title", sentence_start=sent.start,
                )


def possessive_relations(sent: Span) -> Iterator:
    """ "King's grandmother", "the RSNO's base" → (King, has, grandmother).

    Possessive pronouns are left out: whose they are is coreference's job, not a relation.

    Example
    -------
    >>> from kgbuild.parse import load_model
    >>> doc = load_model()("Pakistan's highest court freed him.")
    >>> [(r.subject.text, r.predicate, r.object.text) for r in possessive_relations(next(doc.sents))]
    [('Pakistan', 'have', 'highest court')]
    """
    doc = sent.doc
    table = table_of(doc)
    for i in table.where(sent, table.dep, _POSS):
        token = doc[i]
        if token.pos_ == "PRON" or token.head.pos_ not in ("NOUN", "PROPN"):
            continue
        owner = argument(token, role="subject")
        head = token.head
        kept = [t.i for t in head.subtree if t.i >= head.i or (t.i > max(s.i for s in token.subtree) and t.dep_ != "det")]
        kept = [i for i in kept if i not in {t.i for t in head.subtree if t.dep_ in ("relcl", "acl", "appos")} and
                not any(sent.doc[i] in a.subtree for a in head.children if a.dep_ in ("relcl", "acl", "appos", "conj", "cc", "prep"))]
        if not kept:
            continue
        owned = Argument(head=head.i, tokens=tuple(sorted(kept)), text=text_of(sent.doc, sorted(kept)), role="object")
        yield make_relation(
            arguments=[owner, owned], relation_tokens=[], relation_text="has", predicate="have",
            subject=owner, object=owned, pattern="possessive", sentence_start=sent.start,
        )
