"""The one batching helper every stage uses: lists of ``size`` items from any iterable, read lazily."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of ``size`` items (the last may be shorter), read lazily.

    Parameters
    ----------
    items : iterable
    size : int
        At least 1 is used.

    Returns
    -------
    Iterator of list

    Example
    -------
    >>> list(batched(iter(range(5)), 2))
    [[0, 1], [2, 3], [4]]
    """
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, max(1, size))):
        yield batch
