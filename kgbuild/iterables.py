"""Conversions between the three kinds of RDF term kgbuild handles, and Turtle.

rdflib terms are the public API; N-Triples text (``kgbuild.rdf.ntriples``) is what
the exporter makes and oxigraph parses; pyoxigraph terms come out of stores and
parsers. Each conversion checks what it converts: a malformed IRI, literal or
language tag is a ``KgbuildError``, never a broken file. N-Triples text quads
become Turtle here too, term by term as oxigraph prints them (``ntriples_to_turtle``).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator


def chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def batched(items: Iterable, size: int) -> Iterator[list]:
    """Lists of ``size`` items (the last may be shorter), read lazily.

    Parameters
    ----------
    items : iterable
    size : int

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
