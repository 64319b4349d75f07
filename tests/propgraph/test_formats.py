"""Property-graph exports: each format written and read back (networkx, igraph, and kuzu for Neo4j's files)."""

from __future__ import annotations

import math

import networkx as nx
import pytest

from kgbuild import build_graph
from kgbuild.cli import main
from kgbuild.propgraph import (
    EDGE_FIELDS,
    NODE_FIELDS,
    property_graph,
    read_csv,
    read_gexf,
    read_graphml,
    read_neo4j,
    write_csv,
    write_gexf,
    write_graphml,
    write_neo4j,
)
from tests.view.contract_graph import EDGES, ENTITIES, HOSTILE, contract_graph

FORMATS = {
    "graphml": (write_graphml, read_graphml, "graph.graphml"),
    "gexf": (write_gexf, read_gexf, "graph.gexf"),
    "neo4j": (write_neo4j, read_neo4j, "neo4j"),
    "csv": (write_csv, read_csv, "csv"),
}


def _facts(graph: nx.MultiDiGraph):
    """Every node and edge with its properties, comparable across formats (edges as a sorted list)."""
    nodes = {n: tuple(d[name] for name, _ in NODE_FIELDS) for n, d in graph.nodes(data=True)}
    edges = sorted((s, o, *(round(d[name], 6) if kind is float else d[name] for name, kind in EDGE_FIELDS))
                   for s, o, d in graph.edges(data=True))
    return nodes, edges


@pytest.fixture(scope="module")
def graph():
    return property_graph(contract_graph())


def test_the_property_graph_has_every_entity_and_one_edge_per_statement(graph):
    assert graph.number_of_nodes() == len(ENTITIES) and graph.number_of_edges() == len(EDGES)
    haddad = graph.nodes["person/haddad"]
    assert (haddad["label"], haddad["type"], haddad["mentions"]) == ("Amira Haddad", "Person", 5)
    assert set(haddad["aliases"].split("|")) == {"Haddad", "Minister Haddad"}
    denied = [d for _, _, d in graph.edges(data=True) if d["negated"]]
    assert [(d["predicate"], d["document"]) for d in denied] == [("fund", "d1")]
    assert [d["modality"] for _, _, d in graph.edges(data=True) if d["modality"]] == ["may"]
    assert all(math.isclose(d["confidence"], 0.75) for _, _, d in graph.edges(data=True))


@pytest.mark.parametrize("name", FORMATS)
def test_each_format_reads_back_to_the_same_graph(graph, tmp_path, name):
    write, read, target = FORMATS[name]
    write(graph, tmp_path / target)
    back = read(tmp_path / target)
    assert _facts(back) == _facts(graph)
    assert any(HOSTILE in d["sentence"] or "</script>" in d["sentence"] for _, _, d in back.edges(data=True))


def test_a_built_graph_gives_the_same_property_graph_in_memory_and_from_its_rdf():
    kg = build_graph(["Foreign Minister Clara Vance met Jonas Hale in Port Alden. Vance did not meet the mayor.",
                      "Hale may visit Estria next week, Vance said."])
    assert kg.to_networkx() is kg.graph
    assert _facts(property_graph(kg)) == _facts(property_graph(kg.to_rdflib()))


def test_graphml_opens_in_igraph(graph, tmp_path):
    igraph = pytest.importorskip("igraph")
    write_graphml(graph, tmp_path / "g.graphml")
    g = igraph.Graph.Read_GraphML(str(tmp_path / "g.graphml"))
    assert (g.vcount(), g.ecount()) == (len(ENTITIES), len(EDGES))
    assert sorted(g.vs["label"]) == sorted(e[1] for e in ENTITIES.values())
    assert sorted(g.es["predicate"]) == sorted(e[1] for e in EDGES)


def test_neo4j_files_load_into_an_embedded_property_graph_engine(graph, tmp_path):
    """kuzu (embedded, openCypher) reads the neo4j-admin CSVs; it speaks its own LOAD FROM, not LOAD CSV."""
    kuzu = pytest.importorskip("kuzu")
    write_neo4j(graph, tmp_path / "neo4j")
    header = (tmp_path / "neo4j" / "entities.csv").read_text().splitlines()[0]
    assert header == "id:ID,label,type,aliases:string[],mentions:int,iri,:LABEL"
    conn = kuzu.Connection(kuzu.Database(str(tmp_path / "db")))
    conn.execute("CREATE NODE TABLE Entity(id STRING PRIMARY KEY, label STRING, type STRING, aliases STRING[], "
                 "mentions INT64, iri STRING)")
    conn.execute("CREATE REL TABLE Relation(FROM Entity TO Entity, type STRING, predicate STRING, confidence DOUBLE, "
                 "negated BOOLEAN, modality STRING, sentence STRING, document STRING)")
    entities, relations = tmp_path / "neo4j" / "entities.csv", tmp_path / "neo4j" / "relations.csv"
    # Neo4j's arrays are ;-separated, kuzu's bracketed: the alias column is read as text and split
    conn.execute("LOAD WITH HEADERS (id STRING, label STRING, type STRING, aliases STRING, mentions INT64, iri STRING, "
                 f"labels STRING) FROM '{entities}' (header=true) CREATE (:Entity {{id: id, label: label, type: type, "
                 "aliases: CASE WHEN aliases IS NULL THEN CAST([] AS STRING[]) ELSE string_split(aliases, ';') END, "
                 "mentions: mentions, iri: iri})")
    conn.execute(f"LOAD FROM '{relations}' (header=true) MATCH (s:Entity {{id: `:START_ID`}}), (o:Entity {{id: `:END_ID`}}) "
                 "CREATE (s)-[:Relation {type: `:TYPE`, predicate: predicate, confidence: confidence, negated: negated, "
                 "modality: modality, sentence: sentence, document: document}]->(o)")
    result = conn.execute("MATCH (s:Entity)-[r:Relation]->(o:Entity) RETURN s.id, o.id, r.type, r.predicate, r.negated, "
                          "r.modality, r.sentence, s.mentions, s.aliases")
    rows = []
    while result.has_next():
        rows.append(result.get_next())
    assert sorted((r[0], r[1], r[3], r[4], r[5] or "", r[6]) for r in rows) == sorted(
        (s, o, d["predicate"], d["negated"], d["modality"], d["sentence"]) for s, o, d in graph.edges(data=True))
    assert {r[2] for r in rows} == {"MEET_WITH", "FUND", "VISIT", "ATTACK"}
    haddad = next(r for r in rows if r[0] == "person/haddad")
    assert haddad[7] == 5 and set(haddad[8]) == {"Haddad", "Minister Haddad"}


def test_the_cypher_script_loads_both_files():
    from kgbuild.propgraph.neo4j import LOAD_CYPHER

    assert "LOAD CSV WITH HEADERS FROM 'file:///entities.csv'" in LOAD_CYPHER
    assert "LOAD CSV WITH HEADERS FROM 'file:///relations.csv'" in LOAD_CYPHER


@pytest.mark.parametrize("name", FORMATS)
def test_cli_export_writes_each_format(tmp_path, capsys, name):
    path = tmp_path / "graph.ttl"
    contract_graph().serialize(path, format="turtle")
    out = tmp_path / f"out-{name}"
    assert main(["export", str(path), "--to", name, "-o", str(out)]) == 0
    assert f"wrote {out} ({len(ENTITIES)} entities, {len(EDGES)} statements)" in capsys.readouterr().err
    assert _facts(FORMATS[name][1](out)) == _facts(property_graph(contract_graph()))


def test_cli_export_errors_are_one_line(tmp_path, capsys):
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .\n")
    assert main(["export", str(bad), "--to", "graphml", "-o", str(tmp_path / "x.graphml")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kgbuild: error: ") and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "x.graphml").exists()
    (tmp_path / "afile").write_text("")
    good = tmp_path / "g.ttl"
    contract_graph().serialize(good, format="turtle")
    assert main(["export", str(good), "--to", "neo4j", "-o", str(tmp_path / "afile")]) == 2
    assert "writes a folder, and this is a file" in capsys.readouterr().err
