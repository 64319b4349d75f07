"""The spaCy component, as a spaCy user adds it."""

import spacy

import kgbuild.extract  # noqa: F401  registers the factory
from kgbuild.parse.load import DEFAULT_MODELS


def _installed_model() -> str:
    return next(m for m in DEFAULT_MODELS if spacy.util.is_package(m))


def test_add_pipe_fills_doc_relations():
    nlp = spacy.load(_installed_model())
    nlp.add_pipe("kgbuild_relations")
    doc = nlp("Clinton met Pakistani journalists.")
    assert [(r.subject.text, r.predicate, r.object.text) for r in doc._.relations] == [
        ("Clinton", "meet", "Pakistani journalists")
    ]


def test_pattern_families_are_configurable():
    nlp = spacy.load(_installed_model())
    nlp.add_pipe("kgbuild_relations", config={"patterns": ["appositions"]})
    doc = nlp("Jeremy Clarkson, the host of Top Gear, met the producer.")
    assert doc._.relations
    assert {r.pattern for r in doc._.relations} <= {"apposition", "apposition_prep"}


def test_confidence_is_between_zero_and_one(relations_of):
    _, rels = relations_of("Sec. of State Clinton mentioned such contact in a meeting with Pakistani journalists.")
    assert rels and all(0 < r.confidence < 1 for r in rels)


def test_the_factory_is_found_by_entry_point_without_importing_kgbuild():
    """pyproject's spacy_factories entry point: spaCy registers kgbuild_relations on its own."""
    import subprocess
    import sys

    code = ("import sys, spacy; nlp = spacy.blank('en'); nlp.add_pipe('kgbuild_relations'); "
            "print(nlp.pipe_names, 'kgbuild.extract.component' in sys.modules)")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["['kgbuild_relations']", "True"]
