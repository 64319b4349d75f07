"""The view model made straight from the KnowledgeGraph is the one read from its RDF."""

from pathlib import Path

import pytest

from kgbuild import build_graph
from kgbuild.records import Document
from kgbuild.view.from_kg import model_from_kg
from kgbuild.view.html import render_html
from kgbuild.view.model import read_model

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "harbor_talks.txt"


@pytest.fixture(scope="module")
def kg(nlp):
    texts = [
        Document("a", EXAMPLE.read_text(encoding="utf-8"), title="Harbor talks"),
        Document("b", "Hillary Clinton met Pakistani journalists in Islamabad. She did not meet the ISI chief.",
                 date="2011-10-21"),
        Document("c", "Clinton met Pakistani journalists again on Friday, officials said."),
    ]
    return build_graph(texts, nlp=nlp)


def test_same_model_as_reading_the_rdf(kg):
    direct, via_rdf = model_from_kg(kg), read_model(kg.to_rdflib())
    assert len(direct.nodes) > 10 and len(direct.edges) > 5
    assert direct.documents == via_rdf.documents
    assert direct.nodes == via_rdf.nodes
    assert direct.edges == via_rdf.edges
    assert direct.n_statements == via_rdf.n_statements


def test_the_page_is_the_same_either_way(kg):
    assert render_html(model_from_kg(kg), title="t") == render_html(kg.to_rdflib(), title="t")
