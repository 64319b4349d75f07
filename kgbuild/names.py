"""Comparing names: one normal form shared by coreference and cross-document merging."""

from __future__ import annotations

import functools
import re
import urllib.parse

from kgbuild.lexicon import HONORIFICS

_HONORIFIC_PREFIX = re.compile(r"^({})\.?\s+(?=\S)".format("|".join(sorted(HONORIFICS))))


@functools.lru_cache(maxsize=100_000)  # the same names are compared again and again
def normalize(name: str) -> str:
    """A key for comparing names: lower case, straight quotes, no leading 'the' or honorific, no dots in acronyms.

    Parameters
    ----------
    name : str

    Returns
    -------
    str

    Example
    -------
    >>> normalize("the U.S."), normalize("Mr Brown")
    ('us', 'brown')
    """
    text = name.lower().replace("\u2019", "'").strip()
    text = re.sub(r"^the\s+", "", text)
    text = _HONORIFIC_PREFIX.sub("", text)  # "Mr Brown" is Brown
    text = re.sub(r"(?<=\b\w)\.", "", text)  # U.S. → us
    return " ".join(text.split())


#: What ``urllib.parse.quote(..., safe="_-~")`` leaves as it is, but the dot: most slugs need no quoting.
_UNQUOTED = re.compile(r"[A-Za-z0-9_~-]+")


@functools.lru_cache(maxsize=100_000)  # a document's id is slugged for each of its concepts
def slug(text: str) -> str:
    """An IRI-safe slug of a name: lower case, spaces as '_', everything else percent-encoded.

    Example
    -------
    >>> slug('Pakistan’s "intelligence"/service')
    'pakistan%E2%80%99s_%22intelligence%22%2Fservice'
    """
    cleaned = "_".join(text.lower().split())[:120] or "_"
    if _UNQUOTED.fullmatch(cleaned):
        return cleaned
    return urllib.parse.quote(cleaned, safe="_-~").replace(".", "%2E")
