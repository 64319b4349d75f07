"""Argument spans: which tokens of the parse make up an argument's text.

An argument is the subtree of its head, minus what belongs elsewhere:
relative and adverbial clauses (they are relations of their own), and, for
a conjunct, its sibling conjuncts (conjunctions split into separate
relations).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.strings import get_string_id
from spacy.tokens import Token

from kgbuild.extract.types import Argument
from kgbuild.parse.tokens import IOB_INSIDE, TokenTable, ids, table_of

#: Children whose subtrees are cut out of an argument: they hold relations of their own.
CUT_DEPS = frozenset({"relcl", "advcl", "appos", "parataxis"})
#: Children of the argument head cut when conjuncts are split.
CONJ_DEPS = frozenset({"cc", "conj", "preconj"})
EDGE_PUNCT = frozenset({",", ";", ":", "-", "--", "—", "–", "(", ")", "'", '"', "``", "''"})
_CUT_IDS = ids(*CUT_DEPS)
_CUT_IDS_APPOS_KEPT = ids(*(CUT_DEPS - {"appos"}))
_CONJ_IDS = ids(*CONJ_DEPS)
_APPOS, _POSS, _CASE, _CONJ = ids("appos"), get_string_id("poss"), get_string_id("case"), get_string_id("conj")
_EDGE_IDS = ids(*EDGE_PUNCT)
#: Prepositions whose object is the coordination as a whole: "a link between X and Y" is not a link
#: between X and one between Y.
COLLECTIVE_PREPOSITIONS = frozenset({"between", "among", "amongst"})
_COLLECTIVE_IDS = ids(*COLLECTIVE_PREPOSITIONS)
_EDGE_DEPS = ids("cc", "punct")
#: What ``argument`` cuts from its head's children, by (conjuncts split, appositions kept, a possessive head):
#: a possessive ("Obama's") is the argument without its "'s".
_HEAD_CUTS = {
    (split, appos, poss): frozenset(
        (_CUT_IDS | (_CONJ_IDS if split else frozenset()) | ({_CASE} if poss else frozenset()))
        - (_APPOS if appos else frozenset())
    )
    for split in (False, True) for appos in (False, True) for poss in (False, True)
}


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
    skip = without.i if without is not None else -1
    return argument_of(table_of(head.doc), head.i, role, split_conj, keep_appos, skip)


def argument_of(
    table: TokenTable, head: int, role: str = "arg", split_conj: bool = True, keep_appos: bool = False,
    without: int = -1,
) -> Argument:
    """``argument`` for the token at index ``head`` of ``table``'s Doc (``without``: an index, -1 for none)."""
    indices = argument_tokens(table, head, split_conj, keep_appos, without)
    return Argument(head=head, tokens=tuple(indices), text=text_at(table, indices), role=role)


def text_at(table: TokenTable, indices: Sequence[int]) -> str:
    """``table.text_of(indices)`` for sorted, distinct ``indices``: a run without gaps (nearly every
    argument) is cut from the text at once."""
    first, last = indices[0], indices[-1]
    if last - first + 1 == len(indices):  # as table.span_text(first, last + 1)
        return table.doc_text[table.idx[first]:table.idx[last] + table.length[last]].strip()
    return table.text_of(indices)


def argument_tokens(
    table: TokenTable, head: int, split_conj: bool = True, keep_appos: bool = False, without: int = -1
) -> list[int]:
    """The indices of ``argument_of``'s tokens, in order (never empty: at least ``head``)."""
    dep, children = table.dep, table.children
    if not children(head):  # a single word, most often: nothing to cut or trim
        return [head]
    split = split_conj and not (table.ent_type[head] and _conjuncts_inside_name(table, head, coordinated(table, head)))
    split = split and not _collective(table, head)
    cut = _HEAD_CUTS[split, keep_appos, dep[head] == _POSS]
    inner = _CUT_IDS_APPOS_KEPT if keep_appos else _CUT_IDS
    indices = [head]
    # the head's children are cut by ``cut``, theirs by ``inner``, all below by ``_CUT_IDS``
    level = [c for c in children(head) if dep[c] not in cut and c != without]
    indices += level
    level = [g for c in level for g in children(c) if dep[g] not in inner]
    indices += level
    while level:
        j = level.pop()
        for c in children(j):
            if dep[c] not in _CUT_IDS:
                indices.append(c)
                level.append(c)
    indices.sort()
    return _trim(table, indices) or [head]


def clause_argument(table: TokenTable, head: int, role: str = "clause") -> Argument:
    """A whole clause (a ccomp or xcomp, headed by token ``head``) as one argument, conjuncts included."""
    indices = _trim(table, table.subtree(head)) or [head]
    return Argument(head=head, tokens=tuple(indices), text=text_at(table, indices), role=role)


def prep_argument(table: TokenTable, prep: int, pobj: int, role: str = "arg", with_prep: bool = True) -> Argument:
    """A prepositional phrase as an argument, e.g. "in Islamabad"; the pobj's conjuncts split."""
    indices = argument_tokens(table, pobj)
    if with_prep and prep not in indices:
        indices = sorted([prep, *indices])
    return Argument(head=pobj, tokens=tuple(indices), text=text_at(table, indices), role=role)


def conjuncts(token: Token) -> Iterator[Token]:
    """The token and its conjuncts ("X, Y and Z" → X, Y, Z); a name with "and" inside is one thing
    ("the London, Midland and Scottish Railway Company")."""
    doc = token.doc
    for i in conjuncts_of(table_of(doc), token.i):
        yield doc[i]


def conjuncts_of(table: TokenTable, i: int) -> list[int]:
    """``conjuncts`` by index: token ``i`` first, then its conjuncts unless they are inside a name."""
    others = coordinated(table, i)
    if not others or _conjuncts_inside_name(table, i, others) or _collective(table, i):
        return [i]
    return [i, *others]


def _collective(table: TokenTable, i: int) -> bool:
    """Whether token ``i`` is (a conjunct of) the object of "between" or "among"."""
    head = table.head
    while head[i] != i and table.dep[i] == _CONJ:
        i = head[i]
    return head[i] != i and table.lower[head[i]] in _COLLECTIVE_IDS


def coordinated(table: TokenTable, i: int) -> list[int]:
    """Indices of ``doc[i].conjuncts`` (token ``i`` left out), in spaCy's order: from the first conjunct,
    each one's "conj" children to its right, breadth first."""
    dep, head = table.dep, table.head
    if dep[i] != _CONJ and _CONJ not in map(dep.__getitem__, table.children(i)):
        return []  # neither a conjunct nor coordinated with one: most words
    start = i
    while head[start] != start and dep[start] == _CONJ:
        start = head[start]
    found = [start]
    for word in found:  # grows as it is read: a queue
        found += [c for c in table.children(word) if c > word and dep[c] == _CONJ]
    return [w for w in found if w != i] if len(found) > 1 else []


def _conjuncts_inside_name(table: TokenTable, i: int, others: list[int]) -> bool:
    if not others or not table.ent_type[i]:
        return False
    iob = table.iob
    for c in others:
        lo, hi = (i, c) if i < c else (c, i)
        # one entity: every token after the first continues it (IOB "I")
        if all(iob[k] == IOB_INSIDE for k in range(lo + 1, hi + 1)):
            return True
    return False


def text_of(doc, indices) -> str:
    """The text of the given tokens, spaced as in the document (a gap is one space)."""
    return table_of(doc).text_of(indices)
