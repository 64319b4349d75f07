"""The document-level pair model: its features and the statements it adds, on sentences written for this test."""

from kgbuild.parse.tokens import table_of
from kgbuild.pipeline.stream import make_pipeline
from kgbuild.records import Document
from kgbuild.resolve.document import resolve_document
from kgbuild.resolve.pairs import PAIR_PATTERN, PairModel, add_pair_relations, document_pairs

TEXT = "Vakhsh is a town in the south of the region. It lies about sixty miles from Tajikistan's border."


def _resolved(nlp):
    parsed = nlp(TEXT)
    return resolve_document(Document("t", TEXT), parsed, parsed._.relations or [], table=table_of(parsed)), parsed


def test_pairs_have_type_and_distance_features():
    nlp = make_pipeline()
    resolved, parsed = _resolved(nlp)
    pairs = list(document_pairs(resolved, parsed))
    assert pairs
    assert all(features[0].count(">") == 1 for _, _, features, *_ in pairs)
    assert any(f.startswith(features[0] + "|sd=") for _, _, features, *_ in pairs for f in features)


def test_model_above_threshold_adds_a_typed_statement_with_provenance():
    nlp = make_pipeline()
    resolved, parsed = _resolved(nlp)
    model = PairModel({"properties": ["country"], "bias": [5.0], "thresholds": [0.5], "weights": {}})
    added = [st for st in add_pair_relations(resolved, parsed, model).statements if st.pattern == PAIR_PATTERN]
    assert added and all(st.predicate == "kg:country" for st in added)
    assert all(TEXT[st.sentence_start:st.sentence_end] == st.sentence for st in added)
    silent = PairModel({"properties": ["country"], "bias": [-5.0], "thresholds": [0.5], "weights": {}})
    assert not [st for st in add_pair_relations(resolved, parsed, silent).statements if st.pattern == PAIR_PATTERN]
