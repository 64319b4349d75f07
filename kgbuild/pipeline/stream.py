"""The pipeline: read → parse → extract → resolve → graph, behind one function.

``build_graph`` is the Python API the CLI wraps. Parsed Docs are dropped as
soon as their document is resolved, so memory holds only the graph.
"""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterable, Iterator

from spacy.language import Language

import kgbuild.extract  # noqa: F401  (registers the kgbuild_relations component)
from kgbuild.parse.load import load_model
from kgbuild.records import Document

#: Characters parsed in one batch at most (about 200 KB of text holds a few hundred MB of parser state).
BATCH_CHARACTERS = 200_000
#: Pipelines that have parsed a batch outside a memory zone (their tokenizer cache is filled).
_WARMED: weakref.WeakSet[Language] = weakref.WeakSet()


def make_pipeline(model: str | None = None) -> Language:
    """A spaCy pipeline with our extractor added (see ``kgbuild.parse.load.load_model`` for the model order).

    The model's objects live as long as the process, so they are moved out of the cyclic garbage
    collector's sight (``gc.freeze``, which takes whatever is alive at that point): otherwise every
    full collection of a long build walks the whole model again, half of the collector's time.
    """
    nlp = load_model(model)
    if "kgbuild_relations" not in nlp.pipe_names:
        nlp.add_pipe("kgbuild_relations")
    gc.freeze()
    return nlp


def as_documents(texts: Iterable[str | Document]) -> Iterator[Document]:
    """Documents from strings or Documents; a text too long for one parse is cut into parts."""
    from kgbuild.read.ids import split_document

    for i, item in enumerate(texts):
        yield from split_document(item if isinstance(item, Document) else Document(id=f"doc{i + 1}", text=item))


def _by_character_budget(documents: Iterable[Document], batch_size: int, budget: int) -> Iterator[list[Document]]:
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
