"""The trust model: a statement's confidence is the probability that a judge calls it correct."""

from __future__ import annotations

import subprocess
import sys

import rdflib

from kgbuild.config import DEFAULT_MIN_CONFIDENCE, BuildConfig
from kgbuild.pipeline.run import build_graph
from kgbuild.rdf.vocab import KG
from kgbuild.resolve.trust import shipped_model, statement_features

TEXT = ("Hillary Clinton met Pakistani journalists in Islamabad. Pakistan's spy agency, the ISI, requested the "
        "meeting, an official said. Clinton's trip ended on Friday.")


def _statements(kg):
    return [(kg.graph.nodes[s]["label"], d["predicate"], kg.graph.nodes[o]["label"], d["statement"].confidence)
            for s, o, d in kg.graph.edges(data=True)]


def test_the_shipped_model_is_there_with_its_provenance():
    model = shipped_model()
    assert model is not None and "bias" in model.weights and model.weights["confidence"] > 0
    assert 0.5 < model.typed_precision <= 1.0


def test_a_fact_between_names_is_trusted_more_than_one_with_a_bare_number():
    model = shipped_model()

    def p(object_type, object_label):
        return model.probability(statement_features(
            "verb_object", "meet", "Person", "Hillary Clinton", "Clinton", object_type, object_label, object_label,
            False, None, False, "Hillary Clinton met them.", 0.6))

    assert p("Organization", "Pakistani Journalists Association") > p("Quantity", "10")


def test_every_confidence_is_a_probability(nlp):
    every = _statements(build_graph([TEXT], nlp=nlp, config=BuildConfig(min_confidence=0.0)))
    assert every and all(0.0 <= c <= 1.0 for *_, c in every)


def test_statements_below_the_threshold_stay_out(nlp):
    every = _statements(build_graph([TEXT], nlp=nlp, config=BuildConfig(min_confidence=0.0)))
    default = _statements(build_graph([TEXT], nlp=nlp))
    assert all(c >= DEFAULT_MIN_CONFIDENCE for *_, c in default)
    assert set(default) == {st for st in every if st[3] >= DEFAULT_MIN_CONFIDENCE} and len(default) < len(every)


def test_without_the_model_the_extractor_confidence_is_kept(nlp):
    trusted = _statements(build_graph([TEXT], nlp=nlp, config=BuildConfig(min_confidence=0.0)))
    raw = _statements(build_graph([TEXT], nlp=nlp, config=BuildConfig(min_confidence=0.0, trust=False)))
    assert {st[:3] for st in raw} == {st[:3] for st in trusted} and raw != trusted


def test_the_cli_threshold(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    counts = []
    for threshold in ("0", "0.5"):
        out = tmp_path / threshold
        run = subprocess.run([sys.executable, "-m", "kgbuild", "build", str(tmp_path / "a.txt"), "-o", str(out),
                              "--no-html", "--min-confidence", threshold], capture_output=True, text=True, timeout=300)
        assert run.returncode == 0, run.stderr
        g = rdflib.Graph().parse(out / "graph.ttl")
        confidences = [float(c) for c in g.objects(None, KG.confidence)]
        assert all(c >= float(threshold) for c in confidences)
        counts.append(len(confidences))
    assert counts[0] > counts[1]
