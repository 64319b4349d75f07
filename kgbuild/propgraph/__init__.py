"""The entity graph as a property graph, for Gephi, Cytoscape, yEd, Neo4j and spreadsheets.

A package of its own, beside ``kgbuild.rdf`` rather than in it: a property graph is not RDF (no
IRIs as keys, properties on edges, one edge per statement), and it is made from the same
``GraphModel`` the view draws, which comes either from an RDF file (``read_model``) or straight
from an in-memory ``KnowledgeGraph`` (``model_from_kg``), so ``kgbuild export`` and the Python API
share one path. One module per format, with networkx's symmetric names: ``write_graphml`` /
``read_graphml``, ``write_gexf`` / ``read_gexf``, ``write_neo4j`` / ``read_neo4j``, ``write_csv`` /
``read_csv``.
"""

from kgbuild.propgraph.csvfiles import read_csv, write_csv
from kgbuild.propgraph.gexf import read_gexf, write_gexf
from kgbuild.propgraph.graphml import read_graphml, write_graphml
from kgbuild.propgraph.model import EDGE_FIELDS, NODE_FIELDS, property_graph
from kgbuild.propgraph.neo4j import read_neo4j, write_neo4j

#: ``kgbuild export --to NAME``: the writer of each format, and whether its output is a folder.
WRITERS = {"graphml": (write_graphml, False), "gexf": (write_gexf, False), "neo4j": (write_neo4j, True),
           "csv": (write_csv, True)}

__all__ = ["EDGE_FIELDS", "NODE_FIELDS", "WRITERS", "property_graph", "read_csv", "read_gexf", "read_graphml",
           "read_neo4j", "write_csv", "write_gexf", "write_graphml", "write_neo4j"]
