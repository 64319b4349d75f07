"""Comparing names: one normal form shared by coreference and cross-document merging."""

from __future__ import annotations

import re


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
    text = re.sub(r"^(mr|mrs|ms|miss|dr|sir|dame|lord|lady)\.?\s+(?=\S)", "", text)  # "Mr Brown" is Brown
    text = re.sub(r"(?<=\b\w)\.", "", text)  # U.S. → us
    return " ".join(text.split())
