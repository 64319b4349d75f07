"""Roles and titles: appositions ("Jeremy Clarkson, the host of Top Gear") and
titles before names ("U.S. Secretary of State Hillary Clinton").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.strings import get_string_id
from spacy.symbols import DET, NOUN, NUM, PRON, PROPN
from spacy.tokens import Span

from kgbuild.extract.arguments import argument
from kgbuild.extract.relation import make_relation, predicate_key
from kgbuild.extract.types import Argument
from kgbuild.lexicon import HONORIFICS, MINISTRY_FIELDS, TITLE_HEADS, party_names
from kgbuild.parse.tokens import ids, table_of

NAME_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"})
EMPLOYER_ENTS = frozenset({"ORG", "GPE", "NORP"})
_APPOS, _POSS = ids("appos"), ids("poss")
_CONJ = get_string_id("conj")
_PERSON, _OF, _DET = get_string_id("PERSON"), get_string_id("of"), get_string_id("det")
_EMPLOYER_IDS = ids(*EMPLOYER_ENTS)
_TITLE_DEPS = ids("compound", "nmod", "amod")
_NOUNS = frozenset({NOUN, PROPN})
_PLURAL_TAGS = ids("NNS", "NNPS")
#: Entities that are never part of a position: "26 November singer", "One witness".
_NOT_IN_TITLES = ids("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY")
#: Words of a title that NER sometimes takes into an organisation's name ("New York Attorney").
_TITLE_NOUNS = frozenset({"attorney", "general", "secretary", "minister", "president", "governor", "mayor", "chief",
                          "commissioner", "director", "chairman", "spokesman", "ambassador", "senator"})
#: What a possessive's noun phrase leaves out: clause and apposition words, and the whole subtree of
#: those (and of conjuncts and prepositional phrases) hanging from its head.
_CLAUSE_DEPS = ids("relcl", "acl", "appos")
_ATTACHED_DEPS = ids("relcl", "acl", "appos", "conj", "cc", "prep")


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
    >>> from kgbuild.parse.load import load_model
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
        if any(c.dep_ in ("conj", "cc") for c in token.children) and (
                token.lemma_ == head.lemma_ or (token.pos_ == "PROPN" and head.pos_ == "PROPN")):
            continue  # "X debt, Y debt and Z stock", "Obama, Putin and Merkel": a list the parser took for
            # appositions; "Watanabe, a faction member and deputy secretary general" is one
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
        owner = next((c for c in token.children if c.dep_ == "poss" and c.pos_ == "PROPN" and c.ent_type_), None)
        if owner is not None and target is None and not token.ent_type_ and token.pos_ == "NOUN":
            # "Asif Zardari, Benazir Bhutto's husband" says what "Asif Zardari, the husband of Benazir Bhutto" says
            obj = argument(owner, role="object")
            yield make_relation(
                arguments=[subject, obj], relation_tokens=[token], relation_text=f"is {token.text} of",
                predicate=predicate_key([token.lemma_, "of"]), subject=subject, object=obj,
                pattern="apposition_prep", sentence_start=sent.start,
            )
        if target is not None and not token.ent_type_:
            obj = argument(target, role="object")
            yield make_relation(
                arguments=[subject, obj], relation_tokens=[token, of], relation_text=f"is {token.text} {of.text}",
                predicate=predicate_key([token.lemma_, of.lower_]), subject=subject, object=obj,
                pattern="apposition_prep", sentence_start=sent.start,
            )


def _is_position(table, head: int, indices: list[int], name_words: int, names: int = 1) -> bool:
    """Whether the words before a name are a position it holds: a singular role noun ("supremo", "Air Force
    veteran", "President"), not a plural ("Families"), a headline word in capitals ("VIDEO"), a number or
    date ("One witness", "26 November singer"), or a capitalised word before a one-word name, which is
    more often the rest of the name than a title ("Postman Pat"). A plural is the title of ``names`` > 1
    conjoined names ("Justices Sonia Sotomayor and Elena Kagan")."""
    word = table.lower_[head].rstrip(".")
    if word in TITLE_HEADS:
        return True
    if (table.tag[head] in _PLURAL_TAGS and names == 1) or any(table.ent_type[i] in _NOT_IN_TITLES for i in indices):
        return False
    if any(table.pos[i] == NUM and not table.ent_type[i] for i in indices):
        return False
    text = table.text[head]
    if len(text) > 3 and text.isupper():
        return False
    return not (table.pos[head] == PROPN and name_words == 1)


def title_relations(sent: Span) -> Iterator:
    """ "U.S. Secretary of State Hillary Clinton" → Clinton hold_position "Secretary of State",
    Clinton work_for U.S.; Open IE: (Hillary Clinton, is, U.S. Secretary of State).
    """
    table = table_of(sent.doc)
    dep, pos, lower = table.dep, table.pos, table.lower
    ents = table.entities(sent.start, sent.end)
    for start, end, label in ents:
        if label != _PERSON:
            continue
        root = table.root(start, end)
        if not any(ch.isdigit() or ch == "," for ch in table.span_text(start, end)):
            person = Argument(head=root, tokens=tuple(range(start, end)), text=table.span_text(start, end), role="subject")
            yield from _office_of(table, sent, start, person)
        title_heads = [c for c in table.children(root) if dep[c] in _TITLE_DEPS and c < start]
        if not title_heads:
            continue
        indices = sorted({t for c in title_heads for t in table.subtree(c) if t < start})
        if not indices or not any(pos[i] in _NOUNS for i in indices):
            continue
        if all(table.lower_[i].rstrip(".") in HONORIFICS or table.is_punct[i] for i in indices):
            continue  # "Mr Brown": an honorific, not a position
        if any(ch.isdigit() or ch == "," for ch in table.span_text(start, end)):
            continue  # "Natalie Appleton,31": NER took in what follows the name
        names = 1 + sum(1 for c in table.children(root) if dep[c] == _CONJ and table.ent_type[c] == _PERSON)
        if not _is_position(table, title_heads[-1], indices, end - start, names):
            continue
        person = Argument(head=root, tokens=tuple(range(start, end)), text=table.span_text(start, end), role="subject")
        title = Argument(head=title_heads[-1], tokens=tuple(indices), text=table.text_of(indices), role="object")
        yield make_relation(
            arguments=[person, title], relation_tokens=[], relation_text="is", predicate="hold_position",
            subject=person, object=title, pattern="title", sentence_start=sent.start,
        )
        # the employer named inside the title: "U.S.", "State Department", "CNN"
        for other_start, other_end, other_label in ents:
            if (other_label in _EMPLOYER_IDS and other_start >= indices[0] and other_end <= start
                    and lower[other_start - 1] != _OF
                    # "Real Sociedad manager": NER cut the name short, and a cut name is no employer;
                    # "New York Attorney General": nor is a name that took in the title's words
                    and not (other_start > indices[0] and pos[other_start - 1] == PROPN)
                    and table.lower_[other_end - 1] not in _TITLE_NOUNS
                    # "Education Secretary Ruth Kelly": a ministry's field, not its name
                    and not (other_end - other_start == 1 and table.lower_[other_start] in MINISTRY_FIELDS)
                    # "Marc-Andre ter Stegen": a name right before the person is the rest of the name;
                    # "Archbishop Sentamu": a title starts a person's name, not an employer's
                    and other_end < start and table.lower_[other_start].rstrip(".") not in TITLE_HEADS):
                employer = Argument(head=table.root(other_start, other_end), tokens=tuple(range(other_start, other_end)),
                                    text=table.span_text(other_start, other_end), role="object")
                position = [i for i in indices if not other_start <= i < other_end and pos[i] != DET]
                if not position:
                    continue
                yield make_relation(
                    arguments=[person, employer], relation_tokens=[], relation_text=f"is {table.text_of(position)} of",
                    predicate="work_for", subject=person, object=employer, pattern="title", sentence_start=sent.start,
                )
        party = _party_words(table, indices, ents)
        if party:
            position = [i for i in indices if i not in party and pos[i] != DET]
            if position:
                organisation = Argument(head=party[-1], tokens=party, text=table.text_of(party), role="object")
                yield make_relation(
                    arguments=[person, organisation], relation_tokens=[], relation_text=f"is {table.text_of(position)} of",
                    predicate="work_for", subject=person, object=organisation, pattern="title", sentence_start=sent.start,
                )


#: Offices written "<office> of <place or body>" before the holder's name. Ranks of nobility ("Prince of
#: Wales", "Duke of York") are left out: they name a title, not an office held in that place.
OFFICE_WORDS = (TITLE_HEADS | frozenset({"archbishop", "bishop", "chancellor", "head", "commissioner", "dean",
                                         "provost", "rector", "mayor", "governor", "chairman", "director"})) \
    - frozenset({"mr.", "mrs.", "ms.", "dr.", "prince", "princess", "prime", "leader"})
#: Words before an office that change what it says: "former" (no longer), "deputy" (not the head).
_OFFICE_MODIFIERS = frozenset({"former", "ex", "late", "then", "outgoing", "acting", "interim", "deputy", "vice",
                               "assistant", "prime"})
_NAMES = ids(*(NAME_ENTS - {"PERSON"}))


def _office_of(table, sent: Span, start: int, person: Argument) -> Iterator:
    """ "Mayor of London Boris Johnson", "former Archbishop of Canterbury George Carey", "Governor of the Bank
    of England Mark Carney": the office's place or body, named between "of" and the name, is what the
    person's office is of, as in the apposition "Boris Johnson, the Mayor of London" (``mayor_of``).
    The parse of such stacks varies, so this reads the surface: a name (of NER's) right before the person,
    "of" (and "the") before it, an office word before that. A ministry's field is no body ("Secretary of
    State John Kerry")."""
    lower, body_start = table.lower_, start
    while body_start > sent.start and table.pos[body_start - 1] == PROPN and table.ent_type[body_start - 1] in _NAMES \
            and lower[body_start - 1] not in OFFICE_WORDS:
        body_start -= 1
    if body_start == start or start - body_start > 5 or lower[body_start] in MINISTRY_FIELDS:
        return
    of = body_start - 1 - (lower[body_start - 1] == "the")
    office = of - 1
    if office < sent.start or lower[of] != "of" or lower[office].rstrip(".") not in OFFICE_WORDS:
        return
    first = office
    while first > sent.start and lower[first - 1].rstrip("-") in _OFFICE_MODIFIERS:
        first -= 1
    body = Argument(head=table.root(body_start, start), tokens=tuple(range(body_start, start)),
                    text=table.span_text(body_start, start), role="object")
    words = [table.text[i] for i in range(first, office + 1)]
    key = [w.lower() for w in words if w.lower() == "prime"] + [lower[office].rstrip("."), "of"]
    yield make_relation(
        arguments=[person, body], relation_tokens=[sent.doc[i] for i in range(first, of + 1)],
        relation_text=f"is {' '.join(words)} of", predicate=predicate_key(key), subject=person, object=body,
        pattern="title", sentence_start=sent.start,
    )


def _party_words(table, indices: list[int], ents) -> tuple[int, ...]:
    """The words of a political party that open a title ("Labour MP", "Lib Dem leader"), when NER did not
    tag them an organisation, a place or a group (then the employer rule reads them already)."""
    names = party_names()
    for width in (2, 1):
        words = tuple(indices[:width])
        if len(words) == width and words == tuple(range(words[0], words[0] + width)) \
                and table.text_of(list(words)).lower() in names:
            if any(label in _EMPLOYER_IDS and start <= words[0] < end for start, end, label in ents):
                return ()
            return words
    return ()


def possessive_relations(sent: Span) -> Iterator:
    """ "King's grandmother", "the RSNO's base" → (King, has, grandmother).

    Possessive pronouns are left out: whose they are is coreference's job, not a relation.

    Example
    -------
    >>> from kgbuild.parse.load import load_model
    >>> doc = load_model()("Pakistan's highest court freed him.")
    >>> [(r.subject.text, r.predicate, r.object.text) for r in possessive_relations(next(doc.sents))]
    [('Pakistan', 'have', 'highest court')]
    """
    doc = sent.doc
    table = table_of(doc)
    dep, pos = table.dep, table.pos
    for i in table.where(sent, dep, _POSS):
        head = table.head[i]
        if pos[i] == PRON or pos[head] not in _NOUNS:
            continue
        owner = argument(doc[i], role="subject")
        owner_end = table.subtree_bounds(i)[1]
        phrase = table.subtree(head)
        # left out: clauses and appositions (the words, and the whole subtree when they hang from the head)
        cut = {j for j in phrase if dep[j] in _CLAUSE_DEPS}
        for child in table.children(head):
            if dep[child] in _ATTACHED_DEPS:
                cut.update(table.subtree(child))
        kept = [j for j in phrase if (j >= head or (j > owner_end and dep[j] != _DET)) and j not in cut]
        if not kept:
            continue
        owned = Argument(head=head, tokens=tuple(kept), text=table.text_of(kept), role="object")
        yield make_relation(
            arguments=[owner, owned], relation_tokens=[], relation_text="has", predicate="have",
            subject=owner, object=owned, pattern="possessive", sentence_start=sent.start,
        )
