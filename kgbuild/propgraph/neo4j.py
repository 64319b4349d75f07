"""Neo4j: the CSV files and headers of ``neo4j-admin database import``, and a ``LOAD CSV`` Cypher script.

``entities.csv`` has ``id:ID``, the properties (``aliases:string[]``, ``;``-separated, and
``mentions:int``) and ``:LABEL`` (``Entity;Person``); ``relations.csv`` has ``:START_ID``,
``:END_ID``, ``:TYPE`` (the predicate in capitals, ``MEET_WITH``) and the statement's properties.
Either load them offline::

    neo4j-admin database import full --nodes=entities.csv --relationships=relations.csv neo4j

or into a running database with ``load.cypher`` (copy the CSVs to its import folder, then
``cypher-shell -f load.cypher``; dynamic labels and types need Neo4j 5.26 or later).

Example
-------
>>> import tempfile, pathlib
>>> from kgbuild import build_graph
>>> folder = pathlib.Path(tempfile.mkdtemp()) / "neo4j"
>>> write_neo4j(build_graph(["Hillary Clinton met Pakistani journalists."]), folder)
>>> sorted(p.name for p in folder.iterdir())
['entities.csv', 'load.cypher', 'relations.csv']
>>> (folder / "relations.csv").read_text().splitlines()[0]
':START_ID,:END_ID,:TYPE,predicate,confidence:float,negated:boolean,modality,sentence,document'
>>> [(s, d["predicate"], o) for s, o, d in read_neo4j(folder).edges(data=True)]
[('person-hillary_clinton', 'meet', 'concept-doc1-pakistani_journalists')]
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import networkx as nx

from kgbuild.atomic import atomic_write
from kgbuild.errors import KgbuildError
from kgbuild.propgraph.model import ALIAS_SEPARATOR, property_graph, typed

NODE_HEADER = ["id:ID", "label", "type", "aliases:string[]", "mentions:int", "iri", ":LABEL"]
EDGE_HEADER = [":START_ID", ":END_ID", ":TYPE", "predicate", "confidence:float", "negated:boolean", "modality",
               "sentence", "document"]
ARRAY = ";"  # neo4j-admin's default array delimiter

LOAD_CYPHER = """// Load kgbuild's entities.csv and relations.csv into a running Neo4j (5.26 or later):
// put both files in the database's import folder, then: cypher-shell -f load.cypher
CREATE CONSTRAINT kgbuild_entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;

LOAD CSV WITH HEADERS FROM 'file:///entities.csv' AS row
CALL (row) {
  MERGE (e:Entity {id: row.`id:ID`})
  SET e.label = row.label, e.type = row.type, e.iri = row.iri, e.mentions = toInteger(row.`mentions:int`),
      e.aliases = CASE row.`aliases:string[]` WHEN '' THEN [] ELSE split(row.`aliases:string[]`, ';') END
  SET e:$(row.type)
} IN TRANSACTIONS OF 10000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///relations.csv' AS row
CALL (row) {
  MATCH (s:Entity {id: row.`:START_ID`}), (o:Entity {id: row.`:END_ID`})
  CREATE (s)-[r:$(row.`:TYPE`)]->(o)
  SET r.predicate = row.predicate, r.confidence = toFloat(row.`confidence:float`),
      r.negated = row.`negated:boolean` = 'true', r.modality = row.modality, r.sentence = row.sentence,
      r.document = row.document
} IN TRANSACTIONS OF 10000 ROWS;
"""


def relation_type(predicate: str) -> str:
    """A predicate as a Neo4j relationship type: ``meet_with`` → ``MEET_WITH``.

    Example
    -------
    >>> relation_type("be in"), relation_type("say_to")
    ('BE_IN', 'SAY_TO')
    """
    return re.sub(r"\W+", "_", predicate).strip("_").upper() or "RELATED_TO"


def write_neo4j(source, folder: str | Path) -> None:
    """Write ``entities.csv``, ``relations.csv`` (neo4j-admin import headers) and ``load.cypher``."""
    graph = source if isinstance(source, nx.MultiDiGraph) else property_graph(source)
    folder = Path(folder)
    with atomic_write(folder / "entities.csv") as handle:
        writer = csv.writer(handle)
        writer.writerow(NODE_HEADER)
        for node, d in graph.nodes(data=True):
            aliases = ARRAY.join(a.replace(ARRAY, ",") for a in d["aliases"].split(ALIAS_SEPARATOR) if a)
            writer.writerow([node, d["label"], d["type"], aliases, d["mentions"], d["iri"], f"Entity;{d['type']}"])
    with atomic_write(folder / "relations.csv") as handle:
        writer = csv.writer(handle)
        writer.writerow(EDGE_HEADER)
        for s, o, d in graph.edges(data=True):
            writer.writerow([s, o, relation_type(d["predicate"]), d["predicate"], d["confidence"],
                             str(d["negated"]).lower(), d["modality"], d["sentence"], d["document"]])
    with atomic_write(folder / "load.cypher") as handle:
        handle.write(LOAD_CYPHER)


def read_neo4j(folder: str | Path) -> nx.MultiDiGraph:
    """The property graph from a folder written by ``write_neo4j`` (read by its headers' names and types)."""
    folder = Path(folder)
    graph = nx.MultiDiGraph()
    try:
        with open(folder / "entities.csv", newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                aliases = [a for a in row["aliases:string[]"].split(ARRAY) if a]
                graph.add_node(row["id:ID"], label=row["label"], type=row["type"], aliases=ALIAS_SEPARATOR.join(aliases),
                               mentions=typed(row["mentions:int"], int), iri=row["iri"])
        with open(folder / "relations.csv", newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                graph.add_edge(row[":START_ID"], row[":END_ID"], predicate=row["predicate"],
                               confidence=typed(row["confidence:float"], float),
                               negated=typed(row["negated:boolean"], bool), modality=row["modality"],
                               sentence=row["sentence"], document=row["document"])
    except (OSError, KeyError) as exc:
        raise KgbuildError(f"not a kgbuild Neo4j export: {exc}", path=folder) from None
    return graph
