"""Comparing names: one normal form shared by coreference and cross-document merging."""

from __future__ import annotations

import functools
import hashlib
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


#: Ids longer than this are cut, and a hash of the whole id keeps them apart.
_ID_CHARS = 120


@functools.lru_cache(maxsize=100_000)  # a document's id is slugged for each of its concepts
def document_slug(doc_id: str) -> str:
    """The local name of a document's IRI: readable, and one of its own for every distinct id.

    An id without upper case or white space (most ids: ``n1``, ``reuters-2015-03``) keeps the
    slug ``slug`` gives it; any other keeps its case and has its white space percent-encoded,
    so ``DOC_1``, ``doc_1``, ``doc 1`` and ``doc  1`` stay four documents. An id over 120
    characters is cut and ends in ``.`` and a hash of the whole id: the one literal dot a
    slug can hold (``slug`` encodes dots), so a cut id never meets a whole one.

    Example
    -------
    >>> [document_slug(i) for i in ["doc_1", "DOC_1", "doc 1", "a.b/c"]]
    ['doc_1', 'DOC_1', 'doc%201', 'a%2Eb%2Fc']
    >>> len({document_slug("x" * 200), document_slug("x" * 199)})
    2
    """
    if len(doc_id) > _ID_CHARS or not doc_id:
        digest = hashlib.blake2b(doc_id.encode("utf-8", "surrogatepass"), digest_size=6).hexdigest()
        return f"{document_slug(doc_id[:100]) if doc_id else '_'}.{digest}"
    if _UNQUOTED.fullmatch(doc_id):
        return doc_id
    # for an id in lower case without white space this is exactly ``slug(doc_id)``: their IRIs do not change
    return urllib.parse.quote(doc_id, safe="_-~").replace(".", "%2E")
