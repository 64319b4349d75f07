"""Static pictures: PNG and SVG files of the most connected entities, with readable labels."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import numpy as np
import pytest
import rdflib
from PIL import Image
from rdflib import RDF, RDFS, Literal

from kgbuild.cli import main
from kgbuild.errors import KgbuildError
from kgbuild.rdf.vocab import ENTITY, KG, REL
from kgbuild.view.model import read_model
from kgbuild.view.static import write_picture
from kgbuild.view.synthetic import synthetic_graph
from tests.view.contract_graph import ENTITIES, contract_graph, entity_iri

SVG = "{http://www.w3.org/2000/svg}"


def _svg_texts(path) -> list[str]:
    root = ET.parse(path).getroot()  # also proves the SVG is well-formed XML
    return ["".join(t.itertext()).strip() for t in root.iter(f"{SVG}text")]


def test_png_is_a_real_nonblank_picture(tmp_path):
    out = write_picture(contract_graph(), tmp_path / "g.png")
    image = Image.open(out)
    assert image.format == "PNG" and image.width > 600
    pixels = np.asarray(image.convert("RGB"))
    assert (pixels.min(axis=2) < 200).sum() > 2000  # nodes, edges and labels drawn on white


def test_svg_labels_are_text(tmp_path):
    graph = contract_graph()
    money = ENTITY["quantity-five_million"]
    graph.add((money, RDF.type, KG.Quantity))
    graph.add((money, RDFS.label, Literal("$5 million")))
    graph.add((entity_iri("haddad"), REL.pay, money))  # a predicate without rdfs:label: named from its IRI
    texts = _svg_texts(write_picture(graph, tmp_path / "g.svg", format="svg", title="Demo"))
    for key in ("haddad", "board", "ostrava"):
        assert ENTITIES[key][1] in texts
    assert "$5 million" in texts  # a dollar sign is not read as math
    assert "pay" in texts
    assert any(t.startswith("Demo") for t in texts)


def test_big_graph_draws_only_the_top_entities(tmp_path):
    graph = synthetic_graph(400, n_documents=4, seed=9)
    labels = {n.label for n in read_model(graph).nodes}
    texts = _svg_texts(write_picture(graph, tmp_path / "g.svg", format="svg", top=15))
    drawn = [t for t in texts if t in labels]
    assert 10 <= len(drawn) <= 15


def test_empty_graph_still_gives_a_picture(tmp_path):
    texts = _svg_texts(write_picture(rdflib.Graph(), tmp_path / "empty.svg", format="svg"))
    assert any("no entities" in t for t in texts)


def test_unknown_format_is_refused(tmp_path):
    with pytest.raises(KgbuildError, match="pdf"):
        write_picture(contract_graph(), tmp_path / "g.pdf", format="pdf")
    assert not (tmp_path / "g.pdf").exists()


def test_cli_view_picks_the_format_from_the_extension(tmp_path, capsys):
    graph = tmp_path / "g.nt"
    contract_graph().serialize(graph, format="nt", encoding="utf-8")
    assert main(["view", str(graph), "-o", str(tmp_path / "pic.svg")]) == 0
    assert ENTITIES["haddad"][1] in _svg_texts(tmp_path / "pic.svg")
    assert main(["view", str(graph), "-o", str(tmp_path / "pic.out"), "--format", "png"]) == 0
    assert Image.open(io.BytesIO((tmp_path / "pic.out").read_bytes())).format == "PNG"
    capsys.readouterr()
    assert main(["view", str(graph), "-o", str(tmp_path / "pic.pdf")]) == 2
    err = capsys.readouterr().err
    assert "pic.pdf" in err and ".pdf" in err
    assert main(["view", str(graph), "-o", str(graph), "--format", "html"]) == 2  # never overwrite the input
    assert "overwrite" in capsys.readouterr().err
    assert graph.read_text().strip()
