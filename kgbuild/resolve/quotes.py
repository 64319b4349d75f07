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
    """Tokens inside quotation marks; ``orth`` and ``is_space`` are the doc's ORTH and IS_SPACE columns.

    A line break ends a quote (an unclosed mark is a typo, not a quote running on), unless the next
    paragraph's first quote mark closes one: then that paragraph continues the quotation ("He said, "It
    felt good.⏎⏎We could have won."").
    """
    marks = np.array([tt.doc.vocab.strings[q] for q in sorted(QUOTE_MARKS)], dtype=orth.dtype)
    # only quote marks and white space (a line break ends a quote) change the state: visit those
    events = np.flatnonzero(one_of(orth, marks) | (is_space != 0)).tolist()
    inside, start = False, 0
    quoted: set[int] = set()
    text = tt.text
    kinds = [_kind(tt, is_space, i) for i in events]
    for k, i in enumerate(events):
        token = text[i]
        if kinds[k] == "open":
            if inside:
                quoted.update(range(start, i))
            inside, start = True, i + 1
            continue
        if kinds[k] == "close":
            if inside:
                quoted.update(range(start, i))
            inside = False
            continue
        if inside:
            quoted.update(range(start, i))
            if "\n" in token and not _continues(events, kinds, k):
                inside = False
            else:
                quoted.add(i)
            start = i + 1
    if inside:
        quoted.update(range(start, tt.n))
    return quoted


def _kind(tt: TokenTable, is_space: np.ndarray, i: int) -> str:
    """What event token ``i`` of ``quoted_tokens`` is: "open" or "close" (a quote mark), "break" (a line
    break) or "space". A straight quote opens after a space and closes after a word: "…floor. "I know…"
    reopens, never toggles."""
    token = tt.text[i]
    if token in ("\u201c", "``"):
        return "open"
    if token == '"':
        after_space = i == 0 or tt.space[i - 1] or bool(is_space[i - 1]) or tt.text[i - 1] in "(["
        return "open" if after_space else "close"
    if token in ("\u201d", "''"):
        return "close"
    return "break" if "\n" in token else "space"


def _continues(events: list[int], kinds: list[str], k: int) -> bool:
    """Whether the paragraph after the line break at event ``k`` (token ``events[k]``) continues an open
    quotation: its first quote mark, before the next line break, is a closing one."""
    gap_end = events[k]
    for j in range(k + 1, len(events)):
        if kinds[j] in ("open", "close"):
            return kinds[j] == "close"
        if kinds[j] == "break":
            if events[j] != gap_end + 1:
                return False  # the paragraph ended without a quote mark
            gap_end = events[j]  # blank lines between paragraphs: still the same gap
    return False
