"""Argument spans: which tokens of the parse make up an argument's text.

An argument is the subtree of its head, minus what belongs elsewhere:
relative and adverbial clauses (they are relations of their own), and, for
a conjunct, its sibling conjuncts (conjunctions split into separate
relations).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kgbuild.extract.types import Argument

#: Children whose subtrees are cut out of an argument: they hold relations of their own.
CUT_DEPS = frozenset({"relcl", "advcl", "appos", "parataxis"})
#: Children of the argument head cut when conjuncts are split.
CONJ_DEPS = frozenset({"cc", "conj", "preconj"})
EDGE_PUNCT = frozenset({",", ";", ":", "-", "--", "—", "–", "(", ")", "'", '"', "``", "''"})


def _collect(token: Token, out: list[int], cut: frozenset[str]) -> None:
    out.append(token.i)
    for child in token.children:
        if child.dep_ in cut:
            continue
        _collect(child, out, CUT_DEPS)


def _trim(doc, indices: list[int]) -> list[int]:
    while indices and (doc[indices[0]].text in EDGE_PUNCT or doc[indices[0]].dep_ in ("cc", "punct")):
        indices = indices[1:]
    while indices and (doc[indices[-1]].text in EDGE_PUNCT or doc[indices[-1]].dep_ in ("cc", "punct")):
        indices = indices[:-1]
    return indices


def argument(
    head: Token, role: str = "arg", split_conj: bool = True, keep_appos: bool = False, without: Token | None = None
) -> Argument:
    """The argument headed by ``head``.

    Parameters
    ----------
    head : Token
        The argument's head token.
    role : str
        subject, object, time, place, clause or arg.
    split_conj : bool
        Leave the head's conjuncts out ("the Taliban and the Haqqani network" → "the Taliban").
    keep_appos : bool
        Keep appositions in the span.
    without : Token, optional
        A child whose subtree is left out: the clause a relative-clause subject comes from.

    Returns
    -------
    Argument

    Example
    -------
    >>> import spacy
    >>> nlp = spacy.blank("en")  # doctest: +SKIP
    """
    cut = set(CUT_DEPS)
    if split_conj and not _conjuncts_inside_name(head):
        cut |= CONJ_DEPS
    if keep_appos:
        cut.discard("appos")
    if head.dep_ == "poss":
        cut.add("case")  # "Obama's" as an argument is "Obama"
    indices: list[int] = [head.i]
    for child in head.children:
        # Tokens are views made afresh on each access: compare positions, not identity
        if child.dep_ in cut or (without is not None and child.i == without.i):
            continue
        _collect(child, indices, CUT_DEPS if not keep_appos else CUT_DEPS - {"appos"})
    indices = _trim(head.doc, sorted(set(indices))) or [head.i]
    return Argument(head=head.i, tokens=tuple(indices), text=text_of(head.doc, indices), role=role)


def clause_argument(head: Token, role: str = "clause") -> Argument:
    """A whole clause (a ccomp or xcomp) as one argument, conjuncts included."""
    indices = [t.i for t in head.subtree]
    indices = _trim(head.doc, indices) or [head.i]
    # a leading complementiser ("that") reads better in the relation than in the argument
    return Argument(head=head.i, tokens=tuple(indices), text=text_of(head.doc, indices), role=role)


def prep_argument(prep: Token, pobj: Token, role: str = "arg", with_prep: bool = True) -> Argument:
    """A prepositional phrase as an argument, e.g. "in Islamabad"; the pobj's conjuncts split."""
    obj = argument(pobj, role=role)
    indices = ([prep.i] if with_prep else []) + list(obj.tokens)
    indices = sorted(set(indices))
    return Argument(head=pobj.i, tokens=tuple(indices), text=text_of(prep.doc, indices), role=role)


def conjuncts(token: Token) -> Iterator[Token]:
    """The token and its conjuncts ("X, Y and Z" → X, Y, Z); a name with "and" inside is one thing
    ("the London, Midland and Scottish Railway Company")."""
    yield token
    if not _conjuncts_inside_name(token):
        yield from token.conjuncts


def _conjuncts_inside_name(token: Token) -> bool:
    if not token.ent_type_:
        return False
    doc = token.doc
    for c in token.conjuncts:
        lo, hi = sorted((token.i, c.i))
        # one entity: every token after the first continues it (IOB "I")
        if all(doc[i].ent_iob_ == "I" for i in range(lo + 1, hi + 1)):
            return True
    return False


def text_of(doc, indices) -> str:
    """The text of the given tokens, spaced as in the document."""
    parts: list[str] = []
    previous = None
    for i in indices:
        tok = doc[i]
        if previous is not None:
            parts.append(" " if (previous + 1 != i or doc[previous].whitespace_) else "")
        parts.append(tok.text)
        previous = i
    return "".join(parts).strip()
