"""Memoised stand-ins for spaCy's attribute ruler and rule lemmatizer: the same annotations, faster.

In ``en_core_web_sm`` these two components cost about a fifth of spaCy's own CPU: the ruler's Matcher
tries 179 patterns, some with Python predicates, at every token (25 µs a token), and the lemmatizer
looks every candidate form of a word up in a list of up to 57,528 words. Their answers depend on a
few attributes of one token, and news repeats the same few thousand combinations, so each wrapper
remembers its component's answer per combination and asks the component itself only about a
combination it has not met (the lemmatizer: a copy of it whose word lists are sets). The answer is
the component's own, so the annotations are the same by construction; ``tests/test_memo_components.py``
and ``bench/components.py`` compare every token attribute with the stock components' (over 300
articles, two runs: ruler and lemmatizer 10.5-13.0 -> 1.2-1.6 CPU s, the whole spaCy pipeline
12-23 % less).

A wrapper falls back to its component whole when the component is one it cannot reason about
(extension attributes, quantified patterns, another lemmatizer class or mode).

Each wrapper takes the place of its component in the pipeline; the component stays, disabled, under
its own name, and the wrapper calls it (``wraps``).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer

from kgbuild.parse.memo.lemmatizer import MemoLemmatizer
from kgbuild.parse.memo.ruler import MemoAttributeRuler

__all__ = ["MemoAttributeRuler", "MemoLemmatizer", "install"]


@Language.factory("kgbuild_attribute_ruler", default_config={"wraps": "attribute_ruler"})
def make_memo_attribute_ruler(nlp: Language, name: str, wraps: str) -> MemoAttributeRuler:
    """Make a MemoAttributeRuler for the AttributeRuler named ``wraps``."""
    return MemoAttributeRuler(nlp, name, wraps)


@Language.factory("kgbuild_lemmatizer", default_config={"wraps": "lemmatizer"})
def make_memo_lemmatizer(nlp: Language, name: str, wraps: str) -> MemoLemmatizer:
    """Make a MemoLemmatizer for the Lemmatizer named ``wraps``."""
    return MemoLemmatizer(nlp, name, wraps)


def install(nlp: Language) -> Language:
    """Put the memoised wrappers in place of ``nlp``'s attribute ruler and rule lemmatizer (idempotent).

    Parameters
    ----------
    nlp : Language
        A loaded pipeline.

    Returns
    -------
    Language
        The same pipeline: each wrapped component disabled, its wrapper right after it.
    """
    wrappers = (("attribute_ruler", AttributeRuler, "kgbuild_attribute_ruler"),
                ("lemmatizer", Lemmatizer, "kgbuild_lemmatizer"))
    for wrapped, kind, factory in wrappers:
        if wrapped not in nlp.pipe_names or not isinstance(nlp.get_pipe(wrapped), kind):
            continue
        if factory not in nlp.component_names:
            nlp.add_pipe(factory, after=wrapped, config={"wraps": wrapped})
        nlp.disable_pipe(wrapped)
    return nlp
