"""Quotations: which tokens of a Doc are inside quotation marks (a quote's words are not the narrator's).

Read with numpy off the Doc's ORTH and IS_SPACE columns: only quote marks and white space change the state,
so only those tokens are visited.
"""

from __future__ import annotations

import numpy as np

from kgbuild.lexicon import QUOTE_MARKS
from kgbuild.parse.tokens import TokenTable


def one_of(column: np.ndarray, values: np.ndarray) -> np.ndarray:
    """``np.isin(column, values)`` for a few values: one comparison each, without isin's set-up."""
    mask = np.zeros(len(column), dtype=bool)
    for value in values:
        mask |= column == value
    return mask




def quoted_tokens(tt: TokenTable, orth: np.ndarray, is_space: np.ndarray) -> set[int]:
    """Tokens inside quotation marks; ``orth`` and ``is_space`` are the doc's ORTH and IS_SPACE columns."""
    marks = np.array([tt.doc.vocab.strings[q] for q in sorted(QUOTE_MARKS)], dtype=orth.dtype)
    # only quote marks and white space (a line break ends a quote) change the state: visit those
    events = np.flatnonzero(one_of(orth, marks) | (is_space != 0)).tolist()
    inside, start = False, 0
    quoted: set[int] = set()
    text = tt.text
    for i in events:
        token = text[i]
        # a straight quote opens after a space and closes after a word: "…floor. "I know…" reopens, never toggles
        opens = token == '"' and (i == 0 or tt.space[i - 1] or bool(is_space[i - 1]) or text[i - 1] in "([")
        if token in ("\u201c", "``") or opens:
            if inside:
                quoted.update(range(start, i))
            inside, start = True, i + 1
            continue
        if token in ("\u201d", "''", '"'):
            if inside:
                quoted.update(range(start, i))
            inside = False
            continue
        if inside:
            quoted.update(range(start, i))
            if "\n" in token:
                inside = False
            else:
                quoted.add(i)
            start = i + 1
    if inside:
        quoted.update(range(start, tt.n))
    return quoted
