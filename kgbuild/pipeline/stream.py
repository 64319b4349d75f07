"""The serial core of a build: the pipeline, batching, and one pass of parse → extract → resolve.

Every engine (one process, local worker processes, a Dask cluster) runs ``resolve_serial`` on its
share of the documents. Parsed Docs are dropped as soon as their document is resolved, so memory
holds only results.
"""

from __future__ import annotations

import contextlib
import gc
import weakref
from collections.abc import Iterable, Iterator

from spacy.language import Language

import kgbuild.extract  # noqa: F401  (registers the kgbuild_relations component)
from kgbuild.config import BuildConfig
from kgbuild.parse.load import load_model
from kgbuild.parse.tokens import table_of
from kgbuild.records import Document, ResolvedDocument
from kgbuild.resolve.continents import add_continents
from kgbuild.resolve.document import resolve_document
from kgbuild.resolve.nested import with_nested_mentions
from kgbuild.resolve.pairs import add_pair_relations, defines_its_subject
from kgbuild.resolve.trust import keep_confident
from kgbuild.resolve.typed import type_document

#: Pipelines that have parsed a batch outside a memory zone (their tokenizer cache is filled).
_WARMED: weakref.WeakSet[Language] = weakref.WeakSet()


def make_pipeline(config: BuildConfig | str | None = None) -> Language:
    """A spaCy pipeline with our extractor added (see ``kgbuild.parse.load.load_model`` for the model order).

    ``config`` is a ``BuildConfig`` (its model, memoisation and extraction settings) or, for short, a
    model name.

    The model's objects live as long as the process, so they are moved out of the cyclic garbage
    collector's sight (``gc.freeze``, which takes whatever is alive at that point): otherwise every
    full collection of a long build walks the whole model again, half of the collector's time.
    """
    config = config if isinstance(config, BuildConfig) else BuildConfig(model=config)
    nlp = load_model(config.model, memoised=config.memoised)
    if "kgbuild_relations" not in nlp.pipe_names:
        nlp.add_pipe("kgbuild_relations", config=config.extractor_config())
    gc.freeze()
    return nlp


def as_documents(texts: Iterable[str | Document], max_chars: int = BuildConfig.max_chars) -> Iterator[Document]:
    """Documents from strings or Documents; a text too long for one parse is cut into parts."""
    from kgbuild.read.ids import split_document

    for i, item in enumerate(texts):
        document = item if isinstance(item, Document) else Document(id=f"doc{i + 1}", text=item)
        yield from split_document(document, max_chars)


def by_character_budget(documents: Iterable[Document], batch_size: int, budget: int) -> Iterator[list[Document]]:
    """Batches of at most ``batch_size`` documents and about ``budget`` characters: a batch of long
    texts would otherwise hold gigabytes of parser state at once."""
    batch: list[Document] = []
    size = 0
    for document in documents:
        if batch and (len(batch) >= batch_size or size + len(document.text) > budget):
            yield batch
            batch, size = [], 0
        batch.append(document)
        size += len(document.text)
    if batch:
        yield batch


def resolve_serial(
    documents: Iterable[Document], nlp: Language, config: BuildConfig = BuildConfig()
) -> Iterator[ResolvedDocument]:
    """Parse, extract and resolve documents in this process, one ``ResolvedDocument`` each, in order.

    Parameters
    ----------
    documents : iterable of Document
    nlp : Language
        From ``make_pipeline``.
    config : BuildConfig
        Its ``batch_size`` and ``batch_characters`` bound each ``nlp.pipe`` batch.

    Returns
    -------
    Iterator of ResolvedDocument

    Example
    -------
    >>> nlp = make_pipeline()
    >>> [r.document.id for r in resolve_serial([Document("a", "Clinton met journalists.")], nlp)]
    ['a']
    """
    for batch in by_character_budget(documents, config.batch_size, config.batch_characters):
        pairs = [(doc.text, doc) for doc in batch]
        # spaCy's vocabulary keeps every new word it meets for good: in a memory zone the strings a
        # batch added are dropped when it ends (its Docs are not used after; results are plain data).
        # A pipeline's first batch runs outside one, to fill the tokenizer's cache, which zones leave
        # alone; "first" per pipeline, not per call: a worker resolves one batch per call.
        with nlp.memory_zone() if nlp in _WARMED else contextlib.nullcontext():
            resolved = [_optional_steps(keep_confident(type_document(resolve_document(
                document, parsed, parsed._.relations or [], table=table_of(parsed), trust=config.trust)), config.min_confidence),
                parsed, config)
                        for parsed, document in nlp.pipe(pairs, as_tuples=True, batch_size=len(batch))]
        _WARMED.add(nlp)
        yield from resolved


def _optional_steps(resolved: ResolvedDocument, parsed, config: BuildConfig) -> ResolvedDocument:
    """The document-level pair model's typed statements and the countries' continents added, when the
    config asks for them, and the mentions inside names, when it asks for those."""
    if config.nested_mentions:
        resolved = with_nested_mentions(resolved, parsed.text)
    wanted = config.pair_relations if config.pair_relations is not None else defines_its_subject(parsed)
    return add_continents(add_pair_relations(resolved, parsed), parsed) if wanted else resolved
