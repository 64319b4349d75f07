"""Extraction: relations from a parsed Doc. Importing this registers the ``kgbuild_relations`` component."""

from kgbuild.extract.component import PATTERNS, RelationExtractor, extract_relations
from kgbuild.extract.types import Argument, Relation

__all__ = ["PATTERNS", "Argument", "Relation", "RelationExtractor", "extract_relations"]
