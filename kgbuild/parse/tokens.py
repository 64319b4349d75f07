"""A parsed Doc's token attributes as plain Python lists, read once per Doc with ``Doc.to_array``.

spaCy makes a new ``Token`` object at every ``doc[i]`` and ``token.children``,
and looks a string up at every ``token.dep_``; extraction and resolution read
a few attributes of every token many times over, and making those objects
cost more than the reading. A ``TokenTable`` answers from lists instead, with
spaCy's names: ``dep`` is the id (hash or symbol, as ``Token.dep``), ``dep_``
the string (as ``Token.dep_``). Id columns suit tests against constant sets
(``ids`` makes them from strings); string columns are made on first use.

One table serves a Doc from extraction through resolution: ``table_of`` keeps
the last Doc's table.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from functools import cached_property

import numpy as np
from spacy.attrs import (
    DEP,
    ENT_IOB,
    ENT_TYPE,
    HEAD,
    IDX,
    IS_PUNCT,
    IS_SPACE,
    LEMMA,
    LENGTH,
    LIKE_NUM,
    LOWER,
    ORTH,
    POS,
    SENT_START,
    SPACY,
    TAG,
)
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

#: ``ENT_IOB`` values: 3 begins an entity, 1 continues it (2 outside, 0 unset).
IOB_BEGIN, IOB_INSIDE = 3, 1
#: The columns read at once when a table is made (the ones every Doc needs).
_EAGER = [ORTH, LOWER, LEMMA, POS, DEP, TAG, ENT_TYPE, ENT_IOB, IDX, LENGTH, SPACY]
#: Attribute → {hash: string} of values seen. A hash names the same string in every StringStore, so one
#: memo serves all Docs; one per attribute keeps the small ones (TAG, DEP...) small and their look-ups fast.
_STRINGS: dict[int, dict[int, str]] = {}
#: Bound per attribute: the memo is only a cache, emptied when full, so a long build's memory does not grow
#: with its vocabulary (50,000 words: a few MB; the words of one article are found again at once).
_MAX_STRINGS = 50_000
#: ``Token.is_sent_start`` for SENT_START values 0, 1 and -1 (the last item), by position.
_SENT_START = np.array([None, True, False], dtype=object)
_NO_CHILDREN: tuple[int, ...] = ()


def ids(*words: str) -> frozenset[int]:
    """The ids ``Doc.to_array`` gives these strings (the same in every vocabulary: hashes or symbols).

    Example
    -------
    >>> from spacy.symbols import nsubj
    >>> ids("nsubj") == {nsubj}
    True
    """
    return frozenset(get_string_id(w) for w in words)


class TokenTable:
    """Per-token attribute lists of ``doc``: ``table.dep_[i] == doc[i].dep_``, ``table.dep[i] == doc[i].dep``...

    Id columns, read when the table is made: ``orth``, ``lower``, ``lemma``, ``pos``, ``dep``, ``tag``,
    ``ent_type``, ``iob``, ``idx``, ``length``, ``space`` (trailing whitespace), ``head`` (absolute index).
    String and flag columns, on first use: ``text``, ``text_with_ws``, ``lower_``, ``lemma_``, ``pos_``,
    ``dep_``, ``tag_``, ``ent_type_``, ``is_punct``, ``is_space``, ``like_num``, ``is_sent_start``.

    Parameters
    ----------
    doc : Doc
        A parsed Doc; the table reflects it as it is now (make it after the parse).

    Example
    -------
    >>> import spacy
    >>> table = TokenTable(spacy.blank("en")("Clinton met them."))
    >>> table.text_of([0, 1, 3]), table.span_text(0, 2), table.lower_[0]
    ('Clinton met .', 'Clinton met', 'clinton')
    """

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.n = len(doc)
        if self.n:
            columns = doc.to_array(_EAGER).T.tolist()
            relative = doc.to_array(HEAD).astype(np.int64)  # offsets, stored unsigned
            self.head: list[int] = (relative + np.arange(self.n, dtype=np.int64)).tolist()
        else:
            columns, self.head = [[] for _ in _EAGER], []
        (self.orth, self.lower, self.lemma, self.pos, self.dep, self.tag, self.ent_type, self.iob,
         self.idx, self.length, space) = columns
        self.space: list[bool] = [bool(s) for s in space]
        self._arrays: dict[int, np.ndarray] = {}

    def array(self, attr: int) -> np.ndarray:
        """``doc.to_array(attr)`` (hashes, flags or numbers, as uint64), read once."""
        found = self._arrays.get(attr)
        if found is None:
            found = self._arrays[attr] = self.doc.to_array(attr)
        return found

    def _strings(self, attr: int, hashes: list[int]) -> list[str]:
        """The string of each hash of ``attr``, looked up in the StringStore once per distinct hash."""
        memo = _STRINGS.setdefault(attr, {})
        if len(memo) > _MAX_STRINGS:
            memo.clear()
        values = list(map(memo.get, hashes))
        if None in values:  # words not seen before: look them up
            strings = self.doc.vocab.strings
            for i in [i for i, value in enumerate(values) if value is None]:
                value = memo.get(hashes[i])
                if value is None:
                    value = memo[hashes[i]] = strings[hashes[i]]
                values[i] = value
        return values

    def _flags(self, attr: int) -> list[bool]:
        return self.array(attr).astype(bool).tolist()

    # strings and flags, each made on first use: not every step needs every one

    @cached_property
    def text(self) -> list[str]:
        return self._strings(ORTH, self.orth)

    @cached_property
    def text_with_ws(self) -> list[str]:
        return [t + " " if space else t for t, space in zip(self.text, self.space)]

    @cached_property
    def doc_text(self) -> str:
        """``doc.text``, without its walk over new Tokens."""
        return "".join(self.text_with_ws)

    @cached_property
    def lower_(self) -> list[str]:
        return self._strings(LOWER, self.lower)

    @cached_property
    def lemma_(self) -> list[str]:
        return self._strings(LEMMA, self.lemma)

    @cached_property
    def pos_(self) -> list[str]:
        return [POS_NAMES[p] for p in self.pos]

    @cached_property
    def tag_(self) -> list[str]:
        return self._strings(TAG, self.tag)

    @cached_property
    def dep_(self) -> list[str]:
        return self._strings(DEP, self.dep)

    @cached_property
    def ent_type_(self) -> list[str]:
        return self._strings(ENT_TYPE, self.ent_type)

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

    # the tree

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

    def subtree(self, i: int) -> list[int]:
        """Token ``i`` and all its descendants, in order."""
        out, stack = [], [i]
        while stack:
            j = stack.pop()
            out.append(j)
            stack.extend(self.children(j))
        return sorted(out)

    def subtree_bounds(self, i: int) -> tuple[int, int]:
        """The lowest and highest index in ``doc[i].subtree``."""
        lo = hi = i
        stack = [i]
        while stack:
            for c in self.children(stack.pop()):
                lo, hi = min(lo, c), max(hi, c)
                stack.append(c)
        return lo, hi

    def depth(self, i: int) -> int:
        """How many heads above token ``i`` the root is (at most 6)."""
        n = 0
        while self.head[i] != i and n < 6:
            i, n = self.head[i], n + 1
        return n

    # sentences and spans

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

    def is_sent_end(self, i: int) -> bool:
        """Whether token ``i`` ends a sentence (``doc[i].is_sent_end``, unknown as False)."""
        return i + 1 == self.n or self.is_sent_start[i + 1] is True

    def root(self, start: int, end: int) -> int:
        """``doc[start:end].root.i``: the token nearest the root of the parse (the first of equals)."""
        head = self.head
        tops = [i for i in range(start, end) if head[i] == i or not start <= head[i] < end]
        if len(tops) == 1:  # one way out of the span (most names): no walk up the tree
            return tops[0]
        for i in tops:
            if head[i] == i:
                return i
        best, root = self.n, -1
        for i in tops:
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

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text``, cut from the Doc's text without making a Span."""
        if start >= end:
            return ""
        last = end - 1
        return self.doc_text[self.idx[start]:self.idx[last] + self.length[last]]

    def text_of(self, indices: Iterable[int]) -> str:
        """The text of the given tokens (in order), spaced as in the document; a gap is one space."""
        parts: list[str] = []
        run_start = previous = None
        idx, length, text = self.idx, self.length, self.doc_text
        for i in indices:
            if previous is not None and previous + 1 != i:  # a gap: close the run
                parts.append(text[idx[run_start]:idx[previous] + length[previous]])
                run_start = None
            if run_start is None:
                run_start = i
            previous = i
        if previous is not None:
            parts.append(text[idx[run_start]:idx[previous] + length[previous]])
        return " ".join(parts).strip()

    def entities(self, start: int = 0, end: int | None = None) -> list[tuple[int, int, int]]:
        """The named entities wholly inside tokens ``start`` to ``end``, as (start, end, label id):
        ``doc.ents`` read off the IOB column, with no Span made for each.

        Example
        -------
        >>> from kgbuild.parse.load import load_model
        >>> doc = load_model()("Hillary Clinton met journalists in Islamabad.")
        >>> TokenTable(doc).entities() == [(e.start, e.end, e.label) for e in doc.ents]
        True
        """
        iob, types = self.iob, self.ent_type
        end = self.n if end is None else end
        found: list[tuple[int, int, int]] = []
        i = start
        while True:
            try:
                first = iob.index(IOB_BEGIN, i, end)  # the next entity: found in C, not word by word
            except ValueError:
                return found
            i = first + 1
            while i < self.n and iob[i] == IOB_INSIDE:
                i += 1
            if i <= end and types[first]:  # a "B" without a type is outside any entity, as in doc.ents
                found.append((first, i, types[first]))

    def where(self, span: Span, column: list[int], values: frozenset[int]) -> list[int]:
        """Indices of the tokens of ``span`` whose ``column`` value is in ``values``."""
        return [i for i in range(span.start, span.end) if column[i] in values]


# Per thread, the last Doc's table, for spaCy components that no parameter reaches: it holds its Doc
# until the next Doc's table replaces it. Callers that hold the table pass it on instead.
_last = threading.local()


def table_of(doc: Doc, fresh: bool = False) -> TokenTable:
    """The table of ``doc``, shared by extraction and resolution of one Doc (the last Doc's table is kept).

    ``fresh`` reads the Doc again: ``extract_relations`` starts with it, so a Doc changed in place
    since (retokenised) is never read from a stale table.

    Example
    -------
    >>> import spacy
    >>> doc = spacy.blank("en")("Clinton met journalists.")
    >>> table_of(doc) is table_of(doc), table_of(doc, fresh=True) is table_of(doc)
    (True, True)
    """
    table = getattr(_last, "table", None)
    if fresh or table is None or table.doc is not doc:
        table = _last.table = TokenTable(doc)
    return table
