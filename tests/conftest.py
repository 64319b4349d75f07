"""Shared fixtures: one real spaCy pipeline per test session, and the ../shared folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from kgbuild.extract import extract_relations
from kgbuild.pipeline.stream import make_pipeline
from kgbuild.records import Document
from kgbuild.resolve.document import resolve_document

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    """The real default English pipeline with our extractor."""
    return make_pipeline()


@pytest.fixture(scope="module")
def docs(nlp, request):
    """The test module's ``TEXTS``, parsed once for the module."""
    return [nlp(text) for text in request.module.TEXTS]


@pytest.fixture(scope="session")
def relations_of(nlp):
    """Relations of a sentence, as (subject, predicate, object) text triples plus the objects."""

    def run(text: str):
        doc = nlp(text)
        return doc, doc._.relations

    return run


@pytest.fixture(scope="session")
def resolve(nlp):
    """Resolve a text into a ResolvedDocument."""

    def run(text: str, doc_id: str = "t"):
        doc = nlp(text)
        return resolve_document(Document(doc_id, text), doc, extract_relations(doc))

    return run


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.exists():
        pytest.skip(f"{SHARED} is absent")
    return SHARED


def triples(relations) -> set[tuple[str, str, str]]:
    return {(r.subject.text if r.subject else "", r.predicate, r.object.text if r.object else "") for r in relations}
