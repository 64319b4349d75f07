"""The learned confidence model: shipped weights, features, and the ranking they give."""

import math

from kgbuild.extract.component import OPENIE_PATTERNS, PATTERNS, extract_relations
from kgbuild.extract.confidence import covered, learned, sentence_features, weights


def test_weights_are_shipped_and_score_between_zero_and_one():
    model = weights()
    assert model is not None and model["weights"]
    assert 0 < learned({}, model) < 1
    assert all(math.isfinite(w) for w in model["weights"].values())


def test_a_relation_restated_by_a_fuller_one_is_covered(nlp):
    doc = nlp("The council wants to repair the old bridge.")
    rels = extract_relations(doc, model=False)
    flags = dict(zip((r.relation_text for r in rels), covered(rels)))
    assert flags["wants to repair"] is False
    assert flags.get("to repair") is True


def test_features_name_the_pattern_and_the_parse(nlp):
    doc = nlp("The council repaired the bridge after the storm.")
    sent = next(doc.sents)
    rels = extract_relations(doc, model=False)
    feats = sentence_features(doc, sent, rels)[0]
    assert feats["pattern=" + rels[0].pattern] == 1.0
    assert feats["verb.dep=ROOT"] == 1.0 and feats["rank=0"] == 1.0


def test_the_main_clause_outranks_a_noun_phrase_detail(nlp):
    doc = nlp("The council repaired the narrow bridge over the river in March.")
    rels = extract_relations(doc, [*PATTERNS.values(), *OPENIE_PATTERNS.values()], openie=True)
    main = next(r for r in rels if r.predicate == "repair")
    details = [r for r in rels if r.pattern in ("noun_modifier", "noun_prep")]
    assert details and all(r.confidence < main.confidence for r in details)


def test_reported_speech_is_less_sure_than_the_report(nlp):
    doc = nlp("The minister said that the army had closed the border.")
    rels = extract_relations(doc)
    said = next(r for r in rels if r.predicate == "say")
    closed = next(r for r in rels if r.predicate == "close")
    assert closed.attribution is not None
    assert closed.confidence < said.confidence
