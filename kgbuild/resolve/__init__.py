"""Stage 4, resolution: from a parsed Doc and its relations to the entities and statements of one document.

``document`` runs the stage; ``entity_spans`` repairs NER spans, ``mentions`` and ``quotes`` find the
mentions, ``coref``, ``clusters``, ``aliases`` and ``descriptions`` decide which of them are one thing.
"""

from kgbuild.resolve.document import resolve_document

__all__ = ["resolve_document"]
