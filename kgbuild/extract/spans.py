"""Argument spans: which tokens of the parse make up an argument's text.

An argument is the subtree of its head, minus what belongs elsewhere:
relative and adverbial clauses (they are relations of their own), and, for
a conjunct, its sibling conjuncts (conjunctions split into separate
relations).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.strings import get_string_id
from spacy.tokens import Token

from kgbuild.tokens import IOB_INSIDE, TokenTable, ids, table_of
from kgbuild.extract.types import Argument

#: Children whose subtrees are cut out of an argument: they hold relations of their own.
CUT_DEPS = frozenset({"relcl", "advcl", "appos", "parataxis"})
#: Children of the argument head cut when conjuncts are split.
CONJ_DEPS = frozenset({"cc", "conj", "preconj"})
EDGE_PUNCT = frozenset({",", ";", ":", "-", "--", "—", "–", "(", ")", "'", '"', "``", "''"})
_CUT_IDS = ids(*CUT_DEPS)
_CUT_IDS_APPOS_KEPT = ids(*(CUT_DEPS - {"appos"}))
_CONJ_IDS = ids(*CONJ_DEPS)
_APPOS, _POSS, _CASE = ids("appos"), get_string_id("poss"), get_string_id("case")
_EDGE_IDS = ids(*EDGE_PUNCT)
_EDGE_DEPS = ids("cc", "punct")


def _collect(table: TokenTable, i: int, out: list[int], cut: frozenset[int]) -> None:
    out.append(i)
    dep = table.dep
    for child in table.children(i):
        if dep[child] not in cut:
            _collect(table, child, out, _CUT_IDS)


def _trim(table: TokenTable, indices: list[int]) -> list[int]:
    """Drop punctuation and conjunctions from both ends."""
    orth, dep = table.orth, table.dep
    lo, hi = 0, len(indices)
    while lo < hi and (orth[indices[lo]] in _EDGE_IDS or dep[indices[lo]] in _EDGE_DEPS):
        lo += 1
    while lo < hi and (orth[indices[hi - 1]] in _EDGE_IDS or dep[indices[hi - 1]] in _EDGE_DEPS):
        hi -= 1
    return indices[lo:hi]


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
    table = table_of(head.doc)
    cut = set(_CUT_IDS)
    if split_conj and not _conjuncts_inside_name(head):
        cut |= _CONJ_IDS
    if keep_appos:
        cut -= _APPOS
    if table.dep[head.i] == _POSS:
        cut.add(_CASE)  # "Obama's" as an argument is "Obama"
    inner = _CUT_IDS if not keep_appos else _CUT_IDS_APPOS_KEPT
    skip = without.i if without is not None else -1
    indices: list[int] = [head.i]
    for child in table.children(head.i):
        if table.dep[child] in cut or child == skip:
            continue
        _collect(table, child, indices, inner)
    indices = _trim(table, sorted(set(indices))) or [head.i]
    return Argument(head=head.i, tokens=tuple(indices), text=table.text_of(indices), role=role)


def clause_argument(head: Token, role: str = "clause") -> Argument:
    """A whole clause (a ccomp or xcomp) as one argument, conjuncts included."""
    table = table_of(head.doc)
    indices = _trim(table, table.subtree(head.i)) or [head.i]
    # a leading complementiser ("that") reads better in the relation than in the argument
    return Argument(head=head.i, tokens=tuple(indices), text=table.text_of(indices), role=role)


def prep_argument(prep: Token, pobj: Token, role: str = "arg", with_prep: bool = True) -> Argument:
    """A prepositional phrase as an argument, e.g. "in Islamabad"; the pobj's conjuncts split."""
    obj = argument(pobj, role=role)
    indices = ([prep.i] if with_prep else []) + list(obj.tokens)
    indices = sorted(set(indices))
    return Argument(head=pobj.i, tokens=tuple(indices), text=table_of(prep.doc).text_of(indices), role=role)


def conjuncts(token: Token) -> Iterator[Token]:
    """The token and its conjuncts ("X, Y and Z" → X, Y, Z); a name with "and" inside is one thing
    ("the London, Midland and Scottish Railway Company")."""
    yield token
    if not _conjuncts_inside_name(token):
        yield from token.conjuncts


def _conjuncts_inside_name(token: Token) -> bool:
    if not token.ent_type:
        return False
    iob = table_of(token.doc).iob
    for c in token.conjuncts:
        lo, hi = sorted((token.i, c.i))
        # one entity: every token after the first continues it (IOB "I")
        if all(iob[i] == IOB_INSIDE for i in range(lo + 1, hi + 1)):
            return True
    return False


def text_of(doc, indices) -> str:
    """The text of the given tokens, spaced as in the document (a gap is one space)."""
    return table_of(doc).text_of(indices)
