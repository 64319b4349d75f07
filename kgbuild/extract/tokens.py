"""A Doc's token attributes as plain lists, read once per Doc in C (``Doc.to_array``).

spaCy makes a new ``Token`` object at every ``doc[i]`` and ``token.children``;
the extraction patterns read a few attributes of every token of every
sentence, and building those objects cost more than the reading. The table
holds ids (hashes or symbols, as ``Doc.to_array`` gives them) so tests against
constant sets are integer comparisons; ``ids`` makes such sets from strings.
"""

from __future__ import annotations

import weakref

import numpy

from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, LEMMA, LENGTH, LOWER, ORTH, POS, SPACY, TAG
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

#: ``ENT_IOB`` values: 3 begins an entity, 1 continues it (2 outside, 0 unset).
IOB_BEGIN, IOB_INSIDE = 3, 1


def ids(*words: str) -> frozenset[int]:
    """The ids ``Doc.to_array`` gives these strings (the same in every vocabulary: hashes or symbols)."""
    return frozenset(get_string_id(w) for w in words)


class TokenTable:
    """Columns of one Doc: ``orth``, ``lower``, ``lemma``, ``pos``, ``dep``, ``tag``, ``ent`` (type), ``iob``,
    ``head`` (absolute index), ``idx``/``length`` (characters), ``space`` (trailing whitespace),
    ``children(i)`` (indices, in order) and the Doc's ``text``.

    Example
    -------
    >>> import spacy
    >>> table = TokenTable(spacy.blank("en")("Clinton met them."))
    >>> table.text_of([0, 1, 3])
    'Clinton met .'
    """

    __slots__ = ("orth", "lower", "lemma", "pos", "dep", "tag", "ent", "iob", "head", "idx", "length", "space",
                 "_by_head", "_starts", "text", "size")

    def __init__(self, doc: Doc) -> None:
        self.size = len(doc)
        attrs = [ORTH, LOWER, LEMMA, POS, DEP, TAG, ENT_TYPE, ENT_IOB, IDX, LENGTH, SPACY]
        if len(doc):
            columns = doc.to_array(attrs).T.tolist()
            relative = doc.to_array(HEAD).astype("int64").tolist()
        else:
            columns, relative = [[] for _ in attrs], []
        (self.orth, self.lower, self.lemma, self.pos, self.dep, self.tag, self.ent, self.iob,
         self.idx, self.length, self.space) = columns
        self.head = [i + offset for i, offset in enumerate(relative)]
        # ``Doc.text`` makes a Token per token; the same text from the string store costs a tenth
        words = map(doc.vocab.strings.__getitem__, self.orth)
        self.text = "".join([w + " " if space else w for w, space in zip(words, self.space)])
        # children without a list per token (thousands of small lists a Doc kept the collector busy):
        # tokens sorted by head, and where each head's run starts; roots go to a last, unused bucket
        heads = numpy.asarray(self.head, dtype=numpy.int64)
        grouped = numpy.where(heads == numpy.arange(len(heads)), len(heads), heads)
        self._by_head = numpy.argsort(grouped, kind="stable").tolist()
        self._starts = numpy.searchsorted(grouped[self._by_head] if len(heads) else grouped,
                                          numpy.arange(len(heads) + 1)).tolist()

    def children(self, i: int) -> list[int]:
        """The children of token ``i``, in order."""
        return self._by_head[self._starts[i]:self._starts[i + 1]]

    def depth(self, i: int) -> int:
        """How many heads above token ``i`` the root is (at most 6)."""
        n = 0
        while self.head[i] != i and n < 6:
            i, n = self.head[i], n + 1
        return n

    def subtree(self, i: int) -> list[int]:
        """Token ``i`` and all its descendants, in order."""
        out, stack = [], [i]
        while stack:
            j = stack.pop()
            out.append(j)
            stack.extend(self.children(j))
        return sorted(out)

    def text_of(self, indices) -> str:
        """The text of the given tokens (in order), spaced as in the document; a gap is one space."""
        parts: list[str] = []
        run_start = previous = None
        idx, length, text = self.idx, self.length, self.text
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

    def where(self, span: Span, column: list[int], values: frozenset[int]) -> list[int]:
        """Indices of the tokens of ``span`` whose ``column`` value is in ``values``."""
        return [i for i in range(span.start, span.end) if column[i] in values]


_last: tuple[weakref.ref, TokenTable] | None = None


def table_of(doc: Doc, fresh: bool = False) -> TokenTable:
    """The table of ``doc``, shared by the patterns of one Doc (the last Doc's table is kept).

    ``fresh`` reads the Doc again: ``extract_relations`` starts with it, so a Doc changed in place
    since (retokenised) is never read from a stale table.
    """
    global _last
    if not fresh and _last is not None and _last[0]() is doc:
        return _last[1]
    table = TokenTable(doc)
    _last = (weakref.ref(doc), table)
    return table
