"""Token attributes of one Doc as plain Python lists, for the resolution rules.

``doc[i]`` makes a new ``Token`` object at every call (about a microsecond
each, more than reading the attribute), and ``token.pos_`` looks up a string
each time; the rules of ``kgbuild.resolve`` read the same few attributes of the
same tokens many times over. A ``TokenTable`` reads each attribute of all
tokens at once with ``Doc.to_array``, when a rule first asks for it, and
answers from a list.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property

import numpy as np
from spacy.attrs import (DEP, ENT_TYPE, HEAD, IDX, IS_PUNCT, IS_SPACE, LEMMA, LIKE_NUM, LOWER, ORTH, POS, SENT_START,
                         SPACY, TAG)
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc

#: Attribute → {hash: string} of every value seen. A hash names the same string in every StringStore, so one
#: memo serves all Docs; one per attribute keeps the small ones (TAG, DEP...) small, and their look-ups fast.
_STRINGS: dict[int, dict[int, str]] = {}
#: Bound per attribute: the memo is only a cache, emptied when full, so a long build's memory does not grow
#: with its vocabulary (50,000 words: a few MB; the words of one article are found again at once).
_MAX_STRINGS = 50_000
#: ``Token.is_sent_start`` for SENT_START values 0, 1 and -1 (the last item), by position.
_SENT_START = np.array([None, True, False], dtype=object)
_NO_CHILDREN: tuple[int, ...] = ()


class TokenTable:
    """Per-token attribute lists of ``doc``: ``table.pos[i] == doc[i].pos_``, and so on.

    Parameters
    ----------
    doc : Doc
        A parsed Doc; the table reflects it as it is now (build it after the parse).
    """

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.n = len(doc)
        self._arrays: dict[int, np.ndarray] = {}

    def array(self, attr: int) -> np.ndarray:
        """``doc.to_array(attr)`` (hashes, flags or numbers, as uint64), read once."""
        found = self._arrays.get(attr)
        if found is None:
            found = self._arrays[attr] = self.doc.to_array(attr)
        return found

    def _ints(self, attr: int) -> list[int]:
        return self.array(attr).tolist()

    def _flags(self, attr: int) -> list[bool]:
        return self.array(attr).astype(bool).tolist()

    def _strings(self, attr: int) -> list[str]:
        """The string of each token's ``attr`` (a hash), looked up in the StringStore once per distinct hash."""
        memo = _STRINGS.setdefault(attr, {})
        if len(memo) > _MAX_STRINGS:
            memo.clear()
        hashes = self._ints(attr)
        values = list(map(memo.get, hashes))
        if None in values:  # words not seen before: look them up
            strings = self.doc.vocab.strings
            for i in [i for i, value in enumerate(values) if value is None]:
                value = memo.get(hashes[i])
                if value is None:
                    value = memo[hashes[i]] = strings[hashes[i]]
                values[i] = value
        return values

    # one list per attribute, each read on first use: not every document needs every attribute

    @cached_property
    def text(self) -> list[str]:
        return self._strings(ORTH)

    @cached_property
    def space(self) -> list[bool]:
        """Whether a space follows the token (``bool(token.whitespace_)``)."""
        return self._flags(SPACY)

    @cached_property
    def text_with_ws(self) -> list[str]:
        return [t + " " if space else t for t, space in zip(self.text, self.space)]

    @cached_property
    def lower(self) -> list[str]:
        return self._strings(LOWER)

    @cached_property
    def pos(self) -> list[str]:
        return [POS_NAMES[p] for p in self._ints(POS)]

    @cached_property
    def tag(self) -> list[str]:
        return self._strings(TAG)

    @cached_property
    def dep(self) -> list[str]:
        return self._strings(DEP)

    @cached_property
    def lemma(self) -> list[str]:
        return self._strings(LEMMA)

    @cached_property
    def ent_type(self) -> list[str]:
        return self._strings(ENT_TYPE)

    @cached_property
    def is_punct(self) -> list[bool]:
        return self._flags(IS_PUNCT)

    @cached_property
    def is_space(self) -> list[bool]:
        return self._flags(IS_SPACE)

    @cached_property
    def like_num(self) -> list[bool]:
        return self._flags(LIKE_NUM)

    @cached_property
    def is_sent_start(self) -> list[bool | None]:
        """``Token.is_sent_start``: True, False, or None when unknown."""
        values = self.doc.to_array(SENT_START).astype(np.int64)  # -1 is stored unsigned
        return _SENT_START[values].tolist()

    @cached_property
    def idx(self) -> list[int]:
        return self._ints(IDX)

    @cached_property
    def head(self) -> list[int]:
        """Index of each token's syntactic head (the token itself for a root)."""
        relative = self.doc.to_array(HEAD).astype(np.int64)  # offsets, stored unsigned
        return (relative + np.arange(self.n, dtype=np.int64)).tolist()

    @cached_property
    def _text(self) -> str:
        return "".join(self.text_with_ws)  # what doc.text is, without its walk over new Tokens

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """Token start and end of each sentence: ``[(s.start, s.end) for s in doc.sents]``, without the Spans."""
        doc = self.doc
        if "sents" in doc.user_hooks or not doc.has_annotation("SENT_START"):
            return [(s.start, s.end) for s in doc.sents]  # spaCy's own answer (or its error)
        if self.n == 0:
            return []
        starts = (np.flatnonzero(self.array(SENT_START)[1:] == 1) + 1).tolist()  # as doc.sents: sent_start 1
        bounds = [0, *starts, self.n]
        return list(zip(bounds[:-1], bounds[1:]))

    def root(self, start: int, end: int) -> int:
        """``doc[start:end].root.i``: the token nearest the root of the parse (the first of equals)."""
        head = self.head
        for i in range(start, end):
            if head[i] == i:
                return i
        best, root = self.n, -1
        for i in range(start, end):
            if not start <= head[i] < end:
                words = self._words_to_root(i)
                if words < best:
                    best, root = words, i
        return start if root == -1 else root

    def _words_to_root(self, i: int) -> int:
        """spaCy's ``_count_words_to_root``: a childless space or punctuation mark comes last."""
        if (self.is_space[i] or self.is_punct[i]) and not self.children(i):
            return self.n - 1
        head, words = self.head, 0
        while head[i] != i:
            i = head[i]
            words += 1
            if words >= self.n:
                raise RuntimeError("the parse has a cycle")
        return words

    def is_sent_end(self, i: int) -> bool:
        """Whether token ``i`` ends a sentence (``doc[i].is_sent_end``, unknown as False)."""
        return i + 1 == self.n or self.is_sent_start[i + 1] is True

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text``, cut from the Doc's text without making a Span."""
        if start >= end:
            return ""
        last = end - 1
        return self._text[self.idx[start]:self.idx[last] + len(self.text[last])]

    @cached_property
    def _kids(self) -> dict[int, list[int]]:
        """Children by head, for the tokens that have any (one list per head, not per token: fewer objects)."""
        kids: dict[int, list[int]] = {}
        for i, head in enumerate(self.head):
            if head != i:
                if head in kids:
                    kids[head].append(i)
                else:
                    kids[head] = [i]
        return kids

    def children(self, i: int) -> Sequence[int]:
        """Indices of ``doc[i].children``, in text order.

        spaCy looks for the children between the token's left and right edges; those edges take
        in every child at the first pass of ``set_children_from_heads``, so all tokens whose head
        is ``i`` are found, as here.
        """
        return self._kids.get(i, _NO_CHILDREN)

    def lefts(self, i: int) -> list[int]:
        """Indices of ``doc[i].lefts``."""
        return [c for c in self.children(i) if c < i]

    def subtree_bounds(self, i: int) -> tuple[int, int]:
        """The lowest and highest index in ``doc[i].subtree``."""
        lo = hi = i
        stack = [i]
        while stack:
            for c in self.children(stack.pop()):
                lo, hi = min(lo, c), max(hi, c)
                stack.append(c)
        return lo, hi
